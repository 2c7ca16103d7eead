import fc from 'fast-check';
import { formatVnNumber, parseWholeNumber } from '../src/core/numbers';

const ok = (value: number, fromText = true) => ({ ok: true, value, fromText });

describe('parseWholeNumber', () => {
  test.each([
    ['1.200.000', 1_200_000],
    ['1,200,000', 1_200_000],
    ['1 200 000', 1_200_000],
    ['1\u00A0200\u00A0000', 1_200_000],
    ['1\u2009200\u2009000', 1_200_000],
    ['1\u202F200\u202F000', 1_200_000],
    ['2.000.000 đ', 2_000_000],
    ['500.000 đồng', 500_000],
    ['500.000đ', 500_000],
    ['500.000 VNĐ', 500_000],
    ['500.000 vnd', 500_000],
    ['500.000 ₫', 500_000],
    ['500.000 đồng'.normalize('NFD'), 500_000],
    ['1.200', 1200],
    ['1,200', 1200],
    ['  120  ', 120],
    ['0', 0],
    ['50000000', 50_000_000],
  ])('text %j reads as %d', (input, value) => {
    expect(parseWholeNumber(input)).toEqual(ok(value));
  });

  test('real numbers are not text', () => {
    expect(parseWholeNumber(1200)).toEqual(ok(1200, false));
    expect(parseWholeNumber(0)).toEqual(ok(0, false));
    // Float noise from a formula is still a whole number.
    expect(parseWholeNumber(0.1 * 3 * 10)).toEqual(ok(3, false));
  });

  test.each([
    ['1,5', 'ambiguous'],
    ['1.5', 'ambiguous'],
    ['1.20.000', 'ambiguous'],
    ['1.200,000', 'ambiguous'],
    ['1.200.000,50', 'ambiguous'],
    ['12.00', 'ambiguous'],
    ['khoảng 200', 'notNumber'],
    ['một triệu', 'notNumber'],
    ['200 người', 'notNumber'],
    ['1e6', 'notNumber'],
    ['đ', 'notNumber'],
    ['-5', 'negative'],
    ['-1.200', 'negative'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['99999999999999999999', 'tooLarge'],
  ])('text %j is refused (%s)', (input, reason) => {
    expect(parseWholeNumber(input)).toEqual({ ok: false, reason });
  });

  test.each([
    [1.5, 'notWhole'],
    [-5, 'negative'],
    [-0.5, 'negative'],
    [Number.NaN, 'notNumber'],
    [Number.POSITIVE_INFINITY, 'notNumber'],
    [2 ** 60, 'tooLarge'],
  ])('number %d is refused (%s)', (input, reason) => {
    expect(parseWholeNumber(input)).toEqual({ ok: false, reason });
  });

  test('booleans and nothing', () => {
    expect(parseWholeNumber(true)).toEqual({ ok: false, reason: 'notNumber' });
    expect(parseWholeNumber(null)).toEqual({ ok: false, reason: 'empty' });
    expect(parseWholeNumber(undefined)).toEqual({ ok: false, reason: 'empty' });
  });

  const SEPARATORS = ['.', ',', ' ', '\u00A0', '\u2009', '\u202F'];
  const SUFFIXES = ['', 'đ', ' đ', ' đồng', 'đồng', ' VNĐ', ' vnđ', ' VND', ' vnd', ' ₫'];
  const group = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

  test('property: any whole number written in any accepted style reads back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom(null, ...SEPARATORS),
        fc.constantFrom(...SUFFIXES),
        fc.constantFrom('', ' ', '  ', '\u00A0'),
        fc.boolean(),
        (n, sep, suffix, pad, nfd) => {
          let s = `${pad}${sep === null ? String(n) : group(n, sep)}${suffix}${pad}`;
          if (nfd) s = s.normalize('NFD');
          expect(parseWholeNumber(s)).toEqual(ok(n));
          expect(parseWholeNumber(n)).toEqual(ok(n, false));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('property: random text never throws and never yields a bad number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[-\d., đồngVND₫]{0,20}$/u)), (s) => {
        const res = parseWholeNumber(s);
        if (res.ok) {
          expect(Number.isSafeInteger(res.value)).toBe(true);
          expect(res.value).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('property: a grouping that is not by 3 is refused, never guessed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 99 }), fc.constantFrom('.', ','), (a, b, sep) => {
        // "12.5", "1,05": 1 or 2 digits after the separator.
        const s = `${a}${sep}${String(b).padStart(b < 10 ? 1 : 2, '0')}`;
        expect(parseWholeNumber(s).ok).toBe(false);
      }),
    );
  });

  test('any real number that is not whole is refused', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: 0.001, max: 1e12 }), (x) => {
        fc.pre(Math.abs(x - Math.round(x)) > 0.05);
        expect(parseWholeNumber(x).ok).toBe(false);
      }),
    );
  });

  test('formatVnNumber groups by dots', () => {
    expect(formatVnNumber(50_000_000)).toBe('50.000.000');
    expect(formatVnNumber(999)).toBe('999');
    expect(parseWholeNumber(formatVnNumber(1_234_567))).toEqual(ok(1_234_567));
  });
});

describe('parseWholeNumber: what clerks also type', () => {
  test.each([
    ['1.200.000,', 1_200_000],
    ['500.000 đồng.', 500_000],
    ['１２０', 120],
    ['1.200.000,00', 1_200_000],
    ['1,200,000.00', 1_200_000],
  ])('%s reads as %d', (text, value) => {
    expect(parseWholeNumber(text)).toEqual({ ok: true, value, fromText: true });
  });

  test.each(['1,00', '12,5', '1.200.000,50', '1.200.000,00,00'])('%s stays an error, never a guess', (text) => {
    expect(parseWholeNumber(text).ok).toBe(false);
  });
});
