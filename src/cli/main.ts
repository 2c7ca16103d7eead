// ctxh-report command line: the same core as the add-in, on files.
import { existsSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_FORM_PARAMS, buildFormPlan, parseFormParams } from '../core/form';
import { extractReturn } from '../core/extract';
import { mergeReturns, toSummaryJson } from '../core/merge';
import { buildSummaryPlan } from '../core/summary-plan';
import { buildRoster } from '../core/units';
import { FileRejected, Problem, ReturnResult, RosterEntry } from '../core/returns';
import { MAX_FILE_BYTES, tooLargeMessage } from '../workbook/file-limits';
import { readWorkbookBytes } from '../workbook/read-workbook';
import { readRosterBytes } from '../workbook/read-roster';
import { writeWorkbook } from '../workbook/write-xlsx';
import { buildNationalOutputs, nationalUsageProblem, printNational, readInputFile } from './national';

type Lang = 'vi' | 'en';

/** Exit codes: 0 all good, 1 some files have errors / were rejected, 2 usage error or nothing usable. */
class UsageError extends Error {}
/** An output file could not be written: exit 2, nothing half-done reported as success. */
class OutputError extends Error {}

const ROOT = resolve(__dirname, '..', '..');
const SPREADSHEET_EXT = new Set(['.xlsx', '.xls', '.ods']);

const HELP: Record<string, string> = {
  main: `ctxh-report — biểu mẫu và tổng hợp báo cáo Ngày Công tác xã hội Việt Nam
             (forms and consolidated reports for Vietnam Social Work Day)

Cách dùng / Usage:  ctxh-report <lệnh/command> [tùy chọn/options]
                    npm run cli -- <lệnh/command> [tùy chọn/options]

Lệnh / Commands:
  form    Tạo biểu mẫu trống (.xlsx) để gửi các đơn vị
          Write the blank reporting form (.xlsx) to send to units
  check   Kiểm tra các tệp đơn vị gửi về, không tổng hợp
          Validate returned files without merging
  merge   Tổng hợp các tệp đơn vị gửi về thành một bảng tổng hợp
          Merge returned files into one consolidated workbook
  demo    Tổng hợp các tệp mẫu kèm theo (samples/) thành tong-hop.xlsx
          Merge the bundled sample returns (samples/) into tong-hop.xlsx

Tùy chọn chung / Common options:
  --lang vi|en   Ngôn ngữ thông báo (mặc định vi) / message language (default vi)
  -h, --help     Hướng dẫn của lệnh / help for a command

Xem thêm / More:  ctxh-report <lệnh> --help`,
  form: `ctxh-report form --out <tệp.xlsx> [tùy chọn]
  Tạo biểu mẫu trống theo mẫu chuẩn. / Write the blank standard form.

  --out FILE        Tệp kết quả .xlsx (bắt buộc) / output .xlsx file (required)
  --year N          Năm báo cáo (mặc định ${DEFAULT_FORM_PARAMS.year}) / report year
  --province TEXT   Tỉnh/thành phố (mặc định "${DEFAULT_FORM_PARAMS.province}") / province or city
  --body TEXT       Cơ quan ban hành kế hoạch (mặc định "${DEFAULT_FORM_PARAMS.body}") / issuing body
  --plan TEXT       Số, ngày kế hoạch (mặc định "${DEFAULT_FORM_PARAMS.plan}") / plan reference
  --theme TEXT      Chủ đề năm (không bắt buộc) / the year's theme (optional)
  --deadline D/M/Y  Hạn gửi báo cáo (không bắt buộc) / report deadline (optional)
  --unit TEXT       Điền sẵn tên đơn vị (không bắt buộc) / pre-filled unit name (optional)
  --rows N          Số dòng trống (mặc định ${DEFAULT_FORM_PARAMS.rows}) / number of blank rows
  --force           Ghi đè nếu tệp đã có / overwrite an existing file
  Mặc định là biểu mẫu của Kế hoạch 45/KH-SLĐTBXH Hải Phòng 2023 (seed 001).
  The defaults reproduce the form of Hải Phòng plan 45/KH-SLĐTBXH, 2023.`,
  check: `ctxh-report check [--year N] [--lang vi|en] TỆP... / FILES...
  Kiểm tra từng tệp (.xlsx, .xls, .ods; có thể chỉ một thư mục) và in các lỗi, cảnh báo.
  Validate each file (or every spreadsheet in a folder) and print its problems.

  --year N   Năm của đợt báo cáo, để cảnh báo biểu ghi năm khác / campaign year
  Mã thoát / exit code: 0 không tệp nào có lỗi / no errors, 1 có tệp có lỗi / some file has errors,
                        2 dùng sai lệnh / usage error.`,
  merge: `ctxh-report merge --out <tong-hop.xlsx> [--roster FILE] [--json FILE] [--year N] TỆP... / FILES...
  Tổng hợp các tệp đơn vị gửi về (có thể chỉ một thư mục). / Merge returned files (or a folder).

  --out FILE     Bảng tổng hợp .xlsx (bắt buộc) / summary workbook (required)
  --roster FILE  Danh sách đơn vị phải báo cáo (.csv hoặc .xlsx, cột "Đơn vị", "Nhóm")
                 List of expected units (.csv or .xlsx with columns "Đơn vị", "Nhóm")
  --json FILE    Ghi thêm kết quả dạng JSON / also write the result as JSON
  --year N       Năm báo cáo (mặc định: năm ghi trên các biểu) / report year (default: from the forms)
  --province T   Tỉnh/thành phố cho tiêu đề / province for the title
  --body TEXT    Cơ quan tổng hợp, in ở góc trên bên trái / issuing body, printed top left
  --mixed        Cho phép cả bảng tổng hợp của tỉnh lẫn biểu của đơn vị / allow provincial
                 summaries and unit returns together (each return under its own province)
  --force        Ghi đè nếu tệp kết quả đã có / overwrite existing output files
  Bảng tổng hợp của các tỉnh (tong-hop.xlsx do lệnh này ghi) được tổng hợp toàn quốc: mỗi tỉnh
  một dòng theo danh sách 34 tỉnh, thành phố. / Provincial summaries written by this command
  merge into a national summary: one row per province of the 34.
  Mã thoát / exit code: 0 tổng hợp đủ mọi tệp / every file merged, 1 có tệp bị loại / some rejected
                        (vẫn ghi bảng tổng hợp / summary still written), 2 không tổng hợp được tệp nào
                        hoặc dùng sai lệnh / nothing merged or usage error.`,
  demo: `ctxh-report demo [--out tong-hop.xlsx]
  Tổng hợp các tệp mẫu trong samples/returns với danh sách samples/roster.csv.
  Merge the sample returns in samples/returns with the roster samples/roster.csv.`,
};

