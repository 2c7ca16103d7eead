// Keys under which two spellings of one Vietnamese place name meet: any case, any Unicode form,
// old or new tone placement ("Hoà"/"Hòa", "Thuỵ"/"Thụy"), and, as a second chance, no diacritics at all.
import { SPACES } from '../text';

// The five tone marks as combining characters (NFD); vowel marks (ˆ ˘ ơ/ư horn) are not tones and stay.
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/g;
const TONE_CODE: Record<string, string> = { '\u0300': '`', '\u0301': "'", '\u0303': '~', '\u0309': '?', '\u0323': '.' };

/** NFC, one space between words, no formula sign or apostrophe in front, no punctuation at the end. */
export function cleanPlaceText(s: string): string {
  return s
    .normalize('NFC')
    .replace(SPACES, ' ')
    .trim()
    .replace(/^[=+\-@'’]+\s*/, '')
    .replace(/[\s.,;:]+$/, '');
}

/** Numbers without leading zeros ("Phường 01" is "Phường 1"). */
// (No lookbehind: the pane's bundle must parse as ES2017.)
const numbers = (s: string) => s.replace(/(^|[^\p{L}\d])0+(?=\d)/gu, '$1');

/**
 * Lower case, with each syllable's tone moved to its end: "Hoà", "Hòa" and "HOÀ" all give "hoa`".
 * Other marks stay, so "Hóa" and "Hòa" remain different.
 */
export function toneKey(s: string): string {
  const nfd = numbers(cleanPlaceText(s)).toLowerCase().normalize('NFD');
  return nfd
    .replace(/[\p{L}\p{M}]+/gu, (syllable) => {
      const tones = syllable.match(TONE_MARK) ?? [];
      return syllable.replace(TONE_MARK, '').normalize('NFC') + tones.map((t) => TONE_CODE[t]).join('');
    })
    .normalize('NFC');
}

/** No diacritics, đ → d, lower case: "Đoàn Kết", "Doan Ket" and "ĐOÀN KẾT" all give "doan ket". */
export function looseKey(s: string): string {
  return numbers(cleanPlaceText(s))
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}
