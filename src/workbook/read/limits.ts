// The caps a returned file must stay under; a filled form is far below every one of them.
export { MAX_FILE_BYTES } from '../file-limits';

const MiB = 1024 * 1024;
/** Largest total a zip may inflate to, declared or actual. */
export const MAX_INFLATED_BYTES = 50 * MiB;
/** An entry this large with a higher compression ratio is a bomb, not a spreadsheet. */
export const RATIO_CHECK_BYTES = 10 * MiB;
export const MAX_RATIO = 500;
export const MAX_ZIP_ENTRIES = 5000;
/** Rows SheetJS reads per sheet; the form is at the top of its sheet. */
export const READ_SHEET_ROWS = 5000;
/** A sheet with more rows than this is refused. */
export const MAX_SHEET_ROWS = 100_000;
/** A workbook with more cells than this is refused. */
export const MAX_CELLS = 500_000;
/** SheetJS checks every formula cell against every array formula: refuse when that product is absurd. */
export const MAX_ARRAY_FORMULA_WORK = 20_000_000;
