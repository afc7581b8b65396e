// Function calls: the logical operators, the conditional, and library overloads dispatched by the
// overload ids the checker found and the runtime kinds of the arguments (cel-go planCall and the
// guarded overload bindings of common/decls). Conversions of constants are folded (OptOptimize).
import type { CallExpr } from '../ast.js';
import type { OverloadDecl } from '../decls.js';
import { CelError, CelUint, isError, isOptional, type CelValue } from '../values.js';
import { codePointLength, noSuchOverloadSig } from '../stdlib/helpers.js';
import { celEqualsOrError } from '../stdlib/equality.js';
import { matchesRuntimeSignature } from '../stdlib/runtimetypes.js';
import { compileRe2 } from '../re2.js';
import { FAST_BINARY, FAST_UNARY } from './fast-ops.js';
import { actualSize } from '../stdlib/costs.js';
import { callCost } from './dispatch.js';
import { CostLimitExceeded, type Closure, type Frame } from './frame.js';
import { PlanError, type Plan, type Planner } from './planner.js';
import { planAppendStep } from './plan-comprehension.js';

/** cel-go's overloads.IsTypeConversionFunction: folded when the argument is a constant. */
const CONVERSIONS = new Set(['bool', 'bytes', 'double', 'duration', 'dyn', 'int', 'string', 'timestamp', 'type', 'uint']);
/** Functions whose constant regex argument (index 1) is compiled while planning. */
const REGEX_FUNCTIONS = new Set(['matches', 'find', 'findAll']);

export function noSuchOverload(id: number): CelError {
  return new CelError('no such overload', id);
}

function label(v: CelValue, id: number): CelValue {
  if (isError(v) && v.exprId === undefined) v.exprId = id;
  return v;
}

export function planCall(p: Planner, e: CallExpr): Plan {
  switch (e.fn) {
    case '_&&_':
      return planLogic(p, e, false);
    case '_||_':
      return planLogic(p, e, true);
    case '_?_:_':
      return planConditional(p, e);
    case '@not_strictly_false':
      return planNotStrictlyFalse(p, e);
    case 'or':
    case 'orValue': {
      const opt = planOptionalOr(p, e);
      if (opt) return opt;
    }
  }
  return planAppendStep(p, e) ?? planCallDispatch(p, e);
}

/** A library call: overloads by checker ids and runtime kinds; constant conversions folded. */
export function planCallDispatch(p: Planner, e: CallExpr): Plan {
  const argExprs = e.target ? [e.target, ...e.args] : e.args;
  const args = argExprs.map((a) => p.plan(a));
  const ids = p.opts.checked.overloads(e.id);
  if (e.fn === '@in' && args.length === 2 && ids?.length === 1 && ids[0] === 'in_list') {
    const set = planSetMembership(e.id, args[0], args[1]);
    if (set) return set;
  }
  const overloads = candidates(p, e, args.length);
  if (overloads.length === 0) return unboundCall(e, args);
  const costId = e.fn === '_==_' ? 'equals' : e.fn === '_!=_' ? 'not_equals' : overloads.length === 1 ? overloads[0].id : '';
  // With several candidates cel-go knows no overload id: standard calls then cost 1.
  const std = p.opts.functions.standardIds;
  const costOf = costId === '' && overloads.every((o) => std.has(o.id)) ? undefined : overloads;
  const fn =
    equalsConstString(args, costId) ?? callClosure(e.id, e.fn, args.map((a) => a.fn), overloads, costId, costOf !== undefined);
  if (REGEX_FUNCTIONS.has(e.fn) && args.length >= 2 && typeof args[1].constant?.value === 'string') {
    const re = checkRegex(e, args[1].constant.value);
    if (e.fn === 'matches' && args.length === 2 && overloads.length === 1 && (costId === 'matches_string' || costId === 'matches')) {
      return { id: e.id, fn: matchesClosure(e.id, args[0].fn, args[1].constant.value, re, overloads[0], costId) };
    }
  }
  if (CONVERSIONS.has(e.fn) && args.length === 1 && args[0].constant) {
    const value = p.evalConstant(fn);
    if (isError(value)) throw new PlanError(value.message, e.id);
    return { id: e.id, fn: () => value, constant: { value } };
  }
  return { id: e.id, fn };
}

