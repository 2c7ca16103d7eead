// What real programs write is read with the values they saved: older formula record ids, long
// formula strings in STRING + CONTINUE, OLE streams and zip parts named in other cases, workbooks
// reached through _rels/.rels; Excel 2.x-4.0 worksheets refused for what they are; a tiny file
// whose one long shared string fills 100,000 cells costs bounded checking work. Every cell of a
// corpus of real .xls files is compared with what SheetJS reads from the untouched bytes.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync, Zippable } from 'fflate';
import { CELL_TEXT_EXAMINED, SHEET_TEXT_EXAMINED, textExamined } from '../src/core/text-meter';
import { FileRejected, RawWorkbook } from '../src/core/returns';
import { readWorkbookBytes } from '../src/workbook/read-workbook';
import { readReturn } from '../src/workbook/read-return';
import { parseChecked } from '../src/workbook/read/sheetjs';
import { toRawWorkbook } from '../src/workbook/read/to-grid';
import { amplifiedXlsx } from '../bench/amplified';
import { beforeLastEof, biffRecords, biffStream, formulaRecord, oldWorksheet, oleWith, patchXls, stringRecords, workbookStream } from './helpers/biff';
import { libreOfficeProblem, Op, runLibreOffice } from './helpers/soffice';

const ROOT = join(__dirname, '..');

function book(sheets: Record<string, unknown[][]>): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return wb;
}
const xlsOf = (wb: XLSX.WorkBook) => new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xls' }) as ArrayBuffer);
const xlsxOf = (wb: XLSX.WorkBook) => new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer);
const cell = (wb: RawWorkbook, sheet: number, r: number, c: number) => wb.sheets[sheet].cells[r]?.[c];

function refusal(bytes: Uint8Array, file: string): FileRejected {
  try {
    readWorkbookBytes(bytes, file);
  } catch (e) {
    if (e instanceof FileRejected) return e;
    throw e;
  }
  throw new Error(`${file} was read, a refusal was expected`);
}

