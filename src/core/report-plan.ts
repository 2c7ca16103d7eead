// The province's results report as a plan: a library-free description of a Word document
// (blocks of text and tables) built from the merged result, modelled on the Lạng Sơn labour
// department's 2017 results report and laid out as Nghị định 30/2020/NĐ-CP asks. The .docx
// writer (src/workbook/write-docx.ts) renders it. Paragraphs only a person can write
// (difficulties, assessment, proposals) are placeholders, never invented text. The frame
// (header, those sections, signature) is shared with the national report (national-report-plan.ts).
import { dongWithWords } from './amount-words';
import { GroupResult, Merged, MergedUnit } from './merge';
import { formatVnNumber } from './numbers';
import { GroupSet, Totals, editionOf, groupNumeral, groupSetForYear } from './vocabulary';

/** A run of text; a placeholder is shown so that nobody mistakes it for finished text. */
export interface ReportRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  placeholder?: boolean;
}

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; runs: ReportRun[]; align?: 'justify' | 'center' | 'left' | 'right'; indent?: boolean }
  | { kind: 'table'; columns: ReportColumn[]; rows: ReportTableRow[] };

export interface ReportColumn {
  header: string;
  /** Share of the table's width, in percent. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface ReportTableRow {
  cells: string[];
  /** Group and total rows. */
  bold?: boolean;
}

export interface ReportAppendix {
  title: string;
  /** "(kèm theo Báo cáo số …)". */
  reference: string;
  blocks: ReportBlock[];
}

export interface ReportPlan {
  /** Issuing body's superior, printed above it ("UBND TỈNH LẠNG SƠN"); none for a ministry. */
  parentBody?: string;
  body: string;
  /** "Số: …/BC-SYT". */
  number: string;
  /** "Lạng Sơn, ngày … tháng … năm 2027". */
  placeDate: string;
  title: string;
  subtitle: string;
  blocks: ReportBlock[];
  recipients: string[];
  signature: { authority: string; title?: string; name: string };
  appendices: ReportAppendix[];
  /** Document title written into the file's properties. */
  documentTitle: string;
}

/** What the report reads about one unit beyond its figures; absent until the reader provides it. */
export interface UnitExtras {
  /** Ticked activity types, as printed on the form, in the form's order; null (or absent) when the form had no activities block. */
  activities?: string[] | null;
  otherActivity?: string | null;
  banners?: boolean | null;
  /** "YYYY-MM-DD". */
  reportDate?: string | null;
  onTime?: boolean | null;
  daysLate?: number | null;
}

export type ReportUnit = MergedUnit & UnitExtras;

export interface ReportOptions {
  year?: number;
  province?: string;
  /** The body writing the report ("Sở Y tế"). */
  body?: string;
  /** Its superior, when not "UBND tỉnh <province>". */
  parentBody?: string;
  /** The plan carried out, as it should follow "Thực hiện": "Kế hoạch số 31/KH-UBND ngày 16/2/2017 của Chủ tịch UBND tỉnh". */
  plan?: string;
  /** Report deadline "YYYY-MM-DD", for the timeliness paragraph. */
  deadline?: string;
  /** Who the report goes to ("UBND tỉnh", "Bộ Y tế"); by default the province and the ministry of that year. */
  superiors?: string[];
  signer?: { authority?: string; title?: string; name?: string };
  /** Activity types in the form's order, so "most common" ties fall in the form's order. */
  activityTypes?: readonly string[];
}

/** Marks a gap the clerk fills in; the renderer highlights it. */
export const gap = (text: string): ReportRun => ({ text, placeholder: true });
export const plain = (text: string): ReportRun => ({ text });
/** A body paragraph: justified, first line indented. */
export const para = (...runs: ReportRun[]): ReportBlock => ({ kind: 'paragraph', runs, align: 'justify', indent: true });

// Since 1 July 2025 these are centrally-run cities; everything else is a province.
const CITIES = new Set(['hà nội', 'hồ chí minh', 'thành phố hồ chí minh', 'hải phòng', 'đà nẵng', 'cần thơ', 'huế']);

