#!/usr/bin/env bash
# Builds the release WebAssembly into pkg/, the single file
# dist/relations-card.html, and prints the size report.
set -eu
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

scripts/install-build-tools.sh

cargo build --lib --release --target wasm32-unknown-unknown
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name relations_card \
    target/wasm32-unknown-unknown/release/relations_card.wasm
# The features Rust's wasm32 target enables by default; wasm-opt must be told.
# --low-memory-unused: Rust places its stack and data above 1 MiB, so the
# low addresses are free and constant offsets can be folded (-2.5 KB gzip).
node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --strip-debug --strip-producers \
    pkg/relations_card_bg.wasm -o pkg/relations_card_bg.wasm
# The summary readers see before the card loads (or without scripts), then
# the single-file build for learning platforms and offline use.
cargo run --quiet --release --bin relations -- static > pkg/static.html
node scripts/single-file.mjs
node scripts/package.mjs
node scripts/size-report.mjs
