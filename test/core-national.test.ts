// Provincial summaries read back as inputs, and the national merge, on real .xlsx bytes the
// product writes (exceljs) and reads (SheetJS); clerk edits are applied to the read grid.
import fc from 'fast-check';
import { mergeReturns } from '../src/core/merge';
import { NationalSummarySchema, mergeNational, mixedInputsProblem, toNationalJson } from '../src/core/national';
import { buildNationalPlan, UNITS_SHEET } from '../src/core/national-plan';
import { buildNationalReportPlan } from '../src/core/national-report-plan';
import { ReportBlock } from '../src/core/report-plan';
import { dongWithWords } from '../src/core/amount-words';
import { NATIONAL_INDEX, NATIONAL_PROVINCES } from '../src/core/admin/national-provinces';
import { provinceKey } from '../src/core/provinces';

const PROVINCES_2026 = NATIONAL_INDEX.provinces;
import { RawCell, RawWorkbook, ReturnResult, ReturnRow } from '../src/core/returns';
import { RosterEntry } from '../src/core/vocabulary';
import { buildSummaryPlan } from '../src/core/summary-plan';
import { ProvinceReturn, isNationalWorkbook, isSummaryWorkbook, provinceOfForm, readSummary } from '../src/core/summary-read';
import { readWorkbookBytes } from '../src/workbook/read-workbook';
import { writeWorkbook } from '../src/workbook/write-xlsx';
import { formWorkbook, getCell, insertRows, setCell } from './core-fixtures';

const dir = NATIONAL_PROVINCES;
let rowNo = 13;
function ret(file: string, unit: string, rows: [number, number, number][], extra: Partial<ReturnResult> = {}): ReturnResult {
  const rs: ReturnRow[] = rows.map(([p, b, o]) => ({ row: rowNo++, participants: p, budget: b, otherFunding: o, totalFunding: b + o }));
  return { file, unit, rows: rs, problems: [], status: 'ok', sheet: 'Biểu', year: 2027, ...extra };
}

const ROSTER: RosterEntry[] = [
  { unit: 'Sở Y tế', group: 'I' },
  { unit: 'Sở Tài chính', group: 'I' },
  { unit: 'UBND huyện Bình Gia', group: 'II' },
  { unit: 'UBND huyện Tràng Định', group: 'II' },
  { unit: 'Hội Liên hiệp Phụ nữ tỉnh', group: 'III' },
];
const RETURNS = [
  ret('yte.xlsx', 'Sở Y tế', [[100, 1_000_000, 500_000]]),
  ret('bg.xlsx', 'UBND H. Bình Gia', [[50, 3_000_000, 1_000_000], [10, 0, 200_000]]),
  ret('pn.xlsx', 'Hội Liên hiệp Phụ nữ tỉnh', [[20, 0, 700_000]]),
  ret('cty.xlsx', 'Công ty A', [[3, 0, 50_000]]),
];

async function summaryBytes(province: string | undefined, returns = RETURNS, opts: { roster?: RosterEntry[]; lang?: 'vi' | 'en'; year?: number } = {}): Promise<Uint8Array> {
  const m = mergeReturns(returns, { roster: opts.roster ?? ROSTER, year: opts.year ?? 2027 });
  return writeWorkbook(buildSummaryPlan(m, { province, year: opts.year ?? 2027, lang: opts.lang }));
}
async function summaryRaw(file: string, province: string | undefined, returns = RETURNS, opts: Parameters<typeof summaryBytes>[2] = {}, modified?: number): Promise<RawWorkbook> {
  return readWorkbookBytes(await summaryBytes(province, returns, opts), file, modified);
}
const rowWith = (raw: RawWorkbook, col: number, text: string) => raw.sheets[0].cells.findIndex((r) => r?.[col - 1]?.value === text) + 1;
const sumUnits = (s: ProvinceReturn) => s.units.reduce((t, u) => t + u.budget + u.otherFunding, 0);

