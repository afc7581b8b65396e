// The planner: turns a checked expression into a tree of closures, once per program (cel-go
// interpreter/planner.go with the OptOptimize and OptTrackCost decorators Kubernetes enables).
// Every closure adds its node's runtime cost to the frame; comprehension variables live in
// numbered slots; constant conversions, literals and regex patterns are evaluated here.
import type { CallExpr, Expr, Range } from '../ast.js';
import type { CallContext, TypeProvider } from '../decls.js';
import { CelError, TypeValue, isError, type CelValue } from '../values.js';
import type { CelType } from '../types.js';
import type { CheckedInfo } from './checked.js';
import type { FunctionTable } from './dispatch.js';
import { Frame, type Closure } from './frame.js';
import { planCall, planCallDispatch } from './plan-call.js';
import { planChain } from './plan-chain.js';
import { planComprehension } from './plan-comprehension.js';
import { planList, planMap, planStruct } from './plan-literals.js';

/** A planned node. */
export interface Plan {
  readonly id: number;
  readonly fn: Closure;
  /** the value, when the node is a constant (a literal, or folded while planning) */
  readonly constant?: { readonly value: CelValue };
  /** whether the node is an attribute (identifier or select/index chain) in cel-go's sense,
   * whose root charges 1 when evaluated on its own */
  readonly attr?: boolean;
  /** an attribute without a charge of its own: a conditional, or a has() test */
  readonly freeAttr?: boolean;
}

/** A failure while planning: kube-apiserver's `program instantiation failed: <message>`. */
export class PlanError {
  constructor(
    readonly message: string,
    readonly exprId: number,
  ) {}
}

export interface PlannerOptions {
  readonly functions: FunctionTable;
  readonly checked: CheckedInfo;
  readonly typeProvider?: TypeProvider;
  /** source ranges by expression id */
  readonly rangeOf: (id: number) => Range;
  /** wrap every node so that EvalOptions.observe sees its value */
  readonly observe: boolean;
  readonly callContext: CallContext;
}

type Scope = ReadonlyMap<string, number>;

export class Planner {
  private readonly scopes: Scope[] = [];
  slotCount = 0;
  /** the accumulator slot of the comprehension whose loop step is being planned, else -1 */
  appendSlot = -1;
  constructor(readonly opts: PlannerOptions) {}

  plan(e: Expr): Plan {
    const p = this.planNode(e);
    if (!this.opts.observe || p.id !== e.id) return p;
    return this.observed(p, e.id);
  }

  /** Wraps a closure so that the observer sees the value it produced. */
  observed(p: Plan, id: number): Plan {
    const inner = p.fn;
    const range = this.opts.rangeOf(id);
    const fn: Closure = (f) => {
      const v = inner(f);
      f.observe?.(id, range, v);
      return v;
    };
    return { ...p, fn };
  }

  private planNode(e: Expr): Plan {
    switch (e.kind) {
      case 'literal': {
        const value = e.value;
        return { id: e.id, fn: () => value, constant: { value } };
      }
      case 'ident':
        return this.planIdent(e.id, e.name);
      case 'select':
        return planChain(this, e);
      case 'call':
        if (e.fn === '_[_]' || e.fn === '_[?_]' || e.fn === '_?._') return planChain(this, e);
        return planCall(this, e);
      case 'list':
        return planList(this, e);
      case 'map':
        return planMap(this, e);
      case 'struct':
        return planStruct(this, e);
      case 'comprehension':
        return planComprehension(this, e);
    }
  }

  /** An identifier: a comprehension variable, a declared variable, or a type name. */
  planIdent(id: number, name: string): Plan {
    const ref = this.opts.checked.identRef(id);
    const varName = ref?.kind === 'variable' ? ref.name : name;
    if (ref?.kind !== 'type') {
      const slot = this.slotOf(varName);
      if (slot !== undefined) {
        return {
          id,
          attr: true,
          fn: (f) => {
            f.cost++;
            return f.slots[slot];
          },
        };
      }
    }
    if (ref?.kind === 'type') {
      const value = new TypeValue(ref.type);
      return { id, fn: () => value, constant: { value } };
    }
    if (ref === undefined) {
      const t = builtinTypeIdent(name);
      if (t) {
        const value = new TypeValue(t);
        return { id, fn: () => value, constant: { value } };
      }
    }
    const missing = `no such attribute(s): ${varName}`;
    return {
      id,
      attr: true,
      fn: (f) => {
        f.cost++;
        const v = f.lookup(varName);
        if (v === undefined) return missingVariable(missing, id);
        // A variable bound to an error (a failed lazy variable) fails here.
        if (isError(v) && v.exprId === undefined) v.exprId = id;
        return v;
      },
    };
  }

  /** A call planned without the in-place append of comprehension steps. */
  planGenericCall(e: CallExpr): Closure {
    return planCallDispatch(this, e).fn;
  }

  // ---- comprehension scopes ----

  newSlot(): number {
    return this.slotCount++;
  }
  pushScope(vars: ReadonlyMap<string, number>): void {
    this.scopes.push(vars);
  }
  popScope(): void {
    this.scopes.pop();
  }
  slotOf(name: string): number | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i].get(name);
      if (s !== undefined) return s;
    }
    return undefined;
  }

  /** Evaluates a closure made only of constants, while planning. */
  evalConstant(fn: Closure): CelValue {
    const f = new Frame(() => undefined, this.slotCount, Infinity, this.opts.callContext, undefined);
    return fn(f);
  }
}

function missingVariable(message: string, id: number): CelError {
  return new CelError(message, id);
}

/** Type names usable as values without a checker (`int`, `list`, …). */
function builtinTypeIdent(name: string): CelType | undefined {
  switch (name) {
    case 'int':
    case 'uint':
    case 'double':
    case 'bool':
    case 'string':
    case 'bytes':
    case 'null_type':
      return { kind: 'primitive', name };
    case 'list':
      return { kind: 'list', elem: { kind: 'dyn' } };
    case 'map':
      return { kind: 'map', key: { kind: 'dyn' }, value: { kind: 'dyn' } };
    case 'type':
      return { kind: 'type' };
    case 'google.protobuf.Timestamp':
      return { kind: 'primitive', name: 'timestamp' };
    case 'google.protobuf.Duration':
      return { kind: 'primitive', name: 'duration' };
    case 'optional_type':
      return { kind: 'opaque', name: 'optional_type', params: [{ kind: 'dyn' }] };
  }
  return undefined;
}
