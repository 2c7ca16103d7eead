// Queues a SheetPlan onto a new worksheet through Office.js, without syncing:
// the caller syncs once per step. Values go as 2-D arrays over whole row bands
// (number formats first), styles as a few rectangles per style.
import { CellStyle, PlanCell, SheetPlan, planExtent } from '../core/plan';
import { Rect, cellAddress, columnLetter, quoteSheetName, rectAddress } from '../core/a1';
import { Features, Omission } from './features';

/** Excel column width in points for a width in characters of the default font (7 px digits, 5 px padding). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A cell as written to `range.formulas`: formulas with "=", every text with a leading apostrophe. */
export function cellInput(cell: PlanCell | undefined, renames?: Map<string, string>): string | number | boolean | null {
  if (!cell) return null;
  if (cell.formula !== undefined) return `=${renameRefs(cell.formula, renames)}`;
  const v = cell.value;
  if (v === undefined || v === null) return null;
  // The apostrophe makes Excel keep any text as text ("=HYPERLINK(…)", "3=4+5", "0123"); it is not part of the value.
  if (typeof v === 'string') return v === '' ? null : `'${v}`;
  return v;
}

function renameRefs(formula: string, renames?: Map<string, string>): string {
  if (!renames?.size) return formula;
  let f = formula;
  for (const [from, to] of renames) if (from !== to) f = f.split(`${quoteSheetName(from)}!`).join(`${quoteSheetName(to)}!`);
  return f;
}

export interface Band {
  r1: number;
  r2: number;
  cols: number;
}

const utf8 = new TextEncoder();

/** Bytes a string takes in the request, which travels as UTF-8 (Vietnamese letters take 2–3 bytes, not 1). */
export function utf8Bytes(text: string): number {
  return utf8.encode(text).length;
}

/** Rough payload of each row (values + number formats), index = row number. */
function rowBytes(plan: SheetPlan): number[] {
  const { rows, cols } = planExtent(plan);
  // Every cell sends at least a null value and a short number format ("General") with separators.
  const perRow = new Array<number>(rows + 1).fill(cols * 16);
  for (const c of plan.cells) {
    if (c.r > rows) continue;
    perRow[c.r] += utf8Bytes(JSON.stringify(cellInput(c))) + 12;
    const nf = c.style ? plan.styles[c.style]?.numberFormat : undefined;
    if (nf) perRow[c.r] += utf8Bytes(JSON.stringify(nf));
  }
  return perRow;
}

/** Rough size of a band's payload (values + number formats), to stay under Excel on the web's 5 MB request cap. */
export function bandBytes(plan: SheetPlan, band: Band): number {
  const perRow = rowBytes(plan);
  let n = 0;
  for (let r = band.r1; r <= band.r2 && r < perRow.length; r++) n += perRow[r];
  return n;
}

/** Splits the plan's rows into bands whose payload stays under `budget` bytes; each band carries its size. */
export function planBands(plan: SheetPlan, budget: number): (Band & { bytes: number })[] {
  const { rows, cols } = planExtent(plan);
  if (!rows) return [];
  const perRow = rowBytes(plan);
  const bands: (Band & { bytes: number })[] = [];
  let start = 1;
  let acc = 0;
  for (let r = 1; r <= rows; r++) {
    if (acc + perRow[r] > budget && r > start) {
      bands.push({ r1: start, r2: r - 1, cols, bytes: acc });
      start = r;
      acc = 0;
    }
    acc += perRow[r];
  }
  bands.push({ r1: start, r2: rows, cols, bytes: acc });
  return bands;
}

/** Queues one band's number formats, then its values (formats first so Excel does not re-interpret values). */
export function queueBand(sheet: Excel.Worksheet, plan: SheetPlan, band: Band, renames?: Map<string, string>): void {
  const byPos = new Map<string, PlanCell>();
  for (const c of plan.cells) if (c.r >= band.r1 && c.r <= band.r2) byPos.set(`${c.r},${c.c}`, c);
  const formats: string[][] = [];
  const inputs: (string | number | boolean | null)[][] = [];
  for (let r = band.r1; r <= band.r2; r++) {
    const fRow: string[] = [];
    const vRow: (string | number | boolean | null)[] = [];
    for (let c = 1; c <= band.cols; c++) {
      const cell = byPos.get(`${r},${c}`);
      const style = cell?.style ? plan.styles[cell.style] : undefined;
      fRow.push(style?.numberFormat ?? 'General');
      vRow.push(cellInput(cell, renames));
    }
    formats.push(fRow);
    inputs.push(vRow);
  }
  const range = sheet.getRange(rectAddress({ r1: band.r1, c1: 1, r2: band.r2, c2: band.cols }));
  range.numberFormat = formats;
  range.formulas = inputs;
}