describe('province directory', () => {
  test('the 34 provinces in the national list order, every name and former name distinct when loosened', () => {
    expect(dir.provinces).toHaveLength(34);
    expect(dir.provinces[0].name).toBe('Thành phố Hà Nội');
    expect(dir.provinces[33].name).toBe('Tỉnh Cà Mau');
    const keys = PROVINCES_2026.flatMap((p) => [p.name.replace(/^(Tỉnh|Thành phố) /u, ''), ...p.formedFrom]).map(provinceKey);
    // A province that kept its name lists it once as current and once as former.
    const current = new Set(PROVINCES_2026.map((p) => provinceKey(p.name.replace(/^(Tỉnh|Thành phố) /u, ''))));
    const former = PROVINCES_2026.flatMap((p) => p.formedFrom.map(provinceKey)).filter((k) => !current.has(k));
    expect(new Set(former).size).toBe(former.length);
    expect(keys.length).toBeGreaterThan(60);
  });
  test.each([
    ['Lạng Sơn', 'Tỉnh Lạng Sơn', undefined],
    ['tỉnh Lạng Sơn', 'Tỉnh Lạng Sơn', undefined],
    ['LANG SON', 'Tỉnh Lạng Sơn', undefined],
    ['TP Hải Phòng', 'Thành phố Hải Phòng', undefined],
    ['Thanh Hóa', 'Tỉnh Thanh Hoá', undefined],
    ['TP.HCM', 'Thành phố Hồ Chí Minh', undefined],
    ['Hải Dương', 'Thành phố Hải Phòng', 'Hải Dương'],
    ['tỉnh Kiên Giang', 'Tỉnh An Giang', 'Kiên Giang'],
  ])('%s → %s', (text, name, former) => {
    const m = dir.find(text)!;
    expect(m.province.name).toBe(name);
    expect(m.former).toBe(former);
  });
  test('unknown names and texts without a province find nothing', () => {
    expect(dir.find('Sở Y tế')).toBeUndefined();
    expect(dir.findIn('“Ngày Công tác xã hội Việt Nam” lần thứ 11 năm 2027')).toBeUndefined();
    expect(dir.findIn('… năm 2027 trên địa bàn tỉnh Bà Rịa - Vũng Tàu')!.province.name).toBe('Thành phố Hồ Chí Minh');
  });
});