const T = (lang: Lang, vi: string, en: string) => (lang === 'en' ? en : vi);

function listInputs(paths: string[], lang: Lang): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    // The same file named twice (or a folder and a file in it) is read once.
    const real = realpathSync(f);
    if (!seen.has(real)) seen.add(real), files.push(f);
  };
  for (const p of paths) {
    if (!existsSync(p)) throw new UsageError(T(lang, `Không tìm thấy tệp hoặc thư mục: ${p}`, `No such file or folder: ${p}`));
    if (statSync(p).isDirectory()) {
      // "~$…" are the lock files Excel leaves beside an open workbook, not returns.
      for (const name of readdirSync(p).sort()) if (SPREADSHEET_EXT.has(extname(name).toLowerCase()) && !name.startsWith('~$')) add(join(p, name));
    } else add(p);
  }
  if (!files.length) throw new UsageError(T(lang, 'Chưa có tệp nào để xử lý.', 'No files to process.'));
  return files;
}

/** Reads and validates one returned file; a file that cannot be read becomes a rejected result. */
export function readReturnFile(path: string, campaignYear?: number): ReturnResult {
  const file = basename(path);
  const stat = statSync(path);
  try {
    // Refuse a huge file before reading it into memory.
    if (stat.size > MAX_FILE_BYTES) throw new FileRejected(file, 'file.tooLarge', tooLargeMessage(stat.size));
    const raw = readWorkbookBytes(new Uint8Array(readFileSync(path)), file, stat.mtimeMs);
    return extractReturn(raw, { campaignYear });
  } catch (e) {
    if (!(e instanceof FileRejected)) throw e;
    return { file, modified: stat.mtimeMs, rows: [], status: 'error', problems: [{ file, severity: 'error', code: e.code, message: e.text }] };
  }
}

