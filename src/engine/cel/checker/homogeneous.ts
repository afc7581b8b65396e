// cel-go's homogeneous aggregate literal validator (cel/validator.go, enabled by
// cel.HomogeneousAggregateLiterals): in every list literal all elements, and in every map
// literal all keys and all values, must have equivalent static types (`dyn` is not equivalent
// to `string`). Literals anywhere inside a call to an exempt function (`format`) are skipped.
import { childExprs, type CelDiagnostic, type Expr } from '../ast.js';
import type { CelType } from '../types.js';
import { formatCelType, isEquivalentType, typeParams } from './type-ops.js';

function mismatch(at: Expr, expected: CelType, actual: CelType): CelDiagnostic {
  return {
    message: `expected type '${formatCelType(expected)}' but found '${formatCelType(actual)}'`,
    range: at.range,
  };
}

/** `[?x]` / `{?k: v}` entries are typed optional(T); compare their T. */
function unwrapOptional(t: CelType): CelType {
  return typeParams(t)[0] ?? t;
}

export function validateHomogeneousLiterals(
  root: Expr,
  typeOf: (id: number) => CelType | undefined,
  exempt: ReadonlySet<string>,
): CelDiagnostic[] {
  const listErrors: CelDiagnostic[] = [];
  const mapErrors: CelDiagnostic[] = [];
  const visit = (e: Expr, exempted: boolean): void => {
    if (!exempted && e.kind === 'list') {
      const optional = new Set(e.optionalIndices);
      let elemType: CelType | undefined;
      for (let i = 0; i < e.elements.length; i++) {
        const el = e.elements[i];
        let t = typeOf(el.id);
        if (!t) continue;
        if (optional.has(i)) t = unwrapOptional(t);
        if (elemType === undefined) {
          elemType = t;
          continue;
        }
        if (!isEquivalentType(elemType, t)) {
          // only the first mismatching element of a list is reported
          listErrors.push(mismatch(el, elemType, t));
          break;
        }
      }
    }
    if (!exempted && e.kind === 'map') {
      let keyType: CelType | undefined;
      let valType: CelType | undefined;
      for (const entry of e.entries) {
        const kt = typeOf(entry.key.id);
        let vt = typeOf(entry.value.id);
        if (!kt || !vt) continue;
        if (entry.optional) vt = unwrapOptional(vt);
        if (keyType === undefined || valType === undefined) {
          keyType = kt;
          valType = vt;
          continue;
        }
        if (!isEquivalentType(keyType, kt)) mapErrors.push(mismatch(entry.key, keyType, kt));
        if (!isEquivalentType(valType, vt)) mapErrors.push(mismatch(entry.value, valType, vt));
      }
    }
    const inExempt = exempted || (e.kind === 'call' && exempt.has(e.fn));
    for (const c of childExprs(e)) visit(c, inExempt);
  };
  visit(root, false);
  // cel-go reports all list findings, then all map findings.
  return [...listErrors, ...mapErrors];
}
