// Node constructors with one fixed shape per kind (so engines keep their property access fast).
import type {
  CallExpr,
  ComprehensionExpr,
  Expr,
  IdentExpr,
  ListExpr,
  LiteralExpr,
  MapEntry,
  MapExpr,
  Range,
  SelectExpr,
  StructExpr,
  StructField,
} from '../ast.js';
import type { CelValue } from '../values.js';

export function newLiteral(id: number, range: Range, value: CelValue): LiteralExpr {
  return { kind: 'literal', id, range, value };
}

export function newIdent(id: number, range: Range, name: string): IdentExpr {
  return { kind: 'ident', id, range, name };
}

export function newSelect(id: number, range: Range, operand: Expr, field: string, testOnly: boolean): SelectExpr {
  return { kind: 'select', id, range, operand, field, testOnly };
}

export function newCall(id: number, range: Range, fn: string, args: readonly Expr[], target?: Expr): CallExpr {
  return { kind: 'call', id, range, fn, target, args };
}

export function newList(id: number, range: Range, elements: readonly Expr[], optionalIndices: readonly number[]): ListExpr {
  return { kind: 'list', id, range, elements, optionalIndices };
}

export function newMapEntry(id: number, range: Range, key: Expr, value: Expr, optional: boolean): MapEntry {
  return { id, range, key, value, optional };
}

export function newMap(id: number, range: Range, entries: readonly MapEntry[]): MapExpr {
  return { kind: 'map', id, range, entries };
}

export function newStructField(id: number, range: Range, name: string, value: Expr, optional: boolean): StructField {
  return { id, range, name, value, optional };
}

export function newStruct(id: number, range: Range, typeName: string, fields: readonly StructField[]): StructExpr {
  return { kind: 'struct', id, range, typeName, fields };
}

export type ComprehensionParts = Omit<ComprehensionExpr, 'kind' | 'id' | 'range'>;

export function newComprehension(id: number, range: Range, c: ComprehensionParts): ComprehensionExpr {
  return {
    kind: 'comprehension',
    id,
    range,
    iterVar: c.iterVar,
    iterVar2: c.iterVar2,
    iterRange: c.iterRange,
    accuVar: c.accuVar,
    accuInit: c.accuInit,
    loopCondition: c.loopCondition,
    loopStep: c.loopStep,
    result: c.result,
    macro: c.macro,
  };
}
