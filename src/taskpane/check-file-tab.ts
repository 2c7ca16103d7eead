// Part 2, "Kiểm tra", where returns are files (the page without Excel): the unit
// picks or drops its filled-in form, the worker reads it with the same rules as
// the command line and the list shows each problem with its sheet and cell — the
// same state (check-state.ts) and list (renderCheck) as the pane, without cells to select.
import { CheckSummary, checkSummary } from './check-state';
import { renderCheck } from './check-tab';
import { PaneHost } from './host';
import { readPickedReturn } from './read-file';
import { Pane, busy, byId, el, showMessage } from './ui';
import { ReadWorker } from './worker-client';

const ACCEPT = '.xlsx,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet';

/** The pane's summary, told of a file rather than a sheet, and without "click to go to the cell". */
export function fileSummary(summary: CheckSummary, file: string, sheet: string | undefined): CheckSummary {
  const lines = summary.lines.flatMap((l): CheckSummary['lines'] => {
    if ('text' in l) return [l];
    if (l.key === 'checkedSheet') return [sheet ? { key: 'checkedFile', vars: { file, sheet } } : { key: 'checkedFileOnly', vars: { file } }];
    if (l.key === 'clickToGo') return [{ key: 'checkFixAndPick' }];
    return [l];
  });
  return { ...summary, lines };
}

export function initCheckFileTab(pane: Pane, host: PaneHost, worker: Pick<ReadWorker, 'request'>): { activate(): void } {
  const t = pane.t;
  const status = byId('check-status');
  const panel = byId('panel-check');
  const pickBtn = byId<HTMLButtonElement>('btn-check');
  byId('live-wrap').hidden = true;
  byId('live-unavailable').hidden = true;
  const input = el('input', { type: 'file', id: 'check-file-input', accept: ACCEPT, class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
  pickBtn.after(input, el('span', { class: 'hint' }, t('checkDropHere')));
  pickBtn.parentElement?.classList.add('drop-zone');

  const check = (file: File) =>
    busy(pickBtn, async () => {
      showMessage(status, 'info', t('checking'));
      byId('problem-list').replaceChildren();
      const result = await readPickedReturn(worker, file, pane.campaign().year, pane);
      renderCheck(pane, host, undefined, result, fileSummary(checkSummary(result, result.sheet ?? ''), file.name, result.sheet));
      status.querySelector('.message')?.setAttribute('data-file', file.name);
    });

  pickBtn.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = ''; // the same file, fixed and saved, is picked again
    if (file) void check(file);
  });
  panel.addEventListener('dragover', (e) => {
    e.preventDefault();
    pickBtn.parentElement?.classList.add('over');
  });
  panel.addEventListener('dragleave', () => pickBtn.parentElement?.classList.remove('over'));
  panel.addEventListener('drop', (e) => {
    e.preventDefault();
    pickBtn.parentElement?.classList.remove('over');
    const file = e.dataTransfer?.files?.[0];
    if (file) void check(file);
  });
  // Nothing to check until a file is picked.
  return { activate: () => undefined };
}
