#!/usr/bin/env bash
# Builds the release WebAssembly into pkg/, the single file
# dist/relations-card.html, and prints the size report.
set -eu
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

scripts/install-build-tools.sh

# The wasm is 18 KiB (gzip) smaller when a nightly toolchain builds it with
# its own standard library: a panic then aborts at once, with no message
# formatting or source locations compiled in, and the library's size-optimised
# code paths are used. The code is the same, and a panic was already an abort
# in the browser. The library itself stays at opt-level 3, as stable ships it:
# at our "z" it read 100,000 events 25% slower. These machines come with a
# nightly; where there is none, or it fails, stable builds the wasm, and the
# size report says which one did. WASM_TOOLCHAIN=stable asks for stable anyway.
# A target directory of its own, so the two toolchains never rebuild each other.
# Arguments: cargo's (`--features studio` for the studio page's wasm).
build_wasm_with_nightly() {
    [ "${WASM_TOOLCHAIN:-}" != stable ] || return 1
    rustup toolchain list | grep -q '^nightly' || return 1
    rustup component list --toolchain nightly --installed | grep -q '^rust-src' ||
        rustup component add rust-src --toolchain nightly || return 1
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
        cargo +nightly build --lib --release --target wasm32-unknown-unknown "$@" \
        --config profile.release.package.core.opt-level=3 \
        --config profile.release.package.alloc.opt-level=3 \
        --config profile.release.package.std.opt-level=3 \
        --target-dir "target/nightly$TARGET_SUFFIX" -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
}
# Builds the wasm (cargo arguments: features) and its glue into the folder
# $1 under the name $2. The studio's has a target directory of its own, so
# the card's and the studio's builds never invalidate each other.
build_wasm() {
    out="$1" name="$2"
    shift 2
    if build_wasm_with_nightly "$@"; then
        wasm="target/nightly$TARGET_SUFFIX/wasm32-unknown-unknown/release/relations_card.wasm"
        RELATIONS_WASM_TOOLCHAIN="$(rustc +nightly --version), standard library built for size"
    else
        echo "build: building the wasm with stable (no nightly, or WASM_TOOLCHAIN=stable; about 18 KiB gzip larger)"
        cargo build --lib --release --target wasm32-unknown-unknown --target-dir "target/stable$TARGET_SUFFIX" "$@"
        wasm="target/stable$TARGET_SUFFIX/wasm32-unknown-unknown/release/relations_card.wasm"
        RELATIONS_WASM_TOOLCHAIN="$(rustc --version)"
    fi
    wasm-bindgen --target web --out-dir "$out" --out-name "$name" "$wasm"
    # The features Rust's wasm32 target enables by default; wasm-opt must be told.
    # --low-memory-unused: Rust places its stack and data above 1 MiB, so the
    # low addresses are free and constant offsets can be folded (-2.5 KB gzip).
    node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused \
        --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types --enable-multivalue \
        --strip-debug --strip-producers \
        "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
}
rm -rf pkg
TARGET_SUFFIX="" build_wasm pkg relations_card
export RELATIONS_WASM_TOOLCHAIN
# The studio page's: the card's core and the spreadsheet importer.
TARGET_SUFFIX="-studio" build_wasm pkg/studio relations_card_studio --features studio
# The summary readers see before the card loads (or without scripts), then
# the single-file build for learning platforms and offline use.
cargo run --quiet --release --bin relations -- static > pkg/static.html
# The types of what a card and its element exchange, from the core's own
# field lists (pkg/relations_card.d.ts re-exports them).
cargo run --quiet --release --bin relations -- typescript > pkg/relations_card_types.d.ts
# A bare card's first view on the built-in data, in each language, made by
# the core now: the element shows it while the wasm is on its way.
{ printf 'export default '; cargo run --quiet --release --bin relations -- first-views data/tajikistan.json; printf ';\n'; } > pkg/first-views.js
# The built-in dataset's texts in each language besides its own (the wasm
# carries the English): a card fetches the one it speaks.
for language in $(node -e "import('./pkg/first-views.js').then((m) => console.log(m.default.texts.join(' ')))"); do
    cargo run --quiet --release --bin relations -- texts --language "$language" data/tajikistan.json > "pkg/texts.$language.json"
done
# The map's geometry, projected and simplified from Natural Earth (see the
# script); the card fetches it only when it shows a map.
node scripts/build-map.mjs
node scripts/single-file.mjs
node scripts/package.mjs
node scripts/size-report.mjs
