// Grammar, literals and positions, checked against cel-go's lexer and parser rules
// (parser/gen/CEL.g4, parser/parser.go, parser/unescape.go).
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../../../src/engine/cel/ast.js';
import { DEFAULT_PARSER_OPTIONS, parse } from '../../../../src/engine/cel/parser/index.js';
import { CelUint, INT64_MIN } from '../../../../src/engine/cel/values.js';
import { errorOf, errorsOf, nodes, parseOk, tree } from './helpers.js';

function value(src: string): unknown {
  const e = parseOk(src);
  if (e.kind !== 'literal') throw new Error(`not a literal: ${tree(e)}`);
  return e.value;
}

describe('numeric literals', () => {
  it('ints: decimal, hex, sign folded into the literal', () => {
    expect(value('42')).toBe(42n);
    expect(value('0x1F')).toBe(31n);
    expect(value('-1')).toBe(-1n);
    expect(value('- 1')).toBe(-1n);
    expect(value('-9223372036854775808')).toBe(INT64_MIN);
    expect(value('-0x8000000000000000')).toBe(INT64_MIN);
    expect(value('9223372036854775807')).toBe(9223372036854775807n);
  });
  it('int range errors: invalid int literal', () => {
    expect(errorOf('9223372036854775808')).toBe('invalid int literal');
    expect(errorOf('-9223372036854775809')).toBe('invalid int literal');
    expect(errorOf('0xFFFFFFFFFFFFFFFFF')).toBe('invalid int literal');
    // two minus signs are operators, the literal itself is unsigned
    expect(errorOf('--9223372036854775808')).toBe('invalid int literal');
  });
  it('uints', () => {
    expect(value('1u')).toEqual(new CelUint(1n));
    expect(value('0x1FU')).toEqual(new CelUint(31n));
    expect(value('18446744073709551615u')).toEqual(new CelUint(18446744073709551615n));
    expect(errorOf('18446744073709551616u')).toBe('invalid uint literal');
    expect(tree(parseOk('-1u'))).toBe('-_(1u^2)^1');
  });
  it('doubles: .5, 1e3, exponents; 1. is not a double', () => {
    expect(value('.5')).toBe(0.5);
    expect(value('1e3')).toBe(1000);
    expect(value('1.5E-3')).toBe(0.0015);
    expect(value('-2.5e+2')).toBe(-250);
    expect(Object.is(value('-0.0'), -0)).toBe(true);
    expect(value('1e-400')).toBe(0);
    expect(errorOf('1.99e90000009')).toBe('invalid double literal');
    expect(errorOf('1.')).toBe("Syntax error: no viable alternative at input '.'");
    expect(errorOf('0X1F')).toBe("Syntax error: extraneous input 'X1F' expecting <EOF>");
  });
  it('unary minus runs: odd count negates, even count vanishes (cel-go VisitNegate)', () => {
    expect(tree(parseOk('--1'))).toBe('1^1');
    expect(tree(parseOk('---1'))).toBe('-_(1^2)^1');
    expect(tree(parseOk('-a'))).toBe('-_(a^2)^1');
    expect(tree(parseOk('--a'))).toBe('a^1');
    expect(tree(parseOk('!!a'))).toBe('a^1');
    expect(tree(parseOk('!!!a'))).toBe('!_(a^2)^1');
    expect(tree(parseOk('!-1'))).toBe('!_(-1^2)^1');
    expect(tree(parseOk('2 -1'))).toBe('_-_(2^1,1^3)^2');
    expect(tree(parseOk('-1.abs()'))).toBe('-1^1.abs()^2');
  });
});

describe('string and bytes literals', () => {
  it('every escape', () => {
    expect(value(String.raw`"\a\b\f\n\r\t\v\\\'\"\`\?"`)).toBe('\x07\b\f\n\r\t\v\\\'"`?');
    expect(value(String.raw`'\x41\X42\101\u00e9\U0001F600'`)).toBe('ABAé😀');
    expect(value(String.raw`"\377"`)).toBe('ÿ');
  });
  it('raw and triple-quoted', () => {
    expect(value(String.raw`r'\n'`)).toBe('\\n');
    expect(value(String.raw`R"\d+"`)).toBe('\\d+');
    expect(value("'''a\nb'''")).toBe('a\nb');
    expect(value('"""x"y"""')).toBe('x"y');
    expect(value("r'''a\\'''")).toBe('a\\');
    expect(value('""')).toBe('');
  });
  it('newlines are normalised', () => {
    expect(value("'''a\r\nb\rc'''")).toBe('a\nb\nc');
  });
  it('bytes: escapes are bytes, text is UTF-8, \\u is invalid', () => {
    expect(value(String.raw`b"\xff\377a"`)).toEqual(Uint8Array.from([255, 255, 97]));
    expect(value('b"é"')).toEqual(Uint8Array.from([0xc3, 0xa9]));
    expect(value("br'\\x'")).toEqual(Uint8Array.from([92, 120]));
    expect(errorOf(String.raw`b"\u00ff"`)).toBe('unable to unescape string');
    expect(errorOf(String.raw`b'\U000000ff'`)).toBe('unable to unescape string');
  });
  it('invalid code points', () => {
    expect(errorOf(String.raw`'\ud800'`)).toBe('invalid unicode code point');
    expect(errorOf(String.raw`'\U00110000'`)).toBe('invalid unicode code point');
  });
  it('lexer errors: bad escapes, unterminated strings, newline in a quoted string', () => {
    expect(errorOf(String.raw`"\q"`)).toBe(String.raw`Syntax error: token recognition error at: '"\q'`);
    expect(errorOf('"abc')).toBe(`Syntax error: token recognition error at: '"abc'`);
    expect(errorOf("'a\nb'")).toBe(String.raw`Syntax error: token recognition error at: ''a\n'`);
    expect(errorOf('1 # 2')).toBe("Syntax error: token recognition error at: '#'");
    expect(errorOf('a = b')).toBe("Syntax error: token recognition error at: '= '");
    expect(errorOf('a & b')).toBe("Syntax error: token recognition error at: '& '");
  });
});

