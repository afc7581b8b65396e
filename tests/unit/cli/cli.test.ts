// The command line as a user runs it: exit codes, output formats, manifests, links.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeShareHash } from '../../../src/engine/share/link.js';

const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'map-playground.js');

function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('map-playground eval', () => {
  it('admits the default scenario (exit 0) and prints the change', () => {
    const r = run('eval', 'examples/sidecar-injection.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ADMITTED with 1 change(s):');
    expect(r.stdout).toContain('"path": "/spec/initContainers/-"');
  });

  it('rejects with exit 1 and kube-apiserver\'s message', () => {
    const r = run('eval', 'examples/sidecar-no-initcontainers.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('REJECTED (403 Invalid)');
    expect(r.stdout).toContain('resulted in error: no such key: initContainers');
  });

  it('prints the result object as JSON', () => {
    const r = run('eval', 'examples/sidecar-injection.yaml', '--output', 'json');
    const result = JSON.parse(r.stdout);
    expect(Object.keys(result).slice(0, 8)).toEqual(['allowed', 'error', 'status', 'object', 'patch', 'warnings', 'diagnostics', 'trace']);
    expect(result.object.spec.initContainers[1].name).toBe('mesh-proxy');
    expect(result.trace.map((t: { outcome: string }) => t.outcome)).toEqual(['applied', 'condition-false']);
  });

  it('prints a unified diff of the object as decoded and after admission', () => {
    const r = run('eval', 'examples/sidecar-injection.yaml', '-o', 'diff');
    expect(r.stdout).toMatch(/^--- .*object as decoded/m);
    expect(r.stdout).toContain('+    - name: mesh-proxy');
  });

  it('points at file:line:col for an error inside an expression', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapg-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      [
        'policies:',
        '- apiVersion: admissionregistration.k8s.io/v1',
        '  kind: MutatingAdmissionPolicy',
        '  metadata: {name: p}',
        '  spec:',
        '    matchConstraints: {resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [configmaps]}]}',
        '    failurePolicy: Fail',
        '    reinvocationPolicy: Never',
        '    mutations:',
        '    - patchType: JSONPatch',
        '      jsonPatch:',
        '        expression: |',
        '          [JSONPatch{op: "add", path: "/data/x",',
        '                     value: objct.metadata.name}]',
        'object: {apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: default}}',
      ].join('\n'),
    );
    const r = run('eval', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:14:29: error: [p spec.mutations[0].jsonPatch.expression] undeclared reference to 'objct' (in container '')`);
  });

  it('exits 2 on a scenario that cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapg-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'object: {apiVersion: v1, kind: ConfigMap\n  metadata: [\n');
    const r = run('eval', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/bad\.yaml:\d+:\d+: error/);
  });

  it('sorts manifests by kind (-f) and takes the request from flags', () => {
    const r = run('eval', '-f', 'tests/fixtures/cli/policy.yaml', '-f', 'tests/fixtures/cli/configmap.yaml', '--user', 'alice', '--operation', 'CREATE', '-o', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).object.data).toEqual({ mode: 'debug', operation: 'CREATE' });
    const bob = run('eval', '-f', 'tests/fixtures/cli/policy.yaml', '-f', 'tests/fixtures/cli/configmap.yaml', '--user', 'bob', '-o', 'json');
    expect(JSON.parse(bob.stdout).object.data).toEqual({ mode: 'debug' });
  });
});

describe('map-playground eval -o scenario', () => {
  it('writes manifests as one scenario file that evaluates the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapg-'));
    const file = join(dir, 'scenario.yaml');
    const r = run('eval', '-f', 'tests/fixtures/cli/policy.yaml', '-f', 'tests/fixtures/cli/configmap.yaml', '--user', 'alice', '-o', 'scenario');
    expect(r.code).toBe(0);
    writeFileSync(file, r.stdout);
    const again = run('eval', file, '-o', 'json');
    expect(JSON.parse(again.stdout).object.data).toEqual({ mode: 'debug', operation: 'CREATE' });
  });
});

describe('map-playground test', () => {
  it('runs every scenario with an expect and ends with the count line', () => {
    const r = run('test', 'examples/sidecar-injection.yaml', 'examples/sidecar-no-initcontainers.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('2 passed, 0 failed');
  });

  it('fails (exit 1) when a case does not meet its expect', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapg-'));
    const file = join(dir, 'wrong.yaml');
    writeFileSync(file, 'object: {apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: default}}\nexpect:\n  allowed: false\n');
    const r = run('test', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('expected allowed: false, got true');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });
});

describe('map-playground link', () => {
  it('prints a link whose hash decodes to the file, under 1,200 characters for the default example', async () => {
    const r = run('link', 'examples/sidecar-injection.yaml', '--base', 'https://example.org/play/');
    expect(r.code).toBe(0);
    const url = r.stdout.trim();
    expect(url.startsWith('https://example.org/play/#s1.')).toBe(true);
    expect(url.length).toBeLessThan(1200);
    const decoded = await decodeShareHash(url.slice(url.indexOf('#')));
    const { readFileSync } = await import('node:fs');
    expect(decoded).toEqual({ ok: true, text: readFileSync(join(ROOT, 'examples/sidecar-injection.yaml'), 'utf8') });
  });
});
