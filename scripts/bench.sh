#!/usr/bin/env bash
# `npm run bench`: bundle the benchmarks the way the site ships code (esbuild, no keepNames —
# tsx keeps class names, which makes `instanceof` several times slower) and run them in Node.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p node_modules/.cache
npx esbuild bench/run.ts --bundle --platform=node --format=esm --log-level=warning \
  --banner:js="import { createRequire } from 'module'; const require = createRequire(import.meta.url);" \
  --outfile=node_modules/.cache/bench.mjs
node --expose-gc node_modules/.cache/bench.mjs "$@"
