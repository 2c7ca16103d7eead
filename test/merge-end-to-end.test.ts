// The main job end to end: the CLI merges the sample returns (made by LibreOffice filling the
// real form, see scripts/make-samples.ts) and the written summary is recalculated by LibreOffice.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MergeSummarySchema } from '../src/core/returns';
import { GROUPS } from '../src/core/vocabulary';
import { LoCell, RangeRead, cellNumber, cellText, libreOfficeProblem, runLibreOffice } from './helpers/soffice';

const problem = libreOfficeProblem();
if (problem) throw new Error(`LibreOffice is needed for this test: ${problem}`);

const ROOT = resolve(__dirname, '..');
const SAMPLES = join(ROOT, 'samples');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'ctxh-report.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

interface ExpectedFile {
  file: string;
  unit: string;
  rosterUnit: string | null;
  /** null: not in the roster, so group V ("Đơn vị khác"). */
  group: string | null;
  status: 'accepted' | 'rejected' | 'superseded';
  supersededBy?: string;
  rows: number;
  participants: number;
  totalFunding: number;
  budget: number;
  otherFunding: number;
}
// Figures scripts/make-samples.ts computed from what it typed into each form.
const expected = JSON.parse(readFileSync(join(SAMPLES, 'expected.json'), 'utf8')) as { files: ExpectedFile[]; coverage: { expected: number; missing: string[] } };
const byStatus = (s: ExpectedFile['status']) => expected.files.filter((f) => f.status === s);
const sum = (files: ExpectedFile[], k: 'participants' | 'totalFunding' | 'budget' | 'otherFunding') => files.reduce((n, f) => n + f[k], 0);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ctxh-e2e-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('merge of the sample returns', () => {
  let out: string;
  let summary: ReturnType<typeof MergeSummarySchema.parse>;
  let stdout: string;
  let status: number | null;

  beforeAll(() => {
    out = join(dir, 'tong-hop.xlsx');
    const res = cli('merge', '--out', out, '--roster', join(SAMPLES, 'roster.csv'), '--json', join(dir, 'tong-hop.json'), join(SAMPLES, 'returns'));
    stdout = res.stdout;
    status = res.status;
    if (res.stderr) console.error(res.stderr);
    summary = MergeSummarySchema.parse(JSON.parse(readFileSync(join(dir, 'tong-hop.json'), 'utf8')));
  });

  test('exits 1: the summary is written, but some files were rejected', () => {
    expect(status).toBe(1);
    expect(existsSync(out)).toBe(true);
    expect(stdout).toContain('Đã ghi bảng tổng hợp');
  });

  test('accepts, rejects and supersedes exactly the files the samples were made to be', () => {
    expect(summary.accepted.map((a) => a.file).sort()).toEqual(byStatus('accepted').map((f) => f.file).sort());
    expect(summary.rejected.map((r) => r.file).sort()).toEqual(byStatus('rejected').map((f) => f.file).sort());
    expect(summary.superseded.map((s) => [s.file, s.by])).toEqual(byStatus('superseded').map((f) => [f.file, f.supersededBy]));
    for (const r of summary.rejected) {
      expect(r.issues.length).toBeGreaterThan(0);
      for (const i of r.issues.filter((x) => x.severity === 'error')) expect(i.cell).toMatch(/^[A-Z]+\d+$/);
    }
  });

  test("every accepted unit's figures are the ones typed into its form", () => {
    for (const want of byStatus('accepted')) {
      const got = summary.accepted.find((a) => a.file === want.file)!;
      expect({ file: got.file, unit: got.unit.normalize('NFC'), group: got.group, rows: got.rows, p: got.participants, t: got.totalFunding, b: got.budget, o: got.otherFunding }).toEqual({
        file: want.file, unit: want.unit.normalize('NFC'), group: want.group ?? 'V', rows: want.rows, p: want.participants, t: want.totalFunding, b: want.budget, o: want.otherFunding,
      });
    }
  });

  test("last year's form is flagged at the cell that gives its year, even without --year", () => {
    const w = summary.warnings.filter((x) => /năm 2024/.test(x.message));
    expect(w.map((x) => [x.file, x.cell])).toEqual([['Quy BTTE.ods', 'A5']]);
  });

  test('totals and coverage add up', () => {
    const acc = byStatus('accepted');
    expect(summary.totals).toEqual({ participants: sum(acc, 'participants'), totalFunding: sum(acc, 'totalFunding'), budget: sum(acc, 'budget'), otherFunding: sum(acc, 'otherFunding') });
    expect(summary.totals.totalFunding).toBe(summary.totals.budget + summary.totals.otherFunding);
    expect(summary.coverage.expected).toBe(expected.coverage.expected);
    expect([...summary.coverage.missing].sort()).toEqual([...expected.coverage.missing].sort());
  });

  describe('the summary workbook recalculated by LibreOffice', () => {
    let grid: LoCell[][];
    let coverage: LoCell[][];
    const find = (text: string) => grid.findIndex((row) => row.some((c) => cellText(c).trim() === text));
    const fundingTotal = (g: LoCell[][]) => {
      const r = g.findIndex((row) => cellText(row[0]).trim() === 'Tổng cộng');
      return [3, 4, 5].map((c) => cellNumber(g[r][c]));
    };

    beforeAll(async () => {
      const res = await runLibreOffice(out, [{ op: 'readUsed', sheet: 0 }, { op: 'readUsed', sheet: 1 }]);
      grid = (res.reads[0] as RangeRead).cells;
      coverage = (res.reads[1] as RangeRead).cells;
    });

    // Columns of the summary table: STT | Đơn vị | Số người | Tổng kinh phí | Ngân sách | Vận động | Nguồn | Ghi chú
    const figures = (row: LoCell[]) => [2, 3, 4, 5].map((c) => cellNumber(row[c]));

    test('"Tổng cộng" is a live formula equal to the merged totals', () => {
      const r = find('Tổng cộng');
      expect(r).toBeGreaterThan(0);
      expect(grid[r].slice(2, 6).every((c) => c.type === 'formula')).toBe(true);
      const t = summary.totals;
      expect(figures(grid[r])).toEqual([t.participants, t.totalFunding, t.budget, t.otherFunding]);
    });

    test('each group row carries the subtotal of its units', () => {
      for (const g of GROUPS) {
        const r = grid.findIndex((row) => cellText(row[0]).trim() === g.id && cellText(row[1]).trim() !== '');
        if (r < 0) continue;
        const units = summary.accepted.filter((a) => a.group === g.id);
        const want = [
          units.reduce((n, u) => n + u.participants, 0),
          units.reduce((n, u) => n + u.totalFunding, 0),
          units.reduce((n, u) => n + u.budget, 0),
          units.reduce((n, u) => n + u.otherFunding, 0),
        ];
        expect({ group: g.id, figures: figures(grid[r]) }).toEqual({ group: g.id, figures: want });
      }
    });

    test('a late unit inserted at the end of a group or just above "Tổng cộng" is counted by the live totals', async () => {
      const rowOf = (id: string) => grid.findIndex((row) => cellText(row[0]).trim() === id && cellText(row[1]).trim() !== '') + 1;
      const groupII = rowOf('II');
      const total = find('Tổng cộng') + 1;
      const lastGroup = grid.slice(0, total - 1).reduce((g, row, i) => (/^(I|II|III|IV|V)$/.test(cellText(row[0]).trim()) ? i + 1 : g), 0);
      const figures0 = (r: number) => [2, 4].map((c) => cellNumber(grid[r - 1][c])!);
      // Insert just above group II (the end of group I) and just above "Tổng cộng" (the end of the last group).
      const res = await runLibreOffice(out, [
        { op: 'insertRows', sheet: 0, before: total, count: 1 },
        { op: 'setNumber', sheet: 0, cell: `C${total}`, value: 7 },
        { op: 'setNumber', sheet: 0, cell: `E${total}`, value: 70_000 },
        { op: 'insertRows', sheet: 0, before: groupII, count: 1 },
        { op: 'setNumber', sheet: 0, cell: `C${groupII}`, value: 1000 },
        { op: 'setNumber', sheet: 0, cell: `E${groupII}`, value: 5_000_000 },
        { op: 'readUsed', sheet: 0 },
        { op: 'readUsed', sheet: 1 },
      ]);
      const after = (res.reads[0] as RangeRead).cells;
      const at = (r: number) => [2, 4].map((c) => cellNumber(after[r - 1][c])!);
      const [p0, b0] = figures0(total);
      expect(at(total + 2)).toEqual([p0 + 1007, b0 + 5_070_000]);
      const [gp, gb] = figures0(rowOf('I'));
      expect(at(rowOf('I'))).toEqual([gp + 1000, gb + 5_000_000]);
      const [lp, lb] = figures0(lastGroup);
      expect(at(lastGroup + 1)).toEqual([lp + 7, lb + 70_000]);
      // The funding breakdown on the coverage sheet follows the moved "Tổng cộng" row.
      const t = summary.totals;
      const moved = [3, 4, 5].map((c) => cellNumber(after[total + 1][c]));
      expect(moved.slice(1)).toEqual([t.budget + 5_070_000, t.otherFunding]);
      expect(fundingTotal((res.reads[1] as RangeRead).cells)).toEqual(moved);
    });

    test('a unit name that starts with "=" is shown verbatim as text, never run as a formula', () => {
      // Matched to the roster's name, the unit's own spelling is kept in the notes column.
      const cells = grid.flat().filter((c) => c.type === 'text' && String(c.value).includes('=Trung tâm Công tác xã hội tỉnh'));
      expect(cells.length).toBeGreaterThan(0);
      expect(grid.flat().some((c) => c.type === 'formula' && c.formula.includes('Trung tâm'))).toBe(false);
    });

    test('shows coverage in the province’s own words and names the source file of each figure', () => {
      const text = grid.flat().map(cellText).join('\n');
      const covText = coverage.flat().map(cellText).join('\n');
      expect(covText).toMatch(new RegExp(`Đã báo cáo: ${summary.coverage.reported}/${summary.coverage.expected} đơn vị`));
      expect(text).not.toMatch(/Đã báo cáo: \d+\/\d+ đơn vị/);
      for (const a of summary.accepted) expect(text).toContain(a.file);
      for (const m of summary.coverage.missing) expect(covText).toContain(m);
      // Its funding breakdown, recalculated, is the merged totals.
      const t = summary.totals;
      expect(fundingTotal(coverage)).toEqual([t.totalFunding, t.budget, t.otherFunding]);
    });
  });
});

