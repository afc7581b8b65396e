// validatePatch (apiserver …/mutating/patch/smd.go): an apply configuration may not contain any
// value whose schema is atomic, because merging it would replace the live value wholesale.
// Declared fields and list items are walked (items printed by index); map entries typed by the
// element type are not.
import type { TypeRef } from '../../schema/types.js';
import { isList, isMap, type SmdValue } from './values.js';

export function findAtomics(path: string, tr: TypeRef, v: SmdValue): string[] {
  const a = tr();
  const out: string[] = [];
  if (isMap(v) && a.map) {
    if (a.map.relationship === 'atomic') out.push(path);
    for (const key of Object.keys(v)) {
      const f = a.map.fields.get(key);
      if (f) out.push(...findAtomics(`${path}.${key}`, f.type, v[key]));
    }
  }
  if (isList(v) && a.list) {
    if (a.list.relationship === 'atomic') out.push(path);
    v.forEach((item, i) => out.push(...findAtomics(`${path}[${i}]`, a.list!.elementType, item)));
  }
  return out;
}

/** The `invalid ApplyConfiguration: …` cause, or undefined when the patch may be merged. */
export function validatePatch(root: TypeRef, patch: SmdValue): string | undefined {
  const atomics = findAtomics('', root, patch);
  return atomics.length ? `may not mutate atomic arrays, maps or structs: ${atomics.join(', ')}` : undefined;
}
