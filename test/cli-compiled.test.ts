// The command line runs as compiled JavaScript: no TypeScript compiler, tsx or esbuild at run time,
// built by the same `prepare` step `npm ci` runs, and --help loads none of the heavy readers/writers.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ctxh-compiled-'));
  // Records every module the process loaded, at exit.
  writeFileSync(join(dir, 'modules.js'), `process.on('exit', () => require('fs').writeFileSync(process.env.CTXH_MODULES_FILE, JSON.stringify(Object.keys(require.cache))));\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function loadedBy(cwd: string, ...args: string[]): { status: number | null; stdout: string; modules: string[] } {
  const file = join(dir, `modules-${Math.random().toString(36).slice(2)}.json`);
  const res = spawnSync(process.execPath, ['--require', join(dir, 'modules.js'), join(cwd, 'bin', 'ctxh-report.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CTXH_MODULES_FILE: file },
  });
  return { status: res.status, stdout: res.stdout, modules: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : [] };
}

const compilerish = (m: string) => /[\\/]node_modules[\\/](tsx|typescript|esbuild|ts-node|ts-jest)[\\/]/.test(m) || /\.tsx?$/.test(m);

test('from the sources alone, the prepare step npm ci runs builds a command line that needs no TypeScript at run time', () => {
  // A copy of what a fresh clone has (no dist-cli), with the installed packages.
  const clone = join(dir, 'clone');
  for (const p of ['package.json', 'tsconfig.json', 'tsconfig.cli.json', 'bin', 'src', 'scripts']) cpSync(join(ROOT, p), join(clone, p), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  expect(existsSync(join(clone, 'dist-cli'))).toBe(false);
  const pkg = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8'));
  expect(pkg.dependencies.tsx).toBeUndefined();
  execFileSync('npm', ['run', '--silent', 'prepare'], { cwd: clone, stdio: 'pipe' });

  const help = loadedBy(clone, '--help');
  expect(help.status).toBe(0);
  expect(help.stdout).toContain('Cách dùng / Usage:');
  expect(help.modules.filter(compilerish)).toEqual([]);
  expect(help.modules.some((m) => m.includes(join('dist-cli', 'cli', 'main.js')))).toBe(true);
  // Start-up stays light: no spreadsheet library, no worker pool for help.
  expect(help.modules.filter((m) => /[\\/]node_modules[\\/](@e965[\\/]xlsx|exceljs|piscina)[\\/]/.test(m))).toEqual([]);

  const check = loadedBy(clone, 'check', join(ROOT, 'samples', 'returns'));
  expect(check.stdout).toContain('15 tệp: 13 dùng được, 2 có lỗi.');
  expect(check.modules.filter(compilerish)).toEqual([]);
});

test('the package ships the compiled command line: files lists it and the bin runs it', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.bin['ctxh-report']).toBe('bin/ctxh-report.js');
  expect(pkg.files).toEqual(expect.arrayContaining(['bin/', 'dist-cli/**/*.js']));
  expect(readFileSync(join(ROOT, 'bin', 'ctxh-report.js'), 'utf8')).toContain("require('../dist-cli/cli/main.js')");
});
