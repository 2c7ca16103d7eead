// Checking work is bounded by the text examined, not the text stored (one long shared string may
// fill 100,000 cells): a form's labels are short, so label searches look at the start of each cell
// only, and at most SHEET_TEXT_EXAMINED characters per sheet in one extraction, once to find the
// forms and once to read them (so a long appendix below a form cannot starve reading it); past it,
// cells read as no label. Values are never cut. Every reader that looks for labels (the figures
// table, the activities block, the footer date) reads cell text through here.
import { RawCell, RawSheet } from './returns';

export const CELL_TEXT_EXAMINED = 256;
export const SHEET_TEXT_EXAMINED = 4_000_000;

let meters = new WeakMap<RawSheet, { find: { left: number }; read: { left: number } }>();
let meter = { left: SHEET_TEXT_EXAMINED };
let examined = 0;

/** Characters of cell text examined by label searches so far: a work counter for tests and the benchmark. */
export const textExamined = () => examined;

/** Label searches that follow are on this sheet, finding forms or reading one. */
export function examining(sheet: RawSheet, pass: 'find' | 'read' = 'read'): void {
  let m = meters.get(sheet);
  if (!m) meters.set(sheet, (m = { find: { left: SHEET_TEXT_EXAMINED }, read: { left: SHEET_TEXT_EXAMINED } }));
  meter = m[pass];
}

/** A new extraction: every sheet gets its full allowance again. */
export function resetMeters(): void {
  meters = new WeakMap();
}

export const longText = (s: string) => s.length > CELL_TEXT_EXAMINED;

/** The start of a cell's text, as a label search sees it; '' once the sheet's allowance is spent. */
export function examinedText(cell: RawCell | undefined): string {
  if (!cell || meter.left <= 0) return '';
  const v = cell.value;
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean') s = String(v);
  else s = cell.text ?? '';
  if (longText(s)) s = s.slice(0, CELL_TEXT_EXAMINED);
  meter.left -= s.length;
  examined += s.length;
  return s;
}
