// One pass of the MutatingAdmissionPolicy plugin (semantics.md §4.1): selection (policies,
// bindings, params, against the object as it stood when the pass began), then dispatch (match
// conditions and mutations, each invocation seeing the object as earlier ones left it).
import type { Activation } from '../cel/program.js';
import { deepEqual } from '../json/index.js';
import type { CelValue, JsonObject } from '../cel/values.js';
import type { JsonValue, MutationTrace, Outcome, TraceEntry } from '../types.js';
import { evaluateMatchConditions } from './conditions.js';
import { internalError, type FatalError, type PolicyError } from './errors.js';
import { matchResources, type MatchAttributes, type MatchOptions } from './match/index.js';
import { dispatchMutation, type MutationContext } from './mutate.js';
import { collectParams, type ResolvedParamKind, type SelectedParam } from './params.js';
import type { Binding, CompiledPolicy } from './policy.js';
import { requestValue, type GroupVersionKind, type GroupVersionResource, type RequestAttributes } from './request.js';
import { LazyVariables } from './variables.js';

/** A policy with every binding that names it (semantics.md §3.2). */
export interface Hook {
  readonly policy: CompiledPolicy;
  readonly bindings: readonly Binding[];
  /** `failed to find resource referenced by paramKind: …` when the paramKind does not resolve */
  readonly configError: string | undefined;
  readonly paramKind: ResolvedParamKind | undefined;
}

/** Everything about the request that stays the same across passes. */
export interface RequestContext {
  readonly attrs: RequestAttributes;
  readonly oldObject: JsonObject | null;
  /** the Namespace as CEL sees it; null for cluster-scoped requests and Namespace requests */
  readonly namespaceObject: JsonObject | null;
  /** labels for namespaceSelector; undefined when the request's namespace does not exist */
  readonly namespaceLabels: Readonly<Record<string, string>> | undefined;
  readonly namespaceMissing: boolean;
  readonly params: readonly JsonObject[];
  readonly paramAsSeenByCel: (p: JsonObject) => JsonObject;
  /** fixed CEL variables: request, authorizer, authorizer.requestResource */
  readonly baseActivation: Readonly<Record<string, CelValue>>;
  readonly mutation: MutationContext;
  /** the Kubernetes version's texts and the equivalent resources of matchPolicy: Equivalent */
  readonly matchOptions: MatchOptions;
}

/** Per-request reinvocation state (mutating/reinvocationcontext.go). */
export class ReinvocationState {
  private previouslyInvoked = new Set<string>();
  readonly reinvokeSet = new Set<string>();
  requested = false;

  requireReinvoke(): void {
    for (const k of this.previouslyInvoked) this.reinvokeSet.add(k);
    this.previouslyInvoked = new Set();
    this.requested = true;
  }

  invoked(key: string): void {
    this.previouslyInvoked.add(key);
  }
}

export interface PassResult {
  readonly object: JsonObject;
  readonly fatal: FatalError | undefined;
}

interface PassSink {
  readonly errors: PolicyError[];
  readonly trace: TraceEntry[];
}

function entry(
  policy: string,
  binding: string,
  param: string | null,
  outcome: Outcome,
  reason: string,
  pass: number,
  extra: Partial<Pick<TraceEntry, 'matchConditions' | 'mutations'>> = {},
): TraceEntry {
  return {
    policy,
    binding,
    param,
    outcome,
    reason,
    matchConditions: extra.matchConditions ?? [],
    mutations: extra.mutations ?? [],
    reinvocation: pass,
  };
}

function matchAttributes(ctx: RequestContext, object: JsonObject | null): MatchAttributes {
  const a = ctx.attrs;
  return {
    operation: a.operation,
    group: a.resource.group,
    version: a.resource.version,
    resource: a.resource.resource,
    subresource: a.subResource,
    kind: a.kind,
    namespace: a.namespace,
    name: a.name,
    object,
    oldObject: ctx.oldObject,
    namespaceLabels: ctx.namespaceLabels,
    clusterScoped: a.clusterScoped,
  };
}

interface Invocation {
  readonly hook: Hook;
  readonly binding: Binding;
  readonly param: SelectedParam;
  /** what the policy matched: the request's own kind, or an equivalent one (another version) */
  readonly kind: GroupVersionKind;
  readonly resource: GroupVersionResource;
}

/**
 * The object converted to the version a policy matched. Custom resources without a conversion
 * webhook convert by their apiVersion alone; we convert every kind that way.
 */
function toVersion(o: JsonObject, kind: GroupVersionKind): JsonObject {
  const apiVersion = kind.group ? `${kind.group}/${kind.version}` : kind.version;
  return o.apiVersion === apiVersion ? o : { ...o, apiVersion };
}

