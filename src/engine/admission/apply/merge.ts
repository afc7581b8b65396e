// TypedValue.Merge with the "keep RHS" rule (structured-merge-diff typed/merge.go): the live
// object (LHS) merged with the apply configuration (RHS). Scalars and atomic values: RHS wins.
// Granular maps: union, recursively. Associative lists: items matched by key, live-only items
// kept, new items placed per the two-cursor walk below. Nothing is ever removed. Both sides were
// validated before, so the walk does not report errors (upstream drops list-item errors too).
import type { KubernetesVersion } from '../../types.js';
import type { Atom, ListSchema, MapSchema, TypeRef } from '../../schema/types.js';
import type { KnownValid } from './known.js';
import { listItemElement, type PathElement } from './path.js';
import { deduceAtom, listValue, mapValue } from './validate.js';
import type { SmdValue } from './values.js';

/**
 * The merged value, or undefined when neither side yields one. `known`: live values valid as
 * their type; merged with nothing, such a value comes out equal to itself (nothing to drop), so
 * it is returned as the same object, which later conversions recognise.
 */
export function mergeValues(lhs: SmdValue | undefined, rhs: SmdValue | undefined, tr: TypeRef, version: KubernetesVersion, known?: KnownValid): SmdValue | undefined {
  if (lhs === undefined && rhs === undefined) return undefined;
  if (rhs === undefined && known !== undefined && typeof lhs === 'object' && lhs !== null && known.has(lhs, tr)) return lhs;
  const atom = tr();
  // a scalar or null merged with nothing is itself, whichever form of the type it meets
  if (rhs === undefined && (lhs === null || typeof lhs !== 'object') && (atom.map || atom.scalar || atom.list)) return lhs;
  const alhs = deduceAtom(atom, lhs);
  const arhs = deduceAtom(atom, rhs);
  // nil is a wildcard: the present side's form decides; with both present the RHS form wins
  const a: Atom = rhs === undefined ? alhs : arhs;
  if (a.map) return mergeMap(a.map, lhs, rhs, version, known);
  if (a.scalar) return keepRHS(lhs, rhs);
  if (a.list) return mergeList(a.list, lhs, rhs, version, known);
  return undefined;
}

const keepRHS = (lhs: SmdValue | undefined, rhs: SmdValue | undefined): SmdValue | undefined => (rhs !== undefined ? rhs : lhs);

function asList(v: SmdValue | undefined): SmdValue[] | null {
  if (v === undefined) return null;
  const l = listValue(v);
  return typeof l === 'string' ? null : l;
}

function asMap(v: SmdValue | undefined): Record<string, SmdValue> | null {
  if (v === undefined) return null;
  const m = mapValue(v);
  return typeof m === 'string' ? null : m;
}

function mergeMap(t: MapSchema, lhsV: SmdValue | undefined, rhsV: SmdValue | undefined, version: KubernetesVersion, known: KnownValid | undefined): SmdValue | undefined {
  const lhs = asMap(lhsV);
  const rhs = asMap(rhsV);
  const empty = (m: Record<string, SmdValue> | null) => m === null || Object.keys(m).length === 0;
  // both empty: a leaf, which keeps the empty/null distinction
  if (t.relationship === 'atomic' || (empty(lhs) && empty(rhs))) return keepRHS(lhsV, rhsV);
  const out: Record<string, SmdValue> = {};
  const lhsKeys = lhs === null ? [] : Object.keys(lhs);
  const keys = rhs === null ? lhsKeys : [...lhsKeys];
  if (rhs !== null) for (const k of Object.keys(rhs)) if (!lhs || !Object.hasOwn(lhs, k)) keys.push(k);
  let same = true;
  let count = 0;
  for (const k of keys) {
    const tr = t.fields.get(k)?.type ?? t.elementType;
    if (!tr) {
      same = false;
      continue;
    }
    const l = lhs && Object.hasOwn(lhs, k) ? lhs[k] : undefined;
    const r = rhs && Object.hasOwn(rhs, k) ? rhs[k] : undefined;
    const m = mergeValues(l, r, tr, version, known);
    if (m !== undefined) {
      out[k] = m;
      count++;
    }
    same &&= m !== undefined && m === l;
  }
  // nothing added, dropped or changed: the live map itself (see mergeValues)
  if (same && lhs !== null && keys.length === lhsKeys.length) return lhsV;
  return count > 0 ? out : undefined;
}

