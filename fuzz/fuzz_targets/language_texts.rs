//! A language's texts for the built-in dataset (`pkg/texts.*.json`, fetched
//! by the card): any text is taken or refused, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut dataset = relations_card::builtin();
    let _ = relations_card::languages::add_texts(&mut dataset, text);
});
