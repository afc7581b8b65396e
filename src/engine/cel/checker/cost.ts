// The static cost estimate of a checked expression: cel-go v0.26 checker/cost.go. Per-node
// costs, size estimates carried through literals, variables and comprehensions, per-overload
// estimators (OverloadDecl.cost.estimate, the CostEstimator of a library) and cel-go's
// built-in defaults for the standard overloads.
import type { CallExpr, ComprehensionExpr, Expr } from '../ast.js';
import type { CallEstimate, CallEstimateInput, CostEstimate, OverloadDecl, SizeEstimate } from '../decls.js';
import { T, type CelType } from '../types.js';
import { CelUint } from '../values.js';
import type { CheckResult } from './checker.js';
import {
  CONST_COST,
  LIST_CREATE_BASE_COST,
  MAP_CREATE_BASE_COST,
  MAX,
  SELECT_AND_IDENT_COST,
  STRUCT_CREATE_BASE_COST,
  add,
  fixed,
  mul,
  toEstimate,
  union,
  unknownSize,
  type Est,
} from '../cost-math.js';
import type { CheckerEnv } from './env.js';
import { BUILTIN_COSTS } from '../stdlib/costs.js';

export interface CostHints {
  /**
   * cel-go CostEstimator.EstimateSize: the size of the value reached by `path` (a variable name,
   * then field names and `@items`, `@values`, `@keys`, `@indices`), or undefined if unknown.
   */
  estimateSize?(path: readonly string[], type: CelType): SizeEstimate | undefined;
  /** checker.PresenceTestHasCost; Kubernetes sets it to false (has() costs 0). Default true. */
  readonly presenceTestHasCost?: boolean;
  /**
   * cel-go CostEstimator.EstimateCallCost (Kubernetes' library estimator), consulted before
   * cel-go's defaults and the declared estimators; undefined means no opinion. `input.args`
   * has the receiver first.
   */
  estimateCallCost?(fn: string, overloadId: string, input: CallEstimateInput, isMember: boolean): CallEstimate | undefined;
}

interface EntrySize {
  readonly container: 'list' | 'map' | 'unknown';
  readonly key: Est;
  readonly val: Est;
}

interface LocalVar {
  readonly path: readonly string[];
  readonly size: Est | undefined;
  readonly entrySize: EntrySize | undefined;
}

/** cel-go parser.AccumulatorName: isBind compares with the legacy name, not `@result`. */
const LEGACY_ACCUMULATOR = '__result__';

function literalSize(e: Expr): Est | undefined {
  if (e.kind === 'literal') {
    const v = e.value;
    if (typeof v === 'string') return fixed(Array.from(v).length);
    if (v instanceof Uint8Array) return fixed(v.length);
    if (v === null || typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number' || v instanceof CelUint) {
      return fixed(1);
    }
    return undefined;
  }
  if (e.kind === 'list') return fixed(e.elements.length);
  if (e.kind === 'map') return fixed(e.entries.length);
  return undefined;
}

function isScalar(t: CelType): boolean {
  if (t.kind === 'primitive') return ['bool', 'double', 'duration', 'int', 'timestamp', 'uint'].includes(t.name);
  if (t.kind === 'opaque' && t.name === 'optional_type' && t.params.length === 1) return isScalar(t.params[0]);
  return false;
}

function unionEntry(a: EntrySize | undefined, b: EntrySize | undefined): EntrySize | undefined {
  if (!a || !b) return undefined;
  return { container: a.container, key: union(a.key, b.key), val: union(a.val, b.val) };
}

class Coster {
  private readonly paths = new Map<number, readonly string[]>();
  private readonly locals = new Map<string, LocalVar[]>();
  private readonly sizes = new Map<number, Est>();
  private readonly entrySizes = new Map<number, EntrySize>();
  private readonly overloads: ReadonlyMap<string, OverloadDecl>;
  private readonly presenceCost: Est;

