// Excel 2016 as sold (volume-licensed, never updated) has ExcelApi 1.1 and nothing more. The in-memory
// host set to 1.1 refuses every later API the way Excel does (ApiNotFound), loads included, so each
// step the pane takes must work there: insert the form, read and check it, colour the wrong cells,
// select one, write the summary. What 1.1 lacks is left out and named.
import { extractReturn } from '../src/core/extract';
import { DEFAULT_FORM_PARAMS, buildFormPlan, formLayout, parseFormParams } from '../src/core/form';
import { mergeReturns } from '../src/core/merge';
import { ReturnResult } from '../src/core/returns';
import { buildSummaryPlan } from '../src/core/summary-plan';
import { ERROR_FILL, applyHighlights, selectCell } from '../src/excel/highlight';
import { insertSheetPlans } from '../src/excel/insert';
import { readSheet } from '../src/excel/read-sheet';
import { ExcelHost } from './excel-host/host';

let host: ExcelHost;
let uninstall: (() => void) | undefined;
afterEach(() => {
  expect(host.discarded).toEqual([]);
  uninstall?.();
  uninstall = undefined;
});

function excel(api: string): void {
  host = new ExcelHost({ excelApi: api });
  uninstall = host.install();
}

async function insertForm(rows = 5) {
  const res = parseFormParams({ ...DEFAULT_FORM_PARAMS, year: 2025, rows, unit: '' });
  if (!res.ok) throw new Error('params');
  const inserted = await insertSheetPlans([buildFormPlan(res.params)], { lang: 'vi' });
  return { ...inserted, L: formLayout(rows) };
}

describe('the in-memory host at ExcelApi 1.1 refuses what 1.1 lacks', () => {
  test('loading or calling sheet protection (1.2) fails there as in Excel 2016, and works from 1.2', async () => {
    excel('1.1');
    const protectionLoad = Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.protection.load('protected');
      await ctx.sync();
    });
    await expect(protectionLoad).rejects.toMatchObject({ code: 'ApiNotFound' });
    const widthLoad = Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.load('values,format/columnWidth');
      await ctx.sync();
    });
    await expect(widthLoad).rejects.toMatchObject({ code: 'ApiNotFound' });
    // Plain 1.1 loads pass.
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.load('values,format/horizontalAlignment,format/fill/color');
      await ctx.sync();
    });
    uninstall?.();
    excel('1.2');
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.protection.load('protected');
      ws.getRange('A1').format.load('columnWidth');
      await ctx.sync();
    });
  });
});

describe('the pane’s Excel steps on ExcelApi 1.1 (Excel 2016)', () => {
  test('insert the form: values and formulas land, what 1.1 lacks is named', async () => {
    excel('1.1');
    const { sheets, omitted, L } = await insertForm();
    expect(sheets).toEqual(['Biểu CTXH 2025']);
    expect(omitted).toEqual(expect.arrayContaining(['layout', 'names', 'validation', 'pageLayout']));
    expect(host.value(sheets[0], 'A5')).toContain('2025');
    expect(host.formula(sheets[0], `C${L.total}`)).toMatch(/^=/);
  });

  test('check the form and colour the wrong cells, then select one', async () => {
    excel('1.1');
    const { sheets, L } = await insertForm();
    const sheet = sheets[0];
    host.type(sheet, 'A2', 'Sở Y tế');
    host.type(sheet, `B${L.firstData}`, '120');
    host.type(sheet, `B${L.firstData + 1}`, 'khoảng 200');
    const read = await readSheet();
    const checked = extractReturn(read.raw, { campaignYear: 2025 });
    const marks = checked.problems.filter((p) => p.cell).map((p) => ({ cell: p.cell!, severity: p.severity }));
    const bad = `B${L.firstData + 1}`;
    expect(marks).toContainEqual({ cell: bad, severity: 'error' });
    const hl = await applyHighlights(read.sheetId, marks);
    expect(hl.notice).toBeUndefined();
    expect(host.sheet(sheet).format(L.firstData + 1, 2, 'fill.color')).toBe(ERROR_FILL);
    host.type(sheet, bad, '200');
    await applyHighlights(read.sheetId, [], hl.state);
    expect(host.sheet(sheet).format(L.firstData + 1, 2, 'fill.color')).toBeNull();
    await selectCell(read.sheetId, bad);
    expect(host.selection()).toBe(`'${sheet}'!${bad}`);
  });

  test('write the summary of the merged returns', async () => {
    excel('1.1');
    const rows = [{ row: 13, participants: 120, budget: 5_000_000, otherFunding: 2_000_000, totalFunding: 7_000_000 }];
    const results: ReturnResult[] = [
      { file: 'yte.xlsx', unit: 'Sở Y tế', modified: 1, year: 2025, sheet: 'Biểu', status: 'ok', problems: [], rows },
      { file: 'hoi.ods', unit: 'Hội Liên hiệp Phụ nữ tỉnh', modified: 1, year: 2025, sheet: 'Biểu', status: 'ok', problems: [], rows: [{ ...rows[0], participants: 80 }] },
    ];
    const merged = mergeReturns(results, { year: 2025 });
    const out = await insertSheetPlans(buildSummaryPlan(merged, { lang: 'vi' }).sheets, { lang: 'vi' });
    expect(out.omitted).toEqual(expect.arrayContaining(['chart']));
    expect(out.sheets.length).toBeGreaterThanOrEqual(1);
    const texts = [...host.sheet(out.sheets[0]).cells.values()].map((c) => String(c.value ?? ''));
    expect(texts).toContain('Sở Y tế');
  });
});
