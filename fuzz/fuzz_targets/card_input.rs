//! What a page and a reader give a card: attributes (from markup or a URL
//! fragment), a language tag, and messages (JSON from the element). The
//! input is split on NUL bytes: six attributes, a locale, then messages.
#![no_main]
use std::rc::Rc;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use relations_card::json::read_text;
use relations_card::query::Index;
use relations_card::view::{Attributes, Card, Msg};

fn index() -> Rc<Index> {
    // Built once: the dataset is not what is fuzzed here.
    static TEXT: OnceLock<String> = OnceLock::new();
    let text = TEXT.get_or_init(|| relations_card::BUILTIN_JSON.to_string());
    Rc::new(Index::new(relations_card::load(text).unwrap()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut parts = text.split('\0');
    let mut next = || parts.next().filter(|p| !p.is_empty()).map(str::to_string);
    let names = ["view", "partner", "theme", "from", "to", "q", "height"];
    // As the element passes them: a JSON object of the attributes present.
    let mut object = relations_card::json::Writer::compact();
    object.begin_object();
    for name in names {
        if let Some(value) = next() {
            object.field(name, &value);
        }
    }
    object.end_object();
    let Ok(attributes) = read_text(&object.finish(), Attributes::read) else { return };
    let locale = next().unwrap_or_default();
    let mut card = Card::new(&attributes, &locale, false);
    let _ = card.show(index());
    for message in parts {
        if let Ok(msg) = read_text(message, Msg::read) {
            let _ = card.send(&msg, &locale, "https://example.org/story", "2026-12-02");
        }
    }
});
