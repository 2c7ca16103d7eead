// The national list as something to ask: provinces by any spelling (and the pre-2025 ones by where they went),
// a province's communes, the commune a written name means, and what a pre-reform commune became.
import { COMMUNE_TYPE_WORD, CommuneType, createCommuneMatcher, parseCommuneName } from './commune-names';
import { parseFormedFrom } from './formed-from';
import { NationalList, NationalListSchema } from './national-data';
import { cleanPlaceText, looseKey, toneKey } from './name-keys';

export interface Province {
  code: string;
  /** Official name: "Tỉnh Lạng Sơn", "Thành phố Hải Phòng". */
  name: string;
  /** Without its type: "Lạng Sơn". */
  short: string;
  kind: 'tinh' | 'thanh-pho';
  /** Pre-2025 provinces merged into it, by short name ("Hải Dương"); empty when it was kept as it was. */
  formedFrom: string[];
}

export interface Commune {
  code: string;
  provinceCode: string;
  /** Official name with its type: "Xã Đoàn Kết". */
  name: string;
  type: Exclude<CommuneType, 'thi-tran'>;
  /** The name proper: "Đoàn Kết". */
  bare: string;
  /** What it was formed from, as the list states it. */
  formedFrom: string;
}

export type ProvinceLookup =
  | { kind: 'found'; province: Province }
  /** A province that no longer exists: `former` as the list writes it, `province` the one it is part of now. */
  | { kind: 'merged'; former: string; province: Province }
  | { kind: 'unknown' };

export type FormerCommuneLookup =
  /** `former` as the list writes it ("Xã Hồng Kỳ"), now wholly part of `commune`. */
  | { kind: 'one'; former: string; commune: Commune }
  /** Split between several communes, or not stated whole: not guessed. */
  | { kind: 'several'; former: string; communes: Commune[] };

export interface NationalIndex {
  version: string;
  source: string;
  provinces: readonly Province[];
  communeCount: number;
  province(code: string): Province | undefined;
  findProvince(text: string): ProvinceLookup;
  communes(provinceCode: string): readonly Commune[];
  /** The commune a name means in a province: "UBND xã Đoàn Kết", "ĐK Phú Quốc", "Xa Doan Ket, tinh Lang Son". */
  findCommune(provinceCode: string, text: string): Commune | undefined;
  /** What a pre-reform commune, ward or town of the province became ("Xã Hồng Kỳ" → "Xã Trung Giã"). */
  findFormerCommune(provinceCode: string, text: string): FormerCommuneLookup | undefined;
}

const provinceKey = (s: string) =>
  looseKey(s)
    .replace(/[-–]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^(?:ubnd|uy ban nhan dan)\s+/, '')
    .replace(/^(?:tinh|thanh pho|tp\.?|t\.)\s*/, '')
    .trim();

// Names people use that the list does not spell out.
const ALIASES: Record<string, string> = { hcm: 'ho chi minh', tphcm: 'ho chi minh', 'sai gon': 'ho chi minh', 'thua thien hue': 'hue' };

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

