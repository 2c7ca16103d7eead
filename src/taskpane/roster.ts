// The roster sheet ("Danh sách đơn vị"): an empty one to fill, and turning a
// filled one into CSV so the worker reads it with the very reader `--roster` uses.
import { SheetPlan } from '../core/plan';
import { GROUPS, RawWorkbook } from '../core/returns';

export const ROSTER_SHEET = 'Danh sách đơn vị';
const BLANK_ROWS = 60;

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
    font: { name: 'Times New Roman', size: 12 },
    columns: [6, 48, 10],
    rowHeights: { 1: 22, 2: 64 },
    cells,
    styles: {
      title: { bold: true, size: 13, hAlign: 'center', vAlign: 'middle' },
      note: { italic: true, wrap: true, vAlign: 'top' },
      th: { bold: true, hAlign: 'center', vAlign: 'middle', border: true, fill: 'F2F2F2' },
      no: { hAlign: 'center', border: true, numberFormat: '0' },
      cell: { border: true, wrap: true },
      group: { border: true, hAlign: 'center' },
    },
    merges: [
      { r1: 1, c1: 1, r2: 1, c2: 3 },
      { r1: 2, c1: 1, r2: 2, c2: 3 },
    ],
    validations: [],
    names: [],
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, titleRows: { from: 4, to: 4 }, margins: { left: 0.7, right: 0.5, top: 0.6, bottom: 0.6 } },
    freezeRows: 5,
  };
}

/** The sheet as UTF-8 CSV (the roster reader's own input format), every cell as its text. */
export function sheetToCsv(raw: RawWorkbook): Uint8Array {
  const lines = (raw.sheets[0]?.cells ?? []).map((row) =>
    Array.from({ length: row?.length ?? 0 }, (_, i) => {
      const v = row?.[i]?.value;
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    }).join(','),
  );
  return new TextEncoder().encode(lines.join('\r\n'));
}
