// Reads back a consolidated workbook the product wrote (summary-plan.ts) as one provincial
// return, found by its labels: the column-number row "1 … 4=5+6 … 8", the group rows
// (Roman numerals), the "Tổng cộng" row, the title block and the coverage lines.
// A clerk may have inserted rows, corrected a figure or deleted the checks sheet:
// figures always come from the unit rows; a printed subtotal that disagrees is a warning.
import { CELL_TEXT_EXAMINED } from './text-meter';
import { Message } from './i18n';
import { PROBLEM_MESSAGES, ProblemCode } from './messages';
import { parseWholeNumber } from './numbers';
import { cellAddress } from './a1';
import { ProvinceDirectory, ProvinceMatch } from './provinces';
import { Problem, RawCell, RawSheet, RawWorkbook, Severity, cellAt } from './returns';
import { groupFromText } from './units';
import { GroupId, Totals } from './vocabulary';
import { SPACES } from './text';

const NM = PROBLEM_MESSAGES;

export interface SummaryUnit extends Totals {
  /** Excel row in the summary. */
  row: number;
  group: GroupId;
  /** The unit as the summary shows it. */
  name: string;
  /** The name in the unit's own file, when the summary noted a different one ("Tên trong tệp: …"). */
  nameInFile?: string;
  /** The unit's file, from the "Nguồn (tệp)" column. */
  source?: string;
  note?: string;
}

export interface SummaryGroup {
  id: GroupId;
  /** The group row's text as printed. */
  label: string;
  row: number;
  units: number;
  totals: Totals;
  /** "Đã báo cáo 4/5" on the group row, when printed. */
  reported?: number;
  expected?: number;
}

export interface ProvinceReturn {
  kind: 'summary';
  file: string;
  format?: RawWorkbook['format'];
  modified?: number;
  sheet?: string;
  /** Matched to the national list. */
  province?: { code: string; name: string; short: string };
  /** The text the province was read from, and where. */
  provinceText?: string;
  provinceCell?: string;
  /** A pre-2025 province name the summary gives (now part of `province`). */
  formerProvince?: string;
  year?: number;
  yearCell?: string;
  units: SummaryUnit[];
  groups: SummaryGroup[];
  totals: Totals;
  /** Units expected and reported, as the summary's coverage line gives them (reported adjusted to the unit rows). */
  coverage?: { reported: number; expected?: number; extra: number; cell: string };
  /** "Đúng hạn: 38/40", when the summary has it. */
  timeliness?: { onTime: number; of: number; cell: string };
  problems: Problem[];
  status: 'ok' | 'warning' | 'error';
}

interface Layout {
  sheet: RawSheet;
  columnRow: number;
  cols: { no: number; unit: number; participants: number; total: number; budget: number; other: number; source?: number; note?: number };
}

/** A cell's text; `max` cuts it first, for label searches, so a stored megabyte costs no more than a label. */
function str(cell: RawCell | undefined, max = Infinity): string {
  if (!cell) return '';
  const v = cell.value;
  if (typeof v === 'string') return (v.length > max ? v.slice(0, max) : v).normalize('NFC').replace(SPACES, ' ').trim();
  if (typeof v === 'number') return String(v);
  return (cell.text ?? '').slice(0, max).trim();
}

/** Lines searched for the province, the coverage and the timeliness are sentences, never this long. */
const LINE_EXAMINED = 1000;
const lower = (cell: RawCell | undefined) => str(cell, CELL_TEXT_EXAMINED).toLowerCase().replace(/\s*[:.]$/, '');
const compact = (cell: RawCell | undefined) => str(cell, CELL_TEXT_EXAMINED).replace(/\s+/g, '').replace(/[()]/g, '');
const width = (sheet: RawSheet, r: number) => sheet.cells[r - 1]?.length ?? 0;

function isBlank(cell: RawCell | undefined): boolean {
  if (!cell) return true;
  if (cell.formula !== undefined || cell.error) return false;
  return cell.value === null || cell.value === undefined || (typeof cell.value === 'string' && cell.value.replace(SPACES, '') === '');
}

