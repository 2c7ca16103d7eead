// Reads one returned file from disk into a ReturnResult (or, for a merge, tells a provincial
// summary from a unit's return); never throws for a bad file. The reading workers (read-worker.ts) call these.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ReturnResult } from '../core/returns';
import { MAX_FILE_BYTES, tooLargeMessage } from '../workbook/file-limits';
import { nationalProvinces } from './national';
import { MergeInput, readMergeInput } from '../workbook/read-input';
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

/** One input of a merge and where it was read from. */
export type InputFile = MergeInput & { path: string };

/** A provincial summary or a unit's return (with the province its form names); too large a file is a rejected return. */
export function readInputFile(path: string, campaignYear?: number): InputFile {
  const file = basename(path);
  const stat = statSync(path);
  const fileModified = stat.mtimeMs;
  if (stat.size > MAX_FILE_BYTES) return { path, kind: 'return', result: { ...rejectedResult(file, fileModified, 'file.tooLarge', tooLargeMessage(stat.size)), fileModified } };
  const input = readMergeInput(new Uint8Array(readFileSync(path)), file, { modified: fileModified, campaignYear, directory: nationalProvinces() });
  return input.kind === 'return' ? { path, ...input, result: { ...input.result, fileModified } } : { path, ...input };
}
