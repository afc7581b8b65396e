// Text forms of engine values for display (ints arrive as bigint).
import { stringify } from 'yaml';

export function toYaml(value: unknown): string {
  if (value === undefined) return '';
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** JSON with bigints written as plain integers. */
export function toJson(value: unknown, indent = 2): string {
  const marks: string[] = [];
  const s = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `\u0000${marks.push(v.toString()) - 1}\u0000` : v), indent);
  return (s ?? 'null').replace(/"\\u0000(\d+)\\u0000"/g, (_m, i: string) => marks[Number(i)]);
}

/** One-line JSON of a patch operation. */
export const oneLine = (value: unknown) => toJson(value, 0);
