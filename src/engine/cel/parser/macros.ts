// Macro expansions, node for node as cel-go builds them: parser/macro.go (has, all, exists,
// exists_one/existsOne, map, filter), ext/comprehensions.go (two-variable forms), cel/library.go
// (optMap, optFlatMap) and ext/lists.go (sortBy). Nodes are created in the order Go evaluates the
// factory calls, so ids match cel-go's.
import type { ComprehensionExpr, Expr, MapEntry, Range, StructField } from '../ast.js';
import { CelUint } from '../values.js';
import {
  newCall,
  newComprehension,
  newIdent,
  newList,
  newLiteral,
  newMap,
  newMapEntry,
  newSelect,
  newStruct,
  newStructField,
  type ComprehensionParts,
} from './nodes.js';

/** cel-go's HiddenAccumulatorName (the parser default since cel-go 0.24). */
export const ACCUMULATOR = '@result';
/** cel-go's legacy AccumulatorName: still rejected as an iteration variable. */
export const LEGACY_ACCUMULATOR = '__result__';
/** ext/comprehensions.go's map insertion function: `cel.@mapInsert(map, key, value)` and `cel.@mapInsert(map, map)`. */
export const MAP_INSERT = 'cel.@mapInsert';
/** ext/lists.go's internal sort: `<list(T)>.@sortByAssociatedKeys(<list(U)>)`. */
export const SORT_BY_ASSOCIATED_KEYS = '@sortByAssociatedKeys';
const SORT_BY_VAR = '@__sortBy_input__';
const UNUSED_ITER_VAR = '#unused';

/** What an expansion sees of the parser: id allocation at the macro call, and copying. */
export class MacroHelper {
  constructor(
    /** allocates the next id */
    private readonly alloc: () => number,
    /** the macro call's range (every new node gets it) */
    readonly range: Range,
    readonly macro: string,
    /** cel-go v0.22 (Kubernetes 1.32): accumulator `__result__`, no overwrite check in standard macros */
    readonly legacy: boolean,
  ) {}

  /** the accumulator variable name */
  get accuVar(): string {
    return this.legacy ? LEGACY_ACCUMULATOR : ACCUMULATOR;
  }

  private id(): number {
    return this.alloc();
  }
  lit(v: boolean | bigint | CelUint | number | string | null): Expr {
    return newLiteral(this.id(), this.range, v);
  }
  ident(name: string): Expr {
    return newIdent(this.id(), this.range, name);
  }
  accu(): Expr {
    return newIdent(this.id(), this.range, this.accuVar);
  }
  call(fn: string, ...args: Expr[]): Expr {
    return newCall(this.id(), this.range, fn, args);
  }
  member(fn: string, target: Expr, ...args: Expr[]): Expr {
    return newCall(this.id(), this.range, fn, args, target);
  }
  list(...elems: Expr[]): Expr {
    return newList(this.id(), this.range, elems, []);
  }
  map(): Expr {
    return newMap(this.id(), this.range, []);
  }
  presence(operand: Expr, field: string): Expr {
    return newSelect(this.id(), this.range, operand, field, true);
  }
  compre(parts: Omit<ComprehensionParts, 'macro'>, macro = this.macro): ComprehensionExpr {
    return newComprehension(this.id(), this.range, { ...parts, macro });
  }
  /** cel-go exprHelper.Copy: fresh ids; copies keep their source range, entries get the macro's. */
  copy(e: Expr): Expr {
    const id = this.alloc();
    switch (e.kind) {
      case 'literal':
        return newLiteral(id, e.range, e.value);
      case 'ident':
        return newIdent(id, e.range, e.name);
      case 'select':
        return newSelect(id, e.range, this.copy(e.operand), e.field, e.testOnly);
      case 'call': {
        const args = e.args.map((a) => this.copy(a));
        return e.target === undefined
          ? newCall(id, e.range, e.fn, args)
          : newCall(id, e.range, e.fn, args, this.copy(e.target));
      }
      case 'list':
        return newList(
          id,
          e.range,
          e.elements.map((x) => this.copy(x)),
          e.optionalIndices,
        );
      case 'map': {
        const entries: MapEntry[] = e.entries.map((en) => {
          const entryId = this.id();
          return newMapEntry(entryId, this.range, this.copy(en.key), this.copy(en.value), en.optional);
        });
        return newMap(id, e.range, entries);
      }
      case 'struct': {
        const fields: StructField[] = e.fields.map((f) => {
          const fieldId = this.id();
          return newStructField(fieldId, this.range, f.name, this.copy(f.value), f.optional);
        });
        return newStruct(id, e.range, e.typeName, fields);
      }
      case 'comprehension': {
        const iterRange = this.copy(e.iterRange);
        const accuInit = this.copy(e.accuInit);
        const loopCondition = this.copy(e.loopCondition);
        const loopStep = this.copy(e.loopStep);
        const result = this.copy(e.result);
        return newComprehension(id, e.range, {
          iterVar: e.iterVar,
          iterVar2: e.iterVar2,
          iterRange,
          accuVar: e.accuVar,
          accuInit,
          loopCondition,
          loopStep,
          result,
          macro: e.macro,
        });
      }
    }
  }
}

