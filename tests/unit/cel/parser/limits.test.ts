// Limits: cel-go's ANTLR recursion listener ("expression recursion limit exceeded: N"), the
// visitor's depth check ("max recursion depth exceeded"), the code point size limit, and the
// error-reporting cap. 10,000-deep inputs must give a diagnostic, never a stack overflow.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../../src/engine/cel/parser/index.js';
import { errorOf, errorsOf, parseOk } from './helpers.js';

const N = 10_000;

describe('deep inputs (10,000 levels)', () => {
  const cases: [string, string, string][] = [
    ['parentheses', '('.repeat(N) + 'a' + ')'.repeat(N), 'expression recursion limit exceeded: 250'],
    ['lists', '['.repeat(N) + ']'.repeat(N), 'expression recursion limit exceeded: 250'],
    ['calls', 'f('.repeat(N) + ')'.repeat(N), 'expression recursion limit exceeded: 250'],
    ['maps', '{1:'.repeat(N) + '1' + '}'.repeat(N), 'expression recursion limit exceeded: 250'],
    ['ternaries', 'a ? b : '.repeat(N) + 'c', 'expression recursion limit exceeded: 250'],
    ['unclosed', '('.repeat(N), 'expression recursion limit exceeded: 250'],
    ['selects', 'a' + '.b'.repeat(N), 'max recursion depth exceeded'],
    ['indexes', 'a' + '[0]'.repeat(N), 'max recursion depth exceeded'],
    ['member calls', 'a' + '.f()'.repeat(N), 'max recursion depth exceeded'],
    ['additions', Array(N).fill('a').join('+'), 'max recursion depth exceeded'],
    ['relations', Array(N).fill('a').join('<'), 'max recursion depth exceeded'],
  ];
  for (const [name, src, msg] of cases) {
    it(name, () => {
      const r = parse(src);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.diagnostics).toEqual([{ message: msg, range: { start: -1, end: -1 } }]);
    });
  }
  it('unary runs and logical chains are flat and parse', () => {
    expect(parseOk('-'.repeat(N) + '1')).toMatchObject({ kind: 'literal', value: 1n });
    expect(parseOk('-'.repeat(N + 1) + '1')).toMatchObject({ kind: 'call', fn: '-_' });
    expect(parseOk('!'.repeat(N) + 'a')).toMatchObject({ kind: 'ident', name: 'a' });
    // cel-go balances && / || chains: depth ~log2(n)
    let e = parseOk(Array(N).fill('a').join(' && '));
    let depth = 0;
    while (e.kind === 'call') {
      e = e.args[0];
      depth++;
    }
    expect(depth).toBeLessThanOrEqual(14);
    expect(parse(Array(N).fill('a').join(' || ')).ok).toBe(true);
  });
  it('garbage stops after 100 syntax errors', () => {
    const r = parse('#'.repeat(N));
    expect(!r.ok && r.diagnostics.length).toBe(101);
    expect(!r.ok && r.diagnostics[100].message).toBe('Syntax error: More than 100 syntax errors');
  });
});

describe('recursion limits at their boundary', () => {
  it('nesting: 249 nested parentheses parse, 250 do not (250 expr rules are allowed)', () => {
    expect(parse('('.repeat(249) + 'a' + ')'.repeat(249)).ok).toBe(true);
    expect(errorOf('('.repeat(250) + 'a' + ')'.repeat(250))).toBe('expression recursion limit exceeded: 250');
  });
  it('visitor depth: 250 chained selects parse, 251 do not', () => {
    expect(parse('a' + '.b'.repeat(250)).ok).toBe(true);
    expect(errorOf('a' + '.b'.repeat(251))).toBe('max recursion depth exceeded');
  });
  it('maxRecursionDepth option (parser_test.go uses 32)', () => {
    expect(parse('['.repeat(31) + '1' + ']'.repeat(31), { maxRecursionDepth: 32 }).ok).toBe(true);
    expect(errorOf('['.repeat(32) + '1' + ']'.repeat(32), { maxRecursionDepth: 32 })).toBe(
      'expression recursion limit exceeded: 32',
    );
    expect(errorsOf('a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.A.B.C.D.E.F.G.H', { maxRecursionDepth: 32 })).toBe(
      'ERROR: <input>:-1:0: max recursion depth exceeded',
    );
  });
  it('code point size limit (parser_test.go TestExpressionSizeCodePointLimit)', () => {
    expect(errorOf('foo', { expressionSizeCodePointLimit: 2 })).toBe(
      'expression code point size exceeds limit: size: 3, limit 2',
    );
    expect(errorOf('a'.repeat(100_001))).toBe('expression code point size exceeds limit: size: 100001, limit 100000');
    expect(parse('a'.repeat(100_000)).ok).toBe(true);
  });
});

describe('raised limits', () => {
  it('a JS stack overflow becomes a diagnostic, never an exception', () => {
    const r = parse('('.repeat(N) + 'a' + ')'.repeat(N), { maxRecursionDepth: -1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0].message).toMatch(/^expression recursion limit exceeded: /);
  });
});

describe('speed', () => {
  it('a typical 60-80 character expression parses in well under a millisecond', () => {
    const src = "object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))";
    for (let i = 0; i < 2000; i++) parse(src);
    const t = performance.now();
    for (let i = 0; i < 5000; i++) parse(src);
    const perParse = (performance.now() - t) / 5000;
    expect(perParse).toBeLessThan(0.2); // ~10 µs on an idle machine; loose for shared CI
  });
});

