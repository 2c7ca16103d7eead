// Small DOM helpers and the shared pane context: no framework, so the pane
// loads fast in Office's web view and the CSP needs no inline code.
import { Message } from '../core/i18n';
import type { LeftOut } from './host';
import { Lang, T } from './i18n';

export interface Pane {
  lang: Lang;
  t: T;
  /**
   * The campaign as set in part 1 (only fields that pass the core's checks). The year
   * counts only once the user chose it: a fresh pane's default must not relabel last year's returns.
   */
  campaign(): { year?: number; province?: string; body?: string; plan?: string; deadline?: string };
}

export function byId<E extends HTMLElement = HTMLElement>(id: string): E {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing from taskpane.html`);
  return e as E;
}

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') e.className = String(v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

export type MessageKind = 'success' | 'warning' | 'error' | 'info';
const ICON: Record<MessageKind, string> = { success: '✓', warning: '!', error: '✕', info: 'i' };

/** Replaces the content of a status area with one message bar. */
export function showMessage(area: HTMLElement, kind: MessageKind, title: string, ...lines: Line[]): void {
  area.replaceChildren(message(kind, title, ...lines));
}

/** A line of a message bar: text, what an older Excel left out, or an element (a next step with its button). */
export type Line = string | LeftOut | Node | undefined;

export type { LeftOut };

export function message(kind: MessageKind, title: string, ...lines: Line[]): HTMLElement {
  const text = el('div', { class: 'text' }, el('span', { class: 'title' }, title));
  for (const l of lines) {
    if (!l) continue;
    if (typeof l === 'string') text.append(el('div', {}, l));
    else if (l instanceof Node) text.append(l);
    else text.append(el('div', { class: 'left-out' }, l.intro), el('ul', { class: 'left-out' }, ...l.items.map((i) => el('li', {}, i))));
  }
  return el('div', { class: `message ${kind}`, 'data-kind': kind }, el('span', { class: 'icon', 'aria-hidden': 'true' }, ICON[kind]), text);
}

/** Plain words for whatever went wrong talking to Excel. */
export function describeError(e: unknown, pane: Pick<Pane, 'lang' | 't'>): string {
  // Refusals that carry their own words (a sheet too large to read, a worker failure) say them.
  const err = e as { code?: string; message?: string; text?: Message };
  if (err?.text && typeof err.text === 'object' && pane.lang in err.text) return err.text[pane.lang];
  switch (err?.code) {
    case 'InvalidOperationInCellEditMode':
      return pane.t('excelBusy');
    case 'AccessDenied':
      return pane.t('excelProtected');
    case 'ApiNotFound':
      return pane.t('excelTooOld');
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return pane.t('excelTooBig');
    case 'ItemNotFound':
      return pane.t('excelGone');
  }
  return pane.t('excelError', { msg: err?.message ?? String(e) });
}

/** "Gửi biểu này cho các đơn vị: [Tải biểu mẫu (.xlsx)]": a line with the next step's button. */
export function nextStep(label: string, button: string, onClick: () => void): HTMLElement {
  const b = el('button', { type: 'button', class: 'btn' }, button);
  b.addEventListener('click', onClick);
  return el('div', { class: 'next' }, el('span', {}, label), b);
}

/** Runs `work` with the button disabled, so a double click cannot insert twice. */
export async function busy<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T | undefined> {
  if (button.disabled) return undefined;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}
