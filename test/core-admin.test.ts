// The embedded national list and what the core reads from it: provinces, communes, former communes, rosters.
import * as fs from 'fs';
import * as path from 'path';
import { createCommuneMatcher, parseCommuneName } from '../src/core/admin/commune-names';
import { parseFormedFrom } from '../src/core/admin/formed-from';
import { loadNationalIndex } from '../src/core/admin/load';
import { looseKey, toneKey } from '../src/core/admin/name-keys';
import { createNationalIndex } from '../src/core/admin/national-index';
import { NATIONAL_LIST } from '../src/core/admin/national-list';
import { COMMUNE_ERA_HEADINGS, SUGGESTION_NOTE, provinceRosterRows } from '../src/core/admin/roster-template';
import { rosterCsv, rosterSheetPlan } from '../src/core/roster-sheet';
import { buildRoster } from '../src/core/units';
import { writeWorkbook } from '../src/workbook/write-xlsx';
import { parseCsv, readRosterBytes } from '../src/workbook/read-roster';
import { buildNationalList, nationalListModule, NATIONAL_LIST_MODULE } from '../scripts/make-national-list';

const DATA = path.join(__dirname, '..', 'data');
const csvRows = (file: string) => {
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(DATA, file), 'utf8').replace(/^\uFEFF/, ''), ',').filter((r) => r.join('') !== '');
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
};
const CSV_PROVINCES = csvRows('tinh-thanh-2026.csv');
const CSV_COMMUNES = csvRows('don-vi-hanh-chinh-2026.csv');
const index = createNationalIndex(NATIONAL_LIST);
const code = (name: string) => {
  const r = index.findProvince(name);
  if (r.kind !== 'found') throw new Error(`${name}: ${r.kind}`);
  return r.province.code;
};

describe('the embedded list', () => {
  test('is the data/ CSV files, regenerated exactly, with its version date', () => {
    expect(fs.readFileSync(NATIONAL_LIST_MODULE, 'utf8')).toBe(nationalListModule(buildNationalList()));
    expect(NATIONAL_LIST.version).toBe(/Version:\s*(\S+)/.exec(fs.readFileSync(path.join(DATA, 'README.md'), 'utf8'))![1]);
    expect(fs.readFileSync(path.join(__dirname, '..', 'THIRD-PARTY-NOTICES.md'), 'utf8')).toContain('thanglequoc/vietnamese-provinces-database');
  });

  test('counts equal the CSV files: 34 provinces, 3,321 communes, each province its own number', () => {
    expect(index.provinces).toHaveLength(CSV_PROVINCES.length);
    expect(index.provinces).toHaveLength(34);
    expect(index.communeCount).toBe(CSV_COMMUNES.length);
    expect(index.communeCount).toBe(3321);
    for (const p of CSV_PROVINCES) expect([p.tinh, index.communes(p.ma_tinh).length]).toEqual([p.tinh, CSV_COMMUNES.filter((c) => c.ma_tinh === p.ma_tinh).length]);
    expect(index.communes(code('Lạng Sơn'))).toHaveLength(65);
    const types = index.communes(code('Lạng Sơn')).map((c) => c.type);
    expect(new Set(types)).toEqual(new Set(['xa', 'phuong']));
    // Special zones: Phú Quốc (An Giang), Côn Đảo (Hồ Chí Minh).
    expect(index.communes(code('An Giang')).filter((c) => c.type === 'dac-khu').map((c) => c.bare)).toContain('Phú Quốc');
  });

  test('the source’s lower-case "xã Bắc Sơn" is written like every other name', () => {
    expect(index.communes(code('Lạng Sơn')).map((c) => c.name)).toContain('Xã Bắc Sơn');
    expect(NATIONAL_LIST.communes.filter((c) => !/^(?:Xã|Phường|Đặc khu) /u.test(c[2]))).toEqual([]);
  });

  test('the task pane loads it on demand', async () => {
    const lazy = await loadNationalIndex();
    expect(lazy.communeCount).toBe(3321);
    expect(await loadNationalIndex()).toBe(lazy);
  });
});

