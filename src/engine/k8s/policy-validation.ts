// API-server admission of MutatingAdmissionPolicy and MutatingAdmissionPolicyBinding objects:
// served versions, defaulting (semantics.md §2.4) and the structural validation of
// k/k pkg/apis/admissionregistration/validation/validation.go (§2.1-2.3). CEL compilation is
// not done here.
import { newJsonObject, type JsonObject } from '../cel/values.js';
import { isPlainObject } from '../json/object.js';
import type { KubernetesVersion } from '../types.js';
import { decodeStrict } from './typed.js';
import { fieldErr, type FieldError } from './field-errors.js';
import { isDNS1035Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, validatePathSegmentName } from './name-validation.js';

export type { FieldError, FieldErrorType } from './field-errors.js';

export interface PolicyValidation {
  /** the object after defaulting (a new object) */
  readonly defaulted: JsonObject;
  readonly errors: FieldError[];
  /** non-fatal API warnings (e.g. the reserved `.static.k8s.io` suffix with the gate off) */
  readonly warnings: string[];
  /** set when the kind/version is not served: then `errors` is empty */
  readonly notServed?: string;
  /**
   * set when the object does not decode into the Go type (unknown fields with kubectl's
   * default strict field validation, wrong JSON types): the 400 BadRequest message. The server
   * stops there; `errors` still holds the structural validation of what was readable.
   */
  readonly decodeError?: string;
}

const GROUP = 'admissionregistration.k8s.io';

const minor = (v: KubernetesVersion) => Number(v.split('.')[1]);
/** apimachinery v0.35+ validates label keys and values with content.IsLabelKey/IsLabelValue (other texts). */
const contentValidation = (v: KubernetesVersion): boolean => minor(v) >= 35;

/** API versions of admissionregistration.k8s.io that define MAP/MAPB in a Kubernetes version. */
export function servedPolicyVersions(version: KubernetesVersion): string[] {
  const m = minor(version);
  const out: string[] = [];
  if (m >= 32) out.push('v1alpha1');
  if (m >= 34) out.push('v1beta1');
  if (m >= 36) out.push('v1');
  return out;
}

/** `<Kind> in version "<v>" cannot be handled as a <Kind>: <err>` (400 BadRequest). */
function decodeError(obj: JsonObject, kind: string): string | undefined {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
  const r = decodeStrict(obj, { apiVersion, kind });
  return r.ok ? undefined : `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${r.error}`;
}

function notServedError(obj: JsonObject, kind: string, version: KubernetesVersion): string | undefined {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const objKind = typeof obj.kind === 'string' ? obj.kind : '';
  const [g, v] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  if (objKind === kind && g === GROUP && servedPolicyVersions(version).includes(v)) return undefined;
  return `no matches for kind ${JSON.stringify(objKind || kind)} in version ${JSON.stringify(apiVersion)}`;
}

// ---- small readers over the JSON model ----
const isObj = isPlainObject as (v: unknown) => v is JsonObject;
const get = (o: unknown, k: string): unknown => (isObj(o) && Object.hasOwn(o, k) ? o[k] : undefined);
const present = (o: unknown, k: string): boolean => get(o, k) !== undefined && get(o, k) !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strList = (v: unknown): string[] => list(v).map((x) => (typeof x === 'string' ? x : String(x)));

function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as unknown as T;
  if (isObj(v)) {
    const out = newJsonObject();
    for (const k of Object.keys(v)) out[k] = clone(v[k]);
    return out as T;
  }
  return v;
}

// ---- defaulting ----

function defaultMatchResources(mr: JsonObject): void {
  if (!present(mr, 'namespaceSelector')) mr.namespaceSelector = {};
  if (!present(mr, 'objectSelector')) mr.objectSelector = {};
  if (!present(mr, 'matchPolicy')) mr.matchPolicy = 'Equivalent';
  for (const key of ['resourceRules', 'excludeResourceRules']) {
    for (const r of list(mr[key])) if (isObj(r) && !present(r, 'scope')) r.scope = '*';
  }
}

