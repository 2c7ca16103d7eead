// A form made for one unit: its name already in the unit cell, locked (it comes back as the roster spells it),
// and the name it was made for noted under it, so a return whose locked name was changed can be flagged.
import { FormParams, buildFormPlan, formLayout } from './form';
import { cellAddress } from './a1';
import { SheetPlan } from './plan';
import { problemMessage } from './messages';
import type { Problem, RawWorkbook, ReturnResult } from './returns';

/** Defined name of the note "(Biểu lập sẵn cho: …)". */
export const ISSUED_NAME = 'CTXH_DonViCap';
const ISSUED_NOTE = /^\(\s*Biểu lập sẵn cho:\s*(.+?)\s*\)$/u;
const issuedNote = (unit: string) => `(Biểu lập sẵn cho: ${unit})`;

export function prefilledFormPlan(params: FormParams, unit: string, sheetName?: string): SheetPlan {
  const plan = buildFormPlan({ ...params, unit }, sheetName);
  const L = formLayout(params.rows);
  const noteRow = L.unitCell + 1;
  if (noteRow >= L.title) throw new Error('form layout: no row for the issued-unit note');
  const cells = plan.cells.map((c) => (c.r === L.unitCell && c.c <= 2 ? { ...c, style: 'unitIssued' } : c));
  cells.push({ r: noteRow, c: 1, value: issuedNote(unit), style: 'issuedNote' }, { r: noteRow, c: 2, style: 'issuedNote' });
  return {
    ...plan,
    cells,
    styles: {
      ...plan.styles,
      // Locked like every label: the sheet is protected, so the name cannot be retyped by mistake.
      unitIssued: { ...plan.styles.unitInput, locked: undefined, underlineDotted: false },
      issuedNote: { italic: true, size: 10, hAlign: 'center', color: '595959' },
    },
    merges: [...plan.merges, { r1: noteRow, c1: 1, r2: noteRow, c2: 2 }],
    names: [...plan.names, { name: ISSUED_NAME, range: { r1: noteRow, c1: 1, r2: noteRow, c2: 1 }, comment: 'Tên đơn vị được lập sẵn biểu' }],
  };
}

const text = (v: unknown) => (typeof v === 'string' ? v.normalize('NFC').trim() : '');

/** The unit a returned form was made for, when it is a pre-filled one. */
export function issuedUnitOf(raw: RawWorkbook, sheetName: string | undefined): { unit: string; cell: string } | undefined {
  const sheet = raw.sheets.find((s) => s.name === sheetName);
  if (!sheet) return undefined;
  const at = (r: number, c: number) => ISSUED_NOTE.exec(text(sheet.cells[r - 1]?.[c - 1]?.value))?.[1];
  const name = raw.names.find((n) => n.name.toLowerCase() === ISSUED_NAME.toLowerCase() && n.sheet === sheet.name && n.r1 && n.c1);
  const byName = name ? at(name.r1!, name.c1!) : undefined;
  if (byName) return { unit: byName, cell: cellAddress(name!.r1!, name!.c1!) };
  // The name lost (sheet copied, renamed): the note where the form puts it, near the top.
  for (let r = 1; r <= Math.min(8, sheet.cells.length); r++) {
    for (let c = 1; c <= 3; c++) {
      const u = at(r, c);
      if (u) return { unit: u, cell: cellAddress(r, c) };
    }
  }
  return undefined;
}

/** A warning when a pre-filled form comes back with another unit name than the one it was made for. */
export function issuedNameProblem(raw: RawWorkbook, result: Pick<ReturnResult, 'file' | 'sheet' | 'unit'>): Problem | undefined {
  if (!result.unit) return undefined;
  const issued = issuedUnitOf(raw, result.sheet);
  if (!issued || issued.unit === result.unit.normalize('NFC').trim()) return undefined;
  return {
    file: result.file,
    ...(result.sheet ? { sheet: result.sheet } : {}),
    cell: issued.cell,
    severity: 'warning',
    code: 'unit.issuedChanged',
    message: problemMessage('unit.issuedChanged', issued.unit, result.unit),
  };
}
