// upstream: kubernetes/apiserver v0.36.3 pkg/cel/library/format_test.go TestFormat, TestSizeLimit
// Every case as a whole expression through the Kubernetes environment, plus the generated cases
// over all constant formats (lookup, lookup == constant, constant != other constant).
import { describe, expect, it } from 'vitest';
import { check, type Case } from './upstream-run.js';
import { call } from './helpers.js';
import { formatLibrary } from '../../../../src/engine/cel/kubernetes/format.js';

const NONE = { equals: 'optional.none()' };
const SOME = (msg: string) => ({ equals: `optional.of([r"""${msg}"""])` });
const LABEL = `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`;
const SUBDOMAIN = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
const DNS1035 = `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`;
const QNAME = `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`;
const LABEL_VALUE = `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`;

const cases: Case[] = [
  ['example_usage_dns1123Label', `format.dns1123Label().validate("my-label-name")`, NONE],
  ['example_usage_dns1123Subdomain', `format.dns1123Subdomain().validate("apiextensions.k8s.io")`, NONE],
  ['example_usage_qualifiedName', `format.qualifiedName().validate("apiextensions.k8s.io/v1beta1")`, NONE],
  ['example_usage_dns1123LabelPrefix', `format.dns1123LabelPrefix().validate("my-label-prefix-")`, NONE],
  ['example_usage_dns1123SubdomainPrefix', `format.dns1123SubdomainPrefix().validate("mysubdomain.prefix.-")`, NONE],
  ['example_usage_dns1035LabelPrefix', `format.dns1035LabelPrefix().validate("my-label-prefix-")`, NONE],
  ['example_usage_uri', `format.uri().validate("http://example.com")`, NONE],
  ['example_usage_uuid', `format.uuid().validate("123e4567-e89b-12d3-a456-426614174000")`, NONE],
  ['example_usage_byte', `format.byte().validate("aGVsbG8=")`, NONE],
  ['example_usage_date', `format.date().validate("2021-01-01")`, NONE],
  ['example_usage_datetime', `format.datetime().validate("2021-01-01T00:00:00Z")`, NONE],
  ['dns1123Label', `format.dns1123Label().validate("contains a space")`, SOME(LABEL)],
  ['dns1123Subdomain', `format.dns1123Subdomain().validate("contains a space")`, SOME(SUBDOMAIN)],
  ['dns1035Label', `format.dns1035Label().validate("contains a space")`, SOME(DNS1035)],
  ['qualifiedName', `format.qualifiedName().validate("contains a space")`, SOME(QNAME)],
  ['dns1123LabelPrefix', `format.dns1123LabelPrefix().validate("contains a space-")`, SOME(LABEL)],
  ['dns1123SubdomainPrefix', `format.dns1123SubdomainPrefix().validate("contains a space-")`, SOME(SUBDOMAIN)],
  ['dns1035LabelPrefix', `format.dns1035LabelPrefix().validate("contains a space-")`, SOME(DNS1035)],
  ['dns1123Label_Success', `format.dns1123Label().validate("my-label-name")`, NONE],
  ['dns1123Subdomain_Success', `format.dns1123Subdomain().validate("example.com")`, NONE],
  ['dns1035Label_Success', `format.dns1035Label().validate("my-label-name")`, NONE],
  ['qualifiedName_Success', `format.qualifiedName().validate("my.name")`, NONE],
  ['byte_success', `format.byte().validate("aGVsbG8=")`, NONE],
  ['byte_failure', `format.byte().validate("aGVsbG8")`, SOME('invalid base64')],
  ['date_success', `format.date().validate("2020-01-01")`, NONE],
  ['date_failure', `format.date().validate("2020-01-32")`, SOME('invalid date')],
  ['datetime_success', `format.datetime().validate("2020-01-01T00:00:00Z")`, NONE],
  ['datetime_failure', `format.datetime().validate("2020-01-32T00:00:00Z")`, SOME('invalid datetime')],
  ['unknown_format', `format.named("unknown").hasValue()`, { value: false }],
  ['labelValue_success', `format.labelValue().validate("my-cool-label-Value")`, NONE],
  ['labelValue_failure', `format.labelValue().validate("my-cool-label-Value!!\\n\\n!!!")`, SOME(LABEL_VALUE)],
];

// library.ConstantFormats (format.go)
const CONSTANT_FORMATS = [
  'dns1123Label', 'dns1123Subdomain', 'dns1035Label', 'qualifiedName', 'dns1123LabelPrefix', 'dns1123SubdomainPrefix',
  'dns1035LabelPrefix', 'labelValue', 'uri', 'uuid', 'byte', 'date', 'datetime',
];

describe('TestFormat', () => {
  for (const [name, expr, want] of cases) it(name, () => check(expr, want));
  // the same test file and messages at apiserver v0.34.10 (Kubernetes 1.34)
  for (const [name, expr, want] of cases) it(`${name} (1.34)`, () => check(expr, want, { version: '1.34' }));
  for (const lhs of CONSTANT_FORMATS) {
    it(`lookup and comparison: ${lhs}`, () => {
      check(`format.named("${lhs}").hasValue()`, { value: true });
      check(`format.named("${lhs}").value() == format.${lhs}()`, { value: true });
    });
    it(`compare_${lhs}_*`, () => {
      for (const rhs of CONSTANT_FORMATS) if (rhs !== lhs) check(`format.${lhs}() == format.${rhs}()`, { value: false });
    });
  }
});

describe('TestSizeLimit', () => {
  it('every constant format name is at most 64 characters (cel.MaxFormatSize)', () => {
    for (const name of CONSTANT_FORMATS) expect(name.length).toBeLessThanOrEqual(64);
    for (const name of CONSTANT_FORMATS) expect(call(formatLibrary('1.36'), 'format-named', name)).toBeDefined();
  });
});
