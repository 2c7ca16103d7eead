// One level up: the provinces' summaries merged into a national result, every province of
// the national list in its order (missing ones marked), every unit traceable to the
// province's file and row. Optionally (mixed) units' own returns counted under their province,
// never twice with a summary that already holds them. Pure and order-independent.
import { z } from 'zod';
import { Message } from './i18n';
import { mergeReturns } from './merge';
import { PROBLEM_MESSAGES as NM } from './messages';
import { NATIONAL_TEXT } from './national-messages';
import { Province, ProvinceDirectory, ProvinceMatch } from './provinces';
import { Problem, ReturnResult } from './returns';
import { ProvinceReturn } from './summary-read';
import { normalizeUnitName } from './units';
import { GROUPS, GroupId, Totals, fileBaseName } from './vocabulary';

export interface UnitReturnInput {
  result: ReturnResult;
  /** The province the unit's form names (provinceOfForm), when known. */
  province?: ProvinceMatch;
}

export interface NationalUnit extends Totals {
  provinceCode: string;
  /** The province's short name, "Lạng Sơn". */
  province: string;
  group: GroupId;
  /** The group as the province's summary printed it. */
  groupLabel: string;
  unit: string;
  /** Where the figures were read: the province's summary and its row … */
  summaryFile?: string;
  summaryRow?: number;
  /** … and the unit's own file (the summary's "Nguồn (tệp)", or the return itself). */
  sourceFile?: string;
  note?: string;
}

export interface ProvinceGroup {
  id: GroupId;
  label: string;
  units: number;
  totals: Totals;
  reported?: number;
  expected?: number;
}

export interface ProvinceResult {
  province: Province;
  status: 'reported' | 'missing';
  /** The summaries counted (one, or several when pre-2025 provinces sent their own). */
  summaries: { file: string; sheet?: string; modified?: number; year?: number; former?: string }[];
  /** Units' own returns counted here (mixed merges). */
  returnFiles: string[];
  units: NationalUnit[];
  groups: ProvinceGroup[];
  totals: Totals;
  /** Units that reported, and were expected, as the province's summary gives them (plus returns counted directly). */
  unitsReported: number;
  unitsExpected?: number;
  onTime?: { onTime: number; of: number };
  warnings: Problem[];
}

export interface NationalRejected {
  file: string;
  kind: 'summary' | 'return';
  province?: string;
  unit?: string;
  problems: Problem[];
}

export interface NationalMerged {
  level: 'national';
  year?: number;
  provinces: ProvinceResult[];
  rejected: NationalRejected[];
  superseded: { file: string; kind: 'summary' | 'return'; province: string; by: string }[];
  contained: { file: string; unit: string; province: string; summary: string; by: 'file' | 'unit' }[];
  warnings: Problem[];
  totals: Totals;
  coverage: {
    provinces: { expected: number; reported: number; missing: string[] };
    units: { reported: number; expected?: number };
  };
}

export interface NationalOptions {
  directory: ProvinceDirectory;
  year?: number;
}

const ZERO: Totals = { participants: 0, totalFunding: 0, budget: 0, otherFunding: 0 };
const add = (a: Totals, b: Totals): Totals => ({ participants: a.participants + b.participants, totalFunding: a.totalFunding + b.totalFunding, budget: a.budget + b.budget, otherFunding: a.otherFunding + b.otherFunding });
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const base = fileBaseName;
const fileKey = (f: string) => base(f).normalize('NFC').toLowerCase().trim();
const GROUP_ORDER = Object.fromEntries(GROUPS.map((g, i) => [g.id, i])) as Record<GroupId, number>;

/** Mixed inputs are refused unless asked for: the message names both kinds. */
export function mixedInputsProblem(summaryFiles: readonly string[], returnFiles: readonly string[], mixed: boolean, canMix = true): Message | undefined {
  if (mixed || !summaryFiles.length || !returnFiles.length) return undefined;
  return NATIONAL_TEXT.mixedInputs(summaryFiles.map(base), returnFiles.map(base), canMix);
}

