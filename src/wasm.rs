//! The browser adapter: a `Relations` handle that owns a validated dataset
//! (shared by every card that shows it) and answers the engine's questions,
//! and a `Card` handle per element that answers each reader action with one
//! `Frame`. It converts and forwards; every decision is made in the core.

use wasm_bindgen::prelude::*;

use std::alloc::{GlobalAlloc, Layout};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use crate::joining::join;
use crate::json::{self, Path, Reader, ToJson, Value};
use crate::query::{Index, Query};
use crate::{load, view, DatasetError, BUILTIN_JSON};

/// Every type is declared in `relations_card_types.d.ts`, which the build
/// writes from the core's own field lists (`relations typescript`).
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
export * from "./relations_card_types";
import type { Query, Hits, Facets, Timeline, Summary, Frame, Msg, Attributes, CardState, Failure } from "./relations_card_types";
"#;

/// The studio's build adds the importer and its options.
#[cfg(feature = "studio")]
#[wasm_bindgen(typescript_custom_section)]
const STUDIO_TS_TYPES: &str = r#"
import type { Studio, Snippets, Theme } from "./relations_card_types";
/** What a studio's sheets may not say, said once for all of them. */
export interface StudioOptions {
  subject?: string;
  language?: string;
  title?: string;
  group?: "partner" | "theme";
  partners?: string[];
  themes?: Theme[];
}
"#;

/// Reports Rust panics on the console instead of an opaque "unreachable".
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("relations-card: internal error: {info}").into());
    }));
}

/// Talc instead of the standard library's dlmalloc: smaller code for the
/// same work (measured in `Cargo.toml`); memory grows as the card needs it.
/// Counted, so that `make bench` can say what a dataset holds and the most
/// it held on the way (the linear memory alone says only the most, with
/// the allocator's gaps).
#[global_allocator]
static ALLOCATOR: Counted = Counted(talc::wasm::new_wasm_dynamic_allocator());

struct Counted(talc::wasm::WasmDynamicTalc);

/// Bytes allocated now, and the most allocated at any moment. Atomics only
/// because a static must be `Sync`: without threads they are plain loads
/// and stores.
static HELD: AtomicUsize = AtomicUsize::new(0);
static MOST_HELD: AtomicUsize = AtomicUsize::new(0);

fn held_more(bytes: usize) {
    let now = HELD.load(Relaxed) + bytes;
    HELD.store(now, Relaxed);
    if now > MOST_HELD.load(Relaxed) {
        MOST_HELD.store(now, Relaxed);
    }
}

fn held_less(bytes: usize) {
    HELD.store(HELD.load(Relaxed).saturating_sub(bytes), Relaxed);
}

// SAFETY: every call is forwarded to talc unchanged; only sizes are counted.
unsafe impl GlobalAlloc for Counted {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let at = unsafe { self.0.alloc(layout) };
        if !at.is_null() {
            held_more(layout.size());
        }
        at
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let at = unsafe { self.0.alloc_zeroed(layout) };
        if !at.is_null() {
            held_more(layout.size());
        }
        at
    }

    unsafe fn dealloc(&self, at: *mut u8, layout: Layout) {
        unsafe { self.0.dealloc(at, layout) };
        held_less(layout.size());
    }

    unsafe fn realloc(&self, at: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = unsafe { self.0.realloc(at, layout, new_size) };
        if !moved.is_null() {
            held_less(layout.size());
            held_more(new_size);
        }
        moved
    }
}

/// Bytes the core holds now (allocated, not counting the allocator's gaps).
#[wasm_bindgen(js_name = heldBytes)]
pub fn held_bytes() -> f64 {
    HELD.load(Relaxed) as f64
}

/// The most bytes the core has held at once since the instance started.
#[wasm_bindgen(js_name = mostHeldBytes)]
pub fn most_held_bytes() -> f64 {
    MOST_HELD.load(Relaxed) as f64
}

/// The largest dataset a card reads, in bytes (the element checks a
/// download against it before reading it).
#[wasm_bindgen(js_name = maxDatasetBytes)]
pub fn max_dataset_bytes() -> f64 {
    view::MAX_DATASET_BYTES as f64
}

/// How long the element waits for a dataset, in milliseconds.
#[wasm_bindgen(js_name = fetchTimeoutMillis)]
pub fn fetch_timeout_millis() -> f64 {
    view::card::FETCH_TIMEOUT_MS as f64
}

