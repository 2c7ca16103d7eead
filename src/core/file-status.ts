// What only shows across a set of files (a file superseded by a newer one, last year's
// form among this year's, a resent copy), given back file by file.
import { Merged } from './merge';
import { Problem, ReturnResult } from './returns';

export type FileState = 'ok' | 'warning' | 'error' | 'superseded';

export interface FileStatus {
  file: string;
  unit?: string;
  state: FileState;
  /** For a superseded file: the file used instead. */
  by?: string;
  /** The file's own problems, then the warnings the merge added across files (e.g. year.differs, duplicate.sameTime). */
  problems: Problem[];
}

const problemKey = (p: Problem) => `${p.code}|${p.cell ?? ''}|${p.message.vi}`;

/** The status of one file after the set it belongs to was merged (as by mergeReturns). */
export function fileStatus(result: ReturnResult, merged: Merged): FileStatus {
  const { file } = result;
  const own = new Set(result.problems.map(problemKey));
  const extra = merged.warnings.filter((w) => w.file === file && !own.has(problemKey(w)));
  const base = { file, ...(result.unit !== undefined ? { unit: result.unit } : {}), problems: [...result.problems, ...extra] };
  const sup = merged.superseded.find((s) => s.file === file);
  if (sup) return { ...base, state: 'superseded', by: sup.by };
  if (merged.rejected.some((r) => r.file === file)) return { ...base, state: 'error' };
  const acc = merged.accepted.find((a) => a.file === file);
  if (acc) return { ...base, state: acc.warnings.length ? 'warning' : 'ok' };
  return { ...base, state: result.status };
}

/** fileStatus for every file of the set, in the order given. */
export function fileStatuses(results: readonly ReturnResult[], merged: Merged): FileStatus[] {
  return results.map((r) => fileStatus(r, merged));
}
