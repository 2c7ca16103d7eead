// Renders a workbook plan to an .xlsx file with exceljs. Charts are not drawn
// here (exceljs cannot); the Office.js adapter draws them in Excel.
import ExcelJS from 'exceljs';
import { CellStyle, SheetPlan, WorkbookPlan } from '../core/plan';
import { quoteSheetName, rectAddress } from '../core/a1';

type XBorder = Partial<ExcelJS.Borders>;
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const DOTTED: ExcelJS.Border = { style: 'dotted', color: { argb: 'FF000000' } };

function applyStyle(cell: ExcelJS.Cell, s: CellStyle, font: SheetPlan['font']): void {
  cell.font = { name: font.name, size: s.size ?? font.size, bold: !!s.bold, italic: !!s.italic, ...(s.color ? { color: { argb: `FF${s.color}` } } : {}) };
  cell.alignment = {
    horizontal: s.hAlign,
    vertical: s.vAlign ?? 'middle',
    wrapText: !!s.wrap,
  };
  const border: XBorder = {};
  if (s.border) Object.assign(border, { top: THIN, left: THIN, bottom: THIN, right: THIN });
  if (s.underlineDotted) border.bottom = DOTTED;
  if (Object.keys(border).length) cell.border = border;
  if (s.numberFormat) cell.numFmt = s.numberFormat;
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${s.fill}` } };
  if (s.locked === false) cell.protection = { locked: false };
}

async function renderSheet(wb: ExcelJS.Workbook, plan: SheetPlan): Promise<void> {
  const ws = wb.addWorksheet(plan.name, {
    views: plan.freezeRows ? [{ state: 'frozen', ySplit: plan.freezeRows - 1 }] : [{}],
  });
  plan.columns.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    col.font = { name: plan.font.name, size: plan.font.size };
  });
  for (const [r, h] of Object.entries(plan.rowHeights)) ws.getRow(Number(r)).height = h;

  for (const pc of plan.cells) {
    const cell = ws.getCell(pc.r, pc.c);
    if (pc.formula !== undefined) cell.value = { formula: pc.formula } as ExcelJS.CellFormulaValue;
    else if (pc.value !== undefined && pc.value !== null) cell.value = pc.value; // strings stay strings: exceljs never turns text into a formula
    applyStyle(cell, pc.style ? plan.styles[pc.style] ?? {} : {}, plan.font);
  }
  for (const m of plan.merges) ws.mergeCells(m.r1, m.c1, m.r2, m.c2);

  // One rule per range (exceljs types omit this public collection; cell-by-cell rules would overlap).
  const validations = (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of plan.validations) {
    validations.add(rectAddress(v.range), {
      type: 'whole',
      operator: v.max === undefined ? 'greaterThanOrEqual' : 'between',
      formulae: v.max === undefined ? [v.min] : [v.min, v.max],
      allowBlank: true,
      showInputMessage: true,
      promptTitle: v.prompt.title.vi,
      prompt: v.prompt.message.vi,
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: v.error.title.vi,
      error: v.error.message.vi,
    });
  }

  for (const n of plan.names) wb.definedNames.add(`${quoteSheetName(plan.name)}!${rectAddress(n.range, true)}`, n.name);

  const p = plan.print;
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    horizontalCentered: !!p.centerHorizontally,
    margins: { ...p.margins, header: 0.3, footer: 0.3 },
    ...(p.titleRows ? { printTitlesRow: `${p.titleRows.from}:${p.titleRows.to}` } : {}),
  };

  if (plan.protection) {
    const pr = plan.protection;
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      insertRows: pr.allowInsertRows,
      deleteRows: pr.allowDeleteRows,
      formatColumns: pr.allowFormatColumns,
      formatRows: pr.allowFormatRows,
    });
  }
}

export async function writeWorkbook(plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ctxh-report';
  wb.title = plan.title;
  wb.created = new Date();
  for (const sheet of plan.sheets) await renderSheet(wb, sheet);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

