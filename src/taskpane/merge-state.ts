// The "Tổng hợp" tab's state: the picked files, how far reading got, whether a
// summary is being written. Pure: actions return a new state; no DOM, no Office.
import { fileStatus } from '../core/file-status';
import { Merged, mergeReturns, sumRows } from '../core/merge';
import { Problem, ReturnResult } from '../core/returns';
import { chooseSummaries } from '../core/national';
import { ProvinceReturn } from '../core/summary-read';
import { uniqueName } from '../core/unique-name';
import { asciiFileName } from './form-state';
import { StringKey } from './i18n';

export interface FileMeta {
  /** The file's own name. */
  original: string;
  size: number;
  modified: number;
}

export interface MergeFile extends FileMeta {
  /** Unique per picked file, whatever its name. */
  id: number;
  /** The name the core and the summary see: the file's own name, or "name (2)" when another picked file has that name. */
  name: string;
  result?: ReturnResult;
  /** Set instead of `result` when the file is a provincial summary. */
  summary?: ProvinceReturn;
}

export type FileStatus = 'reading' | 'ok' | 'warning' | 'error' | 'superseded';

export interface MergeState {
  files: readonly MergeFile[];
  nextId: number;
  /** Files (and picks being listed) still being read: "Tổng hợp" waits for them. */
  reading: number;
  /** Files in the current reading run, for "3/12". */
  readTotal: number;
  merging: boolean;
  progress: Progress;
  /** Which files the list shows. */
  filter: Filter;
}

/** The line under the drop zone: hidden, a bar while reading, or the count per status. */
export type Progress =
  | { kind: 'hidden' }
  | { kind: 'bar'; value: number; max: number; text: { key: 'reading' | 'readDone'; vars: Record<string, number> } }
  | { kind: 'summary' };

export const initialMergeState: MergeState = { files: [], nextId: 1, reading: 0, readTotal: 0, merging: false, progress: { kind: 'hidden' }, filter: 'all' };

/** Every unit may send back the blank form's name: "bieu-mau-ctxh-2025.xlsx" → "bieu-mau-ctxh-2025.xlsx (2)". */
export function uniqueFileName(name: string, taken: Iterable<string>): string {
  return uniqueName(name, taken);
}

/** Only spreadsheets from a pick, unless it holds none (then every file, so each gets its own message). */
export function spreadsheetsOf<F extends { name: string; type: string }>(files: F[]): F[] {
  const picked = files.filter((f) => /\.(xlsx|xlsm|xls|ods)$/i.test(f.name) || f.type.includes('sheet') || f.type.includes('excel'));
  return picked.length ? picked : files;
}

/** Earlier files that may be this very file again (same name, size and time); the caller compares their bytes. */
export function possiblySame(state: MergeState, meta: FileMeta, alsoPicked: readonly MergeFile[] = []): MergeFile[] {
  return [...state.files, ...alsoPicked].filter((e) => e.original === meta.original && e.size === meta.size && e.modified === meta.modified);
}

/**
 * One picked file. `same`: an earlier file with the very same bytes, which it replaces (keeping its name);
 * `pick`: the files already taken from this pick (the same file twice in one pick counts once).
 * A different file that happens to have the same name is kept beside it as "name (2)".
 */
export function addFile(state: MergeState, meta: FileMeta, same: MergeFile | undefined, pick: readonly MergeFile[]): { state: MergeState; file?: MergeFile } {
  if (same && pick.includes(same)) return { state };
  const name = same ? same.name : uniqueFileName(meta.original, [...state.files, ...pick].map((e) => e.name));
  const file: MergeFile = { ...meta, id: state.nextId, name };
  const old = same ? state.files.indexOf(same) : -1;
  const files = old >= 0 ? state.files.map((f, i) => (i === old ? file : f)) : [...state.files, file];
  return { state: { ...state, files, nextId: state.nextId + 1 }, file };
}

/** A pick is being listed (duplicates are judged against every earlier pick): "Tổng hợp" waits. */
export const listingStarted = (s: MergeState): MergeState => ({ ...s, reading: s.reading + 1 });
export const listingDone = (s: MergeState): MergeState => ({ ...s, reading: s.reading - 1 });

