// `ctxh-report check`: validates returned files without merging them.
import { parseArgs } from 'node:util';
import { fileStatuses } from '../core/file-status';
import { Lang } from '../core/i18n';
import { mergeReturns } from '../core/merge';
import { listInputs, readReturnFile } from './files';
import { CLI_TEXT } from './messages';
import { printProblems } from './print';
import { parseYear } from './usage';

export async function cmdCheck(args: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { year: { type: 'string' } } });
  const year = parseYear(values.year, lang);
  const results = listInputs(positionals, lang).map((f) => readReturnFile(f, year));
  // What only shows across files (last year's form among this year's, duplicates) is reported as merge would.
  const merged = mergeReturns(results, { year });
  printProblems(fileStatuses(results, merged), lang);
  for (const x of merged.superseded) console.log(CLI_TEXT.checkSuperseded(x.file, x.unit, x.by)[lang]);
  const bad = results.filter((r) => r.status === 'error').length;
  console.log(CLI_TEXT.checkCounts(results.length, bad)[lang]);
  return bad ? 1 : 0;
}
