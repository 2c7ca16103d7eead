// The command line for the two-level country: a province's roster, one pre-filled form per unit, today's
// form defaults, and the Hải Phòng 2023 form still reproducible with explicit options.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { HAI_PHONG_2023_FORM, buildFormPlan, defaultFormParams, parseFormParams } from '../src/core/form';
import { extractReturn } from '../src/core/extract';
import { buildRoster } from '../src/core/units';
import { GROUPS_2026 } from '../src/core/vocabulary';
import { readRosterBytes } from '../src/workbook/read-roster';
import { readWorkbookBytes } from '../src/workbook/read-workbook';

const ROOT = resolve(__dirname, '..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'ctxh-report.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ctxh-cli-reform-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readRoster = (file: string) => buildRoster(readRosterBytes(new Uint8Array(readFileSync(file)), file), GROUPS_2026);

describe('ctxh-report roster', () => {
  test.each([
    ['Lạng Sơn', 'ls.xlsx', 65],
    ['tỉnh Lạng Sơn', 'ls.csv', 65],
    ['TP Hải Phòng', 'hp.csv', 114],
    ['ha noi', 'hn.xlsx', 126],
    ['An Giang', 'ag.csv', 102],
  ])('%s → %s: the communes in group II, read back unchanged', (province, file, communes) => {
    const out = join(dir, file);
    const res = cli('roster', '--province', province, '--out', out);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain(`${communes} xã, phường, đặc khu`);
    const roster = readRoster(out);
    expect(roster.problems).toEqual([]);
    expect(roster.entries.filter((e) => e.group === 'II')).toHaveLength(communes);
    expect(roster.entries.filter((e) => e.group !== 'II').length).toBeGreaterThan(10);
  });

  test('a merged province exits 2 naming the one it is part of; an unknown one lists the 34', () => {
    const merged = cli('roster', '--province', 'Hải Dương', '--out', join(dir, 'x.csv'));
    expect(merged.status).toBe(2);
    expect(merged.stderr).toContain('Thành phố Hải Phòng');
    expect(merged.stderr).toContain('--province "Hải Phòng"');
    const kg = cli('roster', '--province', 'Kiên Giang', '--out', join(dir, 'x.csv'), '--lang', 'en');
    expect(kg.status).toBe(2);
    expect(kg.stderr).toContain('now part of Tỉnh An Giang');
    const unknown = cli('roster', '--province', 'Atlantis', '--out', join(dir, 'x.csv'));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('34 tỉnh, thành phố');
    for (const p of ['Lạng Sơn', 'Cà Mau', 'Hồ Chí Minh', 'Huế']) expect(unknown.stderr).toContain(p);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });

  test('usage: no province, no output, another extension, an existing file without --force', () => {
    expect(cli('roster', '--out', join(dir, 'y.csv')).status).toBe(2);
    expect(cli('roster', '--province', 'Lạng Sơn').status).toBe(2);
    expect(cli('roster', '--province', 'Lạng Sơn', '--out', join(dir, 'y.txt')).status).toBe(2);
    writeFileSync(join(dir, 'kept.csv'), 'giữ nguyên');
    const again = cli('roster', '--province', 'Lạng Sơn', '--out', join(dir, 'kept.csv'));
    expect(again.status).toBe(2);
    expect(readFileSync(join(dir, 'kept.csv'), 'utf8')).toBe('giữ nguyên');
  });
});

describe('ctxh-report form --roster --out-dir', () => {
  test('one form per unit, named after it in ASCII, its name locked in and read back exactly', () => {
    const roster = join(dir, 'ds-forms.csv');
    expect(cli('roster', '--province', 'Lạng Sơn', '--out', roster).status).toBe(0);
    const outDir = join(dir, 'bieu-mau');
    const res = cli('form', '--roster', roster, '--out-dir', outDir, '--year', '2027', '--province', 'Lạng Sơn', '--plan', 'Kế hoạch số 15/KH-SYT ngày 02/3/2027');
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const files = readdirSync(outDir).sort();
    const units = readRoster(roster).entries.map((e) => e.unit);
    expect(files).toHaveLength(units.length);
    expect(files).toContain('bieu-mau-CTXH-2027-UBND-xa-Doan-Ket.xlsx');
    expect(files.every((f) => /^bieu-mau-CTXH-2027-[A-Za-z0-9-]+\.xlsx$/.test(f))).toBe(true);
    for (const [file, unit] of [['bieu-mau-CTXH-2027-UBND-xa-Doan-Ket.xlsx', 'UBND xã Đoàn Kết'], ['bieu-mau-CTXH-2027-So-Y-te.xlsx', 'Sở Y tế']]) {
      const raw = readWorkbookBytes(new Uint8Array(readFileSync(join(outDir, file))), file);
      const r = extractReturn(raw, { campaignYear: 2027 });
      expect([r.unit, r.year, r.problems.filter((p) => p.code === 'unit.issuedChanged')]).toEqual([unit, 2027, []]);
    }
    // Run again: nothing overwritten without --force.
    const again = cli('form', '--roster', roster, '--out-dir', outDir, '--year', '2027');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('--force');
  });

  test('usage: --roster needs --out-dir and the other way round; not with --out or --unit', () => {
    const roster = join(dir, 'ds-forms.csv');
    expect(cli('form', '--roster', roster).status).toBe(2);
    expect(cli('form', '--out-dir', join(dir, 'z')).status).toBe(2);
    expect(cli('form', '--roster', roster, '--out-dir', join(dir, 'z'), '--unit', 'Sở Y tế').status).toBe(2);
    expect(cli('form', '--roster', roster, '--out-dir', join(dir, 'z'), '--out', join(dir, 'z.xlsx')).status).toBe(2);
    expect(cli('form', '--roster', join(dir, 'none.csv'), '--out-dir', join(dir, 'z')).status).toBe(2);
  });
});

describe('form defaults', () => {
  const cell = async (file: string, ref: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    return wb.worksheets[0].getCell(ref).value;
  };

  test('without options: the current reporting season, issued by Sở Y tế', async () => {
    const out = join(dir, 'default.xlsx');
    expect(cli('form', '--out', out).status).toBe(0);
    const d = defaultFormParams(new Date());
    expect(await cell(out, 'A5')).toBe(`V/v tổ chức ngày Công tác xã hội Việt Nam năm ${d.year}`);
    expect(String(await cell(out, 'A6'))).toContain('của Sở Y tế)');
    expect(await cell(out, 'A7')).toBe(`“Ngày Công tác xã hội Việt Nam” lần thứ ${d.year - 2016}`);
    expect(d.body).toBe('Sở Y tế');
    expect(defaultFormParams(new Date(2026, 11, 1)).year).toBe(2027);
  });

  test('the Hải Phòng 2023 form (plan 45/KH-SLĐTBXH) is reproduced exactly with explicit options', async () => {
    const out = join(dir, 'hp2023.xlsx');
    const h = HAI_PHONG_2023_FORM;
    expect(cli('form', '--out', out, '--year', String(h.year), '--province', h.province, '--body', h.body, '--plan', h.plan).status).toBe(0);
    const parsed = parseFormParams({ ...h });
    if (!parsed.ok) throw new Error('params');
    const plan = buildFormPlan(parsed.params);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Biểu CTXH 2023');
    for (const c of plan.cells.filter((x) => x.value !== undefined && x.value !== null)) {
      expect([c.r, c.c, ws.getCell(c.r, c.c).value]).toEqual([c.r, c.c, c.value]);
    }
    expect(ws.getCell('A6').value).toBe('(Gửi kèm Kế hoạch số 45/KH-SLĐTBXH ngày 22/3/2023 của Sở Lao động - Thương binh và Xã hội)');
    expect(ws.getCell('A7').value).toBe('“Ngày Công tác xã hội Việt Nam” lần thứ 7');
    expect(String(ws.getCell(`C${plan.cells.find((x) => String(x.value ?? '').includes('ngày .....'))!.r}`).value)).toBe('Hải Phòng, ngày ..... tháng ..... năm 2023');
  });
});

test('the demo merges the 2027 Lạng Sơn set against the roster the roster command writes', () => {
  const out = join(dir, 'demo.xlsx');
  const res = cli('demo', '--out', out);
  expect(res.status).toBe(0);
  expect(res.stdout).toMatch(/Đã báo cáo: \d+\/81 đơn vị — \d+\/65 xã, phường, đặc khu; \d+\/6 sở, ban, ngành/);
  expect(res.stdout).toContain('cấp huyện đã bỏ từ 1/7/2025');
  const fresh = join(dir, 'demo-roster.csv');
  expect(cli('roster', '--province', 'Lạng Sơn', '--out', fresh).status).toBe(0);
  expect(readFileSync(fresh, 'utf8')).toBe(readFileSync(join(ROOT, 'samples', '2027', 'danh-sach-don-vi.csv'), 'utf8'));
});
