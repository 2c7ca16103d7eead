// Reads the list of expected units ("roster") from bytes: a CSV or a workbook, turned into grids
// that the core searches for the columns "Đơn vị" and "Nhóm" (src/core/roster.ts).
// Runs in Node and in a Web Worker. Group text is returned raw; core maps it to a group.
import { Message } from '../core/i18n';
import { FileRejected } from '../core/returns';
import { PROBLEM_MESSAGES, ProblemCode } from '../core/messages';
import { RosterRow, rosterFromGrids } from '../core/roster';
import { MAX_FILE_BYTES, readWorkbookBytes, rejectionMessage, sniffBytes } from './read-workbook';

export { MAX_ROSTER_ROWS, foldHeader } from '../core/roster';
export type { RosterRow } from '../core/roster';

function rejectRoster(file: string, code: ProblemCode, text: Message): never {
  throw new FileRejected(file, code, text);
}

/** Decodes CSV bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused. */
function decodeCsv(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return rejectRoster(file, 'roster.encoding', PROBLEM_MESSAGES['roster.encoding']());
  }
}

/** RFC 4180 CSV with the given delimiter; quotes may hold delimiters, line breaks and "" escapes. */
export function parseCsv(text: string, delim: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') (field += '"'), i++;
        else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delim) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function* csvGrids(bytes: Uint8Array, file: string): Generator<string[][]> {
  let text = decodeCsv(bytes, file).replace(/^\uFEFF/, '');
  let forced: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    forced = sep[1];
    text = text.slice(sep[0].length);
  }
  // Try the delimiters the header line uses most; the first that finds both columns wins.
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const candidates = forced ? [forced] : [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length);
  for (const d of candidates) yield parseCsv(text, d);
}

/**
 * Reads a roster from a CSV (UTF-8, comma, semicolon or tab) or an .xlsx / .xls / .ods workbook.
 * Throws FileRejected: the workbook codes of readWorkbookBytes, or roster.noHeader,
 * roster.encoding, roster.empty, roster.tooLong.
 */
export function readRosterBytes(bytes: Uint8Array, file: string): RosterRow[] {
  if (sniffBytes(bytes) === 'text') {
    if (bytes.length > MAX_FILE_BYTES) rejectRoster(file, 'file.tooLarge', rejectionMessage('file.tooLarge'));
    return rosterFromGrids(csvGrids(bytes, file), file);
  }
  // Workbooks, and every refusal (HTML, PDF, empty…) with its own message.
  return rosterFromGrids(readWorkbookBytes(bytes, file).sheets.map((s) => s.cells), file);
}
