// Part 1, "Biểu mẫu": the plan details, "Chèn biểu mẫu" (new sheet) and
// "Tải biểu mẫu (.xlsx)" (the very same plan as a file, writer loaded on demand).
// State: form-state.ts; sheets and files go through the host.
import { FormParams, buildFormPlan } from '../core/form';
import { FIELD_NAMES, FormState, XLSX_MIME, campaignOf, editionHint, fieldEdited, formFileName, initialFormState, moreOpen, validate } from './form-state';
import { PaneHost } from './host';
import { formatNumber } from './i18n';
import { loadFields, saveFields } from './storage';
import { Pane, busy, byId, describeError, showMessage } from './ui';

export { FIELD_NAMES };

function input(name: string): HTMLInputElement | HTMLTextAreaElement {
  return byId<HTMLInputElement>(`f-${name}`);
}

export function readFields(): Record<string, string> {
  return Object.fromEntries(FIELD_NAMES.map((n) => [n, input(n).value]));
}

/** Marks each wrong field with the core's message and focuses the first; clears the rest. */
function showFieldErrors(pane: Pick<Pane, 'lang'>, errors: { field: string; message: { vi: string; en: string } }[]): void {
  for (const n of FIELD_NAMES) {
    input(n).removeAttribute('aria-invalid');
    byId(`f-${n}-err`).textContent = '';
  }
  for (const p of errors) {
    const box = document.getElementById(`f-${p.field}`);
    if (!box) continue;
    box.setAttribute('aria-invalid', 'true');
    const err = byId(`f-${p.field}-err`);
    err.textContent = err.textContent ? `${err.textContent} ${p.message[pane.lang]}` : p.message[pane.lang];
  }
  if (errors[0]) document.getElementById(`f-${errors[0].field}`)?.focus();
}

/** The form tab; returns the campaign as its fields say, for the other tabs. */
export function initFormTab(pane: Omit<Pane, 'campaign'>, host: PaneHost): { campaign(): ReturnType<Pane['campaign']>; state(): FormState } {
  const t = pane.t;
  const status = byId('form-status');
  const saved = loadFields();
  let state = initialFormState(saved);
  for (const n of FIELD_NAMES) input(n).value = state.fields[n];
  if (moreOpen(saved)) (document.querySelector('details.more') as HTMLDetailsElement).open = true;

  const yearHint = byId('f-year-hint');
  const updateYearHint = () => {
    const n = editionHint(state);
    yearHint.textContent = n !== undefined ? t('yearHint', { n: formatNumber(n, pane.lang) }) : '';
  };
  updateYearHint();

  const form = byId<HTMLFormElement>('form-params');
  form.addEventListener('input', (ev) => {
    const target = ev.target as HTMLElement;
    const name = FIELD_NAMES.find((n) => target.id === `f-${n}`);
    if (name) state = fieldEdited(state, name, (target as HTMLInputElement).value);
    saveFields(readFields());
    updateYearHint();
    // Clear a field's error as soon as it is edited; the rest stay until the next attempt.
    if (target.getAttribute('aria-invalid') === 'true') {
      target.removeAttribute('aria-invalid');
      const err = document.getElementById(`${target.id}-err`);
      if (err) err.textContent = '';
    }
  });

  /** The parameters, or undefined after marking what is wrong. */
  const params = (): FormParams | undefined => {
    const v = validate(state);
    showFieldErrors(pane, v.errors ?? []);
    return v.params;
  };

  const insertBtn = byId<HTMLButtonElement>('btn-insert');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(insertBtn, async () => {
      const p = params();
      if (!p) return showMessage(status, 'error', t('fixFields'));
      showMessage(status, 'info', t('inserting'));
      try {
        const res = await host.writeSheets([buildFormPlan(p)], { lang: pane.lang });
        showMessage(status, res.leftOut ? 'warning' : 'success', t('inserted', { sheet: res.sheets[0] }), res.leftOut);
      } catch (e) {
        showMessage(status, 'error', describeError(e, pane));
      }
    });
  });

  const buildFile = async (p: FormParams) => {
    // exceljs is large: fetched only when a file is asked for.
    const { writeWorkbook } = await import(/* webpackChunkName: "xlsx-writer" */ '../workbook/write-xlsx');
    const plan = buildFormPlan(p);
    return writeWorkbook({ sheets: [plan], title: plan.name });
  };

  const downloadBtn = byId<HTMLButtonElement>('btn-download');
  downloadBtn.addEventListener('click', () => {
    void busy(downloadBtn, async () => {
      const p = params();
      if (!p) return showMessage(status, 'error', t('fixFields'));
      showMessage(status, 'info', t('preparing'));
      try {
        const file = formFileName(p);
        const outcome = await host.downloadFile(file, await buildFile(p), XLSX_MIME);
        if (outcome === 'downloaded') showMessage(status, 'success', t('downloaded', { file }));
        else if (outcome === 'opened') showMessage(status, 'success', t('downloadOpened', { file }));
        else showMessage(status, 'warning', t('downloadUnavailable', { file }));
      } catch (e) {
        showMessage(status, 'error', describeError(e, pane));
      }
    });
  });

  // Some Office web views cannot save downloads; a host that can open the file as a new workbook offers that.
  const openBtn = byId<HTMLButtonElement>('btn-open-workbook');
  const open = host.openWorkbook;
  openBtn.hidden = !open;
  openBtn.addEventListener('click', () => {
    if (!open) return;
    void busy(openBtn, async () => {
      const p = params();
      if (!p) return showMessage(status, 'error', t('fixFields'));
      showMessage(status, 'info', t('preparing'));
      try {
        await open(await buildFile(p));
        showMessage(status, 'success', t('openedWorkbook'));
      } catch (e) {
        showMessage(status, 'error', describeError(e, pane));
      }
    });
  });

  return { campaign: () => campaignOf(state), state: () => state };
}
