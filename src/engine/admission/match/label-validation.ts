// Label key and value validation as labels.NewRequirement runs it (apimachinery pkg/labels
// selector.go validateLabelKey / validateLabelValue), with the texts of each release:
// - key: 1.32-1.34 validation.IsQualifiedName ("a qualified name …", "… 63 characters");
//   1.35+ content.IsLabelKey ("a valid label key …", "… 63 bytes");
// - value: validation.IsValidLabelValue (1.35+: content.IsLabelValue, "bytes");
// - the prefix: IsDNS1123Subdomain ("… 253 characters" / "bytes").
import type { KubernetesVersion } from '../../types.js';

const NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const NAME_RE = new RegExp(`^${NAME_FMT}$`);
const NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const VALUE_FMT = `(${NAME_FMT})?`;
const VALUE_RE = new RegExp(`^${VALUE_FMT}$`);
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS_SUBDOMAIN_FMT = `${DNS_LABEL_FMT}(\\.${DNS_LABEL_FMT})*`;
const DNS_SUBDOMAIN_RE = new RegExp(`^${DNS_SUBDOMAIN_FMT}$`);
const DNS_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

/** Releases whose apimachinery has pkg/api/validate/content (messages say "bytes"). */
export function hasContentValidation(version: KubernetesVersion): boolean {
  return version !== '1.32' && version !== '1.33' && version !== '1.34';
}

function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

const maxLen = (n: number, version: KubernetesVersion): string =>
  `must be no more than ${n} ${hasContentValidation(version) ? 'bytes' : 'characters'}`;

/** Go's len(): UTF-8 bytes. */
function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

function dns1123Subdomain(v: string, version: KubernetesVersion): string[] {
  const errs: string[] = [];
  if (byteLength(v) > 253) errs.push(maxLen(253, version));
  if (!DNS_SUBDOMAIN_RE.test(v)) errs.push(regexError(DNS_SUBDOMAIN_MSG, DNS_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** IsQualifiedName (1.32-1.34) / IsLabelKey (1.35+) */
export function labelKeyErrors(v: string, version: KubernetesVersion): string[] {
  const errs: string[] = [];
  const parts = v.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123Subdomain(prefix, version).map((m) => 'prefix part ' + m));
  } else {
    const what = hasContentValidation(version) ? 'a valid label key' : 'a qualified name';
    return [
      `${what} ${regexError(NAME_MSG, NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLength(name) > 63) errs.push('name part ' + maxLen(63, version));
  if (!NAME_RE.test(name)) errs.push('name part ' + regexError(NAME_MSG, NAME_FMT, 'MyName', 'my.name', '123-abc'));
  return errs;
}

/** IsValidLabelValue */
export function labelValueErrors(v: string, version: KubernetesVersion): string[] {
  const errs: string[] = [];
  if (byteLength(v) > 63) errs.push(maxLen(63, version));
  if (!VALUE_RE.test(v)) errs.push(regexError(VALUE_MSG, VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}