/** Groups cells of one style into rectangles: runs along each row, stacked when rows repeat. */
export function styleRects(cells: readonly PlanCell[]): Map<string, Rect[]> {
  const byStyle = new Map<string, Map<number, number[]>>();
  for (const c of cells) {
    if (!c.style) continue;
    let rows = byStyle.get(c.style);
    if (!rows) byStyle.set(c.style, (rows = new Map()));
    let cols = rows.get(c.r);
    if (!cols) rows.set(c.r, (cols = []));
    cols.push(c.c);
  }
  const out = new Map<string, Rect[]>();
  for (const [style, rows] of byStyle) {
    const rects: Rect[] = [];
    const open = new Map<string, Rect>(); // "c1-c2" → rect still growing downwards
    for (const r of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = [...new Set(rows.get(r))].sort((a, b) => a - b);
      const runs: [number, number][] = [];
      for (const c of cols) {
        const last = runs[runs.length - 1];
        if (last && c === last[1] + 1) last[1] = c;
        else runs.push([c, c]);
      }
      const seen = new Set<string>();
      for (const [c1, c2] of runs) {
        const key = `${c1}-${c2}`;
        seen.add(key);
        const rect = open.get(key);
        if (rect && rect.r2 === r - 1) rect.r2 = r;
        else {
          const fresh = { r1: r, c1, r2: r, c2 };
          rects.push(fresh);
          open.set(key, fresh);
        }
      }
      for (const key of [...open.keys()]) if (!seen.has(key)) open.delete(key);
    }
    out.set(style, rects);
  }
  return out;
}

/** [index, value] pairs → [first, last, value] runs of consecutive indexes with one value. */
export function runs(pairs: [number, number][]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const [i, v] of [...pairs].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === v) last[1] = i;
    else out.push([i, i, v]);
  }
  return out;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

function queueStyle(range: Excel.Range, s: CellStyle, f: Features): void {
  const fmt = range.format;
  if (s.size !== undefined) fmt.font.size = s.size;
  if (s.bold) fmt.font.bold = true;
  if (s.italic) fmt.font.italic = true;
  if (s.color) fmt.font.color = `#${s.color}`;
  if (s.hAlign) fmt.horizontalAlignment = H_ALIGN[s.hAlign];
  fmt.verticalAlignment = V_ALIGN[s.vAlign ?? 'middle'];
  if (s.wrap) fmt.wrapText = true;
  // RangeFormat.indentLevel is ExcelApi 1.9, like page layout: older Excel keeps numbers at the border.
  if (s.indent && f.pageLayout) fmt.indentLevel = s.indent;
  if (s.fill) fmt.fill.color = `#${s.fill}`;
  if (s.border) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      const b = fmt.borders.getItem(edge);
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#000000';
    }
  }
  if (s.underlineDotted) {
    const b = fmt.borders.getItem('EdgeBottom');
    b.style = 'Dot';
    b.color = '#000000';
  }
  if (s.locked === false && f.layout) fmt.protection.locked = false;
}

export interface QueueOptions {
  features: Features;
  lang: 'vi' | 'en';
  /** Plan sheet name → actual sheet name, for formulas that point at other sheets of the plan. */
  renames?: Map<string, string>;
  /** Row bands to write now; default: the whole plan in one band. */
  bands?: Band[];
  /** Queue sheet protection (the caller leaves it for the last batch when it splits). */
  protect?: boolean;
}

