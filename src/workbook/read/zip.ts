// Bounded zip reading: the central directory checked against the file, every entry inflated
// under one shared budget (headers may lie), CRCs checked.
import { Inflate, inflateSync } from 'fflate';
import { fmtMB } from '../file-limits';
import { concat, u16, u32, u64 } from './bytes';
import { MAX_INFLATED_BYTES, MAX_RATIO, MAX_ZIP_ENTRIES, RATIO_CHECK_BYTES } from './limits';
import { fmtNum, reject } from './rejections';

const MiB = 1024 * 1024;
/**
 * Entries compressed to at most this inflate in one call; deflate expands ~1032x at most, and after
 * one entry that does not inflate to its declared size the rest of the file streams, so the wasted
 * work on a hostile file is bounded (~64 MB of output, a fraction of a second).
 */
const ONE_SHOT_CSIZE = 64 * 1024;

/**
 * The common case in one call into a buffer of the declared size plus one byte: an entry that
 * inflates to exactly what its header says. Anything else (more, less, an error) returns undefined
 * and goes through the bounded streaming path, which measures and names the problem. Streaming
 * every entry costs more than SheetJS's own parse of a small form (buffers regrown per chunk).
 */
function inflateExact(src: Uint8Array, usize: number): Uint8Array | undefined {
  if (src.length > ONE_SHOT_CSIZE) return undefined;
  try {
    const out = inflateSync(src, { out: new Uint8Array(usize + 1) });
    return out.length === usize ? out : undefined;
  } catch {
    return undefined;
  }
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();
function crc32(d: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < d.length; i++) c = CRC_TABLE[(c ^ d[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
}

/** Central directory of a zip; lengths are checked against the file so a cut file is "damaged". */
export function listZip(b: Uint8Array, file: string): ZipEntry[] {
  const damaged = (vi: string, en: string) => reject(file, 'file.damaged', `cấu trúc ZIP: ${vi}`, `zip structure: ${en}`);
  if (b.length < 22) damaged('quá ngắn', 'too short');
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) damaged('thiếu mục lục ở cuối tệp', 'no end of central directory');
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0) damaged('tệp nén nhiều phần', 'multi-part archive');
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64 end of central directory, found through its locator just before.
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) damaged('thiếu mục lục ZIP64', 'zip64 locator missing');
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50) damaged('thiếu mục lục ZIP64', 'zip64 record missing');
    count = u64(b, z + 32);
    cdSize = u64(b, z + 40);
    cdOffset = u64(b, z + 48);
  }
  if (count > MAX_ZIP_ENTRIES) reject(file, 'file.zipBomb', `${fmtNum(count)} tệp con`, `${count} entries`);
  if (cdOffset + cdSize > b.length) damaged('mục lục nằm ngoài tệp', 'central directory beyond end of file');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const utf8 = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) damaged('mục lục hỏng', 'bad central directory entry');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    let csize = u32(b, p + 20);
    let usize = u32(b, p + 24);
    const nlen = u16(b, p + 28);
    const xlen = u16(b, p + 30);
    const clen = u16(b, p + 32);
    let offset = u32(b, p + 42);
    if (p + 46 + nlen + xlen + clen > b.length) damaged('mục lục hỏng', 'bad central directory entry');
    const name = utf8.decode(b.subarray(p + 46, p + 46 + nlen));
    // ZIP64 extra field: only the fields that are 0xFFFFFFFF appear, in this order.
    for (let x = p + 46 + nlen; x + 4 <= p + 46 + nlen + xlen; ) {
      const id = u16(b, x);
      const sz = u16(b, x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (usize === 0xffffffff && q + 8 <= x + 4 + sz) (usize = u64(b, q)), (q += 8);
        if (csize === 0xffffffff && q + 8 <= x + 4 + sz) (csize = u64(b, q)), (q += 8);
        if (offset === 0xffffffff && q + 8 <= x + 4 + sz) offset = u64(b, q);
      }
      x += 4 + sz;
    }
    entries.push({ name, flags, method, crc, csize, usize, offset });
    p += 46 + nlen + xlen + clen;
  }
  return entries;
}

export interface Inflated {
  entries: Map<string, Uint8Array>;
  /** Checks the CRCs; run after the cheaper structure checks so hostile files fail fast. */
  verifyCrc(): void;
}

