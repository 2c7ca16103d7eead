// The "Kiểm tra" sheet of a summary, provincial or national: one row per problem with its file,
// sheet, cell, severity and message, so a clerk can open the file and find the cell.
import { DOCUMENT_FONT, DOCUMENT_STYLES, a4Print } from './document-style';
import { CellStyle, SheetBuilder, SheetPlan } from './plan';
import { fileBaseName } from './vocabulary';

const STYLES: Record<string, CellStyle> = {
  ...DOCUMENT_STYLES,
  severityError: { border: true, bold: true, color: 'C00000', vAlign: 'top', wrap: true },
  severityWarning: { border: true, color: '9C5700', vAlign: 'top', wrap: true },
  severityInfo: { border: true, color: '404040', vAlign: 'top', wrap: true },
  cellTop: { border: true, wrap: true, vAlign: 'top' },
};

export interface CheckRow {
  file: string;
  sheet?: string;
  cell?: string;
  /** The severity as printed ("Lỗi", "Cảnh báo", "Bị thay thế" …). */
  severity: string;
  kind: 'error' | 'warning' | 'info';
  message: string;
}

export interface ChecksSheetOptions {
  name: string;
  title: string;
  /** A line under the title (the counts), if any. */
  note?: string;
  /** File | Sheet | Cell | Severity | Message. */
  headers: readonly [string, string, string, string, string];
  /** What the sheet says when there is nothing to list. */
  empty: string;
  columns: number[];
  rows: readonly CheckRow[];
}

const KIND_STYLE = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' } as const;

export function buildChecksSheet(o: ChecksSheetOptions): SheetPlan {
  const s = new SheetBuilder();
  s.put(1, 1, o.title, 'title', 5);
  if (o.note !== undefined) s.put(2, 1, o.note, 'note', 5);
  const head = o.note !== undefined ? 4 : 3;
  o.headers.forEach((label, i) => s.put(head, i + 1, label, 'th'));
  let r = head + 1;
  for (const x of o.rows) {
    s.put(r, 1, fileBaseName(x.file), 'cellTop');
    s.put(r, 2, x.sheet ?? null, 'cellTop');
    s.put(r, 3, x.cell ?? null, 'cellTop');
    s.put(r, 4, x.severity, KIND_STYLE[x.kind]);
    s.put(r, 5, x.message, 'cellTop');
    r++;
  }
  if (!o.rows.length) s.put(r++, 1, o.empty, 'cellTop', 5);
  s.rowHeights[1] = 22;
  return s.sheet({
    name: o.name,
    font: DOCUMENT_FONT,
    columns: o.columns,
    styles: STYLES,
    print: a4Print('landscape', { from: head, to: head }, false),
    freezeRows: head + 1,
  });
}
