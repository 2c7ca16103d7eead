// The real task pane in a real browser: webpack builds it, Debian's Chromium
// (driven by playwright-core) opens the built page at the default pane width with
// the in-memory Excel host standing in for office.js. A person's day is replayed:
// insert the form, type a wrong value and see it flagged, merge the sample returns.
// Screenshots of each step land in test-output/pane/.
import { execFileSync } from 'child_process';
import { createServer, Server } from 'http';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { AddressInfo } from 'net';
import { basename, extname, join, resolve } from 'path';
import { Browser, Page, chromium } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { dongWithWords } from '../src/core/amount-words';
import { extractReturn } from '../src/core/extract';
import { DEFAULT_FORM_PARAMS, buildFormPlan, formLayout, parseFormParams } from '../src/core/form';
import { coverageMessage, mergeReturns } from '../src/core/merge';
import { createNationalIndex } from '../src/core/admin/national-index';
import { NATIONAL_LIST } from '../src/core/admin/national-list';
import { provinceRoster } from '../src/core/admin/province-roster';
import { COMMUNE_ERA_HEADINGS } from '../src/core/admin/roster-template';
import { readReturn } from '../src/workbook/read-return';
import { ReturnResult } from '../src/core/returns';
import { buildRoster } from '../src/core/units';
import { writeWorkbook } from '../src/workbook/write-xlsx';
import { readRosterBytes } from '../src/workbook/read-roster';
import { readWorkbookBytes } from '../src/workbook/read-workbook';
import type { ExcelHost } from './excel-host/host';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'test-output', 'pane-dist');
const SHOTS = join(ROOT, 'test-output', 'pane');
const CHROMIUM = '/usr/bin/chromium';
const WIDTH = 350;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json',
};

let server: Server;
let origin: string;
let browser: Browser;
let returnsDir: string;

/** The sample returns made with LibreOffice by scripts/make-samples.ts; generated here when missing. */
async function sampleReturns(): Promise<string> {
  const dir = join(ROOT, 'samples', 'returns');
  if (existsSync(dir) && readdirSync(dir).some((f) => /\.(xlsx|xls|ods)$/.test(f))) return dir;
  const out = join(ROOT, 'test-output', 'generated-returns');
  mkdirSync(out, { recursive: true });
  const { writeFileSync } = await import('fs');
  const units = ['Sở Y tế', 'UBND huyện Bình Gia', 'Hội Liên hiệp Phụ nữ tỉnh'];
  for (const [i, unit] of units.entries()) {
    const res = parseFormParams({ ...DEFAULT_FORM_PARAMS, year: 2025, unit, rows: 5 });
    if (!res.ok) throw new Error('params');
    const plan = buildFormPlan(res.params);
    const L = formLayout(5);
    // Typed figures, as cached values the reader can see.
    plan.cells = plan.cells.filter((c) => !(c.r === L.firstData && [2, 3, 4, 5].includes(c.c)));
    plan.cells.push(
      { r: L.firstData, c: 2, value: 100 + i },
      { r: L.firstData, c: 3, value: 3_000_000 },
      { r: L.firstData, c: 4, value: 2_000_000 },
      { r: L.firstData, c: 5, value: 1_000_000 },
    );
    writeFileSync(join(out, `${unit}.xlsx`), await writeWorkbook({ sheets: [plan], title: 'x' }));
  }
  return out;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  mkdirSync(SHOTS, { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'development', '--env', 'harness', '--env', `outDir=${DIST}`], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(DIST, `.${path}`);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  returnsDir = await sampleReturns();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

interface Watch {
  external: string[];
  problems: string[];
  requests: string[];
}

async function openPane(query = '', width = WIDTH, height = 900): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  const watch: Watch = { external: [], problems: [], requests: [] };
  // Nothing may leave the machine: record and block any request to another origin.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    watch.requests.push(url);
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    watch.external.push(url);
    return route.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) watch.problems.push(m.text());
  });
  page.on('pageerror', (e) => watch.problems.push(String(e)));
  await page.goto(`${origin}/harness.html${query}`);
  await page.locator('#app').waitFor({ state: 'visible' });
  return { page, watch };
}

/** Runs `f` against the page's Excel host (evaluated by the debugger, so the page's CSP does not apply). */
const host = <T>(page: Page, f: (h: ExcelHost, arg: any) => T, arg?: unknown): Promise<T> =>
  page.evaluate(`(${f.toString()})(window.__excelHost, ${JSON.stringify(arg ?? null)})`) as Promise<T>;