/** SetObjectDefaults_MutatingAdmissionPolicy (every served version). */
export function defaultPolicy(obj: JsonObject): JsonObject {
  const out = clone(obj);
  const spec = get(out, 'spec');
  if (isObj(spec)) {
    if (!present(spec, 'failurePolicy')) spec.failurePolicy = 'Fail';
    const mc = get(spec, 'matchConstraints');
    if (isObj(mc)) defaultMatchResources(mc);
  }
  return out;
}

/** SetObjectDefaults_MutatingAdmissionPolicyBinding; v1alpha1 also defaults parameterNotFoundAction. */
export function defaultBinding(obj: JsonObject): JsonObject {
  const out = clone(obj);
  const spec = get(out, 'spec');
  if (isObj(spec)) {
    const mr = get(spec, 'matchResources');
    if (isObj(mr)) defaultMatchResources(mr);
    const pr = get(spec, 'paramRef');
    if (isObj(pr) && str(out.apiVersion) === `${GROUP}/v1alpha1` && !present(pr, 'parameterNotFoundAction')) pr.parameterNotFoundAction = 'Deny';
  }
  return out;
}

// ---- validation ----

function validateObjectMeta(obj: JsonObject, errs: FieldError[], warnings: string[], version: KubernetesVersion): void {
  const md = get(obj, 'metadata');
  const name = str(get(md, 'name'));
  const generateName = str(get(md, 'generateName'));
  if (name === '' && generateName === '') errs.push(fieldErr.required('metadata.name', 'name or generateName is required'));
  else if (name !== '') for (const m of isDNS1123Subdomain(name)) errs.push(fieldErr.invalid('metadata.name', name, m));
  if (generateName !== '') {
    // generateName is validated as a prefix: a trailing '-' is allowed
    for (const m of isDNS1123Subdomain(generateName.replace(/-$/, 'a'))) errs.push(fieldErr.invalid('metadata.generateName', generateName, m));
  }
  if (str(get(md, 'namespace')) !== '') errs.push(fieldErr.forbidden('metadata.namespace', 'not allowed on this type'));
  validateLabels(get(md, 'labels'), 'metadata.labels', errs, contentValidation(version));
  if (minor(version) >= 36 && name.endsWith('.static.k8s.io')) {
    warnings.push('names ending with ".static.k8s.io" are reserved for static manifest-based configurations and cannot be managed via the API');
  }
}

function validateLabels(labels: unknown, path: string, errs: FieldError[], content: boolean): void {
  if (!isObj(labels)) return;
  for (const [k, v] of Object.entries(labels)) {
    for (const m of isQualifiedName(k, content)) errs.push(fieldErr.invalid(path, k, m));
    const val = typeof v === 'string' ? v : '';
    for (const m of isValidLabelValue(val, content)) errs.push(fieldErr.invalid(path, val, m));
  }
}

/** metav1validation.ValidateLabelSelector (strict label values). */
function validateLabelSelector(sel: unknown, path: string, errs: FieldError[], content: boolean): void {
  if (!isObj(sel)) return;
  list(get(sel, 'matchExpressions')).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const op = str(get(e, 'operator'));
    const values = strList(get(e, 'values'));
    switch (op) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(fieldErr.required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(fieldErr.forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(fieldErr.invalid(`${p}.operator`, op, 'not a valid selector operator'));
    }
    const key = str(get(e, 'key'));
    for (const m of isQualifiedName(key, content)) errs.push(fieldErr.invalid(`${p}.key`, key, m));
    values.forEach((v, j) => {
      for (const m of isValidLabelValue(v, content)) errs.push(fieldErr.invalid(`${p}.values[${j}]`, v, m));
    });
  });
  validateLabels(get(sel, 'matchLabels'), `${path}.matchLabels`, errs, content);
}

const hasWildcard = (xs: string[]) => xs.includes('*');

