// The 34 provinces and centrally-run cities, found by a loose name ("Lạng Sơn", "tỉnh Lạng Sơn",
// "TP Hải Phòng", "Lang Son", a pre-2025 province such as "Hải Dương"). The national merge
// only sees the ProvinceDirectory interface, so the list behind it can be replaced.

export interface Province {
  /** GSO code, "20". */
  code: string;
  /** Official name, "Tỉnh Lạng Sơn". */
  name: string;
  /** Name without "Tỉnh"/"Thành phố", "Lạng Sơn". */
  short: string;
}

export interface ProvinceMatch {
  province: Province;
  /** Set when the text named a pre-2025 province that is now part of `province`. */
  former?: string;
}

export interface ProvinceDirectory {
  /** In the national list's order. */
  readonly provinces: readonly Province[];
  /** The province a name means, or undefined. */
  find(name: string): ProvinceMatch | undefined;
  /** The province named anywhere inside a longer text ("… trên địa bàn tỉnh Lạng Sơn"); the longest name wins. */
  findIn(text: string): ProvinceMatch | undefined;
}

/** Lowercase, no diacritics, đ → d, punctuation to spaces: "Thanh Hoá" and "thanh hoa" compare equal. */
export function provinceKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const KIND = /^(?:tinh|thanh pho|tp)\s+/;

export interface ProvinceRow {
  code: string;
  name: string;
  /** Pre-2025 provinces it was formed from (its own old name included when it kept it). */
  formedFrom: readonly string[];
  /** Other everyday names ("TP.HCM"). */
  aliases?: readonly string[];
}

export function createProvinceDirectory(rows: readonly ProvinceRow[]): ProvinceDirectory {
  const provinces: Province[] = rows.map((r) => ({ code: r.code, name: r.name, short: r.name.replace(/^(?:Tỉnh|Thành phố)\s+/u, '') }));
  const byKey = new Map<string, ProvinceMatch>();
  rows.forEach((r, i) => {
    const province = provinces[i];
    byKey.set(provinceKey(province.short), { province });
    for (const a of r.aliases ?? []) byKey.set(provinceKey(a).replace(KIND, ''), { province });
  });
  // Former names after current ones: "Hải Phòng" is the city today, not the former city that kept the name.
  rows.forEach((r, i) => {
    for (const f of r.formedFrom) {
      const k = provinceKey(f).replace(KIND, '');
      if (!byKey.has(k)) byKey.set(k, { province: provinces[i], former: f.replace(/^(?:tỉnh|thành phố)\s+/iu, '') });
    }
  });
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length);
  return {
    provinces,
    find(name) {
      const k = provinceKey(name).replace(KIND, '');
      return k ? byKey.get(k) : undefined;
    },
    findIn(text) {
      const t = ` ${provinceKey(text)} `;
      for (const k of keys) if (t.includes(` ${k} `)) return byKey.get(k);
      return undefined;
    },
  };
}

/** What the national list's index offers about provinces (src/core/admin/national-index.ts). */
export interface ProvinceIndexLike {
  readonly provinces: readonly { code: string; name: string; short: string; formedFrom: readonly string[] }[];
  findProvince(text: string): { kind: 'found'; province: { code: string } } | { kind: 'merged'; former: string; province: { code: string } } | { kind: 'unknown' };
}

// Everyday names the list does not spell out, for finding a province inside a longer text.
const ALIASES: Record<string, readonly string[]> = { '79': ['TP.HCM', 'TPHCM', 'HCM', 'Sài Gòn'], '46': ['Thừa Thiên Huế'], '19': ['Bắc Cạn'], '66': ['Đắc Lắc', 'Daklak'] };

/** The directory over the national list's index: its lookup for a name, the same names found inside a text. */
export function directoryFromIndex(index: ProvinceIndexLike): ProvinceDirectory {
  const inText = createProvinceDirectory(
    index.provinces.map((p) => ({ code: p.code, name: p.name, formedFrom: p.formedFrom.length ? p.formedFrom : [p.short], aliases: ALIASES[p.code] })),
  );
  const byCode = new Map(inText.provinces.map((p) => [p.code, p]));
  return {
    provinces: inText.provinces,
    find(name) {
      const hit = index.findProvince(name);
      if (hit.kind === 'found') return { province: byCode.get(hit.province.code)! };
      if (hit.kind === 'merged') return { province: byCode.get(hit.province.code)!, former: hit.former };
      return inText.find(name);
    },
    findIn: (text) => inText.findIn(text),
  };
}

/** The national list's directory, loaded as its own chunk the first time it is needed (the task pane, its worker). */
let loading: Promise<ProvinceDirectory> | undefined;
export function loadNationalProvinces(): Promise<ProvinceDirectory> {
  loading ??= import('./admin/load').then(({ loadNationalIndex }) => loadNationalIndex()).then(directoryFromIndex);
  return loading;
}
