// The engine's boundary types: a parsed scenario in, a Result out (format v1, docs/scenario.md).
import type { CelValue, JsonObject } from './cel/values.js';
import type { AuthzAllowRule } from './cel/kubernetes/authz.js';

/** Kubernetes minor versions we simulate. */
export const KUBERNETES_VERSIONS = ['1.32', '1.33', '1.34', '1.35', '1.36'] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];
export const NEWEST_VERSION: KubernetesVersion = '1.36';

/** A JSON value of the object model: ints are bigint, doubles are number (see cel/values.ts). */
export type JsonValue = null | boolean | string | bigint | number | JsonValue[] | { [key: string]: JsonValue };
export type { JsonObject, CelValue };

/** A path into the scenario document, e.g. ['policies', 0, 'spec', 'mutations', 0, 'jsonPatch', 'expression']. */
export type DocPath = readonly (string | number)[];

/** A place in the scenario text: 0-based offsets, 1-based line and column (UTF-16 units). */
export interface SourceSpan {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Maps document paths (and offsets inside string values) back to the scenario text. */
export interface SourceMap {
  /** The span of the node at `path` (its value), or of the nearest existing ancestor. */
  span(path: DocPath): SourceSpan | undefined;
  /** The span of the key of the entry at `path`, when it is a mapping entry. */
  keySpan(path: DocPath): SourceSpan | undefined;
  /**
   * For a string scalar at `path`, the span in the scenario text of the characters
   * [start, end) of its *value* (escapes, folding and block indentation accounted for).
   */
  spanInString(path: DocPath, start: number, end: number): SourceSpan | undefined;
}

/** An `authorizer.allow` rule of a scenario (an empty or absent field matches anything). */
export type AuthorizerRule = AuthzAllowRule;

export interface Expect {
  readonly allowed?: boolean;
  readonly object?: JsonValue;
  readonly error?: string;
  readonly objectContains?: JsonValue;
  readonly compileError?: string;
}

/** A scenario after parsing (docs/scenario.md), with everything optional filled from defaults. */
export interface Scenario {
  readonly kubernetesVersion: KubernetesVersion;
  readonly defaulting: boolean;
  readonly policies: readonly JsonObject[];
  /** undefined: the key was omitted (each policy gets an implicit binding) */
  readonly bindings: readonly JsonObject[] | undefined;
  readonly params: readonly JsonObject[];
  readonly crds: readonly JsonObject[];
  /** undefined: derive from the object's namespace */
  readonly namespace: JsonObject | null | undefined;
  readonly request: JsonObject;
  readonly authorizer: { readonly allow: readonly AuthorizerRule[] };
  readonly object: JsonObject | null;
  readonly oldObject: JsonObject | null;
  readonly expect?: Expect;
  /** free text kept for display (`notes`, `source`) */
  readonly notes?: string;
  readonly source?: string;
  /** extension for test fixtures: the reason this case is skipped by `map-playground test` */
  readonly skip?: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** the policy (or binding) name the problem belongs to, when it belongs to one */
  readonly policy?: string;
  /** the field, as Kubernetes prints it: `spec.mutations[0].jsonPatch.expression` */
  readonly path: string;
  readonly severity: Severity;
  readonly message: string;
  /** the API server's full wording where it differs from `message` (extension of format v1) */
  readonly detail?: string;
  /** for CEL problems: the character range inside the field's text */
  readonly range?: { readonly start: number; readonly end: number };
  /** where in the scenario text (extension of format v1) */
  readonly location?: SourceSpan;
  /** the node the diagnostic belongs to, in the scenario document (extension of format v1) */
  readonly docPath?: DocPath;
}

export interface StatusResult {
  readonly code: number;
  readonly reason: string;
  readonly message: string;
  /** one per kept error (403s); absent for fatal errors */
  readonly causes?: readonly string[];
}

export type Outcome = 'applied' | 'not-matched' | 'condition-false' | 'error-ignored' | 'rejected';

export interface MatchConditionTrace {
  readonly name: string;
  readonly result: boolean | null;
  readonly error: string | null;
}

export interface MutationTrace {
  readonly index: number;
  readonly patchType: 'JSONPatch' | 'ApplyConfiguration';
  /** the expression's value as JSON (the patch operations, or the apply configuration) */
  readonly output: JsonValue | null;
  readonly error: string | null;
  /** the object after this mutation (and defaulting), when it ran (extension of format v1) */
  readonly objectAfter?: JsonValue;
}

export interface TraceEntry {
  readonly policy: string;
  readonly binding: string;
  /** `namespace/name` or `name` of the param, or null */
  readonly param: string | null;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly matchConditions: readonly MatchConditionTrace[];
  readonly mutations: readonly MutationTrace[];
  /** 0 for the first pass, 1 for the reinvocation pass */
  readonly reinvocation: number;
}

export interface Result {
  readonly allowed: boolean;
  readonly error: string | null;
  readonly status: StatusResult | null;
  readonly object: JsonValue | null;
  readonly patch: readonly JsonValue[];
  readonly warnings: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly trace: readonly TraceEntry[];
  /** extension: the object as decoded and defaulted by the server, before any policy ran */
  readonly decodedObject?: JsonValue | null;
  /** extension: the defaults decoding itself added (a patch from the input as written) */
  readonly decodingDefaults?: readonly JsonValue[];
}
