// The two-level country in a merge: which roster unit a return's name means, and what the clerk is told
// about units that no longer exist; the reporting season; ASCII-safe file names for pre-filled forms.
import { createNationalIndex } from '../src/core/admin/national-index';
import { NATIONAL_LIST } from '../src/core/admin/national-list';
import { createUnitResolver, districtName, provinceOfRoster, provinceWritten } from '../src/core/admin/resolve-unit';
import { provinceRosterRows } from '../src/core/admin/roster-template';
import { asciiSlug, formFileNames } from '../src/core/file-names';
import { reportingSeasonYear } from '../src/core/season';
import { createRosterMatcher } from '../src/core/units';
import { coverageMessage, mergeReturns } from '../src/core/merge';

const index = createNationalIndex(NATIONAL_LIST);
const langSon = index.province('20')!;
const roster = provinceRosterRows(index, langSon).map((r) => ({ unit: r.unit, group: r.group }));
const resolve = createUnitResolver(roster, createRosterMatcher(roster), { index, province: langSon });
const rosterUnit = (u: string) => {
  const r = resolve(u);
  return r.rosterIndex === undefined ? undefined : roster[r.rosterIndex].unit;
};

describe('a 2027 Lạng Sơn roster', () => {
  test('commune names as clerks write them find their roster unit', () => {
    for (const [written, unit] of [
      ['UBND xã Đoàn Kết', 'UBND xã Đoàn Kết'],
      ['Xã Đoàn Kết', 'UBND xã Đoàn Kết'],
      ['UBND xã Đoàn Kết, tỉnh Lạng Sơn', 'UBND xã Đoàn Kết'],
      ['UBND P. Đông Kinh', 'UBND phường Đông Kinh'],
      ['Phường Đông Kinh', 'UBND phường Đông Kinh'],
      ['Xã Thất Khê', 'UBND xã Thất Khê'],
      ['xa quy hoa', 'UBND xã Quý Hoà'],
      ['UBND xã Quý Hòa', 'UBND xã Quý Hoà'],
      ['Sở Y tế', 'Sở Y tế'],
    ]) {
      expect([written, rosterUnit(written), resolve(written).warning]).toEqual([written, unit, undefined]);
    }
  });

  test('a pre-reform commune the list maps to one new commune: matched, with a warning naming both', () => {
    const r = resolve('UBND thị trấn Na Sầm');
    expect(rosterUnit('UBND thị trấn Na Sầm')).toBe('UBND xã Na Sầm');
    expect(r.warning?.code).toBe('unit.formerCommune');
    expect(r.warning?.message.vi).toContain('Thị trấn Na Sầm nay thuộc Xã Na Sầm');
    expect(rosterUnit('UBND xã Mai Pha')).toBe('UBND phường Đông Kinh');
  });

  test('a split commune is not guessed; a district is merged into V with the abolition named', () => {
    const split = resolve('UBND xã Bính Xá');
    expect(split).toMatchObject({ group: 'V', warning: { code: 'unit.splitCommune' } });
    expect(split.rosterIndex).toBeUndefined();
    expect(split.warning!.message.vi).toContain('Xã Đình Lập, Xã Kiên Mộc');
    for (const d of ['UBND huyện Bình Gia', 'Huyện Chi Lăng', 'UBND H. Văn Lãng', 'UBND thành phố Lạng Sơn']) {
      const r = resolve(d);
      expect([d, r.group, r.warning?.code]).toEqual([d, 'V', 'unit.districtAbolished']);
      expect(r.warning!.message.vi).toContain('cấp huyện đã bỏ từ 1/7/2025');
    }
  });

  test('without a roster a commune-level name is group II', () => {
    const bare = createUnitResolver(undefined, undefined, { index, province: langSon });
    expect(bare('UBND xã Đoàn Kết').group).toBe('II');
    expect(bare('ĐK Phú Quốc').group).toBe('II');
    expect(bare('UBND huyện Bình Gia').group).toBe('V');
    expect(bare('Sở Y tế').group).toBeUndefined(); // left to the name-based guess
  });

  test('the roster tells the province; a name may say it too', () => {
    expect(provinceOfRoster(index, roster.map((e) => e.unit))?.name).toBe('Tỉnh Lạng Sơn');
    expect(provinceOfRoster(index, ['Sở Y tế'])).toBeUndefined();
    expect(provinceWritten(index, 'UBND đặc khu Phú Quốc, tỉnh An Giang')?.name).toBe('Tỉnh An Giang');
  });

  test('a centrally-run city’s own committee is not a district', () => {
    expect(districtName('UBND thành phố Hải Phòng', index)).toBeUndefined();
    expect(districtName('UBND TP Lạng Sơn', index)).toBe('Lạng Sơn');
    expect(districtName('Sở Y tế', index)).toBeUndefined();
  });
});

describe('the reporting season', () => {
  test('before 1 July: this year; from 1 July: next year', () => {
    expect(reportingSeasonYear(new Date(2026, 11, 1))).toBe(2027);
    expect(reportingSeasonYear(new Date(2026, 6, 1))).toBe(2027);
    expect(reportingSeasonYear(new Date(2026, 5, 30))).toBe(2026);
    expect(reportingSeasonYear(new Date(2027, 2, 25))).toBe(2027);
  });
});