describe('grammar', () => {
  it('precedence: ?: < || < && < relations < + - < * / % < unary < member', () => {
    expect(tree(parseOk('a || b && c == d + e * -f.g ? h : i'))).toBe(
      '_?_:_(_||_(a^1,_&&_(b^2,_==_(c^3,_+_(d^5,_*_(e^7,-_(f^10.g^11)^9)^8)^6)^4)^12)^13,h^15,i^16)^14',
    );
    expect(tree(parseOk('1 < 2 == true'))).toBe('_==_(_<_(1^1,2^3)^2,true^5)^4');
    expect(tree(parseOk('a in b'))).toBe('@in(a^1,b^3)^2');
    expect(tree(parseOk('a - b - c'))).toBe('_-_(_-_(a^1,b^3)^2,c^5)^4');
    expect(tree(parseOk('a ? b : c ? d : e'))).toBe('_?_:_(a^1,b^3,_?_:_(c^4,d^6,e^7)^5)^2');
  });
  it('a ternary true branch cannot itself be a ternary', () => {
    expect(errorOf('a ? b ? c : d : e')).toBe("Syntax error: mismatched input '?' expecting ':'");
  });
  it('&& and || chains are balanced like cel-go', () => {
    expect(tree(parseOk('a && b && c && d'))).toBe('_&&_(_&&_(a^1,b^2)^3,_&&_(c^4,d^6)^7)^5');
  });
  it('select, index, calls, optional forms', () => {
    expect(tree(parseOk('a.b[c].d(e, f)'))).toBe('a^1.b^2[c^4]^3.d(e^6,f^7)^5'.replace('a^1.b^2[c^4]^3', '_[_](a^1.b^2,c^4)^3'));
    expect(tree(parseOk('x.?y.?z[?0]'))).toBe('_[?_](_?._(_?._(x^1,"y"^2)^3,"z"^4)^5,0^7)^6');
    expect(tree(parseOk('f()'))).toBe('f()^1');
    expect(tree(parseOk('.f(1)'))).toBe('.f(1^2)^1');
    expect(tree(parseOk('.a'))).toBe('.a^1');
  });
  it('lists, maps, trailing commas, optional entries', () => {
    const l = parseOk('[?a, b, ?c,]');
    expect(l.kind === 'list' && l.optionalIndices).toEqual([0, 2]);
    expect(tree(parseOk('[,]'))).toBe('[]^1');
    expect(tree(parseOk('{,}'))).toBe('{}^1');
    expect(tree(parseOk('{"a": 1, ?b: c,}'))).toBe('{"a"^3:1^4^2,?b^6:c^7^5}^1');
  });
  it('struct construction with qualified, leading-dot and escaped names', () => {
    expect(tree(parseOk('Object.spec.template{a: 1, ?b: x}'))).toBe('Object.spec.template{a:1^3^2,?b:x^5^4}^1');
    expect(tree(parseOk('.JSONPatch{op: "add"}'))).toBe('.JSONPatch{op:"add"^3^2}^1');
    expect(tree(parseOk('A{`x.y-z/w v`: 1}'))).toBe('A{x.y-z/w v:1^3^2}^1');
    expect(tree(parseOk('a.`b-c`.d'))).toBe('a^1.b-c^2.d^3');
    expect(errorOf('a.`b-c`', { identEscapeSyntax: false })).toBe("unsupported syntax: '`'");
  });
  it('optional syntax off', () => {
    const off = { optionalSyntax: false };
    expect(errorOf('a.?b', off)).toBe("unsupported syntax '.?'");
    expect(errorOf('a[?b]', off)).toBe("unsupported syntax '[?'");
    expect(errorOf('[?a]', off)).toBe("unsupported syntax '?'");
    expect(errorOf('{?a: b}', off)).toBe("unsupported syntax '?'");
    expect(errorOf('A{?a: b}', off)).toBe("unsupported syntax '?'");
  });
  it('reserved words cannot be identifiers or functions, but can be fields', () => {
    for (const w of ['as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']) {
      expect(errorOf(w)).toBe(`reserved identifier: ${w}`);
      expect(errorOf(`${w}(1)`)).toBe(`reserved identifier: ${w}`);
      expect(tree(parseOk(`a.${w}`))).toBe(`a^1.${w}^2`);
    }
    expect(errorOf('in')).toMatch(/^Syntax error: mismatched input 'in' expecting/);
    expect(errorOf('a.true')).toBe("Syntax error: mismatched input 'true' expecting IDENTIFIER");
    expect(errorOf('a.null')).toBe("Syntax error: mismatched input 'null' expecting IDENTIFIER");
  });
  it('comments and whitespace', () => {
    expect(tree(parseOk('a // c\n+\t1\f'))).toBe('_+_(a^1,1^3)^2');
  });
});

