// The national results report as a plan, one level up from report-plan.ts: the Ministry's
// draft built from the merged provincial summaries ("Có 30/34 tỉnh, thành phố báo cáo …"),
// in the same frame (header, the sections a person writes, signature) and rendered by the
// same .docx writer. What the summaries do not carry (activity types, the provinces' own
// deadline) is left as a marked placeholder, never invented.
import { NationalMerged, ProvinceResult } from './national';
import { nationalTimeliness } from './national-plan';
import { formatVnNumber } from './numbers';
import { FIGURE_COLUMNS, MONEY_UNIT, ReportBlock, ReportOptions, ReportPlan, ReportTableRow, departmentOf, gap, ministryOf, para, plain, reportFrame, totalsParagraphs, yearParts } from './report-plan';

export interface NationalReportOptions {
  year?: number;
  /** The body writing the report: by default the ministry responsible that year ("Bộ Y tế"). */
  body?: string;
  /** Printed above the body, when it is not a ministry ("Bộ Y tế" above "Cục Bảo trợ xã hội"). */
  parentBody?: string;
  /** The plan carried out, as it should follow "Thực hiện". */
  plan?: string;
  /** Who the report goes to; by default the Prime Minister. */
  superiors?: string[];
  signer?: ReportOptions['signer'];
}

/** The ministry of the year (the Ministry of Health from 2025); without a year, today's. */
const ministry = (year: number | undefined) => ministryOf(year ?? 2025);
const department = (year: number | undefined) => departmentOf(year ?? 2025);

const isMinistry = (body: string) => /^bộ\s/iu.test(body.normalize('NFC').trim());
const names = (ps: readonly ProvinceResult[]) => ps.map((p) => p.province.short).join(', ');
const n = formatVnNumber;

function coverageParagraphs(m: NationalMerged, body: string): ReportBlock[] {
  const c = m.coverage;
  const reported = m.provinces.filter((p) => p.status === 'reported');
  const out: ReportBlock[] = [
    para(
      plain(
        reported.length
          ? `Có ${c.provinces.reported}/${c.provinces.expected} tỉnh, thành phố đã gửi báo cáo kết quả tổ chức các hoạt động kỷ niệm Ngày Công tác xã hội Việt Nam (${names(reported)}).`
          : `Chưa có tỉnh, thành phố nào gửi báo cáo (0/${c.provinces.expected}).`,
      ),
    ),
  ];
  if (!reported.length) return out;
  // Units expected add up only over the provinces whose summaries give them.
  const listed = reported.filter((p) => p.unitsExpected !== undefined);
  const units = `- Số đơn vị đã báo cáo ở các tỉnh, thành phố: ${n(c.units.reported)}`;
  if (listed.length === reported.length) {
    out.push(para(plain(`${units}/${n(c.units.expected!)} đơn vị phải báo cáo theo danh sách của các tỉnh, thành phố.`)));
  } else if (listed.length) {
    const r = listed.reduce((s, p) => s + p.unitsReported, 0);
    const e = listed.reduce((s, p) => s + p.unitsExpected!, 0);
    out.push(para(plain(`${units} đơn vị; trong đó ${listed.length} tỉnh, thành phố có danh sách đơn vị phải báo cáo (${names(listed)}): ${n(r)}/${n(e)} đơn vị đã báo cáo.`)));
  } else {
    out.push(para(plain(`${units} đơn vị (bảng tổng hợp của các tỉnh, thành phố không có số đơn vị phải báo cáo).`)));
  }
  const direct = reported.filter((p) => p.returnFiles.length);
  if (direct.length) {
    const files = direct.reduce((s, p) => s + p.returnFiles.length, 0);
    out.push(para(plain(`- Có ${files} biểu của đơn vị gửi thẳng về ${body}, đã tính vào số liệu của tỉnh, thành phố nơi đơn vị đóng trụ sở (${names(direct)}).`)));
  }
  return out;
}

function timelinessParagraphs(m: NationalMerged): ReportBlock[] {
  const timed = nationalTimeliness(m);
  if (!timed) return [para(gap('[Bảng tổng hợp của các tỉnh, thành phố không ghi số đơn vị báo cáo đúng hạn: ghi tình hình thời hạn gửi báo cáo, nếu có.]'))];
  const per = timed.provinces.map((p) => `${p.province.short} ${p.onTime!.onTime}/${p.onTime!.of}`).join('; ');
  return [para(plain(`Theo bảng tổng hợp của ${timed.provinces.length} tỉnh, thành phố có số liệu này, ${n(timed.onTime)}/${n(timed.of)} đơn vị đã báo cáo đúng hạn (${per}).`))];
}

