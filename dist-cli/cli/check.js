"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cmdCheck = cmdCheck;
// `ctxh-report check`: validates returned files without merging them.
const node_util_1 = require("node:util");
const file_status_1 = require("../core/file-status");
const merge_1 = require("../core/merge");
const files_1 = require("./files");
const messages_1 = require("./messages");
const print_1 = require("./print");
const usage_1 = require("./usage");
async function cmdCheck(args, lang) {
    const { values, positionals } = (0, node_util_1.parseArgs)({ args, allowPositionals: true, options: { year: { type: 'string' }, workers: { type: 'string' } } });
    const year = (0, usage_1.parseYear)(values.year, lang);
    const workers = (0, usage_1.parseWorkers)(values.workers, lang);
    const results = await (0, files_1.readInputs)((0, files_1.listInputs)(positionals, lang), { year, workers }, lang);
    // What only shows across files (last year's form among this year's, duplicates) is reported as merge would.
    const merged = (0, merge_1.mergeReturns)(results, { year });
    (0, print_1.printProblems)((0, file_status_1.fileStatuses)(results, merged), lang);
    for (const x of merged.superseded)
        console.log(messages_1.CLI_TEXT.checkSuperseded(x.file, x.unit, x.by)[lang]);
    const bad = results.filter((r) => r.status === 'error').length;
    console.log(messages_1.CLI_TEXT.checkCounts(results.length, bad)[lang]);
    return bad ? 1 : 0;
}
