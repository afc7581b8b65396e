#!/usr/bin/env bash
# The one test command (`npm test`): type checks, unit tests with the CEL conformance suite,
# every scenario through the CLI, then the browser tests against the built site.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== typecheck"
npx tsc -p tsconfig.json --noEmit
npx tsc -p src/engine/tsconfig.json --noEmit

echo "== unit tests (vitest, incl. CEL conformance and every scenario fixture)"
npx vitest run

echo "== scenarios through the CLI"
node bin/map-playground.js test --quiet examples tests/fixtures

if [ "${SKIP_E2E:-}" = "1" ]; then
  echo "== browser tests skipped (SKIP_E2E=1)"
  exit 0
fi
echo "== browser tests (Playwright + Debian's Chromium against the built site)"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "The browser tests need Chromium at $CHROMIUM (nothing downloads a browser):" >&2
  echo "  sudo apt-get install chromium    # or set CHROMIUM_PATH; SKIP_E2E=1 skips these tests" >&2
  exit 1
fi
npm run build
npx playwright test