describe('name keys', () => {
  test('old and new tone placement, case and Unicode form meet; different tones stay apart', () => {
    for (const [a, b] of [
      ['Quý Hoà', 'Quý Hòa'],
      ['Thuỵ Hùng', 'THỤY HÙNG'],
      ['Thiện Hoà', 'Thiện Hòa'.normalize('NFD')],
      ['Phường 01', 'Phường 1'],
    ])
      expect(toneKey(a)).toBe(toneKey(b));
    expect(toneKey('Hòa')).not.toBe(toneKey('Hóa'));
    expect(looseKey('Đoàn Kết')).toBe('doan ket');
  });
});

describe('provinces', () => {
  test('matched loosely', () => {
    for (const [text, name] of [
      ['Lạng Sơn', 'Tỉnh Lạng Sơn'],
      ['tỉnh Lạng Sơn', 'Tỉnh Lạng Sơn'],
      ['LANG SON', 'Tỉnh Lạng Sơn'],
      ['TP Hải Phòng', 'Thành phố Hải Phòng'],
      ['Hải Phòng', 'Thành phố Hải Phòng'],
      ['thanh pho hai phong', 'Thành phố Hải Phòng'],
      ['TP.HCM', 'Thành phố Hồ Chí Minh'],
      ['Thanh Hóa', 'Tỉnh Thanh Hoá'],
      ['Tỉnh Đồng Nai', 'Thành phố Đồng Nai'],
      ['Thừa Thiên Huế', 'Thành phố Huế'],
    ]) {
      const r = index.findProvince(text);
      expect([text, r.kind === 'found' ? r.province.name : r.kind]).toEqual([text, name]);
    }
  });

  test('a pre-2025 province points to the one it is part of now', () => {
    for (const [text, former, now] of [
      ['Hải Dương', 'Hải Dương', 'Thành phố Hải Phòng'],
      ['Kiên Giang', 'Kiên Giang', 'Tỉnh An Giang'],
      ['tỉnh Thái Bình', 'Thái Bình', 'Tỉnh Hưng Yên'],
      ['Ba Ria Vung Tau', 'Bà Rịa - Vũng Tàu', 'Thành phố Hồ Chí Minh'],
      ['Bình Phước', 'Bình Phước', 'Thành phố Đồng Nai'],
      ['Hòa Bình', 'Hòa Bình', 'Tỉnh Phú Thọ'],
    ]) {
      const r = index.findProvince(text);
      expect(r.kind === 'merged' ? [r.former, r.province.name] : r.kind).toEqual([former, now]);
    }
    // Every pre-2025 province named in the list is found: 63 names in all.
    const all = new Set(index.provinces.flatMap((p) => (p.formedFrom.length ? p.formedFrom : [p.short])).map((n) => looseKey(n)));
    expect(all.size).toBe(63);
    expect(index.findProvince('Atlantis').kind).toBe('unknown');
  });
});

describe('commune names', () => {
  const ls = code('Lạng Sơn');
  test('every way of writing one', () => {
    const cases: [string, string][] = [
      ['UBND xã Đoàn Kết', 'Xã Đoàn Kết'],
      ['Xã Đoàn Kết', 'Xã Đoàn Kết'],
      ['ỦY BAN NHÂN DÂN XÃ ĐOÀN KẾT', 'Xã Đoàn Kết'],
      ['UBND xã Đoàn Kết, tỉnh Lạng Sơn', 'Xã Đoàn Kết'],
      ['UBND xã Đoàn Kết tỉnh Lạng Sơn', 'Xã Đoàn Kết'],
      ['ubnd xa doan ket, tinh lang son', 'Xã Đoàn Kết'],
      ['UBND P. Đông Kinh', 'Phường Đông Kinh'],
      ['UBND P.Đông Kinh', 'Phường Đông Kinh'],
      ['Phường Đông Kinh', 'Phường Đông Kinh'],
      ['Phuong Dong Kinh - tỉnh Lạng Sơn', 'Phường Đông Kinh'],
      ['Xã Thất Khê', 'Xã Thất Khê'],
      ['UBND xã Quý Hòa', 'Xã Quý Hoà'],
      ['Xã Thụy Hùng', 'Xã Thuỵ Hùng'],
      ['UBND xã Bắc Sơn'.normalize('NFD'), 'Xã Bắc Sơn'],
      ['=UBND xã Đoàn Kết', 'Xã Đoàn Kết'],
    ];
    for (const [text, name] of cases) expect([text, index.findCommune(ls, text)?.name]).toEqual([text, name]);
    const ag = code('An Giang');
    for (const text of ['Đặc khu Phú Quốc', 'ĐK Phú Quốc', 'UBND đặc khu Phú Quốc, tỉnh An Giang', 'Dac khu Phu Quoc']) expect(index.findCommune(ag, text)?.name).toBe('Đặc khu Phú Quốc');
  });

  test('not a commune, or another type, is not matched', () => {
    for (const text of ['UBND huyện Bình Gia', 'Sở Y tế', 'Xã Đông Kinh', 'Phường Đoàn Kết', 'UBND xã Hồng Kỳ']) expect([text, index.findCommune(ls, text)]).toEqual([text, undefined]);
    expect(parseCommuneName('UBND huyện Bình Gia').type).toBeUndefined();
    expect(parseCommuneName('Phường Văn Miếu - Quốc Tử Giám').name).toBe('Văn Miếu - Quốc Tử Giám');
  });

  test('a roster’s names are matched the same way', () => {
    const roster = ['Sở Y tế', 'UBND xã Đoàn Kết', 'UBND phường Đông Kinh', 'UBND đặc khu Phú Quốc'];
    const match = createCommuneMatcher(roster);
    expect(['Xã Đoàn Kết', 'UBND P. Đông Kinh', 'ĐK Phú Quốc', 'xa doan ket, tinh Lang Son', 'Sở Y tế'].map(match)).toEqual([1, 2, 3, 1, undefined]);
  });
});

