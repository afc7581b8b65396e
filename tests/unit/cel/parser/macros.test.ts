// Macro expansions. Expected trees follow the node-creation order of cel-go v0.26:
// parser/macro.go (standard macros), ext/comprehensions.go (two-variable macros),
// cel/library.go optMap/optFlatMap, ext/lists.go sortByMacro. `x^n` is node x with id n.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../../src/engine/cel/parser/index.js';
import { errorOf, nodes, parseOk, tree } from './helpers.js';

describe('standard macros (parser/macro.go)', () => {
  it('all: @not_strictly_false condition, && step', () => {
    const e = parseOk('l.all(x, x > 0)');
    expect(tree(e)).toBe(
      '__comprehension__(//Variablex,//Targetl^1,//Accumulator@result,//Inittrue^7,//LoopCondition@not_strictly_false(@result^8)^9,//LoopStep_&&_(@result^10,_>_(x^4,0^6)^5)^11,//Result@result^12)^13',
    );
    expect(e.kind === 'comprehension' && e.macro).toBe('all');
  });
  it('exists: !@result condition, || step', () => {
    expect(tree(parseOk('l.exists(x, x)'))).toBe(
      '__comprehension__(//Variablex,//Targetl^1,//Accumulator@result,//Initfalse^5,//LoopCondition@not_strictly_false(!_(@result^6)^7)^8,//LoopStep_||_(@result^9,x^4)^10,//Result@result^11)^12',
    );
  });
  it('exists_one and existsOne count matches', () => {
    const want =
      '__comprehension__(//Variablex,//Targetl^1,//Accumulator@result,//Init0^5,//LoopConditiontrue^6,//LoopStep_?_:_(x^4,_+_(@result^7,1^8)^9,@result^10)^11,//Result_==_(@result^12,1^13)^14)^15';
    expect(tree(parseOk('l.exists_one(x, x)'))).toBe(want);
    expect(tree(parseOk('l.existsOne(x, x)'))).toBe(want);
  });
  it('map with 2 and 3 arguments, filter', () => {
    expect(tree(parseOk('l.map(x, x)'))).toBe(
      '__comprehension__(//Variablex,//Targetl^1,//Accumulator@result,//Init[]^5,//LoopConditiontrue^6,//LoopStep_+_(@result^7,[x^4]^8)^9,//Result@result^10)^11',
    );
    expect(tree(parseOk('l.map(x, x > 0, x)'))).toBe(
      '__comprehension__(//Variablex,//Targetl^1,//Accumulator@result,//Init[]^8,//LoopConditiontrue^9,//LoopStep_?_:_(_>_(x^4,0^6)^5,_+_(@result^10,[x^7]^11)^12,@result^13)^14,//Result@result^15)^16',
    );
    expect(tree(parseOk('l.filter(x, x)'))).toBe(
      '__comprehension__(//Variablex,//Targetl^1,//Accumulator@result,//Init[]^5,//LoopConditiontrue^6,//LoopStep_?_:_(x^4,_+_(@result^7,[x^3]^8)^9,@result^10)^11,//Result@result^12)^13',
    );
  });
  it('has() becomes a test-only select', () => {
    const e = parseOk('has(a.b.c)');
    expect(e.kind === 'select' && e.testOnly && e.field).toBe('c');
    expect(errorOf('has(a)')).toBe('invalid argument to has() macro');
    expect(errorOf('has(a.?b)')).toBe('invalid argument to has() macro');
    expect(errorOf('has(a[0])')).toBe('invalid argument to has() macro');
  });
  it('argument errors (parser_test.go / macro.go texts)', () => {
    expect(errorOf('1.all(2, 3)')).toBe('argument must be a simple name');
    expect(errorOf('l.exists(a.b, true)')).toBe('argument must be a simple name');
    expect(errorOf('l.map(a.b, 1)')).toBe('argument is not an identifier');
    expect(errorOf('l.filter(1, 1)')).toBe('argument is not an identifier');
    expect(errorOf('l.all(__result__, true)')).toBe('iteration variable overwrites accumulator variable');
    expect(errorOf('l.map(__result__, 1)')).toBe('iteration variable overwrites accumulator variable');
  });
  it('arity or call style other than the macro is an ordinary call', () => {
    expect(tree(parseOk('l.all(x)'))).toBe('l^1.all(x^3)^2');
    expect(tree(parseOk('all(l, x, x)'))).toBe('all(l^2,x^3,x^4)^1');
    expect(tree(parseOk('a.has(b.c)'))).toBe('a^1.has(b^3.c^4)^2');
    expect(tree(parseOk('l.map(x, y, z, w)'))).toBe('l^1.map(x^3,y^4,z^5,w^6)^2');
  });
  it('disabled macros are ordinary calls', () => {
    expect(tree(parseOk('l.all(x, x)', { macros: new Set() }))).toBe('l^1.all(x^3,x^4)^2');
    expect(tree(parseOk('has(a.b)', { macros: new Set(['all']) }))).toBe('has(a^2.b^3)^1');
    expect(tree(parseOk('l.exists_one(x, x)', { macros: new Set(['existsOne']) }))).toBe('l^1.exists_one(x^3,x^4)^2');
  });
});

