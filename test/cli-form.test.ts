import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const ROOT = resolve(__dirname, '..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'ctxh-report.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('ctxh-report form', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ctxh-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('help explains every command and option in Vietnamese and English', () => {
    const main = cli('--help');
    expect(main.status).toBe(0);
    for (const cmd of ['form', 'check', 'merge', 'demo']) expect(main.stdout).toContain(`  ${cmd} `);
    expect(main.stdout).toContain('Tạo biểu mẫu trống');
    expect(main.stdout).toContain('Write the blank reporting form');
    const form = cli('form', '--help');
    expect(form.status).toBe(0);
    for (const opt of ['--out', '--year', '--province', '--body', '--plan', '--theme', '--deadline', '--unit', '--rows', '--force']) expect(form.stdout).toContain(opt);
    expect(form.stdout).toContain('Tỉnh/thành phố');
    expect(form.stdout).toContain('province or city');
  });

  test('writes the parameterised form as a real .xlsx', async () => {
    const out = join(dir, 'bieu-mau.xlsx');
    const res = cli('form', '--out', out, '--year', '2025', '--province', 'Lạng Sơn', '--body', 'Sở Y tế', '--plan', 'Kế hoạch số 12/KH-SYT ngày 05/3/2025', '--unit', 'Sở Y tế', '--rows', '4');
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Biểu CTXH 2025');
    expect(ws.getCell('A2').value).toBe('Sở Y tế');
    expect(ws.getCell('A5').value).toBe('V/v tổ chức ngày Công tác xã hội Việt Nam năm 2025');
    expect(ws.getCell('A6').value).toBe('(Gửi kèm Kế hoạch số 12/KH-SYT ngày 05/3/2025 của Sở Y tế)');
    expect(ws.getCell('A7').value).toBe('“Ngày Công tác xã hội Việt Nam” lần thứ 9');
    // 4 data rows 13..16, "Tổng" on 17, footer two rows below
    expect(ws.getCell('A17').value).toBe('Tổng');
    expect(ws.getCell('C19').value).toBe('Lạng Sơn, ngày ..... tháng ..... năm 2025');
  });

  test('refuses to overwrite an existing file without --force, and says so', () => {
    const out = join(dir, 'keep.xlsx');
    expect(cli('form', '--out', out).status).toBe(0);
    const before = statSync(out).mtimeMs;
    const again = cli('form', '--out', out);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('đã có');
    expect(again.stderr).toContain('--force');
    expect(statSync(out).mtimeMs).toBe(before);
    expect(cli('form', '--out', out, '--force').status).toBe(0);
  });

  test('bad parameters are usage errors with plain messages', () => {
    const year = cli('form', '--out', join(dir, 'x.xlsx'), '--year', '2010');
    expect(year.status).toBe(2);
    expect(year.stderr).toContain('Năm phải từ 2017');
    const formula = cli('--lang', 'en', 'form', '--out', join(dir, 'y.xlsx'), '--unit', '=HYPERLINK("http://x")');
    expect(formula.status).toBe(2);
    expect(formula.stderr).toContain('formula');
    const noOut = cli('form');
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    const unknown = cli('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Không có lệnh');
  });
});
