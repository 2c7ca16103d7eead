"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.printProblems = printProblems;
const messages_1 = require("./messages");
function printProblems(reports, lang) {
    for (const r of reports) {
        const error = r.problems.some((p) => p.severity === 'error');
        const head = error ? messages_1.CLI_TEXT.error[lang] : r.problems.length ? messages_1.CLI_TEXT.warning[lang] : 'OK';
        console.log(`${head}  ${r.file}${r.unit ? `  —  ${r.unit}` : ''}`);
        for (const p of r.problems) {
            const where = [p.sheet, p.cell].filter(Boolean).join('!');
            const sev = p.severity === 'error' ? messages_1.CLI_TEXT.errorTag[lang] : messages_1.CLI_TEXT.warningTag[lang];
            console.log(`    [${sev}] ${where ? `${where}: ` : ''}${p.message[lang]}`);
        }
    }
}
