// Diagnostics (placed in the scenario text) and tab YAML errors -> problems placed in the tabs.
import type { Diagnostic } from '../../engine/types.js';
import type { TabError } from './join.js';
import { tabOfLine, toTabRange, type Split, type TabId, type TabRange } from './split.js';

export interface Problem {
  readonly tab: TabId;
  readonly range: TabRange;
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'info';
}

export interface Placed {
  /** every marker: a diagnostic shows in its own tab and in the Scenario tab */
  readonly markers: Problem[];
  /** one per problem, in the most specific tab */
  readonly listed: Problem[];
  /** problems without a place */
  readonly unplaced: string[];
}

export function describe(d: Diagnostic): string {
  const where = [d.policy, d.path].filter(Boolean).join(' ');
  return where ? `${where}: ${d.message}` : d.message;
}

export function placeProblems(split: Split, diagnostics: readonly Diagnostic[], draftErrors: Partial<Record<TabId, readonly TabError[]>>): Placed {
  const out: Placed = { markers: [], listed: [], unplaced: [] };
  for (const [tab, errors] of Object.entries(draftErrors) as [TabId, TabError[]][]) {
    for (const e of errors ?? []) {
      const { message, ...range } = e;
      const p: Problem = { tab, range, message: `YAML: ${message}`, severity: 'error' };
      out.markers.push(p);
      out.listed.push(p);
    }
  }
  for (const d of diagnostics) {
    const loc = d.location;
    const message = describe(d);
    if (!loc) {
      out.unplaced.push(message);
      continue;
    }
    const endColumn = loc.endLine === loc.line && loc.endColumn <= loc.column ? loc.column + 1 : loc.endColumn;
    const whole: Problem = { tab: 'scenario', range: { startLineNumber: loc.line, startColumn: loc.column, endLineNumber: loc.endLine, endColumn }, message, severity: d.severity };
    out.markers.push(whole);
    const tab = split.ok ? tabOfLine(split, loc.line) : 'scenario';
    // a drafted tab shows the visitor's own text: engine positions do not apply to it
    const range = split.ok && tab !== 'scenario' && !draftErrors[tab] ? toTabRange(split.tabs[tab], loc.line, loc.column, loc.endLine, endColumn) : undefined;
    if (range) {
      const p: Problem = { ...whole, tab, range };
      out.markers.push(p);
      out.listed.push(p);
    } else out.listed.push(whole);
  }
  return out;
}
