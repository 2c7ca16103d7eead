// The consolidated workbook as a plan: the provincial summary in the style of seed 003's
// "BẢNG TỔNG HỢP KẾT QUẢ CÁC ĐƠN VỊ TỔ CHỨC", the funding breakdown and coverage beside it,
// the "Kết quả tổ chức" table, and a sheet listing every problem.
// Totals are live formulas so a correction typed into the sheet flows through.
import { DOCUMENT_FONT, DOCUMENT_STYLES, NUMBER_INDENT, a4Print } from './document-style';
import { vnDate } from './report-plan';
import { buildResultsSheet } from './results-sheet';
import { GroupResult, Merged, MergedUnit, coverageMessage } from './merge';
import { editionOf, fileBaseName, groupNumeral, groupOf, groupSetForYear } from './vocabulary';
import { CellStyle, ChartPlan, PlanCell, SheetPlan, WorkbookPlan, fitWrappedRows, SheetBuilder } from './plan';
import { Rect, cellAddress, columnLetter, quoteSheetName } from './a1';
import { Catalogue, Lang, Message } from './i18n';
import { NO_ROSTER, Received, receivedCounts, receivedWithoutRoster } from './coverage-text';
import { CheckRow, buildChecksSheet } from './checks-sheet';

export interface SummaryOptions {
  year?: number;
  province?: string;
  /** Issuing body, printed top left (e.g. "Sở Lao động - Thương binh và Xã hội"). */
  body?: string;
  lang?: Lang;
}

export const SUMMARY_SHEET = { vi: 'Tổng hợp', en: 'Summary' } as const;
export const COVERAGE_SHEET = { vi: 'Tình hình báo cáo', en: 'Coverage' } as const;
export const CHECK_SHEET = { vi: 'Kiểm tra', en: 'Checks' } as const;

const MONEY = '#,##0';
const PERCENT = '0.0%';

const STYLES: Record<string, CellStyle> = {
  ...DOCUMENT_STYLES,
  body: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true },
  groupNo: { bold: true, hAlign: 'center', border: true },
  groupText: { bold: true, border: true, wrap: true },
  groupNum: { bold: true, border: true, numberFormat: MONEY, hAlign: 'right', indent: NUMBER_INDENT },
  groupNote: { bold: true, italic: true, border: true, wrap: true, hAlign: 'center' },
  no: { hAlign: 'center', border: true, numberFormat: '0' },
  text: { border: true, wrap: true, vAlign: 'middle' },
  num: { border: true, numberFormat: MONEY, hAlign: 'right', indent: NUMBER_INDENT },
  small: { border: true, wrap: true, size: 10, vAlign: 'middle' },
  totalLabel: { bold: true, hAlign: 'center', border: true, fill: 'F2F2F2' },
  totalNum: { bold: true, border: true, numberFormat: MONEY, hAlign: 'right', indent: NUMBER_INDENT, fill: 'F2F2F2' },
  totalText: { bold: true, border: true, hAlign: 'center', fill: 'F2F2F2' },
  section: { bold: true, hAlign: 'left' },
  ratio: { border: true, hAlign: 'center' },
  pct: { border: true, numberFormat: PERCENT, hAlign: 'right', indent: NUMBER_INDENT },
  totalPct: { bold: true, border: true, numberFormat: PERCENT, hAlign: 'right', fill: 'F2F2F2' },
  line: { wrap: true, vAlign: 'top' },
  place: { italic: true, hAlign: 'center' },
  signer: { bold: true, hAlign: 'center' },
};

/** The sheet shows file names, not where the CLI found them. */
const base = fileBaseName;

// Columns of the summary table.
const C = { no: 1, unit: 2, participants: 3, total: 4, budget: 5, other: 6, source: 7, note: 8 } as const;
const LAST = 8;

