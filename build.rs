//! Embeds the built-in dataset without its indentation and in its own
//! language alone: `data/tajikistan.json` stays pretty and whole for people
//! and diffs; the wasm carries the compact English, and each other language
//! ships apart (`relations texts`, fetched by a card that speaks it). A file
//! that does not read is left as it is, so the validator reports it with lines.

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
// The dataset's types and reader, to leave its translations out.
#[allow(dead_code)]
#[path = "src/date.rs"]
mod date;
#[allow(dead_code)]
#[path = "src/hashing.rs"]
mod hashing;
#[allow(dead_code)]
#[path = "src/languages.rs"]
mod languages;
#[allow(dead_code, unused_imports)]
#[path = "src/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/schema.rs"]
mod schema;

fn main() {
    let source = Path::new("data/tajikistan.json");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(source).expect("data/tajikistan.json is readable");
    let mut reader = json::Reader::default();
    let dataset = json::parse(&text).ok().and_then(|value| schema::read_dataset(&mut reader, &value));
    let compact = match dataset.filter(|_| reader.problems.is_empty()) {
        Some(dataset) => json::to_string(&languages::without_translations(dataset)),
        None => text,
    };
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("tajikistan.min.json");
    std::fs::write(out, compact).expect("OUT_DIR is writable");
}
