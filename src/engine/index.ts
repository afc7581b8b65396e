// The engine's public API: what the web worker, the CLI and the tests use.
// scenario text -> parse (scenario/) -> admit (admission/) -> Result, with every diagnostic placed.
import { admitCompiled, compileScenario, type AdmitOptions } from './admission/admit.js';
import { readScenario } from './scenario/index.js';
import type { Diagnostic, Result, Scenario, SourceMap } from './types.js';

export type * from './types.js';
export { KUBERNETES_VERSIONS, NEWEST_VERSION } from './types.js';
export { admit, admitCompiled, compileScenario } from './admission/admit.js';
export { EnvironmentCache } from './admission/compile.js';
export { checkExpect, type ExpectFailure } from './expect.js';
export { readScenario } from './scenario/index.js';

export interface Evaluation {
  readonly scenario: Scenario | null;
  readonly sourceMap: SourceMap;
  /** null when the scenario itself could not be read */
  readonly result: Result | null;
  /** every diagnostic (reading the scenario, validating, compiling), placed in the text */
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads a scenario text and runs it. Never throws. */
export function evaluateScenarioText(text: string, options: AdmitOptions = {}): Evaluation {
  const read = readScenario(text);
  if (!read.scenario) return { scenario: null, sourceMap: read.sourceMap, result: null, diagnostics: read.diagnostics };
  const compiled = compileScenario(read.scenario, options);
  const result = admitCompiled(compiled);
  const placed = result.diagnostics.map((d) => place(d, read.sourceMap));
  return {
    scenario: read.scenario,
    sourceMap: read.sourceMap,
    result: { ...result, diagnostics: placed },
    diagnostics: [...read.diagnostics, ...placed],
  };
}

/** Gives a diagnostic its place in the scenario text: inside the expression when it has a range. */
function place(d: Diagnostic, sourceMap: SourceMap): Diagnostic {
  if (d.location || !d.docPath) return d;
  const location = d.range ? sourceMap.spanInString(d.docPath, d.range.start, d.range.end) : sourceMap.span(d.docPath);
  return location ? { ...d, location } : d;
}
