// The engine's JSON objects. They must not inherit anything (a key such as `__proto__` or
// `toString` is plain data), yet Object.create(null) puts V8 objects in dictionary mode, where
// every Object.keys sorts and every read hashes. An object whose prototype is an empty, frozen
// object without a prototype inherits nothing and keeps V8's fast properties.
export const JSON_OBJECT_PROTO: object = Object.freeze(Object.create(null) as object);

/** A fresh string-keyed map that inherits nothing. */
export function newJsonObject<T = unknown>(): { [key: string]: T } {
  return Object.create(JSON_OBJECT_PROTO) as { [key: string]: T };
}

/** A plain object of the JSON model: ours, a literal `{}` or one without a prototype. */
export function isPlainObject(v: unknown): v is { [key: string]: unknown } {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === JSON_OBJECT_PROTO || proto === Object.prototype || proto === null;
}
