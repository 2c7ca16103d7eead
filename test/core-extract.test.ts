import { extractReturn } from '../src/core/extract';
import { formLayout } from '../src/core/form';
import { RawSheet, RawWorkbook, ReturnResult } from '../src/core/returns';
import { FORM_NAMES, formWorkbook, getCell, insertRows, recalc, setCell } from './core-fixtures';

const L = formLayout(10); // data rows 13–22, "Tổng" on 23

const codes = (r: ReturnResult) => r.problems.map((p) => `${p.severity}:${p.code}${p.cell ? `@${p.cell}` : ''}`);
const totals = (r: ReturnResult) =>
  r.rows.reduce((t, x) => ({ participants: t.participants + x.participants, totalFunding: t.totalFunding + x.totalFunding, budget: t.budget + x.budget, otherFunding: t.otherFunding + x.otherFunding }), {
    participants: 0, totalFunding: 0, budget: 0, otherFunding: 0,
  });

describe('extractReturn: finding the form', () => {
  test('a clean form', () => {
    const wb = formWorkbook({ unit: 'Sở Y tế', data: [[120, 5_000_000, 2_000_000], [0, 1_500_000, 0], [45, 0, 800_000]], modified: 123 });
    const r = extractReturn(wb, { campaignYear: 2025 });
    expect(codes(r)).toEqual([]);
    expect(r.status).toBe('ok');
    expect(r.unit).toBe('Sở Y tế');
    expect(r.year).toBe(2025);
    expect(r.sheet).toBe('Biểu CTXH 2025');
    expect(r.modified).toBe(123);
    expect(r.rows).toEqual([
      { row: 13, participants: 120, totalFunding: 7_000_000, budget: 5_000_000, otherFunding: 2_000_000 },
      { row: 14, participants: 0, totalFunding: 1_500_000, budget: 1_500_000, otherFunding: 0 },
      { row: 15, participants: 45, totalFunding: 800_000, budget: 0, otherFunding: 800_000 },
    ]);
  });

  test('no form at all: one clear error naming what was looked for', () => {
    const wb: RawWorkbook = { file: 'thu-moi.xlsx', format: 'xlsx', sheets: [{ name: 'Sheet1', cells: [[{ value: 'Kính gửi' }]], merges: [] }], names: [] };
    const r = extractReturn(wb);
    expect(r.status).toBe('error');
    expect(codes(r)).toEqual(['error:form.notFound']);
    expect(r.problems[0].message.vi).toMatch(/^Không tìm thấy biểu mẫu/);
    expect(r.problems[0].message.vi).toContain('3=4+5');
    expect(r.problems[0].message.vi).toContain('Sheet1');
    expect(r.problems[0].message.en).toContain('No reporting form');
    expect(extractReturn({ file: 'rong.xlsx', format: 'xlsx', sheets: [], names: [] }).status).toBe('error');
  });

  test('a garbage object from a reader is an error, not a crash', () => {
    const r = extractReturn({ file: 'x.xlsx', sheets: 'nope' } as unknown as RawWorkbook);
    expect(r.status).toBe('error');
  });

  test('renamed sheet, form on the second sheet, defined names gone', () => {
    const wb = formWorkbook({ unit: 'Huyện Bình Gia', data: [[30, 1_000_000, 500_000]], names: false });
    wb.sheets[0].name = 'Báo cáo BG';
    const notes: RawSheet = { name: 'Ghi chú', cells: [[{ value: 'Hoạt động: treo băng rôn' }], [{ value: 1 }, { value: 2 }, { value: 3 }]], merges: [] };
    wb.sheets.unshift(notes);
    const r = extractReturn(wb);
    expect(r.status).toBe('ok');
    expect(r.sheet).toBe('Báo cáo BG');
    expect(r.unit).toBe('Huyện Bình Gia');
    expect(totals(r)).toEqual({ participants: 30, totalFunding: 1_500_000, budget: 1_000_000, otherFunding: 500_000 });
  });

  test('rows inserted above "Tổng" and in the middle are all read', () => {
    const wb = formWorkbook({ unit: 'Sở Tài chính', data: [[10, 100_000, 0]] });
    insertRows(wb, 0, L.total, 2); // two rows just above "Tổng" (now on row 25)
    setCell(wb.sheets[0], 'B23', 5);
    setCell(wb.sheets[0], 'D23', 200_000);
    setCell(wb.sheets[0], 'C24', { formula: 'IF(COUNTA(D24:E24)=0,"",SUM(D24:E24))', value: 300_000 });
    setCell(wb.sheets[0], 'E24', 300_000);
    insertRows(wb, 0, 14, 1); // one row in the middle: everything below moves down
    setCell(wb.sheets[0], 'B14', 7);
    recalc(wb);
    const r = extractReturn(wb);
    // Row 24 (was 23) has no column-3 formula, so the file's own total of column 3 misses it.
    expect(codes(r)).toEqual(['warning:sum.disagrees@C26']);
    expect(r.rows.map((x) => x.row)).toEqual([13, 14, 24, 25]);
    expect(totals(r)).toEqual({ participants: 22, totalFunding: 600_000, budget: 300_000, otherFunding: 300_000 });
  });

  test('column-number row with real numbers, spaces and an inserted column', () => {
    const wb = formWorkbook({ unit: 'Hội Nông dân tỉnh', data: [[12, 1_000, 2_000]] });
    const s = wb.sheets[0];
    // Insert a "Hình thức" column after TT: shift columns B.. right by one.
    for (const row of s.cells) if (row.length > 1) row.splice(1, 0, undefined);
    setCell(s, `B${L.columnNumbers}`, '1a');
    setCell(s, `A${L.columnNumbers}`, 1);
    setCell(s, `C${L.columnNumbers}`, 2);
    setCell(s, `D${L.columnNumbers}`, ' 3 = 4 + 5 ');
    setCell(s, `E${L.columnNumbers}`, 4);
    setCell(s, `F${L.columnNumbers}`, 5);
    setCell(s, 'B13', 'Tọa đàm');
    const r = extractReturn(wb);
    expect(codes(r)).toEqual([]);
    expect(r.rows).toEqual([{ row: 13, participants: 12, totalFunding: 3_000, budget: 1_000, otherFunding: 2_000 }]);
  });

  test('a row with only its TT number is empty; a funding-only row is fine', () => {
    const wb = formWorkbook({ unit: 'Báo Lạng Sơn', data: [[null, 3_000_000, 0]] });
    const r = extractReturn(wb);
    expect(r.status).toBe('ok');
    expect(r.rows).toEqual([{ row: 13, participants: 0, totalFunding: 3_000_000, budget: 3_000_000, otherFunding: 0 }]);
  });

  test('"Tổng" in the second column, as in the seed form', () => {
    const wb = formWorkbook({ unit: 'Sở Y tế', data: [[1, 1, 1]] });
    setCell(wb.sheets[0], `A${L.total}`, null);
    setCell(wb.sheets[0], `B${L.total}`, 'Tổng');
    expect(extractReturn(wb).rows).toHaveLength(1);
  });

  test('without a "Tổng" row the table ends at the footer, with a warning', () => {
    const wb = formWorkbook({ unit: 'Sở Y tế', data: [[1, 1_000, 1_000]] });
    setCell(wb.sheets[0], `A${L.total}`, null);
    for (let c = 2; c <= 5; c++) setCell(wb.sheets[0], `${'ABCDE'[c - 1]}${L.total}`, null);
    const r = extractReturn(wb);
    expect(codes(r)).toContain('warning:totalRow.missing@B12');
    expect(r.status).toBe('warning');
    expect(r.rows).toHaveLength(1);
  });

  test('a blank copy of the form next to the filled one: the filled one is read', () => {
    const filled = formWorkbook({ unit: 'Sở Y tế', data: [[9, 9_000, 0]], sheetName: 'Đã điền' });
    const blank = formWorkbook({ sheetName: 'Mẫu trống' });
    const wb: RawWorkbook = { ...filled, sheets: [blank.sheets[0], filled.sheets[0]], names: [] };
    const r = extractReturn(wb);
    expect(r.sheet).toBe('Đã điền');
    expect(r.status).toBe('ok');
  });

  test('two filled forms: the fuller one is read and the choice is reported', () => {
    const a = formWorkbook({ unit: 'Sở Y tế', data: [[9, 9_000, 0]], sheetName: 'A' });
    const b = formWorkbook({ data: [[1, 1, 1]], sheetName: 'B' });
    const r = extractReturn({ ...a, sheets: [b.sheets[0], a.sheets[0]], names: [] });
    expect(r.sheet).toBe('A');
    expect(codes(r)).toEqual(['warning:form.several']);
  });
});

