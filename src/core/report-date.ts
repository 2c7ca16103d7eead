// When a unit dated its report: the form's footer line "<Tỉnh>, ngày … tháng … năm …"
// as the head of unit filled it in, else the date the file was last saved; and whether
// that is before the plan's deadline.
import { examinedText, examining } from './text-meter';
import { cellAddress } from './a1';
import { problemMessage } from './messages';
import { Problem, RawCell, RawSheet, cellAt } from './returns';
import { SPACES } from './text';

export type ReportDateSource = 'footer' | 'saved';

/** A calendar date as "YYYY-MM-DD"; undefined when the parts are not a real date. */
export function isoDate(y: number, m: number, d: number): string | undefined {
  if (!(y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DAY = 86_400_000;
/** Vietnam is UTC+7 all year: a file saved at 23:30 on 9/4 local time was saved on 9/4. */
const VIETNAM_OFFSET = 7 * 3_600_000;

/** The calendar day in Vietnam of a moment (ms since the epoch). */
export function vietnamDay(ms: number): string {
  return new Date(ms + VIETNAM_OFFSET).toISOString().slice(0, 10);
}

/** Days from a to b ("YYYY-MM-DD"), positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** "10/4/2027" (as the form's parameter and the CLI take it) → "2027-04-10". */
export function parseDayMonthYear(s: string): string | undefined {
  const m = /^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$/.exec(s);
  return m ? isoDate(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
}

export type FooterText =
  | { kind: 'date'; date: string }
  /** The line is there with its dots: not filled in. */
  | { kind: 'blank' }
  /** Filled in, but not a date ("ngày 31 tháng 2"). */
  | { kind: 'invalid'; text: string }
  | { kind: 'none' };

/** Reads "Lạng Sơn, ngày 28 tháng 3 năm 2027", "ngày 28/3/2027", "28/03/2027" and such. */
export function parseFooterText(raw: string): FooterText {
  const s = raw.normalize('NFC').replace(SPACES, ' ').trim();
  const words = /ngày\s*([0-9.…_ ]*?)\s*tháng\s*([0-9.…_ ]*?)\s*năm\s*([0-9.…_ ]*)/iu.exec(s);
  if (words) {
    const [d, m, y] = [words[1], words[2], words[3]].map((x) => x.replace(/[.…_ ]/g, ''));
    if (!d && !m) return { kind: 'blank' };
    if (!d || !m || !y) return { kind: 'invalid', text: s };
    const date = isoDate(Number(y), Number(m), Number(d));
    return date ? { kind: 'date', date } : { kind: 'invalid', text: s };
  }
  const num = /(?:^|[\s,:])(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?:$|[\s.,;])/u.exec(s);
  if (num) {
    const date = isoDate(Number(num[3]), Number(num[2]), Number(num[1]));
    return date ? { kind: 'date', date } : { kind: 'invalid', text: s };
  }
  return { kind: 'none' };
}

/** An Excel date serial (1900 system, as .xlsx/.xls/.ods readers hand them over) → "YYYY-MM-DD". */
export function serialDate(n: number): string | undefined {
  // 1/1/2000 … 31/12/2100: anything else in the footer is not a report date.
  if (!(n >= 36526 && n < 73051)) return undefined;
  return new Date(Math.round((n - 25569) * DAY)).toISOString().slice(0, 10);
}

export interface ReportDateRead {
  date?: string;
  source?: ReportDateSource;
  /** Where the footer date was read from. */
  cell?: string;
  problems: Problem[];
}

const SIGNER = /^(thủ trưởng|người lập|ký tên|\(ký)/iu;

/**
 * Finds the footer date in rows from..to (below the figures table, outside the activities block):
 * the "ngày … tháng … năm …" line as typed, or a date typed into that cell. Falls back to `saved`.
 */
export function readReportDate(sheet: RawSheet, file: string, from: number, to: number, saved: number | undefined, skip?: { from: number; to: number }): ReportDateRead {
  const problems: Problem[] = [];
  const last = Math.min(to, sheet.cells.length);
  examining(sheet);
  scan: for (let r = from; r <= last; r++) {
    if (skip && r >= skip.from && r <= skip.to) continue;
    const width = sheet.cells[r - 1]?.length ?? 0;
    for (let c = 1; c <= width; c++) {
      const cell = cellAt(sheet, r, c);
      if (!cell || cell.value === null || cell.value === undefined) continue;
      const text = typeof cell.value === 'string' ? examinedText(cell) : '';
      if (text && SIGNER.test(text.normalize('NFC').trim())) break scan;
      if (typeof cell.value === 'number') {
        // A date typed into the footer cell: the reader gives its serial, and often the text shown.
        const shown = cell.text ? parseFooterText(cell.text) : undefined;
        const date = shown?.kind === 'date' ? shown.date : cell.text === undefined || /\d[/.\-]\d/.test(cell.text) ? serialDate(cell.value) : undefined;
        if (date) return { date, source: 'footer', cell: cellAddress(r, c), problems };
        continue;
      }
      if (typeof cell.value !== 'string') continue;
      const f = parseFooterText(text);
      if (f.kind === 'date') return { date: f.date, source: 'footer', cell: cellAddress(r, c), problems };
      if (f.kind === 'invalid') {
        problems.push({ file, sheet: sheet.name, cell: cellAddress(r, c), severity: 'warning', code: 'reportDate.invalid', message: problemMessage('reportDate.invalid', f.text) });
        break scan;
      }
    }
  }
  return saved !== undefined ? { date: vietnamDay(saved), source: 'saved', problems } : { problems };
}

export interface Timeliness {
  onTime: boolean | null;
  /** Days after the deadline; 0 when on time; null without a date or a deadline. */
  daysLate: number | null;
}

/**
 * On time when dated on or before the deadline day: plans write "trước ngày 10/4" and
 * provinces count a report dated the 10th as in time.
 */
export function timeliness(reportDate: string | null | undefined, deadline: string | undefined): Timeliness {
  if (!reportDate || !deadline) return { onTime: null, daysLate: null };
  const late = daysBetween(deadline, reportDate);
  return late > 0 ? { onTime: false, daysLate: late } : { onTime: true, daysLate: 0 };
}
