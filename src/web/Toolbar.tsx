// The header: examples, Kubernetes version, open/download/share/copy/reset.
import { useRef } from 'react';
import { KUBERNETES_VERSIONS } from '../engine/types.js';
import { EXAMPLES } from './examples.js';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = mac ? '⌘' : 'Ctrl';

interface Props {
  /** the example the scenario is, unedited (empty when edited or not an example) */
  current: string;
  version: string;
  onVersion(v: string): void;
  onExample(name: string): void;
  onOpen(files: FileList): void;
  onDownload(): void;
  onShare(): void;
  onCopyCommand(): void;
  onReset(): void;
}

export function Toolbar(p: Props) {
  const file = useRef<HTMLInputElement>(null);
  return (
    <header className="toolbar">
      <h1 title="What kube-apiserver's MutatingAdmissionPolicy plugin answers, computed in your browser">MutatingAdmissionPolicy playground</h1>
      <label>
        Example{' '}
        <select aria-label="Examples" value={p.current} onChange={(e) => e.target.value && p.onExample(e.target.value)} data-testid="examples">
          <option value="">{p.current ? 'Load an example…' : '(your scenario)'}</option>
          {EXAMPLES.map((e) => (
            <option key={e.name} value={e.name} title={e.title}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      <label title="The kube-apiserver version to simulate (writes kubernetesVersion)">
        Kubernetes{' '}
        <select aria-label="Kubernetes version" value={p.version} onChange={(e) => p.onVersion(e.target.value)} data-testid="version">
          {KUBERNETES_VERSIONS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <span className="spacer" />
      <input ref={file} type="file" multiple accept=".yaml,.yml,.json" hidden onChange={(e) => e.target.files && p.onOpen(e.target.files)} />
      <button onClick={() => file.current?.click()} title={`Open a scenario file, or Kubernetes manifests to sort by kind (${MOD}+O; or drop files on the page)`}>
        Open
      </button>
      <button onClick={p.onDownload} title={`Download the scenario as scenario.yaml (${MOD}+S)`}>Download</button>
      <button onClick={p.onShare} title={`Copy a link that carries the whole scenario (${MOD}+Shift+C)`} data-testid="share">
        Share
      </button>
      <button onClick={p.onCopyCommand} title="Copy the command that evaluates the downloaded scenario on the command line">
        Copy CLI
      </button>
      <button onClick={p.onReset} title="Return to the default example (your current scenario is kept as a backup)">Reset</button>
    </header>
  );
}