/** The whole pane from the top; with `focus`, the view a person has after scrolling to that element. */
async function shot(page: Page, name: string, focus?: string): Promise<void> {
  if (focus) {
    await page.locator(focus).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
    return;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

// .ci/run installs Debian's Chromium; on a developer machine without it the suite says so and skips.
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
if (!haveChromium) console.warn(`Skipping the browser test: ${CHROMIUM} is not installed (apt-get install chromium).`);

(haveChromium ? describe : describe.skip)('the task pane in Chromium with the in-memory Excel', () => {
  test('insert the form, check as the unit types, merge the returned files', async () => {
    const { page, watch } = await openPane();
    await shot(page, '01-form-empty');

    // 1. Form: a wrong field is explained and nothing typed is lost.
    await page.fill('#f-year', '2025');
    await page.fill('#f-province', '');
    await page.fill('#f-body', 'Sở Y tế');
    await page.fill('#f-plan', 'Kế hoạch số 12/KH-SYT ngày 05/3/2025');
    await page.fill('#f-rows', '10');
    await page.click('#btn-insert');
    await page.locator('#f-province-err').filter({ hasText: 'Chưa nhập tỉnh/thành phố' }).waitFor();
    expect(await page.getAttribute('#f-province', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#f-plan')).toBe('Kế hoạch số 12/KH-SYT ngày 05/3/2025');
    expect(await host(page, (h) => h.sheetNames())).toEqual(['Sheet1']);
    await shot(page, '02-form-invalid');

    await page.fill('#f-province', 'Lạng Sơn');
    await page.click('#btn-insert');
    await page.locator('#form-status .message.success').waitFor();
    expect(await page.textContent('#form-status')).toContain('Đã chèn biểu mẫu vào trang tính “Biểu CTXH 2025”');
    expect(await host(page, (h) => h.sheetNames())).toEqual(['Sheet1', 'Biểu CTXH 2025']);
    expect(await host(page, (h) => [h.value('Biểu CTXH 2025', 'A5'), h.value('Biểu CTXH 2025', 'A6'), h.sheet('Biểu CTXH 2025').protection.protected])).toEqual([
      'V/v tổ chức ngày Công tác xã hội Việt Nam năm 2025',
      '(Gửi kèm Kế hoạch số 12/KH-SYT ngày 05/3/2025 của Sở Y tế)',
      true,
    ]);
    // The activities block is on by default, below "Tổng".
    expect(await page.isChecked('#f-activities')).toBe(true);
    const blockRow = formLayout(10).activitiesTitle!;
    expect(await host(page, (h, a) => h.value('Biểu CTXH 2025', `A${a.r}`), { r: blockRow })).toBe('Hình thức tổ chức (đánh dấu x)');
    await shot(page, '03-form-inserted');

    // "Tải biểu mẫu": the same plan as a file; the spreadsheet writer is fetched only now.
    expect(watch.requests.some((u) => /exceljs/.test(u))).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-download')]);
    expect(download.suggestedFilename()).toBe('bieu-mau-ctxh-2025.xlsx');
    const saved = join(ROOT, 'test-output', 'pane', download.suggestedFilename());
    await download.saveAs(saved);
    expect(watch.requests.some((u) => /exceljs/.test(u))).toBe(true);
    const blank = extractReturn(readWorkbookBytes(new Uint8Array(readFileSync(saved)), 'bieu-mau.xlsx'), { campaignYear: 2025 });
    expect(blank.year).toBe(2025);
    expect(blank.problems.map((p) => p.code)).toContain('unit.missing');
    await page.locator('#form-status .message.success').filter({ hasText: 'bieu-mau-ctxh-2025.xlsx' }).waitFor();

    // 2. Check: the unit types; a wrong value is flagged, coloured, and cleared when fixed.
    const L = formLayout(10);
    const S = 'Biểu CTXH 2025';
    await page.click('#tab-check');
    await page.click('#btn-check');
    await page.locator('#check-status .message.error').waitFor();
    expect(await page.textContent('#problem-list')).toContain('Chưa ghi tên đơn vị');
    await host(page, (h, a) => h.type(a.S, 'A2', 'UBND huyện Bình Gia'), { S });
    await host(page, (h, a) => h.type(a.S, `B${a.r}`, '120'), { S, r: L.firstData });
    await host(page, (h, a) => h.type(a.S, `D${a.r}`, '5000000'), { S, r: L.firstData });
    await page.locator('#check-status .message.success').waitFor();
    expect(await page.textContent('#check-status')).toContain('Biểu đã hợp lệ — có thể gửi');
    await shot(page, '04-check-valid');

    // Excel's own rule stops "khoảng 200" when typed; a paste gets past it, the check does not.
    expect(await host(page, (h, a) => h.type(a.S, `B${a.r}`, 'khoảng 200'), { S, r: L.firstData + 1 })).toBe('invalid');
    await host(page, (h, a) => h.paste(a.S, `B${a.r}`, [['khoảng 200']]), { S, r: L.firstData + 1 });
    const bad = `B${L.firstData + 1}`;
    await page.locator(`#problem-list [data-cell="${bad}"]`).waitFor();
    expect(await page.textContent('#problem-list')).toContain('“khoảng 200” không phải là số');
    await page.waitForFunction(([s, a]) => (window as any).__excelHost.sheet(s).format(14, 2, 'fill.color') === '#FFC7CE', [S, bad]);
    expect(await host(page, (h, a) => h.sheet(a.S).protection.protected, { S })).toBe(true); // protection restored around the colouring
    await page.click(`#problem-list [data-cell="${bad}"]`);
    await page.waitForFunction(() => (window as any).__excelHost.selection() === "'Biểu CTXH 2025'!B14");
    await shot(page, '05-check-flagged');

    await host(page, (h, a) => h.type(a.S, a.bad, '200'), { S, bad });
    await page.locator('#check-status .message.success').waitFor();
    expect(await host(page, (h, a) => h.sheet(a.S).format(14, 2, 'fill.color'), { S })).toBeNull();
    expect(await host(page, (h, a) => h.value(a.S, 'A2'), { S })).toBe('UBND huyện Bình Gia'); // what the unit typed is untouched

    // Checking another sheet takes the colours off the form it leaves.
    await host(page, (h, a) => h.paste(a.S, a.bad, [['1,5']]), { S, bad });
    await page.waitForFunction((s) => (window as any).__excelHost.sheet(s).format(14, 2, 'fill.color') === '#FFC7CE', S);
    await host(page, (h) => (h.model.activeSheetId = h.sheet('Sheet1').id));
    await page.click('#btn-check');
    // A sheet without the form: the way on is another sheet or "Chèn biểu mẫu", not the merge's "send it again".
    await page.locator('#check-status').filter({ hasText: 'Trang này không có biểu mẫu CTXH' }).waitFor();
    expect(await page.textContent('#check-status')).not.toMatch(/gửi lại/);
    expect(await page.locator('#check-status button', { hasText: 'Chèn biểu mẫu' }).count()).toBe(1);
    await page.waitForFunction((s) => (window as any).__excelHost.sheet(s).format(14, 2, 'fill.color') === null, S);
    await host(page, (h, a) => h.type(a.S, a.bad, '200'), { S, bad });

    // 3. Merge: roster sheet, the returned files, the summary.
    await page.click('#tab-merge');
    expect(await page.textContent('#merge-context')).toBe('Năm 2025 · Lạng Sơn · Sở Y tế');
    await shot(page, '06a-merge-empty');
    await page.click('#btn-roster-insert');
    await page.locator('#roster-status').filter({ hasText: 'Đã chèn trang “Danh sách đơn vị”' }).waitFor();
    const rosterCsv = readFileSync(join(ROOT, 'samples', 'roster.csv'));
    const rosterRows = readRosterBytes(new Uint8Array(rosterCsv), 'roster.csv');
    await host(page, (h, a) => h.paste('Danh sách đơn vị', 'B5', a.rows), { rows: rosterRows.map((r) => [r.unit, r.group]) });
    expect(await page.isChecked('#use-roster')).toBe(true);

    const files = readdirSync(returnsDir)
      .filter((f) => /\.(xlsx|xls|ods)$/.test(f))
      .map((f) => join(returnsDir, f));
    await page.setInputFiles('#file-input', files);
    await page.waitForFunction((n) => document.querySelectorAll('#file-list li.file').length === n && !document.querySelector('#file-list [data-status="reading"]'), files.length, {
      timeout: 60_000,
    });
    await shot(page, '06-merge-files');
    // Every core reads: one Web Worker per core (up to four), each given files in turn.
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(page.workers().length).toBe(Math.max(1, Math.min(4, cores)));

    // A deadline typed wrong is explained at the field; then a real one.
    await page.fill('#m-deadline', '31/2/2025');
    await page.click('#btn-merge');
    await page.locator('#m-deadline-err').filter({ hasText: 'Hạn báo cáo phải là ngày/tháng/năm có thật' }).waitFor();
    await page.fill('#m-deadline', '1/4/2025');
    await page.click('#btn-merge');
    await page.locator('#merge-status .message:not(.info)').first().waitFor({ timeout: 60_000 });
    await page.locator('#merge-status').filter({ hasText: 'Đúng hạn:' }).waitFor();
    await shot(page, '07-merged');
    await shot(page, '07b-merged-view', '#merge-status');
    expect(await page.getAttribute('#merge-status .message', 'data-kind')).not.toBe('error');

    // The oracle: the same core pipeline the command line runs, on the same bytes and times.
    const results: ReturnResult[] = files.map((p) => {
      const name = p.slice(returnsDir.length + 1);
      try {
        return extractReturn(readWorkbookBytes(new Uint8Array(readFileSync(p)), name, Math.floor(statSync(p).mtimeMs)), { campaignYear: 2025 });
      } catch (e) {
        const err = e as { code: string; text: { vi: string; en: string } };
        return { file: name, rows: [], status: 'error', problems: [{ file: name, severity: 'error', code: err.code, message: err.text }] } as ReturnResult;
      }
    });
    const merged = mergeReturns(results, { roster: buildRoster(rosterRows).entries, year: 2025 });
    const statuses = await page.$$eval('#file-list li.file', (lis) => Object.fromEntries(lis.map((li) => [li.getAttribute('data-file'), li.getAttribute('data-status')])));
    for (const a of merged.accepted) expect([a.file, statuses[a.file]]).toEqual([a.file, a.warnings.length ? 'warning' : 'ok']);
    for (const r of merged.rejected) expect([r.file, statuses[r.file]]).toEqual([r.file, 'error']);
    for (const s of merged.superseded) expect([s.file, statuses[s.file]]).toEqual([s.file, 'superseded']);

    const sheets = await host(page, (h) => h.sheetNames());
    expect(sheets).toEqual(['Sheet1', 'Biểu CTXH 2025', 'Danh sách đơn vị', 'Tổng hợp', 'Tình hình báo cáo', 'Kết quả tổ chức', 'Kiểm tra']);
    // On time against the deadline, as the core counts it from the same files.
    const timed = mergeReturns(results, { roster: buildRoster(rosterRows).entries, year: 2025, deadline: '2025-04-01' });
    expect(await page.textContent('#merge-status')).toContain(`Đúng hạn: ${timed.coverage.onTime}/${timed.accepted.length} đơn vị`);
    // The report draft downloads as a real .docx built from this merge.
    const [report] = await Promise.all([page.waitForEvent('download'), page.click('#btn-report')]);
    expect(report.suggestedFilename()).toBe('bao-cao-ctxh-2025.docx');
    const reportPath = join(ROOT, 'test-output', 'pane', report.suggestedFilename());
    await report.saveAs(reportPath);
    const docXml = strFromU8(unzipSync(new Uint8Array(readFileSync(reportPath)))['word/document.xml']);
    expect(docXml).toContain(`Đúng hạn: ${timed.coverage.onTime}/${timed.accepted.length} đơn vị đã báo cáo`);
    expect(docXml).toContain('BẢNG TỔNG HỢP KẾT QUẢ CÁC ĐƠN VỊ TỔ CHỨC');
    // Every total in the summary is a live formula and computes to the oracle's figures.
    const grand = await host(page, (h) => {
      const s = h.sheet('Tổng hợp');
      for (let r = 1; r <= 400; r++) if (h.value('Tổng hợp', `B${r}`) === 'Tổng cộng' || h.value('Tổng hợp', `A${r}`) === 'Tổng cộng') return { r, row: h.dump('Tổng hợp', `A${r}:F${r}`)[0], values: ['C', 'D', 'E', 'F'].map((c) => h.value('Tổng hợp', `${c}${r}`)) };
      void s;
      return undefined;
    });
    expect(grand).toBeDefined();
    expect(grand!.values).toEqual([merged.totals.participants, merged.totals.totalFunding, merged.totals.budget, merged.totals.otherFunding]);
    expect(String(grand!.row[2])).toMatch(/^=/);
    // A unit name that starts with "=" is shown verbatim, never run.
    const eqUnit = merged.accepted.find((a) => a.unit.startsWith('='));
    if (eqUnit) {
      const found = await host(page, (h, a) => h.model.sheetByName('Tổng hợp')!.cells.size > 0 && [...h.model.sheetByName('Tổng hợp')!.cells.values()].some((c) => c.value === a.u && c.formula === undefined), { u: eqUnit.display });
      expect(found).toBe(true);
    }
    const chartCount = await host(page, (h) => h.sheet('Tình hình báo cáo').charts.length);
    expect(chartCount).toBe(1);

    // Late returns: merging again asks before touching the previous summary.
    await page.click('#btn-merge');
    await page.locator('#confirm').waitFor({ state: 'visible' });
    await shot(page, '08-merge-confirm', '#confirm');
    await page.click('#btn-cancel');
    await page.locator('#merge-status .message.info').filter({ hasText: 'Đã hủy' }).waitFor();
    expect(await host(page, (h) => h.sheetNames())).toEqual(sheets);
    await page.click('#btn-merge');
    await page.click('#btn-keep');
    await page.locator('#merge-status').filter({ hasText: 'Tổng hợp (2)' }).waitFor();
    await page.click('#btn-merge');
    await page.click('#btn-replace');
    await page.locator('#merge-status').filter({ hasText: '“Tổng hợp”' }).waitFor();
    expect(await host(page, (h) => h.sheetNames())).toEqual(['Sheet1', 'Biểu CTXH 2025', 'Danh sách đơn vị', 'Tổng hợp (2)', 'Tình hình báo cáo (2)', 'Kết quả tổ chức (2)', 'Kiểm tra (2)', 'Tổng hợp', 'Tình hình báo cáo', 'Kết quả tổ chức', 'Kiểm tra']);

    expect(watch.external).toEqual([]);
    expect(watch.problems).toEqual([]);
    expect(await host(page, (h) => h.discarded)).toEqual([]);

    // What was typed into the form survives closing and reopening the pane.
    await page.reload();
    await page.locator('#app').waitFor({ state: 'visible' });
    expect(await page.inputValue('#f-province')).toBe('Lạng Sơn');
    expect(await page.inputValue('#f-year')).toBe('2025');
    expect(await page.inputValue('#f-plan')).toBe('Kế hoạch số 12/KH-SYT ngày 05/3/2025');
    await page.close();
  }, 180_000);

  test('returned files with the same name are all kept, and "Tổng hợp" waits for reading', async () => {
    const { page, watch } = await openPane();
    await page.click('#tab-merge');
    // Two different units' returns, both saved under the name the pane gave the blank form.
    const readable = readdirSync(returnsDir)
      .filter((f) => /\.xlsx$/.test(f))
      .map((f) => {
        const bytes = readFileSync(join(returnsDir, f));
        try {
          const r = extractReturn(readWorkbookBytes(new Uint8Array(bytes), f, 0), { campaignYear: 2025 });
          return r.status !== 'error' && r.unit ? { unit: r.unit, bytes: [...bytes] } : undefined;
        } catch {
          return undefined;
        }
      })
      .filter((x): x is { unit: string; bytes: number[] } => !!x);
    const a = readable[0]!;
    const b = readable.find((x) => x.unit !== a.unit)!;
    expect(b).toBeDefined();
    const same = 'bieu-mau-ctxh-2025.xlsx';
    const drop = (files: { bytes: number[]; modified: number }[]) =>
      page.evaluate(
        ({ files, name }) => {
          const dt = new DataTransfer();
          for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], name, { lastModified: f.modified, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
          document.getElementById('drop-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
          const btn = document.getElementById('btn-merge') as HTMLButtonElement;
          return { disabled: btn.disabled, text: btn.textContent };
        },
        { files, name: same },
      );
    const A = { bytes: a.bytes, modified: 1_700_000_000_000 };
    const B = { bytes: b.bytes, modified: 1_700_000_100_000 };
    const settled = () => page.waitForFunction(() => !document.querySelector('#file-list [data-status="reading"]') && !(document.getElementById('btn-merge') as HTMLButtonElement).disabled, null, { timeout: 60_000 });
    const listed = () => page.$$eval('#file-list li.file', (lis) => lis.map((li) => [li.getAttribute('data-file'), li.querySelector('.file-unit')?.textContent]));

    // While a file is being read, "Tổng hợp" is off and says why: a click now would leave the file out.
    expect(await drop([A])).toEqual({ disabled: true, text: 'Đang đọc tệp…' });
    await settled();
    expect(await page.textContent('#btn-merge')).toBe('Tổng hợp');
    // A later pick with the same name but other content is kept beside the first.
    expect((await drop([B])).disabled).toBe(true);
    await settled();
    expect(await listed()).toEqual([
      [same, a.unit],
      [`${same} (2)`, b.unit],
    ]);
    // The very same file (name, time and bytes) picked again replaces itself in place.
    await drop([A]);
    await settled();
    expect(await listed()).toEqual([
      [same, a.unit],
      [`${same} (2)`, b.unit],
    ]);

    // One pick holding two same-named files: each is read from its own bytes.
    await page.click('#btn-clear-files');
    await drop([A, B]);
    await settled();
    expect(await listed()).toEqual([
      [same, a.unit],
      [`${same} (2)`, b.unit],
    ]);
    await page.click('#btn-merge');
    await page.locator('#merge-status .message:not(.info)').first().waitFor({ timeout: 60_000 });
    const texts = await host(page, (h) => [...h.sheet('Tổng hợp').cells.values()].map((c) => String(c.value ?? '')));
    expect(texts).toContain(same);
    expect(texts).toContain(`${same} (2)`);

    // office.js in Excel on the web sets inline styles (OfficeDev/office-js#1687): the CSP lets styles through, not requests.
    const inline = await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = '#drop-zone { outline-color: rgb(1, 2, 3); }';
      document.head.append(style);
      const div = document.createElement('div');
      div.setAttribute('style', 'color: rgb(4, 5, 6)');
      document.body.append(div);
      const out = [getComputedStyle(document.getElementById('drop-zone')!).outlineColor, getComputedStyle(div).color];
      div.remove();
      style.remove();
      return out;
    });
    expect(inline).toEqual(['rgb(1, 2, 3)', 'rgb(4, 5, 6)']);
    expect(watch.external).toEqual([]);
    expect(watch.problems).toEqual([]);
    await page.close();
  }, 120_000);

  test('provincial summaries merge into the national summary; a unit return beside them is refused naming both kinds', async () => {
    // Two provinces' summaries as the product writes them, and one unit's return.
    const dir = join(ROOT, 'test-output', 'national-pane');
    mkdirSync(dir, { recursive: true });
    const unitResult = (file: string, unit: string, p: number, b: number, o: number): ReturnResult => ({ file, unit, rows: [{ row: 13, participants: p, budget: b, otherFunding: o, totalFunding: b + o }], problems: [], status: 'ok', year: 2027 });
    const provinces = [
      { province: 'Lạng Sơn', file: 'tong-hop-lang-son.xlsx', units: [unitResult('a.xlsx', 'Sở Y tế', 120, 5_000_000, 1_000_000), unitResult('b.xlsx', 'UBND huyện Bình Gia', 80, 2_000_000, 3_000_000)] },
      { province: 'Cà Mau', file: 'tong-hop-ca-mau.xlsx', units: [unitResult('c.xlsx', 'Sở Y tế', 40, 7_000_000, 0)] },
    ];
    const { writeFileSync } = await import('fs');
    const { buildSummaryPlan } = await import('../src/core/summary-plan');
    for (const p of provinces) writeFileSync(join(dir, p.file), await writeWorkbook(buildSummaryPlan(mergeReturns(p.units, { year: 2027 }), { year: 2027, province: p.province })));
    const ret = readdirSync(returnsDir).find((f) => /^So Noi vu\.xlsx$|\.xlsx$/.test(f))!;
    const { page, watch } = await openPane();
    await page.click('#tab-merge');
    await page.setInputFiles('#file-input', [...provinces.map((p) => join(dir, p.file)), join(returnsDir, ret)]);
    await page.waitForFunction(() => document.querySelectorAll('#file-list li.file').length === 3 && !document.querySelector('#file-list [data-status="reading"]'), null, { timeout: 60_000 });
    const units = await page.$$eval('#file-list li.file', (lis) => Object.fromEntries(lis.map((li) => [li.getAttribute('data-file'), li.querySelector('.file-unit')?.textContent])));
    expect(units['tong-hop-lang-son.xlsx']).toBe('Tỉnh Lạng Sơn');
    expect(units['tong-hop-ca-mau.xlsx']).toBe('Tỉnh Cà Mau');

    await page.click('#btn-merge');
    await page.locator('#merge-status .message[data-kind="error"]').waitFor({ timeout: 30_000 });
    const refusal = await page.textContent('#merge-status');
    expect(refusal).toContain('tong-hop-lang-son.xlsx');
    expect(refusal).toContain(ret);
    expect(refusal).not.toContain('--mixed');
    expect(await host(page, (h) => h.sheetNames())).toEqual(['Sheet1']);

    await page.click(`#file-list li.file[data-file="${ret}"] .file-remove`);
    await page.click('#btn-merge');
    await page.locator('#merge-status .message[data-kind="success"]').waitFor({ timeout: 60_000 });
    expect(await page.textContent('#merge-status')).toContain('Có 2/34 tỉnh, thành phố báo cáo.');
    await shot(page, '09-national-merged', '#merge-status');
    expect(await host(page, (h) => h.sheetNames())).toEqual(['Sheet1', 'Toàn quốc', 'Tình hình báo cáo', 'Đơn vị các tỉnh', 'Kiểm tra']);
    // Province rows are live SUMIFs over the units sheet; the national total adds them up.
    const row = (name: string) =>
      host(page, (h, a) => {
        for (let r = 1; r <= 60; r++) if (h.value('Toàn quốc', `B${r}`) === a.name || h.value('Toàn quốc', `A${r}`) === a.name) return ['E', 'F', 'G', 'H', 'L'].map((c) => h.value('Toàn quốc', `${c}${r}`));
        return undefined;
      }, { name });
    const sum = (us: ReturnResult[]) => {
      const rs = us.flatMap((u) => u.rows);
      return [rs.reduce((s, r) => s + r.participants, 0), rs.reduce((s, r) => s + r.budget + r.otherFunding, 0), rs.reduce((s, r) => s + r.budget, 0), rs.reduce((s, r) => s + r.otherFunding, 0)];
    };
    expect((await row('Tỉnh Cà Mau'))!.slice(0, 4)).toEqual(sum(provinces[1].units));
    expect((await row('Thành phố Hà Nội'))![4]).toBe('Chưa báo cáo');
    expect((await row('Tổng cộng'))!.slice(0, 4)).toEqual(sum([...provinces[0].units, ...provinces[1].units]));
    // The Ministry's report draft from the same merge; part 1's provincial body ("Sở Y tế") is not taken for its writer.
    const [report] = await Promise.all([page.waitForEvent('download'), page.click('#btn-report')]);
    expect(report.suggestedFilename()).toBe('bao-cao-ctxh-toan-quoc-2027.docx');
    const reportPath = join(dir, report.suggestedFilename());
    await report.saveAs(reportPath);
    const docXml = strFromU8(unzipSync(new Uint8Array(readFileSync(reportPath)))['word/document.xml']);
    expect(docXml).toContain('>BỘ Y TẾ<');
    expect(docXml).toContain('Số: ……/BC-BYT');
    expect(docXml).not.toContain('SỞ Y TẾ');
    expect(docXml).toContain('Có 2/34 tỉnh, thành phố đã gửi báo cáo kết quả tổ chức các hoạt động kỷ niệm Ngày Công tác xã hội Việt Nam (Lạng Sơn, Cà Mau).');
    expect(docXml).toContain(`Tổng kinh phí thực hiện: ${dongWithWords(sum([...provinces[0].units, ...provinces[1].units])[1])}`);
    expect(watch.external).toEqual([]);
    expect(watch.problems).toEqual([]);
    await page.close();
  }, 180_000);

  test('live check while the unit is still in a cell (Excel without delayForCellEdit): it waits and tries again, no error', async () => {
    const { page, watch } = await openPane('?api=1.10');
    await page.fill('#f-year', '2025');
    await page.fill('#f-province', 'Lạng Sơn');
    await page.fill('#f-body', 'Sở Y tế');
    await page.fill('#f-plan', 'Kế hoạch số 12/KH-SYT ngày 05/3/2025');
    await page.fill('#f-rows', '10');
    await page.click('#btn-insert');
    await page.locator('#form-status .message').first().waitFor();
    const L = formLayout(10);
    const S = 'Biểu CTXH 2025';
    await page.click('#tab-check');
    await page.click('#btn-check');
    await page.locator('#check-status .message.error').waitFor();
    await host(page, (h, a) => h.type(a.S, `B${a.r}`, '120'), { S, r: L.firstData });
    await host(page, (h, a) => h.type(a.S, `D${a.r}`, '5000000'), { S, r: L.firstData });
    await page.waitForTimeout(800);
    const before = await page.textContent('#check-status');
    // The unit types the unit name and is still in the cell: Excel refuses requests for now.
    await host(page, (h, a) => {
      h.type(a.S, 'A2', 'UBND huyện Bình Gia');
      h.startEditing();
    }, { S });
    await page.waitForTimeout(1500);
    expect(await page.textContent('#check-status')).toBe(before); // not replaced by an error
    await host(page, (h) => h.stopEditing());
    await page.locator('#check-status .message.success').waitFor({ timeout: 10_000 });
    expect(await page.textContent('#check-status')).toContain('Biểu đã hợp lệ — có thể gửi');
    expect(watch.problems).toEqual([]);
    await page.close();
  }, 60_000);

  test('2027: the province’s list from the national list, a list file from disk, returns counted by commune', async () => {
    const set2027 = join(ROOT, 'samples', '2027');
    const files = readdirSync(join(set2027, 'returns')).map((f) => join(set2027, 'returns', f));
    const index = createNationalIndex(NATIONAL_LIST);
    const langSon = index.province('20')!;
    const roster = provinceRoster(index, langSon, 2027, COMMUNE_ERA_HEADINGS);
    // The oracle: the core pipeline on the same bytes, as the command line runs it.
    const results = files.map((p) => readReturn(new Uint8Array(readFileSync(p)), basename(p), { modified: Math.floor(statSync(p).mtimeMs), campaignYear: 2027 }));
    const oracle = mergeReturns(results, { roster: roster.rows.map((r) => ({ unit: r.unit, group: r.group })), year: 2027, national: index, province: langSon });
    const coverage = coverageMessage(oracle).vi;
    expect(coverage).toMatch(/\/65 xã, phường, đặc khu/);

    const { page, watch } = await openPane();
    await page.fill('#f-year', '2027');
    await page.fill('#f-province', 'Lạng Sơn');
    await page.click('#tab-merge');
    // The 34 provinces appear once the list's chunk has loaded; the form's province is chosen.
    await page.waitForFunction(() => document.querySelectorAll('#roster-province option').length === 35);
    expect(await page.inputValue('#roster-province')).toBe('20');
    expect(watch.requests.some((u) => /national-list/.test(u))).toBe(true);
    await page.click('#btn-roster-province');
    await page.locator('#roster-status').filter({ hasText: '65 xã, phường, đặc khu của Tỉnh Lạng Sơn' }).waitFor();
    await shot(page, '20-roster-province', '#roster-status');
    const sheetRows = await host(page, (h) => h.dump('Danh sách đơn vị', 'B5:D100').filter((r: unknown[]) => r[0]));
    expect(sheetRows.map((r: unknown[]) => r[0])).toEqual(roster.rows.map((r) => r.unit));
    expect(sheetRows.filter((r: unknown[]) => String(r[1]).startsWith('II.'))).toHaveLength(65);
    expect(await page.isChecked('#use-roster')).toBe(true);

    // "Tạo biểu cho từng đơn vị": one pre-filled form per unit of that sheet, in one .zip.
    await page.click('#tab-form');
    await page.fill('#f-body', 'Sở Y tế');
    await page.fill('#f-plan', 'Kế hoạch số 15/KH-SYT ngày 02/3/2027');
    const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.click('#btn-forms-zip')]);
    expect(zipDownload.suggestedFilename()).toBe('bieu-mau-CTXH-2027-tung-don-vi.zip');
    const zipPath = join(ROOT, 'test-output', 'pane', zipDownload.suggestedFilename());
    await zipDownload.saveAs(zipPath);
    const zipped = unzipSync(new Uint8Array(readFileSync(zipPath)));
    expect(Object.keys(zipped)).toHaveLength(roster.rows.length);
    const one = extractReturn(readWorkbookBytes(zipped['bieu-mau-CTXH-2027-UBND-xa-Doan-Ket.xlsx'], 'x.xlsx'), { campaignYear: 2027 });
    expect([one.unit, one.year]).toEqual(['UBND xã Đoàn Kết', 2027]);
    await page.locator('#form-status .message.success').filter({ hasText: `${roster.rows.length} biểu` }).waitFor();
    await shot(page, '20b-forms-zip', '#form-status');
    await page.click('#tab-merge');

    await page.setInputFiles('#file-input', files);
    await page.waitForFunction((n) => document.querySelectorAll('#file-list li.file').length === n && !document.querySelector('#file-list [data-status="reading"]'), files.length, { timeout: 60_000 });
    await page.click('#btn-merge');
    await page.locator('#merge-status .message:not(.info)').first().waitFor({ timeout: 60_000 });
    expect(await page.textContent('#merge-status')).toContain(coverage);
    await shot(page, '21-merged-2027', '#merge-status');
    const groupRow = await host(page, (h) => {
      for (let r = 1; r <= 200; r++) if (h.value('Tổng hợp', `B${r}`) === 'UBND các xã, phường, đặc khu') return h.dump('Tổng hợp', `A${r}:H${r}`)[0];
      return undefined;
    });
    expect(groupRow?.[7]).toBe(`Đã báo cáo ${oracle.groups.find((g) => g.id === 'II')!.reported}/65`);
    expect(watch.external).toEqual([]);
    expect(watch.problems).toEqual([]);
    await page.close();

    // A list file from disk, and one dropped among the returns: used as the roster, not read as a broken return.
    const second = await openPane();
    await second.page.fill('#f-year', '2027');
    await second.page.click('#tab-merge');
    await second.page.setInputFiles('#roster-file-input', join(set2027, 'danh-sach-don-vi.csv'));
    await second.page.locator('#roster-status').filter({ hasText: `Dùng danh sách trong tệp “danh-sach-don-vi.csv”: ${roster.rows.length} đơn vị.` }).waitFor();
    await second.page.click('#btn-roster-file-clear');
    const asXlsx = join(ROOT, 'test-output', 'pane', 'danh-sach-don-vi.xlsx');
    writeFileSync(asXlsx, await writeWorkbook({ sheets: [roster.plan], title: 'Danh sách' }));
    await second.page.setInputFiles('#file-input', [...files, asXlsx]);
    await second.page.waitForFunction((n) => document.querySelectorAll('#file-list li.file').length === n && !document.querySelector('#file-list [data-status="reading"]'), files.length, { timeout: 60_000 });
    await second.page.locator('#roster-status').filter({ hasText: 'là danh sách đơn vị, không phải biểu báo cáo' }).waitFor();
    await second.page.click('#btn-merge');
    await second.page.locator('#merge-status .message:not(.info)').first().waitFor({ timeout: 60_000 });
    expect(await second.page.textContent('#merge-status')).toContain(coverage);
    expect(second.watch.problems).toEqual([]);
    await second.page.close();
  }, 180_000);

  test('English Office, older Excel: the pane says what it left out', async () => {
    const { page, watch } = await openPane('?lang=en-US&api=1.7');
    expect(await page.textContent('#tab-form')).toBe('Form');
    await page.fill('#f-year', '2024');
    await page.fill('#f-province', 'Thái Bình');
    await page.fill('#f-plan', 'Công văn số 300/LĐTBXH-BTXH ngày 15/3/2024');
    await page.click('#btn-insert');
    await page.locator('#form-status .message.warning').waitFor();
    const text = await page.textContent('#form-status');
    expect(text).toContain('The form was inserted into sheet “Biểu CTXH 2024”');
    expect(text).toContain('input rules that check numbers as typed — needs Excel 2021 or later');
    expect(text).toContain('A4 print setup');
    expect(await page.isVisible('#btn-open-workbook')).toBe(false);
    await shot(page, '09-english-old-excel');
    // Keyboard: arrow keys move along the tabs, as in Office.
    await page.focus('#tab-form');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#tab-check', 'aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-check');
    expect(await page.isVisible('#panel-check')).toBe(true);
    expect(await page.isVisible('#live-check')).toBe(true);
    await page.keyboard.press('End');
    expect(await page.getAttribute('#tab-merge', 'aria-selected')).toBe('true');
    expect(watch.external).toEqual([]);
    expect(watch.problems).toEqual([]);
    await page.close();
  }, 60_000);

  test('Excel 2016 as sold (ExcelApi 1.1): insert, check with the button, colour, merge; what it lacks is named', async () => {
    const { page, watch } = await openPane('?api=1.1');
    await page.fill('#f-year', '2025');
    await page.fill('#f-province', 'Lạng Sơn');
    await page.fill('#f-body', 'Sở Y tế');
    await page.fill('#f-plan', 'Kế hoạch số 12/KH-SYT ngày 05/3/2025');
    await page.fill('#f-rows', '5');
    await page.click('#btn-insert');
    await page.locator('#form-status .message.warning').waitFor();
    const inserted = await page.textContent('#form-status');
    expect(inserted).toContain('Biểu CTXH 2025');
    expect(inserted).toContain('gộp ô, độ rộng cột — cần Excel 2019 trở lên');
    expect(inserted).toContain('quy tắc kiểm tra khi nhập số — cần Excel 2021 trở lên');
    expect(await page.isVisible('#btn-open-workbook')).toBe(false);
    const S = 'Biểu CTXH 2025';
    const L = formLayout(5);
    await host(page, (h, a) => h.type(a.S, 'A2', 'UBND huyện Bình Gia'), { S });
    await host(page, (h, a) => h.type(a.S, `B${a.r}`, 'khoảng 200'), { S, r: L.firstData });
    await page.click('#tab-check');
    await page.click('#btn-check');
    const bad = `B${L.firstData}`;
    await page.locator(`#problem-list [data-cell="${bad}"]`).waitFor();
    await page.waitForFunction(([s, r]) => (window as any).__excelHost.sheet(s).format(r, 2, 'fill.color') === '#FFC7CE', [S, L.firstData] as const);
    await shot(page, '10-excel-2016-check');
    await page.click('#tab-merge');
    const files = readdirSync(returnsDir)
      .filter((f) => /\.xlsx$/.test(f))
      .slice(0, 4)
      .map((f) => join(returnsDir, f));
    await page.setInputFiles('#file-input', files);
    await page.waitForFunction((n) => document.querySelectorAll('#file-list li.file').length === n && !document.querySelector('#file-list [data-status="reading"]'), files.length, { timeout: 60_000 });
    await page.click('#btn-merge');
    await page.locator('#merge-status .message:not(.info)').first().waitFor({ timeout: 60_000 });
    expect(await host(page, (h) => h.sheetNames())).toEqual(expect.arrayContaining(['Tổng hợp', 'Kiểm tra']));
    expect(await host(page, (h) => h.discarded)).toEqual([]);
    expect(watch.external).toEqual([]);
    expect(watch.problems).toEqual([]);
    await page.close();
  }, 120_000);

  test('Excel for Mac: no download is reported that did not happen', async () => {
    // Current Mac Excel (ExcelApi 1.8+): the form opens as a new workbook instead, and the pane says so.
    const mac = await openPane('?platform=Mac');
    await mac.page.fill('#f-year', '2025');
    await mac.page.fill('#f-province', 'Lạng Sơn');
    await mac.page.fill('#f-plan', 'Kế hoạch số 12/KH-SYT ngày 05/3/2025');
    let downloads = 0;
    mac.page.on('download', () => downloads++);
    await mac.page.click('#btn-download');
    await mac.page.locator('#form-status .message.success').waitFor();
    expect(await mac.page.textContent('#form-status')).toContain('Excel trên máy Mac không tải được tệp từ ngăn tác vụ, nên biểu mẫu đã được mở thành một sổ làm việc mới');
    expect(await mac.page.textContent('#form-status')).not.toContain('Đã tạo tệp');
    expect(await host(mac.page, (h) => h.model.createdWorkbooks.length)).toBe(1);
    expect(downloads).toBe(0);
    await mac.page.close();
    // An older Mac Excel without Excel.createWorkbook: the pane says how to get the file.
    const old = await openPane('?platform=Mac&api=1.7');
    await old.page.fill('#f-year', '2025');
    await old.page.fill('#f-province', 'Lạng Sơn');
    await old.page.fill('#f-plan', 'Kế hoạch số 12/KH-SYT ngày 05/3/2025');
    await old.page.click('#btn-download');
    await old.page.locator('#form-status .message.warning').waitFor();
    expect(await old.page.textContent('#form-status')).toContain('Di chuyển hoặc Sao chép');
    expect(await host(old.page, (h) => h.model.createdWorkbooks.length)).toBe(0);
    expect(old.watch.problems).toEqual([]);
    await old.page.close();
  }, 60_000);
});

// ---- Issue 12: a clerk with 20–100 returns, in any Office language, from the keyboard.

/** What the command line would make of these files: the oracle for counts and statuses. */
function readLikeCli(paths: string[], dir: string): ReturnResult[] {
  return paths.map((p) => {
    const name = p.slice(dir.length + 1);
    try {
      return extractReturn(readWorkbookBytes(new Uint8Array(readFileSync(p)), name, Math.floor(statSync(p).mtimeMs)), { campaignYear: 2025 });
    } catch (e) {
      const err = e as { code: string; text: { vi: string; en: string } };
      return { file: name, rows: [], status: 'error', problems: [{ file: name, severity: 'error', code: err.code, message: err.text }] } as ReturnResult;
    }
  });
}

const spreadsheetsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /\.(xlsx|xls|ods)$/.test(f))
    .sort()
    .map((f) => join(dir, f));

