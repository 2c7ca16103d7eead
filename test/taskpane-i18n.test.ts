// The pane's words: both languages complete, numbers written the local way, language from Office.
import { formatNumber, languageOf, translator } from '../src/taskpane/i18n';
import { omissionItems, omissionMessage } from '../src/excel/features';
import { nextFreeName } from '../src/excel/insert';
import { rosterSheetPlan, sheetToCsv } from '../src/taskpane/roster';
import { readRosterBytes } from '../src/workbook/read-roster';

test('Vietnamese unless Office speaks English', () => {
  expect(languageOf('vi-VN')).toBe('vi');
  expect(languageOf('en-US')).toBe('en');
  expect(languageOf('en-GB')).toBe('en');
  expect(languageOf('fr-FR')).toBe('vi');
  expect(languageOf(undefined)).toBe('vi');
});

test('every string exists in both languages, with the same placeholders', () => {
  const vi = translator('vi');
  const en = translator('en');
  const src = require('fs').readFileSync(require.resolve('../src/taskpane/i18n.ts'), 'utf8') as string;
  const names = [...src.matchAll(/^\s{2}(\w+): \{/gm)].map((m) => m[1]);
  expect(names.length).toBeGreaterThan(60);
  for (const k of names) {
    const a = vi(k as never);
    const b = en(k as never);
    expect([k, a.length > 0, b.length > 0]).toEqual([k, true, true]);
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect([k, ph(a)]).toEqual([k, ph(b)]);
  }
  expect(vi('allValid')).toBe('Biểu đã hợp lệ — có thể gửi');
  expect(vi('reading', { done: 3, total: 12 })).toBe('Đang đọc 3/12 tệp…');
});

test('numbers: 1.200.000 in Vietnamese, 1,200,000 in English', () => {
  expect(formatNumber(1200000, 'vi')).toBe('1.200.000');
  expect(formatNumber(1200000, 'en')).toBe('1,200,000');
  expect(formatNumber(0, 'vi')).toBe('0');
});

test('what an older Excel left out, in plain words', () => {
  expect(omissionMessage([], 'vi')).toBeUndefined();
  expect(omissionItems(['validation', 'validation', 'pageLayout'], 'vi')).toHaveLength(2);
  expect(omissionMessage(['chart'], 'vi')).toBe('Phiên bản Excel này chưa hỗ trợ một số tính năng nên đã bỏ qua: biểu đồ cơ cấu kinh phí (cần Excel 2019, Microsoft 365 hoặc Excel trên web).');
});

test('sheet names: legal, free, at most 31 characters', () => {
  expect(nextFreeName('Tổng hợp', ['TỔNG HỢP', 'Tổng hợp (2)'])).toBe('Tổng hợp (3)');
  expect(nextFreeName("'x'", [])).toBe('x');
});

test('the roster sheet, filled in, is read by the same reader as --roster', () => {
  const plan = rosterSheetPlan();
  const cells: { value: string | number | boolean | null }[][] = [];
  for (const c of plan.cells) {
    cells[c.r - 1] ??= [];
    if (c.value !== undefined && c.value !== null) cells[c.r - 1][c.c - 1] = { value: c.value };
  }
  cells[4][1] = { value: 'Sở Y tế' };
  cells[4][2] = { value: 'I' };
  cells[5][1] = { value: 'UBND huyện "Bình Gia", Lạng Sơn' };
  cells[5][2] = { value: 'II' };
  const csv = sheetToCsv({ file: 'x', format: 'xlsx', names: [], sheets: [{ name: 'Danh sách đơn vị', merges: [], cells }] });
  expect(readRosterBytes(csv, 'Danh sách đơn vị')).toEqual([
    { unit: 'Sở Y tế', group: 'I' },
    { unit: 'UBND huyện "Bình Gia", Lạng Sơn', group: 'II' },
  ]);
});
