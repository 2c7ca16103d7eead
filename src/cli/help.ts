// The CLI's help texts, in Vietnamese and English side by side.
import { HAI_PHONG_2023_FORM, defaultFormParams } from '../core/form';

const D = defaultFormParams(new Date());

export type CommandName = 'form' | 'check' | 'merge' | 'roster' | 'demo';

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
  roster  Tạo danh sách đơn vị phải báo cáo của một tỉnh (các xã, phường, đặc khu và gợi ý)
          Write a province's roster of reporting units (its communes, and suggestions)
  demo    Tổng hợp các tệp mẫu năm 2027 kèm theo (samples/2027) thành tong-hop.xlsx
          Merge the bundled 2027 sample returns (samples/2027) into tong-hop.xlsx

Tùy chọn chung / Common options:
  --lang vi|en   Ngôn ngữ thông báo và bảng tổng hợp (mặc định vi)
                 language of the messages and the summary workbook (default vi)
  -h, --help     Hướng dẫn của lệnh / help for a command

Xem thêm / More:  ctxh-report <lệnh> --help`,
  form: `ctxh-report form --out <tệp.xlsx> [tùy chọn]
       ctxh-report form --roster <danh-sach.xlsx|.csv> --out-dir <thư-mục> [tùy chọn]
  Tạo biểu mẫu trống theo mẫu chuẩn; với --roster, mỗi đơn vị một biểu đã ghi sẵn tên (khóa).
  Write the blank standard form; with --roster, one form per unit with its name filled in and locked.

  --out FILE        Tệp kết quả .xlsx / output .xlsx file
  --roster FILE     Danh sách đơn vị (như lệnh roster ghi) / roster of units (as \`roster\` writes it)
  --out-dir DIR     Thư mục ghi các biểu, tên tệp theo đơn vị (bieu-mau-CTXH-<năm>-<đơn-vị>.xlsx)
                    folder for the forms, named after each unit
  --year N          Năm báo cáo (mặc định: đợt báo cáo hiện tại, ${D.year}; từ 1/7 là năm sau)
                    report year (default: the current reporting season; from 1 July, next year)
  --province TEXT   Tỉnh/thành phố (mặc định để trống "${D.province}") / province or city (default: dots)
  --body TEXT       Cơ quan ban hành kế hoạch (mặc định "${D.body}") / issuing body
  --plan TEXT       Số, ngày kế hoạch (mặc định "${D.plan}") / plan reference
  --theme TEXT      Chủ đề năm (không bắt buộc) / the year's theme (optional)
  --deadline D/M/Y  Hạn gửi báo cáo (không bắt buộc) / report deadline (optional)
  --unit TEXT       Điền sẵn tên đơn vị (không bắt buộc) / pre-filled unit name (optional)
  --rows N          Số dòng trống (mặc định ${D.rows}) / number of blank rows
  --activities      Thêm phần "Hình thức tổ chức (đánh dấu x)" dưới bảng (mặc định có)
                    Add the "how the unit organised it" block below the table (the default)
  --no-activities   Biểu không có phần hình thức tổ chức / leave the block out
  --force           Ghi đè nếu tệp đã có / overwrite existing files
  Biểu của Kế hoạch 45/KH-SLĐTBXH Hải Phòng 2023 / the form of Hải Phòng plan 45/KH-SLĐTBXH, 2023:
    --year ${HAI_PHONG_2023_FORM.year} --province "${HAI_PHONG_2023_FORM.province}" --body "${HAI_PHONG_2023_FORM.body}" --plan "${HAI_PHONG_2023_FORM.plan}"`,
  check: `ctxh-report check [--year N] [--lang vi|en] TỆP... / FILES...
  Kiểm tra từng tệp (.xlsx, .xls, .ods; có thể chỉ một thư mục) và in các lỗi, cảnh báo.
  Validate each file (or every spreadsheet in a folder) and print its problems.

  --year N   Năm của đợt báo cáo, để cảnh báo biểu ghi năm khác / campaign year
  --workers N  Số luồng đọc tệp (mặc định: số lõi CPU) / reading threads (default: CPU cores)
  Mã thoát / exit code: 0 không tệp nào có lỗi / no errors, 1 có tệp có lỗi / some file has errors,
                        2 dùng sai lệnh / usage error.`,
  merge: `ctxh-report merge --out <tong-hop.xlsx> [--roster FILE] [--json FILE] [--year N] [--deadline D/M/Y] [--report bao-cao.docx] TỆP... / FILES...
  Tổng hợp các tệp đơn vị gửi về (có thể chỉ một thư mục). / Merge returned files (or a folder).

  --out FILE     Bảng tổng hợp .xlsx (bắt buộc) / summary workbook (required)
  --roster FILE  Danh sách đơn vị phải báo cáo (.csv hoặc .xlsx, cột "Đơn vị", "Nhóm")
                 List of expected units (.csv or .xlsx with columns "Đơn vị", "Nhóm")
  --json FILE    Ghi thêm kết quả dạng JSON / also write the result as JSON
  --year N       Năm báo cáo (mặc định: năm ghi trên các biểu) / report year (default: from the forms)
  --province T   Tỉnh/thành phố (tiêu đề; từ 2026: nơi tra tên xã cũ) / province (title; from 2026:
                 where pre-reform commune names are looked up; default: from the roster)
  --deadline D/M/Y  Hạn gửi báo cáo: đơn vị nào đúng hạn, muộn mấy ngày (theo ngày ký ở cuối biểu,
                 không có thì ngày lưu tệp) / deadline: who is on time, who late by how many days
                 (by the date signed at the foot of the form, else the file's saved date)
  --report FILE  Ghi thêm dự thảo báo cáo kết quả (.docx; từ bảng tổng hợp của các tỉnh: báo cáo toàn quốc)
                 Also write the results report draft (.docx; from provincial summaries: the national one)
  --body TEXT    Cơ quan viết báo cáo (ví dụ "Sở Y tế"; toàn quốc mặc định "Bộ Y tế") / the body writing
                 the report (national default "Bộ Y tế")
  --plan TEXT    Kế hoạch được thực hiện, sau chữ "Thực hiện" / the plan carried out, after "Thực hiện"
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
  roster: `ctxh-report roster --province <tỉnh> --out <danh-sach-don-vi.xlsx|.csv> [--year N] [--force]
  Ghi danh sách đơn vị phải báo cáo của một tỉnh, thành phố: các xã, phường, đặc khu theo danh mục
  đơn vị hành chính (nhóm II), và các dòng gợi ý (sở, ngành; Mặt trận và các tổ chức; cơ sở trợ giúp
  xã hội) ghi “Gợi ý” ở cột Ghi chú — xóa dòng không áp dụng. Đọc lại được bằng --roster.
  Write a province's roster: its communes from the national list (group II) and suggested rows
  (departments, the Fatherland Front and its organisations, facilities) marked in the notes column.

  --province T   Tên tỉnh, thành phố (viết thế nào cũng được: "Lạng Sơn", "TP Hải Phòng", "lang son")
                 the province or city, written any way
  --out FILE     .xlsx hoặc .csv (theo đuôi tệp) / .xlsx or .csv, by the extension
  --year N       Năm ghi ở tiêu đề (mặc định: đợt báo cáo hiện tại) / year in the title
  Mã thoát / exit code: 0 đã ghi / written, 2 tỉnh không có hoặc đã sáp nhập (thông báo nói tỉnh mới),
                        dùng sai lệnh / unknown or merged province (the message names today's), usage error.`,
  demo: `ctxh-report demo [--out tong-hop.xlsx]
  Tổng hợp các tệp mẫu năm 2027 (samples/2027/returns) với danh sách do lệnh roster tạo cho Lạng Sơn.
  Merge the 2027 sample returns (samples/2027/returns) with the roster \`roster\` writes for Lạng Sơn.`,
};