const TOTAL_LABELS = new Set(['tổng cộng', 'grand total', 'tổng', 'cộng', 'total']);
const COVERAGE_SHEET_TITLE = /^(?:tình hình báo cáo|reporting coverage)/u;
const SECTION_AFTER = /^(?:cơ cấu kinh phí|funding:|tình hình báo cáo|reporting coverage)/u;
const SOURCE_LABELS = new Set(['nguồn (tệp)', 'nguồn', 'source (file)', 'source']);
const NOTE_LABELS = new Set(['ghi chú', 'notes', 'note']);
const UNIT_LABELS = new Set(['đơn vị', 'unit', 'tên đơn vị']);

/** The summary table on a sheet: its column-number row "… 3 | 4=5+6 | 5 | 6 …" under a "Đơn vị" header. */
function findLayout(sheet: RawSheet): Layout | undefined {
  for (let r = 1; r <= sheet.cells.length; r++) {
    const w = width(sheet, r);
    for (let c = 1; c <= w; c++) {
      if (compact(cellAt(sheet, r, c)) !== '4=5+6') continue;
      const find = (want: string, from: number, to: number) => {
        const step = from <= to ? 1 : -1;
        for (let x = from; step > 0 ? x <= to : x >= to; x += step) if (compact(cellAt(sheet, r, x)) === want) return x;
        return undefined;
      };
      const participants = find('3', c - 1, 1);
      const unit = participants ? find('2', participants - 1, 1) : undefined;
      const no = unit ? find('1', unit - 1, 1) : undefined;
      const budget = find('5', c + 1, w);
      const other = budget ? find('6', budget + 1, w) : undefined;
      if (!participants || !unit || !no || !budget || !other) continue;
      // The header above column 2 says what the table lists: units.
      const header = [r - 1, r - 2, r - 3].some((hr) => hr >= 1 && UNIT_LABELS.has(lower(cellAt(sheet, hr, unit))));
      if (!header) continue;
      const byHeader = (labels: Set<string>) => {
        for (let x = other + 1; x <= Math.max(w, width(sheet, r - 1), width(sheet, r - 2)); x++) {
          for (const hr of [r - 1, r - 2]) if (hr >= 1 && labels.has(lower(cellAt(sheet, hr, x)))) return x;
        }
        return undefined;
      };
      return { sheet, columnRow: r, cols: { no, unit, participants, total: c, budget, other, source: byHeader(SOURCE_LABELS) ?? find('7', other + 1, w), note: byHeader(NOTE_LABELS) ?? find('8', other + 1, w) } };
    }
  }
  return undefined;
}

/** Whether a workbook is a national summary this product wrote (its province table numbers "6=7+8"). */
export function isNationalWorkbook(raw: RawWorkbook): boolean {
  return !!raw?.sheets?.some((s) => Array.isArray(s?.cells) && s.cells.some((row) => row?.some((cell, c) => compact(cell ?? undefined) === '6=7+8' && compact(row[c - 1] ?? undefined) === '5')));
}

/** Whether a workbook holds a consolidated summary the product wrote (as opposed to a unit's form). */
export function isSummaryWorkbook(raw: RawWorkbook): boolean {
  return !!raw?.sheets?.some((s) => Array.isArray(s?.cells) && findLayout(s));
}

const ROMAN_NUMERAL = /^(?=[IVXLC])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;

const YEAR = [/công tác xã hội việt nam”?\s+lần thứ\s+\d+\s+năm\s+(\d{4})/u, /năm\s+(\d{4})/u, /social work day\s+(\d{4})/u];

