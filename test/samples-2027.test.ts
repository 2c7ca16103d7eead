// The 2027 campaign of the two-level country, end to end: the roster the `roster` command makes for Lạng Sơn,
// returns LibreOffice filled in this run (communes written every way, a pre-reform town, pre-filled forms, an
// abolished district), merged by the CLI; the summary recalculated by LibreOffice shows the commune group with
// its subtotal and "x/65". The figures checked are the ones the script typed, never what the program read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROSTER_FILE, SAMPLES_2027_DIR, makeSamples2027 } from '../scripts/make-samples-2027';
import { SamplesExpected } from '../scripts/sample-kit';
import { buildRoster } from '../src/core/units';
import { readRosterBytes } from '../src/workbook/read-roster';
import { LoCell, RangeRead, cellNumber, cellText, libreOfficeProblem, runLibreOffice } from './helpers/soffice';

const problem = libreOfficeProblem();
if (problem) throw new Error(`LibreOffice is needed for this test: ${problem}`);

const ROOT = resolve(__dirname, '..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'ctxh-report.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
type Figure = 'participants' | 'totalFunding' | 'budget' | 'otherFunding';
const FIGURES: Figure[] = ['participants', 'totalFunding', 'budget', 'otherFunding'];

let dir: string;
let want: SamplesExpected;
let json: any;
let stdout: string;
let status: number | null;
let rosterCmd: ReturnType<typeof cli>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ctxh-2027-'));
  want = await makeSamples2027(dir, { timeoutMs: 180_000 });
  rosterCmd = cli('roster', '--province', 'lang son', '--out', join(dir, 'ds.csv'));
  const res = cli('merge', '--out', join(dir, 'tong-hop.xlsx'), '--roster', join(dir, 'ds.csv'), '--json', join(dir, 'tong-hop.json'), join(dir, 'returns'));
  status = res.status;
  stdout = res.stdout;
  json = JSON.parse(readFileSync(join(dir, 'tong-hop.json'), 'utf8'));
}, 240_000);
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

const byStatus = (s: string) => want.files.filter((f) => f.status === s);
const fig = (f: SamplesExpected['files'][number], k: Figure) => (f as unknown as Record<Figure, number>)[k];
const sum = (files: SamplesExpected['files'], k: Figure) => files.reduce((n, f) => n + fig(f, k), 0);

test('the roster command writes the set’s roster: the 65 communes of Lạng Sơn in group II, and the suggestions', () => {
  expect(rosterCmd.status).toBe(0);
  expect(readFileSync(join(dir, 'ds.csv'), 'utf8')).toBe(readFileSync(join(dir, ROSTER_FILE), 'utf8'));
  const roster = buildRoster(readRosterBytes(new Uint8Array(readFileSync(join(dir, 'ds.csv'))), 'ds.csv'));
  expect(roster.problems).toEqual([]);
  expect(roster.entries.filter((e) => e.group === 'II')).toHaveLength(65);
});

test('accepts, rejects and supersedes exactly the files made to be so; every unit lands in its group', () => {
  expect(status).toBe(1);
  expect(json.accepted.map((a: any) => a.file).sort()).toEqual(byStatus('accepted').map((f) => f.file).sort());
  expect(json.rejected.map((r: any) => r.file).sort()).toEqual(byStatus('rejected').map((f) => f.file).sort());
  for (const w of byStatus('accepted')) {
    const got = json.accepted.find((a: any) => a.file === w.file);
    expect({ file: w.file, group: got.group, rosterUnit: got.rosterUnit ?? null, figures: FIGURES.map((k) => got[k]) }).toEqual({
      file: w.file, group: w.group, rosterUnit: w.rosterUnit, figures: FIGURES.map((k) => fig(w, k)),
    });
  }
});

