// Makes the sample returns in samples/returns/ the way units make them: the real
// standard form (buildFormPlan + writeWorkbook) filled in LibreOffice by "clerks",
// with the mess real returns have. Also writes samples/roster.csv and
// samples/expected.json (what a correct merge must find, computed from what was typed).
// Run: npx tsx scripts/make-samples.ts [OUT_DIR]   (needs LibreOffice + python3-uno; OUT_DIR defaults to samples/)
// Tests call makeSamples(tmpDir) to make the same files afresh and check the merge against them.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync, zipSync, Zippable } from 'fflate';
import { buildFormPlan, derivedTotal, formLayout, parseFormParams, FormParamsInput } from '../src/core/form';
import { cellAddress } from '../src/core/a1';
import { writeWorkbook } from '../src/workbook/write-xlsx';
import { Job, Op, SheetRef, runLibreOfficeJobs } from '../test/helpers/soffice';

const ROOT = path.join(__dirname, '..');
/** Where `npx tsx scripts/make-samples.ts` writes when no directory is given: the committed samples. */
export const SAMPLES_DIR = path.join(ROOT, 'samples');

const CAMPAIGN: FormParamsInput = {
  year: 2025,
  province: 'Lạng Sơn',
  body: 'Sở Y tế',
  plan: 'Kế hoạch số 12/KH-SYT ngày 05/3/2025',
  theme: 'Công tác xã hội Việt Nam - Đổi mới, kết nối và chuyên nghiệp',
  rows: 10,
};
/** Last year's form, which one unit reused. */
const LAST_YEAR: FormParamsInput = {
  year: 2024,
  province: 'Lạng Sơn',
  body: 'Sở Lao động - Thương binh và Xã hội',
  plan: 'Kế hoạch số 20/KH-SLĐTBXH ngày 06/3/2024',
  theme: 'Công tác xã hội Việt Nam - Lan tỏa yêu thương, kết nối cộng đồng',
  rows: 10,
};

const L = formLayout(10);

/** A typed cell: a number, or text as the clerk typed it and the number it means (null: not a number). */
type Typed = number | { text: string; value: number | null };
interface Row {
  p?: Typed; // column 2
  b?: Typed; // column 4
  o?: Typed; // column 5
  /** Column 3 typed by hand over the formula. */
  c3?: number;
  /** Column 4 as a formula, with the value it gives. */
  bFormula?: { formula: string; value: number };
}

type Status = 'accepted' | 'rejected' | 'superseded';
interface Issue {
  severity: 'error' | 'warning';
  cell?: string;
  what: string;
}

interface Sample {
  file: string;
  unit: string;
  /** The roster entry it should match, null when it should not match one. */
  rosterUnit: string | null;
  group: 'I' | 'II' | 'III' | 'IV' | null;
  submitted: string;
  status: Status;
  problem: { vi: string; en: string };
  issues: Issue[];
  lastYearForm?: boolean;
  supersededBy?: string;
  /** Final data rows (row number → what was typed); ops builds the file. */
  rows: Map<number, Row>;
  ops: Op[];
}

const num = (t: Typed | undefined): number => (t === undefined ? 0 : typeof t === 'number' ? t : t.value ?? Number.NaN);

/** The clerk: collects the ops for one return, keeping track of where "Tổng" has moved. */
class Clerk {
  ops: Op[] = [];
  rows = new Map<number, Row>();
  total = L.total;
  constructor(public sheet: SheetRef = 0) {}

  unit(name: string): this {
    this.ops.push({ op: 'setText', sheet: this.sheet, cell: cellAddress(L.unitCell, 1), value: name });
    return this;
  }

  /** Insert rows before `before`, number them and copy the column-3 formula down, as a careful clerk does. */
  insert(before: number, count: number, tt?: number[]): this {
    this.ops.push({ op: 'insertRows', sheet: this.sheet, before, count });
    if (before <= this.total) this.total += count;
    for (let i = 0; i < count; i++) {
      const r = before + i;
      if (tt?.[i] !== undefined) this.ops.push({ op: 'setNumber', sheet: this.sheet, cell: cellAddress(r, 1), value: tt[i] });
      this.ops.push({ op: 'setFormula', sheet: this.sheet, cell: cellAddress(r, 3), formula: derivedTotal(r) });
    }
    return this;
  }