function provinceKind(province: string): { name: string; noun: 'tỉnh' | 'thành phố' } {
  const p = province.normalize('NFC').trim();
  const stripped = p.replace(/^(tỉnh|thành phố|tp\.?)\s+/iu, '');
  const isCity = /^(thành phố|tp\.?)\s/iu.test(p) || CITIES.has(stripped.toLowerCase());
  return { name: stripped, noun: isCity ? 'thành phố' : 'tỉnh' };
}

/** "Sở Lao động - Thương binh và Xã hội" → "SLĐTBXH", "Sở Y tế" → "SYT": the body's initials as document numbers use them. */
export function bodyAbbreviation(body: string): string {
  return body
    .normalize('NFC')
    .split(/[\s\-–]+/u)
    .filter((w) => w && w.toLowerCase() !== 'và')
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

/** The ministry responsible for social work that year: social protection moved to the Ministry of Health on 1 March 2025. */
export function ministryOf(year: number | undefined): string {
  return year !== undefined && year >= 2025 ? 'Bộ Y tế' : 'Bộ Lao động - Thương binh và Xã hội';
}

/** The provincial department that reports to it. */
export function departmentOf(year: number | undefined): string {
  return year !== undefined && year >= 2025 ? 'Sở Y tế' : 'Sở Lao động - Thương binh và Xã hội';
}

/** "UBND huyện Bình Gia" → "huyện Bình Gia": the list after "Có 4/11 huyện …" names the places. */
function shortName(name: string): string {
  const s = name.replace(/^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/iu, '').trim();
  return s || name;
}

/** "UBND các huyện, thành phố" → "huyện, thành phố": the noun after "Có 4/11". */
function groupNoun(g: GroupResult): string {
  const s = g.label.vi.replace(/^(ubnd\s+)?các\s+/iu, '');
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** "12,5%". */
export const percent = (part: number, whole: number) => `${(whole === 0 ? 0 : (100 * part) / whole).toFixed(1).replace('.', ',')}%`;

/** "2027-04-10" → "10/4/2027". */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

const groupNo = (g: GroupResult, set: GroupSet) => groupNumeral(g.id, set) ?? g.id;

/** The list of names in brackets after a count, as the Lạng Sơn report writes "(Bình Gia, Tràng Định, Chi Lăng, Bắc Sơn)". */
const names = (units: readonly { display?: string; unit: string }[]) => units.map((u) => shortName(u.display ?? u.unit)).join(', ');

function coverageParagraphs(m: Merged): ReportBlock[] {
  const out: ReportBlock[] = [];
  const hasRoster = !!m.roster;
  out.push(
    para(
      plain(
        hasRoster
          ? `Có ${m.coverage.reported}/${m.coverage.expected} đơn vị đã gửi báo cáo kết quả tổ chức các hoạt động kỷ niệm Ngày Công tác xã hội Việt Nam, cụ thể:`
          : `Có ${m.coverage.reported} đơn vị đã gửi báo cáo kết quả tổ chức các hoạt động kỷ niệm Ngày Công tác xã hội Việt Nam, cụ thể:`,
      ),
    ),
  );
  for (const g of m.groups) {
    if (!g.units.length && !g.expected) continue;
    const inRoster = g.units.filter((u) => !hasRoster || u.rosterIndex !== undefined);
    const outside = g.units.filter((u) => hasRoster && u.rosterIndex === undefined);
    const count = hasRoster ? `${g.reported}/${g.expected}` : String(g.reported);
    let text = g.expected || !hasRoster ? `- Có ${count} ${groupNoun(g)} đã báo cáo${inRoster.length ? ` (${names(inRoster)})` : ''}` : `- ${g.label.vi}`;
    if (outside.length) text += `${g.expected || !hasRoster ? '; ngoài' : ': ngoài'} danh sách có ${outside.length} đơn vị báo cáo (${names(outside)})`;
    out.push(para(plain(`${text};`)));
  }
  return out;
}

/** Participants, and the total funding in figures and words with the budget and mobilised shares. */
export function totalsParagraphs(t: Totals): ReportBlock[] {
  return [
    para(plain(`- Tổng số người tham gia các hoạt động: ${formatVnNumber(t.participants)} người.`)),
    para(
      plain(`- Tổng kinh phí thực hiện: ${dongWithWords(t.totalFunding)}`),
      plain(
        t.totalFunding > 0
          ? `, trong đó: ngân sách của cơ quan, đơn vị ${formatVnNumber(t.budget)} đồng (chiếm ${percent(t.budget, t.totalFunding)}); vận động khác ${formatVnNumber(t.otherFunding)} đồng (chiếm ${percent(t.otherFunding, t.totalFunding)}).`
          : '.',
      ),
    ),
  ];
}

function figuresParagraphs(m: Merged): ReportBlock[] {
  const out = totalsParagraphs(m.totals);
  for (const g of m.groups) {
    if (!g.units.length) continue;
    out.push(
      para(
        plain(
          `- ${g.label.vi}: ${g.units.length} đơn vị, ${formatVnNumber(g.totals.participants)} người tham gia, kinh phí ${formatVnNumber(g.totals.totalFunding)} đồng` +
            (g.totals.totalFunding > 0 ? ` (ngân sách ${percent(g.totals.budget, g.totals.totalFunding)}, vận động khác ${percent(g.totals.otherFunding, g.totals.totalFunding)}).` : '.'),
        ),
      ),
    );
  }
  return out;
}

function activityParagraphs(units: readonly ReportUnit[], order: readonly string[]): ReportBlock[] {
  const withBlock = units.filter((u) => u.activities != null);
  if (!withBlock.length) return [para(gap('[Các đơn vị gửi biểu không có phần hình thức tổ chức: ghi các hình thức tổ chức chính theo báo cáo của các đơn vị.]'))];
  const counts = new Map<string, number>();
  for (const u of withBlock) for (const a of u.activities!) counts.set(a, (counts.get(a) ?? 0) + 1);
  const rank = (a: string) => (order.indexOf(a) < 0 ? Infinity : order.indexOf(a));
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]));
  const out: ReportBlock[] = [];
  if (ranked.length) {
    out.push(para(plain(`Các hình thức được nhiều đơn vị tổ chức nhất: ${ranked.slice(0, 5).map(([a, n]) => `${lowerFirst(a)} (${n} đơn vị)`).join('; ')}.`)));
  } else out.push(para(plain(`Trong ${withBlock.length} đơn vị có ghi hình thức tổ chức, chưa đơn vị nào đánh dấu hình thức nào.`)));
  const others = withBlock.filter((u) => u.otherActivity);
  if (others.length) out.push(para(plain(`Hình thức khác: ${others.map((u) => `${u.otherActivity} (${shortName(u.display)})`).join('; ')}.`)));
  const banners = withBlock.filter((u) => u.banners);
  out.push(para(plain(`Có ${banners.length}/${withBlock.length} đơn vị kết hợp treo băng rôn, khẩu hiệu${banners.length ? ` (${names(banners)})` : ''}.`)));
  const without = units.length - withBlock.length;
  if (without) out.push(para(plain(`${without} đơn vị gửi biểu không có phần hình thức tổ chức.`)));
  return out;
}

