// Every word the task pane shows, in Vietnamese and English: one typed table,
// key → {vi, en} (src/excel reports what an older Excel left out with it too).
// The pane speaks English only when Office's display language is English.
import type { Lang, Message } from '../core/i18n';

export type { Lang };

export function languageOf(displayLanguage: string | undefined): Lang {
  return /^en\b/i.test(displayLanguage ?? '') ? 'en' : 'vi';
}

const STRINGS = {
  appTitle: { vi: 'Báo cáo Ngày Công tác xã hội', en: 'Social Work Day reports' },
  tabForm: { vi: 'Biểu mẫu', en: 'Form' },
  tabCheck: { vi: 'Kiểm tra', en: 'Check' },
  tabMerge: { vi: 'Tổng hợp', en: 'Merge' },
  loading: { vi: 'Đang khởi động…', en: 'Starting…' },
  notInExcel: {
    vi: 'Phần bổ trợ này chạy trong Excel. Hãy mở nó từ thẻ Trang đầu của Excel.',
    en: 'This add-in runs inside Excel. Open it from Excel’s Home tab.',
  },

  formIntro: {
    vi: 'Điền thông tin của kế hoạch năm nay. Biểu được chèn vào một trang tính mới, không ghi đè dữ liệu đang có.',
    en: 'Fill in this year’s plan details. The form goes into a new sheet; nothing already in the workbook is overwritten.',
  },
  year: { vi: 'Năm', en: 'Year' },
  yearHint: { vi: 'Lần thứ {n}', en: 'Edition {n}' },
  province: { vi: 'Tỉnh/thành phố', en: 'Province or city' },
  body: { vi: 'Cơ quan ban hành kế hoạch', en: 'Issuing body' },
  plan: { vi: 'Số, ngày của kế hoạch/công văn', en: 'Plan reference' },
  planHint: { vi: 'Ví dụ: Kế hoạch số 45/KH-SLĐTBXH ngày 22/3/2023', en: 'E.g. Kế hoạch số 45/KH-SLĐTBXH ngày 22/3/2023' },
  unit: { vi: 'Tên đơn vị (không bắt buộc)', en: 'Unit name (optional)' },
  unitHint: { vi: 'Để trống để đơn vị tự ghi.', en: 'Leave empty for the unit to fill in.' },
  rows: { vi: 'Số dòng hoạt động', en: 'Activity rows' },
  more: { vi: 'Thông tin thêm', en: 'More details' },
  theme: { vi: 'Chủ đề năm (không bắt buộc)', en: 'Theme of the year (optional)' },
  deadline: { vi: 'Hạn gửi báo cáo (không bắt buộc)', en: 'Report deadline (optional)' },
  deadlineHint: { vi: 'ngày/tháng/năm, ví dụ 10/4/2025', en: 'day/month/year, e.g. 10/4/2025' },
  insertForm: { vi: 'Chèn biểu mẫu', en: 'Insert form' },
  downloadForm: { vi: 'Tải biểu mẫu (.xlsx)', en: 'Download form (.xlsx)' },
  openAsWorkbook: { vi: 'Mở thành sổ làm việc mới', en: 'Open as a new workbook' },
  fixFields: { vi: 'Hãy sửa các ô được đánh dấu rồi bấm lại.', en: 'Fix the marked fields and try again.' },
  inserting: { vi: 'Đang chèn biểu mẫu…', en: 'Inserting the form…' },
  inserted: { vi: 'Đã chèn biểu mẫu vào trang tính “{sheet}”.', en: 'The form was inserted into sheet “{sheet}”.' },
  preparing: { vi: 'Đang tạo tệp…', en: 'Creating the file…' },
  downloaded: { vi: 'Đã tạo tệp “{file}”. Gửi tệp này cho các đơn vị qua thư điện tử.', en: 'Created “{file}”. E-mail this file to the units.' },
  openedWorkbook: { vi: 'Đã mở biểu mẫu thành một sổ làm việc mới.', en: 'The form was opened as a new workbook.' },
  downloadOpened: {
    vi: 'Excel trên máy Mac không tải được tệp từ ngăn tác vụ, nên biểu mẫu đã được mở thành một sổ làm việc mới: chọn Tệp → Lưu thành để lưu tệp “{file}”.',
    en: 'Excel for Mac cannot download files from the task pane, so the form was opened as a new workbook: use File → Save As to save it as “{file}”.',
  },
  downloadUnavailable: {
    vi: 'Excel này không tải được tệp từ ngăn tác vụ. Hãy bấm “Chèn biểu mẫu”, rồi nhấp chuột phải vào thẻ trang tính → Di chuyển hoặc Sao chép → (sổ làm việc mới), và lưu sổ đó thành “{file}”; hoặc tải biểu mẫu từ Excel trên web.',
    en: 'This Excel cannot download files from the task pane. Click “Insert form”, then right-click the sheet tab → Move or Copy → (new book), and save that workbook as “{file}”; or download the form from Excel on the web.',
  },
  saved: { vi: 'Thông tin đã nhập được ghi nhớ cho lần sau.', en: 'What you typed is remembered for next time.' },

  checkIntro: {
    vi: 'Kiểm tra biểu trên trang tính đang mở, theo đúng các quy tắc dùng khi tổng hợp.',
    en: 'Checks the form on the open sheet with the same rules used when merging.',
  },
  checkNow: { vi: 'Kiểm tra trang tính này', en: 'Check this sheet' },
  liveCheck: { vi: 'Tự kiểm tra lại khi nhập', en: 'Check again as I type' },
  liveUnavailable: {
    vi: 'Phiên bản Excel này không báo khi ô thay đổi: sau khi sửa, hãy bấm “Kiểm tra trang tính này” lần nữa.',
    en: 'This version of Excel does not report cell changes: after editing, press “Check this sheet” again.',
  },
  checking: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  checkedSheet: { vi: 'Trang tính “{sheet}”', en: 'Sheet “{sheet}”' },
  allValid: { vi: 'Biểu đã hợp lệ — có thể gửi', en: 'The form is valid — ready to send' },
  allValidDetail: { vi: '{rows} dòng số liệu, đơn vị: {unit}.', en: '{rows} data rows, unit: {unit}.' },
  validWithWarnings: { vi: 'Biểu gửi được, nhưng nên xem {w} lưu ý', en: 'The form can be sent, but see {w} note(s)' },
  hasErrors: { vi: 'Biểu còn {e} lỗi cần sửa trước khi gửi', en: '{e} error(s) to fix before sending' },
  warningsToo: { vi: 'và {w} lưu ý', en: 'and {w} note(s)' },
  clickToGo: { vi: 'Bấm vào một dòng để đến ô đó.', en: 'Click an item to go to its cell.' },
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Lưu ý', en: 'Note' },
  noCell: { vi: 'chung', en: 'general' },

  mergeIntro: {
    vi: 'Chọn các tệp biểu mẫu các đơn vị gửi về (.xlsx, .xls, .ods). Tệp được đọc ngay trên máy này, không gửi đi đâu.',
    en: 'Pick the forms the units sent back (.xlsx, .xls, .ods). Files are read on this computer only; nothing is sent anywhere.',
  },
  contextYear: { vi: 'Năm {year}', en: 'Year {year}' },
  contextYearAuto: { vi: 'Năm: theo các biểu gửi về', en: 'Year: as the returned forms say' },
  contextHint: { vi: 'Năm, tỉnh, cơ quan lấy ở mục Biểu mẫu.', en: 'Year, province and body come from the Form tab.' },
  pickFiles: { vi: 'Chọn tệp…', en: 'Choose files…' },
  dropHere: { vi: 'hoặc kéo thả tệp vào đây', en: 'or drop files here' },
  reading: { vi: 'Đang đọc {done}/{total} tệp…', en: 'Reading {done}/{total} files…' },
  readDone: { vi: 'Đã đọc {total} tệp.', en: 'Read {total} files.' },
  filesSummary: { vi: '{total} tệp: {parts}', en: '{total} files: {parts}' },
  statusOk: { vi: 'hợp lệ', en: 'valid' },
  statusWarning: { vi: 'cảnh báo', en: 'warning' },
  statusError: { vi: 'lỗi', en: 'error' },
  statusSuperseded: { vi: 'trùng', en: 'superseded' },
  statusReading: { vi: 'đang đọc', en: 'reading' },
  supersededBy: { vi: 'Đã có tệp mới hơn của đơn vị này: “{by}”.', en: 'A newer file of this unit is used: “{by}”.' },
  unknownUnit: { vi: '(chưa rõ đơn vị)', en: '(unit unknown)' },
  people: { vi: '{n} người', en: '{n} people' },
  money: { vi: '{n} đ', en: '{n} đồng' },
  problemCount: { vi: '{n} vấn đề', en: '{n} problem(s)' },
  rejectedNote: {
    vi: '{n} tệp có lỗi chưa được tổng hợp; lý do từng tệp ở trang “{sheet}”.',
    en: '{n} file(s) with errors were not merged; each reason is on sheet “{sheet}”.',
  },
  removeFile: { vi: 'Bỏ tệp “{file}”', en: 'Remove “{file}”' },
  clearFiles: { vi: 'Bỏ hết tệp', en: 'Remove all files' },
  roster: { vi: 'Danh sách đơn vị phải báo cáo', en: 'Units expected to report' },
  rosterUse: { vi: 'Dùng trang “{sheet}” trong sổ này', en: 'Use sheet “{sheet}” in this workbook' },
  rosterInsert: { vi: 'Chèn trang danh sách trống', en: 'Insert an empty list sheet' },
  rosterInserted: {
    vi: 'Đã chèn trang “{sheet}”. Ghi mỗi đơn vị một dòng, cột Nhóm ghi I, II, III, IV hoặc V.',
    en: 'Sheet “{sheet}” was inserted. One unit per row; write I, II, III, IV or V in the group column.',
  },
  rosterMissing: {
    vi: 'Sổ chưa có trang “{sheet}”; tổng hợp sẽ không có danh sách đơn vị chưa báo cáo.',
    en: 'The workbook has no sheet “{sheet}”; the summary will not list the units that have not reported.',
  },
  rosterRead: { vi: 'Danh sách có {n} đơn vị.', en: 'The list has {n} units.' },
  mergeNow: { vi: 'Tổng hợp', en: 'Merge' },
  mergeWaitReading: { vi: 'Đang đọc tệp…', en: 'Reading files…' },
  merging: { vi: 'Đang ghi bản tổng hợp…', en: 'Writing the summary…' },
  merged: {
    vi: 'Đã ghi bản tổng hợp vào trang “{sheet}”. {coverage}',
    en: 'The summary was written to sheet “{sheet}”. {coverage}',
  },
  coverage: { vi: 'Đã báo cáo: {reported}/{expected} đơn vị.', en: 'Reported: {reported}/{expected} units.' },
  nationalMerged: {
    vi: 'Đã ghi bảng tổng hợp toàn quốc vào trang “{sheet}”. Có {reported}/{expected} tỉnh, thành phố báo cáo.',
    en: 'The national summary was written to sheet “{sheet}”. {reported} of {expected} provinces have reported.',
  },
  unknownProvince: { vi: '(bảng tổng hợp chưa rõ tỉnh)', en: '(summary, province unknown)' },
  nothingToMerge: { vi: 'Chưa có tệp hợp lệ nào để tổng hợp.', en: 'There is no valid file to merge yet.' },
  noFiles: { vi: 'Chưa chọn tệp nào.', en: 'No files chosen yet.' },
  previousTitle: { vi: 'Đã có bản tổng hợp trước', en: 'A previous summary exists' },
  previousBody: {
    vi: 'Sổ đã có trang {sheets}. Bạn muốn giữ bản cũ và tạo bản mới bên cạnh, hay thay bản cũ bằng bản mới?',
    en: 'The workbook already has {sheets}. Keep the old summary and add the new one next to it, or replace the old one?',
  },
  keepBoth: { vi: 'Giữ bản cũ, tạo bản mới', en: 'Keep old, add new' },
  replaceOld: { vi: 'Thay bản cũ', en: 'Replace old' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  cancelled: { vi: 'Đã hủy; sổ làm việc không thay đổi.', en: 'Cancelled; the workbook was not changed.' },
  workerTimeout: {
    vi: 'Đọc tệp quá lâu (hơn 30 giây) nên đã dừng: tệp có thể bị hỏng hoặc không phải biểu mẫu. Hãy đề nghị đơn vị lưu lại dạng .xlsx và gửi lại.',
    en: 'Reading the file took too long (over 30 seconds) and was stopped: it may be damaged or not a form. Ask the unit to save it as .xlsx and send it again.',
  },
  workerFailed: {
    vi: 'Không đọc được tệp do lỗi chương trình. Hãy thử lại hoặc gửi tệp cho bộ phận kỹ thuật.',
    en: 'The file could not be read because of a program error. Try again, or send the file to support.',
  },
  excelBusy: {
    vi: 'Excel đang bận (có thể một ô đang được sửa). Hãy nhấn Enter hoặc Esc trong ô rồi thử lại.',
    en: 'Excel is busy (a cell may be in edit mode). Press Enter or Esc in the cell and try again.',
  },
  excelProtected: {
    vi: 'Trang tính đang được khóa nên Excel không cho ghi. Hãy bỏ khóa (thẻ Xem lại > Bỏ bảo vệ trang tính) rồi thử lại.',
    en: 'The sheet is protected, so Excel refused the change. Unprotect it (Review > Unprotect Sheet) and try again.',
  },
  excelTooOld: {
    vi: 'Phiên bản Excel này chưa hỗ trợ thao tác này. Hãy cập nhật Excel hoặc dùng Excel trên web.',
    en: 'This version of Excel cannot do this. Update Excel or use Excel on the web.',
  },
  excelTooBig: {
    vi: 'Dữ liệu quá lớn để gửi sang Excel một lần. Hãy tổng hợp ít tệp hơn mỗi lần.',
    en: 'Too much data to send to Excel at once. Merge fewer files at a time.',
  },
  excelGone: {
    vi: 'Không tìm thấy trang tính cần dùng (có thể vừa bị xóa hoặc đổi tên). Hãy thử lại.',
    en: 'The sheet needed was not found (it may have just been deleted or renamed). Try again.',
  },
  excelError: { vi: 'Excel báo lỗi: {msg}', en: 'Excel reported an error: {msg}' },

  // What an older Excel left out when inserting (src/excel/features.ts).
  omittedIntro: {
    vi: 'Phiên bản Excel này chưa hỗ trợ một số tính năng nên đã bỏ qua:',
    en: 'This version of Excel lacks some features, so these were left out:',
  },
  omittedSentence: {
    vi: 'Phiên bản Excel này chưa hỗ trợ một số tính năng nên đã bỏ qua: {items}.',
    en: 'This version of Excel lacks some features, so these were left out: {items}.',
  },
  omitLayout: {
    vi: 'gộp ô và độ rộng cột (cần Excel 2019, Microsoft 365 hoặc Excel trên web)',
    en: 'merged cells and column widths (needs Excel 2019, Microsoft 365 or Excel on the web)',
  },
  omitProtection: {
    vi: 'khóa bảng tính (cần Excel 2019, Microsoft 365 hoặc Excel trên web)',
    en: 'sheet protection (needs Excel 2019, Microsoft 365 or Excel on the web)',
  },
  omitNames: {
    vi: 'tên vùng như CTXH_DonVi (cần Excel 2019, Microsoft 365 hoặc Excel trên web)',
    en: 'defined names such as CTXH_DonVi (needs Excel 2019, Microsoft 365 or Excel on the web)',
  },
  omitValidation: {
    vi: 'quy tắc kiểm tra khi nhập số (cần Excel 2021, Microsoft 365 hoặc Excel trên web) — vẫn có thể dùng mục “Kiểm tra” để soát số liệu',
    en: 'the input rules that check numbers as they are typed (needs Excel 2021, Microsoft 365 or Excel on the web) — the “Check” tab still checks the figures',
  },
  omitPageLayout: {
    vi: 'thiết lập trang in: khổ A4, vừa một trang ngang, lặp dòng tiêu đề (cần Excel 2021, Microsoft 365 hoặc Excel trên web) — hãy chỉnh trong Bố trí Trang trước khi in',
    en: 'print setup: A4, one page wide, repeated header rows (needs Excel 2021, Microsoft 365 or Excel on the web) — set it in Page Layout before printing',
  },
  omitFreeze: {
    vi: 'cố định dòng tiêu đề (cần Excel 2019, Microsoft 365 hoặc Excel trên web)',
    en: 'frozen header rows (needs Excel 2019, Microsoft 365 or Excel on the web)',
  },
  omitChart: {
    vi: 'biểu đồ cơ cấu kinh phí (cần Excel 2019, Microsoft 365 hoặc Excel trên web)',
    en: 'the funding breakdown chart (needs Excel 2019, Microsoft 365 or Excel on the web)',
  },
} as const satisfies Record<string, Message>;

export type StringKey = keyof typeof STRINGS;

/** Every key of the table, for the test that each has both languages. */
export const STRING_KEYS = Object.keys(STRINGS) as StringKey[];

/** One entry in both languages (for messages the pane stores before it knows who reads them). */
export function both(key: StringKey): Message {
  return { vi: STRINGS[key].vi, en: STRINGS[key].en };
}

export function translator(lang: Lang) {
  return (key: StringKey, vars: Record<string, string | number> = {}): string =>
    STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}

export type T = ReturnType<typeof translator>;

/** Numbers as each language writes them: 1.200.000 in Vietnamese, 1,200,000 in English. */
export function formatNumber(n: number, lang: Lang): string {
  const s = Math.round(Math.abs(n))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return n < 0 ? `-${s}` : s;
}
