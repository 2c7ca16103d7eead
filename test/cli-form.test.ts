import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';

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
    // 4 data rows 13..16, "Tổng" on 17, the activities block from 19 (title and 10 types), footer two rows below it
    expect(ws.getCell('A17').value).toBe('Tổng');
    expect(ws.getCell('A19').value).toBe('Hình thức tổ chức (đánh dấu x)');
    expect(ws.getCell('A20').value).toBe('Tọa đàm');
    expect(ws.getCell('A29').value).toBe('Khác (ghi rõ)');
    expect(ws.getCell('C31').value).toBe('Lạng Sơn, ngày ..... tháng ..... năm 2025');
  });

  test('the file carries the rules a clerk would set by hand: validation, protection without password, print setup, names', () => {
    const out = join(dir, 'rules.xlsx');
    expect(cli('form', '--out', out).status).toBe(0);
    const parts = unzipSync(new Uint8Array(readFileSync(out)));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
    const book = strFromU8(parts['xl/workbook.xml']);
    // Whole numbers ≥ 0 with a stop alert on participants (B) and money (D:E) of the data rows 13..22.
    const rules = [...sheet.matchAll(/<dataValidation ([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)].map((m) => ({
      type: /type="(\w+)"/.exec(m[1])![1], op: /operator="(\w+)"/.exec(m[1])?.[1], stop: /errorStyle="stop"/.test(m[1]), prompt: /showInputMessage="1"/.test(m[1]), sqref: /sqref="([^"]+)"/.exec(m[1])![1], min: m[2],
    }));
    // And "x or nothing" in the activities block's tick cells (E26:E34: "Tổng" is on 23, the block title on 25); the "Khác" text cell is free.
    expect(rules).toEqual([
      { type: 'whole', op: 'greaterThanOrEqual', stop: true, prompt: true, sqref: 'B13:B22', min: '0' },
      { type: 'whole', op: 'greaterThanOrEqual', stop: true, prompt: true, sqref: 'D13:E22', min: '0' },
      { type: 'list', op: undefined, stop: true, prompt: true, sqref: 'E26:E34', min: '&quot;x&quot;' },
    ]);
    // Protected with no password; inserting and deleting rows allowed ("0" = not locked in OOXML).
    const prot = /<sheetProtection ([^>]*)\/>/.exec(sheet)![1];
    expect(prot).toMatch(/sheet="1"/);
    expect(prot).not.toMatch(/password|hashValue/);
    expect(prot).toMatch(/insertRows="0"/);
    expect(prot).toMatch(/deleteRows="0"/);
    // Input cells (TT, 2, 4, 5, the unit's name) are unlocked; column 3, labels and "Tổng" stay locked.
    const styles = strFromU8(parts['xl/styles.xml']);
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
    const unlocked = (ref: string) => {
      const s = /s="(\d+)"/.exec(new RegExp(`<c r="${ref}"[^>]*>`).exec(sheet)![0]);
      return s ? /<protection locked="0"\/>/.test(xfs[Number(s[1])]) : false;
    };
    expect(['A2', 'A13', 'B13', 'D13', 'E22', 'C13', 'A12', 'B23', 'A4'].map(unlocked)).toEqual([true, true, true, true, true, false, false, false, false]);
    // A4 portrait, one page wide, header rows repeated.
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="portrait"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(book).toMatch(/_xlnm\.Print_Titles[^>]*>[^<]*\$10:\$12</);
    for (const n of ['CTXH_DonVi', 'CTXH_SoCot', 'CTXH_DuLieu', 'CTXH_Tong']) expect(book).toContain(`name="${n}"`);
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
