// The committed state of the in-memory workbook: what "Excel" holds after each
// sync. Client objects (api.ts) only change it when a sync runs their queued actions.
import { columnLetter as colLetters, columnNumber as colNumber, quoteSheetName as quoteSheet } from '../../src/core/a1';
import { evaluate, EvalEnv, Ref, Scalar } from './formula';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export class HostError extends Error {
  /** Mirrors OfficeExtension.Error: code, message and debugInfo. */
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    public readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation };
  }
}

export interface CellData {
  /** Constant value; for a formula cell, unused (computed on read). */
  value: string | number | boolean;
  formula?: string;
  /** Text entered with a leading apostrophe (Excel's quote prefix). */
  quotePrefix?: boolean;
}

export type FormatKey =
  | 'numberFormat'
  | 'font.name'
  | 'font.size'
  | 'font.bold'
  | 'font.italic'
  | 'font.color'
  | 'fill.color'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'wrapText'
  | 'indentLevel'
  | 'locked'
  | `border.${BorderEdge}.style`
  | `border.${BorderEdge}.weight`
  | `border.${BorderEdge}.color`;

export type BorderEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

const FORMAT_DEFAULTS: Record<string, unknown> = {
  numberFormat: 'General',
  'font.name': 'Calibri',
  'font.size': 11,
  'font.bold': false,
  'font.italic': false,
  'font.color': '#000000',
  'fill.color': null,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
  indentLevel: 0,
  locked: true,
};

interface Layer {
  rect: Rect;
  key: FormatKey;
  value: unknown;
  seq: number;
}

export interface ValidationData {
  rect: Rect;
  rule: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
  ignoreBlanks: boolean;
}

export interface NameData {
  name: string;
  sheet: string;
  rect: Rect;
  comment?: string;
  /** undefined: workbook scope; else the owning sheet's id. */
  scopeSheetId?: string;
}

export interface ChartData {
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title?: string;
  position?: { start: string; end?: string };
  series: { name?: string; values?: Rect; categories?: Rect }[];
}

export interface PageLayoutData {
  paperSize?: string;
  orientation?: string;
  zoom?: Excel.PageLayoutZoomOptions;
  leftMargin?: number;
  rightMargin?: number;
  topMargin?: number;
  bottomMargin?: number;
  centerHorizontally?: boolean;
  printTitleRows?: Rect;
}

