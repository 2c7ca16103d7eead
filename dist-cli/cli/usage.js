"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsageError = void 0;
exports.parseYear = parseYear;
exports.parseWorkers = parseWorkers;
exports.takeLang = takeLang;
exports.isParseArgsError = isParseArgsError;
const vocabulary_1 = require("../core/vocabulary");
const messages_1 = require("./messages");
/** Exit codes: 0 all good, 1 some files have errors / were rejected, 2 usage error or nothing usable. */
class UsageError extends Error {
}
exports.UsageError = UsageError;
/** The value of --year, checked against the accepted campaign years. */
function parseYear(v, lang) {
    if (v === undefined)
        return undefined;
    const n = Number(v);
    if (!(0, vocabulary_1.isCampaignYear)(n))
        throw new UsageError(messages_1.CLI_TEXT.badYear(v)[lang]);
    return n;
}
/** The value of --workers: how many threads read files (default: the cores available). */
function parseWorkers(v, lang) {
    if (v === undefined)
        return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 256)
        throw new UsageError(messages_1.CLI_TEXT.badWorkers(v)[lang]);
    return n;
}
/** Takes --lang (or --lang=…) out of the arguments; undefined when its value is neither vi nor en. */
function takeLang(argv) {
    let args = argv.flatMap((a) => (a.startsWith('--lang=') ? ['--lang', a.slice('--lang='.length)] : [a]));
    const i = args.indexOf('--lang');
    if (i < 0)
        return { lang: 'vi', rest: args };
    const v = args[i + 1];
    if (v !== 'vi' && v !== 'en')
        return undefined;
    args = [...args.slice(0, i), ...args.slice(i + 2)];
    return { lang: v, rest: args };
}
/** node:util parseArgs refuses an unknown or malformed option with one of these codes. */
function isParseArgsError(e) {
    return e instanceof TypeError && !!e.code?.startsWith('ERR_PARSE_ARGS');
}
