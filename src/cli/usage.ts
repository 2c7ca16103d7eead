// Usage errors (exit 2, with the command's help) and the options several commands share.
import { Lang } from '../core/i18n';
import { isCampaignYear } from '../core/vocabulary';
import { CLI_TEXT } from './messages';

/** Exit codes: 0 all good, 1 some files have errors / were rejected, 2 usage error or nothing usable. */
export class UsageError extends Error {}

/** The value of --year, checked against the accepted campaign years. */
export function parseYear(v: string | undefined, lang: Lang): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!isCampaignYear(n)) throw new UsageError(CLI_TEXT.badYear(v)[lang]);
  return n;
}

/** The value of --workers: how many threads read files (default: the cores available). */
export function parseWorkers(v: string | undefined, lang: Lang): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(CLI_TEXT.badWorkers(v)[lang]);
  return n;
}

/** Takes --lang (or --lang=…) out of the arguments; undefined when its value is neither vi nor en. */
export function takeLang(argv: string[]): { lang: Lang; rest: string[] } | undefined {
  let args = argv.flatMap((a) => (a.startsWith('--lang=') ? ['--lang', a.slice('--lang='.length)] : [a]));
  const i = args.indexOf('--lang');
  if (i < 0) return { lang: 'vi', rest: args };
  const v = args[i + 1];
  if (v !== 'vi' && v !== 'en') return undefined;
  args = [...args.slice(0, i), ...args.slice(i + 2)];
  return { lang: v, rest: args };
}

/** node:util parseArgs refuses an unknown or malformed option with one of these codes. */
export function isParseArgsError(e: unknown): e is TypeError {
  return e instanceof TypeError && !!(e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
}
