// Inserts sheet plans into the open workbook as new sheets, never over existing
// data: a taken name gets the next free one ("Biểu CTXH 2025 (2)"). Sheets are
// replaced only when the caller says which (after the user confirmed).
// Two syncs whatever the size (list names, write all), plus one per extra 4 MB band.
import { SheetPlan } from '../core/plan';
import { Features, Omission, detectFeatures, omissionIntro, omissionItems, omissionMessage } from './features';
import { Band, planBands, queueBand, queueSheetPlan } from './render';

/** Stay well under Excel on the web's 5 MB per request. */
export const REQUEST_BUDGET = 4_000_000;

const BAD_CHARS = /[[\]:*?/\\]/g;

/** A legal sheet name not in `taken` (compared without case, as Excel does). */
export function nextFreeName(base: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  const clean = base.replace(BAD_CHARS, '-').replace(/^'+|'+$/g, '').slice(0, 31).trim() || 'Sheet';
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = clean.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export interface InsertOptions {
  lang: 'vi' | 'en';
  features?: Features;
  /** Existing sheets to delete in the same step (the user confirmed replacing them). */
  replace?: string[];
  /** Activate the first inserted sheet; default true. */
  activate?: boolean;
  budget?: number;
}

export interface InsertResult {
  /** Actual names of the inserted sheets, in plan order. */
  sheets: string[];
  omitted: Omission[];
  /** Plain sentence on what was left out, if anything. */
  message?: string;
  /** The same, as an introduction and one item per feature. */
  leftOut?: { intro: string; items: string[] };
}

/** Names of the existing sheets (one sync). */
export async function listSheets(): Promise<string[]> {
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    return sheets.items.map((s) => s.name);
  });
}

export async function insertSheetPlans(plans: SheetPlan[], opts: InsertOptions): Promise<InsertResult> {
  const features = opts.features ?? detectFeatures();
  const budget = opts.budget ?? REQUEST_BUDGET;
  return Excel.run(async (ctx) => {
    const collection = ctx.workbook.worksheets;
    collection.load('items/name,items/visibility');
    await ctx.sync();

    const replace = new Set((opts.replace ?? []).map((n) => n.toLowerCase()));
    const existing = collection.items.map((s) => s.name);
    const kept = existing.filter((n) => !replace.has(n.toLowerCase()));
    const visibleKept = collection.items.filter((s) => !replace.has(s.name.toLowerCase()) && s.visibility === 'Visible').length;

    // Excel refuses to delete the last visible sheet: park a placeholder while replacing everything.
    const taken = new Set(kept);
    let placeholder: Excel.Worksheet | undefined;
    if (replace.size && visibleKept === 0) {
      const name = nextFreeName('CTXH', existing);
      placeholder = collection.add(name);
      taken.add(name);
    }
    for (const s of collection.items) if (replace.has(s.name.toLowerCase())) s.delete();

    const names = plans.map((p) => {
      const n = nextFreeName(p.name, taken);
      taken.add(n);
      return n;
    });
    const renames = new Map(plans.map((p, i) => [p.name, names[i]]));

    // Bands beyond the first each need their own sync; protection goes last.
    const omitted: Omission[] = [];
    const sheets = names.map((n) => collection.add(n));
    const banded = plans.map((p) => planBands(p, budget));
    const later: { sheet: Excel.Worksheet; plan: SheetPlan; band: Band }[] = [];
    plans.forEach((plan, i) => {
      const [first, ...rest] = banded[i];
      for (const band of rest) later.push({ sheet: sheets[i], plan, band });
      omitted.push(
        ...queueSheetPlan(sheets[i], plan, {
          features,
          lang: opts.lang,
          renames,
          bands: first ? [first] : [],
          protect: rest.length === 0,
        }),
      );
    });
    if (placeholder) placeholder.delete();
    if (opts.activate !== false && sheets[0]) sheets[0].activate();
    await ctx.sync();

    if (later.length) {
      // Each band was sized to fit one request on its own.
      for (const item of later) {
        queueBand(item.sheet, item.plan, item.band, renames);
        await ctx.sync();
      }
      plans.forEach((plan, i) => {
        if (plan.protection && banded[i].length > 1 && features.layout)
          sheets[i].protection.protect({
            allowInsertRows: plan.protection.allowInsertRows,
            allowDeleteRows: plan.protection.allowDeleteRows,
            allowFormatColumns: plan.protection.allowFormatColumns,
            allowFormatRows: plan.protection.allowFormatRows,
          });
      });
      await ctx.sync();
    }
    const uniq = [...new Set(omitted)];
    return {
      sheets: names,
      omitted: uniq,
      message: omissionMessage(uniq, opts.lang),
      ...(uniq.length ? { leftOut: { intro: omissionIntro(opts.lang), items: omissionItems(uniq, opts.lang) } } : {}),
    };
  });
}
