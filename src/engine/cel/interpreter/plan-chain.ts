// Select and index chains (`a.b[i].?c`), planned as one attribute the way cel-go does: a root and
// a list of qualifiers. Once a qualifier is optional the rest of the chain is optional too, and
// an optional root is unwrapped (applyQualifiers). Costs: +1 per identifier or relative root,
// +1 per qualifier; has() does not pay for its root (PresenceTestHasCost(false)).
import type { Expr, Range } from '../ast.js';
import { CelError, Optional, isJsonObject, isError, isOptional, type CelValue, type JsonObject } from '../values.js';
import { ABSENT, invalidQualifier, presenceTest, qualify } from './attributes.js';
import type { Closure, Frame } from './frame.js';
import { JSON_OBJECT_PROTO } from '../../json/object.js';
import { PlanError, type Plan, type Planner } from './planner.js';

interface Qual {
  readonly id: number;
  readonly range: Range;
  /** a constant key (field name, literal index) */
  readonly key: CelValue;
  /** a computed key */
  readonly dyn: Closure | undefined;
  /** the computed key is itself an attribute: its own +1 is the qualifier's (cel-go evalWatchAttrQual) */
  readonly absorb: boolean;
  readonly optional: boolean;
}

export function planChain(p: Planner, e: Expr): Plan {
  const quals: Qual[] = [];
  let testOnly = false;
  let node: Expr = e;
  // Walk from the outermost qualifier down to the root.
  for (;;) {
    if (node.kind === 'select') {
      const ref = p.opts.checked.identRef(node.id);
      if (ref) break;
      if (node === e && node.testOnly) testOnly = true;
      quals.push(constQual(p, node.id, node.field, false));
      node = node.operand;
      continue;
    }
    if (node.kind === 'call' && node.target === undefined && node.args.length === 2) {
      if (node.fn === '_?._' && node.args[1].kind === 'literal') {
        quals.push(constQual(p, node.id, node.args[1].value, true));
        node = node.args[0];
        continue;
      }
      if (node.fn === '_[_]' || node.fn === '_[?_]') {
        const optional = node.fn === '_[?_]';
        const idx = p.plan(node.args[1]);
        // cel-go's NewQualifier rejects a constant key of another type while planning
        const bad = idx.constant && invalidQualifier(idx.constant.value);
        if (bad) throw new PlanError(bad.message, node.id);
        quals.push(
          idx.constant
            ? constQual(p, node.id, idx.constant.value, optional)
            : { id: node.id, range: p.opts.rangeOf(node.id), key: null, dyn: idx.fn, absorb: idx.attr === true || idx.freeAttr === true, optional },
        );
        node = node.args[0];
        continue;
      }
    }
    break;
  }
  quals.reverse();
  if (p.opts.checked.unchecked && node.kind === 'ident' && quals.length > 0 && !quals[0].dyn && !quals[0].optional) {
    return planMaybeQualified(p, e, node.name, node.id, quals, testOnly);
  }
  let root: Plan;
  let rootCost = 0;
  if (node.kind === 'ident' || (node.kind === 'select' && p.opts.checked.identRef(node.id))) {
    if (node.kind === 'ident') root = p.plan(node);
    else {
      root = planQualifiedIdent(p, node);
      // (without qualifiers the caller observes the node itself)
      if (quals.length > 0 && p.opts.observe) root = p.observed(root, node.id);
    }
    if (testOnly) rootCost = -1;
  } else {
    root = p.plan(node);
    // Anything else is a relative attribute, which charges 1, except a conditional (cel-go's
    // conditional attribute has no charge of its own).
    if (!testOnly && !root.freeAttr) rootCost = 1;
  }
  if (quals.length === 0) return root;
  const fn =
    !testOnly && quals.every((q) => !q.dyn && !q.optional) && !p.opts.observe
      ? fastClosure(root.fn, rootCost, quals.map((q) => q.key), e.id)
      : chainClosure(root.fn, rootCost, quals, e.id, p.opts.observe, testOnly);
  return testOnly ? { id: e.id, fn, freeAttr: true } : { id: e.id, fn, attr: true };
}

function planQualifiedIdent(p: Planner, node: Expr & { kind: 'select' }): Plan {
  const ref = p.opts.checked.identRef(node.id);
  const name = ref?.kind === 'variable' ? ref.name : node.field;
  return p.planIdent(node.id, name);
}

function constQual(p: Planner, id: number, key: CelValue, optional: boolean): Qual {
  return { id, range: p.opts.rangeOf(id), key, dyn: undefined, absorb: false, optional };
}

function label(err: CelError, id: number): CelError {
  if (err.exprId === undefined) err.exprId = id;
  return err;
}

const OBJECT_PROTO: object = Object.prototype;
const ERROR_PROTO: object = CelError.prototype;
const OPTIONAL_PROTO: object = Optional.prototype;

/** Constant, non-optional qualifiers: the hot path of `object.spec.containers`. */
function fastClosure(root: Closure, rootCost: number, keys: readonly CelValue[], id: number): Closure {
  const n = keys.length;
  return (f: Frame) => {
    let obj = root(f);
    f.cost += rootCost;
    if (typeof obj === 'object' && obj !== null) {
      const proto = Object.getPrototypeOf(obj);
      if (proto === ERROR_PROTO) return obj;
      if (proto === OPTIONAL_PROTO) return chainFrom(f, obj as Optional, keys, id);
    }
    for (let i = 0; i < n; i++) {
      f.cost++;
      const key = keys[i];
      if (typeof key === 'string' && typeof obj === 'object' && obj !== null && key !== '__proto__') {
        const proto = Object.getPrototypeOf(obj);
        if (proto === JSON_OBJECT_PROTO || proto === OBJECT_PROTO || proto === null) {
          // One lookup: values are never undefined or functions, so a hit is an own entry.
          const v = (obj as JsonObject)[key];
          if (v !== undefined && typeof v !== 'function') {
            obj = v;
            continue;
          }
        }
      }
      const r = qualify(obj, key, false);
      if (isError(r)) return label(r, id);
      obj = r as CelValue;
    }
    return obj;
  };
}

