// map-playground: eval | test | link. The only place that touches fs, argv and stdout.
import { runEval } from './eval.js';
import { runLink } from './link.js';
import { runTest } from './test.js';
import { parseArgs } from './args.js';

const USAGE = `map-playground — what kube-apiserver answers to a MutatingAdmissionPolicy scenario

Usage:
  map-playground eval SCENARIO [--output json|yaml|diff|summary]
  map-playground eval -f policy.yaml -f pod.yaml [--old-object F] [--operation UPDATE]
                      [--user U] [--group G]... [--namespace-object F] [--kubernetes-version 1.34]
                      [--output json|yaml|diff|summary|scenario]   (scenario: print them as one scenario file)
  map-playground test [PATHS...]            run every scenario with an \`expect\`
  map-playground link SCENARIO [--base URL]  print a playground link for the scenario

Exit codes (eval): 0 admitted, 1 rejected, 2 invalid scenario.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const args = parseArgs(rest);
  try {
    switch (command) {
      case 'eval':
        return await runEval(args);
      case 'test':
        return await runTest(args);
      case 'link':
        return await runLink(args);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE + '\n');
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
        return 2;
    }
  } catch (e) {
    process.stderr.write(`map-playground: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