test('the warnings the set was made to raise: a pre-reform town, a changed pre-filled name, an abolished district', () => {
  for (const w of byStatus('accepted')) {
    for (const i of w.issues.filter((x) => x.code)) {
      const codes = json.warnings.filter((x: any) => x.file === w.file).map((x: any) => x.code);
      expect({ file: w.file, codes }).toEqual({ file: w.file, codes: expect.arrayContaining([i.code]) });
    }
  }
  const district = json.warnings.find((x: any) => x.code === 'unit.districtAbolished');
  expect(district.message).toContain('1/7/2025');
  expect(json.warnings.find((x: any) => x.code === 'unit.formerCommune').message).toContain('Thị trấn Na Sầm nay thuộc Xã Na Sầm');
});

test('coverage by group, in the province’s words', () => {
  const roster = buildRoster(readRosterBytes(new Uint8Array(readFileSync(join(dir, 'ds.csv'))), 'ds.csv')).entries;
  for (const g of ['I', 'II', 'III', 'IV']) {
    const expected = roster.filter((e) => e.group === g).length;
    const reported = new Set(byStatus('accepted').filter((f) => f.group === g && f.rosterUnit).map((f) => f.rosterUnit)).size;
    expect(json.coverage.groups.find((x: any) => x.group === g)).toMatchObject({ group: g, expected, reported });
  }
  const communes = new Set(byStatus('accepted').filter((f) => f.group === 'II' && f.rosterUnit).map((f) => f.rosterUnit)).size;
  expect(stdout).toContain(`${communes}/65 xã, phường, đặc khu`);
});

describe('the summary, recalculated by LibreOffice', () => {
  let grid: LoCell[][];
  let coverage: LoCell[][];
  beforeAll(async () => {
    const res = await runLibreOffice(join(dir, 'tong-hop.xlsx'), [{ op: 'readUsed', sheet: 0 }, { op: 'readUsed', sheet: 'Tình hình báo cáo' }]);
    grid = (res.reads[0] as RangeRead).cells;
    coverage = (res.reads[1] as RangeRead).cells;
  }, 120_000);
  const figures = (row: LoCell[]) => [2, 3, 4, 5].map((c) => cellNumber(row[c]));

  test('the commune group: its heading, subtotal formulas giving the typed sums, and "x/65"', () => {
    const r = grid.findIndex((row) => cellText(row[0]).trim() === 'II' && /xã, phường, đặc khu/.test(cellText(row[1])));
    expect(r).toBeGreaterThan(0);
    const units = byStatus('accepted').filter((f) => f.group === 'II');
    expect(grid[r].slice(2, 6).every((c) => c.type === 'formula')).toBe(true);
    expect(figures(grid[r])).toEqual(FIGURES.map((k) => sum(units, k)));
    const communes = new Set(units.filter((f) => f.rosterUnit).map((f) => f.rosterUnit)).size;
    expect(grid[r].map(cellText).join(' ')).toContain(`${communes}/65`);
    expect(coverage.flat().map(cellText).join('\n')).toContain(`${communes}/65 xã, phường, đặc khu`);
  });

  test('"Tổng cộng" gives the totals of the accepted files', () => {
    const r = grid.findIndex((row) => row.some((c) => cellText(c).trim() === 'Tổng cộng'));
    expect(figures(grid[r])).toEqual(FIGURES.map((k) => sum(byStatus('accepted'), k)));
  });
});

describe('the committed samples/2027 are what the script makes', () => {
  const stable = (e: SamplesExpected) => ({ campaign: e.campaign, files: e.files, totals: e.totals, coverage: e.coverage });
  test('expected.json, the roster and the README', () => {
    expect(stable(JSON.parse(readFileSync(join(SAMPLES_2027_DIR, 'expected.json'), 'utf8')))).toEqual(stable(want));
    for (const f of [ROSTER_FILE, 'README.md']) expect(readFileSync(join(SAMPLES_2027_DIR, f), 'utf8')).toBe(readFileSync(join(dir, f), 'utf8'));
    expect(readdirSync(join(SAMPLES_2027_DIR, 'returns')).sort()).toEqual(readdirSync(join(dir, 'returns')).sort());
  });
});
