// Timing helpers: warm up, then run a function in samples of ~50 ms; report the median time per call.
export interface Measurement {
  readonly name: string;
  /** median nanoseconds per call */
  readonly medianNs: number;
  readonly samples: number;
}

export function measure(name: string, fn: () => unknown, { samples = 15, sampleMs = 50, warmupMs = 400 } = {}): Measurement {
  // Start every measurement from a collected heap (node --expose-gc, see scripts/bench.sh), so a
  // row does not pay for the garbage the previous row (often another library) left behind.
  (globalThis as { gc?: () => void }).gc?.();
  // Warm up until V8 has optimized the code: an admission runs hundreds of functions, and the
  // first few hundred milliseconds of calls are two to three times slower than the steady state
  // (measured: sidecar small Pod 110 µs in the first samples, 36 µs after 250 ms of calls).
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) fn();
  // Find a batch size that takes ~sampleMs.
  let batch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    const dt = performance.now() - t0;
    if (dt >= sampleMs / 4 || batch > 1e7) {
      batch = Math.max(1, Math.round((batch * sampleMs) / Math.max(dt, 0.001)));
      break;
    }
    batch *= 4;
  }
  const perCall: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    perCall.push(((performance.now() - t0) * 1e6) / batch);
  }
  perCall.sort((a, b) => a - b);
  return { name, medianNs: perCall[Math.floor(perCall.length / 2)], samples };
}

export function formatNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(1)} µs`;
  return `${ns.toFixed(0)} ns`;
}

export function perSecond(ns: number): string {
  const ops = 1e9 / ns;
  return ops >= 1e6 ? `${(ops / 1e6).toFixed(2)}M/s` : ops >= 1e3 ? `${(ops / 1e3).toFixed(0)}k/s` : `${ops.toFixed(0)}/s`;
}

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [line(headers), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}
