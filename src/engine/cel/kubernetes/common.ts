// Helpers shared by the Kubernetes CEL libraries: type names, argument guards, Go string
// quoting, and the size/cost arithmetic of apiserver pkg/cel/library/cost.go.
import type { CallEstimate, OverloadCost } from '../decls.js';
import { STRING_TRAVERSAL_COST_FACTOR, byFactor as sizeTimes, sizeAt as argSize } from '../cost-math.js';
import { codePointLength } from '../stdlib/helpers.js';
import { T } from '../types.js';
import type { CelType } from '../types.js';
import { CelError, OpaqueValue, isCelMap, mapSize } from '../values.js';
import type { CelValue } from '../values.js';

// Type names as the Kubernetes libraries declare them (apiserver pkg/cel/*.go, library/authz.go).
// Upstream, net.IP and net.CIDR are cel.OpaqueType; the others are cel.ObjectType, which only
// field selection tells apart (`unexpected failed resolution of '<name>'`). Here all are opaque
// host types with these names.
export const K8S_TYPES = {
  quantity: T.hostObject('kubernetes.Quantity'),
  ip: T.opaque('net.IP'),
  cidr: T.opaque('net.CIDR'),
  url: T.hostObject('kubernetes.URL'),
  semver: T.hostObject('kubernetes.Semver'),
  format: T.hostObject('kubernetes.NamedFormat'),
  authorizer: T.hostObject('kubernetes.authorization.Authorizer'),
  pathCheck: T.hostObject('kubernetes.authorization.PathCheck'),
  groupCheck: T.hostObject('kubernetes.authorization.GroupCheck'),
  resourceCheck: T.hostObject('kubernetes.authorization.ResourceCheck'),
  decision: T.hostObject('kubernetes.authorization.Decision'),
} as const satisfies Record<string, CelType>;

/**
 * Opaque values whose CEL `==` can be an error rather than a boolean (cel-go calls the left
 * operand's Equal method, which for some Kubernetes types returns `no such overload`). The
 * interpreter should prefer `celEqualsOrError` over OpaqueValue.equals when present.
 */
export interface EqualsOrError {
  celEqualsOrError(other: CelValue): boolean | CelError;
}
export function hasEqualsOrError(v: unknown): v is EqualsOrError {
  return typeof (v as { celEqualsOrError?: unknown } | null)?.celEqualsOrError === 'function';
}

/** The minor version of "1.34" or "v1.34" (36, the newest, when unreadable). */
export function minorOf(version: string): number {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  return m ? Number(m[2]) : 36;
}

/** cel-go's `no such overload` (types.MaybeNoSuchOverloadErr of a non-error value). */
export { noSuchOverload } from '../stdlib/helpers.js';

/** Go strconv.Quote (printable non-ASCII kept as is). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && c < 0xa0) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

// ---- costs (cel-go common/cost.go constants and checker size arithmetic, under the names the
// Kubernetes libraries use) ----
export {
  MAX as MAX_U64,
  REGEX_STRING_LENGTH_COST_FACTOR,
  STRING_TRAVERSAL_COST_FACTOR,
  LIST_CREATE_BASE_COST,
  STRUCT_CREATE_BASE_COST,
  UNKNOWN_SIZE,
  addSat,
  mulSat,
  add as costAdd,
  mul as costMul,
  byFactor as sizeTimes,
  sizeAt as argSize,
} from '../cost-math.js';

/** cost.go actualSize: traits.Sizer size (string: code points; list/map: entries; IP: bytes;
 * CIDR: prefix length / 8 rounded up), else 1. */
export function actualSize(v: CelValue): number {
  if (typeof v === 'string') return codePointLength(v);
  if (v instanceof Uint8Array) return v.length;
  if (Array.isArray(v)) return v.length;
  if (v instanceof OpaqueValue && typeof (v as { celSize?: () => number }).celSize === 'function') {
    return (v as unknown as { celSize: () => number }).celSize();
  }
  if (isCelMap(v)) return mapSize(v);
  return 1;
}

/** A fixed cost (runtime and estimate). */
export function fixedCost(n: number): OverloadCost {
  return { runtime: () => n, estimate: () => ({ cost: { min: n, max: n } }) };
}

/** ceil(size(arg i) × factor), runtime and estimate. */
export function stringArgCost(i: number, factor = STRING_TRAVERSAL_COST_FACTOR, withResultSize = false): OverloadCost {
  return {
    runtime: (args) => Math.ceil(actualSize(args[i]) * factor),
    estimate: (input): CallEstimate => {
      const sz = argSize(input, i);
      return withResultSize ? { cost: sizeTimes(sz, factor), resultSize: sz } : { cost: sizeTimes(sz, factor) };
    },
  };
}

export function str(v: CelValue): v is string {
  return typeof v === 'string';
}
