// `npm run bench`: medians and ratios, ours against the alternatives run side by side.
import { admissionBench, growthBench } from './admission.js';
import { celBench } from './cel.js';

const only = process.argv[2];
const sections: [string, () => string][] = [
  ['CEL evaluations per second (higher is better; ratios are time(other)/time(ours): > 1 means ours is faster)', celBench],
  ['Admission per request', admissionBench],
  ['Growth', growthBench],
];
console.log(`node ${process.version}, ${new Date().toISOString()}\n`);
for (const [title, run] of sections) {
  if (only && !title.toLowerCase().includes(only.toLowerCase())) continue;
  console.log(`## ${title}\n`);
  try {
    console.log(run() + '\n');
  } catch (e) {
    console.log(`failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  }
}
