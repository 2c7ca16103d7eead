// The roster of expected units, from CSV and from workbooks, with the header spelled many ways.
import * as XLSX from '@e965/xlsx';
import { strToU8 } from 'fflate';
import { FileRejected } from '../src/core/returns';
import { foldHeader, parseCsv, readRosterBytes } from '../src/workbook/read-roster';

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const withBom = (s: string) => {
  const b = strToU8(s);
  const out = new Uint8Array(BOM.length + b.length);
  out.set(BOM);
  out.set(b, BOM.length);
  return out;
};

function rejected(bytes: Uint8Array, file = 'ds.csv'): FileRejected {
  try {
    readRosterBytes(bytes, file);
  } catch (e) {
    if (e instanceof FileRejected) return e;
    throw e;
  }
  throw new Error('expected FileRejected');
}

const EXPECTED = [
  { unit: 'Sở Y tế', group: 'Các sở, ngành' },
  { unit: 'Sở Lao động, Thương binh và Xã hội', group: 'Các sở, ngành' },
  { unit: 'UBND huyện Bình Gia', group: 'UBND các huyện, thành phố' },
  { unit: 'Hội Liên hiệp Phụ nữ tỉnh', group: 'Các hội, đoàn thể' },
  { unit: '=HYPERLINK("x")', group: '' },
];

function workbookBytes(bookType: 'xlsx' | 'xls' | 'ods', rows: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['ghi chú']]), 'Ghi chú');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Danh sách');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

describe('header matching', () => {
  test('folds case, diacritics (NFC or NFD), đ and spacing', () => {
    expect(foldHeader('Đơn vị')).toBe('don vi');
    expect(foldHeader('Đơn vị'.normalize('NFD'))).toBe('don vi');
    expect(foldHeader('  ĐƠN   VỊ: ')).toBe('don vi');
    expect(foldHeader('Nhóm')).toBe('nhom');
    expect(foldHeader('Nho\u0301m')).toBe('nhom');
    expect(foldHeader('Nhóm (I–V)')).toBe('nhom');
  });

  test('CSV parsing keeps quoted delimiters, quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","d ""e"""\r\n"x\ny",z', ',')).toEqual([
      ['a', 'b, c', 'd "e"'],
      ['x\ny', 'z'],
    ]);
  });
});

