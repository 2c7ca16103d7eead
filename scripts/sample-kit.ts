// The machinery behind the sample sets (scripts/make-samples.ts: Lạng Sơn 2025, the historic grouping;
// scripts/make-samples-2027.ts: Lạng Sơn 2027, the two-level country): a "clerk" who fills the real standard
// form in LibreOffice, and what a correct merge of a set must find, computed from what the clerk typed.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync, zipSync, Zippable } from 'fflate';
import { buildFormPlan, derivedTotal, formLayout, parseFormParams, FormParams, FormParamsInput } from '../src/core/form';
import { prefilledFormPlan } from '../src/core/prefilled-form';
import { cellAddress } from '../src/core/a1';
import { ACTIVITY_TYPES } from '../src/core/activities';
import { writeWorkbook } from '../src/workbook/write-xlsx';
import { Job, Op, SheetRef, runLibreOfficeJobs } from '../test/helpers/soffice';

export const L = formLayout(10);
export const D = L.firstData;

/** A typed cell: a number, or text as the clerk typed it and the number it means (null: not a number). */
export type Typed = number | { text: string; value: number | null };
export interface Row {
  p?: Typed; // column 2
  b?: Typed; // column 4
  o?: Typed; // column 5
  /** Column 3 typed by hand over the formula. */
  c3?: number;
  /** Column 4 as a formula, with the value it gives. */
  bFormula?: { formula: string; value: number };
}

export type Status = 'accepted' | 'rejected' | 'superseded';
export interface Issue {
  severity: 'error' | 'warning';
  cell?: string;
  what: string;
  /** The problem code the merge must report (only where the set's test checks it). */
  code?: string;
}

export interface Sample {
  file: string;
  unit: string;
  /** The roster entry it should match, null when it should not match one. */
  rosterUnit: string | null;
  group: 'I' | 'II' | 'III' | 'IV' | 'V' | null;
  submitted: string;
  status: Status;
  problem: { vi: string; en: string };
  issues: Issue[];
  lastYearForm?: boolean;
  /** Filled in the form pre-filled for this unit (its name locked), as `form --roster` writes it. */
  prefilledFor?: string;
  supersededBy?: string;
  /** Final data rows (row number → what was typed); ops builds the file. */
  rows: Map<number, Row>;
  ops: Op[];
}

export const num = (t: Typed | undefined): number => (t === undefined ? 0 : typeof t === 'number' ? t : t.value ?? Number.NaN);

/** The clerk: collects the ops for one return, keeping track of where "Tổng" has moved. */
export class Clerk {
  ops: Op[] = [];
  rows = new Map<number, Row>();
  total = L.total;
  constructor(public sheet: SheetRef = 0) {}

  unit(name: string): this {
    this.ops.push({ op: 'setText', sheet: this.sheet, cell: cellAddress(L.unitCell, 1), value: name });
    return this;
  }

  /** Insert rows before `before`, number them and copy the column-3 formula down, as a careful clerk does. */
  insert(before: number, count: number, tt?: number[]): this {
    this.ops.push({ op: 'insertRows', sheet: this.sheet, before, count });
    if (before <= this.total) this.total += count;
    for (let i = 0; i < count; i++) {
      const r = before + i;
      if (tt?.[i] !== undefined) this.ops.push({ op: 'setNumber', sheet: this.sheet, cell: cellAddress(r, 1), value: tt[i] });
      this.ops.push({ op: 'setFormula', sheet: this.sheet, cell: cellAddress(r, 3), formula: derivedTotal(r) });
    }
    return this;
  }

  /** Insert an empty row and leave it as it is. */
  insertBlank(before: number): this {
    this.ops.push({ op: 'insertRows', sheet: this.sheet, before, count: 1 });
    if (before <= this.total) this.total += 1;
    return this;
  }

  fill(r: number, row: Row): this {
    this.rows.set(r, row);
    const put = (c: number, t: Typed | undefined) => {
      if (t === undefined) return;
      const cell = cellAddress(r, c);
      this.ops.push(typeof t === 'number' ? { op: 'setNumber', sheet: this.sheet, cell, value: t } : { op: 'setText', sheet: this.sheet, cell, value: t.text });
    };
    put(2, row.p);
    if (row.bFormula) this.ops.push({ op: 'setFormula', sheet: this.sheet, cell: cellAddress(r, 4), formula: row.bFormula.formula });
    else put(4, row.b);
    put(5, row.o);
    if (row.c3 !== undefined) this.ops.push({ op: 'setNumber', sheet: this.sheet, cell: cellAddress(r, 3), value: row.c3 });
    return this;
  }

