// The Kubernetes CEL libraries by Kubernetes version (apiserver pkg/cel/environment/base.go):
// URLs, regex, lists, authz, authz selectors, quantity, IP, CIDR, format (1.31+), semver v1
// (1.33+), and jsonpatch.escapeKey (MAP mutation expressions; listed here for 1.32+).
import type { Library } from '../decls.js';
import { authzLibrary, authzSelectorsLibrary } from './authz.js';
import { cidrLibrary } from './cidr.js';
import { formatLibrary } from './format.js';
import { ipLibrary } from './ip.js';
import { jsonPatchLibrary } from './jsonpatch.js';
import { listsLibrary } from './lists.js';
import { quantityLibrary } from './quantity.js';
import { regexLibrary } from './regex.js';
import { semverLibrary } from './semver.js';
import { urlsLibrary } from './url.js';
import { minorOf } from './common.js';


/** The Kubernetes libraries of a Kubernetes version such as "1.34". */
export function kubernetesLibraries(version: string): Library[] {
  const minor = minorOf(version);
  const libs: Library[] = [urlsLibrary, regexLibrary, listsLibrary, authzLibrary, authzSelectorsLibrary, quantityLibrary, ipLibrary, cidrLibrary, formatLibrary(version)];
  if (minor >= 33) libs.push(semverLibrary(1));
  libs.push(jsonPatchLibrary);
  return libs;
}

export { QuantityValue } from './quantity.js';
export { IPValue } from './ip.js';
export { CIDRValue } from './cidr.js';
export { URLValue } from './url.js';
export { SemverValue } from './semver.js';
export { FormatValue } from './format.js';
export {
  AuthorizerValue,
  DecisionValue,
  GroupCheckValue,
  PathCheckValue,
  ResourceCheckValue,
  authorizerBackendFromRules,
  authorizerValue,
  newAuthorizerValue,
  newRequestResourceCheck,
  requestResourceCheck,
} from './authz.js';
export type { AuthorizerBackend, AuthzAllowRule, AuthzAttributes, AuthzDecision, AuthzUser } from './authz.js';
export { K8S_TYPES } from './common.js';
export { REGEX_OPTIMIZED_FUNCTIONS } from './regex.js';
export { traversalCost } from './lists.js';
export { kubernetesCallCostOverride, kubernetesEstimateOverride } from './cost.js';