async function fillCampaign(page: Page): Promise<void> {
  await page.fill('#f-year', '2025');
  await page.fill('#f-province', 'Lạng Sơn');
  await page.fill('#f-body', 'Sở Y tế');
  await page.fill('#f-plan', 'Kế hoạch số 12/KH-SYT ngày 05/3/2025');
  await page.fill('#f-rows', '10');
}

/** Every picked file read and "Tổng hợp" usable again. */
const allRead = (page: Page, n: number) =>
  page.waitForFunction(
    (n) =>
      !document.querySelector('#file-list [data-status="reading"]') &&
      !(document.getElementById('btn-merge') as HTMLButtonElement).disabled &&
      new RegExp(`^${n} (tệp|files?) ·`).test(document.getElementById('progress-text')!.textContent ?? ''),
    n,
    { timeout: 120_000 },
  );

/** n small returns of distinct units (every tenth with an unreadable figure, the last five resending units 0–4 later). */
async function manyReturns(n: number): Promise<string> {
  const dir = join(ROOT, 'test-output', `returns-${n}`);
  if (existsSync(dir) && spreadsheetsIn(dir).length === n) return dir;
  mkdirSync(dir, { recursive: true });
  const { writeFileSync, utimesSync } = await import('fs');
  const L = formLayout(3);
  for (let i = 0; i < n; i++) {
    const resend = i >= n - 5;
    const unitNo = resend ? i - (n - 5) : i;
    const res = parseFormParams({ ...DEFAULT_FORM_PARAMS, year: 2025, unit: `UBND xã Thử Nghiệm ${unitNo + 1}`, rows: 3 });
    if (!res.ok) throw new Error('params');
    const plan = buildFormPlan(res.params);
    plan.cells = plan.cells.filter((c) => !(c.r === L.firstData && [2, 3, 4, 5].includes(c.c)));
    plan.cells.push(
      { r: L.firstData, c: 2, value: i % 10 === 3 ? 'khoảng 20' : 10 + i },
      { r: L.firstData, c: 3, value: 3_000_000 + i },
      { r: L.firstData, c: 4, value: 2_000_000 + i },
      { r: L.firstData, c: 5, value: 1_000_000 },
    );
    const file = join(dir, `${String(i + 1).padStart(3, '0')}-${resend ? 'gui-lai' : 'bao-cao'}.xlsx`);
    writeFileSync(file, await writeWorkbook({ sheets: [plan], title: 'x' }));
    const when = new Date(Date.UTC(2025, 3, 1) + i * 60_000);
    utimesSync(file, when, when);
  }
  return dir;
}

