// Returned files made by a real other program, made afresh in this run: scripts/make-samples.ts drives
// LibreOffice to fill the standard form the way clerks do (numbers, numbers typed as text, formulas,
// rows inserted above "Tổng", an extra empty row, a renamed sheet, the form on a second sheet or
// copied to a new one, a unit name starting with "=", last year's form) and saves each return as
// .xlsx, .xls or .ods. The CLI then merges them, and its figures are checked against the figures
// the script computed from what it typed — never against what the program itself read. The written
// summary is recalculated in LibreOffice to check its formula totals the same way.
// Also: the committed samples/ must be exactly what the script makes, so the demo cannot drift.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { makeSamples, SamplesExpected } from '../scripts/make-samples';
import { MergeSummary, MergeSummarySchema } from '../src/core/returns';
import { GROUPS } from '../src/core/vocabulary';
import { sniffBytes } from '../src/workbook/read-workbook';
import { LoCell, RangeRead, cellNumber, cellText, libreOfficeProblem, runLibreOffice } from './helpers/soffice';

const problem = libreOfficeProblem();
if (problem) throw new Error(`LibreOffice is needed for this test: ${problem}`);

const ROOT = resolve(__dirname, '..');
const SAMPLES = join(ROOT, 'samples');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'ctxh-report.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

type Figure = 'participants' | 'totalFunding' | 'budget' | 'otherFunding';
const FIGURES: Figure[] = ['participants', 'totalFunding', 'budget', 'otherFunding'];
type ExpectedFile = SamplesExpected['files'][number];

let dir: string;
/** What makeSamples computed from the figures it typed (the test's own figures, not the reader's). */
let want: SamplesExpected;
let summary: MergeSummary;
let mergeStatus: number | null;
let mergeStdout: string;
const times: Record<string, number> = {};

const byStatus = (s: ExpectedFile['status']) => want.files.filter((f) => f.status === s);
/** A figure of a file as the script computed it: a sum of the rows it typed. */
const figure = (f: ExpectedFile, k: Figure): number => {
  const v = (f as Partial<Record<Figure, number>>)[k];
  if (typeof v !== 'number') throw new Error(`expected.json has no ${k} for ${f.file}`);
  return v;
};
const sumOf = (files: ExpectedFile[], k: Figure) => files.reduce((n, f) => n + figure(f, k), 0);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ctxh-regen-'));
  let t = Date.now();
  want = await makeSamples(dir, { timeoutMs: 180_000 });
  times.makeSamples = Date.now() - t;
  t = Date.now();
  const res = cli('merge', '--out', join(dir, 'tong-hop.xlsx'), '--roster', join(dir, 'roster.csv'), '--json', join(dir, 'tong-hop.json'), join(dir, 'returns'));
  times.merge = Date.now() - t;
  mergeStatus = res.status;
  mergeStdout = res.stdout;
  if (res.stderr) console.error(res.stderr);
  summary = MergeSummarySchema.parse(JSON.parse(readFileSync(join(dir, 'tong-hop.json'), 'utf8')));
}, 240_000);

afterAll(() => {
  if (process.env.SHOW_TIMES) console.log(`make-samples (LibreOffice) ${times.makeSamples} ms, merge CLI ${times.merge} ms, summary recalculated in LibreOffice ${times.recalc} ms`);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the returns LibreOffice made in this run', () => {
  test('every return exists, in the format its name says (sniffed from the bytes)', () => {
    const made = readdirSync(join(dir, 'returns')).sort();
    expect(made).toEqual(want.files.map((f) => f.file).sort());
    expect(new Set(want.files.map((f) => f.file.split('.').pop()))).toEqual(new Set(['xlsx', 'xls', 'ods']));
    for (const f of want.files) {
      const bytes = new Uint8Array(readFileSync(join(dir, 'returns', f.file)));
      const ext = f.file.split('.').pop();
      if (ext === 'xls') {
        expect({ file: f.file, kind: sniffBytes(bytes) }).toEqual({ file: f.file, kind: 'ole' });
        continue;
      }
      expect({ file: f.file, kind: sniffBytes(bytes) }).toEqual({ file: f.file, kind: 'zip' });
      const parts = unzipSync(bytes);
      if (ext === 'ods') expect(new TextDecoder().decode(parts.mimetype)).toBe('application/vnd.oasis.opendocument.spreadsheet');
      else expect(Object.keys(parts)).toContain('xl/workbook.xml');
    }
  });
});