interface Indexed {
  readonly pes: PathElement[];
  /** id -> item (null for a duplicated live key: duplicates are not merged) */
  readonly observed: Map<string, SmdValue>;
  /** index in pes -> index in the list */
  readonly positions: number[];
}

function indexList(t: ListSchema, list: SmdValue[] | null, allowDuplicates: boolean, version: KubernetesVersion): Indexed {
  const pes: PathElement[] = [];
  const positions: number[] = [];
  const observed = new Map<string, SmdValue>();
  (list ?? []).forEach((child, i) => {
    const pe = listItemElement(t, child, version);
    if (typeof pe === 'string') return;
    const found = observed.has(pe.id);
    if (found && !allowDuplicates) return;
    observed.set(pe.id, found ? null : child);
    pes.push(pe);
    positions.push(i);
  });
  return { pes, observed, positions };
}

function mergeList(t: ListSchema, lhsV: SmdValue | undefined, rhsV: SmdValue | undefined, version: KubernetesVersion, known: KnownValid | undefined): SmdValue | undefined {
  const lhs = asList(lhsV);
  const rhs = asList(rhsV);
  const emptyBoth = (lhs === null || lhs.length === 0) && (rhs === null || rhs.length === 0);
  if (t.relationship === 'atomic' || emptyBoth) return keepRHS(lhsV, rhsV);
  const R = indexList(t, rhs, false, version);
  const L = indexList(t, lhs, true, version);
  const out: SmdValue[] = [];
  const emit = (l: SmdValue | undefined, r: SmdValue | undefined) => {
    const m = mergeValues(l, r, t.elementType, version, known);
    if (m !== undefined) out.push(m);
  };
  // the RHS keys that also occur in the LHS, in RHS order: the merged order follows them
  const shared = R.pes.filter((pe) => L.observed.has(pe.id)).map((pe) => pe.id);
  let next: string | undefined = shared.shift();
  const mergedRHS = new Set<string>();
  const lLen = L.pes.length;
  const rLen = R.pes.length;
  for (let lI = 0, rI = 0; lI < lLen || rI < rLen; ) {
    if (lI < lLen && rI < rLen) {
      const pe = L.pes[lI];
      if (pe.id === R.pes[rI].id) {
        mergedRHS.add(pe.id);
        emit(L.observed.get(pe.id), R.observed.get(pe.id));
        lI++;
        rI++;
        next = shared.shift();
        continue;
      }
      if (R.observed.has(pe.id) && next !== undefined && next !== pe.id) {
        // a shared item, but not the one expected next: it is emitted when the RHS reaches it
        lI++;
        continue;
      }
    }
    if (lI < lLen) {
      const pe = L.pes[lI];
      if (!R.observed.has(pe.id)) {
        emit(lhs![L.positions[lI]], undefined);
        lI++;
        continue;
      } else if (mergedRHS.has(pe.id)) {
        lI++;
      }
    }
    if (rI < rLen) {
      const pe = R.pes[rI];
      mergedRHS.add(pe.id);
      emit(L.observed.get(pe.id), R.observed.get(pe.id));
      rI++;
      if (next !== undefined && next === pe.id) next = shared.shift();
    }
  }
  // nothing added, dropped or changed: the live list itself (see mergeValues)
  if (lhs !== null && out.length === lhs.length && out.every((m, i) => m === lhs[i])) return lhsV;
  return out.length > 0 ? out : undefined;
}
