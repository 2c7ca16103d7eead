"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ooxmlPackage = ooxmlPackage;
// An .xlsx package: its content types, every part's rows / cells / formulas counted (SheetJS finds
// sheets through [Content_Types].xml and relationships, so every part is counted whatever its name),
// and the parts SheetJS is handed.
const limits_1 = require("./limits");
const rejections_1 = require("./rejections");
const xml_scan_1 = require("./xml-scan");
function ooxmlPackage(file) {
    let cells = 0;
    let formulas = 0;
    let arrays = 0;
    return {
        format: 'xlsx',
        checkPackage(entries) {
            if (!entries.has('[Content_Types].xml'))
                (0, rejections_1.reject)(file, 'file.damaged', 'thiếu [Content_Types].xml', 'missing [Content_Types].xml');
        },
        checkPart(name, data) {
            const c = (0, xml_scan_1.countXlsxPart)(data, limits_1.MAX_CELLS - cells);
            if (c.rows > limits_1.MAX_SHEET_ROWS)
                (0, rejections_1.reject)(file, 'file.tooManyRows', name, name);
            cells += c.cells;
            formulas += c.formulas;
            arrays += c.arrays;
            if (cells > limits_1.MAX_CELLS)
                (0, rejections_1.reject)(file, 'file.tooManyCells');
        },
        checkContent(entries) {
            (0, rejections_1.checkArrayWork)(file, formulas, arrays);
            checkSheetTargets(entries, file);
        },
        keep: (n) => /^(xl\/|_rels\/|docProps\/|\[Content_Types\]\.xml$)/.test(n) && !/\.bin$/i.test(n),
        modified: { part: 'docProps/core.xml', date: /<dcterms:modified\b[^>]*>([^<]+)</ },
    };
}
/**
 * The workbook parts SheetJS may read (from [Content_Types].xml, as it does). Two sheets pointing at
 * one worksheet part would make SheetJS parse it twice while it was counted once: refused.
 */
function checkSheetTargets(entries, file) {
    const dec = new TextDecoder('utf-8');
    const ct = dec.decode(entries.get('[Content_Types].xml'));
    const books = new Set(['xl/workbook.xml']);
    for (const m of ct.matchAll(/<(?:\w+:)?Override\b([^>]*)>/g)) {
        const type = /\sContentType\s*=\s*["']([^"']*)/.exec(m[1])?.[1] ?? '';
        const part = /\sPartName\s*=\s*["']([^"']*)/.exec(m[1])?.[1];
        if (part && /\.main(\+xml)?$/.test(type))
            books.add(part.replace(/^\//, ''));
    }
    for (const book of books) {
        if (/\.bin$/i.test(book))
            (0, rejections_1.reject)(file, 'file.xlsb');
        const wb = entries.get(book);
        const slash = book.lastIndexOf('/');
        const rels = entries.get(`${book.slice(0, slash + 1)}_rels/${book.slice(slash + 1)}.rels`) ?? entries.get('xl/_rels/workbook.xml.rels');
        if (!wb || !rels)
            continue;
        const targets = new Map();
        for (const m of dec.decode(rels).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
            const id = /\sId\s*=\s*["']([^"']*)/.exec(m[1]);
            const target = /\sTarget\s*=\s*["']([^"']*)/.exec(m[1]);
            if (id && target)
                targets.set(id[1], target[1].replace(/^\/?(xl\/)?/, ''));
        }
        const seen = new Set();
        for (const m of dec.decode(wb).matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
            const id = /\s(?:[\w.-]+:)?id\s*=\s*["']([^"']*)/.exec(m[1]);
            const target = id ? targets.get(id[1]) : undefined;
            if (target === undefined)
                continue;
            if (seen.has(target))
                (0, rejections_1.reject)(file, 'file.damaged', `nhiều trang tính cùng trỏ tới ${target}`, `several sheets point at ${target}`);
            seen.add(target);
        }
    }
}