describe('readSummary: a consolidated workbook the product wrote, read back as a provincial return', () => {
  test('recognised by its labels; province and year from the title block; figures from the unit rows', async () => {
    const raw = await summaryRaw('tong-hop-lang-son.xlsx', 'Lạng Sơn');
    expect(isSummaryWorkbook(raw)).toBe(true);
    const s = readSummary(raw, { directory: dir, campaignYear: 2027 });
    expect(s.status).toBe('ok');
    expect(s.province!.name).toBe('Tỉnh Lạng Sơn');
    expect(s.provinceCell).toBe('A4');
    expect(s.year).toBe(2027);
    const m = mergeReturns(RETURNS, { roster: ROSTER, year: 2027 });
    expect(s.totals).toEqual(m.totals);
    expect(s.units.map((u) => [u.group, u.name, u.source, u.participants, u.budget, u.otherFunding])).toEqual(
      m.accepted.map((u) => [u.group, u.display, u.file, u.totals.participants, u.totals.budget, u.totals.otherFunding]),
    );
    expect(s.units.find((u) => u.source === 'bg.xlsx')!.nameInFile).toBe('UBND H. Bình Gia');
    expect(s.groups.map((g) => [g.id, g.units, g.reported, g.expected])).toEqual([['I', 1, 1, 2], ['II', 1, 1, 2], ['III', 1, 1, 1], ['V', 1, undefined, undefined]]);
    expect(s.coverage).toMatchObject({ reported: 3, expected: 5, extra: 1 });
  });

  test('coverage is read below the table too, where summaries before 2027 printed it', async () => {
    const raw = await summaryRaw('cu.xlsx', 'Lạng Sơn');
    const i = raw.sheets.findIndex((x) => x.name === 'Tình hình báo cáo');
    const [cov] = raw.sheets.splice(i, 1);
    expect(readSummary(raw, { directory: dir, campaignYear: 2027 }).coverage).toBeUndefined();
    raw.sheets[0].cells.push([], ...cov.cells.slice(5));
    const s = readSummary(raw, { directory: dir, campaignYear: 2027 });
    expect(s.coverage).toMatchObject({ reported: 3, expected: 5, extra: 1 });
  });

  test('a megabyte of text in 20,000 cells below the table and on another sheet: read as without it', async () => {
    const raw = await summaryRaw('to.xlsx', 'Lạng Sơn');
    const plain = readSummary(raw, { directory: dir, campaignYear: 2027 });
    const big = { value: 'Tình hình báo cáo '.repeat(60_000) };
    const rows = Array.from({ length: 200 }, () => Array.from({ length: 50 }, () => big));
    raw.sheets[0].cells.push(...rows);
    raw.sheets.push({ name: 'Phụ lục', cells: rows, merges: [] });
    const s = readSummary(raw, { directory: dir, campaignYear: 2027 });
    expect(s.totals).toEqual(plain.totals);
    expect(s.units).toEqual(plain.units);
    expect(s.coverage).toEqual(plain.coverage);
  }, 15_000);

  test('a unit form is not a summary, and a summary is not a unit form', async () => {
    expect(isSummaryWorkbook(formWorkbook({ unit: 'Sở Y tế', data: [[1, 2, 3]] }))).toBe(false);
    const s = readSummary(formWorkbook({ unit: 'Sở Y tế' }), { directory: dir });
    expect(s.status).toBe('error');
    expect(s.problems[0].code).toBe('summary.notFound');
  });

  test('a late unit inserted into a group, the checks sheet deleted, a corrected unit row: rows win, stale print is a warning at its cell', async () => {
    const raw = await summaryRaw('ls.xlsx', 'Lạng Sơn');
    raw.sheets.splice(raw.sheets.findIndex((x) => x.name === 'Kiểm tra'), 1);
    const sheet = raw.sheets[0];
    const group2 = rowWith(raw, 2, 'UBND các xã, phường, đặc khu');
    insertRows(raw, 0, group2 + 1, 1);
    setCell(sheet, `B${group2 + 1}`, 'UBND huyện Tràng Định');
    setCell(sheet, `C${group2 + 1}`, 40);
    setCell(sheet, `E${group2 + 1}`, 2_000_000);
    setCell(sheet, `F${group2 + 1}`, '500.000');
    // The Sở Y tế row corrected by hand, its group subtotal left as Excel last computed it.
    const yte = rowWith(raw, 2, 'Sở Y tế');
    setCell(sheet, `E${yte}`, 1_200_000);
    const g1 = rowWith(raw, 2, 'Các sở, ban, ngành');
    (getCell(sheet, `E${g1}`) as RawCell).value = 1_000_000;
    setCell(sheet, `D${yte}`, { formula: `SUM(E${yte}:F${yte})`, value: 1_500_000 });

    const s = readSummary(raw, { directory: dir });
    expect(s.status).toBe('warning');
    expect(s.units.find((u) => u.name === 'UBND huyện Tràng Định')).toMatchObject({ group: 'II', participants: 40, budget: 2_000_000, otherFunding: 500_000, totalFunding: 2_500_000 });
    expect(s.totals.budget).toBe(1_200_000 + 3_000_000 + 0 + 0 + 2_000_000);
    const at = (code: string) => s.problems.filter((p) => p.code === code).map((p) => p.cell);
    expect(at('summary.subtotalDisagrees')).toEqual([`E${g1}`]);
    expect(at('summary.rowTotalDisagrees')).toEqual([`D${yte}`]);
    expect(at('summary.number.text')).toEqual([`F${group2 + 1}`]);
    expect(at('summary.coverageStale')).toHaveLength(1);
    // The coverage line is on its own sheet, and the warning says which.
    expect(s.problems.find((p) => p.code === 'summary.coverageStale')!.sheet).toBe('Tình hình báo cáo');
    expect(s.coverage).toMatchObject({ reported: 4, expected: 5 });
  });

  test('figures without a unit name, or not a number, reject the summary naming the cell', async () => {
    const raw = await summaryRaw('ls.xlsx', 'Lạng Sơn');
    const sheet = raw.sheets[0];
    const pn = rowWith(raw, 2, 'Hội Liên hiệp Phụ nữ tỉnh');
    setCell(sheet, `C${pn}`, 'khoảng 20');
    const s = readSummary(raw, { directory: dir });
    expect(s.status).toBe('error');
    expect(s.problems.find((p) => p.severity === 'error')).toMatchObject({ code: 'summary.number.invalid', cell: `C${pn}` });
    setCell(sheet, `C${pn}`, 20);
    setCell(sheet, `B${pn}`, null);
    const t = readSummary(raw, { directory: dir });
    expect(t.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.cell])).toEqual([['summary.unitNameMissing', `B${pn}`]]);
  });

  test('province: missing is an error, the file name is a fallback with a warning, a pre-2025 name counts under its new province', async () => {
    const none = readSummary(await summaryRaw('tong-hop.xlsx', undefined), { directory: dir });
    expect(none.status).toBe('error');
    expect(none.problems.map((p) => p.code)).toContain('summary.provinceMissing');
    const byName = readSummary(await summaryRaw('tong-hop-cao-bang.xlsx', undefined), { directory: dir });
    expect(byName.province!.name).toBe('Tỉnh Cao Bằng');
    expect(byName.problems.map((p) => p.code)).toEqual(['summary.provinceFromFile']);
    const former = readSummary(await summaryRaw('hd.xlsx', 'tỉnh Hải Dương'), { directory: dir });
    expect(former.province!.name).toBe('Thành phố Hải Phòng');
    expect(former.formerProvince).toBe('Hải Dương');
    expect(former.problems.map((p) => [p.code, p.cell])).toEqual([['summary.provinceFormer', 'A4']]);
  });

  test('an English summary is read the same', async () => {
    const s = readSummary(await summaryRaw('en.xlsx', 'Đà Nẵng', RETURNS, { lang: 'en' }), { directory: dir });
    expect(s.status).toBe('ok');
    expect(s.province!.short).toBe('Đà Nẵng');
    expect(s.year).toBe(2027);
    expect(s.totals).toEqual(mergeReturns(RETURNS, { roster: ROSTER }).totals);
    expect(s.coverage).toMatchObject({ reported: 3, expected: 5, extra: 1 });
  });

  test('a summary without a roster: coverage is the count of units', async () => {
    const raw = readWorkbookBytes(await writeWorkbook(buildSummaryPlan(mergeReturns(RETURNS, {}), { province: 'Huế', year: 2027 })), 'hue.xlsx');
    const s = readSummary(raw, { directory: dir });
    expect(s.status).toBe('ok');
    expect(s.coverage).toMatchObject({ reported: 4, extra: 0 });
    expect(s.coverage!.expected).toBeUndefined();
  });
});

