//! The complete example in `data/SCHEMA.md` must stay a valid dataset, so the
//! documentation cannot drift from the validator.

#[test]
fn the_example_in_schema_md_validates() {
    let doc = include_str!("../data/SCHEMA.md");
    let start = doc.find("```json\n").expect("SCHEMA.md has a json example") + "```json\n".len();
    let end = start + doc[start..].find("```").expect("the example block is closed");
    match relations_card::load(&doc[start..end]) {
        Ok(dataset) => assert_eq!(dataset.events.len(), 1),
        Err(errors) => panic!("SCHEMA.md example is invalid: {}", errors[0]),
    }
}
