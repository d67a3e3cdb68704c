//! The wasm adapter in a real browser (headless Chromium through
//! wasm-bindgen-test-runner): what JS receives from the `Relations` handle.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use relations_card::json;
use relations_card::wasm::{Card, Relations};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn new_card() -> Card {
    Card::new(js_sys::Object::new().into(), "en", false).unwrap()
}

#[wasm_bindgen_test]
fn the_first_frame_crosses_as_plain_objects_with_camel_case_names() {
    let relations = Relations::builtin().unwrap();
    let mut card = new_card();
    let loading = card.frame().unwrap();
    assert_eq!(get(&get(&get(&loading, "screen"), "body"), "kind").as_string().unwrap(), "loading");
    let frame = card.show(&relations).unwrap();
    assert_eq!(get(&frame, "ready").as_bool(), Some(true));
    let body = get(&get(&frame, "screen"), "body");
    assert_eq!(get(&body, "kind").as_string().unwrap(), "overview");
    // The first screen is the map: its countries cross with their words.
    let map = get(&body, "map");
    let codes: Vec<String> = Array::from(&get(&map, "countries")).iter().map(|c| get(&c, "code").as_string().unwrap()).collect();
    assert!(codes.contains(&"IR".to_string()), "{codes:?}");
    assert!(get(&map, "subjectLabel").as_string().unwrap() == "Tajikistan");
    assert_eq!(get(&get(&body, "switch"), "label").as_string().unwrap(), "List of partners");
    let list = card.send(js_sys::JSON::parse(r#"{"type":"toggleList"}"#).unwrap(), "en", "", "").unwrap();
    let body = get(&get(&list, "screen"), "body");
    let regions = Array::from(&get(&body, "regions"));
    let names: Vec<String> = regions
        .iter()
        .flat_map(|g| Array::from(&get(&g, "partners")).iter().map(|p| get(&p, "name").as_string().unwrap()).collect::<Vec<_>>())
        .collect();
    assert!(names.contains(&"Iran".to_string()), "{names:?}");
    assert!(get(&get(&body, "picture"), "text").as_string().unwrap().starts_with("Events per partner"));
}

#[wasm_bindgen_test]
fn one_send_gives_the_frame_the_core_gives() {
    use relations_card::view;
    let relations = Relations::builtin().unwrap();
    let mut card = new_card();
    card.show(&relations).unwrap();
    let msg = js_sys::JSON::parse(r#"{"type":"openPartner","code":"KZ"}"#).unwrap();
    let frame = card.send(msg, "en", "https://example.org/", "2026-12-01").unwrap();
    assert_eq!(get(&get(&frame, "state"), "view").as_string().unwrap(), "partner");
    assert_eq!(get(&frame, "focus").as_string().unwrap(), "partner-title");
    let mut native = view::Card::new(&view::Attributes::default(), "en", false);
    native.show(std::rc::Rc::new(relations_card::query::Index::new(relations_card::builtin())));
    let expected = native.send(&view::Msg::OpenPartner { code: "KZ".into() }, "en", "https://example.org/", "2026-12-01");
    assert_eq!(js_sys::JSON::stringify(&frame).unwrap().as_string().unwrap(), json::to_string(&expected));
}

#[wasm_bindgen_test]
fn a_bad_message_throws_instead_of_trapping() {
    let mut card = new_card();
    let msg = js_sys::JSON::parse(r#"{"type":"explode"}"#).unwrap();
    assert!(card.send(msg, "en", "", "").is_err());
}

/// The built-in dataset with its Russian texts added, as a Russian card gets
/// it: Russian words find its records; texts for another dataset throw.
#[wasm_bindgen_test]
fn the_built_in_dataset_takes_its_texts_in_another_language() {
    let whole = relations_card::load(include_str!("../data/tajikistan.json")).unwrap();
    let russian = Relations::builtin_with_texts(&relations_card::languages::texts_in(&whole, "ru")).unwrap();
    let query = js_sys::JSON::parse(r#"{"text": "мосты", "limit": 0}"#).unwrap();
    let found = get(&russian.query(query.clone(), None).unwrap(), "total").as_f64().unwrap();
    let english = get(&Relations::builtin().unwrap().query(query, None).unwrap(), "total").as_f64().unwrap();
    assert_eq!((found, english), (2.0, 0.0), "bridges in Russian: found with the Russian texts only");
    assert!(Relations::builtin_with_texts(r#"{"language": "ru", "texts": {"events[9999].title": "x"}}"#).is_err());
}

#[wasm_bindgen_test]
fn unknown_partner_throws_instead_of_trapping() {
    let relations = Relations::builtin().unwrap();
    assert!(relations.partner_summary("ZZ", None).is_err());
}

#[wasm_bindgen_test]
fn invalid_text_throws_an_error_listing_problems_with_lines() {
    let error = Relations::from_json(&"{\n  \"schemaVersion\": 1,\n  oops\n}".into()).err().unwrap();
    let problems = Array::from(&get(&error, "problems"));
    assert_eq!(problems.length(), 1);
    assert_eq!(get(&problems.get(0), "line").as_f64(), Some(3.0));
    let message = get(&error, "message").as_string().unwrap();
    assert!(message.contains("line 3"), "{message}");
}

/// A dataset's bytes read as its text is: the card fetches bytes (and this
/// file's records are read in several windows of them).
#[wasm_bindgen_test]
fn bytes_read_as_the_text_does() {
    let bytes = Relations::from_bytes(&include_bytes!("../data/tajikistan.json")[..].into()).unwrap();
    let text = Relations::from_json(&include_str!("../data/tajikistan.json").into()).unwrap();
    let all = || js_sys::JSON::parse(r#"{"text":"border"}"#).unwrap();
    assert_eq!(get(&bytes.query(all(), None).unwrap(), "total").as_f64(), get(&text.query(all(), None).unwrap(), "total").as_f64());
    let every = || js_sys::JSON::parse("{}").unwrap();
    assert_eq!(bytes.count(every()).unwrap(), text.count(every()).unwrap());
    assert!(bytes.count(every()).unwrap() > 200);
    let error = Relations::from_bytes(&b"{\n  \"schemaVersion\": 1,\n  oops\n}"[..].into()).err().unwrap();
    assert_eq!(get(&Array::from(&get(&error, "problems")).get(0), "line").as_f64(), Some(3.0));
}

/// The golden queries of `tests/golden.rs`, asked through the JavaScript
/// interface: WebAssembly gives the answers recorded natively.
#[wasm_bindgen_test]
fn golden_queries_give_the_native_answers_through_js() {
    let cases = json::parse(include_str!("golden/search.json")).unwrap();
    // Recorded on the dataset in every language, as a card with its texts searches.
    let relations = Relations::from_json(&include_str!("../data/tajikistan.json").into()).unwrap();
    let cases = cases.items().unwrap();
    assert!(cases.len() >= 15);
    for case in cases {
        let name = case.get("name").and_then(|n| n.as_str()).unwrap();
        let query = js_sys::JSON::parse(&json::to_string(case.get("query").unwrap())).unwrap();
        let answer = relations.query(query, None).unwrap_or_else(|_| panic!("{name} failed"));
        let total = json::to_string(case.get("total").unwrap());
        assert_eq!((get(&answer, "total").as_f64().unwrap() as u64).to_string(), total, "{name}");
        let hits: Vec<String> = Array::from(&get(&answer, "hits"))
            .iter()
            .map(|h| {
                let field = |k: &str| get(&h, k).as_string().unwrap();
                format!("{} | {} | {}", field("date"), field("id"), field("title"))
            })
            .collect();
        let expected: Vec<String> =
            case.get("hits").and_then(|h| h.items()).unwrap().iter().map(|h| h.as_str().unwrap().to_string()).collect();
        assert_eq!(hits, expected, "{name}");
    }
}

#[wasm_bindgen_test]
fn facets_timeline_and_summary_cross_as_plain_objects() {
    let relations = Relations::builtin().unwrap();
    let query = js_sys::JSON::parse(r#"{"themes":["trade"]}"#).unwrap();
    let facets = relations.facets(query.clone()).unwrap();
    assert!(Array::from(&get(&facets, "partners")).length() > 3);
    let timeline = relations.timeline(query, 5).unwrap();
    assert_eq!(get(&timeline, "bucketYears").as_f64(), Some(5.0));
    let summary = relations.partner_summary("IR", None).unwrap();
    assert_eq!(get(&summary, "name").as_string().unwrap(), "Iran");
    assert!(Array::from(&get(&summary, "periods")).length() >= 5);
}

#[wasm_bindgen_test]
fn a_misspelt_or_impossible_query_throws_a_clear_error() {
    let relations = Relations::builtin().unwrap();
    let misspelt = js_sys::JSON::parse(r#"{"partner":["IR"]}"#).unwrap();
    assert!(relations.query(misspelt, None).is_err());
    let reversed = js_sys::JSON::parse(r#"{"from":2010,"to":1990}"#).unwrap();
    assert!(relations.query(reversed, None).is_err());
    assert!(relations.query(JsValue::UNDEFINED, None).is_ok(), "no query means everything");
}

/// The word index is made on demand: a search works before and after
/// `prepareSearch`, with the same answer.
#[wasm_bindgen_test]
fn searches_work_before_and_after_the_word_index_is_prepared() {
    let query = || js_sys::JSON::parse(r#"{"text":"panj","limit":3}"#).unwrap();
    let first = Relations::builtin().unwrap();
    let before = js_sys::JSON::stringify(&first.query(query(), None).unwrap()).unwrap();
    let second = Relations::builtin().unwrap();
    assert!(second.prepare_search() >= 0.0);
    let after = js_sys::JSON::stringify(&second.query(query(), None).unwrap()).unwrap();
    assert_eq!(before, after);
    assert!(get(&first.query(query(), None).unwrap(), "total").as_f64().unwrap() > 0.0);
}

/// Attribute changes and a failed load cross as one call each, with the
/// card's words in its language.
#[wasm_bindgen_test]
fn attributes_and_a_failure_cross_as_frames() {
    let relations = Relations::builtin().unwrap();
    let mut card = new_card();
    card.show(&relations).unwrap();
    let attributes = js_sys::JSON::parse(r#"{"view":"timeline","theme":"water gossip"}"#).unwrap();
    let frame = card.set_attributes(attributes, "ru").unwrap();
    assert_eq!(get(&get(&get(&frame, "screen"), "body"), "kind").as_string().unwrap(), "timeline");
    assert_eq!(Array::from(&get(&frame, "warnings")).length(), 1, "the unknown theme is said once");
    assert_eq!(get(&frame, "changed").as_bool(), Some(false), "the page's change, not the reader's");
    let mut loading = Card::new(js_sys::Object::new().into(), "ru", true).unwrap();
    let failure = js_sys::JSON::parse(r#"{"url":"d.json","reason":"http","status":404,"bytes":null,"detail":null}"#).unwrap();
    let body = get(&get(&loading.fail(failure).unwrap(), "screen"), "body");
    assert_eq!(get(&body, "kind").as_string().unwrap(), "failure");
    assert!(get(&body, "message").as_string().unwrap().ends_with("HTTP 404"));
}