function newer(a: ProvinceReturn, b: ProvinceReturn): boolean {
  const ma = a.modified ?? -Infinity;
  const mb = b.modified ?? -Infinity;
  if (ma !== mb) return ma > mb;
  return cmp(a.file, b.file) > 0;
}

export interface SummaryChoice {
  /** Summaries counted, by province code. */
  chosen: Map<string, ProvinceReturn[]>;
  superseded: NationalMerged['superseded'];
  rejected: NationalRejected[];
  /** Warnings about the choice itself (same save time), by the summary kept. */
  warnings: Map<ProvinceReturn, Problem[]>;
}

/** One summary per province (or per former province inside one), the newest; summaries with errors are rejected. */
export function chooseSummaries(summaries: readonly ProvinceReturn[]): SummaryChoice {
  const rejected: NationalRejected[] = [];
  const superseded: NationalMerged['superseded'] = [];
  const ordered = [...summaries].sort((a, b) => cmp(a.file, b.file) || (a.modified ?? 0) - (b.modified ?? 0));
  const bySlot = new Map<string, ProvinceReturn[]>();
  for (const s of ordered) {
    if (s.status === 'error' || !s.province) {
      rejected.push({ file: s.file, kind: 'summary', ...(s.province ? { province: s.province.short } : {}), problems: s.problems });
      continue;
    }
    const slot = `${s.province.code}|${s.formerProvince ? normalizeUnitName(s.formerProvince) : ''}`;
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), s]);
  }
  const chosen = new Map<string, ProvinceReturn[]>();
  const warnings = new Map<ProvinceReturn, Problem[]>();
  for (const files of bySlot.values()) {
    let best = files[0];
    for (const f of files) if (newer(f, best)) best = f;
    const losers = files.filter((f) => f !== best);
    const w: Problem[] = [];
    const tied = losers.filter((l) => l.modified === best.modified);
    if (tied.length) w.push({ file: best.file, sheet: best.sheet, severity: 'warning', code: 'summary.sameTime', message: NM['summary.sameTime'](best.province!.short, base(best.file), tied.map((t) => base(t.file))) });
    for (const l of losers) superseded.push({ file: l.file, kind: 'summary', province: best.province!.short, by: best.file });
    warnings.set(best, w);
    chosen.set(best.province!.code, [...(chosen.get(best.province!.code) ?? []), best]);
  }
  return { chosen, superseded, rejected, warnings };
}

