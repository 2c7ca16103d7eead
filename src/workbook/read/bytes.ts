// Little-endian reads and concatenation shared by the zip and BIFF readers.

export const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
export const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
export const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

export function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const r = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) r.set(c, o), (o += c.length);
  return r;
}
