// `ctxh-report merge` (and the demo, which is a merge of the samples).
import { readFileSync, existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { NO_ROSTER, receivedCounts, receivedWithoutRoster } from '../core/coverage-text';
import { Lang } from '../core/i18n';
import { coverageMessage, formsYear, mergeReturns, toSummaryJson } from '../core/merge';
import { nationalIndex } from './national';
import { chooseProvince } from '../core/admin/province-roster';
import { FileRejected } from '../core/returns';
import { buildSummaryPlan } from '../core/summary-plan';
import { buildReportPlan } from '../core/report-plan';
import { buildNationalReportPlan } from '../core/national-report-plan';
import { parseDayMonthYear } from '../core/report-date';
import { ACTIVITY_LABELS } from '../core/activities';
import { buildRoster } from '../core/units';
import { RosterEntry, groupSetForYear, isTwoLevelYear } from '../core/vocabulary';
import type { RosterRow } from '../core/roster';
import { guardOutputs, isXlsx, listInputs, readMergeInputs, writeOutput } from './files';
import { NATIONAL_TEXT } from '../core/national-messages';
import { NATIONAL_CLI_TEXT, buildNationalOutputs, nationalUsageProblem, printNational } from './national-merge';
import { CLI_TEXT } from './messages';
import { printProblems } from './print';
import { mark, writeTimings } from './timings';
import { UsageError, parseWorkers, parseYear } from './usage';

/** Reads a roster file (refused files are usage errors); its rows are understood once the campaign year is known. */
export async function readRosterFile(path: string, lang: Lang): Promise<RosterRow[]> {
  if (!existsSync(path)) throw new UsageError(CLI_TEXT.rosterNotFound(path)[lang]);
  // SheetJS and exceljs are loaded by the commands that use them, so the others start at once.
  const { readRosterBytes } = await import('../workbook/read-roster');
  try {
    return readRosterBytes(new Uint8Array(readFileSync(path)), basename(path));
  } catch (e) {
    if (e instanceof FileRejected) throw new UsageError(e.text[lang]);
    throw e;
  }
}

/** The roster's entries, groups read with the campaign year's group set; its warnings printed, its errors a usage error. */
export function rosterEntries(path: string, rows: RosterRow[], year: number | undefined, lang: Lang): RosterEntry[] {
  {
    const roster = buildRoster(rows, groupSetForYear(year));
    for (const p of roster.problems.filter((x) => x.severity !== 'error')) console.warn(`${basename(path)}: ${p.message[lang]}`);
    const errors = roster.problems.filter((x) => x.severity === 'error');
    if (errors.length) throw new UsageError(errors.map((p) => `${basename(path)}: ${p.message[lang]}`).join('\n'));
    return roster.entries;
  }
}

export interface MergeRun {
  out: string;
  inputs: string[];
  roster?: string;
  json?: string;
  year?: number;
  province?: string;
  /** "YYYY-MM-DD". */
  deadline?: string;
  /** The .docx report draft to write. */
  report?: string;
  /** For the report's header and text: the body writing it and the plan it carries out. */
  body?: string;
  plan?: string;
  /** Unit returns and provincial summaries together, on purpose. */
  mixed?: boolean;
  force: boolean;
  workers?: number;
}

export async function runMerge(o: MergeRun, lang: Lang): Promise<number> {
  const files = listInputs(o.inputs, lang);
  if (!isXlsx(o.out)) throw new UsageError(CLI_TEXT.summaryNeedsXlsx[lang]);
  if (o.report && extname(o.report).toLowerCase() !== '.docx') throw new UsageError(CLI_TEXT.reportNeedsDocx[lang]);
  guardOutputs([o.out, ...(o.json ? [o.json] : []), ...(o.report ? [o.report] : [])], [...files, ...(o.roster ? [o.roster] : [])], o.force, lang);
  const rosterRows = o.roster ? await readRosterFile(o.roster, lang) : undefined;
  mark('startup');
  const inputs = await readMergeInputs(files, { year: o.year, workers: o.workers, quiet: o.json === '-' }, lang);
  mark('reading');
  // Provincial summaries among the inputs: the national merge, one level up.
  if (inputs.some((i) => i.kind === 'summary')) {
    const refused = nationalUsageProblem(inputs, !!o.mixed, !!o.roster);
    if (refused) throw new UsageError(refused[lang]);
    const ignored = [...(o.deadline ? ['--deadline'] : []), ...(o.province ? ['--province'] : [])];
    if (ignored.length) console.error(NATIONAL_TEXT.ignoredOptions(ignored)[lang]);
    const national = await buildNationalOutputs(inputs, { year: o.year, body: o.body }, lang);
    writeOutput(o.out, national.workbook, lang);
    if (o.json) writeOutput(o.json, national.json, lang);
    if (o.report) {
      // The Ministry's draft, one level up: "Có 30/34 tỉnh, thành phố báo cáo …".
      const { writeReportDocx } = await import('../workbook/write-docx');
      const report = buildNationalReportPlan(national.merged, { year: o.year ?? national.merged.year, body: o.body, plan: o.plan });
      writeOutput(o.report, await writeReportDocx(report), lang);
    }
    printNational(national.merged, files.length, lang, (reports) => printProblems(reports, lang));
    console.log(NATIONAL_CLI_TEXT.written(o.out)[lang] + (o.json ? ` (+ ${o.json})` : ''));
    if (o.report) console.log(CLI_TEXT.reportWritten(o.report)[lang]);
    if (national.merged.coverage.provinces.reported === 0) return 2;
    return national.merged.rejected.length ? 1 : 0;
  }
  const results = inputs.flatMap((i) => (i.kind === 'return' ? [i.result] : []));
  // The year decides the groups (2026 on: communes); without --year, the year most forms give.
  const year = o.year ?? formsYear(results);
  const roster = o.roster && rosterRows ? rosterEntries(o.roster, rosterRows, year, lang) : undefined;
  const national = isTwoLevelYear(year) ? nationalIndex() : undefined;
  const province = national && o.province ? chooseProvince(national, o.province) : undefined;
  const merged = mergeReturns(results, { roster, year: o.year, deadline: o.deadline, national, ...(province?.ok ? { province: province.province } : {}) });
  const summary = toSummaryJson(merged, lang);
  const plan = buildSummaryPlan(merged, { year: o.year ?? merged.year, province: o.province, body: o.body, lang });
  mark('merging');
  const { writeWorkbook } = await import('../workbook/write-xlsx');
  writeOutput(o.out, await writeWorkbook(plan), lang);
  if (o.json) writeOutput(o.json, JSON.stringify({ level: 'province', ...summary }, null, 2) + '\n', lang);
  if (o.report) {
    const { writeReportDocx } = await import('../workbook/write-docx');
    const report = buildReportPlan(merged, { year: o.year ?? merged.year, province: o.province, body: o.body, plan: o.plan, deadline: o.deadline, activityTypes: ACTIVITY_LABELS });
    writeOutput(o.report, await writeReportDocx(report), lang);
  }
  mark('writing');

  printProblems([...merged.rejected, ...merged.accepted.filter((u) => u.warnings.length).map((u) => ({ file: u.file, unit: u.unit, problems: u.warnings }))], lang);
  for (const s of merged.superseded) console.log(CLI_TEXT.mergeSuperseded(s.file, s.unit, s.by)[lang]);
  console.log(CLI_TEXT.mergeCounts(summary.accepted.length, results.length, summary.rejected.length, summary.superseded.length)[lang]);
  console.log(CLI_TEXT.totals(summary.totals)[lang]);
  // Without a roster "12/12" would overstate what is known: say what was received instead.
  if (merged.roster) console.log(coverageMessage(merged)[lang]);
  else console.log(`${receivedWithoutRoster(receivedCounts(merged))[lang]} ${NO_ROSTER[lang]} ${CLI_TEXT.noRosterHint[lang]}`);
  if (summary.coverage.missing.length) console.log(CLI_TEXT.notReported(summary.coverage.missing.join('; '))[lang]);
  if (o.deadline) {
    const late = merged.accepted.filter((u) => u.onTime === false).map((u) => `${u.display} (+${u.daysLate})`).join('; ');
    console.log(CLI_TEXT.onTime(merged.coverage.onTime, merged.accepted.length, late)[lang]);
  }
  console.log(CLI_TEXT.summaryWritten(o.out)[lang] + (o.json ? ` (+ ${o.json})` : ''));
  if (o.report) console.log(CLI_TEXT.reportWritten(o.report)[lang]);
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
      deadline: { type: 'string' }, report: { type: 'string' }, body: { type: 'string' }, plan: { type: 'string' }, workers: { type: 'string' }, mixed: { type: 'boolean' },
    },
  });
  if (!values.out) throw new UsageError(CLI_TEXT.mergeNeedsOut[lang]);
  const deadline = values.deadline !== undefined ? parseDayMonthYear(values.deadline) : undefined;
  if (values.deadline !== undefined && !deadline) throw new UsageError(CLI_TEXT.badDeadline(values.deadline)[lang]);
  return runMerge(
    {
      out: values.out, inputs: positionals, roster: values.roster, json: values.json, year: parseYear(values.year, lang), province: values.province, force: !!values.force,
      workers: parseWorkers(values.workers, lang), deadline, report: values.report, body: values.body, plan: values.plan, mixed: !!values.mixed,
    },
    lang,
  );
}
