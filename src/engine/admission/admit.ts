// admit(): a scenario in, kube-apiserver's answer out. The request is decoded as the server
// decodes it, every policy is compiled, the plugin runs (twice when reinvocation is asked for),
// and the errors that failurePolicy keeps decide the response (semantics.md §4.7).
import type { JsonObject } from '../cel/values.js';
import { createPatch, semanticNormalize } from '../json/index.js';
import type { Diagnostic, JsonValue, Result, Scenario, TraceEntry } from '../types.js';
import { EnvironmentCache } from './compile.js';
import { compileDiagnostics, fieldPath, validationDiagnostics } from './diagnostics.js';
import { writeTimeDiagnostics } from './write-time.js';
import { lintApplyConfiguration } from './apply/lint.js';
import { crdSchemas } from '../schema/crd.js';
import { validateBinding, validatePolicy } from '../k8s/policy-validation.js';
import { runPass, ReinvocationState, type Hook, type RequestContext } from './dispatcher.js';
import { policyErrorText, type FatalError, type PolicyError } from './errors.js';
import { compilePolicy, implicitBinding, obj, readBinding, str, type Binding, type CompiledPolicy } from './policy.js';
import { createRestMapper, parseApiVersion, type RestMapper } from '../k8s/restmapping.js';
import { prepareRequest, type PreparedRequest } from './prepare.js';

export interface AdmitOptions {
  /** reuse compiled environments across calls (the web worker and benchmarks keep one) */
  readonly cache?: EnvironmentCache;
}

export interface CompiledScenario {
  readonly scenario: Scenario;
  readonly policies: readonly CompiledPolicy[];
  /** undefined when the scenario has no `bindings` key (each policy gets an implicit one) */
  readonly bindings: readonly Binding[] | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** the REST mapping of the scenario's Kubernetes version and CRDs (the same for every request) */
  readonly mapper: RestMapper;
  /**
   * Derived from the scenario by the first admission and reused by the next ones: what decoding
   * adds to the request's object (only the site's display needs it; computing it at compile time
   * would cost the site, which admits once per compile, a second decoding).
   */
  readonly derived: { decodingDefaults?: readonly JsonValue[] };
}

/**
 * Validates and defaults every policy and binding as the API server does on create, and
 * compiles every expression (what kube-apiserver does when policies load). What the API server
 * would refuse is reported as a diagnostic; the object still takes part as written (defaulted).
 */
export function compileScenario(scenario: Scenario, options: AdmitOptions = {}): CompiledScenario {
  const cache = options.cache ?? new EnvironmentCache();
  const version = scenario.kubernetesVersion;
  const diagnostics: Diagnostic[] = [];
  const policies = scenario.policies.map((p, i) => {
    const v = validatePolicy(p, version);
    const name = str(obj(p.metadata)?.name) ?? '';
    diagnostics.push(...validationDiagnostics(name, ['policies', i], v.errors, v.notServed, v.warnings, v.decodeError));
    diagnostics.push(...writeTimeDiagnostics(v.defaulted, i, version, cache));
    return compilePolicy(v.defaulted, version, cache);
  });
  const bindings = scenario.bindings?.map((b, i) => {
    const v = validateBinding(b, version);
    const name = str(obj(b.metadata)?.name) ?? '';
    diagnostics.push(...validationDiagnostics(name, ['bindings', i], v.errors, v.notServed, v.warnings, v.decodeError));
    return readBinding(v.defaulted);
  });
  diagnostics.push(...applyConfigurationWarnings(scenario, policies));
  // What the plugin's own compilation finds and write-time validation did not (rare: the stored
  // environment is a superset) is reported too; the same problem is not listed twice.
  const seen = new Set(diagnostics.map((d) => `${d.docPath?.join('/')}|${d.message}`));
  for (const d of compileDiagnostics(policies)) if (!seen.has(`${d.docPath?.join('/')}|${d.message}`)) diagnostics.push(d);
  const mapper = createRestMapper(scenario.crds, version);
  return { scenario, policies, bindings, diagnostics, mapper, derived: {} };
}

/** Runs the admission request of a scenario. Never throws. */
export function admit(scenario: Scenario, options: AdmitOptions = {}): Result {
  return admitCompiled(compileScenario(scenario, options));
}

export function admitCompiled(compiled: CompiledScenario): Result {
  try {
    return run(compiled);
  } catch (e) {
    // A bug of ours must not look like kube-apiserver's answer.
    const message = `internal error in the playground: ${e instanceof Error ? e.message : String(e)}`;
    return {
      allowed: false,
      error: message,
      status: { code: 500, reason: 'InternalError', message },
      object: null,
      patch: [],
      warnings: [],
      diagnostics: [...compiled.diagnostics, { path: '', severity: 'error', message }],
      trace: [],
    };
  }
}