/** A macro whose arguments are malformed: the message, reported at `at`'s position. */
export interface MacroError {
  readonly error: string;
  readonly at: Expr;
}

export type Expander = (h: MacroHelper, target: Expr | undefined, args: readonly Expr[]) => Expr | MacroError;

export interface MacroDef {
  /** the name that enables it in ParserOptions.macros */
  readonly name: string;
  /** one of the two-variable comprehension forms (ParserOptions.twoVarComprehensions) */
  readonly twoVar: boolean;
  readonly expand: Expander;
}

export function isMacroError(x: Expr | MacroError): x is MacroError {
  return 'error' in x;
}

/** Standard macros reject the accumulator as iteration variable (cel-go >= 0.23 only). */
function iterVarError(h: MacroHelper, v: string, at: Expr): MacroError | undefined {
  if (!h.legacy && (v === ACCUMULATOR || v === LEGACY_ACCUMULATOR)) {
    return { error: 'iteration variable overwrites accumulator variable', at };
  }
  return undefined;
}

type Quantifier = 'all' | 'exists' | 'existsOne';

/** parser.makeQuantifier / ext quantifier*: the accumulator, condition, step and result. */
function quantifierParts(h: MacroHelper, kind: Quantifier, pred: Expr) {
  switch (kind) {
    case 'all':
      return {
        accuInit: h.lit(true),
        loopCondition: h.call('@not_strictly_false', h.accu()),
        loopStep: h.call('_&&_', h.accu(), pred),
        result: h.accu(),
      };
    case 'exists':
      return {
        accuInit: h.lit(false),
        loopCondition: h.call('@not_strictly_false', h.call('!_', h.accu())),
        loopStep: h.call('_||_', h.accu(), pred),
        result: h.accu(),
      };
    case 'existsOne':
      return {
        accuInit: h.lit(0n),
        loopCondition: h.lit(true),
        loopStep: h.call('_?_:_', pred, h.call('_+_', h.accu(), h.lit(1n)), h.accu()),
        result: h.call('_==_', h.accu(), h.lit(1n)),
      };
  }
}

function quantifier(kind: Quantifier): Expander {
  return (h, target, args) => {
    const v = args[0];
    if (v.kind !== 'ident') return { error: 'argument must be a simple name', at: v };
    const bad = iterVarError(h, v.name, v);
    if (bad) return bad;
    const p = quantifierParts(h, kind, args[1]);
    return h.compre({ iterVar: v.name, iterRange: target!, accuVar: h.accuVar, ...p });
  };
}

/** parser.MakeMap (2 or 3 arguments); also used by sortBy. */
function makeMap(h: MacroHelper, target: Expr, args: readonly Expr[], macro = h.macro): Expr | MacroError {
  const v = args[0];
  if (v.kind !== 'ident') return { error: 'argument is not an identifier', at: v };
  const bad = iterVarError(h, v.name, v);
  if (bad) return bad;
  const filter = args.length === 3 ? args[1] : undefined;
  const fn = args.length === 3 ? args[2] : args[1];
  const accuInit = h.list();
  const loopCondition = h.lit(true);
  let loopStep = h.call('_+_', h.accu(), h.list(fn));
  if (filter) loopStep = h.call('_?_:_', filter, loopStep, h.accu());
  const result = h.accu();
  return h.compre(
    { iterVar: v.name, iterRange: target, accuVar: h.accuVar, accuInit, loopCondition, loopStep, result },
    macro,
  );
}

