import { cellAddress } from '../src/core/a1';
// Writes the consolidated summary (the same plan the command line writes) into the
// in-memory Excel and checks grid, live totals, the chart and the sync count.
import { mergeReturns } from '../src/core/merge';
import { ReturnResult } from '../src/core/returns';
import { RosterEntry } from '../src/core/vocabulary';
import { buildSummaryPlan } from '../src/core/summary-plan';
import { SheetPlan } from '../src/core/plan';
import { insertSheetPlans } from '../src/excel/insert';
import { bandBytes, planBands, utf8Bytes } from '../src/excel/render';
import { expectSheetMatchesPlan } from './excel-host/expect-plan';
import { ExcelHost } from './excel-host/host';

function result(file: string, unit: string, rows: [number, number, number][], modified = 1): ReturnResult {
  return {
    file,
    unit,
    modified,
    year: 2025,
    sheet: 'Biểu',
    status: 'ok',
    problems: [],
    rows: rows.map(([participants, budget, otherFunding], i) => ({ row: 13 + i, participants, budget, otherFunding, totalFunding: budget + otherFunding })),
  };
}

const ROSTER: RosterEntry[] = [
  { unit: 'Sở Y tế', group: 'I' },
  { unit: 'Sở Tài chính', group: 'I' },
  { unit: 'UBND huyện Bình Gia', group: 'II' },
  { unit: 'UBND huyện Bắc Sơn', group: 'II' },
  { unit: 'Hội Liên hiệp Phụ nữ tỉnh', group: 'III' },
];

function sampleResults(): ReturnResult[] {
  return [
    result('yte.xlsx', 'Sở Y tế', [[120, 5_000_000, 2_000_000], [0, 1_500_000, 0]]),
    result('binhgia.xlsx', 'UBND H. Bình Gia', [[300, 10_000_000, 4_000_000]]),
    result('hoi.ods', 'Hội Liên hiệp Phụ nữ tỉnh', [[80, 0, 3_000_000]]),
    result('eq.xlsx', '=HYPERLINK("http://example.com","x")', [[5, 100_000, 0]]),
    result('plus.xlsx', '+84 Trung tâm', [[6, 200_000, 0]]),
    { file: 'bad.xls', rows: [], status: 'error', problems: [{ file: 'bad.xls', severity: 'error', code: 'form.notFound', message: { vi: 'Không tìm thấy biểu mẫu', en: 'No form' } }] },
  ];
}

let host: ExcelHost;
let uninstall: (() => void) | undefined;
function useHost(h: ExcelHost) {
  uninstall?.();
  host = h;
  uninstall = host.install();
}
afterEach(() => {
  expect(host.discarded).toEqual([]);
  uninstall?.();
  uninstall = undefined;
});

