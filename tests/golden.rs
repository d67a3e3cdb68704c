//! Golden queries: `tests/golden/search.json` holds questions asked of the
//! built-in dataset and the answers expected, one hit per line, so a change
//! in behaviour shows up as a readable diff. After an intended change, run
//! `GOLDEN_UPDATE=1 cargo test --test golden` and review the diff.
//! The same file is replayed through WebAssembly in `tests/web.rs`.

use relations_card::decimal::Decimal;
use relations_card::json::{self, Kind, Value};
use relations_card::query::{Index, Query, QueryError};

/// The engine's answer, worded as a reader (and these tests) read it.
fn search(index: &Index, query: &Query) -> Result<relations_card::view::record::Hits, QueryError> {
    relations_card::view::record::search(index, query, &relations_card::view::catalogue::EN)
}

/// One hit as a line: "date | id | title".
fn line(hit: &relations_card::view::record::Hit) -> String {
    format!("{} | {} | {}", hit.date, hit.id, hit.title)
}

fn member<'v, 't>(case: &'v mut Value<'t>, key: &str) -> &'v mut Value<'t> {
    let Kind::Object(members) = &mut case.kind else { panic!("a case is an object") };
    &mut members.iter_mut().find(|m| m.key == key).unwrap_or_else(|| panic!("a case has `{key}`")).value
}

#[test]
fn golden_queries_give_their_recorded_answers() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/search.json");
    let text = std::fs::read_to_string(path).unwrap();
    let mut file = json::parse(&text).unwrap();
    let Kind::Array(cases) = &mut file.kind else { panic!("the golden file is a list") };
    assert!(cases.len() >= 15);
    // The dataset in every language, as the search of a card that has its
    // language's texts reads it (the English alone is compiled in).
    let index = Index::new(relations_card::load(include_str!("../data/tajikistan.json")).unwrap());
    let update = std::env::var_os("GOLDEN_UPDATE").is_some();
    let mut differences = Vec::new();
    for case in cases.iter_mut() {
        let name = member(case, "name").as_str().unwrap().to_string();
        let query = json::read_text(&json::to_string(member(case, "query")), Query::read).unwrap();
        let answer = search(&index, &query).unwrap_or_else(|e| panic!("{name}: {e}"));
        let hits: Vec<String> = answer.hits.iter().map(line).collect();
        let recorded: Vec<String> = member(case, "hits").items().unwrap().iter().map(|h| h.as_str().unwrap().to_string()).collect();
        let total = json::to_string(member(case, "total"));
        if answer.total.to_string() != total || hits != recorded {
            differences.push(format!(
                "{name}: total {} (expected {total})\n  got:\n    {}\n  expected:\n    {}",
                answer.total,
                hits.join("\n    "),
                recorded.join("\n    ")
            ));
            member(case, "total").kind = Kind::Number(Decimal::whole(answer.total as i64));
            member(case, "hits").kind = Kind::Array(hits.iter().map(|h| Value { at: 0, kind: Kind::String(h.clone().into()) }).collect());
        }
    }
    if update {
        std::fs::write(path, json::to_string_pretty(&file)).unwrap();
        return;
    }
    assert!(differences.is_empty(), "golden answers differ:\n{}", differences.join("\n"));
}
