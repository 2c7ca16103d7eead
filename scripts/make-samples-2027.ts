// The 2027 sample set: a campaign of the two-level country (Lạng Sơn, 25 March 2027, the 11th day), returns from
// departments, communes and wards (written every way clerks write them, one under its pre-reform name, two on
// forms pre-filled by `form --roster`), the Fatherland Front and a member organisation, social-assistance
// facilities, a district that no longer exists, and the messy cases of the 2025 set. Merged by `npm run demo`
// against the roster `ctxh-report roster --province "Lạng Sơn"` writes (samples/2027/danh-sach-don-vi.csv).
// Run: npx tsx scripts/make-samples-2027.ts [OUT_DIR]   (needs LibreOffice; OUT_DIR defaults to samples/2027)
import * as fs from 'fs';
import * as path from 'path';
import { createNationalIndex } from '../src/core/admin/national-index';
import { NATIONAL_LIST } from '../src/core/admin/national-list';
import { provinceRoster } from '../src/core/admin/province-roster';
import { COMMUNE_ERA_HEADINGS } from '../src/core/admin/roster-template';
import { FormParamsInput } from '../src/core/form';
import { Clerk, D, L, MakeSamplesOptions, SampleSet, SamplesExpected, expectedOf, makeReturns, readmeTable } from './sample-kit';

export const SAMPLES_2027_DIR = path.join(__dirname, '..', 'samples', '2027');
export const ROSTER_FILE = 'danh-sach-don-vi.csv';

const CAMPAIGN: FormParamsInput = {
  year: 2027,
  province: 'Lạng Sơn',
  body: 'Sở Y tế',
  plan: 'Kế hoạch số 15/KH-SYT ngày 02/3/2027',
  rows: 10,
};
const LAST_YEAR: FormParamsInput = {
  year: 2026,
  province: 'Lạng Sơn',
  body: 'Sở Y tế',
  plan: 'Kế hoạch số 18/KH-SYT ngày 04/3/2026',
  rows: 10,
};

const SET = new SampleSet(CAMPAIGN, LAST_YEAR, '2027-03-03T08:00:00');
const add = SET.add.bind(SET);

