// The standard form in a real spreadsheet engine: LibreOffice fills it the way a
// clerk does (rows inserted in the middle and directly above "Tổng"), recalculates,
// and columns 3 and "Tổng" must match figures computed here from what was typed.
// Then the blank form is printed to PDF: A4 portrait, one page wide.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_FORM_PARAMS, FORM_LABELS, buildFormPlan, derivedTotal, formLayout, parseFormParams } from '../src/core/form';
import { cellAddress } from '../src/core/a1';
import { writeWorkbook } from '../src/workbook/write-xlsx';
import { LoCell, Op, RangeRead, cellNumber, cellText, isRange, libreOfficeProblem, runLibreOfficeJobs } from './helpers/soffice';

const problem = libreOfficeProblem();
if (problem) throw new Error(`LibreOffice is needed for this test: ${problem}`);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxh-form-recalc-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function writeForm(file: string, overrides: Record<string, unknown> = {}): Promise<void> {
  const parsed = parseFormParams({ ...DEFAULT_FORM_PARAMS, ...overrides });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  fs.writeFileSync(file, await writeWorkbook({ sheets: [buildFormPlan(parsed.params)], title: 'test' }));
}

/** One data row as the clerk typed it; undefined = left empty. */
interface Typed {
  participants?: number;
  budget?: number;
  other?: number;
}

