import { parseNameValue } from '../src/excel/read-sheet';
// Defined names as Excel reports them → the rectangle the reader looks at (cells parsed by the core).
test('a defined name\'s value: sheet (quoted or not) and rectangle; anything else is no rectangle', () => {
  expect(parseNameValue("'Biểu CTXH'!$A$2:$E$2")).toEqual({ sheet: 'Biểu CTXH', r1: 2, c1: 1, r2: 2, c2: 5 });
  expect(parseNameValue('=Sheet1!$A$2')).toEqual({ sheet: 'Sheet1', r1: 2, c1: 1, r2: 2, c2: 1 });
  expect(parseNameValue("'It''s'!ab10:AC12")).toEqual({ sheet: "It's", r1: 10, c1: 28, r2: 12, c2: 29 });
  expect(parseNameValue('Sheet1!$A:$A')).toEqual({});
  expect(parseNameValue('=SUM(A1)')).toEqual({});
});
