// Test harness: drive LibreOffice Calc headless (through test/helpers/uno_edit.py,
// run with the system python3 that has the `uno` module) to edit workbooks the way
// a clerk does, recalculate, read cells back and save as xlsx / xls / ods / pdf.
// Every call starts its own soffice with a fresh profile and pipe name, so parallel
// jest workers never share an instance. Sheet protection is not enforced by UNO:
// edits behave as if the clerk had unprotected the sheet.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A sheet by name, or by 0-based index; the first sheet when absent. */
export type SheetRef = string | number;

export type Op =
  | { op: 'setNumber'; sheet?: SheetRef; cell: string; value: number }
  /** Literal text, also when it starts with "=". */
  | { op: 'setText'; sheet?: SheetRef; cell: string; value: string }
  /** A formula in English function names, "=" optional, arguments separated by ";" or ",". */
  | { op: 'setFormula'; sheet?: SheetRef; cell: string; formula: string }
  | { op: 'clear'; sheet?: SheetRef; cell: string }
  /** Insert `count` rows before 1-based row `before` (they take row numbers before … before+count-1). */
  | { op: 'insertRows'; sheet?: SheetRef; before: number; count?: number }
  | { op: 'deleteRows'; sheet?: SheetRef; at: number; count?: number }
  | { op: 'renameSheet'; sheet?: SheetRef; name: string }
  /** Copy a sheet under a new name, at a 0-based position (the end when absent). */
  | { op: 'copySheet'; sheet?: SheetRef; name: string; position?: number }
  | { op: 'moveSheet'; sheet?: SheetRef; position: number }
  | { op: 'insertSheet'; name: string; position?: number }
  | { op: 'removeSheet'; sheet: SheetRef }
  | { op: 'unprotect'; sheet?: SheetRef; password?: string }
  | { op: 'protect'; sheet?: SheetRef; password?: string }
  /** Document properties. LibreOffice stamps "now" as the modified date when it saves, whatever is set here. */
  | { op: 'docProps'; author?: string; title?: string; created?: string }
  /** Recalculate, then read a range; the result goes to `reads` in op order. */
  | { op: 'read'; sheet?: SheetRef; range: string }
  /** Recalculate, then read A1 to the end of the used area. */
  | { op: 'readUsed'; sheet?: SheetRef }
  /** First cell whose displayed text (trimmed) equals `text`; goes to `reads`. */
  | { op: 'find'; sheet?: SheetRef; text: string };

export type OutputFormat = 'xlsx' | 'xls' | 'ods' | 'pdf' | 'csv';
export interface Output {
  path: string;
  format: OutputFormat;
}

export type LoCell =
  | { type: 'empty' }
  | { type: 'number'; value: number; text: string }
  | { type: 'text'; value: string }
  /** A formula's computed result; `error` is LibreOffice's error code when it failed. */
  | { type: 'formula'; formula: string; text: string; resultType?: 'number' | 'text'; value?: number | string; error?: number };

export interface RangeRead {
  sheet: string;
  range: string;
  cells: LoCell[][];
}
export interface FindRead {
  sheet: string;
  text: string;
  row: number | null;
  col: number | null;
}
export type Read = RangeRead | FindRead;

export interface Job {
  input: string;
  ops?: Op[];
  outputs?: Output[];
}
export interface JobResult {
  /** Sheet names after the ops, in order. */
  sheets: string[];
  /** Results of the read / readUsed / find ops, in op order. */
  reads: Read[];
}

export interface RunOptions {
  /** Whole-run timeout in ms (default 120 s, or CTXH_LO_TIMEOUT_MS). */
  timeoutMs?: number;
}

const SCRIPT = path.join(__dirname, 'uno_edit.py');
const PYTHON = process.env.CTXH_PYTHON ?? '/usr/bin/python3';
const SOFFICE = process.env.CTXH_SOFFICE ?? 'soffice';

