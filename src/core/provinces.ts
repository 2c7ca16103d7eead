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

// The 34 provinces without their communes, small enough for the pane and its worker (GSO list, Resolution 202/2025/QH15; Đồng Nai a city from
// 30/4/2026 by Resolution 30/2026/QH16). test/core-admin.test.ts checks it against the embedded national list (data/).
export const PROVINCES_2026: readonly ProvinceRow[] = [
  { code: '01', name: 'Thành phố Hà Nội', formedFrom: ['Hà Nội'] },
  { code: '04', name: 'Tỉnh Cao Bằng', formedFrom: ['Cao Bằng'] },
  { code: '08', name: 'Tỉnh Tuyên Quang', formedFrom: ['Hà Giang', 'Tuyên Quang'] },
  { code: '11', name: 'Tỉnh Điện Biên', formedFrom: ['Điện Biên'] },
  { code: '12', name: 'Tỉnh Lai Châu', formedFrom: ['Lai Châu'] },
  { code: '14', name: 'Tỉnh Sơn La', formedFrom: ['Sơn La'] },
  { code: '15', name: 'Tỉnh Lào Cai', formedFrom: ['Yên Bái', 'Lào Cai'] },
  { code: '19', name: 'Tỉnh Thái Nguyên', formedFrom: ['Bắc Kạn', 'Thái Nguyên'], aliases: ['Bắc Cạn'] },
  { code: '20', name: 'Tỉnh Lạng Sơn', formedFrom: ['Lạng Sơn'] },
  { code: '22', name: 'Tỉnh Quảng Ninh', formedFrom: ['Quảng Ninh'] },
  { code: '24', name: 'Tỉnh Bắc Ninh', formedFrom: ['Bắc Giang', 'Bắc Ninh'] },
  { code: '25', name: 'Tỉnh Phú Thọ', formedFrom: ['Vĩnh Phúc', 'Hòa Bình', 'Phú Thọ'] },
  { code: '31', name: 'Thành phố Hải Phòng', formedFrom: ['Hải Phòng', 'Hải Dương'] },
  { code: '33', name: 'Tỉnh Hưng Yên', formedFrom: ['Thái Bình', 'Hưng Yên'] },
  { code: '37', name: 'Tỉnh Ninh Bình', formedFrom: ['Hà Nam', 'Nam Định', 'Ninh Bình'] },
  { code: '38', name: 'Tỉnh Thanh Hoá', formedFrom: ['Thanh Hóa'] },
  { code: '40', name: 'Tỉnh Nghệ An', formedFrom: ['Nghệ An'] },
  { code: '42', name: 'Tỉnh Hà Tĩnh', formedFrom: ['Hà Tĩnh'] },
  { code: '44', name: 'Tỉnh Quảng Trị', formedFrom: ['Quảng Bình', 'Quảng Trị'] },
  { code: '46', name: 'Thành phố Huế', formedFrom: ['Thừa Thiên Huế'] },
  { code: '48', name: 'Thành phố Đà Nẵng', formedFrom: ['Đà Nẵng', 'Quảng Nam'] },
  { code: '51', name: 'Tỉnh Quảng Ngãi', formedFrom: ['Kon Tum', 'Quảng Ngãi'] },
  { code: '52', name: 'Tỉnh Gia Lai', formedFrom: ['Bình Định', 'Gia Lai'] },
  { code: '56', name: 'Tỉnh Khánh Hoà', formedFrom: ['Ninh Thuận', 'Khánh Hòa'] },
  { code: '66', name: 'Tỉnh Đắk Lắk', formedFrom: ['Phú Yên', 'Đắk Lắk'], aliases: ['Đắc Lắc', 'Daklak'] },
  { code: '68', name: 'Tỉnh Lâm Đồng', formedFrom: ['Đắk Nông', 'Bình Thuận', 'Lâm Đồng'] },
  { code: '75', name: 'Thành phố Đồng Nai', formedFrom: ['Bình Phước', 'Đồng Nai'] },
  { code: '79', name: 'Thành phố Hồ Chí Minh', formedFrom: ['Bà Rịa - Vũng Tàu', 'Bình Dương'], aliases: ['TP.HCM', 'TPHCM', 'HCM', 'Sài Gòn'] },
  { code: '80', name: 'Tỉnh Tây Ninh', formedFrom: ['Long An', 'Tây Ninh'] },
  { code: '82', name: 'Tỉnh Đồng Tháp', formedFrom: ['Tiền Giang', 'Đồng Tháp'] },
  { code: '86', name: 'Tỉnh Vĩnh Long', formedFrom: ['Bến Tre', 'Trà Vinh', 'Vĩnh Long'] },
  { code: '91', name: 'Tỉnh An Giang', formedFrom: ['Kiên Giang', 'An Giang'] },
  { code: '92', name: 'Thành phố Cần Thơ', formedFrom: ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang'] },
  { code: '96', name: 'Tỉnh Cà Mau', formedFrom: ['Bạc Liêu', 'Cà Mau'] },
];

export const NATIONAL_PROVINCES: ProvinceDirectory = createProvinceDirectory(PROVINCES_2026);

/** The national list's directory, for code that may load the list as its own chunk (the task pane). */
export function loadNationalProvinces(): Promise<ProvinceDirectory> {
  return Promise.resolve(NATIONAL_PROVINCES);
}