/** DOM changes in the pane and Chromium's own counters while `work` runs. */
async function measured(page: Page, work: () => Promise<void>): Promise<{ mutations: number; script: number; layout: number; style: number; layouts: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
  await page.evaluate(() => {
    const w = window as unknown as { __mutations: number };
    w.__mutations = 0;
    new MutationObserver((records) => {
      for (const r of records) w.__mutations += r.type === 'childList' ? r.addedNodes.length + r.removedNodes.length : 1;
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const a = await metrics();
  await work();
  const b = await metrics();
  const mutations = await page.evaluate(() => (window as unknown as { __mutations: number }).__mutations);
  return {
    mutations,
    script: b.ScriptDuration - a.ScriptDuration,
    layout: b.LayoutDuration - a.LayoutDuration,
    style: b.RecalcStyleDuration - a.RecalcStyleDuration,
    layouts: b.LayoutCount - a.LayoutCount,
  };
}

(haveChromium ? describe : describe.skip)('the task pane at 20–100 returns, any Office language, the keyboard (issue 12)', () => {
  test('English Office, no roster: honest coverage, Vietnamese sheets unless chosen; screenshots at 300, 350 and 500 px in both languages', async () => {
    const files = spreadsheetsIn(returnsDir);
    const merged = mergeReturns(readLikeCli(files, returnsDir), { year: 2025 });
    const [units, rejected, dup] = [merged.accepted.length, merged.rejected.length, merged.superseded.length];
    expect(rejected).toBeGreaterThan(0);
    expect(dup).toBeGreaterThan(0);
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const expected = {
      vi: `${units} đơn vị có số liệu hợp lệ từ ${files.length} tệp; ${rejected} tệp bị loại, ${dup} tệp trùng.`,
      en: `${plural(units, 'unit', 'units')} with valid figures from ${files.length} files; ${plural(rejected, 'file rejected', 'files rejected')}, ${plural(dup, 'duplicate', 'duplicates')}.`,
    };
    for (const lang of ['vi', 'en'] as const) {
      for (const width of [300, 350, 500]) {
        const { page, watch } = await openPane(lang === 'en' ? '?lang=en-US' : '', width, 760);
        await fillCampaign(page);
        await page.click('#btn-insert');
        await page.locator('#form-status .message').first().waitFor();
        await shot(page, `12-form-${lang}-${width}`);
        await page.click('#tab-merge');
        await page.setInputFiles('#file-input', files);
        await allRead(page, files.length);
        await page.click('#btn-merge');
        await page.locator('#merge-status .message:not(.info)').first().waitFor({ timeout: 60_000 });
        const status = (await page.textContent('#merge-status'))!;
        // Never "12/12" without a roster: what was received, that the list is missing, how to add it.
        expect(status).toContain(expected[lang]);
        expect(status).not.toMatch(/\d+\/\d+/);
        expect(status).toContain(lang === 'vi' ? 'Chèn trang danh sách ở trên' : 'Insert the list sheet above');
        // One bar: the outcome and the rejected files together, so the footer leaves the list in view.
        expect(await page.locator('#merge-status .message').count()).toBe(1);
        expect(status).toContain(lang === 'vi' ? `${rejected} tệp có lỗi chưa được tổng hợp` : 'not merged');
        // The workbook is Vietnamese whatever Office's language.
        expect(await host(page, (h) => h.sheetNames())).toEqual(['Sheet1', 'Biểu CTXH 2025', 'Tổng hợp', 'Tình hình báo cáo', 'Kết quả tổ chức', 'Kiểm tra']);
        expect(await host(page, (h) => h.value('Tổng hợp', 'A3'))).toBe('BẢNG TỔNG HỢP KẾT QUẢ CÁC ĐƠN VỊ TỔ CHỨC');
        expect(await host(page, (h) => h.value('Kiểm tra', 'A4'))).toBe('Tệp');
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 3));
        await page.screenshot({ path: join(SHOTS, `12-merge-${lang}-${width}.png`) });
        if (lang === 'en' && width === 350) {
          // English sheets only when chosen, next to the button; the choice is remembered.
          expect(await page.inputValue('#sheet-lang')).toBe('vi');
          await page.selectOption('#sheet-lang', 'en');
          await page.click('#btn-merge');
          await page.locator('#merge-status').filter({ hasText: '“Summary”' }).waitFor({ timeout: 60_000 });
          expect(await host(page, (h) => h.sheetNames())).toEqual(['Sheet1', 'Biểu CTXH 2025', 'Tổng hợp', 'Tình hình báo cáo', 'Kết quả tổ chức', 'Kiểm tra', 'Summary', 'Coverage', 'Activities', 'Checks']);
          expect(await host(page, (h) => h.value('Summary', 'A3'))).toBe('SUMMARY OF RESULTS REPORTED BY UNITS');
          await page.reload();
          await page.locator('#app').waitFor({ state: 'visible' });
          expect(await page.inputValue('#sheet-lang')).toBe('en');
        }
        expect(watch.external).toEqual([]);
        expect(watch.problems).toEqual([]);
        await page.close();
      }
    }
  }, 300_000);

  test('a hundred returns: the footer with "Tổng hợp" stays in view, errors first, the list filters, and the pane\'s work grows linearly', async () => {
    const dir = await manyReturns(100);
    const all = spreadsheetsIn(dir);
    const run = async (paths: string[]) => {
      const { page, watch } = await openPane('', WIDTH, 700);
      await page.click('#tab-merge');
      const m = await measured(page, async () => {
        await page.setInputFiles('#file-input', paths);
        // While a file is being read only its name is known: shown once, not twice.
        const reading = page.locator('#file-list li.file[data-status="reading"]').last();
        await reading.waitFor();
        expect(await reading.evaluate((li) => [li.querySelectorAll('.file-name').length, li.querySelector('.file-unit')?.textContent === li.getAttribute('data-file')])).toEqual([0, true]);
        await allRead(page, paths.length);
      });
      return { page, watch, m };
    };
    const small = await run(all.slice(0, 25));
    await small.page.close();
    const { page, watch, m } = await run(all);
    const perFile = { 25: small.m.mutations / 25, 100: m.mutations / 100 };
    console.log(
      `pane work for 25 → 100 files: DOM changes ${small.m.mutations} → ${m.mutations} (${perFile[25].toFixed(1)} → ${perFile[100].toFixed(1)} per file); ` +
        `script ${small.m.script.toFixed(3)} → ${m.script.toFixed(3)} s (×${(m.script / small.m.script).toFixed(1)}), ` +
        `layout ${small.m.layout.toFixed(3)} → ${m.layout.toFixed(3)} s (×${(m.layout / small.m.layout).toFixed(1)}, ${small.m.layouts} → ${m.layouts} layouts), ` +
        `style ${small.m.style.toFixed(3)} → ${m.style.toFixed(3)} s`,
    );
    // DOM changes are counted, not timed: per file they must not grow with the size of the set.
    expect(perFile[100]).toBeLessThanOrEqual(perFile[25] * 1.25 + 2);

    const merged = mergeReturns(readLikeCli(all, dir), { year: undefined });
    const count = (s: string) => page.locator(`#file-list li.file[data-status="${s}"]`).count();
    expect(await count('error')).toBe(merged.rejected.length);
    expect(await count('superseded')).toBe(merged.superseded.length);
    // Nine errors stay rejected; the tenth unit resent its form correctly, so its bad file is one of the five superseded.
    expect([merged.rejected.length, merged.superseded.length]).toEqual([9, 5]);
    const [rej, dup] = [merged.rejected.length, merged.superseded.length];
    // Errors first.
    const order = await page.$$eval('#file-list li.file', (lis) => lis.map((li) => li.getAttribute('data-status')));
    expect(order.slice(0, rej)).toEqual(Array(rej).fill('error'));
    expect(order[rej]).not.toBe('error');
    // A rejected file shows its reason, not partial sums.
    const bad = page.locator('#file-list li.file[data-status="error"]').first();
    expect(await bad.locator('.file-figures').count()).toBe(0);
    expect(await bad.locator('.file-reason').textContent()).toContain('khoảng 20');
    const warned = await count('warning');
    expect(await page.textContent('#progress-text')).toBe(`100 tệp · ${100 - rej - dup - warned} hợp lệ · ${warned ? `${warned} cảnh báo · ` : ''}${rej} lỗi · ${dup} trùng`);

    // Scrolled anywhere, the footer and its button are on screen and take the click.
    for (const y of [0.5, 1]) {
      await page.evaluate((y) => window.scrollTo(0, document.body.scrollHeight * y), y);
      const seen = await page.evaluate(() => {
        const b = document.getElementById('btn-merge')!.getBoundingClientRect();
        const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        return { top: b.top, bottom: b.bottom, h: window.innerHeight, hit: hit?.id, scrolled: window.scrollY };
      });
      expect(seen.scrolled).toBeGreaterThan(500);
      expect(seen.bottom).toBeLessThanOrEqual(seen.h);
      expect(seen.top).toBeGreaterThan(0);
      expect(seen.hit).toBe('btn-merge');
    }
    await page.locator('#file-list li.file:nth-child(50)').scrollIntoViewIfNeeded();
    // Cards off screen are rendered when they come into view (content-visibility): two frames later.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.locator('#file-list li.file:nth-child(50) .file-unit').isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, '12-hundred-scrolled.png') });

    // Filter by status: errors only, then back to all.
    await page.click('#file-filter [data-filter="error"]');
    expect(await page.$$eval('#file-list li.file', (lis) => [...new Set(lis.map((li) => li.getAttribute('data-status')))])).toEqual(['error']);
    expect(await page.locator('#file-list li.file').count()).toBe(rej);
    expect(await page.getAttribute('#file-filter [data-filter="error"]', 'aria-pressed')).toBe('true');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '12-hundred-errors');
    await page.click('#file-filter [data-filter="all"]');
    expect(await page.locator('#file-list li.file').count()).toBe(100);

    await page.click('#btn-merge');
    await page.locator('#merge-status .message.warning').waitFor({ timeout: 60_000 });
    expect(await page.textContent('#merge-status')).toContain(`${merged.accepted.length} đơn vị có số liệu hợp lệ từ 100 tệp; ${rej} tệp bị loại, ${dup} tệp trùng.`);
    expect(watch.problems).toEqual([]);
    await page.close();
  }, 240_000);

  test('keyboard: focus rings on checkboxes, no hidden Tab stop, Enter does not insert, focus kept after a re-check and a removal', async () => {
    const { page, watch } = await openPane();
    await fillCampaign(page);
    // Enter in a text box does not insert a sheet; the button does.
    await page.focus('#f-province');
    await page.keyboard.press('Enter');
    await page.focus('#f-rows');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await host(page, (h) => h.sheetNames())).toEqual(['Sheet1']);
    expect(await page.textContent('#form-status')).toBe('');
    await page.focus('#btn-insert');
    await page.keyboard.press('Enter');
    await page.locator('#form-status .message.success').waitFor();
    expect(await host(page, (h) => h.sheetNames())).toEqual(['Sheet1', 'Biểu CTXH 2025']);
    // The next step is right there.
    expect(await page.textContent('#form-status')).toContain('Gửi biểu này cho các đơn vị:');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#form-status .next button')]);
    expect(download.suggestedFilename()).toBe('bieu-mau-ctxh-2025.xlsx');
    // Inserting again says where the second form went.
    await page.click('#btn-insert');
    await page.locator('#form-status .message.success').filter({ hasText: '(2)' }).waitFor();
    expect(await page.textContent('#form-status')).toContain('Sổ đã có trang “Biểu CTXH 2025” nên biểu mới nằm ở trang “Biểu CTXH 2025 (2)”');
    // The deadline must be a real day.
    await page.click('details.more > summary');
    await page.fill('#f-deadline', '31/2/2025');
    await page.click('#btn-insert');
    await page.locator('#f-deadline-err').filter({ hasText: 'không phải ngày có thật' }).waitFor();
    await page.fill('#f-deadline', '');

    // Check tab: the live-check box shows a ring when reached by Tab.
    const S = 'Biểu CTXH 2025';
    await host(page, (h, a) => (h.model.activeSheetId = h.sheet(a.S).id), { S });
    await page.click('#tab-check');
    await page.locator('#check-status .message.error').waitFor();
    await page.focus('#btn-check');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('live-check');
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.getElementById('live-check')!);
      return { style: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor };
    });
    expect(ring).toEqual({ style: 'solid', width: '2px', color: 'rgb(0, 0, 0)' });

    // Focus stays on the same problem after a live re-check, and moves to the next when that one is fixed.
    const L = formLayout(10);
    await host(page, (h, a) => h.type(a.S, `B${a.r}`, '120'), { S, r: L.firstData });
    await host(page, (h, a) => h.paste(a.S, `B${a.r}`, [['khoảng 5']]), { S, r: L.firstData + 1 });
    const problem = `#problem-list [data-cell="B${L.firstData + 1}"]`;
    await page.locator(problem).waitFor();
    const redrawn = async (edit: () => Promise<unknown>) => {
      await page.evaluate(() => ((window as unknown as { __was: Element | null }).__was = document.activeElement));
      await edit();
      await page.waitForFunction(() => !(window as unknown as { __was: Element }).__was.isConnected);
    };
    await page.focus(problem);
    await redrawn(() => host(page, (h, a) => h.type(a.S, 'A2', 'UBND huyện Bình Gia'), { S }));
    expect(await page.evaluate(() => [document.activeElement?.className, (document.activeElement as HTMLElement)?.dataset.cell])).toEqual(['problem error', `B${L.firstData + 1}`]);
    await redrawn(() => host(page, (h, a) => h.type(a.S, `B${a.r}`, '5'), { S, r: L.firstData + 1 }));
    const after = await page.evaluate(() => ({ tag: document.activeElement?.tagName, id: document.activeElement?.id, cell: (document.activeElement as HTMLElement)?.dataset.cell }));
    // The fixed problem is gone: the keyboard is on the one now in its place (or on the status when none is left).
    expect(after.tag === 'BUTTON' ? after.cell !== `B${L.firstData + 1}` : after.id === 'check-status').toBe(true);

    // Merge tab: Tab goes from the tabs straight to "Chọn tệp…" (the file input is out of the order).
    await page.click('#tab-merge');
    await page.focus('#tab-merge');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('btn-pick');
    // The roster box without a roster sheet: disabled and visibly so.
    const colour = (sel: string) => page.evaluate((sel) => getComputedStyle(document.querySelector(sel)!).color, sel);
    expect(await page.isDisabled('#use-roster')).toBe(true);
    expect(await colour('#use-roster-wrap')).toBe('rgb(112, 112, 112)');
    await page.click('#btn-roster-insert');
    await page.locator('#roster-status').filter({ hasText: 'Đã chèn trang' }).waitFor();
    expect(await colour('#use-roster-wrap')).toBe('rgb(36, 36, 36)');
    await page.focus('#btn-pick');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('use-roster');
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('use-roster')!).outlineStyle)).toBe('solid');

    // Removing files by keyboard: focus moves to the next file's remove button, then to "Chọn tệp…".
    const files = spreadsheetsIn(returnsDir).slice(0, 3);
    await page.setInputFiles('#file-input', files);
    await allRead(page, 3);
    const ids = await page.$$eval('#file-list li.file', (lis) => lis.map((li) => li.getAttribute('data-id')));
    await page.focus(`#file-list li.file[data-id="${ids[0]}"] .file-remove`);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-id'))).toBe(ids[1]);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('file-remove');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await page.locator('#file-list li.file').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('btn-pick');
    expect(watch.problems).toEqual([]);
    await page.close();
  }, 120_000);

  test('Excel 2016 as sold (ExcelApi 1.1): what was left out as short items, and the complete form to download right there', async () => {
    const { page, watch } = await openPane('?api=1.1');
    await fillCampaign(page);
    await page.click('#btn-insert');
    await page.locator('#form-status .message.warning').waitFor();
    expect(await page.locator('#form-status ul.left-out li').count()).toBeGreaterThanOrEqual(2);
    // Short items naming the right versions: Excel 2016 as sold is the one that lacks them.
    const items = await page.$$eval('#form-status ul.left-out li', (lis) => lis.map((li) => li.textContent ?? ''));
    for (const i of items) expect([i, i.length <= 100, /Excel 20(19|21) trở lên/.test(i), /2016/.test(i)]).toEqual([i, true, true, false]);
    await shot(page, '12-excel-2016', '#form-status');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#form-status .next button')]);
    const saved = join(SHOTS, 'bieu-mau-day-du.xlsx');
    await download.saveAs(saved);
    // The file has what this Excel could not insert: merged cells and input rules.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).length).toBeGreaterThan(0);
    expect(watch.problems).toEqual([]);
    await page.close();
  }, 60_000);
});
