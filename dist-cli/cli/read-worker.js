"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = readTask;
const read_file_1 = require("./read-file");
const rejected_result_1 = require("./rejected-result");
function readTask(task) {
    try {
        return (0, read_file_1.readReturnFile)(task.path, task);
    }
    catch (e) {
        // Not a refusal the reader knows (a file that vanished, a reader bug): still this file's result, never the merge's end.
        const name = task.path.split(/[\\/]/).pop() ?? task.path;
        const why = e instanceof Error ? e.message.slice(0, 160) : String(e).slice(0, 160);
        return (0, rejected_result_1.rejectedResult)(name, 'file.unreadable', {
            vi: `Không đọc được tệp này (${why}). Hãy mở và lưu lại bằng Excel rồi gửi lại.`,
            en: `This file cannot be read (${why}). Open and save it again in Excel, then resend.`,
        });
    }
}
