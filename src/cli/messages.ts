// Every text the command line prints (besides the help), by code, in Vietnamese and English.
import { Catalogue, Message } from '../core/i18n';
import { YEAR_RANGE } from '../core/vocabulary';

const fmt = (n: number) => n.toLocaleString('vi-VN');

export const CLI_TEXT = {
  error: { vi: 'LỖI', en: 'ERROR' },
  warning: { vi: 'CẢNH BÁO', en: 'WARNING' },
  errorTag: { vi: 'lỗi', en: 'error' },
  warningTag: { vi: 'cảnh báo', en: 'warning' },
  noFiles: { vi: 'Chưa có tệp nào để xử lý.', en: 'No files to process.' },
  formNeedsOut: { vi: 'Thiếu --out (tên tệp .xlsx cần ghi).', en: 'Missing --out (the .xlsx file to write).' },
  formNeedsXlsx: { vi: 'Biểu mẫu được ghi dạng .xlsx: --out phải kết thúc bằng .xlsx.', en: 'The form is written as .xlsx: --out must end in .xlsx.' },
  mergeNeedsOut: { vi: 'Thiếu --out (tên tệp tổng hợp .xlsx).', en: 'Missing --out (the summary .xlsx to write).' },
  summaryNeedsXlsx: { vi: 'Bảng tổng hợp được ghi dạng .xlsx: --out phải kết thúc bằng .xlsx.', en: 'The summary is written as .xlsx: --out must end in .xlsx.' },
  noSuchPath: (p: string): Message => ({ vi: `Không tìm thấy tệp hoặc thư mục: ${p}`, en: `No such file or folder: ${p}` }),
  outputIsInput: (out: string): Message => ({
    vi: `Tệp kết quả ${out} trùng với một tệp đầu vào hoặc một tệp kết quả khác.`,
    en: `Output ${out} is an input file or another output.`,
  }),
  noFolder: (dir: string, name: string): Message => ({
    vi: `Không có thư mục ${dir} để ghi ${name}. Hãy tạo thư mục trước hoặc chọn chỗ khác.`,
    en: `There is no folder ${dir} to write ${name} in. Create it first or choose another place.`,
  }),
  outputExists: (out: string): Message => ({
    vi: `Tệp ${out} đã có. Thêm --force nếu muốn ghi đè, hoặc chọn tên khác.`,
    en: `${out} already exists. Add --force to overwrite it, or choose another name.`,
  }),
  cannotWrite: (path: string, code: string): Message => ({
    vi: `Không ghi được ${path} (${code}). Nếu tệp đang mở trong Excel, hãy đóng lại rồi chạy lại lệnh.`,
    en: `Could not write ${path} (${code}). If it is open in Excel, close it and run the command again.`,
  }),
  badYear: (v: string): Message => ({
    vi: `--year phải là năm từ ${YEAR_RANGE.min} đến ${YEAR_RANGE.max}, không phải "${v}".`,
    en: `--year must be a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}, not "${v}".`,
  }),
  badWorkers: (v: string): Message => ({
    vi: `--workers phải là số nguyên từ 1 đến 256, không phải "${v}".`,
    en: `--workers must be a whole number from 1 to 256, not "${v}".`,
  }),
  formWritten: (out: string): Message => ({ vi: `Đã ghi biểu mẫu: ${out}`, en: `Form written: ${out}` }),
  checkSuperseded: (file: string, unit: string, by: string): Message => ({
    vi: `TRÙNG  ${file}  —  ${unit}: khi tổng hợp sẽ dùng tệp mới hơn ${by}`,
    en: `SUPERSEDED  ${file}  —  ${unit}: merge will use the newer ${by}`,
  }),
  checkCounts: (files: number, bad: number): Message => ({
    vi: `${files} tệp: ${files - bad} dùng được, ${bad} có lỗi.`,
    en: `${files} files: ${files - bad} usable, ${bad} with errors.`,
  }),
  rosterNotFound: (path: string): Message => ({ vi: `Không tìm thấy danh sách đơn vị: ${path}`, en: `Roster not found: ${path}` }),
  mergeSuperseded: (file: string, unit: string, by: string): Message => ({
    vi: `TRÙNG  ${file}  —  ${unit}: đã thay bằng tệp mới hơn ${by}`,
    en: `SUPERSEDED  ${file}  —  ${unit}: replaced by the newer ${by}`,
  }),
  mergeCounts: (accepted: number, files: number, rejected: number, superseded: number): Message => ({
    vi: `Đã tổng hợp ${accepted}/${files} tệp; loại ${rejected}, trùng ${superseded}.`,
    en: `Merged ${accepted}/${files} files; ${rejected} rejected, ${superseded} superseded.`,
  }),
  totals: (t: { participants: number; totalFunding: number; budget: number; otherFunding: number }): Message => ({
    vi: `Tổng: ${fmt(t.participants)} người tham gia; kinh phí ${fmt(t.totalFunding)} đồng (ngân sách ${fmt(t.budget)}, vận động ${fmt(t.otherFunding)}).`,
    en: `Totals: ${fmt(t.participants)} participants; funding ${fmt(t.totalFunding)} đồng (budget ${fmt(t.budget)}, mobilised ${fmt(t.otherFunding)}).`,
  }),
  reported: (reported: number, expected: number): Message => ({ vi: `Đã báo cáo: ${reported}/${expected} đơn vị.`, en: `Reported: ${reported}/${expected} units.` }),
  notReported: (list: string): Message => ({ vi: `Chưa báo cáo: ${list}`, en: `Not reported: ${list}` }),
  summaryWritten: (out: string): Message => ({ vi: `Đã ghi bảng tổng hợp: ${out}`, en: `Summary written: ${out}` }),
  demoOpen: (path: string): Message => ({
    vi: `Mở ${path} bằng Excel hoặc LibreOffice để xem bảng tổng hợp.`,
    en: `Open ${path} in Excel or LibreOffice to see the summary.`,
  }),
  unknownCommand: (command: string): Message => ({ vi: `Không có lệnh "${command}".`, en: `Unknown command "${command}".` }),
} satisfies Catalogue;