const lowerFirst = (s: string) => (/^[A-ZĐ\p{Lu}][a-zà-ỹđ\p{Ll}]/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

function timelinessParagraphs(units: readonly ReportUnit[], deadline: string | undefined): ReportBlock[] {
  if (!deadline) return [para(gap('[Hạn báo cáo chưa được nhập: ghi số đơn vị báo cáo đúng hạn và muộn.]'))];
  const dated = units.filter((u) => u.onTime !== undefined && u.onTime !== null);
  const late = dated.filter((u) => u.onTime === false);
  const onTime = dated.length - late.length;
  const out: ReportBlock[] = [para(plain(`Hạn gửi báo cáo: trước ngày ${vnDate(deadline)}. Đúng hạn: ${onTime}/${units.length} đơn vị đã báo cáo.`))];
  if (late.length) out.push(para(plain(`Báo cáo muộn (${late.length} đơn vị): ${late.map((u) => `${shortName(u.display)}${u.daysLate ? ` (${u.daysLate} ngày)` : ''}`).join(', ')}.`)));
  const undated = units.length - dated.length;
  if (undated) out.push(para(plain(`${undated} đơn vị không xác định được ngày báo cáo.`)));
  return out;
}

function missingParagraphs(m: Merged): ReportBlock[] {
  if (!m.roster) return [para(gap('[Không có danh sách đơn vị phải báo cáo để đối chiếu: ghi các đơn vị chưa báo cáo, nếu có.]'))];
  if (!m.coverage.missing.length) return [para(plain('Tất cả các đơn vị trong danh sách đã gửi báo cáo.'))];
  const out: ReportBlock[] = [para(plain(`Còn ${m.coverage.missing.length}/${m.coverage.expected} đơn vị chưa gửi báo cáo:`))];
  for (const g of m.groups) {
    const miss = g.missing;
    if (!miss.length) continue;
    out.push(para(plain(`- ${g.label.vi} (${miss.length}): ${miss.map((u) => shortName(u.unit)).join(', ')};`)));
  }
  const withErrors = m.coverage.missing.filter((u) => u.rejectedFiles.length);
  if (withErrors.length) {
    out.push(para(plain(`Trong đó ${withErrors.length} đơn vị đã gửi tệp nhưng tệp có lỗi, chưa tổng hợp được (${withErrors.map((u) => shortName(u.unit)).join(', ')}).`)));
  }
  return out;
}

/** "Đơn vị tính: đồng", right-aligned above a figures table. */
export const MONEY_UNIT: ReportBlock = { kind: 'paragraph', runs: [{ text: 'Đơn vị tính: đồng', italic: true }], align: 'right' };

/** The appendix's figure columns, the same at every level. */
export const FIGURE_COLUMNS: readonly ReportColumn[] = [
  { header: 'Số người tham gia', width: 11, align: 'right' },
  { header: 'Tổng kinh phí thực hiện (đồng)', width: 15, align: 'right' },
  { header: 'Ngân sách của cơ quan, đơn vị', width: 14, align: 'right' },
  { header: 'Vận động khác', width: 13, align: 'right' },
];

/** The figures appendix: the summary table with groups, totals and shares. */
function figuresTable(m: Merged, set: GroupSet): ReportBlock {
  const rows: ReportTableRow[] = [];
  const n = formatVnNumber;
  for (const g of m.groups) {
    if (!g.units.length && !g.expected) continue;
    const tt = g.totals;
    rows.push({ bold: true, cells: [groupNo(g, set), g.label.vi, n(tt.participants), n(tt.totalFunding), n(tt.budget), n(tt.otherFunding), m.roster && g.expected ? `${g.reported}/${g.expected}` : ''] });
    g.units.forEach((u, i) => rows.push({ cells: [String(i + 1), u.display, n(u.totals.participants), n(u.totals.totalFunding), n(u.totals.budget), n(u.totals.otherFunding), ''] }));
  }
  const t = m.totals;
  rows.push({ bold: true, cells: ['', 'Tổng cộng', n(t.participants), n(t.totalFunding), n(t.budget), n(t.otherFunding), m.roster ? `${m.coverage.reported}/${m.coverage.expected}` : ''] });
  return {
    kind: 'table',
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Đơn vị', width: 31 },
      ...FIGURE_COLUMNS,
      { header: 'Ghi chú', width: 10, align: 'center' },
    ],
    rows,
  };
}

