// `map-playground eval`: one scenario (a scenario file, or -f manifests) -> kube-apiserver's answer.
import { readFile } from 'node:fs/promises';
import { evaluateScenarioText, type Evaluation } from '../engine/index.js';
import { parseYamlDocuments, scenarioFromManifests, scenarioToText, type ManifestOverrides } from '../engine/scenario/index.js';
import { isJsonObject, type JsonObject } from '../engine/cel/values.js';
import { admitCompiled, compileScenario } from '../engine/admission/admit.js';
import { flag, flagAll, type ParsedArgs } from './args.js';
import { renderDiff, renderJson, renderSummary, renderYaml } from './output.js';

/** The first document of a YAML/JSON file, for --old-object and --namespace-object. */
async function readObject(fileName: string | undefined): Promise<JsonObject | undefined> {
  if (!fileName) return undefined;
  const parsed = parseYamlDocuments(await readFile(fileName, 'utf8'));
  const value = parsed.docs[0]?.value;
  if (!isJsonObject(value)) throw new Error(`${fileName}: expected one object`);
  return value;
}

async function evaluateManifests(args: ParsedArgs): Promise<{ evaluation: Evaluation; fileName: string }> {
  const files = flagAll(args, 'f', 'filename');
  const docs = await Promise.all(files.map(async (fileName) => ({ fileName, text: await readFile(fileName, 'utf8') })));
  const read = scenarioFromManifests(docs, {
    oldObject: await readObject(flag(args, 'old-object')),
    namespace: await readObject(flag(args, 'namespace-object')),
    operation: flag(args, 'operation') as ManifestOverrides['operation'],
    user: flag(args, 'user'),
    groups: flagAll(args, 'group'),
    kubernetesVersion: flag(args, 'kubernetes-version') as ManifestOverrides['kubernetesVersion'],
  });
  const fileName = files.join(',');
  if (!read.scenario) {
    return { evaluation: { scenario: null, sourceMap: read.sourceMap, result: null, diagnostics: read.diagnostics }, fileName };
  }
  const result = admitCompiled(compileScenario(read.scenario));
  return {
    evaluation: { scenario: read.scenario, sourceMap: read.sourceMap, result, diagnostics: [...read.diagnostics, ...result.diagnostics] },
    fileName,
  };
}

export async function runEval(args: ParsedArgs): Promise<number> {
  const output = flag(args, 'output', 'o') ?? 'summary';
  if (!['json', 'yaml', 'diff', 'summary', 'scenario'].includes(output)) {
    process.stderr.write(`--output must be json, yaml, diff, summary or scenario, not "${output}"\n`);
    return 2;
  }
  let evaluation: Evaluation;
  let fileName: string;
  if (flagAll(args, 'f', 'filename').length) {
    ({ evaluation, fileName } = await evaluateManifests(args));
  } else {
    fileName = args.positionals[0];
    if (!fileName) {
      process.stderr.write('usage: map-playground eval SCENARIO [--output json|yaml|diff|summary]\n');
      return 2;
    }
    const kubernetesVersion = flag(args, 'kubernetes-version');
    let text = await readFile(fileName, 'utf8');
    if (kubernetesVersion) text = `kubernetesVersion: "${kubernetesVersion}"\n` + text.replace(/^kubernetesVersion:.*$/m, '');
    evaluation = evaluateScenarioText(text);
  }
  const { result } = evaluation;
  if (output === 'scenario') {
    // The manifests as one scenario file: to keep, to share with `link`, to add an `expect` to.
    if (!evaluation.scenario) process.stdout.write(renderSummary(evaluation, fileName));
    else process.stdout.write(scenarioToText(evaluation.scenario, `map-playground scenario from ${fileName}`));
    return evaluation.scenario ? 0 : 2;
  }
  if (output === 'json') process.stdout.write(renderJson(result ?? { diagnostics: evaluation.diagnostics }) + '\n');
  else if (output === 'yaml') process.stdout.write(renderYaml(result ?? { diagnostics: evaluation.diagnostics }));
  else if (output === 'diff') process.stdout.write(result ? renderDiff(result, fileName) : renderSummary(evaluation, fileName));
  else process.stdout.write(renderSummary(evaluation, fileName));
  if (!result) return 2;
  return result.allowed ? 0 : 1;
}
