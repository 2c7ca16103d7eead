// `ctxh-report demo`: merges the bundled 2027 sample returns (Lạng Sơn, the two-level country) against the
// roster `ctxh-report roster --province "Lạng Sơn"` writes (samples/2027/danh-sach-don-vi.csv).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Lang } from '../core/i18n';
import { CLI_TEXT } from './messages';
import { runMerge } from './merge';

const ROOT = resolve(__dirname, '..', '..');
export const DEMO_SET = join(ROOT, 'samples', '2027');

export async function cmdDemo(args: string[], lang: Lang): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const out = values.out ?? 'tong-hop.xlsx';
  // The demo writes its own output again and again: overwriting it is expected.
  const code = await runMerge(
    {
      out,
      inputs: [join(DEMO_SET, 'returns')],
      roster: join(DEMO_SET, 'danh-sach-don-vi.csv'),
      json: out.replace(/\.xlsx$/i, '') + '.json',
      province: 'Lạng Sơn',
      force: true,
    },
    lang,
  );
  console.log(CLI_TEXT.demoOpen(resolve(out))[lang]);
  // Some sample returns are broken on purpose: rejecting them is the demo working.
  return code === 2 ? 2 : 0;
}
