// A form made for one unit: the name locked in its cell, noted under it; filled and saved by LibreOffice it comes
// back with that name exactly, and a copy whose name was unlocked and retyped is flagged.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { extractReturn } from '../src/core/extract';
import { formLayout, parseFormParams } from '../src/core/form';
import { cellAddress } from '../src/core/a1';
import { ISSUED_NAME, issuedNameProblem, issuedUnitOf, prefilledFormPlan } from '../src/core/prefilled-form';
import { readWorkbookBytes } from '../src/workbook/read-workbook';
import { writeWorkbook } from '../src/workbook/write-xlsx';
import { libreOfficeProblem, runLibreOfficeJobs } from './helpers/soffice';

const problem = libreOfficeProblem();
if (problem) throw new Error(`LibreOffice is needed for this test: ${problem}`);

const parsed = parseFormParams({ year: 2027, province: 'Lạng Sơn', body: 'Sở Y tế', plan: 'Kế hoạch số 15/KH-SYT ngày 02/3/2027', rows: 10 });
if (!parsed.ok) throw new Error('params');
const params = parsed.params;
const UNIT = 'UBND xã Đoàn Kết';
const L = formLayout(10);
let dir: string;
let form: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxh-prefilled-'));
  form = path.join(dir, 'bieu-mau.xlsx');
  fs.writeFileSync(form, await writeWorkbook({ sheets: [prefilledFormPlan(params, UNIT)], title: 'Biểu' }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = (file: string) => {
  const raw = readWorkbookBytes(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  const result = extractReturn(raw, { campaignYear: 2027 });
  return { raw, result };
};

test('the written form: the unit’s name in its cell, locked; the note and its defined name under it', () => {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(form)));
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
  const styles = strFromU8(parts['xl/styles.xml']);
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
  const unlocked = (ref: string) => {
    const s = /s="(\d+)"/.exec(new RegExp(`<c r="${ref}"[^>]*>`).exec(sheet)![0]);
    return s ? /<protection locked="0"\/>/.test(xfs[Number(s[1])]) : false;
  };
  expect(['A2', 'A3', 'B13', 'D13'].map(unlocked)).toEqual([false, false, true, true]);
  expect(strFromU8(parts['xl/workbook.xml'])).toContain(`name="${ISSUED_NAME}"`);
  const { raw, result } = read(form);
  expect(result.unit).toBe(UNIT);
  expect(issuedUnitOf(raw, result.sheet)).toEqual({ unit: UNIT, cell: 'A3' });
});

test('filled in LibreOffice: the name comes back exactly; retyped after unprotecting: flagged', async () => {
  const filled = path.join(dir, 'filled.ods');
  const changed = path.join(dir, 'changed.xlsx');
  const fill = [
    { op: 'setNumber' as const, cell: cellAddress(L.firstData, 2), value: 120 },
    { op: 'setNumber' as const, cell: cellAddress(L.firstData, 4), value: 5_000_000 },
  ];
  await runLibreOfficeJobs([
    { input: form, ops: fill, outputs: [{ path: filled, format: 'ods' }] },
    { input: form, ops: [...fill, { op: 'unprotect' }, { op: 'setText', cell: 'A2', value: 'UBND xã Cao Minh' }], outputs: [{ path: changed, format: 'xlsx' }] },
  ]);
  const ok = read(filled);
  expect(ok.result.unit).toBe(UNIT);
  expect(ok.result.rows.map((r) => r.participants)).toEqual([120]);
  expect(issuedNameProblem(ok.raw, ok.result)).toBeUndefined();
  const bad = read(changed);
  expect(bad.result.unit).toBe('UBND xã Cao Minh');
  const p = issuedNameProblem(bad.raw, bad.result);
  expect(bad.result.problems).toContainEqual(p);
  expect(p).toMatchObject({ code: 'unit.issuedChanged', severity: 'warning', cell: 'A3' });
  expect(p!.message.vi).toContain('“UBND xã Đoàn Kết”');
  expect(p!.message.vi).toContain('“UBND xã Cao Minh”');
}, 120_000);