function withProgress(s: MergeState): MergeState {
  const progress: Progress =
    s.readTotal === 0
      ? { kind: 'hidden' }
      : {
          kind: 'bar',
          value: s.readTotal - s.reading,
          max: Math.max(1, s.readTotal),
          text: s.reading ? { key: 'reading', vars: { done: s.readTotal - s.reading, total: s.readTotal } } : { key: 'readDone', vars: { total: s.readTotal } },
        };
  return { ...s, progress, readTotal: s.reading ? s.readTotal : 0 };
}

/** Once nothing is being read, the line under the drop zone counts the files per status. */
function settled(s: MergeState): MergeState {
  return !s.reading && s.files.length ? { ...s, progress: { kind: 'summary' } } : s;
}

export function readingStarted(s: MergeState, n: number): MergeState {
  return settled(withProgress({ ...s, reading: s.reading + n, readTotal: s.readTotal + n }));
}

/** A file was read (`result` and `summary` undefined: the worker gave no answer for it; it stays "reading"). */
export function fileRead(s: MergeState, id: number, result: ReturnResult | undefined, summary?: ProvinceReturn): MergeState {
  const next = withProgress({ ...s, reading: s.reading - 1, files: s.files.map((f) => (f.id === id ? { ...f, result, ...(summary ? { summary } : {}) } : f)) });
  return next.files.some((f) => f.id === id) ? settled(next) : next;
}

export const removeFile = (s: MergeState, id: number): MergeState => settled({ ...s, files: s.files.filter((f) => f.id !== id) });
export const clearFiles = (s: MergeState): MergeState => ({ ...s, files: [], progress: { kind: 'hidden' }, filter: 'all' });
export const mergeStarted = (s: MergeState): MergeState => ({ ...s, merging: true });
export const mergeDone = (s: MergeState): MergeState => ({ ...s, merging: false });

/** The results read so far, in pick order. */
export const readResults = (s: MergeState): ReturnResult[] => s.files.filter((f) => f.result).map((f) => f.result!);
/** The provincial summaries read so far, in pick order: with any, "Tổng hợp" is the national merge. */
export const readSummaries = (s: MergeState): ProvinceReturn[] => s.files.filter((f) => f.summary).map((f) => f.summary!);

/**
 * The status of a file across the whole set, from the core (superseded by a newer file of its unit,
 * rejected, …) with the problems the merge added across files; 'reading' until it was read.
 */
export function fileStatusAcrossSet(file: MergeFile, preview: Merged | undefined): { status: FileStatus; by?: string; problems: Problem[] } {
  if (!file.result) return { status: 'reading', problems: [] };
  // While files are still arriving the set is not known yet: each file's own verdict.
  if (!preview) return { status: file.result.status, problems: file.result.problems };
  const st = fileStatus(file.result, preview);
  return { status: st.state, ...(st.by !== undefined ? { by: st.by } : {}), problems: st.problems };
}

export interface FileCard {
  file: MergeFile;
  status: FileStatus;
  supersededBy?: string;
  problems: Problem[];
  /** The file's own sums, only where they are what gets merged (a rejected file's partial sums are neither). */
  totals?: { participants: number; totalFunding: number };
  /** Why a rejected file is left out: its first error. */
  reason?: Problem;
}

export type Filter = FileStatus | 'all';

export interface MergeView {
  /** The cards the filter lets through, errors first. */
  cards: FileCard[];
  /** Files per status, in the order the footer's line lists them (valid · warning · error · superseded · reading). */
  counts: { status: FileStatus; n: number }[];
  /** The filter in force (a filter whose status has no file any more falls back to all). */
  filter: Filter;
}

/** "Tổng hợp" is off while files are being read (it would leave them out) and while a summary is being made. */
export function mergeButton(s: MergeState): { disabled: boolean; label: StringKey; busy: boolean } {
  return { disabled: s.merging || s.reading > 0, label: s.reading > 0 ? 'mergeWaitReading' : 'mergeNow', busy: s.reading > 0 };
}

