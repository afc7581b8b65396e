// Realistic inputs for the benchmarks.

export function pod(containers: number, initContainers: number): Record<string, unknown> {
  const container = (prefix: string, i: number): Record<string, unknown> => ({
    name: `${prefix}-${i}`,
    image: `registry.example.com/team/${prefix}:1.${i}.0`,
    ports: [{ containerPort: 8080 + (i % 100), protocol: 'TCP' }],
    env: [
      { name: 'MODE', value: 'production' },
      { name: 'INDEX', value: String(i) },
    ],
    resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } },
    volumeMounts: [{ name: 'cache', mountPath: '/cache' }],
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web', tier: 'frontend' }, annotations: { team: 'payments' } },
    spec: {
      initContainers: Array.from({ length: initContainers }, (_, i) => container('init', i)),
      containers: Array.from({ length: containers }, (_, i) => container('app', i)),
      volumes: [{ name: 'cache', emptyDir: {} }],
      nodeSelector: { disk: 'ssd' },
    },
  };
}

/** JSON with integers as BigInt, the way our engine holds objects. */
export function withBigInts(v: unknown): unknown {
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (Array.isArray(v)) return v.map(withBigInts);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withBigInts(x)]));
  return v;
}