describe('mergeNational', () => {
  test('34 provinces in order, missing ones marked, totals from unit rows, the newer summary of a province wins', async () => {
    const ls1 = readSummary(await summaryRaw('ls-cu.xlsx', 'Lạng Sơn', RETURNS.slice(0, 2), {}, 1000), { directory: dir });
    const ls2 = readSummary(await summaryRaw('ls-moi.xlsx', 'Lạng Sơn', RETURNS, {}, 2000), { directory: dir });
    const cb = readSummary(await summaryRaw('cb.xlsx', 'Cao Bằng', RETURNS.slice(1, 3), {}, 1500), { directory: dir });
    const bad = readSummary(await summaryRaw('none.xlsx', undefined), { directory: dir });
    const n = mergeNational([cb, ls2, bad, ls1], [], { directory: dir });
    expect(n.provinces.map((p) => p.province.code)).toEqual(PROVINCES_2026.map((p) => p.code));
    expect(n.provinces.filter((p) => p.status === 'reported').map((p) => p.province.short)).toEqual(['Cao Bằng', 'Lạng Sơn']);
    expect(n.coverage.provinces).toMatchObject({ expected: 34, reported: 2 });
    expect(n.coverage.provinces.missing).toHaveLength(32);
    expect(n.superseded).toEqual([{ file: 'ls-cu.xlsx', kind: 'summary', province: 'Lạng Sơn', by: 'ls-moi.xlsx' }]);
    expect(n.rejected.map((r) => r.file)).toEqual(['none.xlsx']);
    const expected = (rs: ReturnResult[]) => rs.flatMap((r) => r.rows).reduce((t, r) => t + r.budget + r.otherFunding, 0);
    expect(n.totals.totalFunding).toBe(expected(RETURNS) + expected(RETURNS.slice(1, 3)));
    expect(n.totals.totalFunding).toBe(sumUnits(ls2) + sumUnits(cb));
    const ls = n.provinces.find((p) => p.province.short === 'Lạng Sơn')!;
    expect([ls.unitsReported, ls.unitsExpected]).toEqual([3, 5]);
    expect(ls.units.every((u) => u.summaryFile === 'ls-moi.xlsx' && u.summaryRow! > 8)).toBe(true);
    // Order-independent.
    expect(mergeNational([ls1, bad, ls2, cb], [], { directory: dir })).toEqual(n);
    const json = toNationalJson(n);
    expect(NationalSummarySchema.safeParse(json).success).toBe(true);
    expect(json.units.find((u) => u.unit === 'Sở Y tế' && u.province === 'Lạng Sơn')).toMatchObject({ summaryFile: 'ls-moi.xlsx', sourceFile: 'yte.xlsx' });
  });

  test('the result does not depend on the order of the inputs', async () => {
    const sums = [
      readSummary(await summaryRaw('a.xlsx', 'Lạng Sơn', RETURNS, {}, 1000), { directory: dir }),
      readSummary(await summaryRaw('b.xlsx', 'Lạng Sơn', RETURNS.slice(1), {}, 1000), { directory: dir }), // same time: decided by name
      readSummary(await summaryRaw('c.xlsx', 'Huế', RETURNS.slice(2), {}, 5), { directory: dir }),
      readSummary(await summaryRaw('d.xlsx', 'tỉnh Hải Dương', RETURNS.slice(0, 1), {}, 5), { directory: dir }),
      readSummary(await summaryRaw('e.xlsx', 'Hải Phòng', RETURNS.slice(0, 2), {}, 5), { directory: dir }),
    ];
    const rets = [
      { result: ret('x.xlsx', 'Sở Y tế', [[1, 2, 3]]), province: dir.find('Cà Mau') },
      { result: ret('y.xlsx', 'Sở Y tế', [[4, 5, 6]], { modified: 9 }), province: dir.find('Cà Mau') },
      { result: ret('bg.xlsx', 'UBND huyện Bình Gia', [[1, 1, 1]]), province: dir.find('Lạng Sơn') },
    ];
    const want = mergeNational(sums, rets, { directory: dir });
    expect(want.superseded.map((x) => [x.file, x.by])).toEqual([['a.xlsx', 'b.xlsx'], ['x.xlsx', 'y.xlsx']]);
    // Hải Dương's and Hải Phòng's summaries both count under today's Hải Phòng.
    expect(want.provinces.find((p) => p.province.short === 'Hải Phòng')!.summaries.map((x) => [x.file, x.former])).toEqual([['e.xlsx', undefined], ['d.xlsx', 'Hải Dương']]);
    fc.assert(
      fc.property(fc.shuffledSubarray(sums, { minLength: sums.length }), fc.shuffledSubarray(rets, { minLength: rets.length }), (s, r) => {
        expect(mergeNational(s, r, { directory: dir })).toEqual(want);
      }),
      { numRuns: 30 },
    );
  });

  test('mixed inputs are refused naming both kinds unless asked', () => {
    const msg = mixedInputsProblem(['a/tong-hop-ls.xlsx'], ['b/yte.xlsx', 'b/bg.xlsx'], false)!;
    expect(msg.vi).toContain('tong-hop-ls.xlsx');
    expect(msg.vi).toContain('yte.xlsx');
    expect(msg.vi).toContain('--mixed');
    expect(mixedInputsProblem(['s.xlsx'], ['r.xlsx'], true)).toBeUndefined();
    expect(mixedInputsProblem(['s.xlsx'], [], false)).toBeUndefined();
  });

  test('mixed: returns count under their own province, never twice with the summary that holds them', async () => {
    const ls = readSummary(await summaryRaw('ls.xlsx', 'Lạng Sơn', RETURNS.slice(0, 2)), { directory: dir });
    const lsMatch = dir.find('Lạng Sơn');
    const hue = dir.find('Huế');
    const returns = [
      { result: ret('yte.xlsx', 'Sở Y tế', [[100, 1_000_000, 500_000]]), province: lsMatch }, // same file as in the summary
      { result: ret('bg-gui-lai.xlsx', 'Huyện Bình Gia', [[1, 1, 1]]), province: lsMatch }, // same unit, another file name
      { result: ret('pn.xlsx', 'Hội Liên hiệp Phụ nữ tỉnh', [[20, 0, 700_000]]), province: lsMatch }, // not in the summary: added
      { result: ret('hue-yte.xlsx', 'Sở Y tế', [[7, 70_000, 0]]), province: hue }, // a province without a summary
      { result: ret('x.xlsx', 'Đơn vị X', [[1, 0, 0]]) }, // no province
    ];
    const n = mergeNational([ls], returns, { directory: dir });
    expect(n.contained.map((c) => [c.file, c.by])).toEqual([['bg-gui-lai.xlsx', 'unit'], ['yte.xlsx', 'file']]);
    const p = n.provinces.find((x) => x.province.short === 'Lạng Sơn')!;
    expect(p.returnFiles).toEqual(['pn.xlsx']);
    expect(p.units.map((u) => u.unit)).toEqual(['Sở Y tế', 'UBND huyện Bình Gia', 'Hội Liên hiệp Phụ nữ tỉnh']);
    expect(p.totals.totalFunding).toBe(1_500_000 + 4_200_000 + 700_000);
    expect(p.unitsReported).toBe(3);
    expect(n.provinces.find((x) => x.province.short === 'Huế')).toMatchObject({ status: 'reported', returnFiles: ['hue-yte.xlsx'], unitsReported: 1 });
    expect(n.rejected.map((r) => [r.file, r.problems.map((x) => x.code)])).toEqual([['x.xlsx', ['return.provinceUnknown']]]);
  });

  test('a unit form names its province on its place line', () => {
    const raw = formWorkbook({ unit: 'Sở Y tế' }); // the default form is Hải Phòng's
    expect(provinceOfForm(raw, raw.sheets[0].name, 'Sở Y tế', dir)!.province.name).toBe('Thành phố Hải Phòng');
    setCell(raw.sheets[0], getPlace(raw), '……, ngày ..... tháng ..... năm 2027');
    expect(provinceOfForm(raw, raw.sheets[0].name, 'UBND xã Đoàn Kết, tỉnh Lạng Sơn', dir)!.province.name).toBe('Tỉnh Lạng Sơn');
  });
});

