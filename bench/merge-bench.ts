// npm run bench: 1,000 realistic returns, merged end to end, next to the time only to parse them.
// Prints figures; asserts nothing (speed is measured here, not in timed tests).
import { performance } from 'node:perf_hooks';
import { DEFAULT_FORM_PARAMS, buildFormPlan, formLayout, parseFormParams } from '../src/core/form';
import { mergeReturns } from '../src/core/merge';
import { buildSummaryPlan } from '../src/core/summary-plan';
import { readReturn } from '../src/workbook/read-return';
import { readWorkbookBytes } from '../src/workbook/read-workbook';
import { writeWorkbook } from '../src/workbook/write-xlsx';

const COUNT = Number(process.env.BENCH_FILES ?? 1000);
const KINDS = ['Sở', 'UBND huyện', 'Hội', 'Trung tâm', 'Bệnh viện'];

/** A deterministic pseudo-random source, so runs are comparable. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function makeReturn(i: number, rand: () => number): Promise<Uint8Array> {
  const parsed = parseFormParams({ ...DEFAULT_FORM_PARAMS, year: 2025, unit: `${KINDS[i % KINDS.length]} Đơn vị số ${i + 1}`, rows: 10 });
  if (!parsed.ok) throw new Error('bad params');
  const plan = buildFormPlan(parsed.params);
  const L = formLayout(10);
  const used = 3 + Math.floor(rand() * 8);
  for (const cell of plan.cells) {
    if (cell.r < L.firstData || cell.r >= L.firstData + used) continue;
    // Some clerks type numbers as text, the Vietnamese way.
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

function mb(bytes: number) {
  return `${(bytes / 1048576).toFixed(0)} MB`;
}

async function main() {
  const rand = rng(20250325);
  let t = performance.now();
  const files: { name: string; bytes: Uint8Array; modified: number }[] = [];
  for (let i = 0; i < COUNT; i++) files.push({ name: `don-vi-${String(i + 1).padStart(4, '0')}.xlsx`, bytes: await makeReturn(i, rand), modified: Date.UTC(2025, 3, 1) + i * 1000 });
  const genMs = performance.now() - t;
  const totalBytes = files.reduce((s, f) => s + f.bytes.length, 0);

  // The floor: parsing alone.
  t = performance.now();
  for (const f of files) readWorkbookBytes(f.bytes, f.name, f.modified);
  const parseMs = performance.now() - t;

  // End to end: parse, find and validate the form, merge, plan and write the summary.
  t = performance.now();
  const results = files.map((f) => readReturn(f.bytes, f.name, { modified: f.modified, campaignYear: 2025 }));
  const merged = mergeReturns(results, { year: 2025 });
  const summary = await writeWorkbook(buildSummaryPlan(merged, { year: 2025 }));
  const mergeMs = performance.now() - t;

  const rows = results.reduce((s, r) => s + r.rows.length, 0);
  console.log(`ctxh-report merge benchmark — ${COUNT} returns (${mb(totalBytes)} on disk, ${rows} data rows), Node ${process.version}`);
  console.log(`  generate returns (exceljs):      ${genMs.toFixed(0).padStart(7)} ms`);
  console.log(`  parse only (floor):              ${parseMs.toFixed(0).padStart(7)} ms  (${(parseMs / COUNT).toFixed(2)} ms/file)`);
  console.log(`  merge end to end:                ${mergeMs.toFixed(0).padStart(7)} ms  (${(mergeMs / COUNT).toFixed(2)} ms/file, ${(mergeMs / parseMs).toFixed(2)}× the floor)`);
  console.log(`  summary workbook:                ${(summary.length / 1024).toFixed(0).padStart(7)} KB`);
  console.log(`  peak memory (max RSS):           ${mb(process.resourceUsage().maxRSS * 1024).padStart(7)}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
