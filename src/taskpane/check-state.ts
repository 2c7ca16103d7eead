// The "Kiểm tra" tab's state and what it shows for a checked sheet. Pure: no
// DOM, no Office; the tab runs the checks and the host marks the cells.
import { parseAddress } from '../core/a1';
import { Problem, ReturnResult } from '../core/returns';
import type { HighlightState, Mark } from './host';
import { StringKey } from './i18n';

export interface CheckState {
  /** The sheet checked last (its marks, its watcher). */
  sheetId?: string;
  sheetName?: string;
  highlight?: HighlightState;
  /** Bumped when rows or cells are inserted or deleted: a check that started before must not keep its addresses. */
  structure: number;
}

export const initialCheckState: CheckState = { structure: 0 };

/** After rows or cells moved, the remembered addresses hold other cells: forget them rather than paint old fills onto them. */
export function sheetEdited(s: CheckState, change: { structural: boolean }): CheckState {
  if (!change.structural) return s;
  return { ...s, structure: s.structure + 1, highlight: s.highlight && { sheetId: s.highlight.sheetId, original: {}, marked: {} } };
}

/** A check finished; its marks count only if nothing moved while it ran. */
export function checked(s: CheckState, sheetId: string, sheetName: string, highlight: HighlightState, startedAt: number): CheckState {
  return { ...s, sheetId, sheetName, highlight: startedAt === s.structure ? highlight : { sheetId: highlight.sheetId, original: {}, marked: {} } };
}

const cellKey = (cell: string | undefined): number => {
  if (!cell || !/^[A-Z]+\d+$/.test(cell)) return -1;
  const { r, c } = parseAddress(cell);
  return r * 20_000 + c;
};

/** Problems in sheet order (row, then column), errors first within a cell; problems without a cell first. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => cellKey(a.cell) - cellKey(b.cell) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** The cells to colour: every problem with a plain A1 cell. */
export function marksOf(result: ReturnResult): Mark[] {
  return result.problems.filter((p) => p.cell && /^[A-Z]{1,3}\d+$/.test(p.cell)).map((p) => ({ cell: p.cell!, severity: p.severity }));
}

type Line = { key: StringKey; vars?: Record<string, string | number> } | { text: 'notForm' };

/** The message bar above the list: its kind, its title and lines, as string keys. */
export interface CheckSummary {
  kind: 'success' | 'warning' | 'error' | 'info';
  title: { key: StringKey; vars?: Record<string, string | number> }[];
  lines: Line[];
  /** Not a form at all: one plain explanation, no list. */
  notForm?: Problem;
}

export function checkSummary(result: ReturnResult, sheetName: string): CheckSummary {
  const errors = result.problems.filter((p) => p.severity === 'error');
  const warnings = result.problems.filter((p) => p.severity === 'warning');
  const where = { key: 'checkedSheet' as const, vars: { sheet: sheetName } };
  const notForm = result.problems.find((p) => p.code === 'form.notFound');
  if (notForm) return { kind: 'info', title: [where], lines: [{ text: 'notForm' }], notForm };
  if (!errors.length && !warnings.length)
    return { kind: 'success', title: [{ key: 'allValid' }], lines: [where, { key: 'allValidDetail', vars: { rows: result.rows.length, unit: result.unit ?? '' } }] };
  if (!errors.length) return { kind: 'warning', title: [{ key: 'validWithWarnings', vars: { w: warnings.length } }], lines: [where, { key: 'clickToGo' }] };
  const title: CheckSummary['title'] = [{ key: 'hasErrors', vars: { e: errors.length } }];
  if (warnings.length) title.push({ key: 'warningsToo', vars: { w: warnings.length } });
  return { kind: 'error', title, lines: result.problems.some((p) => p.cell) ? [where, { key: 'clickToGo' }] : [where] };
}
