// The domain's words, declared once: the four measures a return reports, the groups
// units are sorted into (as data a campaign year selects), and the roster's shape.
// Schemas first; every type is inferred from its schema.
import { z } from 'zod';
import { Message } from './i18n';

// ---- Measures -------------------------------------------------------------------

/** What each row of a return reports, in the form's column order (columns 2 to 5). */
export const MEASURES = ['participants', 'totalFunding', 'budget', 'otherFunding'] as const;
export const MeasureSchema = z.enum(MEASURES);
export type Measure = z.infer<typeof MeasureSchema>;

export interface MeasureInfo {
  /** The column's heading on the standard form, and in English. */
  label: Message;
  /** The column's number on the form ("2", "3", "4", "5"), as messages name it. */
  no: string;
  /** The column-number row's text on the form ("3=4+5" for the computed total). */
  formNumber: string;
  kind: 'count' | 'money';
}

export const MEASURE_INFO: Record<Measure, MeasureInfo> = {
  participants: { label: { vi: 'Số người tham gia', en: 'Participants' }, no: '2', formNumber: '2', kind: 'count' },
  totalFunding: { label: { vi: 'Tổng kinh phí thực hiện', en: 'Total funding' }, no: '3', formNumber: '3=4+5', kind: 'money' },
  budget: { label: { vi: 'Ngân sách của cơ quan, đơn vị', en: "Unit's own budget" }, no: '4', formNumber: '4', kind: 'money' },
  otherFunding: { label: { vi: 'Vận động khác', en: 'Other mobilised funds' }, no: '5', formNumber: '5', kind: 'money' },
};

/** An object with one field per measure, each of the given schema. */
export function measureShape<T extends z.ZodType>(field: T): Record<Measure, T> {
  return Object.fromEntries(MEASURES.map((m) => [m, field])) as Record<Measure, T>;
}

export const TotalsSchema = z.object(measureShape(z.number().int()));
export type Totals = z.infer<typeof TotalsSchema>;

export function zeroTotals(): Totals {
  return { participants: 0, totalFunding: 0, budget: 0, otherFunding: 0 };
}

/** a + b, measure by measure. */
export function addTotals(a: Totals, b: Totals): Totals {
  const out = zeroTotals();
  for (const m of MEASURES) out[m] = a[m] + b[m];
  return out;
}

/** The sum of each measure over rows (or units' totals). */
export function sumTotals(rows: readonly Totals[]): Totals {
  const out = zeroTotals();
  for (const r of rows) for (const m of MEASURES) out[m] += r[m];
  return out;
}

// ---- Groups ----------------------------------------------------------------------

/** Every group id any campaign year uses. */
export const GROUP_IDS = ['I', 'II', 'III', 'IV', 'V'] as const;
export const GroupIdSchema = z.enum(GROUP_IDS);
export type GroupId = z.infer<typeof GroupIdSchema>;

export interface GroupDef {
  id: GroupId;
  /** A one-word English key, also accepted in a roster's group column. */
  key: string;
  /** "I. Các sở, ngành": the group's row in the summary. */
  heading: string;
  label: Message;
  /** How a unit's name starts when it belongs here (tested on the normalised name). */
  names?: RegExp;
  /** Words in a roster's group column that mean this group. */
  words?: RegExp;
}

export interface GroupSet {
  /** In the summary's order. */
  groups: readonly GroupDef[];
  /** Order the name patterns are tried in: the more specific first. */
  nameOrder: readonly GroupId[];
  /** Order the roster words are tried in: "cơ sở trợ giúp" also contains "sở". */
  wordOrder: readonly GroupId[];
  /** Where a unit no pattern recognises goes. */
  fallback: GroupId;
}

/** District level: huyện, thành phố, thị xã, quận, with their abbreviations. */
export const DISTRICT_LEVEL = String.raw`(?:huyện|h\.|thành phố|tp\.?|thị xã|tx\.?|quận|q\.)`;