function missingParagraphs(m: NationalMerged): ReportBlock[] {
  const c = m.coverage.provinces;
  if (!c.missing.length) return [para(plain(`Tất cả ${c.expected} tỉnh, thành phố đã gửi báo cáo.`))];
  const out: ReportBlock[] = [para(plain(`Còn ${c.missing.length}/${c.expected} tỉnh, thành phố chưa gửi báo cáo: ${c.missing.join(', ')}.`))];
  const missing = new Set(c.missing);
  const withErrors = [...new Set(m.rejected.filter((r) => r.kind === 'summary' && r.province && missing.has(r.province)).map((r) => r.province!))];
  if (withErrors.length) out.push(para(plain(`Trong đó ${withErrors.length} tỉnh, thành phố đã gửi bảng tổng hợp nhưng tệp có lỗi, chưa tổng hợp được (${withErrors.join(', ')}).`)));
  const unknown = m.rejected.filter((r) => r.kind === 'summary' && !r.province).length;
  if (unknown) out.push(para(plain(`Ngoài ra có ${unknown} tệp có lỗi, chưa xác định được của tỉnh, thành phố nào (xem trang “Kiểm tra” của bảng tổng hợp toàn quốc).`)));
  return out;
}

/** The appendix: every province of the national list, its figures and its units reported/expected. */
function provincesTable(m: NationalMerged): ReportBlock {
  const units = (reported: number, expected: number | undefined) => (expected !== undefined ? `${n(reported)}/${n(expected)}` : n(reported));
  const rows: ReportTableRow[] = m.provinces.map((p, i) =>
    p.status === 'missing'
      ? { cells: [String(i + 1), p.province.name, '', '', '', '', '', 'Chưa báo cáo'] }
      : { cells: [String(i + 1), p.province.name, n(p.totals.participants), n(p.totals.totalFunding), n(p.totals.budget), n(p.totals.otherFunding), units(p.unitsReported, p.unitsExpected), ''] },
  );
  const t = m.totals;
  const c = m.coverage;
  rows.push({ bold: true, cells: ['', 'Tổng cộng', n(t.participants), n(t.totalFunding), n(t.budget), n(t.otherFunding), units(c.units.reported, c.units.expected), `${c.provinces.reported}/${c.provinces.expected} tỉnh, thành phố`] });
  return {
    kind: 'table',
    columns: [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Tỉnh, thành phố', width: 21 },
      ...FIGURE_COLUMNS,
      { header: 'Đơn vị đã báo cáo/ phải báo cáo', width: 11, align: 'center' },
      { header: 'Ghi chú', width: 10, align: 'center' },
    ],
    rows,
  };
}

/** The Ministry's report draft, built from the same national result as the national workbook. */
export function buildNationalReportPlan(m: NationalMerged, opts: NationalReportOptions = {}): ReportPlan {
  const year = opts.year ?? m.year;
  const body = opts.body ?? ministry(year);
  const { yearText, edition } = yearParts(year);
  const superiors = opts.superiors ?? ['Thủ tướng Chính phủ'];
  return reportFrame({
    year,
    ...(opts.parentBody ? { parentBody: opts.parentBody } : {}),
    body,
    place: 'Hà Nội',
    scope: ' trên phạm vi toàn quốc',
    intro: para(
      plain('Thực hiện '),
      opts.plan ? plain(opts.plan) : gap('[số, ngày, trích yếu kế hoạch/công văn của Bộ]'),
      plain(` về tổ chức các hoạt động Ngày Công tác xã hội Việt Nam năm ${yearText}${edition}, trên cơ sở báo cáo của các tỉnh, thành phố trực thuộc trung ương, ${body} báo cáo kết quả thực hiện trên phạm vi toàn quốc như sau:`),
    ),
    results: [
      { kind: 'heading', level: 2, text: '1. Tình hình báo cáo của các tỉnh, thành phố' },
      ...coverageParagraphs(m, body),
      { kind: 'heading', level: 2, text: '2. Số người tham gia và kinh phí thực hiện' },
      ...totalsParagraphs(m.totals),
      para(plain('Số liệu của từng tỉnh, thành phố tại Phụ lục kèm theo Báo cáo này.')),
      { kind: 'heading', level: 2, text: '3. Hình thức tổ chức' },
      para(gap('[Bảng tổng hợp của các tỉnh, thành phố không có phần hình thức tổ chức: ghi các hình thức tổ chức chính theo báo cáo của các tỉnh, thành phố.]')),
      { kind: 'heading', level: 2, text: '4. Thời hạn gửi báo cáo của các đơn vị' },
      ...timelinessParagraphs(m),
      { kind: 'heading', level: 2, text: '5. Các tỉnh, thành phố chưa báo cáo' },
      ...missingParagraphs(m),
    ],
    closing: para(plain(`Trên đây là kết quả tổ chức các hoạt động Ngày Công tác xã hội Việt Nam năm ${yearText} trên phạm vi toàn quốc. ${body} báo cáo ${superiors.join(', ')}./.`)),
    recipients: [...superiors.map((s) => `${s} (b/c);`), isMinistry(body) ? 'Lãnh đạo Bộ;' : 'Lãnh đạo đơn vị;', `${department(year)} các tỉnh, thành phố;`, 'Lưu: VT, ……'],
    signer: opts.signer,
    authority: isMinistry(body) ? 'BỘ TRƯỞNG' : 'THỦ TRƯỞNG CƠ QUAN',
    appendices: (reference) => [{ title: 'BẢNG TỔNG HỢP KẾT QUẢ CÁC TỈNH, THÀNH PHỐ', reference, blocks: [MONEY_UNIT, provincesTable(m)] }],
  });
}
