"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_ROSTER_ROWS = void 0;
exports.foldHeader = foldHeader;
exports.parseCsv = parseCsv;
exports.readRosterBytes = readRosterBytes;
const returns_1 = require("../core/returns");
const read_workbook_1 = require("./read-workbook");
/** More units than any province has: the file is something else. */
exports.MAX_ROSTER_ROWS = 5000;
/** The header row is looked for in the first rows of each sheet (a title may sit above it). */
const HEADER_SEARCH_ROWS = 30;
/** Header text folded for matching: no diacritics (NFC or NFD), đ → d, lower case, single spaces, no punctuation or (notes). */
function foldHeader(s) {
    return s
        .replace(/\([^)]*\)/g, ' ')
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
}
const UNIT_HEADERS = new Set(['don vi', 'ten don vi', 'unit', 'unit name']);
const GROUP_HEADERS = new Set(['nhom', 'nhom don vi', 'group', 'unit group']);
function rejectRoster(file, code, text) {
    throw new returns_1.FileRejected(file, code, text);
}
const cellText = (c) => {
    if (c === undefined)
        return '';
    if (typeof c === 'string')
        return c.trim();
    if (c.value === null || c.value === undefined)
        return '';
    return String(c.value).trim();
};
function findHeader(grid) {
    const best = { unit: false, group: false };
    for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
        const row = grid[r] ?? [];
        let unitCol = -1;
        let groupCol = -1;
        for (let c = 0; c < row.length; c++) {
            const h = foldHeader(cellText(row[c]));
            if (unitCol < 0 && UNIT_HEADERS.has(h))
                unitCol = c;
            else if (groupCol < 0 && GROUP_HEADERS.has(h))
                groupCol = c;
        }
        if (unitCol >= 0 && groupCol >= 0)
            return { row: r, unitCol, groupCol };
        if (unitCol >= 0 || groupCol >= 0) {
            best.unit || (best.unit = unitCol >= 0);
            best.group || (best.group = groupCol >= 0);
        }
    }
    return { best };
}
function rowsBelow(grid, h, file) {
    const out = [];
    for (let r = h.row + 1; r < grid.length; r++) {
        const row = grid[r] ?? [];
        const unit = cellText(row[h.unitCol]);
        if (!unit)
            continue; // blank line, or a group caption without a unit
        out.push({ unit, group: cellText(row[h.groupCol]) });
        if (out.length > exports.MAX_ROSTER_ROWS) {
            rejectRoster(file, 'roster.tooLong', {
                vi: `Danh sách đơn vị quá dài (hơn ${exports.MAX_ROSTER_ROWS} dòng): đây không phải danh sách đơn vị báo cáo.`,
                en: `The roster is too long (more than ${exports.MAX_ROSTER_ROWS} rows): this is not a list of reporting units.`,
            });
        }
    }
    return out;
}
function missingHeader(file, best) {
    const missing = !best.unit && !best.group ? ['Đơn vị', 'Nhóm'] : !best.unit ? ['Đơn vị'] : ['Nhóm'];
    const vi = missing.map((m) => `“${m}”`).join(' và ');
    const en = missing.map((m) => `"${m}"`).join(' and ');
    return rejectRoster(file, 'roster.noHeader', {
        vi: `Danh sách đơn vị thiếu cột ${vi}. Dòng tiêu đề phải có hai cột “Đơn vị” và “Nhóm” (ví dụ nhóm: “Các sở, ngành”, “UBND các huyện, thành phố”).`,
        en: `The roster has no ${en} column. Its header row needs the two columns "Đơn vị" (unit) and "Nhóm" (group).`,
    });
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
        return rejectRoster(file, 'roster.encoding', {
            vi: 'Tệp CSV không dùng mã UTF-8 nên chữ tiếng Việt bị lỗi. Hãy lưu lại bằng Excel: Tệp > Lưu thành > “CSV UTF-8 (Comma delimited)”.',
            en: 'The CSV file is not UTF-8, so Vietnamese text would be garbled. Save it again from Excel as "CSV UTF-8 (Comma delimited)".',
        });
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
function readCsv(bytes, file) {
    let text = decodeCsv(bytes, file).replace(/^\uFEFF/, '');
    let forced;
    const sep = /^sep=(.)\r?\n/i.exec(text);
    if (sep) {
        forced = sep[1];
        text = text.slice(sep[0].length);
    }
    // Try the delimiters the header line uses most; keep the one that finds both columns.
    const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
    const candidates = forced ? [forced] : [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length);
    const best = { unit: false, group: false };
    for (const d of candidates) {
        const grid = parseCsv(text, d);
        const h = findHeader(grid);
        if ('row' in h)
            return rowsBelow(grid, h, file);
        best.unit || (best.unit = h.best.unit);
        best.group || (best.group = h.best.group);
    }
    return missingHeader(file, best);
}
/**
 * Reads a roster from a CSV (UTF-8, comma, semicolon or tab) or an .xlsx / .xls / .ods workbook.
 * Throws FileRejected: the workbook codes of readWorkbookBytes, or roster.noHeader,
 * roster.encoding, roster.empty, roster.tooLong.
 */
function readRosterBytes(bytes, file) {
    const kind = (0, read_workbook_1.sniffBytes)(bytes);
    let rows;
    if (kind === 'text') {
        if (bytes.length > read_workbook_1.MAX_FILE_BYTES)
            rejectRoster(file, 'file.tooLarge', (0, read_workbook_1.rejectionMessage)('file.tooLarge'));
        rows = readCsv(bytes, file);
    }
    else {
        // Workbooks, and every refusal (HTML, PDF, empty…) with its own message.
        const wb = (0, read_workbook_1.readWorkbookBytes)(bytes, file);
        const best = { unit: false, group: false };
        let found;
        for (const sheet of wb.sheets) {
            const h = findHeader(sheet.cells);
            if ('row' in h) {
                found = rowsBelow(sheet.cells, h, file);
                break;
            }
            best.unit || (best.unit = h.best.unit);
            best.group || (best.group = h.best.group);
        }
        if (!found)
            return missingHeader(file, best);
        rows = found;
    }
    if (!rows.length) {
        rejectRoster(file, 'roster.empty', {
            vi: 'Danh sách đơn vị không có đơn vị nào dưới dòng tiêu đề “Đơn vị”, “Nhóm”.',
            en: 'The roster lists no unit under its "Đơn vị", "Nhóm" header.',
        });
    }
    return rows;
}