/** Merges provincial summaries (and, in a mixed merge, units' returns) into the national result. */
export function mergeNational(summaries: readonly ProvinceReturn[], returns: readonly UnitReturnInput[], opts: NationalOptions): NationalMerged {
  const dir = opts.directory;
  const choice = chooseSummaries(summaries);
  const { chosen, superseded, rejected } = choice;
  const summaryWarnings = choice.warnings;
  const contained: NationalMerged['contained'] = [];

  // Units' own returns, by province, merged as a province would (newest file of a unit wins).
  const returnsByProvince = new Map<string, ReturnResult[]>();
  for (const { result, province } of [...returns].sort((a, b) => cmp(a.result.file, b.result.file))) {
    if (!province) {
      const unknown: Problem = { file: result.file, sheet: result.sheet, severity: 'error', code: 'return.provinceUnknown', message: NM['return.provinceUnknown']() };
      const problems = result.status === 'error' ? result.problems : [...result.problems, unknown];
      rejected.push({ file: result.file, kind: 'return', ...(result.unit ? { unit: result.unit } : {}), problems });
      continue;
    }
    const code = province.province.code;
    returnsByProvince.set(code, [...(returnsByProvince.get(code) ?? []), result]);
  }

  const provinces: ProvinceResult[] = dir.provinces.map((province) => {
    const sums = (chosen.get(province.code) ?? []).sort((a, b) => cmp(a.formerProvince ?? '', b.formerProvince ?? '') || cmp(a.file, b.file));
    const units: NationalUnit[] = [];
    const warnings: Problem[] = [];
    const groups = new Map<GroupId, ProvinceGroup>();
    const group = (id: GroupId, label: string) => groups.get(id) ?? groups.set(id, { id, label, units: 0, totals: { ...ZERO } }).get(id)!;
    let unitsReported = 0;
    let unitsExpected: number | undefined = sums.length && sums.every((s) => s.coverage?.expected !== undefined) ? 0 : undefined;
    let onTime: ProvinceResult['onTime'] = sums.length && sums.every((s) => s.timeliness) ? { onTime: 0, of: 0 } : undefined;

    for (const s of sums) {
      warnings.push(...s.problems.filter((p) => p.severity === 'warning'), ...(summaryWarnings.get(s) ?? []));
      for (const g of s.groups) {
        const pg = group(g.id, g.label);
        if (g.expected !== undefined) {
          pg.expected = (pg.expected ?? 0) + g.expected;
          pg.reported = (pg.reported ?? 0) + (g.reported ?? 0);
        }
      }
      for (const u of s.units) {
        const label = s.groups.find((g) => g.id === u.group)?.label ?? GROUPS.find((g) => g.id === u.group)!.label.vi;
        units.push({
          provinceCode: province.code, province: province.short, group: u.group, groupLabel: label, unit: u.name,
          summaryFile: s.file, summaryRow: u.row, ...(u.source ? { sourceFile: u.source } : {}), ...(u.note ? { note: u.note } : {}),
          participants: u.participants, totalFunding: u.totalFunding, budget: u.budget, otherFunding: u.otherFunding,
        });
      }
      unitsReported += s.coverage ? s.coverage.reported : s.units.length;
      if (unitsExpected !== undefined) unitsExpected += s.coverage!.expected!;
      if (onTime) onTime = { onTime: onTime.onTime + s.timeliness!.onTime, of: onTime.of + s.timeliness!.of };
    }

    // Returns straight from units: those a summary already holds are not counted again.
    const returnFiles: string[] = [];
    const own = returnsByProvince.get(province.code) ?? [];
    if (own.length) {
      const m = mergeReturns(own, { year: opts.year });
      for (const r of m.rejected) rejected.push({ file: r.file, kind: 'return', province: province.short, ...(r.unit ? { unit: r.unit } : {}), problems: r.problems });
      for (const x of m.superseded) superseded.push({ file: x.file, kind: 'return', province: province.short, by: x.by });
      const inSummary = new Map<string, string>();
      const fileInSummary = new Map<string, string>();
      for (const s of sums) {
        for (const u of s.units) {
          inSummary.set(normalizeUnitName(u.name), s.file);
          if (u.nameInFile) inSummary.set(normalizeUnitName(u.nameInFile), s.file);
          if (u.source) fileInSummary.set(fileKey(u.source), s.file);
        }
      }
      for (const u of m.accepted) {
        const byFile = fileInSummary.get(fileKey(u.file));
        const byUnit = inSummary.get(normalizeUnitName(u.unit));
        if (byFile || byUnit) {
          const summary = (byFile ?? byUnit)!;
          contained.push({ file: u.file, unit: u.unit, province: province.short, summary, by: byFile ? 'file' : 'unit' });
          warnings.push({ file: u.file, sheet: u.sheet, severity: 'warning', code: 'return.inSummary', message: NM['return.inSummary'](u.unit, base(summary), byFile ? 'file' : 'unit') });
          continue;
        }
        warnings.push(...u.warnings);
        returnFiles.push(u.file);
        const g = GROUPS.find((x) => x.id === u.group)!;
        units.push({
          provinceCode: province.code, province: province.short, group: u.group, groupLabel: groups.get(u.group)?.label ?? g.label.vi, unit: u.display,
          sourceFile: u.file, participants: u.totals.participants, totalFunding: u.totals.totalFunding, budget: u.totals.budget, otherFunding: u.totals.otherFunding,
        });
        unitsReported++;
      }
    }

    for (const u of units) {
      const g = group(u.group, u.groupLabel);
      g.units++;
      g.totals = add(g.totals, u);
    }
    const totals = units.reduce<Totals>((t, u) => add(t, u), { ...ZERO });
    const reported = sums.length > 0 || returnFiles.length > 0;
    return {
      province,
      status: reported ? 'reported' : 'missing',
      summaries: sums.map((s) => ({ file: s.file, ...(s.sheet ? { sheet: s.sheet } : {}), ...(s.modified !== undefined ? { modified: s.modified } : {}), ...(s.year !== undefined ? { year: s.year } : {}), ...(s.formerProvince ? { former: s.formerProvince } : {}) })),
      returnFiles: returnFiles.sort(cmp),
      units,
      groups: [...groups.values()].sort((a, b) => GROUP_ORDER[a.id] - GROUP_ORDER[b.id]),
      totals,
      unitsReported,
      ...(unitsExpected !== undefined ? { unitsExpected } : {}),
      ...(onTime ? { onTime } : {}),
      warnings,
    } satisfies ProvinceResult;
  });

  // Without a campaign year the summaries' common year stands in, so last year's summary is flagged.
  const year = opts.year ?? commonYear(provinces.flatMap((p) => p.summaries.map((s) => s.year)));
  if (year !== undefined) {
    for (const p of provinces) {
      for (const s of p.summaries) {
        if (s.year === undefined || s.year === year || p.warnings.some((w) => w.file === s.file && w.code === 'summary.yearDiffers')) continue;
        const src = chosenOf(chosen, s.file);
        p.warnings.push({ file: s.file, sheet: s.sheet, ...(src?.yearCell ? { cell: src.yearCell } : {}), severity: 'warning', code: 'summary.yearDiffers', message: NM['summary.yearDiffers'](s.year, year) });
      }
    }
  }

  rejected.sort((a, b) => cmp(a.file, b.file));
  superseded.sort((a, b) => cmp(a.file, b.file) || cmp(a.by, b.by));
  contained.sort((a, b) => cmp(a.file, b.file));
  const reported = provinces.filter((p) => p.status === 'reported');
  const expectedUnits = reported.every((p) => p.unitsExpected !== undefined) && reported.length ? reported.reduce((s, p) => s + p.unitsExpected!, 0) : undefined;
  return {
    level: 'national',
    year,
    provinces,
    rejected,
    superseded,
    contained,
    warnings: provinces.flatMap((p) => p.warnings),
    totals: provinces.reduce<Totals>((t, p) => add(t, p.totals), { ...ZERO }),
    coverage: {
      provinces: { expected: provinces.length, reported: reported.length, missing: provinces.filter((p) => p.status === 'missing').map((p) => p.province.short) },
      units: { reported: reported.reduce((s, p) => s + p.unitsReported, 0), ...(expectedUnits !== undefined ? { expected: expectedUnits } : {}) },
    },
  };
}

