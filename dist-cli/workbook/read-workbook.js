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
exports.REJECT_CODES = exports.MAX_ARRAY_FORMULA_WORK = exports.MAX_CELLS = exports.MAX_SHEET_ROWS = exports.READ_SHEET_ROWS = exports.MAX_ZIP_ENTRIES = exports.MAX_RATIO = exports.RATIO_CHECK_BYTES = exports.MAX_INFLATED_BYTES = exports.MAX_FILE_BYTES = void 0;
exports.rejectionMessage = rejectionMessage;
exports.sniffBytes = sniffBytes;
exports.resolveNameRef = resolveNameRef;
exports.readWorkbookBytes = readWorkbookBytes;
// Reads a returned workbook (.xlsx, .xls, .ods) from bytes into a library-free RawWorkbook.
// Runs in Node and in a browser Web Worker: bytes in, no Node APIs.
// Hostile files are refused before SheetJS sees them: the format is sniffed from the first
// bytes, every zip entry is inflated here under a hard cap and checked for completeness, rows
// and cells are counted, and SheetJS then parses a re-packed zip of exactly what was checked
// (for .xls, a rewritten workbook stream: see "BIFF8 sanitising").
const XLSX = __importStar(require("@e965/xlsx"));
const fflate_1 = require("fflate");
const returns_1 = require("../core/returns");
const file_limits_1 = require("./file-limits");
var file_limits_2 = require("./file-limits");
Object.defineProperty(exports, "MAX_FILE_BYTES", { enumerable: true, get: function () { return file_limits_2.MAX_FILE_BYTES; } });
const MiB = 1024 * 1024;
/** Largest total a zip may inflate to, declared or actual. */
exports.MAX_INFLATED_BYTES = 50 * MiB;
/** An entry this large with a higher compression ratio is a bomb, not a spreadsheet. */
exports.RATIO_CHECK_BYTES = 10 * MiB;
exports.MAX_RATIO = 500;
exports.MAX_ZIP_ENTRIES = 5000;
/** Rows SheetJS reads per sheet; the form is at the top of its sheet. */
exports.READ_SHEET_ROWS = 5000;
/** A sheet with more rows than this is refused. */
exports.MAX_SHEET_ROWS = 100000;
/** A workbook with more cells than this is refused. */
exports.MAX_CELLS = 500000;
/** SheetJS checks every formula cell against every array formula: refuse when that product is absurd. */
exports.MAX_ARRAY_FORMULA_WORK = 20000000;
exports.REJECT_CODES = [
    'file.empty',
    'file.tooLarge',
    'file.html',
    'file.xml',
    'file.pdf',
    'file.text',
    'file.image',
    'file.archive',
    'file.document',
    'file.xlsb',
    'file.notSpreadsheet',
    'file.unknown',
    'file.password',
    'file.damaged',
    'file.zipBomb',
    'file.tooManyRows',
    'file.tooManyCells',
    'file.noSheets',
    'file.tooManyFormulas',
    'file.oldExcel',
];
const SEND_AS = { vi: 'Hãy mở bằng Excel và lưu lại dạng .xlsx (Sổ làm việc Excel) rồi gửi lại.', en: 'Open it in Excel, save it as .xlsx (Excel Workbook) and send it again.' };
const fmtNum = (n) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
/** The plain-language message (vi, en) for a refusal code; detail is shown in parentheses. */
function rejectionMessage(code, detail) {
    const d = detail ? ` (${detail})` : '';
    switch (code) {
        case 'file.empty':
            return { vi: 'Tệp trống (không có nội dung). Hãy đề nghị đơn vị gửi lại tệp biểu mẫu đã điền.', en: 'The file is empty. Ask the unit to send the filled-in form again.' };
        case 'file.tooLarge':
            return (0, file_limits_1.tooLargeMessage)();
        case 'file.html':
            return { vi: `Tệp này là trang HTML (trang web) bị đổi tên, không phải tệp Excel. ${SEND_AS.vi}`, en: `This file is an HTML (web) page renamed, not an Excel file. ${SEND_AS.en}` };
        case 'file.xml':
            return { vi: `Tệp này là tệp XML, không phải tệp Excel. ${SEND_AS.vi}`, en: `This file is an XML file, not an Excel file. ${SEND_AS.en}` };
        case 'file.pdf':
            return {
                vi: 'Tệp này là tài liệu PDF, không đọc được số liệu. Hãy gửi tệp Excel (.xlsx, .xls) hoặc .ods của biểu mẫu.',
                en: 'This file is a PDF document; its figures cannot be read. Send the form as an Excel (.xlsx, .xls) or .ods file.',
            };
        case 'file.text':
            return {
                vi: 'Tệp này là tệp văn bản (CSV/TXT), không phải biểu mẫu Excel. Hãy điền vào biểu mẫu Excel và gửi tệp .xlsx.',
                en: 'This file is a text (CSV/TXT) file, not the Excel form. Fill in the Excel form and send the .xlsx file.',
            };
        case 'file.image':
            return {
                vi: 'Tệp này là ảnh, không đọc được số liệu. Hãy gửi tệp Excel (.xlsx, .xls) hoặc .ods của biểu mẫu.',
                en: 'This file is an image; its figures cannot be read. Send the form as an Excel (.xlsx, .xls) or .ods file.',
            };
        case 'file.archive':
            return {
                vi: 'Tệp này là tệp nén (RAR, 7z, gzip…), không phải tệp Excel. Hãy giải nén và gửi riêng tệp biểu mẫu.',
                en: 'This file is an archive (RAR, 7z, gzip…), not an Excel file. Extract it and send the form file itself.',
            };
        case 'file.document':
            return {
                vi: `Tệp này là tài liệu văn bản${d}, không phải bảng tính. Hãy điền số liệu vào biểu mẫu Excel và gửi tệp .xlsx.`,
                en: `This file is a text document${d}, not a spreadsheet. Fill in the Excel form and send the .xlsx file.`,
            };
        case 'file.xlsb':
            return { vi: `Tệp Excel dạng nhị phân (.xlsb) chưa được hỗ trợ. ${SEND_AS.vi}`, en: `Binary Excel files (.xlsb) are not supported. ${SEND_AS.en}` };
        case 'file.notSpreadsheet':
            return {
                vi: `Tệp này không phải bảng tính Excel hay OpenDocument${d}. Hãy gửi tệp biểu mẫu .xlsx, .xls hoặc .ods.`,
                en: `This file is not an Excel or OpenDocument spreadsheet${d}. Send the form as .xlsx, .xls or .ods.`,
            };
        case 'file.unknown':
            return {
                vi: 'Không nhận ra định dạng tệp: đây không phải tệp Excel (.xlsx, .xls) hay .ods. Hãy kiểm tra lại tệp đính kèm.',
                en: 'Unknown file format: this is not an Excel (.xlsx, .xls) or .ods file. Check the attachment.',
            };
        case 'file.password':
            return {
                vi: 'Tệp có mật khẩu (đã mã hóa) nên không đọc được. Hãy mở tệp, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ Sổ làm việc > Mã hóa bằng Mật khẩu, xóa mật khẩu) rồi gửi lại.',
                en: 'The file is password-protected (encrypted) and cannot be read. Open it, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and send it again.',
            };
        case 'file.damaged':
            return {
                vi: `Tệp bị hỏng hoặc không đầy đủ${d}, có thể do tải về hoặc sao chép chưa xong. Hãy đề nghị đơn vị gửi lại tệp.`,
                en: `The file is damaged or incomplete${d}, perhaps an unfinished download or copy. Ask the unit to send it again.`,
            };
        case 'file.zipBomb':
            return {
                vi: `Tệp nén bất thường${d}: đây không phải biểu mẫu báo cáo và có thể là tệp độc hại; tệp bị từ chối.`,
                en: `Abnormal compressed file${d}: this is not a reporting form and may be hostile; the file is refused.`,
            };
        case 'file.tooManyRows':
            return {
                vi: `Trang tính quá lớn (hơn ${fmtNum(exports.MAX_SHEET_ROWS)} dòng)${d}, không phải biểu mẫu báo cáo.`,
                en: `The sheet is too large (more than ${exports.MAX_SHEET_ROWS.toLocaleString('en')} rows)${d}; it is not a reporting form.`,
            };
        case 'file.tooManyCells':
            return {
                vi: `Tệp có quá nhiều ô dữ liệu (hơn ${fmtNum(exports.MAX_CELLS)} ô), không phải biểu mẫu báo cáo.`,
                en: `The file has too many cells (more than ${exports.MAX_CELLS.toLocaleString('en')}); it is not a reporting form.`,
            };
        case 'file.tooManyFormulas':
            return {
                vi: `Tệp có quá nhiều công thức mảng${d}, không phải biểu mẫu báo cáo.`,
                en: `The file has too many array formulas${d}; it is not a reporting form.`,
            };
        case 'file.oldExcel':
            return { vi: `Tệp Excel đời cũ (Excel 5.0/95 trở về trước) chưa được hỗ trợ. ${SEND_AS.vi}`, en: `Old Excel files (Excel 5.0/95 and earlier) are not supported. ${SEND_AS.en}` };
        case 'file.noSheets':
            return { vi: 'Tệp không có trang tính nào.', en: 'The file has no worksheets.' };
    }
}
function checkArrayWork(file, formulas, arrays) {
    if (arrays > 0 && formulas * arrays > exports.MAX_ARRAY_FORMULA_WORK)
        reject(file, 'file.tooManyFormulas', `${fmtNum(arrays)} công thức mảng`, `${arrays} array formulas`);
}
function reject(file, code, detail, detailEn) {
    const m = rejectionMessage(code, detail);
    if (detailEn !== undefined && detail)
        m.en = rejectionMessage(code, detailEn).en;
    throw new returns_1.FileRejected(file, code, m);
}
// ---------------------------------------------------------------- sniffing
const startsWith = (b, sig, at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ZIP_SIG = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_SIG = [0x50, 0x4b, 0x05, 0x06];
const OLE_SIG = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function headText(b, n = 2048) {
    const slice = b.subarray(0, n);
    if (startsWith(slice, [0xff, 0xfe]))
        return new TextDecoder('utf-16le').decode(slice.subarray(2));
    if (startsWith(slice, [0xfe, 0xff]))
        return new TextDecoder('utf-16be').decode(slice.subarray(2));
    return new TextDecoder('utf-8').decode(slice);
}
/** True when the first bytes look like text in any 8-bit or UTF-16 (BOM) encoding: no NUL, few control characters. */
function looksLikeText(b) {
    if (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff]))
        return true;
    const n = Math.min(b.length, 4096);
    let bad = 0;
    for (let i = 0; i < n; i++) {
        const x = b[i];
        if (x === 0)
            return false;
        if (x < 0x20 && x !== 9 && x !== 10 && x !== 13 && x !== 12 && x !== 0x1a)
            bad++;
    }
    return bad <= n / 100;
}
/** What the bytes are, from their first bytes only (never the file name). */
function sniffBytes(b) {
    if (b.length === 0)
        return 'empty';
    if (startsWith(b, ZIP_SIG) || startsWith(b, ZIP_EMPTY_SIG))
        return 'zip';
    if (startsWith(b, OLE_SIG))
        return 'ole';
    if (startsWith(b, [0x25, 0x50, 0x44, 0x46]))
        return 'pdf';
    if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff]) || startsWith(b, [0x47, 0x49, 0x46, 0x38]))
        return 'image';
    if (startsWith(b, [0x52, 0x61, 0x72, 0x21]) || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(b, [0x1f, 0x8b]))
        return 'archive';
    const head = headText(b).replace(/^\uFEFF/, '');
    const trimmed = head.replace(/^\s+/, '');
    if (trimmed === '' && b.every((x) => x === 0 || x === 0x20 || x === 9 || x === 10 || x === 13))
        return 'empty';
    if (/^\{\\rtf/.test(trimmed))
        return 'rtf';
    if (/^<\?xml/i.test(trimmed) || /^<(ss:)?Workbook\b/.test(trimmed)) {
        if (/urn:schemas-microsoft-com:office:spreadsheet/i.test(head))
            return 'xml2003';
        if (/<html\b/i.test(head))
            return 'html';
        return 'xml';
    }
    if (/^<(!doctype\s+html|html|head|body|table|meta|title|div|!--)/i.test(trimmed) || /^MIME-Version:/i.test(trimmed) || /<html\b/i.test(head))
        return 'html';
    if (looksLikeText(b))
        return 'text';
    return 'unknown';
}
// ---------------------------------------------------------------- zip reading under a cap
const CRC_TABLE = (() => {
    const t = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        t[n] = c;
    }
    return t;
})();
function crc32(d) {
    let c = -1;
    for (let i = 0; i < d.length; i++)
        c = CRC_TABLE[(c ^ d[i]) & 0xff] ^ (c >>> 8);
    return (c ^ -1) >>> 0;
}
const u16 = (b, o) => b[o] | (b[o + 1] << 8);
const u32 = (b, o) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b, o) => u32(b, o) + u32(b, o + 4) * 0x100000000;
/** Central directory of a zip; lengths are checked against the file so a cut file is "damaged". */
function listZip(b, file) {
    const damaged = (vi, en) => reject(file, 'file.damaged', `cấu trúc ZIP: ${vi}`, `zip structure: ${en}`);
    if (b.length < 22)
        damaged('quá ngắn', 'too short');
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
        if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        damaged('thiếu mục lục ở cuối tệp', 'no end of central directory');
    if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0)
        damaged('tệp nén nhiều phần', 'multi-part archive');
    let count = u16(b, eocd + 10);
    let cdSize = u32(b, eocd + 12);
    let cdOffset = u32(b, eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
        // ZIP64 end of central directory, found through its locator just before.
        const loc = eocd - 20;
        if (loc < 0 || u32(b, loc) !== 0x07064b50)
            damaged('thiếu mục lục ZIP64', 'zip64 locator missing');
        const z = u64(b, loc + 8);
        if (z + 56 > b.length || u32(b, z) !== 0x06064b50)
            damaged('thiếu mục lục ZIP64', 'zip64 record missing');
        count = u64(b, z + 32);
        cdSize = u64(b, z + 40);
        cdOffset = u64(b, z + 48);
    }
    if (count > exports.MAX_ZIP_ENTRIES)
        reject(file, 'file.zipBomb', `${fmtNum(count)} tệp con`, `${count} entries`);
    if (cdOffset + cdSize > b.length)
        damaged('mục lục nằm ngoài tệp', 'central directory beyond end of file');
    const entries = [];
    let p = cdOffset;
    const utf8 = new TextDecoder('utf-8');
    for (let i = 0; i < count; i++) {
        if (p + 46 > b.length || u32(b, p) !== 0x02014b50)
            damaged('mục lục hỏng', 'bad central directory entry');
        const flags = u16(b, p + 8);
        const method = u16(b, p + 10);
        const crc = u32(b, p + 16);
        let csize = u32(b, p + 20);
        let usize = u32(b, p + 24);
        const nlen = u16(b, p + 28);
        const xlen = u16(b, p + 30);
        const clen = u16(b, p + 32);
        let offset = u32(b, p + 42);
        if (p + 46 + nlen + xlen + clen > b.length)
            damaged('mục lục hỏng', 'bad central directory entry');
        const name = utf8.decode(b.subarray(p + 46, p + 46 + nlen));
        // ZIP64 extra field: only the fields that are 0xFFFFFFFF appear, in this order.
        for (let x = p + 46 + nlen; x + 4 <= p + 46 + nlen + xlen;) {
            const id = u16(b, x);
            const sz = u16(b, x + 2);
            if (id === 0x0001) {
                let q = x + 4;
                if (usize === 0xffffffff && q + 8 <= x + 4 + sz)
                    (usize = u64(b, q)), (q += 8);
                if (csize === 0xffffffff && q + 8 <= x + 4 + sz)
                    (csize = u64(b, q)), (q += 8);
                if (offset === 0xffffffff && q + 8 <= x + 4 + sz)
                    offset = u64(b, q);
            }
            x += 4 + sz;
        }
        entries.push({ name, flags, method, crc, csize, usize, offset });
        p += 46 + nlen + xlen + clen;
    }
    return entries;
}
/** Inflates every entry, counting the real output against one shared budget (headers may lie). */
function inflateAll(b, list, file, order, onEntry) {
    const damaged = (vi, en) => reject(file, 'file.damaged', vi, en);
    const seen = new Set();
    let declared = 0;
    for (const e of list) {
        if (seen.has(e.name))
            damaged(`tệp con trùng tên ${e.name}`, `duplicate entry ${e.name}`);
        seen.add(e.name);
        declared += e.usize;
        if (e.usize >= exports.RATIO_CHECK_BYTES && e.usize > exports.MAX_RATIO * Math.max(1, e.csize)) {
            reject(file, 'file.zipBomb', `${e.name}: ${(0, file_limits_1.fmtMB)(e.csize)} MB giải nén thành ${(0, file_limits_1.fmtMB)(e.usize)} MB`, `${e.name}: ${(0, file_limits_1.fmtMB)(e.csize)} MB inflating to ${(0, file_limits_1.fmtMB)(e.usize)} MB`);
        }
    }
    if (declared > exports.MAX_INFLATED_BYTES) {
        reject(file, 'file.zipBomb', `tệp ${(0, file_limits_1.fmtMB)(b.length)} MB khai báo ${(0, file_limits_1.fmtMB)(declared)} MB khi giải nén, quá mức ${(0, file_limits_1.fmtMB)(exports.MAX_INFLATED_BYTES)} MB`, `a ${(0, file_limits_1.fmtMB)(b.length)} MB file declaring ${(0, file_limits_1.fmtMB)(declared)} MB inflated, over the ${(0, file_limits_1.fmtMB)(exports.MAX_INFLATED_BYTES)} MB cap`);
    }
    let budget = exports.MAX_INFLATED_BYTES;
    const out = new Map();
    const sorted = [...list].sort((x, y) => order(x) - order(y));
    for (const e of sorted) {
        if (e.name.endsWith('/'))
            continue;
        if (e.flags & 0x41)
            reject(file, 'file.password');
        const o = e.offset;
        if (o + 30 > b.length || u32(b, o) !== 0x04034b50)
            damaged(`thiếu phần ${e.name}`, `entry ${e.name} missing`);
        const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
        const end = start + e.csize;
        if (end > b.length)
            damaged(`phần ${e.name} bị cắt cụt`, `entry ${e.name} is cut off`);
        const src = b.subarray(start, end);
        const chunks = [];
        let size = 0;
        if (e.method === 0) {
            size = src.length;
            if (size > budget)
                reject(file, 'file.zipBomb', `nội dung giải nén vượt quá ${(0, file_limits_1.fmtMB)(exports.MAX_INFLATED_BYTES)} MB`, `contents inflate past ${(0, file_limits_1.fmtMB)(exports.MAX_INFLATED_BYTES)} MB`);
            chunks.push(src);
        }
        else if (e.method === 8) {
            let over = false;
            // Counted against the shared budget, and stopped once well past the size the header declares.
            const limit = Math.min(budget, e.usize + MiB);
            const inf = new fflate_1.Inflate((data) => {
                size += data.length;
                if (size > limit)
                    over = true;
                else if (data.length)
                    chunks.push(data);
            });
            // Small pushes bound the output of one step (deflate expands at most ~1032x).
            const STEP = 8192;
            try {
                for (let i = 0; i < src.length || i === 0; i += STEP) {
                    const last = i + STEP >= src.length;
                    inf.push(src.subarray(i, Math.min(i + STEP, src.length)), last);
                    if (over)
                        break;
                    if (last)
                        break;
                }
            }
            catch {
                if (!over)
                    damaged(`phần ${e.name} không giải nén được`, `entry ${e.name} does not inflate`);
            }
            if (over && size > budget) {
                reject(file, 'file.zipBomb', `nội dung giải nén vượt quá ${(0, file_limits_1.fmtMB)(exports.MAX_INFLATED_BYTES)} MB`, `contents inflate past ${(0, file_limits_1.fmtMB)(exports.MAX_INFLATED_BYTES)} MB`);
            }
        }
        else {
            reject(file, 'file.notSpreadsheet', `kiểu nén ${e.method} không hỗ trợ`, `unsupported compression method ${e.method}`);
        }
        // Far more than declared is a lying header; a small difference is ordinary damage.
        if (size > e.usize + MiB)
            reject(file, 'file.zipBomb', `phần ${e.name} khai báo ${fmtNum(e.usize)} byte nhưng giải nén ra nhiều hơn`, `entry ${e.name} declares ${e.usize} bytes but inflates to more`);
        if (size !== e.usize)
            damaged(`phần ${e.name} có kích thước sai`, `entry ${e.name} has the wrong size`);
        budget -= size;
        const data = chunks.length === 1 ? chunks[0] : concat(chunks, size);
        out.set(e.name, data);
        onEntry(e.name, data);
    }
    const verifyCrc = () => {
        for (const e of sorted) {
            const d = out.get(e.name);
            if (d && crc32(d) !== e.crc)
                damaged(`phần ${e.name} sai mã kiểm tra CRC`, `entry ${e.name} fails its CRC check`);
        }
    };
    return { entries: out, verifyCrc };
}
function concat(chunks, size) {
    const r = new Uint8Array(size);
    let o = 0;
    for (const c of chunks)
        r.set(c, o), (o += c.length);
    return r;
}
// ---------------------------------------------------------------- XML checks (byte level, bounded)
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const isNameEnd = (x) => x === 0x20 || x === 9 || x === 10 || x === 13 || x === SLASH || x === GT;
const LATIN1 = new TextDecoder('latin1');
const latin1 = (b, s, e) => LATIN1.decode(b.subarray(s, e));
const utf8Bytes = (s) => new TextEncoder().encode(s);
/** Where the local name (prefix stripped) of the tag at b[i] === '<' starts and ends. */
function localName(b, i) {
    let j = i + 1;
    const closing = b[j] === SLASH;
    if (closing)
        j++;
    let s = j;
    while (j < b.length && !isNameEnd(b[j]) && j - s < 256) {
        if (b[j] === 0x3a)
            s = j + 1;
        j++;
    }
    return { closing, s, e: j };
}
const nameIs = (b, n, want) => {
    if (n.e - n.s !== want.length)
        return false;
    for (let k = 0; k < want.length; k++)
        if (b[n.s + k] !== want[k])
            return false;
    return true;
};
/** Index of the '>' closing the tag that starts at i, skipping quoted attribute values. */
function tagEnd(b, i) {
    let q = 0;
    for (let j = i + 1; j < b.length; j++) {
        const x = b[j];
        if (q) {
            if (x === q)
                q = 0;
        }
        else if (x === 0x22 || x === 0x27)
            q = x;
        else if (x === GT)
            return j;
        else if (x === LT)
            return -1;
    }
    return -1;
}
/** Start of the first element (after the prolog, comments and DOCTYPE), or -1. */
function firstElement(b) {
    let i = 0;
    for (let guard = 0; guard < 256; guard++) {
        i = b.indexOf(LT, i);
        if (i < 0 || i + 1 >= b.length)
            return -1;
        const x = b[i + 1];
        if (x !== 0x3f && x !== 0x21)
            return i;
        const e = x === 0x21 && b[i + 2] === 0x2d ? findSeq(b, [0x2d, 0x2d, GT], i + 4) : b.indexOf(GT, i);
        if (e < 0)
            return -1;
        i = e + 1;
    }
    return -1;
}
function findSeq(b, seq, from) {
    for (let i = b.indexOf(seq[0], from); i >= 0 && i + seq.length <= b.length; i = b.indexOf(seq[0], i + 1)) {
        if (seq.every((x, k) => b[i + k] === x))
            return i;
    }
    return -1;
}
/** The part ends with its root's closing tag (or the root is self-closing): a cut-off part fails. */
function xmlComplete(b) {
    const first = firstElement(b);
    if (first < 0)
        return false;
    const root = localName(b, first);
    let e = b.length - 1;
    for (let guard = 0; guard < 64; guard++) {
        while (e >= 0 && (b[e] === 0x20 || b[e] === 9 || b[e] === 10 || b[e] === 13 || b[e] === 0))
            e--;
        if (e < 2 || b[e] !== GT)
            return false;
        // Skip a trailing comment or processing instruction.
        if (b[e - 1] === 0x2d && b[e - 2] === 0x2d) {
            const open = b.lastIndexOf(0x21, e);
            const lt = open > 0 ? b.lastIndexOf(LT, open) : -1;
            if (lt <= first || b[lt + 1] !== 0x21)
                return false;
            e = lt - 1;
            continue;
        }
        if (b[e - 1] === 0x3f) {
            const lt = b.lastIndexOf(LT, e);
            if (lt <= first || b[lt + 1] !== 0x3f)
                return false;
            e = lt - 1;
            continue;
        }
        break;
    }
    const lt = b.lastIndexOf(LT, e);
    if (lt < 0)
        return false;
    const t = localName(b, lt);
    const same = t.e - t.s === root.e - root.s && nameIs(b, t, b.subarray(root.s, root.e));
    if (t.closing)
        return same;
    return lt === first && b[e - 1] === SLASH;
}
const N_ROW = utf8Bytes('row');
const N_C = utf8Bytes('c');
const N_MERGE = utf8Bytes('mergeCell');
const ARRAY_ATTR = /\st\s*=\s*["']array["']/;
/** Counts rows, cells and formulas of an xlsx part (conservative: any element named row / c / f); stops past the caps. */
function countXlsxPart(b, cellBudget) {
    let rows = 0;
    let cells = 0;
    let formulas = 0;
    let arrays = 0;
    for (let i = b.indexOf(LT); i >= 0 && rows <= exports.MAX_SHEET_ROWS && cells <= cellBudget; i = b.indexOf(LT, i + 1)) {
        const c1 = b[i + 1];
        if (c1 === SLASH || c1 === 0x3f || c1 === 0x21)
            continue;
        const n = localName(b, i);
        const len = n.e - n.s;
        if (len === 1 && b[n.s] === 0x63)
            cells++;
        else if (len === 1 && b[n.s] === 0x66) {
            formulas++;
            const e = tagEnd(b, i);
            if (e > 0 && ARRAY_ATTR.test(latin1(b, n.e, e)))
                arrays++;
        }
        else if (len === 3 && nameIs(b, n, N_ROW))
            rows++;
        else if (len === 9 && nameIs(b, n, N_MERGE))
            cells++;
    }
    return { rows, cells, formulas, arrays };
}
/** Largest value of an attribute (any prefix), parsed as SheetJS does; 1 when absent. */
function attrMax(tag, attr, parse) {
    let max = 1;
    const re = new RegExp(`[\\s:]${attr}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
    for (let m = re.exec(tag); m; m = re.exec(tag)) {
        const v = parse(m[1] ?? m[2] ?? '');
        if (Number.isFinite(v) && v > max)
            max = v;
        else if (!Number.isFinite(v) && !Number.isNaN(v))
            max = Infinity;
    }
    return max;
}
const rowRepeat = (v) => +v || 1;
const colRepeat = (v) => parseInt(v, 10) || 1;
// SheetJS also treats the UOF names 行 / 数据 as rows / cells.
const N_TABLE = utf8Bytes('table');
const ROW_NAMES = [utf8Bytes('table-row'), utf8Bytes('行')];
const CELL_NAMES = [utf8Bytes('table-cell'), utf8Bytes('数据')];
/** ODS content: cells as SheetJS would expand them (repeated rows × repeated columns); rows that hold cells. */
function countOdsContent(b, file) {
    let cells = 0;
    let arrays = 0;
    let table = '';
    let tableRows = 0;
    let rowPeat = 1;
    let rowHas = false;
    for (let i = b.indexOf(LT); i >= 0; i = b.indexOf(LT, i + 1)) {
        const c1 = b[i + 1];
        if (c1 === 0x3f || c1 === 0x21)
            continue;
        const n = localName(b, i);
        const isTable = nameIs(b, n, N_TABLE);
        const isRow = !isTable && ROW_NAMES.some((w) => nameIs(b, n, w));
        const isCell = !isTable && !isRow && CELL_NAMES.some((w) => nameIs(b, n, w));
        if (!isTable && !isRow && !isCell)
            continue;
        if (n.closing) {
            if (isRow) {
                if (rowHas)
                    tableRows += rowPeat;
                rowPeat = 1;
                rowHas = false;
                if (tableRows > exports.MAX_SHEET_ROWS)
                    reject(file, 'file.tooManyRows', `“${table}”`, `"${table}"`);
            }
            continue;
        }
        const e = tagEnd(b, i);
        if (e < 0)
            reject(file, 'file.damaged', 'phần content.xml bị cắt cụt', 'part content.xml is cut off');
        const selfClosing = b[e - 1] === SLASH;
        if (isTable) {
            const m = /[\s:]name\s*=\s*"([^"]*)"/.exec(new TextDecoder('utf-8').decode(b.subarray(n.e, Math.min(e, n.e + 4096))));
            table = m ? m[1] : '';
            tableRows = 0;
        }
        else if (isRow) {
            rowPeat = selfClosing ? 1 : attrMax(latin1(b, n.e, e), 'number-rows-repeated', rowRepeat);
            rowHas = false;
        }
        else if (!selfClosing) {
            // SheetJS stores a non-empty cell once per repeated row and column.
            if (!rowHas && tableRows + rowPeat > exports.MAX_SHEET_ROWS)
                reject(file, 'file.tooManyRows', `“${table}”`, `"${table}"`);
            rowHas = true;
            const tag = latin1(b, n.e, e);
            cells += rowPeat * attrMax(tag, 'number-columns-repeated', colRepeat);
            if (tag.includes('number-matrix-'))
                arrays++;
            if (cells > exports.MAX_CELLS)
                reject(file, 'file.tooManyCells');
        }
        i = e;
    }
    checkArrayWork(file, cells, arrays);
}
// ---------------------------------------------------------------- container checks
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
/** Validates a zip container and returns a re-packed (stored) zip of exactly the checked parts. */
function checkZip(b, file) {
    const list = listZip(b, file);
    const names = new Set(list.map((e) => e.name));
    let format;
    if (names.has('xl/workbook.xml'))
        format = 'xlsx';
    else if (names.has('xl/workbook.bin'))
        reject(file, 'file.xlsb');
    else if (names.has('mimetype') && names.has('content.xml'))
        format = 'ods';
    else if (names.has('EncryptedPackage') || names.has('EncryptionInfo'))
        reject(file, 'file.password');
    else if (names.has('word/document.xml'))
        reject(file, 'file.document', 'Word .docx', 'Word .docx');
    else if ([...names].some((n) => n.startsWith('ppt/')))
        reject(file, 'file.notSpreadsheet', 'PowerPoint', 'PowerPoint');
    else if (names.has('mimetype'))
        reject(file, 'file.notSpreadsheet', 'OpenDocument', 'OpenDocument');
    else if (list.length === 0)
        reject(file, 'file.damaged', 'tệp ZIP rỗng', 'empty zip');
    else
        reject(file, 'file.notSpreadsheet', 'tệp nén ZIP', 'a zip archive');
    // Small descriptive parts first so an encrypted .ods is named as such.
    const first = ['mimetype', 'META-INF/manifest.xml', '[Content_Types].xml'];
    const { entries, verifyCrc } = inflateAll(b, list, file, (e) => {
        const k = first.indexOf(e.name);
        return k >= 0 ? k : first.length;
    }, (name, data) => {
        if (format === 'ods' && name === 'META-INF/manifest.xml' && /encryption-data/.test(new TextDecoder('utf-8').decode(data)))
            reject(file, 'file.password');
    });
    const text = (name) => (entries.has(name) ? new TextDecoder('utf-8').decode(entries.get(name)) : undefined);
    if (format === 'ods') {
        const mime = text('mimetype')?.trim();
        if (mime !== ODS_MIME) {
            if (mime?.startsWith('application/vnd.oasis.opendocument.text'))
                reject(file, 'file.document', 'OpenDocument .odt', 'OpenDocument .odt');
            reject(file, 'file.notSpreadsheet', 'OpenDocument', 'OpenDocument');
        }
    }
    else if (!entries.has('[Content_Types].xml')) {
        reject(file, 'file.damaged', 'thiếu [Content_Types].xml', 'missing [Content_Types].xml');
    }
    // Every XML part must be complete; rows and cells are counted in every xlsx part, whatever its
    // name or root, since SheetJS finds sheets through [Content_Types].xml and relationships.
    const mustHaveContent = /^(xl\/worksheets\/|xl\/workbook\.xml$|xl\/sharedStrings\.xml$|content\.xml$|\[Content_Types\]\.xml$)/;
    let cells = 0;
    let formulas = 0;
    let arrays = 0;
    for (const [name, data] of entries) {
        if (!/\.(xml|rels)$/i.test(name))
            continue;
        if (data.length === 0 && !mustHaveContent.test(name))
            continue;
        if (!xmlComplete(data))
            reject(file, 'file.damaged', `phần ${name} bị cắt cụt`, `part ${name} is cut off`);
        if (format === 'xlsx') {
            const c = countXlsxPart(data, exports.MAX_CELLS - cells);
            if (c.rows > exports.MAX_SHEET_ROWS)
                reject(file, 'file.tooManyRows', name, name);
            cells += c.cells;
            formulas += c.formulas;
            arrays += c.arrays;
            if (cells > exports.MAX_CELLS)
                reject(file, 'file.tooManyCells');
        }
    }
    checkArrayWork(file, formulas, arrays);
    if (format === 'ods')
        countOdsContent(entries.get('content.xml'), file);
    else
        checkSheetTargets(entries, file);
    verifyCrc();
    // SheetJS picks its parser from which parts exist (META-INF/manifest.xml → ODS, Index.zip → a
    // nested read, …): hand it only the parts of the format just checked.
    const keep = format === 'xlsx' ? (n) => /^(xl\/|_rels\/|docProps\/|\[Content_Types\]\.xml$)/.test(n) && !/\.bin$/i.test(n) : (n) => ODS_PARTS.has(n);
    const files = {};
    for (const [name, data] of entries)
        if (keep(name))
            files[name] = data;
    return { format, repacked: (0, fflate_1.zipSync)(files, { level: 0 }), modified: partsModified(entries, format) };
}
const ODS_PARTS = new Set(['mimetype', 'content.xml', 'styles.xml', 'meta.xml', 'META-INF/manifest.xml']);
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
            reject(file, 'file.xlsb');
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
                reject(file, 'file.damaged', `nhiều trang tính cùng trỏ tới ${target}`, `several sheets point at ${target}`);
            seen.add(target);
        }
    }
}
/** Last-modified time the file itself records (OOXML core properties, ODF meta.xml). */
function partsModified(entries, format) {
    const part = entries.get(format === 'xlsx' ? 'docProps/core.xml' : 'meta.xml');
    if (!part)
        return undefined;
    const xml = new TextDecoder('utf-8').decode(part.subarray(0, 64 * 1024));
    const m = (format === 'xlsx' ? /<dcterms:modified\b[^>]*>([^<]+)</ : /<dc:date>([^<]+)</).exec(xml);
    const t = m ? Date.parse(m[1].trim()) : NaN;
    return Number.isFinite(t) ? t : undefined;
}
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
        reject(file, 'file.damaged', 'cấu trúc tệp .xls', '.xls structure');
    }
    const find = (n) => cfb.FileIndex.find((e) => e && e.name === n);
    if (find('EncryptionInfo') || find('EncryptedPackage') || find('encryption'))
        reject(file, 'file.password');
    const wbStream = find('Workbook') ?? find('Book');
    if (!wbStream) {
        if (find('WordDocument'))
            reject(file, 'file.document', 'Word .doc', 'Word .doc');
        if (find('PowerPoint Document'))
            reject(file, 'file.notSpreadsheet', 'PowerPoint', 'PowerPoint');
        reject(file, 'file.notSpreadsheet', 'tệp OLE', 'an OLE file');
    }
    const s = wbStream.content;
    if (!s || s.length < 8)
        reject(file, 'file.damaged', 'luồng Workbook rỗng', 'empty Workbook stream');
    const clean = CFB.utils.cfb_new();
    CFB.utils.cfb_add(clean, wbStream.name, sanitizeBiff(Uint8Array.from(s), file));
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
// ---------------------------------------------------------------- BIFF8 (.xls) sanitising
//
// SheetJS's BIFF reader turns reads past the end of a record into NaN and some of its loops then
// never end (a damaged FORMULA or EXTERNSHEET record hangs it). So the workbook stream is rewritten
// before SheetJS sees it: only the records needed here are kept, each is checked against its layout,
// and a formula whose expression does not parse cleanly loses the expression (its saved value stays).
const R = {
    BOF: 0x0809, EOF: 0x000a, FILEPASS: 0x002f, CONTINUE: 0x003c, CODEPAGE: 0x0042, DATE1904: 0x0022, FORMAT: 0x041e, XF: 0x00e0,
    BOUNDSHEET: 0x0085, SST: 0x00fc, NAME: 0x0018, EXTERNSHEET: 0x0017, SUPBOOK: 0x01ae, DIMENSIONS: 0x0200, NUMBER: 0x0203,
    RK: 0x027e, MULRK: 0x00bd, LABELSST: 0x00fd, LABEL: 0x0204, RSTRING: 0x00d6, BOOLERR: 0x0205, BLANK: 0x0201, MULBLANK: 0x00be,
    FORMULA: 0x0006, STRING: 0x0207, ARRAY: 0x0221, SHRFMLA: 0x04bc, MERGECELLS: 0x00e5,
};
/** Records kept, with the least length their parser reads. */
const KEEP_MIN = new Map([
    [R.BOF, 8], [R.EOF, 0], [R.CODEPAGE, 2], [R.DATE1904, 2], [R.FORMAT, 5], [R.XF, 20], [R.BOUNDSHEET, 8], [R.SST, 8],
    [R.NAME, 15], [R.EXTERNSHEET, 2], [R.SUPBOOK, 4], [R.DIMENSIONS, 14], [R.NUMBER, 14], [R.RK, 10], [R.MULRK, 12],
    [R.LABELSST, 10], [R.LABEL, 9], [R.RSTRING, 9], [R.BOOLERR, 8], [R.BLANK, 6], [R.MULBLANK, 8], [R.FORMULA, 22],
    [R.STRING, 3], [R.ARRAY, 14], [R.SHRFMLA, 10], [R.MERGECELLS, 2],
]);
// SheetJS's Ptg table (BIFF8): bytes each token takes. REST: parsed as "skip to the end" (safe);
// NO: tokens with data-driven extras SheetJS reads unchecked (array constants, PtgMemArea, Elf*, lists).
const REST = -2;
const NO = -1;
const PTG_SIZE = {
    0x01: 5, 0x02: REST, 0x17: 0, 0x1a: 11, 0x1b: 5, 0x1c: 2, 0x1d: 2, 0x1e: 3, 0x1f: 9, 0x20: NO, 0x21: 3, 0x22: 4, 0x23: 5,
    0x24: 5, 0x25: 9, 0x26: NO, 0x27: REST, 0x28: REST, 0x29: 3, 0x2a: 5, 0x2b: 9, 0x2c: 5, 0x2d: 9, 0x2e: 3, 0x2f: 3, 0x39: 7,
    0x3a: 7, 0x3b: 11, 0x3c: 7, 0x3d: 11,
};
for (let id = 0x03; id <= 0x16; id++)
    PTG_SIZE[id] = 1;
const PTG_DUPES = { 0x58: 0x22, 0x78: 0x22, 0x59: 0x39, 0x79: 0x39, 0x5a: 0x3a, 0x7a: 0x3a, 0x5b: 0x3b, 0x7b: 0x3b, 0x5c: 0x3c, 0x7c: 0x3c, 0x5d: 0x3d, 0x7d: 0x3d };
for (let id = 0x20; id <= 0x2f; id++)
    (PTG_DUPES[id + 0x20] = id), (PTG_DUPES[id + 0x40] = id);
const PTG18_KNOWN = new Set([0x01, 0x02, 0x03, 0x06, 0x07, 0x0a, 0x0b, 0x0d, 0x0f, 0x10, 0x19, 0x1d, 0xff]);
const PTG19_KNOWN = new Set([0x00, 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x21, 0x40, 0x41, 0x80]);
/** True when the tokens in b[p, end) are ones SheetJS parses without reading past end. */
function rgceSafe(b, p, end) {
    while (p < end) {
        const id = b[p];
        let size;
        if (id === 0x18)
            size = p + 1 < end && PTG18_KNOWN.has(b[p + 1]) ? NO : REST;
        else if (id === 0x19) {
            if (p + 1 >= end || !PTG19_KNOWN.has(b[p + 1]))
                size = REST;
            else
                size = b[p + 1] === 0x04 ? (p + 4 <= end ? 4 + 2 * (u16(b, p + 2) + 1) : NO) : 4;
        }
        else {
            size = PTG_SIZE[id] ?? (PTG_DUPES[id] !== undefined ? PTG_SIZE[PTG_DUPES[id]] : REST);
            if (id === 0x17)
                size = p + 3 <= end ? 3 + b[p + 1] * (b[p + 2] ? 2 : 1) : NO;
        }
        if (size === REST)
            return true;
        if (size === NO || p + size > end)
            return false;
        p += size;
    }
    return p === end;
}
/** Where the expression of a formula-bearing record starts (its cce field), or -1 when the record is too short. */
function ccePos(type) {
    switch (type) {
        case R.FORMULA:
            return 20;
        case R.ARRAY:
            return 12;
        case R.SHRFMLA:
            return 8;
        case R.NAME:
            return 4;
        default:
            return -1;
    }
}
/** Rewrites a BIFF8 workbook stream (see above); refuses encrypted, old-format, damaged or oversized ones. */
function sanitizeBiff(s, file) {
    const damaged = (vi, en) => reject(file, 'file.damaged', vi, en);
    if (u16(s, 0) !== R.BOF || u16(s, 2) < 8)
        damaged('không có bản ghi BOF', 'no BOF record');
    const vers = u16(s, 4);
    if (vers !== 0x0600)
        reject(file, 'file.oldExcel');
    const out = [];
    let outLen = 0;
    const bofMap = new Map();
    const sheets = [];
    let cells = 0;
    let formulas = 0;
    let arrays = 0;
    let depth = 0;
    let lastKept = -1;
    for (let p = 0; p + 4 <= s.length;) {
        const type = u16(s, p);
        const len = u16(s, p + 2);
        if (type === 0 && len === 0 && depth === 0)
            break; // padding after the last EOF
        if (p + 4 + len > s.length)
            damaged('bản ghi bị cắt cụt', 'record cut off');
        const body = s.subarray(p + 4, p + 4 + len);
        const at = p;
        p += 4 + len;
        if (type === R.FILEPASS)
            reject(file, 'file.password');
        if (type === R.CONTINUE && lastKept === R.SST) {
            out.push(s.subarray(at, at + 4 + len));
            outLen += 4 + len;
            continue;
        }
        const min = KEEP_MIN.get(type);
        if (min === undefined) {
            lastKept = type === R.CONTINUE ? lastKept : -1;
            continue;
        }
        if (len < min)
            damaged(`bản ghi 0x${type.toString(16)} quá ngắn`, `record 0x${type.toString(16)} too short`);
        let rec = body;
        switch (type) {
            case R.BOF:
                depth++;
                bofMap.set(at, outLen);
                break;
            case R.EOF:
                depth--;
                break;
            case R.BOUNDSHEET:
                rec = body.slice();
                sheets.push({ at: outLen + 4, rec });
                break;
            case R.EXTERNSHEET:
                if (len !== 2 + 6 * u16(body, 0))
                    damaged('bản ghi EXTERNSHEET sai độ dài', 'bad EXTERNSHEET length');
                break;
            case R.MERGECELLS:
                if (len !== 2 + 8 * u16(body, 0))
                    damaged('bản ghi MERGECELLS sai độ dài', 'bad MERGECELLS length');
                cells += u16(body, 0);
                break;
            case R.MULRK:
                cells += Math.floor((len - 6) / 6);
                break;
            case R.MULBLANK:
                cells += Math.floor((len - 6) / 2);
                break;
            case R.NUMBER:
            case R.RK:
            case R.LABELSST:
            case R.LABEL:
            case R.RSTRING:
            case R.BOOLERR:
            case R.BLANK:
                cells++;
                break;
        }
        const cp = ccePos(type);
        if (cp >= 0) {
            if (type === R.FORMULA)
                (cells++, formulas++);
            if (type === R.ARRAY)
                arrays++;
            let start = cp + 2;
            if (type === R.NAME)
                start = 14 + 1 + body[3] * (body[14] === 0 ? 1 : 2);
            if (start > len)
                damaged(`bản ghi công thức 0x${type.toString(16)} sai độ dài`, `bad formula record 0x${type.toString(16)}`);
            const cce = u16(body, cp);
            const continued = p + 4 <= s.length && CONTINUE_TYPES.includes(u16(s, p));
            if (cce !== 0 && (continued || start + cce > len || !rgceSafe(body, start, start + cce))) {
                rec = body.slice();
                rec[cp] = 0;
                rec[cp + 1] = 0;
            }
        }
        if (cells > exports.MAX_CELLS)
            reject(file, 'file.tooManyCells');
        const head = new Uint8Array(4);
        head[0] = type & 0xff;
        head[1] = type >> 8;
        head[2] = len & 0xff;
        head[3] = len >> 8;
        out.push(head, rec);
        outLen += 4 + len;
        lastKept = type;
    }
    checkArrayWork(file, formulas, arrays);
    // Sheets are found by the stream offset of their BOF, which has moved.
    for (const sh of sheets) {
        const moved = bofMap.get(u32(sh.rec, 0));
        const v = moved ?? 0xffffffff;
        sh.rec[0] = v & 0xff;
        sh.rec[1] = (v >>> 8) & 0xff;
        sh.rec[2] = (v >>> 16) & 0xff;
        sh.rec[3] = (v >>> 24) & 0xff;
    }
    return concat(out, outLen);
}
const CONTINUE_TYPES = [0x003c, 0x043c, 0x0812, 0x0875, 0x087f];
// ---------------------------------------------------------------- SheetJS → RawWorkbook
const ERRORS = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };
function toRawCell(c) {
    const f = typeof c.f === 'string' && c.f !== '' ? c.f.replace(/^=/, '') : undefined;
    const text = typeof c.w === 'string' ? c.w : undefined;
    let cell;
    switch (c.t) {
        case 'n':
            cell = { value: typeof c.v === 'number' ? c.v : null };
            break;
        case 's':
            cell = { value: typeof c.v === 'string' ? c.v : String(c.v ?? '') };
            break;
        case 'b':
            cell = { value: !!c.v };
            break;
        case 'e':
            cell = { value: null, error: text ?? ERRORS[c.v] ?? '#ERROR!' };
            break;
        case 'd':
            cell = { value: c.v instanceof Date ? c.v.toISOString() : String(c.v) };
            break;
        default:
            // Stub: only interesting when it is a formula with no stored result.
            if (!f)
                return undefined;
            cell = { value: null };
    }
    if (f)
        cell.formula = f;
    if (text !== undefined && c.t !== 'z')
        cell.text = text;
    return cell;
}
function toRawSheet(name, ws) {
    const data = (ws['!data'] ?? []);
    const cells = [];
    let last = -1;
    for (let r = 0; r < data.length; r++) {
        const src = data[r];
        const row = [];
        if (src) {
            for (let c = 0; c < src.length; c++) {
                const cell = src[c] ? toRawCell(src[c]) : undefined;
                if (cell)
                    row[c] = cell;
            }
        }
        cells.push(row);
        if (row.length)
            last = r;
    }
    cells.length = last + 1;
    const merges = (ws['!merges'] ?? []).map((m) => ({ r1: m.s.r + 1, c1: m.s.c + 1, r2: m.e.r + 1, c2: m.e.c + 1 }));
    return { name, cells, merges };
}
const colNum = (letters) => {
    let n = 0;
    for (const ch of letters.toUpperCase())
        n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
};
/** Resolves "'Sheet name'!$A$2", "Sheet!$A$1:$E$1", "'S'!$10:$12" or "S!$A:$B" to one rectangle. */
function resolveNameRef(rawRef, scopeSheet, sheetNames) {
    // SheetJS leaves XML entities in .ods names ("&apos;Sheet&apos;!$A$2").
    const ref = rawRef.replace(/&(apos|quot|amp|lt|gt|#\d+|#x[0-9a-f]+);/gi, (_, e) => {
        const k = e.toLowerCase();
        if (k[0] === '#')
            return String.fromCodePoint(k[1] === 'x' ? parseInt(k.slice(2), 16) : Number(k.slice(1)));
        return { apos: "'", quot: '"', amp: '&', lt: '<', gt: '>' }[k];
    });
    const m = /^=?(?:'((?:[^']|'')+)'|([^'!:,()\s"][^'!,()"]*))!(.+)$/.exec(ref.trim());
    let sheetPart;
    let area;
    if (m) {
        sheetPart = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
        area = m[3];
    }
    else {
        sheetPart = scopeSheet;
        area = ref.trim().replace(/^=/, '');
    }
    if (sheetPart === undefined || sheetPart.includes(':'))
        return {};
    const sheet = sheetNames.find((s) => s === sheetPart) ?? sheetNames.find((s) => s.normalize('NFC').toLowerCase() === sheetPart.normalize('NFC').toLowerCase());
    if (!sheet)
        return {};
    let r;
    let rect;
    if ((r = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(area))) {
        const r1 = Number(r[2]);
        const c1 = colNum(r[1]);
        rect = { r1, c1, r2: r[4] ? Number(r[4]) : r1, c2: r[3] ? colNum(r[3]) : c1 };
    }
    else if ((r = /^\$?(\d+):\$?(\d+)$/.exec(area))) {
        rect = { r1: Number(r[1]), c1: 1, r2: Number(r[2]), c2: 16384 };
    }
    else if ((r = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(area))) {
        rect = { r1: 1, c1: colNum(r[1]), r2: 1048576, c2: colNum(r[2]) };
    }
    if (!rect || rect.r1 < 1 || rect.c1 < 1)
        return {};
    return {
        sheet,
        r1: Math.min(rect.r1, rect.r2),
        c1: Math.min(rect.c1, rect.c2),
        r2: Math.max(rect.r1, rect.r2),
        c2: Math.max(rect.c1, rect.c2),
    };
}
function sheetJsRefusal(file, e) {
    const text = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(text))
        reject(file, 'file.password');
    reject(file, 'file.damaged', `lỗi đọc: ${text.slice(0, 120)}`, `read error: ${text.slice(0, 120)}`);
}
/**
 * Reads a returned workbook from its bytes. Throws FileRejected (codes: REJECT_CODES) for
 * anything that is not a readable .xlsx, .xls or .ods, is damaged, encrypted or hostile.
 * `modified` (the file system's time) is used only when the file records no date of its own.
 */
function readWorkbookBytes(bytes, file, modified) {
    try {
        return readChecked(bytes, file, modified);
    }
    catch (e) {
        // Whatever a malformed file trips inside a parser is still a refusal of that file, never a crash.
        if (e instanceof returns_1.FileRejected)
            throw e;
        return sheetJsRefusal(file, e);
    }
}
function readChecked(bytes, file, modified) {
    const kind = sniffBytes(bytes);
    if (kind !== 'empty' && bytes.length > file_limits_1.MAX_FILE_BYTES)
        throw new returns_1.FileRejected(file, 'file.tooLarge', (0, file_limits_1.tooLargeMessage)(bytes.length));
    let format;
    let input;
    let ownModified;
    switch (kind) {
        case 'zip': {
            const z = checkZip(bytes, file);
            format = z.format;
            input = z.repacked;
            ownModified = z.modified;
            break;
        }
        case 'ole': {
            const o = checkOle(bytes, file);
            format = 'xls';
            input = o.input;
            ownModified = o.modified;
            break;
        }
        case 'empty':
            return reject(file, 'file.empty');
        case 'html':
            return reject(file, 'file.html');
        case 'xml':
            return reject(file, 'file.xml');
        case 'xml2003':
            return reject(file, 'file.xml', 'bảng tính XML 2003', 'XML Spreadsheet 2003');
        case 'pdf':
            return reject(file, 'file.pdf');
        case 'rtf':
            return reject(file, 'file.document', 'RTF', 'RTF');
        case 'image':
            return reject(file, 'file.image');
        case 'archive':
            return reject(file, 'file.archive');
        case 'text':
            return reject(file, 'file.text');
        default:
            return reject(file, 'file.unknown');
    }
    let wb;
    // SheetJS reports oddities with console.error; a crafted file could flood the console, so mute it
    // for this synchronous call only.
    const saved = { error: console.error, warn: console.warn, log: console.log };
    const mute = () => undefined;
    console.error = console.warn = console.log = mute;
    try {
        wb = XLSX.read(input, {
            type: 'array',
            dense: true,
            cellFormula: true,
            cellText: true,
            cellNF: false,
            cellDates: false,
            cellStyles: false,
            cellHTML: false,
            // xlsx formula cells without a saved result only survive as stubs.
            sheetStubs: format === 'xlsx',
            sheetRows: exports.READ_SHEET_ROWS,
            bookVBA: false,
        });
    }
    catch (e) {
        sheetJsRefusal(file, e);
    }
    finally {
        Object.assign(console, saved);
    }
    if (!wb.SheetNames.length)
        reject(file, 'file.noSheets');
    const sheets = wb.SheetNames.map((n) => toRawSheet(n, wb.Sheets[n] ?? {}));
    const names = (wb.Workbook?.Names ?? []).map((n) => {
        const scope = typeof n.Sheet === 'number' ? wb.SheetNames[n.Sheet] : undefined;
        return { name: n.Name, ...resolveNameRef(String(n.Ref ?? ''), scope, wb.SheetNames) };
    });
    // The date the saving program recorded wins over the file system's: e-mail, downloads and
    // copies reset the latter, and the newest return of a unit must win after them too.
    let when = ownModified;
    if (when === undefined) {
        const d = wb.Props?.ModifiedDate;
        const t = d instanceof Date ? d.getTime() : typeof d === 'string' ? Date.parse(d) : NaN;
        if (Number.isFinite(t))
            when = t;
    }
    when ?? (when = modified);
    return { file, format, ...(when !== undefined ? { modified: when } : {}), sheets, names };
}
