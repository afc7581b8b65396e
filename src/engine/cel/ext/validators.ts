// cel-go's literal validators (cel/validator.go, v0.26.0), enabled by Kubernetes from 1.29
// (`cel.ValidateDurationLiterals()`, `ValidateTimestampLiterals()`, `ValidateRegexLiterals()`):
// a call to `duration`, `timestamp` or `matches` whose first argument (call arguments exclude a
// member call's receiver) is a literal is evaluated, or its pattern compiled, at compile time;
// a failure is reported at the literal as `invalid <function> argument`.
// Note the upstream quirk kept here: for the global form `matches(s, re)` it is `s` that is
// compiled as a pattern.
import type { CelDiagnostic, Expr } from '../ast.js';
import type { AstValidator } from '../decls.js';
import { CelError, type CelValue } from '../values.js';
import { toDuration, toTimestamp } from '../stdlib/conversions.js';
import { compileRe2 } from '../re2.js';

function* calls(e: Expr, fn: string): Generator<Extract<Expr, { kind: 'call' }>> {
  switch (e.kind) {
    case 'call':
      if (e.fn === fn) yield e;
      if (e.target) yield* calls(e.target, fn);
      for (const a of e.args) yield* calls(a, fn);
      break;
    case 'select':
      yield* calls(e.operand, fn);
      break;
    case 'list':
      for (const a of e.elements) yield* calls(a, fn);
      break;
    case 'map':
      for (const x of e.entries) {
        yield* calls(x.key, fn);
        yield* calls(x.value, fn);
      }
      break;
    case 'struct':
      for (const f of e.fields) yield* calls(f.value, fn);
      break;
    case 'comprehension':
      yield* calls(e.iterRange, fn);
      yield* calls(e.accuInit, fn);
      yield* calls(e.loopCondition, fn);
      yield* calls(e.loopStep, fn);
      yield* calls(e.result, fn);
      break;
  }
}

function literalValidator(fn: string, check: (v: CelValue) => boolean): AstValidator {
  return {
    name: `cel.validator.${fn}`,
    validate(ast) {
      const out: CelDiagnostic[] = [];
      for (const call of calls(ast.expr, fn)) {
        const arg = call.args[0];
        if (!arg || arg.kind !== 'literal') continue;
        if (!check(arg.value)) out.push({ message: `invalid ${fn} argument`, range: arg.range });
      }
      return out;
    },
  };
}

export const durationLiteralValidator = literalValidator('duration', (v) => !(toDuration(v) instanceof CelError));
export const timestampLiteralValidator = literalValidator('timestamp', (v) => !(toTimestamp(v) instanceof CelError));
export const regexLiteralValidator = literalValidator(
  'matches',
  (v) => typeof v !== 'string' || !(compileRe2(v) instanceof CelError),
);

/** The three literal validators, in Kubernetes' order. */
export const literalValidators: readonly AstValidator[] = [durationLiteralValidator, timestampLiteralValidator, regexLiteralValidator];
