// read_zip: which spreadsheet a zip holds (.xlsx or .ods, or what else it is), every part checked,
// and a re-packed zip of exactly the checked parts for SheetJS.
import { zipSync, Zippable } from 'fflate';
import { MAX_CELLS, MAX_SHEET_ROWS } from './limits';
import { checkArrayWork, reject } from './rejections';
import { countOdsContent, countXlsxPart, xmlComplete } from './xml-scan';
import { inflateAll, listZip } from './zip';

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** Validates a zip container and returns a re-packed (stored) zip of exactly the checked parts. */
export function checkZip(b: Uint8Array, file: string): { format: 'xlsx' | 'ods'; repacked: Uint8Array; modified?: number } {
  const list = listZip(b, file);
  const names = new Set(list.map((e) => e.name));
  let format: 'xlsx' | 'ods';
  if (names.has('xl/workbook.xml')) format = 'xlsx';
  else if (names.has('xl/workbook.bin')) reject(file, 'file.xlsb');
  else if (names.has('mimetype') && names.has('content.xml')) format = 'ods';
  else if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) reject(file, 'file.password');
  else if (names.has('word/document.xml')) reject(file, 'file.document', 'Word .docx', 'Word .docx');
  else if ([...names].some((n) => n.startsWith('ppt/'))) reject(file, 'file.notSpreadsheet', 'PowerPoint', 'PowerPoint');
  else if (names.has('mimetype')) reject(file, 'file.notSpreadsheet', 'OpenDocument', 'OpenDocument');
  else if (list.length === 0) reject(file, 'file.damaged', 'tệp ZIP rỗng', 'empty zip');
  else reject(file, 'file.notSpreadsheet', 'tệp nén ZIP', 'a zip archive');

  // Small descriptive parts first so an encrypted .ods is named as such.
  const first = ['mimetype', 'META-INF/manifest.xml', '[Content_Types].xml'];
  const { entries, verifyCrc } = inflateAll(
    b,
    list,
    file,
    (e) => {
      const k = first.indexOf(e.name);
      return k >= 0 ? k : first.length;
    },
    (name, data) => {
      if (format === 'ods' && name === 'META-INF/manifest.xml' && /encryption-data/.test(new TextDecoder('utf-8').decode(data))) reject(file, 'file.password');
    },
  );
  const text = (name: string) => (entries.has(name) ? new TextDecoder('utf-8').decode(entries.get(name)) : undefined);

  if (format === 'ods') {
    const mime = text('mimetype')?.trim();
    if (mime !== ODS_MIME) {
      if (mime?.startsWith('application/vnd.oasis.opendocument.text')) reject(file, 'file.document', 'OpenDocument .odt', 'OpenDocument .odt');
      reject(file, 'file.notSpreadsheet', 'OpenDocument', 'OpenDocument');
    }
  } else if (!entries.has('[Content_Types].xml')) {
    reject(file, 'file.damaged', 'thiếu [Content_Types].xml', 'missing [Content_Types].xml');
  }

  // Every XML part must be complete; rows and cells are counted in every xlsx part, whatever its
  // name or root, since SheetJS finds sheets through [Content_Types].xml and relationships.
  const mustHaveContent = /^(xl\/worksheets\/|xl\/workbook\.xml$|xl\/sharedStrings\.xml$|content\.xml$|\[Content_Types\]\.xml$)/;
  let cells = 0;
  let formulas = 0;
  let arrays = 0;
  for (const [name, data] of entries) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    if (data.length === 0 && !mustHaveContent.test(name)) continue;
    if (!xmlComplete(data)) reject(file, 'file.damaged', `phần ${name} bị cắt cụt`, `part ${name} is cut off`);
    if (format === 'xlsx') {
      const c = countXlsxPart(data, MAX_CELLS - cells);
      if (c.rows > MAX_SHEET_ROWS) reject(file, 'file.tooManyRows', name, name);
      cells += c.cells;
      formulas += c.formulas;
      arrays += c.arrays;
      if (cells > MAX_CELLS) reject(file, 'file.tooManyCells');
    }
  }
  checkArrayWork(file, formulas, arrays);
  if (format === 'ods') countOdsContent(entries.get('content.xml')!, file);
  else checkSheetTargets(entries, file);
  verifyCrc();

  // SheetJS picks its parser from which parts exist (META-INF/manifest.xml → ODS, Index.zip → a
  // nested read, …): hand it only the parts of the format just checked.
  const keep = format === 'xlsx' ? (n: string) => /^(xl\/|_rels\/|docProps\/|\[Content_Types\]\.xml$)/.test(n) && !/\.bin$/i.test(n) : (n: string) => ODS_PARTS.has(n);
  const files: Zippable = {};
  for (const [name, data] of entries) if (keep(name)) files[name] = data;
  return { format, repacked: zipSync(files, { level: 0 }), modified: partsModified(entries, format) };
}

const ODS_PARTS = new Set(['mimetype', 'content.xml', 'styles.xml', 'meta.xml', 'META-INF/manifest.xml']);

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

/** Last-modified time the file itself records (OOXML core properties, ODF meta.xml). */
function partsModified(entries: Map<string, Uint8Array>, format: 'xlsx' | 'ods'): number | undefined {
  const part = entries.get(format === 'xlsx' ? 'docProps/core.xml' : 'meta.xml');
  if (!part) return undefined;
  const xml = new TextDecoder('utf-8').decode(part.subarray(0, 64 * 1024));
  const m = (format === 'xlsx' ? /<dcterms:modified\b[^>]*>([^<]+)</ : /<dc:date>([^<]+)</).exec(xml);
  const t = m ? Date.parse(m[1].trim()) : NaN;
  return Number.isFinite(t) ? t : undefined;
}
