// BIFF records for tests: read a workbook stream out of an .xls, edit its records, write it back
// (BOUNDSHEET offsets follow the moved BOFs), and build the records real writers produce.
import * as XLSX from '@e965/xlsx';

export interface BiffRecord {
  type: number;
  body: Uint8Array;
  /** Offset in the original stream; undefined for inserted records. */
  at?: number;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, o), (o += p.length);
  return out;
}

export function biffRecords(s: Uint8Array): BiffRecord[] {
  const records: BiffRecord[] = [];
  for (let p = 0; p + 4 <= s.length; ) {
    const type = s[p] | (s[p + 1] << 8);
    const len = s[p + 2] | (s[p + 3] << 8);
    records.push({ type, body: s.slice(p + 4, p + 4 + len), at: p });
    p += 4 + len;
  }
  return records;
}

/** Records back to a stream, BOUNDSHEET offsets moved with their BOFs. */
export function biffStream(records: BiffRecord[]): Uint8Array {
  const moved = new Map<number, number>();
  let off = 0;
  for (const r of records) {
    if (r.at !== undefined) moved.set(r.at, off);
    off += 4 + r.body.length;
  }
  const parts: Uint8Array[] = [];
  for (const r of records) {
    let body = r.body;
    if (r.type === 0x0085) {
      body = body.slice();
      const v = new DataView(body.buffer, body.byteOffset);
      v.setUint32(0, moved.get(v.getUint32(0, true)) ?? 0, true);
    }
    parts.push(new Uint8Array([r.type & 0xff, r.type >> 8, body.length & 0xff, body.length >> 8]), body);
  }
  return concat(parts);
}

/** An OLE file holding one stream (a workbook under whatever name a writer chose). */
export function oleWith(streamName: string, stream: Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, streamName, stream);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

/** The workbook stream of an .xls. */
export function workbookStream(xls: Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(xls, { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, '/Workbook') ?? XLSX.CFB.find(cfb, '/Book');
  return Uint8Array.from(entry!.content as ArrayLike<number>);
}

/** Rewrites the workbook stream of an .xls through `edit`. */
export function patchXls(xls: Uint8Array, edit: (records: BiffRecord[]) => BiffRecord[]): Uint8Array {
  return oleWith('Workbook', biffStream(edit(biffRecords(workbookStream(xls)))));
}

/** Inserts records just before the EOF of the last sheet. */
export const beforeLastEof = (extra: BiffRecord[]) => (rs: BiffRecord[]) => {
  let i = rs.length - 1;
  while (i > 0 && rs[i].type !== 0x000a) i--;
  return [...rs.slice(0, i), ...extra, ...rs.slice(i)];
};

/**
 * A FORMULA record (BIFF8 layout) for row r, column c (0-based): `value` a number, or 'string' for a
 * string result that a STRING record follows. `type` 0x0406 / 0x0206 is the id older writers use.
 */
export function formulaRecord(r: number, c: number, value: number | 'string', rgce: number[], type = 0x0006, cce = rgce.length): BiffRecord {
  const body = new Uint8Array(22 + rgce.length);
  const v = new DataView(body.buffer);
  v.setUint16(0, r, true);
  v.setUint16(2, c, true);
  if (value === 'string') body.set([0x00, 0, 0, 0, 0, 0, 0xff, 0xff], 6);
  else v.setFloat64(6, value, true);
  v.setUint16(20, cce, true);
  body.set(rgce, 22);
  return { type, body };
}

/** A STRING record with 8-bit text, split into CONTINUE records of at most 8224 bytes as Excel does. */
export function stringRecords(text: string): BiffRecord[] {
  const chars = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
  const first = new Uint8Array(Math.min(8224, 3 + chars.length));
  first[0] = chars.length & 0xff;
  first[1] = chars.length >> 8;
  first[2] = 0; // compressed (8-bit) characters
  first.set(chars.subarray(0, first.length - 3), 3);
  const out: BiffRecord[] = [{ type: 0x0207, body: first }];
  for (let o = first.length - 3; o < chars.length; o += 8223) {
    const part = chars.subarray(o, o + 8223);
    const body = new Uint8Array(1 + part.length);
    body.set(part, 1); // each continuation starts with its own grbit: 8-bit again
    out.push({ type: 0x003c, body });
  }
  return out;
}

/** A bare BIFF2/3/4 worksheet (no OLE container), as Excel 2.x-4.0 saved it: one number and one label. */
export function oldWorksheet(version: 2 | 3 | 4, number: number, label: string): Uint8Array {
  const rec = (type: number, bytes: number[]) => new Uint8Array([type & 0xff, type >> 8, bytes.length & 0xff, bytes.length >> 8, ...bytes]);
  const f64 = (x: number) => [...new Uint8Array(new Float64Array([x]).buffer)];
  const text = [...label].map((ch) => ch.charCodeAt(0));
  const parts =
    version === 2
      ? [rec(0x0009, [0x02, 0x00, 0x10, 0x00]), rec(0x0003, [0, 0, 0, 0, 0, 0, 0, ...f64(number)]), rec(0x0004, [1, 0, 0, 0, 0, 0, 0, text.length, ...text]), rec(0x000a, [])]
      : [
          rec(version === 3 ? 0x0209 : 0x0409, [0x00, 0x00, 0x10, 0x00, 0x00, 0x00]),
          rec(0x0203, [0, 0, 0, 0, 0x0f, 0, ...f64(number)]),
          rec(0x0204, [1, 0, 0, 0, 0x0f, 0, text.length, 0, ...text]),
          rec(0x000a, []),
        ];
  return concat(parts);
}
