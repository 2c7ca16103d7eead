#!/usr/bin/env node
// Runs the command line compiled to JavaScript when the package was installed (npm "prepare").
let main;
try {
  ({ main } = require('../dist-cli/cli/main.js'));
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /dist-cli[\\/]cli[\\/]main\.js/.test(e.message)) {
    console.error('Chưa biên dịch dòng lệnh: chạy "npm run build:cli" (hoặc "npm ci") rồi thử lại.\nThe command line is not compiled yet: run "npm run build:cli" (or "npm ci") and try again.');
    process.exit(3);
  }
  throw e;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`Lỗi không mong đợi / Unexpected error: ${e && e.stack ? e.stack : e}`);
    process.exitCode = 3;
  },
);
