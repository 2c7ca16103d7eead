import fc from 'fast-check';
import { buildRoster, createRosterMatcher, groupFromText, inferGroup, looseUnitKey, normalizeUnitName } from '../src/core/units';

describe('normalizeUnitName', () => {
  test('the ways a district is written share one key', () => {
    const names = [
      'UBND huyện Bình Gia',
      'Huyện Bình Gia',
      'UBND H. Bình Gia',
      'UBND H.Bình Gia',
      'ubnd  huyện  BÌNH GIA',
      'UBND huyện Bình Gia'.normalize('NFD'),
      'Ủy ban nhân dân huyện Bình Gia',
      'Uỷ ban nhân dân huyện Bình Gia',
      '  Huyện\u00A0Bình Gia ',
      'H. Bình Gia',
    ];
    for (const n of names) expect(normalizeUnitName(n)).toBe('bình gia');
  });

  test('city and town prefixes', () => {
    for (const n of ['UBND thành phố Lạng Sơn', 'UBND TP Lạng Sơn', 'UBND TP. Lạng Sơn', 'Thành phố Lạng Sơn', 'TP. Lạng Sơn', 'TP Lạng Sơn']) expect(normalizeUnitName(n)).toBe('lạng sơn');
    expect(normalizeUnitName('Thị xã Hoà Bình')).toBe(normalizeUnitName('UBND thị xã Hòa Bình'));
  });

  test('departments match with or without "Sở"', () => {
    expect(normalizeUnitName('Sở Y tế')).toBe(normalizeUnitName('Y tế'));
    // The province added after the name, a trailing note, punctuation after "UBND": the same unit.
    expect(normalizeUnitName('Sở Y tế tỉnh Lạng Sơn')).toBe(normalizeUnitName('Sở Y tế'));
    expect(normalizeUnitName('UBND HUYỆN VĂN LÃNG, TỈNH LẠNG SƠN')).toBe(normalizeUnitName('UBND huyện Văn Lãng'));
    expect(normalizeUnitName('Trung tâm Công tác xã hội')).toBe(normalizeUnitName('Trung tâm Công tác xã hội tỉnh'));
    for (const n of ['UBND.huyện Bình Gia', 'UBND - huyện Bình Gia', 'UBND huyện Bình Gia (Phòng LĐTBXH)']) expect(normalizeUnitName(n)).toBe('bình gia');
    // …but a name that starts with "Tỉnh" keeps it, and different units stay different.
    expect(normalizeUnitName('Tỉnh Đoàn Lạng Sơn')).toBe('tỉnh đoàn lạng sơn');
    expect(normalizeUnitName('Sở Y tế')).not.toBe(normalizeUnitName('Sở Tài chính tỉnh Lạng Sơn'));
    // A formula sign typed in front (kept as text in the file) is not part of the name.
    expect(normalizeUnitName('=Trung tâm Công tác xã hội tỉnh')).toBe(normalizeUnitName('Trung tâm Công tác xã hội tỉnh'));
    expect(normalizeUnitName("'+Sở Y tế")).toBe(normalizeUnitName('Sở Y tế'));
    expect(normalizeUnitName('Sở Lao động-Thương binh và Xã hội')).toBe(normalizeUnitName('Sở Lao động - Thương binh và Xã hội'));
  });

  test('old and new tone placement agree, "quý" is left alone', () => {
    expect(normalizeUnitName('Thuỷ Nguyên')).toBe(normalizeUnitName('Thủy Nguyên'));
    expect(normalizeUnitName('Quỹ Bảo trợ trẻ em')).toBe('quỹ bảo trợ trẻ em');
    expect(normalizeUnitName('Quý Châu')).toBe('quý châu');
  });

  test('different units stay different; a bare prefix is not emptied', () => {
    expect(normalizeUnitName('Huyện Bình Gia')).not.toBe(normalizeUnitName('Huyện Bắc Sơn'));
    expect(normalizeUnitName('Huyện')).toBe('huyện');
    expect(normalizeUnitName('Trung tâm Y tế huyện Bình Gia')).toBe('trung tâm y tế huyện bình gia');
  });

  test('loose key drops diacritics', () => {
    expect(looseUnitKey('UBND huyen Binh Gia')).toBe(looseUnitKey('Huyện Bình Gia'));
  });

  test('property: NFC/NFD, case and spacing never change the key', () => {
    const words = fc.constantFrom('Bình', 'Gia', 'Tràng', 'Định', 'Chi', 'Lăng', 'Bắc', 'Sơn', 'Hữu', 'Lũng', 'Đình', 'Lập', 'Y', 'tế');
    fc.assert(
      fc.property(fc.constantFrom('UBND huyện ', 'Huyện ', 'UBND H. ', 'Sở ', ''), fc.array(words, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '  ', '\u00A0'), (prefix, ws, space) => {
        const name = prefix + ws.join(' ');
        const messy = `  ${prefix.toUpperCase()}${ws.join(space)} `.normalize('NFD');
        expect(normalizeUnitName(messy)).toBe(normalizeUnitName(name));
      }),
    );
  });
});

