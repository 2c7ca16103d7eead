// npm "prepare" (run by npm ci / npm install in the repository, and by npm pack): compile the
// command line. An installed package carries dist-cli/ and no sources, so there is nothing to do.
const { existsSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
if (existsSync(join(root, 'src', 'cli', 'main.ts'))) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.cli.json')], { cwd: root, stdio: 'inherit' });
  require('node:fs').writeFileSync(join(root, 'dist-cli', '.built'), new Date().toISOString());
}
