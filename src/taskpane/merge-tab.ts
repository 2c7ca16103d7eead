// Part 3, "Tổng hợp": pick or drop many returned files; each is read in the
// worker and listed as it arrives (unit, status, figures); "Tổng hợp" writes the
// consolidated sheets from the same plan as the command line through the host,
// replacing an earlier summary only after the user says so. State: merge-state.ts.
import { mergeReturns } from '../core/merge';
import { mergeNational, mixedInputsProblem } from '../core/national';
import { buildNationalPlan } from '../core/national-plan';
import { loadNationalProvinces } from '../core/provinces';
import { ProvinceReturn } from '../core/summary-read';
import { ReturnResult } from '../core/returns';
import { RosterEntry } from '../core/vocabulary';
import { buildSummaryPlan } from '../core/summary-plan';
import { buildRoster } from '../core/units';
import { MAX_FILE_BYTES, tooLargeMessage } from '../workbook/file-limits';
import { PaneHost } from './host';
import { formatNumber } from './i18n';
import {
  MergeFile,
  MergeState,
  MergeView,
  STATUS_LABEL,
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
  spreadsheetsOf,
} from './merge-state';
import { rejectedResult } from '../workbook/read/rejections';
import { ROSTER_SHEET, rosterSheetPlan, sheetToCsv } from './roster';
import { Pane, busy, byId, describeError, el, message, showMessage } from './ui';
import { ReadWorkerPool, WorkerFailed } from './worker-client';

async function sameBytes(a: File, b: File): Promise<boolean> {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  const [x, y] = await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
  const u = new Uint8Array(x);
  const v = new Uint8Array(y);
  for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
  return true;
}