export function createNationalIndex(input: NationalList): NationalIndex {
  const list = NationalListSchema.parse(input);
  const provinces: Province[] = list.provinces.map(([code, name, from]) => {
    const kind = /^Thành phố /u.test(name) ? 'thanh-pho' : 'tinh';
    const short = name.replace(/^(?:Tỉnh|Thành phố)\s+/u, '');
    // "tỉnh Bình Phước và tỉnh Đồng Nai. Từ ngày 30/04/2026, …": the list before the first full stop.
    const formedFrom = /^giữ nguyên$/iu.test(from)
      ? []
      : from
          .split(/\.\s/u)[0]
          .split(/,\s*|\s+và\s+/u)
          .map((s) => s.trim().replace(/^(?:tỉnh|thành phố)\s+/iu, '').replace(/^TPHCM$/u, 'Hồ Chí Minh'))
          .filter((s) => s !== '');
    return { code, name, short, kind, formedFrom };
  });
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const current = new Map(provinces.map((p) => [provinceKey(p.short), p]));
  const former = new Map<string, { former: string; province: Province }>();
  for (const p of provinces) for (const f of p.formedFrom) if (!current.has(provinceKey(f))) former.set(provinceKey(f), { former: f, province: p });

  const communesBy = new Map<string, Commune[]>();
  for (const [provinceCode, code, name, formedFrom] of list.communes) {
    const parsed = parseCommuneName(name);
    const type = parsed.type as Commune['type'];
    const arr = communesBy.get(provinceCode) ?? communesBy.set(provinceCode, []).get(provinceCode)!;
    arr.push({ code, provinceCode, name, type, bare: parsed.name, formedFrom });
  }

  const matchers = new Map<string, (text: string) => number | undefined>();
  const matcherOf = (provinceCode: string) => {
    let m = matchers.get(provinceCode);
    if (!m) matchers.set(provinceCode, (m = createCommuneMatcher((communesBy.get(provinceCode) ?? []).map((c) => c.name))));
    return m;
  };
  const formerIndexes = new Map<string, FormerIndex>();
  const formerOf = (provinceCode: string) => {
    let f = formerIndexes.get(provinceCode);
    if (!f) formerIndexes.set(provinceCode, (f = buildFormerIndex(communesBy.get(provinceCode) ?? [])));
    return f;
  };

  return {
    version: list.version,
    source: list.source,
    provinces,
    communeCount: list.communes.length,
    province: (code) => byCode.get(code),
    findProvince(text) {
      let key = provinceKey(text);
      key = ALIASES[key] ?? key;
      const p = current.get(key);
      if (p) return { kind: 'found', province: p };
      const f = former.get(key);
      return f ? { kind: 'merged', ...f } : { kind: 'unknown' };
    },
    communes: (code) => communesBy.get(code) ?? [],
    findCommune(provinceCode, text) {
      const i = matcherOf(provinceCode)(text);
      return i === undefined ? undefined : communesBy.get(provinceCode)![i];
    },
    findFormerCommune: (provinceCode, text) => formerOf(provinceCode).find(text),
  };
}

interface FormerEntry {
  former: string;
  district?: string;
  codes: Set<string>;
}

interface FormerIndex {
  find(text: string): FormerCommuneLookup | undefined;
}

function buildFormerIndex(communes: readonly Commune[]): FormerIndex {
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const whole = { exact: new Map<string, FormerEntry[]>(), loose: new Map<string, FormerEntry[]>() };
  // Names met only in part, by type ("*" when the text did not say), to the communes they went to.
  const parts = new Map<string, Set<string>>();
  const addPart = (key: string, code: string) => (parts.get(key) ?? parts.set(key, new Set()).get(key)!).add(code);
  for (const c of communes) {
    const f = parseFormedFrom(c.formedFrom);
    for (const u of f.whole) {
      const label = `${capitalise(COMMUNE_TYPE_WORD[u.type])} ${u.name}${u.districtNote ? ` (${u.districtNote})` : ''}`;
      for (const [map, key] of [
        [whole.exact, `${u.type}:${toneKey(u.name)}`],
        [whole.loose, `${u.type}:${looseKey(u.name)}`],
      ] as const) {
        const list = map.get(key) ?? map.set(key, []).get(key)!;
        const districtKey = u.district ? looseKey(u.district) : undefined;
        let e = list.find((x) => x.district === districtKey);
        if (!e) list.push((e = { former: label, ...(districtKey ? { district: districtKey } : {}), codes: new Set() }));
        e.codes.add(c.code);
      }
    }
    for (const p of f.partial) addPart(`${p.type ?? '*'}:${looseKey(p.name)}`, c.code);
  }
  return {
    find(text) {
      const n = parseCommuneName(text);
      if (!n.type) return undefined;
      const entries = whole.exact.get(`${n.type}:${toneKey(n.name)}`) ?? whole.loose.get(`${n.type}:${looseKey(n.name)}`) ?? [];
      const district = n.qualifiers.find((q) => q.kind === 'district' || q.kind === 'city');
      const narrowed = district ? entries.filter((e) => e.district === looseKey(district.name)) : [];
      const chosen = narrowed.length ? narrowed : entries;
      const codes = new Set(chosen.flatMap((e) => [...e.codes]));
      // A unit also met in part anywhere in the province was split: every commune it went to.
      for (const key of [`${n.type}:${looseKey(n.name)}`, `*:${looseKey(n.name)}`]) for (const code of parts.get(key) ?? []) codes.add(code);
      if (!codes.size) return undefined;
      const formerName = chosen.length === 1 ? chosen[0].former : `${capitalise(COMMUNE_TYPE_WORD[n.type])} ${cleanPlaceText(n.name)}`;
      const found = [...codes].map((c) => byCode.get(c)!);
      return found.length === 1 ? { kind: 'one', former: formerName, commune: found[0] } : { kind: 'several', former: formerName, communes: found };
    },
  };
}
