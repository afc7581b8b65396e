import { describe, expect, it } from 'vitest';
import { unescapeLiteral } from '../../../../src/engine/cel/parser/unescape.js';

describe('escaped code points by cel-go release', () => {
  it('v0.23+ rejects surrogates and values above U+10FFFF', () => {
    expect(unescapeLiteral(String.raw`'\udead'`, false)).toEqual({ ok: false, message: 'invalid unicode code point' });
    expect(unescapeLiteral(String.raw`'\U00110000'`, false)).toEqual({ ok: false, message: 'invalid unicode code point' });
  });
  it('v0.22 (Kubernetes 1.32) encodes a surrogate as U+FFFD and words the upper bound differently', () => {
    expect(unescapeLiteral(String.raw`'a\udeadb'`, false, true)).toEqual({ ok: true, value: 'a\ufffdb' });
    expect(unescapeLiteral(String.raw`'\U00110000'`, false, true)).toEqual({ ok: false, message: 'unable to unescape string' });
    expect(unescapeLiteral(String.raw`'\u00e9'`, false, true)).toEqual({ ok: true, value: 'é' });
  });
});
