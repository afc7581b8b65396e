// The parsed form of data/go-types.ts: Go types with their JSON facts.
import { GO_STRUCTS, TYPED_KINDS, VERSIONED_PACKAGE_STRUCTS } from './data/go-types.js';

export type GoType =
  | { readonly k: 'str'; readonly name: string }
  | { readonly k: 'i32' | 'i64' | 'bool' | 'f64' | 'qty' | 'ios' | 'time' | 'bytes' | 'raw' }
  | { readonly k: 'ptr'; readonly elem: GoType }
  | { readonly k: 'slice'; readonly elem: GoType }
  | { readonly k: 'map'; readonly elem: GoType; readonly name?: string }
  | { readonly k: 'struct'; readonly name: string };

export interface GoField {
  readonly json: string;
  readonly omitempty: boolean;
  readonly type: GoType;
  /** the Kubernetes minor version the field appeared in (0: always there) */
  readonly since: number;
  /** the last minor version that has the field (a field removed again, e.g. PodSpec.workloadRef in 1.35 only) */
  readonly until?: number;
  /** the minor version from which the json tag also has omitzero (only on metav1.Time fields) */
  readonly omitzeroSince?: number;
}

function parseType(t: string): GoType {
  if (t.startsWith('*')) return { k: 'ptr', elem: parseType(t.slice(1)) };
  if (t.startsWith('[]')) return { k: 'slice', elem: parseType(t.slice(2)) };
  if (t.startsWith('{}')) return { k: 'map', elem: parseType(t.slice(2)) };
  if (t.startsWith('@')) return { k: 'struct', name: t.slice(1) };
  if (t === 'rl') return { k: 'map', elem: { k: 'qty' }, name: 'v1.ResourceList' };
  if (t === 'str') return { k: 'str', name: 'string' };
  if (t.startsWith('str=')) return { k: 'str', name: t.slice(4) };
  switch (t) {
    case 'i32':
    case 'i64':
    case 'bool':
    case 'f64':
    case 'qty':
    case 'ios':
    case 'time':
    case 'bytes':
    case 'raw':
      return { k: t };
  }
  return { k: 'raw' };
}

function parseStruct(spec: string): GoField[] {
  return spec
    .split(/\s+/)
    .filter((x) => x !== '')
    .map((tok) => {
      const i = tok.indexOf(':');
      const m = /^([^?@!~]+)(\?)?(?:@(\d+))?(?:~(\d+))?(?:!(\d+))?$/.exec(tok.slice(0, i))!;
      const field: GoField = { json: m[1], omitempty: m[2] === '?', since: m[3] ? Number(m[3]) : 0, type: parseType(tok.slice(i + 1)) };
      return { ...field, ...(m[4] && { until: Number(m[4]) }), ...(m[5] && { omitzeroSince: Number(m[5]) }) };
    });
}

/** Parsed once; immutable afterwards. */
const STRUCTS: ReadonlyMap<string, readonly GoField[]> = new Map(Object.entries(GO_STRUCTS).map(([k, v]) => [k, parseStruct(v)]));

/** Whether a field is part of its struct at a Kubernetes minor version. */
export function fieldExistsAt(f: GoField, minor: number): boolean {
  return f.since <= minor && (f.until === undefined || minor <= f.until);
}

export function structFields(name: string): readonly GoField[] | undefined {
  return STRUCTS.get(name);
}

/** The struct of a top-level kind, or undefined when the table does not cover it. */
export function structForKind(group: string, version: string, kind: string): string | undefined {
  const key = `${group}/${version}/${kind}`;
  return Object.hasOwn(TYPED_KINDS, key) ? TYPED_KINDS[key] : undefined;
}

/**
 * reflect.Type.String() of a Go type, as decode errors print it. `pkg` is the Go package name of
 * the admissionregistration structs (their API version).
 */
export function goTypeName(t: GoType, pkg = 'v1'): string {
  switch (t.k) {
    case 'str':
      return t.name.replace('$', pkg);
    case 'i32':
      return 'int32';
    case 'i64':
      return 'int64';
    case 'bool':
      return 'bool';
    case 'f64':
      return 'float64';
    case 'qty':
      return 'resource.Quantity';
    case 'ios':
      return 'intstr.IntOrString';
    case 'time':
      return 'v1.Time';
    case 'bytes':
      return '[]uint8';
    case 'raw':
      return 'interface {}';
    case 'ptr':
      return goTypeName(t.elem, pkg);
    case 'slice':
      return `[]${goTypeName(t.elem, pkg)}`;
    case 'map':
      return t.name ?? `map[string]${goTypeName(t.elem, pkg)}`;
    case 'struct':
      return `${VERSIONED_PACKAGE_STRUCTS.has(t.name) ? pkg : 'v1'}.${t.name}`;
  }
}
