import fc from 'fast-check';
import { extractReturn } from '../src/core/extract';
import { Merged, mergeReturns, toSummaryJson } from '../src/core/merge';
import { MergeSummarySchema, ReturnResult, ReturnRow } from '../src/core/returns';
import { RosterEntry } from '../src/core/vocabulary';
import { formWorkbook } from './core-fixtures';
import { normalizeUnitName } from '../src/core/units';

let rowNo = 13;
function result(file: string, unit: string | undefined, rows: [number, number, number][], extra: Partial<ReturnResult> = {}): ReturnResult {
  const rs: ReturnRow[] = rows.map(([p, b, o]) => ({ row: rowNo++, participants: p, budget: b, otherFunding: o, totalFunding: b + o }));
  return { file, unit, rows: rs, problems: [], status: 'ok', sheet: 'Biểu', year: 2025, ...extra };
}

const ROSTER: RosterEntry[] = [
  { unit: 'Sở Y tế', group: 'I' },
  { unit: 'Sở Giáo dục và Đào tạo', group: 'I' },
  { unit: 'Huyện Bình Gia', group: 'II' },
  { unit: 'Huyện Tràng Định', group: 'II' },
  { unit: 'Huyện Chi Lăng', group: 'II' },
  { unit: 'Hội Liên hiệp Phụ nữ tỉnh', group: 'III' },
  { unit: 'Trung tâm Bảo trợ xã hội tỉnh', group: 'IV' },
];

