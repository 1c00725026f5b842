#!/usr/bin/env bash
# Release build of the app into dist/ (Trunk, offline, installed tools only).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release --offline
