// The page without Excel, as a clerk uses it: the production build's dist/app.html
// opened from a folder over file:// in Debian's Chromium (playwright-core), no server,
// no network. Download the form, fill it in LibreOffice, check it on the page (a wrong
// cell is listed, then the fixed file is valid), merge the LibreOffice-made sample returns
// with the roster, add a late return and download again; the summary is read back with the
// project's reader and recalculated by LibreOffice against the CLI's merge of the same files.
// Screenshots of each step at a laptop width and a narrow width land in test-output/app/.
import { execFileSync, spawnSync } from 'child_process';
import { createServer, Server } from 'http';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'fs';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { pathToFileURL } from 'url';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { formLayout } from '../src/core/form';
import { MergeSummarySchema } from '../src/core/returns';
import { readReturn } from '../src/workbook/read-return';
import { readWorkbookBytes } from '../src/workbook/read-workbook';
import { LoCell, RangeRead, cellNumber, cellText, libreOfficeProblem, runLibreOffice, runLibreOfficeJobs } from './helpers/soffice';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'test-output', 'app-dist');
const SHOTS = join(ROOT, 'test-output', 'app');
const CHROMIUM = '/usr/bin/chromium';
const LAPTOP = { width: 1366, height: 768 };
const NARROW = { width: 360, height: 740 };

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
const problem = libreOfficeProblem();
if (problem) throw new Error(`LibreOffice is needed for this test: ${problem}`);

let browser: Browser;
let work: string;
/** A local server that must never be reached: the page's CSP allows no connection. */
let trap: Server;
let trapHits: string[] = [];
let trapUrl: string;

beforeAll(async () => {
  if (!haveChromium) return;
  mkdirSync(SHOTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'ctxh-app-'));
  // The production build, as shipped (CTXH_REUSE_APP_BUILD=1 keeps an earlier one, when iterating on the test).
  if (!(process.env.CTXH_REUSE_APP_BUILD && existsSync(join(DIST, 'app.html'))))
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--env', `outDir=${DIST}`], { cwd: ROOT, stdio: 'pipe' });
  trap = createServer((req, res) => {
    trapHits.push(req.url ?? '');
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('x');
  });
  await new Promise<void>((r) => trap.listen(0, '127.0.0.1', r));
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => trap?.close(r));
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Watch {
  requests: string[];
  problems: string[];
  workers: string[];
}

async function openApp(ctx: BrowserContext): Promise<{ page: Page; watch: Watch }> {
  const page = await ctx.newPage();
  const watch: Watch = { requests: [], problems: [], workers: [] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('worker', (w) => watch.workers.push(w.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) watch.problems.push(m.text());
  });
  page.on('pageerror', (e) => watch.problems.push(String(e)));
  await page.goto(pathToFileURL(join(DIST, 'app.html')).href);
  await page.locator('#app').waitFor({ state: 'visible' });
  return { page, watch };
}

/** The step at both widths: the whole page, or (with `focus`) the view after scrolling to it. */
async function shots(page: Page, name: string, focus?: string): Promise<void> {
  for (const [size, vp] of [['laptop', LAPTOP], ['narrow', NARROW]] as const) {
    await page.setViewportSize(vp);
    if (focus) {
      await page.locator(focus).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`) });
    } else {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`), fullPage: true });
    }
  }
  await page.setViewportSize(LAPTOP);
}

async function download(page: Page, click: string, dir: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(click)]);
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return path;
}

const grid = async (file: string, sheet: string | number): Promise<LoCell[][]> => ((await runLibreOffice(file, [{ op: 'readUsed', sheet }])).reads[0] as RangeRead).cells;
/** The rows holding figures (units, groups, "Tổng cộng"), as LibreOffice computes and shows them. */
const figureRows = (g: LoCell[][]) => g.filter((row) => row.slice(2, 6).some((c) => c.type === 'number' || c.type === 'formula')).map((row) => row.slice(0, 6).map(cellText));

