// How a unit organised its day: the optional block below the form's figures table
// ("Hình thức tổ chức (đánh dấu x)"), described once as data, and read back from a
// returned sheet by its labels, so inserted or moved rows do not matter.
import { examinedText, examining } from './text-meter';
import { cellAddress } from './a1';
import { problemMessage } from './messages';
import { CellStyle, ListRule, PlanCell } from './plan';
import { Rect } from './a1';
import { Problem, RawCell, RawSheet, cellAt } from './returns';
import { SPACES } from './text';

export type ActivityKind = 'tick' | 'banners' | 'other';

export interface ActivityType {
  key: string;
  /** As printed on the form and reported in `activities`. */
  label: string;
  en: string;
  kind: ActivityKind;
}

/** The types the source documents name, in the form's order. */
export const ACTIVITY_TYPES: readonly ActivityType[] = [
  { key: 'seminar', label: 'Tọa đàm', en: 'Seminar', kind: 'tick' },
  { key: 'meeting', label: 'Gặp mặt', en: 'Meeting', kind: 'tick' },
  { key: 'workshop', label: 'Hội thảo, tham luận', en: 'Workshop, papers', kind: 'tick' },
  { key: 'rally', label: 'Mít tinh, lễ kỷ niệm', en: 'Rally, ceremony', kind: 'tick' },
  { key: 'culture', label: 'Hoạt động văn hóa, văn nghệ', en: 'Cultural activities, performances', kind: 'tick' },
  { key: 'sports', label: 'Thể dục, thể thao', en: 'Sports', kind: 'tick' },
  { key: 'massMedia', label: 'Tuyên truyền trên phương tiện thông tin đại chúng', en: 'Campaign in the mass media', kind: 'tick' },
  { key: 'website', label: 'Tuyên truyền trên trang thông tin điện tử', en: 'Campaign on websites', kind: 'tick' },
  { key: 'banners', label: 'Kết hợp treo băng rôn, khẩu hiệu', en: 'With banners and slogans', kind: 'banners' },
  { key: 'other', label: 'Khác (ghi rõ)', en: 'Other (describe)', kind: 'other' },
];

export const ACTIVITIES_TITLE = 'Hình thức tổ chức (đánh dấu x)';

/** The labels of the ticked kinds, in form order: what `activities` lists. */
export const ACTIVITY_LABELS = ACTIVITY_TYPES.filter((t) => t.kind === 'tick').map((t) => t.label);

// ---------------------------------------------------------------- the block on the form

export const ACTIVITY_STYLES: Record<string, CellStyle> = {
  activityTitle: { bold: true, hAlign: 'left', vAlign: 'middle' },
  activityLabel: { border: true, wrap: true, vAlign: 'middle' },
  activityTick: { border: true, hAlign: 'center', vAlign: 'middle', bold: true, locked: false },
  activityText: { border: true, wrap: true, vAlign: 'middle', locked: false },
};

export interface ActivityBlockPlan {
  cells: PlanCell[];
  merges: Rect[];
  validations: ListRule[];
  rowHeights: Record<number, number>;
  /** Last row the block uses. */
  lastRow: number;
}

/**
 * The block from `top` down, across columns 1..lastColumn: each type's name merged over all
 * columns but the last, the tick cell in the last; "Khác (ghi rõ)" takes the first two columns
 * and leaves the rest for the unit's own words.
 */
export function activityBlock(top: number, lastColumn: number): ActivityBlockPlan {
  const cells: PlanCell[] = [];
  const merges: Rect[] = [];
  const rowHeights: Record<number, number> = {};
  const span = (r: number, c1: number, c2: number, value: string | null, style: string) => {
    cells.push({ r, c: c1, ...(value !== null ? { value } : {}), style });
    for (let c = c1 + 1; c <= c2; c++) cells.push({ r, c, style });
    if (c2 > c1) merges.push({ r1: r, c1, r2: r, c2 });
  };
  span(top, 1, lastColumn, ACTIVITIES_TITLE, 'activityTitle');
  let r = top + 1;
  const ticks: Rect[] = [];
  for (const t of ACTIVITY_TYPES) {
    if (t.kind === 'other') {
      span(r, 1, 2, t.label, 'activityLabel');
      span(r, 3, lastColumn, null, 'activityText');
      rowHeights[r] = 30;
    } else {
      span(r, 1, lastColumn - 1, t.label, 'activityLabel');
      cells.push({ r, c: lastColumn, style: 'activityTick' });
      ticks.push({ r1: r, c1: lastColumn, r2: r, c2: lastColumn });
      rowHeights[r] = 18;
    }
    r++;
  }
  const tickRange: Rect = { r1: ticks[0].r1, c1: lastColumn, r2: ticks[ticks.length - 1].r2, c2: lastColumn };
  const rule: ListRule = {
    kind: 'list',
    range: tickRange,
    values: ['x'],
    prompt: { title: { vi: 'Đánh dấu x', en: 'Tick with x' }, message: { vi: 'Gõ x nếu đơn vị đã tổ chức hình thức này; để trống nếu không.', en: 'Type x if the unit held this; leave empty if not.' } },
    error: { title: { vi: 'Chỉ gõ x', en: 'Type x only' }, message: { vi: 'Ô này chỉ nhận chữ x (đã tổ chức) hoặc để trống.', en: 'This cell takes only x (held) or nothing.' } },
  };
  return { cells, merges, validations: [rule], rowHeights, lastRow: r - 1 };
}

// ---------------------------------------------------------------- reading it back

