// The function table of an environment and the cost of one call (cel-go interpreter/runtimecost.go).
import type { FunctionDecl, Library, OverloadDecl } from '../decls.js';
import { CelMap, isJsonObject, type CelValue } from '../values.js';
import { isOptional } from './guards.js';

export interface FunctionTable {
  readonly byId: ReadonlyMap<string, OverloadDecl>;
  readonly byName: ReadonlyMap<string, readonly OverloadDecl[]>;
  /** overloads of cel-go's standard and optional libraries (no Kubernetes estimator applies) */
  readonly standardIds: ReadonlySet<string>;
}

/** Libraries whose calls cel-go costs by overload id alone. */
const STANDARD_LIBRARIES = new Set(['cel.stdlib', 'cel.lib.optional']);

/** Indexes every overload of the libraries; a later library's overload replaces an earlier one with the same id. */
export function buildFunctionTable(libraries: readonly Library[]): FunctionTable {
  const byId = new Map<string, OverloadDecl>();
  const names = new Map<string, Map<string, OverloadDecl>>();
  const add = (fn: FunctionDecl) => {
    let m = names.get(fn.name);
    if (!m) names.set(fn.name, (m = new Map()));
    for (const o of fn.overloads) {
      byId.set(o.id, o);
      m.set(o.id, o);
    }
  };
  const standardIds = new Set<string>();
  for (const lib of libraries) {
    for (const fn of lib.functions ?? []) {
      add(fn);
      if (STANDARD_LIBRARIES.has(lib.name)) for (const o of fn.overloads) standardIds.add(o.id);
    }
  }
  const byName = new Map<string, OverloadDecl[]>();
  for (const [name, m] of names) byName.set(name, [...m.values()]);
  return { byId, byName, standardIds };
}

/** cel-go's actualSize: the size of strings (code points), bytes, lists and maps; 1 otherwise. */
export function actualSize(v: CelValue): number {
  // Short strings: a loop; longer ones: the native surrogate scan (most strings have none).
  if (typeof v === 'string') return v.length < 24 ? codePointLength(v) : SURROGATE.test(v) ? codePointLength(v) : v.length;
  if (Array.isArray(v)) return v.length;
  if (v instanceof Uint8Array) return v.length;
  if (v instanceof CelMap) return v.size;
  if (isOptional(v)) return v.present ? actualSize(v.value as CelValue) : 1;
  if (isJsonObject(v)) return Object.keys(v).length;
  return 1;
}

const SURROGATE = /[\uD800-\uDFFF]/;

export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = s.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--;
    }
  }
  return n;
}

const TRAVERSAL = 0.1; // common.StringTraversalCostFactor
const REGEX_LENGTH = 0.25; // common.RegexStringLengthCostFactor

/**
 * The cost of one call: the overload's own runtime cost when it declares one (the Kubernetes
 * estimator and library costs), else cel-go's built-in table keyed by overload id.
 */
export function callCost(overload: OverloadDecl | undefined, overloadId: string, args: readonly CelValue[], result: CelValue): number {
  // cel-go's own table first for the standard ids it knows (same answers as the standard
  // library's declared costs, computed here without indirection: this runs on every call).
  if (DEFAULT_COST_IDS.has(overloadId)) return defaultCallCost(overloadId, args);
  const rt = overload?.cost?.runtime;
  if (rt) return rt(args, result);
  return 1;
}

const DEFAULT_COST_IDS: ReadonlySet<string> = new Set([
  'starts_with_string',
  'ends_with_string',
  'string_to_bytes',
  'bytes_to_string',
  'strings_quote',
  'string_format',
  'in_list',
  'less_string',
  'greater_string',
  'less_equals_string',
  'greater_equals_string',
  'less_bytes',
  'greater_bytes',
  'less_equals_bytes',
  'greater_equals_bytes',
  'equals',
  'not_equals',
  'add_string',
  'add_bytes',
  'matches_string',
  'contains_string',
]);

export function defaultCallCost(overloadId: string, args: readonly CelValue[]): number {
  switch (overloadId) {
    case 'starts_with_string':
    case 'ends_with_string':
    case 'string_to_bytes':
    case 'bytes_to_string':
    case 'strings_quote':
    case 'string_format':
      return Math.ceil(actualSize(args[0]) * TRAVERSAL);
    case 'in_list':
      return actualSize(args[1]);
    case 'less_string':
    case 'greater_string':
    case 'less_equals_string':
    case 'greater_equals_string':
    case 'less_bytes':
    case 'greater_bytes':
    case 'less_equals_bytes':
    case 'greater_equals_bytes':
    case 'equals':
    case 'not_equals':
      return Math.ceil(Math.min(actualSize(args[0]), actualSize(args[1])) * TRAVERSAL);
    case 'add_string':
    case 'add_bytes':
      return Math.ceil((actualSize(args[0]) + actualSize(args[1])) * TRAVERSAL);
    case 'matches_string': {
      const strCost = Math.ceil((1 + actualSize(args[0])) * TRAVERSAL);
      const reCost = Math.ceil(actualSize(args[1]) * REGEX_LENGTH);
      return strCost * reCost;
    }
    case 'contains_string':
      return Math.ceil(actualSize(args[0]) * TRAVERSAL) * Math.ceil(actualSize(args[1]) * TRAVERSAL);
    default:
      return 1;
  }
}
