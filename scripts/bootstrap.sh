#!/usr/bin/env bash
# Installs what the project needs, idempotently, from package registries only
# (crates.io, npm, Debian). A second run skips everything already present at
# the right version. Source it (it exports PATH) or run it.
#
#   scripts/bootstrap.sh          build tools (serve)
#   scripts/bootstrap.sh --test   build tools + Chromium, chromedriver, poppler (tests)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1
say() { printf '[bootstrap] %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# 1. The wasm target of the one toolchain (rust-toolchain is not pinned: the
#    machine has exactly Rust 1.95).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 1b. Clippy, for the lint step of the tests (part of most rustup profiles).
if ! cargo clippy --version >/dev/null 2>&1; then
  say "adding the clippy component"
  rustup component add clippy
fi

# 2. Trunk 0.21.14 (0.22 needs a newer rustc). About 10 minutes the first time.
if [ "$(trunk --version 2>/dev/null)" != "trunk 0.21.14" ]; then
  say "installing trunk 0.21.14 (cargo install, takes a while)"
  cargo install --locked trunk@0.21.14
fi

# 3. wasm-bindgen-cli at exactly the Cargo.lock version. Without --locked: its
#    own lockfile pins a crate version the registry does not have.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version"
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# 4. npm tools from the committed lockfile: wasm-opt (binaryen 132 reads what
#    rustc 1.95 emits; Debian's 108 does not), playwright-core, axe-core.
stamp=node_modules/.package-lock.sha
lock_sha=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sha" ]; then
  say "installing npm dev tools from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sha" > "$stamp"
fi

# 5. For tests: Debian's Chromium and its driver, and poppler's pdftotext.
if [ "$want_test" = 1 ]; then
  missing=()
  for pkg in chromium chromium-driver poppler-utils; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    sudo_cmd=""
    [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
  fi
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -1)"
