//! Turns dataset text into a checked `Dataset`, or into every mistake in it,
//! each with the JSON path, line and column. The same function serves the
//! CLI, the card and the tests, so a file the CLI accepts is one the card shows.

use std::fmt;

use crate::hashing::{FxMap, FxSet};
use crate::json::{self, Path};
use crate::model::{Citation, Dataset, PartnerKind, Quantity, TextPlace, OLDEST_SCHEMA_VERSION, SCHEMA_VERSION};
use crate::schema;
use crate::sorting::sort_by_key;

/// One thing wrong with a dataset, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetError {
    /// JSON path of the offending value, e.g. `events[3].partners[0]`; empty
    /// for the document as a whole.
    pub path: String,
    /// Line and column from 1, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, "line {line}, column {column}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// Parses and checks a dataset. Errors come in document order.
pub fn load(text: &str) -> Result<Dataset, Vec<DatasetError>> {
    // Records are parsed one at a time as they are read: the whole tree
    // would hold twice the text's size again.
    let value = json::parse_shallow(text).map_err(|e| {
        let (line, column) = line_columns(text, &[e.at])[0];
        vec![DatasetError { path: String::new(), line: Some(line), column: Some(column), message: e.message }]
    })?;
    let mut reader = json::Reader::default();
    let read = schema::read_dataset(&mut reader, &value);
    // An unknown field leaves the record readable, but is still a mistake.
    let Some(dataset) = read.filter(|_| reader.problems.is_empty()) else {
        // The reader notes a field's problem at its key, like the checks below.
        let offsets: Vec<usize> = reader.problems.iter().map(|p| p.at).collect();
        let mut problems: Vec<DatasetError> = reader
            .problems
            .into_iter()
            .zip(line_columns(text, &offsets))
            .map(|(p, (line, column))| DatasetError { path: p.path, line: Some(line), column: Some(column), message: p.message })
            .collect();
        sort_by_key(&mut problems, &|p| (p.line, p.column));
        return Err(capped(problems));
    };
    let mut problems = check(&dataset);
    if problems.is_empty() {
        return Ok(dataset);
    }
    let offsets: Vec<usize> = problems.iter().map(|p| value.find(&p.path)).collect();
    for (problem, (line, column)) in problems.iter_mut().zip(line_columns(text, &offsets)) {
        problem.line = Some(line);
        problem.column = Some(column);
    }
    sort_by_key(&mut problems, &|p| (p.line, p.column));
    Err(capped(problems))
}

/// `load` for a text that its caller also holds elsewhere (in a browser:
/// outside the wasm's memory), so that the text and the dataset made from it
/// are never held together: the text is checked and its records located
/// (`parse_shallow`), then let go; each record's text is fetched again, one
/// at a time, as it is read. Held together, a text and its dataset were
/// twice the text's size again at the peak. A dataset with any problem is
/// read again whole by `load`, which says where each one is.
pub fn load_detached(text: String, fetch: json::Fetch) -> Result<Dataset, Vec<DatasetError>> {
    let length = text.len();
    let Ok(shallow) = json::parse_shallow(&text).map(json::Value::detached) else { return load(&text) };
    drop(text);
    let mut reader = json::Reader { problems: Vec::new(), fetch: Some(fetch) };
    let read = schema::read_dataset(&mut reader, &shallow);
    drop(shallow);
    if let Some(dataset) = read.filter(|d| reader.problems.is_empty() && check(d).is_empty()) {
        return Ok(dataset);
    }
    match reader.fetch.and_then(|fetch| fetch(0, length)) {
        Some(text) => load(&text),
        None => {
            Err(vec![DatasetError { path: String::new(), line: None, column: None, message: "the text could not be read again".into() }])
        }
    }
}

/// The first `MAX_PROBLEMS` problems and, when there are more, a last one
/// that counts the rest: a file with a mistake in every record is said in
/// a screen, not a hundred thousand lines.
fn capped(mut problems: Vec<DatasetError>) -> Vec<DatasetError> {
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(DatasetError { path: String::new(), line: None, column: None, message: format!("and {more} more problems") });
    }
    problems
}

