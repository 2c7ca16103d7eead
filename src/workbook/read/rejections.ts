// Every refusal of a returned file: one typed code -> its plain-language message (vi, en).
import { Message } from '../../core/i18n';
import { ProblemCode } from '../../core/messages';
import { FileRejected, ReturnResult } from '../../core/returns';
import { tooLargeMessage } from '../file-limits';
import { MAX_ARRAY_FORMULA_WORK, MAX_CELLS, MAX_SHEET_ROWS } from './limits';
import { SniffedKind } from './sniff';

export const REJECT_CODES = [
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
  'file.unreadable',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

const SEND_AS = { vi: 'Hãy mở bằng Excel và lưu lại dạng .xlsx (Sổ làm việc Excel) rồi gửi lại.', en: 'Open it in Excel, save it as .xlsx (Excel Workbook) and send it again.' };
export const fmtNum = (n: number) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** Each refusal's message; `d` is the detail shown in parentheses, in both languages. */
const REJECTIONS: { readonly [C in RejectCode]: (d: Message) => Message } = {
  'file.empty': () => ({ vi: 'Tệp trống (không có nội dung). Hãy đề nghị đơn vị gửi lại tệp biểu mẫu đã điền.', en: 'The file is empty. Ask the unit to send the filled-in form again.' }),
  'file.tooLarge': () => tooLargeMessage(),
  'file.html': () => ({ vi: `Tệp này là trang HTML (trang web) bị đổi tên, không phải tệp Excel. ${SEND_AS.vi}`, en: `This file is an HTML (web) page renamed, not an Excel file. ${SEND_AS.en}` }),
  'file.xml': () => ({ vi: `Tệp này là tệp XML, không phải tệp Excel. ${SEND_AS.vi}`, en: `This file is an XML file, not an Excel file. ${SEND_AS.en}` }),
  'file.pdf': () => ({
    vi: 'Tệp này là tài liệu PDF, không đọc được số liệu. Hãy gửi tệp Excel (.xlsx, .xls) hoặc .ods của biểu mẫu.',
    en: 'This file is a PDF document; its figures cannot be read. Send the form as an Excel (.xlsx, .xls) or .ods file.',
  }),
  'file.text': () => ({
    vi: 'Tệp này là tệp văn bản (CSV/TXT), không phải biểu mẫu Excel. Hãy điền vào biểu mẫu Excel và gửi tệp .xlsx.',
    en: 'This file is a text (CSV/TXT) file, not the Excel form. Fill in the Excel form and send the .xlsx file.',
  }),
  'file.image': () => ({
    vi: 'Tệp này là ảnh, không đọc được số liệu. Hãy gửi tệp Excel (.xlsx, .xls) hoặc .ods của biểu mẫu.',
    en: 'This file is an image; its figures cannot be read. Send the form as an Excel (.xlsx, .xls) or .ods file.',
  }),
  'file.archive': () => ({
    vi: 'Tệp này là tệp nén (RAR, 7z, gzip…), không phải tệp Excel. Hãy giải nén và gửi riêng tệp biểu mẫu.',
    en: 'This file is an archive (RAR, 7z, gzip…), not an Excel file. Extract it and send the form file itself.',
  }),
  'file.document': (d) => ({
    vi: `Tệp này là tài liệu văn bản${d.vi}, không phải bảng tính. Hãy điền số liệu vào biểu mẫu Excel và gửi tệp .xlsx.`,
    en: `This file is a text document${d.en}, not a spreadsheet. Fill in the Excel form and send the .xlsx file.`,
  }),
  'file.xlsb': () => ({ vi: `Tệp Excel dạng nhị phân (.xlsb) chưa được hỗ trợ. ${SEND_AS.vi}`, en: `Binary Excel files (.xlsb) are not supported. ${SEND_AS.en}` }),
  'file.notSpreadsheet': (d) => ({
    vi: `Tệp này không phải bảng tính Excel hay OpenDocument${d.vi}. Hãy gửi tệp biểu mẫu .xlsx, .xls hoặc .ods.`,
    en: `This file is not an Excel or OpenDocument spreadsheet${d.en}. Send the form as .xlsx, .xls or .ods.`,
  }),
  'file.unknown': () => ({
    vi: 'Không nhận ra định dạng tệp: đây không phải tệp Excel (.xlsx, .xls) hay .ods. Hãy kiểm tra lại tệp đính kèm.',
    en: 'Unknown file format: this is not an Excel (.xlsx, .xls) or .ods file. Check the attachment.',
  }),
  'file.password': () => ({
    vi: 'Tệp có mật khẩu (đã mã hóa) nên không đọc được. Hãy mở tệp, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ Sổ làm việc > Mã hóa bằng Mật khẩu, xóa mật khẩu) rồi gửi lại.',
    en: 'The file is password-protected (encrypted) and cannot be read. Open it, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and send it again.',
  }),
  'file.damaged': (d) => ({
    vi: `Tệp bị hỏng hoặc không đầy đủ${d.vi}, có thể do tải về hoặc sao chép chưa xong. Hãy đề nghị đơn vị gửi lại tệp.`,
    en: `The file is damaged or incomplete${d.en}, perhaps an unfinished download or copy. Ask the unit to send it again.`,
  }),
  'file.zipBomb': (d) => ({
    vi: `Tệp nén bất thường${d.vi}: đây không phải biểu mẫu báo cáo và có thể là tệp độc hại; tệp bị từ chối.`,
    en: `Abnormal compressed file${d.en}: this is not a reporting form and may be hostile; the file is refused.`,
  }),
  'file.tooManyRows': (d) => ({
    vi: `Trang tính quá lớn (hơn ${fmtNum(MAX_SHEET_ROWS)} dòng)${d.vi}, không phải biểu mẫu báo cáo.`,
    en: `The sheet is too large (more than ${MAX_SHEET_ROWS.toLocaleString('en')} rows)${d.en}; it is not a reporting form.`,
  }),
  'file.tooManyCells': () => ({
    vi: `Tệp có quá nhiều ô dữ liệu (hơn ${fmtNum(MAX_CELLS)} ô), không phải biểu mẫu báo cáo.`,
    en: `The file has too many cells (more than ${MAX_CELLS.toLocaleString('en')}); it is not a reporting form.`,
  }),
  'file.tooManyFormulas': (d) => ({
    vi: `Tệp có quá nhiều công thức mảng${d.vi}, không phải biểu mẫu báo cáo.`,
    en: `The file has too many array formulas${d.en}; it is not a reporting form.`,
  }),
  'file.oldExcel': () => ({ vi: `Tệp Excel đời cũ (Excel 5.0/95 trở về trước) chưa được hỗ trợ. ${SEND_AS.vi}`, en: `Old Excel files (Excel 5.0/95 and earlier) are not supported. ${SEND_AS.en}` }),
  'file.unreadable': () => ({
    vi: 'Không đọc được tệp này (tệp hỏng hoặc không phải bảng tính). Hãy mở và lưu lại bằng Excel rồi gửi lại.',
    en: 'This file cannot be read (damaged, or not a spreadsheet). Open and save it again in Excel, then resend.',
  }),
  'file.noSheets': () => ({ vi: 'Tệp không có trang tính nào.', en: 'The file has no worksheets.' }),
};

const paren = (s?: string) => (s ? ` (${s})` : '');

/** The plain-language message (vi, en) for a refusal code; detail is shown in parentheses (en falls back to vi). */
export function rejectionMessage(code: RejectCode, detail?: string | Message, detailEn?: string): Message {
  const vi = typeof detail === 'string' ? detail : detail?.vi;
  const en = typeof detail === 'string' ? detail && (detailEn ?? detail) : detail?.en;
  return REJECTIONS[code]({ vi: paren(vi), en: paren(en) });
}

/** SheetJS checks every formula cell against every array formula: refuse when that product is absurd. */
export function checkArrayWork(file: string, formulas: number, arrays: number): void {
  if (arrays > 0 && formulas * arrays > MAX_ARRAY_FORMULA_WORK) reject(file, 'file.tooManyFormulas', `${fmtNum(arrays)} công thức mảng`, `${arrays} array formulas`);
}

/** Refuses the file: detail in Vietnamese, and in English when it differs. */
export function reject(file: string, code: RejectCode, detail?: string, detailEn?: string): never {
  throw new FileRejected(file, code, rejectionMessage(code, detail, detailEn));
}

/** A file over the size cap, with its size in the message. */
export function rejectTooLarge(file: string, size: number): never {
  throw new FileRejected(file, 'file.tooLarge', tooLargeMessage(size));
}

/** Refuses what the sniffer found to be no spreadsheet container (anything but zip / ole). */
export function rejectSniffed(file: string, kind: Exclude<SniffedKind, 'zip' | 'ole'>): never {
  switch (kind) {
    case 'empty':
      return reject(file, 'file.empty');
    case 'biff':
      return reject(file, 'file.oldExcel');
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
}

/** Whatever a malformed file trips inside a parser is still a refusal of that file. */
export function rejectParserError(file: string, e: unknown): never {
  const text = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(text)) reject(file, 'file.password');
  reject(file, 'file.damaged', `lỗi đọc: ${text.slice(0, 120)}`, `read error: ${text.slice(0, 120)}`);
}

/** The result of a file that was refused: no rows, one error naming the file. */
export function rejectedResult(file: string, modified: number | undefined, code: ProblemCode, message: Message): ReturnResult {
  return { file, ...(modified !== undefined ? { modified } : {}), rows: [], status: 'error', problems: [{ file, severity: 'error', code, message }] };
}
