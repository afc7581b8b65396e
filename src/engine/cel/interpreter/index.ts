// The evaluator: plans a checked expression once, then evaluates it against activations.
import type { Expr, Range } from '../ast.js';
import type { CallContext, TypeProvider } from '../decls.js';
import { CelError, isError, type CelValue } from '../values.js';
import type { CheckedInfo } from './checked.js';
import type { FunctionTable } from './dispatch.js';
import { CostLimitExceeded, Frame, type Closure, type Lookup, type Observer } from './frame.js';
import { PlanError, Planner } from './planner.js';

export type { CheckedInfo, IdentRef } from './checked.js';
export { UNCHECKED } from './checked.js';
export { buildFunctionTable, callCost, type FunctionTable } from './dispatch.js';
export { PlanError } from './planner.js';

export const COST_LIMIT_MESSAGE = 'operation cancelled: actual cost limit exceeded';

export interface InterpreterOptions {
  readonly functions: FunctionTable;
  readonly checked: CheckedInfo;
  readonly typeProvider?: TypeProvider;
  readonly callContext: CallContext;
  /**
   * The parsed (unchecked) tree, whose ranges are the ones to report: the checker may replace a
   * select chain `a.b` by one identifier node with the select's id.
   */
  readonly parsed?: Expr;
}

export type Variables = Readonly<Record<string, CelValue>> | { readonly resolve: (name: string) => CelValue | undefined };

export interface RunOptions {
  /** per-evaluation cost limit (cel.CostLimit); exceeding it is the error
   * `operation cancelled: actual cost limit exceeded` */
  readonly costLimit?: number;
  /** called with every evaluated subexpression: off unless given */
  readonly observe?: (exprId: number, range: Range, value: CelValue) => void;
}

export type RunResult =
  | { readonly ok: true; readonly value: CelValue; readonly cost: number }
  | { readonly ok: false; readonly error: CelError; readonly range: Range | undefined; readonly cost: number };

interface Planned {
  readonly fn: Closure;
  readonly slots: number;
  /** a frame of a finished evaluation, ready for the next one */
  spare?: Frame;
}

/** A planned expression. The observing variant is planned on first use only. */
export class PlannedExpr {
  private observing: Planned | undefined;
  private constructor(
    private readonly expr: Expr,
    private readonly opts: InterpreterOptions,
    private readonly ranges: ReadonlyMap<number, Range>,
    private readonly plain: Planned,
  ) {}

  /** Plans `expr`; a PlanError is kube-apiserver's `program instantiation failed`. */
  static plan(expr: Expr, opts: InterpreterOptions): PlannedExpr | PlanError {
    const ranges = collectRanges(expr);
    if (opts.parsed) for (const [id, r] of collectRanges(opts.parsed)) ranges.set(id, r);
    const planned = planWith(expr, opts, ranges, false);
    if (planned instanceof PlanError) return planned;
    return new PlannedExpr(expr, opts, ranges, planned);
  }

  rangeOf(id: number | undefined): Range | undefined {
    return id === undefined ? undefined : this.ranges.get(id);
  }

  run(vars: Variables, options: RunOptions = {}): RunResult {
    return this.evaluate(vars, options.costLimit, options.observe);
  }

  /** run() without the options object (the hot path of Program.evaluate). */
  evaluate(vars: Variables, costLimit: number | undefined, observe: Observer | undefined): RunResult {
    let planned = this.plain;
    if (observe) {
      this.observing ??= planWith(this.expr, this.opts, this.ranges, true) as Planned;
      planned = this.observing;
    }
    const limit = costLimit ?? Infinity;
    // Reuse the spare frame unless an evaluation of this program is already running (a variable
    // resolver may evaluate programs while this one runs).
    let f = planned.spare;
    if (f) {
      planned.spare = undefined;
      f.reset(toLookup(vars), limit, observe);
    } else f = new Frame(toLookup(vars), planned.slots, limit, this.opts.callContext, observe);
    try {
      return this.finish(f, planned.fn);
    } finally {
      f.clear();
      planned.spare = f;
    }
  }

  private finish(f: Frame, fn: Closure): RunResult {
    let value: CelValue;
    try {
      value = fn(f);
    } catch (e) {
      if (e === CostLimitExceeded.instance) return { ok: false, error: new CelError(COST_LIMIT_MESSAGE), range: undefined, cost: f.cost };
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, error: new CelError(`internal error: ${message}`), range: undefined, cost: f.cost };
    }
    if (f.cost > f.limit) return { ok: false, error: new CelError(COST_LIMIT_MESSAGE), range: undefined, cost: f.cost };
    if (isError(value)) return { ok: false, error: value, range: this.rangeOf(value.exprId), cost: f.cost };
    return { ok: true, value, cost: f.cost };
  }
}

function planWith(expr: Expr, opts: InterpreterOptions, ranges: ReadonlyMap<number, Range>, observe: boolean): Planned | PlanError {
  const p = new Planner({
    functions: opts.functions,
    checked: opts.checked,
    typeProvider: opts.typeProvider,
    callContext: opts.callContext,
    rangeOf: (id) => ranges.get(id) ?? { start: 0, end: 0 },
    observe,
  });
  try {
    const plan = p.plan(expr);
    return { fn: plan.fn, slots: p.slotCount };
  } catch (e) {
    if (e instanceof PlanError) return e;
    if (e === CostLimitExceeded.instance) return new PlanError(COST_LIMIT_MESSAGE, expr.id);
    return new PlanError(`internal error: ${e instanceof Error ? e.message : String(e)}`, expr.id);
  }
}

function toLookup(vars: Variables): Lookup {
  const resolve = (vars as { resolve?: unknown }).resolve;
  if (typeof resolve === 'function') return (name) => (resolve as (n: string) => CelValue | undefined).call(vars, name);
  const rec = vars as Readonly<Record<string, CelValue>>;
  return (name) => (Object.hasOwn(rec, name) ? rec[name] : undefined);
}

/**
 * Every node's source range, by id, widened to cover its operands: an error raised by the select
 * `.nope` of `object.spec.nope` points at the whole `object.spec.nope`.
 */
export function collectRanges(root: Expr): Map<number, Range> {
  const out = new Map<number, Range>();
  const visit = (e: Expr): Range => {
    let { start, end } = e.range;
    const widen = (r: Range) => {
      if (r.end <= r.start) return;
      if (end <= start) {
        start = r.start;
        end = r.end;
        return;
      }
      start = Math.min(start, r.start);
      end = Math.max(end, r.end);
    };
    switch (e.kind) {
      case 'select':
        widen(visit(e.operand));
        break;
      case 'call':
        if (e.target) widen(visit(e.target));
        for (const a of e.args) widen(visit(a));
        break;
      case 'list':
        for (const x of e.elements) widen(visit(x));
        break;
      case 'map':
        for (const en of e.entries) {
          out.set(en.id, en.range);
          widen(visit(en.key));
          widen(visit(en.value));
        }
        break;
      case 'struct':
        for (const fl of e.fields) {
          out.set(fl.id, fl.range);
          widen(visit(fl.value));
        }
        break;
      case 'comprehension':
        // Macro expansions: the receiver is part of the call; the synthetic parts are not.
        widen(visit(e.iterRange));
        for (const x of [e.accuInit, e.loopCondition, e.loopStep, e.result]) visit(x);
        break;
    }
    const r = { start, end };
    out.set(e.id, r);
    return r;
  };
  visit(root);
  return out;
}
