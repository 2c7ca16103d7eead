// The list of expected units ("roster") as core logic: finding it in a grid of cells
// (from a CSV, a workbook or the open Excel sheet) and the sheet a clerk fills it in.
import { a4Print, DOCUMENT_FONT } from './document-style';
import { PROBLEM_MESSAGES as MSG } from './messages';
import { SheetPlan } from './plan';
import { FileRejected, RawCell } from './returns';
import { GROUPS } from './vocabulary';

/** A roster line as found: the unit's name and its group column's text, both trimmed. */
export interface RosterRow {
  unit: string;
  group: string;
}

/** Rows of cells, 0-based, as a reader or a CSV parser gives them. */
export type RosterGrid = readonly (readonly (RawCell | string | undefined)[] | undefined)[];

/** More units than any province has: the file is something else. */
export const MAX_ROSTER_ROWS = 5000;
/** The header row is looked for in the first rows of each sheet (a title may sit above it). */
const HEADER_SEARCH_ROWS = 30;

/** Header text folded for matching: no diacritics (NFC or NFD), đ → d, lower case, single spaces, no punctuation or (notes). */
export function foldHeader(s: string): string {
  return s
    .replace(/\([^)]*\)/g, ' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const UNIT_HEADERS = new Set(['don vi', 'ten don vi', 'unit', 'unit name']);
const GROUP_HEADERS = new Set(['nhom', 'nhom don vi', 'group', 'unit group']);

const cellText = (c: RawCell | string | undefined): string => {
  if (c === undefined) return '';
  if (typeof c === 'string') return c.trim();
  if (c.value === null || c.value === undefined) return '';
  return String(c.value).trim();
};

interface HeaderHit {
  row: number;
  unitCol: number;
  groupCol: number;
}

/** Which of the two headers a grid without both had, so the message names the one missing. */
export interface HeadersSeen {
  unit: boolean;
  group: boolean;
}

function findHeader(grid: RosterGrid, seen: HeadersSeen): HeaderHit | undefined {
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const row = grid[r] ?? [];
    let unitCol = -1;
    let groupCol = -1;
    for (let c = 0; c < row.length; c++) {
      const h = foldHeader(cellText(row[c]));
      if (unitCol < 0 && UNIT_HEADERS.has(h)) unitCol = c;
      else if (groupCol < 0 && GROUP_HEADERS.has(h)) groupCol = c;
    }
    if (unitCol >= 0 && groupCol >= 0) return { row: r, unitCol, groupCol };
    seen.unit ||= unitCol >= 0;
    seen.group ||= groupCol >= 0;
  }
  return undefined;
}

function rowsBelow(grid: RosterGrid, h: HeaderHit, file: string): RosterRow[] {
  const out: RosterRow[] = [];
  for (let r = h.row + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const unit = cellText(row[h.unitCol]);
    if (!unit) continue; // blank line, or a group caption without a unit
    out.push({ unit, group: cellText(row[h.groupCol]) });
    if (out.length > MAX_ROSTER_ROWS) throw new FileRejected(file, 'roster.tooLong', MSG['roster.tooLong'](MAX_ROSTER_ROWS));
  }
  return out;
}

/**
 * The roster in the first grid that has a "Đơn vị" and a "Nhóm" header (grids are tried in order,
 * e.g. a workbook's sheets or a CSV split at each likely delimiter). Throws FileRejected:
 * roster.noHeader, roster.tooLong, roster.empty.
 */
export function rosterFromGrids(grids: Iterable<RosterGrid>, file: string): RosterRow[] {
  const seen: HeadersSeen = { unit: false, group: false };
  for (const grid of grids) {
    const h = findHeader(grid, seen);
    if (!h) continue;
    const rows = rowsBelow(grid, h, file);
    if (!rows.length) {
      throw new FileRejected(file, 'roster.empty', MSG['roster.empty']());
    }
    return rows;
  }
  throw new FileRejected(file, 'roster.noHeader', MSG['roster.noHeader'](seen.unit, seen.group));
}

export const ROSTER_SHEET = 'Danh sách đơn vị';

/** The look of every roster sheet, empty (this file) or filled from the national list (roster-sheet.ts). */
export const ROSTER_STYLES: SheetPlan['styles'] = {
  title: { bold: true, size: 13, hAlign: 'center', vAlign: 'middle' },
  note: { italic: true, wrap: true, vAlign: 'top' },
  th: { bold: true, hAlign: 'center', vAlign: 'middle', border: true, fill: 'F2F2F2' },
  no: { hAlign: 'center', border: true, numberFormat: '0' },
  cell: { border: true, wrap: true },
  group: { border: true, wrap: true },
};
const BLANK_ROWS = 60;

/** An empty roster sheet to fill in: STT, Đơn vị, Nhóm, with the groups explained above. */
export function rosterSheetPlan(): SheetPlan {
  const cells: SheetPlan['cells'] = [
    { r: 1, c: 1, value: 'DANH SÁCH ĐƠN VỊ PHẢI BÁO CÁO', style: 'title' },
    { r: 1, c: 2, style: 'title' },
    { r: 1, c: 3, style: 'title' },
    { r: 2, c: 1, value: `Cột Nhóm ghi: ${GROUPS.map((g) => g.heading).join('; ')}.`, style: 'note' },
    { r: 2, c: 2, style: 'note' },
    { r: 2, c: 3, style: 'note' },
    { r: 4, c: 1, value: 'STT', style: 'th' },
    { r: 4, c: 2, value: 'Đơn vị', style: 'th' },
    { r: 4, c: 3, value: 'Nhóm', style: 'th' },
  ];
  for (let i = 1; i <= BLANK_ROWS; i++) cells.push({ r: 4 + i, c: 1, value: i, style: 'no' }, { r: 4 + i, c: 2, style: 'cell' }, { r: 4 + i, c: 3, style: 'group' });
  return {
    name: ROSTER_SHEET,
    font: DOCUMENT_FONT,
    columns: [6, 48, 10],
    rowHeights: { 1: 22, 2: 64 },
    cells,
    styles: { ...ROSTER_STYLES, group: { border: true, hAlign: 'center' } },
    merges: [
      { r1: 1, c1: 1, r2: 1, c2: 3 },
      { r1: 2, c1: 1, r2: 2, c2: 3 },
    ],
    validations: [],
    names: [],
    // The document look's A4 portrait page; a list reads from the left margin.
    print: a4Print('portrait', { from: 4, to: 4 }, false),
    freezeRows: 5,
  };
}
