// BIFF8 (.xls) workbook stream sanitising.
//
// SheetJS's BIFF reader turns reads past the end of a record into NaN and some of its loops then
// never end (a damaged FORMULA or EXTERNSHEET record hangs it). So the workbook stream is rewritten
// before SheetJS sees it: only the records needed here are kept, each is checked against its layout,
// and a formula whose expression does not parse cleanly loses the expression (its saved value stays).
// Every record kind SheetJS reads a cell value, a string or a defined name from is kept, under each
// id it accepts (formulas also as 0x0206 / 0x0406, the BIFF2 cell records some writers mix in), with
// its CONTINUE records; what is dropped carries nothing SheetJS would read. A formula or name whose
// expression had to go is reported (defused), so the caller can say so on the result.
import { concat, u16, u32 } from './bytes';
import { MAX_CELLS } from './limits';
import { checkArrayWork, reject } from './rejections';
import type { Problem } from '../../core/returns';

const R = {
  BOF: 0x0809, EOF: 0x000a, FILEPASS: 0x002f, CONTINUE: 0x003c, CODEPAGE: 0x0042, DATE1904: 0x0022, FORMAT: 0x041e, XF: 0x00e0,
  BOUNDSHEET: 0x0085, SST: 0x00fc, NAME: 0x0018, EXTERNSHEET: 0x0017, SUPBOOK: 0x01ae, DIMENSIONS: 0x0200, NUMBER: 0x0203,
  RK: 0x027e, MULRK: 0x00bd, LABELSST: 0x00fd, LABEL: 0x0204, RSTRING: 0x00d6, BOOLERR: 0x0205, BLANK: 0x0201, MULBLANK: 0x00be,
  FORMULA: 0x0006, STRING: 0x0207, ARRAY: 0x0221, SHRFMLA: 0x04bc, MERGECELLS: 0x00e5,
  // Older ids SheetJS reads the same way in a BIFF8 stream.
  FORMULA3: 0x0206, FORMULA4: 0x0406, ARRAY2: 0x0021, NAME3: 0x0218,
  INT2: 0x0002, NUMBER2: 0x0003, LABEL2: 0x0004, BOOLERR2: 0x0005, STRING2: 0x0007,
} as const;

/** Records kept, with the least length their parser reads. */
const KEEP_MIN: ReadonlyMap<number, number> = new Map([
  [R.BOF, 8], [R.EOF, 0], [R.CODEPAGE, 2], [R.DATE1904, 2], [R.FORMAT, 5], [R.XF, 20], [R.BOUNDSHEET, 8], [R.SST, 8],
  [R.NAME, 15], [R.EXTERNSHEET, 2], [R.SUPBOOK, 4], [R.DIMENSIONS, 14], [R.NUMBER, 14], [R.RK, 10], [R.MULRK, 12],
  [R.LABELSST, 10], [R.LABEL, 9], [R.RSTRING, 9], [R.BOOLERR, 8], [R.BLANK, 6], [R.MULBLANK, 8], [R.FORMULA, 22],
  [R.STRING, 3], [R.ARRAY, 14], [R.SHRFMLA, 10], [R.MERGECELLS, 2],
  [R.FORMULA3, 22], [R.FORMULA4, 22], [R.ARRAY2, 14], [R.NAME3, 15],
  [R.INT2, 9], [R.NUMBER2, 15], [R.LABEL2, 10], [R.BOOLERR2, 9], [R.STRING2, 2],
]);
const isFormula = (t: number) => t === R.FORMULA || t === R.FORMULA3 || t === R.FORMULA4;
const isName = (t: number) => t === R.NAME || t === R.NAME3;
const isArray = (t: number) => t === R.ARRAY || t === R.ARRAY2;

