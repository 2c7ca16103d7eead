// An .xlsx package: its content types, every part's rows / cells / formulas counted (SheetJS finds
// sheets through [Content_Types].xml and relationships, so every part is counted whatever its name),
// and the parts SheetJS is handed. Part names are case-insensitive (OPC), as SheetJS reads them: the
// workbook is the part [Content_Types].xml declares, else xl/workbook.xml in any case, else the one
// _rels/.rels points at (then declared in the copy SheetJS gets, so it finds it too).
import { strToU8 } from 'fflate';
import { MAX_CELLS, MAX_SHEET_ROWS } from './limits';
import { checkArrayWork, reject } from './rejections';
import { countXlsxPart } from './xml-scan';
import type { ZipSpreadsheet } from './zip-spreadsheet';

/** The content types SheetJS reads as a workbook (its ct2type "workbooks"). */
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.main',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
]);
const MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
/** Parts that would switch SheetJS to another parser (found by it in any case): never handed on. */
const SWITCHES_PARSER = /^(meta-inf\/manifest\.xml|objectdata\.xml|index\/document\.iwa)$/i;

const dec = (d: Uint8Array | undefined) => (d ? new TextDecoder('utf-8').decode(d) : '');
const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)`).exec(tag)?.[1];
const stripSlash = (p: string) => p.replace(/^\//, '');

/** Parts by lower-cased name: the first of each, as SheetJS's lookup finds it. */
function partIndex(entries: Map<string, Uint8Array>): (name: string) => string | undefined {
  const byLower = new Map<string, string>();
  for (const n of entries.keys()) if (!byLower.has(n.toLowerCase())) byLower.set(n.toLowerCase(), n);
  return (name) => byLower.get(name.toLowerCase());
}

/** Relationship Id -> Target of a .rels part. */
function relTargets(rels: string): { id: string; type: string; target: string }[] {
  const out: { id: string; type: string; target: string }[] = [];
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id !== undefined && target !== undefined) out.push({ id, type: attr(m[1], 'Type') ?? '', target });
  }
  return out;
}

export function ooxmlPackage(file: string): ZipSpreadsheet {
  let cells = 0;
  let formulas = 0;
  let arrays = 0;
  /** Parts declared XML by an Override whatever their extension (lower-cased). */
  const xmlOverrides = new Set<string>();
  /** The workbooks SheetJS may read, first the one it does. */
  let books: string[] = [];
  const replaced = new Map<string, Uint8Array>();
  const isXml = (n: string) => /\.(xml|rels)$/i.test(n) || xmlOverrides.has(n.toLowerCase());
  return {
    format: 'xlsx',
    checkPackage(entries) {
      const find = partIndex(entries);
      const ctName = find('[Content_Types].xml');
      if (!ctName) reject(file, 'file.damaged', 'thiếu [Content_Types].xml', 'missing [Content_Types].xml');
      const ct = dec(entries.get(ctName));
      const overrides = [...ct.matchAll(/<(?:\w+:)?Override\b([^>]*)>/g)].map((m) => ({ part: stripSlash(attr(m[1], 'PartName') ?? ''), type: attr(m[1], 'ContentType') ?? '' }));
      for (const o of overrides) if (/[+/]xml$/i.test(o.type)) xmlOverrides.add(o.part.toLowerCase());
      books = overrides.filter((o) => WORKBOOK_TYPES.has(o.type) || /\.main(\+xml)?$/.test(o.type)).map((o) => o.part);
      const declared = books.some((b) => find(b) && WORKBOOK_TYPES.has(overrides.find((o) => o.part === b)!.type));
      if (!declared && find('xl/workbook.xml')) books.unshift('xl/workbook.xml');
      if (declared || find('xl/workbook.xml')) return;
      // Reached only through the package relationships.
      const rel = relTargets(dec(entries.get(find('_rels/.rels') ?? ''))).find((r) => /\/officeDocument$/.test(r.type));
      const target = rel ? find(stripSlash(rel.target.replace(/^\.\//, ''))) : undefined;
      const type = target ? overrides.find((o) => o.part.toLowerCase() === target.toLowerCase())?.type ?? '' : '';
      if (/wordprocessingml/.test(type)) reject(file, 'file.document', 'Word .docx', 'Word .docx');
      if (/presentationml/.test(type)) reject(file, 'file.notSpreadsheet', 'PowerPoint', 'PowerPoint');
      if (!target || !/^\s*(<\?xml[^>]*>\s*)?<(\w+:)?workbook\b/.test(dec(entries.get(target)!.subarray(0, 4096)))) {
        if (/binary\.macroEnabled\.main/.test(type) || (target && /\.bin$/i.test(target))) reject(file, 'file.xlsb');
        reject(file, 'file.notSpreadsheet', 'gói OOXML không có sổ làm việc', 'an OOXML package without a workbook');
      }
      books = [target];
      xmlOverrides.add(target.toLowerCase());
      replaced.set(ctName, strToU8(ct.replace(/<\/(\w+:)?Types\s*>\s*$/, (end) => `<Override PartName="/${target}" ContentType="${MAIN_TYPE}"/>${end}`)));
    },
    isXml,
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
      checkSheetTargets(entries, books, file);
    },
    keep: (n) => isXml(n) && !SWITCHES_PARSER.test(n),
    replaced,
    modified: { part: 'docProps/core.xml', date: /<dcterms:modified\b[^>]*>([^<]+)</ },
  };
}

/**
 * The workbook parts SheetJS may read, each sheet resolved to a part as SheetJS does. Two sheets
 * pointing at one worksheet part would make SheetJS parse it twice while it was counted once: refused.
 */
function checkSheetTargets(entries: Map<string, Uint8Array>, books: string[], file: string): void {
  const find = partIndex(entries);
  for (const book of books) {
    if (/\.bin$/i.test(book)) reject(file, 'file.xlsb');
    const wbName = find(book);
    if (!wbName) continue;
    const slash = book.lastIndexOf('/');
    let relsName = `${book.slice(0, slash + 1)}_rels/${book.slice(slash + 1)}.rels`;
    if (!find(relsName)) relsName = 'xl/_rels/workbook.xml.rels';
    const rels = entries.get(find(relsName) ?? '');
    if (!rels) continue;
    const targets = new Map(relTargets(dec(rels)).map((r) => [r.id, r.target]));
    const relsDir = relsName.replace(/_rels\/[\s\S]*$/, '');
    const seen = new Set<string>();
    for (const m of dec(entries.get(wbName)).matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
      const id = /\s(?:[\w.-]+:)?id\s*=\s*["']([^"']*)/.exec(m[1]);
      const target = id ? targets.get(id[1]) : undefined;
      if (target === undefined) continue;
      // SheetJS: xl/ + target, else the target, else next to the workbook's relationships.
      const part = find(`xl/${target.replace(/[/]?xl\//, '')}`) ?? find(target) ?? find(relsDir + target);
      if (part === undefined) continue;
      const key = part.toLowerCase();
      if (seen.has(key)) reject(file, 'file.damaged', `nhiều trang tính cùng trỏ tới ${target}`, `several sheets point at ${target}`);
      seen.add(key);
    }
  }
}
