// Preloaded into the measured `cli merge` process: its peak memory (worker threads included), for `npm run bench`.
const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.CTXH_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)));
