// `ctxh-report demo`: merges the bundled sample returns against the sample roster.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Lang } from '../core/i18n';
import { CLI_TEXT } from './messages';
import { runMerge } from './merge';

const ROOT = resolve(__dirname, '..', '..');

export async function cmdDemo(args: string[], lang: Lang): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const out = values.out ?? 'tong-hop.xlsx';
  // The demo writes its own output again and again: overwriting it is expected.
  const code = await runMerge(
    { out, inputs: [join(ROOT, 'samples', 'returns')], roster: join(ROOT, 'samples', 'roster.csv'), json: out.replace(/\.xlsx$/i, '') + '.json', force: true },
    lang,
  );
  console.log(CLI_TEXT.demoOpen(resolve(out))[lang]);
  // Some sample returns are broken on purpose: rejecting them is the demo working.
  return code === 2 ? 2 : 0;
}