  /** Insert an empty row and leave it as it is. */
  insertBlank(before: number): this {
    this.ops.push({ op: 'insertRows', sheet: this.sheet, before, count: 1 });
    if (before <= this.total) this.total += 1;
    return this;
  }

  fill(r: number, row: Row): this {
    this.rows.set(r, row);
    const put = (c: number, t: Typed | undefined) => {
      if (t === undefined) return;
      const cell = cellAddress(r, c);
      this.ops.push(typeof t === 'number' ? { op: 'setNumber', sheet: this.sheet, cell, value: t } : { op: 'setText', sheet: this.sheet, cell, value: t.text });
    };
    put(2, row.p);
    if (row.bFormula) this.ops.push({ op: 'setFormula', sheet: this.sheet, cell: cellAddress(r, 4), formula: row.bFormula.formula });
    else put(4, row.b);
    put(5, row.o);
    if (row.c3 !== undefined) this.ops.push({ op: 'setNumber', sheet: this.sheet, cell: cellAddress(r, 3), value: row.c3 });
    return this;
  }

  /** Rows from the first data row on. */
  fillFrom(first: number, rows: Row[]): this {
    rows.forEach((row, i) => this.fill(first + i, row));
    return this;
  }
}

const D = L.firstData;
const samples: Sample[] = [];
function add(s: Omit<Sample, 'rows' | 'ops'>, clerk: Clerk, extraOps: Op[] = []): void {
  samples.push({ ...s, rows: clerk.rows, ops: [...clerk.ops, ...extraOps] });
}

// 1. Clean, with a banner-only row (funding, no participants: allowed).
add(
  {
    file: 'So Y te - bao cao CTXH 2025.xlsx', unit: 'Sở Y tế', rosterUnit: 'Sở Y tế', group: 'I', submitted: '2025-03-28T09:15:00', status: 'accepted', issues: [],
    problem: { vi: 'Biểu mẫu sạch; có một dòng chỉ treo băng rôn (có kinh phí, không có người tham gia) — hợp lệ.', en: 'Clean; one banner-only row (funding, no participants) — allowed.' },
  },
  new Clerk().unit('Sở Y tế').fillFrom(D, [
    { p: 85, b: 12_000_000, o: 3_000_000 },
    { b: 2_500_000 },
    { p: 150, b: 18_000_000, o: 7_500_000 },
  ]),
);

// 2. .xls, unit name in decomposed Unicode (NFD), as some Mac/old Windows keyboards type it.
add(
  {
    file: 'BC Ngay CTXH - So GD&DT.xls', unit: 'Sở Giáo dục và Đào tạo'.normalize('NFD'), rosterUnit: 'Sở Giáo dục và Đào tạo', group: 'I', submitted: '2025-03-31T16:40:00', status: 'accepted', issues: [],
    problem: { vi: 'Lưu dạng .xls (Excel 97–2003); tên đơn vị gõ ở dạng Unicode tổ hợp (NFD).', en: 'Saved as .xls (Excel 97–2003); unit name typed in decomposed Unicode (NFD).' },
  },
  new Clerk().unit('Sở Giáo dục và Đào tạo'.normalize('NFD')).fillFrom(D, [
    { p: 220, b: 15_000_000, o: 0 },
    { p: 64, b: 6_500_000, o: 1_000_000 },
  ]),
);

// 3. .ods, numbers typed as text the Vietnamese way.
add(
  {
    file: 'So TTTT.ods', unit: 'Sở Thông tin và Truyền thông', rosterUnit: 'Sở Thông tin và Truyền thông', group: 'I', submitted: '2025-04-01T10:05:00', status: 'accepted',
    issues: [
      { severity: 'warning', cell: `B${D}`, what: 'số gõ dạng chữ "1.200"' },
      { severity: 'warning', cell: `D${D}`, what: 'số gõ dạng chữ "8.500.000"' },
      { severity: 'warning', cell: `E${D}`, what: 'số gõ dạng chữ "2.000.000 đ"' },
      { severity: 'warning', cell: `E${D + 1}`, what: 'số gõ dạng chữ "500.000 đồng"' },
    ],
    problem: { vi: 'Lưu dạng .ods; số gõ dạng chữ: "1.200", "8.500.000", "2.000.000 đ", "500.000 đồng" (cảnh báo, vẫn tổng hợp).', en: 'Saved as .ods; numbers typed as text: "1.200", "8.500.000", "2.000.000 đ", "500.000 đồng" (warnings, still merged).' },
  },
  new Clerk().unit('Sở Thông tin và Truyền thông').fillFrom(D, [
    { p: { text: '1.200', value: 1200 }, b: { text: '8.500.000', value: 8_500_000 }, o: { text: '2.000.000 đ', value: 2_000_000 } },
    { p: 45, b: 5_000_000, o: { text: '500.000 đồng', value: 500_000 } },
  ]),
);

