// The in-memory Excel host: installs `Excel`, `Office` and `OfficeExtension`
// globals backed by a WorkbookModel, counts syncs and the bytes each carries,
// and lets a test act as the user (type, paste) or switch requirement sets off.
import { HostRequestContext, HostRuntime, enterValue } from './api';
import { HostError, Rect, SheetModel, WorkbookModel, colLetters, inRect, parseRangeAddress, rectToAddress } from './model';

export interface HostOptions {
  /** Highest ExcelApi version supported, e.g. "1.7" for Excel 2016-era builds; default "1.17". */
  excelApi?: string;
  /** Office.context.displayLanguage; default "vi-VN". */
  language?: string;
  /** Sheets the workbook starts with; default ["Sheet1"]. */
  sheets?: string[];
  /** Per-request payload cap; Excel on the web's is 5 MB. */
  payloadLimit?: number;
  platform?: 'PC' | 'OfficeOnline' | 'Mac';
}

export interface SyncRecord {
  ops: number;
  bytes: number;
  labels: string[];
}

type ChangedHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;

function versionNumber(v: string): [number, number] {
  const [a, b] = v.split('.').map(Number);
  return [a, b ?? 0];
}

export class ExcelHost {
  readonly model = new WorkbookModel();
  readonly syncLog: SyncRecord[] = [];
  excelApi: string;
  language: string;
  platform: 'PC' | 'OfficeOnline' | 'Mac';
  payloadLimit: number;
  /** Operations left queued when an Excel.run batch ended: real Excel drops them silently. */
  discarded: string[] = [];
  /** Alerts shown to the "user" (validation stops). */
  alerts: string[] = [];
  readonly settings = new Map<string, unknown>();
  private handlers = new Map<string, Set<ChangedHandler>>();
  private pendingEvents: { sheet: SheetModel; rect: Rect; trigger: 'ThisLocalAddin' | 'Unknown'; changeType?: string }[] = [];
  private editEnd?: { promise: Promise<void>; resolve: () => void };
  /**
   * A test makes a sync fail by returning an error for it (`n`: the sync's index in syncLog,
   * `labels`: what it carries); none of that sync's operations run.
   */
  failSync?: (n: number, labels: string[]) => Error | undefined;
  private eventChain: Promise<unknown> = Promise.resolve();

  constructor(opts: HostOptions = {}) {
    this.excelApi = opts.excelApi ?? '1.17';
    this.language = opts.language ?? 'vi-VN';
    this.platform = opts.platform ?? 'PC';
    this.payloadLimit = opts.payloadLimit ?? 5 * 1024 * 1024;
    for (const s of opts.sheets ?? ['Sheet1']) this.model.addSheet(s);
  }

  get syncs(): number {
    return this.syncLog.length;
  }

  resetCounters(): void {
    this.syncLog.length = 0;
  }

  supports(version: string): boolean {
    const [a, b] = versionNumber(version);
    const [x, y] = versionNumber(this.excelApi);
    return a < x || (a === x && b <= y);
  }

  private runtime(): HostRuntime {
    return {
      model: this.model,
      supports: (v) => this.supports(v),
      recordSync: (e) => this.syncLog.push(e),
      payloadLimit: this.payloadLimit,
      changed: (sheet, rect, trigger) => this.pendingEvents.push({ sheet, rect, trigger }),
      addChangedHandler: (id, h) => {
        if (!this.handlers.has(id)) this.handlers.set(id, new Set());
        this.handlers.get(id)!.add(h);
      },
      removeChangedHandler: (id, h) => this.handlers.get(id)?.delete(h),
      flushEvents: () => this.flushEvents(),
      cellEdit: () => this.editEnd?.promise,
      injectedFailure: (labels) => {
        const e = this.failSync?.(this.syncLog.length - 1, labels);
        return e as HostError | undefined;
      },
    };
  }

  private flushEvents(): void {
    const events = this.pendingEvents.splice(0);
    for (const e of events) {
      const hs = [...(this.handlers.get(e.sheet.id) ?? [])];
      for (const h of hs) {
        const args = {
          address: rectToAddress(e.rect),
          changeType: e.changeType ?? 'RangeEdited',
          source: 'Local',
          type: 'WorksheetChanged',
          worksheetId: e.sheet.id,
          triggerSource: e.trigger,
        } as unknown as Excel.WorksheetChangedEventArgs;
        // Events arrive after the sync that caused them, one at a time.
        this.eventChain = this.eventChain.then(() => new Promise((res) => setTimeout(res, 0))).then(() => h(args).catch(() => undefined));
      }
    }
  }

