import ExcelJS from 'exceljs';
import { mergeReturns } from '../src/core/merge';
import { PlanCell, SheetPlan } from '../src/core/plan';
import { parseAddress } from '../src/core/a1';
import { ReturnResult, ReturnRow } from '../src/core/returns';
import { RosterEntry } from '../src/core/vocabulary';
import { buildSummaryPlan } from '../src/core/summary-plan';
import { writeWorkbook } from '../src/workbook/write-xlsx';

let rowNo = 13;
function result(file: string, unit: string, rows: [number, number, number][], extra: Partial<ReturnResult> = {}): ReturnResult {
  const rs: ReturnRow[] = rows.map(([p, b, o]) => ({ row: rowNo++, participants: p, budget: b, otherFunding: o, totalFunding: b + o }));
  return { file, unit, rows: rs, problems: [], status: 'ok', sheet: 'Biểu', year: 2025, ...extra };
}

const ROSTER: RosterEntry[] = [
  { unit: 'Sở Y tế', group: 'I' },
  { unit: 'Sở Tài chính', group: 'I' },
  { unit: 'Huyện Bình Gia', group: 'II' },
  { unit: 'Huyện Tràng Định', group: 'II' },
  { unit: 'Huyện Chi Lăng', group: 'II' },
  { unit: 'Hội Liên hiệp Phụ nữ tỉnh', group: 'III' },
];
const HYPER = '=HYPERLINK("http://evil.example","Bấm vào đây")';

function sample() {
  return mergeReturns(sampleResults(), { roster: ROSTER, year: 2025 });
}

function sampleResults(): ReturnResult[] {
  const warn = { file: 'bg.xlsx', sheet: 'Biểu', cell: 'D13', severity: 'warning' as const, code: 'number.text' as const, message: { vi: 'Số lưu dạng chữ', en: 'Number as text' } };
  return [
      result('yte.xlsx', 'Sở Y tế', [[100, 1_000_000, 500_000]]),
      result('taichinh.xlsx', 'Sở Tài chính', [[0, 2_000_000, 0]]),
      result('bg-cu.xlsx', 'Huyện Bình Gia', [[1, 1, 1]], { modified: 1 }),
      result('bg.xlsx', 'UBND huyện Bình Gia', [[50, 3_000_000, 1_000_000], [10, 0, 0]], { modified: 2, problems: [warn], status: 'warning' }),
      result('td.xlsx', 'UBND huyện Tràng Định', [[30, 0, 700_000]]),
      result('la.xlsx', HYPER, [[5, 0, 10_000]]),
      result('loi.xlsx', 'Huyện Chi Lăng', [], { status: 'error', problems: [{ file: 'loi.xlsx', sheet: 'Biểu', cell: 'B14', severity: 'error', code: 'participants.invalid', message: { vi: 'Cột 2: “khoảng 20” không phải là số.', en: 'x' } }] }),
  ];
}

const at = (sheet: SheetPlan, addr: string): PlanCell | undefined => {
  const { r, c } = parseAddress(addr);
  return sheet.cells.find((x) => x.r === r && x.c === c && (x.value !== undefined || x.formula !== undefined));
};
const rowOf = (sheet: SheetPlan, text: string, col = 2) => sheet.cells.find((x) => x.c === col && x.value === text)?.r;
const texts = (sheet: SheetPlan) => sheet.cells.filter((x) => typeof x.value === 'string').map((x) => x.value as string);

