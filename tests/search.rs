//! The query engine on the real dataset: what a reader typing in the search
//! box, or choosing filters, gets back.

use relations_card::model::Theme;
use relations_card::query::{Index, Query, QueryError, RecordKind, Sort};

/// The engine's answer, worded as a reader (and these tests) read it.
fn search(index: &Index, query: &Query) -> Result<relations_card::view::record::Hits, QueryError> {
    relations_card::view::record::search(index, query, &relations_card::view::catalogue::EN)
}

fn index() -> Index {
    Index::new(relations_card::builtin())
}

fn text(words: &str) -> Query {
    Query { text: words.to_string(), ..Query::default() }
}

fn ids(index: &Index, query: &Query) -> Vec<String> {
    search(index, query).unwrap().hits.into_iter().map(|h| h.id).collect()
}

#[test]
fn spellings_of_a_place_find_the_same_records() {
    let index = index();
    let pyanj = ids(&index, &text("pyanj"));
    let panj = ids(&index, &text("Panj"));
    for id in ["d000-af-panj-bridge-2007", "d000-af-panj-land-2009"] {
        assert!(pyanj.contains(&id.to_string()), "Pyanj is a spelling of the Panj: {id}");
    }
    // "Panj" is also a prefix (Panjshir, Panji Poyon), so it finds more.
    assert!(pyanj.iter().all(|id| panj.contains(id)));
    let mut cyrillic = ids(&index, &text("Пяндж"));
    let mut latin = pyanj.clone();
    cyrillic.sort();
    latin.sort();
    assert_eq!(cyrillic, latin);
}

#[test]
fn partner_names_and_aliases_in_any_script_match() {
    let index = index();
    let kazakstan = search(&index, &text("kazakstan")).unwrap();
    let kazakhstan = search(&index, &text("Kazakhstan")).unwrap();
    assert_eq!(kazakstan.total, kazakhstan.total);
    assert!(kazakstan.hits.iter().all(|h| h.partners.contains(&"KZ".to_string()) || h.summary.to_lowercase().contains("kazak")));
    let osce = ids(&index, &text("OSCE"));
    let csce = ids(&index, &text("csce"));
    assert!(!osce.is_empty());
    assert_eq!(osce, csce);
    let iran = search(&index, &text("Иран")).unwrap();
    assert!(iran.total >= 30, "every record with Iran as a partner: {}", iran.total);
    assert_eq!(iran.total, search(&index, &text("ایران")).unwrap().total);
}

#[test]
fn cities_and_prefixes_while_typing() {
    let index = index();
    assert!(search(&index, &text("Dushanbe")).unwrap().total > 5);
    assert!(search(&index, &text("tehran")).unwrap().total >= 2);
    let drone = ids(&index, &text("drone fact"));
    assert_eq!(drone.first().map(String::as_str), Some("d004-ir-drone-factory-2022"));
    // Each keystroke narrows or keeps the answer.
    let mut last = usize::MAX;
    for typed in ["k", "ka", "kaz", "kaza", "kazak", "kazakh"] {
        let total = search(&index, &text(typed)).unwrap().total;
        assert!(total <= last, "{typed}: {total} > {last}");
        last = total;
    }
}

#[test]
fn titles_rank_above_summaries() {
    let index = index();
    let hits = search(&index, &text("bridge")).unwrap().hits;
    let first_summary_only = hits.iter().position(|h| !h.title.to_lowercase().contains("bridge"));
    let last_title = hits.iter().rposition(|h| h.title.to_lowercase().contains("bridge"));
    if let (Some(first), Some(last)) = (first_summary_only, last_title) {
        assert!(last < first, "a title match ranks below a summary-only match");
    }
}

#[test]
fn empty_and_stop_word_queries_change_nothing() {
    let index = index();
    let all = search(&index, &Query::default()).unwrap().total;
    assert_eq!(all, index.len());
    for query in ["", "   ", "the of and", "!!!", "?"] {
        assert_eq!(search(&index, &text(query)).unwrap().total, all, "{query:?}");
    }
}

#[test]
fn filters_combine_and_sort_by_date() {
    let index = index();
    let query = Query {
        partners: vec!["AF".into()],
        themes: vec![Theme::Security],
        from: Some(2021),
        to: Some(2024),
        sort: Sort::Date,
        ..Query::default()
    };
    let answer = search(&index, &query).unwrap();
    assert!(answer.total > 3);
    let dates: Vec<&str> = answer.hits.iter().map(|h| h.date.trim_start_matches('~')).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    for hit in &answer.hits {
        assert!(hit.partners.contains(&"AF".to_string()));
        assert!(hit.themes.contains(&Theme::Security));
    }
}

