// Whole numbers as people write them in Vietnam: "1.200.000", "1,200,000",
// "1 200 000", "2.000.000 đ". Anything ambiguous is refused, never guessed.
import { SPACES } from './text';

export type NumberReason =
  /** Nothing there. */
  | 'empty'
  /** A number with a fractional part (e.g. 1.5 stored as a number). */
  | 'notWhole'
  | 'negative'
  /** Looks like a number but the separators do not group by 3 ("1,5", "1.20.000", "1.200,5"). */
  | 'ambiguous'
  /** Words or other text ("khoảng 200", "một triệu"), booleans. */
  | 'notNumber'
  /** Beyond what a spreadsheet can hold exactly. */
  | 'tooLarge';

export type WholeNumberResult = { ok: true; value: number; fromText: boolean } | { ok: false; reason: NumberReason };

/** Any value a cell can hold. */
export type RawValue = string | number | boolean | null | undefined;

// Every space a spreadsheet or a copy from the web can put between digit groups.
// Currency marks after the number: đ, đ., đồng, VNĐ, VND, ₫ (any case).
const CURRENCY = /(?:đồng|vnđ|vnd|đ\.?|₫)$/iu;
// Float noise in cached formula results (e.g. 0.1*3*10) must not turn a whole number into an error;
// the tolerance stays far below 1 đồng at any realistic size.
const tolerance = (n: number) => Math.max(1e-9, Math.abs(n) * 1e-14);

/**
 * Reads a whole number ≥ 0 from a cell value. Real numbers must be whole;
 * text must be plain digits or digits grouped by exactly 3 with one kind of
 * separator (dot, comma or space), optionally followed by a currency mark.
 */
export function parseWholeNumber(input: RawValue): WholeNumberResult {
  if (input === null || input === undefined) return { ok: false, reason: 'empty' };
  if (typeof input === 'number') return fromNumber(input);
  if (typeof input !== 'string') return { ok: false, reason: 'notNumber' };

  // NFKC turns full-width digits ("１２０", from some input methods) into plain ones.
  let s = input.normalize('NFKC').replace(SPACES, ' ').trim();
  if (s === '') return { ok: false, reason: 'empty' };
  // A stray full stop or comma at the very end ("1.200.000,", "500.000 đồng.") is punctuation, not a digit group.
  s = s.replace(/[.,;]+$/, '').trim().replace(CURRENCY, '').trim().replace(/[.,;]+$/, '').trim();
  if (s === '') return { ok: false, reason: 'notNumber' };
  // Accounting style "1.200.000,00" / "1,200,000.00": zero decimals after the other separator are still whole.
  const zeroDecimals = /^(\d{1,3}(?:([.,])\d{3})*)([.,])0{1,2}$/.exec(s);
  if (zeroDecimals && zeroDecimals[2] !== undefined && zeroDecimals[2] !== zeroDecimals[3]) s = zeroDecimals[1];

  let negative = false;
  if (/^[-−–]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  }
  if (/^\d+$/.test(s)) return finish(s, negative);

  const seps = new Set(s.replace(/\d/g, ''));
  if (/^[\d., ]+$/.test(s) && /^\d/.test(s) && /\d$/.test(s)) {
    if (seps.size === 1) {
      const sep = [...seps][0];
      const grouped = new RegExp(`^\\d{1,3}(?:${sep === '.' ? '\\.' : sep}\\d{3})+$`);
      if (grouped.test(s)) return finish(s.split(sep).join(''), negative);
    }
    return { ok: false, reason: 'ambiguous' };
  }
  return { ok: false, reason: 'notNumber' };
}

function finish(digits: string, negative: boolean): WholeNumberResult {
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return { ok: false, reason: 'tooLarge' };
  if (negative && value !== 0) return { ok: false, reason: 'negative' };
  return { ok: true, value, fromText: true };
}

function fromNumber(n: number): WholeNumberResult {
  if (!Number.isFinite(n)) return { ok: false, reason: 'notNumber' };
  const rounded = Math.round(n);
  if (Math.abs(n - rounded) > tolerance(n)) return { ok: false, reason: n < 0 ? 'negative' : 'notWhole' };
  if (rounded < 0) return { ok: false, reason: 'negative' };
  if (!Number.isSafeInteger(rounded)) return { ok: false, reason: 'tooLarge' };
  return { ok: true, value: rounded === 0 ? 0 : rounded, fromText: false };
}

/** Formats a whole number the Vietnamese way, "1.200.000", for messages. */
export function formatVnNumber(n: number): string {
  const s = String(Math.abs(Math.trunc(n)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0 ? `-${grouped}` : grouped;
}
