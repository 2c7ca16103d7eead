// Every workbook the product writes uses Times New Roman as its Normal style, so what a
// clerk types outside the table, and empty or merged-away cells, print in the document font.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { DEFAULT_FORM_PARAMS, buildFormPlan, parseFormParams } from '../src/core/form';
import { mergeReturns } from '../src/core/merge';
import { buildSummaryPlan } from '../src/core/summary-plan';
import { writeWorkbook } from '../src/workbook/write-xlsx';
import { libreOfficeProblem, runLibreOffice } from './helpers/soffice';
import { formWorkbook } from './core-fixtures';
import { extractReturn } from '../src/core/extract';

const lo = libreOfficeProblem();
const itLo = lo ? it.skip : it;

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** The font of the Normal cell style, read from the file's styles part. */
function normalFont(xlsx: Uint8Array): { name?: string; size?: number } {
  const xml = strFromU8(unzipSync(xlsx)['xl/styles.xml']);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).styleSheet;
  const normal = asArray(doc.cellStyles.cellStyle).find((s: { name: string }) => s.name === 'Normal');
  const xf = asArray(doc.cellStyleXfs.xf)[Number(normal.xfId)];
  const font = asArray(doc.fonts.font)[Number(xf.fontId)];
  return { name: font.name?.val, size: font.sz ? Number(font.sz.val) : undefined };
}

async function formBytes(): Promise<Uint8Array> {
  const p = parseFormParams({ ...DEFAULT_FORM_PARAMS });
  if (!p.ok) throw new Error('params');
  return writeWorkbook({ sheets: [buildFormPlan(p.params)], title: 'form' });
}

async function summaryBytes(): Promise<Uint8Array> {
  const merged = mergeReturns([extractReturn(formWorkbook({ unit: 'Sở Y tế', data: [[10, 1000, 500]] }))]);
  return writeWorkbook(buildSummaryPlan(merged, { province: 'Lạng Sơn', year: 2023 }));
}

describe('the default font of written workbooks', () => {
  it('the form and the summary have Times New Roman as the Normal style', async () => {
    expect(normalFont(await formBytes())).toEqual({ name: 'Times New Roman', size: 12 });
    expect(normalFont(await summaryBytes())).toEqual({ name: 'Times New Roman', size: 12 });
  });

  itLo('text a clerk types outside the table prints in the serif document font', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxh-font-'));
    const xlsx = path.join(dir, 'form.xlsx');
    fs.writeFileSync(xlsx, await formBytes());
    const pdf = path.join(dir, 'typed.pdf');
    // G3 is outside the form's table and has no style of its own: it takes the Normal style.
    await runLibreOffice(xlsx, [{ op: 'setText', cell: 'G3', value: 'Ghi chú thêm của đơn vị' }], [{ path: pdf, format: 'pdf' }]);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Ghi chú thêm của đơn vị');
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]);
    expect(fonts.length).toBeGreaterThan(0);
    // Times New Roman is substituted by Liberation Serif here; Calibri would come out as a sans font (Carlito).
    for (const f of fonts) expect(f).toMatch(/Serif|Times/);
  });
});
