// Finds the standard form in a workbook someone else's reader turned into a grid,
// by its labels rather than fixed addresses, and validates every row.
import { z } from 'zod';
import { FORM_LABELS, FORM_NAMES } from './form';
import { PROBLEM_MESSAGES as MSG, ProblemCode } from './messages';
import { issuedNameProblem } from './prefilled-form';
import { parseWholeNumber } from './numbers';
import { readActivities } from './activities';
import { CELL_TEXT_EXAMINED, examinedText, examining, longText, resetMeters } from './text-meter';
import { readReportDate } from './report-date';
import { cellAddress } from './a1';
import { Message } from './i18n';
import { Problem, RawCell, RawName, RawSheet, RawWorkbook, RawWorkbookSchema, ReturnResult, ReturnRow, Severity, cellAt } from './returns';
import { MEASURES, Measure, sumTotals } from './vocabulary';
import { SPACES } from './text';

export interface ExtractOptions {
  /** The year being consolidated: a form for another year gets a warning. */
  campaignYear?: number;
  /** At most this many problems are listed per file (default 200). */
  maxProblems?: number;
}

/** Values above these in one row are probably typing mistakes (extra zeros). */
export const PLAUSIBLE = { participants: 100_000, money: 10_000_000_000 } as const;

// The reader is someone else's code: check the outline, not every cell (a sheet may be huge).
const RawWorkbookOutline = RawWorkbookSchema.pick({ file: true, modified: true }).extend({
  format: RawWorkbookSchema.shape.format.optional(),
  sheets: z.array(z.object({ name: z.string(), cells: z.custom<unknown[]>((v) => Array.isArray(v)) })),
  names: z.array(z.object({ name: z.string() }).passthrough()).optional(),
});

// Label searches read cells through the text meter (examinedText): bounded work however much text a file stores.

/** Lowercase NFC text with single spaces and no trailing colon, for comparing labels. */
function label(cell: RawCell | undefined): string {
  return examinedText(cell).normalize('NFC').toLowerCase().replace(SPACES, ' ').trim().replace(/\s*[:.]$/, '');
}

/** Column-number labels: "3 = 4 + 5", "(3)=(4)+(5)" and the number 4 all compare as written on the form. */
function compact(cell: RawCell | undefined): string {
  return examinedText(cell).normalize('NFC').replace(SPACES, '').replace(/[()]/g, '');
}

function isBlank(cell: RawCell | undefined): boolean {
  if (!cell) return true;
  if (cell.formula !== undefined || cell.error) return false;
  return cell.value === null || cell.value === undefined || (typeof cell.value === 'string' && blankText(cell.value));
}

/** Only spaces; a text too long to be examined is not blank (it is then no number either). */
const blankText = (s: string) => !longText(s) && s.replace(SPACES, '') === '';
const emptyResult = (s: string) => !longText(s) && s.trim() === '';

function shown(cell: RawCell | undefined): string {
  if (!cell) return '';
  const cut = (s: string) => (longText(s) ? `${s.slice(0, CELL_TEXT_EXAMINED).trim()}…` : s.trim());
  if (typeof cell.value === 'string') return cut(cell.value);
  return (cell.text && cut(cell.text)) || (cell.value === null ? '' : String(cell.value));
}

/** Where the form's columns were found: the row number (TT), when present, and each measure. */
type Columns = { tt?: number } & Record<Measure, number>;

interface Candidate {
  sheet: RawSheet;
  columnRow: number;
  cols: Columns;
}

function rowWidth(sheet: RawSheet, r: number): number {
  return sheet.cells[r - 1]?.length ?? 0;
}

function findColumns(sheet: RawSheet, r: number, c3: number): Columns | undefined {
  const width = rowWidth(sheet, r);
  const left = (from: number, want: string) => {
    for (let c = from; c >= 1; c--) if (compact(cellAt(sheet, r, c)) === want) return c;
    return undefined;
  };
  const right = (from: number, want: string) => {
    for (let c = from; c <= width; c++) if (compact(cellAt(sheet, r, c)) === want) return c;
    return undefined;
  };
  const participants = left(c3 - 1, '2');
  const budget = right(c3 + 1, '4');
  const otherFunding = budget ? right(budget + 1, '5') : undefined;
  if (!participants || !budget || !otherFunding) return undefined;
  return { tt: left(participants - 1, '1'), participants, totalFunding: c3, budget, otherFunding };
}

