#!/usr/bin/env node
// Runs the TypeScript CLI directly, so it works right after `npm ci` with no build step.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`Lỗi không mong đợi / Unexpected error: ${e && e.stack ? e.stack : e}`);
    process.exitCode = 3;
  },
);
