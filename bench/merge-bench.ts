// npm run bench: whole-process `cli merge` of 1,000 and 3,321 returns next to the floor, a bare
// single-threaded SheetJS read of the same files in a separate process; where the time goes.
// Prints figures; asserts nothing (speed is measured here, not in timed tests).
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as XLSX from '@e965/xlsx';
import { DEFAULT_FORM_PARAMS, buildFormPlan, formLayout, parseFormParams } from '../src/core/form';
import { extractReturn } from '../src/core/extract';
import { textExamined } from '../src/core/text-meter';
import { amplifiedXlsx } from './amplified';
import { readWorkbookBytes } from '../src/workbook/read-workbook';
import { writeWorkbook } from '../src/workbook/write-xlsx';
import { buildCliIfStale } from '../test/helpers/build-cli';

const ROOT = resolve(__dirname, '..');
const COUNTS = (process.env.BENCH_FILES ?? '1000,3321').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const KINDS = ['UBND xã', 'UBND phường', 'Hội', 'Trung tâm', 'Trạm Y tế'];
const CACHE = join(tmpdir(), 'ctxh-bench-v1');

/** A deterministic pseudo-random source, so runs are comparable. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** One return as a unit sends it: the product's blank form, 1–8 rows filled, some numbers typed as text. */
async function makeReturn(i: number, rand: () => number): Promise<Uint8Array> {
  const parsed = parseFormParams({ ...DEFAULT_FORM_PARAMS, year: 2025, unit: `${KINDS[i % KINDS.length]} số ${i + 1}`, rows: 10 });
  if (!parsed.ok) throw new Error('bad params');
  const plan = buildFormPlan(parsed.params);
  const L = formLayout(10);
  const used = 1 + Math.floor(rand() * 8);
  for (const cell of plan.cells) {
    if (cell.r < L.firstData || cell.r >= L.firstData + used) continue;
    const asText = rand() < 0.1;
    const money = () => Math.round(rand() * 20_000) * 1000;
    if (cell.c === 2) cell.value = Math.floor(rand() * 300);
    if (cell.c === 4 || cell.c === 5) {
      const v = money();
      cell.value = asText ? v.toLocaleString('vi-VN') : v;
    }
  }
  return writeWorkbook({ sheets: [plan], title: 'bench' });
}

/** The largest set once (cached between runs); smaller sets are hard links to its first files. */
async function returnsFolder(count: number, max: number): Promise<string> {
  const all = join(CACHE, `returns-${max}`);
  if (!existsSync(join(all, '.complete'))) {
    rmSync(all, { recursive: true, force: true });
    mkdirSync(all, { recursive: true });
    const rand = rng(20250325);
    const t = performance.now();
    for (let i = 0; i < max; i++) writeFileSync(join(all, `don-vi-${String(i + 1).padStart(4, '0')}.xlsx`), await makeReturn(i, rand));
    writeFileSync(join(all, '.complete'), '');
    console.log(`  (made ${max} returns with exceljs in ${((performance.now() - t) / 1000).toFixed(1)} s, kept in ${all})`);
  }
  if (count === max) return all;
  const dir = join(CACHE, `returns-${count}-of-${max}`);
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(all).filter((n) => n.endsWith('.xlsx')).sort().slice(0, count)) linkSync(join(all, f), join(dir, f));
    writeFileSync(join(dir, '.complete'), '');
  }
  return dir;
}

interface Run {
  ms: number;
  /** CPU time of the whole process, all threads: less disturbed than wall time by other load. */
  cpuMs: number;
  rssMb: number;
  phases?: Record<string, number>;
  stdout: string;
}

function timed(args: string[], env: NodeJS.ProcessEnv = {}): { ms: number; stdout: string; status: number | null } {
  const t = performance.now();
  const res = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (res.status !== 0 && res.status !== 1) throw new Error(`${args.join(' ')} failed (${res.status}): ${res.stderr}`);
  return { ms, stdout: res.stdout, status: res.status };
}

function floor(dir: string): Run {
  const r = timed([join(ROOT, 'bench', 'bare-read.js'), dir]);
  const u = JSON.parse(r.stdout);
  return { ms: r.ms, cpuMs: u.cpuMs, rssMb: u.maxRssKb / 1024, stdout: r.stdout };
}

function cliMerge(dir: string, workers?: number): Run {
  const usage = join(CACHE, 'usage.json');
  const timings = join(CACHE, 'timings.json');
  const out = join(CACHE, 'tong-hop.xlsx');
  const r = timed(
    ['--require', join(ROOT, 'bench', 'usage.js'), join(ROOT, 'bin', 'ctxh-report.js'), 'merge', '--force', '--year', '2025', '--out', out, ...(workers ? ['--workers', String(workers)] : []), dir],
    { CTXH_USAGE_FILE: usage, CTXH_TIMINGS: timings },
  );
  const u = JSON.parse(readFileSync(usage, 'utf8'));
  return { ms: r.ms, cpuMs: u.cpuMs, rssMb: u.maxRssKb / 1024, phases: JSON.parse(readFileSync(timings, 'utf8')), stdout: r.stdout };
}

