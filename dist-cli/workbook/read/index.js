"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readWorkbookBytes = readWorkbookBytes;
// Reads a returned workbook (.xlsx, .xls, .ods) from bytes into a library-free RawWorkbook.
// Runs in Node and in a browser Web Worker: bytes in, no Node APIs.
// Hostile files are refused before SheetJS sees them: the format is sniffed from the first bytes,
// then, as SheetJS dispatches (read_zip / read_cfb), a zip is checked part by part and re-packed
// (zip-spreadsheet.ts, ooxml.ts, ods.ts), and an OLE file keeps only its sanitised workbook stream
// (ole.ts, biff.ts). SheetJS parses what passed (sheetjs.ts); to-grid.ts makes the RawWorkbook.
const returns_1 = require("../../core/returns");
const zip_spreadsheet_1 = require("./zip-spreadsheet");
const limits_1 = require("./limits");
const ole_1 = require("./ole");
const rejections_1 = require("./rejections");
const sheetjs_1 = require("./sheetjs");
const sniff_1 = require("./sniff");
const to_grid_1 = require("./to-grid");
/**
 * Reads a returned workbook from its bytes. Throws FileRejected (codes: REJECT_CODES) for
 * anything that is not a readable .xlsx, .xls or .ods, is damaged, encrypted or hostile.
 * `modified` (the file system's time) is used only when the file records no date of its own.
 */
function readWorkbookBytes(bytes, file, modified) {
    try {
        const kind = (0, sniff_1.sniffBytes)(bytes);
        if (kind !== 'empty' && bytes.length > limits_1.MAX_FILE_BYTES)
            (0, rejections_1.rejectTooLarge)(file, bytes.length);
        if (kind === 'zip') {
            const z = (0, zip_spreadsheet_1.checkZip)(bytes, file);
            return (0, to_grid_1.toRawWorkbook)((0, sheetjs_1.parseChecked)(z.repacked, file, z.format), file, z.format, z.modified, modified);
        }
        if (kind === 'ole') {
            const o = (0, ole_1.checkOle)(bytes, file);
            return (0, to_grid_1.toRawWorkbook)((0, sheetjs_1.parseChecked)(o.input, file, 'xls'), file, 'xls', o.modified, modified);
        }
        return (0, rejections_1.rejectSniffed)(file, kind);
    }
    catch (e) {
        // Whatever a malformed file trips inside a parser is still a refusal of that file, never a crash.
        if (e instanceof returns_1.FileRejected)
            throw e;
        return (0, rejections_1.rejectParserError)(file, e);
    }
}
