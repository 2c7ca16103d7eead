"use strict";
// Little-endian reads and concatenation shared by the zip and BIFF readers.
Object.defineProperty(exports, "__esModule", { value: true });
exports.u64 = exports.u32 = exports.u16 = void 0;
exports.concat = concat;
const u16 = (b, o) => b[o] | (b[o + 1] << 8);
exports.u16 = u16;
const u32 = (b, o) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
exports.u32 = u32;
const u64 = (b, o) => (0, exports.u32)(b, o) + (0, exports.u32)(b, o + 4) * 0x100000000;
exports.u64 = u64;
function concat(chunks, size) {
    const r = new Uint8Array(size);
    let o = 0;
    for (const c of chunks)
        r.set(c, o), (o += c.length);
    return r;
}
