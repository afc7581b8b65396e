// List, map and struct literals. Literals made only of constants are built once while planning
// (cel-go's OptOptimize), and then cost nothing; others cost 10 (list), 30 (map) or 40 (struct).
import type { ListExpr, MapExpr, StructExpr } from '../ast.js';
import { CelError, CelMap, StructValue, newJsonObject, isError, isOptional, type CelValue, type JsonObject } from '../values.js';
import { charge, type Closure } from './frame.js';
import { PlanError, type Plan, type Planner } from './planner.js';
import { formatGoValue } from './runtime-types.js';

const LIST_COST = 10;
const MAP_COST = 30;
const STRUCT_COST = 40;

export function planList(p: Planner, e: ListExpr): Plan {
  const elems = e.elements.map((x) => p.plan(x));
  const optional = new Array<boolean>(elems.length).fill(false);
  for (const i of e.optionalIndices) {
    if (i < 0 || i >= elems.length) throw new PlanError(`optional index ${i} out of element bounds [0, ${elems.length}]`, e.id);
    optional[i] = true;
  }
  const hasOptional = e.optionalIndices.length > 0;
  const fns = elems.map((x) => x.fn);
  const n = fns.length;
  const id = e.id;
  const build: Closure = (f) => {
    const out: CelValue[] = [];
    for (let i = 0; i < n; i++) {
      let v = fns[i](f);
      if (isError(v)) return v;
      if (hasOptional && optional[i]) {
        if (!isOptional(v)) {
          return new CelError(`cannot initialize optional list element from non-optional value ${formatGoValue(v)}`, id);
        }
        if (!v.present) continue;
        v = v.value as CelValue;
      }
      out.push(v);
    }
    return out;
  };
  return foldOrCharge(p, id, build, elems.every((x) => x.constant), LIST_COST);
}

export function planMap(p: Planner, e: MapExpr): Plan {
  const keys = e.entries.map((x) => p.plan(x.key));
  const vals = e.entries.map((x) => p.plan(x.value));
  const optional = e.entries.map((x) => x.optional);
  const hasOptional = optional.some(Boolean);
  const kf = keys.map((x) => x.fn);
  const vf = vals.map((x) => x.fn);
  const n = kf.length;
  const id = e.id;
  const constKeys = keys.map((k) => k.constant?.value);
  const build: Closure =
    !hasOptional && constKeys.every((k) => typeof k === 'string') ? constKeyBuilder(constKeys as string[], vf) : buildAny;
  function buildAny(f: Parameters<Closure>[0]): CelValue {
    let obj: JsonObject | undefined = newJsonObject();
    let entries: Map<CelValue, CelValue> | undefined;
    for (let i = 0; i < n; i++) {
      const k = kf[i](f);
      if (isError(k)) return k;
      let v = vf[i](f);
      if (isError(v)) return v;
      if (hasOptional && optional[i]) {
        if (!isOptional(v)) {
          return new CelError(
            `cannot initialize optional entry '${formatGoValue(k)}' from non-optional value ${formatGoValue(v)}`,
            id,
          );
        }
        if (!v.present) {
          if (obj && typeof k === 'string') delete obj[k];
          else entries?.delete(k);
          continue;
        }
        v = v.value as CelValue;
      }
      if (obj && typeof k === 'string') {
        obj[k] = v;
        continue;
      }
      if (obj) {
        // A key that is not a string: the map becomes a CelMap.
        entries = new Map(Object.entries(obj));
        obj = undefined;
      }
      entries!.set(k, v);
    }
    return obj ?? new CelMap(entries!.entries());
  }
  return foldOrCharge(p, id, build, !hasOptional && keys.every((x) => x.constant) && vals.every((x) => x.constant), MAP_COST);
}

/** A literal of constants is built once while planning and costs nothing; others cost `cost`. */
function foldOrCharge(p: Planner, id: number, build: Closure, allConstant: boolean, cost: number): Plan {
  if (allConstant) {
    const value = p.evalConstant(build);
    if (!isError(value)) return { id, fn: () => value, constant: { value } };
  }
  return {
    id,
    fn: (f) => {
      const v = build(f);
      charge(f, cost);
      return v;
    },
  };
}

export function planStruct(p: Planner, e: StructExpr): Plan {
  const checkedType = p.opts.checked.typeOf(e.id);
  const name = checkedType?.kind === 'struct' ? checkedType.name : e.typeName.replace(/^\./, '');
  const type = p.opts.typeProvider?.findStructType(name);
  if (!type) throw new PlanError(`unknown type: ${e.typeName}`, e.id);
  const names = e.fields.map((x) => x.name);
  const optional = e.fields.map((x) => x.optional);
  const fns = e.fields.map((x) => p.plan(x.value).fn);
  const n = fns.length;
  const id = e.id;
  return {
    id,
    fn: (f) => {
      const fields = new Map<string, CelValue>();
      for (let i = 0; i < n; i++) {
        let v = fns[i](f);
        if (isError(v)) {
          charge(f, STRUCT_COST);
          return v;
        }
        if (optional[i]) {
          if (!isOptional(v)) {
            return new CelError(`cannot initialize optional entry '${names[i]}' from non-optional value ${formatGoValue(v)}`, id);
          }
          if (!v.present) continue;
          v = v.value as CelValue;
        }
        fields.set(names[i], v);
      }
      const out: StructValue | CelError = type.newValue(fields);
      charge(f, STRUCT_COST);
      if (isError(out) && out.exprId === undefined) out.exprId = id;
      return out;
    },
  };
}

/**
 * Maps whose keys are all constant strings (the common `{"op": …, "path": …}`): an ordinary
 * object filled key by key, which V8 keeps fast (object literals with computed keys shared by
 * several key sets are much slower). Values are read with Object.hasOwn, so the prototype is
 * harmless; a `__proto__` key needs a null-prototype object. A repeated key keeps its last value.
 */
function constKeyBuilder(keys: readonly string[], vf: readonly Closure[]): Closure {
  const n = keys.length;
  const nullProto = keys.includes('__proto__');
  return (f) => {
    const obj: JsonObject = nullProto ? newJsonObject() : {};
    for (let i = 0; i < n; i++) {
      const v = vf[i](f);
      if (isError(v)) return v;
      obj[keys[i]] = v;
    }
    return obj;
  };
}
