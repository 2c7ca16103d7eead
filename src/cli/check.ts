// `ctxh-report check`: validates returned files without merging them.
import { parseArgs } from 'node:util';
import { fileStatuses } from '../core/file-status';
import { Lang } from '../core/i18n';
import { formsYear, mergeReturns } from '../core/merge';
import { nationalIndex } from './national';
import { isTwoLevelYear } from '../core/vocabulary';
import { listInputs, readMergeInputs } from './files';
import { CLI_TEXT } from './messages';
import { printProblems } from './print';
import { parseWorkers, parseYear } from './usage';

export async function cmdCheck(args: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { year: { type: 'string' }, workers: { type: 'string' } } });
  const year = parseYear(values.year, lang);
  const workers = parseWorkers(values.workers, lang);
  const inputs = await readMergeInputs(listInputs(positionals, lang), { year, workers }, lang);
  const results = inputs.flatMap((i) => (i.kind === 'return' ? [i.result] : []));
  // A provincial summary is checked as the national merge will read it.
  const summaries = inputs.flatMap((i) => (i.kind === 'summary' ? [i.summary] : []));
  printProblems(summaries.map((s) => ({ file: s.file, unit: s.province?.name, problems: s.problems })), lang);
  // What only shows across files (last year's form among this year's, duplicates) is reported as merge would.
  const national = isTwoLevelYear(year ?? formsYear(results)) ? nationalIndex() : undefined;
  const merged = mergeReturns(results, { year, national });
  printProblems(fileStatuses(results, merged), lang);
  for (const x of merged.superseded) console.log(CLI_TEXT.checkSuperseded(x.file, x.unit, x.by)[lang]);
  const bad = results.filter((r) => r.status === 'error').length + summaries.filter((s) => s.status === 'error').length;
  console.log(CLI_TEXT.checkCounts(inputs.length, bad)[lang]);
  return bad ? 1 : 0;
}
