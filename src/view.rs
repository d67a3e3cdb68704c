//! The card's view model: what each screen of `<relations-card>` shows,
//! computed from a dataset as plain, serialisable values. The browser code
//! only turns these into elements, so what a reader sees is tested here.

use serde::Serialize;

use crate::model::{Dataset, Event, EventKind, PartnerKind};
use crate::query::SourceRef;

/// The first screen: every partner, with how much there is to read about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Overview {
    pub title: String,
    pub subject: String,
    pub partners: Vec<PartnerItem>,
    pub event_count: usize,
    pub source_count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerItem {
    pub code: String,
    pub name: String,
    pub kind: PartnerKind,
    pub region: String,
    pub event_count: usize,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
}

/// One partner opened: its events in date order, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerView {
    pub partner: PartnerItem,
    pub events: Vec<EventItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventItem {
    pub id: String,
    pub kind: EventKind,
    /// The date as written in the dataset, for `<time datetime>`-like uses.
    pub date: String,
    pub date_label: String,
    pub title: String,
    pub summary: String,
    pub themes: Vec<&'static str>,
    /// Names of all parties besides the subject.
    pub partners: Vec<String>,
    pub sources: Vec<SourceRef>,
    pub disputed: bool,
}

/// Asked for a partner the dataset does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownPartner(pub String);

impl std::fmt::Display for UnknownPartner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no partner with code \"{}\" in this dataset", self.0)
    }
}

impl std::error::Error for UnknownPartner {}

fn events_with<'a>(dataset: &'a Dataset, code: &'a str) -> impl Iterator<Item = &'a Event> + 'a {
    dataset.events.iter().filter(move |e| e.partners.iter().any(|p| p == code))
}

fn partner_item(dataset: &Dataset, code: &str) -> Option<PartnerItem> {
    let partner = dataset.partner(code)?;
    let years: Vec<(i32, i32)> = events_with(dataset, code).map(|e| e.date.years()).collect();
    Some(PartnerItem {
        code: partner.code.clone(),
        name: partner.name.clone(),
        kind: partner.kind,
        region: partner.region.clone(),
        event_count: years.len(),
        first_year: years.iter().map(|y| y.0).min(),
        last_year: years.iter().map(|y| y.1).max(),
    })
}

/// Partners sorted by name; countries and organisations alike.
pub fn overview(dataset: &Dataset) -> Overview {
    let mut partners: Vec<PartnerItem> =
        dataset.partners.iter().filter_map(|p| partner_item(dataset, &p.code)).collect();
    partners.sort_by_cached_key(|p| p.name.to_lowercase());
    Overview {
        title: dataset.title.clone(),
        subject: dataset.subject.name.clone(),
        partners,
        event_count: dataset.events.len(),
        source_count: dataset.sources.len(),
    }
}

pub fn partner_view(dataset: &Dataset, code: &str) -> Result<PartnerView, UnknownPartner> {
    let partner = partner_item(dataset, code).ok_or_else(|| UnknownPartner(code.to_string()))?;
    let mut events: Vec<&Event> = events_with(dataset, code).collect();
    events.sort_by_key(|e| e.date.sort_key());
    Ok(PartnerView { partner, events: events.into_iter().map(|e| event_item(dataset, e)).collect() })
}

fn event_item(dataset: &Dataset, event: &Event) -> EventItem {
    EventItem {
        id: event.id.clone(),
        kind: event.kind,
        date: event.date.to_string(),
        date_label: event.date.label(),
        title: event.title.clone(),
        summary: event.summary.clone(),
        themes: event.themes.iter().map(|t| t.label()).collect(),
        partners: event
            .partners
            .iter()
            .map(|code| dataset.partner(code).map_or_else(|| code.clone(), |p| p.name.clone()))
            .collect(),
        sources: SourceRef::resolve(dataset, &event.sources),
        disputed: dataset.is_disputed(&event.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::load;

    fn sample() -> Dataset {
        load(include_str!("../tests/fixtures/small.json")).unwrap()
    }

    #[test]
    fn overview_lists_partners_by_name_with_counts_and_years() {
        let overview = overview(&sample());
        let names: Vec<&str> = overview.partners.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Afghanistan", "Iran", "United States"]);
        let afghanistan = &overview.partners[0];
        assert_eq!((afghanistan.event_count, afghanistan.first_year, afghanistan.last_year), (2, Some(2007), Some(2009)));
        let iran = &overview.partners[1];
        assert_eq!((iran.event_count, iran.first_year), (0, None));
    }

    #[test]
    fn partner_view_orders_events_and_resolves_sources() {
        let view = partner_view(&sample(), "AF").unwrap();
        let titles: Vec<&str> = view.events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Bridge opened", "Land settled"]);
        let bridge = &view.events[0];
        assert_eq!(bridge.date_label, "January 2007");
        assert_eq!(bridge.partners, ["Afghanistan", "United States"]);
        assert_eq!(bridge.sources[0].title, "Doc");
        assert_eq!(bridge.sources[0].locator, "¶2");
        assert_eq!(bridge.themes, ["Transport", "Borders"]);
    }

    #[test]
    fn unknown_partner_is_an_error_not_a_panic() {
        assert_eq!(partner_view(&sample(), "ZZ").unwrap_err(), UnknownPartner("ZZ".into()));
    }
}