function buildHooks(compiled: CompiledScenario, prepared: PreparedRequest): Hook[] {
  const { bindings } = compiled;
  return compiled.policies.map((policy) => {
    const own = bindings === undefined ? [implicitBinding(policy.name)] : bindings.filter((b) => b.policyName === policy.name);
    const resolved = policy.paramKind ? prepared.resolveParamKind(policy.paramKind) : undefined;
    return {
      policy,
      bindings: own,
      paramKind: resolved?.ok ? resolved.kind : undefined,
      configError: resolved && !resolved.ok ? resolved.error : undefined,
    };
  }).filter((h) => h.bindings.length > 0); // a policy with no binding is never evaluated
}

function run(compiled: CompiledScenario): Result {
  const { scenario } = compiled;
  const prepared = prepareRequest(scenario, compiled.mapper, compiled.derived.decodingDefaults);
  compiled.derived.decodingDefaults ??= prepared.decodingDefaults;
  const base = { warnings: prepared.warnings, diagnostics: [...compiled.diagnostics, ...prepared.diagnostics] };
  const decoded = prepared.object;
  const trace: TraceEntry[] = [];

  if (!prepared.handled || decoded === null) {
    // DELETE and exempt resources never reach a MutatingAdmissionPolicy.
    return finish(base, decoded, decoded, [], trace, undefined, prepared);
  }
  const hooks = buildHooks(compiled, prepared);
  const ctx: RequestContext = prepared.context;
  const state = new ReinvocationState();
  let object = decoded;
  for (let pass = 0; pass < 2; pass++) {
    if (pass === 1 && !state.requested) break;
    const errors: PolicyError[] = [];
    const r = runPass(hooks, ctx, object, pass, state, { errors, trace });
    if (r.fatal) return finish(base, decoded, null, [], trace, r.fatal, prepared);
    const kept = errors.filter((e) => e.failurePolicy === 'Fail');
    if (kept.length) return finish(base, decoded, null, kept, trace, undefined, prepared);
    object = r.object;
  }
  return finish(base, decoded, object, [], trace, undefined, prepared);
}

function finish(
  base: { warnings: readonly string[]; diagnostics: readonly Diagnostic[] },
  decoded: JsonObject | null,
  final: JsonObject | null,
  kept: readonly PolicyError[],
  trace: readonly TraceEntry[],
  fatal: FatalError | undefined,
  prepared: PreparedRequest,
): Result {
  // Keys in the order of the documented result format, our extensions last.
  const result = (verdict: Pick<Result, 'allowed' | 'error' | 'status' | 'object' | 'patch'>): Result => ({
    ...verdict,
    warnings: base.warnings,
    diagnostics: base.diagnostics,
    trace,
    decodedObject: decoded as JsonValue | null,
    decodingDefaults: prepared.decodingDefaults,
  });
  if (fatal) {
    const status = { code: fatal.code, reason: fatal.reason, message: fatal.message };
    return result({ allowed: false, error: fatal.message, status, object: null, patch: [] });
  }
  if (kept.length) {
    const messages = kept.map(policyErrorText);
    // Selection errors carry no reason, so the status says Forbidden (semantics.md §4.7).
    const status = { code: 403, reason: kept[0].reason ?? 'Forbidden', message: messages[0], causes: messages };
    return result({ allowed: false, error: messages[0], status, object: null, patch: [] });
  }
  // prepared.normalizedObject is semanticNormalize(decoded): nothing modifies the decoded object,
  // and the parts the final object shares with it normalize to the same (identical) values
  const patch = decoded && final ? createPatch(prepared.normalizedObject, semanticNormalize(final, prepared.normalizeMemo)) : [];
  return result({ allowed: true, error: null, status: null, object: final as JsonValue | null, patch: patch as JsonValue[] });
}

/**
 * Warnings for ApplyConfiguration initialisers against the schema of the object under review:
 * fields the kind does not have, atomic fields the merge will refuse. kube-apiserver finds these
 * only at admission; we point at them while the user types.
 */
function applyConfigurationWarnings(scenario: Scenario, policies: readonly CompiledPolicy[]): Diagnostic[] {
  const o = scenario.object ?? scenario.oldObject;
  const apiVersion = str(o?.apiVersion);
  const kind = str(o?.kind);
  if (!apiVersion || !kind) return [];
  const gvk = { ...parseApiVersion(apiVersion), kind };
  const schemas = crdSchemas(scenario.crds);
  const out: Diagnostic[] = [];
  policies.forEach((p, index) => {
    for (const m of p.mutations) {
      for (const w of lintApplyConfiguration(m, gvk, schemas, scenario.kubernetesVersion)) {
        out.push({ policy: p.name, path: fieldPath(m.path), severity: 'warning', message: w.message, range: w.range, docPath: ['policies', index, ...m.path] });
      }
    }
  });
  return out;
}