  /** Rows from the first data row on. */
  fillFrom(first: number, rows: Row[]): this {
    rows.forEach((row, i) => this.fill(first + i, row));
    return this;
  }

  /** The row of an activity type's label: the block moves down with rows inserted above "Tổng". */
  private typeRow(label: string): number {
    const i = ACTIVITY_TYPES.findIndex((t) => t.label === label);
    if (i < 0) throw new Error(`No activity type ${label}`);
    return L.activitiesTitle! + 1 + i + (this.total - L.total);
  }

  /** Marks activity types in the block, each as typed ("x" unless said: "X", "✓", "có"). */
  tick(...marks: (string | [string, string])[]): this {
    for (const m of marks) {
      const [label, mark] = typeof m === 'string' ? [m, 'x'] : m;
      this.ops.push({ op: 'setText', sheet: this.sheet, cell: cellAddress(this.typeRow(label), 5), value: mark });
    }
    return this;
  }

  other(text: string): this {
    this.ops.push({ op: 'setText', sheet: this.sheet, cell: cellAddress(this.typeRow('Khác (ghi rõ)'), 3), value: text });
    return this;
  }

  /** The head of unit dates the footer line (typed over "<Tỉnh>, ngày ..... tháng ..... năm …"). */
  dated(text: string): this {
    this.ops.push({ op: 'setText', sheet: this.sheet, cell: cellAddress(L.place + (this.total - L.total), 3), value: text });
    return this;
  }
}


/** One set of returns: the campaign's form, last year's, the returns made from them, the roster to merge them against. */
export class SampleSet {
  samples: Sample[] = [];
  constructor(
    public readonly campaign: FormParamsInput,
    public readonly lastYear: FormParamsInput,
    /** When the blank form was sent (the "created" date stamped inside the files). */
    public readonly sent: string,
  ) {}

  add(s: Omit<Sample, 'rows' | 'ops'>, clerk: Clerk, extraOps: Op[] = []): void {
    this.samples.push({ ...s, rows: clerk.rows, ops: [...clerk.ops, ...extraOps] });
  }
}

export function formatOf(file: string): 'xlsx' | 'xls' | 'ods' {
  return path.extname(file).slice(1).toLowerCase() as 'xlsx' | 'xls' | 'ods';
}

/** Sets the dates inside an .xlsx / .ods (LibreOffice stamps "now" on save). */
export function setInternalDates(file: string, created: string, modified: string): void {
  const fmt = formatOf(file);
  if (fmt === 'xls') return; // OLE2 property sets: left as LibreOffice wrote them
  const entries = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  const mtime = new Date(modified);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    let bytes = data;
    if (fmt === 'xlsx' && name === 'docProps/core.xml') {
      bytes = enc.encode(
        dec
          .decode(data)
          .replace(/(<dcterms:created[^>]*>)[^<]*/, `$1${created}Z`)
          .replace(/(<dcterms:modified[^>]*>)[^<]*/, `$1${modified}Z`),
      );
    }
    if (fmt === 'ods' && name === 'meta.xml') {
      bytes = enc.encode(
        dec
          .decode(data)
          .replace(/(<meta:creation-date>)[^<]*/, `$1${created}`)
          .replace(/(<dc:date>)[^<]*/, `$1${modified}`),
      );
    }
    // ODF: "mimetype" first and stored, as LibreOffice wrote it (object order is kept).
    out[name] = [bytes, { level: name === 'mimetype' ? 0 : 6, mtime }];
  }
  fs.writeFileSync(file, zipSync(out));
}

function formParams(params: FormParamsInput): FormParams {
  const parsed = parseFormParams(params as Record<string, unknown>);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message.en).join('; '));
  return parsed.params;
}

export async function writeForm(file: string, params: FormParamsInput, prefilledFor?: string): Promise<void> {
  const p = formParams(params);
  const plan = prefilledFor ? prefilledFormPlan(p, prefilledFor) : buildFormPlan(p);
  fs.writeFileSync(file, await writeWorkbook({ sheets: [plan], title: 'Biểu tổng hợp Ngày Công tác xã hội' }));
}


/** What a correct merge must find (the content of expected.json), computed from the figures typed. */
export type SamplesExpected = ReturnType<typeof expectedOf>;

