// Merges validated returns into one consolidated result: one file per unit,
// grouped, totalled, with coverage against the roster. Pure and order-independent.
import { PROBLEM_MESSAGES as MSG } from './messages';
import { MergeSummary, MergeSummarySchema, Problem, ReturnResult, ReturnResultSchema, ReturnRow } from './returns';
import { GroupId, RosterEntry, RosterEntrySchema, Totals, fileBaseName, groupOf, groupSetForYear, sumTotals } from './vocabulary';
import { Lang, Message } from './i18n';
import { createRosterMatcher, inferGroup, normalizeUnitName } from './units';

export type { Totals };

export interface MergedUnit {
  /** The name as written in the unit's file (verbatim). */
  unit: string;
  /** The roster's name for this unit, when it matched one. */
  rosterUnit?: string;
  rosterIndex?: number;
  /** What the summary shows: the roster's name when matched, else the file's. */
  display: string;
  group: GroupId;
  file: string;
  sheet?: string;
  modified?: number;
  year?: number;
  yearCell?: string;
  rows: ReturnRow[];
  totals: Totals;
  /** This file's warnings. */
  warnings: Problem[];
  /** Older files of the same unit this one replaced. */
  replaces: string[];
}

export interface RejectedFile {
  file: string;
  unit?: string;
  problems: Problem[];
}

export interface SupersededFile {
  file: string;
  unit: string;
  /** The file kept instead. */
  by: string;
  modified?: number;
}

export interface MissingUnit {
  unit: string;
  group: GroupId;
  /** Files from this unit that were rejected. */
  rejectedFiles: string[];
}

export interface GroupResult {
  id: GroupId;
  heading: string;
  label: Message;
  units: MergedUnit[];
  totals: Totals;
  /** Roster units in the group (without a roster: the units that reported). */
  expected: number;
  /** Roster units in the group that reported. */
  reported: number;
  /** Reporting units outside the roster. */
  extra: number;
  missing: MissingUnit[];
}

export interface Merged {
  year?: number;
  roster?: RosterEntry[];
  accepted: MergedUnit[];
  rejected: RejectedFile[];
  superseded: SupersededFile[];
  /** Warnings of the accepted files, in the order of `accepted`. */
  warnings: Problem[];
  totals: Totals;
  /** All five groups in order, empty ones included. */
  groups: GroupResult[];
  coverage: { expected: number; reported: number; missing: MissingUnit[] };
}

export interface MergeOptions {
  roster?: readonly RosterEntry[];
  year?: number;
}

/** Each measure summed over the rows. */
export function sumRows(rows: readonly ReturnRow[]): Totals {
  return sumTotals(rows);
}

/** Code-unit order: the same everywhere, unlike localeCompare. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


/** Which rule tells two files of one unit apart: their saved dates, the file system's times, else their names. */
function tieRule(a: ReturnResult, b: ReturnResult): 'saved' | 'fileTime' | 'name' {
  if ((a.modified ?? -Infinity) !== (b.modified ?? -Infinity)) return 'saved';
  return (a.fileModified ?? -Infinity) !== (b.fileModified ?? -Infinity) ? 'fileTime' : 'name';
}

/** Whether a is the newer of two files of the same unit (by tieRule's order); equal inputs are interchangeable. */
function newer(a: ReturnResult, b: ReturnResult): boolean {
  const ma = a.modified ?? -Infinity;
  const mb = b.modified ?? -Infinity;
  if (ma !== mb) return ma > mb;
  const fa = a.fileModified ?? -Infinity;
  const fb = b.fileModified ?? -Infinity;
  if (fa !== fb) return fa > fb;
  const byName = cmp(a.file, b.file);
  if (byName !== 0) return byName > 0;
  return cmp(JSON.stringify(a), JSON.stringify(b)) > 0;
}

function invalidResult(input: unknown): RejectedFile {
  const file = typeof (input as { file?: unknown })?.file === 'string' ? (input as { file: string }).file : '?';
  return {
    file,
    problems: [{ file, severity: 'error', code: 'result.invalid', message: MSG['result.invalid']() }],
  };
}

