// The sheet plan: a library-free description of one worksheet. The .xlsx writer
// (src/workbook) and the Office.js adapter (src/excel) both render it, so the
// form a clerk inserts, downloads or gets from the CLI is the same thing.
// Rows and columns are 1-based, as in Excel.
import { Rect } from './a1';
import { Message } from './i18n';

export type HAlign = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'middle' | 'bottom';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points; the sheet's default font size when absent. */
  size?: number;
  hAlign?: HAlign;
  vAlign?: VAlign;
  wrap?: boolean;
  /** Indent from the aligned edge, in Excel's indent steps: numbers off the right border. */
  indent?: number;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Dotted bottom border: a line to write on. */
  underlineDotted?: boolean;
  numberFormat?: string;
  /** Fill colour as RRGGBB. */
  fill?: string;
  /** Font colour as RRGGBB. */
  color?: string;
  /** Excel locks every cell by default; input cells say false. */
  locked?: boolean;
}

export type CellValue = string | number | boolean | null;

export interface PlanCell {
  r: number;
  c: number;
  /** A value is always written as a value: a string stays text even when it starts with "=". */
  value?: CellValue;
  /** A formula without its leading "=". */
  formula?: string;
  style?: string;
}


export interface WholeNumberRule {
  kind: 'wholeNumber';
  range: Rect;
  min: number;
  max?: number;
  prompt: { title: Message; message: Message };
  error: { title: Message; message: Message };
}

/** A cell that takes one of a few values (the activities block's "x"). */
export interface ListRule {
  kind: 'list';
  range: Rect;
  values: string[];
  prompt: { title: Message; message: Message };
  error: { title: Message; message: Message };
}

export type ValidationRule = WholeNumberRule | ListRule;

export interface DefinedName {
  name: string;
  range: Rect;
  comment?: string;
}

export interface ProtectionPlan {
  /** No password: a clerk can unprotect it from the Review tab. */
  allowInsertRows: boolean;
  allowDeleteRows: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
}

export interface PrintPlan {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  fitToWidth: 1;
  /** 0: as many pages tall as needed. */
  fitToHeight: number;
  /** Rows repeated at the top of every printed page. */
  titleRows?: { from: number; to: number };
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number };
  centerHorizontally?: boolean;
}

export interface ChartPlan {
  kind: 'columnStacked';
  title: Message;
  /** Category labels and one or more series, each a range on this sheet. */
  categories: Rect;
  series: { name: Message; values: Rect }[];
  /** Where it is anchored: top-left cell and size in columns/rows. */
  anchor: Rect;
}

export interface SheetPlan {
  name: string;
  font: { name: string; size: number };
  /** Column widths in characters, index 0 = column A. */
  columns: number[];
  rowHeights: Record<number, number>;
  cells: PlanCell[];
  styles: Record<string, CellStyle>;
  merges: Rect[];
  validations: ValidationRule[];
  names: DefinedName[];
  protection?: ProtectionPlan;
  print: PrintPlan;
  /** First row below the frozen header, if any. */
  freezeRows?: number;
  charts?: ChartPlan[];
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** Document title and subject written into the file's properties. */
  title: string;
}

/** Last row and column any cell, merge or validation of the plan reaches. */
export function planExtent(plan: SheetPlan): { rows: number; cols: number } {
  let rows = 0;
  let cols = plan.columns.length;
  for (const cell of plan.cells) {
    rows = Math.max(rows, cell.r);
    cols = Math.max(cols, cell.c);
  }
  for (const m of plan.merges) {
    rows = Math.max(rows, m.r2);
    cols = Math.max(cols, m.c2);
  }
  return { rows, cols };
}

/**
 * Sets the height of rows whose wrapped text needs more than one line. Neither Excel nor
 * LibreOffice re-fits row heights when a file is opened, so the plan has to say them.
 * The estimate errs towards a taller row: a blank line is better than text cut off.
 */
export function fitWrappedRows(plan: SheetPlan): SheetPlan {
  const mergedWidth = new Map<string, number>();
  for (const m of plan.merges) {
    let w = 0;
    for (let c = m.c1; c <= m.c2; c++) w += plan.columns[c - 1] ?? 9;
    mergedWidth.set(`${m.r1}:${m.c1}`, m.r1 === m.r2 ? w : Infinity);
  }
  const heights = { ...plan.rowHeights };
  for (const cell of plan.cells) {
    const style = cell.style ? plan.styles[cell.style] : undefined;
    if (!style?.wrap || typeof cell.value !== 'string' || !cell.value) continue;
    const width = mergedWidth.get(`${cell.r}:${cell.c}`) ?? plan.columns[cell.c - 1] ?? 9;
    if (!Number.isFinite(width)) continue;
    const size = style.size ?? plan.font.size;
    // Column width counts digits of the default font; Times New Roman 12 pt fits about 1.3 characters of text in
    // each, bold about 1.15 (a group heading of 46 characters wraps in a column of 38).
    const perLine = Math.max(1, Math.floor((width - 1) * (style.bold ? 1.15 : 1.3) * (12 / size)));
    const lines = cell.value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    if (lines < 2) continue;
    const need = Math.ceil(lines * size * 1.3 + 4);
    heights[cell.r] = Math.max(heights[cell.r] ?? 0, need);
  }
  return { ...plan, rowHeights: heights };
}

/** Collects a sheet's cells, merges and row heights as a summary is laid out row by row. */
export class SheetBuilder {
  cells: PlanCell[] = [];
  merges: Rect[] = [];
  rowHeights: Record<number, number> = {};

  /** A value cell; merged to `to` with the style carried over so borders show. */
  put(r: number, c: number, value: string | number | null | undefined, style: string, to?: number): void {
    this.cells.push({ r, c, ...(value !== undefined && value !== null ? { value } : {}), style });
    if (to && to > c) {
      this.merges.push({ r1: r, c1: c, r2: r, c2: to });
      for (let cc = c + 1; cc <= to; cc++) this.cells.push({ r, c: cc, style });
    }
  }

  /** A summary sheet's title block: the issuing body top left (row 1), title (row 3) and subtitle (row 4) across to `last`. */
  titleBlock(body: string | undefined, title: string, subtitle: string, last: number): void {
    if (body) this.put(1, 1, body.toUpperCase(), 'body', 3);
    this.put(3, 1, title, 'title', last);
    this.put(4, 1, subtitle, 'subtitle', last);
    this.rowHeights[1] = 32;
    this.rowHeights[3] = 22;
  }

  formula(r: number, c: number, formula: string, style: string): void {
    this.cells.push({ r, c, formula, style });
  }

  /** The sheet these cells make: a table sheet with no validation rules or names of its own. */
  sheet(p: Omit<SheetPlan, 'cells' | 'merges' | 'rowHeights' | 'validations' | 'names'>): SheetPlan {
    return { ...p, rowHeights: this.rowHeights, cells: this.cells, merges: this.merges, validations: [], names: [] };
  }
}