// Departments.
add(
  {
    file: 'So Y te - bao cao CTXH 2027.xlsx', unit: 'Sở Y tế', rosterUnit: 'Sở Y tế', group: 'I', submitted: '2027-03-27T09:15:00', status: 'accepted', issues: [],
    problem: { vi: 'Biểu mẫu sạch; có một dòng chỉ treo băng rôn — hợp lệ.', en: 'Clean; one banner-only row — allowed.' },
  },
  new Clerk().unit('Sở Y tế').fillFrom(D, [{ p: 95, b: 14_000_000, o: 4_000_000 }, { b: 2_000_000 }, { p: 160, b: 20_000_000, o: 6_500_000 }]),
);
add(
  {
    file: 'BC Ngay CTXH - So GD&DT.xls', unit: 'Sở Giáo dục và Đào tạo'.normalize('NFD'), rosterUnit: 'Sở Giáo dục và Đào tạo', group: 'I', submitted: '2027-03-30T16:40:00', status: 'accepted', issues: [],
    problem: { vi: 'Lưu dạng .xls; tên đơn vị gõ ở dạng Unicode tổ hợp (NFD).', en: 'Saved as .xls; unit name typed in decomposed Unicode (NFD).' },
  },
  new Clerk().unit('Sở Giáo dục và Đào tạo'.normalize('NFD')).fillFrom(D, [{ p: 240, b: 16_000_000, o: 0 }, { p: 70, b: 7_000_000, o: 1_500_000 }]),
);
add(
  {
    file: 'So VHTTDL.ods', unit: 'Sở Văn hóa, Thể thao và Du lịch', rosterUnit: 'Sở Văn hóa, Thể thao và Du lịch', group: 'I', submitted: '2027-03-31T10:05:00', status: 'accepted',
    issues: [
      { severity: 'warning', cell: `B${D}`, what: 'số gõ dạng chữ "1.050"' },
      { severity: 'warning', cell: `D${D}`, what: 'số gõ dạng chữ "9.000.000"' },
      { severity: 'warning', cell: `E${D}`, what: 'số gõ dạng chữ "1.500.000 đ"' },
    ],
    problem: { vi: 'Lưu dạng .ods; số gõ dạng chữ "1.050", "9.000.000", "1.500.000 đ" (cảnh báo, vẫn tổng hợp). Sở nhận phần báo chí của Sở Thông tin và Truyền thông cũ.', en: 'Saved as .ods; numbers typed as text (warnings, still merged). The department took over press from the former information department.' },
  },
  new Clerk().unit('Sở Văn hóa, Thể thao và Du lịch').fillFrom(D, [
    { p: { text: '1.050', value: 1050 }, b: { text: '9.000.000', value: 9_000_000 }, o: { text: '1.500.000 đ', value: 1_500_000 } },
    { p: 60, b: 3_000_000, o: 0 },
  ]),
);
{
  const c = new Clerk().unit('Sở Nội vụ').insert(L.total, 2, [11, 12]);
  const figures: [number, number, number][] = [
    [42, 2_000_000, 0], [30, 1_500_000, 500_000], [110, 6_000_000, 2_000_000], [28, 1_000_000, 0], [65, 3_500_000, 1_000_000],
    [20, 800_000, 0], [70, 4_000_000, 3_000_000], [33, 1_200_000, 0], [85, 5_000_000, 2_500_000], [24, 1_000_000, 0],
    [50, 2_500_000, 1_500_000], [16, 700_000, 0],
  ];
  c.fillFrom(D, figures.map(([p, b, o]) => ({ p, b, o })));
  add(
    {
      file: 'So Noi vu.xlsx', unit: 'Sở Nội vụ', rosterUnit: 'Sở Nội vụ', group: 'I', submitted: '2027-04-02T08:20:00', status: 'accepted', issues: [],
      problem: { vi: '12 hoạt động: dùng hết 10 dòng, chèn thêm 2 dòng ngay trên dòng "Tổng".', en: '12 activities: all 10 rows used, 2 rows inserted directly above "Tổng".' },
    },
    c,
  );
}

