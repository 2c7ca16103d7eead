// Where a run's time goes, for `npm run bench`: written as JSON to the file named by
// CTXH_TIMINGS (unset: nothing is measured or written).
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const target = process.env.CTXH_TIMINGS;
const phases: Record<string, number> = {};
let last = 0;

/** Ends the current phase (ms since the previous mark; the first one from process start). */
export function mark(phase: string): void {
  if (!target) return;
  const now = performance.now();
  phases[phase] = (phases[phase] ?? 0) + now - last;
  last = now;
}

export function writeTimings(): void {
  if (target) writeFileSync(target, JSON.stringify(phases));
}
