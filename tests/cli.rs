//! The `relations` command as a person runs it: exit codes, and the exact
//! message for each broken dataset in `tests/invalid/` (one mistake per file,
//! except `several-mistakes.json`, whose shape problems all come at once;
//! its expected stderr beside it in a `.expected` file).

use std::path::Path;
use std::process::{Command, Output};

use relations_card::json;

fn relations(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relations"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the relations binary runs")
}

#[test]
fn each_broken_dataset_gives_its_exact_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "expected the folder of broken datasets");
    let mut mismatches = Vec::new();
    for name in &names {
        let file = format!("tests/invalid/{name}.json");
        let output = relations(&["validate", &file]);
        let expected = std::fs::read_to_string(dir.join(format!("{name}.expected"))).unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        if output.status.code() != Some(1) || stderr != expected {
            mismatches.push(format!("{name}: exit {:?}\n  expected: {expected}  got:      {stderr}", output.status.code()));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn the_builtin_dataset_validates() {
    let output = relations(&["validate"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("valid ("));
}

#[test]
fn export_json_reads_back_as_the_same_dataset() {
    let output = relations(&["export", "--format", "json"]);
    assert!(output.status.success());
    let exported = relations_card::load(&String::from_utf8(output.stdout).unwrap()).unwrap();
    assert_eq!(exported, relations_card::builtin());
}

#[test]
fn export_csv_has_one_row_per_event() {
    let output = relations(&["export", "--format=csv", "tests/fixtures/small.json"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("id,kind,date,partners,themes,title,summary,value,unit,tone,as of,source,locator\r\n"));
    assert_eq!(text.matches("\r\n").count(), 3);
}

/// One records sheet: the CLI's export has the columns of the card's
/// download, which gives the records its view shows (every event, at first).
#[test]
fn export_csv_is_the_cards_download() {
    use relations_card::view::{download, CardState, Format};
    let output = relations(&["export", "--format=csv"]);
    assert!(output.status.success());
    let index = relations_card::query::Index::new(relations_card::builtin());
    let card = download(&index, &CardState::default(), Format::Csv, &relations_card::view::catalogue::EN);
    assert_eq!(card.name, "relations-overview.csv");
    let exported = String::from_utf8(output.stdout).unwrap();
    let events: Vec<&str> = exported.split("\r\n").filter(|row| row.contains(",event,") || row.contains(",agreement,")).collect();
    let header = exported.split("\r\n").next().unwrap();
    let downloaded: Vec<&str> = card.text.split("\r\n").collect();
    assert_eq!(downloaded[0], header);
    let mut sorted = downloaded[1..].iter().filter(|row| !row.is_empty()).copied().collect::<Vec<_>>();
    sorted.sort_unstable();
    let mut events_sorted = events.clone();
    events_sorted.sort_unstable();
    assert_eq!(sorted, events_sorted);
}

/// Every sheet written by `export --out` reads back, by `import`, into the
/// same dataset; a sheet with mistakes gets each at FILE:ROW:COLUMN and
/// exit status 1.
#[test]
fn sheets_exported_import_back_and_mistakes_are_located() {
    let folder = std::env::temp_dir().join(format!("relations-sheets-{}", std::process::id()));
    let out = folder.to_str().unwrap();
    let output = relations(&["export", "--format", "csv", "--out", out, "tests/fixtures/small.json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut files: Vec<String> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().path().to_str().unwrap().to_string()).collect();
    files.sort();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let output = relations(&args);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let original = relations_card::load(&std::fs::read_to_string("tests/fixtures/small.json").unwrap()).unwrap();
    let back = relations_card::load(&String::from_utf8(output.stdout).unwrap()).unwrap();
    assert_eq!(back.events, original.events);
    assert_eq!(back.partners, original.partners);

    let records = folder.join("records.csv");
    let text = std::fs::read_to_string(&records).unwrap().replacen("2007-01", "2007-13", 1);
    std::fs::write(&records, text).unwrap();
    let output = relations(&args);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let path = records.to_str().unwrap();
    assert!(stderr.contains(&format!("{path}:3:date: \"2007-13\" is not a date;")), "{stderr}");
    assert!(stderr.ends_with("1 problem\n"), "{stderr}");
    std::fs::remove_dir_all(&folder).unwrap();
}

/// Missing translations are warnings per language, naming the first places;
/// the file is still valid.
#[test]
fn validate_warns_of_missing_translations_per_language() {
    let output = relations(&["validate", "tests/fixtures/translated.json"]);
    assert!(output.status.success());
    let warnings = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        warnings,
        "tests/fixtures/translated.json: warning: 4 texts have no \"ru\" translation: \
         partners[1].name, partners[1].region, events[1].title, events[1].summary\n\
         tests/fixtures/translated.json: warning: 9 texts have no \"tg\" translation: \
         title, sources[0].reliability, partners[0].region, partners[1].name, partners[1].region, …\n"
    );
}

#[test]
fn usage_errors_exit_2_and_missing_files_exit_1() {
    assert_eq!(relations(&[]).status.code(), Some(2));
    assert_eq!(relations(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(relations(&["export", "--format", "xml"]).status.code(), Some(2));
    let missing = relations(&["validate", "no/such/file.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read no/such/file.json"));
}

#[test]
fn query_prints_matching_records_as_json_objects() {
    let output = relations(&["query", "--partner", "KZ", "--theme", "diplomacy", "--from", "1993", "--to", "1993", "--sort", "date"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    let hits = json::parse(&text).unwrap();
    let hits = hits.items().unwrap();
    assert!(!hits.is_empty());
    for hit in hits {
        for field in ["id", "date", "partners", "themes", "title", "summary", "sources"] {
            assert!(hit.get(field).is_some(), "{field} missing in {}", json::to_string(hit));
        }
        assert!(hit.get("partners").unwrap().items().unwrap().iter().any(|p| p.as_str() == Some("KZ")));
    }
}

#[test]
fn query_as_text_ends_with_the_count_and_bad_queries_say_why() {
    let output = relations(&["query", "--text", "drone fact", "--format", "text"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("drone factory"), "{text}");
    assert!(text.trim_end().ends_with("1 of 1 matching records"), "{text}");

    let reversed = relations(&["query", "--from", "2010", "--to", "1990"]);
    assert_eq!(reversed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&reversed.stderr).contains("reversed"));
    assert_eq!(relations(&["query", "--theme", "gossip"]).status.code(), Some(2));
    assert_eq!(relations(&["query", "--limit", "many"]).status.code(), Some(2));
}

#[test]
fn summary_of_a_partner() {
    let output = relations(&["summary", "IR"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("Iran (IR)"), "{text}");
    assert!(text.contains("period:") && text.contains("figure:"), "{text}");
    let json = relations(&["summary", "KZ", "--format", "json"]);
    let text = String::from_utf8(json.stdout).unwrap();
    let value = json::parse(&text).unwrap();
    assert_eq!(value.get("code").and_then(|c| c.as_str()), Some("KZ"));
    assert_eq!(relations(&["summary", "ZZ"]).status.code(), Some(1));
}

#[test]
fn synth_prints_a_valid_dataset_of_the_size_asked() {
    let output = relations(&["synth", "--seed", "5", "--events", "50"]);
    let dataset = relations_card::load(&String::from_utf8(output.stdout).unwrap()).unwrap();
    assert_eq!(dataset.events.len(), 50);
}

#[test]
fn static_prints_an_escaped_html_summary() {
    let output = relations(&["static", "tests/fixtures/hostile.json"]);
    assert!(output.status.success());
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.starts_with("<section") && html.trim_end().ends_with("</section>"));
    assert!(!html.contains("<script") && !html.contains("<img") && html.contains("&lt;"), "{html}");
}