/** Merges returns; the result does not depend on the order of `results`. */
export function mergeReturns(results: readonly ReturnResult[], opts: MergeOptions = {}): Merged {
  const roster = opts.roster ? opts.roster.map((e) => RosterEntrySchema.parse(e)) : undefined;
  const groupSet = groupSetForYear(opts.year);
  const groupOrder = (id: GroupId) => groupSet.groups.findIndex((g) => g.id === id);
  const match = roster ? createRosterMatcher(roster) : undefined;

  const rejected: RejectedFile[] = [];
  const valid: ReturnResult[] = [];
  for (const input of results) {
    const parsed = ReturnResultSchema.safeParse(input);
    if (parsed.success) valid.push(parsed.data);
    else rejected.push(invalidResult(input));
  }
  // A canonical order first, so nothing below depends on the caller's order.
  const keyed = valid.map((r) => ({ r, json: JSON.stringify(r) }));
  keyed.sort((a, b) => cmp(a.r.file, b.r.file) || (a.r.modified ?? -Infinity) - (b.r.modified ?? -Infinity) || cmp(a.json, b.json));

  // All files of one unit, whatever their status: "the newest file wins" must see rejected ones too.
  const byUnit = new Map<string, { idx?: number; files: ReturnResult[] }>();
  for (const { r } of keyed) {
    const unit = r.unit?.trim();
    if (!unit) {
      // A file the reader refused (status error, no unit read) keeps its one reason: no "unit missing" on top.
      const problems = r.status === 'error' || r.problems.some((p) => p.code === 'unit.missing') ? r.problems : [...r.problems, missingUnitProblem(r)];
      rejected.push({ file: r.file, problems });
      continue;
    }
    const idx = match?.(unit);
    const key = idx !== undefined ? `#${idx}` : `=${normalizeUnitName(unit)}`;
    const group = byUnit.get(key) ?? byUnit.set(key, { idx, files: [] }).get(key)!;
    group.files.push(r);
  }

  const winners: { r: ReturnResult; idx?: number; losers: ReturnResult[]; newerRejected: ReturnResult[] }[] = [];
  for (const { idx, files } of byUnit.values()) {
    let best: ReturnResult | undefined;
    for (const f of files) if (f.status !== 'error' && (!best || newer(f, best))) best = f;
    // Errors newer than the file used stay rejected (the unit must fix them); older files of any status are superseded.
    const newerRejected = files.filter((f) => f.status === 'error' && (!best || newer(f, best)));
    for (const f of newerRejected) rejected.push({ file: f.file, unit: f.unit!.trim(), problems: f.problems });
    if (best) winners.push({ r: best, idx, losers: files.filter((f) => f !== best && !newerRejected.includes(f)), newerRejected });
  }
  const accepted: MergedUnit[] = [];
  const superseded: SupersededFile[] = [];
  for (const { r, idx, losers, newerRejected } of winners) {
    const unit = r.unit!.trim();
    const entry = idx !== undefined ? roster![idx] : undefined;
    const staleWarnings = newerRejected.map(
      (f): Problem => ({ file: r.file, sheet: r.sheet, severity: 'warning', code: 'file.newerRejected', message: MSG['file.newerRejected'](f.file, r.file) }),
    );
    // With equal saved dates the choice fell to the file system's time or to the names: say which, rather than claim one is newer.
    for (const rule of ['fileTime', 'name'] as const) {
      const tied = losers.filter((l) => tieRule(l, r) === rule);
      if (tied.length) staleWarnings.push({ file: r.file, sheet: r.sheet, severity: 'warning', code: 'duplicate.sameTime', message: MSG['duplicate.sameTime'](r.file, tied.map((l) => l.file), rule) });
    }
    accepted.push({
      unit,
      ...(entry ? { rosterUnit: entry.unit, rosterIndex: idx } : {}),
      display: entry ? entry.unit : unit,
      group: entry ? entry.group : roster ? groupSet.fallback : inferGroup(unit, groupSet),
      file: r.file,
      sheet: r.sheet,
      modified: r.modified,
      year: r.year,
      ...(r.yearCell ? { yearCell: r.yearCell } : {}),
      rows: r.rows,
      totals: sumRows(r.rows),
      warnings: [...r.problems.filter((p) => p.severity === 'warning'), ...staleWarnings],
      replaces: losers.map((l) => l.file).sort(cmp),
    });
    for (const l of losers) superseded.push({ file: l.file, unit: l.unit!.trim(), by: r.file, modified: l.modified });
  }
  accepted.sort(
    (a, b) =>
      groupOrder(a.group) - groupOrder(b.group) ||
      (a.rosterIndex ?? Infinity) - (b.rosterIndex ?? Infinity) ||
      cmp(normalizeUnitName(a.display), normalizeUnitName(b.display)) ||
      cmp(a.file, b.file),
  );
  rejected.sort((a, b) => cmp(a.file, b.file) || cmp(JSON.stringify(a), JSON.stringify(b)));
  superseded.sort((a, b) => cmp(a.file, b.file) || cmp(a.by, b.by) || cmp(a.unit, b.unit));

  // Coverage: a roster unit counts once it has an accepted file.
  const reportedIdx = new Set(accepted.map((u) => u.rosterIndex).filter((i): i is number => i !== undefined));
  const missing: MissingUnit[] = (roster ?? [])
    .map((e, i) => ({ e, i }))
    .filter(({ i }) => !reportedIdx.has(i))
    .map(({ e, i }) => ({ unit: e.unit, group: e.group, rejectedFiles: rejected.filter((x) => x.unit && match!(x.unit) === i).map((x) => x.file) }));

  const groups: GroupResult[] = groupSet.groups.map((g) => {
    const units = accepted.filter((u) => u.group === g.id);
    const inRoster = units.filter((u) => u.rosterIndex !== undefined).length;
    return {
      id: g.id,
      heading: g.heading,
      label: g.label,
      units,
      totals: sumTotals(units.map((u) => u.totals)),
      expected: roster ? roster.filter((e) => e.group === g.id).length : units.length,
      reported: roster ? inRoster : units.length,
      extra: roster ? units.length - inRoster : 0,
      missing: missing.filter((m) => m.group === g.id),
    };
  });

  // Without a campaign year the forms' common year stands in, so last year's form is still flagged.
  const year = opts.year ?? commonYear(accepted);
  if (year !== undefined) {
    for (const u of accepted) {
      if (u.year === undefined || u.year === year || u.warnings.some((w) => w.code === 'year.differs')) continue;
      u.warnings.push({ file: u.file, sheet: u.sheet, ...(u.yearCell ? { cell: u.yearCell } : {}), severity: 'warning', code: 'year.differs', message: MSG['year.differs'](u.year, year) });
    }
  }

  return {
    year,
    ...(roster ? { roster } : {}),
    accepted,
    rejected,
    superseded,
    warnings: accepted.flatMap((u) => u.warnings),
    totals: sumTotals(accepted.map((u) => u.totals)),
    groups,
    coverage: { expected: roster ? roster.length : accepted.length, reported: roster ? reportedIdx.size : accepted.length, missing },
  };
}

