// Renders the form's sheet plan into the in-memory Excel host through the
// add-in's own Office.js code (src/excel) and checks the grid against the plan.
import { DEFAULT_FORM_PARAMS, FORM_NAMES, buildFormPlan, formLayout, parseFormParams } from '../src/core/form';
import { SheetPlan } from '../src/core/plan';
import { cellAddress, rectAddress } from '../src/core/a1';
import { detectFeatures } from '../src/excel/features';
import { insertSheetPlans, nextFreeName } from '../src/excel/insert';
import { columnWidthPoints, styleRects } from '../src/excel/render';
import { readSheet } from '../src/excel/read-sheet';
import { ExcelHost } from './excel-host/host';
import { expectSheetMatchesPlan as matches } from './excel-host/expect-plan';

function formPlan(rows = 10, extra: Record<string, unknown> = {}): SheetPlan {
  const res = parseFormParams({ ...DEFAULT_FORM_PARAMS, rows, ...extra });
  if (!res.ok) throw new Error(JSON.stringify(res.problems));
  return buildFormPlan(res.params);
}

let host: ExcelHost;
const expectSheetMatchesPlan = (name: string, plan: SheetPlan, opts?: { validation?: boolean; pageLayout?: boolean }) => matches(host, name, plan, opts);
let uninstall: () => void;
function useHost(h: ExcelHost) {
  uninstall?.();
  host = h;
  uninstall = host.install();
}
afterEach(() => {
  expect(host.discarded).toEqual([]); // every queued change reached a sync
  uninstall?.();
});

