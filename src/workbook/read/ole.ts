// read_cfb: an OLE (Compound File) container: encrypted OOXML, a BIFF workbook, or another document.
import * as XLSX from '@e965/xlsx';
import { Defused, sanitizeBiff } from './biff';
import { reject } from './rejections';

interface CfbEntry {
  name: string;
  content?: ArrayLike<number>;
}
interface CfbContainer {
  FileIndex: CfbEntry[];
  FullPaths: string[];
}
const CFB = XLSX.CFB as {
  read(d: Uint8Array, o: { type: string }): CfbContainer;
  find(c: CfbContainer, path: string): CfbEntry | null;
  write(c: CfbContainer, o: { type: string }): ArrayLike<number>;
  utils: { cfb_new(): CfbContainer; cfb_add(c: CfbContainer, name: string, content: Uint8Array): void };
};

/**
 * Checks an OLE (Compound File) container: encrypted OOXML, a BIFF workbook with FILEPASS, or another
 * document. Returns a new container holding only the workbook stream: SheetJS's property-set parser
 * runs out of memory on some damaged summary streams, so those never reach it.
 */
export function checkOle(b: Uint8Array, file: string): { input: Uint8Array; modified?: number; defused: Defused[] } {
  let cfb: CfbContainer;
  try {
    cfb = CFB.read(b, { type: 'buffer' });
  } catch {
    reject(file, 'file.damaged', 'cấu trúc tệp .xls', '.xls structure');
  }
  // Stream names are case-insensitive (report generators write WORKBOOK or BOOK): looked up as SheetJS does.
  const find = (n: string) => CFB.find(cfb, n) ?? undefined;
  if (find('EncryptionInfo') || find('EncryptedPackage') || find('encryption')) reject(file, 'file.password');
  const wbStream = find('/Workbook') ?? find('/Book');
  if (!wbStream) {
    if (find('WordDocument')) reject(file, 'file.document', 'Word .doc', 'Word .doc');
    if (find('PowerPoint Document')) reject(file, 'file.notSpreadsheet', 'PowerPoint', 'PowerPoint');
    reject(file, 'file.notSpreadsheet', 'tệp OLE', 'an OLE file');
  }
  const s = wbStream.content;
  if (!s || s.length < 8) reject(file, 'file.damaged', 'luồng Workbook rỗng', 'empty Workbook stream');
  const { input, defused } = biffInOle(Uint8Array.from(s), file);
  const summary = find('\u0005SummaryInformation')?.content;
  return { input, modified: summary ? lastSaved(summary) : undefined, defused };
}

/** A new container holding only the sanitised workbook stream, under the name SheetJS looks for first. */
export function biffInOle(stream: Uint8Array, file: string): { input: Uint8Array; defused: Defused[] } {
  const { stream: clean, defused } = sanitizeBiff(stream, file);
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'Workbook', clean);
  const out = CFB.write(cfb, { type: 'array' });
  return { input: out instanceof Uint8Array ? out : Uint8Array.from(out), defused };
}

/** PID_LASTSAVE_DTM (FILETIME) from a SummaryInformation property set, read with every bound checked. */
function lastSaved(d: ArrayLike<number>): number | undefined {
  const n = d.length;
  const r32 = (o: number) => (o + 4 <= n ? (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16)) + d[o + 3] * 0x1000000 : -1);
  if (n < 48 || d[0] !== 0xfe || d[1] !== 0xff) return undefined;
  const set = r32(44);
  if (set < 0 || set + 8 > n) return undefined;
  const count = r32(set + 4);
  for (let i = 0; i < Math.min(count, 256); i++) {
    const pid = r32(set + 8 + i * 8);
    const off = r32(set + 12 + i * 8);
    if (pid < 0 || off < 0) return undefined;
    if (pid !== 0x0d) continue;
    const p = set + off;
    if (r32(p) !== 0x40 || p + 12 > n) return undefined; // VT_FILETIME
    const ft = r32(p + 4) + r32(p + 8) * 0x100000000; // 100 ns since 1601
    const t = ft / 10000 - 11644473600000;
    return t > 0 && t < 4102444800000 ? Math.round(t) : undefined;
  }
  return undefined;
}
