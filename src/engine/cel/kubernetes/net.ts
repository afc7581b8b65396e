// Go net/netip (ParseAddr, ParsePrefix, String, address classes), as Go 1.25/1.26 has them:
// error texts `ParseAddr("…"): …` and `netip.ParsePrefix("…"): …`, no leading zeros in IPv4
// octets or in prefix bits, at most 4 hex digits per IPv6 group.
import { goQuote } from './common.js';

export interface Addr {
  /** 4 or 6 (IPv4-mapped IPv6 addresses are 6) */
  readonly family: 4 | 6;
  /** 32-bit value for IPv4, 128-bit for IPv6 */
  readonly bits: bigint;
  readonly zone: string;
}

export interface Prefix {
  readonly addr: Addr;
  readonly bits: number;
}

const addrErr = (input: string, msg: string, at?: string): string =>
  `ParseAddr(${goQuote(input)}): ${msg}` + (at ? ` (at ${goQuote(at)})` : '');

function parseIPv4Fields(input: string, s: string): number[] | string {
  const fields: number[] = [];
  let val = 0;
  let digLen = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c >= '0' && c <= '9') {
      if (digLen === 1 && val === 0) return addrErr(input, 'IPv4 field has octet with leading zero');
      val = val * 10 + (c.charCodeAt(0) - 48);
      digLen++;
      if (val > 255) return addrErr(input, 'IPv4 field has value >255');
    } else if (c === '.') {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') return addrErr(input, 'IPv4 field must have at least one digit', s.slice(i));
      if (fields.length === 3) return addrErr(input, 'IPv4 address too long');
      fields.push(val);
      val = 0;
      digLen = 0;
    } else {
      return addrErr(input, 'unexpected character', s.slice(i));
    }
  }
  if (fields.length < 3) return addrErr(input, 'IPv4 address too short');
  fields.push(val);
  return fields;
}

function parseIPv6(input: string): Addr | string {
  let s = input;
  let zone = '';
  const pct = s.indexOf('%');
  if (pct !== -1) {
    zone = s.slice(pct + 1);
    s = s.slice(0, pct);
    if (zone === '') return addrErr(input, 'zone must be a non-empty string');
  }
  const ip = new Array<number>(16).fill(0);
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return { family: 6, bits: 0n, zone };
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const c = s[off];
      let d: number;
      if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48;
      else if (c >= 'a' && c <= 'f') d = c.charCodeAt(0) - 87;
      else if (c >= 'A' && c <= 'F') d = c.charCodeAt(0) - 55;
      else break;
      acc = acc * 16 + d;
      if (off > 3) return addrErr(input, 'each group must have 4 or less digits', s);
      if (acc > 0xffff) return addrErr(input, 'IPv6 field has value >=2^16', s);
    }
    if (off === 0) return addrErr(input, 'each colon-separated field must have at least one digit', s);
    if (off < s.length && s[off] === '.') {
      if (ellipsis < 0 && i !== 12) return addrErr(input, 'embedded IPv4 address must replace the final 2 fields of the address', s);
      if (i + 4 > 16) return addrErr(input, 'too many hex fields to fit an embedded IPv4 at the end of the address', s);
      const f = parseIPv4Fields(input, s);
      if (typeof f === 'string') return f;
      ip[i] = f[0];
      ip[i + 1] = f[1];
      ip[i + 2] = f[2];
      ip[i + 3] = f[3];
      s = '';
      i += 4;
      break;
    }
    ip[i] = acc >> 8;
    ip[i + 1] = acc & 0xff;
    i += 2;
    s = s.slice(off);
    if (s.length === 0) break;
    if (s[0] !== ':') return addrErr(input, 'unexpected character, want colon', s);
    if (s.length === 1) return addrErr(input, 'colon must be followed by more characters', s);
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return addrErr(input, 'multiple :: in address', s);
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return addrErr(input, 'trailing garbage after address', s);
  if (i < 16) {
    if (ellipsis < 0) return addrErr(input, 'address string too short');
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
    for (let j = ellipsis; j < ellipsis + n; j++) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return addrErr(input, 'the :: must expand to at least one field of zeros');
  }
  let bits = 0n;
  for (const b of ip) bits = (bits << 8n) | BigInt(b);
  return { family: 6, bits, zone };
}

/** netip.ParseAddr: the address, or the Go error text. */
export function parseAddr(s: string): Addr | string {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '.') {
      const f = parseIPv4Fields(s, s);
      if (typeof f === 'string') return f;
      return { family: 4, bits: BigInt(((f[0] << 24) >>> 0) + (f[1] << 16) + (f[2] << 8) + f[3]), zone: '' };
    }
    if (s[i] === ':') return parseIPv6(s);
    if (s[i] === '%') return addrErr(s, 'missing IPv6 address');
  }
  return addrErr(s, 'unable to parse IP');
}

export const is4In6 = (a: Addr): boolean => a.family === 6 && a.bits >> 32n === 0xffffn;
const unmap = (a: Addr): Addr => (is4In6(a) ? { family: 4, bits: a.bits & 0xffffffffn, zone: '' } : a);
const v4byte = (a: Addr, i: number): number => Number((a.bits >> BigInt((3 - i) * 8)) & 0xffn);
const v6u16 = (a: Addr, i: number): number => Number((a.bits >> BigInt((7 - i) * 16)) & 0xffffn);

