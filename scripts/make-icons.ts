// Draws the add-in icons (assets/icon-<size>.png): a green rounded square with a
// white heart and "CTXH". Node built-ins only. Run: npx tsx scripts/make-icons.ts
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x1b, 0x7a, 0x3e];
const WHITE = [0xff, 0xff, 0xff];

// 3×5 pixel letters.
const GLYPHS: Record<string, string[]> = {
  C: ['###', '#..', '#..', '#..', '###'],
  T: ['###', '.#.', '.#.', '.#.', '.#.'],
  X: ['#.#', '#.#', '.#.', '#.#', '#.#'],
  H: ['#.#', '#.#', '###', '#.#', '#.#'],
};

/** Coverage of one point (x, y in 0..1 of the icon): 0 background, 1 green, 2 white. */
function shade(x: number, y: number, size: number): number {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  const heart = (hx: number, hy: number, s: number) => {
    // (u² + v² − 1)³ − u² v³ ≤ 0, v pointing up.
    const u = (x - hx) / s;
    const v = -(y - hy) / s;
    return (u * u + v * v - 1) ** 3 - u * u * v * v * v <= 0;
  };
  if (size <= 16) return heart(0.5, 0.52, 0.27) ? 2 : 1;
  const text = (top: number, width: number) => {
    const cell = width / 15; // 4 letters of 3 cells + 3 gaps
    const left = (1 - width) / 2;
    const col = Math.floor((x - left) / cell);
    const row = Math.floor((y - top) / cell);
    if (col < 0 || col >= 15 || row < 0 || row >= 5 || col % 4 === 3) return false;
    return GLYPHS['CTXH'[Math.floor(col / 4)]][row][col % 4] === '#';
  };
  if (size <= 32) return text(0.5 - (0.84 / 15) * 2.5, 0.84) ? 2 : 1;
  return heart(0.5, 0.36, 0.21) || text(0.62, 0.7) ? 2 : 1;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function drawIcon(size: number): Buffer {
  const ss = 8; // supersampling for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let a = 0;
      let white = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const s = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, size);
          if (s) a++;
          if (s === 2) white++;
        }
      const t = a ? white / a : 0;
      const o = py * (size * 4 + 1) + 1 + px * 4;
      for (let k = 0; k < 3; k++) raw[o + k] = Math.round(GREEN[k] + (WHITE[k] - GREEN[k]) * t);
      raw[o + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(file);
  }
}
