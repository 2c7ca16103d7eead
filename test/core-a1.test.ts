import { cellAddress, columnLetter, columnNumber, parseAddress, parseArea, quoteSheetName, rectAddress, splitSheetReference } from '../src/core/a1';

test('column letters and numbers are inverse, past Z and ZZ', () => {
  for (const [n, s] of [[1, 'A'], [26, 'Z'], [27, 'AA'], [52, 'AZ'], [702, 'ZZ'], [703, 'AAA'], [16384, 'XFD']] as const) {
    expect(columnLetter(n)).toBe(s);
    expect(columnNumber(s)).toBe(n);
    expect(columnNumber(s.toLowerCase())).toBe(n);
  }
});

test('addresses', () => {
  expect(cellAddress(12, 4)).toBe('D12');
  expect(cellAddress(12, 4, true)).toBe('$D$12');
  expect(rectAddress({ r1: 2, c1: 1, r2: 2, c2: 1 })).toBe('A2');
  expect(rectAddress({ r1: 2, c1: 1, r2: 3, c2: 5 }, true)).toBe('$A$2:$E$3');
  expect(parseAddress('$AB$7')).toEqual({ r: 7, c: 28 });
  expect(() => parseAddress('7A')).toThrow();
});

test('areas: cells, ranges, whole rows and columns, normalised', () => {
  expect(parseArea('$A$2:$E$2')).toEqual({ r1: 2, c1: 1, r2: 2, c2: 5 });
  expect(parseArea('E3:A1')).toEqual({ r1: 1, c1: 1, r2: 3, c2: 5 });
  expect(parseArea('$10:$12')).toEqual({ r1: 10, c1: 1, r2: 12, c2: 16384 });
  expect(parseArea('B:C')).toEqual({ r1: 1, c1: 2, r2: 1048576, c2: 3 });
  expect(parseArea('A0')).toBeUndefined();
  expect(parseArea('#REF!')).toBeUndefined();
});

test('sheet references: quoted names keep their apostrophes and spaces', () => {
  expect(splitSheetReference("='Biểu CTXH'!$A$2:$E$2")).toEqual({ sheet: 'Biểu CTXH', area: '$A$2:$E$2' });
  expect(splitSheetReference("'It''s'!A1")).toEqual({ sheet: "It's", area: 'A1' });
  expect(splitSheetReference('Sheet1!$A$1')).toEqual({ sheet: 'Sheet1', area: '$A$1' });
  expect(splitSheetReference('$A$1')).toEqual({ area: '$A$1' });
  expect(quoteSheetName('Sheet1')).toBe('Sheet1');
  expect(quoteSheetName("It's")).toBe("'It''s'");
});