  constructor(
    private readonly result: CheckResult,
    env: CheckerEnv,
    private readonly hints: CostHints,
  ) {
    this.overloads = env.overloadsById;
    this.presenceCost = hints.presenceTestHasCost === false ? fixed(0) : fixed(SELECT_AND_IDENT_COST);
  }

  private typeOf(e: Expr): CelType {
    return this.result.types.get(e.id) ?? T.dyn;
  }

  // ---- local variables ----

  private push(name: string, v: LocalVar): void {
    const stack = this.locals.get(name) ?? [];
    stack.push(v);
    this.locals.set(name, stack);
  }
  private pop(name: string): void {
    this.locals.get(name)?.pop();
  }
  private peek(name: string): LocalVar | undefined {
    const s = this.locals.get(name);
    return s && s.length ? s[s.length - 1] : undefined;
  }

  private rangeContainer(range: Expr, entry: EntrySize | undefined): string {
    const c = entry?.container ?? 'unknown';
    return c === 'unknown' ? this.typeOf(range).kind : c;
  }

  private pushIterKey(name: string, range: Expr): void {
    const entry = this.entrySize(range);
    const sub = this.rangeContainer(range, entry) === 'list' ? '@indices' : '@keys';
    this.push(name, { path: [...this.path(range), sub], size: entry?.key, entrySize: undefined });
  }
  private pushIterValue(name: string, range: Expr): void {
    const entry = this.entrySize(range);
    const sub = this.rangeContainer(range, entry) === 'list' ? '@items' : '@values';
    this.push(name, { path: [...this.path(range), sub], size: entry?.val, entrySize: undefined });
  }
  private pushIterSingle(name: string, range: Expr): void {
    const entry = this.entrySize(range);
    const isList = this.rangeContainer(range, entry) === 'list';
    this.push(name, {
      path: [...this.path(range), isList ? '@items' : '@keys'],
      size: isList ? entry?.val : entry?.key,
      entrySize: undefined,
    });
  }
  private pushLocal(name: string, e: Expr): void {
    this.push(name, { path: this.path(e), size: this.size(e), entrySize: this.entrySize(e) });
  }

  // ---- paths and sizes ----

  private path(e: Expr): readonly string[] {
    if (e.kind === 'ident') {
      const v = this.peek(e.name);
      if (v) return v.path;
    }
    return this.paths.get(e.id) ?? [];
  }

  private size(e: Expr): Est | undefined {
    const known = this.sizes.get(e.id);
    if (known) return known;
    const lit = literalSize(e);
    if (lit) return lit;
    const t = this.typeOf(e);
    const hinted = this.hints.estimateSize?.(this.path(e), t);
    if (hinted) {
      const s = { min: hinted.min, max: hinted.max };
      this.sizes.set(e.id, s);
      return s;
    }
    if (isScalar(t)) return fixed(1);
    if (e.kind === 'ident') {
      const v = this.peek(e.name);
      if (v?.size) return v.size;
    }
    return undefined;
  }

  private sizeOrUnknown(e: Expr): Est {
    return this.size(e) ?? unknownSize();
  }

  private setSize(e: Expr, s: Est | undefined): void {
    if (s) this.sizes.set(e.id, s);
  }

  private entrySize(e: Expr): EntrySize | undefined {
    const known = this.entrySizes.get(e.id);
    if (known) return known;
    if (e.kind === 'ident') return this.peek(e.name)?.entrySize;
    return undefined;
  }

  private setEntrySize(e: Expr, s: EntrySize | undefined): void {
    if (s) this.entrySizes.set(e.id, s);
  }

  // ---- nodes ----

