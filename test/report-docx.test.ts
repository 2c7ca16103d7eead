// The report draft as a real .docx: LibreOffice opens it and converts it to PDF, and the PDF's
// text holds the coverage sentences with names, the amount in words, the timeliness count,
// the placeholders and both appendix tables. Figures are the test's own sums, not the product's.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { dongInWordsCapitalised } from '../src/core/amount-words';
import { extractReturn } from '../src/core/extract';
import { mergeReturns } from '../src/core/merge';
import { formatVnNumber } from '../src/core/numbers';
import { buildReportPlan } from '../src/core/report-plan';
import { RosterEntry } from '../src/core/vocabulary';
import { writeReportDocx } from '../src/workbook/write-docx';
import { FormSpec, formWorkbook } from './core-fixtures';
import { libreOfficeProblem } from './helpers/soffice';

const lo = libreOfficeProblem();
if (lo) throw new Error(`LibreOffice is needed for this test: ${lo}`);

const roster: RosterEntry[] = [
  { unit: 'Sở Y tế', group: 'I' },
  { unit: 'Sở Giáo dục và Đào tạo', group: 'I' },
  { unit: 'UBND xã Bình Gia', group: 'II' },
  { unit: 'UBND xã Chi Lăng', group: 'II' },
  { unit: 'UBND phường Đông Kinh', group: 'II' },
  { unit: 'Hội Liên hiệp Phụ nữ tỉnh', group: 'III' },
];
// [unit, rows of [participants, budget, other], what the form's block and footer say]
const returns: [string, number[][], FormSpec][] = [
  ['Sở Y tế', [[120, 15_000_000, 5_000_000], [80, 2_500_000, 0]], { ticks: { 'Tọa đàm': 'x', 'Mít tinh, lễ kỷ niệm': 'X', 'Kết hợp treo băng rôn, khẩu hiệu': 'x' }, footer: 'Lạng Sơn, ngày 2 tháng 4 năm 2027' }],
  ['UBND xã Bình Gia', [[200, 100_000_000, 56_500_000]], { ticks: { 'Tọa đàm': '✓', 'Thể dục, thể thao': 'có' }, other: 'Thăm hỏi người cao tuổi', footer: 'Lạng Sơn, ngày 13 tháng 4 năm 2027' }],
  ['UBND xã Chi Lăng', [[35, 12_000_000, 165_500_000]], { ticks: { 'Tọa đàm': 'x', 'Kết hợp treo băng rôn, khẩu hiệu': 'x' }, footer: '10/4/2027' }],
  // Last year's form: no block, no date in the footer or the file.
  ['Hội Liên hiệp Phụ nữ tỉnh', [[60, 0, 0]], { noActivities: true }],
];

let text: string;
let pages: number;
let dir: string;
const sum = (k: 1 | 2) => returns.reduce((s, [, rows]) => s + rows.reduce((t, r) => t + r[k], 0), 0);
const total = sum(1) + sum(2);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxh-docx-'));
  const results = returns.map(([unit, data, extra], i) => extractReturn(formWorkbook({ unit, data, file: `f${i}.xlsx`, year: 2027, ...extra })));
  const merged = mergeReturns(results, { roster, year: 2027, deadline: '2027-04-10' });
  const plan = buildReportPlan(merged, {
    year: 2027, province: 'Lạng Sơn', body: 'Sở Y tế', deadline: '2027-04-10',
    plan: 'Kế hoạch số 31/KH-UBND ngày 16/2/2027 của Chủ tịch UBND tỉnh',
  });
  const docx = path.join(dir, 'bao-cao.docx');
  fs.writeFileSync(docx, await writeReportDocx(plan));
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 120_000 });
  const pdf = path.join(dir, 'bao-cao.pdf');
  text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  if (process.env.CTXH_KEEP_DOCX) execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, 'page')]);
}, 180_000);

afterAll(() => {
  if (!process.env.CTXH_KEEP_DOCX) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
});