// SheetJS's Ptg table (BIFF8): bytes each token takes. REST: parsed as "skip to the end" (safe);
// NO: tokens with data-driven extras SheetJS reads unchecked (array constants, PtgMemArea, Elf*, lists).
const REST = -2;
const NO = -1;
const PTG_SIZE: Record<number, number> = {
  0x01: 5, 0x02: REST, 0x17: 0, 0x1a: 11, 0x1b: 5, 0x1c: 2, 0x1d: 2, 0x1e: 3, 0x1f: 9, 0x20: NO, 0x21: 3, 0x22: 4, 0x23: 5,
  0x24: 5, 0x25: 9, 0x26: NO, 0x27: REST, 0x28: REST, 0x29: 3, 0x2a: 5, 0x2b: 9, 0x2c: 5, 0x2d: 9, 0x2e: 3, 0x2f: 3, 0x39: 7,
  0x3a: 7, 0x3b: 11, 0x3c: 7, 0x3d: 11,
};
for (let id = 0x03; id <= 0x16; id++) PTG_SIZE[id] = 1;
const PTG_DUPES: Record<number, number> = { 0x58: 0x22, 0x78: 0x22, 0x59: 0x39, 0x79: 0x39, 0x5a: 0x3a, 0x7a: 0x3a, 0x5b: 0x3b, 0x7b: 0x3b, 0x5c: 0x3c, 0x7c: 0x3c, 0x5d: 0x3d, 0x7d: 0x3d };
for (let id = 0x20; id <= 0x2f; id++) (PTG_DUPES[id + 0x20] = id), (PTG_DUPES[id + 0x40] = id);
const PTG18_KNOWN = new Set([0x01, 0x02, 0x03, 0x06, 0x07, 0x0a, 0x0b, 0x0d, 0x0f, 0x10, 0x19, 0x1d, 0xff]);
const PTG19_KNOWN = new Set([0x00, 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x21, 0x40, 0x41, 0x80]);

/** True when the tokens in b[p, end) are ones SheetJS parses without reading past end. */
function rgceSafe(b: Uint8Array, p: number, end: number): boolean {
  while (p < end) {
    const id = b[p];
    let size: number;
    if (id === 0x18) size = p + 1 < end && PTG18_KNOWN.has(b[p + 1]) ? NO : REST;
    else if (id === 0x19) {
      if (p + 1 >= end || !PTG19_KNOWN.has(b[p + 1])) size = REST;
      else size = b[p + 1] === 0x04 ? (p + 4 <= end ? 4 + 2 * (u16(b, p + 2) + 1) : NO) : 4;
    } else {
      size = PTG_SIZE[id] ?? (PTG_DUPES[id] !== undefined ? PTG_SIZE[PTG_DUPES[id]] : REST);
      if (id === 0x17) size = p + 3 <= end ? 3 + b[p + 1] * (b[p + 2] ? 2 : 1) : NO;
    }
    if (size === REST) return true;
    if (size === NO || p + size > end) return false;
    p += size;
  }
  return p === end;
}

/** Where the expression of a formula-bearing record starts (its cce field), or -1 when the record is too short. */
function ccePos(type: number): number {
  if (isFormula(type)) return 20;
  if (isArray(type)) return 12;
  if (type === R.SHRFMLA) return 8;
  if (isName(type)) return 4;
  return -1;
}

/** A formula (its cell) or a defined name whose expression was removed; its saved value stays. */
export type Defused = { kind: 'formula'; sheet: string; r: number; c: number } | { kind: 'name'; name: string };

export interface SanitizedBiff {
  stream: Uint8Array;
  defused: Defused[];
}

/** The name in a BOUNDSHEET body (ShortXLUnicodeString at 6), read with its bounds checked. */
function boundSheetName(b: Uint8Array): string {
  const cch = b[6];
  const wide = b[7] & 1;
  const text = b.subarray(8, Math.min(b.length, 8 + cch * (wide ? 2 : 1)));
  return new TextDecoder(wide ? 'utf-16le' : 'latin1').decode(text);
}

/** A NAME body's name, for messages: built-in names are a code byte. */
function nameText(b: Uint8Array): string {
  const cch = b[3];
  const wide = b[14] & 1;
  const text = b.subarray(15, Math.min(b.length, 15 + cch * (wide ? 2 : 1)));
  return new TextDecoder(wide ? 'utf-16le' : 'latin1').decode(text);
}

