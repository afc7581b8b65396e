// Go net/url (Go 1.26): Parse, ParseRequestURI, Hostname, Port, EscapedPath, Query. Works on
// "byte strings" (one char per UTF-8 byte) as Go does, converting at the edges. Facts: errors
// are `parse "<url>": <reason>`; brackets in a host must hold an IPv6 literal at its start
// (`invalid IP-literal`, `invalid host: ParseAddr(…)`); http/https hosts may hold one colon.
import { goQuote } from './common.js';
import { parseAddr } from './net.js';

export interface GoURL {
  scheme: string;
  opaque: string;
  hasUser: boolean;
  /** Userinfo.String(): escaped username[:password] */
  userString: string;
  host: string;
  path: string;
  rawPath: string;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
  omitHost: boolean;
}

export function toBytes(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out += String.fromCharCode(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

export function fromBytes(b: string): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b.charCodeAt(i);
    if (c < 0x80) {
      out += b[i];
      i++;
      continue;
    }
    const need = c >> 5 === 6 ? 1 : c >> 4 === 14 ? 2 : c >> 3 === 30 ? 3 : -1;
    let cp = need > 0 ? c & (0x3f >> need) : 0;
    let ok = need > 0 && i + need <= b.length - 1;
    for (let k = 1; ok && k <= need; k++) {
      const d = b.charCodeAt(i + k);
      if (d >> 6 !== 2) ok = false;
      else cp = (cp << 6) | (d & 63);
    }
    if (!ok || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

type Mode = 'path' | 'pathSegment' | 'host' | 'zone' | 'userPassword' | 'queryComponent' | 'fragment';

const isAlnum = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
const ishex = (c: string): boolean => /^[0-9a-fA-F]$/.test(c);
const unhex = (c: string): number => parseInt(c, 16);

function shouldEscape(c: string, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  if (mode === 'host' || mode === 'zone') {
    if ("!$&'()*+,;=:[]<>\"".includes(c)) return false;
  }
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    switch (mode) {
      case 'path':
        return c === '?';
      case 'pathSegment':
        return c === '/' || c === ';' || c === ',' || c === '?';
      case 'userPassword':
        return c === '@' || c === '/' || c === '?' || c === ':';
      case 'queryComponent':
        return true;
      case 'fragment':
        return false;
      default:
        break;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(c)) return false;
  return true;
}

class UrlErr {
  constructor(readonly msg: string) {}
}

function unescape(s: string, mode: Mode): string | UrlErr {
  let n = 0;
  let hasPlus = false;
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (c === '%') {
      n++;
      if (i + 2 >= s.length || !ishex(s[i + 1]) || !ishex(s[i + 2])) {
        let t = s.slice(i);
        if (t.length > 3) t = t.slice(0, 3);
        return new UrlErr('invalid URL escape ' + goQuote(fromBytes(t)));
      }
      if (mode === 'host' && unhex(s[i + 1]) < 8 && s.slice(i, i + 3) !== '%25') return new UrlErr('invalid URL escape ' + goQuote(s.slice(i, i + 3)));
      if (mode === 'zone') {
        const v = (unhex(s[i + 1]) << 4) | unhex(s[i + 2]);
        if (s.slice(i, i + 3) !== '%25' && v !== 0x20 && shouldEscape(String.fromCharCode(v), 'host'))
          return new UrlErr('invalid URL escape ' + goQuote(s.slice(i, i + 3)));
      }
      i += 3;
    } else if (c === '+') {
      hasPlus = mode === 'queryComponent';
      i++;
    } else {
      if ((mode === 'host' || mode === 'zone') && c.charCodeAt(0) < 0x80 && shouldEscape(c, mode))
        return new UrlErr('invalid character ' + goQuote(c) + ' in host name');
      i++;
    }
  }
  if (n === 0 && !hasPlus) return s;
  let t = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%') {
      t += String.fromCharCode((unhex(s[i + 1]) << 4) | unhex(s[i + 2]));
      i += 2;
    } else if (c === '+') t += mode === 'queryComponent' ? ' ' : '+';
    else t += c;
  }
  return t;
}

function escape(s: string, mode: Mode): string {
  let t = '';
  for (const c of s) {
    if (c === ' ' && mode === 'queryComponent') t += '+';
    else if (shouldEscape(c, mode)) t += '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
    else t += c;
  }
  return t;
}

function getScheme(raw: string): [string, string] | UrlErr {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c === '+' || c === '-' || c === '.') {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) return new UrlErr('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  for (const b of port.slice(1)) if (b < '0' || b > '9') return false;
  return true;
}

