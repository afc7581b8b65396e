// Cheap kind tests for the hot paths. `instanceof` slows down sevenfold when a class's `name`
// property has been redefined, which tsx and esbuild's keepNames do to every class; a prototype
// comparison is immune (no value class here is subclassed).
import { CelError, Optional, type CelValue } from '../values.js';

const ERROR_PROTO: object = CelError.prototype;
const OPTIONAL_PROTO: object = Optional.prototype;

export function isError(v: CelValue | undefined | object | symbol): v is CelError {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === ERROR_PROTO;
}

export function isOptional(v: CelValue | undefined): v is Optional {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === OPTIONAL_PROTO;
}
