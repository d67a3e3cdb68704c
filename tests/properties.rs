//! Property tests: on random datasets and random queries the engine returns
//! exactly what a plain filter over all records returns, in the same order.
//! The reference below is written for clarity, not speed, and shares no code
//! with the index beyond text folding and the dataset types.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use proptest::prelude::*;
use relations_card::date::{DateSpec, PartialDate};
use relations_card::decimal::Decimal;
use relations_card::model::*;
use relations_card::query::{Index, Query, QueryError, RecordKind, Sort};
use relations_card::text;
use relations_card::view::record::Hit;

/// The engine's answer, worded as a reader (and these tests) read it.
fn search(index: &Index, query: &Query) -> Result<relations_card::view::record::Hits, QueryError> {
    relations_card::view::record::search(index, query, &relations_card::view::catalogue::EN)
}

/// A small vocabulary, so that random queries find random records.
const WORDS: [&str; 19] = [
    "border",
    "borderland",
    "bridge",
    "trade",
    "trades",
    "talks",
    "panj",
    "panjshir",
    "pyanj",
    "river",
    "treaty",
    "visit",
    "gas",
    "power",
    "water",
    "aid",
    "kazakstan",
    "dushanbe",
    "embassy",
];
const PARTNERS: [(&str, PartnerKind, &str, &str, &str); 5] = [
    ("AF", PartnerKind::Country, "Afghanistan", "Афғонистон", "South Asia"),
    ("KZ", PartnerKind::Country, "Kazakhstan", "Kazakstan", "Central Asia"),
    ("IR", PartnerKind::Country, "Iran", "ایران", "Middle East"),
    ("UN", PartnerKind::Organisation, "United Nations", "UN", "International"),
    ("OSCE", PartnerKind::Organisation, "Organization for Security", "CSCE", "International"),
];

fn date_strategy() -> impl Strategy<Value = DateSpec> {
    (1990i32..2000, 0u8..13, 0u8..29, 0i32..4, any::<bool>()).prop_map(|(year, month, day, span, approximate)| {
        let month = (month > 0).then_some(month);
        let day = if month.is_some() && day > 0 { Some(day) } else { None };
        let start = PartialDate { year, month, day };
        let end = (span > 0).then_some(PartialDate::year(year + span));
        DateSpec { start, end, approximate }
    })
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS.to_vec()), 1..5).prop_map(|w| w.join(" "))
}

fn partners_strategy() -> impl Strategy<Value = Vec<String>> {
    prop::sample::subsequence(PARTNERS.iter().map(|p| p.0.to_string()).collect::<Vec<_>>(), 1..3)
}

fn themes_strategy() -> impl Strategy<Value = Vec<Theme>> {
    prop::sample::subsequence(Theme::ALL.to_vec(), 1..3)
}

fn citations_strategy() -> impl Strategy<Value = Vec<Citation>> {
    prop::sample::subsequence(vec!["s1".to_string(), "s2".to_string()], 1..3)
        .prop_map(|ids| ids.into_iter().map(|source| Citation { source, locator: "¶1".into() }).collect())
}

