// read_zip: which spreadsheet a zip holds (.xlsx or .ods, or what else it is), every part inflated
// under the caps and checked, and a re-packed zip of exactly the checked parts for SheetJS.
import { zipSync, Zippable } from 'fflate';
import { odsPackage } from './ods';
import { ooxmlPackage } from './ooxml';
import { reject } from './rejections';
import { xmlComplete } from './xml-scan';
import { inflateAll, listZip, ZipEntry } from './zip';

/** What one zip-based format checks, in the order the pipeline calls it. */
export interface ZipSpreadsheet {
  format: 'xlsx' | 'ods';
  /** Each part as soon as it is inflated (descriptive parts come first). */
  onInflated?(name: string, data: Uint8Array): void;
  /** The parts that say what the package is, once all are inflated. */
  checkPackage(entries: Map<string, Uint8Array>): void;
  /** Which parts are XML, each checked complete and passed to checkPart (default: by extension). */
  isXml?(name: string): boolean;
  /** Each complete XML part. */
  checkPart?(name: string, data: Uint8Array): void;
  /** The whole content, after every part is known complete. */
  checkContent(entries: Map<string, Uint8Array>): void;
  /** The parts SheetJS is handed. */
  keep(name: string): boolean;
  /** Parts SheetJS gets in a corrected form (set by checkPackage). */
  replaced?: Map<string, Uint8Array>;
  /** Where the file records its own last-modified time. */
  modified: { part: string; date: RegExp };
}

/** The format of a zip from its part names; anything else is refused with what it is. */
function spreadsheetIn(list: ZipEntry[], file: string): ZipSpreadsheet {
  const names = new Set(list.map((e) => e.name));
  // OPC part names are case-insensitive.
  const lower = new Set(list.map((e) => e.name.toLowerCase()));
  if (lower.has('xl/workbook.xml')) return ooxmlPackage(file);
  if (lower.has('xl/workbook.bin')) reject(file, 'file.xlsb');
  if (names.has('mimetype') && names.has('content.xml')) return odsPackage(file);
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) reject(file, 'file.password');
  if (lower.has('word/document.xml')) reject(file, 'file.document', 'Word .docx', 'Word .docx');
  if ([...lower].some((n) => n.startsWith('ppt/'))) reject(file, 'file.notSpreadsheet', 'PowerPoint', 'PowerPoint');
  if (names.has('mimetype')) reject(file, 'file.notSpreadsheet', 'OpenDocument', 'OpenDocument');
  // Another OPC package: its workbook, if any, is found through [Content_Types].xml or _rels/.rels.
  if (lower.has('[content_types].xml')) return ooxmlPackage(file);
  if (list.length === 0) reject(file, 'file.damaged', 'tệp ZIP rỗng', 'empty zip');
  return reject(file, 'file.notSpreadsheet', 'tệp nén ZIP', 'a zip archive');
}

// Small descriptive parts first so an encrypted .ods is named as such.
const FIRST = ['mimetype', 'META-INF/manifest.xml', '[Content_Types].xml', '_rels/.rels'];
// Parts that must not be empty; other empty XML parts are ignored.
const MUST_HAVE_CONTENT = /^(xl\/worksheets\/|xl\/workbook\.xml$|xl\/sharedStrings\.xml$|content\.xml$|\[Content_Types\]\.xml$)/;

/** Validates a zip container and returns a re-packed (stored) zip of exactly the checked parts. */
export function checkZip(b: Uint8Array, file: string): { format: 'xlsx' | 'ods'; repacked: Uint8Array; modified?: number } {
  const list = listZip(b, file);
  const pkg = spreadsheetIn(list, file);
  const { entries, verifyCrc } = inflateAll(
    b,
    list,
    file,
    (e) => {
      const k = FIRST.findIndex((f) => f.toLowerCase() === e.name.toLowerCase());
      return k >= 0 ? k : FIRST.length;
    },
    (name, data) => pkg.onInflated?.(name, data),
  );
  pkg.checkPackage(entries);
  // Every XML part must be complete.
  for (const [name, data] of entries) {
    if (!(pkg.isXml ? pkg.isXml(name) : /\.(xml|rels)$/i.test(name))) continue;
    if (data.length === 0 && !MUST_HAVE_CONTENT.test(name)) continue;
    if (!xmlComplete(data)) reject(file, 'file.damaged', `phần ${name} bị cắt cụt`, `part ${name} is cut off`);
    pkg.checkPart?.(name, data);
  }
  pkg.checkContent(entries);
  verifyCrc();

  // SheetJS picks its parser from which parts exist (META-INF/manifest.xml → ODS, Index.zip → a
  // nested read, …): hand it only the parts of the format just checked.
  const files: Zippable = {};
  for (const [name, data] of entries) if (pkg.keep(name)) files[name] = pkg.replaced?.get(name) ?? data;
  return { format: pkg.format, repacked: zipSync(files, { level: 0 }), modified: modifiedIn(entries.get(pkg.modified.part), pkg.modified.date) };
}

/** A date read from the first 64 KB of a properties part (OOXML core properties, ODF meta.xml). */
function modifiedIn(part: Uint8Array | undefined, re: RegExp): number | undefined {
  if (!part) return undefined;
  const m = re.exec(new TextDecoder('utf-8').decode(part.subarray(0, 64 * 1024)));
  const t = m ? Date.parse(m[1].trim()) : NaN;
  return Number.isFinite(t) ? t : undefined;
}