/** Just enough of Excel for the formulas the summary writes: refs (also to another sheet of `book`), SUM, SUBTOTAL(9) over fixed and growing ranges, IF(x=0,0,a/b). */
function evaluate(sheet: SheetPlan, addr: string, book: SheetPlan[] = [sheet]): number {
  const cell = at(sheet, addr);
  if (!cell) return 0;
  if (cell.formula === undefined) return typeof cell.value === 'number' ? cell.value : 0;
  const f = cell.formula;
  const range = (a: string, b: string) => {
    const p = parseAddress(a);
    const q = parseAddress(b);
    const out: PlanCell[] = [];
    for (const x of sheet.cells) if (x.r >= p.r && x.r <= q.r && x.c >= p.c && x.c <= q.c && (x.value !== undefined || x.formula !== undefined)) out.push(x);
    return out;
  };
  const addrOf = (x: PlanCell) => `${String.fromCharCode(64 + x.c)}${x.r}`;
  let m: RegExpExecArray | null;
  if ((m = /^SUM\(([A-Z]+\d+):([A-Z]+\d+)\)$/.exec(f))) return range(m[1], m[2]).reduce((s, x) => s + evaluate(sheet, addrOf(x)), 0);
  if ((m = /^SUBTOTAL\(9,([A-Z]+\d+):([A-Z]+\d+)\)$/.exec(f)))
    return range(m[1], m[2]).filter((x) => !x.formula?.startsWith('SUBTOTAL')).reduce((s, x) => s + evaluate(sheet, addrOf(x)), 0);
  // The growing ranges: SUBTOTAL(9,INDEX(C:C,ROW(…)±n):INDEX(C:C,ROW(…)±n)), rows taken relative to this cell or a reference.
  if ((m = /^SUBTOTAL\(9,INDEX\(([A-Z]+):\1,(ROW\([^)]*\)[+-]\d+)\):INDEX\(\1:\1,(ROW\([^)]*\)[+-]\d+)\)\)$/.exec(f))) {
    const row = (expr: string) => {
      const e = /^ROW\(([^)]*)\)([+-]\d+)$/.exec(expr)!;
      return (e[1] ? parseAddress(e[1].replace(/\$/g, '')).r : cell.r) + Number(e[2]);
    };
    const col = m[1];
    return range(`${col}${row(m[2])}`, `${col}${row(m[3])}`).filter((x) => !x.formula?.startsWith('SUBTOTAL')).reduce((s, x) => s + evaluate(sheet, addrOf(x)), 0);
  }
  if ((m = /^IF\(([A-Z]+\d+)=0,0,([A-Z]+\d+)\/([A-Z]+\d+)\)$/.exec(f))) return evaluate(sheet, m[1], book) === 0 ? 0 : evaluate(sheet, m[2], book) / evaluate(sheet, m[3], book);
  if ((m = /^([A-Z]+\d+)$/.exec(f))) return evaluate(sheet, m[1], book);
  if ((m = /^'?([^'!]+)'?!([A-Z]+\d+)$/.exec(f))) {
    const other = book.find((x) => x.name === m![1]);
    if (!other) throw new Error(`no sheet ${m[1]}`);
    return evaluate(other, m[2], book);
  }
  throw new Error(`unexpected formula ${f}`);
}

