//! The documents behind the dataset, with publisher, date and reliability,
//! and the claims that disagree set side by side.

use super::catalogue::{fill, Messages};
use super::record::{Rows, SourceRef, SEPARATOR};
use super::screen::{Body, DisputeCard, SourceCard};
use crate::hashing::FxMap;
use crate::json::Share;
use crate::query::{Index, Query};

pub(super) fn sources(index: &Index, rows: &mut Rows, m: &'static Messages) -> (Body, String) {
    let ds = index.dataset();
    // Every source is written out here, numbered in the dataset's order; the claims below point to them.
    rows.number_all(ds.sources.iter().map(|s| SourceRef {
        id: s.id.clone(),
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        as_of: String::new(),
        locator: String::new(),
    }));
    let counts: Vec<usize> = ds
        .sources
        .iter()
        .map(|s| index.search(&Query { source: Some(s.id.clone()), limit: Some(0), ..Query::default() }).map_or(0, |a| a.total))
        .collect();
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    let sources: Vec<SourceCard> = ds
        .sources
        .iter()
        .zip(&counts)
        .enumerate()
        .map(|(at, (s, &cited))| {
            let mut meta = format!("{}{SEPARATOR}{} {}", s.publisher, m.ui.as_of, s.as_of.label_in(&m.months, m.circa));
            if let Some(licence) = &s.licence {
                meta.push_str(SEPARATOR);
                meta.push_str(licence);
            }
            SourceCard {
                key: Rows::source_key(at + 1),
                number: Rows::source_number(at + 1),
                title: s.title.clone(),
                meta,
                reliability: super::say(&s.reliability, ds, m),
                cited: format!("{} {}", m.ui.cited_by, m.number(cited as i64)),
                share: Share(cited as f64 / most as f64),
            }
        })
        .collect();
    let all = super::record::search(index, &Query { disputed_only: true, ..Query::default() }, m).map(|a| a.hits).unwrap_or_default();
    // Claims found by id in a map: a search of every disputed record per claim cost claims².
    // (`FxMap<String, u32>`, the index's own map type: one map type less in the wasm.)
    let by_id: FxMap<String, u32> = all.iter().enumerate().map(|(i, h)| (h.id.clone(), i as u32)).collect();
    let disputes: Vec<DisputeCard> = ds
        .disputes
        .iter()
        .map(|d| DisputeCard {
            topic: super::say(&d.topic, ds, m),
            claims: d.claims.iter().filter_map(|c| by_id.get(c.as_str())).map(|&i| rows.item(&all[i as usize])).collect(),
        })
        .collect();
    let announcement = fill(m.sources_said, &[("documents", &m.count(sources.len(), m.documents)), ("count", &disputes.len().to_string())]);
    let disputes_title = (!disputes.is_empty()).then_some(m.ui.where_sources_differ);
    let about = ds.about.as_ref().map(|about| super::say(about, ds, m));
    (Body::Sources { about, sources, disputes_title, disputes }, announcement)
}
