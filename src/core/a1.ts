// A1 references: column letters <-> numbers, cell and range addresses, sheet names in formulas.
// Rows and columns are 1-based, as in Excel.

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A" → 1, "aa" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(r: number, c: number, absolute = false): string {
  return absolute ? `$${columnLetter(c)}$${r}` : `${columnLetter(c)}${r}`;
}

export function rectAddress(rect: Rect, absolute = false): string {
  const a = cellAddress(rect.r1, rect.c1, absolute);
  return rect.r1 === rect.r2 && rect.c1 === rect.c2 ? a : `${a}:${cellAddress(rect.r2, rect.c2, absolute)}`;
}

/** "D12" → {r: 12, c: 4}. */
export function parseAddress(addr: string): { r: number; c: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(addr.trim());
  if (!m) throw new Error(`Not a cell address: ${addr}`);
  return { r: Number(m[2]), c: columnNumber(m[1]) };
}

/** A sheet name quoted for use in a formula or a defined name. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A1", "$A$1:$E$3", "2:4" (whole rows) or "B:C" (whole columns) → a normalised rectangle; undefined when it is none of these. */
export function parseArea(area: string): Rect | undefined {
  let m: RegExpExecArray | null;
  let rect: Rect | undefined;
  const a = area.trim();
  if ((m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a))) {
    const r1 = Number(m[2]);
    const c1 = columnNumber(m[1]);
    rect = { r1, c1, r2: m[4] ? Number(m[4]) : r1, c2: m[3] ? columnNumber(m[3]) : c1 };
  } else if ((m = /^\$?(\d+):\$?(\d+)$/.exec(a))) {
    rect = { r1: Number(m[1]), c1: 1, r2: Number(m[2]), c2: 16384 };
  } else if ((m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(a))) {
    rect = { r1: 1, c1: columnNumber(m[1]), r2: 1048576, c2: columnNumber(m[2]) };
  }
  if (!rect || rect.r1 < 1 || rect.c1 < 1) return undefined;
  return { r1: Math.min(rect.r1, rect.r2), c1: Math.min(rect.c1, rect.c2), r2: Math.max(rect.r1, rect.r2), c2: Math.max(rect.c1, rect.c2) };
}

/** "='Biểu CTXH'!$A$2:$E$2" → the sheet (unquoted; undefined when the reference names none) and the area text after "!". */
export function splitSheetReference(ref: string): { sheet?: string; area: string } {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!:,()\s"=][^'!,()"]*))!(.+)$/.exec(ref.trim());
  if (!m) return { area: ref.trim().replace(/^=/, '') };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], area: m[3] };
}