/** Every text of the consolidated workbook. */
export const SUMMARY_TEXT = {
  title: { vi: 'BẢNG TỔNG HỢP KẾT QUẢ CÁC ĐƠN VỊ TỔ CHỨC', en: 'SUMMARY OF RESULTS REPORTED BY UNITS' },
  moneyUnit: { vi: 'Đơn vị tính: đồng', en: 'Amounts in đồng' },
  no: { vi: 'STT', en: 'No.' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  participants: { vi: 'Số người tham gia', en: 'Participants' },
  total: { vi: 'Tổng kinh phí thực hiện', en: 'Total funding' },
  breakdown: { vi: 'Trong đó', en: 'Of which' },
  budget: { vi: 'Ngân sách của cơ quan, đơn vị', en: "Units' own budget" },
  other: { vi: 'Vận động khác', en: 'Other mobilised funds' },
  source: { vi: 'Nguồn (tệp)', en: 'Source (file)' },
  note: { vi: 'Ghi chú', en: 'Notes' },
  grandTotal: { vi: 'Tổng cộng', en: 'Grand total' },
  fundingTitle: { vi: 'CƠ CẤU KINH PHÍ: NGÂN SÁCH VÀ VẬN ĐỘNG KHÁC', en: 'FUNDING: OWN BUDGET AND OTHER MOBILISED FUNDS' },
  groupCol: { vi: 'Nhóm đơn vị', en: 'Group' },
  reportedCol: { vi: 'Đã báo cáo', en: 'Reported' },
  budgetShare: { vi: 'Tỷ lệ ngân sách', en: 'Budget share' },
  otherShare: { vi: 'Tỷ lệ vận động khác', en: 'Other funds share' },
  coverageTitle: { vi: 'TÌNH HÌNH BÁO CÁO', en: 'REPORTING COVERAGE' },
  coverageSheetTitle: { vi: 'TÌNH HÌNH BÁO CÁO VÀ CƠ CẤU KINH PHÍ', en: 'REPORTING COVERAGE AND FUNDING' },
  signer: { vi: 'THỦ TRƯỞNG ĐƠN VỊ', en: 'HEAD OF OFFICE' },
  preparer: { vi: 'NGƯỜI TỔNG HỢP', en: 'PREPARED BY' },
  checkTitle: { vi: 'KIỂM TRA CÁC TỆP BÁO CÁO', en: 'CHECKS ON THE RETURNED FILES' },
  file: { vi: 'Tệp', en: 'File' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  cell: { vi: 'Ô', en: 'Cell' },
  severity: { vi: 'Mức độ', en: 'Severity' },
  message: { vi: 'Nội dung', en: 'Message' },
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  superseded: { vi: 'Bị thay thế', en: 'Superseded' },
  noProblems: { vi: 'Không có lỗi hay cảnh báo nào.', en: 'No errors or warnings.' },
  chart: { vi: 'Kinh phí theo nhóm đơn vị', en: 'Funding by group' },
  notInRoster: { vi: 'Ngoài danh sách đơn vị', en: 'Not in the roster' },
  files: { vi: 'tệp', en: 'files' },
  allReported: { vi: 'Tất cả đơn vị trong danh sách đã báo cáo.', en: 'Every unit in the roster has reported.' },
  rejectedNote: { vi: ' (tệp bị từ chối)', en: ' (file rejected)' },
  subtitle(year: number | undefined, province: string | undefined): Message {
    const where = province ? { vi: ` trên địa bàn ${province}`, en: ` in ${province}` } : { vi: '', en: '' };
    if (year === undefined) return { vi: `Ngày Công tác xã hội Việt Nam${where.vi}`, en: `Vietnam Social Work Day${where.en}` };
    return {
      vi: `“Ngày Công tác xã hội Việt Nam” lần thứ ${editionOf(year)} năm ${year}${where.vi}`,
      en: `Vietnam Social Work Day ${year} (edition ${editionOf(year)})${where.en}`,
    };
  },
  nameInFile: (unit: string): Message => ({ vi: `Tên trong tệp: ${unit}`, en: `Name in file: ${unit}` }),
  replaces: (files: string): Message => ({ vi: `Thay cho tệp cũ: ${files}`, en: `Replaces older file: ${files}` }),
  unitWarnings: (n: number): Message => ({ vi: `${n} cảnh báo (xem trang “${CHECK_SHEET.vi}”)`, en: `${n} warning(s) (see “${CHECK_SHEET.en}”)` }),
  // Without a roster nobody knows how many should have reported: what was received, and how to add the list.
  reportedNoRoster: (r: Received): Message => {
    const got = receivedWithoutRoster(r);
    return {
      vi: `${got.vi} ${NO_ROSTER.vi} Để đối chiếu, tổng hợp lại kèm danh sách (trang “Danh sách đơn vị” trong Excel, hoặc --roster ở dòng lệnh).`,
      en: `${got.en} ${NO_ROSTER.en} To compare, merge again with the list (the “Danh sách đơn vị” sheet in Excel, or --roster on the command line).`,
    };
  },
  groupReported: (reported: number, expected: number): Message => ({ vi: `Đã báo cáo ${reported}/${expected}`, en: `Reported ${reported}/${expected}` }),
  groupExtra: (n: number): Message => ({ vi: `Ngoài danh sách: ${n}`, en: `Not in the roster: ${n}` }),
  notMerged: (rejected: number, superseded: number): Message => ({
    vi: `Tệp chưa tổng hợp: ${rejected} tệp bị từ chối vì có lỗi, ${superseded} tệp bị thay bằng tệp mới hơn (xem trang “${CHECK_SHEET.vi}”).`,
    en: `Files not merged: ${rejected} rejected for errors, ${superseded} replaced by newer files (see “${CHECK_SHEET.en}”).`,
  }),
  onTime: (onTime: number, reported: number, deadline: string): Message => ({
    vi: `Đúng hạn: ${onTime}/${reported} đơn vị đã báo cáo (hạn gửi báo cáo: trước ngày ${deadline}).`,
    en: `On time: ${onTime}/${reported} reporting units (deadline: ${deadline}).`,
  }),
  late: (list: string): Message => ({ vi: `Báo cáo muộn: ${list}.`, en: `Late: ${list}.` }),
  lateDays: (unit: string, days: number): Message => ({ vi: `${unit} (${days} ngày)`, en: `${unit} (${days} day${days === 1 ? '' : 's'})` }),
  undated: (n: number): Message => ({ vi: `Không xác định được ngày báo cáo: ${n} đơn vị.`, en: `Report date unknown: ${n} units.` }),
  notReported: (n: number): Message => ({ vi: `Đơn vị chưa báo cáo (${n}):`, en: `Units not yet reported (${n}):` }),
  rejectedFiles: (files: string): Message => ({ vi: `Tệp có lỗi, chưa tổng hợp: ${files}`, en: `File has errors, not merged: ${files}` }),
  placeDate: (place: string, year: number | undefined): Message => ({ vi: `${place}, ngày ..... tháng ..... năm ${year ?? '.....'}`, en: `${place}, date ..................` }),
  checkCounts: (accepted: number, rejected: number, superseded: number, warnings: number): Message => ({
    vi: `Đã tổng hợp ${accepted} tệp; bị từ chối ${rejected}; bị thay thế ${superseded}; cảnh báo ${warnings}.`,
    en: `Merged ${accepted} files; rejected ${rejected}; superseded ${superseded}; warnings ${warnings}.`,
  }),
  supersededBy: (unit: string, by: string): Message => ({
    vi: `Đơn vị “${unit}” có tệp mới hơn là “${by}”; tệp này không được tổng hợp.`,
    en: `Unit “${unit}” has a newer file, “${by}”; this file was not merged.`,
  }),
  workbookTitle: (year: number | undefined): Message =>
    year ? { vi: `Tổng hợp Ngày Công tác xã hội Việt Nam năm ${year}`, en: `Vietnam Social Work Day ${year}: summary` } : { vi: 'Tổng hợp Ngày Công tác xã hội Việt Nam', en: 'Vietnam Social Work Day: summary' },
} satisfies Catalogue;
const L = SUMMARY_TEXT;


function unitNote(u: MergedUnit, hasRoster: boolean, t: (m: Message) => string): string | undefined {
  const notes: string[] = [];
  if (hasRoster && u.rosterIndex === undefined) notes.push(t(L.notInRoster));
  // Any difference in how the unit wrote its name is shown, so a reader can trace the row back to the file.
  if (u.rosterUnit !== undefined && u.unit.normalize('NFC') !== u.rosterUnit.normalize('NFC')) notes.push(t(L.nameInFile(u.unit)));
  if (u.replaces.length) notes.push(t(L.replaces(u.replaces.map(base).join(', '))));
  if (u.warnings.length) notes.push(t(L.unitWarnings(u.warnings.length)));
  return notes.length ? notes.join('; ') : undefined;
}

function coverageLine(m: Merged, t: (m: Message) => string): string {
  if (!m.roster) return t(L.reportedNoRoster(receivedCounts(m)));
  return t(coverageMessage(m));
}

/** Where the summary table put its group rows and its "Tổng cộng" row, for the sheet that points at them. */
interface SummaryTable {
  shown: GroupResult[];
  groupRows: Map<GroupResult, number>;
  totalRow: number;
}

function summarySheet(m: Merged, opts: SummaryOptions, t: (m: Message) => string): { plan: SheetPlan; table: SummaryTable } {
  const groupSet = groupSetForYear(m.year);
  const s = new SheetBuilder();
  const hasRoster = !!m.roster;

  s.titleBlock(opts.body, t(L.title), t(L.subtitle(opts.year, opts.province)), LAST);
  s.put(5, C.source, t(L.moneyUnit), 'unitOfMeasure', LAST);

  const h1 = 6;
  const h2 = 7;
  const colNo = 8;
  const spanning: [number, Message][] = [
    [C.no, L.no], [C.unit, L.unit], [C.participants, L.participants], [C.total, L.total], [C.source, L.source], [C.note, L.note],
  ];
  for (const [c, label] of spanning) {
    s.put(h1, c, t(label), 'th');
    s.put(h2, c, null, 'th');
    s.merges.push({ r1: h1, c1: c, r2: h2, c2: c });
  }
  s.put(h1, C.budget, t(L.breakdown), 'th', C.other);
  s.put(h2, C.budget, t(L.budget), 'th');
  s.put(h2, C.other, t(L.other), 'th');
  ['1', '2', '3', '4=5+6', '5', '6', '7', '8'].forEach((n, i) => s.put(colNo, i + 1, n, 'colNo'));
  s.rowHeights[h1] = 24;
  s.rowHeights[h2] = 36;

  // Groups that have a unit, or expected ones, each followed by its units.
  const shown = m.groups.filter((g) => g.units.length > 0 || g.expected > 0);
  const groupRows = new Map<GroupResult, number>();
  let r = colNo + 1;
  const first = r;
  for (const g of shown) {
    const gr = r++;
    groupRows.set(g, gr);
    s.put(gr, C.no, groupNumeral(g.id, groupSet), 'groupNo');
    s.put(gr, C.unit, t(g.label), 'groupText');
    g.units.forEach((u, i) => {
      s.put(r, C.no, i + 1, 'no');
      s.put(r, C.unit, u.display, 'text');
      s.put(r, C.participants, u.totals.participants, 'num');
      s.formula(r, C.total, `SUM(${cellAddress(r, C.budget)}:${cellAddress(r, C.other)})`, 'num');
      s.put(r, C.budget, u.totals.budget, 'num');
      s.put(r, C.other, u.totals.otherFunding, 'num');
      s.put(r, C.source, base(u.file), 'small');
      s.put(r, C.note, unitNote(u, hasRoster, t), 'small');
      r++;
    });
    const u2 = r - 1;
    for (const c of [C.participants, C.total, C.budget, C.other]) {
      // From the row below this one to the row above the next group (or "Tổng cộng"), so units inserted anywhere in the group count.
      if (g.units.length) s.formula(gr, c, `SUBTOTAL(9,${growingRange(c, 'ROW()+1', `ROW(${cellAddress(u2 + 1, c)})-1`)})`, 'groupNum');
      else s.put(gr, c, 0, 'groupNum');
    }
    s.put(gr, C.source, null, 'groupText');
    const cov = !hasRoster
      ? undefined
      : g.expected > 0
        ? t(L.groupReported(g.reported, g.expected))
        : t(L.groupExtra(g.extra));
    s.put(gr, C.note, cov, 'groupNote');
  }
  const last = r - 1;
  const totalRow = r++;
  s.put(totalRow, C.no, t(L.grandTotal), 'totalLabel', C.unit);
  for (const c of [C.participants, C.total, C.budget, C.other]) {
    // SUBTOTAL skips the group rows' own SUBTOTALs, so nothing is counted twice.
    if (last >= first) s.formula(totalRow, c, `SUBTOTAL(9,${growingRange(c, `ROW(${cellAddress(colNo, c, true)})+1`, 'ROW()-1')})`, 'totalNum');
    else s.put(totalRow, c, 0, 'totalNum');
  }
  s.put(totalRow, C.source, `${m.accepted.length} ${t(L.files)}`, 'totalText');
  s.put(totalRow, C.note, null, 'totalText');
  // Nothing below "Tổng cộng": a printed page holding only the repeated header and a signature is what the
  // clerk would otherwise get. The signature closes the coverage sheet, the end of the summary's text.

  const plan = s.sheet({
    name: t(SUMMARY_SHEET),
    font: DOCUMENT_FONT,
    columns: [6, 38, 13, 18, 18, 17, 24, 28],
    styles: STYLES,
    print: a4Print('landscape', { from: h1, to: colNo }),
    freezeRows: colNo + 1,
  });
  return { plan, table: { shown, groupRows, totalRow } };
}

/**
 * The funding breakdown, who has (not) reported, and the signature, on a sheet of their own: printed
 * under the summary they would get its repeated table header above them, and they are not part of the table.
 */
function coverageSheet(m: Merged, opts: SummaryOptions, t: (m: Message) => string, table: SummaryTable): SheetPlan {
  const groupSet = groupSetForYear(m.year);
  const s = new SheetBuilder();
  const hasRoster = !!m.roster;
  const { shown, groupRows, totalRow } = table;
  const summary = quoteSheetName(t(SUMMARY_SHEET));
  const inSummary = (row: number, c: number) => `${summary}!${cellAddress(row, c)}`;

  s.titleBlock(opts.body, t(L.coverageSheetTitle), t(L.subtitle(opts.year, opts.province)), LAST);
  let r = 6;

  // Funding breakdown: amounts point at the summary table, shares are formulas too.
  s.put(r++, C.no, t(L.fundingTitle), 'section', LAST);
  const fh = r++;
  const fundHead: [number, Message][] = [[C.no, L.no], [C.unit, L.groupCol], [C.participants, L.reportedCol], [C.total, L.total], [C.budget, L.budget], [C.other, L.other], [C.source, L.budgetShare], [C.note, L.otherShare]];
  for (const [c, label] of fundHead) s.put(fh, c, t(label), 'th');
  s.rowHeights[fh] = 36;
  const fundFirst = r;
  const shareRow = (row: number, src: number, styleNum: string, stylePct: string) => {
    for (const c of [C.total, C.budget, C.other]) s.formula(row, c, inSummary(src, c), styleNum);
    const d = cellAddress(row, C.total);
    s.formula(row, C.source, `IF(${d}=0,0,${cellAddress(row, C.budget)}/${d})`, stylePct);
    s.formula(row, C.note, `IF(${d}=0,0,${cellAddress(row, C.other)}/${d})`, stylePct);
  };
  for (const g of shown) {
    s.put(r, C.no, groupNumeral(g.id, groupSet), 'no');
    s.put(r, C.unit, t(g.label), 'text');
    const ratio = !hasRoster ? String(g.reported) : g.expected > 0 ? `${g.reported}/${g.expected}${g.extra ? ` (+${g.extra})` : ''}` : `+${g.extra}`;
    s.put(r, C.participants, ratio, 'ratio');
    shareRow(r, groupRows.get(g)!, 'num', 'pct');
    r++;
  }
  const fundLast = r - 1;
  s.put(r, C.no, t(L.grandTotal), 'totalLabel', C.unit);
  s.put(r, C.participants, hasRoster ? `${m.coverage.reported}/${m.coverage.expected}` : String(m.coverage.reported), 'totalText');
  shareRow(r, totalRow, 'totalNum', 'totalPct');
  r += 2;

  // Coverage in the province's words, then who has not reported.
  s.put(r++, C.no, t(L.coverageTitle), 'section', LAST);
  s.put(r, C.no, coverageLine(m, t), 'line', LAST);
  s.rowHeights[r++] = 32;
  if (m.deadline) {
    s.put(r++, C.no, t(L.onTime(m.coverage.onTime, m.accepted.length, vnDate(m.deadline))), 'line', LAST);
    const late = m.accepted.filter((u) => u.onTime === false);
    if (late.length) s.put(r++, C.no, t(L.late(late.map((u) => t(L.lateDays(u.display, u.daysLate ?? 0))).join(', '))), 'line', LAST);
    const undated = m.accepted.filter((u) => u.onTime === null).length;
    if (undated) s.put(r++, C.no, t(L.undated(undated)), 'line', LAST);
  }
  const notMerged = m.rejected.length + m.superseded.length;
  if (notMerged) {
    s.put(
      r++, C.no,
      t(L.notMerged(m.rejected.length, m.superseded.length)),
      'line', LAST,
    );
  }
  if (hasRoster) {
    const miss = m.coverage.missing;
    if (!miss.length) s.put(r++, C.no, t(L.allReported), 'line', LAST);
    else {
      s.put(r++, C.no, t(L.notReported(miss.length)), 'section', LAST);
      miss.forEach((u, i) => {
        s.put(r, C.no, i + 1, 'no');
        s.put(r, C.unit, u.unit, 'text');
        s.put(r, C.participants, t(groupOf(u.group, groupSet).label), 'text', C.other);
        const note = u.rejectedFiles.length ? t(L.rejectedFiles(u.rejectedFiles.map(base).join(', '))) : undefined;
        s.put(r, C.source, note, 'small', C.note);
        r++;
      });
    }
  }

  r++;
  const place = opts.province ?? '……………';
  s.put(r++, C.budget, t(L.placeDate(place, opts.year)), 'place', LAST);
  s.put(r, C.unit, t(L.preparer), 'signer');
  s.put(r++, C.budget, t(L.signer), 'signer', LAST);

  // Drawn by the Office adapter only (exceljs cannot draw charts).
  const charts: ChartPlan[] =
    fundLast >= fundFirst
      ? [{
          kind: 'columnStacked',
          title: L.chart,
          categories: { r1: fundFirst, c1: C.unit, r2: fundLast, c2: C.unit },
          series: [
            { name: L.budget, values: { r1: fundFirst, c1: C.budget, r2: fundLast, c2: C.budget } },
            { name: L.other, values: { r1: fundFirst, c1: C.other, r2: fundLast, c2: C.other } },
          ],
          anchor: { r1: r + 2, c1: C.unit, r2: r + 18, c2: C.other },
        }]
      : [];

  return s.sheet({
    name: t(COVERAGE_SHEET),
    font: DOCUMENT_FONT,
    columns: [6, 38, 13, 18, 18, 17, 24, 28],
    styles: STYLES,
    print: a4Print('landscape'),
    charts,
  });
}

function checkSheet(m: Merged, t: (m: Message) => string): SheetPlan {
  const rows: CheckRow[] = [
    ...m.rejected.flatMap((x) =>
      x.problems.map((p): CheckRow => ({
        file: x.file, sheet: p.sheet, cell: p.cell, kind: p.severity, message: t(p.message),
        severity: p.severity === 'error' ? t(L.error) + t(L.rejectedNote) : t(L.warning),
      })),
    ),
    ...m.superseded.map((x): CheckRow => ({ file: x.file, severity: t(L.superseded), kind: 'info', message: t(L.supersededBy(x.unit, base(x.by))) })),
    ...m.warnings.map((p): CheckRow => ({ file: p.file, sheet: p.sheet, cell: p.cell, severity: t(L.warning), kind: 'warning', message: t(p.message) })),
  ];
  return buildChecksSheet({
    name: t(CHECK_SHEET),
    title: t(L.checkTitle),
    note: t(L.checkCounts(m.accepted.length, m.rejected.length, m.superseded.length, m.warnings.length)),
    headers: [t(L.file), t(L.sheet), t(L.cell), t(L.severity), t(L.message)],
    empty: t(L.noProblems),
    columns: [30, 18, 8, 16, 90],
    rows,
  });
}

/** A range of one column between two row expressions; it stays right when rows are inserted at either end. */
function growingRange(c: number, fromRow: string, toRow: string): string {
  const col = `${columnLetter(c)}:${columnLetter(c)}`;
  return `INDEX(${col},${fromRow}):INDEX(${col},${toRow})`;
}

/** The consolidated workbook: the summary sheet and the checks sheet. */
export function buildSummaryPlan(merged: Merged, opts: SummaryOptions = {}): WorkbookPlan {
  const lang = opts.lang ?? 'vi';
  const t = (msg: Message) => msg[lang];
  const year = opts.year ?? merged.year;
  const o = { ...opts, year };
  const summary = summarySheet(merged, o, t);
  return {
    sheets: [summary.plan, coverageSheet(merged, o, t, summary.table), buildResultsSheet(merged, { year, province: opts.province, body: opts.body, lang }), checkSheet(merged, t)].map(fitWrappedRows),
    title: t(L.workbookTitle(year)),
  };
}

/** Column letters of the summary table, for adapters and tests. */
export const SUMMARY_COLUMNS = Object.fromEntries(Object.entries(C).map(([k, v]) => [k, columnLetter(v)])) as Record<keyof typeof C, string>;
