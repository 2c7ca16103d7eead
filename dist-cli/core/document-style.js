"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DOCUMENT_STYLES = exports.DOCUMENT_FONT = void 0;
exports.a4Print = a4Print;
exports.DOCUMENT_FONT = { name: 'Times New Roman', size: 12 };
/** Title block and table-header styles common to the form and the summary. */
exports.DOCUMENT_STYLES = {
    title: { bold: true, size: 14, hAlign: 'center', vAlign: 'middle' },
    subtitle: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true },
    note: { italic: true, hAlign: 'center', vAlign: 'middle', wrap: true },
    unitOfMeasure: { italic: true, hAlign: 'right' },
    th: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, border: true },
    colNo: { italic: true, hAlign: 'center', vAlign: 'middle', border: true },
};
/** A4, one page wide and as many tall as needed, with the given header rows repeated on each page. */
function a4Print(orientation, titleRows, centerHorizontally = true) {
    return {
        paper: 'A4',
        orientation,
        fitToWidth: 1,
        fitToHeight: 0,
        ...(titleRows ? { titleRows } : {}),
        margins: orientation === 'portrait' ? { left: 0.7, right: 0.5, top: 0.6, bottom: 0.6 } : { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6 },
        centerHorizontally,
    };
}
