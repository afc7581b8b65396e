// Which lists and maps in a CEL value were built by CEL (literals, comprehension results) and
// which were read from the request's inputs (object, oldObject, params, …). Upstream they have
// different Go representations, and convertField converts input data at any depth while it
// leaves the nested containers and nulls of CEL-built ones raw (semantics.md §5.4). Values read
// from the inputs keep their identity in our interpreter, so reachability tells the two apart.
import { CelMap, isJsonObject, type CelValue } from '../cel/values.js';
import type { IsCelBuilt } from '../cel/kubernetes/mutation-json.js';

/** The predicate for values evaluated against `inputs`; the inputs are walked on first use only. */
export function celBuiltPredicate(inputs: readonly CelValue[]): IsCelBuilt {
  let seen: WeakSet<object> | undefined;
  const index = (): WeakSet<object> => {
    const s = new WeakSet<object>();
    const stack: CelValue[] = [...inputs];
    while (stack.length) {
      const v = stack.pop();
      if (Array.isArray(v)) {
        if (s.has(v)) continue;
        s.add(v);
        stack.push(...v);
      } else if (isJsonObject(v)) {
        if (s.has(v)) continue;
        s.add(v);
        for (const k of Object.keys(v)) stack.push(v[k]);
      }
    }
    return s;
  };
  return (v) => v instanceof CelMap || !(seen ??= index()).has(v);
}