function validateResources(resources: string[], path: string, errs: FieldError[]): void {
  if (resources.length === 0) errs.push(fieldErr.required(path));
  const withWildcardSub = new Set<string>();
  const subWithWildcardRes = new Set<string>();
  let doubleWildcard = false;
  let singleWildcard = false;
  let withoutSub = false;
  resources.forEach((rs, i) => {
    if (rs === '') {
      errs.push(fieldErr.required(`${path}[${i}]`));
      return;
    }
    if (rs === '*/*') doubleWildcard = true;
    if (rs === '*') singleWildcard = true;
    const slash = rs.indexOf('/');
    if (slash < 0) {
      withoutSub = rs !== '*';
      return;
    }
    const res = rs.slice(0, slash);
    const sub = rs.slice(slash + 1);
    if (withWildcardSub.has(res)) errs.push(fieldErr.invalid(`${path}[${i}]`, rs, `if '${res}/*' is present, must not specify ${rs}`));
    if (subWithWildcardRes.has(sub)) errs.push(fieldErr.invalid(`${path}[${i}]`, rs, `if '*/${sub}' is present, must not specify ${rs}`));
    if (sub === '*') withWildcardSub.add(res);
    if (res === '*') subWithWildcardRes.add(sub);
  });
  if (resources.length > 1 && doubleWildcard) errs.push(fieldErr.invalid(path, resources, "if '*/*' is present, must not specify other resources"));
  if (singleWildcard && withoutSub) errs.push(fieldErr.invalid(path, resources, "if '*' is present, must not specify other resources without subresources"));
}

const SUPPORTED_OPERATIONS = ['*', 'CONNECT', 'CREATE', 'DELETE', 'UPDATE'];
const MUTATING_OPERATIONS = ['*', 'CONNECT', 'CREATE', 'UPDATE'];
const SCOPES = ['*', 'Cluster', 'Namespaced'];

function validateNamedRule(rule: unknown, path: string, errs: FieldError[]): void {
  const seen = new Set<string>();
  strList(get(rule, 'resourceNames')).forEach((n, i) => {
    for (const m of validatePathSegmentName(n)) errs.push(fieldErr.invalid(`${path}.resourceNames[${i}]`, n, m));
    if (seen.has(n)) errs.push(fieldErr.duplicate(`${path}.resourceNames[${i}]`, n));
    else seen.add(n);
  });
  const ops = strList(get(rule, 'operations'));
  if (ops.length === 0) errs.push(fieldErr.required(`${path}.operations`));
  if (ops.length > 1 && hasWildcard(ops)) errs.push(fieldErr.invalid(`${path}.operations`, ops, "if '*' is present, must not specify other operations"));
  ops.forEach((op, i) => {
    if (!SUPPORTED_OPERATIONS.includes(op)) errs.push(fieldErr.notSupported(`${path}.operations[${i}]`, op, SUPPORTED_OPERATIONS));
  });
  const groups = strList(get(rule, 'apiGroups'));
  if (groups.length === 0) errs.push(fieldErr.required(`${path}.apiGroups`));
  if (groups.length > 1 && hasWildcard(groups)) errs.push(fieldErr.invalid(`${path}.apiGroups`, groups, "if '*' is present, must not specify other API groups"));
  const versions = strList(get(rule, 'apiVersions'));
  if (versions.length === 0) errs.push(fieldErr.required(`${path}.apiVersions`));
  if (versions.length > 1 && hasWildcard(versions)) errs.push(fieldErr.invalid(`${path}.apiVersions`, versions, "if '*' is present, must not specify other API versions"));
  versions.forEach((v, i) => {
    if (v === '') errs.push(fieldErr.required(`${path}.apiVersions[${i}]`));
  });
  validateResources(strList(get(rule, 'resources')), `${path}.resources`, errs);
  const scope = get(rule, 'scope');
  if (scope !== undefined && scope !== null && !SCOPES.includes(str(scope))) errs.push(fieldErr.notSupported(`${path}.scope`, scope, SCOPES));
}