describe('duplicates after the files lost their dates', () => {
  // git clone, e-mail and downloads reset file times: the date each file records inside must decide.
  test('the resubmitted return still wins when every file has the same modification time', () => {
    const copy = join(dir, 'same-mtime');
    mkdirSync(copy);
    const when = new Date('2026-01-01T00:00:00Z');
    for (const f of readdirSync(join(SAMPLES, 'returns'))) {
      copyFileSync(join(SAMPLES, 'returns', f), join(copy, f));
      utimesSync(join(copy, f), when, when);
    }
    const json = join(dir, 'same-mtime.json');
    const res = cli('merge', '--out', join(dir, 'same-mtime.xlsx'), '--json', json, copy);
    const s = MergeSummarySchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect(s.superseded.map((x) => [x.file, x.by])).toEqual(byStatus('superseded').map((f) => [f.file, f.supersededBy]));
    // No roster: what was received, never "n/n", and how to add the list.
    const files = s.accepted.length + s.rejected.length + s.superseded.length;
    expect(res.stdout).toContain(`${s.accepted.length} đơn vị có số liệu hợp lệ từ ${files} tệp; ${s.rejected.length} tệp bị loại, ${s.superseded.length} tệp trùng.`);
    expect(res.stdout).toContain('--roster');
    expect(res.stdout).not.toMatch(/Đã báo cáo: \d+\/\d+/);
  });
});

