// Runtime cost overrides that Kubernetes' library cost estimator (apiserver
// pkg/cel/library/cost.go CallCost) applies to functions outside these libraries: the ext
// strings functions and `==` on Kubernetes types. Keyed by function name as upstream is, so the
// environment can consult it before cel-go's default cost. Undefined: no override.
import { OpaqueValue } from '../values.js';
import type { CelValue } from '../values.js';
import { STRING_TRAVERSAL_COST_FACTOR, actualSize } from './common.js';
import { traversalCost } from './lists.js';

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
