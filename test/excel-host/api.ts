// The client objects of the in-memory Excel host: the subset of the Excel
// JavaScript API the add-in uses, with the semantics that catch real bugs:
// - reading a property before load() + sync() throws PropertyNotLoaded;
// - property writes and method calls are queued and reach the workbook only at sync();
// - queued operations run in order; the first failure aborts the rest of the batch;
// - an API from a requirement set the host lacks fails at sync with ApiNotFound;
// - a string starting with "=", "+", "-" or "@" written to values becomes a formula, a
//   leading apostrophe keeps text as text (and reads back without it), "123" becomes a number;
// - locked cells of a protected sheet refuse writes.
// Public members carry the real API's names and types (drift.ts checks them
// against @types/office-js); host internals start with "_".
import { parse } from './formula';
import {
  BorderEdge,
  CellData,
  ChartData,
  FormatKey,
  HostError,
  MAX_COLS,
  MAX_ROWS,
  NameData,
  PageLayoutData,
  Rect,
  SheetModel,
  WorkbookModel,
  contains,
  inRect,
  overlaps,
  parseRangeAddress,
  quoteSheet,
  rectToAddress,
} from './model';

export interface HostRuntime {
  model: WorkbookModel;
  supports(version: string): boolean;
  /** Called by every sync with what it carried. */
  recordSync(entry: { ops: number; bytes: number; labels: string[] }): void;
  payloadLimit: number;
  changed(sheet: SheetModel, rect: Rect, trigger: 'ThisLocalAddin' | 'Unknown'): void;
  addChangedHandler(sheetId: string, handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>): void;
  removeChangedHandler(sheetId: string, handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>): void;
  flushEvents(): void;
  /** While the user is editing a cell: resolves when they leave the cell; undefined when not editing. */
  cellEdit(): Promise<void> | undefined;
  /** A test's injected failure for this sync (by index and what it carries), if any. */
  injectedFailure(labels: string[]): HostError | undefined;
}

const utf8 = new TextEncoder();

interface Op {
  label: string;
  bytes: number;
  requires?: string;
  run(): void;
}

const notLoaded = (prop: string, cls: string) =>
  new HostError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context. (${cls})`,
  );

export class HostRequestContext {
  readonly workbook: HostWorkbook;
  _ops: Op[] = [];
  /** Set by Excel.run({ delayForCellEdit: true }) on ExcelApi 1.11+: requests wait for the user to leave the cell. */
  _delayForCellEdit = false;
  constructor(readonly _rt: HostRuntime) {
    this.workbook = new HostWorkbook(this);
  }

  _queue(label: string, payload: unknown, run: () => void, requires?: string): void {
    let bytes = label.length + 16;
    // The request is sent as UTF-8: Vietnamese text counts 2–3 bytes a letter against the cap.
    if (payload !== undefined) bytes += utf8.encode(JSON.stringify(payload, (_k, v) => (v instanceof HostClientObject ? '#ref' : v)) ?? '').length;
    this._ops.push({ label, bytes, run, requires });
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const edit = this._rt.cellEdit();
    if (edit && !this._delayForCellEdit) {
      this._ops = [];
      await Promise.resolve();
      throw new HostError('InvalidOperationInCellEditMode', 'The operation is not allowed while the user is editing a cell. (Excel is in cell-edit mode.)');
    }
    if (edit) await edit;
    const ops = this._ops;
    this._ops = [];
    const bytes = ops.reduce((s, o) => s + o.bytes, 0);
    const labels = ops.map((o) => o.label);
    this._rt.recordSync({ ops: ops.length, bytes, labels });
    await Promise.resolve();
    const injected = this._rt.injectedFailure(labels);
    if (injected) throw injected;
    if (bytes > this._rt.payloadLimit)
      throw new HostError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${bytes} bytes).`);
    try {
      for (const op of ops) {
        if (op.requires && !this._rt.supports(op.requires))
          throw new HostError(
            'ApiNotFound',
            `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${op.label}: ExcelApi ${op.requires})`,
            op.label,
          );
        op.run();
      }
    } finally {
      this._rt.flushEvents();
    }
    return passThroughValue as T;
  }
}

type LoadArg = string | string[] | OfficeExtension.LoadOption | { select?: string; expand?: string } | object | undefined;

function loadPaths(arg: LoadArg): string[] | undefined {
  if (arg === undefined) return undefined;
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return (arg as string[]).flatMap((s) => s.split(',').map((x) => x.trim())).filter(Boolean);
  if ('select' in arg || 'expand' in arg) {
    const o = arg as { select?: string; expand?: string };
    return [...(o.select ?? '').split(','), ...(o.expand ?? '').split(',')].map((s) => s.trim()).filter(Boolean);
  }
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (k === '$all' || k === '$top' || k === '$skip') continue;
      if (v === true) out.push(prefix + k);
      else if (v && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}/`);
    }
  };
  walk(arg as Record<string, unknown>, '');
  return out;
}

/** "1.10" > "1.9": requirement-set versions compare by their numbers. */
export function laterVersion(a: string, b: string): string {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && (a2 ?? 0) >= (b2 ?? 0)) ? a : b;
}

export abstract class HostClientObject {
  _loaded = new Map<string, unknown>();
  /**
   * The ExcelApi version that brought this object in: loading it, setting or calling anything on it
   * fails on an older Excel, as the real one does (ApiNotFound), so an ungated call fails the tests.
   */
  get _since(): string {
    return '1.1';
  }
  /** Scalar properties that came later than their object. */
  _propSince(): Record<string, string> {
    return {};
  }
  /** The version a load of these paths needs. */
  _loadNeeds(paths: string[] | undefined): string {
    let need = this._since;
    if (!paths) return need;
    const kids = this._kids();
    const later = this._propSince();
    for (const p of paths) {
      const slash = p.indexOf('/');
      const head = slash < 0 ? p : p.slice(0, slash);
      if (later[head]) need = laterVersion(need, later[head]);
      const kid = kids[head];
      if (kid && !(head in this._props())) need = laterVersion(need, kid._loadNeeds(slash < 0 ? undefined : [p.slice(slash + 1)]));
    }
    return need;
  }
  /** For *OrNullObject results: undefined until the sync that resolves them. */
  _null: boolean | undefined = false;
  constructor(readonly context: HostRequestContext) {}
  abstract get _cls(): string;
  /** Scalar properties, read when a load runs. */
  _props(): Record<string, () => unknown> {
    return {};
  }
  /** Navigation properties (child objects) for load paths such as "format/font/bold". */
  _kids(): Record<string, HostClientObject> {
    return {};
  }
  get isNullObject(): boolean {
    if (this._null === undefined) throw notLoaded('isNullObject', this._cls);
    return this._null;
  }
  _get<T>(prop: string): T {
    if (!this._loaded.has(prop)) throw notLoaded(prop, this._cls);
    return this._loaded.get(prop) as T;
  }
  _q(label: string, payload: unknown, run: () => void, requires = '1.1'): void {
    this.context._queue(`${this._cls}.${label}`, payload, () => {
      if (this._null) throw new HostError('ItemNotFound', `The requested resource doesn't exist. (${this._cls}.${label} on a null object)`);
      run();
    }, laterVersion(requires, this._since));
  }
  _loadNow(paths: string[] | undefined): void {
    const props = this._props();
    const kids = this._kids();
    if (paths === undefined) {
      for (const [k, f] of Object.entries(props)) this._loaded.set(k, clone(f()));
      return;
    }
    const byKid = new Map<string, string[]>();
    for (const p of paths) {
      const slash = p.indexOf('/');
      const head = slash < 0 ? p : p.slice(0, slash);
      if (slash >= 0 || (kids[head] && !props[head])) {
        if (!kids[head]) throw new HostError('InvalidArgument', `Cannot load '${p}' on ${this._cls}.`);
        const list = byKid.get(head) ?? [];
        if (slash >= 0) list.push(p.slice(slash + 1));
        byKid.set(head, list);
      } else if (props[head]) this._loaded.set(head, clone(props[head]()));
      else throw new HostError('InvalidArgument', `The property '${p}' does not exist on ${this._cls}.`);
    }
    for (const [k, list] of byKid) kids[k]._loadNow(list.length ? list : undefined);
  }
  load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    this.context._queue(`${this._cls}.load`, paths, () => {
      if (this._null) return;
      this._loadNow(paths);
    }, this._loadNeeds(paths));
    return this;
  }
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

