// Kubernetes format library (apiserver pkg/cel/library/format.go): format.named(name) →
// optional(Format), format.<name>() constants, <Format>.validate(s) → optional(list(string))
// (none when valid). Messages come from apimachinery validation and changed with v0.35
// (see k8s/name-validation.ts), hence formatLibrary(version).
import type { Library, FunctionDecl } from '../decls.js';
import { T } from '../types.js';
import { OpaqueValue, Optional } from '../values.js';
import type { CelValue } from '../values.js';
import { K8S_TYPES, REGEX_STRING_LENGTH_COST_FACTOR, STRING_TRAVERSAL_COST_FACTOR, actualSize, argSize, fixedCost, minorOf, noSuchOverload, sizeTimes } from './common.js';
import { parseRequestURI } from './gourl.js';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, maskTrailingDash } from '../../k8s/name-validation.js';

export class FormatValue extends OpaqueValue {
  readonly celType = K8S_TYPES.format;
  constructor(
    readonly name: string,
    readonly validate: (s: string) => string[],
    readonly maxRegexSize: number,
  ) {
    super();
  }
  equals(other: OpaqueValue): boolean {
    return other instanceof FormatValue && other.name === this.name;
  }
}

// strfmt (kube-openapi) patterns
const UUID_PATTERN = '(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$';
const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
const DATETIME_PATTERN_LEN = '^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$'.length;
const BASE64_LENGTH = 84;
const URL_LENGTH = 1103;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}
/** time.Parse("2006-01-02", s) succeeds */
export function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && validDate(+m[1], +m[2], +m[3]);
}
/** strfmt IsDateTime (go-openapi lineage): lower-case, split at `t`, a full date before it and
 * `hh:mm:ss[.frac](z|±hh:mm)` after it, hours <= 23, minutes and seconds <= 59. */
export function isDateTime(str: string): boolean {
  if (str.length < 4) return false;
  const s = str.toLowerCase().split('t');
  if (s.length < 2 || !isDate(s[0])) return false;
  const m = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/u.exec(s[1]);
  if (!m) return false;
  return m[1] <= '23' && m[2] <= '59' && m[3] <= '59';
}

function constantFormats(version: string): Record<string, FormatValue> {
  const v35 = minorOf(version) >= 35;
  return {
    dns1123Label: new FormatValue('DNS1123Label', (s) => isDNS1123Label(s), 30),
    dns1123Subdomain: new FormatValue('DNS1123Subdomain', (s) => isDNS1123Subdomain(s, false), 60),
    dns1035Label: new FormatValue('DNS1035Label', (s) => isDNS1035Label(s), 30),
    qualifiedName: new FormatValue('QualifiedName', (s) => isQualifiedName(s, v35), 60),
    dns1123LabelPrefix: new FormatValue('DNS1123LabelPrefix', (s) => isDNS1123Label(maskTrailingDash(s)), 30),
    dns1123SubdomainPrefix: new FormatValue('DNS1123SubdomainPrefix', (s) => isDNS1123Subdomain(maskTrailingDash(s), false), 60),
    dns1035LabelPrefix: new FormatValue('DNS1035LabelPrefix', (s) => isDNS1035Label(maskTrailingDash(s)), 30),
    labelValue: new FormatValue('LabelValue', (s) => isValidLabelValue(s, v35), 40),
    uri: new FormatValue(
      'URI',
      (s) => {
        const r = parseRequestURI(s);
        return typeof r === 'string' ? [r] : [];
      },
      URL_LENGTH,
    ),
    uuid: new FormatValue('uuid', (s) => (UUID_RE.test(s) ? [] : ['does not match the UUID format']), UUID_PATTERN.length),
    byte: new FormatValue('byte', (s) => (BASE64_RE.test(s) ? [] : ['invalid base64']), BASE64_LENGTH),
    date: new FormatValue('date', (s) => (isDate(s) ? [] : ['invalid date']), DATETIME_PATTERN_LEN),
    datetime: new FormatValue('datetime', (s) => (isDateTime(s) ? [] : ['invalid datetime']), DATETIME_PATTERN_LEN),
  };
}


const F = K8S_TYPES.format;
const MAX_NAME_FORMAT_REGEX_SIZE = 128;

/** The format library with the messages of Kubernetes `version` (e.g. "1.34"). */
export function formatLibrary(version: string): Library {
  const formats = constantFormats(version);
  const constants: FunctionDecl[] = Object.entries(formats).map(([name, f]) => ({
    name: 'format.' + name,
    overloads: [{ id: 'format.' + name, member: false, params: [], result: F, impl: () => f }],
  }));
  return {
    name: 'kubernetes.format',
    functions: [
      {
        name: 'validate',
        overloads: [
          {
            id: 'format-validate',
            member: true,
            params: [F, T.string],
            result: T.optional(T.list(T.string)),
            impl: ([f, s]): CelValue => {
              if (!(f instanceof FormatValue)) return noSuchOverload(f);
              if (typeof s !== 'string') return noSuchOverload(s);
              const res = f.validate(s);
              return res.length === 0 ? Optional.none : Optional.of(res);
            },
            cost: {
              runtime: (args) => {
                const f = args[0];
                if (!(f instanceof FormatValue)) return 1;
                const strCost = Math.ceil((1 + actualSize(args[1])) * STRING_TRAVERSAL_COST_FACTOR);
                const regexCost = Math.ceil(f.maxRegexSize * REGEX_STRING_LENGTH_COST_FACTOR);
                return strCost * regexCost;
              },
              // upstream multiplies the size of args[0] of its call (the string)
              estimate: (input) => {
                const c = sizeTimes(argSize(input, 1), STRING_TRAVERSAL_COST_FACTOR);
                const f = MAX_NAME_FORMAT_REGEX_SIZE * REGEX_STRING_LENGTH_COST_FACTOR;
                return { cost: sizeTimes(c, f) };
              },
            },
          },
        ],
      },
      {
        name: 'format.named',
        overloads: [
          {
            id: 'format-named',
            member: false,
            params: [T.string],
            result: T.optional(F),
            impl: ([n]) => {
              if (typeof n !== 'string') return noSuchOverload(n);
              return Object.hasOwn(formats, n) ? Optional.of(formats[n]) : Optional.none;
            },
            cost: fixedCost(1),
          },
        ],
      },
      ...constants,
    ],
  };
}
