//! Golden queries: `tests/golden/search.json` holds questions asked of the
//! built-in dataset and the answers expected, one hit per line, so a change
//! in behaviour shows up as a readable diff. After an intended change, run
//! `GOLDEN_UPDATE=1 cargo test --test golden` and review the diff.
//! The same file is replayed through WebAssembly in `tests/web.rs`.

use relations_card::json::{ToJson, Writer};
use relations_card::query::{Index, Query};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    query: Query,
    total: usize,
    hits: Vec<String>,
}

impl ToJson for Case {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("name", &self.name);
        out.field("query", &self.query);
        out.field("total", &self.total);
        out.field("hits", &self.hits);
        out.end_object();
    }
}

/// One hit as a line: "date | id | title".
fn line(hit: &relations_card::query::Hit) -> String {
    format!("{} | {} | {}", hit.date, hit.id, hit.title)
}

#[test]
fn golden_queries_give_their_recorded_answers() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/search.json");
    let mut cases: Vec<Case> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.len() >= 15);
    let index = Index::new(relations_card::builtin());
    let update = std::env::var_os("GOLDEN_UPDATE").is_some();
    let mut differences = Vec::new();
    for case in &mut cases {
        let answer = index.search(&case.query).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let hits: Vec<String> = answer.hits.iter().map(line).collect();
        if answer.total != case.total || hits != case.hits {
            differences.push(format!(
                "{}: total {} (expected {})\n  got:\n    {}\n  expected:\n    {}",
                case.name,
                answer.total,
                case.total,
                hits.join("\n    "),
                case.hits.join("\n    ")
            ));
            case.total = answer.total;
            case.hits = hits;
        }
    }
    if update {
        std::fs::write(path, relations_card::json::to_string_pretty(&cases)).unwrap();
        return;
    }
    assert!(differences.is_empty(), "golden answers differ:\n{}", differences.join("\n"));
}
