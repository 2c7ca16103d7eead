// Byte-level, bounded XML checks: a part is complete, and rows / cells / formulas counted the way
// SheetJS would expand them, without building a DOM.
import { MAX_CELLS, MAX_SHEET_ROWS } from './limits';
import { checkArrayWork, reject } from './rejections';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const isNameEnd = (x: number) => x === 0x20 || x === 9 || x === 10 || x === 13 || x === SLASH || x === GT;
const LATIN1 = new TextDecoder('latin1');
const latin1 = (b: Uint8Array, s: number, e: number) => LATIN1.decode(b.subarray(s, e));
const utf8Bytes = (s: string) => new TextEncoder().encode(s);

/** Where the local name (prefix stripped) of the tag at b[i] === '<' starts and ends. */
function localName(b: Uint8Array, i: number): { closing: boolean; s: number; e: number } {
  let j = i + 1;
  const closing = b[j] === SLASH;
  if (closing) j++;
  let s = j;
  while (j < b.length && !isNameEnd(b[j]) && j - s < 256) {
    if (b[j] === 0x3a) s = j + 1;
    j++;
  }
  return { closing, s, e: j };
}

const nameIs = (b: Uint8Array, n: { s: number; e: number }, want: Uint8Array) => {
  if (n.e - n.s !== want.length) return false;
  for (let k = 0; k < want.length; k++) if (b[n.s + k] !== want[k]) return false;
  return true;
};

/** Index of the '>' closing the tag that starts at i, skipping quoted attribute values. */
function tagEnd(b: Uint8Array, i: number): number {
  let q = 0;
  for (let j = i + 1; j < b.length; j++) {
    const x = b[j];
    if (q) {
      if (x === q) q = 0;
    } else if (x === 0x22 || x === 0x27) q = x;
    else if (x === GT) return j;
    else if (x === LT) return -1;
  }
  return -1;
}

/** Start of the first element (after the prolog, comments and DOCTYPE), or -1. */
function firstElement(b: Uint8Array): number {
  let i = 0;
  for (let guard = 0; guard < 256; guard++) {
    i = b.indexOf(LT, i);
    if (i < 0 || i + 1 >= b.length) return -1;
    const x = b[i + 1];
    if (x !== 0x3f && x !== 0x21) return i;
    const e = x === 0x21 && b[i + 2] === 0x2d ? findSeq(b, [0x2d, 0x2d, GT], i + 4) : b.indexOf(GT, i);
    if (e < 0) return -1;
    i = e + 1;
  }
  return -1;
}

function findSeq(b: Uint8Array, seq: number[], from: number): number {
  for (let i = b.indexOf(seq[0], from); i >= 0 && i + seq.length <= b.length; i = b.indexOf(seq[0], i + 1)) {
    if (seq.every((x, k) => b[i + k] === x)) return i;
  }
  return -1;
}

/** The part ends with its root's closing tag (or the root is self-closing): a cut-off part fails. */
export function xmlComplete(b: Uint8Array): boolean {
  const first = firstElement(b);
  if (first < 0) return false;
  const root = localName(b, first);
  let e = b.length - 1;
  for (let guard = 0; guard < 64; guard++) {
    while (e >= 0 && (b[e] === 0x20 || b[e] === 9 || b[e] === 10 || b[e] === 13 || b[e] === 0)) e--;
    if (e < 2 || b[e] !== GT) return false;
    // Skip a trailing comment or processing instruction.
    if (b[e - 1] === 0x2d && b[e - 2] === 0x2d) {
      const open = b.lastIndexOf(0x21, e);
      const lt = open > 0 ? b.lastIndexOf(LT, open) : -1;
      if (lt <= first || b[lt + 1] !== 0x21) return false;
      e = lt - 1;
      continue;
    }
    if (b[e - 1] === 0x3f) {
      const lt = b.lastIndexOf(LT, e);
      if (lt <= first || b[lt + 1] !== 0x3f) return false;
      e = lt - 1;
      continue;
    }
    break;
  }
  const lt = b.lastIndexOf(LT, e);
  if (lt < 0) return false;
  const t = localName(b, lt);
  const same = t.e - t.s === root.e - root.s && nameIs(b, t, b.subarray(root.s, root.e));
  if (t.closing) return same;
  return lt === first && b[e - 1] === SLASH;
}

const N_ROW = utf8Bytes('row');
const N_MERGE = utf8Bytes('mergeCell');

