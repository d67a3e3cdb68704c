//! A partner's page: summary, the tone of its periods over time, key
//! figures, and its events newest or oldest first.

use super::catalogue::{fill, Messages};
use super::record::{hit, search, Hit, Rows};
use super::screen::{Body, Button, EventList, Heading, KeyFigures, Segment, ToneStrip};
use super::state::{CardState, Msg, EVENTS, PAGE};
use super::{legend, more_button, order_button, problem, year_span, SEPARATOR};
use crate::joining::join;
use crate::json::Share;
use crate::model::Tone;
use crate::query::{Index, Query, Sort};

pub(super) fn partner(index: &Index, state: &CardState, rows: &mut Rows, m: &'static Messages) -> (Body, String) {
    let code = state.partner.clone().unwrap_or_default();
    let (Ok(summary), Some(partner)) = (index.partner_summary(&code), index.dataset().partner(&code)) else { return problem(m) };
    let query = Query { limit: Some(PAGE + state.more), ..partner_query(state) };
    let answer = search(index, &query, m).unwrap_or(super::record::Hits { total: 0, hits: Vec::new() });
    let years_of = |id: Option<crate::query::RecordId>| id.and_then(|id| index.record_date(id)).map(|d| d.years());
    let said = Said {
        name: &partner.name,
        events: summary.event_count,
        first: years_of(summary.first_contact).map(|y| y.0),
        last: years_of(summary.latest_contact).map(|y| y.1),
    };
    // Each period's years from the engine's own date, not parsed back from its text.
    let periods: Vec<(i32, i32, Hit)> =
        summary.periods.iter().filter_map(|&id| index.record_date(id).map(|d| d.years()).map(|(a, b)| (a, b, hit(index, id, m)))).collect();
    let (strip, strip_text) = tone_strip(&said, &periods, m);
    let announcement = said.sentence(m);
    let more = answer.total.saturating_sub(answer.hits.len());
    let mut meta = vec![partner.region.clone(), m.count(answer.total, m.events)];
    if let Some(tone) = summary.current_tone {
        meta.push(format!("{}: {}", m.ui.latest_tone, m.tone(tone)));
    }
    let figures = (!summary.figures.is_empty()).then(|| KeyFigures {
        title: m.ui.key_figures,
        items: summary.figures.iter().map(|&f| rows.figure_line(&hit(index, f, m), false)).collect(),
    });
    let named_with = (!summary.shared_organisations.is_empty()).then(|| {
        let ds = index.dataset();
        let names: Vec<&str> = summary.shared_organisations.iter().filter_map(|c| ds.partner(&c.key)).map(|p| p.name.as_str()).collect();
        format!("{}: {}", m.ui.named_with, join(&names, m.comma))
    });
    let back = Button::new("back", m.ui.all_partners_back, Msg::Back);
    let body = Body::Partner {
        back,
        heading: Heading { key: Some("partner-title"), text: partner.name.clone() },
        meta: join(&meta, SEPARATOR),
        strip,
        strip_text,
        figures,
        membership: summary.membership.map(|id| hit(index, id, m).summary),
        named_with,
        events: EventList {
            heading: Heading { key: None, text: m.count(answer.total, m.events) },
            order: Some(order_button(state, m)),
            items: answer.hits.iter().map(|h| rows.item(h)).collect(),
            more: more_button(more, m),
        },
    };
    (body, announcement)
}

/// A partner's events, in the order the reader chose, all of them.
pub(super) fn partner_query(state: &CardState) -> Query {
    Query {
        partners: state.partner.iter().cloned().collect(),
        kinds: EVENTS.to_vec(),
        sort: if state.oldest_first { Sort::Date } else { Sort::DateDesc },
        ..Query::default()
    }
}

/// What the partner's page says first: "Iran: 36 events from 1990 to 2025".
struct Said<'a> {
    name: &'a str,
    events: usize,
    first: Option<i32>,
    last: Option<i32>,
}

impl Said<'_> {
    fn sentence(&self, m: &Messages) -> String {
        let mut said = fill(m.partner_said, &[("name", self.name), ("events", &m.count(self.events, m.events))]);
        if let (Some(a), Some(b)) = (self.first, self.last) {
            said.push(' ');
            said.push_str(&fill(m.from_to, &[("from", &a.to_string()), ("to", &b.to_string())]));
        }
        said
    }
}

/// Lays periods out on lanes and says them in words: "Iran: 36 events from
/// 1990 to 2025; cordial, then mixed (sources differ), then tense, …".
fn tone_strip(said: &Said, spans: &[(i32, i32, Hit)], m: &'static Messages) -> (Option<ToneStrip>, String) {
    let first = spans.iter().map(|s| s.0).min().unwrap_or(0);
    let last = spans.iter().map(|s| s.1).max().unwrap_or(0);
    let width = f64::from((last - first + 1).max(1));
    let differ: String = m.ui.sources_differ.chars().flat_map(char::to_lowercase).collect();
    let mut lane_ends: Vec<i32> = Vec::new();
    let mut segments = Vec::new();
    let mut phases = Vec::new();
    for (start, end, period) in spans {
        let lane = match lane_ends.iter().position(|&e| e < *start) {
            Some(lane) => lane,
            None => {
                lane_ends.push(i32::MIN);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = *end;
        let tone = period.tone.unwrap_or(Tone::Mixed);
        let years = year_span(Some(*start), Some(*end));
        let mark = if period.disputed { format!(" ({differ})") } else { String::new() };
        phases.push(format!("{} {years}{mark}", m.tone(tone)));
        segments.push(Segment {
            lane,
            start: Share(f64::from(start - first) / width),
            end: Share(f64::from(end - first + 1) / width),
            tone,
            disputed: period.disputed,
            title: format!("{years}: {} — {}{mark}", m.tone(tone), period.title),
        });
    }
    let mut text = said.sentence(m);
    if !phases.is_empty() {
        text.push_str(&format!("; {}", join(&phases, m.then)));
    }
    text.push('.');
    let strip = (!segments.is_empty()).then(|| ToneStrip {
        first_year: first.to_string(),
        last_year: last.to_string(),
        lanes: lane_ends.len(),
        legend: legend(segments.iter().map(|s| s.tone), m),
        segments,
    });
    (strip, text)
}
