// Robustness: random token soup must never throw, and every successful parse must be well formed.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../../src/engine/cel/parser/index.js';
import { nodes } from './helpers.js';

const PIECES = [
  'a', 'b', '.', '?', ':', '(', ')', '[', ']', '{', '}', ',', '-', '!', '+', '*', '/', '%', '<', '<=', '==', '!=',
  '&&', '||', 'in', 'true', 'null', '1', '1u', '1.5', '0x1', '"s"', "b'x'", "r'\\'", '`f-g`', 'all', 'map', 'has',
  'optMap', 'sortBy', 'transformMap', 'x', 'y', ' ', '\n', '#', '&', '|', '=', '"', "'''", '\\', 'é', '😀', 'var',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('fuzz', () => {
  it('never throws; successful parses have unique ids and sane ranges', () => {
    const r = rng(12345);
    let ok = 0;
    for (let n = 0; n < 20000; n++) {
      const len = 1 + Math.floor(r() * 14);
      let src = '';
      for (let i = 0; i < len; i++) src += PIECES[Math.floor(r() * PIECES.length)];
      const res = parse(src);
      if (!res.ok) {
        expect(res.diagnostics.length).toBeGreaterThan(0);
        for (const d of res.diagnostics) {
          expect(d.range.start === -1 || (d.range.start >= 0 && d.range.start <= src.length)).toBe(true);
          expect(d.range.end <= src.length).toBe(true);
        }
        continue;
      }
      ok++;
      const all = nodes(res.ast.expr);
      const ids = all.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(Math.max(...ids)).toBeLessThanOrEqual(res.ast.maxId);
    }
    expect(ok).toBeGreaterThan(100);
  });
});