/// For the console: each of `names` (an element's attribute names,
/// separated by spaces) that `<relations-card>` does not read, with the
/// nearest one it does. (One string in, JSON out: string arrays' own glue
/// costs more wasm.)
#[wasm_bindgen(js_name = unknownAttributes, unchecked_return_type = "string[]")]
pub fn unknown_attributes(names: &str) -> Result<JsValue, JsError> {
    let names: Vec<&str> = names.split(' ').filter(|n| !n.is_empty()).collect();
    to_js(&view::attributes::unknown_attributes(&names))
}

/// A dataset loaded and indexed once, queried many times.
#[wasm_bindgen]
pub struct Relations {
    index: Rc<Index>,
    build_millis: f64,
}

impl Relations {
    fn indexed(dataset: crate::Dataset) -> Relations {
        let started = js_sys::Date::now();
        let index = Rc::new(Index::new(dataset));
        Relations { index, build_millis: js_sys::Date::now() - started }
    }
}

#[wasm_bindgen]
impl Relations {
    /// The dataset compiled into this build.
    pub fn builtin() -> Result<Relations, JsValue> {
        Ok(Relations::indexed(loaded(BUILTIN_JSON)?))
    }

    /// The dataset compiled into this build with its texts in another
    /// language added (`pkg/texts.<language>.json`, made by `relations texts`).
    #[wasm_bindgen(js_name = builtinWithTexts)]
    pub fn builtin_with_texts(texts: &str) -> Result<Relations, JsError> {
        let mut dataset = crate::builtin();
        crate::languages::add_texts(&mut dataset, texts).map_err(|e| JsError::new(&e))?;
        Ok(Relations::indexed(dataset))
    }

    /// Validates dataset text. On failure throws an `Error` whose message
    /// lists every problem and whose `problems` property holds them as
    /// `DatasetProblem` objects.
    ///
    /// The text comes in as UTF-8 made by the browser's `TextEncoder`:
    /// wasm-bindgen's own string passing reserves three bytes per character
    /// in the wasm's memory as soon as it meets one non-ASCII character, and
    /// wasm memory never shrinks (110 MB for a 37 MB dataset).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(#[wasm_bindgen(unchecked_param_type = "string")] text: &js_sys::JsString) -> Result<Relations, JsValue> {
        Self::from_bytes(&TextEncoder::new().encode(text))
    }

    /// Validates a dataset's bytes (UTF-8, as fetched), as `fromJson` does
    /// its text. They stay in JavaScript's memory: the wasm copies them in
    /// to check them and find the records, lets that copy go, then copies
    /// one record at a time as it reads it (`validate::load_detached`), so
    /// the text and the dataset made from it are never in the wasm together.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &js_sys::Uint8Array) -> Result<Relations, JsValue> {
        let dataset = match String::from_utf8(bytes.to_vec()) {
            Ok(text) => crate::validate::load_detached(text, fetch_in_windows(bytes.clone())).map_err(|errors| problems_error(&errors))?,
            // Not UTF-8 where it should be: read as a browser would decode it.
            Err(e) => loaded(&String::from_utf8_lossy(e.as_bytes()))?,
        };
        Ok(Relations::indexed(dataset))
    }

    /// Builds the word index for searches now and returns the milliseconds
    /// it took; without this call the first search builds it. A card calls
    /// it once the first view is shown, while the reader looks.
    #[wasm_bindgen(js_name = prepareSearch)]
    pub fn prepare_search(&self) -> f64 {
        let started = js_sys::Date::now();
        self.index.prepare_search();
        js_sys::Date::now() - started
    }

    /// Milliseconds spent building the index without its word index (not
    /// parsing), for benchmarks; `prepareSearch` gives the rest.
    #[wasm_bindgen(getter, js_name = indexBuildMillis)]
    pub fn index_build_millis(&self) -> f64 {
        self.build_millis
    }

    /// Matching records: `{ total, hits }` for a `Query` object, worded in
    /// the language of `locale` (English when none is given).
    #[wasm_bindgen(unchecked_return_type = "Hits")]
    pub fn query(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Query")] query: JsValue,
        locale: Option<String>,
    ) -> Result<JsValue, JsError> {
        let messages = view::catalogue::for_locale(locale.as_deref().unwrap_or("en"));
        to_js(&view::record::search(&self.index, &from_js(query)?, messages).map_err(query_error)?)
    }

    /// Just the number of matches, without building hits.
    #[wasm_bindgen(js_name = count)]
    pub fn count(&self, #[wasm_bindgen(unchecked_param_type = "Query")] query: JsValue) -> Result<usize, JsError> {
        let mut query = from_js(query)?;
        query.limit = Some(0);
        Ok(self.index.search(&query).map_err(query_error)?.total)
    }

    #[wasm_bindgen(unchecked_return_type = "Facets")]
    pub fn facets(&self, #[wasm_bindgen(unchecked_param_type = "Query")] query: JsValue) -> Result<JsValue, JsError> {
        to_js(&self.index.facets(&from_js(query)?).map_err(query_error)?)
    }

    #[wasm_bindgen(unchecked_return_type = "Timeline")]
    pub fn timeline(&self, #[wasm_bindgen(unchecked_param_type = "Query")] query: JsValue, bucket_years: u32) -> Result<JsValue, JsError> {
        to_js(&self.index.timeline(&from_js(query)?, bucket_years).map_err(query_error)?)
    }

    /// One partner at a glance, its records worded in the language of `locale`.
    #[wasm_bindgen(js_name = partnerSummary, unchecked_return_type = "Summary")]
    pub fn partner_summary(&self, code: &str, locale: Option<String>) -> Result<JsValue, JsError> {
        let messages = view::catalogue::for_locale(locale.as_deref().unwrap_or("en"));
        to_js(&view::record::summary(&self.index, code, messages).map_err(query_error)?)
    }
}

