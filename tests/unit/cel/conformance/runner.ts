// Runs one cel-spec conformance case through our compile() (or, for `disableCheck` cases,
// through parse + plan without the checker) and says whether the answer matches.
import type { Library, FunctionDecl, VariableDecl, EnvironmentConfig } from '../../../../src/engine/cel/decls.js';
import { compile, newEnvironment } from '../../../../src/engine/cel/program.js';
import { parse, DEFAULT_PARSER_OPTIONS } from '../../../../src/engine/cel/parser/index.js';
import { PlannedExpr, PlanError, UNCHECKED, buildFunctionTable } from '../../../../src/engine/cel/interpreter/index.js';
import { standardLibraries } from '../../../../src/engine/cel/stdlib/index.js';
import { stringsLibrary } from '../../../../src/engine/cel/ext/strings.js';
import { listsLibrary } from '../../../../src/engine/cel/ext/lists.js';
import { setsLibrary } from '../../../../src/engine/cel/ext/sets.js';
import { twoVarComprehensionsLibrary } from '../../../../src/engine/cel/ext/comprehensions.js';
import { formatType } from '../../../../src/engine/cel/types.js';
import type { CelValue } from '../../../../src/engine/cel/values.js';
import { Unsupported, strictEquals, typeFromJson, valueFromJson } from './convert.js';
import { CONTAINER_REASON, SKIPS, UNKNOWN_REASON, UNSUPPORTED_VALUE_REASON } from './skips.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

export type Outcome = { readonly kind: 'pass' } | { readonly kind: 'fail'; readonly why: string } | { readonly kind: 'skip'; readonly why: string };

export const LIBRARIES: readonly Library[] = [
  ...standardLibraries(),
  stringsLibrary,
  listsLibrary,
  setsLibrary,
  twoVarComprehensionsLibrary,
];

const baseFunctions = buildFunctionTable(LIBRARIES);

function show(v: CelValue | undefined): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x));
}

function skipReason(section: string, name: string, t: Json): string | undefined {
  for (const s of SKIPS) {
    if (s.section && s.section !== section) continue;
    if (s.name && s.name !== name) continue;
    if (s.expr && !s.expr.test(t.expr)) continue;
    return s.reason;
  }
  if (t.container) return CONTAINER_REASON;
  if (t.unknown || t.anyUnknowns) return UNKNOWN_REASON;
  return undefined;
}

function environmentConfig(t: Json): EnvironmentConfig {
  const variables: VariableDecl[] = [];
  const functions: FunctionDecl[] = [];
  for (const d of t.typeEnv ?? []) {
    if (d.ident) variables.push({ name: d.name, type: typeFromJson(d.ident.type) });
    if (d.function) {
      functions.push({
        name: d.name,
        overloads: (d.function.overloads ?? []).map((o: Json) => ({
          id: o.overloadId,
          member: o.isInstanceFunction === true,
          params: (o.params ?? []).map(typeFromJson),
          result: typeFromJson(o.resultType),
          typeParams: o.typeParams,
        })),
      });
    }
  }
  const libraries = functions.length ? [...LIBRARIES, { name: 'test', functions }] : LIBRARIES;
  return {
    libraries,
    variables,
    crossTypeNumericComparisons: true,
    homogeneousAggregateLiterals: false,
    defaultTimeZone: 'UTC',
  };
}

export function runCase(section: string, name: string, t: Json): Outcome {
  const skip = skipReason(section, name, t);
  if (skip) return { kind: 'skip', why: skip };
  let bindings: Record<string, CelValue>;
  let expected: CelValue | undefined;
  try {
    bindings = {};
    for (const [k, v] of Object.entries<Json>(t.bindings ?? {})) bindings[k] = valueFromJson(v.value);
    const want = t.value ?? t.typedResult?.result;
    expected = want ? valueFromJson(want) : undefined;
  } catch (e) {
    if (e instanceof Unsupported) return { kind: 'skip', why: UNSUPPORTED_VALUE_REASON };
    throw e;
  }
  const wantError = t.evalError !== undefined || t.anyEvalErrors !== undefined;

  let result: { ok: true; value: CelValue } | { ok: false; message: string; stage: string };
  if (t.disableCheck) {
    const parsed = parse(t.expr, { ...DEFAULT_PARSER_OPTIONS, optionalSyntax: true });
    if (!parsed.ok) return { kind: 'fail', why: `parse: ${parsed.diagnostics.map((d) => d.message).join('; ')}` };
    const planned = PlannedExpr.plan(parsed.ast.expr, { functions: baseFunctions, checked: UNCHECKED, callContext: { defaultTimeZone: 'UTC' } });
    if (planned instanceof PlanError) result = { ok: false, message: planned.message, stage: 'plan' };
    else {
      const r = planned.run(bindings);
      result = r.ok ? { ok: true, value: r.value } : { ok: false, message: r.error.message, stage: 'eval' };
    }
  } else {
    let config: EnvironmentConfig;
    try {
      config = environmentConfig(t);
    } catch (e) {
      if (e instanceof Unsupported) return { kind: 'skip', why: UNSUPPORTED_VALUE_REASON };
      throw e;
    }
    const c = compile(t.expr, newEnvironment(config));
    if (!c.ok) {
      if (c.stage !== 'plan') return { kind: 'fail', why: `${c.stage}: ${c.diagnostics.map((d) => d.message).join('; ')}` };
      result = { ok: false, message: c.diagnostics[0]?.message ?? '', stage: 'plan' };
    } else {
      const deduced = t.typedResult?.deducedType;
      if (deduced) {
        const want = formatType(typeFromJson(deduced));
        const got = formatType(c.program.type);
        if (want !== got) return { kind: 'fail', why: `type ${got}, want ${want}` };
      }
      if (t.checkOnly) return { kind: 'pass' };
      const r = c.program.evaluate(bindings);
      result = r.ok ? { ok: true, value: r.value } : { ok: false, message: r.error.message, stage: 'eval' };
    }
  }

  if (wantError) {
    return result.ok ? { kind: 'fail', why: `value ${show(result.value)}, want error` } : { kind: 'pass' };
  }
  if (!result.ok) return { kind: 'fail', why: `${result.stage} error: ${result.message}` };
  if (expected === undefined) return { kind: 'pass' };
  return strictEquals(result.value, expected) ? { kind: 'pass' } : { kind: 'fail', why: `value ${show(result.value)}, want ${show(expected)}` };
}
