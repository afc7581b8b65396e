// `<string>.format(list)`: the version-1 formatter of cel-go ext/formatting.go (v0.26.0), which
// Kubernetes uses (strings version 2 < 4), and its compile-time validator
// (`cel.validator.string_format`) for literal format strings with list-literal arguments.
//
// Facts carried over (cel-go v0.26.0 ext/formatting.go; golang.org/x/text v0.23 message and
// internal/number):
// - `%f` and `%e` go through x/text's message printer with locale en_US: `%f` groups thousands
//   (`1,234.500000`), rounds half-even on the exact binary value, prints NaN / ∞ / -∞;
// - `%e` is printed from `"%<precision>e"`, so the precision becomes a *width* (default 6):
//   the mantissa always has 6 decimals and the exponent is `×10` + superscript digits (at
//   least two), e.g. `1.234568×10⁰³`, `1.230000×10⁻⁰⁴`; short results (NaN) are left-padded;
// - `%s` of a list or map formats doubles with Go's `%.6f` (no grouping), quotes strings with
//   Go's %q, sorts map entries by their formatted key;
// - errors: `index N out of range`, `unexpected end of string`,
//   `could not parse formatting clause: …`, `error during formatting: …`.
import type { AstValidator } from '../decls.js';
import type { CelDiagnostic, Expr } from '../ast.js';
import type { CelType } from '../types.js';
import {
  CelError,
  CelUint,
  Duration,
  Timestamp,
  TypeValue,
  isJsonObject,
  mapEntries,
  CelMap,
  type CelValue,
} from '../values.js';
import { formatGoFloat } from '../stdlib/numfmt.js';
import { formatDuration, formatRfc3339Nano } from '../stdlib/timefmt.js';
import { compareStrings, runtimeTypeName, utf8DecodeStrict, utf8Encode } from '../stdlib/helpers.js';
import { typeName as nameOfType } from '../types.js';
import { goFixed, goQuote, scientificEnUS, fixedEnUS } from './gofmt.js';

/** A clause's formatter; returns the text or an error message. */
type Clause = (v: CelValue) => string | FmtErr;

/** What the parser asks of its environment: the runtime formatter or the compile-time checker. */
interface Interpolator {
  string: Clause;
  decimal: Clause;
  fixed(precision: number | undefined): Clause;
  scientific(precision: number | undefined): Clause;
  binary: Clause;
  hex(upper: boolean): Clause;
  octal: Clause;
  /** the argument at index i, or an error message (runtime only) */
  arg(i: number): CelValue | FmtErr;
  size(): number;
}

/** A formatting failure (a class, so that it is never confused with a CEL map value). */
class FmtErr {
  constructor(readonly err: string) {}
}
const err = (e: string) => new FmtErr(e);
const isErr = (x: unknown): x is FmtErr => x instanceof FmtErr;