describe('buildSummaryPlan', () => {
  const merged = sample();
  const plan = buildSummaryPlan(merged, { year: 2025, province: 'Lạng Sơn', body: 'Sở Lao động - Thương binh và Xã hội' });
  const [sum, cov, , check] = plan.sheets;

  test('title block, headers and column numbers', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Tình hình báo cáo', 'Kết quả tổ chức', 'Kiểm tra']);
    expect(at(sum, 'A1')?.value).toBe('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
    expect(at(sum, 'A3')?.value).toBe('BẢNG TỔNG HỢP KẾT QUẢ CÁC ĐƠN VỊ TỔ CHỨC');
    expect(at(sum, 'A4')?.value).toBe('“Ngày Công tác xã hội Việt Nam” lần thứ 9 năm 2025 trên địa bàn Lạng Sơn');
    expect([1, 2, 3, 4, 5, 7, 8].map((c) => sum.cells.find((x) => x.r === 6 && x.c === c)?.value)).toEqual([
      'STT', 'Đơn vị', 'Số người tham gia', 'Tổng kinh phí thực hiện', 'Trong đó', 'Nguồn (tệp)', 'Ghi chú',
    ]);
    expect(at(sum, 'E7')?.value).toBe('Ngân sách của cơ quan, đơn vị');
    expect(at(sum, 'F7')?.value).toBe('Vận động khác');
    expect('ABCDEFGH'.split('').map((c) => at(sum, `${c}8`)?.value)).toEqual(['1', '2', '3', '4=5+6', '5', '6', '7', '8']);
    expect(sum.font.name).toBe('Times New Roman');
    expect(sum.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: { from: 6, to: 8 } });
    expect(sum.styles.num.numberFormat).toBe('#,##0');
    expect(sum.styles.num.border).toBe(true);
  });

  test('groups in order with Roman numerals, units under them, subtotal formulas over exactly their rows', () => {
    // I (row 9): Y tế 10, Tài chính 11; II (12): Bình Gia 13, Tràng Định 14; III (15): none; V (16): hyperlink 17; total 18.
    expect(['A9', 'B9', 'A12', 'B12', 'A15', 'B15', 'A16', 'B16'].map((a) => at(sum, a)?.value)).toEqual([
      'I', 'Các sở, ngành', 'II', 'UBND các huyện, thành phố', 'III', 'Các hội, đoàn thể', 'V', 'Đơn vị khác',
    ]);
    expect(['B10', 'B11', 'B13', 'B14', 'B17'].map((a) => at(sum, a)?.value)).toEqual(['Sở Y tế', 'Sở Tài chính', 'Huyện Bình Gia', 'Huyện Tràng Định', HYPER]);
    expect(at(sum, 'C9')?.formula).toBe('SUBTOTAL(9,INDEX(C:C,ROW()+1):INDEX(C:C,ROW(C12)-1))');
    expect(at(sum, 'E12')?.formula).toBe('SUBTOTAL(9,INDEX(E:E,ROW()+1):INDEX(E:E,ROW(E15)-1))');
    expect(at(sum, 'C15')?.value).toBe(0); // expected group with nobody reporting
    expect(at(sum, 'D13')?.formula).toBe('SUM(E13:F13)');
    expect(at(sum, 'G13')?.value).toBe('bg.xlsx');
    expect(at(sum, 'H13')?.value).toContain('Thay cho tệp cũ: bg-cu.xlsx');
    expect(at(sum, 'H13')?.value).toContain('1 cảnh báo');
    expect(at(sum, 'H17')?.value).toContain('Ngoài danh sách');
    expect(at(sum, 'H16')?.value).toBe('Ngoài danh sách: 1');
    expect(at(sum, 'H12')?.value).toBe('Đã báo cáo 2/3');
    expect(at(sum, 'A18')?.value).toBe('Tổng cộng');
    expect(at(sum, 'C18')?.formula).toBe('SUBTOTAL(9,INDEX(C:C,ROW($C$8)+1):INDEX(C:C,ROW()-1))');
  });

  test('text from units is never a formula', () => {
    const hyper = sum.cells.filter((x) => x.value === HYPER || x.formula?.includes('HYPERLINK'));
    expect(hyper).toHaveLength(1);
    expect(hyper[0].formula).toBeUndefined();
  });

  test('formulas compute the merged totals, per group and overall', () => {
    const t = merged.totals;
    expect(['C18', 'D18', 'E18', 'F18'].map((a) => evaluate(sum, a))).toEqual([t.participants, t.totalFunding, t.budget, t.otherFunding]);
    const g2 = merged.groups.find((g) => g.id === 'II')!.totals;
    expect(['C12', 'D12', 'E12', 'F12'].map((a) => evaluate(sum, a))).toEqual([g2.participants, g2.totalFunding, g2.budget, g2.otherFunding]);
  });

  test('nothing below the table: the repeated print header never sits over another block', () => {
    const totalRow = rowOf(sum, 'Tổng cộng', 1)!;
    expect(sum.cells.filter((x) => x.r > totalRow)).toEqual([]);
    // The signature closes the coverage sheet, below its last block.
    const covTexts = cov.cells.filter((x) => typeof x.value === 'string').sort((a, b) => a.r - b.r || a.c - b.c).map((x) => x.value);
    expect(covTexts.slice(-3)).toEqual(['Lạng Sơn, ngày ..... tháng ..... năm 2025', 'NGƯỜI TỔNG HỢP', 'THỦ TRƯỞNG ĐƠN VỊ']);
    expect(sum.charts ?? []).toHaveLength(0);
    // The coverage sheet repeats no rows and has its own title block.
    expect(cov.print.titleRows).toBeUndefined();
    expect(cov.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: 1 });
    expect(at(cov, 'A1')?.value).toBe('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
    expect(at(cov, 'A3')?.value).toBe('TÌNH HÌNH BÁO CÁO VÀ CƠ CẤU KINH PHÍ');
    expect(at(cov, 'A4')?.value).toBe(at(sum, 'A4')?.value);
    expect(cov.font.name).toBe('Times New Roman');
  });

  test('funding breakdown: amounts point at the summary table, shares are percent formulas', () => {
    const head = rowOf(cov, 'CƠ CẤU KINH PHÍ: NGÂN SÁCH VÀ VẬN ĐỘNG KHÁC', 1)!;
    expect(head).toBe(6);
    expect(at(cov, `B${head + 1}`)?.value).toBe('Nhóm đơn vị');
    expect(at(cov, `G${head + 1}`)?.value).toBe('Tỷ lệ ngân sách');
    const g1 = head + 2;
    expect(at(cov, `B${g1}`)?.value).toBe('Các sở, ngành');
    expect(at(cov, `C${g1}`)?.value).toBe('2/2');
    expect(at(cov, `E${g1}`)?.formula).toBe("'Tổng hợp'!E9");
    expect(at(cov, `G${g1}`)?.formula).toBe(`IF(D${g1}=0,0,E${g1}/D${g1})`);
    expect(cov.styles[at(cov, `G${g1}`)!.style!].numberFormat).toBe('0.0%');
    const totalRow = rowOf(sum, 'Tổng cộng', 1)!;
    const fundTotal = rowOf(cov, 'Tổng cộng', 1)!;
    expect(totalRow).toBe(18);
    expect(at(cov, `C${fundTotal}`)?.value).toBe('4/6');
    expect(at(cov, `D${fundTotal}`)?.formula).toBe("'Tổng hợp'!D18");
    const t = merged.totals;
    const book = plan.sheets;
    expect(evaluate(cov, `D${fundTotal}`, book)).toBe(t.totalFunding);
    expect(evaluate(cov, `G${fundTotal}`, book)).toBeCloseTo(t.budget / t.totalFunding, 10);
    expect(evaluate(cov, `H${fundTotal}`, book)).toBeCloseTo(t.otherFunding / t.totalFunding, 10);
    expect(evaluate(cov, `G${g1}`, book) + evaluate(cov, `H${g1}`, book)).toBeCloseTo(1, 10);
    // Chart over the group rows of the breakdown (drawn by the Office adapter).
    expect(cov.charts?.[0].categories).toEqual({ r1: g1, c1: 2, r2: fundTotal - 1, c2: 2 });
  });

  test('coverage in the province’s words and the units not yet reported', () => {
    const all = texts(cov);
    expect(all).toContain('Đã báo cáo: 4/6 đơn vị — 2/3 huyện, thành phố; 2/2 sở, ngành; 0/1 hội, đoàn thể. Ngoài danh sách: 1 đơn vị.');
    expect(all).toContain('Đơn vị chưa báo cáo (2):');
    const chiLang = rowOf(cov, 'Huyện Chi Lăng')!;
    expect(at(cov, `C${chiLang}`)?.value).toBe('UBND các huyện, thành phố');
    expect(at(cov, `G${chiLang}`)?.value).toBe('Tệp có lỗi, chưa tổng hợp: loi.xlsx');
    expect(rowOf(cov, 'Hội Liên hiệp Phụ nữ tỉnh')).toBeGreaterThan(chiLang);
    expect(all.some((s) => s.startsWith('Tệp chưa tổng hợp: 1 tệp bị từ chối'))).toBe(true);
  });

  test('the checks sheet lists rejected and superseded files and every warning', () => {
    expect(['A4', 'B4', 'C4', 'D4', 'E4'].map((a) => at(check, a)?.value)).toEqual(['Tệp', 'Trang tính', 'Ô', 'Mức độ', 'Nội dung']);
    const rows = [5, 6, 7].map((r) => [1, 2, 3, 4, 5].map((c) => check.cells.find((x) => x.r === r && x.c === c)?.value ?? null));
    expect(rows).toEqual([
      ['loi.xlsx', 'Biểu', 'B14', 'Lỗi (tệp bị từ chối)', 'Cột 2: “khoảng 20” không phải là số.'],
      ['bg-cu.xlsx', null, null, 'Bị thay thế', 'Đơn vị “Huyện Bình Gia” có tệp mới hơn là “bg.xlsx”; tệp này không được tổng hợp.'],
      ['bg.xlsx', 'Biểu', 'D13', 'Cảnh báo', 'Số lưu dạng chữ'],
    ]);
  });

  test('English labels when asked; no roster; nothing merged', () => {
    const en = buildSummaryPlan(merged, { year: 2025, lang: 'en' });
    expect(en.sheets.map((s) => s.name)).toEqual(['Summary', 'Coverage', 'Activities', 'Checks']);
    expect(texts(en.sheets[0])).toContain('SUMMARY OF RESULTS REPORTED BY UNITS');

    const noRoster = buildSummaryPlan(mergeReturns([result('a.xlsx', 'Sở Y tế', [[1, 1, 1]])]), {});
    // Without a roster: what was received, never "1/1".
    expect(texts(noRoster.sheets[1]).find((s) => s.startsWith('1 đơn vị có số liệu hợp lệ từ 1 tệp.'))).toContain('Chưa có danh sách đơn vị phải báo cáo');
    expect(noRoster.sheets.some((sheet) => texts(sheet).some((s) => /\d+\/\d+ đơn vị/.test(s)))).toBe(false);
    expect(texts(noRoster.sheets[0])).toContain('“Ngày Công tác xã hội Việt Nam” lần thứ 9 năm 2025');

    // The sample set without its roster: 5 units from 7 files, one rejected, one superseded; in both languages.
    const loose = mergeReturns(sampleResults(), { year: 2025 });
    const line = (lang: 'vi' | 'en') => texts(buildSummaryPlan(loose, { year: 2025, lang }).sheets[1]).find((s) => /tệp|files/.test(s) && /hợp lệ|valid/.test(s));
    expect(line('vi')).toMatch(/^5 đơn vị có số liệu hợp lệ từ 7 tệp; 1 tệp bị loại, 1 tệp trùng\. Chưa có danh sách/);
    expect(line('en')).toMatch(/^5 units with valid figures from 7 files; 1 file rejected, 1 duplicate\. There is no list/);
    expect(line('vi')).toContain('--roster');

    const empty = buildSummaryPlan(mergeReturns([]), { year: 2026 });
    const s0 = empty.sheets[0];
    const total = rowOf(s0, 'Tổng cộng', 1)!;
    expect(at(s0, `C${total}`)?.value).toBe(0);
    expect(texts(empty.sheets.find((x) => x.name === 'Kiểm tra')!)).toContain('Không có lỗi hay cảnh báo nào.');
  });
});