describe('writing the summary into Excel', () => {
  test('every sheet of the summary plan lands as planned; totals are live and computed', async () => {
    useHost(new ExcelHost());
    const merged = mergeReturns(sampleResults(), { roster: ROSTER, year: 2025 });
    const plan = buildSummaryPlan(merged, { year: 2025, province: 'Lạng Sơn', body: 'Sở Y tế', lang: 'vi' });
    const res = await insertSheetPlans(plan.sheets, { lang: 'vi' });
    expect(res.sheets).toEqual(plan.sheets.map((s) => s.name));
    expect(res.omitted).toEqual([]);
    expect(host.syncs).toBe(2);
    plan.sheets.forEach((s) => expectSheetMatchesPlan(host, s.name, s));

    const summary = plan.sheets[0];
    // The "Tổng cộng" row: formulas that compute to the merged totals.
    const label = summary.cells.find((c) => c.value === 'Tổng cộng')!;
    const totalRow = label.r;
    const cols = summary.cells.filter((c) => c.r === totalRow && c.formula).map((c) => c.c);
    expect(cols.length).toBeGreaterThanOrEqual(4);
    const values = cols.map((c) => host.model.valueOf(host.sheet(summary.name), totalRow, c));
    expect(values).toEqual(expect.arrayContaining([merged.totals.participants, merged.totals.totalFunding, merged.totals.budget, merged.totals.otherFunding]));

    // Unit names from files stay text, verbatim.
    const texts = [...host.sheet(summary.name).cells.values()].filter((c) => c.formula === undefined).map((c) => c.value);
    expect(texts).toContain('=HYPERLINK("http://example.com","x")');
    expect(texts).toContain('+84 Trung tâm');

    // The funding breakdown on its own sheet points at the summary's rows: the same totals, computed.
    const coverage = plan.sheets[1];
    const fundTotal = coverage.cells.find((c) => c.c === 1 && c.value === 'Tổng cộng')!.r;
    const fundCols = coverage.cells.filter((c) => c.r === fundTotal && c.formula?.includes('!')).map((c) => c.c);
    expect(fundCols).toHaveLength(3);
    expect(fundCols.map((c) => host.model.valueOf(host.sheet(coverage.name), fundTotal, c))).toEqual([merged.totals.totalFunding, merged.totals.budget, merged.totals.otherFunding]);

    // The funding chart: budget vs mobilised by group, two named series over the planned ranges.
    expect(host.sheet(summary.name).charts).toHaveLength(0);
    const charts = host.sheet(coverage.name).charts;
    expect(charts).toHaveLength(1);
    const planned = coverage.charts![0];
    expect(charts[0].type).toBe('ColumnStacked');
    expect(charts[0].title).toBe(planned.title.vi);
    expect(charts[0].series.map((s) => s.name)).toEqual(planned.series.map((s) => s.name.vi));
    expect(charts[0].series.map((s) => s.values)).toEqual(planned.series.map((s) => s.values));
    expect(charts[0].series.map((s) => s.categories)).toEqual(planned.series.map(() => planned.categories));
  });

  test('the number of syncs does not grow with the number of units', async () => {
    const syncs: number[] = [];
    for (const n of [5, 400]) {
      useHost(new ExcelHost());
      const results = Array.from({ length: n }, (_, i) => result(`f${i}.xlsx`, `UBND xã số ${i + 1}`, [[10 + i, 1_000_000, 500_000]]));
      const plan = buildSummaryPlan(mergeReturns(results, { year: 2025 }), { year: 2025, lang: 'vi' });
      await insertSheetPlans(plan.sheets, { lang: 'vi' });
      syncs.push(host.syncs);
      for (const s of host.syncLog) expect(s.bytes).toBeLessThan(5 * 1024 * 1024);
      const summary = plan.sheets[0];
      const label = summary.cells.find((c) => c.value === 'Tổng cộng')!;
      const first = summary.cells.find((c) => c.r === label.r && c.formula)!;
      expect(host.model.valueOf(host.sheet(summary.name), label.r, first.c)).toBe(Array.from({ length: n }, (_, i) => 10 + i).reduce((a, b) => a + b, 0));
    }
    expect(syncs).toEqual([2, 2]);
  });

  test('late returns: a second summary goes next to the first, or replaces it when asked', async () => {
    useHost(new ExcelHost({ sheets: ['Dữ liệu'] }));
    const first = buildSummaryPlan(mergeReturns(sampleResults().slice(0, 2), { year: 2025 }), { year: 2025, lang: 'vi' });
    await insertSheetPlans(first.sheets, { lang: 'vi' });
    const later = buildSummaryPlan(mergeReturns(sampleResults(), { year: 2025 }), { year: 2025, lang: 'vi' });
    const kept = await insertSheetPlans(later.sheets, { lang: 'vi' });
    expect(kept.sheets).toEqual(later.sheets.map((s) => `${s.name} (2)`));
    const replaced = await insertSheetPlans(later.sheets, { lang: 'vi', replace: later.sheets.map((s) => s.name) });
    expect(replaced.sheets).toEqual(later.sheets.map((s) => s.name));
    expect(host.sheetNames()).toEqual(['Dữ liệu', ...kept.sheets, ...later.sheets.map((s) => s.name)]);
    later.sheets.forEach((s) => expectSheetMatchesPlan(host, s.name, s));
    // Each funding breakdown still reads its own summary: the kept copy "(2)", and the replacement under the old name.
    const cov = later.sheets[1];
    const fundTotal = cov.cells.find((c) => c.c === 1 && c.value === 'Tổng cộng')!.r;
    const totalCol = cov.cells.find((c) => c.r === fundTotal && c.formula?.includes('!'))!.c;
    const want = mergeReturns(sampleResults(), { year: 2025 }).totals.totalFunding;
    expect(host.formula(kept.sheets[1], cellAddress(fundTotal, totalCol))).toContain("'Tổng hợp (2)'!");
    for (const name of [kept.sheets[1], cov.name]) expect(host.model.valueOf(host.sheet(name), fundTotal, totalCol)).toBe(want);
  });

  test('Excel 2016-era (ExcelApi 1.4): no chart, frozen rows or print setup, and the message says so', async () => {
    useHost(new ExcelHost({ excelApi: '1.4' }));
    const plan = buildSummaryPlan(mergeReturns(sampleResults(), { roster: ROSTER, year: 2025 }), { year: 2025, lang: 'en' });
    const res = await insertSheetPlans(plan.sheets, { lang: 'en' });
    expect(res.omitted.sort()).toEqual(['chart', 'freeze', 'pageLayout']);
    expect(res.message).toContain('the funding breakdown chart');
    expect(res.message).toContain('frozen header rows');
    plan.sheets.forEach((s) => expectSheetMatchesPlan(host, s.name, s, { pageLayout: false }));
    for (const sheet of plan.sheets) expect(host.sheet(sheet.name).charts).toHaveLength(0);
  });

  test('several plans share one request budget: no request goes over the cap, however the plans add up', async () => {
    const bigPlan = (name: string, rows: number): SheetPlan => {
      const cells: SheetPlan['cells'] = [];
      for (let r = 1; r <= rows; r++) for (let c = 1; c <= 6; c++) cells.push({ r, c, value: `Đơn vị số ${r} — ghi chú dài dòng ${c} `.repeat(3) });
      return {
        name,
        font: { name: 'Times New Roman', size: 12 },
        columns: [],
        rowHeights: {},
        cells,
        styles: {},
        merges: [],
        validations: [],
        names: [],
        print: { paper: 'A4', orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, margins: { left: 1, right: 1, top: 1, bottom: 1 } },
      };
    };
    // Each plan fits one request alone; the three together do not.
    useHost(new ExcelHost({ payloadLimit: 200_000 }));
    const plans = [bigPlan('A', 130), bigPlan('B', 130), bigPlan('C', 130)];
    for (const p of plans) expect(planBands(p, 150_000)).toHaveLength(1);
    const res = await insertSheetPlans(plans, { lang: 'vi', budget: 150_000 });
    expect(res.sheets).toEqual(['A', 'B', 'C']);
    for (const x of host.syncLog) expect(x.bytes).toBeLessThan(200_000);
    expect(host.syncs).toBeLessThanOrEqual(1 + 3);
    plans.forEach((p) => expectSheetMatchesPlan(host, p.name, p));

    // Sizes are UTF-8: Vietnamese text takes more bytes than characters, and the estimate says so.
    expect(utf8Bytes('Đơn vị')).toBe(10); // Đ ơ: 2 bytes, ị: 3
    const plan = plans[0];
    const band = planBands(plan, 1e9)[0];
    const utf16 = plan.cells.reduce((n, c) => n + JSON.stringify(`'${c.value}`).length, 0);
    expect(bandBytes(plan, band)).toBeGreaterThan(utf16 * 1.2);
    // A plan whose UTF-16 length is under the cap but whose UTF-8 bytes are not is split, not refused.
    useHost(new ExcelHost({ payloadLimit: Math.round(utf16 * 1.1) + 20_000 }));
    await insertSheetPlans([plan], { lang: 'vi', budget: Math.round(utf16 * 1.1) });
    expect(host.syncs).toBeGreaterThan(2);
    for (const x of host.syncLog) expect(x.bytes).toBeLessThan(host.payloadLimit);
    expectSheetMatchesPlan(host, 'A', plan);
  });

  test('replacing: a failure while writing leaves the previous summary exactly as it was', async () => {
    useHost(new ExcelHost({ sheets: ['Dữ liệu'] }));
    const first = buildSummaryPlan(mergeReturns(sampleResults().slice(0, 2), { year: 2025 }), { year: 2025, lang: 'vi' });
    await insertSheetPlans(first.sheets, { lang: 'vi' });
    const names = first.sheets.map((s) => s.name);
    const before = host.sheetNames();
    const later = buildSummaryPlan(mergeReturns(sampleResults(), { year: 2025 }), { year: 2025, lang: 'vi' });

    // The request that writes the new sheets fails (e.g. the connection drops).
    host.resetCounters();
    host.failSync = (n) => (n === 1 ? new Error('GeneralException: the request failed') : undefined);
    await expect(insertSheetPlans(later.sheets, { lang: 'vi', replace: names })).rejects.toThrow('the request failed');
    expect(host.sheetNames()).toEqual(before);
    first.sheets.forEach((s) => expectSheetMatchesPlan(host, s.name, s));

    // Split into several requests, the last one fails: the old summary is still whole, nothing half-written is left.
    host.resetCounters();
    let total = 0;
    host.failSync = (n, labels) => (total === 0 && labels.some((l) => /delete|name/.test(l)) && n > 1 ? (total++, new Error('GeneralException: late failure')) : undefined);
    await expect(insertSheetPlans(later.sheets, { lang: 'vi', replace: names, budget: 2_000 })).rejects.toThrow('late failure');
    expect(total).toBe(1);
    expect(host.syncs).toBeGreaterThan(3);
    expect(host.sheetNames()).toEqual(before);
    first.sheets.forEach((s) => expectSheetMatchesPlan(host, s.name, s));

    // And when nothing fails, the new summary takes the old names and places.
    host.failSync = undefined;
    host.resetCounters();
    const res = await insertSheetPlans(later.sheets, { lang: 'vi', replace: names, budget: 2_000 });
    expect(res.sheets).toEqual(names);
    expect(host.sheetNames()).toEqual(['Dữ liệu', ...names]);
    later.sheets.forEach((s) => expectSheetMatchesPlan(host, s.name, s));
  });
});
