// The CEL type checker: cel-go v0.26 checker/checker.go, node by node. Returns a rewritten
// tree (qualified identifiers and namespaced calls resolved), the type and reference of every
// node, and diagnostics with cel-go's exact wording. Node ids are kept.
import type {
  CallExpr,
  CelDiagnostic,
  ComprehensionExpr,
  Expr,
  IdentExpr,
  ListExpr,
  MapExpr,
  ParsedAst,
  Range,
  SelectExpr,
  StructExpr,
} from '../ast.js';
import { T, type CelType } from '../types.js';
import { candidateName, describe, literalType, toQualifiedName, WELL_KNOWN_FIELDS, wellKnownTypeName } from './checker-util.js';
import type { CheckerEnv, CheckerFunction, IdentDecl, Reference } from './env.js';
import { resolveOverload } from './overloads.js';
import {
  formatArgTypes,
  formatCelType,
  isAssignable as isAssignableIn,
  isDyn,
  isDynOrError,
  maybeUnwrapOptional,
  mostGeneral,
  substitute,
  type Mapping,
} from './type-ops.js';
import { typeName } from '../types.js';

export interface CheckResult {
  /** the checked tree: namespaced calls and qualified identifiers rewritten, ids kept */
  readonly expr: Expr;
  readonly types: Map<number, CelType>;
  readonly refs: Map<number, Reference>;
  readonly outputType: CelType;
  readonly diagnostics: CelDiagnostic[];
}

interface Located {
  readonly id: number;
  readonly range: Range;
}

class Checker {
  readonly types = new Map<number, CelType>();
  readonly refs = new Map<number, Reference>();
  readonly diagnostics: CelDiagnostic[] = [];
  private mappings: Mapping = new Map();
  private freeTypeVars = 0;
  private readonly scopes: Map<string, IdentDecl>[] = [];
  /** cel-go drops the overload filter when it enters a comprehension scope, and never restores it */
  private filterCrossType: boolean;

  constructor(private readonly env: CheckerEnv) {
    this.filterCrossType = !env.crossTypeNumericComparisons;
  }

  // ---- helpers ----

  private report(at: Located, message: string): void {
    this.diagnostics.push({ message, range: at.range });
  }

  private typeMismatch(at: Located, expected: CelType, actual: CelType): void {
    this.report(at, `expected type '${formatCelType(expected)}' but found '${formatCelType(actual)}'`);
  }

  private undeclared(at: Located, name: string): void {
    this.report(at, `undeclared reference to '${name}' (in container '')`);
  }

  private setType(e: Located, t: CelType): void {
    this.types.set(e.id, t);
  }

  private typeOf(e: Located): CelType {
    return this.types.get(e.id) ?? T.error;
  }

  private newTypeVar(): CelType {
    return T.param(`_var${this.freeTypeVars++}`);
  }

  private isAssignable(t1: CelType, t2: CelType): boolean {
    const m = isAssignableIn(this.mappings, t1, t2);
    if (m === undefined) return false;
    this.mappings = m;
    return true;
  }