describe('extractReturn: the unit name', () => {
  test('missing name is an error at the cell to fill', () => {
    const r = extractReturn(formWorkbook({ data: [[1, 1, 1]] }));
    expect(r.status).toBe('error');
    expect(codes(r)).toEqual(['error:unit.missing@A2']);
    expect(r.problems[0].message.vi).toContain('ĐƠN VỊ BÁO CÁO');
    expect(r.problems[0].sheet).toBe('Biểu CTXH 2025');
    expect(r.problems[0].file).toBe('don-vi.xlsx');
  });

  test('placeholder dots count as missing', () => {
    const wb = formWorkbook({ data: [[1, 1, 1]] });
    setCell(wb.sheets[0], 'A2', '......................');
    expect(codes(extractReturn(wb))).toEqual(['error:unit.missing@A2']);
  });

  test('a name that looks like a formula is kept verbatim', () => {
    const name = '=HYPERLINK("http://example.vn","Sở Y tế")';
    const r = extractReturn(formWorkbook({ unit: name, data: [[1, 1, 1]] }));
    expect(r.unit).toBe(name);
    // Merged, with a warning that names the cell and says the name was kept as text.
    expect(r.status).toBe('warning');
    expect(codes(r)).toEqual(['warning:unit.formulaLike@A2']);
    expect(r.problems[0].message.vi).toContain('giữ nguyên là chữ');
  });

  test('an NFD name is kept as written', () => {
    const name = 'UBND huyện Bình Gia'.normalize('NFD');
    const r = extractReturn(formWorkbook({ unit: name, data: [[1, 1, 1]] }));
    expect(r.unit).toBe(name);
  });

  test('the label itself is gone: a different message, no cell', () => {
    const wb = formWorkbook({ data: [[1, 1, 1]] });
    setCell(wb.sheets[0], 'A1', null);
    const r = extractReturn(wb);
    expect(codes(r)).toEqual(['error:unit.missing']);
    expect(r.problems[0].message.vi).toContain('không còn chữ');
  });

  test('a workbook whose every text is NFD (decomposed) is read the same', () => {
    const wb = formWorkbook({ unit: 'UBND huyện Bình Gia', data: [[5, '1.000.000 đồng', 0]] });
    for (const row of wb.sheets[0].cells) for (const cell of row) if (cell && typeof cell.value === 'string') cell.value = cell.value.normalize('NFD');
    const r = extractReturn(wb, { campaignYear: 2025 });
    expect(r.unit).toBe('UBND huyện Bình Gia'.normalize('NFD'));
    expect(r.year).toBe(2025);
    expect(r.rows).toEqual([{ row: 13, participants: 5, totalFunding: 1_000_000, budget: 1_000_000, otherFunding: 0 }]);
    expect(codes(r)).toEqual(['warning:number.text@D13']);
  });

  test('"ĐƠN VỊ BÁO CÁO: Sở Y tế" in one cell', () => {
    const wb = formWorkbook({ data: [[1, 1, 1]] });
    setCell(wb.sheets[0], 'A1', 'Đơn vị báo cáo: Sở Y tế');
    expect(extractReturn(wb).unit).toBe('Sở Y tế');
  });

  test('the defined name is used when it still points near the label; a stale one is ignored', () => {
    const wb = formWorkbook({ data: [[1, 1, 1]] });
    // The clerk typed the name one row lower; CTXH_DonVi moved with it.
    insertRows(wb, 0, 2, 1);
    setCell(wb.sheets[0], 'A3', 'Sở Tư pháp');
    const byName = extractReturn(wb);
    expect(byName.unit).toBe('Sở Tư pháp');
    expect(byName.status).toBe('ok');

    const stale = formWorkbook({ unit: 'Sở Y tế', data: [[1, 1, 1]] });
    const n = stale.names.find((x) => x.name === FORM_NAMES.unit)!;
    n.r1 = n.r2 = 40; // points far away at a filled cell
    setCell(stale.sheets[0], 'A40', 'Ghi chú của văn thư');
    expect(extractReturn(stale).unit).toBe('Sở Y tế');
  });
});

