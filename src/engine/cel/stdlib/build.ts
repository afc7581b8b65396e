// Declaration builders shared by the standard library files.
import type { CallContext, FunctionDecl, OverloadCost, OverloadDecl } from '../decls.js';
import type { CelType } from '../types.js';
import { T } from '../types.js';
import type { CelValue } from '../values.js';

export type Impl = (args: readonly CelValue[], ctx: CallContext) => CelValue;

export interface OverloadOpts {
  readonly impl?: Impl;
  readonly cost?: OverloadCost;
  readonly typeParams?: readonly string[];
  readonly nonStrict?: boolean;
}

export function global(id: string, params: readonly CelType[], result: CelType, opts: OverloadOpts = {}): OverloadDecl {
  return { id, member: false, params, result, ...opts };
}

export function member(id: string, params: readonly CelType[], result: CelType, opts: OverloadOpts = {}): OverloadDecl {
  return { id, member: true, params, result, ...opts };
}

export function fn(name: string, overloads: readonly OverloadDecl[]): FunctionDecl {
  return { name, overloads };
}

export const A = T.param('A');
export const B = T.param('B');
export const listA = T.list(A);
export const mapAB = T.map(A, B);
