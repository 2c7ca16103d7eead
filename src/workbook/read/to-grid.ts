// SheetJS's workbook -> the core's library-free RawWorkbook (cells, merges, defined names).
import * as XLSX from '@e965/xlsx';
import { columnNumber } from '../../core/a1';
import { RawCell, RawName, RawSheet, RawWorkbook } from '../../core/returns';
import { reject } from './rejections';

const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

function toRawCell(c: XLSX.CellObject): RawCell | undefined {
  const f = typeof c.f === 'string' && c.f !== '' ? c.f.replace(/^=/, '') : undefined;
  const text = typeof c.w === 'string' ? c.w : undefined;
  let cell: RawCell;
  switch (c.t) {
    case 'n':
      cell = { value: typeof c.v === 'number' ? c.v : null };
      break;
    case 's':
      cell = { value: typeof c.v === 'string' ? c.v : String(c.v ?? '') };
      break;
    case 'b':
      cell = { value: !!c.v };
      break;
    case 'e':
      cell = { value: null, error: text ?? ERRORS[c.v as number] ?? '#ERROR!' };
      break;
    case 'd':
      cell = { value: c.v instanceof Date ? c.v.toISOString() : String(c.v) };
      break;
    default:
      // Stub: only interesting when it is a formula with no stored result.
      if (!f) return undefined;
      cell = { value: null };
  }
  if (f) cell.formula = f;
  if (text !== undefined && c.t !== 'z') cell.text = text;
  return cell;
}

export function toRawSheet(name: string, ws: XLSX.WorkSheet): RawSheet {
  const data = ((ws as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const cells: (RawCell | undefined)[][] = [];
  let last = -1;
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    const row: (RawCell | undefined)[] = [];
    if (src) {
      for (let c = 0; c < src.length; c++) {
        const cell = src[c] ? toRawCell(src[c]!) : undefined;
        if (cell) row[c] = cell;
      }
    }
    cells.push(row);
    if (row.length) last = r;
  }
  cells.length = last + 1;
  const merges = (ws['!merges'] ?? []).map((m) => ({ r1: m.s.r + 1, c1: m.s.c + 1, r2: m.e.r + 1, c2: m.e.c + 1 }));
  return { name, cells, merges };
}

/** Resolves "'Sheet name'!$A$2", "Sheet!$A$1:$E$1", "'S'!$10:$12" or "S!$A:$B" to one rectangle. */
export function resolveNameRef(rawRef: string, scopeSheet: string | undefined, sheetNames: string[]): Omit<RawName, 'name'> {
  // SheetJS leaves XML entities in .ods names ("&apos;Sheet&apos;!$A$2").
  const ref = rawRef.replace(/&(apos|quot|amp|lt|gt|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k[0] === '#') return String.fromCodePoint(k[1] === 'x' ? parseInt(k.slice(2), 16) : Number(k.slice(1)));
    return ({ apos: "'", quot: '"', amp: '&', lt: '<', gt: '>' } as Record<string, string>)[k];
  });
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!:,()\s"][^'!,()"]*))!(.+)$/.exec(ref.trim());
  let sheetPart: string | undefined;
  let area: string;
  if (m) {
    sheetPart = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    area = m[3];
  } else {
    sheetPart = scopeSheet;
    area = ref.trim().replace(/^=/, '');
  }
  if (sheetPart === undefined || sheetPart.includes(':')) return {};
  const sheet = sheetNames.find((s) => s === sheetPart) ?? sheetNames.find((s) => s.normalize('NFC').toLowerCase() === sheetPart!.normalize('NFC').toLowerCase());
  if (!sheet) return {};
  let r: RegExpExecArray | null;
  let rect: { r1: number; c1: number; r2: number; c2: number } | undefined;
  if ((r = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(area))) {
    const r1 = Number(r[2]);
    const c1 = columnNumber(r[1]);
    rect = { r1, c1, r2: r[4] ? Number(r[4]) : r1, c2: r[3] ? columnNumber(r[3]) : c1 };
  } else if ((r = /^\$?(\d+):\$?(\d+)$/.exec(area))) {
    rect = { r1: Number(r[1]), c1: 1, r2: Number(r[2]), c2: 16384 };
  } else if ((r = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(area))) {
    rect = { r1: 1, c1: columnNumber(r[1]), r2: 1048576, c2: columnNumber(r[2]) };
  }
  if (!rect || rect.r1 < 1 || rect.c1 < 1) return {};
  return {
    sheet,
    r1: Math.min(rect.r1, rect.r2),
    c1: Math.min(rect.c1, rect.c2),
    r2: Math.max(rect.r1, rect.r2),
    c2: Math.max(rect.c1, rect.c2),
  };
}

/**
 * The grid of every sheet and the defined names. The date the saving program recorded (`ownModified`
 * from the container, else SheetJS's properties) wins over the file system's `modified`: e-mail,
 * downloads and copies reset the latter, and the newest return of a unit must win after them too.
 */
export function toRawWorkbook(wb: XLSX.WorkBook, file: string, format: RawWorkbook['format'], ownModified: number | undefined, modified: number | undefined): RawWorkbook {
  if (!wb.SheetNames.length) reject(file, 'file.noSheets');
  const sheets = wb.SheetNames.map((n) => toRawSheet(n, wb.Sheets[n] ?? {}));
  const names: RawName[] = (wb.Workbook?.Names ?? []).map((n) => {
    const scope = typeof n.Sheet === 'number' ? wb.SheetNames[n.Sheet] : undefined;
    return { name: n.Name, ...resolveNameRef(String(n.Ref ?? ''), scope, wb.SheetNames) };
  });
  let when = ownModified;
  if (when === undefined) {
    const d = wb.Props?.ModifiedDate as unknown;
    const t = d instanceof Date ? d.getTime() : typeof d === 'string' ? Date.parse(d) : NaN;
    if (Number.isFinite(t)) when = t;
  }
  when ??= modified;
  return { file, format, ...(when !== undefined ? { modified: when } : {}), sheets, names };
}