// Communes and wards.
{
  const c = new Clerk().unit('UBND xã Đoàn Kết, tỉnh Lạng Sơn').insertBlank(D + 1);
  c.fill(D, { p: 180, b: 6_000_000, o: 4_000_000 }).fill(D + 2, { p: 45, b: 1_500_000, o: 0 });
  c.ops.push({ op: 'renameSheet', sheet: 0, name: 'BC Doan Ket' });
  add(
    {
      file: 'UBND xa Doan Ket.xlsx', unit: 'UBND xã Đoàn Kết, tỉnh Lạng Sơn', rosterUnit: 'UBND xã Đoàn Kết', group: 'II', submitted: '2027-03-29T14:30:00', status: 'accepted', issues: [],
      problem: { vi: 'Tên kèm tỉnh "…, tỉnh Lạng Sơn"; trang tính đổi tên "BC Doan Ket"; chèn một dòng trống giữa hai hoạt động.', en: 'Name followed by ", tỉnh Lạng Sơn"; sheet renamed "BC Doan Ket"; an empty row inserted between two activities.' },
    },
    c,
  );
}
add(
  {
    file: 'Phuong Dong Kinh.xlsx', unit: 'UBND P. Đông Kinh', rosterUnit: 'UBND phường Đông Kinh', group: 'II', submitted: '2027-03-30T08:30:00', status: 'superseded', supersededBy: 'Phuong Dong Kinh (gui lai).xlsx', issues: [],
    problem: { vi: 'Viết tắt "UBND P."; bản gửi lần đầu — bị thay bằng bản gửi lại mới hơn.', en: 'Abbreviated "UBND P."; first submission — superseded by the newer resubmission.' },
  },
  new Clerk().unit('UBND P. Đông Kinh').fillFrom(D, [{ p: 150, b: 8_000_000, o: 5_000_000 }]),
);
add(
  {
    file: 'Phuong Dong Kinh (gui lai).xlsx', unit: 'UBND P. Đông Kinh', rosterUnit: 'UBND phường Đông Kinh', group: 'II', submitted: '2027-04-03T15:10:00', status: 'accepted', issues: [],
    problem: { vi: 'Bản gửi lại, bổ sung một hoạt động — bản mới nhất, được dùng.', en: 'Resubmission adding one activity — the newest, used.' },
  },
  new Clerk().unit('UBND P. Đông Kinh').fillFrom(D, [{ p: 150, b: 8_000_000, o: 5_000_000 }, { p: 80, b: 3_000_000, o: 2_000_000 }]),
);
add(
  {
    file: 'Xa That Khe.ods', unit: 'Xã Thất Khê', rosterUnit: 'UBND xã Thất Khê', group: 'II', submitted: '2027-04-01T09:00:00', status: 'rejected',
    issues: [{ severity: 'error', cell: `C${D}`, what: 'cột 3 gõ tay 9.000.000 ≠ 5.000.000 + 3.000.000' }],
    problem: { vi: 'Tên không có "UBND"; LỖI: cột 3 gõ đè bằng tay 9.000.000, khác cột 4 + cột 5 = 8.000.000.', en: 'No "UBND" in the name; ERROR: column 3 typed over as 9,000,000, not column 4 + column 5 = 8,000,000.' },
  },
  new Clerk().unit('Xã Thất Khê').fillFrom(D, [{ p: 90, b: 5_000_000, o: 3_000_000, c3: 9_000_000 }]),
);
add(
  {
    file: 'Xa Quy Hoa.xlsx', unit: 'UBND xa Quy Hoa', rosterUnit: 'UBND xã Quý Hoà', group: 'II', submitted: '2027-03-31T11:00:00', status: 'accepted', issues: [],
    problem: { vi: 'Tên gõ không dấu "UBND xa Quy Hoa" (danh mục viết "Quý Hoà").', en: 'Name typed without diacritics "UBND xa Quy Hoa" (the list writes "Quý Hoà").' },
  },
  new Clerk().unit('UBND xa Quy Hoa').fillFrom(D, [{ p: 60, b: 2_000_000, o: 1_000_000 }]),
);
add(
  {
    file: 'TT Na Sam.xlsx', unit: 'UBND thị trấn Na Sầm', rosterUnit: 'UBND xã Na Sầm', group: 'II', submitted: '2027-04-02T10:40:00', status: 'accepted',
    issues: [{ severity: 'warning', what: 'tên cũ: Thị trấn Na Sầm nay thuộc Xã Na Sầm', code: 'unit.formerCommune' }],
    problem: { vi: 'Ghi tên cũ "UBND thị trấn Na Sầm": thị trấn nay thuộc Xã Na Sầm — tính cho UBND xã Na Sầm, kèm cảnh báo.', en: 'Pre-reform name "UBND thị trấn Na Sầm": the town is now part of Xã Na Sầm — counted for it, with a warning.' },
  },
  new Clerk().unit('UBND thị trấn Na Sầm').fillFrom(D, [{ p: 110, b: 4_000_000, o: 2_500_000 }]),
);
add(
  {
    file: 'Xa Trang Dinh.xls', unit: 'UBND xã Tràng Định', rosterUnit: 'UBND xã Tràng Định', group: 'II', submitted: '2027-04-05T11:20:00', status: 'rejected',
    issues: [{ severity: 'error', cell: `B${D}`, what: 'số người "khoảng 200" không phải số nguyên' }],
    problem: { vi: 'LỖI: số người tham gia ghi "khoảng 200". Lưu dạng .xls.', en: 'ERROR: participants written "khoảng 200" (not a number). Saved as .xls.' },
  },
  new Clerk().unit('UBND xã Tràng Định').fillFrom(D, [{ p: { text: 'khoảng 200', value: null }, b: 6_000_000, o: 2_000_000 }]),
);
add(
  {
    file: 'bieu-mau-CTXH-2027-UBND-xa-Chi-Lang.xlsx', unit: 'UBND xã Chi Lăng', rosterUnit: 'UBND xã Chi Lăng', group: 'II', submitted: '2027-03-28T15:00:00', status: 'accepted', issues: [], prefilledFor: 'UBND xã Chi Lăng',
    problem: { vi: 'Biểu lập sẵn bằng `form --roster` (tên đơn vị khóa sẵn); đơn vị chỉ điền số liệu.', en: 'Form pre-filled by `form --roster` (the unit name locked); the unit only filled in figures.' },
  },
  new Clerk().fillFrom(D, [{ p: 130, b: 5_000_000, o: 3_000_000 }, { p: 40, b: 1_000_000, o: 0 }]),
);
add(
  {
    file: 'bieu-mau-CTXH-2027-UBND-xa-Van-Linh.xlsx', unit: 'UBND xã Hữu Lũng', rosterUnit: 'UBND xã Hữu Lũng', group: 'II', submitted: '2027-04-04T09:30:00', status: 'accepted', prefilledFor: 'UBND xã Vạn Linh',
    issues: [{ severity: 'warning', cell: 'A3', what: 'biểu lập sẵn cho UBND xã Vạn Linh, tên bị sửa thành UBND xã Hữu Lũng', code: 'unit.issuedChanged' }],
    problem: {
      vi: 'Văn thư xã Hữu Lũng dùng lại biểu lập sẵn của xã Vạn Linh: bỏ khóa trang tính và sửa tên đơn vị — tính cho xã Hữu Lũng, kèm cảnh báo tên đã bị sửa.',
      en: 'The Hữu Lũng clerk reused the form pre-filled for Vạn Linh: unprotected the sheet and retyped the name — counted for Hữu Lũng, with a warning that the name was changed.',
    },
  },
  new Clerk().fillFrom(D, [{ p: 75, b: 2_500_000, o: 1_500_000 }]),
  [{ op: 'unprotect', sheet: 0 }, { op: 'setText', sheet: 0, cell: 'A2', value: 'UBND xã Hữu Lũng' }],
);

