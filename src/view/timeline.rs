//! The timeline: search as you type, partner, theme, kind and year filters
//! with counts, a histogram of records per year, and the matching events.

use super::catalogue::{fill, Messages};
use super::record::Rows;
use super::screen::{Body, Button, ChipGroup, EmptyState, Heading, Histogram, PartnerSelect, SelectOption, YearBar, YearField};
use super::state::{has_filters, CardState, Msg, EVENTS, PAGE};
use super::{more_button, order_button, problem};
use crate::hashing::FxMap;
use crate::joining::join;
use crate::json::Share;
use crate::model::Theme;
use crate::query::{Index, Query, Sort, TimelineBucket};
use crate::sorting::sort_by;

/// A year this far before the next one with records is drawn apart.
const OUTLIER_GAP_YEARS: i32 = 25;

pub(super) fn timeline_query(state: &CardState) -> Query {
    Query {
        partners: state.partner.iter().cloned().collect(),
        themes: state.themes.clone(),
        kinds: if state.kinds.is_empty() { EVENTS.to_vec() } else { state.kinds.clone() },
        from: state.from,
        to: state.to,
        text: state.q.clone(),
        sort: if relevance_order(state) {
            Sort::Relevance
        } else if state.oldest_first {
            Sort::Date
        } else {
            Sort::DateDesc
        },
        limit: Some(PAGE + state.more),
        ..Query::default()
    }
}

/// Search words rank the results; the order button is offered only without them.
fn relevance_order(state: &CardState) -> bool {
    !crate::text::query_words(&state.q).is_empty()
}

pub(super) fn timeline(index: &Index, state: &CardState, rows: &mut Rows, m: &'static Messages) -> (Body, String) {
    let query = timeline_query(state);
    let (answer, facets, line) = match (super::record::search(index, &query, m), index.facets(&query), index.timeline(&query, 1)) {
        (Ok(a), Ok(f), Ok(t)) => (a, f, t),
        _ => return problem(m),
    };
    let ds = index.dataset();
    let count_label = |label: &str, count: usize| format!("{label} ({})", m.number(count as i64));
    // Counts by code from a map: a search of the facets per partner cost partners².
    // (`FxMap<String, u32>`, the index's own map type: one map type less in the wasm.)
    let counts: FxMap<String, u32> = facets.partners.iter().map(|c| (c.key.clone(), c.count as u32)).collect();
    let mut partners: Vec<(String, String, usize)> = ds
        .partners
        .iter()
        .map(|p| (p.code.clone(), super::say(&p.name, ds, m), counts.get(p.code.as_str()).map_or(0, |&c| c as usize)))
        .collect();
    sort_by(&mut partners, &|a, b| a.1.cmp(&b.1));
    let mut options = vec![SelectOption { value: String::new(), label: m.ui.all_partners.to_string(), selected: state.partner.is_none() }];
    options.extend(partners.into_iter().map(|(code, name, count)| SelectOption {
        selected: state.partner.as_deref() == Some(code.as_str()),
        value: code,
        label: count_label(&name, count),
    }));
    // Themes with nothing to show cannot be chosen (unless chosen); kinds always can.
    let themes = Theme::ALL
        .iter()
        .map(|t| {
            let count = facets.themes.iter().find(|c| c.key == *t).map_or(0, |c| c.count);
            let selected = state.themes.contains(t);
            let mut chip = Button::new(format!("theme-{}", t.key()), count_label(m.theme(*t), count), Msg::ToggleTheme { theme: *t });
            chip.pressed = Some(selected);
            chip.disabled = count == 0 && !selected;
            chip
        })
        .collect();
    let kinds = EVENTS
        .iter()
        .zip(m.kinds_plural)
        .map(|(k, label)| {
            let count = facets.kinds.iter().find(|c| c.key == *k).map_or(0, |c| c.count);
            let mut chip = Button::new(format!("kind-{}", k.key()), count_label(label, count), Msg::ToggleKind { kind: *k });
            chip.pressed = Some(state.kinds.contains(k));
            chip
        })
        .collect();
    let (low, high) = index.year_span().unwrap_or((*crate::query::FILTER_YEARS.start(), *crate::query::FILTER_YEARS.end()));
    let year_field = |key, label, value: Option<i32>| YearField {
        key,
        label,
        value: value.map(|y| y.to_string()).unwrap_or_default(),
        min: low.min(value.unwrap_or(low)).to_string(),
        max: high.max(value.unwrap_or(high)).to_string(),
    };
    let years = vec![year_field("year-from", m.ui.from_year, state.from), year_field("year-to", m.ui.to_year, state.to)];
    let empty = (answer.total == 0)
        .then(|| EmptyState { text: m.empty, button: Button::new("clear-empty", m.ui.clear_the_filters, Msg::ClearFilters) });
    let more = answer.total.saturating_sub(answer.hits.len());
    let body = Body::Timeline {
        filters_label: m.ui.filters,
        filters_toggle: {
            let mut toggle = Button::new("filters-toggle", m.ui.filters, Msg::ToggleFilters);
            toggle.expanded = Some(state.filters);
            toggle
        },
        partner: PartnerSelect { key: "partner-filter", label: m.ui.partner, options },
        chips: vec![ChipGroup { label: m.ui.themes, items: themes }, ChipGroup { label: m.ui.kinds, items: kinds }],
        years,
        histogram: histogram(&line.buckets, state, m),
        heading: Heading { key: Some("results-count"), text: m.count(answer.total, m.events) },
        order: (!relevance_order(state)).then(|| order_button(state, m)),
        clear: has_filters(state).then(|| Button::new("clear", m.ui.clear_filters, Msg::ClearFilters)),
        items: if empty.is_some() { Vec::new() } else { answer.hits.iter().map(|h| rows.item(h)).collect() },
        more: if empty.is_some() { None } else { more_button(more, m) },
        empty,
    };
    (body, m.count(answer.total, m.events_match))
}