interface FileReport {
  file: string;
  unit?: string;
  problems: Problem[];
}

function printProblems(reports: FileReport[], lang: Lang): void {
  for (const r of reports) {
    const error = r.problems.some((p) => p.severity === 'error');
    const head = error ? T(lang, 'LỖI', 'ERROR') : r.problems.length ? T(lang, 'CẢNH BÁO', 'WARNING') : 'OK';
    console.log(`${head}  ${r.file}${r.unit ? `  —  ${r.unit}` : ''}`);
    for (const p of r.problems) {
      const where = [p.sheet, p.cell].filter(Boolean).join('!');
      const sev = p.severity === 'error' ? T(lang, 'lỗi', 'error') : T(lang, 'cảnh báo', 'warning');
      console.log(`    [${sev}] ${where ? `${where}: ` : ''}${p.message[lang]}`);
    }
  }
}

/** Refuses, before any work is done, an output that would destroy an input or another output, or cannot be written. */
function guardOutputs(outs: string[], inputs: string[], force: boolean, lang: Lang): void {
  const taken = new Set(inputs.map((f) => resolve(f)));
  for (const out of outs) {
    const abs = resolve(out);
    if (taken.has(abs)) {
      throw new UsageError(T(lang, `Tệp kết quả ${out} trùng với một tệp đầu vào hoặc một tệp kết quả khác.`, `Output ${out} is an input file or another output.`));
    }
    taken.add(abs);
    const dir = dirname(abs);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new UsageError(T(lang, `Không có thư mục ${dirname(out)} để ghi ${basename(out)}. Hãy tạo thư mục trước hoặc chọn chỗ khác.`, `There is no folder ${dirname(out)} to write ${basename(out)} in. Create it first or choose another place.`));
    }
    if (existsSync(abs) && !force) {
      throw new UsageError(
        T(lang, `Tệp ${out} đã có. Thêm --force nếu muốn ghi đè, hoặc chọn tên khác.`, `${out} already exists. Add --force to overwrite it, or choose another name.`),
      );
    }
  }
}

/** Writes a result file; a failure (locked by Excel, no permission, disk full) is explained, not a crash. */
function writeOutput(path: string, data: Uint8Array | string, lang: Lang): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new OutputError(
      T(lang, `Không ghi được ${path} (${code}). Nếu tệp đang mở trong Excel, hãy đóng lại rồi chạy lại lệnh.`, `Could not write ${path} (${code}). If it is open in Excel, close it and run the command again.`),
    );
  }
}

function parseYear(v: string | undefined, lang: Lang): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 2017 || n > 2100) throw new UsageError(T(lang, `--year phải là năm từ 2017 đến 2100, không phải "${v}".`, `--year must be a year from 2017 to 2100, not "${v}".`));
  return n;
}

async function cmdForm(args: string[], lang: Lang): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' }, year: { type: 'string' }, province: { type: 'string' }, body: { type: 'string' }, plan: { type: 'string' },
      theme: { type: 'string' }, deadline: { type: 'string' }, unit: { type: 'string' }, rows: { type: 'string' }, force: { type: 'boolean' },
    },
  });
  if (!values.out) throw new UsageError(T(lang, 'Thiếu --out (tên tệp .xlsx cần ghi).', 'Missing --out (the .xlsx file to write).'));
  if (extname(values.out).toLowerCase() !== '.xlsx') throw new UsageError(T(lang, 'Biểu mẫu được ghi dạng .xlsx: --out phải kết thúc bằng .xlsx.', 'The form is written as .xlsx: --out must end in .xlsx.'));
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
  writeOutput(values.out, await writeWorkbook({ sheets: [plan], title: `Biểu tổng hợp CTXH ${parsed.params.year}` }), lang);
  console.log(T(lang, `Đã ghi biểu mẫu: ${values.out}`, `Form written: ${values.out}`));
  return 0;
}