describe('CSV rosters', () => {
  const csv =
    'STT,Đơn vị,Nhóm\r\n' +
    '1,Sở Y tế,"Các sở, ngành"\r\n' +
    '2,"Sở Lao động, Thương binh và Xã hội","Các sở, ngành"\r\n' +
    '\r\n' +
    ',,\r\n' +
    '3,  UBND huyện Bình Gia  ,"UBND các huyện, thành phố"\r\n' +
    '4,Hội Liên hiệp Phụ nữ tỉnh,"Các hội, đoàn thể"\r\n' +
    '5,"=HYPERLINK(""x"")",\r\n';

  test('UTF-8 with BOM, comma-separated, blank lines skipped, text kept verbatim', () => {
    expect(readRosterBytes(withBom(csv), 'ds.csv')).toEqual(EXPECTED);
  });

  test('UTF-8 without BOM, semicolon-separated (Excel in Vietnamese locale)', () => {
    const semi = 'Đơn vị;Nhóm\n' + EXPECTED.map((r) => `${r.unit.includes('"') ? `"${r.unit.replace(/"/g, '""')}"` : r.unit};${r.group}`).join('\n') + '\n';
    expect(readRosterBytes(strToU8(semi), 'ds.csv')).toEqual(EXPECTED);
  });

  test('headers in NFD, upper case, extra spaces, without diacritics, or in English', () => {
    for (const header of ['ĐƠN VỊ , NHÓM'.normalize('NFD'), '  Đơn   vị  ,Nhóm ', 'Don vi,Nhom', 'Unit,Group', 'Tên đơn vị,Nhóm đơn vị']) {
      const rows = readRosterBytes(strToU8(`${header}\nSở Y tế,"Các sở, ngành"\n`), 'ds.csv');
      expect(rows).toEqual([{ unit: 'Sở Y tế', group: 'Các sở, ngành' }]);
    }
  });

  test('a title line above the header, a sep= hint, and tab-separated UTF-16 (Excel "Unicode text")', () => {
    expect(readRosterBytes(strToU8('Danh sách đơn vị báo cáo năm 2025\n\nĐơn vị,Nhóm\nSở Y tế,Sở ngành\n'), 'a.csv')).toEqual([{ unit: 'Sở Y tế', group: 'Sở ngành' }]);
    expect(readRosterBytes(strToU8('sep=;\nĐơn vị;Nhóm\nSở Y tế, Tỉnh;Sở ngành\n'), 'a.csv')).toEqual([{ unit: 'Sở Y tế, Tỉnh', group: 'Sở ngành' }]);
    const text = 'Đơn vị\tNhóm\r\nSở Y tế\tCác sở, ngành\r\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) (utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff), (utf16[3 + 2 * i] = text.charCodeAt(i) >> 8);
    expect(readRosterBytes(utf16, 'a.txt')).toEqual([{ unit: 'Sở Y tế', group: 'Các sở, ngành' }]);
  });

  test('a missing column is named', () => {
    const e = rejected(strToU8('STT,Đơn vị,Ghi chú\n1,Sở Y tế,\n'));
    expect(e.code).toBe('roster.noHeader');
    expect(e.text.vi).toMatch(/thiếu cột “Nhóm”/);
    const both = rejected(strToU8('a,b\n1,2\n'));
    expect(both.text.vi).toMatch(/thiếu cột “Đơn vị” và “Nhóm”/);
  });

  test('not UTF-8, no units, or not a roster at all', () => {
    const cp1258 = new Uint8Array([...strToU8('Don vi,Nhom\nS'), 0xf5, 0x20, 0x59, 0x20, 0x74, 0xea, 0x2c, 0x41, 0x0a]);
    expect(rejected(cp1258).code).toBe('roster.encoding');
    // A whole legacy-encoded file (every Vietnamese letter an invalid UTF-8 byte).
    const legacy = Uint8Array.from(Array.from({ length: 400 }, (_, i) => (i % 5 === 4 ? 0x2c : i % 7 === 0 ? 0x0a : 0xf5)));
    expect(rejected(legacy).text.vi).toMatch(/UTF-8/);
    expect(rejected(strToU8('Đơn vị,Nhóm\n\n,\n')).code).toBe('roster.empty');
    expect(rejected(strToU8('<html><table><tr><td>Đơn vị</td></tr></table></html>'), 'ds.xls').code).toBe('file.html');
    expect(rejected(new Uint8Array(0)).code).toBe('file.empty');
  });
});

describe('workbook rosters', () => {
  const rows = [
    ['DANH SÁCH ĐƠN VỊ BÁO CÁO'],
    [],
    ['STT', 'Đơn vị', 'Nhóm', 'Ghi chú'],
    [1, 'Sở Y tế', 'Các sở, ngành'],
    [2, 'Sở Lao động, Thương binh và Xã hội', 'Các sở, ngành'],
    [],
    [3, 'UBND huyện Bình Gia', 'UBND các huyện, thành phố', 'đã nhắc'],
    [4, 'Hội Liên hiệp Phụ nữ tỉnh', 'Các hội, đoàn thể'],
    [5, '=HYPERLINK("x")'],
  ];

  test.each(['xlsx', 'xls', 'ods'] as const)('.%s: header found below a title, on the second sheet', (bookType) => {
    expect(readRosterBytes(workbookBytes(bookType, rows), `ds.${bookType}`)).toEqual(EXPECTED);
  });

  test('a workbook without the columns', () => {
    const e = rejected(workbookBytes('xlsx', [['Tên', 'Nhóm'], ['Sở Y tế', 'x']]), 'ds.xlsx');
    expect(e.code).toBe('roster.noHeader');
    expect(e.text.vi).toMatch(/thiếu cột “Đơn vị”/);
  });
});
