// The scenario file (docs/scenario.md, format v1): YAML or JSON text to a Scenario, with
// positions for every diagnostic. Never throws.
import { isJsonObject as isPlainObject, type JsonObject } from '../cel/values.js';
import {
  KUBERNETES_VERSIONS,
  NEWEST_VERSION,
  type AuthorizerRule,
  type Diagnostic,
  type DocPath,
  type Expect,
  type JsonValue,
  type KubernetesVersion,
  type Scenario,
  type SourceMap,
} from '../types.js';
import { formatDocPath, parseYamlDocuments } from './yaml-doc.js';
import { createRestMapper } from '../k8s/restmapping.js';
import { deriveRequest } from './derive.js';

export interface ReadResult {
  readonly scenario: Scenario | null;
  readonly sourceMap: SourceMap;
  readonly diagnostics: Diagnostic[];
}

const KNOWN_KEYS = [
  'kubernetesVersion', 'defaulting', 'policies', 'bindings', 'params', 'crds', 'namespace',
  'request', 'authorizer', 'object', 'oldObject', 'expect', 'notes', 'source', 'skip',
] as const;

const REQUEST_KEYS = [
  'operation', 'userInfo', 'dryRun', 'subResource', 'options', 'resource', 'kind', 'name', 'namespace',
  'requestKind', 'requestResource', 'requestSubResource', 'uid',
];
const AUTHORIZER_RULE_KEYS = ['verb', 'group', 'resource', 'subresource', 'namespace', 'name', 'path', 'user'];
const EXPECT_KEYS = ['allowed', 'object', 'error', 'objectContains', 'compileError'];

export const EMPTY_SOURCE_MAP: SourceMap = {
  span: () => undefined,
  keySpan: () => undefined,
  spanInString: () => undefined,
};

/** A JSON object: not null, an array or a class instance. */
export { isPlainObject };

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'bigint' || typeof v === 'number') return 'a number';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return 'a boolean';
  return 'a map';
}