/** Every difference between the product's reading and SheetJS's reading of the untouched bytes. */
function differencesFromSheetJs(bytes: Uint8Array, file: string): string[] {
  const ours = readWorkbookBytes(bytes, file);
  const theirs = toRawWorkbook(parseChecked(bytes, file, 'xls'), file, 'xls', undefined, undefined);
  const out: string[] = [];
  if (JSON.stringify(ours.sheets.map((s) => s.name)) !== JSON.stringify(theirs.sheets.map((s) => s.name))) out.push(`${file}: sheet names`);
  ours.sheets.forEach((s, i) => {
    const t = theirs.sheets[i];
    if (!t) return;
    const rows = Math.max(s.cells.length, t.cells.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(s.cells[r]?.length ?? 0, t.cells[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const a = JSON.stringify(s.cells[r]?.[c] ?? null);
        const b = JSON.stringify(t.cells[r]?.[c] ?? null);
        if (a !== b) out.push(`${file} ${s.name}!R${r + 1}C${c + 1}: ${a.slice(0, 80)} ≠ ${b.slice(0, 80)}`);
      }
    }
    if (JSON.stringify(s.merges) !== JSON.stringify(t.merges)) out.push(`${file} ${s.name}: merges`);
  });
  if (JSON.stringify(ours.names) !== JSON.stringify(theirs.names)) out.push(`${file}: defined names`);
  if (ours.problems?.length) out.push(`${file}: reader warnings ${ours.problems.map((p) => p.code).join(', ')}`);
  return out;
}

const LONG = Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
const base = xlsOf(book({ Biểu: [['ĐƠN VỊ BÁO CÁO', 1], ['Sở Y tế', 2]] }));

describe('.xls records real writers use', () => {
  test('formulas under the older id 0x0406 keep their values and expressions, with no warning', () => {
    const bytes = patchXls(base, beforeLastEof([formulaRecord(5, 0, 42, [0x1e, 0x0a, 0x00, 0x1e, 0x05, 0x00, 0x05], 0x0406), formulaRecord(6, 0, 7, [0x1e, 0x07, 0x00], 0x0206)]));
    const wb = readWorkbookBytes(bytes, 'old-ids.xls');
    expect(cell(wb, 0, 5, 0)).toMatchObject({ value: 42, formula: '10*5' });
    expect(cell(wb, 0, 6, 0)).toMatchObject({ value: 7, formula: '7' });
    expect(wb.problems).toBeUndefined();
    expect(differencesFromSheetJs(bytes, 'old-ids.xls')).toEqual([]);
  });

  test('a long formula string result in STRING + CONTINUE comes back whole, without NUL padding', () => {
    const bytes = patchXls(base, beforeLastEof([formulaRecord(6, 1, 'string', [0x17, 1, 0, 0x78], 0x0406), ...stringRecords(LONG)]));
    expect(biffRecords(workbookStream(bytes)).filter((r) => r.type === 0x003c).length).toBe(1);
    const v = cell(readWorkbookBytes(bytes, 'long.xls'), 0, 6, 1)!.value as string;
    expect(v.length).toBe(LONG.length);
    expect(v).toBe(LONG);
    expect(differencesFromSheetJs(bytes, 'long.xls')).toEqual([]);
  });

  test('a formula whose expression is dropped keeps its value and is named in a warning on the result', () => {
    // The expression runs past its record: unsafe for SheetJS, so it goes; the saved 42 stays.
    const bytes = patchXls(base, beforeLastEof([formulaRecord(9, 2, 42, [0x1e, 0x05, 0x00, 0x25, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00], 0x0006, 6)]));
    const wb = readWorkbookBytes(bytes, 'defused.xls');
    expect(cell(wb, 0, 9, 2)).toEqual({ value: 42, text: '42' });
    expect(wb.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'file.formulaUnread', sheet: 'Biểu', cell: 'C10' })]);
    const result = readReturn(bytes, 'defused.xls');
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'file.formulaUnread', cell: 'C10' }));
    expect(result.problems.find((p) => p.code === 'file.formulaUnread')!.message.vi).toMatch(/C10/);
  });

  test.each(['WORKBOOK', 'BOOK', 'workbook', 'Book'])('an OLE file whose workbook stream is named %s', (name) => {
    const bytes = oleWith(name, workbookStream(base));
    const wb = readWorkbookBytes(bytes, 'crystal.xls');
    expect(cell(wb, 0, 1, 0)).toMatchObject({ value: 'Sở Y tế' });
    expect(differencesFromSheetJs(bytes, 'crystal.xls')).toEqual([]);
  });

  test('a bare BIFF8 workbook stream (no OLE container) is read as SheetJS reads it', () => {
    const wb = readWorkbookBytes(workbookStream(base), 'bare.xls');
    expect(cell(wb, 0, 1, 1)).toMatchObject({ value: 2 });
  });

  test.each([2, 3, 4] as const)('an Excel %i.x worksheet is refused as old Excel, not as "not Excel"', (v) => {
    const bytes = oldWorksheet(v, 7, 'abc');
    // It is what it claims: SheetJS reads the number from it.
    const sj = XLSX.read(bytes, { type: 'array' });
    expect(sj.Sheets[sj.SheetNames[0]].A1.v).toBe(7);
    const e = refusal(bytes, 'excel4.xls');
    expect(e.code).toBe('file.oldExcel');
    expect(e.text.vi).toMatch(/Excel đời cũ/);
    expect(e.text.en).toMatch(/save it as \.xlsx/);
  });
});

