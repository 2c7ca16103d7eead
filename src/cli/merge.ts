// `ctxh-report merge` (and the demo, which is a merge of the samples).
import { readFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { Lang } from '../core/i18n';
import { mergeReturns, toSummaryJson } from '../core/merge';
import { FileRejected } from '../core/returns';
import { buildSummaryPlan } from '../core/summary-plan';
import { buildRoster } from '../core/units';
import { RosterEntry } from '../core/vocabulary';
import { guardOutputs, isXlsx, listInputs, readMergeInputs, writeOutput } from './files';
import { NATIONAL_CLI_TEXT, buildNationalOutputs, nationalUsageProblem, printNational } from './national';
import { CLI_TEXT } from './messages';
import { printProblems } from './print';
import { mark, writeTimings } from './timings';
import { UsageError, parseWorkers, parseYear } from './usage';

async function loadRoster(path: string, lang: Lang): Promise<RosterEntry[]> {
  if (!existsSync(path)) throw new UsageError(CLI_TEXT.rosterNotFound(path)[lang]);
  // SheetJS and exceljs are loaded by the commands that use them, so the others start at once.
  const { readRosterBytes } = await import('../workbook/read-roster');
  try {
    const rows = readRosterBytes(new Uint8Array(readFileSync(path)), basename(path));
    const roster = buildRoster(rows);
    for (const p of roster.problems.filter((x) => x.severity !== 'error')) console.warn(`${basename(path)}: ${p.message[lang]}`);
    const errors = roster.problems.filter((x) => x.severity === 'error');
    if (errors.length) throw new UsageError(errors.map((p) => `${basename(path)}: ${p.message[lang]}`).join('\n'));
    return roster.entries;
  } catch (e) {
    if (e instanceof FileRejected) throw new UsageError(e.text[lang]);
    throw e;
  }
}

export interface MergeRun {
  out: string;
  inputs: string[];
  roster?: string;
  json?: string;
  year?: number;
  province?: string;
  /** Issuing body printed on the summary (the Ministry, for a national merge). */
  body?: string;
  /** Unit returns and provincial summaries together, on purpose. */
  mixed?: boolean;
  force: boolean;
  workers?: number;
}

export async function runMerge(o: MergeRun, lang: Lang): Promise<number> {
  const files = listInputs(o.inputs, lang);
  if (!isXlsx(o.out)) throw new UsageError(CLI_TEXT.summaryNeedsXlsx[lang]);
  guardOutputs([o.out, ...(o.json ? [o.json] : [])], [...files, ...(o.roster ? [o.roster] : [])], o.force, lang);
  const roster = o.roster ? await loadRoster(o.roster, lang) : undefined;
  mark('startup');
  const inputs = await readMergeInputs(files, { year: o.year, workers: o.workers, quiet: o.json === '-' }, lang);
  mark('reading');
  // Provincial summaries among the inputs: the national merge, one level up.
  if (inputs.some((i) => i.kind === 'summary')) {
    const refused = nationalUsageProblem(inputs, !!o.mixed, !!o.roster);
    if (refused) throw new UsageError(refused[lang]);
    const national = await buildNationalOutputs(inputs, { year: o.year, body: o.body }, lang);
    writeOutput(o.out, national.workbook, lang);
    if (o.json) writeOutput(o.json, national.json, lang);
    printNational(national.merged, files.length, lang, (reports) => printProblems(reports, lang));
    console.log(NATIONAL_CLI_TEXT.written(o.out)[lang] + (o.json ? ` (+ ${o.json})` : ''));
    if (national.merged.coverage.provinces.reported === 0) return 2;
    return national.merged.rejected.length ? 1 : 0;
  }
  const results = inputs.flatMap((i) => (i.kind === 'return' ? [i.result] : []));
  const merged = mergeReturns(results, { roster, year: o.year });
  const summary = toSummaryJson(merged, lang);
  const plan = buildSummaryPlan(merged, { year: o.year ?? merged.year, province: o.province, body: o.body, lang });
  mark('merging');
  const { writeWorkbook } = await import('../workbook/write-xlsx');
  writeOutput(o.out, await writeWorkbook(plan), lang);
  if (o.json) writeOutput(o.json, JSON.stringify({ level: 'province', ...summary }, null, 2) + '\n', lang);
  mark('writing');

  printProblems([...merged.rejected, ...merged.accepted.filter((u) => u.warnings.length).map((u) => ({ file: u.file, unit: u.unit, problems: u.warnings }))], lang);
  for (const s of merged.superseded) console.log(CLI_TEXT.mergeSuperseded(s.file, s.unit, s.by)[lang]);
  console.log(CLI_TEXT.mergeCounts(summary.accepted.length, results.length, summary.rejected.length, summary.superseded.length)[lang]);
  console.log(CLI_TEXT.totals(summary.totals)[lang]);
  console.log(CLI_TEXT.reported(summary.coverage.reported, summary.coverage.expected)[lang]);
  if (summary.coverage.missing.length) console.log(CLI_TEXT.notReported(summary.coverage.missing.join('; '))[lang]);
  console.log(CLI_TEXT.summaryWritten(o.out)[lang] + (o.json ? ` (+ ${o.json})` : ''));
  mark('printing');
  writeTimings();
  if (!summary.accepted.length) return 2;
  return summary.rejected.length ? 1 : 0;
}

export async function cmdMerge(args: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' }, roster: { type: 'string' }, json: { type: 'string' }, year: { type: 'string' }, province: { type: 'string' }, force: { type: 'boolean' },
      workers: { type: 'string' }, body: { type: 'string' }, mixed: { type: 'boolean' },
    },
  });
  if (!values.out) throw new UsageError(CLI_TEXT.mergeNeedsOut[lang]);
  return runMerge(
    {
      out: values.out, inputs: positionals, roster: values.roster, json: values.json, year: parseYear(values.year, lang), province: values.province,
      force: !!values.force, workers: parseWorkers(values.workers, lang), body: values.body, mixed: !!values.mixed,
    },
    lang,
  );
}
