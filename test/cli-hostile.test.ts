// A clerk's folder as it really arrives: a few good returns mixed with files that are broken,
// mislabelled or hostile. The CLI must merge the good ones with the right figures, name every bad
// file with one plain reason (in stdout, in --json, and on the "Kiểm tra" sheet of the summary),
// still write the summary, exit 1 — and do it all quickly and without exhausting memory.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { Deflate, strToU8, unzipSync } from 'fflate';
import { readReturnFile } from '../src/cli/read-file';
import { MergeSummary, MergeSummarySchema } from '../src/core/returns';
import { RawEntry, deflatedEntry, rawZip } from './helpers/raw-zip';

const ROOT = resolve(__dirname, '..');
const SAMPLES = join(ROOT, 'samples');
const MiB = 1024 * 1024;

// ---------------------------------------------------------------- the good returns

interface ExpectedFile {
  file: string;
  unit: string;
  group: string | null;
  rows: number;
  participants: number;
  totalFunding: number;
  budget: number;
  otherFunding: number;
}
/** One return of each format, with the figures scripts/make-samples.ts typed into them. */
const GOOD = ['So Y te - bao cao CTXH 2025.xlsx', 'BC Ngay CTXH - So GD&DT.xls', 'So TTTT.ods'];
const EXPECTED = (JSON.parse(readFileSync(join(SAMPLES, 'expected.json'), 'utf8')) as { files: ExpectedFile[] }).files.filter((f) => GOOD.includes(f.file));

// ---------------------------------------------------------------- the bad files

type Code = 'file.zipBomb' | 'file.unknown' | 'file.html' | 'file.damaged' | 'file.empty' | 'file.password' | 'file.tooManyRows';
/** The gist each plain message must carry, in each language. */
const GIST: Record<Code, { vi: RegExp; en: RegExp }> = {
  'file.zipBomb': { vi: /Tệp nén bất thường/, en: /Abnormal compressed file/ },
  'file.unknown': { vi: /Không nhận ra định dạng tệp/, en: /Unknown file format/ },
  'file.html': { vi: /trang HTML/, en: /HTML \(web\) page/ },
  'file.damaged': { vi: /bị hỏng hoặc không đầy đủ/, en: /damaged or incomplete/ },
  'file.empty': { vi: /Tệp trống/, en: /file is empty/ },
  'file.password': { vi: /có mật khẩu/, en: /password-protected/ },
  'file.tooManyRows': { vi: /Trang tính quá lớn/, en: /sheet is too large/ },
};

const deflated = deflatedEntry;

/**
 * A deflate stream of `mib` MiB of spaces, ~1 KB per MiB: one MiB compressed once and ended on a
 * byte boundary (sync flush), repeated, then an empty final block. Its true CRC comes with it.
 */
const bombs = new Map<number, { stored: Uint8Array; crc: number; usize: number }>();
function spaceBomb(mib: number): { stored: Uint8Array; crc: number; usize: number } {
  const made = bombs.get(mib);
  if (made) return made;
  const block = new Uint8Array(MiB).fill(0x20);
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (c) => out.push(c));
  d.push(block, false);
  d.flush(true);
  const once = Buffer.concat(out);
  // Self-check on a small repeat: the trick gives exactly the bytes it claims.
  const three = inflateRawSync(Buffer.concat([once, once, once, Buffer.from([0x03, 0x00])]));
  if (three.length !== 3 * MiB || !three.every((x) => x === 0x20)) throw new Error('bomb construction is wrong');
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = crc32(block, crc);
  const bomb = { stored: Buffer.concat([...Array<Buffer>(mib).fill(once), Buffer.from([0x03, 0x00])]), crc, usize: mib * MiB };
  bombs.set(mib, bomb);
  return bomb;
}

/** A good .xlsx with its first worksheet's part replaced. */
function xlsxWithSheet(good: Uint8Array, sheet: (name: string, original: Uint8Array) => RawEntry): Uint8Array {
  const parts = unzipSync(good);
  const sheetName = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  return rawZip(Object.entries(parts).map(([name, data]) => (name === sheetName ? sheet(name, data) : deflated(name, data))));
}

