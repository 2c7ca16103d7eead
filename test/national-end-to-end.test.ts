// One level up, end to end: units of four provinces fill the real form (saved by LibreOffice as
// .xlsx/.xls/.ods), each province merges its returns with the CLI, clerks edit three of the
// summaries in LibreOffice (a corrected unit row, an inserted late unit, the checks sheet
// deleted and the file saved as .ods, a subtotal typed over), then the Ministry merges the
// summaries with the CLI. Every national figure is checked against the figures the test typed,
// the national workbook is recalculated by LibreOffice, and the Ministry's report draft
// (--report) is converted to PDF by LibreOffice and read back.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { dongInWordsCapitalised } from '../src/core/amount-words';
import { buildFormPlan, formLayout, parseFormParams } from '../src/core/form';
import { formatVnNumber } from '../src/core/numbers';
import { NationalSummary, NationalSummarySchema } from '../src/core/national';
import { UNITS_SHEET } from '../src/core/national-plan';
import { NATIONAL_PROVINCES } from '../src/core/admin/national-provinces';
import { readWorkbookBytes } from '../src/workbook/read-workbook';
import { writeWorkbook } from '../src/workbook/write-xlsx';
import { LoCell, RangeRead, cellNumber, cellText, libreOfficeProblem, runLibreOffice, runLibreOfficeJobs } from './helpers/soffice';

const problem = libreOfficeProblem();
if (problem) throw new Error(`LibreOffice is needed for this test: ${problem}`);

