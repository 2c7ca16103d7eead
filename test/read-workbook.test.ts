// Real files in, RawWorkbook out; hostile files refused quickly and within memory.
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { Deflate, strFromU8, strToU8, unzipSync, zipSync, Zippable } from 'fflate';
import { buildFormPlan, DEFAULT_FORM_PARAMS, FORM_NAMES, formLayout } from '../src/core/form';
import { FileRejected, RawWorkbook } from '../src/core/returns';
import { MAX_CELLS, MAX_FILE_BYTES, MAX_INFLATED_BYTES, MAX_SHEET_ROWS, readWorkbookBytes, sniffBytes } from '../src/workbook/read-workbook';
import { writeWorkbook } from '../src/workbook/write-xlsx';
import { beforeLastEof, formulaRecord, patchXls } from './helpers/biff';
import { RawEntry, deflatedEntry, rawZip } from './helpers/raw-zip';

const PARAMS = { ...DEFAULT_FORM_PARAMS, year: 2025, province: 'Lạng Sơn', plan: 'Kế hoạch số 31/KH-UBND ngày 1/3/2025' };
const L = formLayout(PARAMS.rows);
const UNIT_AS_FORMULA_TEXT = '=HYPERLINK("http://example.invalid","UBND huyện Bình Gia")';

// ---------------------------------------------------------------- helpers

function cellOf(wb: RawWorkbook, addr: string, sheet = 0) {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return wb.sheets[sheet].cells[Number(m[2]) - 1]?.[c - 1];
}

function rejection(bytes: Uint8Array, file = 'x.xlsx'): { err: FileRejected; ms: number } {
  const t = performance.now();
  let err: unknown;
  try {
    readWorkbookBytes(bytes, file);
  } catch (e) {
    err = e;
  }
  const ms = performance.now() - t;
  if (!(err instanceof FileRejected)) throw new Error(`expected FileRejected, got ${err === undefined ? 'success' : String(err)}`);
  return { err, ms };
}

function expectRejected(bytes: Uint8Array, code: string, file = 'x.xlsx'): FileRejected {
  const { err, ms } = rejection(bytes, file);
  expect(err.code).toBe(code);
  expect(err.file).toBe(file);
  expect(err.text.vi.length).toBeGreaterThan(20);
  expect(err.text.en.length).toBeGreaterThan(20);
  // A hang guard, not a speed target (npm run bench measures speed).
  expect(ms).toBeLessThan(15_000);
  if (process.env.SHOW_TIMES) console.log(`${code} ${file}: ${ms.toFixed(0)} ms`);
  return err;
}


function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, o), (o += p.length);
  return out;
}

const deflated = deflatedEntry;

/** A raw deflate stream of `mib` MiB of zeros, made without holding them. */
function deflatedZeros(mib: number): Uint8Array {
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => out.push(chunk));
  const zeros = new Uint8Array(1 << 20);
  for (let i = 0; i < mib; i++) d.push(zeros, i === mib - 1);
  return concat(out);
}

/** The xlsx as raw entries, with one part replaced. */
function xlsxWith(base: Uint8Array, replace: Record<string, RawEntry | Uint8Array>): Uint8Array {
  const files = unzipSync(base);
  const entries: RawEntry[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    const r = replace[name];
    entries.push(r === undefined ? deflated(name, data) : r instanceof Uint8Array ? deflated(name, r) : r);
  }
  return rawZip(entries);
}

function rand(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) & 0xff);
}

function odsZip(tableXml: string, extra: Zippable = {}): Uint8Array {
  const content =
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">' +
    `<office:body><office:spreadsheet><table:table table:name="Biểu">${tableXml}</table:table></office:spreadsheet></office:body></office:document-content>`;
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8(content),
    'styles.xml': strToU8('<?xml version="1.0"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
    'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>'),
    ...extra,
  });
}

const odsRow = (cells: string, repeat = 1) => `<table:table-row${repeat > 1 ? ` table:number-rows-repeated="${repeat}"` : ''}>${cells}</table:table-row>`;
const odsText = (s: string) => `<table:table-cell office:value-type="string"><text:p>${s}</text:p></table:table-cell>`;
const odsNum = (n: number, cols = 1) => `<table:table-cell${cols > 1 ? ` table:number-columns-repeated="${cols}"` : ''} office:value-type="float" office:value="${n}"><text:p>${n}</text:p></table:table-cell>`;

// ---------------------------------------------------------------- the filled form, three formats

let template: Uint8Array;
let filledXlsx: Uint8Array;
let filledXls: Uint8Array;
let filledOds: Uint8Array;