/** Deterministic "random" bytes (xorshift32), so a failure can be reproduced. */
function noise(n: number, seed = 0x9e3779b9): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    b[i] = x & 0xff;
  }
  return b;
}

const HTML_TABLE = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>Báo cáo Ngày CTXH</title></head>
<body><table border="1">
<tr><th>STT</th><th>Nội dung hoạt động</th><th>Số người tham gia</th><th>Tổng kinh phí</th><th>Ngân sách</th><th>Vận động khác</th></tr>
<tr><td>1</td><td>Thăm hỏi, tặng quà</td><td>120</td><td>15.000.000</td><td>10.000.000</td><td>5.000.000</td></tr>
<tr><td></td><td>Tổng</td><td>120</td><td>15.000.000</td><td>10.000.000</td><td>5.000.000</td></tr>
</table></body></html>
`;

interface Bad {
  file: string;
  code: Code;
  what: string;
  make: () => Uint8Array;
}

const goodBytes = (f: string) => new Uint8Array(readFileSync(join(SAMPLES, 'returns', f)));

const BAD: Bad[] = [
  {
    file: 'Bom giai nen.xlsx', code: 'file.zipBomb', what: '~300 KB .xlsx whose sheet part inflates to 300 MB (honest headers)',
    make: () => xlsxWithSheet(goodBytes('So Noi vu.xlsx'), (name) => ({ name, method: 8, ...spaceBomb(300) })),
  },
  {
    file: 'Bom khai gia.xlsx', code: 'file.zipBomb', what: 'the same bomb, its headers claiming 20 KB',
    make: () => xlsxWithSheet(goodBytes('So Noi vu.xlsx'), (name) => ({ name, method: 8, ...spaceBomb(300), usize: 20_000 })),
  },
  { file: 'Ngau nhien.xlsx', code: 'file.unknown', what: '8 KB of random bytes', make: () => noise(8192) },
  { file: 'Trang web.xls', code: 'file.html', what: 'an HTML table renamed .xls', make: () => strToU8(HTML_TABLE) },
  {
    file: 'Tai do dang.xlsx', code: 'file.damaged', what: 'the first 60% of a good .xlsx (unfinished download)',
    make: () => { const g = goodBytes('HLHPN tinh.xlsx'); return g.subarray(0, Math.floor(g.length * 0.6)); },
  },
  { file: 'Trong.ods', code: 'file.empty', what: 'an empty .ods (0 bytes)', make: () => new Uint8Array(0) },
  {
    file: 'Cat doi trang tinh.xlsx', code: 'file.damaged', what: 'a well-formed zip whose sheet XML is cut in half',
    make: () => xlsxWithSheet(goodBytes('TT BTXH tinh.xlsx'), (name, xml) => deflated(name, xml.subarray(0, Math.floor(xml.length / 2)))),
  },
  {
    file: 'Co mat khau.xlsx', code: 'file.password', what: 'an encrypted workbook (OLE container with EncryptionInfo + EncryptedPackage)',
    make: () => {
      const CFB = XLSX.CFB;
      const cfb = CFB.utils.cfb_new();
      CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array(200).fill(0)]));
      CFB.utils.cfb_add(cfb, 'EncryptedPackage', noise(16384, 7));
      return new Uint8Array(CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    },
  },
  {
    file: 'Mot trieu dong.xlsx', code: 'file.tooManyRows', what: 'a sheet with 1,048,576 rows',
    make: () =>
      xlsxWithSheet(goodBytes('TT BTXH tinh.xlsx'), (name) => {
        const rows: string[] = [];
        for (let r = 1; r <= 1_048_576; r++) rows.push(`<row r="${r}"/>`);
        const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
        return deflated(name, strToU8(xml));
      }),
  },
];

// ---------------------------------------------------------------- running the CLI, measured

/** Preloaded into the CLI's node: writes the process's own peak RSS (getrusage) when it exits. */
const PEAK_RSS_HOOK = `process.on('exit', () => require('fs').writeFileSync(process.env.CTXH_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)));\n`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakRss: number;
}

let dir: string;
let folder: string;

function run(...args: string[]): Run {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}.txt`);
  const t = performance.now();
  const res = spawnSync(process.execPath, ['--require', join(dir, 'peak-rss.js'), join(ROOT, 'bin', 'ctxh-report.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CTXH_PEAK_RSS_FILE: rssFile },
    timeout: 60_000,
  });
  const ms = performance.now() - t;
  const peakRss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN;
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, ms, peakRss };
}