export const STATUS_LABEL: Record<FileStatus, StringKey> = {
  reading: 'statusReading',
  ok: 'statusOk',
  warning: 'statusWarning',
  error: 'statusError',
  superseded: 'statusSuperseded',
};

/** A count with its status word ("2 lỗi", "2 with errors"). */
export const COUNT_LABEL: Record<FileStatus, StringKey> = {
  reading: 'countReading',
  ok: 'countOk',
  warning: 'countWarning',
  error: 'countError',
  superseded: 'countSuperseded',
};

/** The list's order, and the filter buttons': what needs the clerk's attention first. */
export const LIST_ORDER: readonly FileStatus[] = ['error', 'warning', 'superseded', 'ok', 'reading'];
const LINE_ORDER: readonly FileStatus[] = ['ok', 'warning', 'error', 'superseded', 'reading'];

export const setFilter = (s: MergeState, filter: Filter): MergeState => ({ ...s, filter });

/**
 * What the tab shows. The set-wide verdicts (superseded, cross-file warnings) need one merge of every
 * result: done once reading has settled, not after every file, so the work stays linear in the files.
 */
export function mergeView(s: MergeState, year: number | undefined): MergeView {
  const preview = s.reading > 0 ? undefined : mergeReturns(readResults(s), { year });
  const summaries = readSummaries(s);
  const superseded = chooseSummaries(summaries).superseded;
  const all = s.files.map((file): FileCard => {
    if (file.summary) {
      const sup = superseded.find((x) => x.file === file.summary!.file);
      if (sup) return { file, status: 'superseded', supersededBy: sup.by, problems: file.summary.problems };
      return { file, status: file.summary.status, totals: file.summary.totals, problems: file.summary.problems };
    }
    const st = fileStatusAcrossSet(file, preview);
    const merged = st.status === 'ok' || st.status === 'warning';
    const rows = file.result?.rows ?? [];
    return {
      file,
      status: st.status,
      ...(st.by !== undefined ? { supersededBy: st.by } : {}),
      problems: st.problems,
      ...(merged && rows.length ? { totals: sumRows(rows) } : {}),
      ...(st.status === 'error' ? { reason: st.problems.find((p) => p.severity === 'error') } : {}),
    };
  });
  const n = new Map<FileStatus, number>();
  for (const c of all) n.set(c.status, (n.get(c.status) ?? 0) + 1);
  const counts = LINE_ORDER.filter((status) => n.get(status)).map((status) => ({ status, n: n.get(status)! }));
  const filter: Filter = s.filter !== 'all' && n.get(s.filter) ? s.filter : 'all';
  const rank = (st: FileStatus) => LIST_ORDER.indexOf(st);
  // Stable: within a status, files keep the order they were picked in.
  const cards = all.filter((c) => filter === 'all' || c.status === filter).sort((a, b) => rank(a.status) - rank(b.status));
  return { cards, counts, filter };
}

/** "tong-hop-ctxh-2025-lang-son.xlsx": the summary's file where the host saves files; ASCII, like the form's. */
export function summaryFileName(year: number | undefined, province: string | undefined): string {
  return ['tong-hop-ctxh', year, province && asciiFileName(province)].filter(Boolean).join('-') + '.xlsx';
}

/**
 * The campaign's body and plan for the Ministry's draft. Part 1 holds the body that sends the form
 * out ("Sở Y tế" by default) and its plan: they are the writer's only when the body is a central one
 * ("Bộ …", "Cục …"); otherwise the draft says the ministry of the year and leaves the plan to fill in.
 */
export function nationalReportParams(c: { body?: string; plan?: string }): { body?: string; plan?: string } {
  if (!c.body || !/^(bộ|cục)\s/iu.test(c.body.normalize('NFC').trim())) return {};
  return { body: c.body, ...(c.plan ? { plan: c.plan } : {}) };
}

/** "bao-cao-ctxh-2025.docx", "bao-cao-ctxh-toan-quoc-2027.docx": the report draft's file name. */
export function reportFileName(year: number | undefined, national: boolean): string {
  return national ? ['bao-cao-ctxh-toan-quoc', year].filter(Boolean).join('-') + '.docx' : `bao-cao-ctxh-${year ?? 'tong-hop'}.docx`;
}
