// cel-go v0.26.0 interpreter/planner.go planCallIndex + attributes.go newQualifier: a constant
// index (a literal, or a folded conversion such as dyn(b'x')) that cannot be a qualifier fails
// while the program is planned; a computed one fails at run time with the same text.
import { describe, expect, it } from 'vitest';
import { compile, newEnvironment } from '../../../../src/engine/cel/program.js';
import { standardLibraries } from '../../../../src/engine/cel/stdlib/index.js';
import { T } from '../../../../src/engine/cel/types.js';

const env = newEnvironment({
  libraries: standardLibraries(),
  variables: [{ name: 'x', type: T.dyn }],
});

function outcome(src: string): string {
  const c = compile(src, env);
  if (!c.ok) return `${c.stage}: ${c.diagnostics.map((d) => d.message).join('; ')}`;
  const r = c.program.evaluate({ x: null });
  return r.ok ? `value: ${String(r.value)}` : `error: ${r.error.message}`;
}

describe('constant qualifiers of an invalid type', () => {
  it.each([
    ["{'a': 1}[dyn(b'x')]", 'plan: invalid qualifier type: types.Bytes'],
    ['[1][dyn(null)]', 'plan: invalid qualifier type: types.Null'],
    ["{'a': 1}[dyn([1])]", 'plan: invalid qualifier type: *types.baseList'],
    ["{'a': 1}[dyn({'b': 2})]", 'plan: invalid qualifier type: *types.baseMap'],
    ["{'a': 1}[dyn(duration('1s'))]", 'plan: invalid qualifier type: types.Duration'],
    ["{'a': 1}[?dyn(b'x')].hasValue()", 'plan: invalid qualifier type: types.Bytes'],
    // not constant: the same check at run time
    ["{'a': 1}[x]", 'error: invalid qualifier type: types.Null'],
    ["{'a': 1}[dyn(optional.none())]", 'error: invalid qualifier type: *types.Optional'],
    // valid qualifier types are untouched
    ["{'a': 1}[dyn('a')]", 'value: 1'],
    ['[7][dyn(0u)]', 'value: 7'],
  ])('%s', (src, want) => {
    expect(outcome(src)).toBe(want);
  });
});