const filterMacro: Expander = (h, target, args) => {
  const v = args[0];
  if (v.kind !== 'ident') return { error: 'argument is not an identifier', at: v };
  const bad = iterVarError(h, v.name, v);
  if (bad) return bad;
  const accuInit = h.list();
  const loopCondition = h.lit(true);
  let loopStep = h.call('_+_', h.accu(), h.list(v));
  loopStep = h.call('_?_:_', args[1], loopStep, h.accu());
  const result = h.accu();
  return h.compre({
    iterVar: v.name,
    iterRange: target!,
    accuVar: h.accuVar,
    accuInit,
    loopCondition,
    loopStep,
    result,
  });
};

const hasMacro: Expander = (h, _target, args) => {
  const a = args[0];
  if (a.kind === 'select') return h.presence(a.operand, a.field);
  return { error: 'invalid argument to has() macro', at: a };
};

/** ext/comprehensions.go extractIterVars. */
function iterVars(h: MacroHelper, args: readonly Expr[]): [string, string] | MacroError {
  const [a0, a1] = args;
  if (a0.kind !== 'ident') return { error: 'argument must be a simple name', at: a0 };
  if (a1.kind !== 'ident') return { error: 'argument must be a simple name', at: a1 };
  if (a0.name === a1.name) return { error: `duplicate variable name: ${a0.name}`, at: a1 };
  const isAccu = (n: string) => n === h.accuVar || n === LEGACY_ACCUMULATOR;
  if (isAccu(a0.name)) {
    return { error: 'iteration variable overwrites accumulator variable', at: a0 };
  }
  if (isAccu(a1.name)) {
    return { error: 'iteration variable overwrites accumulator variable', at: a1 };
  }
  return [a0.name, a1.name];
}

function twoVarQuantifier(kind: Quantifier): Expander {
  return (h, target, args) => {
    const vars = iterVars(h, args);
    if (!Array.isArray(vars)) return vars;
    const p = quantifierParts(h, kind, args[2]);
    return h.compre({ iterVar: vars[0], iterVar2: vars[1], iterRange: target!, accuVar: h.accuVar, ...p });
  };
}

type Transform = 'list' | 'map' | 'entry';

function transform(kind: Transform): Expander {
  return (h, target, args) => {
    const vars = iterVars(h, args);
    if (!Array.isArray(vars)) return vars;
    const filter = args.length === 4 ? args[2] : undefined;
    const fn = args.length === 4 ? args[3] : args[2];
    let loopStep: Expr;
    if (kind === 'list') loopStep = h.call('_+_', h.accu(), h.list(fn));
    else if (kind === 'map') loopStep = h.call(MAP_INSERT, h.accu(), h.ident(vars[0]), fn);
    else loopStep = h.call(MAP_INSERT, h.accu(), fn);
    if (filter) loopStep = h.call('_?_:_', filter, loopStep, h.accu());
    const accuInit = kind === 'list' ? h.list() : h.map();
    const loopCondition = h.lit(true);
    const result = h.accu();
    return h.compre({
      iterVar: vars[0],
      iterVar2: vars[1],
      iterRange: target!,
      accuVar: h.accuVar,
      accuInit,
      loopCondition,
      loopStep,
      result,
    });
  };
}

/** cel/library.go optMap / optFlatMap. */
function optMapMacro(flat: boolean): Expander {
  const name = flat ? 'optFlatMap' : 'optMap';
  return (h, target, args) => {
    const v = args[0];
    if (v.kind !== 'ident') return { error: `${name}() variable name must be a simple identifier`, at: v };
    const hasValue = h.member('hasValue', target!);
    const iterRange = h.list();
    const accuInit = h.member('value', h.copy(target!));
    const loopCondition = h.lit(false);
    const loopStep = h.ident(v.name);
    const body = h.compre({
      iterVar: UNUSED_ITER_VAR,
      iterRange,
      accuVar: v.name,
      accuInit,
      loopCondition,
      loopStep,
      result: args[1],
    });
    const some = flat ? body : h.call('optional.of', body);
    const none = h.call('optional.none');
    return h.call('_?_:_', hasValue, some, none);
  };
}

