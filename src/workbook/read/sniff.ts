// What the bytes are, from their first bytes only (never the file name).

/** biff: a bare BIFF stream (no OLE container): an Excel 2.x–4.0 worksheet or workbook, or a raw BIFF5/8 stream. */
export type SniffedKind = 'zip' | 'ole' | 'biff' | 'empty' | 'html' | 'xml' | 'xml2003' | 'pdf' | 'rtf' | 'image' | 'archive' | 'text' | 'unknown';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ZIP_SIG = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_SIG = [0x50, 0x4b, 0x05, 0x06];
const OLE_SIG = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function headText(b: Uint8Array, n = 2048): string {
  const slice = b.subarray(0, n);
  if (startsWith(slice, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(slice.subarray(2));
  if (startsWith(slice, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(slice.subarray(2));
  return new TextDecoder('utf-8').decode(slice);
}

/** True when the first bytes look like text in any 8-bit or UTF-16 (BOM) encoding: no NUL, few control characters. */
function looksLikeText(b: Uint8Array): boolean {
  if (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff])) return true;
  const n = Math.min(b.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const x = b[i];
    if (x === 0) return false;
    if (x < 0x20 && x !== 9 && x !== 10 && x !== 13 && x !== 12 && x !== 0x1a) bad++;
  }
  return bad <= n / 100;
}

/** A BOF record first (BIFF2 0x0009, BIFF3 0x0209, BIFF4 0x0409, BIFF5/8 0x0809) with a BOF's length. */
function isBareBiff(b: Uint8Array): boolean {
  if (b.length < 8 || b[0] !== 0x09 || ![0x00, 0x02, 0x04, 0x08].includes(b[1])) return false;
  const len = b[2] | (b[3] << 8);
  return len >= 4 && len <= 20 && b.length >= 4 + len;
}

/** What the bytes are, from their first bytes only (never the file name). */
export function sniffBytes(b: Uint8Array): SniffedKind {
  if (b.length === 0) return 'empty';
  if (startsWith(b, ZIP_SIG) || startsWith(b, ZIP_EMPTY_SIG)) return 'zip';
  if (startsWith(b, OLE_SIG)) return 'ole';
  if (isBareBiff(b)) return 'biff';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff]) || startsWith(b, [0x47, 0x49, 0x46, 0x38])) return 'image';
  if (startsWith(b, [0x52, 0x61, 0x72, 0x21]) || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(b, [0x1f, 0x8b])) return 'archive';
  const head = headText(b).replace(/^\uFEFF/, '');
  const trimmed = head.replace(/^\s+/, '');
  if (trimmed === '' && b.every((x) => x === 0 || x === 0x20 || x === 9 || x === 10 || x === 13)) return 'empty';
  if (/^\{\\rtf/.test(trimmed)) return 'rtf';
  if (/^<\?xml/i.test(trimmed) || /^<(ss:)?Workbook\b/.test(trimmed)) {
    if (/urn:schemas-microsoft-com:office:spreadsheet/i.test(head)) return 'xml2003';
    if (/<html\b/i.test(head)) return 'html';
    return 'xml';
  }
  if (/^<(!doctype\s+html|html|head|body|table|meta|title|div|!--)/i.test(trimmed) || /^MIME-Version:/i.test(trimmed) || /<html\b/i.test(head)) return 'html';
  if (looksLikeText(b)) return 'text';
  return 'unknown';
}