/** Lowercase NFC text, one space, without list marks ("1.", "-", "+") in front or a colon behind. */
function key(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim()
    .replace(/^(?:\d+[.)]|[-+•*])\s*/u, '')
    .replace(/\s*[:.]$/, '')
    .replace(/\s*,\s*/g, ', ')
    // Old and new tone placement: "hoá"/"hóa", "toạ"/"tọa".
    .replace(/oá/g, 'óa')
    .replace(/oà/g, 'òa')
    .replace(/oạ/g, 'ọa')
    .replace(/oả/g, 'ỏa')
    .replace(/oã/g, 'õa');
}

const TITLE_KEY = /^hình thức tổ chức\b/u;
const TYPE_KEYS = new Map(ACTIVITY_TYPES.map((t) => [key(t.label), t]));
// "Khác" alone, "Khác (ghi rõ)", "Hình thức khác": the other row, however it is worded.
const OTHER_KEY = /^(?:khác|hình thức khác)(?:\s*\(.*\))?$/u;

/** Marks that count as ticked. */
const TICKED = new Set(['x', '✓', '✔', '☑', 'có']);

function textOf(cell: RawCell | undefined): string {
  if (!cell) return '';
  if (typeof cell.value === 'string') return cell.value;
  if (typeof cell.value === 'number') return cell.text ?? String(cell.value);
  if (typeof cell.value === 'boolean') return String(cell.value);
  return cell.text ?? '';
}

export interface ActivitiesRead {
  /** False when the sheet has no activities block: the other fields are then null. */
  present: boolean;
  activities: string[] | null;
  otherActivity: string | null;
  banners: boolean | null;
  problems: Problem[];
  /** Rows the block spans, so the figures reader and the footer reader can keep out of it. */
  rows?: { from: number; to: number };
}

const ABSENT: ActivitiesRead = { present: false, activities: null, otherActivity: null, banners: null, problems: [] };

/**
 * The cell right of a label: past the label's merged area, then the first one with something
 * in it (a reader that loses merges, or a label cell a clerk unmerged, leaves blanks between).
 */
function rightOf(sheet: RawSheet, r: number, c: number): number {
  const m = sheet.merges?.find((x) => x.r1 <= r && r <= x.r2 && x.c1 <= c && c <= x.c2);
  const first = (m ? m.c2 : c) + 1;
  const width = sheet.cells[r - 1]?.length ?? 0;
  for (let cc = first; cc <= Math.min(width, first + 8); cc++) {
    const cell = cellAt(sheet, r, cc);
    if (cell && cell.value !== null && cell.value !== undefined && !(typeof cell.value === 'string' && cell.value.trim() === '')) return cc;
  }
  return first;
}

/**
 * Reads the block in rows from..to (1-based, inclusive) of a sheet: the rows below the figures
 * table. Labels are matched wherever they are in that area, so rows may be moved or inserted.
 */
export function readActivities(sheet: RawSheet, file: string, from: number, to: number): ActivitiesRead {
  examining(sheet);
  let title: number | undefined;
  const found: { t: ActivityType; r: number; c: number }[] = [];
  let otherRow: { r: number; c: number } | undefined;
  const last = Math.min(to, sheet.cells.length);
  for (let r = from; r <= last; r++) {
    const width = sheet.cells[r - 1]?.length ?? 0;
    for (let c = 1; c <= width; c++) {
      const cell = cellAt(sheet, r, c);
      if (typeof cell?.value !== 'string') continue;
      const k = key(examinedText(cell));
      if (!k) continue;
      if (title === undefined && TITLE_KEY.test(k)) {
        title = r;
        continue;
      }
      const t = TYPE_KEYS.get(k);
      if (t && t.kind !== 'other') {
        if (!found.some((f) => f.t === t)) found.push({ t, r, c });
      } else if (!otherRow && (t?.kind === 'other' || OTHER_KEY.test(k))) otherRow = { r, c };
      // A label is the first text of its row that matters: the tick cell to its right is read separately.
      if (t || OTHER_KEY.test(k)) break;
    }
  }
  // Two labels, or the title with one, make a block; a lone word below the table does not.
  const labels = found.length + (otherRow ? 1 : 0);
  if (labels === 0 || (title === undefined && labels < 2)) return ABSENT;

  const problems: Problem[] = [];
  const ticked = new Set<ActivityType>();
  for (const f of found) {
    const c = rightOf(sheet, f.r, f.c);
    const cell = cellAt(sheet, f.r, c);
    if (!cell || cell.value === null || cell.value === undefined) continue;
    if (typeof cell.value === 'boolean') {
      if (cell.value) ticked.add(f.t);
      continue;
    }
    const s = textOf(cell).normalize('NFC').replace(SPACES, ' ').trim();
    if (s === '') continue;
    if (TICKED.has(s.toLowerCase())) ticked.add(f.t);
    else {
      problems.push({ file, sheet: sheet.name, cell: cellAddress(f.r, c), severity: 'warning', code: 'activity.tickUnclear', message: problemMessage('activity.tickUnclear', f.t.label, s) });
    }
  }
  let otherActivity: string | null = null;
  if (otherRow) {
    const cell = cellAt(sheet, otherRow.r, rightOf(sheet, otherRow.r, otherRow.c));
    const s = textOf(cell).normalize('NFC').replace(SPACES, ' ').trim();
    if (s && !/^[.…_\-–\s]*$/u.test(s)) otherActivity = TICKED.has(s.toLowerCase()) ? 'Khác' : s;
  }
  const rows = [title, ...found.map((f) => f.r), otherRow?.r].filter((r): r is number => r !== undefined);
  return {
    present: true,
    activities: ACTIVITY_TYPES.filter((t) => t.kind === 'tick' && ticked.has(t)).map((t) => t.label),
    otherActivity,
    banners: [...ticked].some((t) => t.kind === 'banners'),
    problems,
    rows: { from: Math.min(...rows), to: Math.max(...rows) },
  };
}
