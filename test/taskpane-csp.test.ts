// The Content-Security-Policy of the pane and of the ribbon commands page: no request may leave the
// machine and no script but the add-in's and Office's own may run; styles may be inline because
// office.js in Excel on the web sets inline styles (OfficeDev/office-js#1687).
import { readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..');

function policy(file: string): Map<string, string[]> {
  const html = readFileSync(join(ROOT, file), 'utf8');
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m) throw new Error(`${file}: no CSP`);
  return new Map(
    m[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe.each(['src/taskpane/taskpane.html', 'src/commands/commands.html'])('%s', (file) => {
  test("inline styles allowed, inline scripts and connections not", () => {
    const csp = policy(file);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    // office.js opens its telemetry logging frame there (checked with the real office.js in test/production-build.test.ts).
    expect(csp.get('frame-src')).toEqual(['https://telemetryservice.firstpartyapps.oaspapps.com']);
    for (const [name, values] of csp) if (name !== 'style-src') expect([name, values.includes("'unsafe-inline'") || values.includes("'unsafe-eval'")]).toEqual([name, false]);
  });
});