function validateMatchResources(mr: JsonObject, path: string, errs: FieldError[], content: boolean): void {
  const mp = get(mr, 'matchPolicy');
  if (mp === undefined || mp === null) errs.push(fieldErr.required(`${path}.matchPolicy`));
  else if (mp !== 'Exact' && mp !== 'Equivalent') errs.push(fieldErr.notSupported(`${path}.matchPolicy`, mp, ['Equivalent', 'Exact']));
  for (const sel of ['namespaceSelector', 'objectSelector']) {
    if (!present(mr, sel)) errs.push(fieldErr.required(`${path}.${sel}`));
    else validateLabelSelector(mr[sel], `${path}.${sel}`, errs, content);
  }
  list(get(mr, 'resourceRules')).forEach((r, i) => validateNamedRule(r, `${path}.resourceRules[${i}]`, errs));
  list(get(mr, 'excludeResourceRules')).forEach((r, i) => validateNamedRule(r, `${path}.excludeResourceRules[${i}]`, errs));
}

/** "only create, update and connect can be mutated": the path has no index (as upstream). */
function validateMutatingOperations(mr: JsonObject, path: string, errs: FieldError[]): void {
  for (const r of list(get(mr, 'resourceRules'))) {
    for (const op of strList(get(r, 'operations'))) {
      if (!MUTATING_OPERATIONS.includes(op)) errs.push(fieldErr.notSupported(`${path}.resourceRules.operations`, op, MUTATING_OPERATIONS));
    }
  }
}

function validateParamKind(pk: unknown, path: string, errs: FieldError[]): void {
  const av = str(get(pk, 'apiVersion'));
  if (av === '') errs.push(fieldErr.required(`${path}.apiVersion`));
  else {
    const slashes = av.split('/').length - 1;
    if (slashes > 1) errs.push(fieldErr.invalid(`${path}.apiVersion`, av, `unexpected GroupVersion string: ${av}`));
    else {
      const [g, v] = av === '/' ? ['', ''] : slashes === 0 ? ['', av] : av.split('/');
      if (g !== '') {
        const e = isDNS1123Subdomain(g);
        if (e.length) errs.push(fieldErr.invalid(`${path}.apiVersion`, g, e.join(',')));
      }
      if (v === '') errs.push(fieldErr.invalid(`${path}.apiVersion`, av, 'version must be specified'));
      else {
        const e = isDNS1035Label(v);
        if (e.length) errs.push(fieldErr.invalid(`${path}.apiVersion`, v, e.join(',')));
      }
    }
  }
  const kind = str(get(pk, 'kind'));
  if (kind === '') errs.push(fieldErr.required(`${path}.kind`));
  else {
    const e = isDNS1035Label(kind.toLowerCase());
    if (e.length) errs.push(fieldErr.invalid(`${path}.kind`, kind, 'may have mixed case, but should otherwise match: ' + e.join(',')));
  }
}

function validateMatchConditions(mcs: unknown[], path: string, errs: FieldError[], content: boolean): void {
  if (mcs.length > 64) errs.push(fieldErr.tooMany(path, mcs.length, 64));
  const names = new Set<string>();
  mcs.forEach((mc, i) => {
    const p = `${path}[${i}]`;
    if (str(get(mc, 'expression')).trim() === '') errs.push(fieldErr.required(`${p}.expression`));
    const name = str(get(mc, 'name'));
    if (name === '') errs.push(fieldErr.required(`${p}.name`));
    else for (const m of isQualifiedName(name, content)) errs.push(fieldErr.invalid(`${p}.name`, name, m));
    if (name !== '') {
      if (names.has(name)) errs.push(fieldErr.duplicate(`${p}.name`, name));
      else names.add(name);
    }
  });
}

const CEL_IDENT = /^[_a-zA-Z][_a-zA-Z0-9]*$/;
const CEL_RESERVED = new Set(['true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']);

