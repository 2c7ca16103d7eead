// The activities block and the footer date, read from grids as readers hand them over.
import { ACTIVITY_LABELS, ACTIVITY_TYPES, activityBlock, readActivities } from '../src/core/activities';
import { cellAddress } from '../src/core/a1';
import { parseFooterText, readReportDate, serialDate, timeliness, vietnamDay } from '../src/core/report-date';
import { RawCell, RawSheet } from '../src/core/returns';

/** A sheet holding the block as the form writes it, from row `top`. */
function blockSheet(top = 30, lastColumn = 5): RawSheet {
  const plan = activityBlock(top, lastColumn);
  const cells: (RawCell | undefined)[][] = [];
  for (const c of plan.cells) {
    if (c.value === undefined || c.value === null) continue;
    while (cells.length < c.r) cells.push([]);
    cells[c.r - 1][c.c - 1] = { value: c.value };
  }
  return { name: 'Biểu', cells, merges: plan.merges };
}

function set(sheet: RawSheet, r: number, c: number, v: RawCell | undefined): void {
  while (sheet.cells.length < r) sheet.cells.push([]);
  sheet.cells[r - 1][c - 1] = v;
}

const rowOf = (sheet: RawSheet, label: string) => sheet.cells.findIndex((row) => row?.some((x) => x?.value === label)) + 1;

describe('the activities block', () => {
  it('is laid out with one row per type and a tick cell on the right', () => {
    const plan = activityBlock(20, 5);
    expect(plan.lastRow).toBe(20 + ACTIVITY_TYPES.length);
    expect(plan.cells.find((c) => c.r === 20 && c.c === 1)?.value).toBe('Hình thức tổ chức (đánh dấu x)');
    expect(plan.validations[0].range).toEqual({ r1: 21, c1: 5, r2: 20 + ACTIVITY_TYPES.length - 1, c2: 5 });
    expect(plan.cells.filter((c) => c.style === 'activityTick' || c.style === 'activityText').every((c) => c.style && c.c >= 3)).toBe(true);
  });

  it('reads ticks written x, X, ✓ and có, the banners mark and the free text', () => {
    const s = blockSheet();
    const tick = (label: string, v: string) => set(s, rowOf(s, label), 5, { value: v });
    tick('Tọa đàm', 'x');
    tick('Gặp mặt', 'X');
    tick('Thể dục, thể thao', '✓');
    tick('Tuyên truyền trên trang thông tin điện tử', ' Có ');
    tick('Kết hợp treo băng rôn, khẩu hiệu', 'x');
    set(s, rowOf(s, 'Khác (ghi rõ)'), 3, { value: 'Thăm hỏi, tặng quà người cao tuổi' });
    const got = readActivities(s, 'a.xlsx', 20, 60);
    expect(got).toMatchObject({
      present: true,
      activities: ['Tọa đàm', 'Gặp mặt', 'Thể dục, thể thao', 'Tuyên truyền trên trang thông tin điện tử'],
      otherActivity: 'Thăm hỏi, tặng quà người cao tuổi',
      banners: true,
      problems: [],
    });
  });

  it('warns at the cell for anything else, and counts it as not ticked', () => {
    const s = blockSheet();
    const r = rowOf(s, 'Hội thảo, tham luận');
    set(s, r, 5, { value: 'đã tổ chức' });
    set(s, rowOf(s, 'Tọa đàm'), 5, { value: 1, text: '1' });
    const got = readActivities(s, 'a.xlsx', 20, 60);
    expect(got.activities).toEqual([]);
    expect(got.banners).toBe(false);
    expect(got.problems.map((p) => [p.cell, p.code])).toEqual([
      [cellAddress(rowOf(s, 'Tọa đàm'), 5), 'activity.tickUnclear'],
      [cellAddress(r, 5), 'activity.tickUnclear'],
    ]);
    expect(got.problems[1].message.vi).toContain('“đã tổ chức”');
  });

  it('finds the labels after rows were moved and inserted, and with old tone marks or numbering', () => {
    const s = blockSheet();
    // Move "Tọa đàm" to the end, insert an empty row in the middle, renumber a label.
    const r = rowOf(s, 'Tọa đàm');
    const row = s.cells[r - 1];
    s.cells.splice(r - 1, 1);
    s.cells.splice(r + 2, 0, []);
    s.cells.push(row);
    s.merges = [];
    const culture = rowOf(s, 'Hoạt động văn hóa, văn nghệ');
    s.cells[culture - 1][0] = { value: '5. Hoạt động văn hoá,văn nghệ' };
    set(s, rowOf(s, 'Tọa đàm'), 5, { value: 'x' });
    set(s, culture, 5, { value: 'x' });
    expect(readActivities(s, 'a.xlsx', 20, 80).activities).toEqual(['Tọa đàm', 'Hoạt động văn hóa, văn nghệ']);
  });

  it('reads the tick right of a merged label, not the next cell', () => {
    const s = blockSheet(30, 5);
    const r = rowOf(s, 'Gặp mặt');
    set(s, r, 2, { value: 'x' }); // inside the label's merged area: not the tick cell
    expect(readActivities(s, 'a.xlsx', 1, 60).activities).toEqual([]);
    set(s, r, 5, { value: 'x' });
    expect(readActivities(s, 'a.xlsx', 1, 60).activities).toEqual(['Gặp mặt']);
  });

  it('is absent from a form without the block, and one stray word does not make one', () => {
    const s: RawSheet = { name: 'Biểu', cells: [], merges: [] };
    expect(readActivities(s, 'a.xlsx', 1, 50)).toMatchObject({ present: false, activities: null, otherActivity: null, banners: null });
    set(s, 3, 1, { value: 'Gặp mặt' });
    expect(readActivities(s, 'a.xlsx', 1, 50).present).toBe(false);
  });

  it('lists exactly the tick types in form order', () => {
    expect(ACTIVITY_LABELS).toEqual(ACTIVITY_TYPES.filter((t) => t.kind === 'tick').map((t) => t.label));
    expect(ACTIVITY_LABELS).toHaveLength(8);
  });
});