describe('mergeReturns', () => {
  test('groups, totals, duplicates, rejected and coverage against a roster', () => {
    const warn = { file: 'bg-moi.xlsx', sheet: 'Biểu', cell: 'D13', severity: 'warning' as const, code: 'number.text' as const, message: { vi: 'chữ', en: 'text' } };
    const results = [
      result('yte.xlsx', 'Sở Y tế', [[100, 1_000_000, 500_000]]),
      result('bg-cu.xlsx', 'UBND huyện Bình Gia', [[1, 1, 1]], { modified: 1000 }),
      result('bg-moi.xlsx', 'UBND H. Bình Gia', [[50, 2_000_000, 0], [10, 0, 300_000]], { modified: 2000, problems: [warn], status: 'warning' }),
      result('phunu.xlsx', 'Hội LHPN tỉnh', [[20, 0, 100_000]]),
      result('loi.xlsx', 'Huyện Chi Lăng', [], { status: 'error', problems: [{ file: 'loi.xlsx', sheet: 'Biểu', cell: 'B13', severity: 'error', code: 'participants.invalid', message: { vi: 'sai', en: 'bad' } }] }),
      result('hyperlink.xlsx', '=HYPERLINK("http://x","Công ty A")', [[3, 0, 50_000]]),
    ];
    const m = mergeReturns(results, { roster: ROSTER, year: 2025 });

    expect(m.accepted.map((u) => [u.file, u.group, u.display])).toEqual([
      ['yte.xlsx', 'I', 'Sở Y tế'],
      ['bg-moi.xlsx', 'II', 'Huyện Bình Gia'],
      ['hyperlink.xlsx', 'V', '=HYPERLINK("http://x","Công ty A")'],
      ['phunu.xlsx', 'V', 'Hội LHPN tỉnh'], // not matched to the roster: "Đơn vị khác"
    ]);
    expect(m.superseded).toEqual([{ file: 'bg-cu.xlsx', unit: 'UBND huyện Bình Gia', by: 'bg-moi.xlsx', modified: 1000 }]);
    expect(m.accepted[1].replaces).toEqual(['bg-cu.xlsx']);
    expect(m.rejected.map((r) => r.file)).toEqual(['loi.xlsx']);
    expect(m.totals).toEqual({ participants: 183, totalFunding: 3_950_000, budget: 3_000_000, otherFunding: 950_000 });
    expect(m.groups.find((g) => g.id === 'II')!.totals).toEqual({ participants: 60, totalFunding: 2_300_000, budget: 2_000_000, otherFunding: 300_000 });
    expect(m.warnings).toEqual([warn]);

    expect(m.coverage.expected).toBe(7);
    expect(m.coverage.reported).toBe(2);
    expect(m.coverage.missing.map((x) => x.unit)).toEqual(['Sở Giáo dục và Đào tạo', 'Huyện Tràng Định', 'Huyện Chi Lăng', 'Hội Liên hiệp Phụ nữ tỉnh', 'Trung tâm Bảo trợ xã hội tỉnh']);
    expect(m.coverage.missing.find((x) => x.unit === 'Huyện Chi Lăng')!.rejectedFiles).toEqual(['loi.xlsx']);
    const g2 = m.groups.find((g) => g.id === 'II')!;
    expect([g2.reported, g2.expected, g2.extra]).toEqual([1, 3, 0]);
    const g5 = m.groups.find((g) => g.id === 'V')!;
    expect([g5.reported, g5.expected, g5.extra]).toEqual([0, 0, 2]);

    const json = toSummaryJson(m);
    expect(MergeSummarySchema.safeParse(json).success).toBe(true);
    expect(json.accepted[2].unit).toBe('=HYPERLINK("http://x","Công ty A")');
    expect(json.rejected).toEqual([{ file: 'loi.xlsx', unit: 'Huyện Chi Lăng', issues: [{ sheet: 'Biểu', cell: 'B13', severity: 'error', code: 'participants.invalid', message: 'sai' }] }]);
    expect(json.superseded).toEqual([{ file: 'bg-cu.xlsx', unit: 'UBND huyện Bình Gia', by: 'bg-moi.xlsx' }]);
    expect(json.warnings).toEqual([{ file: 'bg-moi.xlsx', sheet: 'Biểu', cell: 'D13', code: 'number.text', message: 'chữ' }]);
    expect(json.coverage).toMatchObject({ expected: 7, reported: 2 });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  test('without a roster: groups inferred from names, every accepted unit expected', () => {
    const m = mergeReturns([
      result('a.xlsx', 'UBND huyện Bình Gia', [[1, 1, 0]]),
      result('b.xlsx', 'Sở Y tế', [[1, 0, 1]]),
      result('c.xlsx', 'Trung tâm CTXH tỉnh', [[1, 0, 0]]),
      result('d.xlsx', 'Hội Chữ thập đỏ', []),
    ]);
    expect(m.accepted.map((u) => u.group)).toEqual(['I', 'II', 'III', 'IV']);
    expect(m.coverage).toEqual({ expected: 4, reported: 4, missing: [] });
    expect(m.year).toBe(2025);
  });

  test('the same unit twice: newest wins; a tie goes to the later file name', () => {
    const tie = mergeReturns([result('b.xlsx', 'Sở Y tế', [[2, 0, 0]]), result('a.xlsx', 'sở y tế', [[1, 0, 0]])]);
    expect(tie.accepted.map((u) => u.file)).toEqual(['b.xlsx']);
    expect(tie.superseded.map((s) => [s.file, s.by])).toEqual([['a.xlsx', 'b.xlsx']]);
    const dated = mergeReturns([result('b.xlsx', 'Sở Y tế', [[2, 0, 0]], { modified: 5 }), result('a.xlsx', 'Y tế', [[1, 0, 0]], { modified: 9 })]);
    expect(dated.accepted.map((u) => u.file)).toEqual(['a.xlsx']);
  });

  test('an NFD unit name matches its NFC roster entry', () => {
    const m = mergeReturns([result('bg.xlsx', 'UBND huyện Bình Gia'.normalize('NFD'), [[1, 1, 1]])], { roster: ROSTER });
    expect(m.accepted[0].rosterUnit).toBe('Huyện Bình Gia');
    expect(m.accepted[0].unit).toBe('UBND huyện Bình Gia'.normalize('NFD'));
  });

  test('a result without a unit is rejected even if marked ok; malformed input is rejected, not thrown', () => {
    const m = mergeReturns([result('x.xlsx', undefined, [[1, 1, 1]]), { file: 'y.xlsx', rows: 'no' } as unknown as ReturnResult]);
    expect(m.accepted).toEqual([]);
    expect(m.rejected.map((r) => [r.file, r.problems[0].code])).toEqual([
      ['x.xlsx', 'unit.missing'],
      ['y.xlsx', 'result.invalid'],
    ]);
  });

  test('end to end from extracted workbooks', () => {
    const a = extractReturn(formWorkbook({ file: 'yte.xlsx', unit: 'Sở Y tế', data: [[10, '1.000.000', 0]] }));
    const b = extractReturn(formWorkbook({ file: 'bg.xlsx', unit: 'UBND H. Bình Gia', data: [[5, 200_000, 300_000]] }));
    const c = extractReturn(formWorkbook({ file: 'rong.xlsx', data: [[5, 1, 1]] }));
    const json = toSummaryJson(mergeReturns([a, b, c], { roster: ROSTER }));
    expect(json.totals).toEqual({ participants: 15, totalFunding: 1_500_000, budget: 1_200_000, otherFunding: 300_000 });
    expect(json.rejected.map((r) => r.file)).toEqual(['rong.xlsx']);
    expect(json.warnings.map((w) => `${w.file}!${w.cell}`)).toContain('yte.xlsx!D13');
    expect(json.coverage.missing).toHaveLength(5);
  });
});

// Random returns with a few unit names, so duplicates and roster matches happen.
const UNITS = ['Sở Y tế', 'Y tế', 'UBND huyện Bình Gia', 'Huyện Bình Gia', 'Hội Nông dân', 'Trung tâm CTXH', 'Công ty A', '=SUM(1)'];
const FILES = ['a.xlsx', 'b.xlsx', 'c.xls', 'd.ods', 'e.xlsx', 'f.xlsx'];
const rowArb = fc.record({
  row: fc.integer({ min: 1, max: 500 }),
  participants: fc.integer({ min: 0, max: 100_000 }),
  budget: fc.integer({ min: 0, max: 10_000_000_000 }),
  otherFunding: fc.integer({ min: 0, max: 10_000_000_000 }),
}).map((r) => ({ ...r, totalFunding: r.budget + r.otherFunding }));
const resultArb: fc.Arbitrary<ReturnResult> = fc.record({
  file: fc.constantFrom(...FILES),
  unit: fc.option(fc.constantFrom(...UNITS), { nil: undefined }),
  modified: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  rows: fc.array(rowArb, { maxLength: 4 }),
  status: fc.constantFrom('ok', 'warning', 'error'),
}).map((r) => ({ ...r, problems: r.status === 'ok' ? [] : [{ file: r.file, severity: r.status === 'error' ? 'error' : 'warning', code: 'rows.none' as const, message: { vi: 'v', en: 'e' } }] }) as ReturnResult);
const rosterArb = fc.option(fc.subarray(ROSTER), { nil: undefined });

const sum = (rows: ReturnRow[]) => rows.reduce((t, r) => ({ p: t.p + r.participants, b: t.b + r.budget, o: t.o + r.otherFunding, t: t.t + r.totalFunding }), { p: 0, b: 0, o: 0, t: 0 });

describe('mergeReturns properties', () => {
  test('totals equal the sums of the accepted rows, overall and per group', () => {
    fc.assert(
      fc.property(fc.array(resultArb, { maxLength: 10 }), rosterArb, (results, roster) => {
        const m = mergeReturns(results, { roster });
        const all = sum(m.accepted.flatMap((u) => u.rows));
        expect(m.totals).toEqual({ participants: all.p, budget: all.b, otherFunding: all.o, totalFunding: all.t });
        for (const g of m.groups) {
          const s = sum(g.units.flatMap((u) => u.rows));
          expect(g.totals).toEqual({ participants: s.p, budget: s.b, otherFunding: s.o, totalFunding: s.t });
        }
        expect(m.totals.totalFunding).toBe(m.totals.budget + m.totals.otherFunding);
        expect(MergeSummarySchema.safeParse(toSummaryJson(m)).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('merging does not depend on the order of the files', () => {
    fc.assert(
      fc.property(
        fc.array(resultArb, { maxLength: 10 }).chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }))),
        rosterArb,
        ([a, b], roster) => {
          const strip = (m: Merged) => JSON.stringify(toSummaryJson(m));
          expect(strip(mergeReturns(b, { roster }))).toEqual(strip(mergeReturns(a, { roster })));
          expect(mergeReturns(b, { roster })).toEqual(mergeReturns(a, { roster }));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('the newest file decides across rejected files too', () => {
    const mk = (file: string, modified: number, status: 'ok' | 'error'): ReturnResult => ({
      file, modified, unit: 'Huyện Bình Gia', sheet: 'S', rows: status === 'ok' ? [{ row: 13, participants: 100, totalFunding: 1000, budget: 1000, otherFunding: 0 }] : [], status,
      problems: status === 'ok' ? [] : [{ file, sheet: 'S', cell: 'D13', severity: 'error', code: 'money.invalid', message: { vi: 'x', en: 'x' } }],
    });
    // A broken first return fixed by a resend: the old one is superseded, not a rejection to chase.
    const fixed = mergeReturns([mk('BinhGia.xlsx', 1, 'error'), mk('BinhGia (gui lai).xlsx', 2, 'ok')]);
    expect(fixed.accepted.map((a) => a.file)).toEqual(['BinhGia (gui lai).xlsx']);
    expect(fixed.superseded.map((x) => [x.file, x.by])).toEqual([['BinhGia.xlsx', 'BinhGia (gui lai).xlsx']]);
    expect(fixed.rejected).toEqual([]);
    // A newer resend with errors: the older good one is used, and the summary says a newer file waits to be fixed.
    const broken = mergeReturns([mk('BinhGia_v1.xlsx', 1, 'ok'), mk('BinhGia_v2.xlsx', 2, 'error')]);
    expect(broken.accepted.map((a) => a.file)).toEqual(['BinhGia_v1.xlsx']);
    expect(broken.rejected.map((x) => x.file)).toEqual(['BinhGia_v2.xlsx']);
    expect(broken.accepted[0].warnings.map((w) => w.code)).toEqual(['file.newerRejected']);
    // Equal save times: a choice by name, and the summary says so.
    const tie = mergeReturns([mk('Chi Lang.xlsx', 5, 'ok'), mk('Chi Lang (gui lai).xlsx', 5, 'ok')]);
    expect(tie.superseded).toHaveLength(1);
    expect(tie.accepted[0].warnings.map((w) => w.code)).toEqual(['duplicate.sameTime']);
    expect(tie.accepted[0].warnings[0].message.vi).toContain('theo tên tệp');
  });

  test('duplicates saved in the same second: the file system time decides before the name, and the warning names the rule', () => {
    const mk = (file: string, modified: number, fileModified?: number): ReturnResult => ({
      file, modified, ...(fileModified !== undefined ? { fileModified } : {}), unit: 'Xã Tân Tiến', sheet: 'S', rows: [{ row: 13, participants: file.length, totalFunding: 0, budget: 0, otherFunding: 0 }], status: 'ok', problems: [],
    });
    // "A (gui lai)" sorts after "A" by name, but the file system says "A.xlsx" was written last.
    const byTime = mergeReturns([mk('A.xlsx', 5000, 9_000_123), mk('A (gui lai).xlsx', 5000, 9_000_001)]);
    expect(byTime.accepted.map((a) => a.file)).toEqual(['A.xlsx']);
    expect(byTime.superseded.map((x) => [x.file, x.by])).toEqual([['A (gui lai).xlsx', 'A.xlsx']]);
    expect(byTime.accepted[0].warnings.map((w) => w.code)).toEqual(['duplicate.sameTime']);
    expect(byTime.accepted[0].warnings[0].message.vi).toContain('giờ sửa tệp trên máy');
    expect(byTime.accepted[0].warnings[0].message.en).toContain('file system shows it was modified last');
    // Different saved dates still win over the file system's time (a copied file gets a new one).
    const bySaved = mergeReturns([mk('A.xlsx', 4000, 9_999_999), mk('A (gui lai).xlsx', 5000, 1)]);
    expect(bySaved.accepted.map((a) => a.file)).toEqual(['A (gui lai).xlsx']);
    expect(bySaved.accepted[0].warnings).toEqual([]);
    // Three files, one decided by time, one by name: both rules are named.
    const mixed = mergeReturns([mk('B.xlsx', 5000, 7), mk('C.xlsx', 5000, 7), mk('A.xlsx', 5000, 3)]);
    expect(mixed.accepted.map((a) => a.file)).toEqual(['C.xlsx']);
    const texts = mixed.accepted[0].warnings.map((w) => w.message.vi);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('“A.xlsx”');
    expect(texts[0]).toContain('giờ sửa tệp trên máy, tệp này');
    expect(texts[1]).toContain('“B.xlsx”');
    expect(texts[1]).toContain('theo tên tệp');
  });

  test('no accepted row is lost: every file is accepted, superseded or rejected exactly once, and every usable one is used or superseded', () => {
    fc.assert(
      fc.property(fc.array(resultArb, { maxLength: 10 }), rosterArb, (results, roster) => {
        const m = mergeReturns(results, { roster });
        const usable = results.filter((r) => r.status !== 'error' && r.unit);
        expect(m.accepted.length + m.superseded.length + m.rejected.length).toBe(results.length);
        // Every usable file is used or superseded, and whatever supersedes a file is itself used.
        const used = [...m.accepted.map((a) => a.file), ...m.superseded.map((x) => x.file)];
        for (const u of usable) expect(used).toContain(u.file);
        for (const x of m.superseded) expect(m.accepted.some((a) => a.file === x.by)).toBe(true);
        // Every accepted unit's rows are exactly one usable input's rows.
        const key = (rows: ReturnRow[]) => JSON.stringify(rows.map((r) => [r.row, r.participants, r.budget, r.otherFunding, r.totalFunding]));
        for (const u of m.accepted) expect(usable.some((r) => r.file === u.file && key(r.rows) === key(u.rows))).toBe(true);
        // Each unit appears once.
        expect(new Set(m.accepted.map((u) => u.rosterIndex ?? normalizeUnitName(u.unit))).size).toBe(m.accepted.length);
        // Coverage adds up.
        expect(m.coverage.reported + m.coverage.missing.length).toBe(m.coverage.expected);
      }),
      { numRuns: 300 },
    );
  });
});
