//! A partner's page: summary, the tone of its periods over time, key
//! figures, and its events newest or oldest first.

use super::catalogue::{fill, Messages};
use super::phases::{self, Span};
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
    let (Ok(summary), Some(partner)) = (index.partner_summary(&code), index.partner(&code)) else { return problem(m) };
    let query = Query { limit: Some(PAGE + state.more), ..partner_query(state) };
    let answer = search(index, &query, m).unwrap_or(super::record::Hits { total: 0, hits: Vec::new() });
    let years_of = |id: Option<crate::query::RecordId>| id.and_then(|id| index.record_date(id)).map(|d| d.years());
    let ds = index.dataset();
    let name = super::say(&partner.name, ds, m);
    let said = Said {
        name: &name,
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
    let mut meta = vec![super::say(&partner.region, ds, m), m.count(summary.event_count, m.events)];
    // Its events per year, all of them; a click or a drag picks years for the list below.
    let whole = Query { from: None, to: None, limit: Some(0), ..partner_query(state) };
    let years = index.timeline(&whole, 1).map(|line| super::timeline::histogram(&line.buckets, state, m)).ok();
    let ranged = state.from.is_some() || state.to.is_some();
    let clear_years = ranged.then(|| Button::new("clear-years", m.ui.clear_filters, Msg::SetYears { from: None, to: None }));
    if let Some(tone) = summary.current_tone {
        meta.push(format!("{}: {}", m.ui.latest_tone, m.tone(tone)));
    }
    let figures = (!summary.figures.is_empty()).then(|| KeyFigures {
        title: m.ui.key_figures,
        items: summary.figures.iter().map(|&f| rows.figure_line(&hit(index, f, m), false)).collect(),
    });
    let named_with = (!summary.shared_organisations.is_empty()).then(|| {
        let ds = index.dataset();
        let names: Vec<&str> =
            summary.shared_organisations.iter().filter_map(|c| index.partner(&c.key)).map(|p| super::said(&p.name, ds, m).0).collect();
        format!("{}: {}", m.ui.named_with, join(&names, m.comma))
    });
    let back = Button::new("back", m.ui.all_partners_back, Msg::Back);
    let body = Body::Partner {
        back,
        heading: Heading { key: Some("partner-title"), text: name.clone() },
        meta: join(&meta, SEPARATOR),
        strip,
        strip_text,
        years,
        figures,
        membership: summary.membership.map(|id| hit(index, id, m).summary),
        named_with,
        events: EventList {
            heading: Heading { key: None, text: m.count(answer.total, m.events) },
            order: Some(order_button(state, m)),
            clear: clear_years,
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
        from: state.from,
        to: state.to,
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
/// 1990 to 2025; 1991–2021: cordial, close, mixed or tense (sources differ),
/// then cordial 2021–2022, …" (periods that overlap said together, see
/// [`phases`]).
fn tone_strip(said: &Said, spans: &[(i32, i32, Hit)], m: &'static Messages) -> (Option<ToneStrip>, String) {
    let first = spans.iter().map(|s| s.0).min().unwrap_or(0);
    let last = spans.iter().map(|s| s.1).max().unwrap_or(0);
    let width = f64::from((last - first + 1).max(1));
    let mut lane_ends: Vec<i32> = Vec::new();
    let mut segments = Vec::new();
    let mut said_spans = Vec::new();
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
        let mark = if period.disputed { phases::differ_mark(m) } else { String::new() };
        said_spans.push(Span { start: *start, end: *end, tone, disputed: period.disputed });
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
    if !said_spans.is_empty() {
        text.push_str(m.semicolon);
        text.push_str(&phases::history(&said_spans, m));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::catalogue::{EN, FA, RU, TG};

    /// The text under a partner's tone strip, from the built-in dataset.
    fn strip_text(code: &str, m: &'static Messages) -> String {
        let index = Index::new(crate::builtin_in_every_language());
        let state = CardState { partner: Some(code.into()), ..CardState::default() };
        let (Body::Partner { strip_text, .. }, _) = partner(&index, &state, &mut Rows::new(m, &[]), m) else {
            panic!("no page for {code}")
        };
        strip_text
    }

    /// The years each group of the history names, in the order said: "1991–2021", "2022".
    fn years_said(history: &str, m: &Messages) -> Vec<(i32, i32)> {
        let year = |s: &str| s.parse::<i32>().unwrap();
        history
            .split(m.then)
            .map(|group| {
                let range = group.split([' ', ':']).find(|w| w.starts_with(|c: char| c.is_ascii_digit())).unwrap();
                match range.split_once('–') {
                    Some((a, b)) => (year(a), year(b)),
                    None => (year(range), year(range)),
                }
            })
            .collect()
    }

    #[test]
    fn irans_overlapping_and_disputed_periods_are_said_once_and_in_order() {
        assert_eq!(
            strip_text("IR", &EN),
            "Iran: 36 events from 1990 to 2025; 1991–2021: cordial, close, mixed or tense (sources differ), \
             then cordial 2021–2022, then close 2022–2025."
        );
        assert_eq!(
            strip_text("IR", &RU),
            "Иран: 36 событий с 1990 по 2025; 1991–2021: дружественный, тесный, смешанный или напряжённый (источники расходятся), \
             затем дружественный 2021–2022, затем тесный 2022–2025."
        );
        assert_eq!(
            strip_text("IR", &FA),
            "Iran: 36 رویداد از 1990 تا 2025؛ 1991–2021: دوستانه، نزدیک، آمیخته یا پرتنش (منابع اختلاف دارند)، \
             سپس دوستانه 2021–2022، سپس نزدیک 2022–2025."
        );
        assert_eq!(
            strip_text("IR", &TG),
            "Эрон: 36 рӯйдод аз 1990 то 2025; 1991–2021: дӯстона, наздик, омехта ё пуртаниш (манбаъҳо фарқ мекунанд), \
             сипас дӯстона 2021–2022, сипас наздик 2022–2025."
        );
        for (code, m) in [("IR", &EN), ("IR", &RU), ("IR", &FA), ("IR", &TG), ("AF", &EN)] {
            let text = strip_text(code, m);
            let history = text.split_once(m.semicolon).unwrap().1.trim_end_matches('.');
            let years = years_said(history, m);
            assert!(years.windows(2).all(|pair| pair[0].1 <= pair[1].0 && pair[0] != pair[1]), "then joins overlapping years: {text}");
            assert_eq!(text.matches(m.then).count() + 1, years.len(), "{text}");
            let mut distinct = years.clone();
            distinct.dedup();
            assert_eq!(distinct, years, "a year range said twice: {text}");
            assert!(text.matches(&phases::differ_mark(m)).count() <= years.len(), "sources differ at most once a group: {text}");
        }
    }

    #[test]
    fn afghanistans_disputed_civil_war_is_one_stretch_between_its_phases() {
        assert_eq!(
            strip_text("AF", &EN),
            "Afghanistan: 57 events from 1750 to 2024; cordial 1991–1992, then 1992–1996: tense or cordial (sources differ), \
             then hostile 1996–2001, then cordial 2001–2021, then tense 2021–2024."
        );
    }

    #[test]
    fn a_partner_without_periods_says_only_its_start() {
        assert_eq!(strip_text("AZ", &EN), "Azerbaijan: 3 events from 2012 to 2016.");
        assert_eq!(strip_text("KZ", &RU), "Казахстан: 29 событий с 1990 по 2020; тесный 1993–2013.");
    }
}
