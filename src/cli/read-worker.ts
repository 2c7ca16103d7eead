// A reading worker of the pool (read-pool.ts): a path in, a ReturnResult out.
// Runs in a worker thread with a heap cap, so a hostile file can only take this thread down.
import { ReturnResult } from '../core/returns';
import { rejectedResult } from '../workbook/read/rejections';
import { InputFile, readInputFile, readReturnFile } from './read-file';

export interface ReadTask {
  path: string;
  campaignYear?: number;
  /** Tell a provincial summary from a return (merge): the answer is an InputFile. */
  asInput?: boolean;
}

export default function readTask(task: ReadTask): ReturnResult | InputFile {
  try {
    return task.asInput ? readInputFile(task.path, task.campaignYear) : readReturnFile(task.path, task.campaignYear);
  } catch (e) {
    // The file vanished or cannot be opened between listing and reading: still this file's result, never the merge's end.
    const name = task.path.split(/[\\/]/).pop() ?? task.path;
    const why = e instanceof Error ? e.message.slice(0, 160) : String(e).slice(0, 160);
    const result = rejectedResult(name, undefined, 'file.unreadable', {
      vi: `Không mở được tệp này (${why}). Hãy kiểm tra tệp còn ở đó và đọc được, rồi chạy lại.`,
      en: `This file could not be opened (${why}). Check that it is still there and readable, then run again.`,
    });
    return task.asInput ? { path: task.path, kind: 'return', result } : result;
  }
}
