// `ctxh-report roster`: a province's roster from the national list (.xlsx or .csv, by the extension).
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { nationalIndex } from './national';
import { chooseProvince, provinceRoster } from '../core/admin/province-roster';
import { COMMUNE_ERA_HEADINGS } from '../core/admin/roster-template';
import { Lang } from '../core/i18n';
import { reportingSeasonYear } from '../core/season';
import { guardOutputs, writeOutput } from './files';
import { CLI_TEXT } from './messages';
import { UsageError, parseYear } from './usage';

export async function cmdRoster(args: string[], lang: Lang): Promise<number> {
  const { values } = parseArgs({ args, options: { province: { type: 'string' }, out: { type: 'string' }, year: { type: 'string' }, force: { type: 'boolean' } } });
  if (!values.province?.trim()) throw new UsageError(CLI_TEXT.rosterNeedsProvince[lang]);
  if (!values.out) throw new UsageError(CLI_TEXT.rosterNeedsOut[lang]);
  const ext = extname(values.out).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError(CLI_TEXT.rosterNeedsExt[lang]);
  const year = parseYear(values.year, lang) ?? reportingSeasonYear(new Date());
  const index = nationalIndex();
  const choice = chooseProvince(index, values.province);
  // A pre-2025 or unknown name is a usage error: the message says which province to use.
  if (!choice.ok) throw new UsageError(choice.message[lang]);
  guardOutputs([values.out], [], !!values.force, lang);
  const roster = provinceRoster(index, choice.province, year, COMMUNE_ERA_HEADINGS);
  // exceljs is loaded only when a workbook is written, so the other commands start at once.
  const { writeWorkbook } = await import('../workbook/write-xlsx');
  const data = ext === '.csv' ? roster.csv : await writeWorkbook({ sheets: [roster.plan], title: `Danh sách đơn vị ${choice.province.name} ${year}` });
  writeOutput(values.out, data, lang);
  const communes = roster.rows.filter((r) => !r.suggested).length;
  console.log(CLI_TEXT.rosterWritten(values.out, choice.province.name, roster.rows.length, communes, roster.rows.length - communes)[lang]);
  return 0;
}