/** Phase A: which (policy, binding, param) invocations run, and the configuration errors. */
function select(hooks: readonly Hook[], ctx: RequestContext, object: JsonObject, pass: number, sink: PassSink): Invocation[] {
  const invocations: Invocation[] = [];
  const attrs = matchAttributes(ctx, object);
  for (const hook of hooks) {
    const p = hook.policy;
    // policy_source.go drops a policy whose paramKind apiVersion is not `group/version`.
    if (p.paramKind && p.paramKind.apiVersion.split('/').length > 2) continue;
    const policyError = (message: string): void => {
      sink.errors.push({ policy: p.name, message: `failed to configure policy: ${message}`, reason: undefined, failurePolicy: p.failurePolicy });
      sink.trace.push(entry(p.name, '', null, p.failurePolicy === 'Ignore' ? 'error-ignored' : 'rejected', `failed to configure policy: ${message}`, pass));
    };
    if (!p.matchConstraints) {
      policyError('policy contained no match constraints, a required field');
      continue;
    }
    const m = matchResources(p.matchConstraints, attrs, ctx.matchOptions);
    if (m.error !== undefined) {
      policyError(m.error);
      continue;
    }
    if (!m.matches) {
      if (pass === 0) sink.trace.push(entry(p.name, '', null, 'not-matched', m.reason ?? 'matchConstraints do not match the request', pass));
      continue;
    }
    if (hook.configError) {
      policyError(hook.configError);
      continue;
    }
    for (const binding of hook.bindings) {
      const bindingError = (message: string): void => {
        sink.errors.push({ policy: p.name, binding: binding.name, message: `failed to configure binding: ${message}`, reason: undefined, failurePolicy: p.failurePolicy });
        sink.trace.push(entry(p.name, binding.name, null, p.failurePolicy === 'Ignore' ? 'error-ignored' : 'rejected', `failed to configure binding: ${message}`, pass));
      };
      if (binding.matchResources) {
        const bm = matchResources(binding.matchResources, attrs, ctx.matchOptions);
        if (bm.error !== undefined) {
          bindingError(bm.error);
          continue;
        }
        if (!bm.matches) {
          if (pass === 0) sink.trace.push(entry(p.name, binding.name, null, 'not-matched', `binding matchResources: ${bm.reason ?? 'do not match the request'}`, pass));
          continue;
        }
      }
      const params = collectParams(p.paramKind, hook.paramKind, binding, ctx.attrs, ctx.params, ctx.paramAsSeenByCel, ctx.matchOptions.version);
      if (!params.ok) {
        bindingError(params.error);
        continue;
      }
      if (params.params.length === 0 && pass === 0) {
        sink.trace.push(entry(p.name, binding.name, null, 'not-matched', 'no params found; parameterNotFoundAction is Allow', pass));
      }
      const kind = m.kind ?? ctx.attrs.kind;
      const resource = m.resource ?? ctx.attrs.resource;
      for (const param of params.params) invocations.push({ hook, binding, param, kind, resource });
    }
  }
  return invocations;
}