describe('inferGroup', () => {
  test.each([
    ['Sở Y tế', 'I'],
    ['Sở Giáo dục và Đào tạo', 'I'],
    ['Đài Phát thanh và Truyền hình tỉnh', 'I'],
    ['Báo Lạng Sơn', 'I'],
    ['Ban Dân tộc tỉnh', 'I'],
    ['UBND huyện Bình Gia', 'II'],
    ['UBND H.Bình Gia', 'II'],
    ['UBND thị xã Hoà Bình', 'II'],
    ['UBND thành phố Lạng Sơn', 'II'],
    ['Huyện Chi Lăng', 'II'],
    ['Thành phố Lạng Sơn', 'II'],
    ['Hội Liên hiệp Phụ nữ tỉnh', 'III'],
    ['Ủy ban Mặt trận Tổ quốc tỉnh', 'III'],
    ['Uỷ ban MTTQ tỉnh', 'III'],
    ['Đoàn TNCS Hồ Chí Minh tỉnh', 'III'],
    ['Liên đoàn Lao động tỉnh', 'III'],
    ['Trung tâm Bảo trợ xã hội tỉnh', 'IV'],
    ['Bệnh viện Đa khoa tỉnh', 'IV'],
    ['Quỹ Bảo trợ trẻ em', 'IV'],
    ['Cơ sở trợ giúp xã hội Hoa Sen', 'IV'],
    ['Làng trẻ em SOS', 'IV'],
    ['Công ty TNHH ABC', 'V'],
    ['=HYPERLINK("http://x","Sở Y tế")', 'V'],
    ['', 'V'],
  ])('%s → %s', (name, group) => {
    expect(inferGroup(name)).toBe(group);
    expect(inferGroup(name.normalize('NFD'))).toBe(group);
  });
});

describe('groupFromText', () => {
  test.each([
    ['I', 'I'], ['ii', 'II'], ['III.', 'III'], ['IV', 'IV'], ['V', 'V'],
    ['1', 'I'], ['2', 'II'], [3, 'III'], ['4', 'IV'], ['5', 'V'], ['Nhóm 2', 'II'],
    ['I. Các sở, ngành', 'I'], ['Các sở, ngành', 'I'], ['Sở, ngành', 'I'],
    ['II. UBND các huyện, thành phố', 'II'], ['UBND các huyện, thành phố', 'II'],
    ['Các hội, đoàn thể', 'III'], ['Các cơ sở trợ giúp xã hội', 'IV'], ['Đơn vị khác', 'V'],
    ['districts', 'II'], ['Provincial departments', 'I'],
  ])('%j → %s', (text, group) => {
    expect(groupFromText(text)).toBe(group);
  });

  test.each([['xyz'], [''], [null], ['6'], ['VI']])('%j is unknown', (text) => {
    expect(groupFromText(text as string | null)).toBeUndefined();
  });
});

describe('buildRoster', () => {
  test('valid rows, inferred group, unknown group, duplicates, blank rows', () => {
    const { entries, problems } = buildRoster([
      { unit: 'Sở Y tế', group: 'I' },
      { unit: 'Huyện Bình Gia', group: 'UBND các huyện, thành phố' },
      { unit: 'Hội Chữ thập đỏ tỉnh', group: '' },
      { unit: 'Trung tâm CTXH', group: 'nhóm lạ' },
      { unit: 'UBND huyện Bình Gia', group: '2' },
      { unit: '', group: '' },
      { unit: '  ', group: 'I', line: 9 },
    ]);
    expect(entries).toEqual([
      { unit: 'Sở Y tế', group: 'I' },
      { unit: 'Huyện Bình Gia', group: 'II' },
      { unit: 'Hội Chữ thập đỏ tỉnh', group: 'III' },
    ]);
    expect(problems.map((p) => [p.line, p.severity, p.code])).toEqual([
      [3, 'warning', 'roster.groupInferred'],
      [4, 'error', 'roster.unknownGroup'],
      [5, 'warning', 'roster.duplicate'],
      [9, 'warning', 'roster.noUnit'],
    ]);
    const unknown = problems.find((p) => p.code === 'roster.unknownGroup')!;
    expect(unknown.message.vi).toContain('nhóm lạ');
    expect(unknown.message.vi).toContain('Trung tâm CTXH');
    expect(unknown.message.en).toContain('not recognised');
  });

  test('a matcher finds roster entries by key, then without diacritics when unique', () => {
    const match = createRosterMatcher([
      { unit: 'Huyện Bình Gia', group: 'II' },
      { unit: 'Sở Y tế', group: 'I' },
      { unit: 'Huyện Hoà An', group: 'II' },
      { unit: 'Huyện Hòa Ân', group: 'II' },
    ]);
    expect(match('UBND H. Bình Gia')).toBe(0);
    expect(match('UBND huyen Binh Gia')).toBe(0);
    expect(match('Y tế')).toBe(1);
    expect(match('huyen hoa an')).toBeUndefined(); // two candidates: not guessed
    expect(match('Huyện Hòa An')).toBe(2);
    expect(match('Sở Tài chính')).toBeUndefined();
  });
});