describe('row heights', () => {
  test('a bold group heading that wraps gets the height of two lines', () => {
    const merged = mergeReturns([result('hoi.xlsx', 'Hội Liên hiệp Phụ nữ tỉnh', [[1, 1, 1]], { year: 2027 })], { year: 2027 });
    const sum = buildSummaryPlan(merged, { year: 2027 }).sheets[0];
    const r = rowOf(sum, 'Mặt trận Tổ quốc và các tổ chức, hội, đoàn thể')!;
    expect(r).toBeGreaterThan(0);
    expect(sum.rowHeights[r]).toBeGreaterThanOrEqual(2 * 12 * 1.3);
    // A heading that fits stays one line high.
    expect(sum.rowHeights[rowOf(sum, 'Tổng cộng', 1)!]).toBeUndefined();
  });
});

describe('summary written to .xlsx', () => {
  test('formulas survive writeWorkbook and a verbatim "=" unit name stays text', async () => {
    const merged = sample();
    const bytes = await writeWorkbook(buildSummaryPlan(merged, { year: 2025, province: 'Lạng Sơn' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(wb.getWorksheet('Kiểm tra')).toBeDefined();
    const formula = (a: string) => (ws.getCell(a).value as { formula?: string } | null)?.formula;
    expect(formula('C9')).toBe('SUBTOTAL(9,INDEX(C:C,ROW()+1):INDEX(C:C,ROW(C12)-1))');
    expect(formula('D13')).toBe('SUM(E13:F13)');
    expect(formula('C18')).toBe('SUBTOTAL(9,INDEX(C:C,ROW($C$8)+1):INDEX(C:C,ROW()-1))');
    expect(ws.getCell('B17').value).toBe(HYPER);
    expect(ws.getCell('B17').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('E10').value).toBe(1_000_000);
    expect(ws.getCell('E10').numFmt).toBe('#,##0');
    expect(ws.getCell('B10').font.name).toBe('Times New Roman');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
  });
});
