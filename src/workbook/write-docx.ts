// Renders a report plan to a .docx with the docx library, in the layout of Nghị định
// 30/2020/NĐ-CP (appendix I): A4, Times New Roman, margins 20/15/20/30 mm, the issuing
// body beside the national motto, page numbers centred at the top from page 2.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { ReportBlock, ReportPlan, ReportRun } from '../core/report-plan';

const FONT = 'Times New Roman';
/** docx sizes are half-points. */
const pt = (n: number) => n * 2;
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const A4 = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_MARGIN = { top: mm(20), bottom: mm(15), left: mm(20), right: mm(15) };
const LANDSCAPE_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function run(r: ReportRun, size = 14): TextRun {
  return new TextRun({
    text: r.text,
    font: FONT,
    size: pt(size),
    bold: r.bold,
    italics: r.italic || r.placeholder,
    ...(r.placeholder ? { highlight: 'yellow' } : {}),
  });
}

const line = (text: string, o: { size?: number; bold?: boolean; italic?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {}) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.CENTER,
    spacing: { before: 0, after: o.after ?? 0 },
    children: [new TextRun({ text, font: FONT, size: pt(o.size ?? 13), bold: o.bold, italics: o.italic })],
  });

/** A short centred rule under the body's name and under the motto, as the decree draws it. */
const rule = (indent: number) =>
  new Paragraph({ spacing: { before: 0, after: 120 }, indent: { left: indent, right: indent }, border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, children: [] });

function headerTable(plan: ReportPlan): Table {
  const left = Math.round(TEXT_WIDTH * 0.42);
  const right = TEXT_WIDTH - left;
  const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(left, [
            // A ministry has no superior line: its name stands level with the motto.
            ...(plan.parentBody ? [line(plan.parentBody, { size: 13 })] : []),
            line(plan.body, { size: 13, bold: true }),
            rule(Math.round(left * 0.3)),
            line(plan.number, { size: 13 }),
          ]),
          cell(right, [
            line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true }),
            line('Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true }),
            rule(Math.round(right * 0.22)),
            line(plan.placeDate, { size: 14, italic: true }),
          ]),
        ],
      }),
    ],
  });
}

function block(b: ReportBlock, width: number): (Paragraph | Table)[] {
  if (b.kind === 'heading') {
    return [new Paragraph({ spacing: { before: 120, after: 60 }, indent: { firstLine: mm(10) }, keepNext: true, children: [run({ text: b.text, bold: true })] })];
  }
  if (b.kind === 'paragraph') {
    const align = { justify: AlignmentType.JUSTIFIED, center: AlignmentType.CENTER, left: AlignmentType.LEFT, right: AlignmentType.RIGHT }[b.align ?? 'justify'];
    return [new Paragraph({ alignment: align, spacing: { before: 60, after: 60, line: 288 }, ...(b.indent ? { indent: { firstLine: mm(10) } } : {}), children: b.runs.map((r) => run(r)) })];
  }
  const widths = b.columns.map((c) => Math.round((width * c.width) / b.columns.reduce((s, x) => s + x.width, 0)));
  const align = (a: 'left' | 'center' | 'right' | undefined) => (a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const cell = (text: string, i: number, o: { bold?: boolean; header?: boolean }) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 30, bottom: 30 },
      ...(o.header ? { shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } } : {}),
      children: (text === '' ? [''] : text.split('\n')).map(
        (part) =>
          new Paragraph({
            alignment: o.header ? AlignmentType.CENTER : align(b.columns[i].align),
            spacing: { before: 0, after: 0 },
            children: [new TextRun({ text: part, font: FONT, size: pt(12), bold: o.bold || o.header })],
          }),
      ),
    });
  const borders = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
  return [
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders,
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, height: { value: 480, rule: HeightRule.ATLEAST }, children: b.columns.map((c, i) => cell(c.header, i, { header: true })) }),
        ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.cells.map((t, i) => cell(t, i, { bold: r.bold })) })),
      ],
    }),
  ];
}

function closingTable(plan: ReportPlan): Table {
  const left = Math.round(TEXT_WIDTH * 0.5);
  const right = TEXT_WIDTH - left;
  const p = (text: string, o: { size: number; bold?: boolean; italic?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] }) => line(text, { ...o, align: o.align ?? AlignmentType.LEFT });
  const signer = [
    ...(plan.signature.title ? [line(plan.signature.authority, { size: 14, bold: true }), line(plan.signature.title, { size: 14, bold: true })] : [line(plan.signature.authority, { size: 14, bold: true })]),
    ...Array.from({ length: 4 }, () => line('', { size: 14 })),
    line(plan.signature.name, { size: 14, bold: true }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: left, type: WidthType.DXA }, borders: NO_BORDERS, children: [p('Nơi nhận:', { size: 12, bold: true, italic: true }), ...plan.recipients.map((r) => p(`- ${r}`, { size: 11 }))] }),
          new TableCell({ width: { size: right, type: WidthType.DXA }, borders: NO_BORDERS, children: signer }),
        ],
      }),
    ],
  });
}

/** The report as .docx bytes. */
export async function writeReportDocx(plan: ReportPlan): Promise<Uint8Array> {
  const pageNumberHeader = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })] })],
  });
  const body: (Paragraph | Table)[] = [
    headerTable(plan),
    new Paragraph({ spacing: { before: 240, after: 0 }, alignment: AlignmentType.CENTER, children: [run({ text: plan.title, bold: true })] }),
    new Paragraph({ spacing: { before: 0, after: 120 }, alignment: AlignmentType.CENTER, children: [run({ text: plan.subtitle, bold: true })] }),
    rule(Math.round(TEXT_WIDTH * 0.38)),
    ...plan.blocks.flatMap((b) => block(b, TEXT_WIDTH)),
    new Paragraph({ children: [] }),
    closingTable(plan),
  ];
  const appendices = plan.appendices.map((a) => ({
    properties: {
      page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: LANDSCAPE_MARGIN },
    },
    headers: { default: pageNumberHeader },
    children: [
      line(a.title, { size: 14, bold: true }),
      line(a.reference, { size: 13, italic: true, after: 160 }),
      ...a.blocks.flatMap((b) => block(b, LANDSCAPE_WIDTH)),
    ],
  }));
  const doc = new Document({
    creator: 'ctxh-report',
    title: plan.documentTitle,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: { titlePage: true, page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT }, margin: MARGIN } },
        headers: { default: pageNumberHeader, first: new Header({ children: [] }) },
        children: body,
      },
      ...appendices,
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