function validUserinfo(s: string): boolean {
  for (const r of s) {
    if (isAlnum(r)) continue;
    if ("-._:~!$&'()*+,;=%@".includes(r)) continue;
    return false;
  }
  return true;
}

function parseHost(scheme: string, host: string): string | UrlErr {
  const open = host.lastIndexOf('[');
  if (open > 0) return new UrlErr('invalid IP-literal');
  if (open === 0) {
    const close = host.lastIndexOf(']');
    if (close < 0) return new UrlErr("missing ']' in host");
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) return new UrlErr(`invalid port ${goQuote(colonPort)} after host`);
    const ucp = unescape(colonPort, 'host');
    if (ucp instanceof UrlErr) return ucp;
    const hostname = host.slice(1, close);
    let uh: string;
    const zoneIdx = hostname.indexOf('%25');
    if (zoneIdx >= 0) {
      const hp = unescape(hostname.slice(0, zoneIdx), 'host');
      if (hp instanceof UrlErr) return hp;
      const zp = unescape(hostname.slice(zoneIdx), 'zone');
      if (zp instanceof UrlErr) return zp;
      uh = hp + zp;
    } else {
      const h = unescape(hostname, 'host');
      if (h instanceof UrlErr) return h;
      uh = h;
    }
    const addr = parseAddr(fromBytes(uh));
    if (typeof addr === 'string') return new UrlErr('invalid host: ' + addr);
    if (addr.family === 4) return new UrlErr('invalid IP-literal');
    return '[' + uh + ']' + ucp;
  }
  let i = host.indexOf(':');
  if (i !== -1) {
    const last = host.lastIndexOf(':');
    if (last !== i && scheme !== 'http' && scheme !== 'https') i = last;
    const colonPort = host.slice(i);
    if (!validOptionalPort(colonPort)) return new UrlErr(`invalid port ${goQuote(colonPort)} after host`);
  }
  return unescape(host, 'host');
}

function parseAuthority(scheme: string, authority: string): { host: string; hasUser: boolean; userString: string } | UrlErr {
  const i = authority.lastIndexOf('@');
  const host = parseHost(scheme, i < 0 ? authority : authority.slice(i + 1));
  if (host instanceof UrlErr) return host;
  if (i < 0) return { host, hasUser: false, userString: '' };
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) return new UrlErr('net/url: invalid userinfo');
  const c = userinfo.indexOf(':');
  const parts = c < 0 ? [userinfo] : [userinfo.slice(0, c), userinfo.slice(c + 1)];
  const decoded: string[] = [];
  for (const p of parts) {
    const u = unescape(p, 'userPassword');
    if (u instanceof UrlErr) return u;
    decoded.push(escape(u, 'userPassword'));
  }
  return { host, hasUser: true, userString: decoded.join(':') };
}

function parse(raw: string, viaRequest: boolean): GoURL | UrlErr {
  for (let i = 0; i < raw.length; i++) {
    const b = raw.charCodeAt(i);
    if (b < 0x20 || b === 0x7f) return new UrlErr('net/url: invalid control character in URL');
  }
  if (raw === '' && viaRequest) return new UrlErr('empty url');
  const url: GoURL = { scheme: '', opaque: '', hasUser: false, userString: '', host: '', path: '', rawPath: '', forceQuery: false, rawQuery: '', fragment: '', rawFragment: '', omitHost: false };
  if (raw === '*') {
    url.path = '*';
    return url;
  }
  const sch = getScheme(raw);
  if (sch instanceof UrlErr) return sch;
  url.scheme = sch[0].toLowerCase();
  let rest = sch[1];
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      url.opaque = rest;
      return url;
    }
    if (viaRequest) return new UrlErr('invalid URI for request');
    const seg = rest.split('/')[0];
    if (seg.includes(':')) return new UrlErr('first path segment in URL cannot contain colon');
  }
  if ((url.scheme !== '' || (!viaRequest && !rest.startsWith('///'))) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const i = authority.indexOf('/');
    if (i >= 0) {
      rest = authority.slice(i);
      authority = authority.slice(0, i);
    }
    const a = parseAuthority(url.scheme, authority);
    if (a instanceof UrlErr) return a;
    url.host = a.host;
    url.hasUser = a.hasUser;
    url.userString = a.userString;
  } else if (url.scheme !== '' && rest.startsWith('/')) {
    url.omitHost = true;
  }
  const path = unescape(rest, 'path');
  if (path instanceof UrlErr) return path;
  url.path = path;
  url.rawPath = escape(path, 'path') === rest ? '' : rest;
  return url;
}