/** The file cards and the line under the drop zone, from the state. */
function renderFiles(pane: Pane, s: MergeState, view: MergeView, onRemove: (id: number) => void): void {
  const t = pane.t;
  const cards = view.cards.map((c) => {
    const e = c.file;
    const r = e.result;
    const figures = c.totals
      ? `${t('people', { n: formatNumber(c.totals.participants, pane.lang) })} · ${t('money', { n: formatNumber(c.totals.totalFunding, pane.lang) })}`
      : undefined;
    const remove = el('button', { type: 'button', class: 'file-remove', 'aria-label': t('removeFile', { file: e.name }), title: t('removeFile', { file: e.name }) }, '×');
    remove.addEventListener('click', () => onRemove(e.id));
    const problems = e.summary?.problems ?? r?.problems ?? [];
    const details =
      c.status === 'superseded'
        ? el('div', { class: 'file-name' }, t('supersededBy', { by: c.supersededBy ?? '' }))
        : problems.length
          ? el(
              'details',
              { open: c.status === 'error' && problems.length <= 3 },
              el('summary', {}, t('problemCount', { n: problems.length })),
              el('ul', {}, ...problems.map((p) => el('li', {}, `${p.cell ? `${p.sheet ? `${p.sheet}!` : ''}${p.cell}: ` : ''}${p.message[pane.lang]}`))),
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
          el('div', { class: 'file-unit' }, e.summary ? (e.summary.province?.name ?? t('unknownProvince')) : (r?.unit ?? (r ? t('unknownUnit') : e.name))),
          el('div', { class: 'file-name' }, e.name),
          figures ? el('div', { class: 'file-figures' }, figures) : null,
        ),
        el('span', { class: `badge ${c.status}` }, t(STATUS_LABEL[c.status])),
        remove,
      ),
      details,
    );
  });
  byId<HTMLUListElement>('file-list').replaceChildren(...cards);
  byId<HTMLButtonElement>('btn-clear-files').hidden = s.files.length === 0;

  const progress = byId('read-progress');
  const bar = byId<HTMLProgressElement>('progress-bar');
  const text = byId('progress-text');
  const p = s.progress;
  progress.hidden = p.kind === 'hidden';
  if (p.kind === 'bar') {
    bar.hidden = false;
    bar.max = p.max;
    bar.value = p.value;
    text.textContent = t(p.text.key, p.text.vars);
  } else if (p.kind === 'summary') {
    bar.hidden = true;
    const parts = view.counts.map((c) => `${c.n} ${t(STATUS_LABEL[c.status])}`);
    text.textContent = t('filesSummary', { total: s.files.length, parts: parts.join(' · ') });
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
  };

  /** Redraws the cards only when the files or the reading line changed; the button always. */
  const update = (next: MergeState) => {
    const prev = state;
    state = next;
    if (next.files !== prev.files || next.progress !== prev.progress) {
      for (const id of handles.keys()) if (!state.files.some((f) => f.id === id)) handles.delete(id);
      renderFiles(pane, state, mergeView(state, params()?.year), (id) => update(removeFile(state, id)));
    }
    renderButton(pane, state);
  };

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
    for (const f of spreadsheetsOf(files)) {
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
  const refreshRoster = async () => {
    try {
      const sheets = await host.listSheets();
      const has = sheets.some((s) => s.toLowerCase() === ROSTER_SHEET.toLowerCase());
      useRoster.disabled = !has;
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
        rosterStatus.textContent = [t('rosterInserted', { sheet: res.sheets[0] }), res.message].filter(Boolean).join(' ');
      } catch (e) {
        rosterStatus.textContent = describeError(e, pane);
      }
    });
  });

  const readRoster = async (): Promise<{ entries?: RosterEntry[]; notes: string[] }> => {
    if (!useRoster.checked) return { notes: [] };
    const read = await host.readSheet({ sheetId: ROSTER_SHEET });
    const bytes = sheetToCsv(read.raw);
    const reply = await worker.request({ kind: 'roster', name: ROSTER_SHEET, bytes: bytes.buffer as ArrayBuffer }, [bytes.buffer as ArrayBuffer]);
    if (!reply.ok) return { notes: [reply.text[pane.lang]] };
    if (reply.kind !== 'roster') return { notes: [] };
    const roster = buildRoster(reply.rows.map((r, i) => ({ unit: r.unit, group: r.group, line: i + 1 })));
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

  const mergeNationally = async (summaries: ProvinceReturn[], results: ReturnResult[], year: number | undefined) => {
    const returns = results.filter((r) => r.status !== 'error').map((r) => r.file);
    // The pane has no --mixed: both kinds together are refused.
    const mixed = mixedInputsProblem(summaries.map((x) => x.file), returns, false, false);
    if (mixed) return showMessage(status, 'error', mixed[pane.lang]);
    const national = mergeNational(summaries, [], { directory: await loadNationalProvinces(), year });
    if (!national.coverage.provinces.reported) return showMessage(status, 'error', t('nothingToMerge'));
    const plan = buildNationalPlan(national, { year: year ?? national.year, lang: pane.lang });
    const existing = new Set((await host.listSheets()).map((x) => x.toLowerCase()));
    const clash = plan.sheets.map((x) => x.name).filter((n) => existing.has(n.toLowerCase()));
    let replace: string[] = [];
    if (clash.length) {
      const choice = await ask(clash);
      renderButton(pane, state);
      if (choice === 'cancel') return showMessage(status, 'info', t('cancelled'));
      if (choice === 'replace') replace = clash;
    }
    showMessage(status, 'info', t('merging'));
    const res = await host.writeSheets(plan.sheets, { lang: pane.lang, replace });
    const c = national.coverage.provinces;
    showMessage(status, res.leftOut ? 'warning' : 'success', t('nationalMerged', { sheet: res.sheets[0], reported: c.reported, expected: c.expected }), res.leftOut);
    if (national.rejected.length) status.append(message('warning', t('rejectedNote', { n: national.rejected.length, sheet: res.sheets[2] ?? res.sheets[0] })));
  };

  mergeBtn.addEventListener('click', () => {
    void (async () => {
      if (state.merging) return;
      // Files still being read would silently be left out of the summary.
      if (state.reading > 0) return showMessage(status, 'info', t('mergeWaitReading'));
      const results = readResults(state);
      if (!state.files.length) return showMessage(status, 'warning', t('noFiles'));
      const p = params();
      const summaries = readSummaries(state);
      update(mergeStarted(state));
      status.replaceChildren(); // the last run's outcome no longer applies
      try {
        // Provincial summaries: the national merge, one level up (unit returns beside them are refused).
        if (summaries.length) return await mergeNationally(summaries, results, p?.year);
        const roster = await readRoster();
        rosterStatus.textContent = roster.notes.join(' ');
        const merged = mergeReturns(results, { roster: roster.entries, year: p?.year });
        if (!merged.accepted.length) return showMessage(status, 'error', t('nothingToMerge'));
        const plan = buildSummaryPlan(merged, { year: p?.year ?? merged.year, province: p?.province, body: p?.body, lang: pane.lang });
        const existing = new Set((await host.listSheets()).map((s) => s.toLowerCase()));
        const clash = plan.sheets.map((s) => s.name).filter((n) => existing.has(n.toLowerCase()));
        let replace: string[] = [];
        if (clash.length) {
          const choice = await ask(clash);
          renderButton(pane, state);
          if (choice === 'cancel') return showMessage(status, 'info', t('cancelled'));
          if (choice === 'replace') replace = clash;
        }
        showMessage(status, 'info', t('merging'));
        const res = await host.writeSheets(plan.sheets, { lang: pane.lang, replace });
        const coverage = t('coverage', { reported: merged.coverage.reported, expected: merged.coverage.expected });
        showMessage(status, res.leftOut ? 'warning' : 'success', t('merged', { sheet: res.sheets[0], coverage }), res.leftOut);
        if (merged.rejected.length)
          status.append(message('warning', t('rejectedNote', { n: merged.rejected.length, sheet: res.sheets[1] ?? res.sheets[0] })));
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
    },
  };
}
