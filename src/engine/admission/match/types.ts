// The request attributes matching reads (admission.Attributes, as the MAP plugin sees them).
import type { GroupVersionKind, GroupVersionResource } from '../../k8s/restmapping.js';

export type { GroupVersionKind, GroupVersionResource };

export interface MatchAttributes {
  /** CREATE | UPDATE | DELETE | CONNECT */
  readonly operation: string;
  /** the request's resource */
  readonly group: string;
  readonly version: string;
  readonly resource: string;
  readonly subresource: string;
  /** the request's kind: the Kind name (group/version then come from the resource) or a GVK */
  readonly kind?: string | GroupVersionKind;
  /** "" for cluster-scoped resources; a Namespace request carries its own name here */
  readonly namespace: string;
  readonly name: string;
  /** the object and old object (null or undefined when the request has none) */
  readonly object?: unknown;
  readonly oldObject?: unknown;
  /** labels of the request's Namespace; null or undefined when that namespace does not exist */
  readonly namespaceLabels?: Readonly<Record<string, unknown>> | null;
  /** informational: upstream decides scope from `namespace` (and the namespaces resource) */
  readonly clusterScoped?: boolean;
}
