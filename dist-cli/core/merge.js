"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sumRows = sumRows;
exports.mergeReturns = mergeReturns;
exports.toSummaryJson = toSummaryJson;
// Merges validated returns into one consolidated result: one file per unit,
// grouped, totalled, with coverage against the roster. Pure and order-independent.
const messages_1 = require("./messages");
const returns_1 = require("./returns");
const vocabulary_1 = require("./vocabulary");
const units_1 = require("./units");
/** Each measure summed over the rows. */
function sumRows(rows) {
    return (0, vocabulary_1.sumTotals)(rows);
}
/** Code-unit order: the same everywhere, unlike localeCompare. */
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Which rule tells two files of one unit apart: their saved dates, the file system's times, else their names. */
function tieRule(a, b) {
    if ((a.modified ?? -Infinity) !== (b.modified ?? -Infinity))
        return 'saved';
    return (a.fileModified ?? -Infinity) !== (b.fileModified ?? -Infinity) ? 'fileTime' : 'name';
}
/** Whether a is the newer of two files of the same unit (by tieRule's order); equal inputs are interchangeable. */
function newer(a, b) {
    const ma = a.modified ?? -Infinity;
    const mb = b.modified ?? -Infinity;
    if (ma !== mb)
        return ma > mb;
    const fa = a.fileModified ?? -Infinity;
    const fb = b.fileModified ?? -Infinity;
    if (fa !== fb)
        return fa > fb;
    const byName = cmp(a.file, b.file);
    if (byName !== 0)
        return byName > 0;
    return cmp(JSON.stringify(a), JSON.stringify(b)) > 0;
}
function invalidResult(input) {
    const file = typeof input?.file === 'string' ? input.file : '?';
    return {
        file,
        problems: [{ file, severity: 'error', code: 'result.invalid', message: messages_1.PROBLEM_MESSAGES['result.invalid']() }],
    };
}
/** Merges returns; the result does not depend on the order of `results`. */
function mergeReturns(results, opts = {}) {
    const roster = opts.roster ? opts.roster.map((e) => vocabulary_1.RosterEntrySchema.parse(e)) : undefined;
    const groupSet = (0, vocabulary_1.groupSetForYear)(opts.year);
    const groupOrder = (id) => groupSet.groups.findIndex((g) => g.id === id);
    const match = roster ? (0, units_1.createRosterMatcher)(roster) : undefined;
    const rejected = [];
    const valid = [];
    for (const input of results) {
        const parsed = returns_1.ReturnResultSchema.safeParse(input);
        if (parsed.success)
            valid.push(parsed.data);
        else
            rejected.push(invalidResult(input));
    }
    // A canonical order first, so nothing below depends on the caller's order.
    const keyed = valid.map((r) => ({ r, json: JSON.stringify(r) }));
    keyed.sort((a, b) => cmp(a.r.file, b.r.file) || (a.r.modified ?? -Infinity) - (b.r.modified ?? -Infinity) || cmp(a.json, b.json));
    // All files of one unit, whatever their status: "the newest file wins" must see rejected ones too.
    const byUnit = new Map();
    for (const { r } of keyed) {
        const unit = r.unit?.trim();
        if (!unit) {
            // A file the reader refused (status error, no unit read) keeps its one reason: no "unit missing" on top.
            const problems = r.status === 'error' || r.problems.some((p) => p.code === 'unit.missing') ? r.problems : [...r.problems, missingUnitProblem(r)];
            rejected.push({ file: r.file, problems });
            continue;
        }
        const idx = match?.(unit);
        const key = idx !== undefined ? `#${idx}` : `=${(0, units_1.normalizeUnitName)(unit)}`;
        const group = byUnit.get(key) ?? byUnit.set(key, { idx, files: [] }).get(key);
        group.files.push(r);
    }
    const winners = [];
    for (const { idx, files } of byUnit.values()) {
        let best;
        for (const f of files)
            if (f.status !== 'error' && (!best || newer(f, best)))
                best = f;
        // Errors newer than the file used stay rejected (the unit must fix them); older files of any status are superseded.
        const newerRejected = files.filter((f) => f.status === 'error' && (!best || newer(f, best)));
        for (const f of newerRejected)
            rejected.push({ file: f.file, unit: f.unit.trim(), problems: f.problems });
        if (best)
            winners.push({ r: best, idx, losers: files.filter((f) => f !== best && !newerRejected.includes(f)), newerRejected });
    }
    const accepted = [];
    const superseded = [];
    for (const { r, idx, losers, newerRejected } of winners) {
        const unit = r.unit.trim();
        const entry = idx !== undefined ? roster[idx] : undefined;
        const staleWarnings = newerRejected.map((f) => ({ file: r.file, sheet: r.sheet, severity: 'warning', code: 'file.newerRejected', message: messages_1.PROBLEM_MESSAGES['file.newerRejected'](f.file, r.file) }));
        // With equal saved dates the choice fell to the file system's time or to the names: say which, rather than claim one is newer.
        for (const rule of ['fileTime', 'name']) {
            const tied = losers.filter((l) => tieRule(l, r) === rule);
            if (tied.length)
                staleWarnings.push({ file: r.file, sheet: r.sheet, severity: 'warning', code: 'duplicate.sameTime', message: messages_1.PROBLEM_MESSAGES['duplicate.sameTime'](r.file, tied.map((l) => l.file), rule) });
        }
        accepted.push({
            unit,
            ...(entry ? { rosterUnit: entry.unit, rosterIndex: idx } : {}),
            display: entry ? entry.unit : unit,
            group: entry ? entry.group : roster ? groupSet.fallback : (0, units_1.inferGroup)(unit, groupSet),
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
        for (const l of losers)
            superseded.push({ file: l.file, unit: l.unit.trim(), by: r.file, modified: l.modified });
    }
    accepted.sort((a, b) => groupOrder(a.group) - groupOrder(b.group) ||
        (a.rosterIndex ?? Infinity) - (b.rosterIndex ?? Infinity) ||
        cmp((0, units_1.normalizeUnitName)(a.display), (0, units_1.normalizeUnitName)(b.display)) ||
        cmp(a.file, b.file));
    rejected.sort((a, b) => cmp(a.file, b.file) || cmp(JSON.stringify(a), JSON.stringify(b)));
    superseded.sort((a, b) => cmp(a.file, b.file) || cmp(a.by, b.by) || cmp(a.unit, b.unit));
    // Coverage: a roster unit counts once it has an accepted file.
    const reportedIdx = new Set(accepted.map((u) => u.rosterIndex).filter((i) => i !== undefined));
    const missing = (roster ?? [])
        .map((e, i) => ({ e, i }))
        .filter(({ i }) => !reportedIdx.has(i))
        .map(({ e, i }) => ({ unit: e.unit, group: e.group, rejectedFiles: rejected.filter((x) => x.unit && match(x.unit) === i).map((x) => x.file) }));
    const groups = groupSet.groups.map((g) => {
        const units = accepted.filter((u) => u.group === g.id);
        const inRoster = units.filter((u) => u.rosterIndex !== undefined).length;
        return {
            id: g.id,
            heading: g.heading,
            label: g.label,
            units,
            totals: (0, vocabulary_1.sumTotals)(units.map((u) => u.totals)),
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
            if (u.year === undefined || u.year === year || u.warnings.some((w) => w.code === 'year.differs'))
                continue;
            u.warnings.push({ file: u.file, sheet: u.sheet, ...(u.yearCell ? { cell: u.yearCell } : {}), severity: 'warning', code: 'year.differs', message: messages_1.PROBLEM_MESSAGES['year.differs'](u.year, year) });
        }
    }
    return {
        year,
        ...(roster ? { roster } : {}),
        accepted,
        rejected,
        superseded,
        warnings: accepted.flatMap((u) => u.warnings),
        totals: (0, vocabulary_1.sumTotals)(accepted.map((u) => u.totals)),
        groups,
        coverage: { expected: roster ? roster.length : accepted.length, reported: roster ? reportedIdx.size : accepted.length, missing },
    };
}
function missingUnitProblem(r) {
    return {
        file: r.file,
        sheet: r.sheet,
        severity: 'error',
        code: 'unit.missing',
        message: messages_1.PROBLEM_MESSAGES['unit.missing'](),
    };
}
/** The year most accepted forms give (the later one on a tie). */
function commonYear(units) {
    const counts = new Map();
    for (const u of units)
        if (u.year !== undefined)
            counts.set(u.year, (counts.get(u.year) ?? 0) + 1);
    let best;
    for (const [y, n] of counts)
        if (best === undefined || n > counts.get(best) || (n === counts.get(best) && y > best))
            best = y;
    return best;
}
/** The --json shape (MergeSummarySchema) with a few extra fields; messages in the user's language (Vietnamese unless asked otherwise). */
function toSummaryJson(merged, lang = 'vi') {
    const base = vocabulary_1.fileBaseName;
    const set = (0, vocabulary_1.groupSetForYear)(merged.year);
    const heading = (id) => (0, vocabulary_1.groupOf)(id, set).heading;
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
    returns_1.MergeSummarySchema.parse(out);
    return out;
}
