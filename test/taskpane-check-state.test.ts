// The check tab's state and wording with no DOM: a real form plan, filled in, read as the pane reads a sheet.
import { extractReturn } from '../src/core/extract';
import { DEFAULT_FORM_PARAMS, buildFormPlan } from '../src/core/form';
import { RawWorkbook } from '../src/core/returns';
import { checkSummary, checked, initialCheckState, marksOf, sheetEdited, sortProblems } from '../src/taskpane/check-state';

/** The inserted form as a grid (values as a sheet shows them), with a few cells typed in. */
function formGrid(typed: Record<string, string | number>): RawWorkbook {
  const plan = buildFormPlan({ ...DEFAULT_FORM_PARAMS, year: 2025, province: 'Lạng Sơn', rows: 5 } as never);
  const cells: RawWorkbook['sheets'][number]['cells'] = [];
  for (const c of plan.cells) {
    if (c.value === undefined && !c.formula) continue;
    (cells[c.r - 1] ??= [])[c.c - 1] = c.formula ? { value: null, formula: c.formula } : { value: c.value as never };
  }
  for (const [a, v] of Object.entries(typed)) {
    const m = /^([A-Z])(\d+)$/.exec(a)!;
    (cells[Number(m[2]) - 1] ??= [])[m[1].charCodeAt(0) - 65] = { value: v };
  }
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  return { file: plan.name, format: 'xlsx', sheets: [{ name: plan.name, cells, merges: [] }], names: [] };
}

test('a sheet without the form: one explanation, no list', () => {
  const raw: RawWorkbook = { file: 'Sheet1', format: 'xlsx', sheets: [{ name: 'Sheet1', cells: [[{ value: 'hello' }]], merges: [] }], names: [] };
  const s = checkSummary(extractReturn(raw), 'Sheet1');
  expect(s.kind).toBe('info');
  expect(s.notForm?.code).toBe('form.notFound');
  expect(s.title).toEqual([{ key: 'checkedSheet', vars: { sheet: 'Sheet1' } }]);
});

test('a blank inserted form is not yet valid; problems sorted by row then column, errors first', () => {
  const result = extractReturn(formGrid({}));
  const s = checkSummary(result, 'Biểu');
  expect(s.kind).not.toBe('success');
  const sorted = sortProblems(result.problems);
  expect(sorted).toHaveLength(result.problems.length);
  const key = (c?: string) => (c && /^[A-Z]+\d+$/.test(c) ? Number(/\d+/.exec(c)![0]) * 20_000 + c.charCodeAt(0) : -1);
  for (let i = 1; i < sorted.length; i++) expect(key(sorted[i - 1].cell)).toBeLessThanOrEqual(key(sorted[i].cell));
  expect(marksOf(result).every((m) => /^[A-Z]{1,3}\d+$/.test(m.cell))).toBe(true);
});

test('sorting: "B10" after "C9", errors before warnings in one cell, no cell first', () => {
  const p = (cell: string | undefined, severity: 'error' | 'warning') => ({ file: 'f', cell, severity, code: 'number.text' as const, message: { vi: cell ?? '-', en: '' } });
  const order = sortProblems([p('B10', 'warning'), p('C9', 'error'), p('B10', 'error'), p(undefined, 'warning'), p('AA9', 'error')]);
  expect(order.map((x) => `${x.cell ?? '-'}:${x.severity}`)).toEqual(['-:warning', 'C9:error', 'AA9:error', 'B10:error', 'B10:warning']);
});

test('rows inserted while a check runs: its marks are forgotten, not painted onto other cells', () => {
  const hl = { sheetId: 's1', original: { D8: null }, marked: { D8: 'error' as const } };
  let s = initialCheckState;
  const started = s.structure;
  s = sheetEdited(s, { structural: false });
  expect(checked(s, 's1', 'Biểu', hl, started).highlight).toEqual(hl);
  s = sheetEdited(s, { structural: true });
  expect(checked(s, 's1', 'Biểu', hl, started).highlight).toEqual({ sheetId: 's1', original: {}, marked: {} });
  const after = sheetEdited(checked(s, 's1', 'Biểu', hl, s.structure), { structural: true });
  expect(after.highlight).toEqual({ sheetId: 's1', original: {}, marked: {} });
});