/// Records per year; years with records that stand more than a generation
/// before the next one are set apart, so one old treaty does not flatten
/// the picture. A click on a year picks it.
pub(super) fn histogram(buckets: &[TimelineBucket], state: &CardState, m: &Messages) -> Histogram {
    let ranged = state.from.is_some() || state.to.is_some();
    let in_range = |year: i32| ranged && state.from.is_none_or(|f| year >= f) && state.to.is_none_or(|t| year <= t);
    let filled: Vec<&TimelineBucket> = buckets.iter().filter(|b| b.count > 0).collect();
    let mut start = 0;
    while start + 1 < filled.len() && filled[start + 1].from - filled[start].from > OUTLIER_GAP_YEARS {
        start += 1;
    }
    let first_kept = filled.get(start).map_or(i32::MIN, |b| b.from);
    let kept: Vec<&TimelineBucket> = buckets.iter().filter(|b| b.from >= first_kept).collect();
    let most = kept.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let pick = |year: i32| Msg::SetYears { from: Some(year), to: Some(year) };
    let bars: Vec<YearBar> = kept
        .iter()
        .map(|b| YearBar {
            year: b.from,
            height: Share(b.count as f64 / most as f64),
            selected: in_range(b.from),
            title: format!("{}: {}", b.from, m.number(b.count as i64)),
            msg: pick(b.from),
        })
        .collect();
    let earlier: Vec<Button> = filled[..start]
        .iter()
        .map(|b| {
            let mut chip = Button::new(format!("earlier-{}", b.from), format!("{} ({})", b.from, m.number(b.count as i64)), pick(b.from));
            chip.pressed = Some(in_range(b.from));
            chip
        })
        .collect();
    let busiest: Vec<String> = {
        let mut sorted: Vec<&&TimelineBucket> = kept.iter().filter(|b| b.count > 0).collect();
        sort_by(&mut sorted, &|a, b| b.count.cmp(&a.count).then(a.from.cmp(&b.from)));
        sorted.iter().take(3).map(|b| format!("{} ({})", b.from, b.count)).collect()
    };
    let mut text = match (kept.first(), kept.last()) {
        (Some(a), Some(b)) => {
            fill(m.histogram_text, &[("from", &a.from.to_string()), ("to", &b.from.to_string()), ("busiest", &join(&busiest, m.comma))])
        }
        _ => m.histogram_none.to_string(),
    };
    if !earlier.is_empty() {
        let list: Vec<String> = filled[..start]
            .iter()
            .map(|b| fill(m.events_in_year, &[("events", &m.count(b.count, m.events)), ("year", &b.from.to_string())]))
            .collect();
        text.push_str(&fill(m.histogram_earlier, &[("list", &join(&list, m.comma))]));
    }
    Histogram {
        ranged,
        first_year: kept.first().map(|b| b.from.to_string()),
        last_year: kept.last().map(|b| b.from.to_string()),
        earlier_label: (!earlier.is_empty()).then(|| format!("{}: ", m.ui.earlier)),
        earlier,
        bars,
        text,
    }
}