describe('two-variable comprehensions (ext/comprehensions.go)', () => {
  it('all/exists/existsOne/exists_one with two variables', () => {
    const e = parseOk('m.all(k, v, v > 0)');
    expect(tree(e)).toBe(
      '__comprehension__(//Variablek,v,//Targetm^1,//Accumulator@result,//Inittrue^8,//LoopCondition@not_strictly_false(@result^9)^10,//LoopStep_&&_(@result^11,_>_(v^5,0^7)^6)^12,//Result@result^13)^14',
    );
    expect(e.kind === 'comprehension' && [e.iterVar, e.iterVar2, e.macro]).toEqual(['k', 'v', 'all']);
    for (const m of ['exists', 'existsOne', 'exists_one']) {
      const c = parseOk(`m.${m}(k, v, v)`);
      expect(c.kind === 'comprehension' && c.iterVar2).toBe('v');
    }
  });
  it('transformList with and without filter', () => {
    expect(tree(parseOk('l.transformList(i, v, v * 2)'))).toBe(
      '__comprehension__(//Variablei,v,//Targetl^1,//Accumulator@result,//Init[]^11,//LoopConditiontrue^12,//LoopStep_+_(@result^8,[_*_(v^5,2^7)^6]^9)^10,//Result@result^13)^14',
    );
    expect(tree(parseOk('l.transformList(i, v, v > 0, v * 2)'))).toBe(
      '__comprehension__(//Variablei,v,//Targetl^1,//Accumulator@result,//Init[]^16,//LoopConditiontrue^17,//LoopStep_?_:_(_>_(v^5,0^7)^6,_+_(@result^11,[_*_(v^8,2^10)^9]^12)^13,@result^14)^15,//Result@result^18)^19',
    );
  });
  it('transformMap and transformMapEntry insert with cel.@mapInsert', () => {
    expect(tree(parseOk('m.transformMap(k, v, v + 1)'))).toBe(
      '__comprehension__(//Variablek,v,//Targetm^1,//Accumulator@result,//Init{}^11,//LoopConditiontrue^12,//LoopStepcel.@mapInsert(@result^8,k^9,_+_(v^5,1^7)^6)^10,//Result@result^13)^14',
    );
    expect(tree(parseOk('m.transformMapEntry(k, v, {v: k})'))).toBe(
      '__comprehension__(//Variablek,v,//Targetm^1,//Accumulator@result,//Init{}^11,//LoopConditiontrue^12,//LoopStepcel.@mapInsert(@result^9,{v^7:k^8^6}^5)^10,//Result@result^13)^14',
    );
    expect(tree(parseOk('m.transformMapEntry(k, v, k != "x", {v: k})'))).toContain('//LoopStep_?_:_(_!=_(k^5,"x"^7)^6,cel.@mapInsert(');
    expect(tree(parseOk('m.transformMap(k, v, true, v)'))).toContain('//LoopStep_?_:_(true^5,cel.@mapInsert(@result^7,k^8,v^6)^9,@result^10)^11');
  });
  it('argument errors (ext/comprehensions_test.go)', () => {
    expect(errorOf('[].all(i, i, i < i)')).toBe('duplicate variable name: i');
    expect(errorOf('[].all(__result__, i, __result__ < i)')).toBe('iteration variable overwrites accumulator variable');
    expect(errorOf('[].all(j, __result__, __result__ < j)')).toBe('iteration variable overwrites accumulator variable');
    expect(errorOf('[].all(i.j, k, i.j < k)')).toBe('argument must be a simple name');
    expect(errorOf('[].all(j, i.k, j < i.k)')).toBe('argument must be a simple name');
    expect(errorOf('[].exists(i.j, k, i.j < k)')).toBe('argument must be a simple name');
    expect(errorOf('[].existsOne(j, i.k, j < i.k)')).toBe('argument must be a simple name');
    expect(errorOf('[].exists_one(i.j, k, i.j < k)')).toBe('argument must be a simple name');
    expect(errorOf('[].transformList(i.j, k, i.j + k)')).toBe('argument must be a simple name');
    expect(errorOf('{}.transformMap(j, i.k, j + i.k)')).toBe('argument must be a simple name');
    expect(errorOf('{}.transformMapEntry(i.j, k, {k: i.j})')).toBe('argument must be a simple name');
  });
  it('are calls when twoVarComprehensions is off', () => {
    expect(tree(parseOk('m.all(k, v, v)', { twoVarComprehensions: false }))).toBe('m^1.all(k^3,v^4,v^5)^2');
    expect(tree(parseOk('l.transformList(i, v, v)', { twoVarComprehensions: false }))).toBe(
      'l^1.transformList(i^3,v^4,v^5)^2',
    );
  });
});