/**
 * A function with no implementation: cel-go plans it and fails when it runs (after its
 * arguments, so `f(x) || true` is true); only a zero-argument call fails while planning.
 */
function unboundCall(e: CallExpr, args: readonly Plan[]): Plan {
  if (args.length === 0) throw new PlanError(`no such overload: ${e.fn}()`, e.id);
  const message = args.length <= 2 ? `no such overload: ${e.fn}` : `no such overload: ${e.fn} ${e.id}`;
  const fns = args.map((a) => a.fn);
  const id = e.id;
  return {
    id,
    fn: (f) => {
      let err: CelValue | undefined;
      for (const a of fns) {
        const v = a(f);
        if (isError(v) && !err) {
          err = v;
          if (fns.length > 2) break;
        }
      }
      return err ?? new CelError(message, id);
    },
  };
}

/** The overloads a call may bind to: the checker's, else every overload of that name and shape. */
function candidates(p: Planner, e: CallExpr, arity: number): OverloadDecl[] {
  const { byId, byName } = p.opts.functions;
  const ids = p.opts.checked.overloads(e.id);
  const out: OverloadDecl[] = [];
  if (ids && ids.length > 0) {
    for (const id of ids) {
      const o = byId.get(id);
      if (o?.impl && o.params.length === arity) out.push(o);
    }
    if (out.length > 0) return out;
  }
  const member = e.target !== undefined;
  for (const o of byName.get(e.fn) ?? []) {
    if (o.impl && o.member === member && o.params.length === arity) out.push(o);
  }
  return out;
}

/**
 * One overload: its implementation guards its own arguments (`no such overload…`). Several:
 * cel-go's function-level dispatch (a singleton implementation, else the first overload whose
 * parameter kinds agree with the arguments, else `no such overload: f(types)`).
 */
function callClosure(
  id: number,
  fnName: string,
  argFns: readonly Closure[],
  overloads: readonly OverloadDecl[],
  costId: string,
  declaredCost: boolean,
): Closure {
  const n = argFns.length;
  const first = overloads[0];
  const single = overloads.every((o) => o.impl === first.impl) ? first : undefined;
  const invoke = (f: Frame, args: CelValue[]): CelValue => {
    let o = single;
    if (!o) {
      o = overloads.find((c) => matchesRuntimeSignature(c, args));
      if (!o) return label(noSuchOverloadSig(fnName, args), id);
    }
    const r = o.impl!(args, f.ctx);
    f.cost += declaredCost ? callCost(o, costId, args, r) : 1;
    if (f.cost > f.limit) throw CostLimitExceeded.instance;
    return label(r, id);
  };
  if (n === 0) return (f) => invoke(f, []);
  // cel-go still charges a unary or binary call whose argument is an error (the call was
  // evaluated and observed); the error is its result.
  const failed = (f: Frame, args: CelValue[], err: CelError): CelError => {
    f.cost += declaredCost ? callCost(first, costId, args, err) : 1;
    return err;
  };
  const fastUnary = n === 1 && single && Object.hasOwn(FAST_UNARY, costId) ? FAST_UNARY[costId] : undefined;
  if (fastUnary) {
    const a0 = argFns[0];
    return (f) => {
      const a = a0(f);
      if (isError(a)) return failed(f, [a], a);
      const r = fastUnary(f, a);
      return r !== undefined ? r : invoke(f, [a]);
    };
  }
  const fastBinary = n === 2 && single && Object.hasOwn(FAST_BINARY, costId) ? FAST_BINARY[costId] : undefined;
  if (fastBinary) {
    const a0 = argFns[0];
    const a1 = argFns[1];
    return (f) => {
      const a = a0(f);
      const b = a1(f);
      if (isError(a)) return failed(f, [a, b], a);
      if (isError(b)) return failed(f, [a, b], b);
      const r = fastBinary(f, a, b);
      return r !== undefined ? r : invoke(f, [a, b]);
    };
  }
  if (n === 1) {
    const a0 = argFns[0];
    return (f) => {
      const a = a0(f);
      if (isError(a)) return failed(f, [a], a);
      return invoke(f, [a]);
    };
  }
  if (n === 2) {
    const a0 = argFns[0];
    const a1 = argFns[1];
    return (f) => {
      const a = a0(f);
      const b = a1(f);
      if (isError(a)) return failed(f, [a, b], a);
      if (isError(b)) return failed(f, [a, b], b);
      return invoke(f, [a, b]);
    };
  }
  return (f) => {
    const args = new Array<CelValue>(n);
    for (let i = 0; i < n; i++) {
      const v = argFns[i](f);
      if (isError(v)) return v;
      args[i] = v;
    }
    return invoke(f, args);
  };
}