/** Runs one pass over the hooks; `pass` is 0 for the first pass, 1 for the reinvocation. */
export function runPass(
  hooks: readonly Hook[],
  ctx: RequestContext,
  start: JsonObject,
  pass: number,
  state: ReinvocationState,
  sink: PassSink,
): PassResult {
  const invocations = select(hooks, ctx, start, pass, sink);
  if (invocations.length && ctx.namespaceMissing) {
    return { object: start, fatal: { code: 404, reason: 'NotFound', message: `namespaces "${ctx.attrs.namespace}" not found` } };
  }
  // One versioned object per matched kind, converted from the object as the pass began and
  // shared by the invocations of that kind; only the last one used is written back
  // (generic/policy_dispatcher.go versionedAttributeAccessor, mutating/dispatcher.go
  // lastVersionedAttr). With a single kind this is one object that every invocation sees.
  type Versioned = { object: JsonObject; readonly oldObject: JsonObject | null; dirty: boolean; readonly converted: boolean };
  const versioned = new Map<string, Versioned>();
  let last: Versioned | undefined;
  for (const inv of invocations) {
    const p = inv.hook.policy;
    const ignore = p.failurePolicy === 'Ignore';
    const key = `${p.name}\u0000${inv.binding.name}\u0000${inv.param.id ?? ''}`;
    // Under an equivalent match the policy sees the object in the version it matched; match
    // conditions see the request's resource, mutations the matched one (semantics.md §5.2).
    const converted = inv.kind.version !== ctx.attrs.kind.version || inv.kind.group !== ctx.attrs.kind.group;
    const kindKey = `${inv.kind.group}/${inv.kind.version}/${inv.kind.kind}`;
    let va = versioned.get(kindKey);
    if (!va) {
      const oldObject = converted && ctx.oldObject ? toVersion(ctx.oldObject, inv.kind) : ctx.oldObject;
      versioned.set(kindKey, (va = { object: converted ? toVersion(start, inv.kind) : start, oldObject, dirty: false, converted }));
    }
    const { oldObject } = va;
    const requestFor = (forMutation: boolean): CelValue | undefined =>
      converted ? requestValue(ctx.attrs, { kind: inv.kind, resource: forMutation ? inv.resource : ctx.attrs.resource }) : undefined;
    const activationFor = (object: JsonObject, forMutation: boolean): { activation: Activation; variables: LazyVariables } => {
      // One literal with every key, so each activation has the same shape (the interpreter
      // reads it on every identifier). `params` is null when undeclared: nothing can read it.
      const base = ctx.baseActivation;
      const record: Record<string, CelValue> = {
        object,
        oldObject,
        request: requestFor(forMutation) ?? base.request,
        params: p.paramKind ? inv.param.value : null,
        // matchconditions/matcher.go passes no namespace: conditions (and the variables they
        // read) see namespaceObject as null.
        namespaceObject: forMutation ? ctx.namespaceObject : null,
        authorizer: base.authorizer,
        'authorizer.requestResource': base['authorizer.requestResource'],
        variables: null,
      };
      const variables = new LazyVariables(p.variables, () => record);
      record.variables = variables;
      return { activation: record, variables };
    };
    const fail = (reason: string, extra: Partial<Pick<TraceEntry, 'matchConditions' | 'mutations'>>, outcome: Outcome = ignore ? 'error-ignored' : 'rejected'): void => {
      sink.trace.push(entry(p.name, inv.binding.name, inv.param.id, outcome, reason, pass, extra));
    };

    // A mutation without a patcher makes the compiled count differ: an internal error that
    // ends the request before match conditions (dispatcher.go dispatchInvocations).
    const patchers = p.mutations.filter((m) => m.expression !== undefined).length;
    if (patchers !== p.mutations.length) {
      const fatal = internalError(`expected ${p.mutations.length} compiled evaluators for policy ${p.name}, got ${patchers}`);
      fail(fatal.message, {}, 'rejected');
      return { object: start, fatal };
    }

    let conditionsTrace: TraceEntry['matchConditions'] = [];
    if (p.matchConditions.length) {
      const { activation, variables } = activationFor(va.object, false);
      const r = evaluateMatchConditions(p.matchConditions, activation, () => variables.cost);
      conditionsTrace = r.trace;
      if (r.outcome.kind === 'error') {
        sink.errors.push({ policy: p.name, binding: inv.binding.name, message: r.outcome.message, reason: 'Invalid', failurePolicy: p.failurePolicy });
        fail(ignore ? 'a matchCondition failed to evaluate and failurePolicy is Ignore' : r.outcome.message, { matchConditions: conditionsTrace });
        continue;
      }
      if (r.outcome.kind === 'false') {
        sink.trace.push(entry(p.name, inv.binding.name, inv.param.id, 'condition-false', `matchCondition "${r.outcome.name}" evaluated to false`, pass, { matchConditions: conditionsTrace }));
        continue;
      }
    }
    if (pass > 0 && !state.reinvokeSet.has(key)) continue;

    const before = va.object;
    const mutations: MutationTrace[] = [];
    // The version the policy matched, and the param as one more input: its lists and maps are
    // data, not CEL-built (cel-built.ts).
    const param = p.paramKind ? inv.param.value : null;
    const mutationContext: MutationContext =
      converted || param !== null
        ? { ...ctx.mutation, gvk: inv.kind, inputs: param === null ? ctx.mutation.inputs : [...(ctx.mutation.inputs ?? []), param] }
        : ctx.mutation;
    let firstError: string | undefined;
    for (const mutation of p.mutations) {
      last = va;
      const { activation, variables } = activationFor(va.object, true);
      const r = dispatchMutation(mutation, va.object, activation, () => variables.cost, mutationContext);
      const patchType = mutation.patchType === 'ApplyConfiguration' ? 'ApplyConfiguration' : 'JSONPatch';
      if (r.kind === 'fatal') {
        mutations.push({ index: mutation.index, patchType, output: r.output, error: r.detail });
        fail(r.detail, { matchConditions: conditionsTrace, mutations }, 'rejected');
        return { object: start, fatal: r.fatal };
      }
      if (r.kind === 'error') {
        sink.errors.push({ policy: p.name, binding: inv.binding.name, message: r.message, reason: 'Invalid', failurePolicy: p.failurePolicy });
        mutations.push({ index: mutation.index, patchType, output: r.output, error: r.message });
        firstError ??= r.message;
        continue; // the policy's next mutation still runs
      }
      va.object = r.object;
      va.dirty = true;
      const after = converted ? toVersion(r.object, ctx.attrs.kind) : r.object;
      mutations.push({ index: mutation.index, patchType, output: r.output, error: null, objectAfter: after as JsonValue });
    }
    if (!deepEqual(before, va.object)) state.requireReinvoke();
    if (p.reinvocationPolicy === 'IfNeeded') state.invoked(key);
    if (firstError !== undefined) fail(firstError, { matchConditions: conditionsTrace, mutations });
    else sink.trace.push(entry(p.name, inv.binding.name, inv.param.id, 'applied', '', pass, { matchConditions: conditionsTrace, mutations }));
  }
  if (!last?.dirty) return { object: start, fatal: undefined };
  state.requireReinvoke();
  return { object: last.converted ? toVersion(last.object, ctx.attrs.kind) : last.object, fatal: undefined };
}