function chosenOf(chosen: Map<string, ProvinceReturn[]>, file: string): ProvinceReturn | undefined {
  for (const list of chosen.values()) for (const s of list) if (s.file === file) return s;
  return undefined;
}

function commonYear(years: (number | undefined)[]): number | undefined {
  const counts = new Map<number, number>();
  for (const y of years) if (y !== undefined) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

const whole = z.number().int();
const TotalsSchema = z.object({ participants: whole, totalFunding: whole, budget: whole, otherFunding: whole });

/** The --json shape of a national merge. */
export const NationalSummarySchema = z.object({
  level: z.literal('national'),
  year: z.number().int().optional(),
  totals: TotalsSchema,
  provinces: z.array(
    TotalsSchema.extend({
      code: z.string(),
      province: z.string(),
      name: z.string(),
      status: z.enum(['reported', 'missing']),
      files: z.array(z.string()),
      unitsReported: whole,
      unitsExpected: whole.nullable(),
      onTime: whole.nullable(),
      onTimeOf: whole.nullable(),
      budgetShare: z.number().nullable(),
      groups: z.array(TotalsSchema.extend({ group: z.string(), label: z.string(), units: whole, reported: whole.nullable(), expected: whole.nullable() })),
    }),
  ),
  units: z.array(TotalsSchema.extend({ province: z.string(), group: z.string(), unit: z.string(), summaryFile: z.string().nullable(), summaryRow: whole.nullable(), sourceFile: z.string().nullable() })),
  coverage: z.object({
    provinces: z.object({ expected: whole, reported: whole, missing: z.array(z.string()) }),
    units: z.object({ reported: whole, expected: whole.nullable() }),
  }),
  rejected: z.array(z.object({ file: z.string(), kind: z.enum(['summary', 'return']), issues: z.array(z.object({ sheet: z.string().optional(), cell: z.string().optional(), severity: z.enum(['error', 'warning']), code: z.string(), message: z.string() })) })),
  superseded: z.array(z.object({ file: z.string(), kind: z.enum(['summary', 'return']), province: z.string(), by: z.string() })),
  contained: z.array(z.object({ file: z.string(), unit: z.string(), province: z.string(), summary: z.string(), by: z.enum(['file', 'unit']) })),
  warnings: z.array(z.object({ file: z.string(), sheet: z.string().optional(), cell: z.string().optional(), code: z.string(), message: z.string() })),
});
export type NationalSummary = z.infer<typeof NationalSummarySchema>;

export function toNationalJson(n: NationalMerged, lang: 'vi' | 'en' = 'vi'): NationalSummary {
  const totals = (t: Totals) => ({ participants: t.participants, totalFunding: t.totalFunding, budget: t.budget, otherFunding: t.otherFunding });
  const out: NationalSummary = {
    level: 'national',
    ...(n.year !== undefined ? { year: n.year } : {}),
    totals: totals(n.totals),
    provinces: n.provinces.map((p) => ({
      code: p.province.code,
      province: p.province.short,
      name: p.province.name,
      status: p.status,
      files: [...p.summaries.map((s) => base(s.file)), ...p.returnFiles.map(base)],
      ...totals(p.totals),
      unitsReported: p.unitsReported,
      unitsExpected: p.unitsExpected ?? null,
      onTime: p.onTime?.onTime ?? null,
      onTimeOf: p.onTime?.of ?? null,
      budgetShare: p.totals.totalFunding ? p.totals.budget / p.totals.totalFunding : null,
      groups: p.groups.map((g) => ({ group: g.id, label: g.label, units: g.units, reported: g.reported ?? null, expected: g.expected ?? null, ...totals(g.totals) })),
    })),
    units: n.provinces.flatMap((p) =>
      p.units.map((u) => ({ province: u.province, group: u.group, unit: u.unit, summaryFile: u.summaryFile ? base(u.summaryFile) : null, summaryRow: u.summaryRow ?? null, sourceFile: u.sourceFile ? base(u.sourceFile) : null, ...totals(u) })),
    ),
    coverage: { provinces: { ...n.coverage.provinces }, units: { reported: n.coverage.units.reported, expected: n.coverage.units.expected ?? null } },
    rejected: n.rejected.map((r) => ({
      file: base(r.file),
      kind: r.kind,
      issues: r.problems.map((p) => ({ ...(p.sheet !== undefined ? { sheet: p.sheet } : {}), ...(p.cell !== undefined ? { cell: p.cell } : {}), severity: p.severity, code: p.code, message: p.message[lang] })),
    })),
    superseded: n.superseded.map((s) => ({ file: base(s.file), kind: s.kind, province: s.province, by: base(s.by) })),
    contained: n.contained.map((c) => ({ ...c, file: base(c.file), summary: base(c.summary) })),
    warnings: n.warnings.map((p) => ({ file: base(p.file), ...(p.sheet !== undefined ? { sheet: p.sheet } : {}), ...(p.cell !== undefined ? { cell: p.cell } : {}), code: p.code, message: p.message[lang] })),
  };
  return NationalSummarySchema.parse(out);
}