/// One `<relations-card>`: what its reader has chosen, answered with one
/// `Frame` per call. A reader's action is exactly one `send`.
#[wasm_bindgen]
pub struct Card {
    card: view::Card,
}

#[wasm_bindgen]
impl Card {
    /// A card for the page's attributes, in the language of `locale`;
    /// `fetching` when its dataset comes from a URL.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Attributes")] attributes: JsValue,
        locale: &str,
        fetching: bool,
    ) -> Result<Card, JsError> {
        let attributes = read_js(&attributes, view::Attributes::read, "attributes")?;
        Ok(Card { card: view::Card::new(&attributes, locale, fetching) })
    }

    /// What the card shows now (while loading: the loading text, if any).
    #[wasm_bindgen(unchecked_return_type = "Frame")]
    pub fn frame(&mut self) -> Result<JsValue, JsError> {
        to_js(&self.card.frame())
    }

    /// The dataset is there: the first view.
    #[wasm_bindgen(unchecked_return_type = "Frame")]
    pub fn show(&mut self, relations: &Relations) -> Result<JsValue, JsError> {
        to_js(&self.card.show(Rc::clone(&relations.index)))
    }

    /// The dataset could not be had: the card says why, in its language.
    #[wasm_bindgen(unchecked_return_type = "Frame")]
    pub fn fail(&mut self, #[wasm_bindgen(unchecked_param_type = "Failure")] failure: JsValue) -> Result<JsValue, JsError> {
        let failure = read_js(&failure, view::Failure::read, "failure")?;
        to_js(&self.card.fail(failure))
    }

    /// The page changed the attributes or the language.
    #[wasm_bindgen(js_name = setAttributes, unchecked_return_type = "Frame")]
    pub fn set_attributes(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Attributes")] attributes: JsValue,
        locale: &str,
    ) -> Result<JsValue, JsError> {
        let attributes = read_js(&attributes, view::Attributes::read, "attributes")?;
        to_js(&self.card.set_attributes(&attributes, locale))
    }

    /// A reader's action in the card's language (`locale`); `page_url` and
    /// `today` (`YYYY-MM-DD`, the reader's date) are what a citation names.
    #[wasm_bindgen(unchecked_return_type = "Frame")]
    pub fn send(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Msg")] msg: JsValue,
        locale: &str,
        page_url: &str,
        today: &str,
    ) -> Result<JsValue, JsError> {
        let msg = read_js(&msg, view::Msg::read, "message")?;
        to_js(&self.card.send(&msg, locale, page_url, today))
    }

    /// What the reader has chosen.
    #[wasm_bindgen(unchecked_return_type = "CardState")]
    pub fn state(&self) -> Result<JsValue, JsError> {
        to_js(self.card.state())
    }
}

/// The studio page (`www/studio.html`): sheets read into a dataset, with
/// every problem at its row and column. `names[i]` is the name of the file
/// whose bytes are `contents[i]`; `options` says what the sheets may not.
#[cfg(feature = "studio")]
#[wasm_bindgen(js_name = importSheets, unchecked_return_type = "Studio")]
pub fn import_sheets(
    names: Vec<String>,
    contents: Vec<js_sys::Uint8Array>,
    #[wasm_bindgen(unchecked_param_type = "StudioOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options = read_js(&options, crate::sheet::Options::read, "options")?;
    let files: Vec<crate::sheet::SheetFile> =
        names.into_iter().zip(contents).map(|(name, bytes)| crate::sheet::SheetFile { name, bytes: bytes.to_vec() }).collect();
    to_js(&crate::sheet::studio(&files, &options))
}

