// Checking a filled form inside Excel: read the sheet, run the core's checks,
// colour the wrong cells and put their own fill back once fixed; all in a
// constant number of syncs, and never touching what the unit typed.
import { extractReturn } from '../src/core/extract';
import { DEFAULT_FORM_PARAMS, buildFormPlan, formLayout, parseFormParams } from '../src/core/form';
import { ERROR_FILL, WARNING_FILL, applyHighlights, selectCell, watchSheet } from '../src/excel/highlight';
import { insertSheetPlans } from '../src/excel/insert';
import { readSheet } from '../src/excel/read-sheet';
import { setSheetPassword } from './excel-host/api';
import { ExcelHost } from './excel-host/host';

let host: ExcelHost;
let uninstall: (() => void) | undefined;
afterEach(() => {
  expect(host.discarded).toEqual([]);
  uninstall?.();
});

async function setup(rows = 10) {
  host = new ExcelHost();
  uninstall = host.install();
  const res = parseFormParams({ ...DEFAULT_FORM_PARAMS, year: 2025, rows });
  if (!res.ok) throw new Error('params');
  const [sheet] = (await insertSheetPlans([buildFormPlan(res.params)], { lang: 'vi' })).sheets;
  return { sheet, L: formLayout(rows) };
}

async function check() {
  const read = await readSheet();
  const result = extractReturn(read.raw, { campaignYear: 2025 });
  const marks = result.problems.filter((p) => p.cell).map((p) => ({ cell: p.cell!, severity: p.severity }));
  return { read, result, marks };
}

describe('checking a form inside Excel', () => {
  test('wrong cells are coloured, fixed ones get their own fill back, protection stays on', async () => {
    const { sheet, L } = await setup();
    host.type(sheet, 'A2', 'Sở Y tế');
    host.type(sheet, `B${L.firstData}`, '120');
    host.type(sheet, `D${L.firstData}`, '5000000');
    host.paste(sheet, `B${L.firstData + 1}`, [['khoảng 200']]); // a paste gets past Excel's rule
    host.paste(sheet, `D${L.firstData + 2}`, [['1.200.000']]); // a number stored as text: a warning
    const s = host.sheet(sheet);

    host.resetCounters();
    const first = await check();
    expect(host.syncs).toBe(2);
    const bad = `B${L.firstData + 1}`;
    const textNum = `D${L.firstData + 2}`;
    expect(first.marks).toEqual(expect.arrayContaining([{ cell: bad, severity: 'error' }, { cell: textNum, severity: 'warning' }]));

    host.resetCounters();
    const hl = await applyHighlights(first.read.sheetId, first.marks);
    expect(host.syncs).toBe(2);
    expect(s.format(L.firstData + 1, 2, 'fill.color')).toBe(ERROR_FILL);
    expect(s.format(L.firstData + 2, 4, 'fill.color')).toBe(WARNING_FILL);
    expect(s.protection.protected).toBe(true);
    expect(s.protection.options.allowInsertRows).toBe(true);
    expect(host.value(sheet, bad)).toBe('khoảng 200'); // what was typed is untouched

    // Fixed: the mark goes, the cell's own fill (none) comes back; others stay marked.
    host.type(sheet, bad, '200');
    const second = await check();
    const hl2 = await applyHighlights(second.read.sheetId, second.marks, hl.state);
    expect(s.format(L.firstData + 1, 2, 'fill.color')).toBeNull();
    expect(s.format(L.firstData + 2, 4, 'fill.color')).toBe(WARNING_FILL);
    host.type(sheet, textNum, '1200000');
    const third = await check();
    expect(third.result.problems).toEqual([]);
    const hl3 = await applyHighlights(third.read.sheetId, third.marks, hl2.state);
    expect(hl3.state.original).toEqual({});
    expect(s.format(L.firstData + 2, 4, 'fill.color')).toBeNull();
    expect(s.protection.protected).toBe(true);
  });

  test('a cell with its own fill (column 3 is grey) gets that fill back', async () => {
    const { sheet, L } = await setup();
    const s = host.sheet(sheet);
    const c3 = `C${L.firstData}`;
    const hl = await applyHighlights(s.id, [{ cell: c3, severity: 'error' }]);
    expect(s.format(L.firstData, 3, 'fill.color')).toBe(ERROR_FILL);
    await applyHighlights(s.id, [], hl.state);
    expect(s.format(L.firstData, 3, 'fill.color')).toBe('#F2F2F2');
  });

  test('a sheet locked with a password: no colouring, a plain notice, nothing changed', async () => {
    const { sheet, L } = await setup();
    const s = host.sheet(sheet);
    setSheetPassword(s, 'bí mật');
    const res = await applyHighlights(s.id, [{ cell: `B${L.firstData}`, severity: 'error' }]);
    expect(res.notice?.vi).toMatch(/khóa bằng mật khẩu/);
    expect(s.format(L.firstData, 2, 'fill.color')).toBeNull();
    expect(s.protection.protected).toBe(true);
  });

  test('re-checks as the unit types (onChanged) and the sync count per check stays the same for 10 or 300 rows', async () => {
    const per: number[] = [];
    for (const rows of [10, 300]) {
      const { sheet, L } = await setup(rows);
      const s = host.sheet(sheet);
      let changes = 0;
      const stop = await watchSheet(s.id, () => void changes++);
      host.type(sheet, `B${L.firstData}`, '5');
      host.type(sheet, `B${L.lastData}`, '7');
      await host.settle();
      expect(changes).toBe(2);
      await stop();
      host.type(sheet, `B${L.firstData}`, '6');
      await host.settle();
      expect(changes).toBe(2);
      host.resetCounters();
      const c = await check();
      await applyHighlights(s.id, c.marks);
      per.push(host.syncs);
      uninstall?.();
    }
    expect(per).toEqual([4, 4]);
  });

  test('clicking a problem selects its cell on its sheet', async () => {
    const { sheet } = await setup();
    host.model.activeSheetId = host.sheet('Sheet1').id;
    await selectCell(host.sheet(sheet).id, 'D14');
    expect(host.selection()).toBe(`'${sheet}'!D14`);
    expect(host.model.activeSheet.name).toBe(sheet);
  });

  test('older Excel (ExcelApi 1.3): reading still works with a plain used range', async () => {
    host = new ExcelHost({ excelApi: '1.3' });
    uninstall = host.install();
    host.type('Sheet1', 'B3', 'x');
    const read = await readSheet();
    expect(read.raw.sheets[0].cells[2][1]).toEqual({ value: 'x' });
    expect(read.raw.names).toEqual([]);
  });
});