// The Fatherland Front and an organisation under it.
{
  const c = new Clerk(1).unit('Hội Liên hiệp Phụ nữ tỉnh').fillFrom(D, [{ p: 200, b: 6_000_000, o: 11_000_000 }, { p: 40, b: 0, o: 5_000_000 }]);
  add(
    {
      file: 'HLHPN tinh.xlsx', unit: 'Hội Liên hiệp Phụ nữ tỉnh', rosterUnit: 'Hội Liên hiệp Phụ nữ tỉnh', group: 'III', submitted: '2027-03-29T17:45:00', status: 'accepted', issues: [],
      problem: { vi: 'Biểu nằm ở trang tính thứ hai (trước nó có trang "Ghi chú").', en: 'The form is on the second sheet (a "Ghi chú" notes sheet comes first).' },
    },
    c,
  );
  SET.samples[SET.samples.length - 1].ops.unshift(
    { op: 'insertSheet', name: 'Ghi chú', position: 0 },
    { op: 'setText', sheet: 0, cell: 'A1', value: 'Ảnh hoạt động gửi qua thư điện tử ngày 29/3.' },
  );
}
{
  const sheet = 'Báo cáo MTTQ';
  const c = new Clerk(sheet).unit('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lạng Sơn').insert(D + 1, 1, [2]);
  c.fillFrom(D, [{ p: 260, b: 15_000_000, o: 18_000_000 }, { p: 55, b: 2_000_000, o: 1_000_000 }, { p: 35, b: 0, o: 2_500_000 }]);
  c.ops.unshift({ op: 'copySheet', sheet: 0, name: sheet, position: 1 }, { op: 'removeSheet', sheet: 0 });
  add(
    {
      file: 'MTTQ tinh.xlsx', unit: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lạng Sơn', rosterUnit: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', group: 'III', submitted: '2027-03-31T15:00:00', status: 'accepted', issues: [],
      problem: { vi: 'Biểu sao sang trang tính mới "Báo cáo MTTQ", trang gốc bị xóa (các tên CTXH_* thành #REF!); chèn một dòng giữa bảng.', en: 'Form copied to a new sheet "Báo cáo MTTQ", the original deleted (the CTXH_* names become #REF!); a row inserted mid-table.' },
    },
    c,
  );
}