  /** Resolves when every event handler fired so far has finished. */
  async settle(): Promise<void> {
    let last: Promise<unknown>;
    do {
      last = this.eventChain;
      await last;
    } while (last !== this.eventChain);
  }

  newContext(): HostRequestContext {
    return new HostRequestContext(this.runtime());
  }

  run = async <T>(...args: unknown[]): Promise<T> => {
    const batch = args[args.length - 1] as (ctx: HostRequestContext) => Promise<T>;
    const first = args[0];
    const ctx = first instanceof HostRequestContext ? first : this.newContext();
    // Excel.run(options, batch): delayForCellEdit is honoured from ExcelApi 1.11 (older builds ignore it).
    if (args.length === 2 && first && typeof first === 'object' && !(first instanceof HostRequestContext) && !Array.isArray(first)) {
      const opts = first as Excel.RunOptions;
      if (opts.delayForCellEdit && this.supports('1.11')) ctx._delayForCellEdit = true;
    }
    const result = await batch(ctx);
    const left = ctx._ops.filter((o) => !o.label.endsWith('.load'));
    if (left.length) this.discarded.push(...left.map((o) => o.label));
    ctx._ops = [];
    return result;
  };

  /** The `Excel`, `Office` and `OfficeExtension` globals the add-in expects. */
  globals(): { Excel: unknown; Office: unknown; OfficeExtension: unknown } {
    const host = this;
    const Excel = {
      run: this.run,
      RequestContext: HostRequestContext,
      createWorkbook: async (base64?: string) => {
        if (!host.supports('1.8')) throw new HostError('ApiNotFound', 'Excel.createWorkbook needs ExcelApi 1.8.');
        host.model.createdWorkbooks.push(base64 ?? '');
      },
    };
    const settingsApi = {
      get: (k: string) => (host.settings.has(k) ? host.settings.get(k) : null),
      set: (k: string, v: unknown) => void host.settings.set(k, JSON.parse(JSON.stringify(v))),
      remove: (k: string) => void host.settings.delete(k),
      saveAsync: (cb?: (r: { status: string }) => void) => setTimeout(() => cb?.({ status: 'succeeded' }), 0),
    };
    const Office = {
      HostType: { Excel: 'Excel' },
      PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      onReady: (cb?: (info: { host: string; platform: string }) => void) => {
        const info = { host: 'Excel', platform: host.platform };
        return new Promise((res) =>
          setTimeout(() => {
            cb?.(info);
            res(info);
          }, 0),
        );
      },
      context: {
        get displayLanguage() {
          return host.language;
        },
        get platform() {
          return host.platform;
        },
        requirements: {
          isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && host.supports(version ?? '1.1'),
        },
        document: { settings: settingsApi },
      },
      actions: { associate: () => undefined },
    };
    const OfficeExtension = { Error: HostError };
    return { Excel, Office, OfficeExtension };
  }

  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
    const g = this.globals();
    const before = { Excel: target.Excel, Office: target.Office, OfficeExtension: target.OfficeExtension };
    Object.assign(target, g);
    return () => Object.assign(target, before);
  }

  // ------------------------------------------------------------ inspection for tests

  sheet(name: string): SheetModel {
    const s = this.model.sheetByName(name);
    if (!s) throw new Error(`No sheet "${name}" (have: ${this.model.sheets.map((x) => x.name).join(', ')})`);
    return s;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** The value Excel shows in a cell: formulas computed, empty as null. */
  value(sheet: string, address: string): unknown {
    const { rect } = parseRangeAddress(address);
    const v = this.model.valueOf(this.sheet(sheet), rect.r1, rect.c1);
    return v !== null && typeof v === 'object' ? v.error : v;
  }

  /** Formula text with "=", or undefined for a constant. */
  formula(sheet: string, address: string): string | undefined {
    const { rect } = parseRangeAddress(address);
    const f = this.sheet(sheet).getCell(rect.r1, rect.c1)?.formula;
    return f === undefined ? undefined : `=${f}`;
  }

  // ------------------------------------------------------------ acting as the user

  /** The user starts editing a cell (cell-edit mode): requests not made with delayForCellEdit fail. */
  startEditing(): void {
    if (this.editEnd) return;
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    this.editEnd = { promise, resolve };
  }

  /** The user leaves the cell: delayed requests go ahead. */
  stopEditing(): void {
    const e = this.editEnd;
    this.editEnd = undefined;
    e?.resolve();
  }

  get editing(): boolean {
    return !!this.editEnd;
  }

  /** Inserts whole rows above `row` as the user would (Home › Insert): what is below moves down; onChanged says RowInserted. */
  insertRows(sheetName: string, row: number, count = 1): void {
    const s = this.sheet(sheetName);
    s.shiftRows(row, count);
    const last = row + count - 1;
    this.pendingEvents.push({ sheet: s, rect: { r1: row, c1: 1, r2: last, c2: 16384 }, trigger: 'Unknown', changeType: 'RowInserted' });
    this.flushEvents();
  }

  /**
   * Types into a cell as a user would: a locked cell of a protected sheet and a value
   * breaking a "stop" validation are refused (returns why); otherwise onChanged fires.
   */
  type(sheetName: string, address: string, text: string): 'ok' | 'protected' | 'invalid' {
    const s = this.sheet(sheetName);
    const { rect } = parseRangeAddress(address);
    const { r1: r, c1: c } = rect;
    if (s.protection.protected && s.format(r, c, 'locked') !== false) {
      this.alerts.push(`protected ${address}`);
      return 'protected';
    }
    const data = enterValue(s, r, c, text, 'typing');
    const v = s.validationAt(r, c);
    if (v && !this.passes(v, data, text)) {
      this.alerts.push(`${v.errorAlert?.title ?? ''}: ${v.errorAlert?.message ?? ''}`);
      if ((v.errorAlert?.style ?? 'Stop') === 'Stop') return 'invalid';
    }
    s.setCell(r, c, data);
    this.pendingEvents.push({ sheet: s, rect: { r1: r, c1: c, r2: r, c2: c }, trigger: 'Unknown' });
    this.flushEvents();
    return 'ok';
  }

  /** Pastes values: data validation does not check pasted values (as in Excel); protection still applies. */
  paste(sheetName: string, address: string, rows: (string | number | null)[][]): 'ok' | 'protected' {
    const s = this.sheet(sheetName);
    const { rect } = parseRangeAddress(address);
    for (let i = 0; i < rows.length; i++)
      for (let j = 0; j < rows[i].length; j++) {
        const r = rect.r1 + i;
        const c = rect.c1 + j;
        if (s.protection.protected && s.format(r, c, 'locked') !== false) return 'protected';
      }
    rows.forEach((row, i) =>
      row.forEach((x, j) => {
        if (x === null) return;
        // A pasted cell keeps text as text, as Paste Values of text cells does.
        s.setCell(rect.r1 + i, rect.c1 + j, typeof x === 'number' ? { value: x } : x === '' ? undefined : { value: x });
      }),
    );
    this.pendingEvents.push({
      sheet: s,
      rect: { r1: rect.r1, c1: rect.c1, r2: rect.r1 + rows.length - 1, c2: rect.c1 + Math.max(...rows.map((r) => r.length)) - 1 },
      trigger: 'Unknown',
    });
    this.flushEvents();
    return 'ok';
  }

  private passes(v: NonNullable<ReturnType<SheetModel['validationAt']>>, data: ReturnType<typeof enterValue>, _text: string): boolean {
    if (!data) return v.ignoreBlanks;
    const rule = v.rule.wholeNumber ?? v.rule.decimal;
    if (!rule) return true;
    if (data.formula !== undefined || typeof data.value !== 'number') return false;
    const x = data.value;
    if (v.rule.wholeNumber && !Number.isInteger(x)) return false;
    const f1 = Number(String(rule.formula1).replace(/^=/, ''));
    const f2 = rule.formula2 === undefined ? NaN : Number(String(rule.formula2).replace(/^=/, ''));
    switch (rule.operator) {
      case 'GreaterThanOrEqualTo':
        return x >= f1;
      case 'GreaterThan':
        return x > f1;
      case 'LessThan':
        return x < f1;
      case 'LessThanOrEqualTo':
        return x <= f1;
      case 'EqualTo':
        return x === f1;
      case 'NotEqualTo':
        return x !== f1;
      case 'Between':
        return x >= f1 && x <= f2;
      case 'NotBetween':
        return x < f1 || x > f2;
      default:
        return true;
    }
  }

  /** Everything the sheet holds in a rectangle, as formulas-or-values (for assertions). */
  dump(sheetName: string, address: string): unknown[][] {
    const s = this.sheet(sheetName);
    const { rect } = parseRangeAddress(address);
    const out: unknown[][] = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row: unknown[] = [];
      for (let c = rect.c1; c <= rect.c2; c++) {
        const cell = s.getCell(r, c);
        row.push(cell ? (cell.formula !== undefined ? `=${cell.formula}` : cell.value) : null);
      }
      out.push(row);
    }
    return out;
  }

  selection(): string | undefined {
    const sel = this.model.selection;
    if (!sel) return undefined;
    return rectToAddress(sel.rect, this.model.sheetById(sel.sheetId)?.name);
  }
}

export { HostError, colLetters, inRect };
