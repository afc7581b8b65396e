// Runtime cost overrides that Kubernetes' library cost estimator (apiserver
// pkg/cel/library/cost.go CallCost) applies to functions outside these libraries: the ext
// strings functions and `==` on Kubernetes types. Keyed by function name as upstream is, so the
// environment can consult it before cel-go's default cost. Undefined: no override.
import type { CallEstimate, CallEstimateInput, SizeEstimate } from '../decls.js';
import { OpaqueValue } from '../values.js';
import type { CelValue } from '../values.js';
import { MAX_U64, STRING_TRAVERSAL_COST_FACTOR, UNKNOWN_SIZE, actualSize, argSize, costAdd, costMul, sizeTimes } from './common.js';
import { listTraversalEstimate, traversalCost } from './lists.js';
import { receiverTraversal, replaceEstimate, splitCost } from '../ext/strings.js';

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
    case 'trim':
      return isMember ? receiverTraversal.estimate!(input) : undefined;
    case 'replace':
      return isMember && input.args.length >= 3 ? replaceEstimate(input) : undefined;
    case 'split':
      return isMember ? splitCost.estimate!(input) : undefined;
    case 'join': {
      if (!isMember) return undefined;
      const list = argSize(input, 0);
      let sz: SizeEstimate = { min: 0, max: 0 };
      if (input.args[0]?.type.kind === 'list') sz = costMul(list, UNKNOWN_SIZE);
      if (input.args.length > 1) {
        const sep = argSize(input, 1);
        sz = costAdd(sz, costMul(sep, { min: list.min > 0 ? list.min - 1 : 0, max: list.max > 0 ? list.max - 1 : 0 }));
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
