"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = readTask;
const rejections_1 = require("../workbook/read/rejections");
const read_file_1 = require("./read-file");
function readTask(task) {
    try {
        return (0, read_file_1.readReturnFile)(task.path, task.campaignYear);
    }
    catch (e) {
        // The file vanished or cannot be opened between listing and reading: still this file's result, never the merge's end.
        const name = task.path.split(/[\\/]/).pop() ?? task.path;
        const why = e instanceof Error ? e.message.slice(0, 160) : String(e).slice(0, 160);
        return (0, rejections_1.rejectedResult)(name, undefined, 'file.unreadable', {
            vi: `Không mở được tệp này (${why}). Hãy kiểm tra tệp còn ở đó và đọc được, rồi chạy lại.`,
            en: `This file could not be opened (${why}). Check that it is still there and readable, then run again.`,
        });
    }
}