/** What goes in the "Hình thức tổ chức" cell: ticked types in form order, then the free text. */
export function activitiesText(u: UnitExtras): string {
  if (u.activities == null) return '';
  const items = [...u.activities, ...(u.otherActivity ? [u.otherActivity] : [])];
  return items.map((a) => `- ${a}`).join('\n');
}

/** The Lạng Sơn-style "Kết quả tổ chức" table. */
function activitiesTable(m: Merged, set: GroupSet): ReportBlock {
  const rows: ReportTableRow[] = [];
  for (const g of m.groups) {
    if (!g.units.length && !g.expected) continue;
    rows.push({ bold: true, cells: [groupNo(g, set), g.label.vi, '', '', ''] });
    (g.units as ReportUnit[]).forEach((u, i) =>
      rows.push({ cells: [String(i + 1), u.display, activitiesText(u), u.banners ? 'x' : '', u.activities == null ? 'Biểu không có phần hình thức tổ chức' : ''] }),
    );
  }
  return {
    kind: 'table',
    columns: [
      { header: 'STT', width: 7, align: 'center' },
      { header: 'Đơn vị', width: 28 },
      { header: 'Hình thức tổ chức', width: 37 },
      { header: 'Kết hợp treo băng rôn khẩu hiệu', width: 12, align: 'center' },
      { header: 'Ghi chú', width: 16 },
    ],
    rows,
  };
}