/** Single-thread, in-process cost per file of each step of reading, on a sample of the files. */
function perFileSplit(dir: string, sample = 300) {
  const files = readdirSync(dir).filter((n) => n.endsWith('.xlsx')).sort().slice(0, sample).map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(dir, n))) }));
  // CPU time (one thread here), best of three after a warm-up: the least disturbed by other load.
  const time = (fn: () => void) => {
    fn();
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = process.cpuUsage();
      fn();
      const u = process.cpuUsage(t);
      best = Math.min(best, (u.user + u.system) / 1000);
    }
    return best / files.length;
  };
  const bare = time(() => files.forEach((f) => XLSX.read(f.bytes)));
  const raws = files.map((f) => readWorkbookBytes(f.bytes, f.name));
  const reader = time(() => files.forEach((f) => readWorkbookBytes(f.bytes, f.name)));
  const check = time(() => raws.forEach((r) => extractReturn(r, { campaignYear: 2025 })));
  return { bare, reader, check };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const best = (runs: Run[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));

async function main() {
  buildCliIfStale();
  mkdirSync(CACHE, { recursive: true });
  const max = Math.max(...COUNTS);
  console.log(`ctxh-report merge benchmark — Node ${process.version}, ${availableParallelism()} cores, best of ${ROUNDS} rounds (load average now ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
  for (const count of COUNTS) {
    const dir = await returnsFolder(count, max);
    const floors: Run[] = [];
    const merges: Run[] = [];
    const singles: Run[] = [];
    // Alternate, so a burst of load from elsewhere hits both sides alike.
    for (let i = 0; i < ROUNDS; i++) {
      floors.push(floor(dir));
      merges.push(cliMerge(dir));
      singles.push(cliMerge(dir, 1));
    }
    const f = best(floors);
    const m = best(merges);
    const one = best(singles);
    const totals = /Tổng: .*/.exec(m.stdout)?.[0] ?? '?';
    const merged = /Đã tổng hợp .*/.exec(m.stdout)?.[0] ?? '?';
    const split = perFileSplit(dir);
    const p = m.phases!;
    console.log(`\n${count} returns`);
    const line = (label: string, r: Run, ratio = true) =>
      console.log(
        `  ${label.padEnd(48)} ${s(r.ms).padStart(8)}   peak ${r.rssMb.toFixed(0).padStart(3)} MB   CPU ${s(r.cpuMs).padStart(7)}` +
          (ratio ? `   ratio ${(r.ms / f.ms).toFixed(2)}× (CPU ${(r.cpuMs / f.cpuMs).toFixed(2)}×)` : ''),
      );
    line('bare SheetJS read, 1 thread, own process (floor)', f, false);
    line(`cli merge, whole process, ${availableParallelism()} reading threads`, m);
    line('cli merge --workers 1', one);
    console.log(`  split of the best cli merge: start-up ${s(p.startup)}, reading + checking ${s(p.reading)} (workers), merging ${s(p.merging)}, writing ${s(p.writing)}, printing ${s(p.printing)}`);
    const perFile = split.reader + split.check;
    console.log(
      `  reading + checking per file, CPU, 1 thread in process: bare SheetJS ${split.bare.toFixed(2)} ms + the reader's own checks ${(split.reader - split.bare).toFixed(2)} ms + checking the form ${split.check.toFixed(2)} ms` +
        ` → of the ${s(p.reading)}: reading ~${s((p.reading * split.reader) / perFile)}, checking ~${s((p.reading * split.check) / perFile)}`,
    );
    console.log(`  ${merged}  ${totals}`);
  }

  // A tiny file whose one 1 MB shared string fills 100,000 cells: reading is linear in cells, checking bounded by text examined.
  const amp = amplifiedXlsx();
  let t = performance.now();
  const ampRaw = readWorkbookBytes(amp, 'amplified.xlsx');
  const ampReadMs = performance.now() - t;
  const chars = textExamined();
  t = performance.now();
  extractReturn(ampRaw);
  const ampCheckMs = performance.now() - t;
  console.log(`\n1 MB string × 100,000 cells (${(amp.length / 1024).toFixed(0)} KB): read ${ampReadMs.toFixed(0)} ms, check ${ampCheckMs.toFixed(0)} ms (${((textExamined() - chars) / 1e6).toFixed(1)} M characters examined)`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
