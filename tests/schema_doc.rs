//! Every example in `data/SCHEMA.md` must stay a valid dataset saying what
//! its section says, so the documentation cannot drift from the validator.

use relations_card::{load, Dataset};

/// The ```json blocks of SCHEMA.md, in order, each with the heading it is under.
fn examples() -> Vec<(String, String)> {
    let doc = include_str!("../data/SCHEMA.md");
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut block: Option<String> = None;
    for line in doc.lines() {
        match &mut block {
            None if line.starts_with("## ") => heading = line[3..].to_string(),
            None if line == "```json" => block = Some(String::new()),
            Some(text) if line == "```" => {
                out.push((heading.clone(), std::mem::take(text)));
                block = None;
            }
            Some(text) => {
                text.push_str(line);
                text.push('\n');
            }
            None => {}
        }
    }
    assert!(block.is_none(), "a json block is not closed");
    out
}

fn valid(heading: &str) -> Dataset {
    let examples = examples();
    let (_, text) = examples.iter().find(|(h, _)| h == heading).unwrap_or_else(|| panic!("no example under \"{heading}\""));
    match load(text) {
        Ok(dataset) => dataset,
        Err(errors) => panic!("SCHEMA.md's example under \"{heading}\" is invalid: {}", errors[0]),
    }
}

#[test]
fn every_example_in_schema_md_validates() {
    let examples = examples();
    assert_eq!(examples.len(), 3, "{:?}", examples.iter().map(|(h, _)| h).collect::<Vec<_>>());
    for (heading, text) in &examples {
        if let Err(errors) = load(text) {
            panic!("SCHEMA.md's example under \"{heading}\" is invalid: {}", errors[0]);
        }
    }
}

#[test]
fn the_small_complete_example_has_one_of_each_record() {
    let dataset = valid("A small complete example");
    assert_eq!(dataset.events.len(), 1);
    assert_eq!((dataset.figures.len(), dataset.periods.len(), dataset.memberships.len()), (1, 1, 1));
}

#[test]
fn the_worked_dispute_sets_two_claims_with_their_own_sources_side_by_side() {
    let dataset = valid("A dispute, worked through");
    let [dispute] = &dataset.disputes[..] else { panic!("one dispute") };
    assert_eq!(dispute.claims.len(), 2);
    let cited: Vec<&str> = dispute
        .claims
        .iter()
        .map(|id| dataset.figures.iter().find(|f| &f.id == id).expect("a figure").sources[0].source.as_str())
        .collect();
    assert_ne!(cited[0], cited[1], "each claim keeps its own source");
    // What the section says: a dispute's own sources are refused.
    let examples = examples();
    let text = &examples.iter().find(|(h, _)| h == "A dispute, worked through").unwrap().1;
    let with_sources = text.replace(
        "\"claims\": [\"trade-2023-official\", \"trade-2023-estimated\"]",
        "\"claims\": [\"trade-2023-official\", \"trade-2023-estimated\"], \"sources\": [{\"source\": \"daily\", \"locator\": \"¶1\"}]",
    );
    assert_ne!(&with_sources, text);
    let errors = load(&with_sources).unwrap_err();
    assert!(errors[0].message.contains("unknown field `sources`"), "{}", errors[0]);
}

#[test]
fn the_two_partner_story_names_both_and_never_the_subject() {
    let dataset = valid("A story about two partners");
    let countries: Vec<&str> = dataset.partners.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(countries, ["KZ", "UZ"]);
    assert!(dataset.events.iter().any(|e| e.partners == ["KZ", "UZ"]), "a record about all three names both partners");
    assert!(dataset.events.iter().all(|e| !e.partners.contains(&dataset.subject.code)));
    assert!(dataset.figures.iter().all(|f| !f.themes.is_empty()), "figures carry themes");
    // Its place is named in a record, so its other spellings find that record.
    let index = relations_card::query::Index::new(dataset);
    let query = relations_card::query::Query { text: "Фергана".into(), ..Default::default() };
    assert_eq!(index.search(&query).unwrap().total, 1);
}
