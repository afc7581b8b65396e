// Kubernetes quantity library (apiserver pkg/cel/library/quantity.go, pkg/cel/quantity.go).
// `sign` is a global function only; there is no string(quantity) overload.
import type { Library, OverloadDecl } from '../decls.js';
import { T } from '../types.js';
import { CelError, OpaqueValue } from '../values.js';
import type { CelValue } from '../values.js';
import {
  addQuantities,
  compareQuantities,
  parseQuantity,
  quantityAsApproximateFloat,
  quantityAsInt64,
  quantityFromInt,
  quantitySign,
  quantityToString,
  subQuantities,
} from '../../k8s/quantity.js';
import type { Quantity } from '../../k8s/quantity.js';
import { K8S_TYPES, fixedCost, noSuchOverload, stringArgCost } from './common.js';

export class QuantityValue extends OpaqueValue {
  readonly celType = K8S_TYPES.quantity;
  /**
   * @param pointer true for results of add/sub: upstream returns `*Quantity` there (a value
   * elsewhere), and Quantity.Equal only accepts a value-typed right operand, so
   * `quantity('2') == quantity('1').add(1)` is `no such overload` while the mirrored
   * comparison is true.
   */
  constructor(
    readonly quantity: Quantity,
    readonly pointer = false,
  ) {
    super();
  }
  /** Quantity.Equal: equal by value (`1Gi` == `1024Mi`) */
  equals(other: OpaqueValue): boolean {
    return other instanceof QuantityValue && compareQuantities(this.quantity, other.quantity) === 0;
  }
  celEqualsOrError(other: CelValue): boolean | CelError {
    if (!(other instanceof QuantityValue) || other.pointer) return noSuchOverload(other);
    return compareQuantities(this.quantity, other.quantity) === 0;
  }
  override toString(): string {
    return quantityToString(this.quantity);
  }
}

const Q = K8S_TYPES.quantity;
const asQ = (v: CelValue): Quantity | undefined => (v instanceof QuantityValue ? v.quantity : undefined);

function unaryQ(id: string, result: typeof T.int, f: (q: Quantity) => CelValue): OverloadDecl {
  return {
    id,
    member: true,
    params: [Q],
    result,
    impl: ([a]) => {
      const q = asQ(a);
      return q ? f(q) : noSuchOverload(a);
    },
    cost: fixedCost(1),
  };
}

function binaryQ(id: string, other: typeof T.int, result: typeof T.int, f: (q: Quantity, o: CelValue) => CelValue): OverloadDecl {
  return {
    id,
    member: true,
    params: [Q, other],
    result,
    impl: ([a, b]) => {
      const q = asQ(a);
      return q ? f(q, b) : noSuchOverload(a);
    },
    cost: fixedCost(1),
  };
}

const withQ = (b: CelValue, f: (o: Quantity) => CelValue): CelValue => {
  const o = asQ(b);
  return o ? f(o) : noSuchOverload(b);
};
const withInt = (b: CelValue, f: (o: bigint) => CelValue): CelValue => (typeof b === 'bigint' ? f(b) : noSuchOverload(b));

export const quantityLibrary: Library = {
  name: 'kubernetes.quantity',
  functions: [
    {
      name: 'quantity',
      overloads: [
        {
          id: 'string_to_quantity',
          member: false,
          params: [T.string],
          result: Q,
          impl: ([s]) => {
            if (typeof s !== 'string') return noSuchOverload(s);
            const q = parseQuantity(s);
            return 'error' in q ? new CelError(q.error) : new QuantityValue(q);
          },
          cost: stringArgCost(0),
        },
      ],
    },
    {
      name: 'isQuantity',
      overloads: [
        {
          id: 'is_quantity_string',
          member: false,
          params: [T.string],
          result: T.bool,
          impl: ([s]) => (typeof s === 'string' ? !('error' in parseQuantity(s)) : noSuchOverload(s)),
          cost: stringArgCost(0),
        },
      ],
    },
    {
      name: 'sign',
      overloads: [
        {
          id: 'quantity_sign',
          member: false,
          params: [Q],
          result: T.int,
          impl: ([a]) => {
            const q = asQ(a);
            return q ? BigInt(quantitySign(q)) : noSuchOverload(a);
          },
          cost: fixedCost(1),
        },
      ],
    },
    { name: 'isGreaterThan', overloads: [binaryQ('quantity_is_greater_than', Q, T.bool, (q, b) => withQ(b, (o) => compareQuantities(q, o) === 1))] },
    { name: 'isLessThan', overloads: [binaryQ('quantity_is_less_than', Q, T.bool, (q, b) => withQ(b, (o) => compareQuantities(q, o) === -1))] },
    { name: 'compareTo', overloads: [binaryQ('quantity_compare_to', Q, T.int, (q, b) => withQ(b, (o) => BigInt(compareQuantities(q, o))))] },
    { name: 'asApproximateFloat', overloads: [unaryQ('quantity_get_float', T.double, (q) => quantityAsApproximateFloat(q))] },
    {
      name: 'asInteger',
      overloads: [
        unaryQ('quantity_get_int', T.int, (q) => quantityAsInt64(q) ?? new CelError('cannot convert value to integer')),
      ],
    },
    { name: 'isInteger', overloads: [unaryQ('quantity_is_integer', T.bool, (q) => quantityAsInt64(q) !== undefined)] },
    {
      name: 'add',
      overloads: [
        binaryQ('quantity_add', Q, Q, (q, b) => withQ(b, (o) => new QuantityValue(addQuantities(q, o), true))),
        binaryQ('quantity_add_int', T.int, Q, (q, b) => withInt(b, (i) => new QuantityValue(addQuantities(q, quantityFromInt(i)), true))),
      ],
    },
    {
      name: 'sub',
      overloads: [
        binaryQ('quantity_sub', Q, Q, (q, b) => withQ(b, (o) => new QuantityValue(subQuantities(q, o), true))),
        binaryQ('quantity_sub_int', T.int, Q, (q, b) => withInt(b, (i) => new QuantityValue(subQuantities(q, quantityFromInt(i)), true))),
      ],
    },
  ],
};
