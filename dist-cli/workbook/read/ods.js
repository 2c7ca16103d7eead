"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.odsPackage = odsPackage;
// An OpenDocument spreadsheet package: its mimetype, an encrypted manifest, and content.xml's cells
// counted as SheetJS would expand them.
const rejections_1 = require("./rejections");
const xml_scan_1 = require("./xml-scan");
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const ODS_PARTS = new Set(['mimetype', 'content.xml', 'styles.xml', 'meta.xml', 'META-INF/manifest.xml']);
const utf8 = (d) => (d ? new TextDecoder('utf-8').decode(d) : undefined);
function odsPackage(file) {
    return {
        format: 'ods',
        onInflated(name, data) {
            if (name === 'META-INF/manifest.xml' && /encryption-data/.test(utf8(data)))
                (0, rejections_1.reject)(file, 'file.password');
        },
        checkPackage(entries) {
            const mime = utf8(entries.get('mimetype'))?.trim();
            if (mime !== ODS_MIME) {
                if (mime?.startsWith('application/vnd.oasis.opendocument.text'))
                    (0, rejections_1.reject)(file, 'file.document', 'OpenDocument .odt', 'OpenDocument .odt');
                (0, rejections_1.reject)(file, 'file.notSpreadsheet', 'OpenDocument', 'OpenDocument');
            }
        },
        checkContent(entries) {
            (0, xml_scan_1.countOdsContent)(entries.get('content.xml'), file);
        },
        keep: (n) => ODS_PARTS.has(n),
        modified: { part: 'meta.xml', date: /<dc:date>([^<]+)</ },
    };
}
