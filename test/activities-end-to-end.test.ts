// The activities block, the footer date and the deadline, end to end: LibreOffice fills the real
// form the way clerks do (ticks typed x, X, ✓, có; a bad mark; rows inserted above "Tổng" so the
// block moves; a block row moved to the end; a form without the block; the footer dated in words,
// as "12/4/2027" text, or left blank) and saves .xlsx, .xls and .ods. The CLI merges them with a
// deadline and writes the summary, the JSON and the .docx report; everything is checked against
// what this test typed, read back through LibreOffice.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ACTIVITY_TYPES } from '../src/core/activities';
import { buildFormPlan, formLayout, parseFormParams } from '../src/core/form';
import { vietnamDay } from '../src/core/report-date';
import { MergeSummary, MergeSummarySchema } from '../src/core/returns';
import { writeWorkbook } from '../src/workbook/write-xlsx';
import { GroupId, groupNumeral, groupOf, groupSetForYear } from '../src/core/vocabulary';
import { Job, Op, OutputFormat, RangeRead, cellText, libreOfficeProblem, runLibreOffice, runLibreOfficeJobs } from './helpers/soffice';

const problem = libreOfficeProblem();
if (problem) throw new Error(`LibreOffice is needed for this test: ${problem}`);

const ROOT = resolve(__dirname, '..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'ctxh-report.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

const ROWS = 5;
const CAMPAIGN = { year: 2027, province: 'Lạng Sơn', body: 'Sở Y tế', plan: 'Kế hoạch số 12/KH-SYT ngày 05/3/2027', rows: ROWS, deadline: '10/4/2027' };
const WITH = formLayout(ROWS, true);
const WITHOUT = formLayout(ROWS, false);
/** The row of a type's label on the blank form. */
const typeRow = (label: string) => WITH.activitiesTitle! + 1 + ACTIVITY_TYPES.findIndex((t) => t.label === label);

interface Return {
  file: string;
  format: OutputFormat;
  unit: string;
  block: boolean;
  ops: Op[];
  /** What the test expects the merge to read. */
  want: { activities: string[] | null; otherActivity: string | null; banners: boolean | null; reportDate: string | 'today'; source: 'footer' | 'saved'; warningCell?: string };
}

const set = (cell: string, value: string): Op => ({ op: 'setText', cell, value });
const num = (cell: string, value: number): Op => ({ op: 'setNumber', cell, value });

const returns: Return[] = [
  {
    file: 'so-y-te.xlsx', format: 'xlsx', unit: 'Sở Y tế', block: true,
    ops: [
      set('A2', 'Sở Y tế'), num(`B${WITH.firstData}`, 120), num(`D${WITH.firstData}`, 15_000_000), num(`E${WITH.firstData}`, 5_000_000),
      set(`E${typeRow('Tọa đàm')}`, 'x'), set(`E${typeRow('Gặp mặt')}`, 'X'), set(`E${typeRow('Kết hợp treo băng rôn, khẩu hiệu')}`, 'x'),
      set(`C${WITH.place}`, 'Lạng Sơn, ngày 28 tháng 3 năm 2027'),
    ],
    want: { activities: ['Tọa đàm', 'Gặp mặt'], otherActivity: null, banners: true, reportDate: '2027-03-28', source: 'footer' },
  },
  {
    // Two rows inserted above "Tổng": the block and the footer move down by two.
    file: 'xa-binh-gia.xls', format: 'xls', unit: 'UBND xã Bình Gia', block: true,
    ops: [
      set('A2', 'UBND xã Bình Gia'),
      { op: 'insertRows', before: WITH.total, count: 2 },
      num(`B${WITH.total}`, 200), num(`D${WITH.total}`, 100_000_000), num(`E${WITH.total}`, 56_500_000),
      set(`E${typeRow('Thể dục, thể thao') + 2}`, '✓'), set(`E${typeRow('Tuyên truyền trên trang thông tin điện tử') + 2}`, 'có'),
      set(`C${typeRow('Khác (ghi rõ)') + 2}`, 'Thăm hỏi, tặng quà người cao tuổi'),
      set(`C${WITH.place + 2}`, '12/4/2027'),
    ],
    want: { activities: ['Thể dục, thể thao', 'Tuyên truyền trên trang thông tin điện tử'], otherActivity: 'Thăm hỏi, tặng quà người cao tuổi', banners: false, reportDate: '2027-04-12', source: 'footer' },
  },
  {
    // "Tọa đàm" moved to the end of the block (deleted, then typed again in a row inserted there); a mark that is not an x; no date written.
    file: 'hoi-phu-nu.ods', format: 'ods', unit: 'Hội Liên hiệp Phụ nữ tỉnh', block: true,
    ops: [
      set('A2', 'Hội Liên hiệp Phụ nữ tỉnh'), num(`B${WITH.firstData}`, 60),
      { op: 'deleteRows', at: typeRow('Tọa đàm'), count: 1 },
      { op: 'insertRows', before: typeRow('Khác (ghi rõ)') - 1, count: 1 },
      set(`A${typeRow('Khác (ghi rõ)') - 1}`, 'Tọa đàm'), set(`E${typeRow('Khác (ghi rõ)') - 1}`, 'x'),
      set(`E${typeRow('Hội thảo, tham luận') - 1}`, 'đã làm'),
    ],
    want: { activities: ['Tọa đàm'], otherActivity: null, banners: false, reportDate: 'today', source: 'saved', warningCell: `E${typeRow('Hội thảo, tham luận') - 1}` },
  },
  {
    file: 'trung-tam-btxh.xlsx', format: 'xlsx', unit: 'Trung tâm Bảo trợ xã hội tỉnh', block: false,
    ops: [set('A2', 'Trung tâm Bảo trợ xã hội tỉnh'), num(`B${WITHOUT.firstData}`, 35), num(`D${WITHOUT.firstData}`, 2_000_000), set(`C${WITHOUT.place}`, 'Lạng Sơn, ngày 05 tháng 4 năm 2027')],
    want: { activities: null, otherActivity: null, banners: null, reportDate: '2027-04-05', source: 'footer' },
  },
];
const ROSTER = ['Đơn vị,Nhóm', 'Sở Y tế,I', 'Sở Giáo dục và Đào tạo,I', 'UBND xã Bình Gia,II', 'Hội Liên hiệp Phụ nữ tỉnh,III', 'Trung tâm Bảo trợ xã hội tỉnh,IV'].join('\n') + '\n';

let dir: string;
let summary: MergeSummary;
/** The JSON as written (the schema parse keeps only the documented fields). */
let rawJson: { warnings: { file: string; cell?: string; code: string }[] };
let today: string[];
let results: RangeRead;
let docText: string;
let mergeOut: string;
let coverageTexts: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ctxh-act-'));
  for (const block of [true, false]) {
    const p = parseFormParams({ ...CAMPAIGN, activities: block });
    if (!p.ok) throw new Error(JSON.stringify(p.problems));
    writeFileSync(join(dir, block ? 'form.xlsx' : 'form-old.xlsx'), await writeWorkbook({ sheets: [buildFormPlan(p.params)], title: 'form' }));
  }
  const before = vietnamDay(Date.now());
  const jobs: Job[] = returns.map((r) => ({ input: join(dir, r.block ? 'form.xlsx' : 'form-old.xlsx'), ops: [{ op: 'unprotect' }, ...r.ops], outputs: [{ path: join(dir, 'returns', r.file), format: r.format }] }));
  execFileSync('mkdir', ['-p', join(dir, 'returns')]);
  await runLibreOfficeJobs(jobs, { timeoutMs: 180_000 });
  today = [before, vietnamDay(Date.now())];
  writeFileSync(join(dir, 'roster.csv'), ROSTER);

  const res = cli('merge', '--out', join(dir, 'tong-hop.xlsx'), '--roster', join(dir, 'roster.csv'), '--json', join(dir, 'tong-hop.json'), '--report', join(dir, 'bao-cao.docx'),
    '--deadline', '10/4/2027', '--year', '2027', '--province', 'Lạng Sơn', '--body', 'Sở Y tế', '--plan', 'Kế hoạch số 12/KH-SYT ngày 05/3/2027 của Sở Y tế', join(dir, 'returns'));
  mergeOut = res.stdout + res.stderr;
  rawJson = JSON.parse(readFileSync(join(dir, 'tong-hop.json'), 'utf8'));
  summary = MergeSummarySchema.parse(rawJson);
  const read = await runLibreOffice(join(dir, 'tong-hop.xlsx'), [{ op: 'readUsed', sheet: 'Kết quả tổ chức' }, { op: 'readUsed', sheet: 'Tình hình báo cáo' }]);
  results = read.reads[0] as RangeRead;
  coverageTexts = (read.reads[1] as RangeRead).cells.flat().map(cellText);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bao-cao.docx')], { stdio: 'ignore', timeout: 120_000 });
  docText = execFileSync('pdftotext', [join(dir, 'bao-cao.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}, 400_000);

afterAll(() => (process.env.CTXH_KEEP ? console.log(dir) : rmSync(dir, { recursive: true, force: true })));

const accepted = (file: string) => summary.accepted.find((a) => a.file === file)!;
const daysLate = (date: string) => Math.round((Date.parse(date) - Date.parse('2027-04-10')) / 86_400_000);

describe('activities and report dates from real returns', () => {
  it('merges every return', () => {
    expect(summary.accepted.map((a) => a.file).sort()).toEqual(returns.map((r) => r.file).sort());
    expect(summary.rejected).toEqual([]);
  });

  it.each(returns.map((r) => [r.file, r] as const))('%s: the ticks, banners, free text and report date as typed', (file, r) => {
    const a = accepted(file);
    expect({ activities: a.activities, otherActivity: a.otherActivity, banners: a.banners, reportDateSource: a.reportDateSource }).toEqual({
      activities: r.want.activities, otherActivity: r.want.otherActivity, banners: r.want.banners, reportDateSource: r.want.source,
    });
    if (r.want.reportDate === 'today') expect(today).toContain(a.reportDate);
    else expect(a.reportDate).toBe(r.want.reportDate);
    const date = r.want.reportDate === 'today' ? a.reportDate! : r.want.reportDate;
    expect(a.onTime).toBe(daysLate(date) <= 0);
  });

  it('warns at the cell where a tick is not an x', () => {
    const r = returns.find((x) => x.want.warningCell)!;
    const w = rawJson.warnings.filter((x) => x.file === r.file && x.code === 'activity.tickUnclear');
    expect(w.map((x) => x.cell)).toEqual([r.want.warningCell]);
  });

  it('counts on-time and late units against the deadline', () => {
    const late = returns.filter((r) => r.want.reportDate !== 'today' && daysLate(r.want.reportDate) > 0);
    expect(summary.coverage).toMatchObject({ expected: 5, reported: 4, onTime: returns.length - late.length, late: late.length });
    expect(mergeOut).toContain(`Đúng hạn: ${returns.length - late.length}/${returns.length} đơn vị đã báo cáo. Muộn: UBND xã Bình Gia (+2)`);
    // The coverage sheet says the same.
    expect(coverageTexts).toContain(`Đúng hạn: ${returns.length - late.length}/${returns.length} đơn vị đã báo cáo (hạn gửi báo cáo: trước ngày 10/4/2027).`);
    expect(coverageTexts).toContain('Báo cáo muộn: UBND xã Bình Gia (2 ngày).');
  });

  it('the Kết quả tổ chức sheet lists each unit under its group, in form order, with the banners mark', () => {
    const rows = results.cells.map((row) => row.map(cellText));
    const row = (unit: string) => rows.find((x) => x[1] === unit)!;
    expect(rows.find((x) => x[0] === 'STT')).toEqual(['STT', 'Đơn vị', 'Hình thức tổ chức', 'Kết hợp treo băng rôn khẩu hiệu', 'Ghi chú']);
    for (const r of returns) {
      const want = r.want.activities === null ? '' : [...r.want.activities, ...(r.want.otherActivity ? [r.want.otherActivity] : [])].map((a) => `- ${a}`).join('\n');
      expect(row(r.unit).slice(2)).toEqual([want, r.want.banners ? 'x' : '', r.want.activities === null ? 'Biểu không có phần hình thức tổ chức' : '']);
    }
    // Group rows in the summary's order, each unit below its own.
    const groups = groupSetForYear(2027);
    const groupRow = (id: GroupId) => rows.findIndex((x) => x[0] === groupNumeral(id, groups) && x[1] === groupOf(id, groups).label.vi);
    expect(groupRow('I')).toBeGreaterThan(0);
    expect(groupRow('I')).toBeLessThan(rows.indexOf(row('Sở Y tế')));
    expect(rows.indexOf(row('UBND xã Bình Gia'))).toBeGreaterThan(groupRow('II'));
    expect(rows.indexOf(row('Hội Liên hiệp Phụ nữ tỉnh'))).toBeGreaterThan(groupRow('III'));
    expect(rows.indexOf(row('Trung tâm Bảo trợ xã hội tỉnh'))).toBeGreaterThan(groupRow('IV'));
  });

  it('the report draft says it in words', () => {
    const late = returns.filter((r) => r.want.reportDate !== 'today' && daysLate(r.want.reportDate) > 0);
    expect(docText).toContain(`Đúng hạn: ${returns.length - late.length}/${returns.length} đơn vị đã báo cáo`);
    expect(docText).toContain('Báo cáo muộn (1 đơn vị): xã Bình Gia (2 ngày)');
    expect(docText).toContain('Có 4/5 đơn vị đã gửi báo cáo');
    expect(docText).toContain('Còn 1/5 đơn vị chưa gửi báo cáo');
    expect(docText).toContain('Sở Giáo dục và Đào tạo');
    const total = 15_000_000 + 5_000_000 + 100_000_000 + 56_500_000 + 2_000_000;
    expect(docText).toContain(`${total.toLocaleString('de-DE')} đồng (Một trăm bảy mươi tám triệu năm trăm nghìn đồng)`);
    expect(docText).toContain('Có 1/3 đơn vị kết hợp treo băng rôn, khẩu hiệu (Sở Y tế)');
    expect(docText).toContain('Hình thức khác: Thăm hỏi, tặng quà người cao tuổi (xã Bình Gia)');
    expect(docText).toContain('1 đơn vị gửi biểu không có phần hình thức tổ chức');
  });
});
