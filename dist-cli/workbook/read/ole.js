"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkOle = checkOle;
// read_cfb: an OLE (Compound File) container: encrypted OOXML, a BIFF workbook, or another document.
const XLSX = __importStar(require("@e965/xlsx"));
const biff_1 = require("./biff");
const rejections_1 = require("./rejections");
const CFB = XLSX.CFB;
/**
 * Checks an OLE (Compound File) container: encrypted OOXML, a BIFF workbook with FILEPASS, or another
 * document. Returns a new container holding only the workbook stream: SheetJS's property-set parser
 * runs out of memory on some damaged summary streams, so those never reach it.
 */
function checkOle(b, file) {
    let cfb;
    try {
        cfb = CFB.read(b, { type: 'buffer' });
    }
    catch {
        (0, rejections_1.reject)(file, 'file.damaged', 'cấu trúc tệp .xls', '.xls structure');
    }
    const find = (n) => cfb.FileIndex.find((e) => e && e.name === n);
    if (find('EncryptionInfo') || find('EncryptedPackage') || find('encryption'))
        (0, rejections_1.reject)(file, 'file.password');
    const wbStream = find('Workbook') ?? find('Book');
    if (!wbStream) {
        if (find('WordDocument'))
            (0, rejections_1.reject)(file, 'file.document', 'Word .doc', 'Word .doc');
        if (find('PowerPoint Document'))
            (0, rejections_1.reject)(file, 'file.notSpreadsheet', 'PowerPoint', 'PowerPoint');
        (0, rejections_1.reject)(file, 'file.notSpreadsheet', 'tệp OLE', 'an OLE file');
    }
    const s = wbStream.content;
    if (!s || s.length < 8)
        (0, rejections_1.reject)(file, 'file.damaged', 'luồng Workbook rỗng', 'empty Workbook stream');
    const clean = CFB.utils.cfb_new();
    CFB.utils.cfb_add(clean, wbStream.name, (0, biff_1.sanitizeBiff)(Uint8Array.from(s), file));
    const out = CFB.write(clean, { type: 'array' });
    const summary = find('\u0005SummaryInformation')?.content;
    return { input: out instanceof Uint8Array ? out : Uint8Array.from(out), modified: summary ? lastSaved(summary) : undefined };
}
/** PID_LASTSAVE_DTM (FILETIME) from a SummaryInformation property set, read with every bound checked. */
function lastSaved(d) {
    const n = d.length;
    const r32 = (o) => (o + 4 <= n ? (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16)) + d[o + 3] * 0x1000000 : -1);
    if (n < 48 || d[0] !== 0xfe || d[1] !== 0xff)
        return undefined;
    const set = r32(44);
    if (set < 0 || set + 8 > n)
        return undefined;
    const count = r32(set + 4);
    for (let i = 0; i < Math.min(count, 256); i++) {
        const pid = r32(set + 8 + i * 8);
        const off = r32(set + 12 + i * 8);
        if (pid < 0 || off < 0)
            return undefined;
        if (pid !== 0x0d)
            continue;
        const p = set + off;
        if (r32(p) !== 0x40 || p + 12 > n)
            return undefined; // VT_FILETIME
        const ft = r32(p + 4) + r32(p + 8) * 0x100000000; // 100 ns since 1601
        const t = ft / 10000 - 11644473600000;
        return t > 0 && t < 4102444800000 ? Math.round(t) : undefined;
    }
    return undefined;
}