const wrap = (op: string, u: string, e: UrlErr): string => `${op} ${goQuote(fromBytes(u))}: ${e.msg}`;

/** url.ParseRequestURI: the URL or the error text */
export function parseRequestURI(s: string): GoURL | string {
  const raw = toBytes(s);
  const u = parse(raw, true);
  return u instanceof UrlErr ? wrap('parse', raw, u) : u;
}

/** url.Parse: the URL or the error text */
export function parseURL(s: string): GoURL | string {
  const raw = toBytes(s);
  const h = raw.indexOf('#');
  const main = h < 0 ? raw : raw.slice(0, h);
  const frag = h < 0 ? '' : raw.slice(h + 1);
  const u = parse(main, false);
  if (u instanceof UrlErr) return wrap('parse', main, u);
  if (frag === '') return u;
  const f = unescape(frag, 'fragment');
  if (f instanceof UrlErr) return wrap('parse', raw, f);
  u.fragment = f;
  u.rawFragment = escape(f, 'fragment') === frag ? '' : frag;
  return u;
}

function validEncoded(s: string, mode: Mode): boolean {
  for (const c of s) {
    if ("!$&'()*+,;=:@[]%".includes(c)) continue;
    if (shouldEscape(c, mode)) return false;
  }
  return true;
}

function splitHostPort(hostPort: string): [string, string] {
  let host = hostPort;
  let port = '';
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(host.slice(colon))) {
    port = host.slice(colon + 1);
    host = host.slice(0, colon);
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return [host, port];
}

export const urlScheme = (u: GoURL): string => fromBytes(u.scheme);
export const urlHost = (u: GoURL): string => fromBytes(u.host);
export const urlHostname = (u: GoURL): string => fromBytes(splitHostPort(u.host)[0]);
export const urlPort = (u: GoURL): string => fromBytes(splitHostPort(u.host)[1]);

/** URL.EscapedPath */
export function urlEscapedPath(u: GoURL): string {
  if (u.rawPath !== '' && validEncoded(u.rawPath, 'path')) {
    const p = unescape(u.rawPath, 'path');
    if (!(p instanceof UrlErr) && p === u.path) return fromBytes(u.rawPath);
  }
  if (u.path === '*') return '*';
  return fromBytes(escape(u.path, 'path'));
}

/** URL.Query (url.ParseQuery, errors ignored): keys in first-seen order */
export function urlQuery(u: GoURL): Map<string, string[]> {
  const m = new Map<string, string[]>();
  let query = u.rawQuery;
  while (query !== '') {
    const amp = query.indexOf('&');
    let key = amp < 0 ? query : query.slice(0, amp);
    query = amp < 0 ? '' : query.slice(amp + 1);
    if (key.includes(';') || key === '') continue;
    const eq = key.indexOf('=');
    let value = eq < 0 ? '' : key.slice(eq + 1);
    key = eq < 0 ? key : key.slice(0, eq);
    const k = unescape(key, 'queryComponent');
    if (k instanceof UrlErr) continue;
    const v = unescape(value, 'queryComponent');
    if (v instanceof UrlErr) continue;
    value = v;
    const kk = fromBytes(k);
    const list = m.get(kk);
    if (list) list.push(fromBytes(value));
    else m.set(kk, [fromBytes(value)]);
  }
  return m;
}

/** URL.String (used for URL equality) */
export function urlString(u: GoURL): string {
  let out = '';
  if (u.scheme !== '') out += u.scheme + ':';
  if (u.opaque !== '') out += u.opaque;
  else {
    if (u.scheme !== '' || u.host !== '' || u.hasUser) {
      if (!(u.omitHost && u.host === '' && !u.hasUser)) {
        if (u.host !== '' || u.path !== '' || u.hasUser) out += '//';
        if (u.hasUser) out += u.userString + '@';
        if (u.host !== '') out += escape(u.host, 'host');
      }
    }
    const path = toBytes(urlEscapedPath(u));
    if (path !== '' && path[0] !== '/' && u.host !== '') out += '/';
    if (out === '' && path.split('/')[0].includes(':')) out += './';
    out += path;
  }
  if (u.forceQuery || u.rawQuery !== '') out += '?' + u.rawQuery;
  if (u.fragment !== '') {
    let ef = escape(u.fragment, 'fragment');
    if (u.rawFragment !== '' && validEncoded(u.rawFragment, 'fragment')) {
      const f = unescape(u.rawFragment, 'fragment');
      if (!(f instanceof UrlErr) && f === u.fragment) ef = u.rawFragment;
    }
    out += '#' + ef;
  }
  return fromBytes(out);
}
