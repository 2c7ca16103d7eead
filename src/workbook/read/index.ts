// Reads a returned workbook (.xlsx, .xls, .ods) from bytes into a library-free RawWorkbook.
// Runs in Node and in a browser Web Worker: bytes in, no Node APIs.
// Hostile files are refused before SheetJS sees them: the format is sniffed from the first bytes,
// then, as SheetJS dispatches (read_zip / read_cfb), a zip is checked part by part and re-packed
// (zip-spreadsheet.ts, ooxml.ts, ods.ts), and an OLE file keeps only its sanitised workbook stream
// (ole.ts, biff.ts). SheetJS parses what passed (sheetjs.ts); to-grid.ts makes the RawWorkbook.
import { FileRejected, RawWorkbook } from '../../core/returns';
import { checkZip } from './zip-spreadsheet';
import { MAX_FILE_BYTES } from './limits';
import { biffInOle, checkOle } from './ole';
import { Defused, defusedProblems } from './biff';
import { rejectParserError, rejectSniffed, rejectTooLarge } from './rejections';
import { parseChecked } from './sheetjs';
import { sniffBytes } from './sniff';
import { toRawWorkbook } from './to-grid';

/**
 * Reads a returned workbook from its bytes. Throws FileRejected (codes: REJECT_CODES) for
 * anything that is not a readable .xlsx, .xls or .ods, is damaged, encrypted or hostile.
 * `modified` (the file system's time) is used only when the file records no date of its own.
 */
export function readWorkbookBytes(bytes: Uint8Array, file: string, modified?: number): RawWorkbook {
  try {
    const kind = sniffBytes(bytes);
    if (kind !== 'empty' && bytes.length > MAX_FILE_BYTES) rejectTooLarge(file, bytes.length);
    if (kind === 'zip') {
      const z = checkZip(bytes, file);
      return toRawWorkbook(parseChecked(z.repacked, file, z.format), file, z.format, z.modified, modified);
    }
    if (kind === 'ole' || (kind === 'biff' && bytes[1] === 0x08)) {
      // A bare BIFF8 stream is read as the workbook stream of an OLE file; older ones are refused by version.
      const o: { input: Uint8Array; modified?: number; defused: Defused[] } = kind === 'ole' ? checkOle(bytes, file) : biffInOle(bytes, file);
      const wb = toRawWorkbook(parseChecked(o.input, file, 'xls'), file, 'xls', o.modified, modified);
      const problems = defusedProblems(file, o.defused);
      return problems.length ? { ...wb, problems } : wb;
    }
    return rejectSniffed(file, kind);
  } catch (e) {
    // Whatever a malformed file trips inside a parser is still a refusal of that file, never a crash.
    if (e instanceof FileRejected) throw e;
    return rejectParserError(file, e);
  }
}
