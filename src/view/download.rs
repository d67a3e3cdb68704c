//! What a reader takes away: the records of the current view as a CSV or
//! JSON file, and a citation of the card and its sources.

use super::catalogue::{fill, Messages};
use super::partner::partner_query;
use super::record::{search, Hit};
use super::state::{CardState, Format, View, EVENTS};
use super::timeline::timeline_query;
use crate::query::{Index, Query, RecordKind, Sort};

/// What the reader sees, whole (not only the first page), for a download:
/// a partner's events or the timeline's matches. Other views give every
/// event. Worded in `m`'s language, as the card shows them (the columns'
/// names stay the same in every language, for the programs that read them).
pub fn shown_records(index: &Index, state: &CardState, m: &Messages) -> Vec<Hit> {
    let query = match state.view {
        View::Partner => partner_query(state),
        View::Timeline => Query { limit: None, ..timeline_query(state) },
        View::Figures => Query { kinds: vec![RecordKind::Figure], sort: Sort::Date, ..Query::default() },
        View::Overview | View::Sources => Query { kinds: EVENTS.to_vec(), sort: Sort::Date, ..Query::default() },
    };
    search(index, &query, m).map(|a| a.hits).unwrap_or_default()
}

/// A file of the current view: its name, media type and text.
pub struct File {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
}

/// The current view as a file: `relations-IR.csv`, `relations-timeline.json`.
pub fn download(index: &Index, state: &CardState, format: Format, m: &Messages) -> File {
    let hits = shown_records(index, state, m);
    let what = state.partner.clone().unwrap_or_else(|| state.view.key().to_string());
    let (mime, text) = match format {
        Format::Csv => {
            let ids: Vec<&str> = hits.iter().map(|hit| hit.id.as_str()).collect();
            ("text/csv", crate::sheet::write::records_of(index.dataset(), &ids))
        }
        Format::Json => ("application/json", crate::json::to_string_pretty(&hits)),
    };
    File { name: format!("relations-{what}.{}", format.key()), mime, text }
}

/// A citation of the card (at `page_url`, read on `today`) and its sources,
/// to paste into an essay, in the catalogue's language.
pub fn citation(index: &Index, state: &CardState, page_url: &str, today: &str, m: &Messages) -> String {
    let ds = index.dataset();
    let mut what = super::say(&ds.title, ds, m);
    if let (View::Partner, Some(partner)) = (state.view, state.partner.as_deref().and_then(|c| ds.partner(c))) {
        what.push_str(&format!(": {}", super::say(&partner.name, ds, m)));
    }
    let today = match today.parse::<crate::date::DateSpec>() {
        Ok(date) => date.label_in(&m.months, m.circa),
        Err(_) => today.to_string(),
    };
    let mut out = fill(m.citation_head, &[("what", &what), ("url", page_url), ("today", &today)]);
    for s in &ds.sources {
        let as_of = fill(m.citation_as_of, &[("date", &s.as_of.label_in(&m.months, m.circa))]);
        out.push_str(&format!("\n- {}. {}. {as_of}", s.title, s.publisher));
        if let Some(url) = &s.url {
            out.push_str(&format!(" {url}"));
        }
    }
    out
}
