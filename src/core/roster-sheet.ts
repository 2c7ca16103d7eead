// A roster written out ("Danh sách đơn vị"): as a sheet plan (.xlsx, or inserted by the task pane) and as CSV.
// Both are read back unchanged by the roster reader (columns "Đơn vị" and "Nhóm"; "STT" and "Ghi chú" are ignored).
import { SheetPlan, fitWrappedRows } from './plan';
import type { GroupId } from './vocabulary';
import { DOCUMENT_FONT, a4Print } from './document-style';
import { ROSTER_SHEET, ROSTER_STYLES } from './roster';

export const ROSTER_SHEET_NAME = ROSTER_SHEET;

export interface RosterSheetRow {
  unit: string;
  group: GroupId;
  note?: string;
}

export interface RosterSheetOptions {
  /** "Tỉnh Lạng Sơn", for the title. */
  province?: string;
  year?: number;
  /** The group cell's text, by group: "II. UBND các xã, phường, đặc khu". */
  headings: Record<GroupId, string>;
  /** One more line under the title: where the list comes from. */
  source?: string;
}

const HEADER_ROW = 4;

export function rosterSheetPlan(rows: readonly RosterSheetRow[], o: RosterSheetOptions): SheetPlan {
  const title = ['DANH SÁCH ĐƠN VỊ PHẢI BÁO CÁO', o.province ? ` — ${o.province.toUpperCase()}` : '', o.year ? ` — NĂM ${o.year}` : ''].join('');
  const note = [
    `Cột Nhóm ghi số La Mã của nhóm: ${(Object.keys(o.headings) as GroupId[]).map((g) => o.headings[g]).join('; ')}.`,
    'Dòng ghi “Gợi ý” ở cột Ghi chú là đề xuất: xóa dòng không áp dụng, sửa tên cho đúng, thêm đơn vị còn thiếu.',
    o.source ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const cells: SheetPlan['cells'] = [
    { r: 1, c: 1, value: title, style: 'title' },
    ...[2, 3, 4].map((c) => ({ r: 1, c, style: 'title' })),
    { r: 2, c: 1, value: note, style: 'note' },
    ...[2, 3, 4].map((c) => ({ r: 2, c, style: 'note' })),
    { r: HEADER_ROW, c: 1, value: 'STT', style: 'th' },
    { r: HEADER_ROW, c: 2, value: 'Đơn vị', style: 'th' },
    { r: HEADER_ROW, c: 3, value: 'Nhóm', style: 'th' },
    { r: HEADER_ROW, c: 4, value: 'Ghi chú', style: 'th' },
  ];
  rows.forEach((row, i) => {
    const r = HEADER_ROW + 1 + i;
    cells.push(
      { r, c: 1, value: i + 1, style: 'no' },
      { r, c: 2, value: row.unit, style: 'cell' },
      { r, c: 3, value: o.headings[row.group], style: 'group' },
      { r, c: 4, value: row.note ?? '', style: 'noteCell' },
    );
  });
  return fitWrappedRows({
    name: ROSTER_SHEET_NAME,
    font: DOCUMENT_FONT,
    columns: [6, 46, 34, 30],
    rowHeights: { 1: 22 },
    cells,
    styles: { ...ROSTER_STYLES, noteCell: { border: true, wrap: true, italic: true, size: 11 } },
    merges: [
      { r1: 1, c1: 1, r2: 1, c2: 4 },
      { r1: 2, c1: 1, r2: 2, c2: 4 },
    ],
    validations: [],
    names: [],
    print: a4Print('landscape', { from: HEADER_ROW, to: HEADER_ROW }, false),
    freezeRows: HEADER_ROW + 1,
  });
}

const csvField = (s: string) => (/[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** UTF-8 CSV with a byte-order mark, so Excel shows the Vietnamese as it is. */
export function rosterCsv(rows: readonly RosterSheetRow[], headings: Record<GroupId, string>): string {
  const lines = [['STT', 'Đơn vị', 'Nhóm', 'Ghi chú'], ...rows.map((r, i) => [String(i + 1), r.unit, headings[r.group], r.note ?? ''])];
  return '\uFEFF' + lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}
