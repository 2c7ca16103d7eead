// One returned file, bytes to ReturnResult, in one call that never throws: the step the CLI, the
// task pane's worker and the benchmark share.
import { extractReturn, ExtractOptions } from '../core/extract';
import { FileRejected, ReturnResult } from '../core/returns';
import { readWorkbookBytes } from './read/index';
import { rejectedResult, rejectionMessage } from './read/rejections';

export interface ReadReturnOptions extends ExtractOptions {
  /** The file system's last-modified time (ms), used when the file records no date of its own. */
  modified?: number;
}

/** Reads and validates one returned file; a file that cannot be read becomes a rejected result naming it. */
export function readReturn(bytes: Uint8Array, name: string, options: ReadReturnOptions = {}): ReturnResult {
  const modified = options.modified;
  try {
    const raw = readWorkbookBytes(bytes, name, modified);
    const result = extractReturn(raw, options);
    // What the reader left out is said on the result, after the form's own problems.
    if (!raw.problems?.length) return result;
    return { ...result, problems: [...result.problems, ...raw.problems], status: result.status === 'ok' ? 'warning' : result.status };
  } catch (e) {
    if (e instanceof FileRejected) return rejectedResult(name, modified, e.code, e.text);
    return rejectedResult(name, modified, 'file.unreadable', rejectionMessage('file.unreadable'));
  }
}
