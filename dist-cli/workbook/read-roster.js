"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.foldHeader = exports.MAX_ROSTER_ROWS = void 0;
exports.parseCsv = parseCsv;
exports.readRosterBytes = readRosterBytes;
const returns_1 = require("../core/returns");
const messages_1 = require("../core/messages");
const roster_1 = require("../core/roster");
const read_workbook_1 = require("./read-workbook");
var roster_2 = require("../core/roster");
Object.defineProperty(exports, "MAX_ROSTER_ROWS", { enumerable: true, get: function () { return roster_2.MAX_ROSTER_ROWS; } });
Object.defineProperty(exports, "foldHeader", { enumerable: true, get: function () { return roster_2.foldHeader; } });
function rejectRoster(file, code, text) {
    throw new returns_1.FileRejected(file, code, text);
}
/** Decodes CSV bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused. */
function decodeCsv(bytes, file) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
        return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    }
    catch {
        return rejectRoster(file, 'roster.encoding', messages_1.PROBLEM_MESSAGES['roster.encoding']());
    }
}
/** RFC 4180 CSV with the given delimiter; quotes may hold delimiters, line breaks and "" escapes. */
function parseCsv(text, delim) {
    const rows = [];
    let row = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"') {
                if (text[i + 1] === '"')
                    (field += '"'), i++;
                else
                    quoted = false;
            }
            else
                field += ch;
        }
        else if (ch === '"' && field.trim() === '') {
            quoted = true;
            field = '';
        }
        else if (ch === delim) {
            row.push(field);
            field = '';
        }
        else if (ch === '\n' || ch === '\r') {
            if (ch === '\r' && text[i + 1] === '\n')
                i++;
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
        }
        else
            field += ch;
    }
    if (field !== '' || row.length) {
        row.push(field);
        rows.push(row);
    }
    return rows;
}
function* csvGrids(bytes, file) {
    let text = decodeCsv(bytes, file).replace(/^\uFEFF/, '');
    let forced;
    const sep = /^sep=(.)\r?\n/i.exec(text);
    if (sep) {
        forced = sep[1];
        text = text.slice(sep[0].length);
    }
    // Try the delimiters the header line uses most; the first that finds both columns wins.
    const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
    const candidates = forced ? [forced] : [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length);
    for (const d of candidates)
        yield parseCsv(text, d);
}
/**
 * Reads a roster from a CSV (UTF-8, comma, semicolon or tab) or an .xlsx / .xls / .ods workbook.
 * Throws FileRejected: the workbook codes of readWorkbookBytes, or roster.noHeader,
 * roster.encoding, roster.empty, roster.tooLong.
 */
function readRosterBytes(bytes, file) {
    if ((0, read_workbook_1.sniffBytes)(bytes) === 'text') {
        if (bytes.length > read_workbook_1.MAX_FILE_BYTES)
            rejectRoster(file, 'file.tooLarge', (0, read_workbook_1.rejectionMessage)('file.tooLarge'));
        return (0, roster_1.rosterFromGrids)(csvGrids(bytes, file), file);
    }
    // Workbooks, and every refusal (HTML, PDF, empty…) with its own message.
    return (0, roster_1.rosterFromGrids)((0, read_workbook_1.readWorkbookBytes)(bytes, file).sheets.map((s) => s.cells), file);
}