/** The rest of a constant chain over an optional root. */
function chainFrom(f: Frame, root: Optional, keys: readonly CelValue[], id: number): CelValue {
  if (!root.present) return root;
  let obj = root.value as CelValue;
  for (const key of keys) {
    const r = qualify(obj, key, true);
    if (r === ABSENT) return Optional.none;
    f.cost++;
    if (isError(r)) return label(r, id);
    obj = r;
  }
  return Optional.of(obj);
}

/**
 * The general chain. With `testOnly` (has()), the last qualifier is a presence test, and an
 * absent entry anywhere in an optional chain makes the answer false.
 */
function chainClosure(root: Closure, rootCost: number, quals: readonly Qual[], id: number, observe: boolean, testOnly: boolean): Closure {
  const n = quals.length;
  const last = testOnly ? n - 1 : n;
  return (f: Frame) => {
    let obj = root(f);
    f.cost += rootCost;
    if (isError(obj)) return obj;
    let isOpt = false;
    if (isOptional(obj)) {
      if (!obj.present) return testOnly ? false : obj;
      obj = obj.value as CelValue;
      isOpt = true;
    }
    for (let i = 0; i < n; i++) {
      const q = quals[i];
      let key = q.key;
      if (q.dyn) {
        key = q.dyn(f);
        if (q.absorb) f.cost--;
        const bad = invalidQualifier(key);
        if (bad) return bad === key ? key : label(bad, id);
      }
      isOpt ||= q.optional;
      if (i !== last) {
        // Fast paths: a present key of a plain-object map, an in-range int index of a list.
        if (typeof key === 'string') {
          if (typeof obj === 'object' && obj !== null && isJsonObject(obj) && Object.hasOwn(obj, key)) {
            f.cost++;
            obj = obj[key];
            if (observe && i < n - 1) f.observe?.(q.id, q.range, isOpt ? Optional.of(obj) : obj);
            continue;
          }
        } else if (typeof key === 'bigint' && Array.isArray(obj)) {
          const k = Number(key);
          if (k >= 0 && k < obj.length) {
            f.cost++;
            obj = obj[k];
            if (observe && i < n - 1) f.observe?.(q.id, q.range, isOpt ? Optional.of(obj) : obj);
            continue;
          }
        }
      }
      if (i === last) {
        f.cost++;
        const present = presenceTest(obj, key);
        return isError(present) ? label(present, id) : present;
      }
      const r = qualify(obj, key, isOpt);
      if (r === ABSENT) return testOnly ? false : Optional.none;
      f.cost++;
      if (isError(r)) return label(r, id);
      obj = r;
      if (observe && i < n - 1) f.observe?.(q.id, q.range, isOpt ? Optional.of(obj) : obj);
    }
    return isOpt ? Optional.of(obj) : obj;
  };
}

/**
 * Without a checker, `a.b.c` may be the variable `a.b.c`, or `a.b` selected by `c`, or `a`
 * selected by `b` and `c`: the longest bound name wins (cel-go's maybe-attributes).
 */
function planMaybeQualified(p: Planner, e: Expr, rootName: string, rootId: number, quals: readonly Qual[], testOnly: boolean): Plan {
  const names: { name: string; rest: readonly Qual[] }[] = [];
  let name = rootName;
  names.push({ name, rest: quals });
  for (let i = 0; i < quals.length - (testOnly ? 1 : 0); i++) {
    const q = quals[i];
    if (q.dyn || q.optional || typeof q.key !== 'string') break;
    name = `${name}.${q.key}`;
    names.push({ name, rest: quals.slice(i + 1) });
  }
  names.reverse();
  const slot = p.slotOf(rootName);
  const observe = p.opts.observe;
  const candidates = names.map(({ name: n, rest }) => ({
    name: n,
    // the id of the node the bound name stands for: the root, or the select it ends at
    id: rest.length === quals.length ? rootId : quals[quals.length - rest.length - 1].id,
    fn: rest.length === 0 ? (v: CelValue) => v : applyRest(rest, e.id, testOnly, observe),
  }));
  const rootRange = p.opts.rangeOf(rootId);
  const missing = `no such attribute(s): ${rootName}`;
  const rootCost = testOnly ? 0 : 1;
  const fn: Closure = (f) => {
    f.cost += rootCost;
    if (slot !== undefined) {
      const v = f.slots[slot];
      if (observe) f.observe?.(rootId, rootRange, v);
      return candidates[candidates.length - 1].fn(v, f);
    }
    for (const c of candidates) {
      const v = f.lookup(c.name);
      if (v === undefined) continue;
      if (observe && c.id === rootId) f.observe?.(rootId, rootRange, v);
      return c.fn(v, f);
    }
    return new CelError(missing, rootId);
  };
  return { id: e.id, fn, attr: true };
}

function applyRest(rest: readonly Qual[], id: number, testOnly: boolean, observe: boolean): (v: CelValue, f: Frame) => CelValue {
  return (v, f) => chainClosure(() => v, 0, rest, id, observe, testOnly)(f);
}
