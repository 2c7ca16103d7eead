// Jest assertions: a sheet in the in-memory host holds exactly what a SheetPlan says.
import { SheetPlan } from '../../src/core/plan';
import { cellAddress, rectAddress } from '../../src/core/a1';
import { columnWidthPoints } from '../../src/excel/render';
import { ExcelHost } from './host';

export function expectSheetMatchesPlan(host: ExcelHost, name: string, plan: SheetPlan, opts: { validation?: boolean; pageLayout?: boolean; renames?: Map<string, string> } = {}): void {
  const s = host.sheet(name);
  const rename = (f: string) => {
    let out = f;
    for (const [from, to] of opts.renames ?? []) out = out.split(`${from}!`).join(`${to}!`);
    return out;
  };
  for (const cell of plan.cells) {
    const addr = cellAddress(cell.r, cell.c);
    const merged = plan.merges.find((m) => cell.r >= m.r1 && cell.r <= m.r2 && cell.c >= m.c1 && cell.c <= m.c2);
    const isAnchor = !merged || (merged.r1 === cell.r && merged.c1 === cell.c);
    if (cell.formula !== undefined) expect([addr, host.formula(name, addr)]).toEqual([addr, `=${rename(cell.formula)}`]);
    else if (cell.value !== undefined && cell.value !== null && cell.value !== '' && isAnchor) {
      expect([addr, host.formula(name, addr)]).toEqual([addr, undefined]); // text never became a formula
      expect([addr, host.value(name, addr)]).toEqual([addr, cell.value]);
    } else expect([addr, s.getCell(cell.r, cell.c)]).toEqual([addr, undefined]);
    const style = cell.style ? plan.styles[cell.style] : undefined;
    expect([addr, s.format(cell.r, cell.c, 'numberFormat')]).toEqual([addr, style?.numberFormat ?? 'General']);
    expect([addr, s.format(cell.r, cell.c, 'font.name')]).toEqual([addr, plan.font.name]);
    expect([addr, s.format(cell.r, cell.c, 'font.size')]).toEqual([addr, style?.size ?? plan.font.size]);
    expect([addr, s.format(cell.r, cell.c, 'font.bold')]).toEqual([addr, !!style?.bold]);
    expect([addr, s.format(cell.r, cell.c, 'font.italic')]).toEqual([addr, !!style?.italic]);
    expect([addr, s.format(cell.r, cell.c, 'font.color')]).toEqual([addr, style?.color ? `#${style.color}` : '#000000']);
    expect([addr, s.format(cell.r, cell.c, 'fill.color')]).toEqual([addr, style?.fill ? `#${style.fill}` : null]);
    expect([addr, s.format(cell.r, cell.c, 'wrapText')]).toEqual([addr, !!style?.wrap]);
    expect([addr, s.format(cell.r, cell.c, 'locked')]).toEqual([addr, style?.locked !== false]);
    if (style) expect([addr, s.format(cell.r, cell.c, 'verticalAlignment')]).toEqual([addr, { top: 'Top', middle: 'Center', bottom: 'Bottom' }[style.vAlign ?? 'middle']]);
    if (style?.hAlign) expect([addr, s.format(cell.r, cell.c, 'horizontalAlignment')]).toEqual([addr, { left: 'Left', center: 'Center', right: 'Right' }[style.hAlign]]);
    if (style?.border) for (const side of ['top', 'bottom', 'left', 'right'] as const) expect([addr, side, s.cellBorder(cell.r, cell.c, side)]).toEqual([addr, side, 'Continuous']);
    if (style?.underlineDotted) expect([addr, s.cellBorder(cell.r, cell.c, 'bottom')]).toEqual([addr, 'Dot']);
  }
  expect(s.merges.map((m) => rectAddress(m)).sort()).toEqual(plan.merges.map((m) => rectAddress(m)).sort());
  plan.columns.forEach((w, i) => expect(s.columnWidths.get(i + 1)).toBe(columnWidthPoints(w)));
  for (const [r, h] of Object.entries(plan.rowHeights)) expect(s.rowHeights.get(Number(r))).toBe(h);

  const names = host.model.names.filter((n) => n.scopeSheetId === s.id);
  expect(names.map((n) => [n.name, rectAddress(n.rect)]).sort()).toEqual(plan.names.map((n) => [n.name, rectAddress(n.range)]).sort());

  expect(s.protection.protected).toBe(!!plan.protection);
  if (plan.protection)
    expect(s.protection.options).toEqual({
      allowInsertRows: plan.protection.allowInsertRows,
      allowDeleteRows: plan.protection.allowDeleteRows,
      allowFormatColumns: plan.protection.allowFormatColumns,
      allowFormatRows: plan.protection.allowFormatRows,
    });

  if (opts.validation !== false) {
    expect(s.validations.map((v) => rectAddress(v.rect))).toEqual(plan.validations.map((v) => rectAddress(v.range)));
    plan.validations.forEach((pv, i) => {
      const v = s.validations[i];
      expect(v.rule).toEqual({
        wholeNumber: pv.max === undefined ? { formula1: pv.min, operator: 'GreaterThanOrEqualTo' } : { formula1: pv.min, formula2: pv.max, operator: 'Between' },
      });
      expect(v.errorAlert).toEqual({ showAlert: true, style: 'Stop', title: pv.error.title.vi, message: pv.error.message.vi });
      expect(v.prompt).toEqual({ showPrompt: true, title: pv.prompt.title.vi, message: pv.prompt.message.vi });
      expect(v.ignoreBlanks).toBe(true);
    });
  } else expect(s.validations).toEqual([]);

  if (opts.pageLayout !== false) {
    const p = plan.print;
    expect(s.pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: p.orientation === 'landscape' ? 'Landscape' : 'Portrait',
      zoom: { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight },
      leftMargin: p.margins.left * 72,
      topMargin: p.margins.top * 72,
    });
    if (p.titleRows) expect(s.pageLayout.printTitleRows).toMatchObject({ r1: p.titleRows.from, r2: p.titleRows.to });
  } else expect(s.pageLayout).toEqual({});
  if (plan.freezeRows && plan.freezeRows > 1 && opts.pageLayout !== false) expect(s.freezeRows).toBe(plan.freezeRows - 1);
}
