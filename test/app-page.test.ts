// app.html as the build writes it from the task pane's page: no office.js, a policy that
// allows no connection and no script but the page's own, the footer, the inlined worker.
import { readFileSync } from 'fs';
import { join } from 'path';
import { fileSummary } from '../src/taskpane/check-file-tab';
import { checkSummary } from '../src/taskpane/check-state';
import { summaryFileName } from '../src/taskpane/merge-state';
import { ReturnResult } from '../src/core/returns';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { appPage } = require('../src/app/app-page') as { appPage: (c: unknown) => string };

const WORKER = 'self.onmessage = (e) => postMessage("đọc " + e.data); // </script> inside stays inert';

function build(): { html: string; deps: Set<string> } {
  const deps = new Set<string>();
  const html = appPage({ fileDependencies: deps, getAsset: (n: string) => (n === 'read-worker.js' ? { source: { source: () => WORKER } } : undefined) });
  return { html, deps };
}

describe('app.html', () => {
  const { html, deps } = build();
  const csp = new Map(
    /http-equiv="Content-Security-Policy" content="([^"]+)"/
      .exec(html)![1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v]),
  );

  test('the pane page without office.js, rebuilt when it changes', () => {
    expect(html).not.toMatch(/appsforoffice|https?:\/\/|boot\.js/);
    expect(html).toContain('id="panel-merge"');
    expect(html).toContain('<body class="page">');
    expect([...deps]).toEqual([join(__dirname, '..', 'src', 'taskpane', 'taskpane.html')]);
    expect(readFileSync(join(__dirname, '..', 'src', 'taskpane', 'taskpane.html'), 'utf8')).toContain('appsforoffice.microsoft.com');
  });

  test('no connection, no frame, no inline or remote script; the worker only from a Blob URL', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'", 'file:']);
    expect(csp.get('worker-src')).toEqual(['blob:']);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    for (const [k, v] of csp) expect([k, v.some((x) => /unsafe|https?:|\*/.test(x))]).toEqual([k, false]);
  });

  test('the footer, and the worker bundle inlined as inert base64', () => {
    expect(html).toMatch(/<footer class="app-footer" data-i18n="pageFooter"><\/footer>/);
    const m = /<script type="text\/plain" id="read-worker-source">([A-Za-z0-9+/=]+)<\/script>/.exec(html);
    expect(m).not.toBeNull();
    expect(Buffer.from(m![1], 'base64').toString('utf8')).toBe(WORKER);
  });

  test('a build without the worker fails rather than shipping a page that cannot read files', () => {
    expect(() => appPage({ fileDependencies: new Set(), getAsset: () => undefined })).toThrow(/read-worker\.js was not built/);
  });
});

describe('file wording', () => {
  const result = (problems: ReturnResult['problems']): ReturnResult => ({ file: 'a.xlsx', sheet: 'Biểu CTXH 2025', unit: 'Sở Y tế', rows: [], problems, status: problems.length ? 'error' : 'ok' });

  test('the check speaks of the file and its sheet, and asks to fix and pick again instead of "click to go"', () => {
    const r = result([{ file: 'a.xlsx', severity: 'error', code: 'participants.invalid', cell: 'B14', message: { vi: 'x', en: 'x' } }]);
    const s = fileSummary(checkSummary(r, 'Biểu CTXH 2025'), 'a.xlsx', 'Biểu CTXH 2025');
    expect(s.lines).toEqual([{ key: 'checkedFile', vars: { file: 'a.xlsx', sheet: 'Biểu CTXH 2025' } }, { key: 'checkFixAndPick' }]);
    expect(fileSummary(checkSummary(result([]), ''), 'a.xlsx', undefined).lines[0]).toEqual({ key: 'checkedFileOnly', vars: { file: 'a.xlsx' } });
  });

  test('the summary file name is ASCII', () => {
    expect(summaryFileName(2025, 'Lạng Sơn')).toBe('tong-hop-ctxh-2025-lang-son.xlsx');
    expect(summaryFileName(undefined, undefined)).toBe('tong-hop-ctxh.xlsx');
  });
});
