// Part 3, "Tổng hợp": pick or drop many returned files; each is read in the
// worker and listed as it arrives (unit, status, figures); "Tổng hợp" writes the
// consolidated sheets from the same plan as the command line through the host,
// replacing an earlier summary only after the user says so. State: merge-state.ts.
import { coverageMessage, formsYear, mergeReturns } from '../core/merge';
import { NO_ROSTER, receivedCounts, receivedWithoutRoster } from '../core/coverage-text';
import { loadNationalIndex } from '../core/admin/load';
import { chooseProvince, provinceRoster } from '../core/admin/province-roster';
import { COMMUNE_ERA_HEADINGS } from '../core/admin/roster-template';
import { Problem, ReturnResult } from '../core/returns';
import { RosterEntry, groupSetForYear, isTwoLevelYear } from '../core/vocabulary';
import { NationalMerged, mergeNational, mixedInputsProblem } from '../core/national';
import { buildNationalPlan } from '../core/national-plan';
import { loadNationalProvinces } from '../core/provinces';
import { ProvinceReturn } from '../core/summary-read';
import { buildSummaryPlan } from '../core/summary-plan';
import { Merged } from '../core/merge';
import { ACTIVITY_LABELS } from '../core/activities';
import { buildReportPlan } from '../core/report-plan';
import { buildNationalReportPlan } from '../core/national-report-plan';
import { parseDayMonthYear } from '../core/report-date';
import { buildRoster } from '../core/units';
import { MAX_FILE_BYTES, tooLargeMessage } from '../workbook/file-limits';
import { PaneHost } from './host';
import { Lang, formatNumber } from './i18n';
import { loadSheetLang, saveSheetLang } from './storage';
import {
  COUNT_LABEL,
  FileCard,
  Filter,
  LIST_ORDER,
  MergeFile,
  MergeState,
  MergeView,
  STATUS_LABEL,
  setFilter,
  addFile,
  clearFiles,
  fileRead,
  initialMergeState,
  listingDone,
  listingStarted,
  mergeButton,
  mergeDone,
  mergeStarted,
  mergeView,
  possiblySame,
  readResults,
  readSummaries,
  readingStarted,
  removeFile,
  nationalReportParams,
  reportFileName,
  spreadsheetsOf,
  summaryFileName,
} from './merge-state';
import { rejectedResult } from '../workbook/read/rejections';
import { ROSTER_SHEET, rosterSheetPlan, sheetToCsv } from './roster';
import { initRosterFile } from './roster-file';
import { Pane, busy, byId, describeError, el, message, showMessage } from './ui';
import { ReadWorkerPool, WorkerFailed } from './worker-client';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function sameBytes(a: File, b: File): Promise<boolean> {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  const [x, y] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
  const u = new Uint8Array(x);
  const v = new Uint8Array(y);
  for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
  return true;
}