describe('former communes', () => {
  test('the “formed from” text: whole units, districts that tell names apart, parts never read as whole', () => {
    expect(parseFormedFrom('Xã Chi Lăng (huyện Tràng Định), Xã Chí Minh, Thị trấn Thất Khê')).toEqual({
      unchanged: false,
      whole: [{ type: 'xa', name: 'Chi Lăng', district: 'Tràng Định', districtNote: 'huyện Tràng Định' }, { type: 'xa', name: 'Chí Minh' }, { type: 'thi-tran', name: 'Thất Khê' }],
      partial: [],
    });
    const hn = parseFormedFrom('Phường Quán Thánh, một phần diện tích TN, quy mô dân số của các phường Cửa Nam, Điện Biên, Phường Đội Cấn (phần còn lại sau khi sáp nhập vào phường Ba Đình)');
    expect(hn.whole).toEqual([{ type: 'phuong', name: 'Quán Thánh' }]);
    expect(hn.partial).toEqual([{ type: 'phuong', name: 'Cửa Nam' }, { name: 'Điện Biên' }, { type: 'phuong', name: 'Đội Cấn' }]);
    expect(parseFormedFrom('giữ nguyên')).toEqual({ unchanged: true, whole: [], partial: [] });
    expect(parseFormedFrom('Xã Bắc Sơn, Xã Hồng Kỳ, Xã Nam Sơn và Xã Trung Giã').whole.map((u) => u.name)).toEqual(['Bắc Sơn', 'Hồng Kỳ', 'Nam Sơn', 'Trung Giã']);
  });

  const one = (province: string, text: string) => {
    const r = index.findFormerCommune(code(province), text);
    return r?.kind === 'one' ? [r.former, r.commune.name] : r?.kind;
  };
  test('one successor: named', () => {
    expect(one('Hà Nội', 'UBND xã Hồng Kỳ')).toEqual(['Xã Hồng Kỳ', 'Xã Trung Giã']);
    expect(one('Lạng Sơn', 'UBND thị trấn Thất Khê')).toEqual(['Thị trấn Thất Khê', 'Xã Thất Khê']);
    expect(one('Lạng Sơn', 'UBND TT Thất Khê')).toEqual(['Thị trấn Thất Khê', 'Xã Thất Khê']);
    expect(one('Lạng Sơn', 'UBND xã Mai Pha')).toEqual(['Xã Mai Pha', 'Phường Đông Kinh']);
    expect(one('Lạng Sơn', 'Xã Hồng Thái, huyện Bình Gia')).toEqual(['Xã Hồng Thái (huyện Bình Gia)', 'Xã Tân Văn']);
    expect(one('Lạng Sơn', 'UBND xã Hòa Bình (huyện Chi Lăng)')).toEqual(['Xã Hòa Bình (huyện Chi Lăng)', 'Xã Vạn Linh']);
  });

  test('split or ambiguous: several, not guessed', () => {
    // Xã Bính Xá went to two communes; four former Xã Hòa Bình lay in four districts; Phường Kim Mã was split three ways.
    const several = (province: string, text: string) => {
      const r = index.findFormerCommune(code(province), text);
      return r?.kind === 'several' ? r.communes.map((c) => c.name).sort() : r?.kind;
    };
    expect(several('Lạng Sơn', 'UBND xã Bính Xá')).toEqual(['Xã Kiên Mộc', 'Xã Đình Lập']);
    expect(several('Lạng Sơn', 'UBND xã Hòa Bình')).toHaveLength(4);
    expect(several('Hà Nội', 'UBND phường Kim Mã')).toEqual(['Phường Ba Đình', 'Phường Giảng Võ', 'Phường Ngọc Hà']);
    expect(index.findFormerCommune(code('Lạng Sơn'), 'UBND xã Không Có')).toBeUndefined();
    expect(index.findFormerCommune(code('Lạng Sơn'), 'Sở Y tế')).toBeUndefined();
  });
});