/// Lines and columns of many byte offsets in one pass over the text, in the
/// order given: a dataset with a mistake per record costs one read of the
/// file, not one per mistake (which froze a tab for a large file).
fn line_columns(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    sort_by_key(&mut order, &|&i| offsets[i]);
    let mut found = vec![(1, 1); offsets.len()];
    // Where the walk is: its byte offset, line and column there.
    let (mut at, mut line, mut column) = (0, 1, 1);
    for i in order {
        let mut to = offsets[i].min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        for c in text[at..to].chars() {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        at = to;
        found[i] = (line, column);
    }
    found
}

/// What a card can hold on a phone: its index keeps a set of records per
/// partner and per source (partners × records bits), and numbers partners
/// and sources in 16 bits. Checked before anything else is.
pub const MAX_PARTNERS: usize = 1_000;
pub const MAX_SOURCES: usize = 1_000;
pub const MAX_PLACES: usize = 1_000;
pub const MAX_RECORDS: usize = 200_000;
/// Characters in any one text, in any language: a summary, not a document.
pub const MAX_TEXT_CHARS: usize = 5_000;
/// Problems reported for one file; the rest are counted.
pub const MAX_PROBLEMS: usize = 1_000;

fn within_limits(dataset: &Dataset, found: &mut Problems) -> bool {
    let records = dataset.events.len() + dataset.figures.len() + dataset.periods.len() + dataset.memberships.len();
    let mut within = true;
    for (path, count, max, what) in [
        ("partners", dataset.partners.len(), MAX_PARTNERS, "partners"),
        ("sources", dataset.sources.len(), MAX_SOURCES, "sources"),
        ("places", dataset.places.len(), MAX_PLACES, "places"),
        ("events", records, MAX_RECORDS, "records (events, figures, periods and memberships together)"),
    ] {
        if count > max {
            found.add(path, format!("{count} {what}: a card holds at most {max}, so that it fits a phone's memory"));
            within = false;
        }
    }
    dataset.texts(&mut |place, text| {
        let longest = text.forms().map(|t| t.chars().count()).max().unwrap_or(0);
        if longest > MAX_TEXT_CHARS {
            found
                .add(place.to_string(), format!("{longest} characters: a text holds at most {MAX_TEXT_CHARS} (a summary, not a document)"));
        }
    });
    within
}

/// Texts in several languages (schema version 2): the dataset names its own
/// language, every text object gives it, and every key is a language tag.
fn check_languages(dataset: &Dataset, found: &mut Problems) {
    if dataset.schema_version > SCHEMA_VERSION {
        return;
    }
    let language = dataset.language.as_deref();
    match language {
        Some(tag) if !is_language_tag(tag) => {
            found.add("language", format!("\"{tag}\" is not a language tag: write it as BCP 47 does (en, ru, tg, fa-AF)"))
        }
        None if dataset.schema_version >= 2 => {
            found.add("language", "say which language the texts are written in, e.g. \"language\": \"en\"".to_string())
        }
        Some(_) if dataset.schema_version < 2 => {
            found.add("language", "a language is part of schema version 2: set \"schemaVersion\": 2".to_string())
        }
        _ => {}
    }
    dataset.texts(&mut |place, text| {
        if text.languages.is_empty() {
            return;
        }
        if dataset.schema_version < 2 {
            found.add(place.to_string(), "texts in several languages need schema version 2 and a \"language\"".to_string());
            return;
        }
        for (tag, _) in &text.languages {
            if !is_language_tag(tag) {
                found.add(format!("{place}.{tag}"), format!("\"{tag}\" is not a language tag (en, ru, tg, fa-AF)"));
            }
        }
        if let Some(own) = language {
            if text.in_language(own).is_none() {
                found.add(place.to_string(), format!("give the text in the dataset's own language too (\"{own}\")"));
            }
        }
    });
}

/// `en`, `ru`, `tg`, `fa-AF`, `sr-Latn`: a language subtag of two or three
/// letters, then subtags of letters and digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// For each language a dataset has translations in, the texts it lacks:
/// (language, how many, the first few places). Not errors: a text without
/// a translation shows in the dataset's own language, marked.
pub fn translation_gaps(dataset: &Dataset) -> Vec<(String, usize, Vec<TextPlace>)> {
    if dataset.language.is_none() {
        return Vec::new();
    }
    crate::languages::text_languages(dataset)
        .into_iter()
        .filter_map(|language| {
            let mut missing = 0;
            let mut first = Vec::new();
            dataset.texts(&mut |place, text| {
                if !text.is_empty() && text.in_language(&language).is_none() {
                    missing += 1;
                    if first.len() < 5 {
                        first.push(place);
                    }
                }
            });
            (missing > 0).then_some((language, missing, first))
        })
        .collect()
}

/// The checks that types cannot express. Paths only; `load` adds positions.
pub fn check<'d>(dataset: &'d Dataset) -> Vec<DatasetError> {
    let mut found = Problems::default();

    if !(OLDEST_SCHEMA_VERSION..=SCHEMA_VERSION).contains(&dataset.schema_version) {
        found.add(
            "schemaVersion",
            format!(
                "schema version {} is not supported: this build reads versions {OLDEST_SCHEMA_VERSION} to {SCHEMA_VERSION}",
                dataset.schema_version
            ),
        );
    }
    check_languages(dataset, &mut found);
    // Past a limit, the checks below (which number partners and sources
    // in 16 bits) are not run: the file is refused as too big for a card.
    if !within_limits(dataset, &mut found) {
        return found.0;
    }
    // Paths are written out only for a problem: checks run on every record,
    // and large files have a hundred thousand.
    let root = Path::Root;
    found.not_blank(&root, "title", &dataset.title);
    found.not_blank(&root.key("subject"), "name", &dataset.subject.name);
    if !is_country_code(&dataset.subject.code) {
        found.add("subject.code", format!("\"{}\" is not an ISO 3166-1 alpha-2 code (two capital letters)", dataset.subject.code));
    }

    let mut source_ids = FxSet::default();
    let sources_path = root.key("sources");
    for (i, source) in dataset.sources.iter().enumerate() {
        let at = sources_path.index(i);
        if !source_ids.insert(source.id.as_str()) {
            found.add(format!("{at}.id"), format!("duplicate source id \"{}\"", source.id));
        }
        found.not_blank(&at, "id", &source.id);
        found.not_blank(&at, "title", &source.title);
        found.not_blank(&at, "publisher", &source.publisher);
        found.not_blank(&at, "reliability", &source.reliability);
    }
    if dataset.sources.is_empty() {
        found.add("sources", "a dataset needs at least one source".to_string());
    }

    let mut partner_slots: FxMap<&str, u16> = FxMap::default();
    let partners_path = root.key("partners");
    for (i, partner) in dataset.partners.iter().enumerate() {
        let at = partners_path.index(i);
        // By slot (u16, like the index's source map: one map type less in the wasm).
        if partner_slots.insert(partner.code.as_str(), i as u16).is_some() {
            found.add(format!("{at}.code"), format!("duplicate partner code \"{}\"", partner.code));
        }
        match partner.kind {
            PartnerKind::Country if !is_country_code(&partner.code) => {
                found.add(format!("{at}.code"), format!("\"{}\" is not an ISO 3166-1 alpha-2 code (two capital letters)", partner.code))
            }
            PartnerKind::Organisation if !is_short_name(&partner.code) => found.add(
                format!("{at}.code"),
                format!("\"{}\" is not a short name: use capital letters and digits, e.g. \"OSCE\"", partner.code),
            ),
            _ => {}
        }
        if partner.code == dataset.subject.code {
            found.add(format!("{at}.code"), subject_named(&partner.code));
        }
        found.not_blank(&at, "name", &partner.name);
        found.not_blank(&at, "region", &partner.region);
        for (j, alias) in partner.aliases.iter().enumerate() {
            found.not_blank(&at, &format!("aliases[{j}]"), alias);
        }
    }

    // The path is written only for a problem: checks run on every record of large files.
    let subject = dataset.subject.code.as_str();
    let partner_ref = |found: &mut Problems, path: &dyn Fn() -> String, code: &str| {
        if code == subject {
            found.add(path(), subject_named(code));
        } else if !partner_slots.contains_key(code) {
            found.add(path(), format!("unknown partner \"{code}\": add it to \"partners\" first"));
        }
    };

    let mut place_ids = FxSet::default();
    let places_path = root.key("places");
    for (i, place) in dataset.places.iter().enumerate() {
        let at = places_path.index(i);
        found.not_blank(&at, "id", &place.id);
        if !place_ids.insert(place.id.as_str()) {
            found.add(format!("{at}.id"), format!("duplicate place id \"{}\"", place.id));
        }
        found.not_blank(&at, "name", &place.name);
        for (j, alias) in place.aliases.iter().enumerate() {
            found.not_blank(&at, &format!("aliases[{j}]"), alias);
        }
        for (j, code) in place.partners.iter().enumerate() {
            partner_ref(&mut found, &|| format!("{at}.partners[{j}]"), code);
        }
    }

    let mut record_ids = FxSet::default();
    let mut record_id = |found: &mut Problems, at: &Path, id: &'d str| {
        found.not_blank(at, "id", id);
        if !record_ids.insert(id) {
            found.add(format!("{at}.id"), format!("duplicate id \"{id}\": ids must be unique across all records"));
        }
    };

    // Events and figures name every party besides the subject: at least one.
    let partner_list = |found: &mut Problems, at: &Path, what: &str, codes: &[String]| {
        if codes.is_empty() {
            found.add(format!("{at}.partners"), format!("{what} needs at least one partner"));
        }
        for (j, code) in codes.iter().enumerate() {
            partner_ref(found, &|| format!("{at}.partners[{j}]"), code);
        }
    };

    let events_path = root.key("events");
    for (i, event) in dataset.events.iter().enumerate() {
        let at = events_path.index(i);
        record_id(&mut found, &at, &event.id);
        partner_list(&mut found, &at, "an event", &event.partners);
        if event.themes.is_empty() {
            found.add(format!("{at}.themes"), "an event needs at least one theme".to_string());
        }
        found.not_blank(&at, "title", &event.title);
        found.not_blank(&at, "summary", &event.summary);
        found.citations(&at, &event.sources, &source_ids);
    }

    let figures_path = root.key("figures");
    for (i, figure) in dataset.figures.iter().enumerate() {
        let at = figures_path.index(i);
        record_id(&mut found, &at, &figure.id);
        partner_list(&mut found, &at, "a figure", &figure.partners);
        found.not_blank(&at, "title", &figure.title);
        found.not_blank(&at, "unit", &figure.unit);
        if let Some(problem) = quantity_problem(&figure.value) {
            found.add(format!("{at}.value"), problem);
        }
        found.citations(&at, &figure.sources, &source_ids);
    }

    let periods_path = root.key("periods");
    for (i, period) in dataset.periods.iter().enumerate() {
        let at = periods_path.index(i);
        record_id(&mut found, &at, &period.id);
        partner_ref(&mut found, &|| format!("{at}.partner"), &period.partner);
        found.not_blank(&at, "title", &period.title);
        found.not_blank(&at, "summary", &period.summary);
        found.citations(&at, &period.sources, &source_ids);
    }

    let memberships_path = root.key("memberships");
    for (i, membership) in dataset.memberships.iter().enumerate() {
        let at = memberships_path.index(i);
        record_id(&mut found, &at, &membership.id);
        match partner_slots.get(membership.organisation.as_str()).map(|&p| dataset.partners[usize::from(p)].kind) {
            None => partner_ref(&mut found, &|| format!("{at}.organisation"), &membership.organisation),
            Some(PartnerKind::Country) => found.add(
                format!("{at}.organisation"),
                format!("\"{}\" is a country; memberships are in organisations", membership.organisation),
            ),
            Some(PartnerKind::Organisation) => {}
        }
        found.citations(&at, &membership.sources, &source_ids);
    }

    let claimable: FxSet<&str> = dataset
        .events
        .iter()
        .map(|e| e.id.as_str())
        .chain(dataset.figures.iter().map(|f| f.id.as_str()))
        .chain(dataset.periods.iter().map(|p| p.id.as_str()))
        .collect();
    let disputes_path = root.key("disputes");
    for (i, dispute) in dataset.disputes.iter().enumerate() {
        let at = disputes_path.index(i);
        record_id(&mut found, &at, &dispute.id);
        found.not_blank(&at, "topic", &dispute.topic);
        if dispute.claims.len() < 2 {
            found.add(format!("{at}.claims"), "a dispute needs at least two competing claims".to_string());
        }
        for (j, claim) in dispute.claims.iter().enumerate() {
            if !claimable.contains(claim.as_str()) {
                found.add(format!("{at}.claims[{j}]"), format!("unknown claim \"{claim}\": claims are ids of events, figures or periods"));
            }
        }
    }

    found.0
}