/** Checks the top-level shape of a parsed scenario document and fills in defaults. */
export function scenarioFromValue(value: JsonValue | undefined, sourceMap: SourceMap = EMPTY_SOURCE_MAP): { scenario: Scenario | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const diag = (severity: Diagnostic['severity'], path: DocPath, message: string, useKey = false) => {
    const location = (useKey ? sourceMap.keySpan(path) : undefined) ?? sourceMap.span(path);
    diagnostics.push({ path: formatDocPath(path), docPath: [...path], severity, message, ...(location ? { location } : {}) });
  };
  if (value === undefined || value === null) {
    diag('error', [], 'the scenario is empty: it needs at least an `object`');
    return { scenario: null, diagnostics };
  }
  if (!isPlainObject(value)) {
    diag('error', [], `the scenario must be a map, not ${typeName(value)}`);
    return { scenario: null, diagnostics };
  }
  const doc = value as JsonObject;
  for (const key of Object.keys(doc)) {
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) diag('warning', [key], `unknown scenario key ${JSON.stringify(key)} is ignored (known keys: ${KNOWN_KEYS.join(', ')})`, true);
  }
  let ok = true;
  const err = (path: DocPath, message: string) => {
    ok = false;
    diag('error', path, message);
  };

  let kubernetesVersion: KubernetesVersion = NEWEST_VERSION;
  if (Object.hasOwn(doc, 'kubernetesVersion') && doc.kubernetesVersion !== null) {
    let v = doc.kubernetesVersion;
    if (typeof v === 'number' || typeof v === 'bigint') {
      diag('warning', ['kubernetesVersion'], `kubernetesVersion should be a string such as "1.34" (a number like 1.30 loses its trailing zero)`);
      v = String(v);
    }
    if (typeof v === 'string' && /^v?1\.\d+(\.\d+)?$/.test(v)) {
      const mm = v.replace(/^v/, '').split('.').slice(0, 2).join('.');
      if ((KUBERNETES_VERSIONS as readonly string[]).includes(mm)) kubernetesVersion = mm as KubernetesVersion;
      else err(['kubernetesVersion'], `unsupported kubernetesVersion ${JSON.stringify(v)}: supported versions are ${KUBERNETES_VERSIONS.join(', ')}`);
    } else err(['kubernetesVersion'], `kubernetesVersion must be a string such as "1.34", not ${typeName(v)}`);
  }

  let defaulting = true;
  if (Object.hasOwn(doc, 'defaulting') && doc.defaulting !== null) {
    if (typeof doc.defaulting === 'boolean') defaulting = doc.defaulting;
    else err(['defaulting'], `defaulting must be true or false, not ${typeName(doc.defaulting)}`);
  }

  const objectList = (key: string, optional: boolean): JsonObject[] | undefined => {
    if (!Object.hasOwn(doc, key) || doc[key] === null) return optional ? undefined : [];
    const v = doc[key];
    if (!Array.isArray(v)) {
      err([key], `${key} must be a list of objects, not ${typeName(v)}`);
      return [];
    }
    const out: JsonObject[] = [];
    v.forEach((item, i) => {
      if (isPlainObject(item)) out.push(item);
      else err([key, i], `${key}[${i}] must be an object, not ${typeName(item)}`);
    });
    return out;
  };
  const policies = objectList('policies', false) ?? [];
  const bindings = objectList('bindings', true);
  const params = objectList('params', false) ?? [];
  const crds = objectList('crds', false) ?? [];

  const optionalObject = (key: string): JsonObject | null | undefined => {
    if (!Object.hasOwn(doc, key)) return undefined;
    const v = doc[key];
    if (v === null) return null;
    if (isPlainObject(v)) return v;
    err([key], `${key} must be an object or null, not ${typeName(v)}`);
    return undefined;
  };

  const namespace = optionalObject('namespace');
  let object: JsonObject | null = null;
  if (!Object.hasOwn(doc, 'object')) err([], 'the scenario has no `object` (use `object: null` for a DELETE)');
  else object = optionalObject('object') ?? null;
  const oldObject = optionalObject('oldObject') ?? null;

  let request: JsonObject = {};
  const rq = optionalObject('request');
  if (rq) {
    request = rq;
    for (const k of Object.keys(rq)) {
      if (!REQUEST_KEYS.includes(k)) diag('warning', ['request', k], `unknown request key ${JSON.stringify(k)} is ignored (known keys: ${REQUEST_KEYS.join(', ')})`, true);
    }
    const op = rq.operation;
    if (op !== undefined && !['CREATE', 'UPDATE', 'DELETE', 'CONNECT'].includes(op as string)) {
      err(['request', 'operation'], `request.operation must be one of CREATE, UPDATE, DELETE, CONNECT, not ${typeof op === 'string' ? JSON.stringify(op) : typeName(op)}`);
    }
    for (const key of ['subResource', 'name', 'namespace']) {
      if (rq[key] !== undefined && rq[key] !== null && typeof rq[key] !== 'string') err(['request', key], `request.${key} must be a string, not ${typeName(rq[key])}`);
    }
    if (rq.dryRun !== undefined && rq.dryRun !== null && typeof rq.dryRun !== 'boolean') err(['request', 'dryRun'], `request.dryRun must be true or false, not ${typeName(rq.dryRun)}`);
    for (const key of ['userInfo', 'resource', 'kind', 'options']) {
      if (rq[key] !== undefined && rq[key] !== null && !isPlainObject(rq[key])) err(['request', key], `request.${key} must be a map, not ${typeName(rq[key])}`);
    }
  }

  const allow: AuthorizerRule[] = [];
  const az = optionalObject('authorizer');
  if (az) {
    const a = az.allow;
    if (a !== undefined && a !== null && !Array.isArray(a)) err(['authorizer', 'allow'], `authorizer.allow must be a list, not ${typeName(a)}`);
    if (Array.isArray(a)) {
      a.forEach((r, i) => {
        if (!isPlainObject(r)) return err(['authorizer', 'allow', i], `authorizer.allow[${i}] must be a map, not ${typeName(r)}`);
        const rule: Record<string, string> = {};
        for (const [k, v] of Object.entries(r)) {
          if (!AUTHORIZER_RULE_KEYS.includes(k)) diag('warning', ['authorizer', 'allow', i, k], `unknown authorizer rule key ${JSON.stringify(k)} is ignored`, true);
          else if (typeof v === 'string') rule[k] = v;
          else if (v !== null) err(['authorizer', 'allow', i, k], `authorizer.allow[${i}].${k} must be a string, not ${typeName(v)}`);
        }
        allow.push(rule as AuthorizerRule);
      });
    }
  }

  let expect: Expect | undefined;
  const ex = optionalObject('expect');
  if (ex) {
    const e: { -readonly [K in keyof Expect]: Expect[K] } = {};
    for (const k of Object.keys(ex)) {
      if (!EXPECT_KEYS.includes(k)) diag('warning', ['expect', k], `unknown expect key ${JSON.stringify(k)} is ignored`, true);
    }
    if (ex.allowed !== undefined && ex.allowed !== null) {
      if (typeof ex.allowed === 'boolean') e.allowed = ex.allowed;
      else err(['expect', 'allowed'], `expect.allowed must be true or false, not ${typeName(ex.allowed)}`);
    }
    for (const k of ['error', 'compileError'] as const) {
      const v = ex[k];
      if (v === undefined || v === null) continue;
      if (typeof v === 'string') e[k] = v;
      else err(['expect', k], `expect.${k} must be a string, not ${typeName(v)}`);
    }
    if (Object.hasOwn(ex, 'object')) e.object = ex.object as JsonValue;
    if (Object.hasOwn(ex, 'objectContains')) e.objectContains = ex.objectContains as JsonValue;
    expect = e;
  }

  const text = (key: string): string | undefined => {
    const v = doc[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    diag('warning', [key], `${key} should be a string`);
    return String(v);
  };

  if (!ok) return { scenario: null, diagnostics };
  const scenario: Scenario = {
    kubernetesVersion,
    defaulting,
    policies,
    bindings,
    params,
    crds,
    namespace,
    request,
    authorizer: { allow },
    object,
    oldObject,
    ...(expect ? { expect } : {}),
    ...(text('notes') !== undefined ? { notes: text('notes') } : {}),
    ...(text('source') !== undefined ? { source: text('source') } : {}),
    ...(text('skip') !== undefined ? { skip: text('skip') } : {}),
  };
  return { scenario, diagnostics };
}

