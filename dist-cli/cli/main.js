"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.main = main;
const check_1 = require("./check");
const demo_1 = require("./demo");
const files_1 = require("./files");
const form_1 = require("./form");
const help_1 = require("./help");
const merge_1 = require("./merge");
const messages_1 = require("./messages");
const usage_1 = require("./usage");
const COMMANDS = { form: form_1.cmdForm, check: check_1.cmdCheck, merge: merge_1.cmdMerge, demo: demo_1.cmdDemo };
const isCommand = (c) => Object.prototype.hasOwnProperty.call(COMMANDS, c);
async function main(argv) {
    const parsed = (0, usage_1.takeLang)(argv);
    if (!parsed) {
        console.error('--lang phải là vi hoặc en / --lang must be vi or en');
        return 2;
    }
    const { lang } = parsed;
    const [command, ...rest] = parsed.rest;
    if (!command || command === '-h' || command === '--help' || command === 'help') {
        console.log(help_1.HELP.main);
        return command ? 0 : 2;
    }
    if (!isCommand(command)) {
        console.error(messages_1.CLI_TEXT.unknownCommand(command)[lang] + '\n\n' + help_1.HELP.main);
        return 2;
    }
    if (rest.includes('-h') || rest.includes('--help')) {
        console.log(help_1.HELP[command]);
        return 0;
    }
    try {
        return await COMMANDS[command](rest, lang);
    }
    catch (e) {
        if (e instanceof files_1.OutputError) {
            console.error(e.message);
            return 2;
        }
        if (e instanceof usage_1.UsageError || (0, usage_1.isParseArgsError)(e)) {
            console.error(`${e.message}\n\n${help_1.HELP[command]}`);
            return 2;
        }
        throw e;
    }
}
if (require.main === module) {
    main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    }, (e) => {
        console.error(`Lỗi không mong đợi / Unexpected error: ${e instanceof Error ? e.stack : String(e)}`);
        process.exitCode = 3;
    });
}