function clone<T>(v: T): T {
  return v === undefined || v === null || typeof v !== 'object' ? v : (JSON.parse(JSON.stringify(v)) as T);
}

// ---------------------------------------------------------------- workbook

export class HostWorkbook extends HostClientObject {
  get _cls() {
    return 'Workbook';
  }
  readonly worksheets: HostWorksheetCollection;
  readonly names: HostNamedItemCollection;
  constructor(ctx: HostRequestContext) {
    super(ctx);
    this.worksheets = new HostWorksheetCollection(ctx);
    this.names = new HostNamedItemCollection(ctx, undefined);
  }
  getSelectedRange(): HostRange {
    const r = new HostRange(this.context, 'Workbook.getSelectedRange');
    this.context._queue('Workbook.getSelectedRange', undefined, () => {
      const m = this.context._rt.model;
      const sel = m.selection ?? { sheetId: m.activeSheet.id, rect: { r1: 1, c1: 1, r2: 1, c2: 1 } };
      r._bind(m.sheetById(sel.sheetId)!, sel.rect);
    });
    return r;
  }
}

export class HostWorksheetCollection extends HostClientObject {
  get _cls() {
    return 'WorksheetCollection';
  }
  override _loadNow(paths: string[] | undefined): void {
    const m = this.context._rt.model;
    const itemPaths = paths?.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    const items = m.sheets.map((s) => {
      const w = new HostWorksheet(this.context);
      w._sheet = s;
      w._loadNow(itemPaths?.length ? itemPaths : undefined);
      return w;
    });
    this._loaded.set('items', items);
  }
  get items(): HostWorksheet[] {
    return this._get('items');
  }
  add(name?: string): HostWorksheet {
    const w = new HostWorksheet(this.context);
    this._q('add', name, () => {
      const m = this.context._rt.model;
      const n = name ?? nextDefaultName(m);
      validateSheetName(n);
      if (m.sheetByName(n)) throw new HostError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (sheet "${n}")`);
      w._sheet = m.addSheet(n);
    });
    return w;
  }
  getItem(key: string): HostWorksheet {
    const w = new HostWorksheet(this.context);
    this._q('getItem', key, () => {
      const m = this.context._rt.model;
      const s = m.sheetByName(key) ?? m.sheetById(key);
      if (!s) throw new HostError('ItemNotFound', `The requested resource doesn't exist. (sheet "${key}")`);
      w._sheet = s;
    });
    return w;
  }
  getItemOrNullObject(key: string): HostWorksheet {
    const w = new HostWorksheet(this.context);
    w._null = undefined;
    this._q(
      'getItemOrNullObject',
      key,
      () => {
        const m = this.context._rt.model;
        const s = m.sheetByName(key) ?? m.sheetById(key);
        w._null = !s;
        if (s) w._sheet = s;
      },
      '1.4',
    );
    return w;
  }
  getActiveWorksheet(): HostWorksheet {
    const w = new HostWorksheet(this.context);
    this._q('getActiveWorksheet', undefined, () => {
      w._sheet = this.context._rt.model.activeSheet;
    });
    return w;
  }
}

function nextDefaultName(m: WorkbookModel): string {
  for (let i = 1; ; i++) if (!m.sheetByName(`Sheet${i}`)) return `Sheet${i}`;
}

function validateSheetName(n: string): void {
  if (!n || n.length > 31 || /[[\]:*?/\\]/.test(n) || n.startsWith("'") || n.endsWith("'") || n.toLowerCase() === 'history')
    throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (sheet name "${n}")`);
}

export class HostWorksheet extends HostClientObject {
  get _cls() {
    return 'Worksheet';
  }
  _sheet?: SheetModel;
  readonly protection = new HostWorksheetProtection(this);
  readonly pageLayout = new HostPageLayout(this);
  readonly names: HostNamedItemCollection;
  readonly charts = new HostChartCollection(this);
  readonly freezePanes = new HostFreezePanes(this);
  readonly onChanged: HostEventHandlers;
  constructor(ctx: HostRequestContext) {
    super(ctx);
    this.names = new HostNamedItemCollection(ctx, this);
    this.onChanged = new HostEventHandlers(this);
  }
  _model(): SheetModel {
    if (this._null) throw new HostError('ItemNotFound', "The requested resource doesn't exist.");
    if (!this._sheet) throw new HostError('GeneralException', 'Worksheet used before it was resolved.');
    if (!this.context._rt.model.sheets.includes(this._sheet)) throw new HostError('ItemNotFound', `The worksheet "${this._sheet.name}" was deleted.`);
    return this._sheet;
  }
  override _props() {
    return {
      name: () => this._model().name,
      id: () => this._model().id,
      position: () => this._model().position,
      visibility: () => this._model().visibility,
    };
  }
  override _kids(): Record<string, HostClientObject> {
    return { protection: this.protection, pageLayout: this.pageLayout };
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._q('name', v, () => {
      validateSheetName(v);
      const m = this.context._rt.model;
      const other = m.sheetByName(v);
      if (other && other !== this._model()) throw new HostError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (sheet "${v}")`);
      const old = this._model().name;
      this._model().name = v;
      if (old !== v) m.rewriteSheetRefs(old, v);
    });
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._q('position', v, () => {
      const m = this.context._rt.model;
      const s = this._model();
      m.sheets.splice(m.sheets.indexOf(s), 1);
      m.sheets.splice(Math.min(v, m.sheets.length), 0, s);
    });
  }
  get visibility(): Excel.Worksheet['visibility'] {
    return this._get('visibility');
  }
  activate(): void {
    this._q('activate', undefined, () => {
      const m = this.context._rt.model;
      m.activeSheetId = this._model().id;
      m.selection = { sheetId: m.activeSheetId, rect: { r1: 1, c1: 1, r2: 1, c2: 1 } };
    });
  }
  delete(): void {
    this._q('delete', undefined, () => {
      const m = this.context._rt.model;
      const s = this._model();
      if (m.sheets.filter((x) => x.visibility === 'Visible').length <= 1)
        throw new HostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      const i = m.sheets.indexOf(s);
      m.sheets.splice(i, 1);
      m.rewriteSheetRefs(s.name, undefined);
      m.names = m.names.filter((n) => n.sheet !== s.name && n.scopeSheetId !== s.id);
      if (m.activeSheetId === s.id) m.activeSheetId = m.sheets[Math.max(0, i - 1)].id;
      if (m.selection?.sheetId === s.id) m.selection = undefined;
    });
  }
  getRange(address?: string): HostRange {
    const r = new HostRange(this.context, `getRange(${address ?? ''})`);
    this._q('getRange', address, () => {
      const s = this._model();
      if (address === undefined || address === '') return r._bind(s, { r1: 1, c1: 1, r2: MAX_ROWS, c2: MAX_COLS });
      const p = parseRangeAddress(address);
      if (p.sheet !== undefined && p.sheet.toLowerCase() !== s.name.toLowerCase())
        throw new HostError('InvalidArgument', `The address "${address}" is not on sheet "${s.name}".`);
      r._bind(s, p.rect);
    });
    return r;
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): HostRange {
    const r = new HostRange(this.context, 'getRangeByIndexes');
    this._q(
      'getRangeByIndexes',
      [startRow, startColumn, rowCount, columnCount],
      () => {
        if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) throw new HostError('InvalidArgument', 'Invalid range indexes.');
        r._bind(this._model(), { r1: startRow + 1, c1: startColumn + 1, r2: startRow + rowCount, c2: startColumn + columnCount });
      },
      '1.7',
    );
    return r;
  }
  getCell(row: number, column: number): HostRange {
    const r = new HostRange(this.context, 'getCell');
    this._q('getCell', [row, column], () => r._bind(this._model(), { r1: row + 1, c1: column + 1, r2: row + 1, c2: column + 1 }));
    return r;
  }
  getUsedRange(valuesOnly?: boolean): HostRange {
    const r = new HostRange(this.context, 'getUsedRange');
    this._q('getUsedRange', valuesOnly, () => {
      const s = this._model();
      r._bind(s, s.usedRect(!!valuesOnly) ?? { r1: 1, c1: 1, r2: 1, c2: 1 });
    });
    return r;
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): HostRange {
    const r = new HostRange(this.context, 'getUsedRangeOrNullObject');
    r._null = undefined;
    this._q(
      'getUsedRangeOrNullObject',
      valuesOnly,
      () => {
        const s = this._model();
        const used = s.usedRect(!!valuesOnly);
        r._null = !used;
        if (used) r._bind(s, used);
      },
      '1.4',
    );
    return r;
  }
}

