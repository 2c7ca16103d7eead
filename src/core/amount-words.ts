// Amounts of money in Vietnamese words, as official documents write them after the
// figure: "356.500.000 đồng (Ba trăm năm mươi sáu triệu năm trăm nghìn đồng)".
// read-vietnamese-number does the reading; this fixes the spelling choices once.
import { ReadingConfig, doReadNumber } from 'read-vietnamese-number';
import { formatVnNumber } from './numbers';

const CONFIG = (() => {
  const c = new ReadingConfig();
  c.unit = ['đồng'];
  // "tỷ" as administrative and banking texts spell it (the library's default is "tỉ");
  // "linh" (105 = một trăm linh năm), the northern form used in most provincial documents.
  c.units = [[], ['nghìn'], ['triệu'], ['tỷ']];
  c.oddText = 'linh';
  return c;
})();

/** "ba trăm năm mươi sáu triệu năm trăm nghìn đồng": a whole, non-negative number of đồng in words, lowercase. */
export function dongInWords(amount: number): string {
  // As a string: the library reads any length, and the pane's build has no BigInt literals (ES2017).
  return doReadNumber(String(checkedWhole(amount)), CONFIG);
}

/** The same with a capital first letter, as written in brackets after the figure. */
export function dongInWordsCapitalised(amount: number): string {
  const s = dongInWords(amount);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "356.500.000 đồng (Ba trăm năm mươi sáu triệu năm trăm nghìn đồng)". */
export function dongWithWords(amount: number): string {
  return `${formatVnNumber(amount)} đồng (${dongInWordsCapitalised(amount)})`;
}

function checkedWhole(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Not a whole, non-negative amount: ${n}`);
  return n;
}
