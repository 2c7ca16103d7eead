// The one call into SheetJS's parser, on bytes that have already passed every check.
import * as XLSX from '@e965/xlsx';
import { RawWorkbook } from '../../core/returns';
import { READ_SHEET_ROWS } from './limits';
import { rejectParserError } from './rejections';

export function parseChecked(input: Uint8Array, file: string, format: RawWorkbook['format']): XLSX.WorkBook {
  // SheetJS reports oddities with console.error; a crafted file could flood the console, so mute it
  // for this synchronous call only.
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const mute = () => undefined;
  console.error = console.warn = console.log = mute;
  try {
    return XLSX.read(input, {
      type: 'array',
      dense: true,
      cellFormula: true,
      cellText: true,
      cellNF: false,
      cellDates: false,
      cellStyles: false,
      cellHTML: false,
      // xlsx formula cells without a saved result only survive as stubs.
      sheetStubs: format === 'xlsx',
      sheetRows: READ_SHEET_ROWS,
      bookVBA: false,
    });
  } catch (e) {
    return rejectParserError(file, e);
  } finally {
    Object.assign(console, saved);
  }
}
