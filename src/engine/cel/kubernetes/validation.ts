// apimachinery name validation used by the format and authz libraries
// (pkg/util/validation, pkg/api/validation NameIs*, and from 1.35 pkg/api/validate/content).
// Message differences by version: from apimachinery v0.35 IsQualifiedName is content.IsLabelKey
// (`a valid label key …`, lengths in `bytes`) and IsValidLabelValue says `bytes`; before,
// `a qualified name …` and `characters`. DNS label/subdomain/1035 messages say `characters`.
import { utf8Len } from './common.js';

const maxLenChars = (n: number): string => `must be no more than ${n} characters`;
const maxLenBytes = (n: number): string => `must be no more than ${n} bytes`;

function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let m = msg + ' (e.g. ';
  examples.forEach((e, i) => {
    if (i > 0) m += ' or ';
    m += `'${e}', `;
  });
  return m + `regex used for validation is '${fmt}')`;
}

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + '(\\.' + DNS1123_LABEL_FMT + ')*';
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = '(' + QNAME_FMT + ')?';
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

const labelRe = new RegExp('^' + DNS1123_LABEL_FMT + '$');
const subdomainRe = new RegExp('^' + DNS1123_SUBDOMAIN_FMT + '$');
const dns1035Re = new RegExp('^' + DNS1035_LABEL_FMT + '$');
const qnameRe = new RegExp('^' + QNAME_FMT + '$');
const labelValueRe = new RegExp('^' + LABEL_VALUE_FMT + '$');

/** validation.IsDNS1123Label */
export function isDNS1123Label(v: string): string[] {
  const errs: string[] = [];
  if (utf8Len(v) > 63) errs.push(maxLenChars(63));
  if (!labelRe.test(v)) {
    if (subdomainRe.test(v)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** validation.IsDNS1123Subdomain (bytes=true: content.IsDNS1123Subdomain of v0.35+) */
export function isDNS1123Subdomain(v: string, bytes: boolean): string[] {
  const errs: string[] = [];
  if (utf8Len(v) > 253) errs.push(bytes ? maxLenBytes(253) : maxLenChars(253));
  if (!subdomainRe.test(v)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** validation.IsDNS1035Label */
export function isDNS1035Label(v: string): string[] {
  const errs: string[] = [];
  if (utf8Len(v) > 63) errs.push(maxLenChars(63));
  if (!dns1035Re.test(v)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

/** apimachinery validation maskTrailingDash (drops two bytes, as upstream does) */
export function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? name.slice(0, name.length - 2) + 'a' : name;
}

/** The messages that changed with apimachinery v0.35. */
export interface NameValidators {
  isQualifiedName(v: string): string[];
  isValidLabelValue(v: string): string[];
}

export function nameValidators(newMessages: boolean): NameValidators {
  const maxLen = newMessages ? maxLenBytes : maxLenChars;
  return {
    isQualifiedName(value) {
      const errs: string[] = [];
      const parts = value.split('/');
      let name: string;
      if (parts.length === 1) name = parts[0];
      else if (parts.length === 2) {
        const prefix = parts[0];
        name = parts[1];
        if (prefix.length === 0) errs.push('prefix part must be non-empty');
        else for (const m of isDNS1123Subdomain(prefix, newMessages)) errs.push('prefix part ' + m);
      } else {
        return [
          (newMessages ? 'a valid label key ' : 'a qualified name ') +
            regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc') +
            " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
        ];
      }
      if (name.length === 0) errs.push('name part must be non-empty');
      else if (utf8Len(name) > 63) errs.push('name part ' + maxLen(63));
      if (!qnameRe.test(name)) errs.push('name part ' + regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc'));
      return errs;
    },
    isValidLabelValue(value) {
      const errs: string[] = [];
      if (utf8Len(value) > 63) errs.push(maxLen(63));
      if (!labelValueRe.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
      return errs;
    },
  };
}
