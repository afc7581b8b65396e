// Warnings before running (our own, not kube-apiserver's): in an ApplyConfiguration expression,
// an `Object…{}` initialiser that names a field the object's schema does not declare, or sets a
// value the merge will refuse as atomic (semantics.md §7.3, §7.5).
import { childExprs, type Range, type Expr, type StructExpr } from '../../cel/ast.js';
import { parse } from '../../cel/parser/index.js';
import type { JsonObject } from '../../cel/values.js';
import type { Atom } from '../../schema/types.js';
import type { CompiledMutation } from '../policy.js';
import type { KubernetesVersion } from '../../types.js';
import { schemaFor } from './schemas.js';

export interface ApplyConfigurationLint {
  readonly message: string;
  /** UTF-16 offsets inside the mutation's expression text */
  readonly range: Range;
}

const JSONPATCH_HINT = 'use a JSONPatch mutation to set it';

/** Lists are transparent in type names: `Object.spec.containers` names a container. */
const throughLists = (a: Atom): Atom => (a.list && !a.map ? throughLists(a.list.elementType()) : a);

/** (a type of several forms, such as IntOrString's, is atomic only for some values) */
function isAtomic(a: Atom): boolean {
  if ([a.scalar, a.list, a.map].filter((x) => x !== undefined).length > 1) return false;
  return a.list?.relationship === 'atomic' || a.map?.relationship === 'atomic';
}

/** The schema an `Object.a.b` name stands for (undefined when the path leaves the schema). */
function atomOfTypeName(root: Atom, typeName: string): Atom | undefined {
  const parts = typeName.replace(/^\./, '').split('.');
  if (parts[0] !== 'Object') return undefined;
  let a: Atom | undefined = root;
  for (const p of parts.slice(1)) {
    const m: Atom = throughLists(a);
    const f = m.map?.fields.get(p)?.type ?? m.map?.elementType;
    if (!f) return undefined;
    a = f();
  }
  return a === undefined ? undefined : throughLists(a);
}

function lintStruct(s: StructExpr, source: string, root: Atom, kind: string, out: ApplyConfigurationLint[]): void {
  const name = s.typeName.replace(/^\./, '');
  const atom = atomOfTypeName(root, name);
  if (!atom?.map) return;
  const path = name.slice('Object'.length);
  if (atom.map.relationship === 'atomic' && path !== '') {
    out.push({ message: `${path} is atomic in ${kind}: ApplyConfiguration refuses it ("may not mutate atomic arrays, maps or structs"); ${JSONPATCH_HINT}`, range: s.range });
  }
  for (const f of s.fields) {
    // the parser's field range starts at the colon: widen it to the field's name
    const at = source.lastIndexOf(f.name, f.range.start);
    const range = at >= s.range.start ? { start: at, end: f.range.end } : f.range;
    const ft = atom.map.fields.get(f.name)?.type ?? atom.map.elementType;
    if (!ft) {
      out.push({ message: `${path}.${f.name} is not a field of ${kind}: the merge fails with "field not declared in schema"`, range });
      continue;
    }
    const v = f.value;
    if (v.kind === 'literal' && v.value === null) {
      out.push({ message: `${path}.${f.name}: null cannot unset a field with ApplyConfiguration (the merge fails with a type error); use a JSONPatch "remove"`, range });
      continue;
    }
    if (v.kind === 'list' || v.kind === 'map') {
      const inner = v.kind === 'list' ? v.elements : v.entries.map((e) => e.value);
      const bad = inner.find((x) => x.kind === 'list' || x.kind === 'map' || (x.kind === 'literal' && x.value === null));
      if (bad) {
        out.push({ message: `${path}.${f.name}: a list, map or null literal inside a literal ${v.kind} is not converted to JSON (the merge fails with a type error); write list items as Object${path}.${f.name}{…}`, range: bad.range });
      }
    }
    const fa = ft();
    if (isAtomic(fa)) {
      out.push({ message: `${path}.${f.name} is atomic in ${kind}: ApplyConfiguration refuses it ("may not mutate atomic arrays, maps or structs"); ${JSONPATCH_HINT}`, range });
    }
  }
}

/**
 * Warnings for one ApplyConfiguration mutation against the kind it will be applied to. Returns
 * nothing for other mutations, expressions that do not parse, or kinds without a schema.
 */
export function lintApplyConfiguration(
  mutation: CompiledMutation,
  gvk: { readonly group: string; readonly version: string; readonly kind: string },
  crds: ReadonlyMap<string, JsonObject>,
  version?: KubernetesVersion,
): ApplyConfigurationLint[] {
  if (mutation.patchType !== 'ApplyConfiguration' || !mutation.expression) return [];
  const schema = schemaFor(gvk, crds, version);
  if (!schema) return [];
  const parsed = parse(mutation.expression.source);
  if (!parsed.ok) return [];
  const root = schema();
  const out: ApplyConfigurationLint[] = [];
  const stack: Expr[] = [parsed.ast.expr];
  while (stack.length) {
    const e = stack.pop()!;
    if (e.kind === 'struct') lintStruct(e, parsed.ast.source, root, gvk.kind, out);
    stack.push(...childExprs(e));
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}