// ---------------------------------------------------------------- ranges

type Grid = unknown[][];

export class HostRange extends HostClientObject {
  get _cls() {
    return 'Range';
  }
  _sheet?: SheetModel;
  _rect?: Rect;
  readonly format: HostRangeFormat;
  readonly dataValidation: HostDataValidation;
  constructor(
    ctx: HostRequestContext,
    readonly _origin: string,
  ) {
    super(ctx);
    this.format = new HostRangeFormat(this);
    this.dataValidation = new HostDataValidation(this);
  }
  _bind(sheet: SheetModel, rect: Rect): void {
    this._sheet = sheet;
    this._rect = rect;
  }
  _target(): { sheet: SheetModel; rect: Rect } {
    if (this._null) throw new HostError('ItemNotFound', "The requested resource doesn't exist.");
    if (!this._sheet || !this._rect) throw new HostError('GeneralException', `Range used before it was resolved (${this._origin}).`);
    if (!this.context._rt.model.sheets.includes(this._sheet)) throw new HostError('ItemNotFound', 'The worksheet of this range was deleted.');
    return { sheet: this._sheet, rect: this._rect };
  }
  /** Cells a read walks: whole rows/columns are bounded by what the sheet uses. */
  _readRect(): { sheet: SheetModel; rect: Rect } {
    const t = this._target();
    const cells = (t.rect.r2 - t.rect.r1 + 1) * (t.rect.c2 - t.rect.c1 + 1);
    if (cells > 5_000_000) throw new HostError('ResponsePayloadSizeLimitExceeded', 'The range is too large to read (more than 5,000,000 cells).');
    return t;
  }
  _grid<T>(f: (sheet: SheetModel, r: number, c: number) => T): T[][] {
    const { sheet, rect } = this._readRect();
    const out: T[][] = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row: T[] = [];
      for (let c = rect.c1; c <= rect.c2; c++) row.push(f(sheet, r, c));
      out.push(row);
    }
    return out;
  }
  override _props() {
    const m = this.context._rt.model;
    return {
      address: () => rectToAddress(this._target().rect, this._target().sheet.name),
      addressLocal: () => rectToAddress(this._target().rect, this._target().sheet.name),
      rowIndex: () => this._target().rect.r1 - 1,
      columnIndex: () => this._target().rect.c1 - 1,
      rowCount: () => this._target().rect.r2 - this._target().rect.r1 + 1,
      columnCount: () => this._target().rect.c2 - this._target().rect.c1 + 1,
      cellCount: () => (this._target().rect.r2 - this._target().rect.r1 + 1) * (this._target().rect.c2 - this._target().rect.c1 + 1),
      values: () => this._grid((s, r, c) => displayValue(m.valueOf(s, r, c))),
      formulas: () =>
        this._grid((s, r, c) => {
          const cell = s.getCell(r, c);
          if (!cell) return '';
          return cell.formula !== undefined ? `=${cell.formula}` : cell.value; // quote-prefixed text reads back without its apostrophe
        }),
      numberFormat: () => this._grid((s, r, c) => s.format(r, c, 'numberFormat')),
      valueTypes: () =>
        this._grid((s, r, c) => {
          const v = m.valueOf(s, r, c);
          if (v === null) return 'Empty';
          if (typeof v === 'object') return 'Error';
          return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : v === '' ? 'Empty' : 'String';
        }),
      text: () => this._grid((s, r, c) => displayText(m.valueOf(s, r, c), String(s.format(r, c, 'numberFormat')))),
    };
  }
  override _kids(): Record<string, HostClientObject> {
    return { format: this.format, dataValidation: this.dataValidation };
  }
  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get values(): any[][] {
    return this._get('values');
  }
  set values(v: any[][]) {
    this._q('values', v, () => this._write(v, 'values'));
  }
  get formulas(): any[][] {
    return this._get('formulas');
  }
  set formulas(v: any[][]) {
    this._q('formulas', v, () => this._write(v, 'formulas'));
  }
  get numberFormat(): any[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: any[][]) {
    this._q('numberFormat', v, () => {
      const { sheet, rect } = this._target();
      requireFormatAllowed(sheet, 'allowFormatCells');
      const grid = shapeGrid(v, rect);
      forCells(rect, (r, c, i, j) => {
        const x = grid ? grid[i][j] : v;
        if (x === null || x === undefined) return;
        if (typeof x !== 'string') throw new HostError('InvalidArgument', 'A number format must be a string.');
        sheet.setCellFormat(r, c, 'numberFormat', x);
      });
    });
  }
  get valueTypes(): Excel.Range['valueTypes'] {
    return this._get('valueTypes');
  }
  get text(): string[][] {
    return this._get('text');
  }
  _write(v: unknown, what: 'values' | 'formulas'): void {
    const { sheet, rect } = this._target();
    const grid = shapeGrid(v, rect);
    const changed: Rect[] = [];
    forCells(rect, (r, c, i, j) => {
      const x = grid ? grid[i][j] : v;
      if (x === null || x === undefined) return; // null leaves the cell as it is
      assertUnlocked(sheet, r, c);
      sheet.setCell(r, c, enterValue(sheet, r, c, x, what));
      changed.push({ r1: r, c1: c, r2: r, c2: c });
    });
    if (changed.length) this.context._rt.changed(sheet, rect, 'ThisLocalAddin');
  }
  merge(across?: boolean): void {
    this._q(
      'merge',
      across,
      () => {
        const { sheet, rect } = this._target();
        if (sheet.protection.protected) throw protectedError();
        const rows = across ? Array.from({ length: rect.r2 - rect.r1 + 1 }, (_, i) => ({ ...rect, r1: rect.r1 + i, r2: rect.r1 + i })) : [rect];
        for (const area of rows) {
          if (area.r1 === area.r2 && area.c1 === area.c2) continue;
          let merged = { ...area };
          for (const m of sheet.merges.filter((x) => overlaps(x, merged)))
            merged = { r1: Math.min(m.r1, merged.r1), c1: Math.min(m.c1, merged.c1), r2: Math.max(m.r2, merged.r2), c2: Math.max(m.c2, merged.c2) };
          sheet.merges = sheet.merges.filter((x) => !overlaps(x, merged));
          sheet.merges.push(merged);
          // Excel keeps only the upper-left value of a merged area.
          forCells(merged, (r, c) => {
            if (r !== merged.r1 || c !== merged.c1) sheet.setCell(r, c, undefined);
          });
        }
      },
      '1.2',
    );
  }
  unmerge(): void {
    this._q(
      'unmerge',
      undefined,
      () => {
        const { sheet, rect } = this._target();
        if (sheet.protection.protected) throw protectedError();
        sheet.merges = sheet.merges.filter((m) => !overlaps(m, rect));
      },
      '1.2',
    );
  }
  select(): void {
    this._q('select', undefined, () => {
      const { sheet, rect } = this._target();
      const m = this.context._rt.model;
      m.activeSheetId = sheet.id;
      m.selection = { sheetId: sheet.id, rect };
    });
  }
  getCell(row: number, column: number): HostRange {
    const r = new HostRange(this.context, 'Range.getCell');
    this._q('getCell', [row, column], () => {
      const { sheet, rect } = this._target();
      r._bind(sheet, { r1: rect.r1 + row, c1: rect.c1 + column, r2: rect.r1 + row, c2: rect.c1 + column });
    });
    return r;
  }
  clear(applyTo?: Parameters<Excel.Range['clear']>[0]): void {
    this._q('clear', applyTo, () => {
      const { sheet, rect } = this._target();
      if (applyTo === undefined || applyTo === 'All' || applyTo === 'Contents')
        forCells(clipRect(sheet, rect), (r, c) => {
          assertUnlocked(sheet, r, c);
          sheet.setCell(r, c, undefined);
        });
    });
  }
}