describe('form file names', () => {
  test('ASCII-safe, after the unit, unique', () => {
    expect(formFileNames(2027, ['UBND xã Đoàn Kết'])).toEqual(['bieu-mau-CTXH-2027-UBND-xa-Doan-Ket.xlsx']);
    expect(asciiSlug('Sở Văn hóa, Thể thao và Du lịch')).toBe('So-Van-hoa-The-thao-va-Du-lich');
    expect(asciiSlug('UBND xã Đoàn Kết'.normalize('NFD'))).toBe('UBND-xa-Doan-Ket');
    expect(asciiSlug('../..//')).toBe('don-vi');
    expect(formFileNames(2027, ['Sở Y tế', 'SỞ Y TẾ', 'Sở Y tế'])).toEqual(['bieu-mau-CTXH-2027-So-Y-te.xlsx', 'bieu-mau-CTXH-2027-SO-Y-TE-2.xlsx', 'bieu-mau-CTXH-2027-So-Y-te-3.xlsx']);
    for (const f of formFileNames(2027, roster.map((e) => e.unit))) expect(f).toMatch(/^[A-Za-z0-9-]+\.xlsx$/);
  });
});

describe('mergeReturns in a 2027 campaign', () => {
  const ret = (file: string, unit: string, year = 2027) => ({
    file, unit, year, rows: [{ row: 13, participants: 10, totalFunding: 1000, budget: 600, otherFunding: 400 }], problems: [], status: 'ok' as const,
  });
  const returns = [
    ret('a.xlsx', 'UBND xã Đoàn Kết, tỉnh Lạng Sơn'),
    ret('b.xlsx', 'UBND P. Đông Kinh'),
    ret('c.xlsx', 'Xa Thien Hoa'),
    ret('d.xlsx', 'UBND thị trấn Thất Khê'),
    ret('e.xlsx', 'UBND huyện Bình Gia'),
    ret('f.xlsx', 'UBND xã Bính Xá'),
    ret('g.xlsx', 'UBMTTQ tỉnh Lạng Sơn'),
  ];
  test('against the province’s roster: every commune spelling matched, the old town mapped, a district and a split commune in V', () => {
    const m = mergeReturns(returns, { roster, year: 2027, national: index });
    const by = (file: string) => m.accepted.find((u) => u.file === file)!;
    expect(['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx', 'g.xlsx'].map((f) => [by(f).rosterUnit, by(f).group])).toEqual([
      ['UBND xã Đoàn Kết', 'II'], ['UBND phường Đông Kinh', 'II'], ['UBND xã Thiện Hoà', 'II'], ['UBND xã Thất Khê', 'II'], ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'III'],
    ]);
    expect(by('d.xlsx').warnings.map((w) => w.code)).toEqual(['unit.formerCommune']);
    expect([by('e.xlsx').group, by('e.xlsx').rosterUnit]).toEqual(['V', undefined]);
    expect(by('e.xlsx').warnings[0].message.vi).toContain('cấp huyện đã bỏ từ 1/7/2025');
    expect(by('f.xlsx').group).toBe('V');
    expect(by('f.xlsx').warnings.map((w) => w.code)).toEqual(['unit.splitCommune']);
    const g2 = m.groups.find((g) => g.id === 'II')!;
    expect([g2.heading, g2.expected, g2.reported]).toEqual(['II. UBND các xã, phường, đặc khu', 65, 4]);
    expect(m.groups.find((g) => g.id === 'V')!.totals.participants).toBe(20);
    expect(coverageMessage(m).vi).toMatch(/^Đã báo cáo: 5\/81 đơn vị — 4\/65 xã, phường, đặc khu; 0\/6 sở, ban, ngành; 1\/6 tổ chức, hội, đoàn thể; 0\/4 cơ sở trợ giúp xã hội\. Ngoài danh sách: 2 đơn vị\.$/);
  });

  test('the year comes from the forms when none is given; without a roster a commune is group II', () => {
    const m = mergeReturns(returns, { national: index, province: langSon });
    expect(m.year).toBe(2027);
    const groupOf = (f: string) => m.accepted.find((u) => u.file === f)!.group;
    expect(['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx', 'e.xlsx', 'g.xlsx'].map(groupOf)).toEqual(['II', 'II', 'II', 'II', 'V', 'III']);
  });

  test('a 2025 campaign keeps the historic groups: a district is II, a commune name is not', () => {
    const old = [ret('e.xlsx', 'UBND huyện Bình Gia', 2025), ret('a.xlsx', 'UBND xã Đoàn Kết', 2025)];
    const m = mergeReturns(old, { national: index });
    expect(m.groups.map((g) => g.heading)).toEqual(['I. Các sở, ngành', 'II. UBND các huyện, thành phố', 'III. Các hội, đoàn thể', 'IV. Các cơ sở trợ giúp xã hội', 'V. Đơn vị khác']);
    expect(m.accepted.map((u) => [u.file, u.group, u.warnings.length])).toEqual([['e.xlsx', 'II', 0], ['a.xlsx', 'V', 0]]);
  });
});
