// The CLI's help texts, in Vietnamese and English side by side.
import { DEFAULT_FORM_PARAMS } from '../core/form';

export type CommandName = 'form' | 'check' | 'merge' | 'demo';

export const HELP: Record<'main' | CommandName, string> = {
  main: `ctxh-report — biểu mẫu và tổng hợp báo cáo Ngày Công tác xã hội Việt Nam
             (forms and consolidated reports for Vietnam Social Work Day)

Cách dùng / Usage:  ctxh-report <lệnh/command> [tùy chọn/options]
                    npm run cli -- <lệnh/command> [tùy chọn/options]

Lệnh / Commands:
  form    Tạo biểu mẫu trống (.xlsx) để gửi các đơn vị
          Write the blank reporting form (.xlsx) to send to units
  check   Kiểm tra các tệp đơn vị gửi về, không tổng hợp
          Validate returned files without merging
  merge   Tổng hợp các tệp đơn vị gửi về thành một bảng tổng hợp
          Merge returned files into one consolidated workbook
  demo    Tổng hợp các tệp mẫu kèm theo (samples/) thành tong-hop.xlsx
          Merge the bundled sample returns (samples/) into tong-hop.xlsx

Tùy chọn chung / Common options:
  --lang vi|en   Ngôn ngữ thông báo (mặc định vi) / message language (default vi)
  -h, --help     Hướng dẫn của lệnh / help for a command

Xem thêm / More:  ctxh-report <lệnh> --help`,
  form: `ctxh-report form --out <tệp.xlsx> [tùy chọn]
  Tạo biểu mẫu trống theo mẫu chuẩn. / Write the blank standard form.

  --out FILE        Tệp kết quả .xlsx (bắt buộc) / output .xlsx file (required)
  --year N          Năm báo cáo (mặc định ${DEFAULT_FORM_PARAMS.year}) / report year
  --province TEXT   Tỉnh/thành phố (mặc định "${DEFAULT_FORM_PARAMS.province}") / province or city
  --body TEXT       Cơ quan ban hành kế hoạch (mặc định "${DEFAULT_FORM_PARAMS.body}") / issuing body
  --plan TEXT       Số, ngày kế hoạch (mặc định "${DEFAULT_FORM_PARAMS.plan}") / plan reference
  --theme TEXT      Chủ đề năm (không bắt buộc) / the year's theme (optional)
  --deadline D/M/Y  Hạn gửi báo cáo (không bắt buộc) / report deadline (optional)
  --unit TEXT       Điền sẵn tên đơn vị (không bắt buộc) / pre-filled unit name (optional)
  --rows N          Số dòng trống (mặc định ${DEFAULT_FORM_PARAMS.rows}) / number of blank rows
  --force           Ghi đè nếu tệp đã có / overwrite an existing file
  Mặc định là biểu mẫu của Kế hoạch 45/KH-SLĐTBXH Hải Phòng 2023 (seed 001).
  The defaults reproduce the form of Hải Phòng plan 45/KH-SLĐTBXH, 2023.`,
  check: `ctxh-report check [--year N] [--lang vi|en] TỆP... / FILES...
  Kiểm tra từng tệp (.xlsx, .xls, .ods; có thể chỉ một thư mục) và in các lỗi, cảnh báo.
  Validate each file (or every spreadsheet in a folder) and print its problems.

  --year N   Năm của đợt báo cáo, để cảnh báo biểu ghi năm khác / campaign year
  --workers N  Số luồng đọc tệp (mặc định: số lõi CPU) / reading threads (default: CPU cores)
  Mã thoát / exit code: 0 không tệp nào có lỗi / no errors, 1 có tệp có lỗi / some file has errors,
                        2 dùng sai lệnh / usage error.`,
  merge: `ctxh-report merge --out <tong-hop.xlsx> [--roster FILE] [--json FILE] [--year N] TỆP... / FILES...
  Tổng hợp các tệp đơn vị gửi về (có thể chỉ một thư mục). / Merge returned files (or a folder).

  --out FILE     Bảng tổng hợp .xlsx (bắt buộc) / summary workbook (required)
  --roster FILE  Danh sách đơn vị phải báo cáo (.csv hoặc .xlsx, cột "Đơn vị", "Nhóm")
                 List of expected units (.csv or .xlsx with columns "Đơn vị", "Nhóm")
  --json FILE    Ghi thêm kết quả dạng JSON / also write the result as JSON
  --year N       Năm báo cáo (mặc định: năm ghi trên các biểu) / report year (default: from the forms)
  --province T   Tỉnh/thành phố cho tiêu đề / province for the title
  --body TEXT    Cơ quan tổng hợp, in ở góc trên bên trái / issuing body, printed top left
  --mixed        Cho phép cả bảng tổng hợp của tỉnh lẫn biểu của đơn vị / allow provincial
                 summaries and unit returns together (each return under its own province)
  --force        Ghi đè nếu tệp kết quả đã có / overwrite existing output files
  --workers N    Số luồng đọc tệp (mặc định: số lõi CPU) / reading threads (default: CPU cores)
  Mỗi tệp được đọc tối đa 30 giây và 2 GB bộ nhớ; tệp vượt quá bị loại, các tệp khác vẫn được tổng hợp.
  Each file gets at most 30 seconds and 2 GB to read; a file over either is rejected, the rest still merge.
  Bảng tổng hợp của các tỉnh (do lệnh này ghi) được tổng hợp toàn quốc: mỗi tỉnh một dòng
  theo danh sách 34 tỉnh, thành phố. / Provincial summaries written by this command merge
  into a national summary: one row per province of the 34.
  Mã thoát / exit code: 0 tổng hợp đủ mọi tệp / every file merged, 1 có tệp bị loại / some rejected
                        (vẫn ghi bảng tổng hợp / summary still written), 2 không tổng hợp được tệp nào
                        hoặc dùng sai lệnh / nothing merged or usage error.`,
  demo: `ctxh-report demo [--out tong-hop.xlsx]
  Tổng hợp các tệp mẫu trong samples/returns với danh sách samples/roster.csv.
  Merge the sample returns in samples/returns with the roster samples/roster.csv.`,
};