describe('merge of the freshly made returns', () => {
  test('exits 1 (some returns are wrong on purpose) and still writes the summary', () => {
    expect(mergeStatus).toBe(1);
    expect(existsSync(join(dir, 'tong-hop.xlsx'))).toBe(true);
    expect(mergeStdout).toContain('Đã ghi bảng tổng hợp');
  });

  test('accepts, rejects and supersedes exactly the files the script made to be so', () => {
    expect(summary.accepted.map((a) => a.file).sort()).toEqual(byStatus('accepted').map((f) => f.file).sort());
    expect(summary.rejected.map((r) => r.file).sort()).toEqual(byStatus('rejected').map((f) => f.file).sort());
    expect(summary.superseded.map((s) => [s.file, s.by])).toEqual(byStatus('superseded').map((f) => [f.file, f.supersededBy]));
  });

  test("each accepted unit's figures are the sums of the rows typed into its form", () => {
    for (const w of byStatus('accepted')) {
      const got = summary.accepted.find((a) => a.file === w.file);
      expect(got).toBeDefined();
      expect({
        file: got!.file, unit: got!.unit.normalize('NFC'), group: got!.group, rows: got!.rows,
        participants: got!.participants, totalFunding: got!.totalFunding, budget: got!.budget, otherFunding: got!.otherFunding,
      }).toEqual({
        file: w.file, unit: w.unit.normalize('NFC'), group: w.group ?? 'V', rows: w.rows,
        participants: figure(w, 'participants'), totalFunding: figure(w, 'budget') + figure(w, 'otherFunding'), budget: figure(w, 'budget'), otherFunding: figure(w, 'otherFunding'),
      });
    }
  });

  test('the totals are the sums over the accepted files only, computed here', () => {
    const acc = byStatus('accepted');
    const mine = Object.fromEntries(FIGURES.map((k) => [k, sumOf(acc, k)]));
    expect(summary.totals).toEqual(mine);
    expect(want.totals).toEqual(mine);
    // The rejected and superseded files' figures are left out, not half-added.
    expect(summary.totals.participants).toBeLessThan(sumOf([...acc, ...byStatus('superseded')], 'participants'));
  });

  test('coverage: expected units from the roster, the ones not reported listed', () => {
    expect(summary.coverage.expected).toBe(want.coverage.expected);
    expect([...summary.coverage.missing].sort()).toEqual([...want.coverage.missing].sort());
  });

  test('each deliberate error is reported at the cell where it was typed', () => {
    for (const w of byStatus('rejected')) {
      const got = summary.rejected.find((r) => r.file === w.file)!;
      for (const i of w.issues.filter((x) => x.severity === 'error')) {
        expect(got.issues.filter((x) => x.severity === 'error').map((x) => x.cell)).toContain(i.cell);
      }
      for (const i of got.issues) expect(i.message.length).toBeGreaterThan(20);
    }
  });

  test('each deliberate warning is reported (numbers typed as text at their cells; last year’s form)', () => {
    for (const w of byStatus('accepted')) {
      const mine = summary.warnings.filter((x) => x.file === w.file);
      for (const i of w.issues) {
        if (i.cell) expect({ file: w.file, cells: mine.map((x) => x.cell) }).toEqual({ file: w.file, cells: expect.arrayContaining([i.cell]) });
        // The "Tổng" row that only disagrees because SUM skips the numbers typed as text is
        // deliberately not warned about a second time (src/core/extract.ts, `explained`).
        else if (/năm/.test(i.what)) expect({ file: w.file, yearWarning: mine.some((x) => /2024/.test(x.message)) }).toEqual({ file: w.file, yearWarning: true });
      }
      if (!w.issues.length) expect({ file: w.file, warnings: mine }).toEqual({ file: w.file, warnings: [] });
    }
  });

  describe('the written summary, recalculated by LibreOffice', () => {
    let grid: LoCell[][];
    beforeAll(async () => {
      const t = Date.now();
      const res = await runLibreOffice(join(dir, 'tong-hop.xlsx'), [{ op: 'readUsed', sheet: 0 }]);
      times.recalc = Date.now() - t;
      grid = (res.reads[0] as RangeRead).cells;
    }, 120_000);
    // STT | Đơn vị | Số người | Tổng kinh phí | Ngân sách | Vận động | Nguồn | Ghi chú
    const figures = (row: LoCell[]) => [2, 3, 4, 5].map((c) => cellNumber(row[c]));

    test('"Tổng cộng" formulas give the totals computed here from the typed figures', () => {
      const r = grid.findIndex((row) => row.some((c) => cellText(c).trim() === 'Tổng cộng'));
      expect(r).toBeGreaterThan(0);
      expect(grid[r].slice(2, 6).every((c) => c.type === 'formula')).toBe(true);
      expect(figures(grid[r])).toEqual(FIGURES.map((k) => sumOf(byStatus('accepted'), k)));
    });

    test('each group row’s subtotal formulas give the sums of its units’ typed figures', () => {
      let seen = 0;
      for (const g of GROUPS) {
        const units = byStatus('accepted').filter((f) => (f.group ?? 'V') === g.id);
        const r = grid.findIndex((row) => cellText(row[0]).trim() === g.id && cellText(row[1]).trim() !== '');
        if (!units.length && r < 0) continue;
        expect({ group: g.id, found: r >= 0 }).toEqual({ group: g.id, found: true });
        expect({ group: g.id, figures: figures(grid[r]) }).toEqual({ group: g.id, figures: FIGURES.map((k) => sumOf(units, k)) });
        seen++;
      }
      expect(seen).toBeGreaterThanOrEqual(4);
    });

    test('each accepted unit’s row shows its typed figures, next to its source file', () => {
      for (const w of byStatus('accepted')) {
        const r = grid.findIndex((row) => cellText(row[6]).trim() === w.file);
        expect({ file: w.file, found: r >= 0 }).toEqual({ file: w.file, found: true });
        expect({ file: w.file, figures: figures(grid[r]) }).toEqual({ file: w.file, figures: FIGURES.map((k) => figure(w, k)) });
      }
    });
  });
});

