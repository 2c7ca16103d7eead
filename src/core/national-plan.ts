// The national workbook as a plan: one row per province of the national list (missing ones
// marked "Chưa báo cáo"), every unit of every province on a second sheet, and the checks.
// Province figures are SUMIF formulas over the units sheet and the national totals SUMs of
// the province rows, so a correction typed into a unit row flows all the way up.
import { DOCUMENT_FONT, DOCUMENT_STYLES, a4Print } from './document-style';
import { Catalogue, Lang, Message } from './i18n';
import { NationalMerged, ProvinceResult } from './national';
import { CellStyle, PlanCell, SheetPlan, WorkbookPlan, fitWrappedRows, SheetBuilder } from './plan';
import { Rect, cellAddress, columnLetter, quoteSheetName } from './a1';
import { editionOf, fileBaseName } from './vocabulary';
import { CheckRow, buildChecksSheet } from './checks-sheet';
// The sheets both levels have, named once.
import { CHECK_SHEET, COVERAGE_SHEET, SUMMARY_TEXT } from './summary-plan';

export interface NationalPlanOptions {
  year?: number;
  /** Issuing body, printed top left (e.g. "Bộ Y tế"). */
  body?: string;
  lang?: Lang;
}

export const NATIONAL_SHEET = { vi: 'Toàn quốc', en: 'National' } as const;
export const UNITS_SHEET = { vi: 'Đơn vị các tỉnh', en: 'Units by province' } as const;

const MONEY = '#,##0';
const STYLES: Record<string, CellStyle> = {
  ...DOCUMENT_STYLES,
  body: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true },
  no: { hAlign: 'center', border: true, numberFormat: '0' },
  text: { border: true, wrap: true, vAlign: 'middle' },
  missing: { border: true, wrap: true, vAlign: 'middle', color: '7F7F7F' },
  missingNote: { border: true, italic: true, wrap: true, vAlign: 'middle', color: 'C00000' },
  num: { border: true, numberFormat: MONEY, hAlign: 'right' },
  ratio: { border: true, hAlign: 'center' },
  pct: { border: true, numberFormat: '0.0%', hAlign: 'right' },
  small: { border: true, wrap: true, size: 10, vAlign: 'middle' },
  totalLabel: { bold: true, hAlign: 'center', border: true, fill: 'F2F2F2' },
  totalNum: { bold: true, border: true, numberFormat: MONEY, hAlign: 'right', fill: 'F2F2F2' },
  totalPct: { bold: true, border: true, numberFormat: '0.0%', hAlign: 'right', fill: 'F2F2F2' },
  totalText: { bold: true, border: true, hAlign: 'center', fill: 'F2F2F2' },
  section: { bold: true, hAlign: 'left' },
  line: { wrap: true, vAlign: 'top' },
  place: { italic: true, hAlign: 'center' },
  signer: { bold: true, hAlign: 'center' },
};

const base = fileBaseName;


// Columns of the national table.
const N = { no: 1, province: 2, reported: 3, expected: 4, participants: 5, total: 6, budget: 7, other: 8, share: 9, onTime: 10, source: 11, note: 12 } as const;
const N_LAST = 12;
// Columns of the units sheet.
const U = { no: 1, province: 2, group: 3, unit: 4, participants: 5, total: 6, budget: 7, other: 8, summary: 9, row: 10, source: 11, note: 12 } as const;
const U_LAST = 12;

