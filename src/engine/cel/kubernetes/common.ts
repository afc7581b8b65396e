// Helpers shared by the Kubernetes CEL libraries: type names, argument guards, Go string
// quoting, and the size/cost arithmetic of apiserver pkg/cel/library/cost.go.
import type { CallEstimate, CallEstimateInput, CostEstimate, OverloadCost, SizeEstimate } from '../decls.js';
import { T } from '../types.js';
import type { CelType } from '../types.js';
import { CelError, OpaqueValue, isCelMap, mapSize } from '../values.js';
import type { CelValue } from '../values.js';

// Type names as the Kubernetes libraries declare them (apiserver pkg/cel/*.go, library/authz.go).
// Upstream, net.IP and net.CIDR are cel.OpaqueType; the others are cel.ObjectType. Here all are
// opaque host types with these names (what messages print is the same).
export const K8S_TYPES = {
  quantity: T.opaque('kubernetes.Quantity'),
  ip: T.opaque('net.IP'),
  cidr: T.opaque('net.CIDR'),
  url: T.opaque('kubernetes.URL'),
  semver: T.opaque('kubernetes.Semver'),
  format: T.opaque('kubernetes.NamedFormat'),
  authorizer: T.opaque('kubernetes.authorization.Authorizer'),
  pathCheck: T.opaque('kubernetes.authorization.PathCheck'),
  groupCheck: T.opaque('kubernetes.authorization.GroupCheck'),
  resourceCheck: T.opaque('kubernetes.authorization.ResourceCheck'),
  decision: T.opaque('kubernetes.authorization.Decision'),
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

/** cel-go's `no such overload` (types.MaybeNoSuchOverloadErr of a non-error value). */
export function noSuchOverload(arg?: CelValue): CelError {
  return arg instanceof CelError ? arg : new CelError('no such overload');
}

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

/** Length in UTF-8 bytes (Go len(string)). */
export function utf8Len(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

// ---- costs (cel-go common/cost.go constants and checker size arithmetic) ----
export const STRING_TRAVERSAL_COST_FACTOR = 0.1;
export const REGEX_STRING_LENGTH_COST_FACTOR = 0.25;
export const LIST_CREATE_BASE_COST = 10;
export const STRUCT_CREATE_BASE_COST = 40;
/** math.MaxUint64 as cel-go's saturating estimates use it */
export const MAX_U64 = 18446744073709551615;

/** cel-go multiplyByCostFactor: ceil(x*y), saturating at MaxUint64 */
export function mulFactor(x: number, y: number): number {
  if (x > 0 && y > 0 && x > MAX_U64 / y) return MAX_U64;
  const c = Math.ceil(x * y);
  return c >= MAX_U64 ? MAX_U64 : c;
}
export function addSat(a: number, b: number): number {
  const s = a + b;
  return s >= MAX_U64 ? MAX_U64 : s;
}
export function mulSat(a: number, b: number): number {
  if (a !== 0 && b > MAX_U64 / a) return MAX_U64;
  return a * b;
}
export function sizeTimes(s: SizeEstimate, f: number): CostEstimate {
  return { min: mulFactor(s.min, f), max: mulFactor(s.max, f) };
}
export function costAdd(a: CostEstimate, b: CostEstimate): CostEstimate {
  return { min: addSat(a.min, b.min), max: addSat(a.max, b.max) };
}
export function costMul(a: CostEstimate, b: CostEstimate): CostEstimate {
  return { min: mulSat(a.min, b.min), max: mulSat(a.max, b.max) };
}
export const UNKNOWN_SIZE: SizeEstimate = { min: 0, max: MAX_U64 };
export function argSize(input: CallEstimateInput, i: number): SizeEstimate {
  return input.args[i]?.size ?? UNKNOWN_SIZE;
}

/** cost.go actualSize: traits.Sizer size (string: code points; list/map: entries; IP: bytes;
 * CIDR: prefix length / 8 rounded up), else 1. */
export function actualSize(v: CelValue): number {
  if (typeof v === 'string') {
    let n = 0;
    for (const _ of v) n++;
    return n;
  }
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