/** "Đã báo cáo: 12/23 đơn vị (…). Ngoài danh sách: 2 đơn vị." → 12, 23, 2. */
function parseCoverage(text: string): { reported: number; expected?: number; extra: number } | undefined {
  const t = text.toLowerCase();
  // Without a roster the summary says only what was received: "12 đơn vị có số liệu hợp lệ từ 15 tệp; …".
  const received = /^([\d.,]+)\s*(?:đơn vị có số liệu hợp lệ|units? with valid figures)/u.exec(t);
  if (received) return { reported: Number(received[1].replace(/[.,]/g, '')), extra: 0 };
  const head = /^(?:đã báo cáo|reported)\s*:?\s*/u.exec(t);
  if (!head) return undefined;
  const rest = t.slice(head[0].length);
  const extraM = /(?:ngoài danh sách|outside the roster)\s*:?\s*(\d+)/u.exec(rest);
  const extra = extraM ? Number(extraM[1]) : 0;
  const overall = /^(\d+)\s*\/\s*(\d+)\s*(?:đơn vị|units)/u.exec(rest);
  if (overall) return { reported: Number(overall[1]), expected: Number(overall[2]), extra };
  const alone = /^(\d+)\s*(?:đơn vị|units)/u.exec(rest);
  if (alone) return { reported: Number(alone[1]), extra };
  // "40/65 xã, phường, đặc khu; 5/6 sở, ban, ngành; …": the groups add up.
  const pairs = [...rest.split(/(?:ngoài danh sách|outside the roster)/u)[0].matchAll(/(\d+)\s*\/\s*(\d+)/gu)];
  if (!pairs.length) return undefined;
  return { reported: pairs.reduce((s, m) => s + Number(m[1]), 0), expected: pairs.reduce((s, m) => s + Number(m[2]), 0), extra };
}

export interface ReadSummaryOptions {
  directory: ProvinceDirectory;
  /** The campaign year: a summary for another year gets a warning. */
  campaignYear?: number;
}

const ZERO: Totals = { participants: 0, totalFunding: 0, budget: 0, otherFunding: 0 };
const KEYS = ['participants', 'totalFunding', 'budget', 'otherFunding'] as const;

