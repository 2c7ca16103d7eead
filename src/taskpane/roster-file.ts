// The roster where returns are files (the page without Excel): the list of units
// is a .csv or workbook the clerk picks, read in the worker by the reader
// `--roster` uses; "Tải danh sách trống" saves the empty list sheet to fill in.
import { Pane, byId, el } from './ui';

const ACCEPT = '.csv,.xlsx,.xls,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet';

export interface RosterFile {
  /** Shows whether a list is picked (the pane's refreshRoster, for files). */
  refresh(): void;
  /** The picked list's name and bytes. */
  read(): Promise<{ name: string; bytes: ArrayBuffer }>;
}

export function initRosterFile(pane: Pane, useRoster: HTMLInputElement, status: HTMLElement): RosterFile {
  const t = pane.t;
  const label = byId('use-roster-label');
  const input = el('input', { type: 'file', id: 'roster-file-input', accept: ACCEPT, class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
  const pick = el('button', { type: 'button', id: 'btn-roster-pick', class: 'btn' }, t('pageRosterPick'));
  useRoster.closest('label')?.before(el('div', { class: 'roster-pick' }, pick, input));
  let file: File | undefined;

  const refresh = () => {
    useRoster.disabled = !file;
    if (!file) useRoster.checked = false;
    label.textContent = file ? t('pageRosterUse', { file: file.name }) : t('pageRosterUseNone');
    status.textContent = file ? '' : t('pageRosterMissing');
  };
  pick.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const picked = input.files?.[0];
    input.value = '';
    if (!picked) return;
    file = picked;
    useRoster.checked = true; // picking a list means using it
    refresh();
  });
  refresh();
  return {
    refresh,
    read: async () => {
      if (!file) throw new Error('no roster file');
      return { name: file.name, bytes: await file.arrayBuffer() };
    },
  };
}