describe('the form recalculated by LibreOffice', () => {
  const L = formLayout(DEFAULT_FORM_PARAMS.rows);
  // Final layout, after the clerk's insertions (see ops below):
  //   original rows 13..22 → 13..15, [inserted middle row 16], 17..23; 2 rows inserted above "Tổng" → 24, 25; Tổng at 26.
  const middle = L.firstData + 3; // inserted before the 4th data row
  const total = L.total + 3;
  const aboveTotal = [total - 2, total - 1];

  // What the clerk types, by final row number.
  const typed = new Map<number, Typed>([
    [L.firstData, { participants: 25, budget: 5_000_000, other: 1_200_000 }],
    // L.firstData + 1: left empty on purpose
    [L.firstData + 2, { participants: 120, budget: 12_000_000, other: 0 }],
    [middle, { participants: 64, budget: 3_000_000, other: 2_500_000 }], // inserted in the middle
    [middle + 1, { other: 3_500_000 }], // banners: funding, no participants
    [middle + 2, { participants: 40 }], // participants only: no money
    [middle + 3, { budget: 7_250_000 }],
    [aboveTotal[0], { participants: 310, budget: 20_000_000, other: 15_000_000 }],
    [aboveTotal[1], { participants: 18, other: 900_000 }],
  ]);

  const ops: Op[] = [
    { op: 'setText', cell: cellAddress(L.unitCell, 1), value: '=Trung tâm Công tác xã hội tỉnh' },
    { op: 'insertRows', before: middle, count: 1 },
    // Inserted rows come without the column-3 formula: the clerk copies it down, as in Excel.
    { op: 'setFormula', cell: cellAddress(middle, 3), formula: derivedTotal(middle) },
    { op: 'insertRows', before: total - 2, count: 2 }, // "Tổng" is at total-2 before this
    // ...but not always: the last inserted row has no column-3 formula, and "Tổng" must still hold.
    { op: 'setFormula', cell: cellAddress(aboveTotal[0], 3), formula: derivedTotal(aboveTotal[0]) },
  ];
  for (const [r, t] of typed) {
    if (t.participants !== undefined) ops.push({ op: 'setNumber', cell: cellAddress(r, 2), value: t.participants });
    if (t.budget !== undefined) ops.push({ op: 'setNumber', cell: cellAddress(r, 4), value: t.budget });
    if (t.other !== undefined) ops.push({ op: 'setNumber', cell: cellAddress(r, 5), value: t.other });
  }
  const tableRange = `A${L.columnNumbers}:E${total}`;
  ops.push({ op: 'find', text: FORM_LABELS.total }, { op: 'read', range: tableRange }, { op: 'read', range: cellAddress(L.unitCell, 1) });

  let live: RangeRead;
  let reopened: RangeRead;
  let totalRow: number | null;
  let unitCell: LoCell;

  beforeAll(async () => {
    const form = path.join(dir, 'form.xlsx');
    const filled = path.join(dir, 'filled.xlsx');
    await writeForm(form);
    const [edit, again] = await runLibreOfficeJobs([
      { input: form, ops, outputs: [{ path: filled, format: 'xlsx' }] },
      // The saved file, opened afresh: formulas must survive the round trip.
      { input: filled, ops: [{ op: 'read', range: tableRange }] },
    ]);
    const found = edit.reads[0];
    totalRow = 'row' in found ? found.row : null;
    live = edit.reads[1] as RangeRead;
    unitCell = (edit.reads[2] as RangeRead).cells[0][0];
    reopened = again.reads[0] as RangeRead;
    expect(isRange(live) && isRange(reopened)).toBe(true);
  });

  const at = (read: RangeRead, r: number, c: number): LoCell => read.cells[r - L.columnNumbers][c - 1];

  // Expected column 3 of a data row: blank when 4 and 5 are both empty, else 4 + 5.
  const expectedCol3 = (t: Typed | undefined): number | null =>
    t === undefined || (t.budget === undefined && t.other === undefined) ? null : (t.budget ?? 0) + (t.other ?? 0);

  it('keeps "Tổng" below every inserted row', () => {
    expect(totalRow).toBe(total);
    expect(cellText(at(live, total, 1))).toBe(FORM_LABELS.total);
  });

  it('keeps a unit name starting with "=" as text', () => {
    expect(unitCell).toEqual({ type: 'text', value: '=Trung tâm Công tác xã hội tỉnh' });
  });

  for (const which of ['live', 'reopened'] as const) {
    describe(which === 'live' ? 'after recalculation' : 'after saving as .xlsx and reopening', () => {
      const read = () => (which === 'live' ? live : reopened);

      it('computes column 3 = 4 + 5 on every data row, blank on rows without money', () => {
        for (let r = L.firstData; r < total; r++) {
          if (r === aboveTotal[1]) continue; // no formula copied down there
          const c3 = at(read(), r, 3);
          expect(c3.type).toBe('formula');
          const t = typed.get(r);
          const want = expectedCol3(t);
          expect({ row: r, col3: cellNumber(c3) }).toEqual({ row: r, col3: want });
          if (want === null) expect(cellText(c3)).toBe('');
        }
      });

      it('shows an untouched row as blank in column 3', () => {
        const empty = L.firstData + 1;
        expect(typed.has(empty)).toBe(false);
        expect(cellText(at(read(), empty, 3))).toBe('');
        expect(cellNumber(at(read(), empty, 3))).toBeNull();
      });

      it('sums every column in "Tổng", including rows inserted directly above it', () => {
        const rows = [...typed.values()];
        const sum = (f: (t: Typed) => number | null | undefined) => rows.reduce((s, t) => s + (f(t) ?? 0), 0);
        const want = {
          participants: sum((t) => t.participants),
          total: sum((t) => expectedCol3(t)),
          budget: sum((t) => t.budget),
          other: sum((t) => t.other),
        };
        const got = {
          participants: cellNumber(at(read(), total, 2)),
          total: cellNumber(at(read(), total, 3)),
          budget: cellNumber(at(read(), total, 4)),
          other: cellNumber(at(read(), total, 5)),
        };
        expect(got).toEqual(want);
        expect(want.total).toBe(want.budget + want.other);
      });

      it('keeps the column-number row exactly "1 | 2 | 3=4+5 | 4 | 5"', () => {
        expect(read().cells[0].map(cellText)).toEqual(['1', '2', '3=4+5', '4', '5']);
      });
    });
  }
});