// The summary's words where the national sheets say the same; the national ones on top.
const L = {
  ...SUMMARY_TEXT,
  title: { vi: 'BẢNG TỔNG HỢP KẾT QUẢ CÁC TỈNH, THÀNH PHỐ', en: 'SUMMARY OF RESULTS REPORTED BY PROVINCES' },
  unitsTitle: { vi: 'DANH SÁCH ĐƠN VỊ ĐÃ BÁO CÁO CỦA CÁC TỈNH, THÀNH PHỐ', en: 'UNITS REPORTED BY EACH PROVINCE' },
  province: { vi: 'Tỉnh, thành phố', en: 'Province' },
  unitsHead: { vi: 'Số đơn vị', en: 'Units' },
  reported: { vi: 'Đã báo cáo', en: 'Reported' },
  expected: { vi: 'Phải báo cáo', en: 'Expected' },
  share: { vi: 'Tỷ lệ ngân sách', en: 'Budget share' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  group: { vi: 'Nhóm', en: 'Group' },
  summary: { vi: 'Bảng tổng hợp của tỉnh', en: "Province's summary" },
  row: { vi: 'Dòng', en: 'Row' },
  unitFile: { vi: 'Tệp của đơn vị', en: "Unit's file" },
  notReported: { vi: 'Chưa báo cáo', en: 'Not reported' },
  checkTitle: { vi: 'KIỂM TRA CÁC TỆP TỔNG HỢP', en: 'CHECKS ON THE FILES' },
  error: { vi: 'Lỗi (tệp bị từ chối)', en: 'Error (file rejected)' },
  contained: { vi: 'Đã có trong bảng tỉnh', en: 'Already in a summary' },
} satisfies Catalogue;

function subtitle(year: number | undefined): Message {
  if (year === undefined) return { vi: 'Ngày Công tác xã hội Việt Nam — toàn quốc', en: 'Vietnam Social Work Day — nationwide' };
  return { vi: `“Ngày Công tác xã hội Việt Nam” lần thứ ${editionOf(year)} năm ${year} — toàn quốc`, en: `Vietnam Social Work Day ${year} (edition ${editionOf(year)}) — nationwide` };
}

/** Units on time, summed over the provinces whose summaries give it; undefined when none does. */
export function nationalTimeliness(n: NationalMerged): { onTime: number; of: number; provinces: ProvinceResult[] } | undefined {
  const provinces = n.provinces.filter((p) => p.onTime);
  if (!provinces.length) return undefined;
  return { onTime: provinces.reduce((s, p) => s + p.onTime!.onTime, 0), of: provinces.reduce((s, p) => s + p.onTime!.of, 0), provinces };
}

/** "Có 30/34 tỉnh, thành phố báo cáo" and the units line, in the Ministry's words. */
export function nationalCoverageLines(n: NationalMerged, lang: Lang = 'vi'): string[] {
  const c = n.coverage;
  const t = (m: Message) => m[lang];
  const lines = [
    t({ vi: `Có ${c.provinces.reported}/${c.provinces.expected} tỉnh, thành phố báo cáo.`, en: `${c.provinces.reported} of ${c.provinces.expected} provinces have reported.` }),
  ];
  if (c.provinces.missing.length) lines.push(t({ vi: `Chưa báo cáo (${c.provinces.missing.length}): ${c.provinces.missing.join(', ')}.`, en: `Not reported (${c.provinces.missing.length}): ${c.provinces.missing.join(', ')}.` }));
  lines.push(
    c.units.expected !== undefined
      ? t({ vi: `Đơn vị đã báo cáo (ở các tỉnh, thành phố đã báo cáo): ${c.units.reported}/${c.units.expected}.`, en: `Units reported (in the provinces that reported): ${c.units.reported}/${c.units.expected}.` })
      : t({ vi: `Đơn vị đã báo cáo (ở các tỉnh, thành phố đã báo cáo): ${c.units.reported}.`, en: `Units reported (in the provinces that reported): ${c.units.reported}.` }),
  );
  const timed = nationalTimeliness(n);
  if (timed) {
    const { onTime: on, of, provinces } = timed;
    lines.push(t({ vi: `Đúng hạn: ${on}/${of} đơn vị (theo ${provinces.length} tỉnh, thành phố có số liệu này).`, en: `On time: ${on}/${of} units (in the ${provinces.length} provinces that give it).` }));
  }
  return lines;
}

function provinceNote(p: ProvinceResult, t: (m: Message) => string): string | undefined {
  if (p.status === 'missing') return t(L.notReported);
  const notes: string[] = [];
  const formers = p.summaries.filter((s) => s.former).map((s) => s.former!);
  if (formers.length) notes.push(t({ vi: `Gồm bảng tổng hợp của: ${formers.join(', ')} (cũ)`, en: `Includes summaries of: ${formers.join(', ')} (former)` }));
  if (p.returnFiles.length) notes.push(t({ vi: `${p.returnFiles.length} biểu đơn vị gửi thẳng`, en: `${p.returnFiles.length} unit return(s) sent directly` }));
  const warnings = p.warnings.filter((w) => w.code !== 'return.inSummary');
  if (warnings.length) notes.push(t({ vi: `${warnings.length} cảnh báo (xem trang “${CHECK_SHEET.vi}”)`, en: `${warnings.length} warning(s) (see “${CHECK_SHEET.en}”)` }));
  return notes.length ? notes.join('; ') : undefined;
}

function nationalSheet(n: NationalMerged, opts: NationalPlanOptions, t: (m: Message) => string): SheetPlan {
  const s = new SheetBuilder();
  const units = quoteSheetName(t(UNITS_SHEET));
  s.titleBlock(opts.body, t(L.title), t(subtitle(opts.year)), N_LAST);
  s.put(5, N.source, t(L.moneyUnit), 'unitOfMeasure', N_LAST);

  const h1 = 6;
  const h2 = 7;
  const colNo = 8;
  for (const [c, label] of [[N.no, L.no], [N.province, L.province], [N.participants, L.participants], [N.total, L.total], [N.share, L.share], [N.onTime, L.onTime], [N.source, L.source], [N.note, L.note]] as const) {
    s.put(h1, c, t(label), 'th');
    s.put(h2, c, null, 'th');
    s.merges.push({ r1: h1, c1: c, r2: h2, c2: c });
  }
  s.put(h1, N.reported, t(L.unitsHead), 'th', N.expected);
  s.put(h2, N.reported, t(L.reported), 'th');
  s.put(h2, N.expected, t(L.expected), 'th');
  s.put(h1, N.budget, t(L.breakdown), 'th', N.other);
  s.put(h2, N.budget, t(L.budget), 'th');
  s.put(h2, N.other, t(L.other), 'th');
  ['1', '2', '3', '4', '5', '6=7+8', '7', '8', '9', '10', '11', '12'].forEach((x, i) => s.put(colNo, i + 1, x, 'colNo'));
  s.rowHeights[h1] = 24;
  s.rowHeights[h2] = 36;

  // SUMIF over the units sheet by the province's name: the figures trace to the unit rows below.
  const sumif = (r: number, col: number) => `SUMIF(${units}!$${columnLetter(U.province)}:$${columnLetter(U.province)},$${columnLetter(N.province)}${r},${units}!${columnLetter(col)}:${columnLetter(col)})`;
  let r = colNo + 1;
  const first = r;
  n.provinces.forEach((p, i) => {
    const missing = p.status === 'missing';
    s.put(r, N.no, i + 1, 'no');
    s.put(r, N.province, p.province.name, missing ? 'missing' : 'text');
    if (missing) {
      for (const c of [N.reported, N.expected, N.participants, N.total, N.budget, N.other, N.share, N.onTime, N.source]) s.put(r, c, null, 'text');
    } else {
      s.put(r, N.reported, p.unitsReported, 'num');
      s.put(r, N.expected, p.unitsExpected ?? null, 'num');
      s.formula(r, N.participants, sumif(r, U.participants), 'num');
      s.formula(r, N.total, `SUM(${cellAddress(r, N.budget)}:${cellAddress(r, N.other)})`, 'num');
      s.formula(r, N.budget, sumif(r, U.budget), 'num');
      s.formula(r, N.other, sumif(r, U.other), 'num');
      s.formula(r, N.share, `IF(${cellAddress(r, N.total)}=0,"",${cellAddress(r, N.budget)}/${cellAddress(r, N.total)})`, 'pct');
      s.put(r, N.onTime, p.onTime ? `${p.onTime.onTime}/${p.onTime.of}` : null, 'ratio');
      s.put(r, N.source, [...p.summaries.map((x) => base(x.file)), ...p.returnFiles.map(base)].join(', '), 'small');
    }
    s.put(r, N.note, provinceNote(p, t), missing ? 'missingNote' : 'small');
    r++;
  });
  const last = r - 1;
  const totalRow = r++;
  s.put(totalRow, N.no, t(L.grandTotal), 'totalLabel', N.province);
  // Expected units add up only when every province that reported gives them.
  const sumExpected = n.coverage.units.expected !== undefined;
  for (const c of [N.reported, N.expected, N.participants, N.budget, N.other]) {
    if (c === N.expected && !sumExpected) s.put(totalRow, c, null, 'totalNum');
    else s.formula(totalRow, c, `SUM(${cellAddress(first, c)}:${cellAddress(last, c)})`, 'totalNum');
  }
  s.formula(totalRow, N.total, `SUM(${cellAddress(totalRow, N.budget)}:${cellAddress(totalRow, N.other)})`, 'totalNum');
  s.formula(totalRow, N.share, `IF(${cellAddress(totalRow, N.total)}=0,"",${cellAddress(totalRow, N.budget)}/${cellAddress(totalRow, N.total)})`, 'totalPct');
  const timed = nationalTimeliness(n);
  s.put(totalRow, N.onTime, timed ? `${timed.onTime}/${timed.of}` : null, 'totalText');
  s.put(totalRow, N.source, `${n.coverage.provinces.reported}/${n.coverage.provinces.expected}`, 'totalText');
  s.put(totalRow, N.note, null, 'totalText');

  // Nothing below "Tổng cộng": the coverage lines and the signature are on their own sheet, where the
  // repeated table header does not reach (as in the provincial summary).

  return s.sheet({
    name: t(NATIONAL_SHEET),
    font: DOCUMENT_FONT,
    columns: [6, 24, 11, 11, 13, 17, 17, 16, 10, 10, 24, 26],
    styles: STYLES,
    print: a4Print('landscape', { from: h1, to: colNo }),
    freezeRows: colNo + 1,
  });
}

function unitsSheet(n: NationalMerged, t: (m: Message) => string): SheetPlan {
  const s = new SheetBuilder();
  s.put(1, 1, t(L.unitsTitle), 'title', U_LAST);
  s.put(2, 1, t(subtitle(n.year)), 'subtitle', U_LAST);
  s.put(3, U.summary, t(L.moneyUnit), 'unitOfMeasure', U_LAST);
  const head = 4;
  const heads: [number, Message][] = [[U.no, L.no], [U.province, L.province], [U.group, L.group], [U.unit, L.unit], [U.participants, L.participants], [U.total, L.total], [U.budget, L.budget], [U.other, L.other], [U.summary, L.summary], [U.row, L.row], [U.source, L.unitFile], [U.note, L.note]];
  for (const [c, label] of heads) s.put(head, c, t(label), 'th');
  s.rowHeights[head] = 36;
  let r = head + 1;
  let no = 1;
  for (const p of n.provinces) {
    for (const u of p.units) {
      s.put(r, U.no, no++, 'no');
      s.put(r, U.province, p.province.name, 'text');
      s.put(r, U.group, `${u.group}. ${u.groupLabel}`, 'small');
      s.put(r, U.unit, u.unit, 'text');
      s.put(r, U.participants, u.participants, 'num');
      s.formula(r, U.total, `SUM(${cellAddress(r, U.budget)}:${cellAddress(r, U.other)})`, 'num');
      s.put(r, U.budget, u.budget, 'num');
      s.put(r, U.other, u.otherFunding, 'num');
      s.put(r, U.summary, u.summaryFile ? base(u.summaryFile) : null, 'small');
      s.put(r, U.row, u.summaryRow ?? null, 'no');
      s.put(r, U.source, u.sourceFile ? base(u.sourceFile) : null, 'small');
      s.put(r, U.note, u.summaryFile ? u.note : t({ vi: 'Biểu đơn vị gửi thẳng', en: 'Unit return sent directly' }), 'small');
      r++;
    }
  }
  return s.sheet({
    name: t(UNITS_SHEET),
    font: DOCUMENT_FONT,
    columns: [7, 22, 22, 36, 12, 16, 16, 15, 22, 7, 24, 28],
    styles: STYLES,
    print: a4Print('landscape', { from: head, to: head }, false),
    freezeRows: head + 1,
  });
}

function checkSheet(n: NationalMerged, t: (m: Message) => string): SheetPlan {
  const contained = (p: { code: string }) => p.code === 'return.inSummary';
  const rows: CheckRow[] = [
    ...n.rejected.flatMap((x) =>
      x.problems.map((p): CheckRow => ({ file: x.file, sheet: p.sheet, cell: p.cell, severity: p.severity === 'error' ? t(L.error) : t(L.warning), kind: p.severity, message: t(p.message) })),
    ),
    ...n.superseded.map((x): CheckRow => ({
      file: x.file, severity: t(L.superseded), kind: 'info',
      message: t(x.kind === 'summary'
        ? { vi: `${x.province} có bảng tổng hợp mới hơn là “${base(x.by)}”; tệp này không được tính.`, en: `${x.province} has a newer summary, “${base(x.by)}”; this file was not counted.` }
        : { vi: `Đơn vị có tệp mới hơn là “${base(x.by)}”; tệp này không được tính.`, en: `The unit has a newer file, “${base(x.by)}”; this file was not counted.` }),
    })),
    ...n.warnings.map((p): CheckRow => ({ file: p.file, sheet: p.sheet, cell: p.cell, severity: t(contained(p) ? L.contained : L.warning), kind: contained(p) ? 'info' : 'warning', message: t(p.message) })),
  ];
  return buildChecksSheet({
    name: t(CHECK_SHEET),
    title: t(L.checkTitle),
    headers: [t(L.file), t(L.sheet), t(L.cell), t(L.severity), t(L.message)],
    empty: t(L.noProblems),
    columns: [30, 16, 8, 18, 90],
    rows,
  });
}

/** Coverage in words and the signature: short, but not part of the table its printed header repeats over. */
function coverageSheet(n: NationalMerged, opts: NationalPlanOptions, t: (m: Message) => string): SheetPlan {
  const s = new SheetBuilder();
  s.titleBlock(opts.body, t(L.coverageTitle), t(subtitle(opts.year)), C_LAST);
  let r = 6;
  for (const line of nationalCoverageLines(n, opts.lang ?? 'vi')) s.put(r++, 1, line, 'line', C_LAST);
  const notMerged = n.rejected.length + n.superseded.length;
  if (notMerged) {
    s.put(r++, 1, t(SUMMARY_TEXT.notMerged(n.rejected.length, n.superseded.length)), 'line', C_LAST);
  }
  r++;
  s.put(r++, 4, t(L.placeDate('Hà Nội', opts.year)), 'place', C_LAST);
  s.put(r, 2, t(L.preparer), 'signer');
  s.put(r++, 4, t(L.signer), 'signer', C_LAST);
  return s.sheet({
    name: t(COVERAGE_SHEET),
    font: DOCUMENT_FONT,
    // The national sheet's width on paper, in six columns: the lines wrap across all of them.
    columns: [6, 40, 30, 30, 40, 50],
    styles: STYLES,
    print: a4Print('landscape'),
  });
}
const C_LAST = 6;

/** The national workbook: provinces, coverage, their units, the checks. */
export function buildNationalPlan(n: NationalMerged, opts: NationalPlanOptions = {}): WorkbookPlan {
  const lang = opts.lang ?? 'vi';
  const t = (m: Message) => m[lang];
  const year = opts.year ?? n.year;
  const o = { ...opts, year };
  return {
    sheets: [nationalSheet(n, o, t), coverageSheet(n, o, t), unitsSheet(n, t), checkSheet(n, t)].map(fitWrappedRows),
    title: t(year ? { vi: `Tổng hợp toàn quốc Ngày Công tác xã hội Việt Nam năm ${year}`, en: `Vietnam Social Work Day ${year}: national summary` } : { vi: 'Tổng hợp toàn quốc Ngày Công tác xã hội Việt Nam', en: 'Vietnam Social Work Day: national summary' }),
  };
}

/** Column letters of the national table, for tests. */
export const NATIONAL_COLUMNS = Object.fromEntries(Object.entries(N).map(([k, v]) => [k, columnLetter(v)])) as Record<keyof typeof N, string>;
export const UNITS_COLUMNS = Object.fromEntries(Object.entries(U).map(([k, v]) => [k, columnLetter(v)])) as Record<keyof typeof U, string>;
