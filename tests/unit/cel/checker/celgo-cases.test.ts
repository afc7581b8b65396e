// Every checker_test.go case (cel-go v0.26.1) that needs no protobuf wrappers, containers,
// variadic logical ASTs or custom functions: the checked tree printed with types and references must equal cel-go's.
import { describe, expect, it } from 'vitest';
import { check, formatCelErrors, newCheckerEnv } from '../../../../src/engine/cel/checker/index.js';
import type { TypeProvider } from '../../../../src/engine/cel/decls.js';
import { parse } from '../../../../src/engine/cel/parser/index.js';
import { standardLibrary } from '../../../../src/engine/cel/stdlib/index.js';
import type { Library } from '../../../../src/engine/cel/decls.js';
import { T, type CelType } from '../../../../src/engine/cel/types.js';
import type { StructType } from '../../../../src/engine/cel/values.js';
import fixture from './fixtures/celgo-checker-cases.json';
import { printChecked, stripWhitespace } from './print.js';

const P3 = 'google.expr.proto3.test.TestAllTypes';
const NESTED = `${P3}.NestedMessage`;
// The fields of proto3 TestAllTypes that the cases use (test/proto3pb/test_all_types.proto).
const fields: Record<string, Record<string, CelType>> = {
  [P3]: {
    single_int32: T.int,
    single_int64: T.int,
    single_value: T.dyn,
    single_struct: T.map(T.string, T.dyn),
    repeated_int32: T.list(T.int),
    repeated_int64: T.list(T.int),
    map_int64_nested_type: T.map(T.int, T.struct('google.expr.proto3.test.NestedTestAllTypes')),
    single_nested_message: T.struct(NESTED),
  },
  [NESTED]: { bb: T.int },
};
const provider: TypeProvider = {
  findStructType(name): StructType | undefined {
    const fs = fields[name];
    if (!fs) return undefined;
    return { name, fieldType: (f) => (Object.hasOwn(fs, f) ? fs[f] : undefined), newValue: () => undefined as never };
  },
};

function typeOf(spec: string): CelType {
  const m = /^(\w+)\((.*)\)$/.exec(spec);
  if (spec === 'proto3') return T.struct(P3);
  if (!m) return { bool: T.bool, int: T.int, string: T.string, dyn: T.dyn }[spec] ?? T.error;
  const [, kind, inner] = m;
  if (kind === 'list') return T.list(typeOf(inner));
  if (kind === 'optional') return T.optional(typeOf(inner));
  const [k, v] = inner.split(', ');
  return T.map(typeOf(k), typeOf(v));
}

// checker_test.go uses the standard functions only; optional-syntax cases also register the
// type `optional_type` (types.OptionalType, which has no type parameter).
const optionalType: Library = { name: 'optional_type', variables: [{ name: 'optional_type', type: T.typeOf(T.opaque('optional_type')) }] };

interface Case {
  in: string;
  out: string;
  err?: string;
  vars: [string, string][];
  optionalSyntax: boolean;
  crossTypeNumericComparisons: boolean;
}

describe('cel-go checker_test.go outputs', () => {
  for (const c of (fixture as unknown as { cases: Case[] }).cases) {
    it(c.in, () => {
      const env = newCheckerEnv({
        libraries: c.optionalSyntax ? [standardLibrary(), optionalType] : [standardLibrary()],
        variables: c.vars.map(([name, spec]) => ({ name, type: typeOf(spec) })),
        typeProvider: provider,
        crossTypeNumericComparisons: c.crossTypeNumericComparisons,
      });
      const parsed = parse(c.in, { optionalSyntax: c.optionalSyntax });
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const res = check(parsed.ast, env);
      const errs = formatCelErrors(c.in, res.diagnostics);
      expect(stripWhitespace(errs)).toBe(stripWhitespace(c.err ?? ''));
      expect(stripWhitespace(printChecked(res))).toBe(stripWhitespace(c.out));
    });
  }
});