/** Inflates every entry, counting the real output against one shared budget (headers may lie). */
export function inflateAll(b: Uint8Array, list: ZipEntry[], file: string, order: (e: ZipEntry) => number, onEntry: (name: string, data: Uint8Array) => void): Inflated {
  const damaged = (vi: string, en: string) => reject(file, 'file.damaged', vi, en);
  const seen = new Set<string>();
  let declared = 0;
  for (const e of list) {
    if (seen.has(e.name)) damaged(`tệp con trùng tên ${e.name}`, `duplicate entry ${e.name}`);
    seen.add(e.name);
    declared += e.usize;
    if (e.usize >= RATIO_CHECK_BYTES && e.usize > MAX_RATIO * Math.max(1, e.csize)) {
      reject(file, 'file.zipBomb', `${e.name}: ${fmtMB(e.csize)} MB giải nén thành ${fmtMB(e.usize)} MB`, `${e.name}: ${fmtMB(e.csize)} MB inflating to ${fmtMB(e.usize)} MB`);
    }
  }
  if (declared > MAX_INFLATED_BYTES) {
    reject(file, 'file.zipBomb', `tệp ${fmtMB(b.length)} MB khai báo ${fmtMB(declared)} MB khi giải nén, quá mức ${fmtMB(MAX_INFLATED_BYTES)} MB`, `a ${fmtMB(b.length)} MB file declaring ${fmtMB(declared)} MB inflated, over the ${fmtMB(MAX_INFLATED_BYTES)} MB cap`);
  }
  let budget = MAX_INFLATED_BYTES;
  const out = new Map<string, Uint8Array>();
  const sorted = [...list].sort((x, y) => order(x) - order(y));
  let oneShot = true;
  for (const e of sorted) {
    if (e.name.endsWith('/')) continue;
    if (e.flags & 0x41) reject(file, 'file.password');
    const o = e.offset;
    if (o + 30 > b.length || u32(b, o) !== 0x04034b50) damaged(`thiếu phần ${e.name}`, `entry ${e.name} missing`);
    const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
    const end = start + e.csize;
    if (end > b.length) damaged(`phần ${e.name} bị cắt cụt`, `entry ${e.name} is cut off`);
    const src = b.subarray(start, end);
    const chunks: Uint8Array[] = [];
    let size = 0;
    let fast: Uint8Array | undefined;
    if (e.method === 0) {
      size = src.length;
      if (size > budget) reject(file, 'file.zipBomb', `nội dung giải nén vượt quá ${fmtMB(MAX_INFLATED_BYTES)} MB`, `contents inflate past ${fmtMB(MAX_INFLATED_BYTES)} MB`);
      chunks.push(src);
    } else if (e.method === 8 && oneShot && e.usize <= budget && (fast = inflateExact(src, e.usize))) {
      size = fast.length;
      chunks.push(fast);
    } else if (e.method === 8) {
      // A small entry that did not inflate to its declared size: the rest of this file streams.
      if (src.length <= ONE_SHOT_CSIZE) oneShot = false;
      let over = false;
      // Counted against the shared budget, and stopped once well past the size the header declares.
      const limit = Math.min(budget, e.usize + MiB);
      const inf = new Inflate((data) => {
        size += data.length;
        if (size > limit) over = true;
        else if (data.length) chunks.push(data);
      });
      // Small pushes bound the output of one step (deflate expands at most ~1032x).
      const STEP = 8192;
      try {
        for (let i = 0; i < src.length || i === 0; i += STEP) {
          const last = i + STEP >= src.length;
          inf.push(src.subarray(i, Math.min(i + STEP, src.length)), last);
          if (over) break;
          if (last) break;
        }
      } catch {
        if (!over) damaged(`phần ${e.name} không giải nén được`, `entry ${e.name} does not inflate`);
      }
      if (over && size > budget) {
        reject(file, 'file.zipBomb', `nội dung giải nén vượt quá ${fmtMB(MAX_INFLATED_BYTES)} MB`, `contents inflate past ${fmtMB(MAX_INFLATED_BYTES)} MB`);
      }
    } else {
      reject(file, 'file.notSpreadsheet', `kiểu nén ${e.method} không hỗ trợ`, `unsupported compression method ${e.method}`);
    }
    // Far more than declared is a lying header; a small difference is ordinary damage.
    if (size > e.usize + MiB) reject(file, 'file.zipBomb', `phần ${e.name} khai báo ${fmtNum(e.usize)} byte nhưng giải nén ra nhiều hơn`, `entry ${e.name} declares ${e.usize} bytes but inflates to more`);
    if (size !== e.usize) damaged(`phần ${e.name} có kích thước sai`, `entry ${e.name} has the wrong size`);
    budget -= size;
    const data = chunks.length === 1 ? chunks[0] : concat(chunks, size);
    out.set(e.name, data);
    onEntry(e.name, data);
  }
  const verifyCrc = () => {
    for (const e of sorted) {
      const d = out.get(e.name);
      if (d && crc32(d) !== e.crc) damaged(`phần ${e.name} sai mã kiểm tra CRC`, `entry ${e.name} fails its CRC check`);
    }
  };
  return { entries: out, verifyCrc };
}