/** `opt.or(o)` and `opt.orValue(v)` evaluate their argument only when needed (cel-go evalOptionalOr; no call cost). */
function planOptionalOr(p: Planner, e: CallExpr): Plan | undefined {
  if (!e.target || e.args.length !== 1) return undefined;
  const ids = p.opts.checked.overloads(e.id);
  const expected = e.fn === 'or' ? 'optional_or_optional' : 'optional_orValue_value';
  if (ids && ids.length === 1 && ids[0] !== expected) return undefined;
  const lhs = p.plan(e.target).fn;
  const rhs = p.plan(e.args[0]).fn;
  const orValue = e.fn === 'orValue';
  return {
    id: e.id,
    fn: (f) => {
      const l = lhs(f);
      if (!isOptional(l)) return l;
      if (l.present) return orValue ? (l.value as CelValue) : l;
      return rhs(f);
    },
  };
}

/**
 * `x == 'literal'` (and `!=`): the literal's size is known, so the cost (the smaller size,
 * cel-go's equality cost) scans `x` only as far as needed. Other operand kinds use equality as usual.
 */
function equalsConstString(args: readonly Plan[], costId: string): Closure | undefined {
  if ((costId !== 'equals' && costId !== 'not_equals') || args.length !== 2) return undefined;
  const ci = typeof args[1].constant?.value === 'string' ? 1 : typeof args[0].constant?.value === 'string' ? 0 : -1;
  if (ci < 0) return undefined;
  const k = args[ci].constant!.value as string;
  const kSize = actualSize(k);
  const other = args[1 - ci].fn;
  const negate = costId === 'not_equals';
  return (f) => {
    const v = other(f);
    if (typeof v === 'string') {
      f.cost += Math.ceil(sizeAtMost(v, kSize) * 0.1);
      return negate ? v !== k : v === k;
    }
    // An error, or a value of another kind (never equal to a string); cel-go's size rule for the cost.
    f.cost += Math.ceil(Math.min(actualSize(v), kSize) * 0.1);
    if (isError(v)) return v;
    // a Kubernetes value on the left answers `no such overload` to `==`
    return negate ? true : ci === 1 ? celEqualsOrError(v, k) : false;
  };
}

