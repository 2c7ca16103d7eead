// The floor for `npm run bench`: a bare, single-threaded SheetJS read of every file in a folder,
// no checks at all. Prints its peak memory (KB) and CPU time on exit.
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const XLSX = require('@e965/xlsx');

const dir = process.argv[2];
let sheets = 0;
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith('.xlsx')) continue;
  sheets += XLSX.read(readFileSync(join(dir, name))).SheetNames.length;
}
const u = process.resourceUsage();
process.stdout.write(JSON.stringify({ sheets, maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
