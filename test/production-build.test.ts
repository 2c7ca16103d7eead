// The build an office deploys: `webpack --mode production --env url=<their server>` once, then
// - every script in it parses as ES2017 (boot.js as ES5), with acorn;
// - dist/manifest.xml points every URL at a file of that build, under that address;
// - in Chromium posing as Internet Explorer 11 the page explains itself instead of "Đang khởi động…";
// - with Microsoft's real office.js (from @microsoft/office-js, served where the CDN would be) under
//   the page's own Content-Security-Policy nothing is refused, and the pane starts as it does outside Office;
// - when office.js or the pane's script cannot be loaded, the web view is Edge Legacy, or the pane throws
//   or never starts, the page says so.
import { execFileSync } from 'child_process';
import { createServer, Server } from 'http';
import { existsSync, readFileSync, readdirSync, statSync } from 'fs';
import { AddressInfo } from 'net';
import { extname, join, resolve } from 'path';
import { parse } from 'acorn';
import { Browser, Page, chromium } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestFor } = require('../scripts/manifest-for-host') as { manifestFor: (xml: string, o: { base: string; version: string }) => string };

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'test-output', 'prod-dist');
const BASE = 'https://baocao.example.gov.vn/ctxh/';
const CHROMIUM = '/usr/bin/chromium';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const TELEMETRY_FRAME = 'https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html';
const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.json': 'application/json',
};

let server: Server;
let origin: string;
let browser: Browser | undefined;

const scripts = () => readdirSync(DIST).filter((f) => f.endsWith('.js'));

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--env', `url=${BASE}`, '--env', `outDir=${DIST}`], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  // The build served under /ctxh/ as on the office's server.
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith('/ctxh/') ? resolve(DIST, `.${path.slice('/ctxh'.length)}`) : '';
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (existsSync(CHROMIUM))
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('the production build', () => {
  test('every script parses as ES2017, and the boot script as ES5', () => {
    const js = scripts();
    expect(js).toEqual(expect.arrayContaining(['taskpane.js', 'read-worker.js', 'commands.js', 'boot.js']));
    expect(js.some((f) => /^exceljs\.[0-9a-f]+\.js$/.test(f))).toBe(true);
    for (const f of js) {
      const code = readFileSync(join(DIST, f), 'utf8');
      let error = '';
      try {
        parse(code, { ecmaVersion: f === 'boot.js' ? 5 : 2017, sourceType: 'script' });
      } catch (e) {
        const pos = (e as { pos?: number }).pos ?? 0;
        error = `${(e as Error).message}: …${code.slice(Math.max(0, pos - 60), pos + 40)}…`;
      }
      expect({ file: f, error }).toEqual({ file: f, error: '' });
    }
    // The parser is strict about the version: what the libraries ship would not pass.
    expect(() => parse('const o = { ...a };', { ecmaVersion: 2017 })).toThrow();
    expect(() => parse('/(?<y>\\d{4})/.exec(s);', { ecmaVersion: 2017 })).toThrow();
    expect(() => parse('try { f(); } catch { }', { ecmaVersion: 2017 })).toThrow();
    expect(() => parse('var f = () => 1;', { ecmaVersion: 5 })).toThrow();
  });

  test('dist/manifest.xml is the development manifest moved to the office’s address, every URL a file of the build', () => {
    const built = readFileSync(join(DIST, 'manifest.xml'), 'utf8');
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(built).toBe(manifestFor(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'), { base: BASE, version }));
    expect(built).not.toContain('localhost');
    const urls = [...built.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(9);
    for (const u of urls) {
      expect(u.startsWith(BASE)).toBe(true);
      const file = join(DIST, u.slice(BASE.length));
      expect({ url: u, served: existsSync(file) && statSync(file).isFile() }).toEqual({ url: u, served: true });
    }
    expect(urls).toContain(`${BASE}support.html`);
  });

  test('a base that is not https is refused with a clear message', () => {
    let message = '';
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--env', 'url=http://baocao.example/ctxh/', '--env', `outDir=${join(ROOT, 'test-output', 'never')}`], {
        cwd: ROOT,
        stdio: 'pipe',
      });
    } catch (e) {
      message = String((e as { stderr?: Buffer }).stderr);
    }
    expect(message).toContain('Office opens add-ins only over https://');
  });
});

interface Visit {
  page: Page;
  requests: string[];
  violations: string[];
  errors: string[];
}

/** Opens the built pane; office.js comes from the package where `office` is 'real', or the CDN is unreachable. */
async function visit(opts: {
  /** The page of the build to open; default the task pane. */
  pagePath?: string;
  userAgent?: string;
  locale?: string;
  office: 'real' | 'unreachable';
  blockPane?: boolean;
  /** Stands in for taskpane.js (a pane that throws, or never starts). */
  pane?: string;
  /** Runs before any page script (e.g. to take away what Edge Legacy lacks). */
  before?: string;
  waitMs?: number;
}): Promise<Visit> {
  const context = await browser!.newContext({ userAgent: opts.userAgent, locale: opts.locale ?? 'vi-VN', viewport: { width: 350, height: 700 } });
  const page = await context.newPage();
  const v: Visit = { page, requests: [], violations: [], errors: [] };
  // The page's CSP does not apply to init scripts: record every refusal it makes.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ((window as unknown as { __violations: string[] }).__violations ??= []).push(`${e.effectiveDirective} ${e.blockedURI} from ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  if (opts.before) await page.addInitScript(opts.before);
  page.on('pageerror', (e) => v.errors.push(String(e)));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    v.requests.push(url);
    if (url.startsWith(OFFICE_CDN) && opts.office === 'real') {
      const file = resolve(OFFICE_DIST, url.slice(OFFICE_CDN.length).split('?')[0]);
      if (file.startsWith(OFFICE_DIST) && existsSync(file) && statSync(file).isFile()) return route.fulfill({ status: 200, contentType: MIME[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
      return route.fulfill({ status: 404, body: '' });
    }
    if (opts.blockPane && url.endsWith('/taskpane.js')) return route.abort();
    if (opts.pane !== undefined && url.endsWith('/taskpane.js')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: opts.pane });
    if (opts.waitMs && url.endsWith('/taskpane.html')) {
      const res = await route.fetch();
      return route.fulfill({ response: res, body: (await res.text()).replace(/data-pane="?taskpane\.js"?/, (m) => `${m} data-wait-ms="${opts.waitMs}"`) });
    }
    if (url.startsWith(origin)) return route.continue();
    return route.abort(); // nothing else leaves the machine
  });
  await page.goto(`${origin}/ctxh/${opts.pagePath ?? 'taskpane.html'}`);
  return v;
}

