// The schema of the object under review: a built-in kind's, or the scenario CRD's.
import type { JsonObject } from '../../cel/values.js';
import { builtinClass, builtinSchemas } from '../../schema/builtin.js';
import { crdRootAtom } from '../../schema/crd.js';
import type { TypeRef } from '../../schema/types.js';
import type { KubernetesVersion } from '../../types.js';

export function schemaFor(
  gvk: { readonly group: string; readonly version: string; readonly kind: string },
  crds: ReadonlyMap<string, JsonObject>,
  version?: KubernetesVersion,
): TypeRef | undefined {
  const builtins = builtinSchemas(version);
  const cls = builtinClass(gvk.group, gvk.version, gvk.kind);
  if (cls) return () => builtins.classAtom(cls);
  const crd = crds.get(`${gvk.group}/${gvk.version}/${gvk.kind}`);
  if (crd) {
    const atom = crdRootAtom(crd, builtins);
    return () => atom;
  }
  return undefined;
}