const ARRAY_ATTR = /\st\s*=\s*["']array["']/;

/** Counts rows, cells and formulas of an xlsx part (conservative: any element named row / c / f); stops past the caps. */
export function countXlsxPart(b: Uint8Array, cellBudget: number): { rows: number; cells: number; formulas: number; arrays: number } {
  let rows = 0;
  let cells = 0;
  let formulas = 0;
  let arrays = 0;
  for (let i = b.indexOf(LT); i >= 0 && rows <= MAX_SHEET_ROWS && cells <= cellBudget; i = b.indexOf(LT, i + 1)) {
    const c1 = b[i + 1];
    if (c1 === SLASH || c1 === 0x3f || c1 === 0x21) continue;
    const n = localName(b, i);
    const len = n.e - n.s;
    if (len === 1 && b[n.s] === 0x63) cells++;
    else if (len === 1 && b[n.s] === 0x66) {
      formulas++;
      const e = tagEnd(b, i);
      if (e > 0 && ARRAY_ATTR.test(latin1(b, n.e, e))) arrays++;
    } else if (len === 3 && nameIs(b, n, N_ROW)) rows++;
    else if (len === 9 && nameIs(b, n, N_MERGE)) cells++;
  }
  return { rows, cells, formulas, arrays };
}

/** Largest value of an attribute (any prefix), parsed as SheetJS does; 1 when absent. */
function attrMax(tag: string, attr: string, parse: (v: string) => number): number {
  let max = 1;
  const re = new RegExp(`[\\s:]${attr}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    const v = parse(m[1] ?? m[2] ?? '');
    if (Number.isFinite(v) && v > max) max = v;
    else if (!Number.isFinite(v) && !Number.isNaN(v)) max = Infinity;
  }
  return max;
}
const rowRepeat = (v: string) => +v || 1;
const colRepeat = (v: string) => parseInt(v, 10) || 1;

// SheetJS also treats the UOF names 行 / 数据 as rows / cells.
const N_TABLE = utf8Bytes('table');
const ROW_NAMES = [utf8Bytes('table-row'), utf8Bytes('行')];
const CELL_NAMES = [utf8Bytes('table-cell'), utf8Bytes('数据')];

/** ODS content: cells as SheetJS would expand them (repeated rows × repeated columns); rows that hold cells. */
export function countOdsContent(b: Uint8Array, file: string): void {
  let cells = 0;
  let arrays = 0;
  let table = '';
  let tableRows = 0;
  let rowPeat = 1;
  let rowHas = false;
  for (let i = b.indexOf(LT); i >= 0; i = b.indexOf(LT, i + 1)) {
    const c1 = b[i + 1];
    if (c1 === 0x3f || c1 === 0x21) continue;
    const n = localName(b, i);
    const isTable = nameIs(b, n, N_TABLE);
    const isRow = !isTable && ROW_NAMES.some((w) => nameIs(b, n, w));
    const isCell = !isTable && !isRow && CELL_NAMES.some((w) => nameIs(b, n, w));
    if (!isTable && !isRow && !isCell) continue;
    if (n.closing) {
      if (isRow) {
        if (rowHas) tableRows += rowPeat;
        rowPeat = 1;
        rowHas = false;
        if (tableRows > MAX_SHEET_ROWS) reject(file, 'file.tooManyRows', `“${table}”`, `"${table}"`);
      }
      continue;
    }
    const e = tagEnd(b, i);
    if (e < 0) reject(file, 'file.damaged', 'phần content.xml bị cắt cụt', 'part content.xml is cut off');
    const selfClosing = b[e - 1] === SLASH;
    if (isTable) {
      const m = /[\s:]name\s*=\s*"([^"]*)"/.exec(new TextDecoder('utf-8').decode(b.subarray(n.e, Math.min(e, n.e + 4096))));
      table = m ? m[1] : '';
      tableRows = 0;
    } else if (isRow) {
      rowPeat = selfClosing ? 1 : attrMax(latin1(b, n.e, e), 'number-rows-repeated', rowRepeat);
      rowHas = false;
    } else if (!selfClosing) {
      // SheetJS stores a non-empty cell once per repeated row and column.
      if (!rowHas && tableRows + rowPeat > MAX_SHEET_ROWS) reject(file, 'file.tooManyRows', `“${table}”`, `"${table}"`);
      rowHas = true;
      const tag = latin1(b, n.e, e);
      cells += rowPeat * attrMax(tag, 'number-columns-repeated', colRepeat);
      if (tag.includes('number-matrix-')) arrays++;
      if (cells > MAX_CELLS) reject(file, 'file.tooManyCells');
    }
    i = e;
  }
  checkArrayWork(file, cells, arrays);
}
