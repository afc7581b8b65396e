// TEMPORARY stub, replaced below
import { CelError } from './values.js';
export function compileRe2(pattern: string): RegExp | CelError {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return new CelError('error parsing regexp');
  }
}