describe('the footer date', () => {
  it('reads the ways a head of unit dates the report', () => {
    expect(parseFooterText('Lạng Sơn, ngày 28 tháng 3 năm 2027')).toEqual({ kind: 'date', date: '2027-03-28' });
    expect(parseFooterText('Lạng Sơn, ngày 08 tháng 04 năm 2027')).toEqual({ kind: 'date', date: '2027-04-08' });
    expect(parseFooterText('Lạng Sơn, ngày 28/3/2027')).toEqual({ kind: 'date', date: '2027-03-28' });
    expect(parseFooterText('28/3/2027')).toEqual({ kind: 'date', date: '2027-03-28' });
    expect(parseFooterText('28-03-2027')).toEqual({ kind: 'date', date: '2027-03-28' });
    expect(parseFooterText('Lạng Sơn, ngày ..... tháng ..... năm 2027')).toEqual({ kind: 'blank' });
    expect(parseFooterText('Lạng Sơn, ngày 31 tháng 2 năm 2027').kind).toBe('invalid');
    expect(parseFooterText('THỦ TRƯỞNG ĐƠN VỊ')).toEqual({ kind: 'none' });
  });

  it('takes the footer date, a typed date serial, or else the saved day in Vietnam', () => {
    const s: RawSheet = { name: 'Biểu', cells: [], merges: [] };
    set(s, 25, 3, { value: 'Lạng Sơn, ngày ..... tháng ..... năm 2027' });
    set(s, 26, 3, { value: 'THỦ TRƯỞNG ĐƠN VỊ' });
    const saved = Date.UTC(2027, 3, 9, 20, 0); // 10/4 03:00 in Vietnam
    expect(readReportDate(s, 'a.xlsx', 20, 40, saved)).toEqual({ date: '2027-04-10', source: 'saved', problems: [] });
    expect(readReportDate(s, 'a.xlsx', 20, 40, undefined)).toEqual({ problems: [] });
    set(s, 25, 3, { value: 'Lạng Sơn, ngày 2 tháng 4 năm 2027' });
    expect(readReportDate(s, 'a.xlsx', 20, 40, saved)).toMatchObject({ date: '2027-04-02', source: 'footer', cell: 'C25' });
    set(s, 25, 3, { value: 46479, text: '02/04/2027' });
    expect(readReportDate(s, 'a.xlsx', 20, 40, saved)).toMatchObject({ date: '2027-04-02', source: 'footer' });
    set(s, 25, 3, { value: 'ngày 30 tháng 2 năm 2027' });
    const bad = readReportDate(s, 'a.xlsx', 20, 40, saved);
    expect(bad).toMatchObject({ date: '2027-04-10', source: 'saved' });
    expect(bad.problems.map((p) => [p.cell, p.code])).toEqual([['C25', 'reportDate.invalid']]);
  });

  it('keeps out of the activities block and stops at the signature', () => {
    const s: RawSheet = { name: 'Biểu', cells: [], merges: [] };
    set(s, 21, 3, { value: 'Hội thao ngày 20/3/2027' });
    set(s, 25, 3, { value: 'THỦ TRƯỞNG ĐƠN VỊ' });
    set(s, 27, 3, { value: 'Ghi chú: gửi ngày 1/4/2027' });
    expect(readReportDate(s, 'a.xlsx', 20, 40, undefined, { from: 20, to: 22 })).toEqual({ problems: [] });
  });

  it('converts date serials and local days', () => {
    expect(serialDate(46479)).toBe('2027-04-02');
    expect(serialDate(12)).toBeUndefined();
    expect(vietnamDay(Date.UTC(2027, 3, 9, 16, 59))).toBe('2027-04-09');
    expect(vietnamDay(Date.UTC(2027, 3, 9, 17, 0))).toBe('2027-04-10');
  });

  it('counts the deadline day as on time and days after it as late', () => {
    expect(timeliness('2027-04-10', '2027-04-10')).toEqual({ onTime: true, daysLate: 0 });
    expect(timeliness('2027-04-13', '2027-04-10')).toEqual({ onTime: false, daysLate: 3 });
    expect(timeliness('2027-03-01', '2027-04-10')).toEqual({ onTime: true, daysLate: 0 });
    expect(timeliness(null, '2027-04-10')).toEqual({ onTime: null, daysLate: null });
    expect(timeliness('2027-04-13', undefined)).toEqual({ onTime: null, daysLate: null });
  });
});