  cost(e: Expr): Est {
    switch (e.kind) {
      case 'literal':
        return fixed(CONST_COST);
      case 'ident':
        this.paths.set(e.id, this.peek(e.name)?.path ?? [e.name]);
        return fixed(SELECT_AND_IDENT_COST);
      case 'select': {
        if (e.testOnly) return add(this.presenceCost, this.cost(e.operand));
        let sum = this.cost(e.operand);
        const k = this.typeOf(e.operand).kind;
        if (k === 'map' || k === 'struct' || k === 'param') sum = add(sum, fixed(SELECT_AND_IDENT_COST));
        this.paths.set(e.id, [...this.path(e.operand), e.field]);
        return sum;
      }
      case 'call':
        return this.costCall(e);
      case 'list': {
        let sum = fixed(0);
        let item: Est = { min: e.elements.length === 0 ? 0 : MAX, max: 0 };
        for (const el of e.elements) {
          sum = add(sum, this.cost(el));
          item = union(item, this.sizeOrUnknown(el));
        }
        this.setEntrySize(e, { container: 'list', key: fixed(1), val: item });
        return add(sum, fixed(LIST_CREATE_BASE_COST));
      }
      case 'map': {
        let sum = fixed(0);
        const empty = e.entries.length === 0;
        let key: Est = { min: empty ? 0 : MAX, max: 0 };
        let val: Est = { min: empty ? 0 : MAX, max: 0 };
        for (const entry of e.entries) {
          sum = add(sum, this.cost(entry.key));
          sum = add(sum, this.cost(entry.value));
          key = union(key, this.sizeOrUnknown(entry.key));
          val = union(val, this.sizeOrUnknown(entry.value));
        }
        this.setEntrySize(e, { container: 'map', key, val });
        return add(sum, fixed(MAP_CREATE_BASE_COST));
      }
      case 'struct': {
        let sum = fixed(0);
        for (const f of e.fields) sum = add(sum, this.cost(f.value));
        return add(sum, fixed(STRUCT_CREATE_BASE_COST));
      }
      case 'comprehension':
        return this.isBind(e) ? this.costBind(e) : this.costComprehension(e);
    }
  }

  private isBind(e: ComprehensionExpr): boolean {
    return (
      e.iterRange.kind === 'list' &&
      e.iterRange.elements.length === 0 &&
      e.loopCondition.kind === 'literal' &&
      e.loopCondition.value === false &&
      e.accuVar !== LEGACY_ACCUMULATOR
    );
  }

  private costBind(e: ComprehensionExpr): Est {
    let sum = add(this.cost(e.iterRange), this.cost(e.accuInit));
    this.pushLocal(e.accuVar, e.accuInit);
    sum = add(sum, this.cost(e.result));
    this.pop(e.accuVar);
    this.setSize(e, this.size(e.result));
    this.setEntrySize(e, this.entrySize(e.result));
    return sum;
  }

  private costComprehension(e: ComprehensionExpr): Est {
    let sum = add(this.cost(e.iterRange), this.cost(e.accuInit));
    this.pushLocal(e.accuVar, e.accuInit);
    if (e.iterVar2 !== undefined) {
      this.pushIterKey(e.iterVar, e.iterRange);
      this.pushIterValue(e.iterVar2, e.iterRange);
    } else {
      this.pushIterSingle(e.iterVar, e.iterRange);
    }
    const loopCost = this.cost(e.loopCondition);
    const stepCost = this.cost(e.loopStep);
    this.pop(e.iterVar);
    if (e.iterVar2 !== undefined) this.pop(e.iterVar2);
    sum = add(sum, this.cost(e.result));
    this.pop(e.accuVar);

    const rangeCnt = this.sizeOrUnknown(e.iterRange);
    sum = add(sum, mul(rangeCnt, add(stepCost, loopCost)));
    const k = e.accuInit.kind;
    if (k === 'literal') this.setSize(e, this.size(e.accuInit));
    else if (k === 'list' || k === 'map') {
      this.setSize(e, rangeCnt);
      this.setEntrySize(e, this.entrySize(e.loopStep));
    }
    return sum;
  }

