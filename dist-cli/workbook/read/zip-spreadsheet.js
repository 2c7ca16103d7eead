"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkZip = checkZip;
// read_zip: which spreadsheet a zip holds (.xlsx or .ods, or what else it is), every part inflated
// under the caps and checked, and a re-packed zip of exactly the checked parts for SheetJS.
const fflate_1 = require("fflate");
const ods_1 = require("./ods");
const ooxml_1 = require("./ooxml");
const rejections_1 = require("./rejections");
const xml_scan_1 = require("./xml-scan");
const zip_1 = require("./zip");
/** The format of a zip from its part names; anything else is refused with what it is. */
function spreadsheetIn(list, file) {
    const names = new Set(list.map((e) => e.name));
    if (names.has('xl/workbook.xml'))
        return (0, ooxml_1.ooxmlPackage)(file);
    if (names.has('xl/workbook.bin'))
        (0, rejections_1.reject)(file, 'file.xlsb');
    if (names.has('mimetype') && names.has('content.xml'))
        return (0, ods_1.odsPackage)(file);
    if (names.has('EncryptedPackage') || names.has('EncryptionInfo'))
        (0, rejections_1.reject)(file, 'file.password');
    if (names.has('word/document.xml'))
        (0, rejections_1.reject)(file, 'file.document', 'Word .docx', 'Word .docx');
    if ([...names].some((n) => n.startsWith('ppt/')))
        (0, rejections_1.reject)(file, 'file.notSpreadsheet', 'PowerPoint', 'PowerPoint');
    if (names.has('mimetype'))
        (0, rejections_1.reject)(file, 'file.notSpreadsheet', 'OpenDocument', 'OpenDocument');
    if (list.length === 0)
        (0, rejections_1.reject)(file, 'file.damaged', 'tệp ZIP rỗng', 'empty zip');
    return (0, rejections_1.reject)(file, 'file.notSpreadsheet', 'tệp nén ZIP', 'a zip archive');
}
// Small descriptive parts first so an encrypted .ods is named as such.
const FIRST = ['mimetype', 'META-INF/manifest.xml', '[Content_Types].xml'];
// Parts that must not be empty; other empty XML parts are ignored.
const MUST_HAVE_CONTENT = /^(xl\/worksheets\/|xl\/workbook\.xml$|xl\/sharedStrings\.xml$|content\.xml$|\[Content_Types\]\.xml$)/;
/** Validates a zip container and returns a re-packed (stored) zip of exactly the checked parts. */
function checkZip(b, file) {
    const list = (0, zip_1.listZip)(b, file);
    const pkg = spreadsheetIn(list, file);
    const { entries, verifyCrc } = (0, zip_1.inflateAll)(b, list, file, (e) => {
        const k = FIRST.indexOf(e.name);
        return k >= 0 ? k : FIRST.length;
    }, (name, data) => pkg.onInflated?.(name, data));
    pkg.checkPackage(entries);
    // Every XML part must be complete.
    for (const [name, data] of entries) {
        if (!/\.(xml|rels)$/i.test(name))
            continue;
        if (data.length === 0 && !MUST_HAVE_CONTENT.test(name))
            continue;
        if (!(0, xml_scan_1.xmlComplete)(data))
            (0, rejections_1.reject)(file, 'file.damaged', `phần ${name} bị cắt cụt`, `part ${name} is cut off`);
        pkg.checkPart?.(name, data);
    }
    pkg.checkContent(entries);
    verifyCrc();
    // SheetJS picks its parser from which parts exist (META-INF/manifest.xml → ODS, Index.zip → a
    // nested read, …): hand it only the parts of the format just checked.
    const files = {};
    for (const [name, data] of entries)
        if (pkg.keep(name))
            files[name] = data;
    return { format: pkg.format, repacked: (0, fflate_1.zipSync)(files, { level: 0 }), modified: modifiedIn(entries.get(pkg.modified.part), pkg.modified.date) };
}
/** A date read from the first 64 KB of a properties part (OOXML core properties, ODF meta.xml). */
function modifiedIn(part, re) {
    if (!part)
        return undefined;
    const m = re.exec(new TextDecoder('utf-8').decode(part.subarray(0, 64 * 1024)));
    const t = m ? Date.parse(m[1].trim()) : NaN;
    return Number.isFinite(t) ? t : undefined;
}
