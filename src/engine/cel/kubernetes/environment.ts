// The CEL environment of MutatingAdmissionPolicy expressions per Kubernetes version.
//
// Sources: apiserver pkg/cel/environment/base.go (baseOpts with IntroducedVersion per option),
// environment.go (NewExpressions at the compatibility version, StoredExpressions with every
// option of the binary), pkg/admission/plugin/cel/compile.go (variables, patch types) and
// composition.go (`variables`); docs/semantics.md §5.1, §5.7, §5.8, §9.
//
//   mode 'stored': what the binary of `version` evaluates (admission always compiles this way);
//   mode 'new':    what API validation of a new or changed expression accepts: options whose
//                  IntroducedVersion <= version - 1 (the compatibility version), plus what
//                  arrives with the binary's cel-go (optional v2 and `existsOne` from 1.33).
//
// | option                          | introduced | stored from | new from |
// | strings v2 + format, sets       | 1.29       | all         | all      |
// | authz selectors (gate on)       | 1.31       | all         | all      |
// | two-variable comprehensions     | 1.32       | 1.32        | 1.33     |
// | semver v1                       | 1.33       | 1.33        | 1.34     |
// | lists v3                        | 1.34       | 1.34        | 1.35     |
// | first/last/unwrap, existsOne    | cel-go 0.23| 1.33        | 1.33     |
import type { EnvironmentConfig, Library, ParserOptions, VariableDecl } from '../decls.js';
import type { CelType } from '../types.js';
import type { KubernetesVersion } from '../../types.js';
import { standardLibrary, optionalLibrary } from '../stdlib/index.js';
import { makeStringsLibrary } from '../ext/strings.js';
import { setsLibrary } from '../ext/sets.js';
import { listsLibrary } from '../ext/lists.js';
import { twoVarComprehensionsLibrary } from '../ext/comprehensions.js';
import { literalValidators } from '../ext/validators.js';
import { kubernetesLibraries } from './index.js';
import { admissionTypeProvider, admissionVariables, variablesType } from './admission-types.js';
import { mutationTypeProvider } from './mutation-types.js';
import { PER_CALL_COST_LIMIT } from './limits.js';
import { minorOf } from './common.js';

export type ExpressionKind = 'matchCondition' | 'variable' | 'mutation';
export type EnvironmentMode = 'stored' | 'new';

export interface KubernetesEnvironmentOptions {
  readonly version: KubernetesVersion;
  readonly mode: EnvironmentMode;
  readonly kind: ExpressionKind;
  /** `spec.paramKind` is set: `params` is declared */
  readonly hasParams: boolean;
  /**
   * The variables visible to this expression, in order, with their compiled output types
   * (undefined: the variable failed to compile). For kind 'variable' pass only the earlier ones.
   */
  readonly variables?: readonly { readonly name: string; readonly type: CelType | undefined }[];
}

/** What a Kubernetes version offers, in the given mode. */
export interface FeatureSet {
  readonly twoVarComprehensions: boolean;
  readonly semver: boolean;
  readonly listsV3: boolean;
  /** cel-go >= 0.23: optional v2 (first, last, optional.unwrap, unwrapOpt) and the existsOne macro */
  readonly celGo023: boolean;
  /** cel-go >= 0.25 (Kubernetes 1.34+) */
  readonly celGo025: boolean;
}

export function kubernetesFeatures(version: KubernetesVersion, mode: EnvironmentMode): FeatureSet {
  const binary = minorOf(version);
  const compat = mode === 'stored' ? binary : binary - 1;
  const has = (introduced: number) => binary >= introduced && compat >= introduced;
  return {
    twoVarComprehensions: has(32),
    semver: has(33),
    listsV3: has(34),
    celGo023: binary >= 33,
    celGo025: binary >= 34,
  };
}

/** Functions of the optional library that cel-go 0.22 (Kubernetes 1.32) does not have. */
const OPTIONAL_V2_FUNCTIONS = new Set(['first', 'last', 'optional.unwrap', 'unwrapOpt']);

