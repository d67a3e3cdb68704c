//! Embeds the built-in dataset without its indentation: `data/tajikistan.json`
//! stays pretty for people and diffs, the wasm carries the compact form.
//! A malformed file is left as it is, so the validator reports it with lines.

use std::path::Path;

fn main() {
    let source = Path::new("data/tajikistan.json");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(source).expect("data/tajikistan.json is readable");
    let compact = match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(value) => value.to_string(),
        Err(_) => text,
    };
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("tajikistan.min.json");
    std::fs::write(out, compact).expect("OUT_DIR is writable");
}