/** cel-go's parseFormatString; returns the result or the error text. */
function parseFormatString(fmt: string, cb: Interpolator): string | FmtErr {
  // '%', '.' and digits are ASCII, so UTF-16 indices walk the string as Go's byte indices do
  const bytes = fmt;
  const pieces: string[] = [];
  let lit = '';
  let i = 0;
  let argIndex = 0;
  while (i < bytes.length) {
    if (bytes[i] !== '%') {
      lit += bytes[i++];
      continue;
    }
    if (i + 1 < bytes.length && bytes[i + 1] === '%') {
      lit += '%';
      i += 2;
      continue;
    }
    const arg = cb.arg(argIndex);
    if (isErr(arg)) return arg;
    if (i + 1 >= bytes.length) return err('unexpected end of string');
    if (argIndex >= cb.size()) return err(`index ${argIndex} out of range`);
    // parseFormattingClause
    let j = i + 1;
    let precision: number | undefined;
    if (bytes[j] === '.') {
      j++;
      let digits = '';
      for (;;) {
        if (j >= bytes.length) {
          return err('could not parse formatting clause: error while parsing precision: could not find end of precision specifier');
        }
        if (bytes[j] < '0' || bytes[j] > '9') break;
        digits += bytes[j++];
      }
      if (digits === '' || digits.replace(/^0+/, '').length > 19 || BigInt(digits) > 9223372036854775807n) {
        const why = digits === '' ? 'invalid syntax' : 'value out of range';
        return err(
          `could not parse formatting clause: error while parsing precision: error while converting precision to integer: strconv.Atoi: parsing "${digits}": ${why}`,
        );
      }
      precision = Number(digits);
    }
    // Go reads one byte and makes it a rune: a multi-byte character shows as its first byte
    const cp = bytes.codePointAt(j)!;
    const r = cp < 0x80 ? bytes[j] : String.fromCharCode(utf8Encode(String.fromCodePoint(cp))[0]);
    j++;
    let clause: Clause;
    switch (r) {
      case 's':
        clause = cb.string;
        break;
      case 'd':
        clause = cb.decimal;
        break;
      case 'f':
        clause = cb.fixed(precision);
        break;
      case 'e':
        clause = cb.scientific(precision);
        break;
      case 'b':
        clause = cb.binary;
        break;
      case 'x':
      case 'X':
        clause = cb.hex(r === 'X');
        break;
      case 'o':
        clause = cb.octal;
        break;
      default:
        return err(`could not parse formatting clause: unrecognized formatting clause "${r}"`);
    }
    const s = clause(arg as CelValue);
    if (typeof s !== 'string') return err(`error during formatting: ${s.err}`);
    pieces.push(lit, s);
    lit = '';
    i = j;
    argIndex++;
  }
  pieces.push(lit);
  return pieces.join('');
}

// ---- runtime formatting ----

const typeName = runtimeTypeName;

const STRING_CLAUSE_ERR =
  'string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps, was given ';

/** cel-go's FormatString (`%s`). */
function formatString(v: CelValue): string | FmtErr {
  if (Array.isArray(v)) return formatList(v);
  if (v instanceof CelMap || isJsonObject(v)) return formatMap(v);
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return formatGoFloat(v, 'g');
  if (v instanceof CelUint) return String(v.value);
  if (v instanceof Uint8Array) {
    const s = utf8DecodeStrict(v);
    return s ?? err('could not convert argument "invalid UTF-8 in bytes, cannot convert to string" to string');
  }
  if (v instanceof Timestamp) return formatRfc3339Nano(v);
  if (v instanceof Duration) return formatDuration(v.nanos);
  if (v instanceof TypeValue) return nameOfType(v.type);
  return err(STRING_CLAUSE_ERR + typeName(v));
}

/** cel-go's formatDecimal (`%d`). */
function formatDecimal(v: CelValue): string | FmtErr {
  if (typeof v === 'bigint') return String(v);
  if (v instanceof CelUint) return String(v.value);
  return err(`decimal clause can only be used on integers, was given ${typeName(v)}`);
}

/** cel-go's clauseForType: how an element of a list or map is formatted. */
function formatElement(v: CelValue): string | FmtErr {
  if (typeof v === 'bigint' || v instanceof CelUint) return formatDecimal(v);
  if (typeof v === 'number') {
    const s = goFixed(v, 6);
    return Number.isFinite(v) ? s : goQuote(s);
  }
  if (typeof v === 'string') return goQuote(v);
  if (v instanceof Uint8Array) {
    const s = formatString(v);
    return typeof s === 'string' ? 'b' + goQuote(s) : s;
  }
  if (v instanceof Timestamp) return `timestamp(${goQuote(formatRfc3339Nano(v))})`;
  if (v instanceof Duration) return `duration(${goQuote(formatDuration(v.nanos))})`;
  if (Array.isArray(v)) return formatList(v);
  if (v instanceof CelMap || isJsonObject(v)) return formatMap(v);
  if (v === null || typeof v === 'boolean' || v instanceof TypeValue) return formatString(v) as string;
  return err(`no formatting function for ${typeName(v)}`);
}

function formatList(list: readonly CelValue[]): string | FmtErr {
  const parts: string[] = [];
  for (const e of list) {
    const s = formatElement(e);
    if (typeof s !== 'string') return s;
    parts.push(s);
  }
  return `[${parts.join(', ')}]`;
}

