// What the planner needs to know from the checker about each node.
import type { CelType } from '../types.js';

/** An identifier (or a qualified name written as selects) the checker resolved. */
export type IdentRef =
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'type'; readonly type: CelType };

export interface CheckedInfo {
  typeOf(id: number): CelType | undefined;
  /** for ident nodes, and select nodes the checker resolved as a whole qualified name */
  identRef(id: number): IdentRef | undefined;
  /** for call nodes: the overload ids that may apply (one when the checker could decide) */
  overloads(id: number): readonly string[] | undefined;
  /** no checker ran: `a.b.c` may name a variable `a.b.c` or `a.b` (cel-go's maybe-attributes) */
  readonly unchecked?: boolean;
}

/** For planning without a checker (tests): nothing is known, calls dispatch by name. */
export const UNCHECKED: CheckedInfo = {
  typeOf: () => undefined,
  identRef: () => undefined,
  overloads: () => undefined,
  unchecked: true,
};
