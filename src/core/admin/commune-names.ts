// Reading a commune-level unit's name however a clerk writes it: "UBND xã Đoàn Kết", "Xã Đoàn Kết",
// "UBND P. Đông Kinh", "ĐK Phú Quốc", "UBND xa Doan Ket, tinh Lang Son", "Xã Hòa Bình (huyện Chi Lăng)".
import { cleanPlaceText, looseKey, toneKey } from './name-keys';

/** Commune-level types; a town (thị trấn) existed only before 1 July 2025. */
export type CommuneType = 'xa' | 'phuong' | 'dac-khu' | 'thi-tran';

export const COMMUNE_TYPE_WORD: Record<CommuneType, string> = { xa: 'xã', phuong: 'phường', 'dac-khu': 'đặc khu', 'thi-tran': 'thị trấn' };

/** Where a name says it lies, after the name: "tỉnh Lạng Sơn", "huyện Bình Gia", "TP Hải Phòng". */
export interface PlaceQualifier {
  kind: 'province' | 'district' | 'city' | 'unknown';
  name: string;
}

export interface CommuneName {
  /** Started with "UBND" / "Ủy ban nhân dân". */
  committee: boolean;
  type?: CommuneType;
  /** The name proper as written: "Đoàn Kết". */
  name: string;
  qualifiers: PlaceQualifier[];
}

const COMMITTEE = /^(?:ubnd|(?:ủy|uỷ|uy) ban nhân dân|uy ban nhan dan)(?:\s*[.\-–]\s*|\s+|(?=[xpđdt]\.))/u;
const TYPES: [CommuneType, RegExp][] = [
  ['dac-khu', /^(?:đặc khu|dac khu)\s+|^(?:đk|dk)(?:\.\s*|\s+)/u],
  ['thi-tran', /^(?:thị trấn|thi tran)\s+|^tt(?:\.\s*|\s+)/u],
  ['phuong', /^(?:phường|phuong)\s+|^p(?:\.\s*|\s+)/u],
  ['xa', /^(?:xã|xa)\s+|^x(?:\.\s*)/u],
];
// A place after a comma, a dash or in brackets; or, without them, one written in full with diacritics.
const QUALIFIER_WORD: [PlaceQualifier['kind'], RegExp][] = [
  ['province', /^(?:tỉnh|tinh)\s+/u],
  ['city', /^(?:thành phố|thanh pho|tp)(?:\.\s*|\s+)|^tp(?=\p{Lu})/u],
  ['district', /^(?:huyện|huyen|quận|quan|thị xã|thi xa|tx|h|q)(?:\.\s*|\s+)/u],
];
const BARE_QUALIFIER = /\s+(?=(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã)\s+\S)/u;

function qualifier(text: string): PlaceQualifier {
  const lower = text.toLowerCase();
  for (const [kind, re] of QUALIFIER_WORD) {
    const m = re.exec(lower);
    if (m) return { kind, name: cleanPlaceText(text.slice(m[0].length)) };
  }
  return { kind: 'unknown', name: cleanPlaceText(text) };
}

/** The parts of a unit name; type is absent when the name does not say it is a xã, phường, đặc khu or thị trấn. */
export function parseCommuneName(text: string): CommuneName {
  let s = cleanPlaceText(text);
  const qualifiers: PlaceQualifier[] = [];
  // Qualifiers in brackets or after a comma: "(huyện Bình Gia)", ", tỉnh Lạng Sơn"; after a spaced dash only
  // when they say what they are (" - tỉnh Lạng Sơn"), since names have dashes ("Phường Văn Miếu - Quốc Tử Giám").
  for (;;) {
    const m = /\s*(?:\(([^()]*)\)|[,;]\s*([^,;()]*)|\s[-–]\s+([^,;()\-–]*))$/u.exec(s);
    if (!m || m.index === 0) break;
    const part = (m[1] ?? m[2] ?? m[3]).trim();
    const q = qualifier(part);
    if (m[3] !== undefined && q.kind === 'unknown') break;
    if (part) qualifiers.unshift(q);
    s = s.slice(0, m.index).trim();
  }
  let lower = s.toLowerCase();
  const same = lower.length === s.length;
  const cut = (from: number, to?: number) => {
    s = s.slice(from, to).trim();
    lower = same ? s.toLowerCase() : lower.slice(from, to).trim();
  };
  let committee = false;
  const c = COMMITTEE.exec(lower);
  if (c && lower.length > c[0].length) {
    committee = true;
    cut(c[0].length);
  }
  let type: CommuneType | undefined;
  for (const [t, re] of TYPES) {
    const m = re.exec(lower);
    if (m && /[\p{L}\d]/u.test(lower.slice(m[0].length))) {
      type = t;
      cut(m[0].length);
      break;
    }
  }
  // A place written in full without punctuation after the name: "Xã Đoàn Kết tỉnh Lạng Sơn".
  const bare = type ? BARE_QUALIFIER.exec(lower) : null;
  if (bare && bare.index > 0) {
    qualifiers.unshift(...s.slice(bare.index).trim().split(BARE_QUALIFIER).map(qualifier));
    cut(0, bare.index);
  }
  return { committee, ...(type ? { type } : {}), name: same ? s : lower, qualifiers };
}

/** Keys of a commune-level name: with its type (exact tones, then no diacritics) and the name alone. */
export function communeKeys(n: CommuneName): { typed?: string; typedLoose?: string; name: string; nameLoose: string } {
  const name = toneKey(n.name);
  const nameLoose = looseKey(n.name);
  return n.type ? { typed: `${n.type}:${name}`, typedLoose: `${n.type}:${nameLoose}`, name, nameLoose } : { name, nameLoose };
}

/**
 * Finds which of `names` a written name means: same type and name (tones in any placement), then the same
 * without diacritics, then, when the written name gives no type, the name alone; each only when it names exactly one.
 */
export function createCommuneMatcher(names: readonly string[]): (text: string) => number | undefined {
  const maps = { typed: new Map<string, number[]>(), typedLoose: new Map<string, number[]>(), name: new Map<string, number[]>(), nameLoose: new Map<string, number[]>() };
  names.forEach((n, i) => {
    const parsed = parseCommuneName(n);
    if (!parsed.type) return;
    const keys = communeKeys(parsed);
    for (const k of ['typed', 'typedLoose', 'name', 'nameLoose'] as const) {
      const key = keys[k]!;
      const list = maps[k].get(key) ?? [];
      if (!list.includes(i)) list.push(i);
      maps[k].set(key, list);
    }
  });
  const one = (m: Map<string, number[]>, k: string | undefined) => {
    const hit = k === undefined ? undefined : m.get(k);
    return hit && hit.length === 1 ? hit[0] : undefined;
  };
  const find = (text: string): number | undefined => {
    const parsed = parseCommuneName(text);
    const keys = communeKeys(parsed);
    if (parsed.type) {
      const exact = maps.typed.get(keys.typed!);
      if (exact) return exact.length === 1 ? exact[0] : undefined;
      return one(maps.typedLoose, keys.typedLoose);
    }
    // No type written ("UBND Đoàn Kết"): only a committee or a bare name that names one commune.
    return one(maps.name, keys.name) ?? (maps.name.has(keys.name) ? undefined : one(maps.nameLoose, keys.nameLoose));
  };
  return (text: string) => {
    const hit = find(text);
    // "UBND xã Quý Hoà - Lạng Sơn": the place after a dash, when the whole is no name.
    const dash = /\s[-–]\s+[^-–]*$/u.exec(text);
    return hit !== undefined || !dash ? hit : find(text.slice(0, dash.index));
  };
}