function clipRect(sheet: SheetModel, rect: Rect): Rect {
  const u = sheet.usedRect(false);
  if (!u) return { ...rect, r2: rect.r1 - 1 };
  return { r1: rect.r1, c1: rect.c1, r2: Math.min(rect.r2, u.r2), c2: Math.min(rect.c2, u.c2) };
}

function forCells(rect: Rect, f: (r: number, c: number, i: number, j: number) => void): void {
  for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) f(r, c, r - rect.r1, c - rect.c1);
}

function shapeGrid(v: unknown, rect: Rect): Grid | undefined {
  if (!Array.isArray(v)) return undefined; // a single value applies to every cell
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
    throw new HostError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${rows}×${cols} expected)`,
    );
  return v as Grid;
}

function protectedError(): HostError {
  return new HostError('AccessDenied', "The cell or chart you're trying to change is protected and therefore read-only.");
}

function assertUnlocked(sheet: SheetModel, r: number, c: number): void {
  if (sheet.protection.protected && sheet.format(r, c, 'locked') !== false) throw protectedError();
}

function requireFormatAllowed(sheet: SheetModel, what: keyof Excel.WorksheetProtectionOptions): void {
  if (sheet.protection.protected && !sheet.protection.options[what]) throw protectedError();
}

const NUMERIC = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?%?$|^[+-]?\.\d+%?$/;
const DATE = /^(\d{1,2})\/(\d{1,2})(\/(\d{2,4}))?$/;

/** What Excel stores when a string (or number) is entered, through the API or by typing. */
export function enterValue(sheet: SheetModel, r: number, c: number, x: unknown, _via: 'values' | 'formulas' | 'typing'): CellData | undefined {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new HostError('InvalidArgument', 'Not a finite number.');
    return { value: x };
  }
  if (typeof x === 'boolean') return { value: x };
  if (typeof x !== 'string') throw new HostError('InvalidArgument', `Unsupported cell value ${JSON.stringify(x)}.`);
  if (x === '') return undefined;
  if (x.startsWith("'")) return { value: x.slice(1), quotePrefix: true };
  if (sheet.format(r, c, 'numberFormat') === '@') return { value: x };
  const t = x.trim();
  if (NUMERIC.test(t)) {
    const pct = t.endsWith('%');
    const n = Number(t.replace(/,/g, '').replace(/%$/, ''));
    return { value: pct ? n / 100 : n };
  }
  if (/^(true|false)$/i.test(t)) return { value: /^true$/i.test(t) };
  const d = DATE.exec(t);
  if (d && Number(d[1]) <= 12 && Number(d[2]) <= 31) {
    const y = d[4] ? Number(d[4].length === 2 ? `20${d[4]}` : d[4]) : 2026;
    return { value: Math.round((Date.UTC(y, Number(d[1]) - 1, Number(d[2])) - Date.UTC(1899, 11, 30)) / 86400000) };
  }
  if (/^[=+\-@]/.test(x) && x.length > 1) {
    // Excel takes these for formulas; a bad one is refused, as Excel refuses it.
    const body = x.startsWith('=') ? x.slice(1) : x.startsWith('@') ? x.slice(1) : x;
    try {
      parse(body);
    } catch {
      throw new HostError('InvalidArgument', `There's a problem with this formula: ${x}`);
    }
    return { value: 0, formula: body };
  }
  return { value: x };
}

function displayValue(v: ReturnType<WorkbookModel['valueOf']>): unknown {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return v;
}

function displayText(v: ReturnType<WorkbookModel['valueOf']>, nf: string): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'number' && /#,##0/.test(nf)) return Math.round(v).toLocaleString('en-US');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

// ---------------------------------------------------------------- formats

abstract class RangePart extends HostClientObject {
  constructor(readonly _range: HostRange) {
    super(_range.context);
  }
  _uniform(key: FormatKey, rect?: Rect): unknown {
    const t = this._range._target();
    const area = rect ?? t.rect;
    const cl = clipForRead(t.sheet, area);
    let first: unknown;
    let seen = false;
    let same = true;
    forCells(cl, (r, c) => {
      if (!same) return;
      const v = t.sheet.format(r, c, key);
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) same = false;
    });
    return same ? first : null;
  }
  _set(key: FormatKey, value: unknown, allow: keyof Excel.WorksheetProtectionOptions = 'allowFormatCells', requires = '1.1', rect?: (r: Rect) => Rect[]): void {
    this._q(
      key,
      value,
      () => {
        const { sheet, rect: base } = this._range._target();
        requireFormatAllowed(sheet, allow);
        for (const area of rect ? rect(base) : [base]) if (area.r1 <= area.r2 && area.c1 <= area.c2) sheet.setFormat(area, key, value);
      },
      requires,
    );
  }
}

