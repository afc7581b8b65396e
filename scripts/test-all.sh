#!/usr/bin/env bash
# The one test command: unit tests (with the CEL conformance suite), then every scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
npx vitest run