/** Why LibreOffice cannot run here, or null when it can. */
export function libreOfficeProblem(): string | null {
  const py = spawnSync(PYTHON, ['-c', 'import uno'], { env: pythonEnv(), encoding: 'utf8' });
  if (py.error || py.status !== 0) return `${PYTHON} cannot import uno (apt-get install python3-uno): ${py.error?.message ?? py.stderr}`;
  const so = spawnSync(SOFFICE, ['--version'], { encoding: 'utf8', timeout: 60000 });
  if (so.error || so.status !== 0) return `${SOFFICE} not runnable (apt-get install libreoffice-calc-nogui): ${so.error?.message ?? so.stderr}`;
  return null;
}

function pythonEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  // A pyenv / venv Python setup must not leak into the system python3 that has uno.
  delete env.PYTHONPATH;
  delete env.PYTHONHOME;
  delete env.VIRTUAL_ENV;
  return env;
}

function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** Runs several jobs in one LibreOffice instance (one start-up for all). */
export async function runLibreOfficeJobs(jobs: Job[], opts: RunOptions = {}): Promise<JobResult[]> {
  const timeoutMs = opts.timeoutMs ?? Number(process.env.CTXH_LO_TIMEOUT_MS ?? 120000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxh-lo-'));
  const specPath = path.join(dir, 'spec.json');
  const resultPath = path.join(dir, 'result.json');
  const spec = {
    soffice: SOFFICE,
    profile: path.join(dir, 'profile'),
    jobs: jobs.map((j) => ({
      input: path.resolve(j.input),
      ops: j.ops ?? [],
      outputs: (j.outputs ?? []).map((o) => ({ ...o, path: path.resolve(o.path) })),
    })),
  };
  fs.writeFileSync(specPath, JSON.stringify(spec));
  try {
    const { code, stderr, timedOut } = await new Promise<{ code: number | null; stderr: string; timedOut: boolean }>((resolve, reject) => {
      const child = spawn(PYTHON, [SCRIPT, specPath, resultPath], { env: pythonEnv(), detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      let timedOut = false;
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (d: string) => (err += d));
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child.pid);
        const pgid = readOr(path.join(dir, 'soffice.pgid'));
        if (pgid) killGroup(Number(pgid));
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`Cannot run ${PYTHON}: ${e.message}`));
      });
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve({ code: c, stderr: err, timedOut });
      });
    });
    const log = readOr(path.join(dir, 'soffice.log'));
    const details = () => `\n--- python stderr ---\n${stderr.trim()}\n--- soffice output ---\n${log.trim()}`;
    if (timedOut) throw new Error(`LibreOffice timed out after ${timeoutMs} ms${details()}`);
    const raw = readOr(resultPath);
    if (!raw) throw new Error(`LibreOffice harness exited with code ${code} and no result${details()}`);
    const result = JSON.parse(raw) as { jobs?: JobResult[]; error?: string; trace?: string };
    if (result.error || !result.jobs) throw new Error(`LibreOffice: ${result.error}\n${result.trace ?? ''}${details()}`);
    return result.jobs;
  } finally {
    if (!process.env.CTXH_KEEP_LO_DIR) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens `input`, applies `ops`, recalculates, stores `outputs`; returns the reads. */
export async function runLibreOffice(input: string, ops: Op[], outputs: Output[] = [], opts: RunOptions = {}): Promise<JobResult> {
  const [res] = await runLibreOfficeJobs([{ input, ops, outputs }], opts);
  return res;
}

function readOr(p: string): string {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}

/** The number a cell shows, null for empty / blank text / "" results. Throws on an error cell. */
export function cellNumber(c: LoCell): number | null {
  if (c.type === 'empty') return null;
  if (c.type === 'number') return c.value;
  if (c.type === 'text') return c.value.trim() === '' ? null : Number.NaN;
  if (c.error) throw new Error(`formula ${c.formula} gives error ${c.error}`);
  if (c.resultType === 'number') return c.value as number;
  return String(c.value ?? '') === '' ? null : Number.NaN;
}

/** What a cell displays (formulas: their result as text). */
export function cellText(c: LoCell): string {
  if (c.type === 'empty') return '';
  if (c.type === 'text') return c.value;
  return c.text;
}

export function isRange(r: Read): r is RangeRead {
  return 'cells' in r;
}
