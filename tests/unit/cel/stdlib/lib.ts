// Test helper: call a standard-library overload by id, as the interpreter would.
import { standardLibraries } from '../../../../src/engine/cel/stdlib/index.js';
import type { OverloadDecl } from '../../../../src/engine/cel/decls.js';
import { CelError, CelUint, Duration, Timestamp, type CelValue } from '../../../../src/engine/cel/values.js';

const byId = new Map<string, OverloadDecl>();
const byFn = new Map<string, OverloadDecl[]>();
for (const lib of standardLibraries()) {
  for (const f of lib.functions ?? []) {
    byFn.set(f.name, [...(byFn.get(f.name) ?? []), ...f.overloads]);
    for (const o of f.overloads) byId.set(o.id, o);
  }
}

export const ctx = { defaultTimeZone: 'UTC' };

export function overload(id: string): OverloadDecl {
  const o = byId.get(id);
  if (!o) throw new Error(`no overload ${id}`);
  return o;
}

export function overloadsOf(fn: string): OverloadDecl[] {
  return byFn.get(fn) ?? [];
}

export function call(id: string, ...args: CelValue[]): CelValue {
  return overload(id).impl!(args, ctx);
}

export function errText(v: CelValue): string | undefined {
  return v instanceof CelError ? v.message : undefined;
}

export const u = (n: bigint | number) => new CelUint(BigInt(n));
export const dur = (nanos: bigint) => new Duration(nanos);
export const ts = (seconds: bigint, nanos = 0, offset = 0) => new Timestamp(seconds, nanos, offset);
export const INT_MIN = -(2n ** 63n);
export const INT_MAX = 2n ** 63n - 1n;