const violations = (p: Page) => p.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);

(haveChromium ? describe : describe.skip)('the production page in Chromium', () => {
  test('Internet Explorer 11 (Office 2016/2019 volume-licensed): a clear message, and the pane is not even fetched', async () => {
    const v = await visit({ userAgent: IE11, office: 'real' });
    await v.page.locator('#boot[data-boot="ie"]').waitFor();
    const text = await v.page.textContent('#boot');
    expect(text).toContain('Internet Explorer');
    expect(text).toContain('Microsoft 365, Office 2021 hoặc mới hơn, hoặc Excel trên web');
    expect(text).not.toContain('Đang khởi động');
    expect(await v.page.getAttribute('#boot', 'role')).toBe('alert');
    expect(v.requests.some((u) => u.endsWith('/taskpane.js'))).toBe(false);
    await v.page.screenshot({ path: join(ROOT, 'test-output', 'prod-ie11.png') });
    expect(await violations(v.page)).toEqual([]);
    await v.page.context().close();
    const en = await visit({ userAgent: IE11, locale: 'en-US', office: 'unreachable' });
    await en.page.locator('#boot[data-boot="ie"]').waitFor();
    expect(await en.page.textContent('#boot')).toContain('It works in Microsoft 365, Office 2021 or later, or Excel on the web');
    await en.page.context().close();
  }, 60_000);

  test('the real office.js under the production policy: nothing refused, the pane starts as outside Office', async () => {
    const v = await visit({ office: 'real' });
    // Outside Office, office.js reports no host and the pane says to open it from Excel.
    await v.page.locator('#boot').filter({ hasText: 'Phần bổ trợ này chạy trong Excel' }).waitFor({ timeout: 30_000 });
    expect(v.requests.some((u) => u.endsWith('/ctxh/taskpane.js'))).toBe(true);
    expect(v.requests.filter((u) => u.startsWith(OFFICE_CDN)).length).toBeGreaterThanOrEqual(1);
    // office.js opens its hidden telemetry frame after 3 s: the policy allows that frame (here it is
    // not let off the machine); nothing else but the add-in's server and Microsoft's CDN is asked for.
    await v.page.waitForTimeout(3_500);
    expect(v.requests.filter((u) => !u.startsWith(origin) && !u.startsWith(OFFICE_CDN))).toEqual([TELEMETRY_FRAME]);
    expect(await violations(v.page)).toEqual([]);
    expect(v.errors).toEqual([]);
    await v.page.context().close();
    // The ribbon's function file runs office.js under the same policy.
    const commands = await visit({ office: 'real', pagePath: 'commands.html' });
    await commands.page.waitForTimeout(3_500);
    expect(commands.requests.some((u) => u.startsWith(OFFICE_CDN))).toBe(true);
    expect(await violations(commands.page)).toEqual([]);
    expect(commands.errors).toEqual([]);
    await commands.page.context().close();
  }, 60_000);

  test('office.js unreachable (firewall): the page names what it could not reach', async () => {
    const v = await visit({ office: 'unreachable' });
    await v.page.locator('#boot[data-boot="office"]').waitFor();
    expect(await v.page.textContent('#boot')).toContain('appsforoffice.microsoft.com');
    await v.page.context().close();
  }, 60_000);

  test('Edge Legacy (no TextDecoder): the page asks for the WebView2 Runtime instead of failing', async () => {
    const v = await visit({ office: 'real', before: 'delete window.TextDecoder; delete window.TextEncoder;' });
    await v.page.locator('#boot[data-boot="old"]').waitFor();
    expect(await v.page.textContent('#boot')).toContain('Microsoft Edge WebView2 Runtime');
    expect(v.requests.some((u) => u.endsWith('/taskpane.js'))).toBe(false);
    await v.page.context().close();
  }, 60_000);

  test('a pane that throws while starting shows the error; one that never starts is not a spinner forever', async () => {
    const thrown = await visit({ office: 'real', pane: 'throw new Error("khởi động hỏng");' });
    await thrown.page.locator('#boot[data-boot="failed"]').waitFor();
    expect(await thrown.page.textContent('#boot')).toContain('khởi động hỏng');
    await thrown.page.context().close();
    const stuck = await visit({ office: 'real', pane: '/* never starts */', waitMs: 800 });
    await stuck.page.locator('#boot[data-boot="slow"]').waitFor();
    expect(await stuck.page.textContent('#boot')).toContain('Ngăn khởi động lâu hơn bình thường');
    await stuck.page.context().close();
  }, 60_000);

  test('the pane’s own script fails to load: an error, not a spinner', async () => {
    const v = await visit({ office: 'real', blockPane: true });
    await v.page.locator('#boot[data-boot="failed"]').waitFor();
    expect(await v.page.textContent('#boot')).toContain('taskpane.js');
    await v.page.context().close();
  }, 60_000);
});
