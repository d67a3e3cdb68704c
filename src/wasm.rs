//! The browser adapter: one `Relations` handle that owns a validated dataset
//! and answers the card's questions with plain JS objects. It converts and
//! forwards; every decision is made in the core modules.

use wasm_bindgen::prelude::*;

use crate::json::{self, Path, Reader, ToJson, Value};
use crate::query::{Index, Query};
use crate::{load, view, DatasetError, BUILTIN_JSON};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
export type PartnerKind = "country" | "organisation";
export interface SourceRef { id: string; title: string; publisher: string; asOf: string; locator: string; }
export interface DatasetProblem { path: string; line?: number; column?: number; message: string; }
export type Theme = "diplomacy" | "security" | "military" | "borders" | "trade" | "energy" | "water"
  | "transport" | "investment" | "aid" | "culture" | "religion" | "refugees" | "drugs";
export type RecordKind = "event" | "agreement" | "figure" | "membership" | "period";
export type Tone = "hostile" | "tense" | "mixed" | "cordial" | "close";
export interface Query {
  partners?: string[]; region?: string; themes?: Theme[]; kinds?: RecordKind[];
  from?: number; to?: number; disputedOnly?: boolean; source?: string;
  text?: string; sort?: "date" | "-date" | "relevance"; limit?: number; offset?: number;
}
export interface Hit {
  id: string; kind: RecordKind; date: string; dateLabel: string;
  partners: string[]; partnerNames: string[]; themes: Theme[];
  title: string; summary: string; value?: string; tone?: Tone; asOf?: string;
  sources: SourceRef[]; disputed: boolean;
}
export interface Answer { total: number; hits: Hit[]; }
export interface Count<K> { key: K; label: string; count: number; }
export interface Facets {
  partners: Count<string>[]; themes: Count<Theme>[]; kinds: Count<RecordKind>[];
  decades: Count<number>[]; years: Count<number>[];
}
export interface Timeline { bucketYears: number; buckets: { from: number; to: number; count: number }[]; undated: number; }
export interface PartnerSummary {
  code: string; name: string; kind: PartnerKind; region: string; aliases: string[];
  eventCount: number; firstContact?: Hit; latestContact?: Hit; periods: Hit[];
  currentTone?: Tone; figures: Hit[]; membership?: Hit;
  sharedOrganisations: Count<string>[]; eventsByTheme: Count<Theme>[];
}
export type View = "overview" | "partner" | "timeline" | "figures" | "sources";
export interface Attributes { view?: string | null; partner?: string | null; theme?: string | null; from?: string | null; to?: string | null; q?: string | null; }
export interface CardState {
  view?: View; partner?: string | null; themes?: Theme[]; kinds?: RecordKind[]; from?: number | null; to?: number | null;
  q?: string; oldestFirst?: boolean; more?: number;
}
export type Msg =
  | { type: "show"; view: View } | { type: "openPartner"; code: string }
  | { type: "filterPartner"; code: string | null } | { type: "back" }
  | { type: "search"; q: string } | { type: "toggleTheme"; theme: Theme } | { type: "toggleKind"; kind: RecordKind }
  | { type: "setYears"; from: number | null; to: number | null } | { type: "toggleOrder" }
  | { type: "showMore" } | { type: "clearFilters" } | { type: "reset" };
export interface YearBar { year: number; count: number; height: number; selected: boolean; }
export interface Choice { key: string; label: string; count: number; selected: boolean; }
export interface Bar { key: string; label: string; count: number; share: number; tone?: Tone; }
export interface Segment { id: string; lane: number; start: number; end: number; tone: Tone; label: string; years: string; disputed: boolean; }
export interface SourceCard { id: string; title: string; publisher: string; asOf: string; reliability: string; licence?: string; url?: string; citedBy: number; citedLabel: string; }
export type Body =
  | { kind: "overview"; regions: { region: string; partners: { code: string; name: string; kind: PartnerKind; eventCount: number; detail: string; tone?: Tone; toneLabel: string; years: string }[] }[]; picture: { bars: Bar[]; legend: Tone[]; text: string } }
  | { kind: "partner"; summary: PartnerSummary; strip: { firstYear: number; lastYear: number; lanes: number; segments: Segment[]; legend: Tone[]; text: string }; events: Hit[]; total: number; totalLabel: string; more: number; moreLabel?: string; oldestFirst: boolean }
  | { kind: "timeline"; partners: Choice[]; themes: Choice[]; kinds: Choice[]; histogram: { years: YearBar[]; earlier: YearBar[]; text: string }; results: Hit[]; total: number; totalLabel: string; more: number; moreLabel?: string; oldestFirst: boolean; filtered: boolean; empty?: string }
  | { kind: "figures"; charts: { unit: string; text: string; rows: { hit: Hit; shape: "bar" | "approx" | "range" | "choices"; start: number; end: number; points: number[] }[] }[] }
  | { kind: "sources"; sources: SourceCard[]; disputes: { id: string; topic: string; claims: Hit[] }[] }
  | { kind: "problem"; message: string };
export interface Screen { state: CardState; locale: string; dir: "ltr" | "rtl"; ui: Record<string, string>; themeLabels: Record<string, string>; toneLabels: Record<string, string>; title: string; subtitle: string; tabs: { view: View; label: string; selected: boolean }[]; announcement: string; notice?: string; body: Body; }
"#;

