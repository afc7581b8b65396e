// Share links: the whole scenario text in the URL hash as `#s1.` + base64url(deflate-raw(text)).
// Pure (CompressionStream exists in browsers and in Node >= 20), so the page and the CLI's
// `link` command produce the same link.

export const LINK_PREFIX = '#s1.';
/** A decoded link larger than this is refused: a hostile link must not exhaust memory. */
export const MAX_SCENARIO_BYTES = 8 * 1024 * 1024;

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`the scenario is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(b64);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/** The hash fragment (with its leading `#`) for a scenario text. */
export async function encodeShareHash(scenarioText: string): Promise<string> {
  const compressed = await pipe(new TextEncoder().encode(scenarioText), new CompressionStream('deflate-raw'), Infinity);
  return LINK_PREFIX + toBase64Url(compressed);
}

export type DecodedLink = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/** Decodes a hash fragment (`#s1.…`, with or without `#`). Never throws. */
export async function decodeShareHash(hash: string): Promise<DecodedLink> {
  const h = hash.startsWith('#') ? hash : `#${hash}`;
  if (!h.startsWith(LINK_PREFIX)) return { ok: false, error: 'this link is not a playground scenario link (it should start with #s1.)' };
  const bytes = fromBase64Url(h.slice(LINK_PREFIX.length));
  if (!bytes) return { ok: false, error: 'this link is damaged: it is not valid base64url' };
  try {
    const raw = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_SCENARIO_BYTES);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    return { ok: true, text };
  } catch (e) {
    const why = e instanceof Error && e.message.includes('larger than') ? e.message : 'its data does not decompress';
    return { ok: false, error: `this link is damaged: ${why}` };
  }
}

/** A full URL for a scenario: `base` + hash. */
export async function shareUrl(scenarioText: string, base: string): Promise<string> {
  return base.replace(/#.*$/, '') + (await encodeShareHash(scenarioText));
}
