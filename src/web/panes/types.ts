// Output panes are plugins: { id, title, render(evaluated, context) }.
import type { ReactNode } from 'react';
import type { Evaluated } from '../worker/protocol.js';
import type { Problem } from '../state/problems.js';

export interface PaneContext {
  /** one per problem, in the most specific tab showing it */
  readonly problems: readonly Problem[];
  /** a problem of the engine or of a tab's YAML without a place in any tab */
  readonly unplaced: readonly string[];
  jump(p: Problem): void;
  readonly dark: boolean;
  /** the engine was stopped (time limit) or crashed */
  readonly engineError: string | null;
  /** an evaluation is running */
  readonly busy: boolean;
}

export interface OutputPane {
  readonly id: string;
  readonly title: string;
  /** a count shown on the pane's tab (e.g. problems) */
  badge?(ev: Evaluated | null, ctx: PaneContext): number;
  render(ev: Evaluated | null, ctx: PaneContext): ReactNode;
}

/** What a pane says when there is no result to show. */
export function noResult(ev: Evaluated | null, ctx: PaneContext): string {
  if (ctx.engineError) return 'No result: the evaluation was stopped.';
  return ev ? 'No result: the scenario is invalid (see Problems).' : 'No result yet.';
}
