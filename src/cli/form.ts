// `ctxh-report form`: writes the blank standard form, or one form per unit of a roster, its name locked in.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FormParams, buildFormPlan, defaultFormParams, parseFormParams } from '../core/form';
import { formFileNames } from '../core/file-names';
import { Lang } from '../core/i18n';
import { prefilledFormPlan } from '../core/prefilled-form';
import { guardOutputs, isXlsx, writeOutput } from './files';
import { readRosterFile, rosterEntries } from './merge';
import { CLI_TEXT } from './messages';
import { UsageError } from './usage';

export async function cmdForm(args: string[], lang: Lang): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' }, 'out-dir': { type: 'string' }, roster: { type: 'string' }, year: { type: 'string' }, province: { type: 'string' }, body: { type: 'string' },
      plan: { type: 'string' }, theme: { type: 'string' }, deadline: { type: 'string' }, unit: { type: 'string' }, rows: { type: 'string' }, force: { type: 'boolean' },
      activities: { type: 'boolean' }, 'no-activities': { type: 'boolean' },
    },
  });
  const outDir = values['out-dir'];
  if (values.out && (outDir || values.roster)) throw new UsageError(CLI_TEXT.formOutOrDir[lang]);
  if (values.roster && !outDir) throw new UsageError(CLI_TEXT.formRosterNeedsDir[lang]);
  if (outDir && !values.roster) throw new UsageError(CLI_TEXT.formDirNeedsRoster[lang]);
  if (values.roster && values.unit) throw new UsageError(CLI_TEXT.formUnitWithRoster[lang]);
  if (!values.out && !outDir) throw new UsageError(CLI_TEXT.formNeedsOut[lang]);
  if (values.out && !isXlsx(values.out)) throw new UsageError(CLI_TEXT.formNeedsXlsx[lang]);
  const d = defaultFormParams(new Date());
  const parsed = parseFormParams({
    year: values.year ?? d.year,
    province: values.province ?? d.province,
    body: values.body ?? d.body,
    // The plan's default names the year asked for, not the season's.
    plan: values.plan ?? (values.year ? defaultFormParams(new Date(Number(values.year), 0, 1)).plan : d.plan),
    theme: values.theme,
    deadline: values.deadline,
    unit: values.unit,
    rows: values.rows ?? d.rows,
    // On unless --no-activities (Node 20's parseArgs has no negated options of its own).
    activities: !values['no-activities'],
  });
  if (!parsed.ok) {
    throw new UsageError(parsed.problems.map((p) => `${p.label[lang]}: ${p.message[lang]}`).join('\n'));
  }
  if (outDir && values.roster) return formsPerUnit(values.roster, outDir, parsed.params, !!values.force, lang);
  const out = values.out!;
  guardOutputs([out], [], !!values.force, lang);
  const plan = buildFormPlan(parsed.params);
  // exceljs is loaded only when a workbook is written, so the other commands start at once.
  const { writeWorkbook } = await import('../workbook/write-xlsx');
  writeOutput(out, await writeWorkbook({ sheets: [plan], title: `Biểu tổng hợp CTXH ${parsed.params.year}` }), lang);
  console.log(CLI_TEXT.formWritten(out)[lang]);
  return 0;
}

/** One pre-filled form per roster unit, named after the unit in ASCII; nothing written when any would overwrite a file. */
async function formsPerUnit(rosterPath: string, outDir: string, params: FormParams, force: boolean, lang: Lang): Promise<number> {
  const entries = rosterEntries(rosterPath, await readRosterFile(rosterPath, lang), params.year, lang);
  const names = formFileNames(params.year, entries.map((e) => e.unit));
  if (!existsSync(outDir)) {
    if (!existsSync(dirname(resolve(outDir)))) throw new UsageError(CLI_TEXT.formNoParentFolder(outDir)[lang]);
    mkdirSync(outDir);
  } else if (!statSync(outDir).isDirectory()) throw new UsageError(CLI_TEXT.noFolder(outDir, names[0] ?? '')[lang]);
  const paths = names.map((n) => join(outDir, n));
  const taken = paths.filter((p) => existsSync(p));
  if (taken.length && !force) throw new UsageError(CLI_TEXT.formsExist(outDir, taken.map((p) => p.slice(outDir.length).replace(/^[\\/]/, '')))[lang]);
  guardOutputs(paths, [rosterPath], true, lang);
  const { writeWorkbook } = await import('../workbook/write-xlsx');
  for (let i = 0; i < entries.length; i++) {
    const plan = prefilledFormPlan(params, entries[i].unit);
    writeOutput(paths[i], await writeWorkbook({ sheets: [plan], title: `Biểu tổng hợp CTXH ${params.year} — ${entries[i].unit}` }), lang);
  }
  console.log(CLI_TEXT.formsWritten(entries.length, outDir, names[0])[lang]);
  return 0;
}