// 4. All ten rows used, two more inserted directly above "Tổng".
{
  const c = new Clerk().unit('Sở Nội vụ').insert(L.total, 2, [11, 12]);
  const figures: [number, number, number][] = [
    [40, 2_000_000, 0], [35, 1_500_000, 500_000], [120, 6_000_000, 2_000_000], [25, 1_000_000, 0], [60, 3_500_000, 1_000_000],
    [18, 800_000, 0], [75, 4_000_000, 3_000_000], [30, 1_200_000, 0], [90, 5_000_000, 2_500_000], [22, 1_000_000, 0],
    [48, 2_500_000, 1_500_000], [15, 700_000, 0],
  ];
  c.fillFrom(D, figures.map(([p, b, o]) => ({ p, b, o })));
  add(
    {
      file: 'So Noi vu.xlsx', unit: 'Sở Nội vụ', rosterUnit: 'Sở Nội vụ', group: 'I', submitted: '2025-04-03T08:20:00', status: 'accepted', issues: [],
      problem: { vi: '12 hoạt động: dùng hết 10 dòng, chèn thêm 2 dòng ngay trên dòng "Tổng".', en: '12 activities: all 10 rows used, 2 rows inserted directly above "Tổng".' },
    },
    c,
  );
}

// 5. Prefix "UBND H.", renamed sheet, an extra empty row inserted between activities.
{
  const c = new Clerk().unit('UBND H. Bình Gia').insertBlank(D + 1);
  c.fill(D, { p: 300, b: 20_000_000, o: 12_000_000 }).fill(D + 2, { p: 75, b: 5_000_000, o: 0 });
  c.ops.push({ op: 'renameSheet', sheet: 0, name: 'BC Binh Gia' });
  add(
    {
      file: 'UBND H. Binh Gia.xlsx', unit: 'UBND H. Bình Gia', rosterUnit: 'UBND huyện Bình Gia', group: 'II', submitted: '2025-04-02T14:30:00', status: 'accepted', issues: [],
      problem: { vi: 'Tên viết tắt "UBND H. Bình Gia"; trang tính bị đổi tên thành "BC Binh Gia"; chèn thêm một dòng trống giữa hai hoạt động.', en: 'Abbreviated name "UBND H. Bình Gia"; sheet renamed "BC Binh Gia"; an extra empty row inserted between two activities.' },
    },
    c,
  );
}

// 6. The same unit twice: the first return, then a corrected one three days later.
add(
  {
    file: 'Huyen Chi Lang.xlsx', unit: 'Huyện Chi Lăng', rosterUnit: 'UBND huyện Chi Lăng', group: 'II', submitted: '2025-04-02T08:30:00', status: 'superseded', supersededBy: 'Huyen Chi Lang (gui lai).xlsx', issues: [],
    problem: { vi: 'Bản gửi lần đầu (02/4/2025) — bị thay bằng bản gửi lại mới hơn.', en: 'First submission (2 Apr 2025) — superseded by the newer resubmission.' },
  },
  new Clerk().unit('Huyện Chi Lăng').fillFrom(D, [{ p: 120, b: 10_000_000, o: 5_000_000 }]),
);
add(
  {
    file: 'Huyen Chi Lang (gui lai).xlsx', unit: 'Huyện Chi Lăng', rosterUnit: 'UBND huyện Chi Lăng', group: 'II', submitted: '2025-04-05T15:10:00', status: 'accepted', issues: [],
    problem: { vi: 'Bản gửi lại (05/4/2025), bổ sung một hoạt động — bản mới nhất, được dùng.', en: 'Resubmission (5 Apr 2025) adding one activity — the newest, used.' },
  },
  new Clerk().unit('Huyện Chi Lăng').fillFrom(D, [
    { p: 120, b: 10_000_000, o: 5_000_000 },
    { p: 60, b: 4_000_000, o: 2_000_000 },
  ]),
);

