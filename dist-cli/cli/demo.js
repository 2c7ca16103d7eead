"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cmdDemo = cmdDemo;
// `ctxh-report demo`: merges the bundled sample returns against the sample roster.
const node_path_1 = require("node:path");
const node_util_1 = require("node:util");
const messages_1 = require("./messages");
const merge_1 = require("./merge");
const ROOT = (0, node_path_1.resolve)(__dirname, '..', '..');
async function cmdDemo(args, lang) {
    const { values } = (0, node_util_1.parseArgs)({ args, options: { out: { type: 'string' } } });
    const out = values.out ?? 'tong-hop.xlsx';
    // The demo writes its own output again and again: overwriting it is expected.
    const code = await (0, merge_1.runMerge)({ out, inputs: [(0, node_path_1.join)(ROOT, 'samples', 'returns')], roster: (0, node_path_1.join)(ROOT, 'samples', 'roster.csv'), json: out.replace(/\.xlsx$/i, '') + '.json', force: true }, lang);
    console.log(messages_1.CLI_TEXT.demoOpen((0, node_path_1.resolve)(out))[lang]);
    // Some sample returns are broken on purpose: rejecting them is the demo working.
    return code === 2 ? 2 : 0;
}