describe('extractReturn: numbers', () => {
  test('numbers typed as text are read, with a warning naming the cell', () => {
    const wb = formWorkbook({ unit: 'Sở Y tế', data: [['1.200', '2.000.000 đ', '500.000 đồng'], [10, '1 200 000', '0']] });
    const r = extractReturn(wb);
    expect(r.status).toBe('warning');
    expect(r.rows.map((x) => [x.participants, x.budget, x.otherFunding, x.totalFunding])).toEqual([
      [1200, 2_000_000, 500_000, 2_500_000],
      [10, 1_200_000, 0, 1_200_000],
    ]);
    expect(codes(r)).toEqual(expect.arrayContaining(['warning:number.text@B13', 'warning:number.text@D13', 'warning:number.text@E13', 'warning:number.text@D14']));
    // SUM skipped the text in the file's own "Tổng"; already explained by the warnings above, so not said twice.
    expect(codes(r).filter((c) => c.includes('sum.disagrees'))).toEqual([]);
    const w = r.problems.find((p) => p.cell === 'D13')!;
    expect(w.message.vi).toContain('2.000.000 đ');
    expect(w.message.vi).toContain('2.000.000');
  });

  test.each([
    ['1,5', 'B13', 'participants.invalid'],
    ['khoảng 200', 'B13', 'participants.invalid'],
    [-5, 'B13', 'participants.invalid'],
    [1.5, 'B13', 'participants.invalid'],
  ])('participants %j is an error', (value, cell, code) => {
    const r = extractReturn(formWorkbook({ unit: 'Sở Y tế', data: [[value, 0, 0]] }));
    expect(r.status).toBe('error');
    expect(codes(r)).toEqual([`error:${code}@${cell}`]);
    expect(r.problems[0].message.vi).toMatch(/Số người tham gia/);
  });

  test.each([['một triệu'], ['1.20.000'], [-100_000], [1_000.5]])('money %j is an error', (value) => {
    const r = extractReturn(formWorkbook({ unit: 'Sở Y tế', data: [[1, value, 0]] }));
    expect(r.status).toBe('error');
    expect(codes(r)).toContain('error:money.invalid@D13');
  });

  test('1.2 stored as a number gets a hint about the dot', () => {
    const r = extractReturn(formWorkbook({ unit: 'Sở Y tế', data: [[1, 1.2, 0]] }));
    expect(r.problems[0].message.vi).toContain('1.200');
    expect(r.problems[0].message.vi).toContain('1200');
  });

  test('an error value in a cell is an error', () => {
    const r = extractReturn(formWorkbook({ unit: 'Sở Y tế', data: [[{ value: null, formula: 'A1/0', error: '#DIV/0!' }, 1, 1]] }));
    expect(codes(r)).toEqual(['error:cell.errorValue@B13']);
  });

  test('column 3 typed by hand and not 4 + 5 is an error; equal is fine', () => {
    const wb = formWorkbook({ unit: 'Sở Y tế', data: [[1, 1_000_000, 500_000], [2, 700_000, 300_000]] });
    setCell(wb.sheets[0], 'C13', 2_000_000);
    setCell(wb.sheets[0], 'C14', '1.000.000');
    const r = extractReturn(wb);
    expect(r.status).toBe('error');
    expect(codes(r)).toEqual(['error:total.mismatch@C13', 'warning:number.text@C14']);
    expect(r.problems[0].message.vi).toContain('2.000.000 đồng');
    expect(r.problems[0].message.vi).toContain('1.500.000 đồng');
  });

  test('only column 3, no breakdown: "thiếu phân bổ kinh phí"', () => {
    const wb = formWorkbook({ unit: 'Sở Y tế', data: [[50]] });
    setCell(wb.sheets[0], 'C13', 3_000_000);
    const r = extractReturn(wb);
    expect(codes(r)).toEqual(['error:funding.noBreakdown@C13']);
    expect(r.problems[0].message.vi).toMatch(/^Thiếu phân bổ kinh phí/);
  });

  test('a formula in column 3 with no saved result: computed from 4 + 5 and said', () => {
    const wb = formWorkbook({ unit: 'Sở Y tế', data: [[5, 1_000, 2_000]] });
    getCell(wb.sheets[0], 'C13')!.value = null;
    const r = extractReturn(wb);
    expect(codes(r)).toEqual(['warning:total.computed@C13']);
    expect(r.rows[0].totalFunding).toBe(3_000);
  });

  test('a stale formula result in column 3: 4 + 5 is used, with a warning', () => {
    const wb = formWorkbook({ unit: 'Sở Y tế', data: [[5, 1_000, 2_000]] });
    getCell(wb.sheets[0], 'C13')!.value = 999;
    const r = extractReturn(wb);
    expect(codes(r)).toEqual(['warning:total.formulaStale@C13']);
    expect(r.rows[0].totalFunding).toBe(3_000);
  });

  test('a formula in column 4 with no saved result cannot be guessed', () => {
    const wb = formWorkbook({ unit: 'Sở Y tế', data: [[5, { formula: '1000+1000', value: null }, 0]] });
    expect(codes(extractReturn(wb))).toEqual(['error:cell.formulaNoValue@D13']);
  });

  test('a formula in column 4 with a saved result is read', () => {
    const wb = formWorkbook({ unit: 'Sở Y tế', data: [[5, { formula: '1000+1000', value: 2000 }, 0]] });
    const r = extractReturn(wb);
    expect(r.status).toBe('ok');
    expect(r.rows[0].budget).toBe(2000);
  });

  test('"Tổng" row that disagrees with the rows: warning, rows win', () => {
    const wb = formWorkbook({ unit: 'Sở Y tế', data: [[5, 1_000, 0], [5, 1_000, 0]] });
    setCell(wb.sheets[0], `B${L.total}`, 100);
    const r = extractReturn(wb);
    expect(codes(r)).toEqual([`warning:sum.disagrees@B${L.total}`]);
    expect(totals(r).participants).toBe(10);
  });

  test('implausible values are warnings', () => {
    const r = extractReturn(formWorkbook({ unit: 'Sở Y tế', data: [[150_000, 12_000_000_000, 0]] }));
    expect(r.status).toBe('warning');
    expect(codes(r)).toEqual(['warning:participants.implausible@B13', 'warning:money.implausible@C13']);
  });

  test('a form for another year is a warning', () => {
    const r = extractReturn(formWorkbook({ unit: 'Sở Y tế', year: 2024, data: [[1, 1, 1]] }), { campaignYear: 2025 });
    expect(r.year).toBe(2024);
    expect(codes(r)).toEqual(['warning:year.differs@A5']);
    expect(r.problems[0].message.vi).toContain('2024');
  });

  test('a form with no filled rows counts as reported with zeros (warning)', () => {
    const r = extractReturn(formWorkbook({ unit: 'Sở Y tế' }));
    expect(r.status).toBe('warning');
    expect(codes(r)).toEqual(['warning:rows.none']);
  });

  test('problems are capped per file, errors kept first', () => {
    const rows = 300;
    const data = Array.from({ length: rows }, () => ['x', '1.000', 0] as (string | number)[]);
    const r = extractReturn(formWorkbook({ unit: 'Sở Y tế', rows, data }), { maxProblems: 50 });
    expect(r.problems).toHaveLength(50);
    expect(r.problems.slice(0, 49).every((p) => p.severity === 'error')).toBe(true);
    expect(r.problems[49].code).toBe('problems.truncated');
    expect(r.status).toBe('error');
  });

  test('every problem names the file, sheet and (for cells) an A1 address', () => {
    const wb = formWorkbook({ file: 'so-y-te.xlsx', unit: 'Sở Y tế', data: [['abc', '1.000', 1]] });
    for (const p of extractReturn(wb).problems) {
      expect(p.file).toBe('so-y-te.xlsx');
      expect(p.sheet).toBe('Biểu CTXH 2025');
      expect(p.cell).toMatch(/^[A-Z]+\d+$/);
      expect(p.message.vi.length).toBeGreaterThan(10);
      expect(p.message.en.length).toBeGreaterThan(10);
    }
  });
});