// 7. Column 3 typed by hand over the formula, and wrong.
add(
  {
    file: 'Bac Son.ods', unit: 'UBND huyện Bắc Sơn', rosterUnit: 'UBND huyện Bắc Sơn', group: 'II', submitted: '2025-04-04T09:00:00', status: 'rejected',
    issues: [{ severity: 'error', cell: `C${D}`, what: 'cột 3 gõ tay 13.000.000 ≠ 8.000.000 + 4.000.000' }],
    problem: { vi: 'LỖI: cột 3 bị gõ đè bằng tay 13.000.000, khác cột 4 + cột 5 = 12.000.000.', en: 'ERROR: column 3 typed over by hand as 13,000,000, not column 4 + column 5 = 12,000,000.' },
  },
  new Clerk().unit('UBND huyện Bắc Sơn').fillFrom(D, [
    { p: 90, b: 8_000_000, o: 4_000_000, c3: 13_000_000 },
    { p: 30, b: 2_000_000, o: 0 },
  ]),
);

// 8. Participants "khoảng 200": not a number.
add(
  {
    file: 'TrangDinh_CTXH.xls', unit: 'UBND huyện Tràng Định', rosterUnit: 'UBND huyện Tràng Định', group: 'II', submitted: '2025-04-07T11:20:00', status: 'rejected',
    issues: [{ severity: 'error', cell: `B${D}`, what: 'số người "khoảng 200" không phải số nguyên' }],
    problem: { vi: 'LỖI: số người tham gia ghi "khoảng 200" (không phải số). Lưu dạng .xls.', en: 'ERROR: participants written "khoảng 200" ("about 200", not a number). Saved as .xls.' },
  },
  new Clerk().unit('UBND huyện Tràng Định').fillFrom(D, [
    { p: { text: 'khoảng 200', value: null }, b: 9_000_000, o: 3_000_000 },
    { p: 40, b: 3_500_000, o: 0 },
  ]),
);

// 9. The form on the second sheet: a guide sheet was added in front.
{
  const c = new Clerk(1).unit('Hội Liên hiệp Phụ nữ tỉnh').fillFrom(D, [
    { p: 180, b: 7_000_000, o: 10_000_000 },
    { p: 35, b: 0, o: 4_500_000 },
  ]);
  add(
    {
      file: 'HLHPN tinh.xlsx', unit: 'Hội Liên hiệp Phụ nữ tỉnh', rosterUnit: 'Hội Liên hiệp Phụ nữ tỉnh', group: 'III', submitted: '2025-03-30T17:45:00', status: 'accepted', issues: [],
      problem: { vi: 'Biểu nằm ở trang tính thứ hai (trước nó có trang "Ghi chú").', en: 'The form is on the second sheet (a "Ghi chú" notes sheet comes first).' },
    },
    c,
  );
  samples[samples.length - 1].ops.unshift(
    { op: 'insertSheet', name: 'Ghi chú', position: 0 },
    { op: 'setText', sheet: 0, cell: 'A1', value: 'Số liệu kèm ảnh hoạt động đã gửi qua thư điện tử ngày 30/3.' },
  );
}

// 10. The form copied to a new sheet and the original deleted: the defined names no longer point at it.
{
  const sheet = 'Báo cáo MTTQ';
  const c = new Clerk(sheet).unit('Ủy ban Mặt trận Tổ quốc tỉnh').insert(D + 1, 1, [2]);
  c.fillFrom(D, [
    { p: 250, b: 15_000_000, o: 20_000_000 },
    { p: 60, b: 2_000_000, o: 1_500_000 },
    { p: 40, b: 0, o: 3_000_000 },
  ]);
  c.ops.unshift({ op: 'copySheet', sheet: 0, name: sheet, position: 1 }, { op: 'removeSheet', sheet: 0 });
  add(
    {
      file: 'MTTQ tinh.xlsx', unit: 'Ủy ban Mặt trận Tổ quốc tỉnh', rosterUnit: 'Ủy ban Mặt trận Tổ quốc tỉnh', group: 'III', submitted: '2025-04-01T15:00:00', status: 'accepted', issues: [],
      problem: { vi: 'Biểu được sao sang trang tính mới "Báo cáo MTTQ", trang gốc bị xóa (các tên CTXH_* cấp sổ tính thành #REF!); chèn một dòng giữa bảng.', en: 'Form copied to a new sheet "Báo cáo MTTQ" and the original deleted (the workbook-level CTXH_* names become #REF!); a row inserted mid-table.' },
    },
    c,
  );
}

