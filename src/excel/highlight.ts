// Marks the cells the check found wrong, and puts back their own fill once fixed.
// Two syncs: read the current fills (and protection), then write. A protected
// sheet without a password is unprotected for the write and protected again
// with the same options; a password-protected one is left alone. Excel 2016
// (ExcelApi 1.1) has no protection API: there the write is simply tried.
import { Message } from '../core/i18n';
import { IsSetSupported, officeIsSetSupported, runAfterCellEdit } from './features';

export const ERROR_FILL = '#FFC7CE';
export const WARNING_FILL = '#FFEB9C';

export interface Mark {
  /** A1 address on the sheet, e.g. "D14". */
  cell: string;
  severity: 'error' | 'warning';
}

/** What we changed, so it can be undone: address → the fill the cell had before (null: none). */
export interface HighlightState {
  sheetId: string;
  original: Record<string, string | null>;
  /** The mark each cell carries now, so a re-check writes only the cells whose mark changed. */
  marked?: Record<string, Mark['severity']>;
}

export interface HighlightResult {
  state: HighlightState;
  /** Set when the marks could not be drawn (e.g. the sheet has a password); the list still stands. */
  notice?: Message;
}

/** Our own marks are never a cell's "own" fill (e.g. left over from a pane that was closed). */
function ownFill(color: string | null | undefined): string | null {
  if (!color) return null;
  const c = color.toUpperCase();
  return c === '#FFFFFF' || c === ERROR_FILL || c === WARNING_FILL ? null : color;
}

/** Change types after which the addresses we remember point at other cells. */
const STRUCTURAL = new Set<string>(['RowInserted', 'RowDeleted', 'ColumnInserted', 'ColumnDeleted', 'CellInserted', 'CellDeleted']);

export function isStructuralChange(args: Pick<Excel.WorksheetChangedEventArgs, 'changeType'>): boolean {
  return STRUCTURAL.has(String(args.changeType));
}

/**
 * After rows or cells were inserted or deleted the remembered addresses no longer hold the cells we
 * coloured: forget them rather than paint "original" fills onto the wrong cells.
 */
export function afterSheetChange(state: HighlightState | undefined, args: Pick<Excel.WorksheetChangedEventArgs, 'changeType' | 'worksheetId'>): HighlightState | undefined {
  if (!state || !isStructuralChange(args)) return state;
  if (args.worksheetId && args.worksheetId !== state.sheetId) return state;
  return { sheetId: state.sheetId, original: {}, marked: {} };
}

const PROTECTED_NOTICE: Message = {
  vi: 'Trang tính đang được khóa bằng mật khẩu nên không tô màu được các ô sai; danh sách lỗi bên dưới vẫn đầy đủ.',
  en: 'The sheet is protected with a password, so the wrong cells could not be coloured; the list below is still complete.',
};
/** ExcelApi 1.1 cannot tell whether the sheet is protected: say what is known. */
const NOT_COLOURED_NOTICE: Message = {
  vi: 'Không tô màu được các ô sai (có thể trang tính đang được khóa); danh sách lỗi bên dưới vẫn đầy đủ.',
  en: 'The wrong cells could not be coloured (the sheet may be protected); the list below is still complete.',
};

export async function applyHighlights(sheetId: string, marks: Mark[], previous?: HighlightState, isSet: IsSetSupported = officeIsSetSupported()): Promise<HighlightResult> {
  const same = previous && previous.sheetId === sheetId;
  const prev = same ? previous.original : {};
  // A state without `marked` (older callers): every remembered cell counts as marked, severity unknown.
  const prevMarked: Record<string, Mark['severity'] | undefined> = same ? (previous.marked ?? Object.fromEntries(Object.keys(prev).map((a) => [a, undefined]))) : {};
  const want = new Map<string, Mark['severity']>();
  for (const m of marks) if (want.get(m.cell) !== 'error') want.set(m.cell, m.severity);

  const paint = [...want].filter(([a, sev]) => !(a in prevMarked) || prevMarked[a] !== sev);
  const restore = Object.keys(prev).filter((a) => !want.has(a));
  if (!paint.length && !restore.length) return { state: { sheetId, original: { ...prev }, marked: Object.fromEntries(want) } };

  const canProtect = isSet('1.2');
  return runAfterCellEdit(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheetId);
    const protection = canProtect ? ws.protection : undefined;
    protection?.load('protected,options');
    const fresh = [...want.keys()].filter((a) => !(a in prev));
    const fills = fresh.map((a) => {
      const fill = ws.getRange(a).format.fill;
      fill.load('color');
      return fill;
    });
    await ctx.sync();

    const original: Record<string, string | null> = { ...prev };
    fresh.forEach((a, i) => {
      original[a] = ownFill(fills[i].color);
    });

    const wasProtected = protection?.protected ?? false;
    const options = protection?.options;
    if (wasProtected) protection!.unprotect();
    for (const [a, sev] of paint) ws.getRange(a).format.fill.color = sev === 'error' ? ERROR_FILL : WARNING_FILL;
    for (const a of restore) {
      const fill = ws.getRange(a).format.fill;
      const c = original[a];
      if (c) fill.color = c;
      else fill.clear();
      delete original[a];
    }
    if (wasProtected) protection!.protect(options);
    try {
      await ctx.sync();
    } catch (e) {
      if (canProtect && !wasProtected) throw e;
      return {
        state: { sheetId, original: prev, marked: same ? previous.marked : {} },
        notice: canProtect ? PROTECTED_NOTICE : NOT_COLOURED_NOTICE,
      };
    }
    return { state: { sheetId, original, marked: Object.fromEntries(want) } };
  }, isSet);
}

/** Activates the sheet and selects one cell (clicking a problem in the pane). */
export async function selectCell(sheetId: string, address: string): Promise<void> {
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheetId);
    ws.activate();
    ws.getRange(address).select();
    await ctx.sync();
  });
}

/** Calls `onChange` after the user edits the sheet (ExcelApi 1.7). Returns a function that stops watching. */
export async function watchSheet(sheetId: string, onChange: (args: Excel.WorksheetChangedEventArgs) => void): Promise<() => Promise<void>> {
  return Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheetId);
    const handler = ws.onChanged.add(async (args) => {
      onChange(args);
    });
    await ctx.sync();
    return async () => {
      await Excel.run(handler.context, async (c) => {
        handler.remove();
        await c.sync();
      });
    };
  });
}
