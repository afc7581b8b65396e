// Type relations used by the checker: assignability with type-parameter unification, the
// "most general" join, substitution, and cel-go's FormatCELType spelling for messages.
// Mirrors cel-go v0.26 checker/types.go and common/types/types.go (Type.IsAssignableType,
// isTypeInternal).
import { typeName } from '../types.js';
import { T, type CelType } from '../types.js';

/** Substitutions for type parameters, keyed by parameter name (cel-go's checker mapping). */
export type Mapping = Map<string, CelType>;

/** cel-go's Kind, as far as the checker needs to tell types apart. */
export function kindOf(t: CelType): string {
  switch (t.kind) {
    case 'primitive':
      return t.name;
    default:
      return t.kind;
  }
}

export function typeParams(t: CelType): readonly CelType[] {
  switch (t.kind) {
    case 'list':
      return [t.elem];
    case 'map':
      return [t.key, t.value];
    case 'type':
      return t.param ? [t.param] : [];
    case 'opaque':
      return t.params;
    default:
      return [];
  }
}

/** Rebuilds a parameterized type with new parameters (same kind and name). */
function withParams(t: CelType, params: readonly CelType[]): CelType {
  switch (t.kind) {
    case 'list':
      return T.list(params[0]);
    case 'map':
      return T.map(params[0], params[1]);
    case 'type':
      return params.length ? T.typeOf(params[0]) : t;
    case 'opaque':
      return { ...t, params };
    default:
      return t;
  }
}

/**
 * cel-go's FormatCELType, the spelling used in checker messages: `timestamp`, `duration`,
 * `null`, `!error!`, `list(int)`, `optional_type(string)`, type parameters by name.
 */
export function formatCelType(t: CelType): string {
  switch (t.kind) {
    case 'primitive':
      if (t.name === 'null_type') return 'null';
      return t.name;
    case 'error':
      return '!error!';
    case 'param':
      return t.name;
    default: {
      const ps = typeParams(t);
      if (ps.length === 0) return typeName(t);
      return `${typeName(t)}(${ps.map(formatCelType).join(', ')})`;
    }
  }
}

/** `(int, string)` or `string.(int)` as in `found no matching overload for … applied to …`. */
export function formatArgTypes(args: readonly CelType[], isInstance: boolean): string {
  let out = '';
  let rest = args;
  if (isInstance && args.length > 0) {
    out += formatCelType(args[0]) + '.';
    rest = args.slice(1);
  }
  return out + '(' + rest.map(formatCelType).join(', ') + ')';
}

export const isDyn = (t: CelType): boolean => t.kind === 'dyn';
export const isError = (t: CelType): boolean => t.kind === 'error';
export const isDynOrError = (t: CelType): boolean => t.kind === 'dyn' || t.kind === 'error';

export function isOptional(t: CelType): boolean {
  return t.kind === 'opaque' && t.name === 'optional_type';
}

export function maybeUnwrapOptional(t: CelType): [CelType, boolean] {
  if (t.kind === 'opaque' && t.name === 'optional_type' && t.params.length === 1) return [t.params[0], true];
  return [t, false];
}

/** cel-go isTypeInternal: exact (type-parameter names compared) or equivalent (names ignored). */
function sameType(a: CelType, b: CelType, checkParamNames: boolean): boolean {
  if (a === b) return true;
  if (kindOf(a) !== kindOf(b)) return false;
  const pa = typeParams(a);
  const pb = typeParams(b);
  if (pa.length !== pb.length) return false;
  if ((checkParamNames || a.kind !== 'param') && typeName(a) !== typeName(b)) return false;
  for (let i = 0; i < pa.length; i++) if (!sameType(pa[i], pb[i], checkParamNames)) return false;
  return true;
}

export const isExactType = (a: CelType, b: CelType): boolean => sameType(a, b, true);
export const isEquivalentType = (a: CelType, b: CelType): boolean => sameType(a, b, false);

/** cel-go Type.isDyn: dyn, any and type parameters. */
function isDynLike(t: CelType): boolean {
  return t.kind === 'dyn' || t.kind === 'param';
}

/** cel-go Type.IsAssignableType (default rule; no wrapper types exist here): `to` accepts `from`. */
export function isAssignableType(to: CelType, from: CelType): boolean {
  if (to === from || isDynLike(to)) return true;
  if (kindOf(to) !== kindOf(from) || typeName(to) !== typeName(from)) return false;
  const pt = typeParams(to);
  const pf = typeParams(from);
  if (pt.length !== pf.length) return false;
  for (let i = 0; i < pt.length; i++) if (!isAssignableType(pt[i], pf[i])) return false;
  return true;
}

function isEqualOrLessSpecific(t1: CelType, t2: CelType): boolean {
  if (isDyn(t1) || t1.kind === 'param') return true;
  if (isDyn(t2) || t2.kind === 'param') return false;
  if (kindOf(t1) !== kindOf(t2)) return false;
  switch (t1.kind) {
    case 'opaque': {
      const p2 = typeParams(t2);
      if (typeName(t1) !== typeName(t2) || t1.params.length !== p2.length) return false;
      return t1.params.every((p, i) => isEqualOrLessSpecific(p, p2[i]));
    }
    case 'list':
      return isEqualOrLessSpecific(t1.elem, (t2 as { elem: CelType }).elem);
    case 'map': {
      const m2 = t2 as { key: CelType; value: CelType };
      return isEqualOrLessSpecific(t1.key, m2.key) && isEqualOrLessSpecific(t1.value, m2.value);
    }
    case 'type':
      return true;
    default:
      return isExactType(t1, t2);
  }
}

