// `ctxh-report form`: writes the blank standard form.
import { parseArgs } from 'node:util';
import { DEFAULT_FORM_PARAMS, buildFormPlan, parseFormParams } from '../core/form';
import { Lang } from '../core/i18n';
import { guardOutputs, isXlsx, writeOutput } from './files';
import { CLI_TEXT } from './messages';
import { UsageError } from './usage';

export async function cmdForm(args: string[], lang: Lang): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' }, year: { type: 'string' }, province: { type: 'string' }, body: { type: 'string' }, plan: { type: 'string' },
      theme: { type: 'string' }, deadline: { type: 'string' }, unit: { type: 'string' }, rows: { type: 'string' }, force: { type: 'boolean' },
    },
  });
  if (!values.out) throw new UsageError(CLI_TEXT.formNeedsOut[lang]);
  if (!isXlsx(values.out)) throw new UsageError(CLI_TEXT.formNeedsXlsx[lang]);
  const parsed = parseFormParams({
    year: values.year ?? DEFAULT_FORM_PARAMS.year,
    province: values.province ?? DEFAULT_FORM_PARAMS.province,
    body: values.body ?? DEFAULT_FORM_PARAMS.body,
    plan: values.plan ?? DEFAULT_FORM_PARAMS.plan,
    theme: values.theme,
    deadline: values.deadline,
    unit: values.unit,
    rows: values.rows ?? DEFAULT_FORM_PARAMS.rows,
  });
  if (!parsed.ok) {
    throw new UsageError(parsed.problems.map((p) => `${p.label[lang]}: ${p.message[lang]}`).join('\n'));
  }
  guardOutputs([values.out], [], !!values.force, lang);
  const plan = buildFormPlan(parsed.params);
  // exceljs is loaded only when a workbook is written, so the other commands start at once.
  const { writeWorkbook } = await import('../workbook/write-xlsx');
  writeOutput(values.out, await writeWorkbook({ sheets: [plan], title: `Biểu tổng hợp CTXH ${parsed.params.year}` }), lang);
  console.log(CLI_TEXT.formWritten(values.out)[lang]);
  return 0;
}
