import { describe, expect, it } from 'vitest';
import { celCompletions, celTokens, expressionRanges } from '../../../src/web/editors/cel.js';

const fns = [
  { name: 'contains', signatures: ['string.contains(string) -> bool'], member: true, global: false },
  { name: 'size', signatures: ['size(list(A)) -> int', 'list(A).size() -> int', 'map(K, V).size() -> int', 'string.size() -> int'], member: true, global: true },
  { name: 'check', signatures: ['kubernetes.authorization.PathCheck.check(string) -> kubernetes.authorization.Decision'], member: true, global: false },
];

describe('CEL help', () => {
  it('finds expression strings in every document', () => {
    const text = 'spec:\n  matchConditions:\n  - name: a\n    expression: "object.x == 1"\n---\nexpression: >\n  request.operation\n';
    const r = expressionRanges(text);
    expect(r).toHaveLength(2);
    expect(text.slice(r[0][0], r[0][1])).toBe('"object.x == 1"');
    expect(text.slice(r[1][0], r[1][1])).toContain('request.operation');
  });

  it('tokenizes variables, functions, strings and numbers', () => {
    const t = celTokens("object.metadata.name.startsWith('x') && size(request.name) > 3");
    const kinds = t.map((x) => x.kind);
    expect(kinds).toEqual(['variable', 'function', 'string', 'operator', 'function', 'variable', 'operator', 'number']);
  });

  it('completes fields of the object under review along a chain, and member functions', () => {
    const object = { metadata: { name: 'a', labels: {} }, spec: { containers: [{ name: 'c', image: 'i' }] } };
    const ctx = { functions: fns, object, variables: ['v1'] };
    expect(celCompletions('object.me', ctx).map((c) => c.label)).toContain('metadata');
    const cont = celCompletions('object.spec.containers[0].', ctx).map((c) => c.label);
    expect(cont).toEqual(expect.arrayContaining(['name', 'image', 'size', 'exists']));
    expect(cont).not.toContain('contains');
    expect(cont).not.toContain('check');
    // a list: list functions and macros, no fields
    const list = celCompletions('object.spec.containers.', ctx).map((c) => c.label);
    expect(list).toEqual(expect.arrayContaining(['size', 'map', 'all']));
    expect(list).not.toContain('image');
    // a string: string functions only
    const str = celCompletions('object.metadata.name.', ctx).map((c) => c.label);
    expect(str).toEqual(['contains', 'size']);
    expect(celCompletions('variables.', ctx).map((c) => c.label)).toContain('v1');
    const top = celCompletions('obj', ctx).map((c) => c.label);
    expect(top).toEqual(expect.arrayContaining(['object', 'oldObject', 'request', 'params', 'namespaceObject', 'authorizer', 'variables', 'size', 'has']));
    expect(top).not.toContain('contains');
  });
});

describe('celSpan', () => {
  it('drops YAML quotes and block headers', async () => {
    const { celSpan } = await import('../../../src/web/editors/cel.js');
    expect(celSpan('"a == \\"b\\""')).toEqual([1, 11]);
    expect(celSpan("'x'")).toEqual([1, 2]);
    expect(celSpan('>\n  [1]\n')).toEqual([2, 8]);
    expect(celSpan('plain')).toEqual([0, 5]);
  });
});
