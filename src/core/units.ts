// Unit names: one key per unit however it is written, the group a unit belongs
// to, and the roster of units expected to report.
import { z } from 'zod';
import { PROBLEM_MESSAGES as MSG, RosterCode } from './messages';
import { Severity } from './returns';
import { DISTRICT_LEVEL, GROUPS_2017, GroupId, GroupSet, RosterEntry, groupOf } from './vocabulary';
import { Message } from './i18n';
import { SPACES } from './text';

/** NFC, lowercase, one space between words, no spaces around "-". */
function basicNormalize(s: string): string {
  return s
    .normalize('NFC')
    .replace(/^[\s=+\-@']+/, '') // a stray formula sign or apostrophe in front is not part of the name
    .toLowerCase()
    .replace(SPACES, ' ')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s*&\s*/g, ' & ')
    .trim()
    .replace(/^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s*[.\-–]\s*/u, '$1 ') // "UBND.huyện", "UBND - huyện"
    .replace(/\s*\([^()]*\)$/, '') // a trailing note: "(Phòng LĐTBXH)"
    .replace(/[.,;:]+$/, '')
    .trim()
    // The Fatherland Front as it is written: "UBMTTQ tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh".
    .replace(/(^|[^a-z])ubmttq(?![a-z])/g, '$1ủy ban mttq')
    .replace(/(^|[^a-z])mttq(?:vn)?(?![a-z])/g, '$1mặt trận tổ quốc')
    .replace(/(mặt trận tổ quốc|mat tran to quoc) (?:việt nam|viet nam)/u, '$1')
    .replace(/(^|[^a-z])hlhpn(?![a-z])/g, '$1hội liên hiệp phụ nữ');
}

// Where a unit adds its province ("Sở Y tế tỉnh Lạng Sơn", "…, tỉnh Lạng Sơn", "Trung tâm … tỉnh"): not part of which unit it is.
const PROVINCE_SUFFIX = /[,\s]+(?:tỉnh|tinh)(?:\s+[^,]+)?$/u;

function stripSuffix(s: string): string {
  const stripped = s.replace(PROVINCE_SUFFIX, '').trim();
  return stripped.length > 0 ? stripped : s;
}

// Old and new Vietnamese tone placement ("hoà"/"hòa", "thuỷ"/"thủy") at the end of a
// syllable; "qu" is a consonant, so "quý" is left alone.
const TONE_MOVES: [RegExp, string][] = (() => {
  const tones = [
    ['à', 'ả', 'ã', 'á', 'ạ'],
    ['è', 'ẻ', 'ẽ', 'é', 'ẹ'],
    ['ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ'],
  ];
  const oTones = ['ò', 'ỏ', 'õ', 'ó', 'ọ'];
  const uTones = ['ù', 'ủ', 'ũ', 'ú', 'ụ'];
  const out: [RegExp, string][] = [];
  for (let t = 0; t < 5; t++) {
    // New style "hoà" → old style "hòa" (tone on the first vowel).
    out.push([new RegExp(`o${tones[0][t]}(?![\\p{L}])`, 'gu'), `${oTones[t]}a`]);
    out.push([new RegExp(`o${tones[1][t]}(?![\\p{L}])`, 'gu'), `${oTones[t]}e`]);
    out.push([new RegExp(`(?<!q)u${tones[2][t]}(?![\\p{L}])`, 'gu'), `${uTones[t]}y`]);
  }
  return out;
})();

function canonicalTones(s: string): string {
  let out = s;
  for (const [re, to] of TONE_MOVES) out = out.replace(re, to);
  return out;
}

// Prefixes that say what kind of body a unit is, not which one. Longest first.
const PREFIXES = prefixPatterns(DISTRICT_LEVEL, '(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)', 'sở');
// The same without diacritics, for names typed without them ("UBND huyen Binh Gia").
const LOOSE_PREFIXES = prefixPatterns(String.raw`(?:huyen|h\.|thanh pho|tp\.?|thi xa|tx\.?|quan|q\.)`, '(?:ubnd|uy ban nhan dan)', 'so');

function prefixPatterns(level: string, committee: string, department: string): RegExp[] {
  return [
    new RegExp(String.raw`^${committee}\s*${level}\s*`, 'u'),
    new RegExp(String.raw`^${committee}\s+`, 'u'),
    new RegExp(String.raw`^${level}\s*`, 'u'),
    new RegExp(String.raw`^${department}\s+`, 'u'),
  ];
}

function stripPrefix(s: string, patterns: RegExp[]): string {
  for (const re of patterns) {
    const stripped = s.replace(re, '').trim();
    // Never strip a name down to nothing ("Huyện" alone stays "huyện").
    if (stripped !== s && stripped.length > 0) return stripped;
  }
  return s;
}

/**
 * The key two spellings of the same unit share: "UBND huyện Bình Gia",
 * "Huyện Bình Gia", "UBND H. Bình Gia" and "ubnd  huyện  BÌNH GIA" all give "bình gia".
 */
export function normalizeUnitName(s: string): string {
  return stripSuffix(stripPrefix(canonicalTones(basicNormalize(s)), PREFIXES));
}

/** The key without any diacritics, for a second-chance match ("Binh Gia"). */
export function looseUnitKey(s: string): string {
  const bare = basicNormalize(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
  return stripSuffix(stripPrefix(bare, LOOSE_PREFIXES));
}

/** The group a unit belongs to, guessed from how its name starts. */
export function inferGroup(name: string, set: GroupSet = GROUPS_2017): GroupId {
  const s = canonicalTones(basicNormalize(name));
  for (const id of set.nameOrder) if (groupOf(id, set).names?.test(s)) return id;
  return set.fallback;
}

const ROMAN: Record<string, GroupId> = { i: 'I', ii: 'II', iii: 'III', iv: 'IV', v: 'V', '1': 'I', '2': 'II', '3': 'III', '4': 'IV', '5': 'V' };

/** A roster's "Nhóm" cell to a group: "II", "2", "II. UBND các huyện, thành phố", "Các sở, ngành", "districts". */
export function groupFromText(text: string | number | null | undefined, set: GroupSet = GROUPS_2017): GroupId | undefined {
  if (text === null || text === undefined) return undefined;
  const s = basicNormalize(String(text));
  if (s === '') return undefined;
  const lead = /^(?:nhóm\s+)?([ivx]+|\d)(?:[.):\s]|$)/u.exec(s);
  if (lead && ROMAN[lead[1]]) return ROMAN[lead[1]];
  for (const g of set.groups) if (s === g.key || s === g.label.en.toLowerCase() || s === basicNormalize(g.label.vi)) return g.id;
  for (const id of set.wordOrder) if (groupOf(id, set).words?.test(s)) return id;
  return undefined;
}

export const RosterRowSchema = z.object({
  unit: z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? '' : String(v).trim())),
  group: z.union([z.string(), z.number()]).nullish(),
  /** Line or row number in the roster file, for messages. */
  line: z.number().int().optional(),
});
export type RosterRow = z.input<typeof RosterRowSchema>;