/** Excel's default column width is 8.43 characters = 64 px = 48 pt; default row height 15 pt. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

let sheetCounter = 0;

export class SheetModel {
  readonly id = `{00000000-0001-0000-${String(++sheetCounter).padStart(4, '0')}-000000000000}`;
  cells = new Map<number, CellData>();
  private cellFormats = new Map<number, Map<FormatKey, { value: unknown; seq: number }>>();
  private layers: Layer[] = [];
  merges: Rect[] = [];
  validations: ValidationData[] = [];
  protection = { protected: false, options: {} as Excel.WorksheetProtectionOptions };
  pageLayout: PageLayoutData = {};
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  freezeRows = 0;
  charts: ChartData[] = [];
  visibility: 'Visible' | 'Hidden' = 'Visible';

  constructor(
    public name: string,
    private readonly wb: WorkbookModel,
  ) {}

  static key(r: number, c: number): number {
    return r * (MAX_COLS + 1) + c;
  }

  get position(): number {
    return this.wb.sheets.indexOf(this);
  }

  getCell(r: number, c: number): CellData | undefined {
    return this.cells.get(SheetModel.key(r, c));
  }

  setCell(r: number, c: number, data: CellData | undefined): void {
    const k = SheetModel.key(r, c);
    if (data === undefined) this.cells.delete(k);
    else this.cells.set(k, data);
  }

  /** Rows from `at` down move `count` rows lower (an inserted row), with their values and formats; formulas are not rewritten. */
  shiftRows(at: number, count: number): void {
    const move = <T>(m: Map<number, T>) => {
      const entries = [...m.entries()];
      m.clear();
      for (const [k, v] of entries) {
        const r = Math.floor(k / (MAX_COLS + 1));
        const c = k % (MAX_COLS + 1);
        m.set(r >= at ? SheetModel.key(r + count, c) : k, v);
      }
    };
    move(this.cells);
    move(this.cellFormats);
    for (const l of this.layers) {
      if (l.rect.r1 >= at) l.rect = { ...l.rect, r1: l.rect.r1 + count, r2: l.rect.r2 + count };
      else if (l.rect.r2 >= at) l.rect = { ...l.rect, r2: l.rect.r2 + count };
    }
  }

  setFormat(rect: Rect, key: FormatKey, value: unknown): void {
    const seq = this.wb.nextSeq();
    const size = (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);
    if (size > 20000) {
      this.layers.push({ rect: { ...rect }, key, value, seq });
      return;
    }
    for (let r = rect.r1; r <= rect.r2; r++)
      for (let c = rect.c1; c <= rect.c2; c++) this.setCellFormat(r, c, key, value, seq);
  }

  setCellFormat(r: number, c: number, key: FormatKey, value: unknown, seq = this.wb.nextSeq()): void {
    const k = SheetModel.key(r, c);
    let m = this.cellFormats.get(k);
    if (!m) this.cellFormats.set(k, (m = new Map()));
    m.set(key, { value, seq });
  }

  /** The format property a cell shows: the latest write covering it, else Excel's default. */
  format(r: number, c: number, key: FormatKey): unknown {
    let best = this.cellFormats.get(SheetModel.key(r, c))?.get(key);
    for (const l of this.layers) {
      if (l.key === key && l.seq > (best?.seq ?? -1) && inRect(l.rect, r, c)) best = l;
    }
    if (best) return best.value;
    if (key.startsWith('border.')) return key.endsWith('.style') ? 'None' : key.endsWith('.weight') ? 'Thin' : '#000000';
    return FORMAT_DEFAULTS[key];
  }

  /** Border line style of one side of one cell, counting the neighbour's shared edge. */
  cellBorder(r: number, c: number, side: 'top' | 'bottom' | 'left' | 'right'): string {
    const own = this.edgeOf(r, c, side);
    if (own !== 'None') return own;
    const [nr, nc, nside] =
      side === 'top' ? [r - 1, c, 'bottom'] : side === 'bottom' ? [r + 1, c, 'top'] : side === 'left' ? [r, c - 1, 'right'] : [r, c + 1, 'left'];
    if (nr < 1 || nc < 1) return 'None';
    return this.edgeOf(nr, nc, nside as typeof side);
  }

  private edgeOf(r: number, c: number, side: 'top' | 'bottom' | 'left' | 'right'): string {
    const edge = ({ top: 'EdgeTop', bottom: 'EdgeBottom', left: 'EdgeLeft', right: 'EdgeRight' } as const)[side];
    return String(this.format(r, c, `border.${edge}.style`));
  }

  usedRect(valuesOnly: boolean): Rect | undefined {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = 0;
    let c2 = 0;
    const take = (r: number, c: number) => {
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    };
    for (const k of this.cells.keys()) take(Math.floor(k / (MAX_COLS + 1)), k % (MAX_COLS + 1));
    if (!valuesOnly) {
      for (const k of this.cellFormats.keys()) take(Math.floor(k / (MAX_COLS + 1)), k % (MAX_COLS + 1));
      for (const m of this.merges) {
        take(m.r1, m.c1);
        take(m.r2, m.c2);
      }
    }
    return r2 ? { r1, c1, r2, c2 } : undefined;
  }

  extent(): { rows: number; cols: number } {
    const u = this.usedRect(true);
    return { rows: u?.r2 ?? 0, cols: u?.c2 ?? 0 };
  }

  mergeAt(r: number, c: number): Rect | undefined {
    return this.merges.find((m) => inRect(m, r, c));
  }

  validationAt(r: number, c: number): ValidationData | undefined {
    return this.validations.find((v) => inRect(v.rect, r, c));
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  names: NameData[] = [];
  activeSheetId?: string;
  selection?: { sheetId: string; rect: Rect };
  private seq = 0;
  /** Base64 payloads given to Excel.createWorkbook. */
  createdWorkbooks: string[] = [];

  nextSeq(): number {
    return ++this.seq;
  }

  addSheet(name: string): SheetModel {
    const s = new SheetModel(name, this);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  /** As Excel does: formulas that point at a renamed sheet follow it; those at a deleted one become #REF!. */
  rewriteSheetRefs(from: string, to: string | undefined): void {
    const quote = (n: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(n) && !/^[A-Za-z]{1,3}\d+$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`);
    const esc = quote(from).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`${esc}!(\\$?[A-Z]+\\$?\\d+(?::\\$?[A-Z]+\\$?\\d+)?|\\$?[A-Z]+:\\$?[A-Z]+)`, 'gi');
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) {
        if (cell.formula === undefined) continue;
        cell.formula = cell.formula.replace(re, (_m, ref: string) => (to === undefined ? '#REF!' : `${quote(to)}!${ref}`));
      }
    }
  }

  sheetByName(name: string): SheetModel | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  get activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId ?? '') ?? this.sheets[0];
  }

  /** A cell's value as Excel shows it: formulas computed. */
  valueOf(sheet: SheetModel, r: number, c: number, stack = new Set<number>()): Scalar {
    const cell = sheet.getCell(r, c);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value;
    const key = SheetModel.key(r, c) + sheet.position * 1e15;
    if (stack.has(key)) return 0; // circular reference: Excel shows 0 and warns
    stack.add(key);
    try {
      return evaluate(cell.formula, this.env(sheet, r, c, stack));
    } finally {
      stack.delete(key);
    }
  }

  private env(sheet: SheetModel, row: number, col: number, stack: Set<number>): EvalEnv {
    return {
      sheet: sheet.name,
      row,
      col,
      cell: (name, r, c) => {
        const s = this.sheetByName(name);
        if (!s) return { error: '#REF!' };
        return this.valueOf(s, r, c, stack);
      },
      formulaOf: (name, r, c) => this.sheetByName(name)?.getCell(r, c)?.formula,
      name: (n, sheetName): Ref | undefined => {
        const s = this.sheetByName(sheetName);
        const hit =
          this.names.find((x) => x.name.toLowerCase() === n.toLowerCase() && x.scopeSheetId === s?.id) ??
          this.names.find((x) => x.name.toLowerCase() === n.toLowerCase() && x.scopeSheetId === undefined);
        return hit ? { sheet: hit.sheet, ...hit.rect } : undefined;
      },
      extent: (name) => this.sheetByName(name)?.extent() ?? { rows: 0, cols: 0 },
    };
  }
}

export function inRect(rect: Rect, r: number, c: number): boolean {
  return r >= rect.r1 && r <= rect.r2 && c >= rect.c1 && c <= rect.c2;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r1 >= outer.r1 && inner.r2 <= outer.r2 && inner.c1 >= outer.c1 && inner.c2 <= outer.c2;
}

// A1 letters and sheet-name quoting are plain spreadsheet conventions: the core's helpers serve the host too.
export { colLetters, colNumber, quoteSheet };

/** "A1:B2" as Excel returns it: sheet-qualified, whole rows/columns in their short form. */
export function rectToAddress(rect: Rect, sheet?: string): string {
  let a: string;
  if (rect.r1 === 1 && rect.r2 === MAX_ROWS) a = `${colLetters(rect.c1)}:${colLetters(rect.c2)}`;
  else if (rect.c1 === 1 && rect.c2 === MAX_COLS) a = `${rect.r1}:${rect.r2}`;
  else {
    const tl = `${colLetters(rect.c1)}${rect.r1}`;
    a = rect.r1 === rect.r2 && rect.c1 === rect.c2 ? tl : `${tl}:${colLetters(rect.c2)}${rect.r2}`;
  }
  return sheet === undefined ? a : `${quoteSheet(sheet)}!${a}`;
}

/** Parses "A1", "$A$1:$B$2", "A:C", "3:5", optionally "Sheet!…" / "'My sheet'!…". */
export function parseRangeAddress(address: string): { sheet?: string; rect: Rect } {
  let addr = address.trim();
  let sheet: string | undefined;
  const bang = addr.lastIndexOf('!');
  if (bang >= 0) {
    sheet = addr.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    addr = addr.slice(bang + 1);
  }
  addr = addr.replace(/\$/g, '').toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(addr);
  if (m) {
    const r1 = Number(m[2]);
    const c1 = colNumber(m[1]);
    const r2 = m[4] ? Number(m[4]) : r1;
    const c2 = m[3] ? colNumber(m[3]) : c1;
    return check(address, sheet, { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) });
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(addr);
  if (m) {
    const a = colNumber(m[1]);
    const b = colNumber(m[2]);
    return check(address, sheet, { r1: 1, c1: Math.min(a, b), r2: MAX_ROWS, c2: Math.max(a, b) });
  }
  m = /^(\d+):(\d+)$/.exec(addr);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return check(address, sheet, { r1: Math.min(a, b), c1: 1, r2: Math.max(a, b), c2: MAX_COLS });
  }
  throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (address "${address}")`);
}

function check(address: string, sheet: string | undefined, rect: Rect) {
  if (rect.r1 < 1 || rect.c1 < 1 || rect.r2 > MAX_ROWS || rect.c2 > MAX_COLS)
    throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (address "${address}")`);
  return { sheet, rect };
}
