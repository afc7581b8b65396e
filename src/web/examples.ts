// Every examples/*.yaml, bundled as text (the examples are also the engine's fixtures).
const files = import.meta.glob('../../examples/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface Example {
  readonly name: string;
  readonly text: string;
  /** the first comment line, as a description */
  readonly title: string;
}

export const EXAMPLES: readonly Example[] = Object.entries(files)
  .map(([path, text]) => {
    const name = path.replace(/^.*\//, '').replace(/\.yaml$/, '');
    const first = /^#\s*(.+)$/m.exec(text)?.[1] ?? name;
    return { name, text, title: first };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

export const DEFAULT_EXAMPLE = EXAMPLES.find((e) => e.name === 'sidecar-injection') ?? EXAMPLES[0];