/** min(code points of s, limit), reading no more of s than needed. */
function sizeAtMost(s: string, limit: number): number {
  if (s.length <= limit) return codePointLength(s);
  let n = 0;
  for (let i = 0; i < s.length && n < limit; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** `&&` and `||`: commutative with respect to errors; cost 0 of their own. */
function planLogic(p: Planner, e: CallExpr, or: boolean): Plan {
  const a0 = p.plan(e.args[0]).fn;
  const a1 = p.plan(e.args[1]).fn;
  const id = e.id;
  const stop = or; // the value that decides the result
  const fn: Closure = (f) => {
    const a = a0(f);
    if (a === stop) return stop;
    const b = a1(f);
    if (b === stop) return stop;
    if (a === !stop && b === !stop) return !stop;
    if (typeof a !== 'boolean') return isError(a) ? a : noSuchOverload(id);
    return isError(b) ? b : noSuchOverload(id);
  };
  return { id, fn };
}

/**
 * `c ? t : f` evaluates only the chosen branch. cel-go plans it as a conditional attribute: a
 * branch that is itself an attribute is resolved without its own evaluation charge.
 */
function planConditional(p: Planner, e: CallExpr): Plan {
  const c = p.plan(e.args[0]).fn;
  const tp = p.plan(e.args[1]);
  const fp = p.plan(e.args[2]);
  const t = tp.fn;
  const fl = fp.fn;
  const tRefund = tp.attr ? 1 : 0;
  const fRefund = fp.attr ? 1 : 0;
  const id = e.id;
  const fn: Closure = (f) => {
    const v = c(f);
    if (v === true) {
      const r = t(f);
      f.cost -= tRefund;
      return r;
    }
    if (v === false) {
      const r = fl(f);
      f.cost -= fRefund;
      return r;
    }
    return isError(v) ? v : noSuchOverload(id);
  };
  return { id, fn, freeAttr: true };
}

/** `@not_strictly_false`: true unless the argument is exactly false (errors count as true). */
function planNotStrictlyFalse(p: Planner, e: CallExpr): Plan {
  const a = p.plan(e.args[0]).fn;
  return {
    id: e.id,
    fn: (f) => {
      const v = a(f);
      f.cost++;
      return typeof v === 'boolean' ? v : true;
    },
  };
}

/** `x in [constants]` becomes a set lookup, as cel-go's maybeOptimizeSetMembership does (no call cost). */
function planSetMembership(id: number, lhs: Plan, rhs: Plan): Plan | undefined {
  const list = rhs.constant?.value;
  if (!Array.isArray(list)) return undefined;
  const set = new Set<unknown>();
  for (const el of list as readonly CelValue[]) {
    // cel-go's IsPrimitiveType: bool, bytes (then refused), double, int, string, uint; not null
    if (el === null) return undefined;
    const k = setKey(el);
    if (k === NOT_PRIMITIVE) return undefined;
    set.add(k);
  }
  if (set.size === 0) return { id, fn: () => false, constant: { value: false } };
  const arg = lhs.fn;
  return {
    id,
    fn: (f) => {
      const v = arg(f);
      if (isError(v)) return v;
      return set.has(setKey(v));
    },
  };
}

const NOT_PRIMITIVE = Symbol('not primitive');

/** One key for numerically equal int, uint and double values. */
function setKey(v: CelValue): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint') return v;
  // NaN equals nothing (a fresh key is never found, as a Go map never finds a NaN key);
  // integral doubles meet ints and uints.
  if (typeof v === 'number') return Number.isNaN(v) ? {} : Number.isInteger(v) && Math.abs(v) < 2 ** 64 ? BigInt(v) : v;
  if (v instanceof CelUint) return v.value;
  return NOT_PRIMITIVE;
}

/**
 * A constant pattern that does not compile fails the program: cel-go's MatchesRegexOptimization
 * and Kubernetes' find/findAll RegexOptimization compile it while planning.
 */
function checkRegex(e: CallExpr, pattern: string): RegExp {
  const re = compileRe2(pattern);
  if (isError(re)) throw new PlanError(re.message, e.id);
  return re;
}

/** `s.matches('literal')` with the pattern compiled once (cel-go's MatchesRegexOptimization). */
function matchesClosure(id: number, target: Closure, pattern: string, re: RegExp, o: OverloadDecl, costId: string): Closure {
  const reCost = Math.ceil(actualSize(pattern) * 0.25);
  const cost = (s: CelValue): number => (costId === 'matches_string' ? Math.ceil((1 + actualSize(s)) * 0.1) * reCost : 1);
  return (f) => {
    const s = target(f);
    let r: CelValue;
    if (typeof s === 'string') r = re.test(s);
    else if (isError(s)) r = s;
    else r = label(o.impl!([s, pattern], f.ctx), id);
    f.cost += cost(s);
    if (f.cost > f.limit) throw CostLimitExceeded.instance;
    return r;
  };
}