beforeAll(async () => {
  template = await writeWorkbook({ sheets: [buildFormPlan(PARAMS)], title: 'Biểu CTXH' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template.slice().buffer as ArrayBuffer);
  const ws = wb.worksheets[0];
  const r1 = L.firstData;
  ws.getCell(L.unitCell, 1).value = UNIT_AS_FORMULA_TEXT; // typed as text: must stay text
  ws.getCell(r1, 2).value = 120;
  ws.getCell(r1, 4).value = 5000000;
  ws.getCell(r1, 5).value = 1500000;
  ws.getCell(r1 + 1, 2).value = '1.200';
  ws.getCell(r1 + 1, 4).value = '2.000.000 đ';
  ws.getCell(r1 + 1, 5).value = 0;
  ws.getCell(r1 + 1, 3).value = { formula: `IF(COUNTA(D${r1 + 1}:E${r1 + 1})=0,"",SUM(D${r1 + 1}:E${r1 + 1}))`, result: 2000000 } as ExcelJS.CellFormulaValue;
  ws.getCell(r1 + 2, 2).value = { formula: '10*5', result: 50 } as ExcelJS.CellFormulaValue;
  ws.getCell(r1 + 2, 5).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  ws.getCell(r1 + 3, 2).value = '+84 người';
  ws.getCell(1, 7).value = true;
  filledXlsx = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

  const sj = XLSX.read(filledXlsx, { type: 'array', cellFormula: true, sheetStubs: true });
  filledXls = new Uint8Array(XLSX.write(sj, { type: 'array', bookType: 'xls' }) as ArrayBuffer);
  filledOds = new Uint8Array(XLSX.write(sj, { type: 'array', bookType: 'ods' }) as ArrayBuffer);
});

describe('reading real files', () => {
  test('sniffs the container from the bytes, not the name', () => {
    expect(sniffBytes(filledXlsx)).toBe('zip');
    expect(sniffBytes(filledXls)).toBe('ole');
    expect(readWorkbookBytes(filledXlsx, 'named-like.xls').format).toBe('xlsx');
    expect(readWorkbookBytes(filledXls, 'named-like.xlsx').format).toBe('xls');
    expect(readWorkbookBytes(filledOds, 'no-extension').format).toBe('ods');
  });

  test('.xlsx written by exceljs: values, formulas, text that looks like a formula, names, merges, date', () => {
    const wb = readWorkbookBytes(filledXlsx, 'bao-cao.xlsx');
    expect(wb.file).toBe('bao-cao.xlsx');
    expect(wb.format).toBe('xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual([`Biểu CTXH ${PARAMS.year}`]);
    const r1 = L.firstData;
    expect(cellOf(wb, `A${L.unitCell}`)).toMatchObject({ value: UNIT_AS_FORMULA_TEXT });
    expect(cellOf(wb, `A${L.unitCell}`)!.formula).toBeUndefined();
    expect(cellOf(wb, `B${r1}`)).toMatchObject({ value: 120 });
    expect(cellOf(wb, `D${r1}`)).toMatchObject({ value: 5000000 });
    // Template formula with no saved result: formula text, value null.
    expect(cellOf(wb, `C${r1}`)).toEqual({ value: null, formula: `IF(COUNTA(D${r1}:E${r1})=0,"",SUM(D${r1}:E${r1}))` });
    expect(cellOf(wb, `C${r1 + 1}`)).toMatchObject({ value: 2000000, formula: expect.stringContaining('SUM(') });
    expect(cellOf(wb, `B${r1 + 1}`)).toMatchObject({ value: '1.200' });
    expect(cellOf(wb, `D${r1 + 1}`)).toMatchObject({ value: '2.000.000 đ' });
    expect(cellOf(wb, `B${r1 + 2}`)).toMatchObject({ value: 50, formula: '10*5' });
    expect(cellOf(wb, `E${r1 + 2}`)).toMatchObject({ value: null, error: '#DIV/0!' });
    expect(cellOf(wb, `B${r1 + 3}`)).toMatchObject({ value: '+84 người' });
    expect(cellOf(wb, 'G1')).toMatchObject({ value: true });
    expect(cellOf(wb, `A${L.total}`)).toMatchObject({ value: 'Tổng' });
    // "Tổng" stays blank until a figure is entered: IF(COUNT(…)=0,"",SUM(…)) over the growing range.
    expect(cellOf(wb, `B${L.total}`)!.formula).toMatch(/^IF\(COUNT\(INDEX\(B:B.*SUM\(INDEX\(B:B/);
    // An empty styled input cell is a hole, not a cell.
    expect(cellOf(wb, `B${r1 + 5}`)).toBeUndefined();

    const sheet = wb.sheets[0].name;
    const byName = Object.fromEntries(wb.names.map((n) => [n.name, n]));
    expect(byName[FORM_NAMES.unit]).toEqual({ name: FORM_NAMES.unit, sheet, r1: L.unitCell, c1: 1, r2: L.unitCell, c2: 1 });
    expect(byName[FORM_NAMES.data]).toEqual({ name: FORM_NAMES.data, sheet, r1: L.firstData, c1: 1, r2: L.lastData, c2: 5 });
    expect(byName[FORM_NAMES.total]).toMatchObject({ sheet, r1: L.total, r2: L.total });
    expect(byName[FORM_NAMES.columnNumbers]).toMatchObject({ sheet, r1: L.columnNumbers, c1: 1, c2: 5 });

    expect(wb.sheets[0].merges).toContainEqual({ r1: L.unitHeading, c1: 1, r2: L.unitHeading, c2: 2 });
    expect(wb.sheets[0].merges).toContainEqual({ r1: L.title, c1: 1, r2: L.title, c2: 5 });
    expect(wb.sheets[0].merges).toContainEqual({ r1: L.header1, c1: 4, r2: L.header1, c2: 5 });

    // exceljs stamps the core properties; an explicit time wins.
    expect(wb.modified).toEqual(expect.any(Number));
    expect(Math.abs(wb.modified! - Date.now())).toBeLessThan(10 * 60_000);
    // The file's own recorded date wins over the file system's (reset by e-mail and copies).
    expect(readWorkbookBytes(filledXlsx, 'a.xlsx', 1234).modified).toBe(wb.modified);
  });

  test('.xls (BIFF8, written by SheetJS): values and verbatim text come through', () => {
    const wb = readWorkbookBytes(filledXls, 'bao-cao.xls');
    expect(wb.format).toBe('xls');
    const r1 = L.firstData;
    expect(cellOf(wb, `A${L.unitCell}`)).toMatchObject({ value: UNIT_AS_FORMULA_TEXT });
    expect(cellOf(wb, `A${L.unitCell}`)!.formula).toBeUndefined();
    expect(cellOf(wb, `B${r1}`)).toMatchObject({ value: 120 });
    expect(cellOf(wb, `E${r1}`)).toMatchObject({ value: 1500000 });
    expect(cellOf(wb, `B${r1 + 1}`)).toMatchObject({ value: '1.200' });
    expect(cellOf(wb, `C${r1 + 1}`)).toMatchObject({ value: 2000000 });
    expect(cellOf(wb, `A${L.total}`)).toMatchObject({ value: 'Tổng' });
    expect(wb.sheets[0].merges).toContainEqual({ r1: L.title, c1: 1, r2: L.title, c2: 5 });
    // SheetJS writes neither formulas nor defined names to .xls; LibreOffice-made .xls is tested below.
  });

  test('.ods (written by SheetJS): values, formulas, names, merges', () => {
    const wb = readWorkbookBytes(filledOds, 'bao-cao.ods');
    expect(wb.format).toBe('ods');
    const r1 = L.firstData;
    expect(cellOf(wb, `A${L.unitCell}`)).toMatchObject({ value: UNIT_AS_FORMULA_TEXT });
    expect(cellOf(wb, `A${L.unitCell}`)!.formula).toBeUndefined();
    expect(cellOf(wb, `D${r1}`)).toMatchObject({ value: 5000000 });
    expect(cellOf(wb, `D${r1 + 1}`)).toMatchObject({ value: '2.000.000 đ' });
    expect(cellOf(wb, `B${r1 + 2}`)).toMatchObject({ value: 50, formula: '10*5' });
    const sheet = wb.sheets[0].name;
    const byName = Object.fromEntries(wb.names.map((n) => [n.name, n]));
    expect(byName[FORM_NAMES.unit]).toMatchObject({ sheet, r1: L.unitCell, c1: 1, r2: L.unitCell, c2: 1 });
    expect(byName[FORM_NAMES.data]).toMatchObject({ sheet, r1: L.firstData, c1: 1, r2: L.lastData, c2: 5 });
    expect(wb.sheets[0].merges).toContainEqual({ r1: L.header1, c1: 4, r2: L.header1, c2: 5 });
  });

  test('a name that points nowhere stays without a sheet', () => {
    const files = unzipSync(filledXlsx);
    const xml = strFromU8(files['xl/workbook.xml']).replace(
      '</definedNames>',
      '<definedName name="Gone">#REF!</definedName><definedName name="Other">\'No such sheet\'!$A$1</definedName></definedNames>',
    );
    files['xl/workbook.xml'] = strToU8(xml);
    const wb = readWorkbookBytes(zipSync(files), 'n.xlsx');
    expect(wb.names).toContainEqual({ name: 'Gone' });
    expect(wb.names).toContainEqual({ name: 'Other' });
  });

  test('a dimension claiming a million rows over a small sheet is read, quickly and clipped', () => {
    const files = unzipSync(filledXlsx);
    files['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(files['xl/worksheets/sheet1.xml']).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    const t = performance.now();
    const wb = readWorkbookBytes(zipSync(files), 'dim.xlsx');
    expect(performance.now() - t).toBeLessThan(2000);
    expect(wb.sheets[0].cells.length).toBeLessThan(40);
    expect(cellOf(wb, `B${L.firstData}`)).toMatchObject({ value: 120 });
  });

  test('an .ods with LibreOffice-style trailing empty rows (a million repeated) is read quickly', () => {
    const ods = odsZip(odsRow(odsText('ĐƠN VỊ BÁO CÁO')) + odsRow(odsNum(7)) + odsRow('<table:table-cell table:number-columns-repeated="1024"/>', 1048574));
    const t = performance.now();
    const wb = readWorkbookBytes(ods, 'lo.ods');
    expect(performance.now() - t).toBeLessThan(2000);
    expect(cellOf(wb, 'A1')).toMatchObject({ value: 'ĐƠN VỊ BÁO CÁO' });
    expect(cellOf(wb, 'A2')).toMatchObject({ value: 7 });
    expect(wb.sheets[0].cells.length).toBe(2);
  });
});

// ---------------------------------------------------------------- made by LibreOffice, when it is installed

const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync('which', [b]).status === 0);
(soffice ? describe : describe.skip)('files saved by LibreOffice', () => {
  let dir: string;
  const out: Record<string, Uint8Array> = {};
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ctxh-lo-'));
    writeFileSync(join(dir, 'form.xlsx'), filledXlsx);
    const profile = `file://${join(dir, 'profile')}`;
    for (const fmt of ['xls', 'ods']) {
      execFileSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', fmt, '--outdir', dir, join(dir, 'form.xlsx')], { stdio: 'ignore', timeout: 90_000 });
      out[fmt] = new Uint8Array(readFileSync(join(dir, `form.${fmt}`)));
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(['xls', 'ods'] as const)('.%s: values, verbatim text, formulas and defined names', (fmt) => {
    const t = performance.now();
    const wb = readWorkbookBytes(out[fmt], `form.${fmt}`);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(wb.format).toBe(fmt);
    const r1 = L.firstData;
    expect(cellOf(wb, `A${L.unitCell}`)).toMatchObject({ value: UNIT_AS_FORMULA_TEXT });
    expect(cellOf(wb, `A${L.unitCell}`)!.formula).toBeUndefined();
    expect(cellOf(wb, `B${r1}`)).toMatchObject({ value: 120 });
    expect(cellOf(wb, `D${r1 + 1}`)).toMatchObject({ value: '2.000.000 đ' });
    expect(cellOf(wb, `B${r1 + 2}`)).toMatchObject({ value: 50, formula: '10*5' });
    expect(cellOf(wb, `C${r1}`)!.formula).toMatch(/COUNTA/);
    const sheet = wb.sheets[0].name;
    const byName = Object.fromEntries(wb.names.map((n) => [n.name, n]));
    expect(byName[FORM_NAMES.unit]).toMatchObject({ sheet, r1: L.unitCell, c1: 1, r2: L.unitCell, c2: 1 });
    expect(byName[FORM_NAMES.data]).toMatchObject({ sheet, r1: L.firstData, c1: 1, r2: L.lastData, c2: 5 });
    expect(wb.sheets[0].merges).toContainEqual({ r1: L.title, c1: 1, r2: L.title, c2: 5 });
    // The file's own last-saved time (SummaryInformation / meta.xml).
    expect(Math.abs(wb.modified! - Date.now())).toBeLessThan(24 * 3600_000);
  });
});

// ---------------------------------------------------------------- hostile and broken files

describe('refusals: clear message, under 2 s', () => {
  test('empty file', () => {
    const e = expectRejected(new Uint8Array(0), 'file.empty');
    expect(e.text.vi).toMatch(/Tệp trống/);
    expectRejected(strToU8('   \r\n  '), 'file.empty');
  });

  test('truncated zip', () => {
    const e = expectRejected(filledXlsx.subarray(0, Math.floor(filledXlsx.length * 0.6)), 'file.damaged');
    expect(e.text.vi).toMatch(/hỏng/);
    expectRejected(filledXlsx.subarray(0, filledXlsx.length - 10), 'file.damaged');
  });

  test('8 KB of random bytes', () => {
    const next = rand(42);
    const junk = Uint8Array.from({ length: 8192 }, next);
    junk[0] = 0x9a; // not a signature by accident
    const e = expectRejected(junk, 'file.unknown', 'random.xls');
    expect(e.text.vi).toMatch(/Không nhận ra định dạng/);
  });

  test('valid xlsx whose sheet XML is cut in half', () => {
    const sheet = unzipSync(filledXlsx)['xl/worksheets/sheet1.xml'];
    const cut = xlsxWith(filledXlsx, { 'xl/worksheets/sheet1.xml': sheet.subarray(0, sheet.length >> 1) });
    const e = expectRejected(cut, 'file.damaged');
    expect(e.text.vi).toContain('xl/worksheets/sheet1.xml');
    // Also when the cut falls right after a complete row.
    const s = strFromU8(sheet);
    const cut2 = xlsxWith(filledXlsx, { 'xl/worksheets/sheet1.xml': strToU8(s.slice(0, s.indexOf('</row>') + 6)) });
    expectRejected(cut2, 'file.damaged');
    // The same for an .ods whose content.xml lost its end.
    const ods = unzipSync(filledOds);
    const content = ods['content.xml'];
    ods['content.xml'] = content.subarray(0, content.length - 40);
    expect(rejection(zipSync(ods), 'cut.ods').err.text.vi).toContain('content.xml');
  });

  test('HTML table renamed .xls', () => {
    const html = '<html><head><meta charset="utf-8"></head><body><table><tr><td>ĐƠN VỊ BÁO CÁO</td></tr><tr><td>Tổng</td><td>5</td></tr></table></body></html>';
    const e = expectRejected(strToU8(html), 'file.html', 'bao-cao.xls');
    expect(e.text.vi).toMatch(/trang HTML/);
    expectRejected(concat([new Uint8Array([0xef, 0xbb, 0xbf]), strToU8('\r\n  <!DOCTYPE html>\n' + html)]), 'file.html', 'b.xls');
  });

  test('other things clerks send: PDF, CSV, Word, encrypted .ods, too-large file', () => {
    expectRejected(strToU8('%PDF-1.7\n1 0 obj'), 'file.pdf', 'a.xlsx');
    expectRejected(strToU8('TT,Số người tham gia\n1,120\n'), 'file.text', 'a.xlsx');
    expectRejected(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }), 'file.document', 'a.xlsx');
    const encOds = odsZip(odsRow(odsNum(1)), {
      'META-INF/manifest.xml': strToU8('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>'),
    });
    expectRejected(encOds, 'file.password', 'a.ods');
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expectRejected(big, 'file.tooLarge');
  });

  test('zip bomb: ~300 KB inflating to 300 MB, honest and lying headers, within memory', () => {
    const bomb = deflatedZeros(300);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const honest = xlsxWith(filledXlsx, { 'xl/worksheets/sheet1.xml': { name: 'xl/worksheets/sheet1.xml', stored: bomb, method: 8, crc: 0, usize: 300 * 1024 * 1024 } });
    // The header claims 2 KB; only inflating tells the truth.
    const lying = xlsxWith(filledXlsx, { 'xl/worksheets/sheet1.xml': { name: 'xl/worksheets/sheet1.xml', stored: bomb, method: 8, crc: 0, usize: 2048 } });
    for (const [label, bytes] of [['honest', honest], ['lying', lying]] as const) {
      const rss0 = process.memoryUsage().rss;
      const { err, ms } = rejection(bytes, `${label}.xlsx`);
      const grew = process.memoryUsage().rss - rss0;
      expect(err.code).toBe('file.zipBomb');
      expect(err.text.vi).toMatch(/giải nén/);
      expect(ms).toBeLessThan(2000);
      expect(grew).toBeLessThan(300 * 1024 * 1024);
      console.log(`zip bomb (${label} headers, ${Math.round(bytes.length / 1024)} KB): refused in ${ms.toFixed(0)} ms, RSS +${(grew / 1048576).toFixed(0)} MB`);
    }
  });

  test('a small part whose header is off by a few bytes is refused as damaged, more or less than declared', () => {
    const sheet = unzipSync(filledXlsx)['xl/worksheets/sheet1.xml'];
    const entry = deflated('xl/worksheets/sheet1.xml', sheet);
    for (const usize of [sheet.length - 10, sheet.length + 10]) {
      const err = expectRejected(xlsxWith(filledXlsx, { 'xl/worksheets/sheet1.xml': { ...entry, usize } }), 'file.damaged');
      expect(err.text.vi).toContain('kích thước sai');
    }
    // Declared right, bytes right: read (the one-call inflate path).
    expect(readWorkbookBytes(xlsxWith(filledXlsx, { 'xl/worksheets/sheet1.xml': entry }), 'x.xlsx').sheets.length).toBeGreaterThan(0);
  });

  test('many medium entries: the cap is on the total, declared and actual', () => {
    const chunk = deflatedZeros(8);
    const wbXml = deflated('xl/workbook.xml', strToU8('<workbook/>'));
    const entries = (usize: number) => Array.from({ length: 10 }, (_, i): RawEntry => ({ name: `xl/media/image${i}.bin`, stored: chunk, method: 8, crc: 0, usize }));
    expectRejected(rawZip([wbXml, ...entries(8 << 20)]), 'file.zipBomb');
    // Each header claims 100 bytes: the shared budget still runs out while inflating.
    expectRejected(rawZip([wbXml, ...entries(100)]), 'file.zipBomb');
    // One entry with an absurd ratio, under the total cap.
    expectRejected(rawZip([wbXml, { name: 'xl/worksheets/sheet1.xml', stored: deflatedZeros(12), method: 8, crc: 0, usize: 12 << 20 }]), 'file.zipBomb');
  });

  test('xlsx with a million rows (tiny file) is refused by the row cap', () => {
    const sheet = strFromU8(unzipSync(filledXlsx)['xl/worksheets/sheet1.xml']);
    const million = sheet.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${'<row><c><v>1</v></c></row>'.repeat(1_000_000)}</sheetData>`);
    const bytes = xlsxWith(filledXlsx, { 'xl/worksheets/sheet1.xml': strToU8(million) });
    expect(bytes.length).toBeLessThan(200 * 1024);
    const rss0 = process.memoryUsage().rss;
    const e = expectRejected(bytes, 'file.tooManyRows');
    expect(process.memoryUsage().rss - rss0).toBeLessThan(300 * 1024 * 1024);
    expect(e.text.vi).toMatch(/quá lớn \(hơn 100\.000 dòng\)/);
    expect(MAX_SHEET_ROWS).toBe(100_000);
  });

  test('xlsx with three million rows is refused by the inflate cap before counting', () => {
    const rows = strToU8('<row><c><v>1</v></c></row>'.repeat(100_000));
    const parts: Uint8Array[] = [];
    const d = new Deflate({ level: 6 }, (c) => parts.push(c));
    d.push(strToU8('<worksheet><sheetData>'));
    for (let i = 0; i < 30; i++) d.push(rows);
    d.push(strToU8('</sheetData></worksheet>'), true);
    const stored = concat(parts);
    expect(stored.length * 1000).toBeGreaterThan(0);
    const bytes = xlsxWith(filledXlsx, { 'xl/worksheets/sheet1.xml': { name: 'xl/worksheets/sheet1.xml', stored, method: 8, crc: 0, usize: 30 * rows.length + 46 } });
    expect(MAX_INFLATED_BYTES).toBeLessThan(30 * rows.length);
    expectRejected(bytes, 'file.zipBomb');
  });

  test('xlsx with too many cells in few rows is refused', () => {
    const sheet = strFromU8(unzipSync(filledXlsx)['xl/worksheets/sheet1.xml']);
    const wide = sheet.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${`<row>${'<c><v>1</v></c>'.repeat(MAX_CELLS / 4 + 1)}</row>`.repeat(4)}</sheetData>`);
    expectRejected(xlsxWith(filledXlsx, { 'xl/worksheets/sheet1.xml': strToU8(wide) }), 'file.tooManyCells');
  });

  test('array formulas that would make SheetJS quadratic', () => {
    const sheet = strFromU8(unzipSync(filledXlsx)['xl/worksheets/sheet1.xml']);
    const rows = Array.from({ length: 300 }, (_, r) => {
      const cells = Array.from({ length: 100 }, (_, c) => (c % 2 ? `<c><f>1+${c}</f><v>1</v></c>` : `<c><f t="array" ref="A${r + 1}:B${r + 1}">1</f><v>1</v></c>`)).join('');
      return `<row>${cells}</row>`;
    }).join('');
    const bytes = xlsxWith(filledXlsx, { 'xl/worksheets/sheet1.xml': strToU8(sheet.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`)) });
    const e = expectRejected(bytes, 'file.tooManyFormulas');
    expect(e.text.vi).toMatch(/công thức mảng/);
    const matrix = `<table:table-cell table:formula="of:=1" table:number-matrix-columns-spanned="1" table:number-matrix-rows-spanned="1" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>`;
    expectRejected(odsZip(odsRow(matrix.repeat(50) + odsNum(1).repeat(50), 1).repeat(100)), 'file.tooManyFormulas', 'a.ods');
  });

  test('.ods declaring a million repeated rows with content', () => {
    const ods = odsZip(odsRow(odsText('ĐƠN VỊ BÁO CÁO')) + odsRow(odsNum(1), 1_000_000));
    expect(ods.length).toBeLessThan(4096);
    const rss0 = process.memoryUsage().rss;
    const e = expectRejected(ods, 'file.tooManyRows', 'bomb.ods');
    expect(process.memoryUsage().rss - rss0).toBeLessThan(300 * 1024 * 1024);
    expect(e.text.vi).toContain('Biểu');
  });

  test('.ods repeating a cell over thousands of columns and rows', () => {
    expectRejected(odsZip(odsRow(odsNum(1, 16384), 1000)), 'file.tooManyCells', 'bomb.ods');
    // The repeat hidden behind a long attribute that contains ">".
    const sneaky = `<table:table-row table:number-rows-repeated="2000"><table:table-cell table:formula="of:=[.A1]&gt;0${' '.repeat(5000)}>" table:number-columns-repeated="1000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>`;
    expectRejected(odsZip(sneaky), 'file.tooManyCells', 'bomb.ods');
    // Hex repeat counts, which SheetJS reads as numbers.
    expectRejected(odsZip(`<table:table-row table:number-rows-repeated="0x7FFFFFF">${odsNum(1)}</table:table-row>`), 'file.tooManyRows', 'bomb.ods');
  });

  test('parts that would switch SheetJS to another parser are not passed on', () => {
    // An xlsx carrying an ODS manifest and a cell-bomb content.xml: SheetJS alone would parse the ODS.
    const odsBomb = unzipSync(odsZip(odsRow(odsNum(1, 16384), 1000)));
    const files: Record<string, Uint8Array> = unzipSync(filledXlsx);
    files['META-INF/manifest.xml'] = odsBomb['META-INF/manifest.xml'];
    files['content.xml'] = odsBomb['content.xml'];
    files['Index.zip'] = odsZip(odsRow(odsNum(1, 16384), 1000));
    const t = performance.now();
    const wb = readWorkbookBytes(zipSync(files), 'mixed.xlsx');
    expect(performance.now() - t).toBeLessThan(2000);
    expect(wb.format).toBe('xlsx');
    expect(cellOf(wb, `B${L.firstData}`)).toMatchObject({ value: 120 });
  });

  test('two sheets pointing at one worksheet part', () => {
    const files = unzipSync(filledXlsx);
    const wbXml = strFromU8(files['xl/workbook.xml']);
    const sheetTag = /<sheet [^>]*\/>/.exec(wbXml)![0];
    const copies = Array.from({ length: 50 }, (_, i) => sheetTag.replace(/name="[^"]*"/, `name="S${i}"`).replace(/sheetId="\d+"/, `sheetId="${i + 10}"`)).join('');
    files['xl/workbook.xml'] = strToU8(wbXml.replace(sheetTag, sheetTag + copies));
    const e = expectRejected(zipSync(files), 'file.damaged');
    expect(e.text.vi).toMatch(/nhiều trang tính/);
  });

  test('a workbook declared as binary (.xlsb) in [Content_Types].xml', () => {
    const files = unzipSync(filledXlsx);
    files['[Content_Types].xml'] = strToU8(
      strFromU8(files['[Content_Types].xml']).replace('</Types>', '<Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>'),
    );
    expectRejected(zipSync(files), 'file.xlsb');
  });

  test('password-protected xlsx (OLE container with EncryptionInfo)', () => {
    const CFB = XLSX.CFB;
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array(200).fill(0)]));
    CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(8192).fill(7));
    const bytes = new Uint8Array(CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    expect(sniffBytes(bytes)).toBe('ole');
    const e = expectRejected(bytes, 'file.password');
    expect(e.text.vi).toMatch(/mật khẩu/);
  });

  test('password-protected xls (FILEPASS record in the workbook globals)', () => {
    const CFB = XLSX.CFB;
    const cfb = CFB.read(filledXls, { type: 'buffer' });
    const entry = cfb.FileIndex.find((f: { name: string }) => f.name === 'Workbook');
    const stream = Uint8Array.from(entry.content as ArrayLike<number>);
    const bofLen = stream[2] | (stream[3] << 8);
    const filePass = new Uint8Array([0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x34, 0x12, 0x78, 0x56]); // XOR obfuscation
    const patched = concat([stream.subarray(0, 4 + bofLen), filePass, stream.subarray(4 + bofLen)]);
    entry.content = patched;
    entry.size = patched.length;
    const bytes = new Uint8Array(CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
    // The crafted file is what SheetJS itself calls password-protected.
    expect(() => XLSX.read(bytes, { type: 'array' })).toThrow(/password/i);
    const e = expectRejected(bytes, 'file.password', 'a.xls');
    expect(e.text.vi).toMatch(/mật khẩu/);
  });

  test('.xls records that hang SheetJS are refused or defused', () => {
    // A FORMULA record too short for its header: SheetJS would loop forever on the NaN it reads.
    const short = patchXls(filledXls, beforeLastEof([{ type: 0x0006, body: new Uint8Array(19).fill(1) }]));
    expectRejected(short, 'file.damaged', 'short.xls');
    // An EXTERNSHEET with no count: the same.
    const ext = patchXls(filledXls, (rs) => {
      const i = rs.findIndex((r) => r.type === 0x0085);
      return [...rs.slice(0, i), { type: 0x0017, body: new Uint8Array(0) }, ...rs.slice(i)];
    });
    expectRejected(ext, 'file.damaged', 'ext.xls');
    // An expression whose last token runs past its length: the formula text is dropped, the saved value kept.
    const overrun = patchXls(filledXls, beforeLastEof([formulaRecord(40, 0, 42, [0x1e, 0x05, 0x00, 0x25, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00], 0x0006, 6)]));
    const t = performance.now();
    const wb = readWorkbookBytes(overrun, 'overrun.xls');
    expect(performance.now() - t).toBeLessThan(2000);
    expect(cellOf(wb, 'A41')).toEqual({ value: 42, text: '42' });
    // A clean expression comes through: 10*5 as PtgInt PtgInt PtgMul.
    const clean = patchXls(filledXls, beforeLastEof([formulaRecord(40, 0, 50, [0x1e, 0x0a, 0x00, 0x1e, 0x05, 0x00, 0x05])]));
    expect(cellOf(readWorkbookBytes(clean, 'clean.xls'), 'A41')).toMatchObject({ value: 50, formula: '10*5' });
  });

  test('OLE signature followed by junk', () => {
    const next = rand(7);
    const junk = Uint8Array.from({ length: 8192 }, next);
    junk.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const { err, ms } = rejection(junk, 'junk.xls');
    expect(['file.damaged', 'file.notSpreadsheet']).toContain(err.code);
    expect(ms).toBeLessThan(2000);
  });

  test('zip with junk after a valid signature, and an unsupported compression method', () => {
    const next = rand(9);
    const junk = Uint8Array.from({ length: 8192 }, next);
    junk.set([0x50, 0x4b, 0x03, 0x04]);
    expectRejected(junk, 'file.damaged');
    const files = unzipSync(filledXlsx);
    const entries = Object.entries(files)
      .filter(([n]) => !n.endsWith('/'))
      .map(([n, d]) => (n === 'xl/styles.xml' ? { ...deflated(n, d), method: 12 as unknown as 8 } : deflated(n, d)));
    expectRejected(rawZip(entries), 'file.notSpreadsheet');
  });

  test('damaged copies of real files: a refusal or a workbook, never a crash, never slow', () => {
    const bases = { xlsx: () => filledXlsx, xls: () => filledXls, ods: () => filledOds };
    fc.assert(
      fc.property(
        fc.constantFrom('xlsx', 'xls', 'ods'),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        (fmt, edits) => {
          const b = bases[fmt as keyof typeof bases]().slice();
          for (const [at, v] of edits) b[Math.min(b.length - 1, Math.floor(at * b.length))] = v;
          const t = performance.now();
          try {
            readWorkbookBytes(b, `f.${fmt}`);
          } catch (e) {
            if (!(e instanceof FileRejected)) throw e;
          }
          expect(performance.now() - t).toBeLessThan(2000);
        },
      ),
      { numRuns: 150, seed: 20250325 },
    );
  });
});