// 11. Banner row and mostly mobilised funds.
add(
  {
    file: 'TT BTXH tinh.xlsx', unit: 'Trung tâm Bảo trợ xã hội tỉnh', rosterUnit: 'Trung tâm Bảo trợ xã hội tỉnh', group: 'IV', submitted: '2025-03-27T10:00:00', status: 'accepted', issues: [],
    problem: { vi: 'Sạch; có dòng chỉ treo băng rôn; phần lớn kinh phí là vận động.', en: 'Clean; a banner-only row; most funding mobilised.' },
  },
  new Clerk().unit('Trung tâm Bảo trợ xã hội tỉnh').fillFrom(D, [
    { p: 95, b: 6_000_000, o: 14_000_000 },
    { b: 1_800_000 },
    { p: 30, b: 2_000_000, o: 5_000_000 },
  ]),
);

// 12. .xls with a formula typed in column 4.
add(
  {
    file: 'BV Da khoa tinh.xls', unit: 'Bệnh viện Đa khoa tỉnh', rosterUnit: 'Bệnh viện Đa khoa tỉnh', group: 'IV', submitted: '2025-04-03T13:25:00', status: 'accepted', issues: [],
    problem: { vi: 'Lưu dạng .xls; ô kinh phí cột 4 là công thức do người điền gõ (=12*250000).', en: 'Saved as .xls; a column-4 amount is a formula the clerk typed (=12*250000).' },
  },
  new Clerk().unit('Bệnh viện Đa khoa tỉnh').fillFrom(D, [
    { p: 140, bFormula: { formula: '=12*250000', value: 3_000_000 }, o: 2_000_000 },
    { p: 60, b: 4_000_000, o: 0 },
  ]),
);

// 13. Last year's form reused.
add(
  {
    file: 'Quy BTTE.ods', unit: 'Quỹ Bảo trợ trẻ em tỉnh', rosterUnit: 'Quỹ Bảo trợ trẻ em tỉnh', group: 'IV', submitted: '2025-04-06T09:40:00', status: 'accepted', lastYearForm: true,
    issues: [{ severity: 'warning', what: 'biểu năm 2024, khác năm tổng hợp 2025' }],
    problem: { vi: 'Dùng lại biểu mẫu năm 2024 (cảnh báo năm khác năm tổng hợp). Lưu dạng .ods.', en: "Reused last year's (2024) form (warning: year differs from the campaign). Saved as .ods." },
  },
  new Clerk().unit('Quỹ Bảo trợ trẻ em tỉnh').fillFrom(D, [
    { p: 50, b: 0, o: 25_000_000 },
    { p: 120, b: 5_000_000, o: 30_000_000 },
  ]),
);

// 14. A unit name starting with "=", typed as text.
add(
  {
    file: 'TT CTXH tinh.xlsx', unit: '=Trung tâm Công tác xã hội tỉnh', rosterUnit: 'Trung tâm Công tác xã hội tỉnh', group: 'IV', submitted: '2025-04-02T10:10:00', status: 'accepted',
    issues: [{ severity: 'warning', cell: 'A2', what: 'tên đơn vị bắt đầu bằng "="' }],
    problem: {
      vi: 'Tên đơn vị gõ là "=Trung tâm Công tác xã hội tỉnh" (ô dạng chữ, bắt đầu bằng "="): phải hiện nguyên văn, không thành công thức; vẫn khớp với danh sách đơn vị (bỏ dấu "=" khi đối chiếu), kèm cảnh báo.',
      en: 'Unit name typed as "=Trung tâm Công tác xã hội tỉnh" (a text cell starting with "="): must show verbatim, never become a formula; it still matches the roster (the "=" is ignored when matching), with a warning.',
    },
  },
  new Clerk().unit('=Trung tâm Công tác xã hội tỉnh').fillFrom(D, [
    { p: 70, b: 8_000_000, o: 6_000_000 },
    { p: 25, b: 0, o: 2_500_000 },
  ]),
);

