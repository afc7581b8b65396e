// A Scenario back to text (docs/scenario-format.md): what the page shows after opening manifests,
// and what `map-playground eval -f … -o scenario` prints.
import { stringify } from 'yaml';
import type { Scenario } from '../types.js';

export function scenarioToText(s: Scenario, header?: string): string {
  const out: Record<string, unknown> = {};
  if (s.kubernetesVersion) out.kubernetesVersion = s.kubernetesVersion;
  if (s.policies.length) out.policies = s.policies;
  if (s.bindings) out.bindings = s.bindings;
  if (s.params.length) out.params = s.params;
  if (s.crds.length) out.crds = s.crds;
  if (s.namespace !== undefined) out.namespace = s.namespace;
  if (Object.keys(s.request).length) out.request = s.request;
  if (s.authorizer.allow.length) out.authorizer = s.authorizer;
  out.object = s.object;
  if (s.oldObject) out.oldObject = s.oldObject;
  const text = stringify(out, { lineWidth: 0, aliasDuplicateObjects: false });
  return header ? `${header.replace(/^/gm, '# ')}\n${text}` : text;
}