// Social-assistance facilities.
add(
  {
    file: 'TT BTXH tinh.xlsx', unit: 'Trung tâm Bảo trợ xã hội tỉnh', rosterUnit: 'Trung tâm Bảo trợ xã hội tỉnh', group: 'IV', submitted: '2027-03-26T10:00:00', status: 'accepted', issues: [],
    problem: { vi: 'Sạch; có dòng chỉ treo băng rôn; phần lớn kinh phí là vận động.', en: 'Clean; a banner-only row; most funding mobilised.' },
  },
  new Clerk().unit('Trung tâm Bảo trợ xã hội tỉnh').fillFrom(D, [{ p: 100, b: 6_000_000, o: 15_000_000 }, { b: 1_800_000 }, { p: 35, b: 2_000_000, o: 5_500_000 }]),
);
add(
  {
    file: 'BV Da khoa tinh.xls', unit: 'Bệnh viện Đa khoa tỉnh', rosterUnit: 'Bệnh viện Đa khoa tỉnh', group: 'IV', submitted: '2027-04-02T13:25:00', status: 'accepted', issues: [],
    problem: { vi: 'Lưu dạng .xls; ô kinh phí cột 4 là công thức do người điền gõ (=14*250000).', en: 'Saved as .xls; a column-4 amount is a formula the clerk typed (=14*250000).' },
  },
  new Clerk().unit('Bệnh viện Đa khoa tỉnh').fillFrom(D, [{ p: 150, bFormula: { formula: '=14*250000', value: 3_500_000 }, o: 2_000_000 }, { p: 55, b: 4_000_000, o: 0 }]),
);
add(
  {
    file: 'Quy BTTE.ods', unit: 'Quỹ Bảo trợ trẻ em tỉnh', rosterUnit: 'Quỹ Bảo trợ trẻ em tỉnh', group: 'IV', submitted: '2027-04-04T09:40:00', status: 'accepted', lastYearForm: true,
    issues: [{ severity: 'warning', what: 'biểu năm 2026, khác năm tổng hợp 2027', code: 'year.differs' }],
    problem: { vi: 'Dùng lại biểu mẫu năm 2026 (cảnh báo năm khác năm tổng hợp). Lưu dạng .ods.', en: "Reused last year's (2026) form (warning: year differs from the campaign). Saved as .ods." },
  },
  new Clerk().unit('Quỹ Bảo trợ trẻ em tỉnh').fillFrom(D, [{ p: 60, b: 0, o: 28_000_000 }, { p: 110, b: 5_000_000, o: 32_000_000 }]),
);
add(
  {
    file: 'TT CTXH tinh.xlsx', unit: '=Trung tâm Công tác xã hội tỉnh', rosterUnit: 'Trung tâm Công tác xã hội tỉnh', group: 'IV', submitted: '2027-04-01T10:10:00', status: 'accepted',
    issues: [{ severity: 'warning', cell: 'A2', what: 'tên đơn vị bắt đầu bằng "="' }],
    problem: { vi: 'Tên đơn vị gõ là "=Trung tâm Công tác xã hội tỉnh": hiện nguyên văn, vẫn khớp danh sách, kèm cảnh báo.', en: 'Unit name typed as "=Trung tâm Công tác xã hội tỉnh": shown verbatim, still matched, with a warning.' },
  },
  new Clerk().unit('=Trung tâm Công tác xã hội tỉnh').fillFrom(D, [{ p: 75, b: 8_000_000, o: 6_000_000 }, { p: 30, b: 0, o: 2_000_000 }]),
);

// A district that no longer exists.
add(
  {
    file: 'UBND huyen Binh Gia.xlsx', unit: 'UBND huyện Bình Gia', rosterUnit: null, group: 'V', submitted: '2027-03-30T14:00:00', status: 'accepted',
    issues: [{ severity: 'warning', what: 'cấp huyện đã bỏ từ 1/7/2025', code: 'unit.districtAbolished' }],
    problem: { vi: 'Đơn vị cấp huyện đã không còn từ 1/7/2025: vẫn tổng hợp vào "V. Đơn vị khác", số liệu giữ nguyên, kèm cảnh báo.', en: 'The district level was abolished on 1/7/2025: still merged, under "V. Other units", figures intact, with a warning.' },
  },
  new Clerk().unit('UBND huyện Bình Gia').fillFrom(D, [{ p: 210, b: 9_000_000, o: 6_000_000 }]),
);