const CONTINUE_TYPES: readonly number[] = [0x003c, 0x043c, 0x0812, 0x0875, 0x087f];

/** Rewrites a BIFF8 workbook stream (see above); refuses encrypted, old-format, damaged or oversized ones. */
export function sanitizeBiff(s: Uint8Array, file: string): SanitizedBiff {
  const damaged = (vi: string, en: string) => reject(file, 'file.damaged', vi, en);
  if (u16(s, 0) !== R.BOF || u16(s, 2) < 8) damaged('không có bản ghi BOF', 'no BOF record');
  const vers = u16(s, 4);
  if (vers !== 0x0600) reject(file, 'file.oldExcel');
  const out: Uint8Array[] = [];
  let outLen = 0;
  const bofMap = new Map<number, number>();
  const sheets: { at: number; rec: Uint8Array }[] = [];
  const sheetAt = new Map<number, string>();
  const defused: (Defused & { bof?: number })[] = [];
  let cells = 0;
  let formulas = 0;
  let arrays = 0;
  let depth = 0;
  let bof = -1;
  // SheetJS appends every CONTINUE to the record before it: one is kept exactly when that record was.
  let continuesKept = false;
  for (let p = 0; p + 4 <= s.length; ) {
    const type = u16(s, p);
    const len = u16(s, p + 2);
    if (type === 0 && len === 0 && depth === 0) break; // padding after the last EOF
    if (p + 4 + len > s.length) damaged('bản ghi bị cắt cụt', 'record cut off');
    const body = s.subarray(p + 4, p + 4 + len);
    const at = p;
    p += 4 + len;
    if (type === R.FILEPASS) reject(file, 'file.password');
    if (CONTINUE_TYPES.includes(type)) {
      if (continuesKept) {
        out.push(s.subarray(at, at + 4 + len));
        outLen += 4 + len;
      }
      continue;
    }
    const min = KEEP_MIN.get(type);
    continuesKept = false;
    if (min === undefined) continue;
    if (len < min) damaged(`bản ghi 0x${type.toString(16)} quá ngắn`, `record 0x${type.toString(16)} too short`);
    // The length SheetJS sees: the record with its CONTINUE records.
    let total = len;
    for (let q = p; q + 4 <= s.length && CONTINUE_TYPES.includes(u16(s, q)); q += 4 + u16(s, q + 2)) total += u16(s, q + 2);
    const continued = total > len || (p + 4 <= s.length && CONTINUE_TYPES.includes(u16(s, p)));
    let rec = body;
    switch (type) {
      case R.BOF:
        if (depth === 0) bof = at;
        depth++;
        bofMap.set(at, outLen);
        break;
      case R.EOF:
        depth--;
        break;
      case R.BOUNDSHEET:
        rec = body.slice();
        sheets.push({ at: outLen + 4, rec });
        sheetAt.set(u32(body, 0), boundSheetName(body));
        break;
      case R.EXTERNSHEET:
        if (total !== 2 + 6 * u16(body, 0)) damaged('bản ghi EXTERNSHEET sai độ dài', 'bad EXTERNSHEET length');
        break;
      case R.MERGECELLS:
        if (total !== 2 + 8 * u16(body, 0)) damaged('bản ghi MERGECELLS sai độ dài', 'bad MERGECELLS length');
        cells += u16(body, 0);
        break;
      case R.MULRK:
        cells += Math.floor((total - 6) / 6);
        break;
      case R.MULBLANK:
        cells += Math.floor((total - 6) / 2);
        break;
      case R.NUMBER:
      case R.RK:
      case R.LABELSST:
      case R.LABEL:
      case R.RSTRING:
      case R.BOOLERR:
      case R.BLANK:
      case R.INT2:
      case R.NUMBER2:
      case R.LABEL2:
      case R.BOOLERR2:
        cells++;
        break;
    }
    const cp = ccePos(type);
    let keepContinues = true;
    if (cp >= 0) {
      if (isFormula(type)) (cells++, formulas++);
      if (isArray(type)) arrays++;
      let start = cp + 2;
      if (isName(type)) start = 14 + 1 + body[3] * (body[14] === 0 ? 1 : 2);
      if (start > len) damaged(`bản ghi công thức 0x${type.toString(16)} sai độ dài`, `bad formula record 0x${type.toString(16)}`);
      const cce = u16(body, cp);
      // An expression is checked within its own record; a continued one is not parsed at all.
      keepContinues = false;
      if (cce !== 0 && (continued || start + cce > len || !rgceSafe(body, start, start + cce))) {
        rec = body.slice();
        rec[cp] = 0;
        rec[cp + 1] = 0;
        if (isFormula(type)) defused.push({ kind: 'formula', sheet: '', r: u16(body, 0), c: u16(body, 2), bof });
        else if (isName(type)) defused.push({ kind: 'name', name: nameText(body) });
        else defused.push({ kind: 'formula', sheet: '', r: u16(body, 0), c: body[4], bof });
      }
    }
    if (cells > MAX_CELLS) reject(file, 'file.tooManyCells');
    const head = new Uint8Array(4);
    head[0] = type & 0xff;
    head[1] = type >> 8;
    head[2] = len & 0xff;
    head[3] = len >> 8;
    out.push(head, rec);
    outLen += 4 + len;
    continuesKept = keepContinues;
  }
  checkArrayWork(file, formulas, arrays);
  // Sheets are found by the stream offset of their BOF, which has moved.
  for (const sh of sheets) {
    const moved = bofMap.get(u32(sh.rec, 0));
    const v = moved ?? 0xffffffff;
    sh.rec[0] = v & 0xff;
    sh.rec[1] = (v >>> 8) & 0xff;
    sh.rec[2] = (v >>> 16) & 0xff;
    sh.rec[3] = (v >>> 24) & 0xff;
  }
  return {
    stream: concat(out, outLen),
    defused: defused.map(({ bof: b, ...d }) => (d.kind === 'formula' ? { ...d, sheet: sheetAt.get(b ?? -1) ?? '' } : d)),
  };
}

