// The live values a request's typed conversions found valid, by identity and schema type. The
// object under review changes by a few fields per mutation and keeps its other parts as the same
// objects (the decoder's memo, and the merge's returning them), so later mutations of the same
// request do not convert those parts again. Values are never modified, which makes this exact.
import type { TypeRef } from '../../schema/types.js';

export class KnownValid {
  /** object -> the types it is valid as (almost always one) */
  private readonly seen = new WeakMap<object, TypeRef | TypeRef[]>();

  /**
   * `key` names the validation options (release, duplicate handling): a request validates
   * its live objects with one set of options, and a change of them forgets what was known.
   */
  constructor(readonly key: string) {}

  has(v: object, tr: TypeRef): boolean {
    const s = this.seen.get(v);
    return s === tr || (Array.isArray(s) && s.includes(tr));
  }

  add(v: object, tr: TypeRef): void {
    const s = this.seen.get(v);
    if (s === undefined) this.seen.set(v, tr);
    else if (Array.isArray(s)) s.push(tr);
    else if (s !== tr) this.seen.set(v, [s, tr]);
  }
}

/** One request's memo: a fresh KnownValid whenever the options change (they do not, in practice). */
export class KnownValidByOptions {
  private current: KnownValid | undefined;

  for(key: string): KnownValid {
    if (this.current?.key !== key) this.current = new KnownValid(key);
    return this.current;
  }
}