function withoutFunctions(lib: Library, names: ReadonlySet<string>): Library {
  return { ...lib, functions: (lib.functions ?? []).filter((f) => !names.has(f.name)) };
}

const SEMVER_LIBRARY = 'kubernetes.Semver';
const JSONPATCH_LIBRARY = 'kubernetes.jsonpatch';

/** The libraries of the environment, in declaration order. */
export function kubernetesEnvironmentLibraries(opts: Pick<KubernetesEnvironmentOptions, 'version' | 'mode' | 'kind'>): Library[] {
  const f = kubernetesFeatures(opts.version, opts.mode);
  const optional = optionalLibrary();
  const std = standardLibrary();
  const libs: Library[] = f.celGo023
    ? [std, optional]
    : [{ ...std, macros: (std.macros ?? []).filter((m) => m !== 'existsOne') }, withoutFunctions(optional, OPTIONAL_V2_FUNCTIONS)];
  for (const lib of kubernetesLibraries(opts.version)) {
    if (lib.name === SEMVER_LIBRARY && !f.semver) continue;
    if (lib.name === JSONPATCH_LIBRARY && opts.kind !== 'mutation') continue;
    libs.push(lib);
  }
  // x/text v0.19 (1.32) printed `%e` with narrow no-break spaces around the `×`
  libs.push(makeStringsLibrary({ scientificNarrowSpaces: minorOf(opts.version) < 33, lastIndexOfEmptyError: !f.celGo025 }), setsLibrary);
  if (f.twoVarComprehensions) libs.push(twoVarComprehensionsLibrary);
  if (f.listsV3) libs.push(listsLibrary);
  // cel-go 0.23 added the 2-argument existsOne macro (and its 3-argument form is enabled by name too)
  if (f.celGo023) libs.push({ name: 'cel.macros.existsOne', macros: ['existsOne'] });
  libs.push({ name: 'cel.validators.literals', validators: literalValidators });
  return libs;
}

/** The parser switches: every macro of the libraries, existsOne (2 arguments) from cel-go 0.23. */
export function kubernetesParserOptions(version: KubernetesVersion, mode: EnvironmentMode, libraries: readonly Library[]): Partial<ParserOptions> {
  const f = kubernetesFeatures(version, mode);
  const macros = new Set<string>();
  for (const lib of libraries) for (const m of lib.macros ?? []) macros.add(m);
  // The parser enables macros by name; upstream 1.32 has the 3-argument existsOne but not the
  // 2-argument one. We leave existsOne out entirely before cel-go 0.23.
  if (!f.celGo023) macros.delete('existsOne');
  return {
    optionalSyntax: true,
    macros,
    twoVarComprehensions: f.twoVarComprehensions,
    identEscapeSyntax: false,
    celGoV022: version === '1.32',
  };
}

/**
 * The environment of one admission expression. `variables` (the composited object type) is
 * declared for variables and mutations, and for match conditions only in 'stored' mode (the
 * runtime compiler has it; API validation compiles match conditions without it). The patch types
 * (`Object`, `Object.*`, `JSONPatch`) and `jsonpatch.escapeKey` exist for mutations only.
 */
export function kubernetesEnvironment(opts: KubernetesEnvironmentOptions): EnvironmentConfig {
  const libraries = kubernetesEnvironmentLibraries(opts);
  const declareVariables = opts.kind !== 'matchCondition' || (opts.mode === 'stored' && opts.variables !== undefined);
  const vars = declareVariables ? (opts.variables ?? []) : undefined;
  const variableDecls: VariableDecl[] = admissionVariables({ hasParams: opts.hasParams, variables: vars });
  return {
    libraries,
    variables: variableDecls,
    typeProvider: admissionTypeProvider(vars ? variablesType(vars) : undefined, opts.kind === 'mutation' ? mutationTypeProvider : undefined),
    parser: kubernetesParserOptions(opts.version, opts.mode, libraries),
    crossTypeNumericComparisons: true,
    homogeneousAggregateLiterals: true,
    defaultTimeZone: 'UTC',
    costLimit: PER_CALL_COST_LIMIT,
  };
}
