// A small Excel formula evaluator for the in-memory host: enough of the
// language for the formulas our plans write (SUM over INDEX ranges, IF,
// COUNTA, SUBTOTAL, shares, IFERROR…), so `values` of a formula cell reads
// back a computed result as in real Excel. Unknown functions give #NAME?.

export interface Ref {
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
export interface ErrorValue {
  error: string;
}
export type Scalar = number | string | boolean | null | ErrorValue;
export type Val = Scalar | Ref;

export interface EvalEnv {
  /** Sheet of the cell being computed. */
  sheet: string;
  row: number;
  col: number;
  /** Value of one cell (computing it if it holds a formula); null when empty. */
  cell(sheet: string, r: number, c: number): Scalar;
  /** Formula text of a cell, if any (SUBTOTAL skips nested SUBTOTALs). */
  formulaOf(sheet: string, r: number, c: number): string | undefined;
  /** Resolves a defined name to a reference. */
  name(name: string, sheet: string): Ref | undefined;
  /** Last used row/column, to bound whole-column references. */
  extent(sheet: string): { rows: number; cols: number };
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

type Tok =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: string }
  | { t: 'ref'; sheet?: string; r1: number; c1: number; r2: number; c2: number }
  | { t: 'name'; v: string }
  | { t: 'func'; v: string }
  | { t: 'op'; v: string }
  | { t: '('; v?: undefined }
  | { t: ')'; v?: undefined }
  | { t: ','; v?: undefined };

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const SHEET_PREFIX = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!`;
const CELL = String.raw`\$?([A-Za-z]{1,3})\$?(\d+)`;
const RE_CELL_RANGE = new RegExp(`^(?:${SHEET_PREFIX})?${CELL}(?::${CELL})?(?![\\w(])`);
const RE_COL_RANGE = new RegExp(`^(?:${SHEET_PREFIX})?\\$?([A-Za-z]{1,3}):\\$?([A-Za-z]{1,3})(?![\\w(])`);
const RE_ROW_RANGE = new RegExp(`^(?:${SHEET_PREFIX})?\\$?(\\d+):\\$?(\\d+)(?![\\w(])`);

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw new Error('unterminated string');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    let m = RE_COL_RANGE.exec(rest);
    if (m) {
      out.push({ t: 'ref', sheet: sheetOf(m), r1: 1, c1: colNum(m[3]), r2: MAX_ROWS, c2: colNum(m[4]) });
      i += m[0].length;
      continue;
    }
    m = RE_ROW_RANGE.exec(rest);
    if (m && (m[1] || m[2] || !/^\d+\.\d/.test(rest))) {
      out.push({ t: 'ref', sheet: sheetOf(m), r1: Number(m[3]), c1: 1, r2: Number(m[4]), c2: MAX_COLS });
      i += m[0].length;
      continue;
    }
    m = RE_CELL_RANGE.exec(rest);
    if (m && !/^(TRUE|FALSE)$/i.test(m[3] + m[4])) {
      const r1 = Number(m[4]);
      const c1 = colNum(m[3]);
      const r2 = m[6] ? Number(m[6]) : r1;
      const c2 = m[5] ? colNum(m[5]) : c1;
      out.push({ t: 'ref', sheet: sheetOf(m), r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) });
      i += m[0].length;
      continue;
    }
    m = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (m) {
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    m = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)/.exec(rest);
    if (m) {
      out.push({ t: 'err', v: m[0] });
      i += m[0].length;
      continue;
    }
    m = /^([A-Za-z_][\w.]*)\s*\(/.exec(rest);
    if (m) {
      out.push({ t: 'func', v: m[1].toUpperCase() });
      i += m[0].length;
      out.push({ t: '(' });
      continue;
    }
    m = /^[A-Za-z_\\][\w.]*/.exec(rest);
    if (m) {
      const up = m[0].toUpperCase();
      if (up === 'TRUE' || up === 'FALSE') out.push({ t: 'bool', v: up === 'TRUE' });
      else out.push({ t: 'name', v: m[0] });
      i += m[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%:'.includes(ch)) {
      out.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ t: ch } as Tok);
      i++;
      continue;
    }
    throw new Error(`unexpected character ${ch}`);
  }
  return out;
}

function sheetOf(m: RegExpExecArray): string | undefined {
  if (m[1] !== undefined) return m[1].replace(/''/g, "'");
  return m[2];
}

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; sheet?: string; r1: number; c1: number; r2: number; c2: number }
  | { k: 'name'; v: string }
  | { k: 'call'; f: string; args: Node[] }
  | { k: 'un'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'pct'; a: Node };

const BIN_PREC: Record<string, number> = { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4, '^': 5, ':': 8 };

export function parse(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const expr = (minPrec: number): Node => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (!t || t.t !== 'op') break;
      if (t.v === '%') {
        p++;
        left = { k: 'pct', a: left };
        continue;
      }
      const prec = BIN_PREC[t.v];
      if (prec === undefined || prec < minPrec) break;
      p++;
      const right = expr(t.v === '^' ? prec : prec + 1);
      left = { k: 'bin', op: t.v, a: left, b: right };
    }
    return left;
  };
  const unary = (): Node => {
    const t = peek();
    if (t && t.t === 'op' && (t.v === '-' || t.v === '+')) {
      p++;
      return { k: 'un', op: t.v, a: expr(6) };
    }
    return primary();
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new Error('unexpected end');
    switch (t.t) {
      case 'num':
        return { k: 'lit', v: t.v };
      case 'str':
        return { k: 'lit', v: t.v };
      case 'bool':
        return { k: 'lit', v: t.v };
      case 'err':
        return { k: 'lit', v: { error: t.v } };
      case 'ref':
        return { k: 'ref', sheet: t.sheet, r1: t.r1, c1: t.c1, r2: t.r2, c2: t.c2 };
      case 'name':
        return { k: 'name', v: t.v };
      case '(': {
        const e = expr(0);
        if (toks[p++]?.t !== ')') throw new Error('expected )');
        return e;
      }
      case 'func': {
        p++; // (
        const args: Node[] = [];
        if (peek()?.t === ')') {
          p++;
          return { k: 'call', f: t.v, args };
        }
        for (;;) {
          if (peek()?.t === ',' || peek()?.t === ')') args.push({ k: 'lit', v: null });
          else args.push(expr(0));
          const sep = toks[p++];
          if (sep?.t === ')') break;
          if (sep?.t !== ',') throw new Error('expected , or )');
        }
        return { k: 'call', f: t.v, args };
      }
      default:
        throw new Error(`unexpected token ${t.t}`);
    }
  };
  const e = expr(0);
  if (p !== toks.length) throw new Error('trailing tokens');
  return e;
}

const isErr = (v: unknown): v is ErrorValue => typeof v === 'object' && v !== null && 'error' in v;
const isRef = (v: unknown): v is Ref => typeof v === 'object' && v !== null && 'r1' in v;
const ERR = (e: string): ErrorValue => ({ error: e });

class FormulaError extends Error {
  constructor(public readonly value: ErrorValue) {
    super(value.error);
  }
}

export function evaluate(formula: string, env: EvalEnv): Scalar {
  let node: Node;
  try {
    node = parse(formula);
  } catch {
    return ERR('#NAME?');
  }
  try {
    const v = ev(node, env);
    return isRef(v) ? deref(v, env) : v;
  } catch (e) {
    if (e instanceof FormulaError) return e.value;
    throw e;
  }
}

function clip(ref: Ref, env: EvalEnv): Ref {
  const ext = env.extent(ref.sheet);
  return { ...ref, r2: Math.min(ref.r2, Math.max(ext.rows, ref.r1)), c2: Math.min(ref.c2, Math.max(ext.cols, ref.c1)) };
}

function deref(ref: Ref, env: EvalEnv): Scalar {
  // Implicit intersection is beyond our needs: a multi-cell result gives its first cell.
  return env.cell(ref.sheet, ref.r1, ref.c1);
}

function* cellsOf(ref: Ref, env: EvalEnv): Generator<{ v: Scalar; r: number; c: number }> {
  const cl = clip(ref, env);
  for (let r = cl.r1; r <= cl.r2; r++) for (let c = cl.c1; c <= cl.c2; c++) yield { v: env.cell(ref.sheet, r, c), r, c };
}

function toNum(v: Scalar): number {
  if (v === null || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isErr(v)) throw new FormulaError(v);
  const n = Number(v.trim());
  if (v.trim() === '' || Number.isNaN(n)) throw new FormulaError(ERR('#VALUE!'));
  return n;
}

function toStr(v: Scalar): string {
  if (v === null) return '';
  if (isErr(v)) throw new FormulaError(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function toBool(v: Scalar): boolean {
  if (isErr(v)) throw new FormulaError(v);
  if (typeof v === 'string') {
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    throw new FormulaError(ERR('#VALUE!'));
  }
  return !!v;
}

function compare(a: Scalar, b: Scalar): number {
  if (isErr(a)) throw new FormulaError(a);
  if (isErr(b)) throw new FormulaError(b);
  const norm = (x: Scalar) => (x === null ? (typeof (x === a ? b : a) === 'string' ? '' : 0) : x);
  const x = norm(a);
  const y = norm(b);
  const rank = (v: unknown) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string' && typeof y === 'string') return x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0;
  return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
}

function ev(n: Node, env: EvalEnv): Val {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'ref':
      return { sheet: n.sheet ?? env.sheet, r1: n.r1, c1: n.c1, r2: n.r2, c2: n.c2 };
    case 'name': {
      const ref = env.name(n.v, env.sheet);
      if (!ref) return ERR('#NAME?');
      return ref;
    }
    case 'un': {
      const v = scalar(ev(n.a, env), env);
      return n.op === '-' ? -toNum(v) : toNum(v);
    }
    case 'pct':
      return toNum(scalar(ev(n.a, env), env)) / 100;
    case 'bin': {
      if (n.op === ':') {
        const a = ev(n.a, env);
        const b = ev(n.b, env);
        if (!isRef(a) || !isRef(b)) return ERR('#VALUE!');
        if (a.sheet !== b.sheet) return ERR('#REF!');
        return { sheet: a.sheet, r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1), r2: Math.max(a.r2, b.r2), c2: Math.max(a.c2, b.c2) };
      }
      const a = scalar(ev(n.a, env), env);
      const b = scalar(ev(n.b, env), env);
      switch (n.op) {
        case '+':
          return toNum(a) + toNum(b);
        case '-':
          return toNum(a) - toNum(b);
        case '*':
          return toNum(a) * toNum(b);
        case '/': {
          const d = toNum(b);
          const x = toNum(a);
          return d === 0 ? ERR('#DIV/0!') : x / d;
        }
        case '^':
          return toNum(a) ** toNum(b);
        case '&':
          return toStr(a) + toStr(b);
        case '=':
          return compare(a, b) === 0;
        case '<>':
          return compare(a, b) !== 0;
        case '<':
          return compare(a, b) < 0;
        case '>':
          return compare(a, b) > 0;
        case '<=':
          return compare(a, b) <= 0;
        case '>=':
          return compare(a, b) >= 0;
      }
      return ERR('#VALUE!');
    }
    case 'call':
      return call(n.f, n.args, env);
  }
}

function scalar(v: Val, env: EvalEnv): Scalar {
  return isRef(v) ? deref(v, env) : v;
}

/** Numbers for SUM-like functions: from references only numbers count; direct arguments are coerced. */
function numbersOf(args: Node[], env: EvalEnv, skip?: (r: number, c: number, sheet: string) => boolean): number[] {
  const out: number[] = [];
  for (const a of args) {
    const v = ev(a, env);
    if (isRef(v)) {
      for (const cell of cellsOf(v, env)) {
        if (skip?.(cell.r, cell.c, v.sheet)) continue;
        if (isErr(cell.v)) throw new FormulaError(cell.v);
        if (typeof cell.v === 'number') out.push(cell.v);
      }
    } else if (v !== null) out.push(toNum(v));
  }
  return out;
}

function countA(args: Node[], env: EvalEnv): number {
  let n = 0;
  for (const a of args) {
    const v = ev(a, env);
    if (isRef(v)) {
      for (const cell of cellsOf(v, env)) if (cell.v !== null) n++;
    } else if (v !== null) n++;
  }
  return n;
}

function criterion(crit: Scalar): (v: Scalar) => boolean {
  if (typeof crit === 'string') {
    const m = /^(<=|>=|<>|<|>|=)?(.*)$/.exec(crit)!;
    const op = m[1] ?? '=';
    const raw = m[2];
    const target: Scalar = raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
    return (v) => {
      if (isErr(v)) return false;
      if (typeof target === 'number' && typeof v !== 'number') return op === '<>';
      const c = compare(v === null ? (typeof target === 'string' ? '' : null) : v, target);
      return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    };
  }
  return (v) => !isErr(v) && v !== null && compare(v, crit) === 0;
}

function call(f: string, args: Node[], env: EvalEnv): Val {
  const arg = (i: number): Scalar => (args[i] ? scalar(ev(args[i], env), env) : null);
  switch (f) {
    case 'SUM':
      return numbersOf(args, env).reduce((s, x) => s + x, 0);
    case 'AVERAGE': {
      const xs = numbersOf(args, env);
      return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : ERR('#DIV/0!');
    }
    case 'MIN': {
      const xs = numbersOf(args, env);
      return xs.length ? Math.min(...xs) : 0;
    }
    case 'MAX': {
      const xs = numbersOf(args, env);
      return xs.length ? Math.max(...xs) : 0;
    }
    case 'COUNT':
      return numbersOf(args, env).length;
    case 'COUNTA':
      return countA(args, env);
    case 'COUNTBLANK': {
      const v = ev(args[0], env);
      if (!isRef(v)) return ERR('#VALUE!');
      let n = 0;
      for (const cell of cellsOf(v, env)) if (cell.v === null || cell.v === '') n++;
      return n;
    }
    case 'SUBTOTAL': {
      const fn = toNum(arg(0)) % 100;
      const skip = (r: number, c: number, sheet: string) => /SUBTOTAL\s*\(/i.test(env.formulaOf(sheet, r, c) ?? '');
      const rest = args.slice(1);
      if (fn === 9) return numbersOf(rest, env, skip).reduce((s, x) => s + x, 0);
      if (fn === 2) return numbersOf(rest, env, skip).length;
      if (fn === 1) {
        const xs = numbersOf(rest, env, skip);
        return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : ERR('#DIV/0!');
      }
      if (fn === 3) return countA(rest, env);
      return ERR('#VALUE!');
    }
    case 'SUMIF':
    case 'COUNTIF': {
      const range = ev(args[0], env);
      if (!isRef(range)) return ERR('#VALUE!');
      const test = criterion(arg(1));
      const sumRange = f === 'SUMIF' && args[2] ? ev(args[2], env) : range;
      if (!isRef(sumRange)) return ERR('#VALUE!');
      let total = 0;
      for (const cell of cellsOf(range, env)) {
        if (!test(cell.v)) continue;
        if (f === 'COUNTIF') total++;
        else {
          const sv = env.cell(sumRange.sheet, sumRange.r1 + (cell.r - range.r1), sumRange.c1 + (cell.c - range.c1));
          if (typeof sv === 'number') total += sv;
        }
      }
      return total;
    }
    case 'SUMPRODUCT': {
      const refs = args.map((a) => ev(a, env));
      if (!refs.every(isRef)) return ERR('#VALUE!');
      const lists = (refs as Ref[]).map((r) => [...cellsOf(r, env)].map((c) => (typeof c.v === 'number' ? c.v : 0)));
      const len = lists[0]?.length ?? 0;
      let s = 0;
      for (let i = 0; i < len; i++) s += lists.reduce((p, l) => p * (l[i] ?? 0), 1);
      return s;
    }
    case 'IF': {
      const c = toBool(arg(0));
      if (c) return args[1] ? ev(args[1], env) : true;
      return args[2] ? ev(args[2], env) : false;
    }
    case 'IFERROR': {
      try {
        const v = scalar(ev(args[0], env), env);
        return isErr(v) ? arg(1) : v;
      } catch (e) {
        if (e instanceof FormulaError) return arg(1);
        throw e;
      }
    }
    case 'AND':
      return args.every((_, i) => toBool(arg(i)));
    case 'OR':
      return args.some((_, i) => toBool(arg(i)));
    case 'NOT':
      return !toBool(arg(0));
    case 'ABS':
      return Math.abs(toNum(arg(0)));
    case 'ROUND': {
      const d = 10 ** toNum(arg(1));
      const x = toNum(arg(0));
      return (Math.sign(x) * Math.round(Math.abs(x) * d)) / d;
    }
    case 'N': {
      const v = arg(0);
      return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : 0;
    }
    case 'ISNUMBER':
      return typeof arg(0) === 'number';
    case 'ISTEXT':
      return typeof arg(0) === 'string';
    case 'ISBLANK':
      return arg(0) === null;
    case 'ISERROR':
      try {
        return isErr(arg(0));
      } catch (e) {
        if (e instanceof FormulaError) return true;
        throw e;
      }
    case 'LEN':
      return toStr(arg(0)).length;
    case 'TRIM':
      return toStr(arg(0)).trim().replace(/ +/g, ' ');
    case 'CONCATENATE':
    case 'CONCAT':
      return args.map((_, i) => toStr(arg(i))).join('');
    case 'TEXT':
      return String(arg(0) ?? '');
    case 'ROW': {
      if (!args.length) return env.row;
      const v = ev(args[0], env);
      return isRef(v) ? v.r1 : ERR('#VALUE!');
    }
    case 'COLUMN': {
      if (!args.length) return env.col;
      const v = ev(args[0], env);
      return isRef(v) ? v.c1 : ERR('#VALUE!');
    }
    case 'ROWS': {
      const v = ev(args[0], env);
      return isRef(v) ? v.r2 - v.r1 + 1 : 1;
    }
    case 'INDEX': {
      const v = ev(args[0], env);
      if (!isRef(v)) return ERR('#VALUE!');
      let rr = toNum(arg(1));
      let cc = args[2] ? toNum(arg(2)) : 0;
      // A single column or row takes its one index as the position along it.
      if (args.length < 3 && v.r1 === v.r2 && v.c1 !== v.c2) {
        cc = rr;
        rr = 1;
      }
      if (rr < 0 || cc < 0) return ERR('#VALUE!');
      const r1 = rr === 0 ? v.r1 : v.r1 + rr - 1;
      const r2 = rr === 0 ? v.r2 : r1;
      const c1 = cc === 0 ? v.c1 : v.c1 + cc - 1;
      const c2 = cc === 0 ? v.c2 : c1;
      if (r2 > v.r2 || c2 > v.c2 || r1 < 1 || c1 < 1) return ERR('#REF!');
      return { sheet: v.sheet, r1, c1, r2, c2 };
    }
    default:
      return ERR('#NAME?');
  }
}