/** ext/lists.go sortByMacro: binds the target, then sorts it by the mapped keys. */
const sortByMacro: Expander = (h, target, args) => {
  const varIdent = h.ident(SORT_BY_VAR);
  const t = target!;
  if (t.kind !== 'list' && t.kind !== 'select' && t.kind !== 'ident' && t.kind !== 'comprehension' && t.kind !== 'call') {
    return { error: 'sortBy can only be applied to a list, identifier, comprehension, call or select expression', at: t };
  }
  const keys = makeMap(h, h.copy(varIdent), args, 'map');
  if (isMacroError(keys)) return keys;
  const sorted = h.member(SORT_BY_ASSOCIATED_KEYS, h.copy(varIdent), keys);
  const iterRange = h.list();
  const loopCondition = h.lit(false);
  return h.compre({
    iterVar: UNUSED_ITER_VAR,
    iterRange,
    accuVar: SORT_BY_VAR,
    accuInit: t,
    loopCondition,
    loopStep: varIdent,
    result: sorted,
  });
};

/** Macros by `name:argCount:receiverStyle`, as cel-go keys them. */
export const MACROS: ReadonlyMap<string, MacroDef> = new Map<string, MacroDef>([
  ['has:1:false', { name: 'has', twoVar: false, expand: hasMacro }],
  ['all:2:true', { name: 'all', twoVar: false, expand: quantifier('all') }],
  ['exists:2:true', { name: 'exists', twoVar: false, expand: quantifier('exists') }],
  ['exists_one:2:true', { name: 'exists_one', twoVar: false, expand: quantifier('existsOne') }],
  ['existsOne:2:true', { name: 'existsOne', twoVar: false, expand: quantifier('existsOne') }],
  ['map:2:true', { name: 'map', twoVar: false, expand: (h, t, a) => makeMap(h, t!, a) }],
  ['map:3:true', { name: 'map', twoVar: false, expand: (h, t, a) => makeMap(h, t!, a) }],
  ['filter:2:true', { name: 'filter', twoVar: false, expand: filterMacro }],
  ['optMap:2:true', { name: 'optMap', twoVar: false, expand: optMapMacro(false) }],
  ['optFlatMap:2:true', { name: 'optFlatMap', twoVar: false, expand: optMapMacro(true) }],
  ['sortBy:2:true', { name: 'sortBy', twoVar: false, expand: sortByMacro }],
  ['all:3:true', { name: 'all', twoVar: true, expand: twoVarQuantifier('all') }],
  ['exists:3:true', { name: 'exists', twoVar: true, expand: twoVarQuantifier('exists') }],
  ['existsOne:3:true', { name: 'existsOne', twoVar: true, expand: twoVarQuantifier('existsOne') }],
  ['exists_one:3:true', { name: 'exists_one', twoVar: true, expand: twoVarQuantifier('existsOne') }],
  ['transformList:3:true', { name: 'transformList', twoVar: true, expand: transform('list') }],
  ['transformList:4:true', { name: 'transformList', twoVar: true, expand: transform('list') }],
  ['transformMap:3:true', { name: 'transformMap', twoVar: true, expand: transform('map') }],
  ['transformMap:4:true', { name: 'transformMap', twoVar: true, expand: transform('map') }],
  ['transformMapEntry:3:true', { name: 'transformMapEntry', twoVar: true, expand: transform('entry') }],
  ['transformMapEntry:4:true', { name: 'transformMapEntry', twoVar: true, expand: transform('entry') }],
]);

/** All macro names, for DEFAULT_PARSER_OPTIONS. */
export const ALL_MACRO_NAMES: readonly string[] = [...new Set([...MACROS.values()].map((m) => m.name))];
export const MACRO_NAMES: ReadonlySet<string> = new Set(ALL_MACRO_NAMES);
