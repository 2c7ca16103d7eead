"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_ARRAY_FORMULA_WORK = exports.MAX_CELLS = exports.MAX_SHEET_ROWS = exports.READ_SHEET_ROWS = exports.MAX_ZIP_ENTRIES = exports.MAX_RATIO = exports.RATIO_CHECK_BYTES = exports.MAX_INFLATED_BYTES = exports.MAX_FILE_BYTES = void 0;
// The caps a returned file must stay under; a filled form is far below every one of them.
var file_limits_1 = require("../file-limits");
Object.defineProperty(exports, "MAX_FILE_BYTES", { enumerable: true, get: function () { return file_limits_1.MAX_FILE_BYTES; } });
const MiB = 1024 * 1024;
/** Largest total a zip may inflate to, declared or actual. */
exports.MAX_INFLATED_BYTES = 50 * MiB;
/** An entry this large with a higher compression ratio is a bomb, not a spreadsheet. */
exports.RATIO_CHECK_BYTES = 10 * MiB;
exports.MAX_RATIO = 500;
exports.MAX_ZIP_ENTRIES = 5000;
/** Rows SheetJS reads per sheet; the form is at the top of its sheet. */
exports.READ_SHEET_ROWS = 5000;
/** A sheet with more rows than this is refused. */
exports.MAX_SHEET_ROWS = 100000;
/** A workbook with more cells than this is refused. */
exports.MAX_CELLS = 500000;
/** SheetJS checks every formula cell against every array formula: refuse when that product is absurd. */
exports.MAX_ARRAY_FORMULA_WORK = 20000000;
