// `merge` one level up: provincial summaries in, the national workbook out (and, with --mixed,
// units' returns counted under their own province).
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { extractReturn } from '../core/extract';
import { NationalMerged, mergeNational, mixedInputsProblem, toNationalJson } from '../core/national';
import { buildNationalPlan, nationalCoverageLines } from '../core/national-plan';
import { Message } from '../core/plan';
import { NATIONAL_PROVINCES, ProvinceDirectory, ProvinceMatch } from '../core/provinces';
import { FileRejected, Problem, ReturnResult } from '../core/returns';
import { ProvinceReturn, isSummaryWorkbook, provinceOfForm, readSummary } from '../core/summary-read';
import { MAX_FILE_BYTES, tooLargeMessage } from '../workbook/file-limits';
import { readWorkbookBytes } from '../workbook/read-workbook';
import { writeWorkbook } from '../workbook/write-xlsx';

type Lang = 'vi' | 'en';

export type InputFile = { kind: 'summary'; path: string; summary: ProvinceReturn } | { kind: 'return'; path: string; result: ReturnResult; province?: ProvinceMatch };

/** Reads one input and tells a provincial summary from a unit's return; a file that cannot be read is a rejected return. */
export function readInputFile(path: string, campaignYear: number | undefined, directory: ProvinceDirectory = NATIONAL_PROVINCES): InputFile {
  const file = basename(path);
  const stat = statSync(path);
  try {
    if (stat.size > MAX_FILE_BYTES) throw new FileRejected(file, 'file.tooLarge', tooLargeMessage(stat.size));
    const raw = readWorkbookBytes(new Uint8Array(readFileSync(path)), file, stat.mtimeMs);
    if (isSummaryWorkbook(raw)) return { kind: 'summary', path, summary: readSummary(raw, { directory, campaignYear }) };
    const result = extractReturn(raw, { campaignYear });
    return { kind: 'return', path, result, province: result.status === 'error' ? undefined : provinceOfForm(raw, result.sheet, result.unit, directory) };
  } catch (e) {
    if (!(e instanceof FileRejected)) throw e;
    return { kind: 'return', path, result: { file, modified: stat.mtimeMs, rows: [], status: 'error', problems: [{ file, severity: 'error', code: e.code, message: e.text }] } };
  }
}

/** Why a national merge cannot run with these inputs (a usage error), or undefined. */
export function nationalUsageProblem(inputs: readonly InputFile[], mixed: boolean, roster: boolean): Message | undefined {
  const summaries = inputs.filter((i) => i.kind === 'summary').map((i) => i.path);
  // Unreadable files are not a kind: they are reported as rejected.
  const returns = inputs.filter((i) => i.kind === 'return' && i.result.status !== 'error').map((i) => i.path);
  const mix = mixedInputsProblem(summaries, returns, mixed);
  if (mix) return mix;
  if (roster && summaries.length) {
    return {
      vi: '--roster là danh sách đơn vị của một tỉnh, không dùng khi tổng hợp các bảng tổng hợp của tỉnh: mỗi bảng tổng hợp đã ghi số đơn vị phải báo cáo.',
      en: '--roster is one province’s list of units, not used when merging provincial summaries: each summary already gives its expected units.',
    };
  }
  return undefined;
}

export interface NationalRun {
  out: string;
  json?: string;
  year?: number;
  body?: string;
}

export interface NationalOutputs {
  merged: NationalMerged;
  workbook: Uint8Array;
  json: string;
}

export async function buildNationalOutputs(inputs: readonly InputFile[], o: NationalRun, lang: Lang): Promise<NationalOutputs> {
  const summaries = inputs.flatMap((i) => (i.kind === 'summary' ? [i.summary] : []));
  const returns = inputs.flatMap((i) => (i.kind === 'return' ? [{ result: i.result, province: i.province }] : []));
  const merged = mergeNational(summaries, returns, { directory: NATIONAL_PROVINCES, year: o.year });
  const workbook = await writeWorkbook(buildNationalPlan(merged, { year: o.year ?? merged.year, body: o.body, lang }));
  return { merged, workbook, json: JSON.stringify(toNationalJson(merged, lang), null, 2) + '\n' };
}

const T = (lang: Lang, m: Message) => m[lang];
const fmt = (n: number) => n.toLocaleString('vi-VN');

/** What the CLI prints after a national merge. */
export function printNational(n: NationalMerged, files: number, lang: Lang, print: (reports: { file: string; unit?: string; problems: Problem[] }[]) => void): void {
  print([
    ...n.rejected.map((r) => ({ file: r.file, unit: r.province ?? r.unit, problems: r.problems })),
    ...n.provinces.filter((p) => p.warnings.length).map((p) => ({ file: [...p.summaries.map((s) => s.file), ...p.returnFiles].map((f) => basename(f)).join(', '), unit: p.province.short, problems: p.warnings })),
  ]);
  for (const s of n.superseded) console.log(T(lang, { vi: `TRÙNG  ${basename(s.file)}  —  ${s.province}: đã thay bằng tệp mới hơn ${basename(s.by)}`, en: `SUPERSEDED  ${basename(s.file)}  —  ${s.province}: replaced by the newer ${basename(s.by)}` }));
  const used = n.provinces.reduce((k, p) => k + p.summaries.length + p.returnFiles.length, 0);
  console.log(T(lang, { vi: `Tổng hợp toàn quốc: dùng ${used}/${files} tệp; loại ${n.rejected.length}, trùng ${n.superseded.length}, đã có trong bảng tỉnh ${n.contained.length}.`, en: `National merge: used ${used}/${files} files; ${n.rejected.length} rejected, ${n.superseded.length} superseded, ${n.contained.length} already in a summary.` }));
  for (const line of nationalCoverageLines(n, lang)) console.log(line);
  const t = n.totals;
  console.log(T(lang, {
    vi: `Tổng: ${fmt(t.participants)} người tham gia; kinh phí ${fmt(t.totalFunding)} đồng (ngân sách ${fmt(t.budget)}, vận động ${fmt(t.otherFunding)}).`,
    en: `Totals: ${fmt(t.participants)} participants; funding ${fmt(t.totalFunding)} đồng (budget ${fmt(t.budget)}, mobilised ${fmt(t.otherFunding)}).`,
  }));
}
