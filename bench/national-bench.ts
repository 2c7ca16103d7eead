// npm run bench (second part): the national merge at full scale — 34 provincial summaries
// holding all 3,321 communes of the national list between them. Prints figures; asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mergeReturns } from '../src/core/merge';
import { mergeNational } from '../src/core/national';
import { buildNationalPlan } from '../src/core/national-plan';
import { NATIONAL_PROVINCES } from '../src/core/admin/national-provinces';
import { ReturnResult } from '../src/core/returns';
import { buildSummaryPlan } from '../src/core/summary-plan';
import { readSummary } from '../src/core/summary-read';
import { readWorkbookBytes } from '../src/workbook/read-workbook';
import { writeWorkbook } from '../src/workbook/write-xlsx';

const LIST = process.env.CTXH_COMMUNES ?? join(__dirname, '..', 'data', 'don-vi-hanh-chinh-2026.csv');

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** [province code, commune name] from the national list. */
function communes(): [string, string][] {
  return readFileSync(LIST, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((line) => /^(\d{2}),[^,]*,\d{5},([^,]+),/.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => [m[1], m[2]]);
}

async function main() {
  if (!existsSync(LIST)) {
    console.log(`national benchmark skipped: no commune list at ${LIST} (set CTXH_COMMUNES to the national list's CSV)`);
    return;
  }
  const rand = rng(20270325);
  const list = communes();
  let t = performance.now();
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const p of NATIONAL_PROVINCES.provinces) {
    const results: ReturnResult[] = list
      .filter(([code]) => code === p.code)
      .map(([, name], i) => ({
        file: `xa-${p.code}-${i + 1}.xlsx`, unit: `UBND ${name}`, status: 'ok', problems: [], year: 2027,
        rows: [{ row: 13, participants: Math.floor(rand() * 400), budget: Math.round(rand() * 20_000) * 1000, otherFunding: Math.round(rand() * 10_000) * 1000, totalFunding: 0 }].map((r) => ({ ...r, totalFunding: r.budget + r.otherFunding })),
      }));
    const merged = mergeReturns(results, { year: 2027 });
    files.push({ name: `tong-hop-${p.code}.xlsx`, bytes: await writeWorkbook(buildSummaryPlan(merged, { year: 2027, province: p.name })) });
  }
  const genMs = performance.now() - t;
  const totalBytes = files.reduce((s, f) => s + f.bytes.length, 0);

  t = performance.now();
  const raws = files.map((f) => readWorkbookBytes(f.bytes, f.name));
  const parseMs = performance.now() - t;

  t = performance.now();
  const summaries = raws.map((raw) => readSummary(raw, { directory: NATIONAL_PROVINCES, campaignYear: 2027 }));
  const recogniseMs = performance.now() - t;

  t = performance.now();
  const national = mergeNational(summaries, [], { directory: NATIONAL_PROVINCES, year: 2027 });
  const out = await writeWorkbook(buildNationalPlan(national, { year: 2027, body: 'Bộ Y tế' }));
  const writeMs = performance.now() - t;

  const units = national.provinces.reduce((s, p) => s + p.units.length, 0);
  console.log(`ctxh-report national benchmark — 34 provincial summaries holding ${units} communes (${(totalBytes / 1048576).toFixed(1)} MB), Node ${process.version}`);
  console.log(`  write the 34 summaries (exceljs):  ${genMs.toFixed(0).padStart(7)} ms`);
  console.log(`  parse the 34 summaries (floor):    ${parseMs.toFixed(0).padStart(7)} ms`);
  console.log(`  recognise and read them:           ${recogniseMs.toFixed(0).padStart(7)} ms  (${(recogniseMs / 34).toFixed(1)} ms/summary)`);
  console.log(`  national merge, plan and write:    ${writeMs.toFixed(0).padStart(7)} ms  (national workbook ${(out.length / 1024).toFixed(0)} KB)`);
  console.log(`  provinces reported: ${national.coverage.provinces.reported}/${national.coverage.provinces.expected}; peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
