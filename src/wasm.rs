//! The browser adapter: one `Relations` handle that owns a validated dataset
//! and answers the card's questions with plain JS objects. It converts and
//! forwards; every decision is made in the core modules.

use wasm_bindgen::prelude::*;

use crate::{load, view, Dataset, DatasetError, BUILTIN_JSON};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
export type PartnerKind = "country" | "organisation";
export interface PartnerItem {
  code: string; name: string; kind: PartnerKind; region: string;
  eventCount: number; firstYear?: number; lastYear?: number;
}
export interface Overview {
  title: string; subject: string; partners: PartnerItem[];
  eventCount: number; sourceCount: number;
}
export interface SourceRef { id: string; title: string; publisher: string; asOf: string; locator: string; }
export interface EventItem {
  id: string; kind: "event" | "agreement"; date: string; dateLabel: string;
  title: string; summary: string; themes: string[]; partners: string[];
  sources: SourceRef[]; disputed: boolean;
}
export interface PartnerView { partner: PartnerItem; events: EventItem[]; }
export interface DatasetProblem { path: string; line?: number; column?: number; message: string; }
"#;

/// Reports Rust panics on the console instead of an opaque "unreachable".
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("relations-card: internal error: {info}").into());
    }));
}

/// A dataset loaded once, queried many times.
#[wasm_bindgen]
pub struct Relations {
    dataset: Dataset,
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
        load(text).map(|dataset| Relations { dataset }).map_err(|errors| problems_error(&errors))
    }

    #[wasm_bindgen(unchecked_return_type = "Overview")]
    pub fn overview(&self) -> Result<JsValue, JsError> {
        to_js(&view::overview(&self.dataset))
    }

    /// One partner's view; throws for a code the dataset does not have.
    #[wasm_bindgen(js_name = partnerView, unchecked_return_type = "PartnerView")]
    pub fn partner_view(&self, code: &str) -> Result<JsValue, JsError> {
        let partner = view::partner_view(&self.dataset, code).map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&partner)
    }
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
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
