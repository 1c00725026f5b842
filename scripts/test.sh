#!/usr/bin/env bash
# Runs every test: native (core, content, PDF), wasm in headless Chromium
# (components), end-to-end (release build served on 127.0.0.1, driven in
# headless Chromium). Installs what is missing first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/bootstrap.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n==== %s ====\n' "$*"; }

step "native tests (engine, i18n, report, worker)"
cargo test --workspace --exclude app

step "lints (clippy; warnings are errors)"
cargo clippy --workspace --exclude app --all-targets -- -D warnings
cargo clippy -p app --target wasm32-unknown-unknown --all-targets -- -D warnings

step "wasm tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p app --target wasm32-unknown-unknown

step "release build"
scripts/build.sh

step "end-to-end tests (playwright-core + Debian Chromium)"
node --test --test-concurrency=1 tests/e2e/

step "all test levels passed"