fn dataset_strategy() -> impl Strategy<Value = Dataset> {
    let event =
        (any::<bool>(), date_strategy(), partners_strategy(), themes_strategy(), text_strategy(), text_strategy(), citations_strategy());
    let figure = (date_strategy(), partners_strategy(), themes_strategy(), text_strategy(), 1u32..1000, citations_strategy());
    let period = (date_strategy(), 0usize..PARTNERS.len(), text_strategy(), text_strategy(), citations_strategy());
    let membership = (prop::option::of(date_strategy()), 3usize..5, citations_strategy());
    (
        prop::collection::vec(event, 0..40),
        prop::collection::vec(figure, 0..8),
        prop::collection::vec(period, 0..6),
        prop::collection::vec(membership, 0..3),
        prop::collection::vec(any::<prop::sample::Index>(), 0..3),
    )
        .prop_map(|(events, figures, periods, memberships, disputed)| {
            let mut ds = Dataset {
                schema_version: 1,
                language: None,
                about: None,
                subject: Subject { code: "TJ".into(), name: "Tajikistan".into() },
                title: "random".into(),
                sources: ["s1", "s2"]
                    .iter()
                    .map(|id| Source {
                        id: id.to_string(),
                        title: "T".into(),
                        publisher: "P".into(),
                        as_of: "2000".parse().unwrap(),
                        reliability: "r".into(),
                        url: None,
                        licence: None,
                    })
                    .collect(),
                partners: PARTNERS
                    .iter()
                    .map(|(code, kind, name, alias, region)| Partner {
                        code: code.to_string(),
                        kind: *kind,
                        name: name.to_string().into(),
                        aliases: vec![alias.to_string()],
                        region: region.to_string().into(),
                    })
                    .collect(),
                places: vec![Place {
                    id: "panj".into(),
                    name: "Panj".into(),
                    aliases: vec!["Pyandzh".into(), "Пяндж".into()],
                    partners: vec!["AF".into()],
                }],
                events: Vec::new(),
                figures: Vec::new(),
                periods: Vec::new(),
                memberships: Vec::new(),
                disputes: Vec::new(),
            };
            for (i, (agreement, date, partners, themes, title, summary, sources)) in events.into_iter().enumerate() {
                ds.events.push(Event {
                    id: format!("e{i}"),
                    kind: if agreement { EventKind::Agreement } else { EventKind::Event },
                    date,
                    partners,
                    themes,
                    title: title.into(),
                    summary: summary.into(),
                    as_of: None,
                    sources,
                });
            }
            for (i, (date, partners, themes, title, value, sources)) in figures.into_iter().enumerate() {
                ds.figures.push(Figure {
                    id: format!("f{i}"),
                    date,
                    partners,
                    themes,
                    title: title.into(),
                    value: Quantity::Exact(Decimal::whole(i64::from(value))),
                    unit: "km".into(),
                    summary: Default::default(),
                    as_of: None,
                    sources,
                });
            }
            for (i, (date, partner, title, summary, sources)) in periods.into_iter().enumerate() {
                ds.periods.push(Period {
                    id: format!("p{i}"),
                    partner: PARTNERS[partner].0.into(),
                    date,
                    tone: Tone::Mixed,
                    title: title.into(),
                    summary: summary.into(),
                    sources,
                });
            }
            let mut seen = HashSet::new();
            for (joined, org, sources) in memberships {
                if seen.insert(org) {
                    ds.memberships.push(Membership { id: format!("m{org}"), organisation: PARTNERS[org].0.into(), joined, sources });
                }
            }
            let claimable: Vec<String> = ds.events.iter().map(|e| e.id.clone()).chain(ds.figures.iter().map(|f| f.id.clone())).collect();
            if claimable.len() >= 2 && !disputed.is_empty() {
                let mut claims: Vec<String> = disputed.iter().map(|i| i.get(&claimable).clone()).collect();
                claims.sort();
                claims.dedup();
                if claims.len() >= 2 {
                    ds.disputes.push(Dispute { id: "d".into(), topic: "t".into(), claims });
                }
            }
            ds
        })
}

fn query_strategy() -> impl Strategy<Value = Query> {
    (
        prop::sample::subsequence(PARTNERS.iter().map(|p| p.0.to_string()).collect::<Vec<_>>(), 0..3),
        prop::option::of(prop::sample::select(vec!["central asia", "International", "Middle East"])),
        prop::sample::subsequence(Theme::ALL.to_vec(), 0..3),
        prop::sample::subsequence(RecordKind::ALL.to_vec(), 0..3),
        prop::option::of(1988i32..2004),
        prop::option::of(0i32..8),
        any::<bool>(),
        prop::option::of(prop::sample::select(vec!["s1", "s2"])),
        prop::option::of(
            prop::collection::vec(
                prop::sample::select(vec![
                    "pa",
                    "panj",
                    "b",
                    "trade",
                    "kaz",
                    "border",
                    "bor",
                    "river",
                    "the",
                    "UN",
                    "ایران",
                    "agree",
                    "figure",
                    "pyandzh",
                ]),
                1..3,
            )
            .prop_map(|w| w.join(" ")),
        ),
        prop::sample::select(vec![Sort::Date, Sort::DateDesc, Sort::Relevance]),
        prop::option::of(0usize..12),
        0usize..6,
    )
        .prop_map(|(partners, region, themes, kinds, from, span, disputed_only, source, text, sort, limit, offset)| Query {
            partners,
            region: region.map(str::to_string),
            themes,
            kinds,
            from,
            to: from.zip(span).map(|(f, s)| f + s),
            disputed_only: disputed_only && offset % 3 == 0,
            source: source.map(str::to_string),
            text: text.unwrap_or_default(),
            sort,
            limit,
            offset,
        })
}

/// What the reference knows about one record.
struct Row {
    hit: Hit,
    date: Option<DateSpec>,
    region_of: Vec<String>,
    sources: Vec<String>,
    title_words: Vec<String>,
    name_words: Vec<String>,
    other_words: Vec<String>,
}

