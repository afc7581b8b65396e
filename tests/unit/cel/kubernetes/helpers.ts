// Calls library overloads directly by overload id.
import type { CallContext, Library, OverloadDecl } from '../../../../src/engine/cel/decls.js';
import type { CelValue } from '../../../../src/engine/cel/values.js';
import { CelError } from '../../../../src/engine/cel/values.js';

const ctx: CallContext = { defaultTimeZone: 'UTC' };

export function overload(lib: Library, id: string): OverloadDecl {
  for (const f of lib.functions ?? []) for (const o of f.overloads) if (o.id === id) return o;
  throw new Error(`no overload ${id} in ${lib.name}`);
}

export function call(lib: Library, id: string, ...args: CelValue[]): CelValue {
  const o = overload(lib, id);
  if (!o.impl) throw new Error(`no impl for ${id}`);
  return o.impl(args, ctx);
}

export function errorText(v: CelValue): string | undefined {
  return v instanceof CelError ? v.message : undefined;
}