function validateVariable(v: unknown, path: string, errs: FieldError[], version: KubernetesVersion): void {
  const name = str(get(v, 'name'));
  if (name.trim() === '') errs.push(fieldErr.required(`${path}.name`, 'name is not specified'));
  else if (!CEL_IDENT.test(name) || CEL_RESERVED.has(name)) {
    errs.push(fieldErr.invalid(`${path}.name`, name, minor(version) >= 35 ? 'must be a valid CEL identifier' : 'name is not a valid CEL identifier'));
  }
  if (str(get(v, 'expression')).trim() === '') errs.push(fieldErr.required(`${path}.expression`, 'expression is not specified'));
}

function validateMutation(m: unknown, path: string, errs: FieldError[]): void {
  const pt = get(m, 'patchType');
  const hasApply = present(m, 'applyConfiguration');
  const hasJson = present(m, 'jsonPatch');
  if (pt === undefined || pt === null || pt === '') {
    errs.push(fieldErr.required(`${path}.patchType`));
    return;
  }
  if (pt === 'JSONPatch') {
    if (!hasJson) errs.push(fieldErr.required(`${path}.jsonPatch`, 'must be specified when patchType is JSONPatch'));
    else if (str(get(get(m, 'jsonPatch'), 'expression')).trim() === '') errs.push(fieldErr.required(`${path}.jsonPatch.expression`));
    if (hasApply) errs.push(fieldErr.invalid(`${path}.applyConfiguration`, '{applyConfiguration}', 'must not be specified when patchType is JSONPatch'));
  } else if (pt === 'ApplyConfiguration') {
    if (!hasApply) errs.push(fieldErr.required(`${path}.applyConfiguration`, 'must be specified when patchType is ApplyConfiguration'));
    else if (str(get(get(m, 'applyConfiguration'), 'expression')).trim() === '') errs.push(fieldErr.required(`${path}.applyConfiguration.expression`));
    if (hasJson) errs.push(fieldErr.invalid(`${path}.jsonPatch`, '{jsonPatch}', 'must not be specified when patchType is ApplyConfiguration'));
  } else {
    errs.push(fieldErr.notSupported(`${path}.patchType`, pt, ['ApplyConfiguration', 'JSONPatch']));
  }
}

/** Defaulting then validation of a MutatingAdmissionPolicy, as on create. */
export function validatePolicy(obj: JsonObject, version: KubernetesVersion): PolicyValidation {
  const defaulted = defaultPolicy(obj);
  const notServed = notServedError(obj, 'MutatingAdmissionPolicy', version);
  if (notServed) return { defaulted, errors: [], warnings: [], notServed };
  const bad = decodeError(obj, 'MutatingAdmissionPolicy');
  const errs: FieldError[] = [];
  const warnings: string[] = [];
  validateObjectMeta(defaulted, errs, warnings, version);
  const spec = isObj(defaulted.spec) ? defaulted.spec : {};
  const fp = get(spec, 'failurePolicy');
  if (fp === undefined || fp === null) errs.push(fieldErr.required('spec.failurePolicy'));
  else if (fp !== 'Fail' && fp !== 'Ignore') errs.push(fieldErr.notSupported('spec.failurePolicy', fp, ['Fail', 'Ignore']));
  if (present(spec, 'paramKind')) validateParamKind(spec.paramKind, 'spec.paramKind', errs);
  const mc = get(spec, 'matchConstraints');
  if (!isObj(mc)) errs.push(fieldErr.required('spec.matchConstraints'));
  else {
    validateMatchResources(mc, 'spec.matchConstraints', errs, contentValidation(version));
    if (list(get(mc, 'resourceRules')).length === 0) errs.push(fieldErr.required('spec.matchConstraints.resourceRules'));
    validateMutatingOperations(mc, 'spec.matchConstraints', errs);
  }
  validateMatchConditions(list(get(spec, 'matchConditions')), 'spec.matchConditions', errs, contentValidation(version));
  list(get(spec, 'variables')).forEach((v, i) => validateVariable(v, `spec.variables[${i}]`, errs, version));
  const mutations = list(get(spec, 'mutations'));
  if (mutations.length === 0) errs.push(fieldErr.required('spec.mutations', 'mutations must contain at least one item'));
  else mutations.forEach((m, i) => validateMutation(m, `spec.mutations[${i}]`, errs));
  const rp = get(spec, 'reinvocationPolicy');
  if (rp === undefined || rp === null) errs.push(fieldErr.required('spec.reinvocationPolicy'));
  else if (rp !== 'Never' && rp !== 'IfNeeded') errs.push(fieldErr.notSupported('spec.reinvocationPolicy', rp, ['IfNeeded', 'Never']));
  return { defaulted, errors: errs, warnings, ...(bad ? { decodeError: bad } : {}) };
}

