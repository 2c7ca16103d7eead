"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fileStatus = fileStatus;
exports.fileStatuses = fileStatuses;
const problemKey = (p) => `${p.code}|${p.cell ?? ''}|${p.message.vi}`;
/** The status of one file after the set it belongs to was merged (as by mergeReturns). */
function fileStatus(result, merged) {
    const { file } = result;
    const own = new Set(result.problems.map(problemKey));
    const extra = merged.warnings.filter((w) => w.file === file && !own.has(problemKey(w)));
    const base = { file, ...(result.unit !== undefined ? { unit: result.unit } : {}), problems: [...result.problems, ...extra] };
    const sup = merged.superseded.find((s) => s.file === file);
    if (sup)
        return { ...base, state: 'superseded', by: sup.by };
    if (merged.rejected.some((r) => r.file === file))
        return { ...base, state: 'error' };
    const acc = merged.accepted.find((a) => a.file === file);
    if (acc)
        return { ...base, state: acc.warnings.length ? 'warning' : 'ok' };
    return { ...base, state: result.status };
}
/** fileStatus for every file of the set, in the order given. */
function fileStatuses(results, merged) {
    return results.map((r) => fileStatus(r, merged));
}
