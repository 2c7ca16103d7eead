// An .xlsx package: its content types, every part's rows / cells / formulas counted (SheetJS finds
// sheets through [Content_Types].xml and relationships, so every part is counted whatever its name),
// and the parts SheetJS is handed.
import { MAX_CELLS, MAX_SHEET_ROWS } from './limits';
import { checkArrayWork, reject } from './rejections';
import { countXlsxPart } from './xml-scan';
import type { ZipSpreadsheet } from './zip-spreadsheet';

export function ooxmlPackage(file: string): ZipSpreadsheet {
  let cells = 0;
  let formulas = 0;
  let arrays = 0;
  return {
    format: 'xlsx',
    checkPackage(entries) {
      if (!entries.has('[Content_Types].xml')) reject(file, 'file.damaged', 'thiếu [Content_Types].xml', 'missing [Content_Types].xml');
    },
    checkPart(name, data) {
      const c = countXlsxPart(data, MAX_CELLS - cells);
      if (c.rows > MAX_SHEET_ROWS) reject(file, 'file.tooManyRows', name, name);
      cells += c.cells;
      formulas += c.formulas;
      arrays += c.arrays;
      if (cells > MAX_CELLS) reject(file, 'file.tooManyCells');
    },
    checkContent(entries) {
      checkArrayWork(file, formulas, arrays);
      checkSheetTargets(entries, file);
    },
    keep: (n) => /^(xl\/|_rels\/|docProps\/|\[Content_Types\]\.xml$)/.test(n) && !/\.bin$/i.test(n),
    modified: { part: 'docProps/core.xml', date: /<dcterms:modified\b[^>]*>([^<]+)</ },
  };
}

/**
 * The workbook parts SheetJS may read (from [Content_Types].xml, as it does). Two sheets pointing at
 * one worksheet part would make SheetJS parse it twice while it was counted once: refused.
 */
function checkSheetTargets(entries: Map<string, Uint8Array>, file: string): void {
  const dec = new TextDecoder('utf-8');
  const ct = dec.decode(entries.get('[Content_Types].xml')!);
  const books = new Set(['xl/workbook.xml']);
  for (const m of ct.matchAll(/<(?:\w+:)?Override\b([^>]*)>/g)) {
    const type = /\sContentType\s*=\s*["']([^"']*)/.exec(m[1])?.[1] ?? '';
    const part = /\sPartName\s*=\s*["']([^"']*)/.exec(m[1])?.[1];
    if (part && /\.main(\+xml)?$/.test(type)) books.add(part.replace(/^\//, ''));
  }
  for (const book of books) {
    if (/\.bin$/i.test(book)) reject(file, 'file.xlsb');
    const wb = entries.get(book);
    const slash = book.lastIndexOf('/');
    const rels = entries.get(`${book.slice(0, slash + 1)}_rels/${book.slice(slash + 1)}.rels`) ?? entries.get('xl/_rels/workbook.xml.rels');
    if (!wb || !rels) continue;
    const targets = new Map<string, string>();
    for (const m of dec.decode(rels).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      const id = /\sId\s*=\s*["']([^"']*)/.exec(m[1]);
      const target = /\sTarget\s*=\s*["']([^"']*)/.exec(m[1]);
      if (id && target) targets.set(id[1], target[1].replace(/^\/?(xl\/)?/, ''));
    }
    const seen = new Set<string>();
    for (const m of dec.decode(wb).matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
      const id = /\s(?:[\w.-]+:)?id\s*=\s*["']([^"']*)/.exec(m[1]);
      const target = id ? targets.get(id[1]) : undefined;
      if (target === undefined) continue;
      if (seen.has(target)) reject(file, 'file.damaged', `nhiều trang tính cùng trỏ tới ${target}`, `several sheets point at ${target}`);
      seen.add(target);
    }
  }
}
