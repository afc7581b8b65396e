// Kubernetes URL library (apiserver pkg/cel/library/urls.go, pkg/cel/url.go). url() checks the
// text with Go's url.ParseRequestURI (absolute URL or absolute path), then keeps url.Parse's
// result; errors: `URL parse error during conversion from string: parse "…": …`.
import type { Library, OverloadDecl } from '../decls.js';
import { T } from '../types.js';
import { CelError, OpaqueValue, newJsonObject } from '../values.js';
import type { CelValue } from '../values.js';
import { K8S_TYPES, fixedCost, noSuchOverload, stringArgCost } from './common.js';
import { parseRequestURI, parseURL, urlEscapedPath, urlHost, urlHostname, urlPort, urlQuery, urlScheme, urlString } from './gourl.js';
import type { GoURL } from './gourl.js';

export class URLValue extends OpaqueValue {
  readonly celType = K8S_TYPES.url;
  constructor(readonly url: GoURL) {
    super();
  }
  /** equal when URL.String() is equal */
  equals(other: OpaqueValue): boolean {
    return other instanceof URLValue && urlString(this.url) === urlString(other.url);
  }
  override toString(): string {
    return urlString(this.url);
  }
}

export function stringToURL(s: CelValue): CelValue {
  if (typeof s !== 'string') return noSuchOverload(s);
  const r = parseRequestURI(s);
  if (typeof r === 'string') return new CelError('URL parse error during conversion from string: ' + r);
  const u = parseURL(s);
  if (typeof u === 'string') return new CelError('URL parse error during conversion from string: ' + u);
  return new URLValue(u);
}

const U = K8S_TYPES.url;
function getter(name: string, id: string, result: typeof T.string, f: (u: GoURL) => CelValue): { name: string; overloads: OverloadDecl[] } {
  return {
    name,
    overloads: [{ id, member: true, params: [U], result, impl: ([u]) => (u instanceof URLValue ? f(u.url) : noSuchOverload(u)), cost: fixedCost(1) }],
  };
}

export const urlsLibrary: Library = {
  name: 'kubernetes.urls',
  functions: [
    { name: 'url', overloads: [{ id: 'string_to_url', member: false, params: [T.string], result: U, impl: ([s]) => stringToURL(s), cost: stringArgCost(0, 0.1, true) }] },
    getter('getScheme', 'url_get_scheme', T.string, urlScheme),
    getter('getHost', 'url_get_host', T.string, urlHost),
    getter('getHostname', 'url_get_hostname', T.string, urlHostname),
    getter('getPort', 'url_get_port', T.string, urlPort),
    getter('getEscapedPath', 'url_get_escaped_path', T.string, urlEscapedPath),
    getter('getQuery', 'url_get_query', T.map(T.string, T.list(T.string)), (u) => {
      const out = newJsonObject();
      for (const [k, v] of urlQuery(u)) out[k] = v;
      return out;
    }),
    {
      name: 'isURL',
      overloads: [
        {
          id: 'is_url_string',
          member: false,
          params: [T.string],
          result: T.bool,
          impl: ([s]) => (typeof s === 'string' ? typeof parseRequestURI(s) !== 'string' : noSuchOverload(s)),
        },
      ],
    },
  ],
};
