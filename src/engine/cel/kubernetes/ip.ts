// Kubernetes IP library (apiserver pkg/cel/library/ip.go, pkg/cel/ip.go): ip(), isIP(),
// ip.isCanonical(), family(), isUnspecified() …, string(ip). IPv4-mapped IPv6 addresses and
// zones are rejected; parse errors are `IP Address "…" parse error during conversion from
// string: ParseAddr(…): …`.
import type { Library, OverloadDecl } from '../decls.js';
import { T } from '../types.js';
import { CelError, OpaqueValue } from '../values.js';
import type { CelValue } from '../values.js';
import { K8S_TYPES, STRING_TRAVERSAL_COST_FACTOR, actualSize, fixedCost, goQuote, noSuchOverload, sizeTimes, argSize, stringArgCost } from './common.js';
import {
  addrEquals,
  addrString,
  is4In6,
  isGlobalUnicast,
  isLinkLocalMulticast,
  isLinkLocalUnicast,
  isLoopback,
  isUnspecified,
  parseAddr,
} from './net.js';
import type { Addr } from './net.js';

export class IPValue extends OpaqueValue {
  readonly celType = K8S_TYPES.ip;
  constructor(readonly addr: Addr) {
    super();
  }
  equals(other: OpaqueValue): boolean {
    return other instanceof IPValue && addrEquals(this.addr, other.addr);
  }
  /** traits.Sizer: ceil(BitLen / 8) */
  celSize(): number {
    return this.addr.family === 4 ? 4 : 16;
  }
  override toString(): string {
    return addrString(this.addr);
  }
}

/** library parseIPAddr: the address or the error message (no extra context added). */
export function parseIPAddr(raw: string): Addr | string {
  const a = parseAddr(raw);
  if (typeof a === 'string') return `IP Address ${goQuote(raw)} parse error during conversion from string: ${a}`;
  if (a.zone !== '') return `IP address ${goQuote(raw)} with zone value is not allowed`;
  if (is4In6(a)) return `IPv4-mapped IPv6 address ${goQuote(raw)} is not allowed`;
  return a;
}

/** stringToIP: an IPValue or a CelError */
export function stringToIP(v: CelValue): CelValue {
  if (typeof v !== 'string') return noSuchOverload(v);
  const a = parseIPAddr(v);
  return typeof a === 'string' ? new CelError(a) : new IPValue(a);
}

const IP = K8S_TYPES.ip;
function ipMember(id: string, f: (a: Addr) => CelValue, result = T.bool): OverloadDecl {
  return {
    id,
    member: true,
    params: [IP],
    result,
    impl: ([v]) => (v instanceof IPValue ? f(v.addr) : noSuchOverload(v)),
    cost: fixedCost(1),
  };
}

export const ipLibrary: Library = {
  name: 'kubernetes.net.ip',
  // cel.Types(...) upstream: the type name is an identifier (`type(x) == net.IP`)
  variables: [{ name: 'net.IP', type: T.typeOf(K8S_TYPES.ip) }],
  functions: [
    {
      name: 'ip',
      overloads: [{ id: 'string_to_ip', member: false, params: [T.string], result: IP, impl: ([s]) => stringToIP(s), cost: stringArgCost(0) }],
    },
    { name: 'family', overloads: [ipMember('ip_family', (a) => BigInt(a.family), T.int)] },
    {
      name: 'ip.isCanonical',
      overloads: [
        {
          id: 'ip_is_canonical',
          member: false,
          params: [T.string],
          result: T.bool,
          impl: ([s]) => {
            if (typeof s !== 'string') return noSuchOverload(s);
            const a = parseIPAddr(s);
            return typeof a === 'string' ? new CelError(a) : addrString(a) === s;
          },
          cost: {
            runtime: (args) => Math.ceil(actualSize(args[0]) * 2 * STRING_TRAVERSAL_COST_FACTOR),
            estimate: (input) => ({ cost: sizeTimes(argSize(input, 0), 2 * STRING_TRAVERSAL_COST_FACTOR) }),
          },
        },
      ],
    },
    { name: 'isUnspecified', overloads: [ipMember('ip_is_unspecified', isUnspecified)] },
    { name: 'isLoopback', overloads: [ipMember('ip_is_loopback', isLoopback)] },
    { name: 'isLinkLocalMulticast', overloads: [ipMember('ip_is_link_local_multicast', isLinkLocalMulticast)] },
    { name: 'isLinkLocalUnicast', overloads: [ipMember('ip_is_link_local_unicast', isLinkLocalUnicast)] },
    { name: 'isGlobalUnicast', overloads: [ipMember('ip_is_global_unicast', isGlobalUnicast)] },
    {
      name: 'isIP',
      overloads: [
        {
          id: 'is_ip',
          member: false,
          params: [T.string],
          result: T.bool,
          impl: ([s]) => (typeof s === 'string' ? typeof parseIPAddr(s) !== 'string' : noSuchOverload(s)),
          cost: stringArgCost(0),
        },
      ],
    },
    {
      name: 'string',
      overloads: [
        {
          id: 'ip_to_string',
          member: false,
          params: [IP],
          result: T.string,
          impl: ([v]) => (v instanceof IPValue ? addrString(v.addr) : noSuchOverload(v)),
        },
      ],
    },
  ],
};