/// Reports Rust panics on the console instead of an opaque "unreachable".
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("relations-card: internal error: {info}").into());
    }));
}

/// The interface labels of a locale, before any dataset is loaded (to say
/// "loading" in the reader's language).
#[wasm_bindgen(js_name = interfaceLabels, unchecked_return_type = "Record<string, string>")]
pub fn interface_labels(locale: &str) -> Result<JsValue, JsError> {
    to_js(&crate::messages::for_locale(locale).ui)
}

/// A dataset loaded and indexed once, queried many times.
#[wasm_bindgen]
pub struct Relations {
    index: Index,
    build_millis: f64,
}

#[wasm_bindgen]
impl Relations {
    /// The dataset compiled into this build.
    pub fn builtin() -> Result<Relations, JsValue> {
        Self::from_json(BUILTIN_JSON)
    }

    /// Validates dataset text. On failure throws an `Error` whose message
    /// lists every problem and whose `problems` property holds them as
    /// `DatasetProblem` objects.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<Relations, JsValue> {
        let dataset = load(text).map_err(|errors| problems_error(&errors))?;
        let started = js_sys::Date::now();
        let index = Index::new(dataset);
        Ok(Relations { index, build_millis: js_sys::Date::now() - started })
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

    /// Matching records: `{ total, hits }` for a `Query` object.
    #[wasm_bindgen(unchecked_return_type = "Answer")]
    pub fn query(&self, #[wasm_bindgen(unchecked_param_type = "Query")] query: JsValue) -> Result<JsValue, JsError> {
        let answer = self.index.search(&from_js(query)?).map_err(query_error)?;
        to_js(&answer)
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

    #[wasm_bindgen(js_name = partnerSummary, unchecked_return_type = "PartnerSummary")]
    pub fn partner_summary(&self, code: &str) -> Result<JsValue, JsError> {
        to_js(&self.index.partner_summary(code).map_err(query_error)?)
    }

    /// Everything the card shows for a `CardState` (see `src/view.rs`), in
    /// the language of `locale` (a BCP 47 tag; English when not in the catalogue).
    #[wasm_bindgen(unchecked_return_type = "Screen")]
    pub fn screen(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CardState")] state: JsValue,
        locale: Option<String>,
    ) -> Result<JsValue, JsError> {
        let messages = messages(locale);
        to_js(&view::screen_in(&self.index, &state_from_js(state)?, messages))
    }

    /// The records of the current view as a file's text: `"csv"` or `"json"`.
    pub fn download(&self, #[wasm_bindgen(unchecked_param_type = "CardState")] state: JsValue, format: &str) -> Result<String, JsError> {
        Ok(view::download(&self.index, &state_from_js(state)?, format))
    }

    /// A citation of the card (at `page_url`, read on `today`) and its sources.
    pub fn citation(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CardState")] state: JsValue,
        page_url: &str,
        today: &str,
        locale: Option<String>,
    ) -> Result<String, JsError> {
        let messages = messages(locale);
        Ok(view::citation_in(&self.index, &state_from_js(state)?, page_url, today, messages))
    }

    /// The state that attributes (or a URL fragment) ask for, and what was
    /// wrong with them in the reader's language: `{ state, problems }`.
    #[wasm_bindgen(js_name = stateFromAttributes, unchecked_return_type = "{ state: CardState; problems: string[] }")]
    pub fn state_from_attributes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Attributes")] attributes: JsValue,
        locale: Option<String>,
    ) -> Result<JsValue, JsError> {
        let attributes = read_js(&attributes, view::Attributes::read, "attributes")?;
        let messages = messages(locale);
        let (state, problems) = view::CardState::from_attributes(&attributes, messages);
        let mut out = json::Writer::compact();
        out.begin_object();
        out.field("state", &state);
        out.field("problems", &problems);
        out.end_object();
        json_to_js(&out.finish())
    }

    /// The attributes that ask for a state (what the element reflects).
    #[wasm_bindgen(js_name = attributesOf, unchecked_return_type = "Attributes")]
    pub fn attributes_of(&self, #[wasm_bindgen(unchecked_param_type = "CardState")] state: JsValue) -> Result<JsValue, JsError> {
        to_js(&state_from_js(state)?.attributes())
    }

    /// The state after a reader's action (`Msg`); pure, like the core's `update`.
    #[wasm_bindgen(unchecked_return_type = "CardState")]
    pub fn update(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CardState")] state: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Msg")] msg: JsValue,
    ) -> Result<JsValue, JsError> {
        let msg = read_js(&msg, view::Msg::read, "message")?;
        to_js(&view::update(&state_from_js(state)?, &msg))
    }
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

fn state_from_js(value: JsValue) -> Result<view::CardState, JsError> {
    read_js(&value, view::CardState::read, "card state")
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

/// The catalogue for a BCP 47 tag; English when none is given or known.
fn messages(locale: Option<String>) -> &'static crate::messages::Messages {
    crate::messages::for_locale(locale.as_deref().unwrap_or("en"))
}

fn query_error(error: crate::query::QueryError) -> JsError {
    JsError::new(&error.to_string())
}

fn problems_error(errors: &[DatasetError]) -> JsValue {
    let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    let error = js_sys::Error::new(&format!("invalid dataset:\n{}", lines.join("\n")));
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