/// One answer wherever the subject is named as a partner (in `partners`, or
/// in a record's), so fixing one place does not lead to the other's error.
fn subject_named(code: &str) -> String {
    format!("\"{code}\" is the subject: it takes part in every record without being named, so leave it out of \"partners\" and list only the other parties")
}

fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_short_name(code: &str) -> bool {
    !code.is_empty() && code.len() <= 16 && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn quantity_problem(value: &Quantity) -> Option<String> {
    match value {
        Quantity::Range(low, high) if low > high => Some(format!("range {low} to {high} ends before it starts")),
        Quantity::OneOf(values) if values.len() < 2 => Some("\"oneOf\" needs at least two values".to_string()),
        _ => None,
    }
}

#[derive(Default)]
struct Problems(Vec<DatasetError>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, message: String) {
        self.0.push(DatasetError { path: path.into(), line: None, column: None, message });
    }

    /// `at.field` must have text; the path is only written when it has none.
    fn not_blank(&mut self, at: &Path, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.add(at.key(field).to_string(), "must not be empty".to_string());
        }
    }

    fn citations(&mut self, at: &Path, citations: &[Citation], source_ids: &FxSet<&str>) {
        if citations.is_empty() {
            self.add(format!("{at}.sources"), "every fact needs at least one source".to_string());
        }
        for (j, citation) in citations.iter().enumerate() {
            if !source_ids.contains(citation.source.as_str()) {
                self.add(
                    format!("{at}.sources[{j}].source"),
                    format!("unknown source \"{}\": add it to \"sources\" first", citation.source),
                );
            }
            if citation.locator.trim().is_empty() {
                self.add(format!("{at}.sources[{j}].locator"), "must not be empty".to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `load_detached` with its text fetched from a copy, counting the fetches.
    fn load_detached_counting(text: &str) -> (Result<Dataset, Vec<DatasetError>>, usize) {
        let copy = text.to_string();
        let fetches = std::rc::Rc::new(std::cell::Cell::new(0));
        let counted = std::rc::Rc::clone(&fetches);
        let fetch = move |from: usize, to: usize| {
            counted.set(counted.get() + 1);
            copy.get(from..to).map(str::to_string)
        };
        let loaded = load_detached(text.to_string(), Box::new(fetch));
        (loaded, fetches.get())
    }

    #[test]
    fn a_detached_text_loads_as_a_held_one() {
        let synthetic = json::to_string(&crate::synth::wide(3, 40, 300, 200));
        for text in [include_str!("../data/tajikistan.json"), crate::BUILTIN_JSON, synthetic.as_str()] {
            let (loaded, fetches) = load_detached_counting(text);
            let dataset = loaded.unwrap();
            assert_eq!(dataset, load(text).unwrap());
            // One fetch per record and per source, partner and place: none of the whole text.
            let items = dataset.sources.len()
                + dataset.partners.len()
                + dataset.places.len()
                + dataset.events.len()
                + dataset.figures.len()
                + dataset.periods.len()
                + dataset.memberships.len()
                + dataset.disputes.len();
            assert_eq!(fetches, items);
        }
    }

    #[test]
    fn a_detached_text_with_mistakes_says_them_as_a_held_one_does() {
        let text = include_str!("../data/tajikistan.json");
        let broken = [
            text.replacen("\"kind\": \"event\"", "\"kind\": \"happening\"", 3),
            text.replacen("\"partners\": [\n        \"AF\"", "\"partners\": [\n        \"ZZ\"", 2),
            text.replacen("\"title\":", "\"title\" ", 1),
            text.replacen("{", "[", 3),
        ];
        for text in &broken {
            assert_ne!(text, include_str!("../data/tajikistan.json"));
            let expected = load(text).unwrap_err();
            assert!(expected.iter().all(|e| e.line.is_some()), "{expected:?}");
            assert_eq!(load_detached_counting(text).0.map(|_| ()), Err(expected));
        }
    }

    #[test]
    fn many_positions_in_one_pass_are_those_found_one_by_one() {
        let text = "{\n  \"a\": \"жж\",\n\n  \"b\": [1, 2,\n 3]\r\n}\u{1F600}x";
        // Every offset, inside characters too, out of order and repeated.
        let mut offsets: Vec<usize> = (0..=text.len() + 2).rev().collect();
        offsets.extend([5, 0, 5, text.len()]);
        let found = line_columns(text, &offsets);
        for (&offset, &position) in offsets.iter().zip(&found) {
            assert_eq!(position, json::line_column(text, offset), "at {offset}");
        }
        assert!(line_columns(text, &[]).is_empty());
    }

    const MINIMAL: &str = r#"{
  "schemaVersion": 1,
  "subject": {"code": "TJ", "name": "Tajikistan"},
  "title": "Test",
  "sources": [{"id": "s1", "title": "T", "publisher": "P", "asOf": "2016", "reliability": "good"}],
  "partners": [{"code": "IR", "kind": "country", "name": "Iran", "region": "Middle East"}],
  "events": [
    {"id": "e1", "kind": "event", "date": "1995-07", "partners": ["IR"], "themes": ["diplomacy"],
     "title": "An embassy opens", "summary": "Something happened.",
     "sources": [{"source": "s1", "locator": "¶1"}]}
  ]
}"#;

    #[test]
    fn accepts_a_minimal_dataset() {
        let dataset = load(MINIMAL).unwrap();
        assert_eq!(dataset.events.len(), 1);
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let broken = MINIMAL.replace("\"title\": \"Test\",", "\"title\": \"Test\"");
        let errors = load(&broken).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(5), "{}", errors[0]);
        assert!(errors[0].message.contains("expected `,`"), "{}", errors[0]);
    }

    #[test]
    fn unknown_fields_and_themes_are_named_with_their_path() {
        let broken = MINIMAL.replace("\"themes\": [\"diplomacy\"]", "\"themes\": [\"diplomacy\"], \"colour\": 1");
        let errors = load(&broken).unwrap_err();
        assert!(errors[0].message.contains("unknown field `colour`"), "{}", errors[0]);
        assert_eq!(errors[0].path, "events[0].colour");

        let broken = MINIMAL.replace("\"diplomacy\"", "\"gossip\"");
        let errors = load(&broken).unwrap_err();
        assert_eq!(errors[0].path, "events[0].themes[0]");
        assert_eq!(errors[0].line, Some(8));
    }

    #[test]
    fn a_repeated_field_is_shown_where_it_repeats() {
        let broken = MINIMAL.replace("\"title\": \"An embassy opens\", ", "\"title\": \"An embassy opens\",\n     \"title\": \"Again\", ");
        let errors = load(&broken).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].path.as_str(), errors[0].line, errors[0].column), ("events[0].title", Some(10), Some(6)));
        assert_eq!(errors[0].message, "duplicate field `title`");
    }

    #[test]
    fn every_shape_problem_is_reported_at_once() {
        let broken = MINIMAL
            .replace("\"diplomacy\"", "\"gossip\"")
            .replace("\"title\": \"An embassy opens\", ", "")
            .replace("\"publisher\": \"P\"", "\"publisher\": 7");
        let errors = load(&broken).unwrap_err();
        let said: Vec<String> = errors.iter().map(|e| format!("{}: {}", e.path, e.message)).collect();
        assert_eq!(said.len(), 3, "{said:#?}");
        assert!(said[0].starts_with("sources[0].publisher: expected a string, found a number"), "{said:#?}");
        assert!(said.iter().any(|s| s == "events[0]: missing field `title`"), "{said:#?}");
        assert!(said.iter().any(|s| s.starts_with("events[0].themes[0]: unknown value `gossip`")), "{said:#?}");
    }

    #[test]
    fn missing_fields_and_wrong_types_name_the_record() {
        let broken = MINIMAL.replace("\"title\": \"An embassy opens\", ", "");
        let errors = load(&broken).unwrap_err();
        assert_eq!(errors[0].path, "events[0]", "{}", errors[0]);
        assert!(errors[0].message.contains("missing field `title`"), "{}", errors[0]);

        let broken = MINIMAL.replace("\"1995-07\"", "1995");
        let errors = load(&broken).unwrap_err();
        assert_eq!(errors[0].path, "events[0].date", "{}", errors[0]);
        assert_eq!(errors[0].line, Some(8));
    }

    #[test]
    fn bad_references_point_at_their_line() {
        let broken = MINIMAL.replace("[\"IR\"]", "[\"XX\"]").replace("\"source\": \"s1\"", "\"source\": \"s9\"");
        let errors = load(&broken).unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(errors[0].path, "events[0].partners[0]");
        assert_eq!(errors[0].line, Some(8));
        assert!(errors[0].message.contains("unknown partner \"XX\""));
        assert_eq!(errors[1].path, "events[0].sources[0].source");
        assert_eq!(errors[1].line, Some(10));
    }

    /// An editor who named the subject as a party was sent back and forth
    /// between "add it to partners" and "the subject cannot be its own
    /// partner": both places now say the same thing, and what to do.
    #[test]
    fn the_subject_named_as_a_partner_is_told_once_what_to_do() {
        let in_record = MINIMAL.replace("[\"IR\"]", "[\"IR\", \"TJ\"]");
        let errors = load(&in_record).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].path, "events[0].partners[1]");
        assert!(errors[0].message.starts_with("\"TJ\" is the subject") && errors[0].message.contains("list only the other parties"));
        let also_listed = in_record.replace(
            "\"partners\": [{",
            "\"partners\": [{\"code\": \"TJ\", \"kind\": \"country\", \"name\": \"Tajikistan\", \"region\": \"Central Asia\"}, {",
        );
        let errors = load(&also_listed).unwrap_err();
        assert_eq!(errors.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(), ["partners[0].code", "events[0].partners[1]"]);
        assert_eq!(errors[0].message, errors[1].message, "one message for both places");
        assert!(!errors.iter().any(|e| e.message.contains("unknown partner") || e.message.contains("cannot be its own")), "{errors:?}");
        // A place's partners are told the same.
        let in_place =
            MINIMAL.replace("\"events\": [", "\"places\": [{\"id\": \"p\", \"name\": \"P\", \"partners\": [\"TJ\"]}],\n  \"events\": [");
        let errors = load(&in_place).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].path, "places[0].partners[0]");
        assert!(errors[0].message.starts_with("\"TJ\" is the subject"), "{}", errors[0]);
    }

    #[test]
    fn impossible_dates_are_rejected_where_they_are() {
        let broken = MINIMAL.replace("1995-07", "1995-02-30");
        let errors = load(&broken).unwrap_err();
        assert_eq!(errors[0].path, "events[0].date");
        assert!(errors[0].message.contains("does not exist"), "{}", errors[0]);
    }

    #[test]
    fn a_fact_without_a_source_is_an_error() {
        let broken = MINIMAL.replace("[{\"source\": \"s1\", \"locator\": \"¶1\"}]", "[]");
        let errors = load(&broken).unwrap_err();
        assert_eq!(errors[0].path, "events[0].sources");
        assert!(errors[0].message.contains("at least one source"));
    }

    #[test]
    fn garbage_never_panics() {
        for text in ["", "null", "[]", "{", "{\"schemaVersion\": \"x\"}", "\u{0}", "{}{}"] {
            assert!(load(text).is_err(), "{text:?}");
        }
    }
}