export interface RosterProblem {
  line?: number;
  unit?: string;
  severity: Severity;
  code: RosterCode;
  message: Message;
}

export interface RosterResult {
  entries: RosterEntry[];
  problems: RosterProblem[];
}

/**
 * Validates roster rows. A blank group is inferred from the name (warning); a group
 * that cannot be understood drops the row (error); a unit listed twice is kept once (warning).
 */
export function buildRoster(rows: readonly RosterRow[], set: GroupSet = GROUPS_2017): RosterResult {
  const entries: RosterEntry[] = [];
  const problems: RosterProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((input, i) => {
    const parsed = RosterRowSchema.safeParse(input);
    const line = (parsed.success ? parsed.data.line : undefined) ?? i + 1;
    if (!parsed.success) {
      problems.push({ line, severity: 'error', code: 'roster.badRow', message: MSG['roster.badRow'](line) });
      return;
    }
    const { unit, group } = parsed.data;
    const groupText = group === null || group === undefined ? '' : String(group).trim();
    if (unit === '') {
      if (groupText !== '') problems.push({ line, severity: 'warning', code: 'roster.noUnit', message: MSG['roster.noUnit'](line) });
      return;
    }
    let id: GroupId | undefined;
    if (groupText === '') {
      id = inferGroup(unit, set);
      problems.push({ line, unit, severity: 'warning', code: 'roster.groupInferred', message: MSG['roster.groupInferred'](line, unit, groupOf(id, set)) });
    } else {
      id = groupFromText(groupText, set);
      if (!id) {
        problems.push({ line, unit, severity: 'error', code: 'roster.unknownGroup', message: MSG['roster.unknownGroup'](line, groupText, unit, set.groups) });
        return;
      }
    }
    const key = normalizeUnitName(unit);
    const prev = seen.get(key);
    if (prev !== undefined) {
      problems.push({ line, unit, severity: 'warning', code: 'roster.duplicate', message: MSG['roster.duplicate'](line, unit, entries[prev].unit) });
      return;
    }
    seen.set(key, entries.length);
    entries.push({ unit, group: id });
  });
  return { entries, problems };
}

/** Finds a unit's roster entry: exact key first, then without diacritics when that names exactly one entry. */
export function createRosterMatcher(roster: readonly RosterEntry[]): (name: string) => number | undefined {
  const exact = new Map<string, number>();
  const loose = new Map<string, number[]>();
  roster.forEach((e, i) => {
    const k = normalizeUnitName(e.unit);
    if (!exact.has(k)) exact.set(k, i);
    const lk = looseUnitKey(e.unit);
    loose.set(lk, [...(loose.get(lk) ?? []), i]);
  });
  return (name: string) => {
    const hit = exact.get(normalizeUnitName(name));
    if (hit !== undefined) return hit;
    const l = loose.get(looseUnitKey(name));
    return l && l.length === 1 ? l[0] : undefined;
  };
}