function formatMap(m: CelMap | Record<string, CelValue>): string | FmtErr {
  const pairs: { key: string; value: string }[] = [];
  for (const [k, v] of mapEntries(m)) {
    let key: string | FmtErr;
    if (typeof k === 'string') key = goQuote(k);
    else if (typeof k === 'boolean') key = String(k);
    else if (typeof k === 'bigint' || k instanceof CelUint) key = formatDecimal(k);
    else return err(`no formatting function for map key of type ${typeName(k)}`);
    if (typeof key !== 'string') return key;
    const value = formatElement(v);
    if (typeof value !== 'string') return value;
    pairs.push({ key, value });
  }
  // sort.SliceStable on the formatted keys (byte order)
  const sorted = pairs.map((p, i) => ({ ...p, i })).sort((a, b) => compareStrings(a.key, b.key) || a.i - b.i);
  return `{${sorted.map((p) => `${p.key}:${p.value}`).join(', ')}}`;
}

function specialDouble(v: CelValue): number | undefined {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return undefined;
}

function hexOf(v: CelValue, upper: boolean): string | FmtErr {
  let s: string;
  if (typeof v === 'string' || v instanceof Uint8Array) {
    const b = typeof v === 'string' ? utf8Encode(v) : v;
    s = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  } else if (typeof v === 'bigint') s = v.toString(16);
  else if (v instanceof CelUint) s = v.value.toString(16);
  else return err(`only integers, byte buffers, and strings can be formatted as hex, was given ${typeName(v)}`);
  return upper ? s.toUpperCase() : s;
}

function runtimeInterpolator(args: readonly CelValue[], narrowSpaces: boolean): Interpolator {
  return {
    string: formatString,
    decimal: formatDecimal,
    fixed: (precision) => (v) => {
      const d = specialDouble(v);
      if (d === undefined) return err(`fixed-point clause can only be used on doubles, was given ${typeName(v)}`);
      return fixedEnUS(d, precision ?? 6);
    },
    scientific: (precision) => (v) => {
      const d = specialDouble(v);
      if (d === undefined) return err(`scientific clause can only be used on doubles, was given ${typeName(v)}`);
      return scientificEnUS(d, precision ?? 6, narrowSpaces);
    },
    binary: (v) => {
      if (typeof v === 'bigint') return v.toString(2);
      if (v instanceof CelUint) return v.value.toString(2);
      if (typeof v === 'boolean') return v ? '1' : '0';
      return err(`only integers and bools can be formatted as binary, was given ${typeName(v)}`);
    },
    hex: (upper) => (v) => hexOf(v, upper),
    octal: (v) => {
      if (typeof v === 'bigint') return v.toString(8);
      if (v instanceof CelUint) return v.value.toString(8);
      return err(`octal clause can only be used on integers, was given ${typeName(v)}`);
    },
    arg: (i) => (i >= args.length ? err(`index ${i} out of range`) : args[i]),
    size: () => args.length,
  };
}

/**
 * `fmt.format(args)` at run time. `narrowSpaces`: `%e` as x/text before v0.23 prints it
 * (Kubernetes 1.32), with U+202F around the `×`.
 */
export function formatCallImpl(fmt: string, args: readonly CelValue[], narrowSpaces = false): CelValue {
  for (const a of args) if (a instanceof CelError) return a;
  const r = parseFormatString(fmt, runtimeInterpolator(args, narrowSpaces));
  return typeof r === 'string' ? r : new CelError(r.err);
}

// ---- compile-time validation ----

/** cel-go's Type.TypeName() of a static type (`list`, `map`, `google.protobuf.Timestamp`, …). */
function staticTypeName(t: CelType | undefined): string {
  return t ? nameOfType(t) : 'dyn';
}

const STRINGABLE = new Set(['list', 'map', 'int', 'uint', 'double', 'bool', 'string', 'google.protobuf.Timestamp', 'bytes', 'google.protobuf.Duration', 'type', 'null_type']);

