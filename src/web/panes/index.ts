// The output panes, in tab order. Adding one = one file implementing OutputPane.
import { diffPane } from './DiffPane.js';
import { finalPane, patchPane } from './simple.js';
import { tracePane } from './TracePane.js';
import { problemsPane } from './ProblemsPane.js';
import type { OutputPane } from './types.js';

export const PANES: readonly OutputPane[] = [diffPane, finalPane, patchPane, tracePane, problemsPane];