describe('check and demo', () => {
  test('check exits 1 when a file has errors and names file and cell', () => {
    const res = cli('check', join(SAMPLES, 'returns'));
    expect(res.status).toBe(1);
    for (const f of byStatus('rejected')) expect(res.stdout).toContain(f.file);
    expect(res.stdout).toMatch(/!B13: Cột 2 \(Số người tham gia\): “khoảng 200”/);
  });

  test("check also reports what only shows across files: last year's form and a resent duplicate", () => {
    const res = cli('check', join(SAMPLES, 'returns'));
    expect(res.stdout).toMatch(/CẢNH BÁO {2}Quy BTTE\.ods[^\n]*\n\s+\[cảnh báo\] [^\n]*!A5: Biểu ghi năm 2024/);
    for (const f of byStatus('superseded')) expect(res.stdout).toContain(`TRÙNG  ${f.file}`);
  });

  test('check exits 0 when every file is usable', () => {
    const ok = byStatus('accepted').slice(0, 3).map((f) => join(SAMPLES, 'returns', f.file));
    expect(cli('check', ...ok).status).toBe(0);
  });

  test('check and merge explain usage errors with exit 2', () => {
    expect(cli('check').status).toBe(2);
    const noOut = cli('merge', join(SAMPLES, 'returns'));
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const missing = cli('check', join(dir, 'khong-co.xlsx'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Không tìm thấy');
  });

  test('outputs that would destroy an input or each other, or cannot be written, are refused before any work', () => {
    const good = join(SAMPLES, 'returns', byStatus('accepted')[0].file);
    const same = cli('merge', '--out', join(dir, 'a.xlsx'), '--json', join(dir, 'a.xlsx'), good);
    expect(same.status).toBe(2);
    expect(existsSync(join(dir, 'a.xlsx'))).toBe(false);
    const roster = cli('merge', '--force', '--out', join(dir, 'b.xlsx'), '--roster', join(SAMPLES, 'roster.csv'), '--json', join(SAMPLES, 'roster.csv'), good);
    expect(roster.status).toBe(2);
    expect(roster.stderr).toContain('trùng');
    const noDir = cli('merge', '--out', join(dir, 'khong-co', 'c.xlsx'), good);
    expect(noDir.status).toBe(2);
    expect(noDir.stderr).toContain('Không có thư mục');
    const halfway = cli('merge', '--out', join(dir, 'd.xlsx'), '--json', join(dir, 'khong-co', 'd.json'), good);
    expect(halfway.status).toBe(2);
    expect(existsSync(join(dir, 'd.xlsx'))).toBe(false);
    expect(cli('merge', '--out', join(dir, 'e.csv'), good).status).toBe(2);
  });

  test('the same file named twice is read once, and Excel lock files in a folder are skipped', () => {
    const folder = join(dir, 'with-lock');
    mkdirSync(folder);
    const f = byStatus('accepted')[0].file;
    copyFileSync(join(SAMPLES, 'returns', f), join(folder, f));
    writeFileSync(join(folder, `~$${f}`), 'owner lock');
    const json = join(dir, 'twice.json');
    const res = cli('merge', '--out', join(dir, 'twice.xlsx'), '--json', json, folder, join(folder, f));
    expect(res.status).toBe(0);
    const s = MergeSummarySchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    expect([s.accepted.length, s.superseded.length, s.rejected.length]).toEqual([1, 0, 0]);
  });

  test('merge exits 2 when nothing can be merged', () => {
    const bad = byStatus('rejected').map((f) => join(SAMPLES, 'returns', f.file));
    const res = cli('merge', '--out', join(dir, 'none.xlsx'), ...bad);
    expect(res.status).toBe(2);
  });

  test('npm run demo merges the bundled samples into a summary workbook', () => {
    const out = join(dir, 'demo.xlsx');
    const res = cli('demo', '--out', out);
    expect(res.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(res.stdout).toContain(out);
  });
});