/** Queues the whole plan onto `sheet` (which must be new and empty). Returns what this Excel could not take. */
export function queueSheetPlan(sheet: Excel.Worksheet, plan: SheetPlan, opts: QueueOptions): Omission[] {
  const f = opts.features;
  const omitted: Omission[] = [];
  const { rows, cols } = planExtent(plan);
  // The sheet's own font first, so every cell (also ones typed later) uses it.
  const all = sheet.getRange();
  all.format.font.name = plan.font.name;
  all.format.font.size = plan.font.size;

  if (f.layout) {
    // Runs of equal widths/heights go as one range each: the call count stays flat as rows grow.
    for (const [c1, c2, w] of runs(plan.columns.map((w, i) => [i + 1, w] as [number, number])))
      sheet.getRange(`${columnLetter(c1)}:${columnLetter(c2)}`).format.columnWidth = columnWidthPoints(w);
    for (const [r1, r2, h] of runs(Object.entries(plan.rowHeights).map(([r, h]) => [Number(r), h] as [number, number])))
      sheet.getRange(`${r1}:${r2}`).format.rowHeight = h;
  } else if (plan.columns.length || plan.merges.length) omitted.push('layout');

  for (const band of opts.bands ?? (rows ? [{ r1: 1, r2: rows, cols }] : [])) queueBand(sheet, plan, band, opts.renames);

  for (const [name, rects] of styleRects(plan.cells)) {
    const style = plan.styles[name];
    if (!style) continue;
    for (const rect of rects) queueStyle(sheet.getRange(rectAddress(rect)), style, f);
  }

  if (f.layout) for (const m of plan.merges) sheet.getRange(rectAddress(m)).merge(false);

  if (plan.validations.length) {
    if (f.validation) {
      for (const v of plan.validations) {
        const dv = sheet.getRange(rectAddress(v.range)).dataValidation;
        dv.rule =
          v.kind === 'list'
            ? { list: { inCellDropDown: true, source: v.values.join(',') } }
            : {
                wholeNumber:
                  v.max === undefined ? { formula1: v.min, operator: 'GreaterThanOrEqualTo' } : { formula1: v.min, formula2: v.max, operator: 'Between' },
              };
        dv.ignoreBlanks = true;
        // Excel caps titles at 32 and messages at 255 characters; the form goes to Vietnamese units, so Vietnamese.
        dv.prompt = { showPrompt: true, title: v.prompt.title.vi.slice(0, 32), message: v.prompt.message.vi.slice(0, 255) };
        dv.errorAlert = { showAlert: true, style: 'Stop', title: v.error.title.vi.slice(0, 32), message: v.error.message.vi.slice(0, 255) };
      }
    } else omitted.push('validation');
  }

  if (plan.names.length) {
    if (f.names) {
      // Sheet scope: several forms can live in one workbook, each with its own CTXH_DonVi.
      for (const n of plan.names) sheet.names.add(n.name, sheet.getRange(rectAddress(n.range)), n.comment);
    } else omitted.push('names');
  }

  if (f.pageLayout) {
    const p = plan.print;
    const pl = sheet.pageLayout;
    pl.paperSize = 'A4';
    pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    pl.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
    pl.leftMargin = p.margins.left * 72;
    pl.rightMargin = p.margins.right * 72;
    pl.topMargin = p.margins.top * 72;
    pl.bottomMargin = p.margins.bottom * 72;
    if (p.centerHorizontally) pl.centerHorizontally = true;
    if (p.titleRows) pl.setPrintTitleRows(`$${p.titleRows.from}:$${p.titleRows.to}`);
  } else omitted.push('pageLayout');

  if (plan.freezeRows && plan.freezeRows > 1) {
    if (f.events) sheet.freezePanes.freezeRows(plan.freezeRows - 1);
    else omitted.push('freeze');
  }

  for (const chart of plan.charts ?? []) {
    if (!queueChart(sheet, plan, chart, opts)) omitted.push('chart');
  }

  if (plan.protection && opts.protect !== false) {
    if (f.layout) {
      sheet.protection.protect(protectionOptions(plan.protection));
    } else omitted.push('protection');
  }
  return omitted;
}

/** The plan's protection as Excel's options. No password: a clerk may unprotect from the Review tab if they must. */
export function protectionOptions(pr: NonNullable<SheetPlan['protection']>): Excel.WorksheetProtectionOptions {
  return {
    allowInsertRows: pr.allowInsertRows,
    allowDeleteRows: pr.allowDeleteRows,
    allowFormatColumns: pr.allowFormatColumns,
    allowFormatRows: pr.allowFormatRows,
  };
}

/** Charts: one series per plan series (ExcelApi 1.7), or one source block with its header row (1.1). */
function queueChart(sheet: Excel.Worksheet, plan: SheetPlan, chart: NonNullable<SheetPlan['charts']>[number], opts: QueueOptions): boolean {
  const lang = opts.lang;
  const place = (ch: Excel.Chart) => {
    ch.title.text = chart.title[lang];
    ch.setPosition(cellAddress(chart.anchor.r1, chart.anchor.c1), cellAddress(chart.anchor.r2, chart.anchor.c2));
  };
  const first = chart.series[0];
  if (!first) return true;
  if (opts.features.events) {
    const ch = sheet.charts.add('ColumnStacked', sheet.getRange(rectAddress(first.values)), 'Columns');
    chart.series.forEach((s, i) => {
      const series = i === 0 ? ch.series.getItemAt(0) : ch.series.add(s.name[lang]);
      if (i > 0) series.setValues(sheet.getRange(rectAddress(s.values)));
      else series.name = s.name[lang];
      series.setXAxisValues(sheet.getRange(rectAddress(chart.categories)));
    });
    place(ch);
    return true;
  }
  // Older Excel: only a contiguous block [categories | series…] with the series names just above works.
  const cat = chart.categories;
  const contiguous = chart.series.every(
    (s, i) => s.values.c1 === cat.c1 + i + 1 && s.values.c2 === s.values.c1 && s.values.r1 === cat.r1 && s.values.r2 === cat.r2,
  );
  const headerOk =
    cat.r1 > 1 &&
    chart.series.every((s) => plan.cells.some((c) => c.r === cat.r1 - 1 && c.c === s.values.c1 && (c.value === s.name.vi || c.value === s.name.en)));
  if (!contiguous || !headerOk) return false;
  const ch = sheet.charts.add('ColumnStacked', sheet.getRange(rectAddress({ r1: cat.r1 - 1, c1: cat.c1, r2: cat.r2, c2: cat.c1 + chart.series.length })), 'Columns');
  place(ch);
  return true;
}