/** stdout of merge / check, as file → the lines printed under its heading line. */
function blocks(stdout: string): Map<string, { head: string; lines: string[] }> {
  const out = new Map<string, { head: string; lines: string[] }>();
  let cur: { head: string; lines: string[] } | undefined;
  for (const line of stdout.split('\n')) {
    const m = /^(LỖI|CẢNH BÁO|OK|ERROR|WARNING) {2}(.+?)(?: {2}—  .*)?$/.exec(line);
    if (m) out.set(m[2], (cur = { head: m[1], lines: [] }));
    else if (cur && line.startsWith('    ')) cur.lines.push(line.trim());
    else cur = undefined;
  }
  return out;
}

/** Rows of a sheet of the written summary as text: [file, sheet, cell, severity, message]. */
async function sheetRows(xlsx: string, sheetName: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet "${sheetName}" in ${xlsx}: ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push([1, 2, 3, 4, 5].map((c) => (row.getCell(c).text ?? '').toString())));
  return rows;
}

const times: Record<string, number> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ctxh-hostile-'));
  writeFileSync(join(dir, 'peak-rss.js'), PEAK_RSS_HOOK);
  folder = join(dir, 'nhan-ve');
  mkdirSync(folder);
  for (const f of GOOD) copyFileSync(join(SAMPLES, 'returns', f), join(folder, f));
  const t = performance.now();
  for (const b of BAD) writeFileSync(join(folder, b.file), b.make());
  times.build = performance.now() - t;
}, 60_000);

afterAll(() => {
  if (process.env.SHOW_TIMES) console.log(Object.entries(times).map(([k, v]) => (k === 'mergePeakRss' ? `merge peak RSS ${(v / MiB).toFixed(0)} MB` : `${k} ${v.toFixed(0)} ms`)).join(', '));
  rmSync(dir, { recursive: true, force: true });
});

test('the hostile files are what they claim to be', () => {
  const size = (f: string) => readFileSync(join(folder, f)).length;
  expect(size('Bom giai nen.xlsx')).toBeGreaterThan(250 * 1024);
  expect(size('Bom giai nen.xlsx')).toBeLessThan(400 * 1024);
  expect(size('Ngau nhien.xlsx')).toBe(8192);
  expect(size('Trong.ods')).toBe(0);
});

test('each bad file is refused on its own in about a second, with its reason', () => {
  // Warm the reader (module load, SheetJS tables) on a good file first.
  readReturnFile(join(folder, GOOD[0]));
  for (const b of BAD) {
    const t = performance.now();
    const r = readReturnFile(join(folder, b.file));
    const ms = performance.now() - t;
    times[b.file] = ms;
    expect({ file: b.file, status: r.status, code: r.problems[0]?.code }).toEqual({ file: b.file, status: 'error', code: b.code });
    // A hang guard, not a speed target (npm run bench measures speed): a loaded CI machine must not fail it.
    expect({ file: b.file, finished: ms < 15_000 }).toEqual({ file: b.file, finished: true });
  }
});