  private lookupIdent(name: string): IdentDecl | undefined {
    const cand = candidateName(name);
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const d = this.scopes[i].get(cand);
      if (d) return d;
    }
    const d = this.env.idents.get(cand);
    if (d) return d;
    if (this.env.typeProvider?.findStructType(cand)) {
      const st = T.struct(cand);
      return { name: cand, type: T.typeOf(st), ref: { kind: 'type', type: st } };
    }
    return undefined;
  }

  private lookupFunction(name: string): CheckerFunction | undefined {
    return this.env.functions.get(candidateName(name));
  }

  private lookupFieldType(at: Located, structName: string, field: string): CelType | undefined {
    const st = this.env.typeProvider?.findStructType(structName);
    if (!st) {
      const wk = WELL_KNOWN_FIELDS[structName];
      if (wk) {
        if (Object.hasOwn(wk, field)) return wk[field];
        this.report(at, `undefined field '${field}'`);
        return undefined;
      }
      this.report(at, `unexpected failed resolution of '${structName}'`);
      return undefined;
    }
    const ft = st.fieldType(field);
    if (ft === undefined) this.report(at, `undefined field '${field}'`);
    return ft;
  }

  // ---- nodes ----

  check(e: Expr): Expr {
    switch (e.kind) {
      case 'literal': {
        const t = literalType(e.value);
        if (t) this.setType(e, t);
        else this.report(e, `unexpected literal type: ${typeof e.value}`);
        return e;
      }
      case 'ident':
        return this.checkIdent(e);
      case 'select':
        return this.checkSelect(e);
      case 'call':
        return this.checkCall(e);
      case 'list':
        return this.checkList(e);
      case 'map':
        return this.checkMap(e);
      case 'struct':
        return this.checkStruct(e);
      case 'comprehension':
        return this.checkComprehension(e);
      default: {
        // Not a node kind of the contract: report it as cel-go does instead of crashing.
        const bad = e as Located & { kind?: unknown };
        this.report(bad, `unexpected unspecified type: ${String(bad.kind)}`);
        this.setType(bad, T.error);
        return bad as Expr;
      }
    }
  }

  private checkIdent(e: IdentExpr): Expr {
    const d = this.lookupIdent(e.name);
    if (d) {
      this.setType(e, d.type);
      this.refs.set(e.id, d.ref);
      return d.name === e.name ? e : { ...e, name: d.name };
    }
    this.setType(e, T.error);
    this.undeclared(e, e.name);
    return e;
  }

  private checkSelect(e: SelectExpr): Expr {
    // Try the whole chain as a qualified name first (a dotted variable or a type name).
    const qname = toQualifiedName(e);
    if (qname !== undefined) {
      const d = this.lookupIdent(qname);
      if (d) {
        this.setType(e, d.type);
        this.refs.set(e.id, d.ref);
        return { kind: 'ident', id: e.id, range: e.range, name: d.name };
      }
    }
    const operand = this.check(e.operand);
    let result = this.checkSelectField(e, operand, e.field, false);
    if (e.testOnly) result = T.bool;
    this.setType(e, substitute(this.mappings, result, false));
    return operand === e.operand ? e : { ...e, operand };
  }

  private checkSelectField(at: Located, operand: Expr, field: string, optional: boolean): CelType {
    const operandType = substitute(this.mappings, this.typeOf(operand), false);
    const [target, isOpt] = maybeUnwrapOptional(operandType);
    let result: CelType = T.error;
    switch (target.kind) {
      case 'map':
        result = target.value;
        break;
      case 'struct':
        result = this.lookupFieldType(at, target.name, field) ?? T.error;
        break;
      case 'param':
        // Pin the parameter to dyn so that it is not later bound to something incompatible.
        this.isAssignable(T.dyn, target);
        result = T.dyn;
        break;
      default:
        if (target.kind === 'opaque' && target.object) {
          // a struct to cel-go whose type the provider cannot find (lookupFieldType)
          this.report(at, `unexpected failed resolution of '${target.name}'`);
          break;
        }
        if (!isDynOrError(target)) {
          this.report(at, `type '${formatCelType(target)}' does not support field selection`);
        }
        result = T.dyn;
    }
    return isOpt || optional ? T.optional(result) : result;
  }

  private checkOptSelect(e: CallExpr): Expr {
    if (e.args.length !== 2 || e.target) {
      const t = e.target ? ' member call with' : '';
      this.report(e, `unsupported optional field selection: incorrect signature.${t} argument count: ${e.args.length}`);
      return e;
    }
    const field = e.args[1];
    if (field.kind !== 'literal' || typeof field.value !== 'string') {
      this.report(field, `unsupported optional field selection: ${describe(field)}`);
      return e;
    }
    const operand = this.check(e.args[0]);
    const result = this.checkSelectField(e, operand, field.value, true);
    this.setType(e, substitute(this.mappings, result, false));
    this.refs.set(e.id, { kind: 'function', overloadIds: ['select_optional_field'] });
    return operand === e.args[0] ? e : { ...e, args: [operand, field] };
  }

  private checkCall(e: CallExpr): Expr {
    if (e.fn === '_?._') return this.checkOptSelect(e);
    const args = e.args.map((a) => this.check(a));

    if (!e.target) {
      const fn = this.lookupFunction(e.fn);
      if (!fn) {
        this.undeclared(e, e.fn);
        this.setType(e, T.error);
        return { ...e, args };
      }
      const out: CallExpr = { kind: 'call', id: e.id, range: e.range, fn: fn.name, target: undefined, args };
      this.resolveOverloadOrError(out, fn, undefined, args);
      return out;
    }

    // `a.b.f(x)` is either the namespaced function `a.b.f` or the method `f` on `a.b`.
    const prefix = toQualifiedName(e.target);
    if (prefix !== undefined) {
      const fn = this.lookupFunction(`${prefix}.${e.fn}`);
      if (fn) {
        const out: CallExpr = { kind: 'call', id: e.id, range: e.range, fn: fn.name, target: undefined, args };
        this.resolveOverloadOrError(out, fn, undefined, args);
        return out;
      }
    }
    const target = this.check(e.target);
    const out: CallExpr = { ...e, target, args };
    const fn = this.lookupFunction(e.fn);
    if (fn) {
      this.resolveOverloadOrError(out, fn, target, args);
      return out;
    }
    this.setType(e, T.error);
    this.undeclared(e, e.fn);
    return out;
  }

  private resolveOverloadOrError(call: CallExpr, fn: CheckerFunction, target: Expr | undefined, args: readonly Expr[]): void {
    const argTypes: CelType[] = [];
    if (target) argTypes.push(this.typeOf(target));
    for (const a of args) argTypes.push(this.typeOf(a));
    const r = resolveOverload(fn, argTypes, target !== undefined, {
      mappings: this.mappings,
      filterCrossType: this.filterCrossType,
      newTypeVar: () => this.newTypeVar(),
    });
    if (r.ok) {
      this.mappings = r.mappings;
      this.setType(call, r.type);
      this.refs.set(call.id, { kind: 'function', overloadIds: r.ids });
      return;
    }
    if (r.nonBoolArgs) for (const i of r.nonBoolArgs) this.typeMismatch(args[i], T.bool, argTypes[i]);
    else this.report(call, `found no matching overload for '${fn.name}' applied to '${formatArgTypes(r.shownArgTypes, target !== undefined)}'`);
    this.mappings = r.mappings;
    this.setType(call, T.error);
  }

  private joinTypes(at: Located, previous: CelType | undefined, current: CelType): CelType {
    if (previous === undefined) return current;
    if (this.isAssignable(previous, current)) return mostGeneral(previous, current);
    // Mixed literals type as dyn; the homogeneous-literal validator reports them separately.
    return T.dyn;
  }

  private checkList(e: ListExpr): Expr {
    const optional = new Set(e.optionalIndices);
    let elemsType: CelType | undefined;
    const elements = e.elements.map((el, i) => {
      const checked = this.check(el);
      let t = this.typeOf(checked);
      if (optional.has(i)) {
        const [inner, isOpt] = maybeUnwrapOptional(t);
        if (!isOpt && !isDyn(inner)) this.typeMismatch(checked, T.optional(inner), inner);
        t = inner;
      }
      elemsType = this.joinTypes(checked, elemsType, t);
      return checked;
    });
    this.setType(e, T.list(elemsType ?? this.newTypeVar()));
    return elements.every((x, i) => x === e.elements[i]) ? e : { ...e, elements };
  }

  private checkMap(e: MapExpr): Expr {
    let keyType: CelType | undefined;
    let valueType: CelType | undefined;
    const entries = e.entries.map((entry) => {
      const key = this.check(entry.key);
      keyType = this.joinTypes(key, keyType, this.typeOf(key));
      const value = this.check(entry.value);
      let vt = this.typeOf(value);
      if (entry.optional) {
        const [inner, isOpt] = maybeUnwrapOptional(vt);
        if (!isOpt && !isDyn(inner)) this.typeMismatch(value, T.optional(inner), inner);
        vt = inner;
      }
      valueType = this.joinTypes(value, valueType, vt);
      return key === entry.key && value === entry.value ? entry : { ...entry, key, value };
    });
    if (keyType === undefined) {
      keyType = this.newTypeVar();
      valueType = this.newTypeVar();
    }
    this.setType(e, T.map(keyType, valueType ?? T.dyn));
    return entries.every((x, i) => x === e.entries[i]) ? e : { ...e, entries };
  }

  private checkStruct(e: StructExpr): Expr {
    const d = this.lookupIdent(e.typeName);
    if (!d) {
      this.undeclared(e, e.typeName);
      this.setType(e, T.error);
      return e;
    }
    let structName = d.name;
    let result: CelType = T.error;
    if (d.type.kind !== 'error') {
      if (d.type.kind !== 'type') {
        this.report(e, `'${typeName(d.type)}' is not a type`);
      } else if (d.type.param === undefined) {
        this.report(e, `'type' is not a message type`);
      } else {
        result = d.type.param;
        const wkt = wellKnownTypeName(result);
        if (wkt !== undefined) structName = wkt;
        else if (result.kind === 'struct') structName = result.name;
        else {
          this.report(e, `'${typeName(result)}' is not a message type`);
          result = T.error;
        }
      }
    }
    this.refs.set(e.id, { kind: 'type', type: result.kind === 'error' ? T.struct(structName) : result });
    this.setType(e, result);

    const fields = e.fields.map((f) => {
      const value = this.check(f.value);
      const fieldType = this.lookupFieldType(f, structName, f.name) ?? T.error;
      let vt = this.typeOf(value);
      if (f.optional) {
        const [inner, isOpt] = maybeUnwrapOptional(vt);
        if (!isOpt && !isDyn(inner)) this.typeMismatch(value, T.optional(inner), inner);
        vt = inner;
      }
      if (!this.isAssignable(fieldType, vt)) {
        this.report(
          f,
          `expected type of field '${f.name}' is '${formatCelType(fieldType)}' but provided type is '${formatCelType(vt)}'`,
        );
      }
      return value === f.value ? f : { ...f, value };
    });
    const changed = d.name !== e.typeName || fields.some((x, i) => x !== e.fields[i]);
    return changed ? { ...e, typeName: d.name, fields } : e;
  }

  private enterScope(): Map<string, IdentDecl> {
    this.filterCrossType = false;
    const s = new Map<string, IdentDecl>();
    this.scopes.push(s);
    return s;
  }

  private checkComprehension(e: ComprehensionExpr): Expr {
    const iterRange = this.check(e.iterRange);
    const accuInit = this.check(e.accuInit);
    const rangeType = substitute(this.mappings, this.typeOf(iterRange), false);
    const accuType = this.typeOf(accuInit);
    const variable = (name: string, type: CelType): IdentDecl => ({ name, type, ref: { kind: 'variable', name } });
    this.enterScope().set(e.accuVar, variable(e.accuVar, accuType));

    const two = e.iterVar2 !== undefined;
    let varType: CelType;
    let var2Type: CelType = T.error;
    switch (rangeType.kind) {
      case 'list':
        varType = two ? T.int : rangeType.elem;
        var2Type = rangeType.elem;
        break;
      case 'map':
        varType = rangeType.key;
        var2Type = rangeType.value;
        break;
      case 'dyn':
      case 'error':
      case 'param':
        this.isAssignable(T.dyn, rangeType);
        varType = T.dyn;
        var2Type = T.dyn;
        break;
      default:
        this.report(
          iterRange,
          `expression of type '${formatCelType(rangeType)}' cannot be range of a comprehension (must be list, map, or dynamic)`,
        );
        varType = T.error;
        var2Type = T.error;
    }

    const loopScope = this.enterScope();
    loopScope.set(e.iterVar, variable(e.iterVar, varType));
    if (two) loopScope.set(e.iterVar2!, variable(e.iterVar2!, var2Type));
    const loopCondition = this.check(e.loopCondition);
    this.assertType(loopCondition, T.bool);
    const loopStep = this.check(e.loopStep);
    this.assertType(loopStep, accuType);
    this.scopes.pop();
    const result = this.check(e.result);
    this.scopes.pop();
    this.setType(e, substitute(this.mappings, this.typeOf(result), false));
    const same =
      iterRange === e.iterRange &&
      accuInit === e.accuInit &&
      loopCondition === e.loopCondition &&
      loopStep === e.loopStep &&
      result === e.result;
    return same ? e : { ...e, iterRange, accuInit, loopCondition, loopStep, result };
  }

  private assertType(e: Expr, t: CelType): void {
    const actual = this.typeOf(e);
    if (!this.isAssignable(t, actual)) this.typeMismatch(e, t, actual);
  }

  /** Final pass: bound type parameters replaced, unbound ones become dyn. */
  finish(): void {
    for (const [id, t] of this.types) this.types.set(id, substitute(this.mappings, t, true));
  }
}

/** Type-checks a parsed expression (no validators). */
export function checkExpr(ast: ParsedAst, env: CheckerEnv): CheckResult {
  if (env.errors.length) {
    // cel-go fails before checking when the declarations conflict; the errors have no location.
    const diagnostics = env.errors.map((message) => ({ message, range: { start: -1, end: -1 } }));
    return { expr: ast.expr, types: new Map(), refs: new Map(), outputType: T.error, diagnostics };
  }
  const c = new Checker(env);
  const expr = c.check(ast.expr);
  c.finish();
  const diagnostics = c.diagnostics;
  return { expr, types: c.types, refs: c.refs, outputType: c.types.get(expr.id) ?? T.error, diagnostics };
}