const ROOT = resolve(__dirname, '..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'ctxh-report.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
const YEAR = 2027;

type Row = [participants: number, budget: number, other: number];
interface UnitSpec { unit: string; rows: Row[]; ext: 'xlsx' | 'xls' | 'ods' }
interface ProvinceSpec { province: string; slug: string; units: UnitSpec[]; roster?: string[] }

/** A deterministic pseudo-random source. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const rand = rng(20270325);
const rows = (n: number): Row[] => Array.from({ length: n }, () => [1 + Math.floor(rand() * 300), Math.round(rand() * 20_000) * 1000, Math.round(rand() * 9_000) * 1000]);
const exts: UnitSpec['ext'][] = ['xlsx', 'xlsx', 'xls', 'ods'];
const units = (names: string[]): UnitSpec[] => names.map((unit, i) => ({ unit, rows: rows(1 + (i % 3)), ext: exts[i % exts.length] }));

const PROVINCES: ProvinceSpec[] = [
  {
    province: 'Lạng Sơn', slug: 'lang-son',
    units: units(['Sở Y tế', 'Sở Giáo dục và Đào tạo', 'UBND huyện Bình Gia', 'UBND huyện Chi Lăng', 'Hội Liên hiệp Phụ nữ tỉnh', 'Trung tâm Bảo trợ xã hội tỉnh']),
    roster: ['Sở Y tế,I', 'Sở Giáo dục và Đào tạo,I', 'Sở Tài chính,I', 'UBND huyện Bình Gia,II', 'UBND huyện Chi Lăng,II', 'UBND huyện Tràng Định,II', 'Hội Liên hiệp Phụ nữ tỉnh,III', 'Trung tâm Bảo trợ xã hội tỉnh,IV'],
  },
  { province: 'Cao Bằng', slug: 'cao-bang', units: units(['Sở Y tế', 'Sở Nội vụ', 'UBND huyện Hà Quảng', 'Tỉnh Đoàn Cao Bằng']) },
  { province: 'Huế', slug: 'hue', units: units(['Sở Y tế', 'UBND thành phố Huế', 'Hội Chữ thập đỏ thành phố']) },
  { province: 'Cà Mau', slug: 'ca-mau', units: units(['Sở Y tế', 'Sở Văn hóa, Thể thao và Du lịch', 'UBND huyện Năm Căn', 'Bệnh viện Đa khoa tỉnh', 'Quỹ Bảo trợ trẻ em tỉnh']) },
];

async function formBytes(province: string, unit: string, data: Row[]): Promise<Uint8Array> {
  const parsed = parseFormParams({ year: YEAR, province, body: 'Sở Y tế', plan: 'Kế hoạch số 10/KH-SYT', unit, rows: 8 });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const plan = buildFormPlan(parsed.params);
  const L = formLayout(8);
  for (const cell of plan.cells) {
    const i = cell.r - L.firstData;
    if (i < 0 || i >= data.length) continue;
    if (cell.c === 2) cell.value = data[i][0];
    if (cell.c === 4) cell.value = data[i][1];
    if (cell.c === 5) cell.value = data[i][2];
  }
  return writeWorkbook({ sheets: [plan], title: 'return' });
}

interface Expected { province: string; unit: string; participants: number; budget: number; otherFunding: number }
const expectedUnits: Expected[] = [];
const sumOf = (xs: Expected[]) => ({
  participants: xs.reduce((s, x) => s + x.participants, 0),
  totalFunding: xs.reduce((s, x) => s + x.budget + x.otherFunding, 0),
  budget: xs.reduce((s, x) => s + x.budget, 0),
  otherFunding: xs.reduce((s, x) => s + x.otherFunding, 0),
});

let dir: string;
let summaries: string;
let json: NationalSummary;
let nationalOut: string;
let reportOut: string;
const MINISTRY_PLAN = 'Kế hoạch số 15/KH-BYT ngày 20/02/2027 của Bộ Y tế';
let status: number | null;
let stdout: string;
const summaryFile: Record<string, string> = {};
let typedSubtotalCell = '';

/** Row (1-based) of the first cell in column B whose text is `text`, read from the file by the product's reader. */
function rowOf(file: string, text: string, col = 1): number {
  const raw = readWorkbookBytes(new Uint8Array(readFileSync(file)), 'x.xlsx');
  return raw.sheets[0].cells.findIndex((r) => r?.[col]?.value === text) + 1;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ctxh-national-'));
  summaries = join(dir, 'tong-hop-tinh');
  mkdirSync(summaries);
  // 1. Units fill the form; LibreOffice saves each as the unit would send it.
  const jobs = [];
  for (const p of PROVINCES) {
    mkdirSync(join(dir, 'gen', p.slug), { recursive: true });
    mkdirSync(join(dir, 'returns', p.slug), { recursive: true });
    for (const [i, u] of p.units.entries()) {
      const gen = join(dir, 'gen', p.slug, `${i}.xlsx`);
      writeFileSync(gen, await formBytes(p.province, u.unit, u.rows));
      jobs.push({ input: gen, outputs: [{ path: join(dir, 'returns', p.slug, `don-vi-${i + 1}.${u.ext}`), format: u.ext }] });
      for (const r of u.rows) expectedUnits.push({ province: p.province, unit: u.unit, participants: r[0], budget: r[1], otherFunding: r[2] });
    }
  }
  await runLibreOfficeJobs(jobs);

  // 2. Each province merges its returns.
  for (const p of PROVINCES) {
    const out = join(dir, `tong-hop-${p.slug}.xlsx`);
    const args = ['merge', '--out', out, '--province', p.province, '--year', String(YEAR), join(dir, 'returns', p.slug)];
    if (p.roster) {
      writeFileSync(join(dir, `roster-${p.slug}.csv`), ['Đơn vị,Nhóm', ...p.roster].join('\n'));
      args.push('--roster', join(dir, `roster-${p.slug}.csv`));
    }
    const res = cli(...args);
    expect(res.status).toBe(0);
    summaryFile[p.slug] = out;
  }

  // 3. Clerks edit three summaries in LibreOffice.
  const cb = summaryFile['cao-bang'];
  const cbRow = rowOf(cb, 'Sở Nội vụ');
  const cbBudget = 7_777_000;
  const hue = summaryFile.hue;
  // 2027: Huế's former city and town sit under "V. Đơn vị khác" (the district level is gone).
  const hueGroup = rowOf(hue, 'UBND các xã, phường, đặc khu') || rowOf(hue, 'Đơn vị khác');
  const ls = summaryFile['lang-son'];
  const lsGroup = rowOf(ls, 'Các sở, ban, ngành') || rowOf(ls, 'Các sở, ngành');
  typedSubtotalCell = `C${lsGroup}`;
  // Lạng Sơn had sent an earlier summary (saved first: the date the file records decides).
  await runLibreOffice(ls, [{ op: 'setNumber', sheet: 0, cell: `C${lsGroup + 1}`, value: 1 }], [{ path: join(summaries, 'tong-hop-lang-son-lan-1.xlsx'), format: 'xlsx' }]);
  await new Promise((r) => setTimeout(r, 1100));
  await runLibreOfficeJobs([
    // Cao Bằng: Sở Nội vụ's budget corrected by hand.
    { input: cb, ops: [{ op: 'setNumber', sheet: 0, cell: `E${cbRow}`, value: cbBudget }], outputs: [{ path: join(summaries, 'tong-hop-cao-bang.xlsx'), format: 'xlsx' }] },
    // Huế: a late unit added under the district group.
    {
      input: hue,
      ops: [
        { op: 'insertRows', sheet: 0, before: hueGroup + 1, count: 1 },
        { op: 'setText', sheet: 0, cell: `B${hueGroup + 1}`, value: 'UBND thị xã Hương Thủy' },
        { op: 'setNumber', sheet: 0, cell: `C${hueGroup + 1}`, value: 45 },
        { op: 'setNumber', sheet: 0, cell: `E${hueGroup + 1}`, value: 3_000_000 },
        { op: 'setNumber', sheet: 0, cell: `F${hueGroup + 1}`, value: 1_500_000 },
        { op: 'setFormula', sheet: 0, cell: `D${hueGroup + 1}`, formula: `=SUM(E${hueGroup + 1}:F${hueGroup + 1})` },
      ],
      outputs: [{ path: join(summaries, 'tong-hop-hue.xlsx'), format: 'xlsx' }],
    },
    // Cà Mau: the checks sheet deleted, saved as .ods.
    { input: summaryFile['ca-mau'], ops: [{ op: 'removeSheet', sheet: 1 }], outputs: [{ path: join(summaries, 'tong-hop-ca-mau.ods'), format: 'ods' }] },
    // Lạng Sơn: the first group's participants typed over its subtotal formula, wrongly.
    { input: ls, ops: [{ op: 'setNumber', sheet: 0, cell: typedSubtotalCell, value: 99_999 }], outputs: [{ path: join(summaries, 'tong-hop-lang-son.xlsx'), format: 'xlsx' }] },
  ]);
  const cbUnit = expectedUnits.filter((u) => u.province === 'Cao Bằng' && u.unit === 'Sở Nội vụ');
  // The summary row holds the unit's whole return: one corrected budget replaces the sum of its rows.
  cbUnit.forEach((u, i) => (u.budget = i === 0 ? cbBudget : 0));
  expectedUnits.push({ province: 'Huế', unit: 'UBND thị xã Hương Thủy', participants: 45, budget: 3_000_000, otherFunding: 1_500_000 });

  // 4. The Ministry merges the provinces' summaries, with its report draft.
  nationalOut = join(dir, 'toan-quoc.xlsx');
  reportOut = join(dir, 'bao-cao-toan-quoc.docx');
  const res = cli('merge', '--out', nationalOut, '--json', join(dir, 'toan-quoc.json'), '--year', String(YEAR), '--body', 'Bộ Y tế', '--report', reportOut, '--plan', MINISTRY_PLAN, summaries);
  status = res.status;
  stdout = res.stdout;
  if (res.stderr) console.error(res.stderr);
  json = NationalSummarySchema.parse(JSON.parse(readFileSync(join(dir, 'toan-quoc.json'), 'utf8')));
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('national merge of four provincial summaries', () => {
  test('exits 0 and says how many provinces reported', () => {
    expect(status).toBe(0);
    expect(stdout).toContain('Có 4/34 tỉnh, thành phố báo cáo.');
    expect(json.level).toBe('national');
    expect(json.coverage.provinces).toEqual({ expected: 34, reported: 4, missing: NATIONAL_PROVINCES.provinces.map((p) => p.short).filter((p) => !PROVINCES.some((x) => x.province === p)) });
  });

  test('34 provinces in the national list order; the newer Lạng Sơn summary counts, the older is superseded', () => {
    expect(json.provinces.map((p) => p.code)).toEqual(NATIONAL_PROVINCES.provinces.map((p) => p.code));
    expect(json.provinces.filter((p) => p.status === 'reported').map((p) => p.province).sort()).toEqual(PROVINCES.map((p) => p.province).sort());
    expect(json.superseded).toEqual([{ file: 'tong-hop-lang-son-lan-1.xlsx', kind: 'summary', province: 'Lạng Sơn', by: 'tong-hop-lang-son.xlsx' }]);
    expect(json.provinces.find((p) => p.province === 'Cà Mau')!.files).toEqual(['tong-hop-ca-mau.ods']);
  });

  test('national and per-province totals equal the figures the units typed (with the clerks’ corrections)', () => {
    expect(json.totals).toEqual(sumOf(expectedUnits));
    for (const p of PROVINCES) {
      const got = json.provinces.find((x) => x.province === p.province)!;
      expect({ p: p.province, ...pick(got) }).toEqual({ p: p.province, ...sumOf(expectedUnits.filter((u) => u.province === p.province)) });
    }
  });

  test('every unit of every province is listed with its figures and where they came from', () => {
    const byUnit = new Map<string, Expected[]>();
    for (const u of expectedUnits) byUnit.set(`${u.province}|${u.unit}`, [...(byUnit.get(`${u.province}|${u.unit}`) ?? []), u]);
    expect(json.units.length).toBe(byUnit.size);
    for (const [key, list] of byUnit) {
      const [province, unit] = key.split('|');
      const got = json.units.find((u) => u.province === province && u.unit === unit);
      expect({ key, ...pick(got!) }).toEqual({ key, ...sumOf(list) });
      expect(got!.summaryFile).toMatch(/^tong-hop-/);
      expect(got!.summaryRow).toBeGreaterThan(8);
    }
    expect(json.units.find((u) => u.unit === 'UBND thị xã Hương Thủy')!.sourceFile).toBeNull();
    expect(json.units.find((u) => u.province === 'Cao Bằng' && u.unit === 'Sở Y tế')!.sourceFile).toMatch(/^don-vi-\d\.(xlsx|xls|ods)$/);
  });

  test('coverage and warnings: the roster province gives x/y, the typed subtotal and the inserted row are flagged at their cells', () => {
    const ls = json.provinces.find((p) => p.province === 'Lạng Sơn')!;
    expect([ls.unitsReported, ls.unitsExpected]).toEqual([6, 8]);
    expect(json.provinces.find((p) => p.province === 'Huế')!.unitsReported).toBe(4);
    const w = (code: string) => json.warnings.filter((x) => x.code === code).map((x) => [x.file, x.cell]);
    expect(w('summary.subtotalDisagrees')).toEqual([['tong-hop-lang-son.xlsx', typedSubtotalCell]]);
    expect(w('summary.coverageStale').map(([f]) => f)).toEqual(['tong-hop-hue.xlsx']);
    // A correction LibreOffice recalculated is not a warning.
    expect(json.warnings.filter((x) => x.file === 'tong-hop-cao-bang.xlsx')).toEqual([]);
  });

  describe('the national workbook recalculated by LibreOffice', () => {
    let grid: LoCell[][];
    let unitsGrid: LoCell[][];
    let coverageGrid: LoCell[][];
    beforeAll(async () => {
      const res = await runLibreOffice(nationalOut, [{ op: 'readUsed', sheet: 0 }, { op: 'readUsed', sheet: UNITS_SHEET.vi }, { op: 'readUsed', sheet: 'Tình hình báo cáo' }]);
      grid = (res.reads[0] as RangeRead).cells;
      unitsGrid = (res.reads[1] as RangeRead).cells;
      coverageGrid = (res.reads[2] as RangeRead).cells;
    });

    test('the table ends at “Tổng cộng”; coverage and the signature are on their own sheet, away from the repeated header', () => {
      const total = grid.findIndex((r) => cellText(r[0]) === 'Tổng cộng');
      expect(grid.slice(total + 1).flat().map(cellText).filter((x) => x.trim())).toEqual([]);
      const lines = coverageGrid.flat().map(cellText);
      expect(lines).toContain('Có 4/34 tỉnh, thành phố báo cáo.');
      expect(lines.some((x) => x.startsWith('Hà Nội, ngày'))).toBe(true);
      expect(lines).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    });
    // STT | Tỉnh | Đã báo cáo | Phải báo cáo | Số người | Tổng kinh phí | Ngân sách | Vận động | …
    const figures = (row: LoCell[]) => [4, 5, 6, 7].map((c) => cellNumber(row[c]));

    test('each province row is the live sum of its units, missing provinces say “Chưa báo cáo”', () => {
      for (const p of NATIONAL_PROVINCES.provinces) {
        const row = grid.find((r) => cellText(r[1]) === p.name)!;
        const spec = PROVINCES.find((x) => x.province === p.short);
        if (!spec) {
          expect(cellText(row[11])).toBe('Chưa báo cáo');
          continue;
        }
        const t = sumOf(expectedUnits.filter((u) => u.province === p.short));
        expect({ p: p.short, f: figures(row) }).toEqual({ p: p.short, f: [t.participants, t.totalFunding, t.budget, t.otherFunding] });
      }
    });

    test('“Tổng cộng” is a live formula equal to the unit-level figures', () => {
      const row = grid.find((r) => cellText(r[0]) === 'Tổng cộng')!;
      expect(row.slice(4, 8).every((c) => c.type === 'formula')).toBe(true);
      const t = sumOf(expectedUnits);
      expect(figures(row)).toEqual([t.participants, t.totalFunding, t.budget, t.otherFunding]);
    });

    test('a correction typed into the units sheet flows up to the province and the national total', async () => {
      const r = unitsGrid.findIndex((row) => cellText(row[1]) === 'Tỉnh Cà Mau') + 1;
      const before = cellNumber(unitsGrid[r - 1][6])!;
      const res = await runLibreOffice(nationalOut, [{ op: 'setNumber', sheet: UNITS_SHEET.vi, cell: `G${r}`, value: before + 1_000_000 }, { op: 'readUsed', sheet: 0 }]);
      const after = (res.reads[0] as RangeRead).cells;
      const total = after.find((x) => cellText(x[0]) === 'Tổng cộng')!;
      expect(cellNumber(total[6])).toBe(sumOf(expectedUnits).budget + 1_000_000);
      expect(cellNumber(after.find((x) => cellText(x[1]) === 'Tỉnh Cà Mau')![5])).toBe(sumOf(expectedUnits.filter((u) => u.province === 'Cà Mau')).totalFunding + 1_000_000);
    });

    test('the units sheet names each unit with its province', () => {
      const listed = unitsGrid.filter((r) => Number.isInteger(cellNumber(r[0]))).map((r) => `${cellText(r[3])}, ${cellText(r[1])}`);
      expect(listed).toContain('UBND thị xã Hương Thủy, Thành phố Huế');
      expect(listed).toContain('Sở Nội vụ, Tỉnh Cao Bằng');
      expect(listed.length).toBe(json.units.length);
    });
  });
});

describe('the national report draft (--report), through LibreOffice to PDF', () => {
  /** The text in reading order (page numbers left out: a sentence may run over a page) … */
  let text: string;
  /** … and the lines as laid out, spaces collapsed: one table row per line. */
  let lines: string[];
  let pdf: string;
  beforeAll(() => {
    const out = join(dir, 'pdf');
    const res = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'docx-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, reportOut], { encoding: 'utf8', timeout: 120_000 });
    pdf = join(out, 'bao-cao-toan-quoc.pdf');
    if (res.status !== 0 || !existsSync(pdf)) throw new Error(`LibreOffice did not convert the report (is libreoffice-writer-nogui installed?): ${res.stderr}`);
    const pdfText = (...args: string[]) => spawnSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8' }).stdout;
    text = pdfText().split('\n').filter((l) => !/^\s*\d+\s*$/.test(l)).join(' ').replace(/\s+/g, ' ');
    lines = pdfText('-layout').split('\n').map((l) => l.trim().replace(/\s+/g, ' '));
    // CTXH_KEEP_DOCX=1: the draft, its PDF and its pages as PNG are kept (the rest of the folder is removed).
    if (process.env.CTXH_KEEP_DOCX) {
      const keep = mkdtempSync(join(tmpdir(), 'ctxh-national-docx-'));
      for (const f of [reportOut, pdf]) writeFileSync(join(keep, basename(f)), readFileSync(f));
      spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(keep, 'page')]);
      console.log(keep);
    }
  }, 180_000);
  const reported = () => NATIONAL_PROVINCES.provinces.filter((p) => PROVINCES.some((x) => x.province === p.short));
  const fmt = formatVnNumber;

  test('the CLI says it wrote it; the Ministry’s header, without a provincial superior', () => {
    expect(stdout).toContain(`Đã ghi dự thảo báo cáo: ${reportOut}`);
    // Nothing above the Ministry's name: it stands level with the motto.
    expect(text).toMatch(/^\s*BỘ Y TẾ Số: ……\/BC-BYT CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(lines.find((l) => l))!.toBe('BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).not.toContain('UBND');
    expect(text).toContain('Số: ……/BC-BYT');
    expect(text).toContain(`Hà Nội, ngày …… tháng …… năm ${YEAR}`);
    expect(text).toContain(`Ngày Công tác xã hội Việt Nam năm ${YEAR} (lần thứ ${YEAR - 2016}) trên phạm vi toàn quốc`);
    expect(text).toContain(`Thực hiện ${MINISTRY_PLAN} về tổ chức`);
  });

  test('how many provinces reported, by name, and the units they count', () => {
    expect(text).toContain(`Có ${PROVINCES.length}/34 tỉnh, thành phố đã gửi báo cáo kết quả tổ chức các hoạt động kỷ niệm Ngày Công tác xã hội Việt Nam (${reported().map((p) => p.short).join(', ')}).`);
    // Only Lạng Sơn merged with a roster: its 6/8, the others' units counted.
    const units = new Set(expectedUnits.map((u) => `${u.province}|${u.unit}`)).size;
    const ls = PROVINCES[0];
    expect(text).toContain(`Số đơn vị đã báo cáo ở các tỉnh, thành phố: ${units} đơn vị; trong đó 1 tỉnh, thành phố có danh sách đơn vị phải báo cáo (Lạng Sơn): ${ls.units.length}/${ls.roster!.length} đơn vị đã báo cáo.`);
    const missing = NATIONAL_PROVINCES.provinces.filter((p) => !PROVINCES.some((x) => x.province === p.short)).map((p) => p.short);
    expect(text).toContain(`Còn ${missing.length}/34 tỉnh, thành phố chưa gửi báo cáo: ${missing.join(', ')}.`);
  });

  test('the national totals in figures and in words, with the budget and mobilised shares, from the units’ own figures', () => {
    const t = sumOf(expectedUnits);
    const share = (x: number) => `${((100 * x) / t.totalFunding).toFixed(1).replace('.', ',')}%`;
    expect(text).toContain(`Tổng số người tham gia các hoạt động: ${fmt(t.participants)} người.`);
    expect(text).toContain(`Tổng kinh phí thực hiện: ${fmt(t.totalFunding)} đồng (${dongInWordsCapitalised(t.totalFunding)}), trong đó: ngân sách của cơ quan, đơn vị ${fmt(t.budget)} đồng (chiếm ${share(t.budget)}); vận động khác ${fmt(t.otherFunding)} đồng (chiếm ${share(t.otherFunding)}).`);
  });

  test('what only a person can write, and what the summaries do not carry, are marked placeholders; then recipients and signature', () => {
    expect(text.match(/\[Phần này do cán bộ soạn báo cáo viết/g)).toHaveLength(5);
    expect(text).toContain('[Bảng tổng hợp của các tỉnh, thành phố không có phần hình thức tổ chức');
    expect(text).toContain('[Bảng tổng hợp của các tỉnh, thành phố không ghi số đơn vị báo cáo đúng hạn');
    expect(text).toContain('Bộ Y tế báo cáo Thủ tướng Chính phủ./.');
    expect(text).toContain('Nơi nhận: - Thủ tướng Chính phủ (b/c); - Lãnh đạo Bộ; - Sở Y tế các tỉnh, thành phố;');
    expect(text).toContain('BỘ TRƯỞNG');
  });

  test('the appendix lists the 34 provinces with their figures and units; the total row adds them up', () => {
    expect(text).toContain('BẢNG TỔNG HỢP KẾT QUẢ CÁC TỈNH, THÀNH PHỐ');
    expect(text).toContain(`(Kèm theo Báo cáo số ……/BC-BYT ngày …… tháng …… năm ${YEAR} của Bộ Y tế)`);
    for (const p of reported()) {
      const t = sumOf(expectedUnits.filter((u) => u.province === p.short));
      const i = NATIONAL_PROVINCES.provinces.indexOf(p) + 1;
      const spec = PROVINCES.find((x) => x.province === p.short)!;
      const units = new Set(expectedUnits.filter((u) => u.province === p.short).map((u) => u.unit)).size;
      expect(lines).toContain(`${i} ${p.name} ${fmt(t.participants)} ${fmt(t.totalFunding)} ${fmt(t.budget)} ${fmt(t.otherFunding)} ${spec.roster ? `${units}/${spec.roster.length}` : units}`);
    }
    const missing = NATIONAL_PROVINCES.provinces.filter((p) => !PROVINCES.some((x) => x.province === p.short));
    expect(lines.filter((l) => l.endsWith(' Chưa báo cáo'))).toEqual(missing.map((p) => `${NATIONAL_PROVINCES.provinces.indexOf(p) + 1} ${p.name} Chưa báo cáo`));
    const t = sumOf(expectedUnits);
    const units = new Set(expectedUnits.map((u) => `${u.province}|${u.unit}`)).size;
    expect(lines).toContain(`Tổng cộng ${fmt(t.participants)} ${fmt(t.totalFunding)} ${fmt(t.budget)} ${fmt(t.otherFunding)} ${units}`);
    expect(text).toContain(`${PROVINCES.length}/34 tỉnh, thành phố`);
  });
});

describe('check', () => {
  test('checks provincial summaries as the national merge reads them, warnings at their cells', () => {
    const res = cli('check', summaries);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('OK  tong-hop-cao-bang.xlsx  —  Tỉnh Cao Bằng');
    expect(res.stdout).toMatch(new RegExp(`tong-hop-lang-son\\.xlsx  —  Tỉnh Lạng Sơn\\n\\s+\\[cảnh báo\\] [^\\n]*!${typedSubtotalCell}: Dòng nhóm`));
  });
});

describe('mixed inputs', () => {
  test('summaries and unit returns together are refused, naming both kinds', () => {
    const res = cli('merge', '--out', join(dir, 'mixed.xlsx'), join(summaries, 'tong-hop-cao-bang.xlsx'), join(dir, 'returns', 'lang-son'));
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('tong-hop-cao-bang.xlsx');
    expect(res.stderr).toContain('don-vi-1.xlsx');
    expect(res.stderr).toContain('--mixed');
  });

  test('with --mixed, unit returns count under their own province and never twice with the summary holding them', () => {
    const out = join(dir, 'mixed.json');
    const res = cli('merge', '--mixed', '--out', join(dir, 'mixed.xlsx'), '--json', out, '--year', String(YEAR), '--deadline', '10/4/2027', join(summaries, 'tong-hop-lang-son.xlsx'), join(dir, 'returns', 'lang-son'), join(dir, 'returns', 'cao-bang'));
    expect(res.status).toBe(0);
    // An option that has no meaning one level up is said to be unused, not silently dropped.
    expect(res.stderr).toContain('Không dùng --deadline khi tổng hợp các bảng tổng hợp của tỉnh');
    const m = NationalSummarySchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    const lsUnits = PROVINCES[0].units.length;
    expect(m.contained).toHaveLength(lsUnits);
    // Cao Bằng's returns were never corrected: their own figures count.
    const original = PROVINCES[1].units.flatMap((u) => u.rows.map((r) => ({ province: 'Cao Bằng', unit: u.unit, participants: r[0], budget: r[1], otherFunding: r[2] })));
    expect(pick(m.provinces.find((p) => p.province === 'Cao Bằng')!)).toEqual(sumOf(original));
    expect(pick(m.provinces.find((p) => p.province === 'Lạng Sơn')!)).toEqual(sumOf(expectedUnits.filter((u) => u.province === 'Lạng Sơn')));
    expect(m.coverage.provinces.reported).toBe(2);
  });
});

function pick(x: { participants: number; totalFunding: number; budget: number; otherFunding: number }) {
  return { participants: x.participants, totalFunding: x.totalFunding, budget: x.budget, otherFunding: x.otherFunding };
}