async function cmdCheck(args: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { year: { type: 'string' } } });
  const year = parseYear(values.year, lang);
  const results = listInputs(positionals, lang).map((f) => readReturnFile(f, year));
  // What only shows across files (last year's form among this year's, duplicates) is reported as merge would.
  const merged = mergeReturns(results, { year });
  const key = (p: Problem) => `${p.code}|${p.cell ?? ''}|${p.message.vi}`;
  printProblems(
    results.map((r) => {
      const own = new Set(r.problems.map(key));
      const extra = merged.warnings.filter((w) => w.file === r.file && !own.has(key(w)));
      return { file: r.file, unit: r.unit, problems: [...r.problems, ...extra] };
    }),
    lang,
  );
  for (const x of merged.superseded) console.log(T(lang, `TRÙNG  ${x.file}  —  ${x.unit}: khi tổng hợp sẽ dùng tệp mới hơn ${x.by}`, `SUPERSEDED  ${x.file}  —  ${x.unit}: merge will use the newer ${x.by}`));
  const bad = results.filter((r) => r.status === 'error').length;
  console.log(T(lang, `${results.length} tệp: ${results.length - bad} dùng được, ${bad} có lỗi.`, `${results.length} files: ${results.length - bad} usable, ${bad} with errors.`));
  return bad ? 1 : 0;
}

function loadRoster(path: string, lang: Lang): RosterEntry[] {
  if (!existsSync(path)) throw new UsageError(T(lang, `Không tìm thấy danh sách đơn vị: ${path}`, `Roster not found: ${path}`));
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

interface MergeOptions {
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
}

async function runMerge(o: MergeOptions, lang: Lang): Promise<number> {
  const files = listInputs(o.inputs, lang);
  if (extname(o.out).toLowerCase() !== '.xlsx') throw new UsageError(T(lang, 'Bảng tổng hợp được ghi dạng .xlsx: --out phải kết thúc bằng .xlsx.', 'The summary is written as .xlsx: --out must end in .xlsx.'));
  guardOutputs([o.out, ...(o.json ? [o.json] : [])], [...files, ...(o.roster ? [o.roster] : [])], o.force, lang);
  const inputs = files.map((f) => readInputFile(f, o.year));
  // Provincial summaries among the inputs: the national merge, one level up.
  if (inputs.some((i) => i.kind === 'summary')) {
    const refused = nationalUsageProblem(inputs, !!o.mixed, !!o.roster);
    if (refused) throw new UsageError(refused[lang]);
    const national = await buildNationalOutputs(inputs, { out: o.out, json: o.json, year: o.year, body: o.body }, lang);
    writeOutput(o.out, national.workbook, lang);
    if (o.json) writeOutput(o.json, national.json, lang);
    printNational(national.merged, files.length, lang, (reports) => printProblems(reports, lang));
    console.log(T(lang, `Đã ghi bảng tổng hợp toàn quốc: ${o.out}`, `National summary written: ${o.out}`) + (o.json ? ` (+ ${o.json})` : ''));
    if (national.merged.coverage.provinces.reported === 0) return 2;
    return national.merged.rejected.length ? 1 : 0;
  }
  const roster = o.roster ? loadRoster(o.roster, lang) : undefined;
  const results = inputs.map((i) => (i.kind === 'return' ? i.result : undefined)!);
  const merged = mergeReturns(results, { roster, year: o.year });
  const summary = toSummaryJson(merged, lang);
  const plan = buildSummaryPlan(merged, { year: o.year ?? merged.year, province: o.province, body: o.body, lang });
  writeOutput(o.out, await writeWorkbook(plan), lang);
  if (o.json) writeOutput(o.json, JSON.stringify({ level: 'province', ...summary }, null, 2) + '\n', lang);

  printProblems([...merged.rejected, ...merged.accepted.filter((u) => u.warnings.length).map((u) => ({ file: u.file, unit: u.unit, problems: u.warnings }))], lang);
  for (const s of merged.superseded) console.log(T(lang, `TRÙNG  ${s.file}  —  ${s.unit}: đã thay bằng tệp mới hơn ${s.by}`, `SUPERSEDED  ${s.file}  —  ${s.unit}: replaced by the newer ${s.by}`));
  const t = summary.totals;
  const fmt = (n: number) => n.toLocaleString('vi-VN');
  console.log(
    T(
      lang,
      `Đã tổng hợp ${summary.accepted.length}/${results.length} tệp; loại ${summary.rejected.length}, trùng ${summary.superseded.length}.`,
      `Merged ${summary.accepted.length}/${results.length} files; ${summary.rejected.length} rejected, ${summary.superseded.length} superseded.`,
    ),
  );
  console.log(
    T(
      lang,
      `Tổng: ${fmt(t.participants)} người tham gia; kinh phí ${fmt(t.totalFunding)} đồng (ngân sách ${fmt(t.budget)}, vận động ${fmt(t.otherFunding)}).`,
      `Totals: ${fmt(t.participants)} participants; funding ${fmt(t.totalFunding)} đồng (budget ${fmt(t.budget)}, mobilised ${fmt(t.otherFunding)}).`,
    ),
  );
  console.log(T(lang, `Đã báo cáo: ${summary.coverage.reported}/${summary.coverage.expected} đơn vị.`, `Reported: ${summary.coverage.reported}/${summary.coverage.expected} units.`));
  if (summary.coverage.missing.length) console.log(T(lang, `Chưa báo cáo: ${summary.coverage.missing.join('; ')}`, `Not reported: ${summary.coverage.missing.join('; ')}`));
  console.log(T(lang, `Đã ghi bảng tổng hợp: ${o.out}`, `Summary written: ${o.out}`) + (o.json ? ` (+ ${o.json})` : ''));
  if (!summary.accepted.length) return 2;
  return summary.rejected.length ? 1 : 0;
}

async function cmdMerge(args: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' }, roster: { type: 'string' }, json: { type: 'string' }, year: { type: 'string' }, province: { type: 'string' },
      body: { type: 'string' }, mixed: { type: 'boolean' }, force: { type: 'boolean' },
    },
  });
  if (!values.out) throw new UsageError(T(lang, 'Thiếu --out (tên tệp tổng hợp .xlsx).', 'Missing --out (the summary .xlsx to write).'));
  return runMerge(
    {
      out: values.out, inputs: positionals, roster: values.roster, json: values.json, year: parseYear(values.year, lang), province: values.province,
      body: values.body, mixed: !!values.mixed, force: !!values.force,
    },
    lang,
  );
}

