#!/usr/bin/env bash
# `make bench`: the query engine's speed and memory at 200, 10,000 and
# 100,000 synthetic events — natively, then the WebAssembly's memory (peak and
# held) at 1,000 to 100,000, then in WebAssembly beside FlexSearch, MiniSearch
# and Array.filter in Node. Prints numbers; asserts nothing on time.
set -eu
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

scripts/build.sh >/dev/null
cargo build --release --bin relations

echo "== native (cargo bench --bench engine)"
cargo bench --bench engine
cargo bench --bench views

echo "== WebAssembly memory of reading a dataset (scripts/bench-memory.mjs)"
node scripts/bench-memory.mjs

echo "== WebAssembly and JavaScript libraries in Node $(node --version)"
node --expose-gc scripts/bench.mjs "$@"
