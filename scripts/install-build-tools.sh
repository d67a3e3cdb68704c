#!/usr/bin/env bash
# Installs what `make build` needs when it is missing: the wasm32 target,
# wasm-bindgen-cli at exactly the version in Cargo.lock, and the npm tools
# (wasm-opt from npm's binaryen; never Debian's, whose wasm-opt 108
# corrupts wasm-bindgen 0.2.130 output).
set -eu
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "install: rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

# make test checks formatting and lints; a minimal rustup profile lacks both.
for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
        echo "install: rustup component add $component"
        rustup component add "$component"
    fi
done

bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
    echo "install: cannot read the wasm-bindgen version from Cargo.lock" >&2
    exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $bindgen_version"; then
    echo "install: cargo install wasm-bindgen-cli --version $bindgen_version (takes a few minutes)"
    cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "install: npm ci"
    npm ci --no-audit --no-fund
fi