const ROSTER: [string, string][] = [
  ['Sở Y tế', 'I'],
  ['Sở Giáo dục và Đào tạo', 'I'],
  ['Sở Thông tin và Truyền thông', 'I'],
  ['Sở Nội vụ', 'I'],
  ['Sở Tài chính', 'I'],
  ['UBND thành phố Lạng Sơn', 'II'],
  ['UBND huyện Tràng Định', 'II'],
  ['UBND huyện Văn Lãng', 'II'],
  ['UBND huyện Văn Quan', 'II'],
  ['UBND huyện Bình Gia', 'II'],
  ['UBND huyện Bắc Sơn', 'II'],
  ['UBND huyện Hữu Lũng', 'II'],
  ['UBND huyện Chi Lăng', 'II'],
  ['UBND huyện Cao Lộc', 'II'],
  ['UBND huyện Lộc Bình', 'II'],
  ['UBND huyện Đình Lập', 'II'],
  ['Ủy ban Mặt trận Tổ quốc tỉnh', 'III'],
  ['Hội Liên hiệp Phụ nữ tỉnh', 'III'],
  ['Tỉnh Đoàn Lạng Sơn', 'III'],
  ['Trung tâm Bảo trợ xã hội tỉnh', 'IV'],
  ['Trung tâm Công tác xã hội tỉnh', 'IV'],
  ['Quỹ Bảo trợ trẻ em tỉnh', 'IV'],
  ['Bệnh viện Đa khoa tỉnh', 'IV'],
];

function formatOf(file: string): 'xlsx' | 'xls' | 'ods' {
  return path.extname(file).slice(1).toLowerCase() as 'xlsx' | 'xls' | 'ods';
}

/** Sets the dates inside an .xlsx / .ods (LibreOffice stamps "now" on save). */
function setInternalDates(file: string, created: string, modified: string): void {
  const fmt = formatOf(file);
  if (fmt === 'xls') return; // OLE2 property sets: left as LibreOffice wrote them
  const entries = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  const mtime = new Date(modified);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    let bytes = data;
    if (fmt === 'xlsx' && name === 'docProps/core.xml') {
      bytes = enc.encode(
        dec
          .decode(data)
          .replace(/(<dcterms:created[^>]*>)[^<]*/, `$1${created}Z`)
          .replace(/(<dcterms:modified[^>]*>)[^<]*/, `$1${modified}Z`),
      );
    }
    if (fmt === 'ods' && name === 'meta.xml') {
      bytes = enc.encode(
        dec
          .decode(data)
          .replace(/(<meta:creation-date>)[^<]*/, `$1${created}`)
          .replace(/(<dc:date>)[^<]*/, `$1${modified}`),
      );
    }
    // ODF: "mimetype" first and stored, as LibreOffice wrote it (object order is kept).
    out[name] = [bytes, { level: name === 'mimetype' ? 0 : 6, mtime }];
  }
  fs.writeFileSync(file, zipSync(out));
}

async function writeForm(file: string, params: FormParamsInput): Promise<void> {
  const parsed = parseFormParams(params as Record<string, unknown>);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message.en).join('; '));
  fs.writeFileSync(file, await writeWorkbook({ sheets: [buildFormPlan(parsed.params)], title: 'Biểu tổng hợp Ngày Công tác xã hội' }));
}

/** What a correct merge must find (the content of expected.json), computed from the figures typed. */
export type SamplesExpected = ReturnType<typeof expected>;