describe('a province’s roster', () => {
  const readBack = (bytes: Uint8Array, file: string) => buildRoster(readRosterBytes(bytes, file));

  test.each([
    ['Lạng Sơn', 65],
    ['Hải Phòng', 114],
    ['An Giang', 102],
    ['Thành phố Hồ Chí Minh', 168],
    ['Lai Châu', 38],
  ])('%s: every commune in group II, suggestions marked', (name, communes) => {
    const p = index.province(code(name))!;
    expect(CSV_COMMUNES.filter((c) => c.ma_tinh === p.code)).toHaveLength(communes);
    const rows = provinceRosterRows(index, p);
    const groupII = rows.filter((r) => r.group === 'II');
    expect(groupII).toHaveLength(communes);
    expect(groupII.every((r) => !r.suggested && /^UBND (?:xã|phường|đặc khu) /u.test(r.unit))).toBe(true);
    expect(rows.filter((r) => r.group !== 'II').every((r) => r.suggested && r.note === SUGGESTION_NOTE)).toBe(true);
    expect(new Set(rows.filter((r) => r.suggested).map((r) => r.group))).toEqual(new Set(['I', 'III', 'IV']));
  });

  test('written as CSV and as .xlsx, it reads back unchanged through --roster’s reader', async () => {
    const p = index.province(code('Lạng Sơn'))!;
    const rows = provinceRosterRows(index, p);
    const expected = rows.map((r) => ({ unit: r.unit, group: r.group }));
    const csv = readBack(new TextEncoder().encode(rosterCsv(rows, COMMUNE_ERA_HEADINGS)), 'ds.csv');
    expect(csv.problems).toEqual([]);
    expect(csv.entries).toEqual(expected);
    const plan = rosterSheetPlan(rows, { province: p.name, year: 2027, headings: COMMUNE_ERA_HEADINGS });
    const xlsx = readBack(await writeWorkbook({ sheets: [plan], title: 'Danh sách đơn vị' }), 'ds.xlsx');
    expect(xlsx.problems).toEqual([]);
    expect(xlsx.entries).toEqual(expected);
    expect(expected.filter((e) => e.group === 'II')).toHaveLength(65);
  });
});

test('every province’s roster is valid as it stands: no duplicate, every group understood', () => {
  for (const p of index.provinces) {
    const rows = provinceRosterRows(index, p);
    const built = buildRoster(rows.map((r) => ({ unit: r.unit, group: COMMUNE_ERA_HEADINGS[r.group] })));
    expect([p.name, built.problems]).toEqual([p.name, []]);
    expect(built.entries.filter((e) => e.group === 'II')).toHaveLength(index.communes(p.code).length);
  }
});

test('the pane’s small province list (core/provinces.ts) is the embedded national list’s 34, in its order', () => {
  const { PROVINCES_2026 } = require('../src/core/provinces') as typeof import('../src/core/provinces');
  const { NATIONAL_LIST } = require('../src/core/admin/national-list') as typeof import('../src/core/admin/national-list');
  expect(PROVINCES_2026.map((p) => [p.code, p.name])).toEqual(NATIONAL_LIST.provinces.map((p) => [p[0], p[1]]));
});
