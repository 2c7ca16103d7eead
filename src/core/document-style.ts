// The look shared by every sheet the product writes: an official Vietnamese document
// (Times New Roman per Nghị định 30/2020/NĐ-CP), printed on A4, one page wide.
import { CellStyle, PrintPlan } from './plan';

export const DOCUMENT_FONT = { name: 'Times New Roman', size: 12 };

/** Official tables keep figures a little off the right border. */
export const NUMBER_INDENT = 1;

/** Title block and table-header styles common to the form and the summary. */
export const DOCUMENT_STYLES: Record<string, CellStyle> = {
  title: { bold: true, size: 14, hAlign: 'center', vAlign: 'middle' },
  subtitle: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true },
  note: { italic: true, hAlign: 'center', vAlign: 'middle', wrap: true },
  unitOfMeasure: { italic: true, hAlign: 'right' },
  th: { bold: true, hAlign: 'center', vAlign: 'middle', wrap: true, border: true },
  colNo: { italic: true, hAlign: 'center', vAlign: 'middle', border: true },
};

/** A4, one page wide and as many tall as needed, with the given header rows repeated on each page. */
export function a4Print(orientation: PrintPlan['orientation'], titleRows?: PrintPlan['titleRows'], centerHorizontally = true): PrintPlan {
  return {
    paper: 'A4',
    orientation,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(titleRows ? { titleRows } : {}),
    margins: orientation === 'portrait' ? { left: 0.7, right: 0.5, top: 0.6, bottom: 0.6 } : { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6 },
    centerHorizontally,
  };
}