function clipForRead(sheet: SheetModel, rect: Rect): Rect {
  // Whole rows/columns: sample what the sheet uses plus one cell beyond it.
  const size = (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);
  if (size <= 100_000) return rect;
  const u = sheet.usedRect(false) ?? { r1: 1, c1: 1, r2: 1, c2: 1 };
  return { r1: rect.r1, c1: rect.c1, r2: Math.min(rect.r2, Math.max(rect.r1, u.r2 + 1)), c2: Math.min(rect.c2, Math.max(rect.c1, u.c2 + 1)) };
}

export class HostRangeFormat extends RangePart {
  get _cls() {
    return 'RangeFormat';
  }  override _propSince() {
    return { columnWidth: '1.2', rowHeight: '1.2' };
  }

  readonly font = new HostRangeFont(this._range);
  readonly fill = new HostRangeFill(this._range);
  readonly borders = new HostRangeBorderCollection(this._range);
  readonly protection = new HostFormatProtection(this._range);
  override _props() {
    return {
      horizontalAlignment: () => this._uniform('horizontalAlignment'),
      verticalAlignment: () => this._uniform('verticalAlignment'),
      wrapText: () => this._uniform('wrapText'),
      indentLevel: () => this._uniform('indentLevel'),
      columnWidth: () => {
        const { sheet, rect } = this._range._target();
        const ws = new Set<number>();
        for (let c = rect.c1; c <= Math.min(rect.c2, rect.c1 + 500); c++) ws.add(sheet.columnWidths.get(c) ?? 48);
        return ws.size === 1 ? [...ws][0] : null;
      },
      rowHeight: () => {
        const { sheet, rect } = this._range._target();
        const hs = new Set<number>();
        for (let r = rect.r1; r <= Math.min(rect.r2, rect.r1 + 500); r++) hs.add(sheet.rowHeights.get(r) ?? 15);
        return hs.size === 1 ? [...hs][0] : null;
      },
    };
  }
  override _kids(): Record<string, HostClientObject> {
    return { font: this.font, fill: this.fill, borders: this.borders, protection: this.protection };
  }
  get horizontalAlignment(): Excel.RangeFormat['horizontalAlignment'] {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: Excel.RangeFormat['horizontalAlignment']) {
    this._set('horizontalAlignment', v);
  }
  get verticalAlignment(): Excel.RangeFormat['verticalAlignment'] {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: Excel.RangeFormat['verticalAlignment']) {
    this._set('verticalAlignment', v);
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._set('wrapText', v);
  }
  get indentLevel(): number {
    return this._get('indentLevel');
  }
  set indentLevel(v: number) {
    if (!(Number.isInteger(v) && v >= 0 && v <= 250)) throw new HostError('InvalidArgument', 'indentLevel must be a whole number from 0 to 250.');
    this._set('indentLevel', v, 'allowFormatCells', '1.9');
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._q(
      'columnWidth',
      v,
      () => {
        const { sheet, rect } = this._range._target();
        requireFormatAllowed(sheet, 'allowFormatColumns');
        if (!(v >= 0)) throw new HostError('InvalidArgument', 'Column width must be ≥ 0.');
        for (let c = rect.c1; c <= rect.c2; c++) sheet.columnWidths.set(c, v);
      },
      '1.2',
    );
  }
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(v: number) {
    this._q(
      'rowHeight',
      v,
      () => {
        const { sheet, rect } = this._range._target();
        requireFormatAllowed(sheet, 'allowFormatRows');
        if (!(v >= 0 && v <= 409)) throw new HostError('InvalidArgument', 'Row height must be between 0 and 409 points.');
        for (let r = rect.r1; r <= rect.r2; r++) sheet.rowHeights.set(r, v);
      },
      '1.2',
    );
  }
  autofitColumns(): void {
    this._q('autofitColumns', undefined, () => undefined, '1.2');
  }
  autofitRows(): void {
    this._q('autofitRows', undefined, () => undefined, '1.2');
  }
}

export class HostRangeFont extends RangePart {
  get _cls() {
    return 'RangeFont';
  }
  override _props() {
    return {
      name: () => this._uniform('font.name'),
      size: () => this._uniform('font.size'),
      bold: () => this._uniform('font.bold'),
      italic: () => this._uniform('font.italic'),
      color: () => this._uniform('font.color'),
    };
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('font.name', v);
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._set('font.size', v);
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._set('font.bold', v);
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._set('font.italic', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('font.color', normColor(v));
  }
}

function normColor(v: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw new HostError('InvalidArgument', `Invalid colour "${v}" (expected #RRGGBB).`);
  return v.toUpperCase();
}

export class HostRangeFill extends RangePart {
  get _cls() {
    return 'RangeFill';
  }
  override _props() {
    // Excel reports no fill as white.
    return { color: () => this._uniform('fill.color') ?? '#FFFFFF' };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('fill.color', normColor(v));
  }
  clear(): void {
    this._set('fill.color', null);
  }
}

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp';

export class HostRangeBorderCollection extends RangePart {
  get _cls() {
    return 'RangeBorderCollection';
  }
  getItem(index: Excel.RangeBorder['sideIndex']): HostRangeBorder {
    return new HostRangeBorder(this._range, index as Edge);
  }
}

/** Where each border index lands on per-cell edges: inside lines become the top/left edges of inner cells. */
function edgeAreas(edge: Edge, rect: Rect): { cellEdge: BorderEdge; area: Rect }[] {
  switch (edge) {
    case 'EdgeTop':
      return [{ cellEdge: 'EdgeTop', area: { ...rect, r2: rect.r1 } }];
    case 'EdgeBottom':
      return [{ cellEdge: 'EdgeBottom', area: { ...rect, r1: rect.r2 } }];
    case 'EdgeLeft':
      return [{ cellEdge: 'EdgeLeft', area: { ...rect, c2: rect.c1 } }];
    case 'EdgeRight':
      return [{ cellEdge: 'EdgeRight', area: { ...rect, c1: rect.c2 } }];
    case 'InsideHorizontal':
      return [{ cellEdge: 'EdgeTop', area: { ...rect, r1: rect.r1 + 1 } }];
    case 'InsideVertical':
      return [{ cellEdge: 'EdgeLeft', area: { ...rect, c1: rect.c1 + 1 } }];
    default:
      return [];
  }
}

export class HostRangeBorder extends RangePart {
  get _cls() {
    return 'RangeBorder';
  }
  constructor(
    range: HostRange,
    readonly _edge: Edge,
  ) {
    super(range);
  }
  override _props() {
    const read = (prop: 'style' | 'weight' | 'color') => () => {
      const { rect } = this._range._target();
      const parts = edgeAreas(this._edge, rect).filter((p) => p.area.r1 <= p.area.r2 && p.area.c1 <= p.area.c2);
      const vals = new Set(parts.map((p) => this._uniform(`border.${p.cellEdge}.${prop}` as FormatKey, p.area)));
      return vals.size === 1 ? [...vals][0] : null;
    };
    return { style: read('style'), weight: read('weight'), color: read('color'), sideIndex: () => this._edge };
  }
  get sideIndex(): Excel.RangeBorder['sideIndex'] {
    return this._get('sideIndex');
  }
  private _setEdge(prop: 'style' | 'weight' | 'color', v: string): void {
    this._q(`${this._edge}.${prop}`, v, () => {
      const { sheet, rect } = this._range._target();
      requireFormatAllowed(sheet, 'allowFormatCells');
      for (const p of edgeAreas(this._edge, rect))
        if (p.area.r1 <= p.area.r2 && p.area.c1 <= p.area.c2) sheet.setFormat(p.area, `border.${p.cellEdge}.${prop}` as FormatKey, v);
    });
  }
  get style(): Excel.RangeBorder['style'] {
    return this._get('style');
  }
  set style(v: Excel.RangeBorder['style']) {
    this._setEdge('style', v);
  }
  get weight(): Excel.RangeBorder['weight'] {
    return this._get('weight');
  }
  set weight(v: Excel.RangeBorder['weight']) {
    this._setEdge('weight', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setEdge('color', normColor(v));
  }
}

export class HostFormatProtection extends RangePart {
  get _cls() {
    return 'FormatProtection';
  }  override get _since() {
    return '1.2';
  }