describe('syntax errors', () => {
  const EXPR = "{'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}";
  it('texts and positions', () => {
    expect(errorsOf('1 +')).toBe(`ERROR: <input>:1:4: Syntax error: mismatched input '<EOF>' expecting ${EXPR}\n | 1 +\n | ...^`);
    expect(errorOf('(a')).toBe("Syntax error: missing ')' at '<EOF>'");
    expect(errorOf('f(a')).toBe("Syntax error: missing ')' at '<EOF>'");
    expect(errorOf('a b')).toBe("Syntax error: extraneous input 'b' expecting <EOF>");
    expect(errorOf('[1 2]')).toBe("Syntax error: extraneous input '2' expecting {']', ','}");
    expect(errorOf('f(,)')).toMatch(/^Syntax error: extraneous input ',' expecting \{'\[', '\{', '\(', '\)',/);
    expect(errorOf('a.')).toBe("Syntax error: no viable alternative at input '.'");
    expect(errorOf('a.1')).toBe("Syntax error: extraneous input '.1' expecting <EOF>");
  });
  it('unknown location diagnostics have start -1', () => {
    const r = parse('a'.repeat(10), { expressionSizeCodePointLimit: 5 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics).toEqual([
        { message: 'expression code point size exceeds limit: size: 10, limit 5', range: { start: -1, end: -1 } },
      ]);
    }
  });
  it('the size limit counts code points', () => {
    expect(parse("'😀😀'", { expressionSizeCodePointLimit: 4 }).ok).toBe(true);
    expect(parse("'😀😀😀'", { expressionSizeCodePointLimit: 4 }).ok).toBe(false);
  });
});

describe('ids and ranges', () => {
  const check = (src: string) => {
    const r = parse(src);
    if (!r.ok) throw new Error('parse');
    const all = nodes(r.ast.expr);
    const ids = all.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id >= 1 && id <= r.ast.maxId).toBe(true);
    for (const n of all) expect(n.range.start >= 0 && n.range.start <= n.range.end && n.range.end <= src.length).toBe(true);
    return r.ast.expr;
  };
  it('unique ids within 1..maxId and ranges inside the source', () => {
    check('a.b.all(x, x.c.exists(y, y > 1)) && [1, 2].map(z, z * 2).size() > 0');
    check('Object{spec: Object.spec{x: [?a.?b]}}.spec.x.sortBy(v, v).transformMap(k, v, v)');
    check("'é😀' + \"x\" in {'a': b}");
  });
  it('a node starts where cel-go locates it and ends where its source ends', () => {
    const at = (src: string): Expr => parseOk(src);
    expect(at('abc').range).toEqual({ start: 0, end: 3 });
    expect(at('a.bc').range).toEqual({ start: 1, end: 4 });
    expect(at('a + b').range).toEqual({ start: 2, end: 5 });
    expect(at('f(x)').range).toEqual({ start: 1, end: 4 });
    expect(at('a.f(x)').range).toEqual({ start: 3, end: 6 });
    expect(at('a[0]').range).toEqual({ start: 1, end: 4 });
    expect(at('-1').range).toEqual({ start: 0, end: 2 });
    expect(at('[1]').range).toEqual({ start: 0, end: 3 });
    expect(at('A{f: 1}').range).toEqual({ start: 1, end: 7 });
    expect(at('(a)').range).toEqual({ start: 1, end: 2 });
    expect(at("'😀' + x").range).toEqual({ start: 5, end: 8 });
    const m = at('{"k": v}');
    expect(m.kind === 'map' && m.entries[0].range).toEqual({ start: 4, end: 7 });
  });
});

describe('defaults', () => {
  it('DEFAULT_PARSER_OPTIONS matches the Kubernetes environment', () => {
    expect(DEFAULT_PARSER_OPTIONS.optionalSyntax).toBe(true);
    expect(DEFAULT_PARSER_OPTIONS.twoVarComprehensions).toBe(true);
    expect(DEFAULT_PARSER_OPTIONS.maxRecursionDepth).toBe(250);
    expect(DEFAULT_PARSER_OPTIONS.expressionSizeCodePointLimit).toBe(100000);
    expect([...DEFAULT_PARSER_OPTIONS.macros].sort()).toEqual(
      ['all', 'exists', 'existsOne', 'exists_one', 'filter', 'has', 'map', 'optFlatMap', 'optMap', 'sortBy', 'transformList', 'transformMap', 'transformMapEntry'],
    );
  });
});