fn reference(ds: &Dataset, all: &[Hit], query: &Query) -> Vec<String> {
    let disputed: HashSet<&str> = ds.disputes.iter().flat_map(|d| d.claims.iter().map(String::as_str)).collect();
    let rows: Vec<Row> = all
        .iter()
        .map(|hit| {
            let date = (!hit.date.is_empty()).then(|| hit.date.parse().unwrap());
            let partners: Vec<&Partner> = hit.partners.iter().map(|c| ds.partner(c).unwrap()).collect();
            // The dataset's own text is what is searched: a figure's title,
            // unit and summary; a membership has none (the card words it).
            let (title, summary) = if let Some(f) = ds.figures.iter().find(|f| f.id == hit.id) {
                (f.title.to_string(), format!("{} {}", f.unit, f.summary))
            } else if hit.kind == RecordKind::Membership {
                (String::new(), String::new())
            } else {
                (hit.title.clone(), hit.summary.clone())
            };
            let title_words = text::words(&title);
            let summary_words = text::words(&summary);
            let mut name_words = Vec::new();
            for p in &partners {
                for t in
                    std::iter::once(p.name.as_str()).chain(std::iter::once(p.code.as_str())).chain(p.aliases.iter().map(String::as_str))
                {
                    name_words.extend(text::words(t));
                }
            }
            let mut other_words = summary_words.clone();
            for theme in &hit.themes {
                other_words.extend(text::words(theme.key()));
            }
            other_words.extend(text::words(hit.kind.key()));
            let mentioned = |run: &Vec<String>| {
                title_words.windows(run.len()).any(|w| w == run.as_slice()) || summary_words.windows(run.len()).any(|w| w == run.as_slice())
            };
            for place in &ds.places {
                let runs: Vec<Vec<String>> =
                    std::iter::once(place.name.as_str()).chain(place.aliases.iter().map(String::as_str)).map(text::words).collect();
                if runs.iter().any(mentioned) {
                    other_words.extend(runs.into_iter().flatten());
                }
            }
            Row {
                hit: hit.clone(),
                date,
                region_of: partners.iter().map(|p| p.region.to_lowercase()).collect(),
                sources: hit.sources.iter().map(|s| s.id.clone()).collect(),
                title_words,
                name_words,
                other_words,
            }
        })
        .collect();

    let words = text::query_words(&query.text);
    let starts = |list: &[String], w: &str| list.iter().any(|x| x.starts_with(w));
    let equals = |list: &[String], w: &str| list.iter().any(|x| x == w);
    let score = |row: &Row| -> u32 {
        words
            .iter()
            .map(|w| {
                let title = starts(&row.title_words, w);
                let name = starts(&row.name_words, w);
                let exact = equals(&row.title_words, w) || equals(&row.name_words, w) || equals(&row.other_words, w);
                2 + 2 * u32::from(title || name) + 2 * u32::from(title) + u32::from(exact)
            })
            .sum()
    };
    let mut kept: Vec<&Row> = rows
        .iter()
        .filter(|row| {
            let h = &row.hit;
            (query.partners.is_empty() || h.partners.iter().any(|p| query.partners.contains(p)))
                && query.region.as_ref().is_none_or(|r| row.region_of.contains(&r.to_lowercase()))
                && (query.themes.is_empty() || h.themes.iter().any(|t| query.themes.contains(t)))
                && (query.kinds.is_empty() || query.kinds.contains(&h.kind))
                && (query.from.is_none() && query.to.is_none()
                    || row.date.is_some_and(|d| {
                        let (first, last) = d.years();
                        first <= query.to.unwrap_or(i32::MAX) && last >= query.from.unwrap_or(i32::MIN)
                    }))
                && (!query.disputed_only || disputed.contains(h.id.as_str()))
                && query.source.as_ref().is_none_or(|s| row.sources.contains(s))
                && words.iter().all(|w| starts(&row.title_words, w) || starts(&row.name_words, w) || starts(&row.other_words, w))
        })
        .collect();
    // Date order: by start, then end, then id; undated last.
    let date_key = |row: &Row| (row.date.is_none(), row.date.map(|d| d.sort_key()), row.hit.id.clone());
    kept.sort_by_key(|row| date_key(row));
    let dated: Vec<&Row> = kept.iter().copied().filter(|r| r.date.is_some()).collect();
    let undated: Vec<&Row> = kept.iter().copied().filter(|r| r.date.is_none()).collect();
    let newest_first: Vec<&Row> = dated.iter().rev().chain(undated.iter()).copied().collect();
    let ordered: Vec<&Row> = match query.sort {
        Sort::Date => kept,
        Sort::Relevance if !words.is_empty() => {
            let mut ranked = newest_first;
            ranked.sort_by_key(|row| std::cmp::Reverse(score(row)));
            ranked
        }
        _ => newest_first,
    };
    ordered.into_iter().skip(query.offset).take(query.limit.unwrap_or(usize::MAX)).map(|r| r.hit.id.clone()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn engine_equals_a_plain_filter(dataset in dataset_strategy(), queries in prop::collection::vec(query_strategy(), 8)) {
        prop_assert!(relations_card::validate::check(&dataset).is_empty(), "{:?}", relations_card::validate::check(&dataset));
        let index = Index::new(dataset.clone());
        let all = search(&index, &Query { sort: Sort::Date, ..Query::default() }).unwrap().hits;
        prop_assert_eq!(all.len(), index.len());
        for query in &queries {
            let got = match search(&index, query) {
                Ok(answer) => answer.hits.into_iter().map(|h| h.id).collect::<Vec<_>>(),
                Err(error) => {
                    // The only errors random queries can meet: an unknown region.
                    prop_assert!(error.to_string().contains("region"), "{}", error);
                    continue;
                }
            };
            let want = reference(&dataset, &all, query);
            prop_assert_eq!(got, want, "query {:?}", query);
        }
    }
}
