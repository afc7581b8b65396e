// A small argv parser: positionals plus `--flag value`, `--flag=value` and repeatable `-f`.
export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Map<string, string[]>;
}

const BOOLEAN_FLAGS = new Set(['help', 'h', 'verbose', 'v', 'quiet', 'q']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const add = (k: string, v: string): void => {
    flags.set(k, [...(flags.get(k) ?? []), v]);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const m = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/.exec(a);
    if (!m) {
      positionals.push(a);
      continue;
    }
    const [, name, inline] = m;
    if (inline !== undefined) add(name, inline);
    else if (BOOLEAN_FLAGS.has(name) || i + 1 >= argv.length) add(name, 'true');
    else add(name, argv[++i]);
  }
  return { positionals, flags };
}

export function flag(args: ParsedArgs, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = args.flags.get(n);
    if (v?.length) return v[v.length - 1];
  }
  return undefined;
}

export function flagAll(args: ParsedArgs, ...names: string[]): string[] {
  return names.flatMap((n) => args.flags.get(n) ?? []);
}