describe('optional macros (cel/library.go)', () => {
  it('optMap: hasValue ? optional.of(bind(value)) : optional.none()', () => {
    expect(tree(parseOk('x.optMap(y, y + 1)'))).toBe(
      '_?_:_(x^1.hasValue()^7,optional.of(__comprehension__(//Variable#unused,//Target[]^8,//Accumulatory,//Initx^9.value()^10,//LoopConditionfalse^11,//LoopStepy^12,//Result_+_(y^4,1^6)^5)^13)^14,optional.none()^15)^16',
    );
  });
  it('optFlatMap has no optional.of', () => {
    expect(tree(parseOk('x.optFlatMap(y, y.?z)'))).toBe(
      '_?_:_(x^1.hasValue()^7,__comprehension__(//Variable#unused,//Target[]^8,//Accumulatory,//Initx^9.value()^10,//LoopConditionfalse^11,//LoopStepy^12,//Result_?._(y^4,"z"^5)^6)^13,optional.none()^14)^15',
    );
  });
  it('variable errors', () => {
    expect(errorOf('x.optMap(y.z, 1)')).toBe('optMap() variable name must be a simple identifier');
    expect(errorOf('x.optFlatMap(1, 1)')).toBe('optFlatMap() variable name must be a simple identifier');
  });
  it('copies the target with fresh ids', () => {
    const e = parseOk('a.b[0].optMap(y, y)');
    const ids = nodes(e).map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('sortBy (ext/lists.go)', () => {
  it('binds the target and sorts by @sortByAssociatedKeys', () => {
    const e = parseOk('l.sortBy(e, -e)');
    expect(tree(e)).toBe(
      '__comprehension__(//Variable#unused,//Target[]^17,//Accumulator@__sortBy_input__,//Initl^1,//LoopConditionfalse^18,//LoopStep@__sortBy_input__^6,//Result@__sortBy_input__^15.@sortByAssociatedKeys(__comprehension__(//Variablee,//Target@__sortBy_input__^7,//Accumulator@result,//Init[]^8,//LoopConditiontrue^9,//LoopStep_+_(@result^10,[-_(e^5)^4]^11)^12,//Result@result^13)^14)^16)^19',
    );
    expect(e.kind === 'comprehension' && e.macro).toBe('sortBy');
  });
  it('target kind and variable errors', () => {
    expect(errorOf('1.sortBy(e, e)')).toBe(
      'sortBy can only be applied to a list, identifier, comprehension, call or select expression',
    );
    expect(errorOf('{}.sortBy(e, e)')).toBe(
      'sortBy can only be applied to a list, identifier, comprehension, call or select expression',
    );
    expect(errorOf('l.sortBy(e.f, e)')).toBe('argument is not an identifier');
  });
});

describe('macro positions', () => {
  it('expanded nodes are located at the macro call', () => {
    const src = 'list.all(x, x)';
    const r = parse(src);
    if (!r.ok) throw new Error('parse');
    const c = r.ast.expr;
    expect(c.range.start).toBe(src.indexOf('('));
    expect(c.range.end).toBe(src.length);
    if (c.kind !== 'comprehension') throw new Error('kind');
    expect(c.accuInit.range).toEqual(c.range);
    expect(c.iterRange.range).toEqual({ start: 0, end: 4 });
  });
  it('macro argument errors point at the argument', () => {
    const r = parse('m.filter(a.b, false)');
    expect(!r.ok && r.diagnostics[0].range.start).toBe(10); // the '.' of a.b, as cel-go's 1:11
  });
});

describe('cel-go v0.22 (Kubernetes 1.32) parser differences', () => {
  const v022 = { celGoV022: true };
  it('accumulator __result__, not rejected as a standard macro variable (v0.22 parser/macro.go)', () => {
    const e = parseOk('l.all(x, x)', v022);
    expect(e.kind === 'comprehension' && e.accuVar).toBe('__result__');
    expect(parse('l.map(__result__, 1)', v022).ok).toBe(true);
    // two-variable macros did check it (v0.22 ext/comprehensions.go)
    expect(errorOf('m.all(__result__, v, v)', v022)).toBe('iteration variable overwrites accumulator variable');
  });
  it('no backtick identifiers in the lexer', () => {
    expect(errorOf('a.`b`', v022)).toBe("Syntax error: token recognition error at: '`'");
    expect(parseOk('a.`b`')).toMatchObject({ kind: 'select', field: 'b' });
  });
});
