// The CLI's file system side: which files to read, reading one return, and writing
// outputs safely (nothing an input or another output, nothing overwritten without --force).
import { existsSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Lang } from '../core/i18n';
import { ReturnResult } from '../core/returns';
import type { InputFile } from './read-file';
import { CLI_TEXT } from './messages';
import { progressLine } from './progress';
import { UsageError } from './usage';

/** An output file could not be written: exit 2, nothing half-done reported as success. */
export class OutputError extends Error {}

const SPREADSHEET_EXT = new Set(['.xlsx', '.xls', '.ods']);

/** The files named, folders expanded to the spreadsheets in them; each file once. */
export function listInputs(paths: string[], lang: Lang): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    // The same file named twice (or a folder and a file in it) is read once.
    const real = realpathSync(f);
    if (!seen.has(real)) seen.add(real), files.push(f);
  };
  for (const p of paths) {
    if (!existsSync(p)) throw new UsageError(CLI_TEXT.noSuchPath(p)[lang]);
    if (statSync(p).isDirectory()) {
      // "~$…" are the lock files Excel leaves beside an open workbook, not returns.
      for (const name of readdirSync(p).sort()) if (SPREADSHEET_EXT.has(extname(name).toLowerCase()) && !name.startsWith('~$')) add(join(p, name));
    } else add(p);
  }
  if (!files.length) throw new UsageError(CLI_TEXT.noFiles[lang]);
  return files;
}

/**
 * Reads and validates every file on all cores (read-pool.ts), with a progress line when standard
 * error is a terminal (never with `quiet`); results in the order of `files`. The pool and the
 * reader are loaded only here, so commands that read nothing start at once.
 */
export async function readInputs(files: string[], o: { year?: number; workers?: number; quiet?: boolean }, lang: Lang): Promise<ReturnResult[]> {
  const { readReturnFiles } = await import('./read-pool');
  const progress = progressLine(files.length, lang, process.stderr, o.quiet ? false : undefined);
  try {
    return await readReturnFiles(files, { campaignYear: o.year, workers: o.workers, onProgress: (done, rejected) => progress.update(done, rejected) });
  } finally {
    progress.end();
  }
}

/** As readInputs, for a merge: each file a provincial summary or a unit's return. */
export async function readMergeInputs(files: string[], o: { year?: number; workers?: number; quiet?: boolean }, lang: Lang): Promise<InputFile[]> {
  const { readInputFiles } = await import('./read-pool');
  const progress = progressLine(files.length, lang, process.stderr, o.quiet ? false : undefined);
  try {
    return await readInputFiles(files, { campaignYear: o.year, workers: o.workers, onProgress: (done, rejected) => progress.update(done, rejected) });
  } finally {
    progress.end();
  }
}

/** Refuses, before any work is done, an output that would destroy an input or another output, or cannot be written. */
export function guardOutputs(outs: string[], inputs: string[], force: boolean, lang: Lang): void {
  const taken = new Set(inputs.map((f) => resolve(f)));
  for (const out of outs) {
    const abs = resolve(out);
    if (taken.has(abs)) throw new UsageError(CLI_TEXT.outputIsInput(out)[lang]);
    taken.add(abs);
    const dir = dirname(abs);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(CLI_TEXT.noFolder(dirname(out), basename(out))[lang]);
    if (existsSync(abs) && !force) throw new UsageError(CLI_TEXT.outputExists(out)[lang]);
  }
}

/** Writes a result file; a failure (locked by Excel, no permission, disk full) is explained, not a crash. */
export function writeOutput(path: string, data: Uint8Array | string, lang: Lang): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new OutputError(CLI_TEXT.cannotWrite(path, code)[lang]);
  }
}

/** .xlsx outputs only: the writer makes nothing else. */
export function isXlsx(path: string): boolean {
  return extname(path).toLowerCase() === '.xlsx';
}