/** Reads a scenario from YAML or JSON text. Never throws. */
export function readScenario(text: string): ReadResult {
  try {
    const { docs, diagnostics } = parseYamlDocuments(text);
    const nonEmpty = docs.filter((d) => d.value !== undefined || d.diagnostics.length > 0);
    if (nonEmpty.length > 1) {
      const d = nonEmpty[1];
      return {
        scenario: null,
        sourceMap: nonEmpty[0].sourceMap,
        diagnostics: [...diagnostics, ...nonEmpty[0].diagnostics, { path: '', severity: 'error', message: 'a scenario is one YAML document; this text holds several (use the CLI to read manifests)', location: d.sourceMap.span([]) }],
      };
    }
    const doc = nonEmpty[0] ?? docs[0];
    if (!doc) {
      const empty: Diagnostic[] = diagnostics.some((d) => d.severity === 'error') ? [] : [{ path: '', severity: 'error', message: 'the scenario is empty: it needs at least an `object`' }];
      return { scenario: null, sourceMap: EMPTY_SOURCE_MAP, diagnostics: [...diagnostics, ...empty] };
    }
    const all = [...diagnostics, ...doc.diagnostics];
    if (all.some((d) => d.severity === 'error') && doc.value === undefined) return { scenario: null, sourceMap: doc.sourceMap, diagnostics: all };
    const r = scenarioFromValue(doc.value, doc.sourceMap);
    const diags = [...all, ...r.diagnostics];
    if (diags.some((d) => d.severity === 'error') || !r.scenario) return { scenario: null, sourceMap: doc.sourceMap, diagnostics: diags };
    return { scenario: r.scenario, sourceMap: doc.sourceMap, diagnostics: diags };
  } catch (e) {
    return { scenario: null, sourceMap: EMPTY_SOURCE_MAP, diagnostics: [{ path: '', severity: 'error', message: `cannot read the scenario: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

/** The scenario with its request completed by deriveRequest (idempotent; readScenario keeps the request as written). */
export function withDerivedRequest(scenario: Scenario): { scenario: Scenario; diagnostics: Diagnostic[] } {
  const d = deriveRequest(scenario, createRestMapper(scenario.crds, scenario.kubernetesVersion));
  return { scenario: { ...scenario, request: d.request }, diagnostics: d.diagnostics };
}
