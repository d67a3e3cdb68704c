//! relations-card: a country's foreign relations as a sourced dataset, with
//! the validation, queries and view model behind the `<relations-card>`
//! element. Everything here is plain Rust tested natively; the only code
//! that knows about the browser is the `wasm` module, built for wasm32 alone.
//!
//! ```
//! use relations_card::{query::Index, view};
//! let mut card = view::Card::new(&view::Attributes::default(), "en", false);
//! card.show(std::rc::Rc::new(Index::new(relations_card::builtin())));
//! let frame = card.send(&view::Msg::OpenPartner { code: "IR".into() }, "en", "", "2026-12-01");
//! assert!(frame.announcement.unwrap().starts_with("Iran: "));
//! ```

pub mod date;
pub mod decimal;
pub mod export;
mod fold_table;
pub mod hashing;
pub mod joining;
pub mod json;
pub mod languages;
pub mod model;
pub mod query;
pub mod schema;
pub mod sheet;
pub mod sorting;
pub mod synth;
pub mod text;
pub mod validate;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use model::Dataset;
pub use validate::{load, DatasetError};

/// The built-in dataset's text: `data/tajikistan.json` without indentation
/// and in English alone (see `build.rs`), compiled in.
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/tajikistan.min.json"));

/// The built-in dataset. Its validity is a test (`builtin_dataset_is_valid`),
/// so this cannot fail in a released build.
pub fn builtin() -> Dataset {
    match load(BUILTIN_JSON) {
        Ok(dataset) => dataset,
        Err(errors) => panic!("the built-in dataset is invalid: {}", errors[0]),
    }
}

/// The built-in dataset in every language it is written in, as a card gets
/// it with its language's texts added (tests of what readers see).
#[cfg(test)]
pub(crate) fn builtin_in_every_language() -> Dataset {
    load(include_str!("../data/tajikistan.json")).expect("the built-in dataset is valid")
}

#[cfg(test)]
mod tests {
    #[test]
    fn compact_form_is_the_same_dataset_in_its_own_language() {
        let whole = crate::load(include_str!("../data/tajikistan.json")).unwrap();
        assert_eq!(crate::builtin(), crate::languages::without_translations(whole));
    }

    #[test]
    fn builtin_dataset_is_valid() {
        // The file as people edit it, so error lines point into it.
        if let Err(errors) = crate::load(include_str!("../data/tajikistan.json")) {
            let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!("data/tajikistan.json is invalid:\n{}", list.join("\n"));
        }
    }
}