/** One file's card. Cards are kept by file and rebuilt only when what they show changed. */
function fileCard(pane: Pane, c: FileCard, onRemove: (id: number) => void): HTMLLIElement {
  const t = pane.t;
  const e = c.file;
  const r = e.result;
  const where = (p: Problem) => (p.cell ? `${p.sheet ? `${p.sheet}!` : ''}${p.cell}: ` : '');
  const figures = c.totals
    ? `${t('people', { n: formatNumber(c.totals.participants, pane.lang) })} · ${t('money', { n: formatNumber(c.totals.totalFunding, pane.lang) })}`
    : undefined;
  const remove = el('button', { type: 'button', class: 'file-remove', 'aria-label': t('removeFile', { file: e.name }), title: t('removeFile', { file: e.name }) }, '×');
  remove.addEventListener('click', () => onRemove(e.id));
  const rest = (e.summary ? e.summary.problems : c.problems).filter((p) => p !== c.reason);
  const details =
    c.status === 'superseded'
      ? el('div', { class: 'file-note' }, t('supersededBy', { by: c.supersededBy ?? '' }))
      : rest.length
        ? el(
            'details',
            { open: c.status === 'error' && rest.length <= 3 },
            el('summary', {}, t('problemCount', { n: rest.length })),
            el('ul', {}, ...rest.map((p) => el('li', {}, `${where(p)}${p.message[pane.lang]}`))),
          )
        : null;
  return el(
    'li',
    { class: 'file', 'data-id': String(e.id), 'data-file': e.name, 'data-status': c.status },
    el(
      'div',
      { class: 'file-head' },
      el(
        'div',
        { class: 'file-main' },
        // While reading only the file's name is known: shown once.
        el('div', { class: 'file-unit' }, e.summary ? (e.summary.province?.name ?? t('unknownProvince')) : r ? (r.unit ?? t('unknownUnit')) : e.name),
        r || e.summary ? el('div', { class: 'file-name' }, e.name) : null,
        figures ? el('div', { class: 'file-figures' }, figures) : null,
        c.reason ? el('div', { class: 'file-reason' }, el('span', { class: 'visually-hidden' }, `${t('notMergedBecause')} `), `${where(c.reason)}${c.reason.message[pane.lang]}`) : null,
      ),
      el('span', { class: `badge ${c.status}` }, t(STATUS_LABEL[c.status])),
      remove,
    ),
    details,
  );
}

const cardKey = (c: FileCard) => `${c.status}|${c.supersededBy ?? ''}|${c.problems.length}|${c.file.result ? 1 : 0}`;

/** The list, the filter and the footer's line from the state; DOM work only for cards that changed. */
function renderFiles(pane: Pane, s: MergeState, view: MergeView, cache: Map<number, { key: string; li: HTMLLIElement }>, onRemove: (id: number) => void, onFilter: (f: Filter) => void): void {
  const t = pane.t;
  const list = byId<HTMLUListElement>('file-list');
  const live = new Set(s.files.map((f) => f.id));
  for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
  const wanted = view.cards.map((c) => {
    const key = cardKey(c);
    const hit = cache.get(c.file.id);
    if (hit && hit.key === key) return hit.li;
    const li = fileCard(pane, c, onRemove);
    cache.set(c.file.id, { key, li });
    return li;
  });
  // Take out what is no longer shown (a redrawn card's old element, filtered-out cards), then move or
  // insert only what is out of place: the DOM work follows what changed, not the length of the list.
  const keep = new Set<Element>(wanted);
  for (const li of [...list.children]) if (!keep.has(li)) li.remove();
  wanted.forEach((li, i) => {
    const at = list.children[i];
    if (at !== li) list.insertBefore(li, at ?? null);
  });
  while (list.children.length > wanted.length) list.lastElementChild!.remove();
  byId<HTMLButtonElement>('btn-clear-files').hidden = s.files.length === 0;

  // Filter: Fluent's toggle buttons, errors first, each with its count.
  const bar = byId('file-filter');
  const statuses = LIST_ORDER.filter((st) => st !== 'reading' && view.counts.some((c) => c.status === st));
  bar.hidden = s.files.length === 0 || s.reading > 0 || statuses.length < 2;
  if (!bar.hidden) {
    const total = s.files.length;
    const opts: { f: Filter; label: string }[] = [
      { f: 'all', label: `${t('filterAll')} (${formatNumber(total, pane.lang)})` },
      ...statuses.map((st) => ({ f: st as Filter, label: `${t(STATUS_LABEL[st])} (${formatNumber(view.counts.find((c) => c.status === st)!.n, pane.lang)})` })),
    ];
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.filter;
    bar.replaceChildren(
      ...opts.map((o) => {
        const b = el('button', { type: 'button', class: `chip ${o.f}`, 'data-filter': o.f, 'aria-pressed': String(view.filter === o.f) }, o.label);
        b.addEventListener('click', () => onFilter(o.f));
        return b;
      }),
    );
    if (focused) (bar.querySelector(`[data-filter="${focused}"]`) as HTMLElement | null)?.focus();
  }

  const progress = byId('read-progress');
  const barEl = byId<HTMLProgressElement>('progress-bar');
  const text = byId('progress-text');
  const p = s.progress;
  progress.hidden = p.kind === 'hidden';
  if (p.kind === 'bar') {
    barEl.hidden = false;
    barEl.max = p.max;
    barEl.value = p.value;
    text.textContent = t(p.text.key, p.text.vars);
  } else if (p.kind === 'summary') {
    barEl.hidden = true;
    // "15 tệp · 12 hợp lệ · 2 lỗi · 1 trùng"
    text.textContent = [t('filesCount', { n: s.files.length }), ...view.counts.map((c) => t(COUNT_LABEL[c.status], { n: c.n }))].join(' · ');
  }
}

