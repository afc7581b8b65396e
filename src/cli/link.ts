// `map-playground link SCENARIO [--base URL]`: the playground link that opens this scenario.
import { readFile } from 'node:fs/promises';
import { shareUrl } from '../engine/share/link.js';
import { flag, type ParsedArgs } from './args.js';

export const DEFAULT_BASE = 'http://localhost:5173/';

export async function runLink(args: ParsedArgs): Promise<number> {
  const file = args.positionals[0];
  if (!file) {
    process.stderr.write('usage: map-playground link SCENARIO [--base URL]\n');
    return 2;
  }
  const text = await readFile(file, 'utf8');
  process.stdout.write((await shareUrl(text, flag(args, 'base') ?? DEFAULT_BASE)) + '\n');
  return 0;
}
