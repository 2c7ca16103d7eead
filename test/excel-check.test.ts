// Checking a filled form inside Excel: read the sheet, run the core's checks,
// colour the wrong cells and put their own fill back once fixed; all in a
// constant number of syncs, and never touching what the unit typed.
import { extractReturn } from '../src/core/extract';
import { DEFAULT_FORM_PARAMS, buildFormPlan, formLayout, parseFormParams } from '../src/core/form';
import { Problem } from '../src/core/returns';
import { isCellEditModeError } from '../src/excel/features';
import { ERROR_FILL, WARNING_FILL, afterSheetChange, applyHighlights, selectCell, watchSheet } from '../src/excel/highlight';
import { sortProblems } from '../src/taskpane/check-tab';
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

  test('our own pink is never remembered as a cell\'s fill: after the pane is reopened a fixed cell is cleared', async () => {
    const { sheet, L } = await setup();
    host.type(sheet, 'A2', 'Sở Y tế');
    host.paste(sheet, `B${L.firstData}`, [['khoảng 200']]);
    const s = host.sheet(sheet);
    const before = s.format(L.firstData, 2, 'fill.color');
    let c = await check();
    await applyHighlights(c.read.sheetId, c.marks); // the pane that coloured it is closed afterwards
    expect(s.format(L.firstData, 2, 'fill.color')).toBe(ERROR_FILL);
    c = await check();
    const reopened = await applyHighlights(c.read.sheetId, c.marks); // a new pane: no memory
    expect(reopened.state.original[`B${L.firstData}`]).toBeNull();
    host.type(sheet, `B${L.firstData}`, '120');
    c = await check();
    await applyHighlights(c.read.sheetId, c.marks, reopened.state);
    expect(s.format(L.firstData, 2, 'fill.color')).toBe(before);
  });

  test('a re-check writes only the cells whose mark changed, and nothing at all when none did', async () => {
    const { sheet, L } = await setup();
    const s = host.sheet(sheet);
    const a = `B${L.firstData}`;
    const b = `B${L.firstData + 1}`;
    const hl = await applyHighlights(s.id, [{ cell: a, severity: 'error' }]);
    host.resetCounters();
    const same = await applyHighlights(s.id, [{ cell: a, severity: 'error' }], hl.state);
    expect(host.syncs).toBe(0); // no unprotect/protect, no extra sync
    expect(s.protection.protected).toBe(true);
    const fillWrites = () => host.syncLog.flatMap((x) => x.labels).filter((l) => /fill/i.test(l) && !/load/.test(l));
    const protects = () => host.syncLog.flatMap((x) => x.labels).filter((l) => /protect/i.test(l) && !/load/.test(l));
    host.resetCounters();
    const more = await applyHighlights(
      s.id,
      [
        { cell: a, severity: 'error' },
        { cell: b, severity: 'warning' },
      ],
      same.state,
    );
    expect(host.syncs).toBe(2);
    expect(fillWrites()).toHaveLength(1); // b only; a is already pink
    expect(protects()).toHaveLength(2);
    expect(s.format(L.firstData, 2, 'fill.color')).toBe(ERROR_FILL);
    expect(s.format(L.firstData + 1, 2, 'fill.color')).toBe(WARNING_FILL);
    host.resetCounters();
    await applyHighlights(s.id, [{ cell: a, severity: 'warning' }], more.state); // a changes severity, b is fixed
    expect(fillWrites()).toHaveLength(2);
    expect(s.format(L.firstData, 2, 'fill.color')).toBe(WARNING_FILL);
    expect(s.format(L.firstData + 1, 2, 'fill.color')).toBeNull();
  });

  test('after rows are inserted the remembered fills are dropped, not painted onto the cells that moved in', async () => {
    const { sheet, L } = await setup();
    const s = host.sheet(sheet);
    const row = L.firstData;
    const c3 = `C${row}`; // column 3 of the data rows is grey
    expect(s.format(row, 3, 'fill.color')).toBe('#F2F2F2');
    const hl = await applyHighlights(s.id, [{ cell: c3, severity: 'error' }]);
    expect(hl.state.original[c3]).toBe('#F2F2F2');
    const events: Excel.WorksheetChangedEventArgs[] = [];
    const stop = await watchSheet(s.id, (args) => void events.push(args));
    host.insertRows(sheet, row, 1); // the pink cell moves down to row + 1; row is a new, unfilled row
    await host.settle();
    await stop();
    expect(events.map((e) => e.changeType)).toEqual(['RowInserted']);
    expect(s.format(row + 1, 3, 'fill.color')).toBe(ERROR_FILL);
    const inserted = s.format(row, 3, 'fill.color');
    const state = afterSheetChange(hl.state, events[0])!;
    expect(state.original).toEqual({});
    expect(afterSheetChange(hl.state, { ...events[0], changeType: 'RangeEdited' } as Excel.WorksheetChangedEventArgs)).toBe(hl.state);
    // The moved cell is still wrong: marked at its new address; the new row keeps its own (no) fill.
    const next = await applyHighlights(s.id, [{ cell: `C${row + 1}`, severity: 'error' }], state);
    expect(s.format(row, 3, 'fill.color')).toBe(inserted);
    expect(s.format(row + 1, 3, 'fill.color')).toBe(ERROR_FILL);
    expect(next.state.original[`C${row + 1}`]).toBeNull(); // pink is never "its own fill"
  });

  test('while the unit is typing in a cell: ExcelApi 1.11 waits for them, older Excel says "cell-edit mode"', async () => {
    const { sheet, L } = await setup();
    host.startEditing();
    let done = false;
    const reading = readSheet().then((r) => ((done = true), r));
    const marking = applyHighlights(host.sheet(sheet).id, [{ cell: `B${L.firstData}`, severity: 'error' }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    host.stopEditing();
    expect((await reading).sheetName).toBe(sheet);
    await marking;
    expect(host.sheet(sheet).format(L.firstData, 2, 'fill.color')).toBe(ERROR_FILL);
    uninstall?.();

    host = new ExcelHost({ excelApi: '1.10' });
    uninstall = host.install();
    host.startEditing();
    const err = await readSheet().catch((e: unknown) => e);
    expect(isCellEditModeError(err)).toBe(true);
    expect(isCellEditModeError(new Error('other'))).toBe(false);
    host.stopEditing();
    expect((await readSheet()).sheetName).toBe('Sheet1');
  });

  test('problems are listed in sheet order: AB after Z, BA after AZ', () => {
    const p = (cell: string | undefined, severity: Problem['severity'] = 'error'): Problem => ({ file: 'x', severity, code: 'rows.none', cell, message: { vi: cell ?? '', en: cell ?? '' } });
    const cells = ['BA5', 'Z5', 'AZ5', 'AB5', 'A6', 'B5', undefined, 'AA4'];
    expect(sortProblems(cells.map((c) => p(c))).map((x) => x.cell)).toEqual([undefined, 'AA4', 'B5', 'Z5', 'AB5', 'AZ5', 'BA5', 'A6']);
    expect(sortProblems([p('C3', 'warning'), p('C3', 'error')]).map((x) => x.severity)).toEqual(['error', 'warning']);
  });
});