export function isLoopback(a0: Addr): boolean {
  const a = unmap(a0);
  return a.family === 4 ? v4byte(a, 0) === 127 : a.bits === 1n;
}
export function isMulticast(a0: Addr): boolean {
  const a = unmap(a0);
  return a.family === 4 ? (v4byte(a, 0) & 0xf0) === 0xe0 : a.bits >> 120n === 0xffn;
}
export function isLinkLocalMulticast(a0: Addr): boolean {
  const a = unmap(a0);
  return a.family === 4 ? v4byte(a, 0) === 224 && v4byte(a, 1) === 0 && v4byte(a, 2) === 0 : (v6u16(a, 0) & 0xff0f) === 0xff02;
}
export function isLinkLocalUnicast(a0: Addr): boolean {
  const a = unmap(a0);
  return a.family === 4 ? v4byte(a, 0) === 169 && v4byte(a, 1) === 254 : (v6u16(a, 0) & 0xffc0) === 0xfe80;
}
export function isUnspecified(a: Addr): boolean {
  return a.bits === 0n && a.zone === '';
}
export function isGlobalUnicast(a0: Addr): boolean {
  const a = unmap(a0);
  if (a.family === 4 && (a.bits === 0n || a.bits === 0xffffffffn)) return false;
  return !(a.family === 6 && a.bits === 0n && a.zone === '') && !isLoopback(a) && !isMulticast(a) && !isLinkLocalUnicast(a);
}

export function addrEquals(a: Addr, b: Addr): boolean {
  return a.family === b.family && a.bits === b.bits && a.zone === b.zone;
}

function string4(bits: bigint): string {
  return [24n, 16n, 8n, 0n].map((sh) => String(Number((bits >> sh) & 0xffn))).join('.');
}

/** Addr.String */
export function addrString(a: Addr): string {
  if (a.family === 4) return string4(a.bits);
  if (is4In6(a)) return '::ffff:' + string4(a.bits & 0xffffffffn) + (a.zone ? '%' + a.zone : '');
  let zs = 255;
  let ze = 255;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && v6u16(a, j) === 0) j++;
    const l = j - i;
    if (l >= 2 && l > ze - zs) {
      zs = i;
      ze = j;
    }
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === zs) {
      out += '::';
      i = ze;
      if (i >= 8) break;
    } else if (i > 0) out += ':';
    out += v6u16(a, i).toString(16);
  }
  return out + (a.zone ? '%' + a.zone : '');
}

const prefixErr = (s: string, msg: string): string => `netip.ParsePrefix(${goQuote(s)}): ${msg}`;

/** netip.ParsePrefix */
export function parsePrefix(s: string): Prefix | string {
  const i = s.lastIndexOf('/');
  if (i < 0) return prefixErr(s, "no '/'");
  const ip = parseAddr(s.slice(0, i));
  if (typeof ip === 'string') return prefixErr(s, ip);
  if (ip.family === 6 && ip.zone !== '') return prefixErr(s, 'IPv6 zones cannot be present in a prefix');
  const bitsStr = s.slice(i + 1);
  if (bitsStr.length > 1 && (bitsStr[0] < '1' || bitsStr[0] > '9')) return prefixErr(s, 'bad bits after slash: ' + goQuote(bitsStr));
  // strconv.Atoi: syntax and int64 range errors are both `bad bits after slash`
  if (!/^[+-]?[0-9]+$/.test(bitsStr) || BigInt(bitsStr) > 9223372036854775807n) return prefixErr(s, 'bad bits after slash: ' + goQuote(bitsStr));
  const bits = Number(bitsStr);
  const maxBits = ip.family === 6 ? 128 : 32;
  if (bits < 0 || bits > maxBits) return prefixErr(s, 'prefix length out of range');
  return { addr: ip, bits };
}

const width = (a: Addr): number => (a.family === 4 ? 32 : 128);
const mask = (a: Addr, bits: number): bigint => {
  const w = BigInt(width(a));
  return ((1n << w) - 1n) ^ ((1n << (w - BigInt(bits))) - 1n);
};

export function prefixMasked(p: Prefix): Prefix {
  return { addr: { family: p.addr.family, bits: p.addr.bits & mask(p.addr, p.bits), zone: '' }, bits: p.bits };
}
export function prefixContains(p: Prefix, ip: Addr): boolean {
  if (ip.zone !== '' || p.addr.family !== ip.family) return false;
  const m = mask(ip, p.bits);
  return (ip.bits & m) === (p.addr.bits & m);
}
export function prefixOverlaps(p: Prefix, o: Prefix): boolean {
  if (prefixEquals(p, o)) return true;
  if ((p.addr.family === 4) !== (o.addr.family === 4)) return false;
  const minBits = Math.min(p.bits, o.bits);
  if (minBits === 0) return true;
  const m = mask(p.addr, minBits);
  return (p.addr.bits & m) === (o.addr.bits & m);
}
export function prefixEquals(p: Prefix, o: Prefix): boolean {
  return p.bits === o.bits && addrEquals(p.addr, o.addr);
}
export function prefixString(p: Prefix): string {
  return addrString(p.addr) + '/' + String(p.bits);
}