describe('zip parts under other names and cases', () => {
  const src = xlsxOf(book({ Biểu: [['ĐƠN VỊ BÁO CÁO', 1], ['Sở Y tế', 2]] }));

  /** The package with xl/ as XL/, the workbook as XL/Book1.xml, found by [Content_Types].xml and _rels/.rels. */
  function renamed(declareInContentTypes: boolean): Uint8Array {
    const files = unzipSync(src);
    const out: Zippable = {};
    for (const [name, data] of Object.entries(files)) {
      const n = name.replace(/^xl\//, 'XL/').replace('XL/workbook.xml', 'XL/Book1.xml').replace('XL/_rels/workbook.xml.rels', 'XL/_rels/Book1.xml.rels');
      let d = data;
      if (name === '[Content_Types].xml') {
        let ct = strFromU8(data).replace(/\/xl\//g, '/XL/').replace('/XL/workbook.xml', '/XL/Book1.xml');
        if (!declareInContentTypes) ct = ct.replace(/<Override PartName="\/XL\/Book1\.xml"[^>]*\/>/, '');
        d = strToU8(ct);
      }
      if (name === '_rels/.rels') d = strToU8(strFromU8(data).replace('xl/workbook.xml', 'XL/Book1.xml'));
      out[n] = d;
    }
    expect(Object.keys(out)).not.toContain('xl/workbook.xml');
    return zipSync(out);
  }

  test('declared in [Content_Types].xml under another name and case: read as SheetJS reads it', () => {
    const bytes = renamed(true);
    const wb = readWorkbookBytes(bytes, 'other-names.xlsx');
    expect(wb.format).toBe('xlsx');
    expect(cell(wb, 0, 1, 0)).toMatchObject({ value: 'Sở Y tế' });
    expect(wb).toEqual({ ...toRawWorkbook(parseChecked(bytes, 'other-names.xlsx', 'xlsx'), 'other-names.xlsx', 'xlsx', undefined, undefined), modified: wb.modified });
  });

  test('reached only through _rels/.rels: read, and the values are the ones saved', () => {
    const wb = readWorkbookBytes(renamed(false), 'rels-only.xlsx');
    expect(cell(wb, 0, 0, 0)).toMatchObject({ value: 'ĐƠN VỊ BÁO CÁO' });
    expect(cell(wb, 0, 1, 1)).toMatchObject({ value: 2 });
  });

  test('an OOXML package whose main part is a Word document under another name is named as one', () => {
    const files: Zippable = {
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/doc/main.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="doc/main.xml"/></Relationships>'),
      'doc/main.xml': strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
    };
    expect(refusal(zipSync(files), 'bao-cao.xlsx').code).toBe('file.document');
  });
});

describe('checking work is bounded by the text examined', () => {
  const MB = 1024 * 1024;
  const big = 'Báo cáo '.repeat(MB / 8);

  /** A worksheet part of `rows` × `cols` cells, each the shared string `index` (cells without addresses, as some writers do). */
  function sheetXml(rows: number, cols: number, index: number, firstRow = 1): string {
    const out: string[] = [];
    for (let r = firstRow; r < firstRow + rows; r++) out.push(`<row r="${r}">${`<c t="s"><v>${index}</v></c>`.repeat(cols)}</row>`);
    return out.join('');
  }

  test('one 1 MB shared string in 100,000 cells: a tiny file, checked with bounded work', () => {
    const bytes = amplifiedXlsx(1000, 100, MB);
    expect(bytes.length).toBeLessThan(40 * 1024);
    const before = textExamined();
    const result = readReturn(bytes, 'amplified.xlsx');
    const work = textExamined() - before;
    expect(result.status).toBe('error');
    expect(result.problems[0].code).toBe('form.notFound');
    // Without the bounds every cell's full megabyte would be normalised: 100,000 × 1 MB.
    expect(work).toBeLessThanOrEqual(SHEET_TEXT_EXAMINED + CELL_TEXT_EXAMINED);
    expect(work).toBeLessThan((100_000 * MB) / 1000);
  });

  test('a real return with that string filling an appendix sheet and rows far below its form reads as without it', () => {
    const sample = readFileSync(join(ROOT, 'samples/returns/So Noi vu.xlsx'));
    const plain = readReturn(new Uint8Array(sample), 'So Noi vu.xlsx');
    expect(plain.rows.length).toBeGreaterThan(0);
    const files = unzipSync(new Uint8Array(sample));
    const sst = strFromU8(files['xl/sharedStrings.xml']);
    const index = (sst.match(/<si>/g) ?? []).length;
    files['xl/sharedStrings.xml'] = strToU8(sst.replace('</sst>', `<si><t>${big}</t></si></sst>`));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    files['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('</sheetData>', `${sheetXml(500, 100, index, 400)}</sheetData>`));
    files['xl/worksheets/sheet2.xml'] = strToU8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml(500, 100, index)}</sheetData></worksheet>`);
    files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']).replace('</sheets>', '<sheet name="Phụ lục" sheetId="9" r:id="rIdJunk"/></sheets>'));
    files['xl/_rels/workbook.xml.rels'] = strToU8(
      strFromU8(files['xl/_rels/workbook.xml.rels']).replace('</Relationships>', '<Relationship Id="rIdJunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>'),
    );
    files['[Content_Types].xml'] = strToU8(
      strFromU8(files['[Content_Types].xml']).replace('</Types>', '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    );
    const bytes = zipSync(files);
    const before = textExamined();
    const result = readReturn(bytes, 'So Noi vu.xlsx');
    expect(textExamined() - before).toBeLessThanOrEqual(4 * (SHEET_TEXT_EXAMINED + CELL_TEXT_EXAMINED));
    expect(result.unit).toBe(plain.unit);
    expect(result.rows).toEqual(plain.rows);
    expect(result.status).toBe(plain.status);
  });
});

// ---------------------------------------------------------------- the corpus: every cell against SheetJS

const loProblem = libreOfficeProblem();
(loProblem ? describe.skip : describe)('real .xls files: every cell as SheetJS reads the untouched bytes', () => {
  let dir: string;
  const corpus: { name: string; bytes: Uint8Array }[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ctxh-xls-corpus-'));
    // The starting workbook: text, numbers, booleans, dates with a format, merged cells.
    const ws = XLSX.utils.aoa_to_sheet([
      ['BÁO CÁO KẾT QUẢ', null, null, 'Ngày lập'],
      ['Đơn vị', 'Số người', 'Kinh phí', { t: 'n', v: 45741, z: 'dd/mm/yyyy' }],
      ['Sở Y tế', 120, 5_000_000.5, true],
      ['Hội Chữ thập đỏ — “trẻ em”', -3, 1e15, false],
      ['1.200.000', 0.1 + 0.2, 123456789012, { t: 'n', v: 45741.75, z: 'dd/mm/yyyy hh:mm' }],
    ]);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Số liệu');
    writeFileSync(join(dir, 'start.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const f = (cell: string, formula: string): Op => ({ op: 'setFormula', sheet: 'Công thức', cell, formula });
    const ops: Op[] = [
      { op: 'insertSheet', name: 'Công thức' },
      { op: 'insertSheet', name: 'Trống' },
      ...Array.from({ length: 30 }, (_, i): Op[] => [
        { op: 'setNumber', sheet: 'Công thức', cell: `A${i + 1}`, value: i * 1000 + 0.5 },
        f(`B${i + 1}`, `A${i + 1}*2`),
        f(`C${i + 1}`, `IF(A${i + 1}>10000;"nhiều";"ít")`),
      ]).flat(),
      f('D1', "SUM('Số liệu'.B3:B5)"),
      f('D2', 'REPT("ab";6000)'),
      f('D3', 'REPT("Công tác xã hội ";700)'),
      f('D4', '1/0'),
      f('D5', 'DATE(2025;3;25)'),
      f('D6', '""'),
      f('D7', '"Tổng: "&TEXT(D1;"#,##0")'),
      f('D8', 'A1=A1'),
      f('D9', 'SUMPRODUCT(A1:A30;B1:B30)'),
      f('D10', "'Số liệu'.A3&\" \"&'Số liệu'.A4"),
      { op: 'setText', sheet: 'Công thức', cell: 'E1', value: '=không phải công thức' },
      { op: 'setText', sheet: 'Công thức', cell: 'E2', value: LONG.slice(0, 5000) },
    ];
    await runLibreOffice(join(dir, 'start.xlsx'), ops, [{ path: join(dir, 'libreoffice.xls'), format: 'xls' }]);
    corpus.push({ name: 'libreoffice.xls', bytes: new Uint8Array(readFileSync(join(dir, 'libreoffice.xls'))) });
    const samples = join(ROOT, 'samples/returns');
    for (const n of readdirSync(samples).filter((x) => /\.xls$/i.test(x))) corpus.push({ name: n, bytes: new Uint8Array(readFileSync(join(samples, n))) });
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Differences explained: none so far. Each entry: the difference's start, and why it is right. */
  const EXPLAINED: { starts: string; why: string }[] = [];

  test('the LibreOffice file has what it should: long string results, formulas, several sheets', () => {
    const wb = readWorkbookBytes(corpus[0].bytes, 'libreoffice.xls');
    const f = wb.sheets.find((s) => s.name === 'Công thức')!;
    expect(f.cells[1][3]).toMatchObject({ value: 'ab'.repeat(6000), formula: expect.stringContaining('REPT') });
    expect(f.cells[2][3]!.value).toBe('Công tác xã hội '.repeat(700));
    expect(f.cells[3][3]).toMatchObject({ error: '#DIV/0!' });
    expect(f.cells[29][1]).toMatchObject({ value: 29000 * 2 + 1, formula: 'A30*2' });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Số liệu', 'Công thức', 'Trống']);
    // The file does use the record kinds this is about.
    const types = new Set(biffRecords(workbookStream(corpus[0].bytes)).map((r) => r.type));
    expect(types.has(0x0207) && types.has(0x003c) && types.has(0x00e5)).toBe(true);
  });

  test('every cell, merge and name of every file is what SheetJS reads from the untouched bytes', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(4);
    const diffs = corpus.flatMap((f) => differencesFromSheetJs(f.bytes, f.name));
    expect(diffs.filter((d) => !EXPLAINED.some((e) => d.startsWith(e.starts)))).toEqual([]);
  });
});
