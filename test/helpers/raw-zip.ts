// A zip written byte by byte, so a test's headers can say exactly what it wants (lie, even).
import { crc32 } from 'node:zlib';
import { deflateSync, strToU8 } from 'fflate';

export interface RawEntry {
  name: string;
  /** Bytes as stored (already raw-deflated when method 8). */
  stored: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** The uncompressed size the headers declare (may lie). */
  usize: number;
}

export function rawZip(entries: RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const lh = new Uint8Array(30 + name.length);
    const v = new DataView(lh.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 0x0800, true); // UTF-8 names
    v.setUint16(8, e.method, true);
    v.setUint32(14, e.crc >>> 0, true);
    v.setUint32(18, e.stored.length, true);
    v.setUint32(22, e.usize, true);
    v.setUint16(26, name.length, true);
    lh.set(name, 30);
    const ch = new Uint8Array(46 + name.length);
    const w = new DataView(ch.buffer);
    w.setUint32(0, 0x02014b50, true);
    w.setUint16(4, 20, true);
    w.setUint16(6, 20, true);
    w.setUint16(8, 0x0800, true);
    w.setUint16(10, e.method, true);
    w.setUint32(16, e.crc >>> 0, true);
    w.setUint32(20, e.stored.length, true);
    w.setUint32(24, e.usize, true);
    w.setUint16(28, name.length, true);
    w.setUint32(42, offset, true);
    ch.set(name, 46);
    parts.push(lh, e.stored);
    central.push(ch);
    offset += lh.length + e.stored.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const eocd = new Uint8Array(22);
  const v = new DataView(eocd.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + eocd.length);
  let o = 0;
  for (const p of [...parts, ...central, eocd]) out.set(p, o), (o += p.length);
  return out;
}

/** An honest deflated entry. */
export const deflatedEntry = (name: string, data: Uint8Array): RawEntry => ({ name, stored: deflateSync(data, { level: 6 }), method: 8, crc: crc32(data), usize: data.length });
