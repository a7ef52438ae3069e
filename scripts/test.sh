#!/usr/bin/env bash
# Everything CI needs: unit and integration tests (Vitest, real PostgreSQL), then the
# built app's end-to-end tests (Playwright + Debian's Chromium + axe).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
svelte-kit sync
vitest run
vite build
playwright test
