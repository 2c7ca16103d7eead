// Builds RawWorkbooks in code: the standard form as a reader would hand it over
// after Excel saved it (formulas with their cached results), plus clerk-style edits.
import { DEFAULT_FORM_PARAMS, FORM_NAMES, buildFormPlan, formLayout, parseFormParams } from '../src/core/form';
import { parseAddress } from '../src/core/a1';
import { RawCell, RawSheet, RawWorkbook } from '../src/core/returns';

export type In = number | string | RawCell | null | undefined;

export interface FormSpec {
  file?: string;
  unit?: string | null;
  year?: number;
  rows?: number;
  /** [participants, budget, other] per data row, from the first data row. */
  data?: In[][];
  sheetName?: string;
  modified?: number;
  /** Keep the defined names (a copied sheet loses them). */
  names?: boolean;
}

const toCell = (v: In): RawCell | undefined => (v === undefined || v === null ? undefined : typeof v === 'object' ? v : { value: v });

export function setCell(sheet: RawSheet, addr: string, v: In): void {
  const { r, c } = parseAddress(addr);
  while (sheet.cells.length < r) sheet.cells.push([]);
  const row = sheet.cells[r - 1];
  while (row.length < c) row.push(undefined);
  row[c - 1] = toCell(v);
}

export function getCell(sheet: RawSheet, addr: string): RawCell | undefined {
  const { r, c } = parseAddress(addr);
  return sheet.cells[r - 1]?.[c - 1];
}

const num = (cell: RawCell | undefined) => (typeof cell?.value === 'number' ? cell.value : 0);

/** Recomputes cached results the way Excel does on save: col 3 = SUM(D:E) (text ignored), Tổng = SUM of the rows. */
export function recalc(wb: RawWorkbook, sheetIndex = 0): void {
  const sheet = wb.sheets[sheetIndex];
  const colNoRow = sheet.cells.findIndex((row) => row?.some((c) => c?.value === '3=4+5')) + 1;
  const totalRow = sheet.cells.findIndex((row, i) => i + 1 > colNoRow && row?.[0]?.value === 'Tổng') + 1;
  for (let r = colNoRow + 1; r < totalRow; r++) {
    const c3 = sheet.cells[r - 1]?.[2];
    if (c3?.formula === undefined) continue;
    const d = sheet.cells[r - 1]?.[3];
    const e = sheet.cells[r - 1]?.[4];
    const empty = (x: RawCell | undefined) => !x || x.value === null || x.value === '';
    c3.value = empty(d) && empty(e) ? '' : num(d) + num(e);
  }
  for (let c = 2; c <= 5; c++) {
    const t = sheet.cells[totalRow - 1]?.[c - 1];
    if (t?.formula === undefined) continue;
    let s = 0;
    for (let r = colNoRow + 1; r < totalRow; r++) s += num(sheet.cells[r - 1]?.[c - 1]);
    t.value = s;
  }
}

export function formWorkbook(spec: FormSpec = {}): RawWorkbook {
  const parsed = parseFormParams({ ...DEFAULT_FORM_PARAMS, year: spec.year ?? 2025, rows: spec.rows ?? 10, ...(spec.unit && !/^[=+\-@]/.test(spec.unit) ? { unit: spec.unit } : {}) });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const plan = buildFormPlan(parsed.params, spec.sheetName);
  const sheet: RawSheet = { name: plan.name, cells: [], merges: plan.merges.map((m) => ({ ...m })) };
  for (const pc of plan.cells) {
    while (sheet.cells.length < pc.r) sheet.cells.push([]);
    const row = sheet.cells[pc.r - 1];
    while (row.length < pc.c) row.push(undefined);
    if (pc.formula !== undefined) row[pc.c - 1] = { formula: pc.formula, value: null };
    else if (pc.value !== undefined && pc.value !== null) row[pc.c - 1] = { value: pc.value };
  }
  // A unit name that must stay verbatim (e.g. "=HYPERLINK(…)") is written directly, bypassing the form's parameter rules.
  if (spec.unit !== undefined && spec.unit !== null && !parsed.params.unit) setCell(sheet, 'A2', spec.unit);
  const L = formLayout(spec.rows ?? 10);
  (spec.data ?? []).forEach((vals, i) => {
    const r = L.firstData + i;
    [2, 4, 5].forEach((c, k) => {
      if (vals[k] !== undefined) setCell(sheet, `${'ABCDE'[c - 1]}${r}`, vals[k]);
    });
  });
  const wb: RawWorkbook = {
    file: spec.file ?? 'don-vi.xlsx',
    format: 'xlsx',
    modified: spec.modified,
    sheets: [sheet],
    names:
      spec.names === false
        ? []
        : plan.names.map((n) => ({ name: n.name, sheet: plan.name, r1: n.range.r1, c1: n.range.c1, r2: n.range.r2, c2: n.range.c2 })),
  };
  recalc(wb);
  return wb;
}

/** Inserts empty rows before a 1-based row, moving cells, merges and names like a spreadsheet does. */
export function insertRows(wb: RawWorkbook, sheetIndex: number, before: number, count: number): void {
  const sheet = wb.sheets[sheetIndex];
  const blank = Array.from({ length: count }, () => [] as (RawCell | undefined)[]);
  sheet.cells.splice(before - 1, 0, ...blank);
  for (const m of sheet.merges) {
    if (m.r1 >= before) m.r1 += count;
    if (m.r2 >= before) m.r2 += count;
  }
  for (const n of wb.names) {
    if (n.sheet !== sheet.name || n.r1 === undefined || n.r2 === undefined) continue;
    if (n.r1 >= before) n.r1 += count;
    if (n.r2 >= before) n.r2 += count;
  }
}

export { FORM_NAMES };
