// Runtime cost overrides that Kubernetes' library cost estimator (apiserver
// pkg/cel/library/cost.go CallCost) applies to functions outside these libraries: the ext
// strings functions and `==` on Kubernetes types. Keyed by function name as upstream is, so the
// environment can consult it before cel-go's default cost. Undefined: no override.
import type { CallEstimate, CallEstimateInput, SizeEstimate } from '../decls.js';
import { OpaqueValue } from '../values.js';
import type { CelValue } from '../values.js';
import { MAX_U64, STRING_TRAVERSAL_COST_FACTOR, UNKNOWN_SIZE, actualSize, addSat, argSize, mulSat, sizeTimes } from './common.js';
import { listTraversalEstimate, traversalCost } from './lists.js';

export function kubernetesCallCostOverride(fn: string, _overloadId: string, args: readonly CelValue[], result: CelValue): number | undefined {
  switch (fn) {
    case 'indexOf':
    case 'lastIndexOf':
      return args.length > 0 ? traversalCost(args[0]) : 0;
    case 'lowerAscii':
    case 'upperAscii':
    case 'substring':
    case 'trim':
      return args.length >= 1 ? Math.ceil(actualSize(args[0]) * STRING_TRAVERSAL_COST_FACTOR) : undefined;
    case 'replace':
    case 'split':
      return args.length >= 1 ? Math.ceil(actualSize(args[0]) * 2 * STRING_TRAVERSAL_COST_FACTOR) : undefined;
    case 'join':
      return args.length >= 1 ? Math.ceil(actualSize(result) * 2 * STRING_TRAVERSAL_COST_FACTOR) : undefined;
    case '_==_':
      return args.length === 2 && args[0] instanceof OpaqueValue && args[0].celType.kind === 'opaque' && K8S_NAMES.has(args[0].celType.name) ? 1 : undefined;
    default:
      return undefined;
  }
}

const K8S_NAMES = new Set([
  'kubernetes.Quantity',
  'net.IP',
  'net.CIDR',
  'kubernetes.NamedFormat',
  'kubernetes.URL',
  'kubernetes.Semver',
  'kubernetes.authorization.Authorizer',
  'kubernetes.authorization.PathCheck',
  'kubernetes.authorization.GroupCheck',
  'kubernetes.authorization.ResourceCheck',
  'kubernetes.authorization.Decision',
]);

const mulSize = (a: SizeEstimate, b: SizeEstimate): SizeEstimate => ({ min: mulSat(a.min, b.min), max: mulSat(a.max, b.max) });
const addSize = (a: SizeEstimate, b: SizeEstimate): SizeEstimate => ({ min: addSat(a.min, b.min), max: addSat(a.max, b.max) });

/**
 * Static estimate overrides of cost.go EstimateCallCost for functions outside these libraries
 * (ext strings functions, lists' indexOf/lastIndexOf on strings, `==` on Kubernetes types).
 * `input.args` has the receiver first. cel-go consults this estimator before its own
 * defaults. Element sizes of lists are unknown here (no schema size estimator).
 */
export function kubernetesEstimateOverride(fn: string, _overloadId: string, input: CallEstimateInput, isMember: boolean): CallEstimate | undefined {
  switch (fn) {
    case 'indexOf':
    case 'lastIndexOf':
      return isMember ? listTraversalEstimate(input) : undefined;
    case 'lowerAscii':
    case 'upperAscii':
    case 'substring':
    case 'trim': {
      if (!isMember) return undefined;
      const sz = argSize(input, 0);
      return { cost: sizeTimes(sz, STRING_TRAVERSAL_COST_FACTOR), resultSize: sz };
    }
    case 'replace': {
      if (!isMember || input.args.length < 3) return undefined;
      const sz = argSize(input, 0);
      const toReplace = argSize(input, 1);
      const replaceWith = argSize(input, 2);
      const count = { min: 0, max: 0 };
      const retained = { min: 0, max: 0 };
      if (toReplace.min === 0) {
        count.max = sz.max < MAX_U64 ? sz.max + 1 : sz.max;
        retained.max = sz.max;
      } else if (replaceWith.max <= toReplace.min) {
        retained.max = sz.max;
      } else {
        count.max = Math.ceil(sz.max / toReplace.min);
      }
      if (toReplace.max === 0) {
        count.min = sz.min < MAX_U64 ? sz.min + 1 : sz.min;
        retained.min = sz.min;
      } else if (toReplace.max <= replaceWith.min) {
        retained.min = sz.min;
      } else {
        count.min = Math.ceil(sz.min / toReplace.max);
      }
      return { cost: sizeTimes(sz, 2 * STRING_TRAVERSAL_COST_FACTOR), resultSize: addSize(mulSize(count, replaceWith), retained) };
    }
    case 'split': {
      if (!isMember) return undefined;
      const sz = argSize(input, 0);
      return { cost: sizeTimes(sz, 2 * STRING_TRAVERSAL_COST_FACTOR), resultSize: { min: 0, max: sz.max } };
    }
    case 'join': {
      if (!isMember) return undefined;
      const list = argSize(input, 0);
      let sz: SizeEstimate = { min: 0, max: 0 };
      if (input.args[0]?.type.kind === 'list') sz = mulSize(list, UNKNOWN_SIZE);
      if (input.args.length > 1) {
        const sep = argSize(input, 1);
        sz = addSize(sz, mulSize(sep, { min: list.min > 0 ? list.min - 1 : 0, max: list.max > 0 ? list.max - 1 : 0 }));
      }
      return { cost: sizeTimes(sz, STRING_TRAVERSAL_COST_FACTOR), resultSize: sz };
    }
    case '_==_': {
      const a = input.args[0]?.type;
      const b = input.args[1]?.type;
      if (!a || !b || a.kind !== 'opaque' || b.kind !== 'opaque' || a.name !== b.name || !K8S_NAMES.has(a.name)) return undefined;
      if (a.name === 'kubernetes.NamedFormat') return { cost: sizeTimes({ min: 1, max: 64 }, STRING_TRAVERSAL_COST_FACTOR) };
      if (a.name === 'kubernetes.URL') {
        // upstream unions the right operand's computed size with itself (the left one is never read)
        const rhs = argSize(input, 1);
        const max = rhs.max < MAX_U64 ? rhs.max : 1;
        return { cost: sizeTimes({ min: 1, max }, STRING_TRAVERSAL_COST_FACTOR) };
      }
      return { cost: { min: 1, max: 1 } };
    }
    default:
      return undefined;
  }
}
