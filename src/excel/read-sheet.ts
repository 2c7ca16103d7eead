// Reads a worksheet of the open workbook into the library-free RawWorkbook the
// core checks, in two syncs: the size of the used range first (a stray cell at
// row 1,000,000 must not pull millions of cells), then values and formulas.
import { RawCell, RawName, RawWorkbook } from '../core/returns';
import { parseAddress } from '../core/a1';
import { Message } from '../core/i18n';
import { Features, detectFeatures, runAfterCellEdit } from './features';

/** Refuse to pull more than this many cells into the pane. */
export const MAX_READ_CELLS = 250_000;

export class SheetTooLarge extends Error {
  constructor(
    readonly cells: number,
    readonly text: Message,
  ) {
    super(text.en);
  }
}

export interface SheetRead {
  raw: RawWorkbook;
  sheetId: string;
  sheetName: string;
}

/** "'Biểu CTXH'!$A$2:$E$2" or "=Sheet1!$A$2" → sheet and 1-based rectangle; the cells are read by the core's parser. */
export function parseNameValue(value: unknown): Omit<RawName, 'name'> {
  if (typeof value !== 'string') return {};
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'=]+))!([^:]+)(?::(.+))?$/.exec(value.trim());
  if (!m) return {};
  let a: { r: number; c: number };
  let b: { r: number; c: number };
  try {
    a = parseAddress(m[3]);
    b = m[4] ? parseAddress(m[4]) : a;
  } catch {
    return {}; // not a cell rectangle (a whole column, a formula, …)
  }
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], r1: a.r, c1: a.c, r2: b.r, c2: b.c };
}

/** One grid cell as the core wants it: text stays text even when it looks like a formula. */
export function rawCell(value: unknown, formula: unknown, type: string | undefined): RawCell | undefined {
  // A formula cell reads back "=…" in formulas and its result in values; a text cell reads the same text in both.
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
  if (type === 'Error') return { value: null, error: String(value), ...(isFormula ? { formula: (formula as string).slice(1) } : {}) };
  if (!isFormula && (value === '' || value === null || value === undefined)) return undefined;
  const v = value === '' || value === undefined ? null : (value as RawCell['value']);
  return isFormula ? { value: v, formula: (formula as string).slice(1) } : { value: v };
}

/** Reads the active sheet (or the sheet with this id). */
export async function readSheet(opts: { sheetId?: string; features?: Features } = {}): Promise<SheetRead> {
  const f = opts.features ?? detectFeatures();
  return runAfterCellEdit(async (ctx) => {
    const ws = opts.sheetId ? ctx.workbook.worksheets.getItem(opts.sheetId) : ctx.workbook.worksheets.getActiveWorksheet();
    ws.load('name,id');
    const used = f.names ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const bookNames = ctx.workbook.names;
    bookNames.load('items/name,items/type,items/value');
    const sheetNames = f.names ? ws.names : undefined;
    sheetNames?.load('items/name,items/type,items/value');
    await ctx.sync();

    const empty = used.isNullObject;
    const cells = empty ? 0 : used.rowCount * used.columnCount;
    if (cells > MAX_READ_CELLS)
      throw new SheetTooLarge(cells, {
        vi: `Trang tính “${ws.name}” có vùng dữ liệu quá lớn (${cells.toLocaleString('vi-VN')} ô). Hãy chép riêng biểu mẫu sang một trang tính mới rồi kiểm tra lại.`,
        en: `Sheet “${ws.name}” has too large a used area (${cells.toLocaleString('en-US')} cells). Copy the form alone to a new sheet and check again.`,
      });
    const grid: RawWorkbook['sheets'][number]['cells'] = [];
    if (!empty) {
      used.load('values,formulas,valueTypes');
      await ctx.sync();
      const top = used.rowIndex;
      const left = used.columnIndex;
      used.values.forEach((row, i) => {
        const out: (RawCell | undefined)[] = [];
        row.forEach((v, j) => {
          out[left + j] = rawCell(v, used.formulas[i][j], used.valueTypes[i][j]);
        });
        grid[top + i] = out;
      });
      for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
    }

    const names: RawName[] = [];
    for (const n of [...(sheetNames?.items ?? []), ...bookNames.items]) {
      if (n.type !== 'Range') continue;
      const ref = parseNameValue(n.value);
      if (ref.sheet && ref.sheet.toLowerCase() === ws.name.toLowerCase() && !names.some((x) => x.name === n.name)) names.push({ name: n.name, ...ref });
    }
    const raw: RawWorkbook = { file: ws.name, format: 'xlsx', sheets: [{ name: ws.name, cells: grid, merges: [] }], names };
    return { raw, sheetId: ws.id, sheetName: ws.name };
  });
}
