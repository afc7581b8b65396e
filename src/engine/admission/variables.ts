// `variables`: lazy and per expression evaluation (apiserver pkg/admission/plugin/cel/composition.go).
// A variable is computed the first time an expression reads it, reused only within that one
// evaluation, and its cost is charged to the expression that triggered it.
import { CelError, StructValue, type CelValue, type StructType } from '../cel/values.js';
import type { Activation } from '../cel/program.js';
import type { NamedExpression } from './policy.js';
import { PER_CALL_COST_LIMIT } from '../cel/kubernetes/limits.js';

const VARIABLES_TYPE: StructType = {
  name: 'kubernetes.variables',
  fieldType: () => ({ kind: 'dyn' }),
  newValue: () => new CelError('kubernetes.variables cannot be constructed'),
};

/** The value of `variables` for one expression evaluation. */
export class LazyVariables extends StructValue {
  readonly type = VARIABLES_TYPE;
  /** created on the first read (most evaluations read no variable) */
  private computed: Map<string, CelValue> | undefined;
  /** cost spent on variables so far, added to the triggering expression's cost */
  cost = 0;
  /** variable name -> value or error, in the order computed (for the trace) */
  readonly log: { name: string; value: CelValue }[] = [];

  constructor(
    private readonly definitions: readonly NamedExpression[],
    private readonly activation: () => Activation,
  ) {
    super();
  }

  get(field: string): CelValue {
    const computed = (this.computed ??= new Map());
    const cached = computed.get(field);
    if (cached !== undefined) return cached;
    // The last definition of a name wins when names repeat (validation does not forbid it).
    const def = [...this.definitions].reverse().find((d) => d.name === field);
    if (!def) return new CelError(`no such key: ${field}`);
    let value: CelValue;
    if (!def.expression.program) {
      value = new CelError(`composited variable "${field}" fails to compile: ${def.expression.error ?? ''}`);
    } else {
      // Guard against a variable that (through a stale environment) reads itself.
      computed.set(field, new CelError(`composited variable "${field}" fails to evaluate: cycle`));
      const r = def.expression.program.evaluate(this.activation(), { costLimit: PER_CALL_COST_LIMIT });
      this.cost += r.cost;
      value = r.ok ? r.value : new CelError(`composited variable "${field}" fails to evaluate: ${r.error.message}`);
    }
    computed.set(field, value);
    this.log.push({ name: field, value });
    return value;
  }

  // lazy.MapValue.Find evaluates the field, so has() and `.?` surface a failing variable's error
  has(field: string): boolean | CelError {
    if (!this.definitions.some((d) => d.name === field)) return false;
    const value = this.get(field);
    return value instanceof CelError ? value : true;
  }

  equals(other: StructValue): boolean {
    return other === this;
  }

  /** lazy.MapValue.Equal: only the same map is equal; any other value has no overload */
  override celEqualsOrError(other: CelValue): boolean | CelError {
    if (other instanceof CelError) return other;
    return other instanceof LazyVariables ? other === this : new CelError('no such overload');
  }

  // lazy.MapValue is no traits.Zeroer: optional.ofNonZeroValue(variables) always has a value
  isZero(): boolean {
    return false;
  }
}
