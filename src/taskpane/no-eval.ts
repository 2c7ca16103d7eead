// The first module of the pane and of the read worker (see webpack.config.js): zod 4 probes
// `new Function` as soon as its first schema is built, which the page's Content-Security-Policy
// refuses (a violation report even though zod copes). Saying "no eval" here, before any module
// that builds a schema is evaluated, means it never tries.
import { z } from 'zod';

z.config({ jitless: true });