const index = createNationalIndex(NATIONAL_LIST);
const langSon = index.province('20')!;

/** The roster the set is merged against: what `roster --province "Lạng Sơn"` writes as CSV. */
export function roster2027(): string {
  return provinceRoster(index, langSon, 2027, COMMUNE_ERA_HEADINGS).csv;
}
const ROSTER = provinceRoster(index, langSon, 2027, COMMUNE_ERA_HEADINGS).rows.map((r) => [r.unit, r.group] as const);
const expected = () => expectedOf(SET, ROSTER);

function readme(): string {
  const e = expected();
  const count = (g: string) => ROSTER.filter(([, x]) => x === g).length;
  return [
    '# Tệp mẫu năm 2027 / Sample returns, 2027',
    '',
    'Do `scripts/make-samples-2027.ts` tạo (đừng sửa tay; chạy lại: `npx tsx scripts/make-samples-2027.ts`, cần LibreOffice). Đợt báo cáo Ngày Công tác xã hội Việt Nam lần thứ 11 (25/3/2027) của tỉnh Lạng Sơn sau sắp xếp đơn vị hành chính: không còn cấp huyện, nhóm II là UBND các xã, phường. `npm run demo` tổng hợp các tệp này với danh sách do `ctxh-report roster --province "Lạng Sơn"` tạo.',
    '',
    'Made by `scripts/make-samples-2027.ts` (do not edit by hand; rerun it, LibreOffice needed). The 11th Social Work Day (25 March 2027) in Lạng Sơn after the 2025 reform: no districts, group II is the communes and wards. `npm run demo` merges these files against the roster `ctxh-report roster --province "Lạng Sơn"` writes.',
    '',
    '- `returns/` — các tệp đơn vị gửi về / the returned files.',
    `- \`${ROSTER_FILE}\` — danh sách đơn vị do lệnh \`roster\` tạo / the roster the \`roster\` command writes: ${ROSTER.length} units — ${count('II')} communes and wards of Lạng Sơn (group II), and suggested rows: ${count('I')} departments, ${count('III')} Fatherland Front organisations, ${count('IV')} facilities.`,
    '- `expected.json` — kết quả tổng hợp đúng, tính từ số đã điền / what a correct merge finds, computed from the typed figures.',
    '',
    'Bộ mẫu năm 2025 (`samples/returns`, `samples/roster.csv`) giữ cách chia nhóm cũ (UBND các huyện, thành phố) để kiểm thử các năm trước.',
    'The 2025 set (`samples/returns`, `samples/roster.csv`) keeps the historic grouping (district People’s Committees) as a test of earlier years.',
    '',
    ...readmeTable(SET),
    '',
    `Tổng các tệp được tổng hợp / totals of the merged files: ${e.totals.participants} người / participants; kinh phí / funding ${e.totals.totalFunding.toLocaleString('vi-VN')} đồng ` +
      `(ngân sách / budget ${e.totals.budget.toLocaleString('vi-VN')}, vận động / mobilised ${e.totals.otherFunding.toLocaleString('vi-VN')}).`,
    '',
  ].join('\n');
}

/** Makes the 2027 set in `outDir` (returns/, the roster, expected.json, README.md); returns what expected.json holds. */
export async function makeSamples2027(outDir: string, opts: MakeSamplesOptions = {}): Promise<SamplesExpected> {
  fs.mkdirSync(outDir, { recursive: true });
  await makeReturns(SET, outDir, opts);
  const want = expected();
  fs.writeFileSync(path.join(outDir, ROSTER_FILE), roster2027());
  fs.writeFileSync(path.join(outDir, 'expected.json'), JSON.stringify(want, null, 2) + '\n');
  fs.writeFileSync(path.join(outDir, 'README.md'), readme());
  if (opts.log) console.log(`→ ${path.join(outDir, 'returns')}, ${path.join(outDir, ROSTER_FILE)}, ${path.join(outDir, 'expected.json')}`);
  return want;
}

if (require.main === module) {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : SAMPLES_2027_DIR;
  makeSamples2027(outDir, { log: true }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
