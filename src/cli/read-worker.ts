// A reading worker of the pool (read-pool.ts): a path in, a ReturnResult out.
// Runs in a worker thread with a heap cap, so a hostile file can only take this thread down.
import { ReturnResult } from '../core/returns';
import { ReadFileOptions, readReturnFile } from './read-file';
import { rejectedResult } from './rejected-result';

export interface ReadTask extends ReadFileOptions {
  path: string;
}

export default function readTask(task: ReadTask): ReturnResult {
  try {
    return readReturnFile(task.path, task);
  } catch (e) {
    // Not a refusal the reader knows (a file that vanished, a reader bug): still this file's result, never the merge's end.
    const name = task.path.split(/[\\/]/).pop() ?? task.path;
    const why = e instanceof Error ? e.message.slice(0, 160) : String(e).slice(0, 160);
    return rejectedResult(name, 'file.unreadable', {
      vi: `Không đọc được tệp này (${why}). Hãy mở và lưu lại bằng Excel rồi gửi lại.`,
      en: `This file cannot be read (${why}). Open and save it again in Excel, then resend.`,
    });
  }
}
