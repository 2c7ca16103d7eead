// `merge` one level up: provincial summaries in, the national workbook out (and, with --mixed,
// units' returns counted under their own province).
import { basename } from 'node:path';
import { Catalogue, Lang, Message } from '../core/i18n';
import { NationalMerged, mergeNational, mixedInputsProblem, toNationalJson } from '../core/national';
import { NATIONAL_TEXT } from '../core/national-messages';
import { buildNationalPlan, nationalCoverageLines } from '../core/national-plan';
import { nationalProvinces } from './national';
import { Totals } from '../core/vocabulary';
import { FileReport } from './print';
import type { InputFile } from './read-file';

const fmt = (n: number) => n.toLocaleString('vi-VN');

export const NATIONAL_CLI_TEXT = {
  superseded: (file: string, province: string, by: string): Message => ({
    vi: `TRÙNG  ${file}  —  ${province}: đã thay bằng tệp mới hơn ${by}`,
    en: `SUPERSEDED  ${file}  —  ${province}: replaced by the newer ${by}`,
  }),
  counts: (used: number, files: number, rejected: number, superseded: number, contained: number): Message => ({
    vi: `Tổng hợp toàn quốc: dùng ${used}/${files} tệp; loại ${rejected}, trùng ${superseded}, đã có trong bảng tỉnh ${contained}.`,
    en: `National merge: used ${used}/${files} files; ${rejected} rejected, ${superseded} superseded, ${contained} already in a summary.`,
  }),
  totals: (t: Totals): Message => ({
    vi: `Tổng: ${fmt(t.participants)} người tham gia; kinh phí ${fmt(t.totalFunding)} đồng (ngân sách ${fmt(t.budget)}, vận động ${fmt(t.otherFunding)}).`,
    en: `Totals: ${fmt(t.participants)} participants; funding ${fmt(t.totalFunding)} đồng (budget ${fmt(t.budget)}, mobilised ${fmt(t.otherFunding)}).`,
  }),
  written: (out: string): Message => ({ vi: `Đã ghi bảng tổng hợp toàn quốc: ${out}`, en: `National summary written: ${out}` }),
} satisfies Catalogue;

/** Why a national merge cannot run with these inputs (a usage error), or undefined. */
export function nationalUsageProblem(inputs: readonly InputFile[], mixed: boolean, roster: boolean): Message | undefined {
  const summaries = inputs.filter((i) => i.kind === 'summary').map((i) => i.path);
  // Unreadable files are not a kind: they are reported as rejected.
  const returns = inputs.filter((i) => i.kind === 'return' && i.result.status !== 'error').map((i) => i.path);
  const mix = mixedInputsProblem(summaries, returns, mixed);
  if (mix) return mix;
  if (roster && summaries.length) return NATIONAL_TEXT.rosterWithSummaries;
  return undefined;
}

export interface NationalOutputs {
  merged: NationalMerged;
  workbook: Uint8Array;
  json: string;
}

export async function buildNationalOutputs(inputs: readonly InputFile[], o: { year?: number; body?: string }, lang: Lang): Promise<NationalOutputs> {
  const summaries = inputs.flatMap((i) => (i.kind === 'summary' ? [i.summary] : []));
  const returns = inputs.flatMap((i) => (i.kind === 'return' ? [{ result: i.result, province: i.province }] : []));
  const merged = mergeNational(summaries, returns, { directory: nationalProvinces(), year: o.year });
  const { writeWorkbook } = await import('../workbook/write-xlsx');
  const workbook = await writeWorkbook(buildNationalPlan(merged, { year: o.year ?? merged.year, body: o.body, lang }));
  return { merged, workbook, json: JSON.stringify(toNationalJson(merged, lang), null, 2) + '\n' };
}

/** What the CLI prints after a national merge. */
export function printNational(n: NationalMerged, files: number, lang: Lang, print: (reports: FileReport[]) => void): void {
  print([
    ...n.rejected.map((r) => ({ file: basename(r.file), unit: r.province ?? r.unit, problems: r.problems })),
    ...n.provinces.filter((p) => p.warnings.length).map((p) => ({ file: [...p.summaries.map((s) => s.file), ...p.returnFiles].map((f) => basename(f)).join(', '), unit: p.province.short, problems: p.warnings })),
  ]);
  for (const s of n.superseded) console.log(NATIONAL_CLI_TEXT.superseded(basename(s.file), s.province, basename(s.by))[lang]);
  const used = n.provinces.reduce((k, p) => k + p.summaries.length + p.returnFiles.length, 0);
  console.log(NATIONAL_CLI_TEXT.counts(used, files, n.rejected.length, n.superseded.length, n.contained.length)[lang]);
  for (const line of nationalCoverageLines(n, lang)) console.log(line);
  console.log(NATIONAL_CLI_TEXT.totals(n.totals)[lang]);
}
