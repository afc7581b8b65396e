// The checker's view of an environment, built once per EnvironmentConfig: functions merged by
// name across libraries, variables, the standard type identifiers, and the checker options.
import type { AstValidator, EnvironmentConfig, FunctionDecl, OverloadDecl, TypeProvider } from '../decls.js';
import { T, type CelType } from '../types.js';
import { collectParamNames, isEquivalentType } from './type-ops.js';
import { typeName } from '../types.js';

/** What a checked identifier, call or struct literal refers to. */
export type Reference =
  | { readonly kind: 'variable'; readonly name: string }
  /** a type used as a value (`int`, `list`, `JSONPatch`) or the type a struct literal builds */
  | { readonly kind: 'type'; readonly type: CelType }
  /** the overloads that statically match, in declaration order */
  | { readonly kind: 'function'; readonly overloadIds: readonly string[] };

export interface IdentDecl {
  readonly name: string;
  readonly type: CelType;
  readonly ref: Reference;
}

/** An overload with its type parameters collected from the signature. */
export interface CheckerOverload {
  readonly decl: OverloadDecl;
  readonly typeParams: readonly string[];
}

export interface CheckerFunction {
  readonly name: string;
  readonly overloads: readonly CheckerOverload[];
}

export interface CheckerEnv {
  readonly config: EnvironmentConfig;
  readonly functions: ReadonlyMap<string, CheckerFunction>;
  readonly idents: ReadonlyMap<string, IdentDecl>;
  readonly typeProvider: TypeProvider | undefined;
  readonly homogeneousAggregateLiterals: boolean;
  readonly crossTypeNumericComparisons: boolean;
  /** functions whose list/map literal arguments are exempt from the homogeneous-literal check */
  readonly homogeneousExemptFunctions: ReadonlySet<string>;
  readonly validators: readonly AstValidator[];
  /** problems building the environment (cel-go reports them on every check) */
  readonly errors: readonly string[];
  /** every overload by its id (the cost estimator looks them up) */
  readonly overloadsById: ReadonlyMap<string, OverloadDecl>;
}

/** cel-go's standard type identifiers (common/stdlib: decls.TypeVariable of each). */
const STD_TYPE_IDENTS: readonly CelType[] = [
  T.bool,
  T.bytes,
  T.double,
  T.duration,
  T.int,
  T.list(T.param('A')),
  T.map(T.param('A'), T.param('B')),
  T.null,
  T.string,
  T.timestamp,
  T.type,
  T.uint,
];

function typeIdent(t: CelType): IdentDecl {
  return { name: typeName(t), type: T.typeOf(t), ref: { kind: 'type', type: t } };
}

/** cel-go filters these unless cel.CrossTypeNumericComparisons is on. */
export const CROSS_TYPE_NUMERIC_OVERLOADS: ReadonlySet<string> = new Set(
  ['less', 'less_equals', 'greater', 'greater_equals'].flatMap((op) =>
    [
      ['double', 'int64'],
      ['double', 'uint64'],
      ['int64', 'double'],
      ['int64', 'uint64'],
      ['uint64', 'double'],
      ['uint64', 'int64'],
    ].map(([a, b]) => `${op}_${a}_${b}`),
  ),
);

function toCheckerOverload(decl: OverloadDecl): CheckerOverload {
  const names = new Set<string>(decl.typeParams ?? []);
  for (const p of decl.params) collectParamNames(p, names);
  collectParamNames(decl.result, names);
  return { decl, typeParams: [...names] };
}

export function newCheckerEnv(config: EnvironmentConfig): CheckerEnv {
  const errors: string[] = [];
  const functions = new Map<string, { name: string; overloads: CheckerOverload[]; ids: Set<string> }>();
  const addFunction = (fn: FunctionDecl): void => {
    let cur = functions.get(fn.name);
    if (!cur) {
      cur = { name: fn.name, overloads: [], ids: new Set() };
      functions.set(fn.name, cur);
    }
    for (const o of fn.overloads) {
      // The same overload contributed twice (e.g. by two library versions) is kept once.
      if (cur.ids.has(o.id)) continue;
      cur.ids.add(o.id);
      cur.overloads.push(toCheckerOverload(o));
    }
  };

  const idents = new Map<string, IdentDecl>();
  for (const t of STD_TYPE_IDENTS) idents.set(typeName(t), typeIdent(t));
  const addIdent = (d: IdentDecl): void => {
    const cur = idents.get(d.name);
    if (cur) {
      if (!isEquivalentType(cur.type, d.type)) errors.push(`overlapping identifier for name '${d.name}'`);
      return;
    }
    idents.set(d.name, d);
  };

  const validators: AstValidator[] = [];
  for (const lib of config.libraries) {
    for (const fn of lib.functions ?? []) addFunction(fn);
    for (const v of lib.variables ?? []) {
      // A library variable named after the type it holds is a type identifier
      // (decls.TypeVariable, e.g. `optional_type`): it denotes the type itself.
      const isTypeVar = v.type.kind === 'type' && v.type.param !== undefined && typeName(v.type.param) === v.name;
      addIdent(
        isTypeVar
          ? { name: v.name, type: v.type, ref: { kind: 'type', type: (v.type as { param: CelType }).param } }
          : { name: v.name, type: v.type, ref: { kind: 'variable', name: v.name } },
      );
    }
    validators.push(...(lib.validators ?? []));
  }
  for (const v of config.variables ?? []) addIdent({ name: v.name, type: v.type, ref: { kind: 'variable', name: v.name } });

  // ext.Strings registers a validator that exempts the argument list of `format` (cel-go
  // ext/formatting.go stringFormatValidator.Configure).
  const exempt = new Set<string>();
  if (functions.has('format')) exempt.add('format');

  const overloadsById = new Map<string, OverloadDecl>();
  for (const fn of functions.values()) for (const o of fn.overloads) overloadsById.set(o.decl.id, o.decl);
  return {
    config,
    functions: new Map([...functions].map(([k, v]) => [k, { name: v.name, overloads: v.overloads }])),
    overloadsById,
    idents,
    typeProvider: config.typeProvider,
    homogeneousAggregateLiterals: config.homogeneousAggregateLiterals ?? false,
    crossTypeNumericComparisons: config.crossTypeNumericComparisons ?? false,
    homogeneousExemptFunctions: exempt,
    validators,
    errors,
  };
}