describe('merge of the mixed folder (Vietnamese)', () => {
  let res: Run;
  let json: MergeSummary;
  /** The JSON as written, with the fields beyond the required shape (the refusal's code). */
  let rawRejected: { file: string; issues: { code?: string; severity: string; message: string }[] }[];
  const out = () => join(dir, 'tong-hop.xlsx');

  beforeAll(() => {
    res = run('merge', '--out', out(), '--json', join(dir, 'tong-hop.json'), folder);
    times.merge = res.ms;
    times.mergePeakRss = res.peakRss;
    if (res.stderr) console.error(res.stderr);
    const raw = JSON.parse(readFileSync(join(dir, 'tong-hop.json'), 'utf8'));
    json = MergeSummarySchema.parse(raw);
    rawRejected = raw.rejected;
  }, 60_000);

  test('exits 1 and still writes the summary workbook and the JSON', () => {
    expect(res.status).toBe(1);
    expect(existsSync(out())).toBe(true);
    expect(res.stdout).toContain(`Đã ghi bảng tổng hợp: ${out()}`);
    expect(res.stdout).toContain(`Đã tổng hợp ${GOOD.length}/${GOOD.length + BAD.length} tệp; loại ${BAD.length}`);
  });

  test('runs fast and within memory', () => {
    expect(res.ms).toBeLessThan(20_000);
    expect(Number.isFinite(res.peakRss)).toBe(true);
    expect(res.peakRss).toBeLessThan(500 * MiB);
  });

  test('every bad file is named in stdout with its plain Vietnamese reason', () => {
    const b = blocks(res.stdout);
    for (const bad of BAD) {
      const got = b.get(bad.file);
      expect({ file: bad.file, head: got?.head }).toEqual({ file: bad.file, head: 'LỖI' });
      expect(got!.lines).toHaveLength(1);
      expect({ file: bad.file, line: got!.lines[0] }).toEqual({ file: bad.file, line: expect.stringMatching(GIST[bad.code].vi) });
      expect(got!.lines[0]).toMatch(/^\[lỗi\] /);
    }
  });

  test('every bad file is in JSON "rejected" with its code and the same message', () => {
    expect(rawRejected.map((r) => r.file).sort()).toEqual(BAD.map((b) => b.file).sort());
    const lines = blocks(res.stdout);
    for (const bad of BAD) {
      const r = rawRejected.find((x) => x.file === bad.file)!;
      expect({ file: bad.file, issues: r.issues.map((i) => [i.severity, i.code]) }).toEqual({ file: bad.file, issues: [['error', bad.code]] });
      expect(r.issues[0].message).toMatch(GIST[bad.code].vi);
      expect(lines.get(bad.file)!.lines[0]).toBe(`[lỗi] ${r.issues[0].message}`);
    }
  });

  test('the good returns are merged with the figures typed into them', () => {
    expect(json.accepted.map((a) => a.file).sort()).toEqual([...GOOD].sort());
    for (const w of EXPECTED) {
      const got = json.accepted.find((a) => a.file === w.file)!;
      expect({ file: got.file, unit: got.unit.normalize('NFC'), group: got.group, rows: got.rows, p: got.participants, t: got.totalFunding, b: got.budget, o: got.otherFunding }).toEqual({
        file: w.file, unit: w.unit.normalize('NFC'), group: w.group, rows: w.rows, p: w.participants, t: w.totalFunding, b: w.budget, o: w.otherFunding,
      });
    }
    const sum = (k: 'participants' | 'totalFunding' | 'budget' | 'otherFunding') => EXPECTED.reduce((n, f) => n + f[k], 0);
    expect(json.totals).toEqual({ participants: sum('participants'), totalFunding: sum('totalFunding'), budget: sum('budget'), otherFunding: sum('otherFunding') });
    expect(json.superseded).toEqual([]);
  });

  test('the "Kiểm tra" sheet of the summary lists each rejected file with its reason', async () => {
    const rows = await sheetRows(out(), 'Kiểm tra');
    for (const bad of BAD) {
      const mine = rows.filter((r) => r[0] === bad.file);
      expect({ file: bad.file, rows: mine.length }).toEqual({ file: bad.file, rows: 1 });
      expect({ file: bad.file, severity: mine[0][3] }).toEqual({ file: bad.file, severity: expect.stringMatching(/^Lỗi/) });
      expect(mine[0][4]).toBe(rawRejected.find((r) => r.file === bad.file)!.issues[0].message);
    }
    // The good files are not listed as rejected there.
    for (const f of GOOD) expect(rows.filter((r) => r[0] === f && /^Lỗi/.test(r[3]))).toEqual([]);
  });
});

