"use strict";
// The sheet plan: a library-free description of one worksheet. The .xlsx writer
// (src/workbook) and the Office.js adapter (src/excel) both render it, so the
// form a clerk inserts, downloads or gets from the CLI is the same thing.
// Rows and columns are 1-based, as in Excel.
Object.defineProperty(exports, "__esModule", { value: true });
exports.columnLetter = columnLetter;
exports.columnNumber = columnNumber;
exports.cellAddress = cellAddress;
exports.rectAddress = rectAddress;
exports.parseAddress = parseAddress;
exports.quoteSheetName = quoteSheetName;
exports.planExtent = planExtent;
exports.fitWrappedRows = fitWrappedRows;
function columnLetter(c) {
    let s = '';
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26))
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
}
function columnNumber(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase())
        n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
}
function cellAddress(r, c, absolute = false) {
    return absolute ? `$${columnLetter(c)}$${r}` : `${columnLetter(c)}${r}`;
}
function rectAddress(rect, absolute = false) {
    const a = cellAddress(rect.r1, rect.c1, absolute);
    return rect.r1 === rect.r2 && rect.c1 === rect.c2 ? a : `${a}:${cellAddress(rect.r2, rect.c2, absolute)}`;
}
/** "D12" → {r: 12, c: 4}. */
function parseAddress(addr) {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(addr.trim());
    if (!m)
        throw new Error(`Not a cell address: ${addr}`);
    return { r: Number(m[2]), c: columnNumber(m[1]) };
}
/** A sheet name quoted for use in a formula or a defined name. */
function quoteSheetName(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
/** Last row and column any cell, merge or validation of the plan reaches. */
function planExtent(plan) {
    let rows = 0;
    let cols = plan.columns.length;
    for (const cell of plan.cells) {
        rows = Math.max(rows, cell.r);
        cols = Math.max(cols, cell.c);
    }
    for (const m of plan.merges) {
        rows = Math.max(rows, m.r2);
        cols = Math.max(cols, m.c2);
    }
    return { rows, cols };
}
/**
 * Sets the height of rows whose wrapped text needs more than one line. Neither Excel nor
 * LibreOffice re-fits row heights when a file is opened, so the plan has to say them.
 * The estimate errs towards a taller row: a blank line is better than text cut off.
 */
function fitWrappedRows(plan) {
    const mergedWidth = new Map();
    for (const m of plan.merges) {
        let w = 0;
        for (let c = m.c1; c <= m.c2; c++)
            w += plan.columns[c - 1] ?? 9;
        mergedWidth.set(`${m.r1}:${m.c1}`, m.r1 === m.r2 ? w : Infinity);
    }
    const heights = { ...plan.rowHeights };
    for (const cell of plan.cells) {
        const style = cell.style ? plan.styles[cell.style] : undefined;
        if (!style?.wrap || typeof cell.value !== 'string' || !cell.value)
            continue;
        const width = mergedWidth.get(`${cell.r}:${cell.c}`) ?? plan.columns[cell.c - 1] ?? 9;
        if (!Number.isFinite(width))
            continue;
        const size = style.size ?? plan.font.size;
        // Column width counts digits of the default font; Times New Roman 12 pt fits about 1.3 characters of text in each.
        const perLine = Math.max(1, Math.floor((width - 1) * 1.3 * (12 / size)));
        const lines = cell.value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
        if (lines < 2)
            continue;
        const need = Math.ceil(lines * size * 1.3 + 4);
        heights[cell.r] = Math.max(heights[cell.r] ?? 0, need);
    }
    return { ...plan, rowHeights: heights };
}