/** "2027" and " (lần thứ 11)"; dots for an unknown year. */
export function yearParts(year: number | undefined): { yearText: string; edition: string } {
  return { yearText: year !== undefined ? String(year) : '……', edition: year !== undefined ? ` (lần thứ ${editionOf(year)})` : '' };
}

/** What differs between the levels; reportFrame adds the header, the parts only a person can write, the signature. */
export interface ReportFrame {
  year?: number;
  /** Printed above the body; absent for a ministry. */
  parentBody?: string;
  body: string;
  /** "Lạng Sơn", "Hà Nội": before ", ngày … tháng … năm". */
  place: string;
  /** After the year in the subtitle and the document title (" trên phạm vi toàn quốc"). */
  scope?: string;
  /** "Thực hiện …": the opening paragraph. */
  intro: ReportBlock;
  /** Under "II. KẾT QUẢ THỰC HIỆN". */
  results: ReportBlock[];
  /** "Trên đây là …". */
  closing: ReportBlock;
  recipients: string[];
  signer?: ReportOptions['signer'];
  /** "GIÁM ĐỐC", "BỘ TRƯỞNG", unless the signer gives one. */
  authority: string;
  /** The appendices, given the "(Kèm theo Báo cáo số …)" line. */
  appendices: (reference: string) => ReportAppendix[];
}

/** The report's frame, the same at every level: the decree's header, the sections a person writes around the results, the signature. */
export function reportFrame(f: ReportFrame): ReportPlan {
  const { yearText, edition } = yearParts(f.year);
  const abbr = bodyAbbreviation(f.body);
  const scope = f.scope ?? '';
  const blocks: ReportBlock[] = [
    f.intro,
    { kind: 'heading', level: 1, text: 'I. THUẬN LỢI, KHÓ KHĂN TRONG TỔ CHỨC TRIỂN KHAI' },
    { kind: 'heading', level: 2, text: '1. Thuận lợi' },
    para(gap('[Phần này do cán bộ soạn báo cáo viết: những thuận lợi trong chỉ đạo, tổ chức triển khai.]')),
    { kind: 'heading', level: 2, text: '2. Khó khăn' },
    para(gap('[Phần này do cán bộ soạn báo cáo viết: những khó khăn, vướng mắc.]')),
    { kind: 'heading', level: 1, text: 'II. KẾT QUẢ THỰC HIỆN' },
    ...f.results,
    { kind: 'heading', level: 1, text: 'III. ĐÁNH GIÁ CHUNG' },
    { kind: 'heading', level: 2, text: '1. Ưu điểm' },
    para(gap('[Phần này do cán bộ soạn báo cáo viết: ưu điểm, kết quả nổi bật.]')),
    { kind: 'heading', level: 2, text: '2. Hạn chế' },
    para(gap('[Phần này do cán bộ soạn báo cáo viết: hạn chế và nguyên nhân.]')),
    { kind: 'heading', level: 1, text: 'IV. KIẾN NGHỊ' },
    para(gap('[Phần này do cán bộ soạn báo cáo viết: kiến nghị, đề xuất với cấp trên và các đơn vị.]')),
    f.closing,
  ];
  const reference = `(Kèm theo Báo cáo số ……/BC-${abbr} ngày …… tháng …… năm ${yearText} của ${f.body})`;
  const signer = f.signer ?? {};
  return {
    ...(f.parentBody ? { parentBody: f.parentBody.toUpperCase() } : {}),
    body: f.body.toUpperCase(),
    number: `Số: ……/BC-${abbr}`,
    placeDate: `${f.place}, ngày …… tháng …… năm ${yearText}`,
    title: 'BÁO CÁO',
    // A no-break space keeps "năm 2027" together: the line breaks after "Việt Nam", not between the word and the year.
    subtitle: `Kết quả tổ chức các hoạt động kỷ niệm Ngày Công tác xã hội Việt Nam năm\u00A0${yearText}${edition}${scope}`,
    blocks,
    recipients: f.recipients,
    signature: { authority: signer.authority ?? f.authority, ...(signer.title ? { title: signer.title } : {}), name: signer.name ?? '[Họ và tên người ký]' },
    appendices: f.appendices(reference),
    documentTitle: `Báo cáo kết quả Ngày Công tác xã hội Việt Nam năm ${yearText}${scope}`,
  };
}

