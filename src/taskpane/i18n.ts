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
  insertedBeside: {
    vi: 'Sổ đã có trang “{taken}” nên biểu mới nằm ở trang “{sheet}”; trang cũ giữ nguyên.',
    en: 'The workbook already had a sheet “{taken}”, so the new form is in “{sheet}”; the old sheet is unchanged.',
  },
  nextSend: { vi: 'Gửi biểu này cho các đơn vị:', en: 'Send this form to the units:' },
  fullFormIntro: {
    vi: 'Tệp .xlsx có đủ mọi phần trên (Excel này mở tệp vẫn giữ nguyên):',
    en: 'The .xlsx file has all of it (this Excel keeps it when opening the file):',
  },
  downloadFullForm: { vi: 'Tải biểu mẫu đầy đủ (.xlsx)', en: 'Download the complete form (.xlsx)' },
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
  validWithWarnings: { vi: 'Biểu gửi được, nhưng nên xem {w} lưu ý', en: 'The form can be sent, but see {w} {w|note|notes}' },
  hasErrors: { vi: 'Biểu còn {e} lỗi cần sửa trước khi gửi', en: '{e} {e|error|errors} to fix before sending' },
  warningsToo: { vi: 'và {w} lưu ý', en: 'and {w} {w|note|notes}' },
  checkNoForm: {
    vi: 'Trang này không có biểu mẫu CTXH. Mở trang có biểu đơn vị đã điền rồi bấm “Kiểm tra trang tính này”, hoặc tạo biểu mới ở mục Biểu mẫu:',
    en: 'This sheet holds no Social Work Day form. Open the sheet with the form the unit filled in and press “Check this sheet”, or make a new form in the Form tab:',
  },
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
  problemCount: { vi: '{n} vấn đề', en: '{n} {n|problem|problems}' },
  rejectedNote: {
    vi: '{n} tệp có lỗi chưa được tổng hợp; lý do từng tệp ở trang “{sheet}”.',
    en: '{n} {n|file with errors was|files with errors were} not merged; each reason is on sheet “{sheet}”.',
  },
  notMergedBecause: { vi: 'Không tổng hợp tệp này:', en: 'This file is not merged:' },
  filesCount: { vi: '{n} tệp', en: '{n} {n|file|files}' },
  countOk: { vi: '{n} hợp lệ', en: '{n} valid' },
  countWarning: { vi: '{n} cảnh báo', en: '{n} with {n|a warning|warnings}' },
  countError: { vi: '{n} lỗi', en: '{n} with errors' },
  countSuperseded: { vi: '{n} trùng', en: '{n} {n|duplicate|duplicates}' },
  countReading: { vi: '{n} đang đọc', en: '{n} being read' },
  filterLabel: { vi: 'Lọc danh sách tệp theo trạng thái', en: 'Filter the files by status' },
  filterAll: { vi: 'Tất cả', en: 'All' },
  sheetLang: { vi: 'Ngôn ngữ bảng', en: 'Sheet language' },
  sheetLangHint: {
    vi: 'Ngôn ngữ của bảng tổng hợp và trang kiểm tra ghi vào sổ; mặc định tiếng Việt, không theo ngôn ngữ của Office.',
    en: 'Language of the summary and checks sheets written to the workbook; Vietnamese unless changed, whatever Office’s language.',
  },
  rosterHowTo: {
    vi: 'Chèn trang danh sách ở trên, ghi các đơn vị phải báo cáo rồi tổng hợp lại để biết đơn vị nào chưa gửi.',
    en: 'Insert the list sheet above, write the units expected to report, then merge again to see who has not sent theirs.',
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
  formsZip: { vi: 'Tạo biểu cho từng đơn vị (.zip)', en: 'Make a form for each unit (.zip)' },
  formsZipNoRoster: {
    vi: 'Sổ chưa có trang “{sheet}”: hãy chèn danh sách đơn vị ở thẻ Tổng hợp trước.',
    en: 'The workbook has no sheet “{sheet}”: insert the list of units on the Merge tab first.',
  },
  formsZipEmpty: { vi: 'Trang “{sheet}” chưa có đơn vị nào.', en: 'Sheet “{sheet}” lists no unit yet.' },
  formsZipDone: {
    vi: 'Đã tải {file}: {n} biểu, mỗi đơn vị một biểu, tên đơn vị đã ghi sẵn và khóa.',
    en: '{file} saved: {n} forms, one per unit, each with its name filled in and locked.',
  },
  rosterProvince: { vi: 'Danh sách có sẵn của tỉnh', en: 'Ready-made list of a province' },
  rosterProvincePick: { vi: '— Chọn tỉnh, thành phố —', en: '— Choose the province —' },
  rosterProvinceInsert: { vi: 'Chèn danh sách của tỉnh', en: 'Insert the province’s list' },
  rosterProvinceNone: { vi: 'Hãy chọn tỉnh, thành phố trước.', en: 'Choose the province first.' },
  rosterProvinceInserted: {
    vi: 'Đã chèn trang “{sheet}”: {communes} xã, phường, đặc khu của {province} và {suggested} dòng gợi ý (ghi “Gợi ý” ở cột Ghi chú — xóa dòng không áp dụng).',
    en: 'Sheet “{sheet}” was inserted: the {communes} communes and wards of {province} and {suggested} suggested rows (marked “Gợi ý” in the notes column — delete what does not apply).',
  },
  rosterSheetExists: {
    vi: 'Sổ đã có trang “{sheet}”: đổi tên hoặc xóa trang đó nếu muốn chèn danh sách khác.',
    en: 'The workbook already has sheet “{sheet}”: rename or delete it to insert another list.',
  },
  rosterFilePick: { vi: 'Chọn tệp danh sách (.csv, .xlsx)…', en: 'Choose a list file (.csv, .xlsx)…' },
  rosterFileUsed: { vi: 'Dùng danh sách trong tệp “{file}”: {n} đơn vị.', en: 'Using the list in file “{file}”: {n} units.' },
  rosterFileClear: { vi: 'Bỏ tệp danh sách', en: 'Stop using the list file' },
  rosterFromReturns: {
    vi: 'Tệp “{file}” là danh sách đơn vị, không phải biểu báo cáo: đã dùng làm danh sách.',
    en: 'File “{file}” is a list of units, not a return: it is used as the list.',
  },
  mergeNow: { vi: 'Tổng hợp', en: 'Merge' },
  activitiesBlock: {
    vi: 'Thêm phần “Hình thức tổ chức (đánh dấu x)” dưới bảng',
    en: 'Add the “Hình thức tổ chức (đánh dấu x)” block (how the unit organised it) below the table',
  },
  mergeDeadline: { vi: 'Hạn gửi báo cáo', en: 'Report deadline' },
  mergeDeadlineHint: {
    vi: 'ngày/tháng/năm; để trống nếu không xét đúng hạn. Ngày báo cáo lấy ở dòng ký cuối biểu, không có thì ngày lưu tệp.',
    en: 'day/month/year; leave empty to skip timeliness. The report date is the one signed at the foot of the form, else the file’s saved date.',
  },
  mergeDeadlineInvalid: { vi: 'Hạn báo cáo phải là ngày/tháng/năm có thật, ví dụ 10/4/2027.', en: 'The deadline must be a real day/month/year, e.g. 10/4/2027.' },
  onTimeNote: { vi: 'Đúng hạn: {onTime}/{reported} đơn vị; muộn: {late}.', en: 'On time: {onTime}/{reported} units; late: {late}.' },
  downloadReport: { vi: 'Tải báo cáo (.docx)', en: 'Download the report (.docx)' },
  reportUnavailable: {
    vi: 'Excel này không tải được tệp từ ngăn tác vụ. Hãy mở phần bổ trợ trong Excel trên web để tải báo cáo, hoặc dùng dòng lệnh: ctxh-report merge --report {file}.',
    en: 'This Excel cannot download files from the task pane. Open the add-in in Excel on the web to download the report, or use the command line: ctxh-report merge --report {file}.',
  },
  reportDownloaded: { vi: 'Đã tải dự thảo báo cáo {file}. Hãy viết các phần được đánh dấu vàng.', en: 'Report draft {file} downloaded. Write the parts marked in yellow.' },
  mergeWaitReading: { vi: 'Đang đọc tệp…', en: 'Reading files…' },
  merging: { vi: 'Đang ghi bản tổng hợp…', en: 'Writing the summary…' },
  merged: {
    vi: 'Đã ghi bản tổng hợp vào trang “{sheet}”.',
    en: 'The summary was written to sheet “{sheet}”.',
  },
  rosterTick: {
    vi: 'Để đối chiếu với danh sách: đánh dấu “Dùng trang “{sheet}” trong sổ này” rồi bấm Tổng hợp lại.',
    en: 'To compare with the list: tick “Use sheet “{sheet}” in this workbook”, then merge again.',
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

  // The page without Excel (src/app): what it says where the pane speaks of sheets.
  pageFormIntro: {
    vi: 'Điền thông tin của kế hoạch năm nay rồi tải biểu mẫu (.xlsx) về để gửi các đơn vị. Thông tin đã nhập được ghi nhớ trên trình duyệt này cho lần sau.',
    en: 'Fill in this year’s plan details, then download the form (.xlsx) to send to the units. What you type is remembered in this browser for next time.',
  },
  pageCheckIntro: {
    vi: 'Chọn tệp biểu mẫu đã điền (.xlsx, .xls, .ods) để kiểm tra theo đúng các quy tắc dùng khi tổng hợp, trước khi gửi đi.',
    en: 'Pick a filled-in form (.xlsx, .xls, .ods) to check it with the same rules used when merging, before sending it.',
  },
  pageCheckPick: { vi: 'Chọn tệp để kiểm tra…', en: 'Choose a file to check…' },
  checkDropHere: { vi: 'hoặc kéo thả tệp vào đây', en: 'or drop the file here' },
  checkedFile: { vi: 'Tệp “{file}”, trang “{sheet}”', en: 'File “{file}”, sheet “{sheet}”' },
  checkedFileOnly: { vi: 'Tệp “{file}”', en: 'File “{file}”' },
  checkFixAndPick: {
    vi: 'Sửa các ô trên trong tệp, lưu lại rồi chọn tệp để kiểm tra lần nữa.',
    en: 'Fix these cells in the file, save it and choose it again to check it once more.',
  },
  pageRosterPick: { vi: 'Chọn tệp danh sách (.csv, .xlsx)…', en: 'Choose the list file (.csv, .xlsx)…' },
  pageRosterUse: { vi: 'Dùng danh sách “{file}”', en: 'Use the list “{file}”' },
  pageRosterUseNone: { vi: 'Dùng danh sách đơn vị', en: 'Use a list of units' },
  pageRosterDownload: { vi: 'Tải danh sách trống (.xlsx)', en: 'Download an empty list (.xlsx)' },
  pageRosterDownloaded: {
    vi: 'Đã tải danh sách trống. Ghi mỗi đơn vị một dòng, cột Nhóm ghi I, II, III, IV hoặc V, lưu lại rồi chọn tệp đó ở đây.',
    en: 'An empty list was downloaded. One unit per row, I, II, III, IV or V in the group column; save it and choose it here.',
  },
  pageRosterMissing: {
    vi: 'Chưa chọn danh sách đơn vị; tổng hợp sẽ không có danh sách đơn vị chưa báo cáo.',
    en: 'No list of units chosen; the summary will not list the units that have not reported.',
  },
  mergedFile: { vi: 'Đã tạo tệp tổng hợp “{file}”.', en: 'Created the summary “{file}”.' },
  pageError: { vi: 'Đã xảy ra lỗi: {msg}', en: 'Something went wrong: {msg}' },
  pageFooter: {
    vi: 'Dữ liệu của các đơn vị chỉ nằm trong trình duyệt này: trang không gửi gì qua mạng và dùng được cả khi không có mạng.',
    en: 'Units’ data stays in this browser: the page sends nothing over the network and works offline.',
  },

  // What an older Excel left out when inserting (src/excel/features.ts): short items, the version each needs
  // (ExcelApi 1.2–1.7: Excel 2019; 1.8–1.9: Excel 2021), and what to do instead where there is something.
  omittedIntro: {
    vi: 'Excel này chưa làm được các phần sau nên đã bỏ qua (“trở lên” gồm cả Microsoft 365 và Excel trên web):',
    en: 'This Excel cannot do the following, so they were left out (“or later” includes Microsoft 365 and Excel on the web):',
  },
  omittedSentence: {
    vi: 'Excel này chưa làm được các phần sau nên đã bỏ qua: {items}.',
    en: 'This Excel cannot do the following, so they were left out: {items}.',
  },
  omitLayout: { vi: 'gộp ô, độ rộng cột — cần Excel 2019 trở lên', en: 'merged cells, column widths — needs Excel 2019 or later' },
  omitProtection: { vi: 'khóa bảng tính — cần Excel 2019 trở lên', en: 'sheet protection — needs Excel 2019 or later' },
  omitNames: { vi: 'tên vùng (CTXH_DonVi…) — cần Excel 2019 trở lên', en: 'defined names (CTXH_DonVi…) — needs Excel 2019 or later' },
  omitValidation: {
    vi: 'quy tắc kiểm tra khi nhập số — cần Excel 2021 trở lên; mục “Kiểm tra” vẫn soát được số liệu',
    en: 'input rules that check numbers as typed — needs Excel 2021 or later; the “Check” tab still checks the figures',
  },
  omitPageLayout: {
    vi: 'thiết lập trang in A4 — cần Excel 2021 trở lên; chỉnh ở Bố trí Trang trước khi in',
    en: 'A4 print setup — needs Excel 2021 or later; set it in Page Layout before printing',
  },
  omitFreeze: { vi: 'cố định dòng tiêu đề — cần Excel 2019 trở lên', en: 'frozen header rows — needs Excel 2019 or later' },
  omitChart: { vi: 'biểu đồ cơ cấu kinh phí — cần Excel 2019 trở lên', en: 'the funding breakdown chart — needs Excel 2019 or later' },
} as const satisfies Record<string, Message>;

export type StringKey = keyof typeof STRINGS;

/** Every key of the table, for the test that each has both languages. */
export const STRING_KEYS = Object.keys(STRINGS) as StringKey[];

/** One entry in both languages (for messages the pane stores before it knows who reads them). */
export function both(key: StringKey): Message {
  return { vi: STRINGS[key].vi, en: STRINGS[key].en };
}

/**
 * Fills "{name}" from vars, and "{n|one|other}" by whether n is 1 (English plurals; Vietnamese has none).
 * Counts are grouped as each language writes them (1.200 / 1,200); a year stays 2025.
 */
export function translator(lang: Lang) {
  const show = (k: string, v: string | number) => (typeof v === 'number' && k !== 'year' ? formatNumber(v, lang) : String(v));
  return (key: StringKey, vars: Record<string, string | number> = {}): string =>
    STRINGS[key][lang]
      .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, k: string, one: string, other: string) => (Number(vars[k]) === 1 ? one : other))
      .replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? show(k, vars[k]) : `{${k}}`));
}

export type T = ReturnType<typeof translator>;

/** Numbers as each language writes them: 1.200.000 in Vietnamese, 1,200,000 in English. */
export function formatNumber(n: number, lang: Lang): string {
  const s = Math.round(Math.abs(n))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return n < 0 ? `-${s}` : s;
}
