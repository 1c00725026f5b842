#!/usr/bin/env bash
# Builds the release and serves it on http://127.0.0.1:${PORT:-8080}/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/bootstrap.sh
scripts/build.sh
exec node tests/e2e/serve.mjs dist "${PORT:-8080}"
