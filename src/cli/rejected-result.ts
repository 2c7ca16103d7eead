import { Problem, ReturnResult } from '../core/returns';

/** A file refused before or while reading: no rows, one error. */
export function rejectedResult(file: string, code: string, message: Problem['message'], fileModified?: number): ReturnResult {
  return { file, ...(fileModified !== undefined ? { modified: fileModified, fileModified } : {}), rows: [], status: 'error', problems: [{ file, severity: 'error', code, message }] };
}
