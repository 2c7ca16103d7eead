// Part 1, "Biểu mẫu": the plan details, "Chèn biểu mẫu" (new sheet) and
// "Tải biểu mẫu (.xlsx)" (the very same plan as a file, writer loaded on demand).
import { DEFAULT_FORM_PARAMS, FormParams, buildFormPlan, editionOf, parseFormParams } from '../core/form';
import { insertSheetPlans } from '../excel/insert';
import { formatNumber } from './i18n';
import { loadFields, saveFields } from './storage';
import { Pane, busy, byId, describeError, showMessage } from './ui';

export const FIELD_NAMES = ['year', 'rows', 'province', 'body', 'plan', 'unit', 'theme', 'deadline'] as const;

function input(name: string): HTMLInputElement | HTMLTextAreaElement {
  return byId<HTMLInputElement>(`f-${name}`);
}

export function readFields(): Record<string, string> {
  return Object.fromEntries(FIELD_NAMES.map((n) => [n, input(n).value]));
}

let yearChosen = false;

/** Campaign details usable elsewhere in the pane: each field only if the core accepts it. */
export function campaignFromFields(): { year?: number; province?: string; body?: string } {
  const f = readFields();
  const res = parseFormParams(f);
  if (res.ok) return { year: yearChosen ? res.params.year : undefined, province: res.params.province, body: res.params.body };
  const bad = new Set(res.problems.map((p) => p.field));
  const y = Number(f.year);
  return {
    year: yearChosen && !bad.has('year') && Number.isInteger(y) ? y : undefined,
    province: bad.has('province') || !f.province.trim() ? undefined : f.province.trim(),
    body: bad.has('body') || !f.body.trim() ? undefined : f.body.trim(),
  };
}

/** Checks the fields with the core's rules and marks each wrong one; undefined when any is wrong. */
export function validFormParams(pane: Pane, mark = true): FormParams | undefined {
  const res = parseFormParams(readFields());
  if (mark) {
    for (const n of FIELD_NAMES) {
      input(n).removeAttribute('aria-invalid');
      byId(`f-${n}-err`).textContent = '';
    }
  }
  if (res.ok) return res.params;
  if (mark) {
    for (const p of res.problems) {
      const box = document.getElementById(`f-${p.field}`);
      if (!box) continue;
      box.setAttribute('aria-invalid', 'true');
      const err = byId(`f-${p.field}-err`);
      err.textContent = err.textContent ? `${err.textContent} ${p.message[pane.lang]}` : p.message[pane.lang];
    }
    if (res.problems[0]) document.getElementById(`f-${res.problems[0].field}`)?.focus();
  }
  return undefined;
}

function asciiFileName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function initFormTab(pane: Pane): void {
  const t = pane.t;
  const status = byId('form-status');
  const saved = loadFields();
  const defaults: Record<string, string> = {
    year: String(new Date().getFullYear()),
    rows: String(DEFAULT_FORM_PARAMS.rows),
    province: '',
    body: DEFAULT_FORM_PARAMS.body,
    plan: '',
    unit: '',
    theme: '',
    deadline: '',
  };
  for (const n of FIELD_NAMES) input(n).value = saved?.[n] ?? defaults[n];
  yearChosen = saved?.year !== undefined;
  input('year').addEventListener('input', () => (yearChosen = true));
  if (saved?.theme || saved?.deadline) (document.querySelector('details.more') as HTMLDetailsElement).open = true;

  const yearHint = byId('f-year-hint');
  const updateYearHint = () => {
    const y = Number(input('year').value);
    yearHint.textContent = Number.isInteger(y) && y >= 2017 && y <= 2100 ? t('yearHint', { n: formatNumber(editionOf(y), pane.lang) }) : '';
  };
  updateYearHint();

  const form = byId<HTMLFormElement>('form-params');
  form.addEventListener('input', (ev) => {
    saveFields(readFields());
    updateYearHint();
    // Clear a field's error as soon as it is edited; the rest stay until the next attempt.
    const target = ev.target as HTMLElement;
    if (target.getAttribute('aria-invalid') === 'true') {
      target.removeAttribute('aria-invalid');
      const err = document.getElementById(`${target.id}-err`);
      if (err) err.textContent = '';
    }
  });

  const insertBtn = byId<HTMLButtonElement>('btn-insert');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(insertBtn, async () => {
      const params = validFormParams(pane);
      if (!params) return showMessage(status, 'error', t('fixFields'));
      showMessage(status, 'info', t('inserting'));
      try {
        const res = await insertSheetPlans([buildFormPlan(params)], { lang: pane.lang, features: pane.features });
        showMessage(status, res.leftOut ? 'warning' : 'success', t('inserted', { sheet: res.sheets[0] }), res.leftOut);
      } catch (e) {
        showMessage(status, 'error', describeError(e, pane));
      }
    });
  });

  const buildFile = async (params: FormParams) => {
    // exceljs is large: fetched only when a file is asked for.
    const { writeWorkbook } = await import(/* webpackChunkName: "xlsx-writer" */ '../workbook/write-xlsx');
    const plan = buildFormPlan(params);
    return writeWorkbook({ sheets: [plan], title: plan.name });
  };

  const downloadBtn = byId<HTMLButtonElement>('btn-download');
  downloadBtn.addEventListener('click', () => {
    void busy(downloadBtn, async () => {
      const params = validFormParams(pane);
      if (!params) return showMessage(status, 'error', t('fixFields'));
      showMessage(status, 'info', t('preparing'));
      try {
        const bytes = await buildFile(params);
        const file = `bieu-mau-ctxh-${params.year}${params.unit ? `-${asciiFileName(params.unit)}` : ''}.xlsx`;
        const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = file;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        showMessage(status, 'success', t('downloaded', { file }));
      } catch (e) {
        showMessage(status, 'error', describeError(e, pane));
      }
    });
  });

  // Some Office web views cannot save downloads; Excel 2019+ can open the file as a new workbook instead.
  const openBtn = byId<HTMLButtonElement>('btn-open-workbook');
  openBtn.hidden = !pane.features.validation;
  openBtn.addEventListener('click', () => {
    void busy(openBtn, async () => {
      const params = validFormParams(pane);
      if (!params) return showMessage(status, 'error', t('fixFields'));
      showMessage(status, 'info', t('preparing'));
      try {
        await Excel.createWorkbook(toBase64(await buildFile(params)));
        showMessage(status, 'success', t('openedWorkbook'));
      } catch (e) {
        showMessage(status, 'error', describeError(e, pane));
      }
    });
  });
}