describe('check of the mixed folder', () => {
  test('exits 1 and names each bad file with its reason; the good ones pass', () => {
    const res = run('check', folder);
    times.check = res.ms;
    expect(res.status).toBe(1);
    expect(res.ms).toBeLessThan(20_000);
    expect(res.peakRss).toBeLessThan(500 * MiB);
    const b = blocks(res.stdout);
    for (const bad of BAD) {
      expect({ file: bad.file, head: b.get(bad.file)?.head }).toEqual({ file: bad.file, head: 'LỖI' });
      expect({ file: bad.file, line: b.get(bad.file)!.lines[0] }).toEqual({ file: bad.file, line: expect.stringMatching(GIST[bad.code].vi) });
    }
    for (const f of GOOD) expect({ file: f, head: b.get(f)?.head }).toEqual({ file: f, head: expect.stringMatching(/^(OK|CẢNH BÁO)$/) });
    expect(res.stdout).toContain(`${GOOD.length + BAD.length} tệp: ${GOOD.length} dùng được, ${BAD.length} có lỗi.`);
  });
});

describe('--lang en', () => {
  test('merge prints English reasons and writes an English "Checks" sheet', async () => {
    const out = join(dir, 'summary-en.xlsx');
    const res = run('--lang', 'en', 'merge', '--out', out, '--json', join(dir, 'summary-en.json'), folder);
    times.mergeEn = res.ms;
    expect(res.status).toBe(1);
    expect(res.stdout).toContain(`Summary written: ${out}`);
    const b = blocks(res.stdout);
    for (const bad of BAD) {
      const got = b.get(bad.file);
      expect({ file: bad.file, head: got?.head }).toEqual({ file: bad.file, head: 'ERROR' });
      expect({ file: bad.file, line: got!.lines[0] }).toEqual({ file: bad.file, line: expect.stringMatching(GIST[bad.code].en) });
      expect(got!.lines[0]).toMatch(/^\[error\] /);
      // No Vietnamese left in an English message (the letters only Vietnamese uses).
      expect({ file: bad.file, vietnamese: /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(got!.lines[0]) }).toEqual({ file: bad.file, vietnamese: false });
    }
    // The JSON speaks the language asked for too.
    const json = MergeSummarySchema.parse(JSON.parse(readFileSync(join(dir, 'summary-en.json'), 'utf8')));
    for (const bad of BAD) expect(json.rejected.find((r) => r.file === bad.file)?.issues[0].message).toMatch(GIST[bad.code].en);
    const rows = await sheetRows(out, 'Checks');
    for (const bad of BAD) {
      const mine = rows.filter((r) => r[0] === bad.file);
      expect({ file: bad.file, rows: mine.length }).toEqual({ file: bad.file, rows: 1 });
      expect({ file: bad.file, severity: mine[0][3], message: mine[0][4] }).toEqual({
        file: bad.file, severity: expect.stringMatching(/^Error/), message: expect.stringMatching(GIST[bad.code].en),
      });
    }
  });

  test('check prints English reasons', () => {
    const res = run('check', '--lang', 'en', folder);
    expect(res.status).toBe(1);
    const b = blocks(res.stdout);
    for (const bad of BAD) expect({ file: bad.file, line: b.get(bad.file)?.lines[0] }).toEqual({ file: bad.file, line: expect.stringMatching(GIST[bad.code].en) });
    expect(res.stdout).toContain(`${GOOD.length + BAD.length} files: ${GOOD.length} usable, ${BAD.length} with errors.`);
  });
});
