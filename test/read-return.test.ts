// readReturn: bytes of one returned file -> ReturnResult in one call that never throws. Real sample
// returns, and the hostile shapes they arrive in (cut downloads, renamed web pages, encrypted or
// damaged containers, bytes flipped in transit): each is a result naming the file, never an exception.
import { readFileSync } from 'fs';
import { join } from 'path';
import * as XLSX from '@e965/xlsx';
import { strToU8, unzipSync } from 'fflate';
import { extractReturn } from '../src/core/extract';
import { FileRejected, ReturnResult } from '../src/core/returns';
import { REJECT_CODES, rejectionMessage } from '../src/workbook/read/rejections';
import { readReturn } from '../src/workbook/read-return';
import { readWorkbookBytes } from '../src/workbook/read-workbook';
import { deflatedEntry, rawZip } from './helpers/raw-zip';

const RETURNS = join(__dirname, '..', 'samples', 'returns');
const sample = (f: string) => new Uint8Array(readFileSync(join(RETURNS, f)));
const XLSX_FILE = 'So Y te - bao cao CTXH 2025.xlsx';
const XLS_FILE = 'BC Ngay CTXH - So GD&DT.xls';
const ODS_FILE = 'So TTTT.ods';

/** What the callers wrote by hand before readReturn: read, extract, and a refusal as a rejected result. */
function byHand(bytes: Uint8Array, file: string, modified: number, campaignYear: number): ReturnResult {
  try {
    return extractReturn(readWorkbookBytes(bytes, file, modified), { campaignYear });
  } catch (e) {
    if (!(e instanceof FileRejected)) throw e;
    return { file, modified, rows: [], status: 'error', problems: [{ file, severity: 'error', code: e.code, message: e.text }] };
  }
}

/** Calls readReturn and fails the test if it throws; the result must name the file it was given. */
function read(bytes: Uint8Array, file: string, modified = 1_700_000_000_000): ReturnResult {
  let result: ReturnResult | undefined;
  expect(() => (result = readReturn(bytes, file, { modified, campaignYear: 2025 }))).not.toThrow();
  expect(result!.file).toBe(file);
  for (const p of result!.problems) expect(p.file).toBe(file);
  return result!;
}

test.each([XLSX_FILE, XLS_FILE, ODS_FILE])('a good return (%s) reads exactly as reading and extracting it by hand', (f) => {
  const bytes = sample(f);
  const r = read(bytes, f);
  expect(r.status).not.toBe('error');
  expect(r.rows.length).toBeGreaterThan(0);
  expect(r).toEqual(byHand(bytes, f, 1_700_000_000_000, 2025));
});

test('the campaign year reaches the form check: another year gets a warning, as extractReturn gives it', () => {
  const bytes = sample(XLSX_FILE);
  const other = readReturn(bytes, XLSX_FILE, { campaignYear: 2019 });
  expect(other).toEqual(extractReturn(readWorkbookBytes(bytes, XLSX_FILE), { campaignYear: 2019 }));
  expect(other.problems.map((p) => p.code)).not.toEqual(readReturn(bytes, XLSX_FILE, { campaignYear: 2025 }).problems.map((p) => p.code));
});

const encrypted = () => {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array(200).fill(0)]));
  XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(16384).fill(0x5a));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
};

/** A good .xlsx whose first worksheet part is cut in half inside a well-formed zip. */
const halfSheet = () => {
  const parts = unzipSync(sample('TT BTXH tinh.xlsx'));
  return rawZip(Object.entries(parts).map(([n, d]) => deflatedEntry(n, /^xl\/worksheets\/sheet1\.xml$/.test(n) ? d.subarray(0, d.length >> 1) : d)));
};

test.each<[string, string, () => Uint8Array]>([
  ['Trong.xlsx', 'file.empty', () => new Uint8Array(0)],
  ['Trang web.xls', 'file.html', () => strToU8('<html><body><table><tr><td>Tổng</td><td>120</td></tr></table></body></html>')],
  ['Tai do dang.xlsx', 'file.damaged', () => sample('HLHPN tinh.xlsx').subarray(0, 4000)],
  ['Tai do dang.xls', 'file.damaged', () => sample(XLS_FILE).subarray(0, 3000)],
  ['Tai do dang.ods', 'file.damaged', () => sample(ODS_FILE).subarray(0, 3000)],
  ['Cat doi trang tinh.xlsx', 'file.damaged', halfSheet],
  ['Co mat khau.xlsx', 'file.password', encrypted],
  ['Van ban.csv', 'file.text', () => strToU8('STT;Nội dung;Số người\n1;Thăm hỏi;120\n')],
])('a refused file (%s) is a rejected result with its plain reason, not an exception', (file, code, make) => {
  const bytes = make();
  const r = read(bytes, file);
  expect(r).toEqual(byHand(bytes, file, 1_700_000_000_000, 2025));
  expect(r.status).toBe('error');
  expect(r.rows).toEqual([]);
  expect(r.modified).toBe(1_700_000_000_000);
  expect(r.problems).toHaveLength(1);
  expect(r.problems[0]).toMatchObject({ severity: 'error', code });
  expect(r.problems[0].message.vi).not.toBe('');
  expect(r.problems[0].message.en).not.toBe('');
});

/** Deterministic "random" positions (xorshift32), so a failure can be reproduced. */
function positions(n: number, max: number, seed: number): number[] {
  let x = seed >>> 0;
  return Array.from({ length: n }, () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % max;
  });
}

test.each([XLSX_FILE, XLS_FILE, ODS_FILE])('cut or bit-flipped copies of %s never throw, and each reads as it would by hand', (f) => {
  const good = sample(f);
  const variants: Uint8Array[] = [];
  for (const at of positions(12, good.length, 0x9e3779b9)) variants.push(good.subarray(0, at));
  for (const at of positions(24, good.length, 0x85ebca6b)) {
    const v = good.slice();
    v[at] ^= 0xff;
    variants.push(v);
  }
  const codes = new Set<string>();
  variants.forEach((bytes, i) => {
    const name = `${i} ${f}`;
    const r = read(bytes, name);
    expect(r).toEqual(byHand(bytes, name, 1_700_000_000_000, 2025));
    if (r.status === 'error' && r.rows.length === 0) codes.add(r.problems[0].code);
  });
  // The cut copies at least are refused as damaged.
  expect(codes.has('file.damaged')).toBe(true);
});

test('every refusal code has a Vietnamese and an English message, each carrying the detail', () => {
  for (const code of REJECT_CODES) {
    const m = rejectionMessage(code, 'chi tiết', 'detail');
    expect(m.vi.trim()).not.toBe('');
    expect(m.en.trim()).not.toBe('');
    expect(m.vi).not.toBe(m.en);
    expect(m.en).not.toMatch(/chi tiết/);
    // A detail shown in one language is shown in the other too.
    expect(m.vi.includes('(chi tiết)')).toBe(m.en.includes('(detail)'));
  }
});