describe('the committed samples are what the script makes', () => {
  // Only what does not depend on when the script ran: the figures, statuses, issues, roster, README.
  const stable = (e: SamplesExpected) => ({ campaign: e.campaign, files: e.files, totals: e.totals, coverage: e.coverage });

  test('samples/expected.json has the figures of this run', () => {
    const committed = JSON.parse(readFileSync(join(SAMPLES, 'expected.json'), 'utf8')) as SamplesExpected;
    expect(stable(committed)).toEqual(stable(want));
  });

  test('samples/roster.csv and samples/README.md are the ones the script writes', () => {
    expect(readFileSync(join(SAMPLES, 'roster.csv'), 'utf8')).toBe(readFileSync(join(dir, 'roster.csv'), 'utf8'));
    expect(readFileSync(join(SAMPLES, 'README.md'), 'utf8')).toBe(readFileSync(join(dir, 'README.md'), 'utf8'));
  });

  test('samples/returns holds the same files, and merging them gives the same result as merging this run’s', () => {
    expect(readdirSync(join(SAMPLES, 'returns')).sort()).toEqual(readdirSync(join(dir, 'returns')).sort());
    const json = join(dir, 'committed.json');
    const res = cli('merge', '--out', join(dir, 'committed.xlsx'), '--roster', join(SAMPLES, 'roster.csv'), '--json', json, join(SAMPLES, 'returns'));
    expect(res.status).toBe(1);
    const committed = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>;
    const fresh = JSON.parse(readFileSync(join(dir, 'tong-hop.json'), 'utf8')) as Record<string, unknown>;
    expect(committed).toEqual(fresh);
  });
});