export function expectedOf(set: SampleSet, roster: readonly (readonly [string, string])[]) {
  const samples = set.samples;
  const files = samples.map((s) => {
    const rows = [...s.rows.values()];
    const participants = rows.reduce((a, r) => a + num(r.p), 0);
    const budget = rows.reduce((a, r) => a + (r.bFormula ? r.bFormula.value : num(r.b)), 0);
    const otherFunding = rows.reduce((a, r) => a + num(r.o), 0);
    return {
      file: s.file,
      unit: s.unit,
      rosterUnit: s.rosterUnit,
      group: s.group,
      submitted: s.submitted,
      status: s.status,
      ...(s.supersededBy ? { supersededBy: s.supersededBy } : {}),
      rows: rows.length,
      ...(s.status === 'rejected' ? {} : { participants, totalFunding: budget + otherFunding, budget, otherFunding }),
      issues: s.issues,
    };
  });
  const used = files.filter((f) => f.status === 'accepted');
  const sum = (k: 'participants' | 'totalFunding' | 'budget' | 'otherFunding') => used.reduce((a, f) => a + (f[k] ?? 0), 0);
  const reported = new Set(samples.filter((s) => s.status !== 'rejected' && s.rosterUnit).map((s) => s.rosterUnit));
  return {
    note: 'Made by scripts/make-samples.ts from the figures it typed. Totals cover the accepted files only (rejected and superseded ones excluded). Whether a rejected unit counts as "reported" is the merge\'s call: coverage.reportedAccepted counts accepted roster units only.',
    campaign: set.campaign,
    files,
    totals: { participants: sum('participants'), totalFunding: sum('totalFunding'), budget: sum('budget'), otherFunding: sum('otherFunding') },
    coverage: {
      expected: roster.length,
      reportedAccepted: [...reported].length,
      missing: roster.map(([u]) => u).filter((u) => !reported.has(u)),
      rejected: samples.filter((s) => s.status === 'rejected').map((s) => s.rosterUnit),
      unmatched: samples.filter((s) => s.status !== 'superseded' && !s.rosterUnit).map((s) => s.unit),
    },
  };
}

export interface MakeSamplesOptions {
  /** Print one line per file made (the command line does). */
  log?: boolean;
  /** LibreOffice run timeout in ms (default 300 s). */
  timeoutMs?: number;
}

/** Makes the set's returns in `outDir`/returns (emptied first), each from its form, filled and saved by LibreOffice. */
export async function makeReturns(set: SampleSet, outDir: string, opts: MakeSamplesOptions = {}): Promise<void> {
  const returns = path.join(outDir, 'returns');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ctxh-samples-'));
  try {
    const form = path.join(tmp, 'form.xlsx');
    const oldForm = path.join(tmp, 'form-last-year.xlsx');
    await writeForm(form, set.campaign);
    await writeForm(oldForm, set.lastYear);
    const prefilled = new Map<string, string>();
    for (const s of set.samples) {
      if (!s.prefilledFor || prefilled.has(s.prefilledFor)) continue;
      const f = path.join(tmp, `prefilled-${prefilled.size + 1}.xlsx`);
      await writeForm(f, set.campaign, s.prefilledFor);
      prefilled.set(s.prefilledFor, f);
    }
    fs.rmSync(returns, { recursive: true, force: true });
    fs.mkdirSync(returns, { recursive: true });
    const jobs: Job[] = set.samples.map((s) => ({
      input: s.lastYearForm ? oldForm : s.prefilledFor ? prefilled.get(s.prefilledFor)! : form,
      ops: [...s.ops, { op: 'docProps', author: 'Văn thư' }],
      outputs: [{ path: path.join(returns, s.file), format: formatOf(s.file) }],
    }));
    await runLibreOfficeJobs(jobs, { timeoutMs: opts.timeoutMs ?? 300_000 });
    for (const s of set.samples) {
      const file = path.join(returns, s.file);
      setInternalDates(file, set.sent, s.submitted);
      const t = new Date(s.submitted);
      fs.utimesSync(file, t, t);
      if (opts.log) console.log(`${s.status.padEnd(10)} ${s.file}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The table of a set's README: each file, the unit as written, when it was sent, its outcome and its deliberate problem. */
export function readmeTable(set: SampleSet): string[] {
  const status = { accepted: 'tổng hợp / merged', rejected: '**bị loại / rejected**', superseded: '_bị thay / superseded_' };
  const lines = ['| Tệp / File | Đơn vị (như đã ghi) / Unit as written | Gửi / Sent | Kết quả / Outcome | Vấn đề cố ý / Deliberate problem |', '|---|---|---|---|---|'];
  for (const s of set.samples) {
    const unit = s.unit.normalize('NFC').replace(/\|/g, '\\|');
    lines.push(`| \`${s.file}\` | ${unit} | ${s.submitted.slice(0, 16).replace('T', ' ')} | ${status[s.status]} | ${s.problem.vi}<br>${s.problem.en} |`);
  }
  return lines;
}
