// The few web-platform APIs the engine uses, which exist in browsers and in Node alike but which
// TypeScript only declares in lib.dom. Declared here so the engine compiles without DOM types.
// (When the whole project is checked with lib.dom, these merge with the DOM's declarations.)
declare global {
  interface TextEncoder {
    encode(input?: string): Uint8Array<ArrayBuffer>;
  }
  var TextEncoder: { new (): TextEncoder };
  interface TextDecoder {
    decode(input?: Uint8Array): string;
  }
  var TextDecoder: { new (label?: string, options?: { fatal?: boolean }): TextDecoder };
  interface CompressionStream extends GenericTransformStream {}
  var CompressionStream: { new (format: 'deflate' | 'deflate-raw' | 'gzip'): CompressionStream };
  interface DecompressionStream extends GenericTransformStream {}
  var DecompressionStream: { new (format: 'deflate' | 'deflate-raw' | 'gzip'): DecompressionStream };
  interface GenericTransformStream {
    readonly readable: ReadableStream<Uint8Array<ArrayBuffer>>;
    readonly writable: WritableStream<Uint8Array<ArrayBuffer>>;
  }
  interface ReadableStream<R> {
    getReader(): { read(): Promise<{ done: true; value?: undefined } | { done: false; value: R }>; cancel(): Promise<void> };
  }
  interface WritableStream<W> {
    getWriter(): { write(chunk: W): Promise<void>; close(): Promise<void> };
  }
  function btoa(data: string): string;
  function atob(data: string): string;
}
export {};
