// The Web Worker that reads returned files off the UI thread: bytes in, the
// core's ReturnResult (or a provincial summary's ProvinceReturn) out, so the pane never freezes on a large or hostile file.
import { z } from 'zod';
import { FileRejected } from '../core/returns';
import { readRosterBytes } from '../workbook/read-roster';
import { loadNationalProvinces } from '../core/provinces';
import { readMergeInput } from '../workbook/read-input';
import { rejectionMessage } from '../workbook/read/rejections';
import { WorkerReply, WorkerRequest } from './worker-protocol';

// No eval under the pane's Content-Security-Policy.
z.config({ jitless: true });

const ctx = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerReply): void };

ctx.onmessage = async (e) => {
  const req = e.data;
  try {
    const bytes = new Uint8Array(req.bytes);
    if (req.kind === 'roster') {
      ctx.postMessage({ id: req.id, ok: true, kind: 'roster', rows: readRosterBytes(bytes, req.name) });
      return;
    }
    const input = readMergeInput(bytes, req.name, { modified: req.modified, campaignYear: req.campaignYear, directory: await loadNationalProvinces() });
    ctx.postMessage(input.kind === 'summary' ? { id: req.id, ok: true, kind: 'summary', summary: input.summary } : { id: req.id, ok: true, kind: 'return', result: input.result });
  } catch (err) {
    if (err instanceof FileRejected) ctx.postMessage({ id: req.id, ok: false, code: err.code, text: err.text });
    else
      ctx.postMessage({
        id: req.id,
        ok: false,
        code: 'file.unreadable',
        text: rejectionMessage('file.unreadable'),
      });
  }
};
