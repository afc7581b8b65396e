// fieldpath.PathElement: how list items are identified (by key, by value, or by index) and
// printed in errors: `.name`, `[name="x"]`, `[containerPort=80,protocol="TCP"]`, `[="a"]`, `[0]`.
import type { KubernetesVersion } from '../../types.js';
import type { Atom, ListSchema } from '../../schema/types.js';
import { compareKey, isList, isMap, isNull, toStringValue, type SmdValue } from './values.js';

export interface PathElement {
  /** printed form (PathElement.String) */
  readonly text: string;
  /** identity for matching items of associative lists */
  readonly id: string;
}

export const fieldElement = (name: string): PathElement => ({ text: `.${name}`, id: `f:${name}` });
export const indexElement = (i: number): PathElement => ({ text: `[${i}]`, id: `i:${i}` });

/** Whether this SMD release reports each missing key (v4, Kubernetes 1.32-1.33) or only all missing. */
const perKeyOmitError = (v: KubernetesVersion): boolean => v === '1.32' || v === '1.33';

/** Go's %q of a []string. */
const quoteList = (keys: readonly string[]): string => `[${keys.map((k) => JSON.stringify(k)).join(' ')}]`;

/** The element of a list-map item: its text is printed only in errors, so it is rendered on demand. */
class KeyElement implements PathElement {
  readonly id: string;
  constructor(private readonly fields: readonly (readonly [string, SmdValue])[]) {
    this.id = fields.length === 1 ? `k:${fields[0][0]}=${compareKey(fields[0][1])}` : `k:${fields.map(([k, v]) => `${k}=${compareKey(v)}`).join('\u0000')}`;
  }

  get text(): string {
    return `[${this.fields.map(([k, v]) => `${k}=${toStringValue(v)}`).join(',')}]`;
  }
}

/** listItemToPathElement: the element of an associative list item, or the error text. */
export function listItemElement(list: ListSchema, child: SmdValue, version: KubernetesVersion): PathElement | string {
  if (list.relationship !== 'associative') return 'invalid indexing of non-associative list';
  if (list.keys.length > 0) {
    if (isNull(child)) return 'associative list with keys may not have a null element';
    if (!isMap(child)) return 'associative list with keys may not have non-map elements';
    const fields: [string, SmdValue][] = [];
    for (const k of list.keys) {
      if (Object.hasOwn(child, k)) {
        fields.push([k, child[k]]);
        continue;
      }
      const elem: Atom = list.elementType();
      if (!elem.map) return `couldn't find default value for ${k}: associative list may not have non-map types`;
      const def = elem.map.fields.get(k)?.default;
      if (def !== undefined) fields.push([k, def as SmdValue]);
      else if (perKeyOmitError(version)) return `associative list with keys has an element that omits key field ${JSON.stringify(k)} (and doesn't have default value)`;
    }
    if (fields.length === 0) {
      return `associative list with keys has an element that omits all key fields ${quoteList(list.keys)} (and doesn't have default values for any key fields)`;
    }
    if (fields.length > 1) fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return new KeyElement(fields);
  }
  if (isMap(child)) return "associative list without keys has an element that's a map type";
  if (isList(child)) return 'not supported: associative list with lists as elements';
  if (isNull(child)) return "associative list without keys has an element that's an explicit null";
  return { text: `[=${toStringValue(child)}]`, id: `v:${compareKey(child)}` };
}