  private costCall(e: CallExpr): Est {
    if (e.fn === 'dyn' && e.args.length === 1 && !e.target) {
      const argCost = this.cost(e.args[0]);
      this.setSize(e, this.size(e.args[0]));
      this.setEntrySize(e, this.entrySize(e.args[0]));
      return add(fixed(1), argCost);
    }
    const argCosts = e.args.map((a) => this.cost(a));
    const ref = this.result.refs.get(e.id);
    const ids = ref?.kind === 'function' ? ref.overloadIds : [];
    if (ids.length === 0) return fixed(0);
    let sum = fixed(0);
    if (e.target) sum = add(sum, this.cost(e.target));

    let fnCost: Est = { min: MAX, max: 0 };
    let resultSize: Est | undefined;
    for (const id of ids) {
      const oc = this.functionCost(e, id, argCosts);
      fnCost = union(fnCost, oc.cost);
      if (oc.resultSize) resultSize = resultSize ? union(resultSize, oc.resultSize) : oc.resultSize;
      if ((id === 'index_list' || id === 'index_map') && e.args.length > 0) {
        resultSize = this.entrySize(e.args[0])?.val;
        this.paths.set(e.id, [...this.path(e.args[0]), id === 'index_list' ? '@items' : '@values']);
      }
      if (!resultSize) resultSize = this.size(e);
    }
    this.setSize(e, resultSize);
    return add(sum, fnCost);
  }

  /** The node as an estimator sees it: its type and computed size. */
  private argInput(e: Expr): { type: CelType; size: SizeEstimate } {
    const s = this.size(e) ?? unknownSize();
    return { type: this.typeOf(e), size: toEstimate(s) };
  }

  private functionCost(e: CallExpr, id: string, argCosts: readonly Est[]): { cost: Est; resultSize?: Est } {
    const argSum = argCosts.reduce((a, b) => add(a, b), fixed(0));
    const args = e.args;
    const target = e.target;

    const input = (): CallEstimateInput => ({ args: [...(target ? [target] : []), ...args].map((a) => this.argInput(a)) });
    const withArgs = (est: CallEstimate) => ({
      cost: add({ min: est.cost.min, max: est.cost.max }, argSum),
      resultSize: est.resultSize ? { min: est.resultSize.min, max: est.resultSize.max } : undefined,
    });
    const hooked = this.hints.estimateCallCost?.(e.fn, id, input(), target !== undefined);
    if (hooked) return withArgs(hooked);
    const special = this.specialCost(e, id, argCosts);
    if (special) return special;
    // cel-go's own estimates for the standard overloads take precedence over declared ones.
    const estimate = (BUILTIN_COSTS.get(id) ?? this.overloads.get(id)?.cost)?.estimate;
    if (estimate) return withArgs(estimate(input()));
    return { cost: add(fixed(1), argSum) };
  }

  /**
   * The calls cel-go's estimator treats apart from any overload cost: `&&`, `||` and `_?_:_`
   * (branches), and concatenation, whose result keeps the entry sizes of both operands.
   */
  private specialCost(e: CallExpr, id: string, argCosts: readonly Est[]): { cost: Est; resultSize?: Est } | undefined {
    const args = e.args;
    switch (id) {
      case 'logical_or':
      case 'logical_and': {
        const lhs = argCosts[0] ?? fixed(0);
        const rhs = argCosts[1] ?? fixed(0);
        return { cost: { min: lhs.min, max: add(lhs, rhs).max } };
      }
      case 'conditional': {
        if (args.length !== 3) break;
        const size = union(this.sizeOrUnknown(args[1]), this.sizeOrUnknown(args[2]));
        this.setEntrySize(e, unionEntry(this.entrySize(args[1]), this.entrySize(args[2])));
        return { cost: add(argCosts[0], union(argCosts[1], argCosts[2])), resultSize: size };
      }
      case 'add_string':
      case 'add_bytes':
      case 'add_list':
        // the cost and result size are the built-in estimate's
        if (args.length === 2) this.setEntrySize(e, unionEntry(this.entrySize(args[0]), this.entrySize(args[1])));
        break;
    }
    return undefined;
  }
}

/** cel-go checker.Cost: the estimated cost range of evaluating a checked expression. */
export function estimateCost(result: CheckResult, env: CheckerEnv, hints: CostHints = {}): CostEstimate {
  const c = new Coster(result, env, hints);
  return toEstimate(c.cost(result.expr));
}