export function mostGeneral(t1: CelType, t2: CelType): CelType {
  return isEqualOrLessSpecific(t1, t2) ? t1 : t2;
}

function findSub(m: Mapping, t: CelType): CelType | undefined {
  return t.kind === 'param' ? m.get(t.name) : undefined;
}

function notReferencedIn(m: Mapping, t: CelType, within: CelType): boolean {
  if (isExactType(t, within)) return false;
  switch (within.kind) {
    case 'param': {
      const sub = findSub(m, within);
      return sub === undefined ? true : notReferencedIn(m, t, sub);
    }
    case 'opaque':
    case 'list':
    case 'map':
    case 'type':
      return typeParams(within).every((p) => notReferencedIn(m, t, p));
    default:
      return true;
  }
}

/** Is t1 a valid substitution for the type parameter t2? Records it when possible. */
function isValidTypeSubstitution(m: Mapping, t1: CelType, t2: CelType): [boolean, boolean] {
  if (kindOf(t1) === kindOf(t2) && isExactType(t1, t2)) return [true, true];
  const t2Sub = findSub(m, t2);
  if (t2Sub !== undefined) {
    if (kindOf(t1) === kindOf(t2Sub) && isExactType(t1, t2Sub)) return [true, true];
    if (internalIsAssignable(m, t1, t2Sub)) {
      const t2New = mostGeneral(t1, t2Sub);
      if (notReferencedIn(m, t2, t2New)) m.set((t2 as { name: string }).name, t2New);
      return [true, true];
    }
    return [false, true];
  }
  if (notReferencedIn(m, t2, t1)) {
    m.set((t2 as { name: string }).name, t1);
    return [true, false];
  }
  return [false, false];
}

function isLegacyNullable(t: CelType): boolean {
  if (t.kind === 'opaque' || t.kind === 'struct') return true;
  return t.kind === 'primitive' && (t.name === 'timestamp' || t.name === 'duration');
}

function internalIsAssignableNull(t: CelType): boolean {
  return isLegacyNullable(t) || isAssignableType(t, T.null);
}

function internalIsAssignable(m: Mapping, t1: CelType, t2: CelType): boolean {
  if (t2.kind === 'param') {
    const [valid, hasSub] = isValidTypeSubstitution(m, t1, t2);
    if (valid) return true;
    if (hasSub) return false;
  }
  if (t1.kind === 'param') return isValidTypeSubstitution(m, t2, t1)[0];
  if (isDynOrError(t1) || isDynOrError(t2)) return true;
  if (kindOf(t1) === 'null_type') return internalIsAssignableNull(t2);
  if (kindOf(t2) === 'null_type') return internalIsAssignableNull(t1);
  switch (t1.kind) {
    case 'primitive':
    case 'struct':
      return isAssignableType(t2, t1);
    case 'type':
      return t2.kind === 'type';
    case 'opaque':
    case 'list':
    case 'map':
      return (
        kindOf(t1) === kindOf(t2) &&
        typeName(t1) === typeName(t2) &&
        internalIsAssignableList(m, typeParams(t1), typeParams(t2))
      );
    default:
      return false;
  }
}

function internalIsAssignableList(m: Mapping, l1: readonly CelType[], l2: readonly CelType[]): boolean {
  if (l1.length !== l2.length) return false;
  for (let i = 0; i < l1.length; i++) if (!internalIsAssignable(m, l1[i], l2[i])) return false;
  return true;
}

/** Returns the extended mapping when t2 is assignable to t1 (cel-go isAssignable), else undefined. */
export function isAssignable(m: Mapping, t1: CelType, t2: CelType): Mapping | undefined {
  const copy = new Map(m);
  return internalIsAssignable(copy, t1, t2) ? copy : undefined;
}

export function isAssignableList(m: Mapping, l1: readonly CelType[], l2: readonly CelType[]): Mapping | undefined {
  const copy = new Map(m);
  return internalIsAssignableList(copy, l1, l2) ? copy : undefined;
}

/** Replaces bound type parameters; unbound ones become dyn when `paramToDyn`. */
export function substitute(m: Mapping, t: CelType, paramToDyn: boolean): CelType {
  const sub = findSub(m, t);
  if (sub !== undefined) return substitute(m, sub, paramToDyn);
  if (paramToDyn && t.kind === 'param') return T.dyn;
  switch (t.kind) {
    case 'opaque':
    case 'list':
    case 'map':
    case 'type': {
      const ps = typeParams(t);
      if (ps.length === 0) return t;
      return withParams(
        t,
        ps.map((p) => substitute(m, p, paramToDyn)),
      );
    }
    default:
      return t;
  }
}

/** Renames the type parameters of a signature (`A` -> `_var3`). */
export function renameParams(t: CelType, names: ReadonlyMap<string, CelType>): CelType {
  if (t.kind === 'param') return names.get(t.name) ?? t;
  const ps = typeParams(t);
  if (ps.length === 0) return t;
  return withParams(
    t,
    ps.map((p) => renameParams(p, names)),
  );
}

/** Names of the type parameters occurring in a type. */
export function collectParamNames(t: CelType, into: Set<string>): void {
  if (t.kind === 'param') into.add(t.name);
  for (const p of typeParams(t)) collectParamNames(p, into);
}