function validateParamRef(pr: unknown, path: string, errs: FieldError[], content: boolean): void {
  if (!isObj(pr)) return;
  const name = str(get(pr, 'name'));
  const hasSelector = present(pr, 'selector');
  if (name !== '') {
    for (const m of validatePathSegmentName(name)) errs.push(fieldErr.invalid(`${path}.name`, name, m));
    if (hasSelector) errs.push(fieldErr.forbidden(`${path}.name`, 'name and selector are mutually exclusive'));
  }
  if (hasSelector) {
    validateLabelSelector(pr.selector, `${path}.selector`, errs, content);
    if (name !== '') errs.push(fieldErr.forbidden(`${path}.selector`, 'name and selector are mutually exclusive'));
  }
  if (name === '' && !hasSelector) errs.push(fieldErr.required(path, 'one of name or selector must be specified'));
  const pnfa = get(pr, 'parameterNotFoundAction');
  if (pnfa === undefined || pnfa === null || pnfa === '') errs.push(fieldErr.required(`${path}.parameterNotFoundAction`));
  else if (pnfa !== 'Deny' && pnfa !== 'Allow') errs.push(fieldErr.notSupported(`${path}.parameterNotFoundAction`, pnfa, ['Deny', 'Allow']));
}

/** Defaulting then validation of a MutatingAdmissionPolicyBinding, as on create. */
export function validateBinding(obj: JsonObject, version: KubernetesVersion): PolicyValidation {
  const defaulted = defaultBinding(obj);
  const notServed = notServedError(obj, 'MutatingAdmissionPolicyBinding', version);
  if (notServed) return { defaulted, errors: [], warnings: [], notServed };
  const bad = decodeError(obj, 'MutatingAdmissionPolicyBinding');
  const errs: FieldError[] = [];
  const warnings: string[] = [];
  validateObjectMeta(defaulted, errs, warnings, version);
  const spec = isObj(defaulted.spec) ? defaulted.spec : {};
  const policyName = str(get(spec, 'policyName'));
  if (policyName === '') errs.push(fieldErr.required('spec.policyName'));
  else for (const m of isDNS1123Subdomain(policyName)) errs.push(fieldErr.invalid('spec.policyName', policyName, m));
  validateParamRef(get(spec, 'paramRef'), 'spec.paramRef', errs, contentValidation(version));
  const mr = get(spec, 'matchResources');
  if (isObj(mr)) {
    validateMatchResources(mr, 'spec.matchResources', errs, contentValidation(version));
    validateMutatingOperations(mr, 'spec.matchResources', errs);
  }
  return { defaulted, errors: errs, warnings, ...(bad ? { decodeError: bad } : {}) };
}

/** The 422 message kube-apiserver sends for a rejected create. */
export function invalidObjectMessage(kind: string, name: string, errors: readonly FieldError[]): string {
  const body = errors.length === 1 ? errors[0].message : `[${errors.map((e) => e.message).join(', ')}]`;
  return `${kind}.${GROUP} ${JSON.stringify(name)} is invalid: ${body}`;
}
