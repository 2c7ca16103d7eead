// One picked file read in the worker into the core's result, never throwing: a
// file too large, refused or not answered becomes a rejected result naming it.
// (The merge tab reads its files the same way, inline in its queue.)
import { ReturnResult } from '../core/returns';
import { MAX_FILE_BYTES, tooLargeMessage } from '../workbook/file-limits';
import { rejectedResult } from '../workbook/read/rejections';
import { both } from './i18n';
import { Pane, describeError } from './ui';
import { ReadWorker, WorkerFailed } from './worker-client';

export async function readPickedReturn(worker: Pick<ReadWorker, 'request'>, file: File, campaignYear: number | undefined, pane: Pick<Pane, 't'>): Promise<ReturnResult> {
  const name = file.name;
  const modified = file.lastModified;
  if (file.size > MAX_FILE_BYTES) return rejectedResult(name, modified, 'file.tooLarge', tooLargeMessage(file.size));
  try {
    const bytes = await file.arrayBuffer();
    const reply = await worker.request({ kind: 'return', name, modified, bytes, campaignYear }, [bytes]);
    if (reply.ok && reply.kind === 'return') return reply.result;
    if (!reply.ok) return rejectedResult(name, modified, reply.code, reply.text);
    return rejectedResult(name, modified, 'file.unreadable', both('workerFailed'));
  } catch (e) {
    const text = e instanceof WorkerFailed ? e.text : { vi: describeError(e, { lang: 'vi', t: pane.t }), en: describeError(e, { lang: 'en', t: pane.t }) };
    return rejectedResult(name, modified, 'file.unreadable', text);
  }
}