function missingUnitProblem(r: ReturnResult): Problem {
  return {
    file: r.file,
    sheet: r.sheet,
    severity: 'error',
    code: 'unit.missing',
    message: MSG['unit.missing'](),
  };
}

/** The year most accepted forms give (the later one on a tie). */
function commonYear(units: readonly MergedUnit[]): number | undefined {
  const counts = new Map<number, number>();
  for (const u of units) if (u.year !== undefined) counts.set(u.year, (counts.get(u.year) ?? 0) + 1);
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

/** The --json shape (MergeSummarySchema) with a few extra fields; messages in the user's language (Vietnamese unless asked otherwise). */
export function toSummaryJson(merged: Merged, lang: Lang = 'vi'): MergeSummary & Record<string, unknown> {
  const base = fileBaseName;
  const set = groupSetForYear(merged.year);
  const heading = (id: GroupId) => groupOf(id, set).heading;
  const out = {
    year: merged.year,
    accepted: merged.accepted.map((u) => ({
      file: base(u.file),
      unit: u.unit,
      group: u.group,
      ...u.totals,
      rows: u.rows.length,
      groupHeading: heading(u.group),
      ...(u.rosterUnit !== undefined ? { rosterUnit: u.rosterUnit } : {}),
      ...(u.sheet !== undefined ? { sheet: u.sheet } : {}),
    })),
    rejected: merged.rejected.map((r) => ({
      file: base(r.file),
      ...(r.unit !== undefined ? { unit: r.unit } : {}),
      issues: r.problems.map((p) => ({ ...(p.sheet !== undefined ? { sheet: p.sheet } : {}), ...(p.cell !== undefined ? { cell: p.cell } : {}), severity: p.severity, code: p.code, message: p.message[lang] })),
    })),
    superseded: merged.superseded.map((s) => ({ file: base(s.file), unit: s.unit, by: base(s.by) })),
    warnings: merged.warnings.map((p) => ({ file: base(p.file), ...(p.sheet !== undefined ? { sheet: p.sheet } : {}), ...(p.cell !== undefined ? { cell: p.cell } : {}), code: p.code, message: p.message[lang] })),
    totals: { ...merged.totals },
    coverage: {
      expected: merged.coverage.expected,
      reported: merged.coverage.reported,
      missing: merged.coverage.missing.map((m) => m.unit),
      groups: merged.groups.map((g) => ({ group: g.id, heading: g.heading, expected: g.expected, reported: g.reported, extra: g.extra })),
    },
  };
  // Fails loudly if this function ever drifts from the documented shape.
  MergeSummarySchema.parse(out);
  return out;
}