(haveChromium ? describe : describe.skip)('app.html over file:// in Chromium', () => {
  test('form, check and merge without Excel; the summary equals the CLI’s', async () => {
    const ctx = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true, viewport: LAPTOP, deviceScaleFactor: 1 });
    const { page, watch } = await openApp(ctx);
    await shots(page, '01-form-empty');
    expect(await page.isHidden('#btn-insert')).toBe(true); // nothing to insert into: download is the one action
    expect(await page.textContent('footer')).toContain('Dữ liệu của các đơn vị chỉ nằm trong trình duyệt này');

    // The page cannot reach the network, even when its own code tries.
    const attempts = await page.evaluate(async (url) => {
      const out: string[] = [];
      await fetch(`${url}/fetch`).then(() => out.push('fetch went out'), () => out.push('fetch refused'));
      await new Promise<void>((done) => {
        const img = new Image();
        img.onload = () => (out.push('image went out'), done());
        img.onerror = () => (out.push('image refused'), done());
        img.src = `${url}/image.png`;
      });
      return out;
    }, trapUrl);
    expect(attempts).toEqual(['fetch refused', 'image refused']);
    expect(trapHits).toEqual([]);
    // The two refusals above are reported as CSP errors (and the image as an attempted request), as they should be.
    watch.problems.length = 0;
    watch.requests.length = 0;

    // 1. Form: the parameters, the download, remembered for next time.
    await page.fill('#f-year', '2025');
    await page.fill('#f-province', 'Lạng Sơn');
    await page.fill('#f-body', 'Sở Y tế');
    await page.fill('#f-plan', 'Kế hoạch số 12/KH-SYT ngày 05/3/2025');
    await page.fill('#f-rows', '10');
    const blank = await download(page, '#btn-download', work);
    expect(blank.endsWith('bieu-mau-ctxh-2025.xlsx')).toBe(true);
    await page.locator('#form-status .message.success').filter({ hasText: 'bieu-mau-ctxh-2025.xlsx' }).waitFor();
    await shots(page, '02-form-downloaded');
    const blankRead = readReturn(new Uint8Array(readFileSync(blank)), 'bieu-mau-ctxh-2025.xlsx', { campaignYear: 2025 });
    expect(blankRead.year).toBe(2025);
    expect(blankRead.problems.map((p) => p.code)).toContain('unit.missing');

    await page.reload();
    await page.locator('#app').waitFor({ state: 'visible' });
    expect([await page.inputValue('#f-year'), await page.inputValue('#f-province'), await page.inputValue('#f-plan')]).toEqual(['2025', 'Lạng Sơn', 'Kế hoạch số 12/KH-SYT ngày 05/3/2025']);

    // The unit fills the form in LibreOffice: once with a wrong cell, once right.
    const L = formLayout(10);
    const wrongCell = `B${L.firstData + 1}`;
    const wrong = join(work, 'Bình Gia - sai.xlsx');
    const right = join(work, 'Bình Gia.xlsx');
    const fill = [
      { op: 'setText' as const, cell: 'A2', value: 'UBND huyện Bình Gia' },
      { op: 'setNumber' as const, cell: `B${L.firstData}`, value: 120 },
      { op: 'setNumber' as const, cell: `D${L.firstData}`, value: 5_000_000 },
    ];
    await runLibreOfficeJobs([
      { input: blank, ops: [...fill, { op: 'setText', cell: wrongCell, value: 'khoảng 200' }], outputs: [{ path: wrong, format: 'xlsx' }] },
      { input: blank, ops: [...fill, { op: 'setNumber', cell: wrongCell, value: 200 }], outputs: [{ path: right, format: 'xlsx' }] },
    ]);

    // 2. Check: the wrong cell is listed with its message; the fixed file is ready to send.
    await page.click('#tab-check');
    await shots(page, '03-check-empty');
    await page.setInputFiles('#check-file-input', wrong);
    await page.locator('#check-status .message.error').waitFor();
    await page.locator(`#problem-list [data-cell="${wrongCell}"]`).waitFor();
    expect(await page.textContent('#problem-list')).toContain('“khoảng 200” không phải là số');
    expect(await page.textContent('#check-status')).toContain('Tệp “Bình Gia - sai.xlsx”');
    await shots(page, '04-check-wrong');
    await page.setInputFiles('#check-file-input', right);
    await page.locator('#check-status .message.success').waitFor();
    expect(await page.textContent('#check-status')).toContain('Biểu đã hợp lệ — có thể gửi');
    expect(await page.$$('#problem-list li')).toHaveLength(0);
    await shots(page, '05-check-valid');

    // 3. Merge: the roster file, every sample return but one, the summary; then the late one.
    await page.click('#tab-merge');
    expect(await page.textContent('#merge-context')).toBe('Năm 2025 · Lạng Sơn · Sở Y tế');
    await shots(page, '06-merge-empty');
    const emptyList = await download(page, '#btn-roster-insert', work);
    expect(readWorkbookBytes(new Uint8Array(readFileSync(emptyList)), 'list.xlsx').sheets.map((s) => s.name)).toEqual(['Danh sách đơn vị']);
    await page.setInputFiles('#roster-file-input', join(ROOT, 'samples', 'roster.csv'));
    expect(await page.isChecked('#use-roster')).toBe(true);
    expect(await page.textContent('#use-roster-label')).toBe('Dùng danh sách “roster.csv”');

    const returnsDir = join(ROOT, 'samples', 'returns');
    const files = readdirSync(returnsDir).filter((f) => /\.(xlsx|xls|ods)$/.test(f)).sort();
    const late = files.find((f) => f === 'So Noi vu.xlsx')!;
    expect(late).toBeDefined();
    const first = files.filter((f) => f !== late).map((f) => join(returnsDir, f));
    const settled = (n: number) =>
      page.waitForFunction((n) => document.querySelectorAll('#file-list li.file').length === n && !document.querySelector('#file-list [data-status="reading"]') && !(document.getElementById('btn-merge') as HTMLButtonElement).disabled, n, { timeout: 120_000 });
    await page.setInputFiles('#file-input', first);
    await settled(first.length);
    await shots(page, '07-merge-files');
    const summary1 = await download(page, '#btn-merge', mkdtempSync(join(work, 's1-')));
    await page.locator('#merge-status .message:not(.info)').waitFor();
    expect(await page.textContent('#merge-status')).toContain('Đã tạo tệp tổng hợp “tong-hop-ctxh-2025-lang-son.xlsx”');
    await shots(page, '08-merged', '#merge-status');

    await page.setInputFiles('#file-input', [join(returnsDir, late)]);
    await settled(files.length); // nothing already picked is lost
    const summary2 = await download(page, '#btn-merge', mkdtempSync(join(work, 's2-')));
    await page.locator('#merge-status .message:not(.info)').waitFor();
    await shots(page, '09-merged-again');

    // Read in a worker started from a Blob URL (file:// refuses worker files); only local files were loaded.
    expect(watch.workers.length).toBeGreaterThan(0);
    expect(watch.workers.every((u) => u.startsWith('blob:'))).toBe(true);
    expect(watch.requests.filter((u) => !/^(file|blob|data):/.test(u))).toEqual([]);
    expect(watch.problems).toEqual([]);
    expect(trapHits).toEqual([]);

    // The CLI on the same files (same modification times), and the roster.
    const cliDir = mkdtempSync(join(work, 'cli-'));
    const cliReturns = join(cliDir, 'returns');
    mkdirSync(cliReturns);
    for (const f of files) {
      copyFileSync(join(returnsDir, f), join(cliReturns, f));
      const st = statSync(join(returnsDir, f));
      utimesSync(join(cliReturns, f), st.atime, st.mtime);
    }
    const cliOut = join(cliDir, 'tong-hop.xlsx');
    const cliJson = join(cliDir, 'tong-hop.json');
    const res = spawnSync(process.execPath, [join(ROOT, 'bin', 'ctxh-report.js'), 'merge', '--out', cliOut, '--json', cliJson, '--roster', join(ROOT, 'samples', 'roster.csv'), '--year', '2025', '--province', 'Lạng Sơn', cliReturns], { encoding: 'utf8' });
    expect([res.status, existsSync(cliOut)]).toEqual([1, true]); // 1: written, some files rejected
    const cli = MergeSummarySchema.parse(JSON.parse(readFileSync(cliJson, 'utf8')));

    // The project's reader opens the page's summary: its sheets, every merged file and every rejected one.
    const raw = readWorkbookBytes(new Uint8Array(readFileSync(summary2)), 'tong-hop.xlsx');
    expect(raw.sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Tình hình báo cáo', 'Kết quả tổ chức', 'Kiểm tra']);
    const texts = (name: string) => raw.sheets.find((x) => x.name === name)!.cells.flat().map((c) => String(c?.value ?? '').normalize('NFC'));
    for (const a of cli.accepted) expect(texts('Tổng hợp').some((t) => t.includes(a.file.normalize('NFC')))).toBe(true);
    for (const r of cli.rejected) expect(texts('Kiểm tra').some((t) => t.includes(r.file.normalize('NFC')))).toBe(true);

    // LibreOffice recalculates both summaries: the same figures, row by row, and "Tổng cộng" is the CLI's total.
    const [pageGrid, cliGrid, firstGrid] = [await grid(summary2, 0), await grid(cliOut, 0), await grid(summary1, 0)];
    expect(figureRows(pageGrid)).toEqual(figureRows(cliGrid));
    const total = pageGrid.find((row) => row.some((c) => cellText(c).trim() === 'Tổng cộng'))!;
    expect([2, 3, 4, 5].map((c) => cellNumber(total[c]))).toEqual([cli.totals.participants, cli.totals.totalFunding, cli.totals.budget, cli.totals.otherFunding]);
    // The first download listed the late unit among those not reported, without its file; the second merged it.
    const lateUnit = cli.accepted.find((a) => a.file === late)!;
    expect(lateUnit).toBeDefined();
    {
      const merges = (g: LoCell[][]) => g.some((row) => row.some((c) => cellText(c).includes(late)));
      expect([merges(firstGrid), merges(pageGrid)]).toEqual([false, true]);
      expect(figureRows(firstGrid)).not.toEqual(figureRows(pageGrid));
    }
    await ctx.close();
  }, 600_000);
});