#[test]
fn kinds_regions_disputes_and_sources_filter() {
    let index = index();
    let figures = search(&index, &Query { kinds: vec![RecordKind::Figure], ..Query::default() }).unwrap();
    assert_eq!(figures.total, index.dataset().figures.len());
    assert!(figures.hits.iter().all(|h| h.value.is_some()));
    let central = search(&index, &Query { region: Some("central asia".into()), ..Query::default() }).unwrap();
    assert!(central.total > 20);
    let disputed = search(&index, &Query { disputed_only: true, ..Query::default() }).unwrap();
    assert!(disputed.hits.iter().all(|h| h.disputed));
    assert!(disputed.total >= 12);
    let mfa = search(&index, &Query { source: Some("003_ef7cab118d55310a".into()), ..Query::default() }).unwrap();
    assert!(mfa.hits.iter().all(|h| h.sources.iter().any(|s| s.id == "003_ef7cab118d55310a")));
}

#[test]
fn paging_splits_the_same_order() {
    let index = index();
    let all = ids(&index, &Query { sort: Sort::DateDesc, ..Query::default() });
    let mut paged = Vec::new();
    for page in 0..all.len().div_ceil(25) {
        paged.extend(ids(&index, &Query { sort: Sort::DateDesc, limit: Some(25), offset: page * 25, ..Query::default() }));
    }
    assert_eq!(paged, all);
}

#[test]
fn strange_queries_get_an_answer_or_a_clear_error() {
    let index = index();
    for text in ["x".repeat(10_000), "؟!@#$%^&*()".into(), "Иран iran ایران 伊朗".into(), "\u{0}\u{200c}".into()] {
        assert!(search(&index, &Query { text, ..Query::default() }).is_ok());
    }
    let reversed = Query { from: Some(2010), to: Some(1990), ..Query::default() };
    assert_eq!(search(&index, &reversed).unwrap_err(), QueryError::ReversedYears { from: 2010, to: 1990 });
    assert!(search(&index, &Query { partners: vec!["ZZ".into()], ..Query::default() }).is_err());
    let huge_page = Query { limit: Some(usize::MAX), offset: usize::MAX, ..Query::default() };
    assert_eq!(search(&index, &huge_page).unwrap().hits.len(), 0);
}

#[test]
fn facets_count_each_dimension_without_its_own_filter() {
    let index = index();
    let query = Query { themes: vec![Theme::Trade], ..Query::default() };
    let facets = index.facets(&query).unwrap();
    let trade = search(&index, &query).unwrap().total;
    // Themes ignore the theme filter: other themes keep their counts.
    let security = facets.themes.iter().find(|c| c.key == Theme::Security).unwrap().count;
    let all_security = search(&index, &Query { themes: vec![Theme::Security], ..Query::default() }).unwrap().total;
    assert_eq!(security, all_security);
    // Partners are counted within the theme filter.
    let partner_total: usize = facets.partners.iter().map(|c| c.count).sum();
    assert!(partner_total >= trade);
    let years: usize = facets.years.iter().map(|c| c.count).sum();
    let decades: usize = facets.decades.iter().map(|c| c.count).sum();
    assert_eq!(years, decades);
    // Each year and decade once, in order (the index keeps records in date order).
    assert!(facets.years.windows(2).all(|w| w[0].key < w[1].key));
    assert!(facets.decades.windows(2).all(|w| w[0].key < w[1].key));
}

#[test]
fn timeline_ignores_the_year_range_and_counts_every_dated_match() {
    let index = index();
    let query = Query { partners: vec!["IR".into()], from: Some(2000), to: Some(2001), ..Query::default() };
    let timeline = index.timeline(&query, 5).unwrap();
    let counted: usize = timeline.buckets.iter().map(|b| b.count).sum();
    let all_iran = search(&index, &Query { partners: vec!["IR".into()], ..Query::default() }).unwrap().total;
    assert_eq!(counted + timeline.undated, all_iran);
    assert!(timeline.buckets.iter().all(|b| b.to - b.from == 4 && b.from % 5 == 0));
}

#[test]
fn partner_summary_of_iran() {
    let index = index();
    let summary = relations_card::view::record::summary(&index, "IR", &relations_card::view::catalogue::EN).unwrap();
    assert_eq!(summary.name, "Iran");
    assert!(summary.event_count >= 30);
    let year = |date: &str| date.trim_start_matches('~')[..4].parse::<i32>().unwrap();
    assert!(year(&summary.first_contact.as_ref().unwrap().date) <= 1991);
    assert_eq!(year(&summary.latest_contact.as_ref().unwrap().date), 2025);
    assert!(summary.periods.len() >= 5);
    assert!(summary.figures.iter().any(|f| f.value.as_deref() == Some("23 documents")));
    assert!(summary.events_by_theme.iter().any(|c| c.key == Theme::Culture));
    let kz = relations_card::view::record::summary(&index, "KZ", &relations_card::view::catalogue::EN).unwrap();
    let shared: Vec<&str> = kz.shared_organisations.iter().map(|c| c.key.as_str()).collect();
    for org in ["CSTO", "SCO", "UN", "CIS", "EURASEC"] {
        assert!(shared.contains(&org), "{org} in {shared:?}");
    }
    let sco = relations_card::view::record::summary(&index, "SCO", &relations_card::view::catalogue::EN).unwrap();
    assert!(sco.membership.is_some());
    assert!(relations_card::view::record::summary(&index, "ZZ", &relations_card::view::catalogue::EN).is_err());
}