function expected() {
  const files = samples.map((s) => {
    const rows = [...s.rows.values()];
    const participants = rows.reduce((a, r) => a + num(r.p), 0);
    const budget = rows.reduce((a, r) => a + (r.bFormula ? r.bFormula.value : num(r.b)), 0);
    const otherFunding = rows.reduce((a, r) => a + num(r.o), 0);
    return {
      file: s.file,
      unit: s.unit,
      rosterUnit: s.rosterUnit,
      group: s.group,
      submitted: s.submitted,
      status: s.status,
      ...(s.supersededBy ? { supersededBy: s.supersededBy } : {}),
      rows: rows.length,
      ...(s.status === 'rejected' ? {} : { participants, totalFunding: budget + otherFunding, budget, otherFunding }),
      issues: s.issues,
    };
  });
  const used = files.filter((f) => f.status === 'accepted');
  const sum = (k: 'participants' | 'totalFunding' | 'budget' | 'otherFunding') => used.reduce((a, f) => a + (f[k] ?? 0), 0);
  const reported = new Set(samples.filter((s) => s.status !== 'rejected' && s.rosterUnit).map((s) => s.rosterUnit));
  return {
    note: 'Made by scripts/make-samples.ts from the figures it typed. Totals cover the accepted files only (rejected and superseded ones excluded). Whether a rejected unit counts as "reported" is the merge\'s call: coverage.reportedAccepted counts accepted roster units only.',
    campaign: CAMPAIGN,
    files,
    totals: { participants: sum('participants'), totalFunding: sum('totalFunding'), budget: sum('budget'), otherFunding: sum('otherFunding') },
    coverage: {
      expected: ROSTER.length,
      reportedAccepted: [...reported].length,
      missing: ROSTER.map(([u]) => u).filter((u) => !reported.has(u)),
      rejected: samples.filter((s) => s.status === 'rejected').map((s) => s.rosterUnit),
      unmatched: samples.filter((s) => s.status !== 'superseded' && !s.rosterUnit).map((s) => s.unit),
    },
  };
}

function readme(): string {
  const status = { accepted: 'tổng hợp / merged', rejected: '**bị loại / rejected**', superseded: '_bị thay / superseded_' };
  const lines = [
    '# Tệp mẫu / Sample returns',
    '',
    'Do `scripts/make-samples.ts` tạo (đừng sửa tay; chạy lại: `npx tsx scripts/make-samples.ts`, cần LibreOffice). Mỗi tệp là biểu mẫu chuẩn do chương trình ghi ra (Lạng Sơn, năm 2025, ' +
      '“Kế hoạch số 12/KH-SYT ngày 05/3/2025 của Sở Y tế”), rồi được “văn thư” điền bằng LibreOffice như cách các đơn vị vẫn làm — kể cả những lỗi cố ý dưới đây.',
    '',
    'Made by `scripts/make-samples.ts` (do not edit by hand; rerun it, LibreOffice needed). Each file is the standard form the program writes (Lạng Sơn, 2025), ' +
      'filled in LibreOffice the way units do, with the deliberate problems listed below.',
    '',
    '- `returns/` — các tệp đơn vị gửi về / the returned files (`npm run demo` merges them).',
    '- `roster.csv` — danh sách đơn vị phải báo cáo (cột "Đơn vị", "Nhóm": I–IV) / the units expected to report, 23 of them: 5 departments, the 11 districts/city of Lạng Sơn, 3 mass organisations, 4 facilities.',
    '- `expected.json` — kết quả tổng hợp đúng, tính từ số đã điền / what a correct merge finds, computed from the typed figures (per-file figures, totals of the accepted files, coverage).',
    '',
    'Ngày sửa đổi (mtime và ngày lưu bên trong tệp .xlsx/.ods) là ngày gửi giả định. Git không giữ mtime: sau khi clone, chỉ ngày bên trong tệp còn đúng.',
    'File times (mtime, and the modified date stored inside .xlsx/.ods) are the pretend submission times. Git does not keep mtimes: in a fresh clone only the dates inside the files still tell which duplicate is newer.',
    '',
    '| Tệp / File | Đơn vị (như đã ghi) / Unit as written | Gửi / Sent | Kết quả / Outcome | Vấn đề cố ý / Deliberate problem |',
    '|---|---|---|---|---|',
  ];
  for (const s of samples) {
    const unit = s.unit.normalize('NFC').replace(/\|/g, '\\|');
    lines.push(`| \`${s.file}\` | ${unit} | ${s.submitted.slice(0, 16).replace('T', ' ')} | ${status[s.status]} | ${s.problem.vi}<br>${s.problem.en} |`);
  }
  const e = expected();
  lines.push(
    '',
    `Tổng các tệp được tổng hợp / totals of the merged files: ${e.totals.participants} người / participants; kinh phí / funding ${e.totals.totalFunding.toLocaleString('vi-VN')} đồng ` +
      `(ngân sách / budget ${e.totals.budget.toLocaleString('vi-VN')}, vận động / mobilised ${e.totals.otherFunding.toLocaleString('vi-VN')}).`,
    '',
    'Lưu ý / Notes:',
    '- `So TTTT.ods`: cột 3 là công thức nhưng số ở cột 4, 5 là chữ nên LibreOffice tính ra 0 và dòng “Tổng” lệch — chương trình phải tính lại 3 = 4 + 5 từ số đã đọc, không lấy kết quả lưu sẵn. / Column 3 is a formula, but columns 4 and 5 hold text, so the stored result is 0 and “Tổng” disagrees: the reader must recompute 3 = 4 + 5 from the numbers it read.',
    '- `So Noi vu.xlsx`: hai dòng chèn ngay trên “Tổng” nằm ngoài vùng tên `CTXH_DuLieu` (vùng này không tự giãn); dòng số liệu là các dòng giữa `CTXH_SoCot` và `CTXH_Tong`. / The two rows inserted just above “Tổng” fall outside the name `CTXH_DuLieu` (it does not grow there): the data rows are those between `CTXH_SoCot` and `CTXH_Tong`.',
    '- `MTTQ tinh.xlsx`: các tên `CTXH_*` cấp sổ tính thành `#REF!`; LibreOffice tạo bản sao cấp trang tính trỏ đúng vào biểu. / The workbook-level `CTXH_*` names are `#REF!`; LibreOffice made sheet-level copies that do point at the form.',
    '- `TT CTXH tinh.xlsx`: tên bắt đầu bằng “=” phải hiện nguyên văn trong bảng tổng hợp; khi đối chiếu danh sách, dấu “=” được bỏ qua nên đơn vị vẫn là “Trung tâm Công tác xã hội tỉnh” (nhóm IV). / The “=” name must show verbatim; matching ignores the leading “=”, so it is still the roster’s “Trung tâm Công tác xã hội tỉnh” (group IV).',
    '',
  );
  return lines.join('\n');
}