async function cmdDemo(args: string[], lang: Lang): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const out = values.out ?? 'tong-hop.xlsx';
  // The demo writes its own output again and again: overwriting it is expected.
  const code = await runMerge(
    { out, inputs: [join(ROOT, 'samples', 'returns')], roster: join(ROOT, 'samples', 'roster.csv'), json: out.replace(/\.xlsx$/i, '') + '.json', force: true },
    lang,
  );
  console.log(T(lang, `Mở ${resolve(out)} bằng Excel hoặc LibreOffice để xem bảng tổng hợp.`, `Open ${resolve(out)} in Excel or LibreOffice to see the summary.`));
  // Some sample returns are broken on purpose: rejecting them is the demo working.
  return code === 2 ? 2 : 0;
}

const COMMANDS: Record<string, (args: string[], lang: Lang) => Promise<number>> = { form: cmdForm, check: cmdCheck, merge: cmdMerge, demo: cmdDemo };

export async function main(argv: string[]): Promise<number> {
  argv = argv.flatMap((a) => (a.startsWith('--lang=') ? ['--lang', a.slice('--lang='.length)] : [a]));
  const langIdx = argv.indexOf('--lang');
  let lang: Lang = 'vi';
  if (langIdx >= 0) {
    const v = argv[langIdx + 1];
    if (v !== 'vi' && v !== 'en') {
      console.error('--lang phải là vi hoặc en / --lang must be vi or en');
      return 2;
    }
    lang = v;
    argv = [...argv.slice(0, langIdx), ...argv.slice(langIdx + 2)];
  }
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    console.log(HELP.main);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(T(lang, `Không có lệnh "${command}".`, `Unknown command "${command}".`) + '\n\n' + HELP.main);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    console.log(HELP[command]);
    return 0;
  }
  try {
    return await run(rest, lang);
  } catch (e) {
    if (e instanceof OutputError) {
      console.error(e.message);
      return 2;
    }
    if (e instanceof UsageError || (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${e.message}\n\n${HELP[command]}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`Lỗi không mong đợi / Unexpected error: ${e instanceof Error ? e.stack : String(e)}`);
      process.exitCode = 3;
    },
  );
}
