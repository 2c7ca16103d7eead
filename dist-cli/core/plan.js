"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rectAddress = exports.quoteSheetName = exports.parseAddress = exports.columnNumber = exports.columnLetter = exports.cellAddress = void 0;
exports.planExtent = planExtent;
exports.fitWrappedRows = fitWrappedRows;
var a1_1 = require("./a1");
Object.defineProperty(exports, "cellAddress", { enumerable: true, get: function () { return a1_1.cellAddress; } });
Object.defineProperty(exports, "columnLetter", { enumerable: true, get: function () { return a1_1.columnLetter; } });
Object.defineProperty(exports, "columnNumber", { enumerable: true, get: function () { return a1_1.columnNumber; } });
Object.defineProperty(exports, "parseAddress", { enumerable: true, get: function () { return a1_1.parseAddress; } });
Object.defineProperty(exports, "quoteSheetName", { enumerable: true, get: function () { return a1_1.quoteSheetName; } });
Object.defineProperty(exports, "rectAddress", { enumerable: true, get: function () { return a1_1.rectAddress; } });
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