/** Reads a consolidated summary as one province's return; never throws on what the file holds. */
export function readSummary(raw: RawWorkbook, opts: ReadSummaryOptions): ProvinceReturn {
  const file = typeof raw?.file === 'string' ? raw.file : '?';
  const base: ProvinceReturn = { kind: 'summary', file, format: raw?.format, modified: raw?.modified, units: [], groups: [], totals: { ...ZERO }, problems: [], status: 'error' };
  let layout: Layout | undefined;
  for (const s of raw?.sheets ?? []) if (Array.isArray(s?.cells) && (layout = findLayout(s))) break;
  if (!layout) return { ...base, problems: [{ file, severity: 'error', code: 'summary.notFound', message: NM['summary.notFound']() }] };

  const { sheet, columnRow, cols } = layout;
  const problems: Problem[] = [];
  const add = (severity: Severity, code: ProblemCode, message: Message, r?: number, c?: number, onSheet = sheet.name) =>
    problems.push({ file, sheet: onSheet, ...(r && c ? { cell: cellAddress(r, c) } : {}), severity, code, message });

  // Where the table ends: "Tổng cộng", else the next section.
  let totalRow: number | undefined;
  let end = sheet.cells.length + 1;
  for (let r = columnRow + 1; r <= sheet.cells.length; r++) {
    const a = lower(cellAt(sheet, r, cols.no));
    const b = lower(cellAt(sheet, r, cols.unit));
    if (TOTAL_LABELS.has(a) || TOTAL_LABELS.has(b)) {
      totalRow = r;
      end = r;
      break;
    }
    if (SECTION_AFTER.test(a)) {
      end = r;
      break;
    }
  }
  if (totalRow === undefined) add('warning', 'summary.totalMissing', NM['summary.totalMissing'](), columnRow, cols.unit);

  const units: SummaryUnit[] = [];
  const groups: (SummaryGroup & { printed: Partial<Record<(typeof KEYS)[number], { value: number; c: number }>> })[] = [];
  let rowErrors = false;

  const number = (r: number, c: number, what: 'participants' | 'budget' | 'otherFunding'): { ok: boolean; value: number } => {
    const cell = cellAt(sheet, r, c);
    if (isBlank(cell)) return { ok: true, value: 0 };
    if (cell!.error) {
      add('error', 'summary.cellError', NM['summary.cellError'](what, cell!.error), r, c);
      return { ok: false, value: 0 };
    }
    if (cell!.formula !== undefined && (cell!.value === null || cell!.value === undefined)) {
      add('error', 'summary.formulaNoValue', NM['summary.formulaNoValue'](what), r, c);
      return { ok: false, value: 0 };
    }
    const res = parseWholeNumber(cell!.value);
    if (!res.ok) {
      add('error', 'summary.number.invalid', NM['summary.number.invalid'](what, str(cell)), r, c);
      return { ok: false, value: 0 };
    }
    if (res.fromText) add('warning', 'summary.number.text', NM['summary.number.text'](what, str(cell), res.value), r, c);
    return { ok: true, value: res.value };
  };
  /** A printed figure (a subtotal's cached result); undefined when none was saved. */
  const printed = (r: number, c: number): number | undefined => {
    const cell = cellAt(sheet, r, c);
    if (!cell || cell.error || cell.value === null || cell.value === undefined || cell.value === '') return undefined;
    const res = parseWholeNumber(cell.value);
    return res.ok ? res.value : undefined;
  };

  for (let r = columnRow + 1; r < end; r++) {
    const noCell = cellAt(sheet, r, cols.no);
    const nameCell = cellAt(sheet, r, cols.unit);
    const no = str(noCell);
    const name = str(nameCell);
    if (ROMAN_NUMERAL.test(no) && name) {
      const id = groupFromText(`${no}. ${name}`) ?? groupFromText(name) ?? 'V';
      const note = str(cellAt(sheet, r, cols.note ?? 0));
      const cov = /(\d+)\s*\/\s*(\d+)/.exec(note);
      const pr: (typeof groups)[number]['printed'] = {};
      for (const k of KEYS) {
        const c = k === 'participants' ? cols.participants : k === 'totalFunding' ? cols.total : k === 'budget' ? cols.budget : cols.other;
        const v = printed(r, c);
        if (v !== undefined) pr[k] = { value: v, c };
      }
      groups.push({ id, label: name, row: r, units: 0, totals: { ...ZERO }, ...(cov ? { reported: Number(cov[1]), expected: Number(cov[2]) } : {}), printed: pr });
      continue;
    }
    const figures = [cols.participants, cols.total, cols.budget, cols.other].map((c) => cellAt(sheet, r, c));
    const anyFigure = figures.some((c) => !isBlank(c) && !(c!.formula !== undefined && !c!.error && (c!.value === null || c!.value === 0 || c!.value === '')));
    if (!name && !anyFigure) continue;
    if (!name) {
      add('error', 'summary.unitNameMissing', NM['summary.unitNameMissing'](r), r, cols.unit);
      rowErrors = true;
      continue;
    }
    const before = problems.filter((p) => p.severity === 'error').length;
    const p = number(r, cols.participants, 'participants');
    const b = number(r, cols.budget, 'budget');
    const o = number(r, cols.other, 'otherFunding');
    const tc = cellAt(sheet, r, cols.total);
    if (b.ok && o.ok && !isBlank(tc)) {
      const t = printed(r, cols.total);
      if (t !== undefined && t !== b.value + o.value) {
        if (t > 0 && b.value + o.value === 0) add('error', 'summary.noBreakdown', NM['summary.noBreakdown'](t), r, cols.total);
        else add('warning', 'summary.rowTotalDisagrees', NM['summary.rowTotalDisagrees'](t, b.value, o.value), r, cols.total);
      }
    }
    if (problems.filter((x) => x.severity === 'error').length > before) {
      rowErrors = true;
      continue;
    }
    const group = groups[groups.length - 1];
    if (!group) add('warning', 'summary.unitOutsideGroup', NM['summary.unitOutsideGroup'](name), r, cols.unit);
    const note = cols.note ? str(cellAt(sheet, r, cols.note)) : '';
    const inFile = /(?:tên trong tệp|name in file)\s*:\s*([^;]+)/iu.exec(note);
    const source = cols.source ? str(cellAt(sheet, r, cols.source)) : '';
    const u: SummaryUnit = {
      row: r,
      group: group?.id ?? groupFromText(name) ?? 'V',
      name,
      ...(inFile ? { nameInFile: inFile[1].trim() } : {}),
      ...(source ? { source } : {}),
      ...(note ? { note } : {}),
      participants: p.value,
      totalFunding: b.value + o.value,
      budget: b.value,
      otherFunding: o.value,
    };
    units.push(u);
    if (group) {
      group.units++;
      for (const k of KEYS) group.totals[k] += u[k];
    }
  }

  const totals = units.reduce<Totals>((t, u) => ({ participants: t.participants + u.participants, totalFunding: t.totalFunding + u.totalFunding, budget: t.budget + u.budget, otherFunding: t.otherFunding + u.otherFunding }), { ...ZERO });
  // Printed subtotals and the grand total against the unit rows: the rows win.
  if (!rowErrors) {
    for (const g of groups) {
      for (const k of KEYS) {
        const pr = g.printed[k];
        if (pr && pr.value !== g.totals[k]) add('warning', 'summary.subtotalDisagrees', NM['summary.subtotalDisagrees'](g.label, k, pr.value, g.totals[k]), g.row, pr.c);
      }
    }
    if (totalRow !== undefined) {
      for (const k of KEYS) {
        const c = k === 'participants' ? cols.participants : k === 'totalFunding' ? cols.total : k === 'budget' ? cols.budget : cols.other;
        const v = printed(totalRow, c);
        if (v !== undefined && v !== totals[k]) add('warning', 'summary.grandTotalDisagrees', NM['summary.grandTotalDisagrees'](k, v, totals[k]), totalRow, c);
      }
    }
  }

  // Title block: the province and the year.
  const titleCells: { r: number; c: number; text: string }[] = [];
  for (let r = 1; r < columnRow - 2; r++) for (let c = 1; c <= width(sheet, r); c++) {
    const text = str(cellAt(sheet, r, c), LINE_EXAMINED);
    if (text) titleCells.push({ r, c, text });
  }
  const afterCells: { r: number; c: number; text: string; sheet?: string }[] = [];
  for (let r = end; r <= sheet.cells.length; r++) for (let c = 1; c <= width(sheet, r); c++) {
    const text = str(cellAt(sheet, r, c), LINE_EXAMINED);
    if (text) afterCells.push({ r, c, text });
  }
  // Since 2026 the coverage lines sit on a sheet of their own, titled "TÌNH HÌNH BÁO CÁO …".
  const coverageSheet = raw.sheets.find((x) => x !== sheet && Array.isArray(x?.cells) && x.cells.slice(0, 6).some((row) => row?.some((cell) => COVERAGE_SHEET_TITLE.test(lower(cell ?? undefined)))));
  if (coverageSheet) {
    for (let r = 1; r <= coverageSheet.cells.length; r++) for (let c = 1; c <= width(coverageSheet, r); c++) {
      const text = str(cellAt(coverageSheet, r, c), LINE_EXAMINED);
      if (text) afterCells.push({ r, c, text, sheet: coverageSheet.name });
    }
  }

  let year: { year: number; r: number; c: number } | undefined;
  for (const re of YEAR) {
    for (const x of titleCells) {
      const m = re.exec(x.text.toLowerCase());
      if (m) {
        year = { year: Number(m[1]), r: x.r, c: x.c };
        break;
      }
    }
    if (year) break;
  }
  if (year && opts.campaignYear !== undefined && year.year !== opts.campaignYear) add('warning', 'summary.yearDiffers', NM['summary.yearDiffers'](year.year, opts.campaignYear), year.r, year.c);

  const dir = opts.directory;
  let found: { match: ProvinceMatch; text: string; r?: number; c?: number } | undefined;
  const tryText = (text: string, r?: number, c?: number) => {
    if (found || !text) return;
    const match = dir.find(text) ?? dir.findIn(text);
    if (match) found = { match, text, r, c };
  };
  for (const x of titleCells) {
    const m = /(?:trên địa bàn|\bin)\s+(.+)$/iu.exec(x.text);
    if (m) tryText(m[1].replace(/[.”"]+$/, '').trim(), x.r, x.c);
  }
  for (const x of afterCells) {
    const m = /^(.+?),\s*(?:ngày|date)\b/iu.exec(x.text);
    if (m && /\p{L}/u.test(m[1])) tryText(m[1].trim(), x.r, x.c);
  }
  for (const x of titleCells) if (!YEAR.some((re) => re.test(x.text.toLowerCase()))) tryText(x.text, x.r, x.c);
  if (!found) {
    tryText(file.replace(/\.[^.]+$/, ''));
    if (found) add('warning', 'summary.provinceFromFile', NM['summary.provinceFromFile']((found as { match: ProvinceMatch }).match.province.name));
  }
  const f = found as { match: ProvinceMatch; text: string; r?: number; c?: number } | undefined;
  if (!f) add('error', 'summary.provinceMissing', NM['summary.provinceMissing'](dir.provinces.length), year?.r ?? 1, year?.c ?? 1);
  else if (f.match.former) add('warning', 'summary.provinceFormer', NM['summary.provinceFormer'](f.match.former, f.match.province.name), f.r, f.c);

  // Coverage and timeliness lines below the table, or on the coverage sheet.
  let coverage: ProvinceReturn['coverage'];
  for (const x of afterCells) {
    const cov = parseCoverage(x.text);
    if (!cov) continue;
    const cell = cellAddress(x.r, x.c);
    const rows = units.length;
    if (cov.expected !== undefined && cov.reported + cov.extra !== rows) {
      add('warning', 'summary.coverageStale', NM['summary.coverageStale'](cov.reported, cov.expected, cov.extra, rows), x.r, x.c, x.sheet);
      coverage = { reported: Math.max(0, rows - cov.extra), expected: cov.expected, extra: cov.extra, cell };
    } else if (cov.expected === undefined && cov.reported !== rows) {
      add('warning', 'summary.coverageStale', NM['summary.coverageStale'](cov.reported, undefined, 0, rows), x.r, x.c, x.sheet);
      coverage = { reported: rows, extra: 0, cell };
    } else coverage = { ...cov, cell };
    break;
  }
  let timeliness: ProvinceReturn['timeliness'];
  for (const x of [...afterCells, ...titleCells]) {
    const m = /(?:đúng hạn|on time)\s*:?\s*(\d+)\s*\/\s*(\d+)/iu.exec(x.text);
    if (m) {
      timeliness = { onTime: Number(m[1]), of: Number(m[2]), cell: cellAddress(x.r, x.c) };
      break;
    }
  }

  if (!units.length && !problems.some((p) => p.severity === 'error')) add('warning', 'summary.noUnits', NM['summary.noUnits'](), columnRow, cols.unit);

  const status = problems.some((p) => p.severity === 'error') ? 'error' : problems.length ? 'warning' : 'ok';
  return {
    ...base,
    sheet: sheet.name,
    ...(f ? { province: f.match.province, provinceText: f.text, ...(f.r && f.c ? { provinceCell: cellAddress(f.r, f.c) } : {}), ...(f.match.former ? { formerProvince: f.match.former } : {}) } : {}),
    ...(year ? { year: year.year, yearCell: cellAddress(year.r, year.c) } : {}),
    units,
    groups: groups.map(({ printed: _p, ...g }) => g),
    totals,
    ...(coverage ? { coverage } : {}),
    ...(timeliness ? { timeliness } : {}),
    problems,
    status,
  };
}

/**
 * The province a unit's own form names: its place line ("Lạng Sơn, ngày … tháng …"),
 * else the unit's name ("UBND xã Đoàn Kết, tỉnh Lạng Sơn"). Used only for mixed merges.
 */
export function provinceOfForm(raw: RawWorkbook, sheetName: string | undefined, unit: string | undefined, dir: ProvinceDirectory): ProvinceMatch | undefined {
  const sheet = raw.sheets.find((s) => s.name === sheetName) ?? raw.sheets[0];
  if (sheet) {
    for (let r = 1; r <= sheet.cells.length; r++) for (let c = 1; c <= width(sheet, r); c++) {
      const m = /^(.+?),\s*ngày\b/iu.exec(str(cellAt(sheet, r, c)));
      if (m && /\p{L}/u.test(m[1])) {
        const hit = dir.find(m[1]) ?? dir.findIn(m[1]);
        if (hit) return hit;
      }
    }
  }
  const suffix = unit ? /(?:tỉnh|thành phố|tp\.?)\s+([^,]+)$/iu.exec(unit) : null;
  return suffix ? dir.find(suffix[1]) : undefined;
}
