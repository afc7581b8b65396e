// Kubernetes CIDR library (apiserver pkg/cel/library/cidr.go, pkg/cel/cidr.go). Parse errors are
// wrapped twice upstream: `network address parse error during conversion from string: network
// address parse error during conversion from string: netip.ParsePrefix("x"): no '/'`.
// containsIP(<string>) with an invalid IP yields `no such overload` (upstream checks the
// converted argument's type and reports the receiver), containsCIDR(<string>) the parse error.
import type { Library, OverloadCost } from '../decls.js';
import { T } from '../types.js';
import { CelError, OpaqueValue } from '../values.js';
import type { CelValue } from '../values.js';
import {
  K8S_TYPES,
  STRING_TRAVERSAL_COST_FACTOR,
  actualSize,
  argSize,
  costAdd,
  fixedCost,
  goQuote,
  noSuchOverload,
  sizeTimes,
  stringArgCost,
} from './common.js';
import { IPValue, stringToIP } from './ip.js';
import { is4In6, parsePrefix, prefixContains, prefixEquals, prefixMasked, prefixOverlaps, prefixString } from './net.js';
import type { Prefix } from './net.js';

export class CIDRValue extends OpaqueValue {
  readonly celType = K8S_TYPES.cidr;
  constructor(readonly prefix: Prefix) {
    super();
  }
  equals(other: OpaqueValue): boolean {
    return other instanceof CIDRValue && prefixEquals(this.prefix, other.prefix);
  }
  /** traits.Sizer upstream: ceil(prefix length / 8) */
  celSize(): number {
    return Math.ceil(this.prefix.bits / 8);
  }
  override toString(): string {
    return prefixString(this.prefix);
  }
}

const PARSE_CTX = 'network address parse error during conversion from string: ';

export function parseCIDR(raw: string): Prefix | string {
  const p = parsePrefix(raw);
  if (typeof p === 'string') return PARSE_CTX + p;
  if (is4In6(p.addr)) return `IPv4-mapped IPv6 address ${goQuote(raw)} is not allowed`;
  return p;
}

export function stringToCIDR(v: CelValue): CelValue {
  if (typeof v !== 'string') return noSuchOverload(v);
  const p = parseCIDR(v);
  return typeof p === 'string' ? new CelError(PARSE_CTX + p) : new CIDRValue(p);
}

const C = K8S_TYPES.cidr;
const IPT = K8S_TYPES.ip;

function containsIP(a: CelValue, other: CelValue): CelValue {
  if (!(a instanceof CIDRValue)) return noSuchOverload(other);
  if (!(other instanceof IPValue)) return noSuchOverload(a);
  return prefixContains(a.prefix, other.addr);
}
function containsCIDR(a: CelValue, other: CelValue): CelValue {
  if (!(a instanceof CIDRValue)) return noSuchOverload(a);
  if (!(other instanceof CIDRValue)) return noSuchOverload(other);
  return prefixOverlaps(a.prefix, other.prefix) && a.prefix.bits <= other.prefix.bits;
}

const IP_SIZE = { min: 4, max: 16 };
function containsCost(kind: 'ip' | 'cidr', fromString: boolean): OverloadCost {
  return {
    runtime: (args) => {
      const cidrSize = actualSize(args[0]);
      const otherSize = actualSize(args[1]);
      let cost = Math.ceil((cidrSize + cidrSize) * STRING_TRAVERSAL_COST_FACTOR);
      if (kind === 'cidr') cost += Math.ceil(cidrSize * STRING_TRAVERSAL_COST_FACTOR) + 1;
      if (fromString) cost += Math.ceil(otherSize * STRING_TRAVERSAL_COST_FACTOR);
      return cost;
    },
    estimate: (input) => {
      let c = sizeTimes({ min: IP_SIZE.min * 2, max: IP_SIZE.max * 2 }, STRING_TRAVERSAL_COST_FACTOR);
      if (kind === 'cidr') c = costAdd(costAdd(c, sizeTimes(IP_SIZE, STRING_TRAVERSAL_COST_FACTOR)), { min: 1, max: 1 });
      // upstream estimates the string argument with args[0] of the call (the argument after the receiver)
      if (fromString) c = costAdd(c, sizeTimes(argSize(input, 1), STRING_TRAVERSAL_COST_FACTOR));
      return { cost: c };
    },
  };
}

export const cidrLibrary: Library = {
  name: 'kubernetes.net.cidr',
  // cel.Types(...) upstream: the type name is an identifier (`type(x) == net.CIDR`)
  variables: [{ name: 'net.CIDR', type: T.typeOf(K8S_TYPES.cidr) }],
  functions: [
    {
      name: 'cidr',
      overloads: [{ id: 'string_to_cidr', member: false, params: [T.string], result: C, impl: ([s]) => stringToCIDR(s), cost: stringArgCost(0) }],
    },
    {
      name: 'containsIP',
      overloads: [
        {
          id: 'cidr_contains_ip_string',
          member: true,
          params: [C, T.string],
          result: T.bool,
          impl: ([a, s]) => containsIP(a, stringToIP(s)),
          cost: containsCost('ip', true),
        },
        { id: 'cidr_contains_ip_ip', member: true, params: [C, IPT], result: T.bool, impl: ([a, b]) => containsIP(a, b), cost: containsCost('ip', false) },
      ],
    },
    {
      name: 'containsCIDR',
      overloads: [
        {
          id: 'cidr_contains_cidr_string',
          member: true,
          params: [C, T.string],
          result: T.bool,
          impl: ([a, s]) => containsCIDR(a, stringToCIDR(s)),
          cost: containsCost('cidr', true),
        },
        { id: 'cidr_contains_cidr', member: true, params: [C, C], result: T.bool, impl: ([a, b]) => containsCIDR(a, b), cost: containsCost('cidr', false) },
      ],
    },
    {
      name: 'ip',
      overloads: [
        {
          id: 'cidr_ip',
          member: true,
          params: [C],
          result: IPT,
          impl: ([a]) => (a instanceof CIDRValue ? new IPValue(a.prefix.addr) : noSuchOverload(a)),
          cost: fixedCost(1),
        },
      ],
    },
    {
      name: 'prefixLength',
      overloads: [
        {
          id: 'cidr_prefix_length',
          member: true,
          params: [C],
          result: T.int,
          impl: ([a]) => (a instanceof CIDRValue ? BigInt(a.prefix.bits) : noSuchOverload(a)),
          cost: fixedCost(1),
        },
      ],
    },
    {
      name: 'masked',
      overloads: [
        {
          id: 'cidr_masked',
          member: true,
          params: [C],
          result: C,
          impl: ([a]) => (a instanceof CIDRValue ? new CIDRValue(prefixMasked(a.prefix)) : noSuchOverload(a)),
          cost: fixedCost(1),
        },
      ],
    },
    {
      name: 'isCIDR',
      overloads: [
        {
          id: 'is_cidr',
          member: false,
          params: [T.string],
          result: T.bool,
          impl: ([s]) => (typeof s === 'string' ? typeof parseCIDR(s) !== 'string' : noSuchOverload(s)),
          cost: stringArgCost(0),
        },
      ],
    },
    {
      name: 'string',
      overloads: [
        {
          id: 'cidr_to_string',
          member: false,
          params: [C],
          result: T.string,
          impl: ([a]) => (a instanceof CIDRValue ? prefixString(a.prefix) : noSuchOverload(a)),
        },
      ],
    },
  ],
};
