// Reads one returned file from disk into a ReturnResult; never throws for a bad file.
// This is the one function the reading workers call.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { extractReturn } from '../core/extract';
import { FileRejected, ReturnResult } from '../core/returns';
import { MAX_FILE_BYTES, tooLargeMessage } from '../workbook/file-limits';
import { readWorkbookBytes } from '../workbook/read-workbook';
import { rejectedResult } from './rejected-result';

export interface ReadFileOptions {
  campaignYear?: number;
}

export function readReturnFile(path: string, opts: ReadFileOptions = {}): ReturnResult {
  const file = basename(path);
  const stat = statSync(path);
  // The file system's time: decides between two files whose own saved dates are equal.
  const fileModified = stat.mtimeMs;
  try {
    // Refuse a huge file before reading it into memory.
    if (stat.size > MAX_FILE_BYTES) throw new FileRejected(file, 'file.tooLarge', tooLargeMessage(stat.size));
    const raw = readWorkbookBytes(new Uint8Array(readFileSync(path)), file, fileModified);
    return { ...extractReturn(raw, { campaignYear: opts.campaignYear }), fileModified };
  } catch (e) {
    if (!(e instanceof FileRejected)) throw e;
    return rejectedResult(file, e.code, e.text, fileModified);
  }
}
