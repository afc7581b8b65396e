// Errors of an admission request, worded as kube-apiserver words them (semantics.md §8).

/** `Invalid` for errors raised while dispatching (conditions, mutations); none for selection errors. */
export type PolicyErrorReason = 'Invalid' | undefined;

/** An error that the policy's failurePolicy decides about (semantics.md §8.2). */
export interface PolicyError {
  readonly policy: string;
  /** absent for policy-level errors (`policy "p" denied request: …`) */
  readonly binding?: string;
  readonly message: string;
  readonly reason: PolicyErrorReason;
  readonly failurePolicy: 'Fail' | 'Ignore';
}

/** An error that ends the request at once, whatever the failurePolicy (semantics.md §8.3). */
export interface FatalError {
  readonly code: number;
  readonly reason: string;
  readonly message: string;
}

export const PANIC_MESSAGE = 'This request caused apiserver to panic. Look in the logs for details.';

export function internalError(detail: string): FatalError {
  return { code: 500, reason: 'InternalError', message: `Internal error occurred: ${detail}` };
}

export function panicError(): FatalError {
  return { code: 500, reason: 'InternalError', message: PANIC_MESSAGE };
}

/** The text a rejected request carries (PolicyError.Error() upstream). */
export function policyErrorText(e: PolicyError): string {
  return e.binding === undefined
    ? `policy ${goQuote(e.policy)} denied request: ${e.message}`
    : `policy '${e.policy}' with binding '${e.binding}' denied request: ${e.message}`;
}

/** `expression '<expr>' resulted in error: <err>`: the expression exactly as written. */
export function expressionError(expression: string, message: string): string {
  return `expression '${expression}' resulted in error: ${message}`;
}

/** Go's %q for a plain string. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/** utilerrors.NewAggregate: one error prints as itself, several as `[e1, e2]`, duplicates removed. */
export function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}