describe('extractReturn: figures a clerk put where the form does not count them', () => {
  const L = formLayout(10);

  test('a row typed below "Tổng" is an error at its cell, never silently dropped', () => {
    const wb = formWorkbook({ unit: 'Sở Y tế', data: [[100, 1_000_000, 0]] });
    recalc(wb);
    setCell(wb.sheets[0], `B${L.total + 1}`, 500);
    setCell(wb.sheets[0], `D${L.total + 1}`, 9_000_000);
    const r = extractReturn(wb);
    expect(r.status).toBe('error');
    expect(codes(r)).toContain(`error:rows.belowTotal@B${L.total + 1}`);
  });

  test('the signature footer below "Tổng" is not mistaken for figures', () => {
    const wb = formWorkbook({ unit: 'Sở Y tế', data: [[100, 1_000_000, 0]] });
    recalc(wb);
    expect(extractReturn(wb).problems.filter((p) => p.code === 'rows.belowTotal')).toEqual([]);
  });

  test("two filled forms: the campaign year decides, and with nothing to tell them apart it is an error, not a guess", () => {
    const old = formWorkbook({ unit: 'Sở Y tế', year: 2023, data: [[7, 100, 0]], sheetName: 'Năm 2023' });
    const cur = formWorkbook({ unit: 'Sở Y tế', year: 2024, data: [[900, 5_000, 0]], sheetName: 'Năm 2024' });
    recalc(old);
    recalc(cur);
    const wb: RawWorkbook = { ...old, sheets: [old.sheets[0], cur.sheets[0]], names: [] };
    const picked = extractReturn(wb, { campaignYear: 2024 });
    expect(picked.sheet).toBe('Năm 2024');
    expect(picked.rows.map((x) => x.participants)).toEqual([900]);
    const unsure = extractReturn(wb);
    expect(unsure.status).toBe('error');
    expect(codes(unsure)).toEqual(['error:form.ambiguous']);
  });

  test('with the rows above the table deleted, the title is not taken for the unit name', () => {
    const wb = formWorkbook({ data: [[1, 1, 1]] });
    const s = wb.sheets[0];
    s.cells.splice(1, 2); // rows 2–3 gone: "BIỂU TỔNG HỢP" now sits under "ĐƠN VỊ BÁO CÁO"
    s.merges = [];
    const r = extractReturn({ ...wb, names: [] });
    expect(r.unit).toBeUndefined();
    expect(codes(r)[0]).toMatch(/^error:unit\.missing/);
  });
});
