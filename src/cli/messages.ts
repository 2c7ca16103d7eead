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
  noRosterHint: { vi: 'Thêm --roster danh-sach.csv để biết đơn vị nào chưa báo cáo.', en: 'Add --roster list.csv to see which units have not reported.' },
  notReported: (list: string): Message => ({ vi: `Chưa báo cáo: ${list}`, en: `Not reported: ${list}` }),
  summaryWritten: (out: string): Message => ({ vi: `Đã ghi bảng tổng hợp: ${out}`, en: `Summary written: ${out}` }),
  demoOpen: (path: string): Message => ({
    vi: `Mở ${path} bằng Excel hoặc LibreOffice để xem bảng tổng hợp.`,
    en: `Open ${path} in Excel or LibreOffice to see the summary.`,
  }),
  reportNeedsDocx: { vi: 'Báo cáo được ghi dạng Word: --report phải kết thúc bằng .docx.', en: 'The report is written as Word: --report must end in .docx.' },
  badDeadline: (v: string): Message => ({
    vi: `--deadline phải là ngày/tháng/năm có thật, ví dụ 10/4/2027, không phải "${v}".`,
    en: `--deadline must be a real day/month/year, e.g. 10/4/2027, not "${v}".`,
  }),
  onTime: (onTime: number, reported: number, late: string): Message => ({
    vi: `Đúng hạn: ${onTime}/${reported} đơn vị đã báo cáo.${late ? ` Muộn: ${late}.` : ''}`,
    en: `On time: ${onTime}/${reported} reporting units.${late ? ` Late: ${late}.` : ''}`,
  }),
  reportWritten: (out: string): Message => ({ vi: `Đã ghi dự thảo báo cáo: ${out}`, en: `Report draft written: ${out}` }),
  unknownCommand: (command: string): Message => ({ vi: `Không có lệnh "${command}".`, en: `Unknown command "${command}".` }),
  rosterNeedsProvince: {
    vi: 'Thiếu --province (tên tỉnh, thành phố, ví dụ --province "Lạng Sơn").',
    en: 'Missing --province (the province or city, e.g. --province "Lạng Sơn").',
  },
  rosterNeedsOut: { vi: 'Thiếu --out (tên tệp danh sách .xlsx hoặc .csv).', en: 'Missing --out (the roster file to write, .xlsx or .csv).' },
  rosterNeedsExt: {
    vi: 'Danh sách đơn vị được ghi dạng .xlsx hoặc .csv: --out phải kết thúc bằng .xlsx hoặc .csv.',
    en: 'The roster is written as .xlsx or .csv: --out must end in .xlsx or .csv.',
  },
  rosterWritten: (out: string, province: string, units: number, communes: number, suggested: number): Message => ({
    vi: `Đã ghi danh sách ${units} đơn vị của ${province} (${communes} xã, phường, đặc khu; ${suggested} dòng gợi ý, ghi “Gợi ý” ở cột Ghi chú): ${out}`,
    en: `Roster of ${units} units of ${province} written (${communes} communes, wards and special zones; ${suggested} suggested rows, marked “Gợi ý” in the notes column): ${out}`,
  }),
  formOutOrDir: {
    vi: 'Dùng --out TỆP.xlsx cho một biểu, hoặc --roster DANH-SÁCH --out-dir THƯ-MỤC cho một biểu mỗi đơn vị.',
    en: 'Use --out FILE.xlsx for one form, or --roster ROSTER --out-dir FOLDER for one form per unit.',
  },
  formRosterNeedsDir: { vi: '--roster cần --out-dir (thư mục ghi các biểu).', en: '--roster needs --out-dir (the folder to write the forms in).' },
  formDirNeedsRoster: { vi: '--out-dir cần --roster (danh sách đơn vị).', en: '--out-dir needs --roster (the list of units).' },
  formUnitWithRoster: { vi: 'Không dùng --unit cùng --roster: tên từng đơn vị lấy từ danh sách.', en: 'Do not use --unit with --roster: each unit’s name comes from the roster.' },
  formNoParentFolder: (dir: string): Message => ({
    vi: `Không tạo được thư mục ${dir}: thư mục chứa nó chưa có.`,
    en: `Cannot create the folder ${dir}: the folder it would be in does not exist.`,
  }),
  formsExist: (dir: string, files: string[]): Message => ({
    vi: `Trong ${dir} đã có ${files.length} tệp trùng tên (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}). Thêm --force nếu muốn ghi đè, hoặc chọn thư mục khác.`,
    en: `${dir} already holds ${files.length} file(s) of the same names (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}). Add --force to overwrite them, or choose another folder.`,
  }),
  formsWritten: (n: number, dir: string, first: string): Message => ({
    vi: `Đã ghi ${n} biểu mẫu, mỗi đơn vị một biểu (tên đơn vị đã khóa sẵn), vào ${dir} (ví dụ ${first}).`,
    en: `${n} forms written, one per unit (the unit name locked in), to ${dir} (e.g. ${first}).`,
  }),
} satisfies Catalogue;