function getPlace(raw: RawWorkbook): string {
  const r = raw.sheets[0].cells.findIndex((row) => row?.some((c) => typeof c?.value === 'string' && /, ngày/.test(c.value)));
  const c = raw.sheets[0].cells[r].findIndex((x) => typeof x?.value === 'string' && /, ngày/.test(x.value));
  return `${String.fromCharCode(65 + c)}${r + 1}`;
}

describe('buildNationalPlan', () => {
  test('province rows are SUMIFs over the units sheet, totals SUM the province rows, missing provinces say so', async () => {
    const raw0 = await summaryRaw('ls.xlsx', 'Lạng Sơn');
    const ls = readSummary(raw0, { directory: dir });
    const n = mergeNational([ls], [], { directory: dir });
    const plan = buildNationalPlan(n, { year: 2027 });
    const [nat, cov, units] = plan.sheets;
    expect(plan.sheets.map((x) => x.name)).toEqual(['Toàn quốc', 'Tình hình báo cáo', UNITS_SHEET.vi, 'Kiểm tra']);
    expect(cov.print.titleRows).toBeUndefined();
    expect(units.name).toBe(UNITS_SHEET.vi);
    const lsRow = nat.cells.find((c) => c.c === 2 && c.value === 'Tỉnh Lạng Sơn')!.r;
    expect(nat.cells.find((c) => c.r === lsRow && c.c === 7)!.formula).toBe(`SUMIF('${UNITS_SHEET.vi}'!$B:$B,$B${lsRow},'${UNITS_SHEET.vi}'!G:G)`);
    const hnRow = nat.cells.find((c) => c.c === 2 && c.value === 'Thành phố Hà Nội')!.r;
    expect(nat.cells.find((c) => c.r === hnRow && c.c === 12)!.value).toBe('Chưa báo cáo');
    const totalRow = nat.cells.find((c) => c.c === 1 && c.value === 'Tổng cộng')!.r;
    expect(totalRow - hnRow).toBe(34);
    expect(nat.cells.find((c) => c.r === totalRow && c.c === 5)!.formula).toBe(`SUM(E${hnRow}:E${totalRow - 1})`);
    expect(nat.cells.some((c) => c.r > totalRow)).toBe(false);
    expect(cov.cells.some((c) => c.value === 'Có 1/34 tỉnh, thành phố báo cáo.')).toBe(true);
    expect(units.cells.filter((c) => c.c === 4 && c.r > 4).map((c) => c.value)).toEqual(ls.units.map((u) => u.name));
    // The national workbook is not mistaken for a provincial summary.
    const back = readWorkbookBytes(await writeWorkbook(plan), 'toan-quoc.xlsx');
    expect(isSummaryWorkbook(back)).toBe(false);
    expect(isNationalWorkbook(back)).toBe(true);
    expect(isNationalWorkbook(raw0)).toBe(false);
  });
});

