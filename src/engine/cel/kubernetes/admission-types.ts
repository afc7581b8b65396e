// The declared object types of admission expressions (apiserver pkg/admission/plugin/cel
// compile.go BuildRequestType / BuildNamespaceType, composition.go `kubernetes.variables`):
// struct types whose runtime values are plain maps, so a declared field that is absent at run
// time is `no such key: <f>` and an undeclared one is the compile error `undefined field '<f>'`.
import type { TypeProvider, VariableDecl } from '../decls.js';
import { T, type CelType } from '../types.js';
import { CelError, type StructType } from '../values.js';
import { K8S_TYPES } from './common.js';

/** A struct type with a fixed field table; values are never constructed from CEL. */
function declaredType(name: string, fields: Readonly<Record<string, CelType>>): StructType {
  return {
    name,
    fieldType: (f) => (Object.hasOwn(fields, f) ? fields[f] : undefined),
    newValue: () => new CelError(`unknown type '${name}'`),
  };
}

const S = T.string;
const listOfString = T.list(S);

// ---- kubernetes.AdmissionRequest ----

export const ADMISSION_REQUEST_TYPE_NAME = 'kubernetes.AdmissionRequest';

const gvk = declaredType('kubernetes.GroupVersionKind', { group: S, version: S, kind: S });
const gvr = declaredType('kubernetes.GroupVersionResource', { group: S, version: S, resource: S });
const userInfo = declaredType('kubernetes.UserInfo', {
  username: S,
  uid: S,
  groups: listOfString,
  extra: T.map(S, listOfString),
});
const admissionRequest = declaredType(ADMISSION_REQUEST_TYPE_NAME, {
  kind: T.struct(gvk.name),
  resource: T.struct(gvr.name),
  subResource: S,
  requestKind: T.struct(gvk.name),
  requestResource: T.struct(gvr.name),
  requestSubResource: S,
  name: S,
  namespace: S,
  operation: S,
  userInfo: T.struct(userInfo.name),
  dryRun: T.bool,
  options: T.dyn,
});

// ---- kubernetes.Namespace (restricted; `UID` spelled as upstream declares it) ----

export const NAMESPACE_TYPE_NAME = 'kubernetes.Namespace';

const nsSpec = declaredType('kubernetes.NamespaceSpec', { finalizers: listOfString });
const nsCondition = declaredType('kubernetes.NamespaceCondition', {
  status: S,
  type: S,
  lastTransitionTime: T.timestamp,
  message: S,
  reason: S,
});
const nsStatus = declaredType('kubernetes.NamespaceStatus', {
  conditions: T.list(T.struct(nsCondition.name)),
  phase: S,
});
const nsMetadata = declaredType('kubernetes.NamespaceMetadata', {
  name: S,
  generateName: S,
  namespace: S,
  labels: T.map(S, S),
  annotations: T.map(S, S),
  UID: S,
  creationTimestamp: T.timestamp,
  deletionGracePeriodSeconds: T.int,
  deletionTimestamp: T.timestamp,
  generation: T.int,
  resourceVersion: S,
  finalizers: listOfString,
});
const namespace = declaredType(NAMESPACE_TYPE_NAME, {
  metadata: T.struct(nsMetadata.name),
  spec: T.struct(nsSpec.name),
  status: T.struct(nsStatus.name),
});

const ADMISSION_TYPES: readonly StructType[] = [
  gvk,
  gvr,
  userInfo,
  admissionRequest,
  nsSpec,
  nsCondition,
  nsStatus,
  nsMetadata,
  namespace,
];

// ---- kubernetes.variables ----

export const VARIABLES_TYPE_NAME = 'kubernetes.variables';

/**
 * composition.go convertCelTypeToDeclType: the field type a compiled variable contributes.
 * Primitives keep their type, lists and maps convert element-wise, everything else (objects,
 * opaque types such as Quantity, optionals, type values, a failed compilation) is dyn.
 */
export function variableFieldType(t: CelType | undefined): CelType {
  if (!t) return T.dyn;
  switch (t.kind) {
    case 'primitive':
      return t;
    case 'list':
      return T.list(variableFieldType(t.elem));
    case 'map':
      return T.map(variableFieldType(t.key), variableFieldType(t.value));
    default:
      return T.dyn;
  }
}

/** The `variables` object type: one field per (earlier) variable, typed by variableFieldType. */
export function variablesType(variables: readonly { readonly name: string; readonly type: CelType | undefined }[]): StructType {
  const fields: Record<string, CelType> = Object.create(null) as Record<string, CelType>;
  for (const v of variables) fields[v.name] = variableFieldType(v.type);
  return declaredType(VARIABLES_TYPE_NAME, fields);
}

// ---- variables and provider ----

/** The AuthorizerType / ResourceCheckType names of apiserver pkg/cel/library/authz.go. */
const AUTHORIZER = K8S_TYPES.authorizer;
const RESOURCE_CHECK = K8S_TYPES.resourceCheck;

export interface AdmissionDeclOptions {
  readonly hasParams: boolean;
  /** undefined: no `variables` declaration (match conditions written through the API) */
  readonly variables?: readonly { readonly name: string; readonly type: CelType | undefined }[];
}

/** compile.go createEnvForOpts (HasAuthorizer is always true for MAP) plus `variables`. */
export function admissionVariables(opts: AdmissionDeclOptions): VariableDecl[] {
  const vars: VariableDecl[] = [
    { name: 'object', type: T.dyn },
    { name: 'oldObject', type: T.dyn },
    { name: 'namespaceObject', type: T.struct(NAMESPACE_TYPE_NAME) },
    { name: 'request', type: T.struct(ADMISSION_REQUEST_TYPE_NAME) },
  ];
  if (opts.hasParams) vars.push({ name: 'params', type: T.dyn });
  vars.push({ name: 'authorizer', type: AUTHORIZER }, { name: 'authorizer.requestResource', type: RESOURCE_CHECK });
  if (opts.variables) vars.push({ name: 'variables', type: T.struct(VARIABLES_TYPE_NAME) });
  return vars;
}

/** Resolves the declared admission types, `kubernetes.variables`, then the given fallback. */
export function admissionTypeProvider(
  variables: StructType | undefined,
  fallback?: TypeProvider,
): TypeProvider {
  const table = new Map<string, StructType>(ADMISSION_TYPES.map((t) => [t.name, t]));
  if (variables) table.set(variables.name, variables);
  return {
    findStructType(name: string): StructType | undefined {
      const n = name.startsWith('.') ? name.slice(1) : name;
      return table.get(n) ?? fallback?.findStructType(name);
    },
  };
}