describe('inserting the form into Excel', () => {
  test('the new sheet holds exactly the plan: values, formulas, formats, merges, rules, names, protection, print setup', async () => {
    useHost(new ExcelHost({ sheets: ['Dữ liệu'] }));
    host.model.sheets[0].setCell(1, 1, { value: 'đừng xoá' });
    const plan = formPlan(10);
    const res = await insertSheetPlans([plan], { lang: 'vi' });
    expect(res).toEqual({ sheets: ['Biểu CTXH 2023'], omitted: [], message: undefined });
    expect(host.sheetNames()).toEqual(['Dữ liệu', 'Biểu CTXH 2023']);
    expect(host.value('Dữ liệu', 'A1')).toBe('đừng xoá');
    expect(host.model.activeSheet.name).toBe('Biểu CTXH 2023');
    expectSheetMatchesPlan('Biểu CTXH 2023', plan);

    // Labels that look like numbers or formulas stay text: the column-number row reads "1 | 2 | 3=4+5 | 4 | 5".
    const L = formLayout(10);
    expect(host.dump('Biểu CTXH 2023', `A${L.columnNumbers}:E${L.columnNumbers}`)).toEqual([['1', '2', '3=4+5', '4', '5']]);
    // The formulas compute: an empty form totals 0 and column 3 shows blank.
    expect(host.value('Biểu CTXH 2023', `C${L.firstData}`)).toBe('');
    expect(host.value('Biểu CTXH 2023', `B${L.total}`)).toBe(0);
  });

  test('a constant number of syncs and no request over 5 MB, whatever the number of rows', async () => {
    const counts: number[] = [];
    const ops: number[] = [];
    for (const rows of [10, 300]) {
      useHost(new ExcelHost());
      const plan = formPlan(rows);
      await insertSheetPlans([plan], { lang: 'vi' });
      counts.push(host.syncs);
      ops.push(host.syncLog[1].ops);
      for (const s of host.syncLog) expect(s.bytes).toBeLessThan(5 * 1024 * 1024);
    }
    expect(counts).toEqual([2, 2]);
    // Values go as one 2-D block and styles by rectangles: not one call more for 290 more rows.
    expect(ops[1]).toBe(ops[0]);
  });

  test('300 rows: the unit fills the form and the totals follow', async () => {
    useHost(new ExcelHost());
    const plan = formPlan(300);
    const [name] = (await insertSheetPlans([plan], { lang: 'vi' })).sheets;
    const L = formLayout(300);
    expect(host.type(name, `B${L.firstData}`, '120')).toBe('ok');
    expect(host.type(name, `D${L.firstData}`, '5000000')).toBe('ok');
    expect(host.type(name, `E${L.lastData}`, '2500000')).toBe('ok');
    expect(host.value(name, `C${L.firstData}`)).toBe(5000000);
    expect(host.value(name, `C${L.total}`)).toBe(7500000);
    expect(host.value(name, `B${L.total}`)).toBe(120);
    // The rules Excel enforces while typing, and the locked formula column.
    expect(host.type(name, `B${L.firstData + 1}`, '1,5')).toBe('invalid');
    expect(host.type(name, `D${L.firstData + 1}`, '-3')).toBe('invalid');
    expect(host.type(name, `C${L.firstData + 1}`, '999')).toBe('protected');
    expect(host.type(name, 'A2', 'UBND huyện Bình Gia')).toBe('ok');
  });

  test('never over existing sheets: a taken name gets the next free one', async () => {
    useHost(new ExcelHost({ sheets: ['Biểu CTXH 2023', 'biểu ctxh 2023 (2)'] }));
    const res = await insertSheetPlans([formPlan(5)], { lang: 'en' });
    expect(res.sheets).toEqual(['Biểu CTXH 2023 (3)']);
    expect(nextFreeName('A'.repeat(40), ['A'.repeat(31)])).toBe(`${'A'.repeat(27)} (2)`);
    expect(nextFreeName('Tổng hợp: 2025/3', [])).toBe('Tổng hợp- 2025-3');
  });

  test('replacing sheets only when asked, even when they are all the workbook has', async () => {
    useHost(new ExcelHost({ sheets: ['Biểu CTXH 2023'] }));
    const res = await insertSheetPlans([formPlan(5)], { lang: 'vi', replace: ['Biểu CTXH 2023'] });
    expect(res.sheets).toEqual(['Biểu CTXH 2023']);
    expect(host.sheetNames()).toEqual(['Biểu CTXH 2023']);
    expect(host.syncs).toBe(2);
  });

  test('older Excel: inserts what it supports and says plainly what was left out', async () => {
    useHost(new ExcelHost({ excelApi: '1.7' }));
    const plan = formPlan(10);
    const res = await insertSheetPlans([plan], { lang: 'vi' });
    expect(res.omitted.sort()).toEqual(['pageLayout', 'validation']);
    expect(res.message).toMatch(/quy tắc kiểm tra khi nhập số/);
    expect(res.message).toMatch(/thiết lập trang in/);
    expectSheetMatchesPlan(res.sheets[0], plan, { validation: false, pageLayout: false });

    useHost(new ExcelHost({ excelApi: '1.8', language: 'en-US' }));
    const en = await insertSheetPlans([plan], { lang: 'en' });
    expect(en.omitted).toEqual(['pageLayout']);
    expect(en.message).toBe(
      'This version of Excel lacks some features, so these were left out: print setup: A4, one page wide, repeated header rows (needs Excel 2021, Microsoft 365 or Excel on the web) — set it in Page Layout before printing.',
    );

    // Excel 2016 without updates (ExcelApi 1.2): no names either, but merges and protection.
    useHost(new ExcelHost({ excelApi: '1.2' }));
    const old = await insertSheetPlans([plan], { lang: 'vi' });
    expect(old.omitted.sort()).toEqual(['names', 'pageLayout', 'validation']);
    expect(host.sheet(old.sheets[0]).merges.length).toBe(plan.merges.length);
    expect(host.sheet(old.sheets[0]).protection.protected).toBe(true);
  });

  test('feature detection follows the requirement sets the host reports', () => {
    useHost(new ExcelHost({ excelApi: '1.7' }));
    expect(detectFeatures()).toEqual({ layout: true, names: true, events: true, validation: false, pageLayout: false });
  });

  test('text that looks like a formula stays text: "=HYPERLINK(…)", "+84…", "@x", "0123"', async () => {
    useHost(new ExcelHost());
    const plan = formPlan(3);
    const unitCell = plan.cells.find((c) => c.r === formLayout(3).unitCell && c.c === 1)!;
    const hostile = '=HYPERLINK("http://example.com","Bấm vào đây")';
    unitCell.value = hostile;
    plan.cells.push({ r: 30, c: 1, value: '+84 912 345 678' }, { r: 30, c: 2, value: '@admin' }, { r: 30, c: 3, value: '0123' }, { r: 30, c: 4, value: "'quoted" });
    const [name] = (await insertSheetPlans([plan], { lang: 'vi' })).sheets;
    expect(host.formula(name, 'A2')).toBeUndefined();
    expect(host.value(name, 'A2')).toBe(hostile);
    expect(host.dump(name, 'A30:D30')).toEqual([['+84 912 345 678', '@admin', '0123', "'quoted"]]);
    // And the read-back keeps it text.
    const read = await readSheet({ sheetId: name });
    expect(read.raw.sheets[0].cells[1][0]).toEqual({ value: hostile });
  });

  test('a plan too big for one request is written in bands, protection last', async () => {
    useHost(new ExcelHost({ payloadLimit: 60_000 }));
    const plan = formPlan(500);
    const res = await insertSheetPlans([plan], { lang: 'vi', budget: 20_000 });
    expect(host.syncs).toBeGreaterThan(3);
    for (const s of host.syncLog) expect(s.bytes).toBeLessThan(60_000);
    expectSheetMatchesPlan(res.sheets[0], plan);
  });

  test('style rectangles cover each styled cell exactly once', () => {
    const plan = formPlan(50);
    const rects = styleRects(plan.cells);
    let covered = 0;
    for (const list of rects.values()) for (const r of list) covered += (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
    expect(covered).toBe(new Set(plan.cells.filter((c) => c.style).map((c) => `${c.r},${c.c}`)).size);
    expect([...rects.values()].flat().length).toBeLessThan(60);
  });

  test('reading the sheet back gives the core a grid with formulas and the defined names', async () => {
    useHost(new ExcelHost());
    const plan = formPlan(10, { unit: 'Sở Y tế' });
    const [name] = (await insertSheetPlans([plan], { lang: 'vi' })).sheets;
    const L = formLayout(10);
    host.type(name, `B${L.firstData}`, '40');
    host.type(name, `D${L.firstData}`, '1000000');
    host.resetCounters();
    const read = await readSheet();
    expect(host.syncs).toBe(2);
    const grid = read.raw.sheets[0].cells;
    expect(read.sheetName).toBe(name);
    expect(grid[L.unitCell - 1][0]).toEqual({ value: 'Sở Y tế' });
    expect(grid[L.firstData - 1][2]).toEqual({ value: 1000000, formula: plan.cells.find((c) => c.r === L.firstData && c.c === 3)!.formula });
    expect(grid[L.firstData][2]).toEqual({ value: null, formula: expect.stringContaining('COUNTA') });
    expect(grid[L.columnNumbers - 1].map((c) => c?.value)).toEqual(['1', '2', '3=4+5', '4', '5']);
    expect(read.raw.names.find((n) => n.name === FORM_NAMES.unit)).toEqual({ name: FORM_NAMES.unit, sheet: name, r1: L.unitCell, c1: 1, r2: L.unitCell, c2: 1 });
  });
});
