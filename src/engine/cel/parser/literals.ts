// Numeric literal values with cel-go's range rules (strconv.ParseInt/ParseUint/ParseFloat).
import { CelUint, INT64_MAX, INT64_MIN, UINT64_MAX } from '../values.js';

/** NUM_INT text (decimal or 0x hex), with the literal's sign; undefined when out of int64 range. */
export function parseIntLiteral(text: string, negative: boolean): bigint | undefined {
  let v = text.startsWith('0x') ? BigInt(text) : BigInt(text);
  if (negative) v = -v;
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

/** NUM_UINT text without its u suffix; undefined when out of uint64 range. */
export function parseUintLiteral(text: string): CelUint | undefined {
  const v = BigInt(text);
  return v > UINT64_MAX ? undefined : new CelUint(v);
}

/** NUM_FLOAT text; undefined on overflow (Go reports ErrRange; underflow rounds to zero). */
export function parseDoubleLiteral(text: string, negative: boolean): number | undefined {
  const v = Number(text);
  if (!Number.isFinite(v)) return undefined;
  return negative ? -v : v;
}