/** Forms considered per file: a blank copy next to the filled one is the real case; each costs a pass. */
const MAX_CANDIDATES = 20;

function findCandidates(raw: RawWorkbook): Candidate[] {
  const out: Candidate[] = [];
  for (const sheet of raw.sheets) {
    examining(sheet, 'find');
    for (let r = 1; r <= sheet.cells.length && out.length < MAX_CANDIDATES; r++) {
      const width = rowWidth(sheet, r);
      for (let c = 1; c <= width; c++) {
        if (compact(cellAt(sheet, r, c)) !== '3=4+5') continue;
        const cols = findColumns(sheet, r, c);
        if (cols) {
          out.push({ sheet, columnRow: r, cols });
          break;
        }
      }
    }
  }
  return out;
}

const TOTAL_LABELS = new Set(['tổng', 'tổng cộng', 'cộng', 'tổng số', 'total']);
// The activities block's title ends the table too: its x marks are not figures below "Tổng".
const FOOTER = /^(?:thủ trưởng|người lập|ký tên|\(ký|hình thức tổ chức)/u;

/** A footer line: FOOTER, or a date "… ngày … tháng … năm …" (found in one pass; `.*ngày.*tháng.*năm` backtracks). */
function isFooter(text: string): boolean {
  if (FOOTER.test(text)) return true;
  const d = text.indexOf('ngày');
  const m = d < 0 ? -1 : text.indexOf('tháng', d + 4);
  return m >= 0 && text.indexOf('năm', m + 5) >= 0;
}

/** The "Tổng" row: a total label left of the number columns. Without one, the table ends at the footer. */
function findEnd(c: Candidate, limit: number): { totalRow?: number; end: number } {
  const { sheet, cols } = c;
  examining(sheet);
  const labelCols = Math.max(cols.participants, cols.tt ?? 0);
  for (let r = c.columnRow + 1; r < limit; r++) {
    for (let col = 1; col <= labelCols; col++) {
      const cell = cellAt(sheet, r, col);
      if (typeof cell?.value === 'string' && TOTAL_LABELS.has(label(cell))) return { totalRow: r, end: r };
    }
  }
  for (let r = c.columnRow + 1; r < limit; r++) {
    const width = rowWidth(sheet, r);
    for (let col = 1; col <= width; col++) {
      const cell = cellAt(sheet, r, col);
      if (typeof cell?.value === 'string' && isFooter(label(cell))) return { end: r };
    }
  }
  return { end: limit };
}

const UNIT_LABEL = /^\s*đơn\s+vị\s+báo\s+cáo\s*[:：\-–]?\s*/iu;
const PLACEHOLDER = /^(?:[\s.…_\-–]*|\(?\s*tên đơn vị[^)]*\)?)$/iu;
// The form's own title lines: when rows above the table were deleted they must not pass for a unit's name.
const FORM_TEXT = /^(?:biểu\s+tổng\s+hợp|v\/v\s|\(gửi\s+kèm|“?ngày\s+công\s+tác\s+xã\s+hội)/iu;

function unitText(cell: RawCell | undefined): string | undefined {
  if (!cell || cell.error) return undefined;
  const v = cell.value;
  const s = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
  return s === '' || PLACEHOLDER.test(s) || UNIT_LABEL.test(s.normalize('NFC')) || FORM_TEXT.test(s.normalize('NFC')) ? undefined : s;
}

interface UnitFound {
  unit?: string;
  /** Where the name is, or where it should be written. */
  at?: { r: number; c: number };
}

function findUnit(raw: RawWorkbook, cand: Candidate): UnitFound {
  const { sheet } = cand;
  examining(sheet);
  // The label nearest above the column-number row.
  let lab: { r: number; c: number } | undefined;
  for (let r = cand.columnRow - 1; r >= 1 && !lab; r--) {
    const width = rowWidth(sheet, r);
    for (let c = 1; c <= width; c++) {
      const cell = cellAt(sheet, r, c);
      if (typeof cell?.value === 'string' && UNIT_LABEL.test(examinedText(cell).normalize('NFC'))) {
        lab = { r, c };
        break;
      }
    }
  }
  const merge = lab ? sheet.merges?.find((m) => m.r1 <= lab!.r && lab!.r <= m.r2 && m.c1 <= lab!.c && lab!.c <= m.c2) : undefined;
  const span = lab ? { r1: lab.r, c1: merge?.c1 ?? lab.c, r2: merge?.r2 ?? lab.r, c2: merge?.c2 ?? lab.c } : undefined;

  // The defined name, when it survived and still points at a filled cell near the label.
  const name = raw.names?.find((n: RawName) => n.name.toLowerCase() === FORM_NAMES.unit.toLowerCase());
  if (name && name.sheet === sheet.name && name.r1 && name.c1) {
    const near = span
      ? name.r1 > span.r2 && name.r1 <= span.r2 + 2 && name.c1 >= span.c1 - 1 && name.c1 <= span.c2 + 1
      : name.r1 < cand.columnRow;
    const unit = near ? unitText(cellAt(sheet, name.r1, name.c1)) : undefined;
    if (unit) return { unit, at: { r: name.r1, c: name.c1 } };
  }
  if (!lab || !span) return {};

  // "ĐƠN VỊ BÁO CÁO: Sở Y tế" in one cell.
  const labelCell = cellAt(sheet, lab.r, lab.c);
  const rest = typeof labelCell?.value === 'string' ? labelCell.value.normalize('NFC').replace(UNIT_LABEL, '').trim() : '';
  if (rest && !PLACEHOLDER.test(rest)) return { unit: rest, at: lab };
  for (let c = span.c1; c <= span.c2; c++) {
    const unit = unitText(cellAt(sheet, span.r2 + 1, c));
    if (unit) return { unit, at: { r: span.r2 + 1, c } };
  }
  return { at: { r: span.r2 + 1, c: span.c1 } };
}

// The "v/v" one is anchored and run from the first "v/v" only: unanchored, it rescans from every "v/v".
const YEAR_PATTERNS = [/công\s+tác\s+xã\s+hội(?:\s+việt\s+nam)?[”"]?\s+năm\s+(\d{4})/u, /^v\/v[^]*?năm\s+(\d{4})/u, /lần\s+thứ\s+\d+\s+năm\s+(\d{4})/u];
const fromFirst = (re: RegExp, text: string) => (re.source.startsWith('^v') ? text.slice(Math.max(0, text.indexOf('v/v'))) : text);

function findYear(cand: Candidate): { year: number; r: number; c: number } | undefined {
  const { sheet } = cand;
  examining(sheet);
  for (const re of YEAR_PATTERNS) {
    for (let r = 1; r < cand.columnRow; r++) {
      const width = rowWidth(sheet, r);
      for (let c = 1; c <= width; c++) {
        const cell = cellAt(sheet, r, c);
        if (typeof cell?.value !== 'string') continue;
        const text = label(cell);
        const m = re.exec(fromFirst(re, text));
        if (m) return { year: Number(m[1]), r, c };
      }
    }
  }
  return undefined;
}

interface Read {
  ok: boolean;
  present: boolean;
  value: number;
  fromText?: boolean;
}

interface Found {
  unit?: string;
  year?: number;
  yearCell?: string;
  rows: ReturnRow[];
  extras: Pick<ReturnResult, 'activities' | 'otherActivity' | 'banners' | 'reportDate' | 'reportDateSource' | 'reportDateCell'>;
  problems: Problem[];
}

/** Reads one candidate form; problems are in document order. */
function readForm(raw: RawWorkbook, cand: Candidate, limit: number, opts: ExtractOptions): Found {
  const { sheet, cols } = cand;
  const problems: Problem[] = [];
  let errors = 0;
  const add = (severity: Severity, code: ProblemCode, message: Message, r?: number, c?: number) => {
    if (severity === 'error') errors++;
    problems.push({ file: raw.file, sheet: sheet.name, ...(r && c ? { cell: cellAddress(r, c) } : {}), severity, code, message });
  };

  const u = findUnit(raw, cand);
  if (!u.unit) add('error', 'unit.missing', MSG['unit.missing'](u.at !== undefined), u.at?.r, u.at?.c);
  else if (/^[=+\-@]/.test(u.unit)) add('warning', 'unit.formulaLike', MSG['unit.formulaLike'](u.unit), u.at?.r, u.at?.c);

  const y = findYear(cand);
  const year = y?.year;
  if (y && opts.campaignYear !== undefined && y.year !== opts.campaignYear) add('warning', 'year.differs', MSG['year.differs'](y.year, opts.campaignYear), y.r, y.c);

  const { totalRow, end } = findEnd(cand, limit);
  if (totalRow === undefined) add('warning', 'totalRow.missing', MSG['totalRow.missing'](), cand.columnRow, cols.participants);

  const read = (r: number, c: number, col: Measure, code: 'participants.invalid' | 'money.invalid' | 'total.invalid'): Read => {
    const cell = cellAt(sheet, r, c);
    if (isBlank(cell)) return { ok: true, present: false, value: 0 };
    if (cell!.error) {
      add('error', 'cell.errorValue', MSG['cell.errorValue'](col, cell!.error), r, c);
      return { ok: false, present: true, value: 0 };
    }
    if (cell!.formula !== undefined && (cell!.value === null || cell!.value === undefined)) {
      add('error', 'cell.formulaNoValue', MSG['cell.formulaNoValue'](col), r, c);
      return { ok: false, present: true, value: 0 };
    }
    if (cell!.formula !== undefined && typeof cell!.value === 'string' && emptyResult(cell!.value)) return { ok: true, present: false, value: 0 };
    // No number is written in hundreds of characters; parsing one would cost its whole length.
    const res: ReturnType<typeof parseWholeNumber> = typeof cell!.value === 'string' && longText(cell!.value) ? { ok: false, reason: 'notNumber' } : parseWholeNumber(cell!.value);
    if (!res.ok) {
      add('error', code, MSG['participants.invalid'](col, shown(cell), res.reason, cell!.value), r, c);
      return { ok: false, present: true, value: 0 };
    }
    if (res.fromText) add('warning', 'number.text', MSG['number.text'](col, shown(cell), res.value), r, c);
    return { ok: true, present: true, value: res.value, fromText: res.fromText };
  };

  const rows: ReturnRow[] = [];
  let rowErrors = false;
  // Columns whose own "Tổng" is known to be off already (SUM skips text; column 3 not computed): no second warning.
  const explained = new Set<Measure>();
  for (let r = cand.columnRow + 1; r < end; r++) {
    const pc = cellAt(sheet, r, cols.participants);
    const tc = cellAt(sheet, r, cols.totalFunding);
    const bc = cellAt(sheet, r, cols.budget);
    const oc = cellAt(sheet, r, cols.otherFunding);
    const tcIdle = isBlank(tc) || (tc!.formula !== undefined && !tc!.error && (tc!.value === null || tc!.value === '' || tc!.value === 0));
    if (isBlank(pc) && isBlank(bc) && isBlank(oc) && tcIdle) continue;

    const before = errors;
    const p = read(r, cols.participants, 'participants', 'participants.invalid');
    const b = read(r, cols.budget, 'budget', 'money.invalid');
    const o = read(r, cols.otherFunding, 'otherFunding', 'money.invalid');
    const c3 = cols.totalFunding;
    const sum = b.value + o.value;
    if (p.fromText) explained.add('participants');
    if (b.fromText) explained.add('budget');
    if (o.fromText) explained.add('otherFunding');
    if (b.fromText || o.fromText) explained.add('totalFunding');
    const breakdown = b.present || o.present;

    if (tc && tc.formula !== undefined) {
      // A formula: its stored result, or 4 + 5 when none was stored.
      if (tc.value === null || tc.value === undefined || tc.error || (typeof tc.value === 'string' && emptyResult(tc.value))) {
        if (b.ok && o.ok && breakdown) {
          add('warning', 'total.computed', MSG['total.computed'](b.value, o.value), r, c3);
          explained.add('totalFunding');
        }
      } else {
        const t = parseWholeNumber(tc.value);
        if (t.ok && t.value > 0 && !breakdown) add('error', 'funding.noBreakdown', MSG['funding.noBreakdown'](t.value), r, c3);
        // SUM skips numbers stored as text, so a low result there is already explained.
        else if (b.ok && o.ok && !b.fromText && !o.fromText && (!t.ok || t.value !== sum)) {
          add('warning', 'total.formulaStale', MSG['total.formulaStale'](t.ok ? t.value : 0, b.value, o.value), r, c3);
          explained.add('totalFunding');
        }
      }
    } else if (!isBlank(tc)) {
      const t = read(r, c3, 'totalFunding', 'total.invalid');
      if (t.fromText) explained.add('totalFunding');
      if (t.ok && t.value > 0 && !breakdown) add('error', 'funding.noBreakdown', MSG['funding.noBreakdown'](t.value), r, c3);
      else if (t.ok && b.ok && o.ok && t.value !== sum) add('error', 'total.mismatch', MSG['total.mismatch'](t.value, b.value, o.value), r, c3);
    }

    if (errors > before) {
      rowErrors = true;
      continue;
    }
    if (p.value > PLAUSIBLE.participants) add('warning', 'participants.implausible', MSG['participants.implausible'](p.value), r, cols.participants);
    if (sum > PLAUSIBLE.money) add('warning', 'money.implausible', MSG['money.implausible'](sum), r, c3);
    rows.push({ row: r, participants: p.value, totalFunding: sum, budget: b.value, otherFunding: o.value });
  }

  // The "Tổng" row as written against the rows: the rows win.
  if (totalRow !== undefined && !rowErrors) {
    const sums = sumTotals(rows);
    for (const key of MEASURES) {
      if (explained.has(key)) continue;
      const cell = cellAt(sheet, totalRow, cols[key]);
      if (!cell || cell.error || cell.value === null || cell.value === undefined) continue;
      const t = parseWholeNumber(cell.value);
      if (t.ok && t.value !== sums[key]) add('warning', 'sum.disagrees', MSG['sum.disagrees'](key, t.value, sums[key]), totalRow, cols[key]);
    }
  }

  // Clerks who run out of rows sometimes type below "Tổng": those figures would be lost, so each such row is an error.
  if (totalRow !== undefined) {
    const stop = Math.min(limit, totalRow + 40);
    below: for (let r = totalRow + 1; r < stop; r++) {
      for (let c = 1; c <= rowWidth(sheet, r); c++) {
        const cell = cellAt(sheet, r, c);
        if (typeof cell?.value === 'string' && isFooter(label(cell))) break below;
      }
      const filled = [cols.participants, cols.budget, cols.otherFunding, cols.totalFunding].find((c) => {
        const cell = cellAt(sheet, r, c);
        return !isBlank(cell) && !(cell!.formula !== undefined && (cell!.value === null || cell!.value === '' || cell!.value === 0));
      });
      if (filled !== undefined) add('error', 'rows.belowTotal', MSG['rows.belowTotal'](r), r, filled);
    }
  }

  // Below the table: the activities block, then the footer line the head of unit dates.
  const below = totalRow !== undefined ? totalRow + 1 : end;
  const block = readActivities(sheet, raw.file, below, limit - 1);
  const date = readReportDate(sheet, raw.file, below, limit - 1, raw.modified, block.rows);
  problems.push(...block.problems, ...date.problems);
  const extras: Found['extras'] = {
    ...(block.present ? { activities: block.activities!, banners: block.banners!, ...(block.otherActivity ? { otherActivity: block.otherActivity } : {}) } : {}),
    ...(date.date ? { reportDate: date.date, reportDateSource: date.source, ...(date.cell ? { reportDateCell: date.cell } : {}) } : {}),
  };

  return { unit: u.unit, year, ...(y ? { yearCell: cellAddress(y.r, y.c) } : {}), rows, extras, problems };
}

function statusOf(problems: readonly Problem[]): ReturnResult['status'] {
  if (problems.some((p) => p.severity === 'error')) return 'error';
  return problems.length ? 'warning' : 'ok';
}

function capProblems(problems: Problem[], max: number, file: string): Problem[] {
  if (problems.length <= max) return problems;
  // Keep every error first so the status and the listed reasons agree.
  const errors = problems.filter((p) => p.severity === 'error');
  const kept = new Set([...errors, ...problems.filter((p) => p.severity !== 'error')].slice(0, max - 1));
  const out = problems.filter((p) => kept.has(p));
  const droppedError = errors.some((p) => !kept.has(p));
  out.push({ file, severity: droppedError ? 'error' : 'warning', code: 'problems.truncated', message: MSG['problems.truncated'](problems.length - out.length) });
  return out;
}

/** Finds the reporting form on any sheet of a workbook and validates it. */
export function extractReturn(raw: RawWorkbook, opts: ExtractOptions = {}): ReturnResult {
  const outline = RawWorkbookOutline.safeParse(raw);
  const file = typeof raw?.file === 'string' ? raw.file : '?';
  const base = { file, format: raw?.format, modified: raw?.modified };
  if (!outline.success) {
    return { ...base, rows: [], status: 'error', problems: [{ file, severity: 'error', code: 'form.notFound', message: MSG['form.notFound']([]) }] };
  }

  resetMeters();
  const candidates = findCandidates(raw);
  if (candidates.length === 0) {
    return { ...base, rows: [], status: 'error', problems: [{ file, severity: 'error', code: 'form.notFound', message: MSG['form.notFound'](raw.sheets.map((s) => s.name)) }] };
  }

  // Several forms (a blank copy next to the filled one): read each, keep the one with most content.
  const named = raw.names?.find((n) => n.name.toLowerCase() === FORM_NAMES.columnNumbers.toLowerCase());
  const found = candidates.map((cand, i) => {
    const next = candidates[i + 1];
    const limit = next && next.sheet === cand.sheet ? next.columnRow : cand.sheet.cells.length + 1;
    const f = readForm(raw, cand, limit, opts);
    const filled = f.rows.length > 0 || f.problems.some((p) => p.severity === 'error' && p.code !== 'unit.missing');
    const yearFits = opts.campaignYear !== undefined && f.year === opts.campaignYear;
    const score = (f.unit ? 4 : 0) + (filled ? 2 : 0) + (yearFits ? 1 : 0) + (named?.sheet === cand.sheet.name && named.r1 === cand.columnRow ? 0.5 : 0);
    return { cand, f, score, filled };
  });
  let best = found[0];
  for (const x of found) if (x.score > best.score) best = x;

  // Two filled forms that nothing tells apart: choosing one would be a guess.
  const rivals = found.filter((x) => x !== best && x.filled && best.filled && Math.floor(x.score) === Math.floor(best.score));
  if (rivals.length) {
    const sheets = [best, ...rivals].map((x) => x.cand.sheet.name);
    return {
      ...base,
      unit: best.f.unit,
      rows: [],
      status: 'error',
      problems: [{ file, sheet: best.cand.sheet.name, severity: 'error', code: 'form.ambiguous', message: MSG['form.ambiguous'](sheets) }],
    };
  }

  const problems = [...best.f.problems];
  const others = found.filter((x) => x !== best && x.score >= 2).map((x) => x.cand.sheet.name);
  if (others.length) problems.unshift({ file, sheet: best.cand.sheet.name, severity: 'warning', code: 'form.several', message: MSG['form.several'](best.cand.sheet.name, others) });
  if (best.f.rows.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push({
      file, sheet: best.cand.sheet.name, severity: 'warning', code: 'rows.none',
      message: MSG['rows.none'](),
    });
  }

  // A form pre-filled for one unit that comes back under another name.
  const issued = issuedNameProblem(raw, { file, sheet: best.cand.sheet.name, unit: best.f.unit });
  if (issued) problems.push(issued);

  const status = statusOf(problems);
  return {
    ...base,
    sheet: best.cand.sheet.name,
    unit: best.f.unit,
    year: best.f.year,
    ...(best.f.yearCell ? { yearCell: best.f.yearCell } : {}),
    rows: best.f.rows,
    ...best.f.extras,
    problems: capProblems(problems, opts.maxProblems ?? 200, file),
    status,
  };
}