function renderButton(pane: Pane, s: MergeState): void {
  const b = mergeButton(s);
  const btn = byId<HTMLButtonElement>('btn-merge');
  btn.disabled = b.disabled;
  btn.textContent = pane.t(b.label);
  btn.setAttribute('aria-busy', String(b.busy));
}

export function initMergeTab(pane: Pane, host: PaneHost, worker: Pick<ReadWorkerPool, 'request' | 'size'>): { activate(): void } {
  const t = pane.t;
  let state = initialMergeState;
  /** The picked files' bytes, by id: outside the state, which holds only what the view shows. */
  const handles = new Map<number, File>();
  const status = byId('merge-status');
  const input = byId<HTMLInputElement>('file-input');
  const drop = byId('drop-zone');
  const useRoster = byId<HTMLInputElement>('use-roster');
  const rosterStatus = byId('roster-status');
  const mergeBtn = byId<HTMLButtonElement>('btn-merge');
  byId('use-roster-label').textContent = t('rosterUse', { sheet: ROSTER_SHEET });

  const params = () => pane.campaign();
  const showContext = () => {
    const c = params();
    byId('merge-context').textContent = [c.year ? t('contextYear', { year: c.year }) : t('contextYearAuto'), c.province, c.body].filter(Boolean).join(' · ');
    // The deadline the plan gave (part 1), until the user types one here.
    if (!deadlineTyped && c.deadline) deadlineBox.value = c.deadline;
  };

  // ---- deadline and the report draft
  const deadlineBox = byId<HTMLInputElement>('m-deadline');
  const deadlineErr = byId('m-deadline-err');
  let deadlineTyped = false;
  deadlineBox.addEventListener('input', () => {
    deadlineTyped = true;
    deadlineBox.removeAttribute('aria-invalid');
    deadlineErr.textContent = '';
  });
  /** The deadline as "YYYY-MM-DD", undefined when empty, null when not a date (marked). */
  const deadline = (): string | undefined | null => {
    const v = deadlineBox.value.trim();
    if (!v) return undefined;
    const iso = parseDayMonthYear(v);
    if (iso) return iso;
    deadlineBox.setAttribute('aria-invalid', 'true');
    deadlineErr.textContent = t('mergeDeadlineInvalid');
    deadlineBox.focus();
    return null;
  };
  const reportBtn = byId<HTMLButtonElement>('btn-report');
  // The last merge, provincial or national: the report draft is built from it.
  let lastMerge: { level: 'province'; merged: Merged; year?: number; deadline?: string } | { level: 'national'; national: NationalMerged; year?: number } | undefined;
  reportBtn.addEventListener('click', () => {
    if (!lastMerge) return;
    const last = lastMerge;
    void busy(reportBtn, async () => {
      try {
        const c = params();
        // The docx writer is large: fetched only when a report is asked for.
        const { writeReportDocx } = await import(/* webpackChunkName: "docx-writer" */ '../workbook/write-docx');
        const plan =
          last.level === 'national'
            ? buildNationalReportPlan(last.national, { year: last.year, ...nationalReportParams(c) })
            : buildReportPlan(last.merged, { year: last.year, province: c.province, body: c.body, plan: c.plan, deadline: last.deadline, activityTypes: ACTIVITY_LABELS });
        const file = reportFileName(last.year, last.level === 'national');
        const outcome = await host.downloadFile(file, await writeReportDocx(plan), DOCX_MIME);
        if (outcome === 'downloaded') showMessage(status, 'success', t('reportDownloaded', { file }));
        else showMessage(status, 'warning', t('reportUnavailable', { file }));
      } catch (e) {
        showMessage(status, 'error', describeError(e, pane));
      }
    });
  });

  const cards = new Map<number, { key: string; li: HTMLLIElement }>();
  const list = byId<HTMLUListElement>('file-list');

  /** Removing a file keeps the keyboard in the list: on the next file's remove button, else the previous, else "Chọn tệp…". */
  const remove = (id: number) => {
    const shown = [...list.children] as HTMLElement[];
    const at = shown.findIndex((li) => li.dataset.id === String(id));
    const hadFocus = !!document.activeElement && shown[at]?.contains(document.activeElement);
    update(removeFile(state, id));
    if (!hadFocus) return;
    const rest = [...list.children] as HTMLElement[];
    const next = rest[Math.min(at, rest.length - 1)];
    ((next?.querySelector('.file-remove') as HTMLElement | null) ?? byId('btn-pick')).focus();
  };

  /** Redraws the list only when the files, the reading line or the filter changed; the button always. */
  const update = (next: MergeState) => {
    const prev = state;
    state = next;
    if (next.files !== prev.files || next.progress !== prev.progress || next.filter !== prev.filter) {
      if (next.files !== prev.files) {
        const live = new Set(state.files.map((f) => f.id));
        for (const id of handles.keys()) if (!live.has(id)) handles.delete(id);
      }
      renderFiles(pane, state, mergeView(state, params()?.year), cards, remove, (f) => update(setFilter(state, f)));
    }
    renderButton(pane, state);
  };

  // The workbook's language is its own setting: the report goes to a Vietnamese authority whatever Office speaks.
  const sheetLang = byId<HTMLSelectElement>('sheet-lang');
  sheetLang.value = loadSheetLang();
  sheetLang.addEventListener('change', () => saveSheetLang(sheetLang.value === 'en' ? 'en' : 'vi'));
  const workbookLang = (): Lang => (sheetLang.value === 'en' ? 'en' : 'vi');

  /** Listing is one pick at a time, so a pick's duplicates are judged against every earlier pick. */
  let listing: Promise<unknown> = Promise.resolve();
  const addFiles = async (files: File[]) => {
    update(listingStarted(state));
    const job = listing.then(() => listFiles(files));
    listing = job.catch(() => undefined);
    let fresh: MergeFile[];
    try {
      fresh = await job;
    } finally {
      state = listingDone(state);
    }
    await readFiles(fresh);
  };

  const listFiles = async (files: File[]): Promise<MergeFile[]> => {
    const pick: MergeFile[] = [];
    // A list of units among the returns (a .csv, or a workbook with "Đơn vị" and "Nhóm" columns) is the roster.
    const csv = files.filter((f) => /\.csv$/i.test(f.name));
    for (const f of csv) await useRosterFile(f, true).catch(() => false);
    for (const f of spreadsheetsOf(files.filter((f) => !csv.includes(f)))) {
      const meta = { original: f.name, size: f.size, modified: f.lastModified };
      let same: MergeFile | undefined;
      for (const e of possiblySame(state, meta, pick))
        if (await sameBytes(handles.get(e.id)!, f).catch(() => false)) {
          same = e;
          break;
        }
      const added = addFile(state, meta, same, pick);
      state = added.state;
      if (added.file) {
        pick.push(added.file);
        handles.set(added.file.id, f);
      }
    }
    return pick;
  };

  /** A return, or a provincial summary (`summary`), or nothing when the worker gave no answer. */
  const readOne = async (entry: MergeFile, year: number | undefined): Promise<{ result?: ReturnResult; summary?: ProvinceReturn }> => {
    const file = handles.get(entry.id);
    let result: ReturnResult | undefined;
    try {
      if (!file) throw new Error('removed');
      if (file.size > MAX_FILE_BYTES) {
        result = rejectedResult(entry.name, entry.modified, 'file.tooLarge', tooLargeMessage(file.size));
      } else {
        const bytes = await file.arrayBuffer();
        const reply = await worker.request({ kind: 'return', name: entry.name, modified: entry.modified, bytes, campaignYear: year }, [bytes]);
        if (reply.ok && reply.kind === 'summary') return { summary: reply.summary };
        result = reply.ok && reply.kind === 'return' ? reply.result : !reply.ok ? rejectedResult(entry.name, entry.modified, reply.code, reply.text) : undefined;
      }
    } catch (e) {
      const text = e instanceof WorkerFailed ? e.text : { vi: describeError(e, { ...pane, lang: 'vi' }), en: describeError(e, { ...pane, lang: 'en' }) };
      result = rejectedResult(entry.name, entry.modified, 'file.unreadable', text);
    }
    // The file's time on the computer decides between two returns saved in the same second.
    return { result: result && { ...result, fileModified: entry.modified } };
  };

  const readFiles = async (fresh: MergeFile[]) => {
    update(readingStarted(state, fresh.length));
    const year = params()?.year;
    // As many files at once as there are reading workers: every core reads, and only that many
    // files' bytes are held at a time, so memory stays flat with hundreds of files.
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < fresh.length; i = next++) {
        const { result, summary } = await readOne(fresh[i], year);
        const file = handles.get(fresh[i].id);
        // A workbook holding no form but a list of units is the roster, not a broken return.
        if (file && result?.status === 'error' && result.problems.some((p) => p.code === 'form.notFound') && (await useRosterFile(file, true).catch(() => false))) {
          update(removeFile(fileRead(state, fresh[i].id, result), fresh[i].id));
          continue;
        }
        // The state as it is now, after the other lanes' updates (not as it was before the read).
        update(fileRead(state, fresh[i].id, result, summary));
      }
    };
    await Promise.all(Array.from({ length: Math.min(worker.size, fresh.length) }, lane));
  };

  byId('btn-pick').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = ''; // picking the same file again must fire "change" again
    if (files.length) void addFiles(files);
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) void addFiles(files);
  });
  byId<HTMLButtonElement>('btn-clear-files').addEventListener('click', () => {
    update(clearFiles(state));
    status.replaceChildren();
  });

  // ---- roster
  const rosterBtn = byId<HTMLButtonElement>('btn-roster-insert');
  // Where returns are files, so is the roster.
  const rosterFile = host.source === 'files' ? initRosterFile(pane, useRoster, rosterStatus) : undefined;
  const refreshRoster = async () => {
    if (rosterFile) return rosterFile.refresh();
    try {
      const sheets = await host.listSheets();
      const has = sheets.some((s) => s.toLowerCase() === ROSTER_SHEET.toLowerCase());
      useRoster.disabled = !has;
      byId('use-roster-wrap').classList.toggle('disabled', !has);
      rosterBtn.hidden = has; // a second empty list would only confuse
      if (!has) useRoster.checked = false;
      else if (!useRoster.dataset.touched) useRoster.checked = true;
      rosterStatus.textContent = has ? '' : t('rosterMissing', { sheet: ROSTER_SHEET });
    } catch (e) {
      rosterStatus.textContent = describeError(e, pane);
    }
  };
  useRoster.addEventListener('change', () => (useRoster.dataset.touched = '1'));
  rosterBtn.addEventListener('click', () => {
    void busy(rosterBtn, async () => {
      try {
        const res = await host.writeSheets([rosterSheetPlan()], { lang: pane.lang });
        await refreshRoster();
        if (res.leftOut) showMessage(rosterStatus, 'warning', t('rosterInserted', { sheet: res.sheets[0] }), res.leftOut);
        else rosterStatus.textContent = t('rosterInserted', { sheet: res.sheets[0] });
      } catch (e) {
        rosterStatus.textContent = describeError(e, pane);
      }
    });
  });

  // The province's ready-made list: the 34 provinces from the national list, loaded (its own chunk) on first view.
  const provinceSelect = byId<HTMLSelectElement>('roster-province');
  const provinceBtn = byId<HTMLButtonElement>('btn-roster-province');
  let provincesShown = false;
  const showProvinces = async () => {
    if (provincesShown) return;
    provincesShown = true;
    try {
      const index = await loadNationalIndex();
      provinceSelect.append(...index.provinces.map((p) => el('option', { value: p.code }, p.name)));
      const typed = params()?.province;
      const guess = typed ? chooseProvince(index, typed) : undefined;
      if (guess?.ok) provinceSelect.value = guess.province.code;
    } catch (e) {
      provincesShown = false;
      rosterStatus.textContent = describeError(e, pane);
    }
  };
  provinceBtn.addEventListener('click', () => {
    void busy(provinceBtn, async () => {
      try {
        if (!provinceSelect.value) return void (rosterStatus.textContent = t('rosterProvinceNone'));
        const sheets = await host.listSheets();
        if (sheets.some((n) => n.toLowerCase() === ROSTER_SHEET.toLowerCase())) return void (rosterStatus.textContent = t('rosterSheetExists', { sheet: ROSTER_SHEET }));
        const index = await loadNationalIndex();
        const province = index.province(provinceSelect.value)!;
        const year = params()?.year ?? new Date().getFullYear();
        const roster = provinceRoster(index, province, year, COMMUNE_ERA_HEADINGS);
        const res = await host.writeSheets([roster.plan], { lang: pane.lang });
        await refreshRoster();
        const communes = roster.rows.filter((r) => !r.suggested).length;
        rosterStatus.textContent = [
          t('rosterProvinceInserted', { sheet: res.sheets[0], communes, province: province.name, suggested: roster.rows.length - communes }),
          res.message,
        ].filter(Boolean).join(' ');
      } catch (e) {
        rosterStatus.textContent = describeError(e, pane);
      }
    });
  });

  // A roster file from disk (.csv or a workbook), read by the same reader as --roster.
  const rosterInput = byId<HTMLInputElement>('roster-file-input');
  const rosterClear = byId<HTMLButtonElement>('btn-roster-file-clear');
  let fileRoster: { file: string; entries: RosterEntry[] } | undefined;
  const rosterRows = async (name: string, bytes: ArrayBuffer) => {
    const reply = await worker.request({ kind: 'roster', name, bytes }, [bytes]);
    if (!reply.ok) return { error: reply.text[pane.lang] };
    if (reply.kind !== 'roster') return { error: t('nothingToMerge') };
    return { rows: reply.rows };
  };
  const useRosterFile = async (file: File, fromReturns: boolean): Promise<boolean> => {
    const read = await rosterRows(file.name, await file.arrayBuffer());
    if (!read.rows) {
      if (!fromReturns) rosterStatus.textContent = read.error ?? '';
      return false;
    }
    const roster = buildRoster(read.rows.map((r, i) => ({ unit: r.unit, group: r.group, line: i + 1 })), groupSetForYear(params()?.year));
    fileRoster = { file: file.name, entries: roster.entries };
    rosterClear.hidden = false;
    rosterStatus.textContent = [
      fromReturns ? t('rosterFromReturns', { file: file.name }) : '',
      t('rosterFileUsed', { file: file.name, n: roster.entries.length }),
      ...roster.problems.map((p) => p.message[pane.lang]),
    ].filter(Boolean).join(' ');
    return true;
  };
  byId('btn-roster-file').addEventListener('click', () => rosterInput.click());
  rosterInput.addEventListener('change', () => {
    const f = rosterInput.files?.[0];
    rosterInput.value = '';
    if (f) void useRosterFile(f, false).catch((e) => (rosterStatus.textContent = describeError(e, pane)));
  });
  rosterClear.addEventListener('click', () => {
    fileRoster = undefined;
    rosterClear.hidden = true;
    rosterStatus.textContent = '';
  });

  const readRoster = async (): Promise<{ entries?: RosterEntry[]; notes: string[] }> => {
    if (fileRoster) return { entries: fileRoster.entries, notes: [t('rosterFileUsed', { file: fileRoster.file, n: fileRoster.entries.length })] };
    if (!useRoster.checked) return { notes: [] };
    const { name, bytes } = rosterFile ? await rosterFile.read() : { name: ROSTER_SHEET, bytes: sheetToCsv((await host.readSheet({ sheetId: ROSTER_SHEET })).raw).buffer as ArrayBuffer };
    const reply = await worker.request({ kind: 'roster', name, bytes }, [bytes]);
    if (!reply.ok) return { notes: [reply.text[pane.lang]] };
    if (reply.kind !== 'roster') return { notes: [] };
    const roster = buildRoster(reply.rows.map((r, i) => ({ unit: r.unit, group: r.group, line: i + 1 })), groupSetForYear(params()?.year));
    return { entries: roster.entries.length ? roster.entries : undefined, notes: roster.problems.map((p) => p.message[pane.lang]) };
  };

  // ---- confirm (Office add-ins cannot use window.confirm)
  const confirmBox = byId('confirm');
  const ask = (sheets: string[]): Promise<'keep' | 'replace' | 'cancel'> =>
    new Promise((resolve) => {
      byId('confirm-body').textContent = t('previousBody', { sheets: sheets.map((s) => `“${s}”`).join(', ') });
      confirmBox.hidden = false;
      mergeBtn.disabled = true;
      const buttons = { keep: byId('btn-keep'), replace: byId('btn-replace'), cancel: byId('btn-cancel') };
      const done = (choice: 'keep' | 'replace' | 'cancel') => {
        confirmBox.hidden = true;
        mergeBtn.disabled = false;
        for (const b of Object.values(buttons)) b.onclick = null;
        confirmBox.onkeydown = null;
        mergeBtn.focus();
        resolve(choice);
      };
      buttons.keep.onclick = () => done('keep');
      buttons.replace.onclick = () => done('replace');
      buttons.cancel.onclick = () => done('cancel');
      confirmBox.onkeydown = (e) => {
        if (e.key === 'Escape') done('cancel');
      };
      buttons.keep.focus();
    });

  /** Sheets of the plan that already exist: ask keep both / replace / cancel; the sheets to replace, or 'cancel'. */
  const sheetsToReplace = async (plan: { sheets: { name: string }[] }): Promise<string[] | 'cancel'> => {
    const existing = new Set((await host.listSheets()).map((x) => x.toLowerCase()));
    const clash = plan.sheets.map((x) => x.name).filter((n) => existing.has(n.toLowerCase()));
    if (!clash.length) return [];
    const choice = await ask(clash);
    renderButton(pane, state);
    return choice === 'cancel' ? 'cancel' : choice === 'replace' ? clash : [];
  };

  const mergeNationally = async (summaries: ProvinceReturn[], results: ReturnResult[], year: number | undefined) => {
    const returns = results.filter((r) => r.status !== 'error').map((r) => r.file);
    // The pane has no --mixed: both kinds together are refused.
    const mixed = mixedInputsProblem(summaries.map((x) => x.file), returns, false, false);
    if (mixed) return showMessage(status, 'error', mixed[pane.lang]);
    const national = mergeNational(summaries, [], { directory: await loadNationalProvinces(), year });
    if (!national.coverage.provinces.reported) return showMessage(status, 'error', t('nothingToMerge'));
    const plan = buildNationalPlan(national, { year: year ?? national.year, lang: workbookLang() });
    const replace = await sheetsToReplace(plan);
    if (replace === 'cancel') return showMessage(status, 'info', t('cancelled'));
    showMessage(status, 'info', t('merging'));
    const res = await host.writeSheets(plan.sheets, { lang: pane.lang, replace });
    const c = national.coverage.provinces;
    showMessage(status, res.leftOut ? 'warning' : 'success', t('nationalMerged', { sheet: res.sheets[0], reported: c.reported, expected: c.expected }), res.leftOut);
    if (national.rejected.length) status.append(message('warning', t('rejectedNote', { n: national.rejected.length, sheet: res.sheets[2] ?? res.sheets[0] })));
    lastMerge = { level: 'national', national, year: year ?? national.year };
    reportBtn.hidden = false;
  };

  mergeBtn.addEventListener('click', () => {
    void (async () => {
      if (state.merging) return;
      // Files still being read would silently be left out of the summary.
      if (state.reading > 0) return showMessage(status, 'info', t('mergeWaitReading'));
      const results = readResults(state);
      if (!state.files.length) return showMessage(status, 'warning', t('noFiles'));
      const p = params();
      const due = deadline();
      if (due === null) return;
      const summaries = readSummaries(state);
      update(mergeStarted(state));
      status.replaceChildren(); // the last run's outcome no longer applies
      reportBtn.hidden = true;
      lastMerge = undefined;
      try {
        // Provincial summaries: the national merge, one level up (unit returns beside them are refused).
        if (summaries.length) return await mergeNationally(summaries, results, p?.year);
        const roster = await readRoster();
        rosterStatus.textContent = roster.notes.join(' ');
        // From 2026 the national list maps pre-reform commune names (loaded only then: it is a large chunk).
        const year = p?.year ?? formsYear(results);
        const national = isTwoLevelYear(year) ? await loadNationalIndex() : undefined;
        const province = national && p?.province ? chooseProvince(national, p.province) : undefined;
        const merged = mergeReturns(results, { roster: roster.entries, year: p?.year, deadline: due, national, ...(province?.ok ? { province: province.province } : {}) });
        if (!merged.accepted.length) return showMessage(status, 'error', t('nothingToMerge'));
        const plan = buildSummaryPlan(merged, { year: p?.year ?? merged.year, province: p?.province, body: p?.body, lang: workbookLang() });
        const replace = await sheetsToReplace(plan);
        if (replace === 'cancel') return showMessage(status, 'info', t('cancelled'));
        showMessage(status, 'info', t('merging'));
        const res = await host.writeSheets(plan.sheets, { lang: pane.lang, replace, title: plan.title, fileName: summaryFileName(p?.year ?? merged.year, p?.province) });
        // Without a roster only what was received is known: never "12/12".
        const coverage = merged.roster
          ? [coverageMessage(merged)[pane.lang]]
          : [receivedWithoutRoster(receivedCounts(merged))[pane.lang], `${NO_ROSTER[pane.lang]} ${rosterBtn.hidden ? t('rosterTick', { sheet: ROSTER_SHEET }) : t('rosterHowTo')}`];
        // One message bar, not a stack: the footer stays small enough to leave the list in view.
        const rejectedLine = merged.rejected.length ? t('rejectedNote', { n: merged.rejected.length, sheet: res.sheets[res.sheets.length - 1] }) : undefined;
        const done = res.file ? t('mergedFile', { file: res.file }) : t('merged', { sheet: res.sheets[0] });
        showMessage(status, res.leftOut || rejectedLine ? 'warning' : 'success', done, ...coverage, rejectedLine, res.leftOut);
        if (due) {
          const late = merged.accepted.filter((u) => u.onTime === false).map((u) => `${u.display} (+${u.daysLate})`);
          status.append(message('info', t('onTimeNote', { onTime: merged.coverage.onTime, reported: merged.accepted.length, late: late.length ? late.join(', ') : '0' })));
        }
        lastMerge = { level: 'province', merged, year: p?.year ?? merged.year, deadline: due };
        reportBtn.hidden = false;
      } catch (e) {
        showMessage(status, 'error', describeError(e, pane));
      } finally {
        update(mergeDone(state));
      }
    })();
  });

  return {
    activate() {
      showContext();
      void refreshRoster();
      void showProvinces();
    },
  };
}
