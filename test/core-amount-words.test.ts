// Amounts in words against an independent reading: a small parser of Vietnamese numerals
// written here from the grammar (not from the library), which must read the words back
// to the same number and which rejects the spellings official texts do not use.
import fc from 'fast-check';
import { dongInWords, dongInWordsCapitalised, dongWithWords } from '../src/core/amount-words';

const DIGIT: Record<string, number> = { không: 0, một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9 };

/** Reads one group of up to three digits ("ba trăm linh năm", "mười lăm", "hai mươi mốt"); throws on a malformed group. */
function readGroup(words: string[], full: boolean): number {
  const fail = (why: string): never => {
    throw new Error(`${why}: “${words.join(' ')}”`);
  };
  let i = 0;
  let hundreds: number | undefined;
  if (words[1] === 'trăm') {
    hundreds = DIGIT[words[0]] ?? fail('no digit before trăm');
    i = 2;
  } else if (full) fail('a group after a larger one must say its hundreds');
  const value = (hundreds ?? 0) * 100;
  const rest = words.slice(i);
  if (rest.length === 0) return hundreds !== undefined ? value : fail('empty group');
  if (rest[0] === 'linh') {
    if (hundreds === undefined) fail('linh without hundreds');
    const d = rest.length === 2 ? DIGIT[rest[1]] : undefined;
    return d ? value + d : fail('linh must be followed by one digit 1–9');
  }
  if (rest.length === 1 && rest[0] !== 'mười') {
    // A lone digit: only a leading group without hundreds ("một", "năm").
    const d = DIGIT[rest[0]];
    return hundreds === undefined && d ? d : fail(`a lone digit here needs linh: ${rest[0]}`);
  }
  let tens: number;
  let j: number;
  if (rest[0] === 'mười') {
    tens = 1;
    j = 1;
  } else {
    tens = DIGIT[rest[0]] ?? fail('no tens digit');
    if (tens < 2 || rest[1] !== 'mươi') fail('tens must be mười or N mươi');
    j = 2;
  }
  if (j === rest.length) return value + tens * 10;
  if (j + 1 !== rest.length) fail('trailing words');
  const w = rest[j];
  const unit =
    w === 'mốt' ? (tens >= 2 ? 1 : fail('mốt only after N mươi'))
    : w === 'lăm' ? 5
    : w === 'tư' ? (tens >= 2 ? 4 : fail('tư only after N mươi'))
    : w === 'một' ? (tens === 1 ? 1 : fail('after N mươi, 1 is mốt'))
    : w === 'năm' ? fail('after a ten, 5 is lăm')
    : DIGIT[w] || fail(`not a unit digit: ${w}`);
  return value + tens * 10 + unit;
}

/** A number below 10^9: groups of triệu, nghìn and units, zero groups left out. */
function readBelowBillion(words: string[], full: boolean): bigint {
  let total = 0n;
  let pending: string[] = [];
  let lastScale = Infinity;
  const flush = (scale: number) => {
    if (scale >= lastScale) throw new Error(`scales out of order: ${words.join(' ')}`);
    if (!pending.length) throw new Error(`scale word with no number: ${words.join(' ')}`);
    const group = readGroup(pending, full);
    if (group === 0) throw new Error(`a zero group is left out, not read: ${words.join(' ')}`);
    total += BigInt(group) * BigInt(scale);
    pending = [];
    full = true;
    lastScale = scale;
  };
  for (const w of words) {
    if (w === 'triệu') flush(1_000_000);
    else if (w === 'nghìn') flush(1000);
    else pending.push(w);
  }
  if (pending.length) flush(1);
  return total;
}

/** Any number: what stands before the last "tỷ" counts billions ("một nghìn tỷ" = 10^12). */
function readWords(words: string[], full: boolean): bigint {
  const k = words.lastIndexOf('tỷ');
  if (k < 0) return readBelowBillion(words, full);
  const billions = readWords(words.slice(0, k), full);
  if (billions === 0n) throw new Error(`zero billions: ${words.join(' ')}`);
  const rest = words.slice(k + 1);
  return billions * 1_000_000_000n + (rest.length ? readBelowBillion(rest, true) : 0n);
}

/** Reads a whole "... đồng" phrase back to a number. */
function readBack(text: string): bigint {
  const words = text.split(' ');
  if (words.pop() !== 'đồng') throw new Error(`does not end in đồng: ${text}`);
  if (words.length === 1 && words[0] === 'không') return 0n;
  return readWords(words, false);
}

describe('amounts in Vietnamese words', () => {
  it('writes the amounts official texts write', () => {
    expect(dongWithWords(356_500_000)).toBe('356.500.000 đồng (Ba trăm năm mươi sáu triệu năm trăm nghìn đồng)');
    expect(dongInWords(50_000_000)).toBe('năm mươi triệu đồng');
    expect(dongInWords(21)).toBe('hai mươi mốt đồng');
    expect(dongInWords(15)).toBe('mười lăm đồng');
    expect(dongInWords(25)).toBe('hai mươi lăm đồng');
    expect(dongInWords(105)).toBe('một trăm linh năm đồng');
    expect(dongInWords(1_005_000)).toBe('một triệu không trăm linh năm nghìn đồng');
    expect(dongInWords(2_001_000_000)).toBe('hai tỷ không trăm linh một triệu đồng');
    expect(dongInWords(1_000_000_000_000)).toBe('một nghìn tỷ đồng');
    expect(dongInWords(0)).toBe('không đồng');
    expect(dongInWordsCapitalised(1_000_000)).toBe('Một triệu đồng');
  });

  it('refuses what is not a whole amount', () => {
    expect(() => dongInWords(-1)).toThrow(RangeError);
    expect(() => dongInWords(1.5)).toThrow(RangeError);
    expect(() => dongInWords(Number.NaN)).toThrow(RangeError);
  });

  it('the independent reader catches wrong spellings', () => {
    expect(() => readBack('hai mươi một đồng')).toThrow();
    expect(() => readBack('mười năm đồng')).toThrow();
    expect(() => readBack('một nghìn linh năm đồng')).toThrow();
    expect(() => readBack('một triệu không trăm nghìn đồng')).toThrow();
    expect(readBack('ba trăm năm mươi sáu triệu năm trăm nghìn đồng')).toBe(356_500_000n);
  });

  it('reads back every amount below 100.000 exactly', () => {
    for (let n = 0; n < 100_000; n++) {
      const words = dongInWords(n);
      if (readBack(words) !== BigInt(n)) throw new Error(`${n} → ${words}`);
    }
  });

  it('reads back amounts from 0 to 10^12, spread over every magnitude', () => {
    const magnitude = fc.integer({ min: 0, max: 12 }).chain((k) => fc.integer({ min: 0, max: 10 ** k }));
    // Round figures (trailing zero groups) are where readers go wrong most.
    const round = fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 6 })).map(([a, z]) => Math.min(a * 10 ** z, 10 ** 12));
    fc.assert(
      fc.property(fc.oneof(magnitude, round, fc.constantFrom(0, 10 ** 12, 10 ** 12 - 1, 10 ** 9, 10 ** 9 + 1)), (n) => {
        expect(readBack(dongInWords(n))).toBe(BigInt(n));
      }),
      { numRuns: 20_000 },
    );
  });
});