describe('the report draft (.docx through LibreOffice)', () => {
  it('has the header of an official document', () => {
    expect(text).toContain('UBND TỈNH LẠNG SƠN');
    expect(text).toContain('SỞ Y TẾ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Số: ……/BC-SYT');
    expect(text).toContain('Lạng Sơn, ngày …… tháng …… năm 2027');
    expect(text).toContain('Ngày Công tác xã hội Việt Nam năm 2027 (lần thứ 11)');
    expect(text).toContain('Thực hiện Kế hoạch số 31/KH-UBND ngày 16/2/2027 của Chủ tịch UBND tỉnh');
  });

  it('says who reported, per group, with their names', () => {
    expect(text).toContain('Có 4/6 đơn vị đã gửi báo cáo');
    expect(text).toContain('Có 1/2 sở, ban, ngành đã báo cáo (Sở Y tế)');
    expect(text).toContain('Có 2/3 xã, phường, đặc khu đã báo cáo (xã Bình Gia, xã Chi Lăng)');
    expect(text).toContain('Còn 2/6 đơn vị chưa gửi báo cáo');
    expect(text).toContain('Sở Giáo dục và Đào tạo');
    expect(text).toContain('phường Đông Kinh');
  });

  it('writes the total funding in figures and in words, with the shares', () => {
    const participants = returns.reduce((s, [, rows]) => s + rows.reduce((t, r) => t + r[0], 0), 0);
    expect(text).toContain(`${formatVnNumber(participants)} người`);
    expect(text).toContain(`${formatVnNumber(total)} đồng (${dongInWordsCapitalised(total)})`);
    const share = (n: number) => `${((100 * n) / total).toFixed(1).replace('.', ',')}%`;
    expect(text).toContain(`ngân sách của cơ quan, đơn vị ${formatVnNumber(sum(1))} đồng (chiếm ${share(sum(1))})`);
    expect(text).toContain(`vận động khác ${formatVnNumber(sum(2))} đồng (chiếm ${share(sum(2))})`);
  });

  it('names the most common activity types, banners and timeliness', () => {
    expect(text).toContain('tọa đàm (3 đơn vị)');
    expect(text).toContain('Có 2/3 đơn vị kết hợp treo băng rôn, khẩu hiệu');
    expect(text).toContain('Đúng hạn: 2/4 đơn vị đã báo cáo');
    expect(text).toContain('Báo cáo muộn (1 đơn vị): xã Bình Gia (3 ngày)');
  });

  it('leaves the human paragraphs as marked placeholders, and ends with the recipients and signature', () => {
    for (const h of ['1. Thuận lợi', '2. Khó khăn', 'III. ĐÁNH GIÁ CHUNG', 'IV. KIẾN NGHỊ']) expect(text).toContain(h);
    expect(text.match(/\[Phần này do cán bộ soạn báo cáo viết/g)?.length).toBe(5);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('Bộ Y tế (b/c)');
    expect(text).toContain('GIÁM ĐỐC');
  });

  it('appends the figures table and the Lạng Sơn-style results table', () => {
    expect(text).toContain('BẢNG TỔNG HỢP SỐ NGƯỜI THAM GIA VÀ KINH PHÍ THỰC HIỆN');
    expect(text).toContain('BẢNG TỔNG HỢP KẾT QUẢ CÁC ĐƠN VỊ TỔ CHỨC');
    expect(text).toContain('Kèm theo Báo cáo số ……/BC-SYT');
    expect(text).toContain('Kết hợp treo băng rôn khẩu hiệu');
    expect(text).toContain('- Thăm hỏi người cao tuổi');
    expect(text).toContain('Biểu không có phần hình thức tổ chức');
    expect(text).toContain(`Tổng cộng ${formatVnNumber(returns.reduce((s, [, rows]) => s + rows.reduce((t, r) => t + r[0], 0), 0))} ${formatVnNumber(total)}`);
    expect(pages).toBeGreaterThanOrEqual(3);
  });
});