export interface MakeSamplesOptions {
  /** Print one line per file made (the command line does). */
  log?: boolean;
  /** LibreOffice run timeout in ms (default 300 s). */
  timeoutMs?: number;
}

/**
 * Makes the sample returns in `outDir`/returns (emptied first) and writes `outDir`/roster.csv,
 * `outDir`/expected.json and `outDir`/README.md. Returns what expected.json holds.
 */
export async function makeSamples(outDir: string, opts: MakeSamplesOptions = {}): Promise<SamplesExpected> {
  const returns = path.join(outDir, 'returns');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxh-samples-'));
  try {
    const form = path.join(tmp, 'form-2025.xlsx');
    const oldForm = path.join(tmp, 'form-2024.xlsx');
    await writeForm(form, CAMPAIGN);
    await writeForm(oldForm, LAST_YEAR);
    fs.rmSync(returns, { recursive: true, force: true });
    fs.mkdirSync(returns, { recursive: true });
    const jobs: Job[] = samples.map((s) => ({
      input: s.lastYearForm ? oldForm : form,
      ops: [...s.ops, { op: 'docProps', author: 'Văn thư' }],
      outputs: [{ path: path.join(returns, s.file), format: formatOf(s.file) }],
    }));
    await runLibreOfficeJobs(jobs, { timeoutMs: opts.timeoutMs ?? 300_000 });
    for (const s of samples) {
      const file = path.join(returns, s.file);
      setInternalDates(file, '2025-03-05T08:00:00', s.submitted);
      const t = new Date(s.submitted);
      fs.utimesSync(file, t, t);
      if (opts.log) console.log(`${s.status.padEnd(10)} ${s.file}`);
    }
    const want = expected();
    fs.writeFileSync(path.join(outDir, 'roster.csv'), ['Đơn vị,Nhóm', ...ROSTER.map(([u, g]) => `${u},${g}`)].join('\n') + '\n');
    fs.writeFileSync(path.join(outDir, 'expected.json'), JSON.stringify(want, null, 2) + '\n');
    fs.writeFileSync(path.join(outDir, 'README.md'), readme());
    if (opts.log) console.log(`→ ${returns}, ${path.join(outDir, 'roster.csv')}, ${path.join(outDir, 'expected.json')}`);
    return want;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : SAMPLES_DIR;
  makeSamples(outDir, { log: true }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