const cellName = (r: number, c: number) => {
  let col = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
  return `${col}${r + 1}`;
};

/** Warnings for what the sanitiser removed: a formula keeps its saved value, a name its place. */
export function defusedProblems(file: string, defused: readonly Defused[]): Problem[] {
  const out: Problem[] = [];
  const formulas = defused.filter((d): d is Extract<Defused, { kind: 'formula' }> => d.kind === 'formula');
  const bySheet = new Map<string, string[]>();
  for (const f of formulas) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), cellName(f.r, f.c)]);
  for (const [sheet, at] of bySheet) {
    const list = at.slice(0, 5).join(', ') + (at.length > 5 ? ', …' : '');
    out.push({
      file, ...(sheet ? { sheet } : {}), cell: at[0], severity: 'warning', code: 'file.formulaUnread',
      message: {
        vi: `Không đọc được công thức ở ${at.length} ô (${list}) của tệp .xls; đã dùng giá trị đã lưu của các ô đó. Nếu nghi ngờ, hãy mở tệp bằng Excel, lưu lại rồi gửi lại.`,
        en: `The formula in ${at.length} cell(s) (${list}) of the .xls file could not be read; their saved values are used. If in doubt, open the file in Excel, save it again and resend.`,
      },
    });
  }
  const names = defused.filter((d): d is Extract<Defused, { kind: 'name' }> => d.kind === 'name').map((d) => d.name);
  if (names.length) {
    const list = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
    out.push({
      file, severity: 'warning', code: 'file.nameUnread',
      message: {
        vi: `Không đọc được ${names.length} tên vùng (${list}) của tệp .xls; biểu mẫu được tìm theo nhãn thay cho tên.`,
        en: `${names.length} defined name(s) (${list}) of the .xls file could not be read; the form is found by its labels instead.`,
      },
    });
  }
  return out;
}