describe('buildNationalReportPlan', () => {
  const textOf = (blocks: ReportBlock[]) =>
    blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells.join(' | ')).join('\n') : b.kind === 'heading' ? b.text : b.runs.map((r) => r.text).join(''))).join('\n');
  const placeholders = (blocks: ReportBlock[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? b.runs.filter((r) => r.placeholder).map((r) => r.text) : []));

  test('the Ministry’s draft: no superior line, its number and Hà Nội; provinces, units, timeliness and the missing in its words', async () => {
    // Lạng Sơn with a roster and a deadline (its summary prints "Đúng hạn"), Huế without a roster, Cao Bằng's summary broken.
    const dated = RETURNS.map((r, i) => ({ ...r, reportDate: i === 0 ? '2027-04-20' : '2027-04-01' }));
    const ls = readSummary(readWorkbookBytes(await writeWorkbook(buildSummaryPlan(mergeReturns(dated, { roster: ROSTER, year: 2027, deadline: '2027-04-10' }), { province: 'Lạng Sơn', year: 2027 })), 'ls.xlsx'), { directory: dir });
    const hue = readSummary(readWorkbookBytes(await writeWorkbook(buildSummaryPlan(mergeReturns(RETURNS.slice(0, 2), {}), { province: 'Huế', year: 2027 })), 'hue.xlsx'), { directory: dir });
    const cbRaw = await summaryRaw('cb.xlsx', 'Cao Bằng');
    setCell(cbRaw.sheets[0], `C${rowWith(cbRaw, 2, 'Sở Y tế')}`, 'khoảng 20');
    const cb = readSummary(cbRaw, { directory: dir });
    expect([ls.timeliness?.onTime, ls.timeliness?.of, cb.status]).toEqual([3, 4, 'error']);
    const n = mergeNational([ls, hue, cb], [], { directory: dir });
    const plan = buildNationalReportPlan(n, { year: 2027 });

    expect(plan.parentBody).toBeUndefined();
    expect([plan.body, plan.number, plan.placeDate]).toEqual(['BỘ Y TẾ', 'Số: ……/BC-BYT', 'Hà Nội, ngày …… tháng …… năm 2027']);
    expect(plan.subtitle).toBe('Kết quả tổ chức các hoạt động kỷ niệm Ngày Công tác xã hội Việt Nam năm\u00A02027 (lần thứ 11) trên phạm vi toàn quốc');
    expect(plan.signature.authority).toBe('BỘ TRƯỞNG');
    expect(plan.recipients).toContain('Sở Y tế các tỉnh, thành phố;');
    const text = textOf(plan.blocks);
    expect(text).toContain('Có 2/34 tỉnh, thành phố đã gửi báo cáo kết quả tổ chức các hoạt động kỷ niệm Ngày Công tác xã hội Việt Nam (Lạng Sơn, Huế).');
    // Units expected are known for Lạng Sơn only: the x/y is over the provinces that give it.
    const lsUnits = n.provinces.find((p) => p.province.short === 'Lạng Sơn')!;
    expect(text).toContain(`Số đơn vị đã báo cáo ở các tỉnh, thành phố: ${n.coverage.units.reported} đơn vị; trong đó 1 tỉnh, thành phố có danh sách đơn vị phải báo cáo (Lạng Sơn): ${lsUnits.unitsReported}/${lsUnits.unitsExpected} đơn vị đã báo cáo.`);
    expect(text).toContain('Theo bảng tổng hợp của 1 tỉnh, thành phố có số liệu này, 3/4 đơn vị đã báo cáo đúng hạn (Lạng Sơn 3/4).');
    expect(text).toContain(`Còn 32/34 tỉnh, thành phố chưa gửi báo cáo: ${n.coverage.provinces.missing.join(', ')}.`);
    expect(text).toContain('Trong đó 1 tỉnh, thành phố đã gửi bảng tổng hợp nhưng tệp có lỗi, chưa tổng hợp được (Cao Bằng).');
    expect(text).toContain(`Tổng kinh phí thực hiện: ${dongWithWords(n.totals.totalFunding)}`);
    // The plan not given, the human paragraphs and the activity types the summaries do not carry are placeholders.
    expect(placeholders(plan.blocks)).toHaveLength(7);
    expect(placeholders(plan.blocks)[0]).toBe('[số, ngày, trích yếu kế hoạch/công văn của Bộ]');
    expect(placeholders(plan.blocks).filter((p) => p.startsWith('[Phần này do cán bộ soạn báo cáo viết'))).toHaveLength(5);

    const table = plan.appendices[0].blocks.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.rows.length).toBe(35);
    const rows = textOf([table]).split('\n');
    expect(rows[0]).toBe('1 | Thành phố Hà Nội |  |  |  |  |  | Chưa báo cáo');
    expect(rows.find((r) => r.includes('Tỉnh Lạng Sơn'))).toContain(`| ${lsUnits.unitsReported}/${lsUnits.unitsExpected} |`);
    expect(rows[34]).toMatch(/^ \| Tổng cộng \| .* \| 2\/34 tỉnh, thành phố$/);
    expect(plan.appendices[0].reference).toBe('(Kèm theo Báo cáo số ……/BC-BYT ngày …… tháng …… năm 2027 của Bộ Y tế)');
  });

  test('before 2025 the labour ministry writes it; another body and plan are used as given', async () => {
    const ls = readSummary(await summaryRaw('ls.xlsx', 'Lạng Sơn', RETURNS, { year: 2024 }), { directory: dir });
    const n = mergeNational([ls], [], { directory: dir, year: 2024 });
    const old = buildNationalReportPlan(n);
    expect([old.body, old.number]).toEqual(['BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 'Số: ……/BC-BLĐTBXH']);
    expect(old.recipients).toContain('Sở Lao động - Thương binh và Xã hội các tỉnh, thành phố;');
    const cuc = buildNationalReportPlan(n, { body: 'Cục Bảo trợ xã hội', parentBody: 'Bộ Y tế', plan: 'Kế hoạch số 5/KH-BTXH' });
    expect([cuc.parentBody, cuc.body, cuc.signature.authority]).toEqual(['BỘ Y TẾ', 'CỤC BẢO TRỢ XÃ HỘI', 'THỦ TRƯỞNG CƠ QUAN']);
    expect(textOf(cuc.blocks)).toMatch(/^Thực hiện Kế hoạch số 5\/KH-BTXH về tổ chức .* Cục Bảo trợ xã hội báo cáo kết quả thực hiện trên phạm vi toàn quốc như sau:/);
  });
});
