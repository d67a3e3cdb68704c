#!/usr/bin/env bash
# Every test: the core natively, the wasm adapter in headless Chromium, and
# the demo page end to end (in Chromium; the reader's paths also in Firefox
# and WebKit). Any failure stops with a non-zero status.
set -eu
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

scripts/install-test-tools.sh
scripts/build.sh

echo "== cargo fmt --check and cargo clippy (native and wasm32), warnings as errors"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown --features studio -- -D warnings

echo "== cargo test (native core, CLI, real dataset)"
cargo test

echo "== wasm-bindgen tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown --test web

echo "== end-to-end tests in headless Chromium, and the reader's paths in Firefox and WebKit"
node --test --test-reporter=spec tests/e2e/
