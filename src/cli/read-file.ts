// Reads one returned file from disk into a ReturnResult; never throws for a bad file.
// This is the one function the reading workers (read-worker.ts) call.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ReturnResult } from '../core/returns';
import { MAX_FILE_BYTES, tooLargeMessage } from '../workbook/file-limits';
import { readReturn } from '../workbook/read-return';
import { rejectedResult } from '../workbook/read/rejections';

export function readReturnFile(path: string, campaignYear?: number): ReturnResult {
  const file = basename(path);
  const stat = statSync(path);
  // The file system's time: stands in when the file records no date, and decides between two
  // files whose own saved dates are equal.
  const fileModified = stat.mtimeMs;
  // Refuse a huge file before reading it into memory.
  const result =
    stat.size > MAX_FILE_BYTES
      ? rejectedResult(file, fileModified, 'file.tooLarge', tooLargeMessage(stat.size))
      : readReturn(new Uint8Array(readFileSync(path)), file, { modified: fileModified, campaignYear });
  return { ...result, fileModified };
}