/** The five groups of the 2017–2025 campaigns (provinces with districts). */
export const GROUPS_2017: GroupSet = {
  groups: [
    {
      id: 'I', key: 'departments', heading: 'I. Các sở, ngành', label: { vi: 'Các sở, ngành', en: 'Provincial departments' },
      names: /^(?:sở|ban|đài|báo|văn phòng|thanh tra|công an|bộ chỉ huy|kho bạc|cục)(?:\s|$)/u,
      words: /sở|ngành|department/u,
    },
    {
      id: 'II', key: 'districts', heading: 'II. UBND các huyện, thành phố', label: { vi: 'UBND các huyện, thành phố', en: 'District People’s Committees' },
      names: new RegExp(String.raw`^(?:(?:ubnd|(?:ủy|uỷ) ban nhân dân)\s*${DISTRICT_LEVEL}|huyện|thành phố|thị xã|quận|tp\.?|tx\.?)(?:(?<=\.)|\s|$)`, 'u'),
      words: /huyện|ubnd|ủy ban nhân dân|uỷ ban nhân dân|district/u,
    },
    {
      id: 'III', key: 'associations', heading: 'III. Các hội, đoàn thể', label: { vi: 'Các hội, đoàn thể', en: 'Mass organisations' },
      names: /^(?:hội|mặt trận|(?:ủy|uỷ) ban (?:mặt trận|mttq)|ubmttq|mttq|đoàn|tỉnh đoàn|thành đoàn|liên đoàn|liên hiệp|liên minh|công đoàn|cựu chiến binh)(?:\s|$)/u,
      words: /hội|đoàn thể|mặt trận|association|mass org/u,
    },
    {
      id: 'IV', key: 'facilities', heading: 'IV. Các cơ sở trợ giúp xã hội', label: { vi: 'Các cơ sở trợ giúp xã hội', en: 'Social assistance facilities' },
      names: /^(?:trung tâm|bệnh viện|quỹ|cơ sở|làng trẻ|trường)(?:\s|$)/u,
      words: /trợ giúp|bảo trợ|cơ sở|facilit/u,
    },
    { id: 'V', key: 'other', heading: 'V. Đơn vị khác', label: { vi: 'Đơn vị khác', en: 'Other units' }, words: /khác|other/u },
  ],
  // Mặt trận's committee starts "Ủy ban", so it is tested before the People's Committees.
  nameOrder: ['III', 'II', 'I', 'IV'],
  wordOrder: ['IV', 'II', 'III', 'I', 'V'],
  fallback: 'V',
};

/** The groups a campaign year's returns are sorted into (one set for every year so far). */
export function groupSetForYear(_year?: number): GroupSet {
  return GROUPS_2017;
}

/** The groups of the default set, in order. */
export const GROUPS = GROUPS_2017.groups;

export function groupOf(id: GroupId, set: GroupSet = GROUPS_2017): GroupDef {
  return set.groups.find((g) => g.id === id)!;
}

/** Roman numeral of a group's place in its set ("I" … "V"). */
export function groupNumeral(id: GroupId, set: GroupSet = GROUPS_2017): string {
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][set.groups.findIndex((g) => g.id === id)];
}

// ---- Roster ----------------------------------------------------------------------

/** A unit expected to report, and its group. */
export const RosterEntrySchema = z.object({ unit: z.string().trim().min(1), group: GroupIdSchema });
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

// ---- Campaign years ----------------------------------------------------------------

/** The first Social Work Day was 2017: the n-th edition is in year 2016 + n. */
export const FIRST_EDITION_YEAR = 2017;
/** Years a form, a check or a merge accepts. */
export const YEAR_RANGE = { min: FIRST_EDITION_YEAR, max: 2100 } as const;

export function isCampaignYear(n: number): boolean {
  return Number.isInteger(n) && n >= YEAR_RANGE.min && n <= YEAR_RANGE.max;
}

export function editionOf(year: number): number {
  return year - (FIRST_EDITION_YEAR - 1);
}

// ---- Files -------------------------------------------------------------------------

/** Base name of a file: messages and sheets show names, not where a file was found. */
export function fileBaseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
