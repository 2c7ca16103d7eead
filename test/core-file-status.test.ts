// The status of each file across a set, as the CLI's check and the pane's merge tab show it.
import { fileStatuses } from '../src/core/file-status';
import { mergeReturns } from '../src/core/merge';
import { ReturnResult } from '../src/core/returns';

const result = (file: string, unit: string, o: Partial<ReturnResult> = {}): ReturnResult => ({
  file, unit, rows: [{ row: 13, participants: 1, totalFunding: 2, budget: 1, otherFunding: 1 }], problems: [], status: 'ok', ...o,
});

test('superseded, last year’s form, resent at the same time, rejected and clean files', () => {
  const results = [
    result('cu.xlsx', 'Sở Y tế', { modified: 1 }),
    result('moi.xlsx', 'SỞ Y TẾ', { modified: 2 }),
    result('nam-truoc.xlsx', 'Sở Tài chính', { year: 2024, yearCell: 'A5', modified: 5 }),
    result('a.xlsx', 'Hội Phụ nữ', { modified: 7 }),
    result('b.xlsx', 'Hội Phụ nữ', { modified: 7 }),
    result('loi.xlsx', 'Sở Xây dựng', { rows: [], status: 'error', problems: [{ file: 'loi.xlsx', severity: 'error', code: 'form.notFound', message: { vi: 'v', en: 'e' } }] }),
  ];
  const merged = mergeReturns(results, { year: 2025 });
  const by = Object.fromEntries(fileStatuses(results, merged).map((s) => [s.file, s]));
  expect(by['cu.xlsx']).toMatchObject({ state: 'superseded', by: 'moi.xlsx' });
  expect(by['moi.xlsx'].state).toBe('ok');
  expect(by['nam-truoc.xlsx'].state).toBe('warning');
  expect(by['nam-truoc.xlsx'].problems.map((p) => [p.code, p.cell])).toEqual([['year.differs', 'A5']]);
  const kept = by['b.xlsx'].state === 'superseded' ? by['a.xlsx'] : by['b.xlsx'];
  expect(kept.problems.map((p) => p.code)).toEqual(['duplicate.sameTime']);
  expect(by['loi.xlsx']).toMatchObject({ state: 'error', problems: [{ code: 'form.notFound' }] });
});

test('a warning the file already carries is not listed twice', () => {
  const own = { file: 'x.xlsx', sheet: 'S', cell: 'A5', severity: 'warning' as const, code: 'year.differs' as const, message: { vi: 'Biểu ghi năm 2024, không phải năm 2025 đang tổng hợp. Hãy kiểm tra đơn vị có gửi nhầm biểu năm cũ không.', en: '' } };
  const results = [result('x.xlsx', 'Sở Y tế', { year: 2024, yearCell: 'A5', sheet: 'S', status: 'warning', problems: [own] })];
  const [s] = fileStatuses(results, mergeReturns(results, { year: 2025 }));
  expect(s.problems.filter((p) => p.code === 'year.differs')).toHaveLength(1);
});
