import { describe, expect, it } from 'vitest';
import { PlannedExpr, PlanError, UNCHECKED, buildFunctionTable, type RunResult } from '../../../../src/engine/cel/interpreter/index.js';
import type { Expr } from '../../../../src/engine/cel/ast.js';
import { CelError, Optional, type CelValue } from '../../../../src/engine/cel/values.js';
import { call, exists, ident, list, lit, map, mapMacro, mcall, sel, tinyLib } from './ast-builders.js';

const functions = buildFunctionTable([tinyLib]);
const opts = { functions, checked: UNCHECKED, callContext: { defaultTimeZone: 'UTC' } };

function run(e: Expr, vars: Record<string, CelValue> = {}, costLimit?: number): RunResult {
  const p = PlannedExpr.plan(e, opts);
  if (p instanceof PlanError) throw new Error(`plan: ${p.message}`);
  return p.run(vars, { costLimit });
}
const value = (r: RunResult) => (r.ok ? r.value : `error: ${r.error.message}`);

const pod = {
  spec: { containers: [{ name: 'app' }, { name: 'mesh-proxy' }], initContainers: [{ name: 'init' }] },
};

describe('planner', () => {
  it('selects through plain-object maps and counts cost', () => {
    const r = run(sel(sel(ident('object'), 'spec'), 'containers'), { object: pod });
    expect(value(r)).toBe(pod.spec.containers);
    expect(r.cost).toBe(3);
  });
  it('reports no such key and index out of bounds', () => {
    expect(value(run(sel(sel(ident('o'), 'spec'), 'nope'), { o: pod }))).toBe('error: no such key: nope');
    expect(value(run(call('_[_]', sel(sel(ident('o'), 'spec'), 'containers'), lit(5n)), { o: pod }))).toBe('error: index out of bounds: 5');
    expect(value(run(sel(ident('o'), 'x'), { o: null }))).toBe('error: no such key: x');
    expect(value(run(call('_[_]', list(lit(1n)), lit('a'))))).toBe("error: unsupported index type 'string' in list");
    expect(value(run(call('_[_]', list(lit(1n), lit(2n)), lit(1.5))))).toBe('error: unsupported index value 1.5 in list');
  });
  it('presence tests and optional selection', () => {
    expect(value(run(sel(sel(ident('o'), 'spec'), 'x', true), { o: pod }))).toBe(false);
    expect(value(run(sel(sel(ident('o'), 'spec'), 'containers', true), { o: pod }))).toBe(true);
    expect(run(sel(sel(ident('o'), 'spec'), 'containers', true), { o: pod }).cost).toBe(2);
    const none = value(run(sel(call('_?._', ident('o'), lit('nope')), 'x'), { o: pod }));
    expect(none).toBe(Optional.none);
    const some = value(run(sel(call('_?._', ident('o'), lit('spec')), 'initContainers'), { o: pod })) as Optional;
    expect(some.present && some.value).toBe(pod.spec.initContainers);
  });
  it('exists over a list, with cost', () => {
    const e = call('!_', exists(sel(sel(ident('object'), 'spec'), 'initContainers'), 'ic', call('_==_', sel(ident('ic'), 'name'), lit('mesh-proxy'))));
    const r = run(e, { object: pod });
    expect(value(r)).toBe(true);
  });
  it('map macro appends in place and stays correct when nested', () => {
    const e = mapMacro(list(lit(1n), lit(2n), lit(3n)), 'x', call('_+_', ident('x'), lit(1n)));
    expect(value(run(e))).toEqual([2n, 3n, 4n]);
    const nested = mapMacro(list(lit(1n), lit(2n)), 'x', mapMacro(list(lit(10n)), 'y', call('_+_', ident('x'), ident('y'))));
    expect(value(run(nested))).toEqual([[11n], [12n]]);
  });
  it('logical operators absorb errors like cel-go', () => {
    const err = call('_/_', lit(1n), lit(0n));
    expect(value(run(call('_&&_', lit(false), err)))).toBe(false);
    expect(value(run(call('_&&_', err, lit(false))))).toBe(false);
    expect(value(run(call('_||_', err, lit(true))))).toBe(true);
    expect(value(run(call('_||_', err, lit(false))))).toBe('error: division by zero');
    expect(value(run(call('_&&_', lit(1n), lit(true))))).toBe('error: no such overload');
    expect(value(run(call('_?_:_', lit(true), lit(1n), err)))).toBe(1n);
  });
  it('runtime no such overload', () => {
    expect(value(run(call('_+_', ident('x'), lit('a')), { x: 1n }))).toBe('error: no such overload: _+_(int, string)');
  });
  it('folds constant conversions and fails planning on errors', () => {
    const p = PlannedExpr.plan(call('int', lit('x')), opts);
    expect(p).toBeInstanceOf(PlanError);
    expect((p as PlanError).message).toBe("cannot parse 'x'");
    const ok = PlannedExpr.plan(call('int', lit('5')), opts) as PlannedExpr;
    expect(ok.run({})).toEqual({ ok: true, value: 5n, cost: 0 });
  });
  it('constant literals cost nothing; others cost 10 / 30', () => {
    expect(run(list(lit(1n), lit(2n))).cost).toBe(0);
    expect(run(list(ident('x')), { x: 1n }).cost).toBe(11);
    expect(run(map([lit('a'), ident('x')]), { x: 1n }).cost).toBe(31);
    expect(value(run(map([lit(1n), lit('a')]))) instanceof Object).toBe(true);
  });
  it('in over a constant list without a checked overload id is an ordinary call', () => {
    // (the set lookup needs the checker's `in_list`; see program.test.ts)
    expect(value(run(call('@in', ident('x'), list(lit(1n), lit(2n))), { x: 2n }))).toBe(true);
    expect(run(call('@in', ident('x'), list(lit(1n), lit(2n))), { x: 2n }).cost).toBe(1 + 2);
  });
  it('stops at the cost limit', () => {
    const big = Array.from({ length: 10000 }, (_, i) => BigInt(i));
    const r = run(mapMacro(ident('l'), 'x', call('_+_', ident('x'), lit(1n))), { l: big }, 1000);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe('operation cancelled: actual cost limit exceeded');
  });
  it('missing variables', () => {
    expect(value(run(ident('nope')))).toMatch(/^error: no such attribute\(s\)/);
  });
  it('errors carry the expression id', () => {
    const e = sel(ident('o'), 'x');
    const r = run(e, { o: {} });
    expect(!r.ok && r.error).toBeInstanceOf(CelError);
    expect(!r.ok && r.error.exprId).toBe(e.id);
  });
  it('calls without an implementation fail when they run, after their arguments', () => {
    expect(value(run(mcall(lit('a'), 'size')))).toBe('error: no such overload: size');
    expect(value(run(call('_||_', call('nope', lit(1n)), lit(true))))).toBe(true);
  });
});

describe('observe', () => {
  it('reports every evaluated subexpression, and only when asked', () => {
    const x = ident('x');
    const s = sel(x, 'a');
    const one = lit(1n);
    const e = call('_+_', s, one);
    const p = PlannedExpr.plan(e, opts) as PlannedExpr;
    const seen: [number, unknown][] = [];
    const r = p.run({ x: { a: 2n } }, { observe: (id, _range, v) => seen.push([id, v]) });
    expect(value(r)).toBe(3n);
    expect(seen).toEqual([
      [x.id, { a: 2n }],
      [s.id, 2n],
      [one.id, 1n],
      [e.id, 3n],
    ]);
    const again = p.run({ x: { a: 5n } });
    expect(value(again)).toBe(6n);
    expect(again.cost).toBe(r.cost);
  });
});
