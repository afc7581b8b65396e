// cel-go's common/debug adorned printer with parser_test.go's kind-and-id adorner, so that
// cel-go's expected parse trees (parser/parser_test.go) can be compared as they are written.
import type { CelDiagnostic, Expr, MapEntry, StructField } from '../../../../src/engine/cel/ast.js';
import { formatErrors } from '../../../../src/engine/cel/parser/index.js';
import { CelUint } from '../../../../src/engine/cel/values.js';

function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c !== 0x20 && !/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) {
      // strconv.Quote escapes what unicode.IsPrint rejects
      out += c < 0x10000 ? '\\u' + c.toString(16).padStart(4, '0') : '\\U' + c.toString(16).padStart(8, '0');
    } else out += ch;
  }
  return out + '"';
}

function bytesQuote(b: Uint8Array): string {
  // strconv.Quote of possibly invalid UTF-8: valid sequences printed, invalid bytes as \xNN.
  let out = '"';
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let len = 0;
    if (c < 0x80) len = 1;
    else if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) len = 3;
    else if (c >= 0xf0 && c <= 0xf4) len = 4;
    let valid = len > 0 && i + len <= b.length;
    for (let k = 1; valid && k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) valid = false;
    if (!valid) {
      out += '\\x' + c.toString(16).padStart(2, '0');
      i++;
      continue;
    }
    const s = Buffer.from(b.subarray(i, i + len)).toString('utf8');
    out += goQuote(s).slice(1, -1);
    i += len;
  }
  return out + '"';
}

function goFloat(v: number): string {
  // Go's %v for float64: shortest repr, exponent form for large/small magnitudes.
  if (Object.is(v, -0)) return '-0';
  if (v === 0) return '0';
  // strconv 'g' with the shortest precision: exponent form when exp < -4 || exp >= 6.
  const [m, e] = v.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(v);
}

function literal(v: unknown): [string, string] {
  if (v === null) return ['null', '*expr.Constant_NullValue'];
  if (typeof v === 'boolean') return [String(v), '*expr.Constant_BoolValue'];
  if (typeof v === 'bigint') return [String(v), '*expr.Constant_Int64Value'];
  if (typeof v === 'number') return [goFloat(v), '*expr.Constant_DoubleValue'];
  if (typeof v === 'string') return [goQuote(v), '*expr.Constant_StringValue'];
  if (v instanceof CelUint) return [`${v.value}u`, '*expr.Constant_Uint64Value'];
  if (v instanceof Uint8Array) return [`b${bytesQuote(v)}`, '*expr.Constant_BytesValue'];
  return ['?', '?'];
}

const KIND: Record<string, string> = {
  call: '*expr.Expr_CallExpr',
  comprehension: '*expr.Expr_ComprehensionExpr',
  ident: '*expr.Expr_IdentExpr',
  list: '*expr.Expr_ListExpr',
  map: '*expr.Expr_StructExpr',
  struct: '*expr.Expr_StructExpr',
  select: '*expr.Expr_SelectExpr',
};

export function debugString(e: Expr, withIds = true, source?: string): string {
  let out = '';
  const w = (s: string) => (out += s);
  const tag = (id: number) => (withIds ? `${id}:` : '');
  // With a source: parser_test.go's locationAdorner (`^#id[line,column]#`, column 0-based).
  const where = (start: number) => {
    const before = source!.slice(0, start);
    return `[${before.split('\n').length},${[...before.slice(before.lastIndexOf('\n') + 1)].length}]`;
  };
  const adorn = (x: Expr) =>
    w(source !== undefined ? `^#${x.id}${where(x.range.start)}#` : `^#${tag(x.id)}${x.kind === 'literal' ? literal(x.value)[1] : KIND[x.kind]}#`);
  const entry = (x: MapEntry | StructField) => w(`^#${tag(x.id)}*expr.Expr_CreateStruct_Entry#`);
  const visit = (x: Expr): void => {
    switch (x.kind) {
      case 'literal':
        w(literal(x.value)[0]);
        break;
      case 'ident':
        w(x.name);
        break;
      case 'select':
        visit(x.operand);
        w(`.${x.field}`);
        if (x.testOnly) w('~test-only~');
        break;
      case 'call':
        if (x.target) {
          visit(x.target);
          w('.');
        }
        w(`${x.fn}(`);
        x.args.forEach((a, i) => {
          if (i > 0) w(',');
          visit(a);
        });
        w(')');
        break;
      case 'list':
        w('[');
        x.elements.forEach((a, i) => {
          if (i > 0) w(',');
          visit(a);
        });
        w(']');
        break;
      case 'map':
        w('{');
        x.entries.forEach((en, i) => {
          if (i > 0) w(',');
          if (en.optional) w('?');
          visit(en.key);
          w(':');
          visit(en.value);
          entry(en);
        });
        w('}');
        break;
      case 'struct':
        w(`${x.typeName}{`);
        x.fields.forEach((f, i) => {
          if (i > 0) w(',');
          if (f.optional) w('?');
          w(`${f.name}:`);
          visit(f.value);
          entry(f);
        });
        w('}');
        break;
      case 'comprehension':
        w('__comprehension__(//Variable');
        w(`${x.iterVar},`);
        if (x.iterVar2 !== undefined) w(`${x.iterVar2},`);
        w('//Target');
        visit(x.iterRange);
        w(',//Accumulator');
        w(`${x.accuVar},//Init`);
        visit(x.accuInit);
        w(',//LoopCondition');
        visit(x.loopCondition);
        w(',//LoopStep');
        visit(x.loopStep);
        w(',//Result');
        visit(x.result);
        w(')');
        break;
    }
    adorn(x);
  };
  visit(e);
  return out;
}

/** test.Compare's normalisation: all spaces, tabs and newlines removed. */
export function strip(s: string): string {
  return s.replace(/[ \n\t\r]/g, '');
}

/** cel-go's Errors.ToDisplayString, as the parser module provides it. */
export function displayErrors(source: string, diags: readonly CelDiagnostic[]): string {
  return formatErrors(source, diags);
}