  override _props() {
    return { locked: () => this._uniform('locked') };
  }
  get locked(): boolean {
    return this._get('locked');
  }
  set locked(v: boolean) {
    this._q(
      'locked',
      v,
      () => {
        const { sheet, rect } = this._range._target();
        if (sheet.protection.protected) throw protectedError();
        sheet.setFormat(rect, 'locked', v);
      },
      '1.2',
    );
  }
}

// ---------------------------------------------------------------- validation (1.8)

export class HostDataValidation extends RangePart {
  get _cls() {
    return 'DataValidation';
  }  override get _since() {
    return '1.8';
  }

  private _find(): ReturnType<SheetModel['validationAt']> {
    const { sheet, rect } = this._range._target();
    return sheet.validations.find((v) => v.rect.r1 === rect.r1 && v.rect.c1 === rect.c1 && v.rect.r2 === rect.r2 && v.rect.c2 === rect.c2);
  }
  override _props() {
    return {
      rule: () => this._find()?.rule ?? {},
      prompt: () => this._find()?.prompt ?? { showPrompt: false, title: '', message: '' },
      errorAlert: () => this._find()?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' },
      ignoreBlanks: () => this._find()?.ignoreBlanks ?? true,
      type: () => {
        const rule = this._find()?.rule;
        return rule?.wholeNumber ? 'WholeNumber' : rule?.decimal ? 'Decimal' : rule?.list ? 'List' : 'None';
      },
    };
  }
  private _upsert(label: string, payload: unknown, f: (v: NonNullable<ReturnType<SheetModel['validationAt']>>) => void): void {
    this._q(
      label,
      payload,
      () => {
        const { sheet, rect } = this._range._target();
        if (sheet.protection.protected) throw protectedError();
        let v = this._find();
        if (!v) {
          if (sheet.validations.some((x) => overlaps(x.rect, rect) && !contains(rect, x.rect)))
            throw new HostError('InvalidOperation', 'The range overlaps a data validation with different settings; clear it first.');
          sheet.validations = sheet.validations.filter((x) => !contains(rect, x.rect));
          v = { rect: { ...rect }, rule: {}, ignoreBlanks: true };
          sheet.validations.push(v);
        }
        f(v);
      },
      '1.8',
    );
  }
  get rule(): Excel.DataValidationRule {
    return this._get('rule');
  }
  set rule(v: Excel.DataValidationRule) {
    this._upsert('rule', v, (x) => {
      const basic = v.wholeNumber ?? v.decimal;
      if (basic && (basic.formula1 === undefined || basic.operator === undefined)) throw new HostError('InvalidArgument', 'A validation rule needs formula1 and an operator.');
      x.rule = clone(v);
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this._get('prompt');
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this._upsert('prompt', v, (x) => {
      if ((v.title ?? '').length > 32) throw new HostError('InvalidArgument', 'A prompt title is at most 32 characters.');
      if ((v.message ?? '').length > 255) throw new HostError('InvalidArgument', 'A prompt message is at most 255 characters.');
      x.prompt = clone(v);
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this._get('errorAlert');
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this._upsert('errorAlert', v, (x) => {
      if ((v.title ?? '').length > 32) throw new HostError('InvalidArgument', 'An alert title is at most 32 characters.');
      if ((v.message ?? '').length > 255) throw new HostError('InvalidArgument', 'An alert message is at most 255 characters.');
      x.errorAlert = clone(v);
    });
  }
  get ignoreBlanks(): boolean {
    return this._get('ignoreBlanks');
  }
  set ignoreBlanks(v: boolean) {
    this._upsert('ignoreBlanks', v, (x) => {
      x.ignoreBlanks = v;
    });
  }
  get type(): Excel.DataValidation['type'] {
    return this._get('type');
  }
  clear(): void {
    this._q(
      'clear',
      undefined,
      () => {
        const { sheet, rect } = this._range._target();
        sheet.validations = sheet.validations.filter((v) => !overlaps(v.rect, rect));
      },
      '1.8',
    );
  }
}

// ---------------------------------------------------------------- sheet parts

abstract class SheetPart extends HostClientObject {
  constructor(readonly _ws: HostWorksheet) {
    super(_ws.context);
  }
}

export class HostWorksheetProtection extends SheetPart {
  get _cls() {
    return 'WorksheetProtection';
  }  override get _since() {
    return '1.2';
  }

  _password?: string;
  override _props() {
    return {
      protected: () => this._ws._model().protection.protected,
      options: () => this._ws._model().protection.options,
    };
  }
  get protected(): boolean {
    return this._get('protected');
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this._get('options');
  }
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this._q(
      'protect',
      options,
      () => {
        const p = this._ws._model().protection;
        if (p.protected) throw new HostError('InvalidOperation', 'The worksheet is already protected.');
        p.protected = true;
        p.options = { ...(options ?? {}) };
        passwords.set(this._ws._model(), password);
      },
      password ? '1.7' : '1.2',
    );
  }
  unprotect(password?: string): void {
    this._q(
      'unprotect',
      undefined,
      () => {
        const s = this._ws._model();
        const pw = passwords.get(s);
        if (s.protection.protected && pw && pw !== password) throw new HostError('InvalidOperation', 'The password you supplied is not correct.');
        s.protection.protected = false;
      },
      password ? '1.7' : '1.2',
    );
  }
}

const passwords = new WeakMap<SheetModel, string | undefined>();
/** Test helper: protect a sheet with a password, as a clerk might. */
export function setSheetPassword(sheet: SheetModel, password: string): void {
  passwords.set(sheet, password);
}

export class HostPageLayout extends SheetPart {
  get _cls() {
    return 'PageLayout';
  }  override get _since() {
    return '1.9';
  }

  override _props() {
    const pl = () => this._ws._model().pageLayout;
    return {
      paperSize: () => pl().paperSize ?? 'Letter',
      orientation: () => pl().orientation ?? 'Portrait',
      zoom: () => pl().zoom ?? { scale: 100 },
      leftMargin: () => pl().leftMargin ?? 50.4,
      rightMargin: () => pl().rightMargin ?? 50.4,
      topMargin: () => pl().topMargin ?? 54,
      bottomMargin: () => pl().bottomMargin ?? 54,
      centerHorizontally: () => pl().centerHorizontally ?? false,
    };
  }
  private _setPl<K extends keyof HostPageLayoutFields>(k: K, v: HostPageLayoutFields[K]): void {
    this._q(k, v, () => {
      (this._ws._model().pageLayout as HostPageLayoutFields)[k] = clone(v);
    }, '1.9');
  }
  get paperSize(): Excel.PageLayout['paperSize'] {
    return this._get('paperSize');
  }
  set paperSize(v: Excel.PageLayout['paperSize']) {
    this._setPl('paperSize', v);
  }
  get orientation(): Excel.PageLayout['orientation'] {
    return this._get('orientation');
  }
  set orientation(v: Excel.PageLayout['orientation']) {
    this._setPl('orientation', v);
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this._get('zoom');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this._setPl('zoom', v);
  }
  get leftMargin(): number {
    return this._get('leftMargin');
  }
  set leftMargin(v: number) {
    this._setPl('leftMargin', v);
  }
  get rightMargin(): number {
    return this._get('rightMargin');
  }
  set rightMargin(v: number) {
    this._setPl('rightMargin', v);
  }
  get topMargin(): number {
    return this._get('topMargin');
  }
  set topMargin(v: number) {
    this._setPl('topMargin', v);
  }
  get bottomMargin(): number {
    return this._get('bottomMargin');
  }
  set bottomMargin(v: number) {
    this._setPl('bottomMargin', v);
  }
  get centerHorizontally(): boolean {
    return this._get('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this._setPl('centerHorizontally', v);
  }
  setPrintTitleRows(printTitleRows: HostRange | string): void {
    this._q(
      'setPrintTitleRows',
      typeof printTitleRows === 'string' ? printTitleRows : '#range',
      () => {
        const rect = typeof printTitleRows === 'string' ? parseRangeAddress(printTitleRows).rect : printTitleRows._target().rect;
        if (rect.c1 !== 1 || rect.c2 !== MAX_COLS) throw new HostError('InvalidArgument', 'Print title rows must be whole rows, e.g. "$10:$12".');
        this._ws._model().pageLayout.printTitleRows = rect;
      },
      '1.9',
    );
  }
}

/** The page-layout properties set one by one; print titles go through setPrintTitleRows. */
type HostPageLayoutFields = Omit<PageLayoutData, 'printTitleRows'>;

/** Not a loadable object in the real API, so no load(). */
export class HostFreezePanes {
  readonly context: HostRequestContext;
  constructor(readonly _ws: HostWorksheet) {
    this.context = _ws.context;
  }
  freezeRows(count?: number): void {
    this.context._queue('WorksheetFreezePanes.freezeRows', count, () => {
      this._ws._model().freezeRows = count ?? 1;
    }, '1.7');
  }
  unfreeze(): void {
    this.context._queue('WorksheetFreezePanes.unfreeze', undefined, () => {
      this._ws._model().freezeRows = 0;
    }, '1.7');
  }
}

// ---------------------------------------------------------------- names

const NAME_RE = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

export class HostNamedItemCollection extends HostClientObject {
  get _cls() {
    return 'NamedItemCollection';
  }  /** Workbook names are ExcelApi 1.1; a worksheet's own names came with 1.4. */
  override get _since() {
    return this._ws ? '1.4' : '1.1';
  }

  constructor(
    ctx: HostRequestContext,
    readonly _ws: HostWorksheet | undefined,
  ) {
    super(ctx);
  }
  private _scopeId(): string | undefined {
    return this._ws ? this._ws._model().id : undefined;
  }
  private _mine(): NameData[] {
    const id = this._scopeId();
    return this.context._rt.model.names.filter((n) => n.scopeSheetId === id);
  }
  override _loadNow(paths: string[] | undefined): void {
    const itemPaths = paths?.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    const items = this._mine().map((n) => {
      const it = new HostNamedItem(this.context, n);
      it._loadNow(itemPaths?.length ? itemPaths : undefined);
      return it;
    });
    this._loaded.set('items', items);
  }
  get items(): HostNamedItem[] {
    return this._get('items');
  }
  add(name: string, reference: HostRange | string, comment?: string): HostNamedItem {
    const item = new HostNamedItem(this.context, undefined);
    this._q(
      'add',
      { name, reference: typeof reference === 'string' ? reference : '#range', comment },
      () => {
        if (!NAME_RE.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name))
          throw new HostError('InvalidArgument', `The name "${name}" is not valid.`);
        if (this._mine().some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw new HostError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (name "${name}")`);
        let sheet: string;
        let rect: Rect;
        if (typeof reference === 'string') {
          const p = parseRangeAddress(reference.replace(/^=/, ''));
          if (!p.sheet) throw new HostError('InvalidArgument', `The reference "${reference}" must name its sheet.`);
          sheet = p.sheet;
          rect = p.rect;
        } else {
          const t = reference._target();
          sheet = t.sheet.name;
          rect = t.rect;
        }
        const data: NameData = { name, sheet, rect, comment, scopeSheetId: this._scopeId() };
        this.context._rt.model.names.push(data);
        item._data = data;
      },
      '1.4',
    );
    return item;
  }
  getItemOrNullObject(name: string): HostNamedItem {
    const item = new HostNamedItem(this.context, undefined);
    item._null = undefined;
    this._q(
      'getItemOrNullObject',
      name,
      () => {
        const hit = this._mine().find((n) => n.name.toLowerCase() === name.toLowerCase());
        item._null = !hit;
        item._data = hit;
      },
      '1.4',
    );
    return item;
  }
}

export class HostNamedItem extends HostClientObject {
  get _cls() {
    return 'NamedItem';
  }
  constructor(
    ctx: HostRequestContext,
    public _data: NameData | undefined,
  ) {
    super(ctx);
  }
  private _d(): NameData {
    if (!this._data) throw new HostError('ItemNotFound', "The requested resource doesn't exist.");
    return this._data;
  }
  override _props() {
    const abs = () => {
      const d = this._d();
      const a = rectToAddress(d.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      return `${quoteSheet(d.sheet)}!${a}`;
    };
    return {
      name: () => this._d().name,
      type: () => 'Range',
      value: abs,
      formula: () => `=${abs()}`,
      comment: () => this._d().comment ?? '',
      scope: () => (this._d().scopeSheetId ? 'Worksheet' : 'Workbook'),
      visible: () => true,
    };
  }
  get name(): string {
    return this._get('name');
  }
  get type(): Excel.NamedItem['type'] {
    return this._get('type');
  }
  get value(): any {
    return this._get('value');
  }
  get formula(): any {
    return this._get('formula');
  }
  get comment(): string {
    return this._get('comment');
  }
  get scope(): Excel.NamedItem['scope'] {
    return this._get('scope');
  }
  get visible(): boolean {
    return this._get('visible');
  }
  getRange(): HostRange {
    const r = new HostRange(this.context, 'NamedItem.getRange');
    this._q('getRange', undefined, () => {
      const d = this._d();
      const s = this.context._rt.model.sheetByName(d.sheet);
      if (!s) throw new HostError('ItemNotFound', "The requested resource doesn't exist.");
      r._bind(s, d.rect);
    });
    return r;
  }
  delete(): void {
    this._q(
      'delete',
      undefined,
      () => {
        const m = this.context._rt.model;
        m.names = m.names.filter((n) => n !== this._d());
      },
      '1.4',
    );
  }
}

// ---------------------------------------------------------------- charts

export class HostChartCollection extends SheetPart {
  get _cls() {
    return 'ChartCollection';
  }
  override _loadNow(paths: string[] | undefined): void {
    const itemPaths = paths?.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    const items = this._ws._model().charts.map((c) => {
      const ch = new HostChart(this._ws, c);
      ch._loadNow(itemPaths?.length ? itemPaths : undefined);
      return ch;
    });
    this._loaded.set('items', items);
    this._loaded.set('count', items.length);
  }
  get items(): HostChart[] {
    return this._get('items');
  }
  get count(): number {
    return this._get('count');
  }
  add(type: Parameters<Excel.ChartCollection['add']>[0], sourceData: HostRange, seriesBy?: 'Auto' | 'Columns' | 'Rows' | Excel.ChartSeriesBy): HostChart {
    const chart = new HostChart(this._ws, undefined);
    this._q('add', { type, seriesBy }, () => {
      const s = this._ws._model();
      const t = sourceData._target();
      if (t.sheet !== s) throw new HostError('InvalidArgument', 'The chart data must be on the same sheet in this host.');
      const m = this.context._rt.model;
      const by = seriesBy === 'Rows' ? 'Rows' : 'Columns';
      const rect = t.rect;
      const series: ChartData['series'] = [];
      // Excel's guess: a text first row names the series, a text first column holds the categories.
      const isText = (r: number, c: number) => typeof m.valueOf(s, r, c) === 'string';
      const along = by === 'Columns';
      const [s1, s2] = along ? [rect.c1, rect.c2] : [rect.r1, rect.r2];
      const [d1, d2] = along ? [rect.r1, rect.r2] : [rect.c1, rect.c2];
      const at = (i: number, j: number) => (along ? [j, i] : [i, j]) as [number, number];
      const header = d2 > d1 && isText(...at(s2, d1));
      const cats = s2 > s1 && isText(...at(s1, d2));
      for (let i = cats ? s1 + 1 : s1; i <= s2; i++) {
        const nm = header ? m.valueOf(s, ...at(i, d1)) : null;
        const from = header ? d1 + 1 : d1;
        const span = (k: number): Rect => (along ? { r1: from, c1: k, r2: d2, c2: k } : { r1: k, c1: from, r2: k, c2: d2 });
        series.push({ name: nm === null ? undefined : String(nm), values: span(i), categories: cats ? span(s1) : undefined });
      }
      const data: ChartData = { name: `Chart ${s.charts.length + 1}`, type, source: rect, seriesBy: by, series };
      s.charts.push(data);
      chart._data = data;
    });
    return chart;
  }
}

export class HostChart extends SheetPart {
  get _cls() {
    return 'Chart';
  }
  readonly title: HostChartTitle;
  readonly series: HostChartSeriesCollection;
  readonly legend: HostChartLegend;
  constructor(
    ws: HostWorksheet,
    public _data: ChartData | undefined,
  ) {
    super(ws);
    this.title = new HostChartTitle(this);
    this.series = new HostChartSeriesCollection(this);
    this.legend = new HostChartLegend(this);
  }
  _d(): ChartData {
    if (!this._data) throw new HostError('ItemNotFound', "The requested resource doesn't exist.");
    return this._data;
  }
  override _props() {
    return { name: () => this._d().name, chartType: () => this._d().type };
  }
  override _kids(): Record<string, HostClientObject> {
    return { title: this.title };
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._q('name', v, () => {
      this._d().name = v;
    });
  }
  get chartType(): Excel.Chart['chartType'] {
    return this._get('chartType');
  }
  setPosition(startCell: HostRange | string, endCell?: HostRange | string): void {
    const addr = (x: HostRange | string | undefined) => (x === undefined ? undefined : typeof x === 'string' ? x : rectToAddress(x._target().rect));
    this._q('setPosition', [typeof startCell === 'string' ? startCell : '#range', typeof endCell === 'string' ? endCell : '#range'], () => {
      this._d().position = { start: addr(startCell)!, end: addr(endCell) };
    });
  }
}

export class HostChartTitle extends HostClientObject {
  get _cls() {
    return 'ChartTitle';
  }
  constructor(readonly _chart: HostChart) {
    super(_chart.context);
  }
  override _props() {
    return { text: () => this._chart._d().title ?? '' };
  }
  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this._q('text', v, () => {
      this._chart._d().title = v;
    });
  }
}

export class HostChartLegend extends HostClientObject {
  get _cls() {
    return 'ChartLegend';
  }
  constructor(readonly _chart: HostChart) {
    super(_chart.context);
  }
  set position(v: Excel.ChartLegend['position']) {
    this._q('position', v, () => undefined);
  }
  get position(): Excel.ChartLegend['position'] {
    return this._get('position');
  }
}

export class HostChartSeriesCollection extends HostClientObject {
  get _cls() {
    return 'ChartSeriesCollection';
  }
  constructor(readonly _chart: HostChart) {
    super(_chart.context);
  }
  override _loadNow(): void {
    this._loaded.set('count', this._chart._d().series.length);
  }
  get count(): number {
    return this._get('count');
  }
  add(name?: string, index?: number): HostChartSeries {
    const s = new HostChartSeries(this._chart);
    if (index !== undefined) throw new HostError('NotImplemented', 'The host adds series at the end only.');
    this._q(
      'add',
      name,
      () => {
        const d = this._chart._d();
        s._index = d.series.push({ name }) - 1;
      },
      '1.7',
    );
    return s;
  }
  getItemAt(index: number): HostChartSeries {
    const s = new HostChartSeries(this._chart);
    s._index = index;
    return s;
  }
}

export class HostChartSeries extends HostClientObject {
  get _cls() {
    return 'ChartSeries';
  }
  _index = -1;
  constructor(readonly _chart: HostChart) {
    super(_chart.context);
  }
  private _s() {
    const s = this._chart._d().series[this._index];
    if (!s) throw new HostError('ItemNotFound', 'No such chart series.');
    return s;
  }
  override _props() {
    return { name: () => this._s().name ?? '' };
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._q('name', v, () => {
      this._s().name = v;
    });
  }
  setValues(sourceData: HostRange): void {
    this._q('setValues', '#range', () => {
      this._s().values = sourceData._target().rect;
    }, '1.7');
  }
  setXAxisValues(sourceData: HostRange): void {
    this._q('setXAxisValues', '#range', () => {
      this._s().categories = sourceData._target().rect;
    }, '1.7');
  }
}

// ---------------------------------------------------------------- events (1.7)

export class HostEventHandlers {
  constructor(readonly _ws: HostWorksheet) {}
  add(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<any>): HostEventHandlerResult {
    const ctx = this._ws.context;
    ctx._queue(
      'Worksheet.onChanged.add',
      undefined,
      () => {
        ctx._rt.addChangedHandler(this._ws._model().id, handler);
      },
      '1.7',
    );
    return new HostEventHandlerResult(this, handler);
  }
  remove(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<any>): void {
    const ctx = this._ws.context;
    ctx._queue('Worksheet.onChanged.remove', undefined, () => ctx._rt.removeChangedHandler(this._ws._model().id, handler), '1.7');
  }
}

export class HostEventHandlerResult {
  readonly context: HostRequestContext;
  constructor(
    readonly _handlers: HostEventHandlers,
    readonly _handler: (args: Excel.WorksheetChangedEventArgs) => Promise<any>,
  ) {
    this.context = _handlers._ws.context;
  }
  remove(): void {
    this._handlers.remove(this._handler);
  }
}

export { inRect };