class FormatCheck implements Interpolator {
  argsRequested = 0;
  cur = 0;
  badId: number | undefined;
  constructor(
    readonly args: readonly Expr[],
    readonly typeOf: (id: number) => CelType | undefined,
  ) {}
  private oneOf(e: Expr, names: readonly string[]): boolean {
    const t = this.typeOf(e.id);
    if (!t || t.kind === 'dyn') return true;
    return names.includes(staticTypeName(t));
  }
  private fail(e: Expr, msg: string): FmtErr {
    this.badId = e.id;
    return err(`${msg}, was given ${staticTypeName(this.typeOf(e.id))}`);
  }
  private verifyString(e: Expr): Expr | undefined {
    if (!this.oneOf(e, [...STRINGABLE])) return e;
    if (e.kind === 'list') {
      for (const x of e.elements) {
        const bad = this.verifyString(x);
        if (bad) return bad;
      }
    } else if (e.kind === 'map') {
      for (const x of e.entries) {
        const bad = this.verifyString(x.key) ?? this.verifyString(x.value);
        if (bad) return bad;
      }
    }
    return undefined;
  }
  private check(names: readonly string[], msg: string): Clause {
    return () => {
      const e = this.args[this.cur];
      return this.oneOf(e, names) ? '' : this.fail(e, msg);
    };
  }
  string: Clause = () => {
    const bad = this.verifyString(this.args[this.cur]);
    return bad ? this.fail(bad, STRING_CLAUSE_ERR.slice(0, -', was given '.length)) : '';
  };
  decimal = this.check(['int', 'uint'], 'decimal clause can only be used on integers');
  fixed = () => this.check(['double', 'string'], 'fixed-point clause can only be used on doubles');
  scientific = () => this.check(['double', 'string'], 'scientific clause can only be used on doubles');
  binary = this.check(['int', 'uint', 'bool'], 'only integers and bools can be formatted as binary');
  hex = () => this.check(['int', 'uint', 'string', 'bytes'], 'only integers, byte buffers, and strings can be formatted as hex');
  octal = this.check(['int', 'uint'], 'octal clause can only be used on integers');
  arg(i: number): CelValue {
    this.argsRequested++;
    this.cur = i;
    return 0n;
  }
  size(): number {
    return this.args.length;
  }
}

function* walk(e: Expr): Generator<Expr> {
  yield e;
  switch (e.kind) {
    case 'select':
      yield* walk(e.operand);
      break;
    case 'call':
      if (e.target) yield* walk(e.target);
      for (const a of e.args) yield* walk(a);
      break;
    case 'list':
      for (const a of e.elements) yield* walk(a);
      break;
    case 'map':
      for (const x of e.entries) {
        yield* walk(x.key);
        yield* walk(x.value);
      }
      break;
    case 'struct':
      for (const f of e.fields) yield* walk(f.value);
      break;
    case 'comprehension':
      yield* walk(e.iterRange);
      yield* walk(e.accuInit);
      yield* walk(e.loopCondition);
      yield* walk(e.loopStep);
      yield* walk(e.result);
      break;
  }
}

/** cel-go's stringFormatValidator: checks `'literal'.format([list literal])` at compile time. */
export const stringFormatValidator: AstValidator = {
  name: 'cel.validator.string_format',
  validate(ast, typeOf) {
    const out: CelDiagnostic[] = [];
    for (const e of walk(ast.expr)) {
      if (e.kind !== 'call' || e.fn !== 'format' || !e.target || e.args.length !== 1) continue;
      if (e.target.kind !== 'literal' || typeof e.target.value !== 'string') continue;
      const list = e.args[0];
      if (list.kind !== 'list') continue;
      const chk = new FormatCheck(list.elements, typeOf);
      const r = parseFormatString(e.target.value, chk);
      if (typeof r !== 'string') {
        const at = chk.badId !== undefined && r.err.startsWith('error during formatting: ') ? findById(list, chk.badId) : e;
        out.push({ message: r.err, range: (at ?? e).range });
        continue;
      }
      if (list.elements.length > chk.argsRequested) {
        out.push({
          message: `too many arguments supplied to string.format (expected ${chk.argsRequested}, got ${list.elements.length})`,
          range: e.range,
        });
      }
    }
    return out;
  },
};

function findById(root: Expr, id: number): Expr | undefined {
  for (const e of walk(root)) if (e.id === id) return e;
  return undefined;
}
