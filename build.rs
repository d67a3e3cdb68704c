//! Embeds the built-in dataset without its indentation: `data/tajikistan.json`
//! stays pretty for people and diffs, the wasm carries the compact form.
//! A malformed file is left as it is, so the validator reports it with lines.

use std::path::Path;

// The crate's own JSON reader and writer, so the build needs no serde.
#[allow(dead_code)]
#[path = "src/decimal.rs"]
mod decimal;
#[path = "src/joining.rs"]
mod joining;
// unused_imports: the re-exports in json/mod.rs the build script does not use.
#[allow(dead_code, unused_imports, unused_macros)]
#[path = "src/json/mod.rs"]
mod json;

fn main() {
    let source = Path::new("data/tajikistan.json");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(source).expect("data/tajikistan.json is readable");
    let compact = match json::parse(&text) {
        Ok(value) => json::to_string(&value),
        Err(_) => text,
    };
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("tajikistan.min.json");
    std::fs::write(out, compact).expect("OUT_DIR is writable");
}