/// The theme vocabulary, for the studio's choice of a sheet's theme.
#[cfg(feature = "studio")]
#[wasm_bindgen(js_name = themeKeys)]
pub fn theme_keys() -> Vec<String> {
    crate::model::Theme::KEYS.iter().map(|key| key.to_string()).collect()
}

/// The README's embed snippets for the studio's card (see `sheet::studio::snippets`).
#[cfg(feature = "studio")]
#[wasm_bindgen(js_name = embedSnippets, unchecked_return_type = "Snippets")]
pub fn embed_snippets(files_url: &str, dataset_url: &str, view: &str, partner: &str, title: &str) -> Result<JsValue, JsError> {
    to_js(&crate::sheet::studio::snippets(files_url, dataset_url, view, partner, title))
}

/// The single-file card (`template`, the shipped `relations-card.html`)
/// with the studio's dataset in it instead of the built-in one.
#[cfg(feature = "studio")]
#[wasm_bindgen(js_name = singleFile)]
pub fn single_file(template: &str, dataset_json: &str) -> Result<String, JsError> {
    crate::sheet::studio::single_file(template, dataset_json).map_err(|e| JsError::new(&e))
}

/// Gives records' text from JavaScript's copy of a dataset, copied in a
/// window of 64 KiB at a time: records are asked for in order, and a call
/// into JavaScript per record made reading 100,000 of them a third slower.
fn fetch_in_windows(bytes: js_sys::Uint8Array) -> json::Fetch {
    const WINDOW: usize = 1 << 16;
    let window = std::cell::RefCell::new((0, Vec::new()));
    Box::new(move |from, to| {
        let mut window = window.borrow_mut();
        let (start, held) = &mut *window;
        if from < *start || to > *start + held.len() {
            let end = (from + WINDOW).max(to).min(bytes.length() as usize);
            *held = bytes.subarray(from as u32, end as u32).to_vec();
            *start = from;
        }
        String::from_utf8(held.get(from - *start..to - *start)?.to_vec()).ok()
    })
}

/// A dataset from its text, or the error that lists its problems.
fn loaded(text: &str) -> Result<crate::Dataset, JsValue> {
    load(text).map_err(|errors| problems_error(&errors))
}

#[wasm_bindgen]
extern "C" {
    /// The browser's UTF-8 encoder (a binding of our own: web-sys's takes
    /// the text as a Rust string, which is the copy it is here to avoid,
    /// and gives the bytes as a Rust vector, which `fromBytes` does not want).
    type TextEncoder;

    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;

    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &js_sys::JsString) -> js_sys::Uint8Array;
}

/// Reads an object the caller passed (a query, a card state, a message)
/// through its JSON text, with the core's own reader: one small code path
/// instead of a deserialiser per type. `undefined` and `null` read as `{}`.
fn read_js<T>(value: &JsValue, read: fn(&mut Reader, &Value, &Path) -> Option<T>, what: &str) -> Result<T, JsError> {
    let text = if value.is_undefined() || value.is_null() {
        "{}".to_string()
    } else {
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|text| text.as_string())
            .ok_or_else(|| JsError::new(&format!("invalid {what}: not representable as JSON")))?
    };
    json::read_text(&text, read).map_err(|e| JsError::new(&format!("invalid {what}: {e}")))
}

fn from_js(value: JsValue) -> Result<Query, JsError> {
    read_js(&value, Query::read, "query")
}

/// A plain JS object from the value's JSON text: one `JSON.parse` instead of
/// a serializer per type, which kept the WebAssembly small.
fn to_js(value: &impl ToJson) -> Result<JsValue, JsError> {
    json_to_js(&json::to_string(value))
}

fn json_to_js(text: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(text).map_err(|_| JsError::new("internal error: the core wrote invalid JSON"))
}

fn query_error(error: crate::query::QueryError) -> JsError {
    JsError::new(&error.to_string())
}

fn problems_error(errors: &[DatasetError]) -> JsValue {
    let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    let error = js_sys::Error::new(&format!("{}\n{}", view::card::INVALID_DATASET, join(&lines, "\n")));
    let list = js_sys::Array::new();
    for problem in errors {
        let item = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            // Setting a property on a fresh plain object cannot fail.
            let _ = js_sys::Reflect::set(&item, &key.into(), &value);
        };
        set("path", problem.path.as_str().into());
        if let (Some(line), Some(column)) = (problem.line, problem.column) {
            set("line", (line as f64).into());
            set("column", (column as f64).into());
        }
        set("message", problem.message.as_str().into());
        list.push(&item);
    }
    let _ = js_sys::Reflect::set(&error, &"problems".into(), &list);
    error.into()
}
