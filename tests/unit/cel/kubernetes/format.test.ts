// Ported from apiserver pkg/cel/library/format_test.go (TestFormat) and the 1.34/1.36 message
// facts of OBSERVED.md and reference/sample/cel/format-*.yaml.
import { describe, expect, it } from 'vitest';
import { FormatValue, formatLibrary } from '../../../../src/engine/cel/kubernetes/format.js';
import { Optional } from '../../../../src/engine/cel/values.js';
import type { CelValue } from '../../../../src/engine/cel/values.js';
import { call, errorText } from './helpers.js';

const L36 = formatLibrary('1.36');
const L34 = formatLibrary('1.34');
const fmt = (lib = L36, name: string): CelValue => call(lib, 'format.' + name);
const validate = (name: string, s: string, lib = L36): string[] | undefined => {
  const r = call(lib, 'format-validate', fmt(lib, name), s) as Optional;
  return r.present ? (r.value as string[]) : undefined;
};

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const QNAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('TestFormat (format_test.go)', () => {
  it.each([
    ['dns1123Label', 'my-label-name'],
    ['dns1123Subdomain', 'apiextensions.k8s.io'],
    ['qualifiedName', 'apiextensions.k8s.io/v1beta1'],
    ['dns1123LabelPrefix', 'my-label-prefix-'],
    ['dns1123SubdomainPrefix', 'mysubdomain.prefix.-'],
    ['dns1035LabelPrefix', 'my-label-prefix-'],
    ['uri', 'http://example.com'],
    ['uuid', '123e4567-e89b-12d3-a456-426614174000'],
    ['byte', 'aGVsbG8='],
    ['date', '2021-01-01'],
    ['datetime', '2021-01-01T00:00:00Z'],
    ['dns1123Label', 'my-label-name'],
    ['dns1123Subdomain', 'example.com'],
    ['dns1035Label', 'my-label-name'],
    ['qualifiedName', 'my.name'],
    ['date', '2020-01-01'],
    ['labelValue', 'my-cool-label-Value'],
  ])('%s validates %j', (name, s) => expect(validate(name, s)).toBeUndefined());
  it.each([
    ['dns1123Label', 'contains a space', [LABEL_MSG]],
    ['dns1123Subdomain', 'contains a space', [SUBDOMAIN_MSG]],
    ['dns1035Label', 'contains a space', [DNS1035_MSG]],
    ['qualifiedName', 'contains a space', [QNAME_PART_MSG]],
    ['dns1123LabelPrefix', 'contains a space-', [LABEL_MSG]],
    ['dns1123SubdomainPrefix', 'contains a space-', [SUBDOMAIN_MSG]],
    ['dns1035LabelPrefix', 'contains a space-', [DNS1035_MSG]],
    ['byte', 'aGVsbG8', ['invalid base64']],
    ['date', '2020-01-32', ['invalid date']],
    ['datetime', '2020-01-32T00:00:00Z', ['invalid datetime']],
    ['labelValue', 'my-cool-label-Value!!\n\n!!!', [LABEL_VALUE_MSG]],
  ])('%s rejects %j', (name, s, want) => expect(validate(name, s)).toEqual(want));
  it('format.named', () => {
    const none = call(L36, 'format-named', 'unknown') as Optional;
    expect(none.present).toBe(false);
    const some = call(L36, 'format-named', 'dns1123Label') as Optional;
    expect(some.present).toBe(true);
    expect((some.value as FormatValue).equals(fmt(L36, 'dns1123Label') as FormatValue)).toBe(true);
    expect((fmt(L36, 'dns1123Label') as FormatValue).equals(fmt(L36, 'labelValue') as FormatValue)).toBe(false);
  });
});

describe('version-dependent messages (OBSERVED.md)', () => {
  const long = 'example.com/' + 'a'.repeat(70);
  it('1.36 name part says bytes (format-qualifiedname-long-prefix.yaml)', () =>
    expect(validate('qualifiedName', long)).toEqual(['name part must be no more than 63 bytes']));
  it('1.34 name part says characters', () => expect(validate('qualifiedName', long, L34)).toEqual(['name part must be no more than 63 characters']));
  it('labelValue length', () => {
    expect(validate('labelValue', 'a'.repeat(64))).toEqual(['must be no more than 63 bytes']);
    expect(validate('labelValue', 'a'.repeat(64), L34)).toEqual(['must be no more than 63 characters']);
  });
  it('dns1123Label still says characters on 1.36', () => expect(validate('dns1123Label', 'a'.repeat(64))).toEqual(['must be no more than 63 characters']));
  it('qualified name with two slashes', () => {
    expect(validate('qualifiedName', 'a/b/c')![0]).toMatch(/^a valid label key must consist/);
    expect(validate('qualifiedName', 'a/b/c', L34)![0]).toMatch(/^a qualified name must consist/);
  });
  it('labelValue of "bad value!" (format-labelvalue.yaml)', () => expect(validate('labelValue', 'bad value!')).toEqual([LABEL_VALUE_MSG]));
  it('dots in a label', () => expect(validate('dns1123Label', 'a.b')).toEqual(['must not contain dots']));
  it('uri errors carry the Go message', () => expect(validate('uri', 'foo')).toEqual(['parse "foo": invalid URI for request']));
  it('no errors: text of non-format arg', () => expect(errorText(call(L36, 'format-validate', 'x', 'y'))).toBe('no such overload'));
});