describe('the blank form printed by LibreOffice', () => {
  interface Printed {
    pages: number;
    sizes: string[];
    pageTexts: string[];
  }
  const printed: Record<string, Printed> = {};
  let png: string;

  beforeAll(async () => {
    const blank = path.join(dir, 'blank.xlsx');
    const long = path.join(dir, 'long.xlsx');
    const themed = path.join(dir, 'themed.xlsx');
    await writeForm(blank);
    await writeForm(long, { rows: 80 });
    await writeForm(themed, {
      year: 2025,
      province: 'Lạng Sơn',
      body: 'Sở Y tế',
      plan: 'Kế hoạch số 12/KH-SYT ngày 05/3/2025',
      theme: 'Công tác xã hội Việt Nam - Đổi mới, kết nối và chuyên nghiệp',
      unit: 'Trung tâm Bảo trợ xã hội tỉnh',
    });
    const pdf = (n: string) => path.join(dir, `${n}.pdf`);
    await runLibreOfficeJobs([
      { input: blank, outputs: [{ path: pdf('blank'), format: 'pdf' }] },
      { input: long, outputs: [{ path: pdf('long'), format: 'pdf' }] },
      { input: themed, outputs: [{ path: pdf('themed'), format: 'pdf' }] },
    ]);
    for (const n of ['blank', 'long', 'themed']) {
      const info = execFileSync('pdfinfo', ['-l', '999', pdf(n)], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => `${Math.round(+m[1])}x${Math.round(+m[2])}`);
      const text = execFileSync('pdftotext', ['-layout', pdf(n), '-'], { encoding: 'utf8' });
      printed[n] = { pages, sizes, pageTexts: text.split('\f').filter((p) => p.trim() !== '') };
    }
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf('blank'), path.join(dir, 'blank')]);
    png = path.join(dir, 'blank.png');
    if (process.env.CTXH_KEEP_PRINT) fs.copyFileSync(png, process.env.CTXH_KEEP_PRINT);
  });

  it('prints the default 10-row form on one A4 portrait page', () => {
    expect(printed.blank.pages).toBe(1);
    expect(printed.blank.sizes).toEqual(['595x842']);
  });

  it('fits a form with a theme and a pre-filled unit on one A4 page too', () => {
    expect(printed.themed.pages).toBe(1);
    expect(printed.themed.sizes).toEqual(['595x842']);
    const text = printed.themed.pageTexts[0].replace(/\s+/g, ' ');
    expect(text).toContain('lần thứ 9');
    expect(text).toContain('Đổi mới, kết nối và chuyên nghiệp');
    expect(text).toContain('Trung tâm Bảo trợ xã hội tỉnh');
    expect(text).toContain('Lạng Sơn, ngày');
  });

  it('puts every column, the title and the signature block on that page', () => {
    const text = printed.blank.pageTexts[0];
    for (const label of ['ĐƠN VỊ BÁO CÁO', 'BIỂU TỔNG HỢP', 'TT', 'Số người', 'Tổng kinh phí', 'Trong đó', 'Vận động khác', '3=4+5', 'Tổng', 'THỦ TRƯỞNG ĐƠN VỊ', 'Đơn vị tính: đồng']) {
      expect(text).toContain(label);
    }
  });

  it('keeps a long form one page wide, repeating the header rows on every page', () => {
    const p = printed.long;
    expect(p.pages).toBeGreaterThan(1);
    expect(p.sizes.every((s) => s === '595x842')).toBe(true);
    // A page cut off at the side would lack the first or the last column's header.
    for (const text of p.pageTexts) {
      expect(text).toContain('Số người');
      expect(text).toContain('Vận động khác');
      expect(text).toContain('3=4+5');
    }
  });

  it('renders to an A4-shaped image', () => {
    const b = fs.readFileSync(png);
    const w = b.readUInt32BE(16);
    const h = b.readUInt32BE(20);
    expect(Math.abs(w - 579)).toBeLessThanOrEqual(2); // 595 pt at 70 dpi
    expect(Math.abs(h - 819)).toBeLessThanOrEqual(2);
  });
});