/** The report draft, built from the same merged result as the consolidated workbook. */
export function buildReportPlan(merged: Merged, opts: ReportOptions = {}): ReportPlan {
  const year = opts.year ?? merged.year;
  const set = groupSetForYear(year);
  const { name: province, noun } = provinceKind(opts.province ?? '……');
  const where = opts.province ? `trên địa bàn ${noun} ${province}` : 'trên địa bàn';
  const body = opts.body ?? 'Sở Y tế';
  const { yearText, edition } = yearParts(year);
  const superiors = opts.superiors ?? [`UBND ${noun}`, ministryOf(year)];
  const units = merged.accepted as ReportUnit[];

  return reportFrame({
    year,
    parentBody: opts.parentBody ?? `UBND ${noun} ${province}`,
    body,
    place: province,
    intro: para(
      plain('Thực hiện '),
      opts.plan ? plain(opts.plan) : gap('[số, ngày, trích yếu kế hoạch/công văn của tỉnh]'),
      plain(` về tổ chức các hoạt động Ngày Công tác xã hội Việt Nam năm ${yearText}${edition} ${where}, ${body} báo cáo kết quả thực hiện như sau:`),
    ),
    results: [
      { kind: 'heading', level: 2, text: '1. Tình hình các đơn vị báo cáo' },
      ...coverageParagraphs(merged),
      { kind: 'heading', level: 2, text: '2. Số người tham gia và kinh phí thực hiện' },
      ...figuresParagraphs(merged),
      { kind: 'heading', level: 2, text: '3. Hình thức tổ chức' },
      ...activityParagraphs(units, opts.activityTypes ?? []),
      { kind: 'heading', level: 2, text: '4. Thời hạn gửi báo cáo' },
      ...timelinessParagraphs(units, opts.deadline),
      { kind: 'heading', level: 2, text: '5. Các đơn vị chưa báo cáo' },
      ...missingParagraphs(merged),
    ],
    closing: para(plain(`Trên đây là kết quả tổ chức các hoạt động Ngày Công tác xã hội Việt Nam năm ${yearText} ${where}. ${body} báo cáo ${superiors.join(', ')}./.`)),
    recipients: [...superiors.map((s) => `${s} (b/c);`), 'Lãnh đạo Sở;', 'Lưu: VT, ……'],
    signer: opts.signer,
    authority: 'GIÁM ĐỐC',
    appendices: (reference) => [
      { title: 'BẢNG TỔNG HỢP SỐ NGƯỜI THAM GIA VÀ KINH PHÍ THỰC HIỆN', reference, blocks: [MONEY_UNIT, figuresTable(merged, set)] },
      { title: 'BẢNG TỔNG HỢP KẾT QUẢ CÁC ĐƠN VỊ TỔ CHỨC', reference, blocks: [activitiesTable(merged, set)] },
    ],
  });
}
