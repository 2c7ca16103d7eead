"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mark = mark;
exports.writeTimings = writeTimings;
// Where a run's time goes, for `npm run bench`: written as JSON to the file named by
// CTXH_TIMINGS (unset: nothing is measured or written).
const node_fs_1 = require("node:fs");
const node_perf_hooks_1 = require("node:perf_hooks");
const target = process.env.CTXH_TIMINGS;
const phases = {};
let last = 0;
/** Ends the current phase (ms since the previous mark; the first one from process start). */
function mark(phase) {
    if (!target)
        return;
    const now = node_perf_hooks_1.performance.now();
    phases[phase] = (phases[phase] ?? 0) + now - last;
    last = now;
}
function writeTimings() {
    if (target)
        (0, node_fs_1.writeFileSync)(target, JSON.stringify(phases));
}
