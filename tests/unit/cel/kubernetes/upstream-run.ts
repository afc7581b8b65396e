// Table runner for upstream pkg/cel/library test cases: compile + evaluate one expression in the
// Kubernetes environment and compare as upstream does (value by CEL `==`, runtime error exact or
// by pattern, compile error by pattern over the messages).
import { expect } from 'vitest';
import { run } from '../ext/eval-helper.js';
import type { KubernetesEnvironmentOptions } from '../../../../src/engine/cel/kubernetes/environment.js';
import type { CelValue } from '../../../../src/engine/cel/values.js';

export type Want =
  | { value: CelValue } // compared with toEqual
  | { equals: string } // a CEL expression the result must `==`
  | { error: string } // exact runtime error text
  | { errorMatch: RegExp }
  | { compileMatch: RegExp };

export type Case = readonly [name: string, expr: string, want: Want];

export function check(expr: string, want: Want, opts: Partial<KubernetesEnvironmentOptions> = {}): void {
  const r = run(expr, opts);
  if ('compileMatch' in want) {
    expect('compileError' in r ? r.compileError : r).toMatch(want.compileMatch);
    return;
  }
  if ('compileError' in r) throw new Error(`${expr}: unexpected compile error ${r.compileError}`);
  if ('error' in want || 'errorMatch' in want) {
    expect('error' in r, `${expr}: expected a runtime error`).toBe(true);
    const msg = 'error' in r ? r.error : '';
    if ('error' in want) expect(msg).toBe(want.error);
    else expect(msg).toMatch(want.errorMatch);
    return;
  }
  if ('error' in r) throw new Error(`${expr}: unexpected runtime error ${r.error}`);
  if ('value' in want) {
    expect(r.value).toEqual(want.value);
    return;
  }
  const eq = run(`(${expr}) == (${want.equals})`, opts);
  expect(eq).toEqual({ value: true });
}
