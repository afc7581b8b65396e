// The examples of apiserver pkg/cel/library/urls.go (documentation of the library) plus Go
// net/url facts and OBSERVED.md (`isURL('/relative/path')`, `[::1]:80`).
import { describe, expect, it } from 'vitest';
import { URLValue, urlsLibrary } from '../../../../src/engine/cel/kubernetes/url.js';
import type { CelValue } from '../../../../src/engine/cel/values.js';
import { call, errorText } from './helpers.js';

const L = urlsLibrary;
const url = (s: string): CelValue => call(L, 'string_to_url', s);
const get = (id: string, s: string): CelValue => call(L, id, url(s));

describe('urls.go examples', () => {
  it.each([
    ['https://user:pass@example.com:80/path?query=val#fragment', true],
    ['/absolute-path', true],
    ['https://a:b:c/', false],
    ['../relative-path', false],
    ['/relative/path', true],
    ['', false],
    ['http://[::1]:80/', true],
    ['http://[1.2.3.4]/', false],
    ['http://x[::1]/', false],
  ])('isURL(%j) = %s', (s, want) => expect(call(L, 'is_url_string', s)).toBe(want));
  it('url() accepts and rejects like isURL', () => {
    expect(url('https://user:pass@example.com:80/path?query=val#fragment')).toBeInstanceOf(URLValue);
    expect(url('/absolute-path')).toBeInstanceOf(URLValue);
    expect(errorText(url('https://a:b:c/'))).toBe('URL parse error during conversion from string: parse "https://a:b:c/": invalid port ":b:c" after host');
    expect(errorText(url('../relative-path'))).toBe('URL parse error during conversion from string: parse "../relative-path": invalid URI for request');
    expect(errorText(url('http://[1.2.3.4]/'))).toBe('URL parse error during conversion from string: parse "http://[1.2.3.4]/": invalid IP-literal');
    expect(errorText(url('http://[zz]/'))).toBe('URL parse error during conversion from string: parse "http://[zz]/": invalid host: ParseAddr("zz"): unable to parse IP');
    expect(errorText(url('http://a b/'))).toBe('URL parse error during conversion from string: parse "http://a b/": invalid character " " in host name');
    expect(errorText(url('http://x/%zz'))).toBe('URL parse error during conversion from string: parse "http://x/%zz": invalid URL escape "%zz"');
    expect(errorText(url('a\nb'))).toBe('URL parse error during conversion from string: parse "a\\nb": net/url: invalid control character in URL');
  });
  it.each([
    ['url_get_scheme', '/path', ''],
    ['url_get_scheme', 'https://example.com/', 'https'],
    ['url_get_scheme', 'HTTPS://example.com/', 'https'],
    ['url_get_host', 'https://example.com:80/', 'example.com:80'],
    ['url_get_host', 'https://example.com/', 'example.com'],
    ['url_get_host', 'https://[::1]:80/', '[::1]:80'],
    ['url_get_host', 'https://[::1]/', '[::1]'],
    ['url_get_host', '/path', ''],
    ['url_get_hostname', 'https://example.com:80/', 'example.com'],
    ['url_get_hostname', 'https://127.0.0.1:80/', '127.0.0.1'],
    ['url_get_hostname', 'https://[::1]:80/', '::1'],
    ['url_get_hostname', '/path', ''],
    ['url_get_port', 'https://example.com:80/', '80'],
    ['url_get_port', 'https://example.com/', ''],
    ['url_get_port', '/path', ''],
    ['url_get_escaped_path', 'https://example.com/path', '/path'],
    ['url_get_escaped_path', 'https://example.com/path with spaces/', '/path%20with%20spaces/'],
    ['url_get_escaped_path', 'https://example.com', ''],
    ['url_get_escaped_path', 'https://example.com/a%2Fb', '/a%2Fb'],
    ['url_get_escaped_path', 'https://example.com/p#frag', '/p'],
  ])('%s(%j) = %j', (id, s, want) => expect(get(id, s)).toBe(want));
  it('getQuery', () => {
    expect(get('url_get_query', 'https://example.com/path?k1=a&k2=b&k2=c')).toEqual({ k1: ['a'], k2: ['b', 'c'] });
    expect(get('url_get_query', 'https://example.com/path?key with spaces=value with spaces')).toEqual({ 'key with spaces': ['value with spaces'] });
    expect(get('url_get_query', 'https://example.com/path?')).toEqual({});
    expect(get('url_get_query', 'https://example.com/path')).toEqual({});
    expect(get('url_get_query', 'https://example.com/?a=1;b=2&c=%41+x&d=%zz')).toEqual({ c: ['A x'] });
  });
  it('equality by String()', () => {
    expect((url('https://example.com/a') as URLValue).equals(url('HTTPS://example.com/a') as URLValue)).toBe(true);
    expect((url('https://example.com/a') as URLValue).equals(url('https://example.com/b') as URLValue)).toBe(false);
  });
});

// Go net/url TestParseRequestURI (parseRequestURLTests): which texts ParseRequestURI accepts.
describe('Go ParseRequestURI acceptance (isURL)', () => {
  it.each([
    ['http://foo.com', true],
    ['http://foo.com/', true],
    ['http://foo.com/path', true],
    ['/', true],
    ['//not.a.user@not.a.host/just/a/path', true],
    ['//not.a.user@%66%6f%6f.com/just/a/path/also', true],
    ['*', true],
    ['http://192.168.0.1/', true],
    ['http://192.168.0.1:8080/', true],
    ['http://[fe80::1]/', true],
    ['http://[fe80::1]:8080/', true],
    ['http://[fe80::1%25en0]/', true],
    ['http://[fe80::1%25en0]:8080/', true],
    ['http://[fe80::1%25%65%6e%301-._~]/', true],
    ['http://[fe80::1%25%65%6e%301-._~]:8080/', true],
    ['foo.html', false],
    ['../dir/', false],
    [' http://foo.com', false],
    ['http://192.168.0.%31/', false],
    ['http://192.168.0.%31:8080/', false],
    ['http://[fe80::%31]/', false],
    ['http://[fe80::%31]:8080/', false],
    ['http://[fe80::%31%25en0]/', false],
    ['http://[fe80::%31%25en0]:8080/', false],
    ['http://[fe80::1%en0]/', false],
    ['http://[fe80::1%en0]:8080/', false],
  ])('%j -> %s', (s, want) => expect(call(L, 'is_url_string', s)).toBe(want));
  it('zone in the hostname', () => expect(get('url_get_hostname', 'http://[fe80::1%25en0]:8080/')).toBe('fe80::1%en0'));
});
