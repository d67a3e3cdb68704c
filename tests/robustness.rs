//! No panics on input, tried at random: in the wasm a panic stops every card
//! on the page, so whatever a dataset, an attribute or a reader sends, the
//! core must answer. Random mutations of the real dataset, random JSON
//! checked against a reference, random attributes, and random sequences of
//! reader actions in every locale.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use relations_card::json::{self, Kind, Value};
use std::rc::Rc;

use relations_card::model::Theme;
use relations_card::query::{Index, RecordKind};
use relations_card::view::{Attributes, Card, CardState, Effect, Format, Msg, View};
use relations_card::{load, BUILTIN_JSON};

thread_local! {
    // One per test thread: the index builds its word index lazily, in a cell.
    static INDEX: Rc<Index> = Rc::new(Index::new(relations_card::builtin()));
}

fn index() -> Rc<Index> {
    INDEX.with(Rc::clone)
}

const LOCALES: [&str; 4] = ["en", "ru", "fa", "tg"];

fn send(card: &mut Card, msg: &Msg, locale: &str) -> relations_card::view::Frame {
    card.send(msg, locale, "https://example.org/a", "2026-11-26")
}

/// Bits of text that matter to a JSON reader or to a page: structure,
/// escapes (a lone surrogate among them), extreme numbers, a right-to-left
/// override, markup.
const TOKENS: [&str; 22] = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "-",
    "0",
    "1e999",
    "-0.5",
    "12345678901234567890",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\uD83D\\uDE00\"",
    "\u{202e}",
    "<script>",
    "Ж",
    "\u{1F600}",
];

fn token() -> impl Strategy<Value = String> {
    prop_oneof![prop::sample::select(TOKENS.to_vec()).prop_map(String::from), "\\PC{0,8}"]
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: f64, len: usize },
    Insert { at: f64, text: String },
    Replace { at: f64, len: usize, text: String },
    Truncate { at: f64 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0.0..1.0, 1..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (0.0..1.0, token()).prop_map(|(at, text)| Mutation::Insert { at, text }),
        (0.0..1.0, 1..12usize, token()).prop_map(|(at, len, text)| Mutation::Replace { at, len, text }),
        (0.0..1.0).prop_map(|at| Mutation::Truncate { at }),
    ]
}

/// The nearest char boundary at or before a fraction of the text.
fn boundary(text: &str, at: f64) -> usize {
    let mut i = ((text.len() as f64) * at) as usize;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &mut String, m: &Mutation) {
    match m {
        Mutation::Delete { at, len } | Mutation::Replace { at, len, .. } => {
            let start = boundary(text, *at);
            let end = boundary(text, ((start + len) as f64 / text.len() as f64).min(1.0)).max(start);
            let with = if let Mutation::Replace { text, .. } = m { text.as_str() } else { "" };
            text.replace_range(start..end, with);
        }
        Mutation::Insert { at, text: inserted } => {
            let at = boundary(text, *at);
            text.insert_str(at, inserted);
        }
        Mutation::Truncate { at } => {
            let at = boundary(text, *at);
            text.truncate(at);
        }
    }
}

/// A JSON value of our own, written by a reference writer and compared
/// with what the crate's parser reads back.
#[derive(Debug, Clone)]
enum Reference {
    Null,
    Bool(bool),
    Int(i64),
    Text(String),
    List(Vec<Reference>),
    Object(Vec<(String, Reference)>),
}

fn reference() -> impl Strategy<Value = Reference> {
    let leaf = prop_oneof![
        Just(Reference::Null),
        any::<bool>().prop_map(Reference::Bool),
        any::<i64>().prop_map(Reference::Int),
        "\\PC{0,12}".prop_map(Reference::Text),
        "[\u{0}-\u{1f}\"\\\\/\u{7f}-\u{a0}\u{2028}\u{202e}\u{fffd}\u{10000}-\u{10ffff}a-z]{0,6}".prop_map(Reference::Text),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Reference::List),
            prop::collection::vec(("\\PC{0,6}", inner), 0..6).prop_map(Reference::Object),
        ]
    })
}

/// Writes `value`; with `escape_all`, every character outside ASCII letters
/// is written as `\uXXXX` (surrogate pairs above the BMP), so the parser's
/// escapes are tried as hard as its plain text.
fn write_reference(value: &Reference, escape_all: bool, out: &mut String) {
    let string = |s: &str, out: &mut String| {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                c if (c as u32) < 0x20 || (escape_all && !c.is_ascii_alphanumeric()) => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        out.push_str(&format!("\\u{unit:04x}"));
                    }
                }
                c => out.push(c),
            }
        }
        out.push('"');
    };
    match value {
        Reference::Null => out.push_str("null"),
        Reference::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Reference::Int(n) => out.push_str(&n.to_string()),
        Reference::Text(s) => string(s, out),
        Reference::List(items) => {
            out.push_str("[ ");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(" ,\n");
                }
                write_reference(item, escape_all, out);
            }
            out.push(']');
        }
        Reference::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(key, out);
                out.push_str(" :\t");
                write_reference(item, escape_all, out);
            }
            out.push('}');
        }
    }
}

fn same(value: &Value, expected: &Reference) -> bool {
    match (&value.kind, expected) {
        (Kind::Null, Reference::Null) => true,
        (Kind::Bool(a), Reference::Bool(b)) => a == b,
        (Kind::Number(a), Reference::Int(b)) => a.to_string() == b.to_string(),
        (Kind::String(a), Reference::Text(b)) => a == b,
        (Kind::Array(a), Reference::List(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y)),
        (Kind::Object(a), Reference::Object(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, (key, y))| x.key == key.as_str() && same(&x.value, y))
        }
        _ => false,
    }
}

fn attribute() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        prop::sample::select(vec![
            "overview",
            "partner",
            "timeline",
            "figures",
            "sources",
            "IR",
            "KZ",
            "XX",
            "trade",
            "trade energy",
            "trade  gossip",
            "2001",
            " 1999 ",
            "-40",
            "0",
            "99999999999",
            "-2147483649",
            "2147483647",
            "",
            "بادام",
        ])
        .prop_map(String::from),
        "\\PC{0,20}",
    ])
}

fn message() -> impl Strategy<Value = Msg> {
    let code = prop_oneof![prop::sample::select(vec!["IR", "KZ", "RU", "AF", "UN", "XX", ""]).prop_map(String::from), "\\PC{0,4}"];
    let year = prop::option::of(prop_oneof![any::<i32>(), 1700..2030i32]);
    prop_oneof![
        prop::sample::select(View::ALL.to_vec()).prop_map(|view| Msg::Show { view }),
        code.clone().prop_map(|code| Msg::OpenPartner { code }),
        prop::option::of(code).prop_map(|code| Msg::FilterPartner { code }),
        Just(Msg::Back),
        prop_oneof![
            prop::sample::select(vec!["border", "Душанбе", "gaz pipline", "a", "\u{202e}x", "<b>"]).prop_map(String::from),
            "\\PC{0,600}"
        ]
        .prop_map(|q| Msg::Search { q }),
        prop::sample::select(Theme::ALL.to_vec()).prop_map(|theme| Msg::ToggleTheme { theme }),
        prop::sample::select(RecordKind::ALL.to_vec()).prop_map(|kind| Msg::ToggleKind { kind }),
        (year.clone(), year).prop_map(|(from, to)| Msg::SetYears { from, to }),
        Just(Msg::ToggleOrder),
        Just(Msg::ShowMore),
        Just(Msg::ClearFilters),
        Just(Msg::Reset),
    ]
}

/// Every problem the loader reports points inside the text.
fn points_inside(text: &str, problems: &[relations_card::DatasetError]) {
    let lines = text.split('\n').count();
    for problem in problems {
        assert!(!problem.message.is_empty(), "a problem without a message at {}", problem.path);
        if let (Some(line), Some(column)) = (problem.line, problem.column) {
            assert!(line >= 1 && line <= lines, "line {line} of {lines}: {problem}");
            let length = text.split('\n').nth(line - 1).map_or(0, |l| l.chars().count());
            assert!(column >= 1 && column <= length + 1, "column {column} of {length} on line {line}: {problem}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The real dataset, damaged: either read or refused with problems that
    /// point inside the text; when it is read, every view can be shown.
    #[test]
    fn a_damaged_dataset_is_read_or_refused_with_positions(mutations in prop::collection::vec(mutation(), 1..5)) {
        let mut text = BUILTIN_JSON.to_string();
        for m in &mutations {
            apply(&mut text, m);
        }
        match load(&text) {
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                points_inside(&text, &problems);
            }
            Ok(dataset) => {
                let mut card = Card::new(&Attributes::default(), "en", false);
                prop_assert!(card.show(Rc::new(Index::new(dataset))).screen.is_some());
                for view in View::ALL {
                    let shown = send(&mut card, &Msg::Show { view }, "en").screen.is_some();
                    prop_assert!(shown, "{:?}", view);
                }
            }
        }
    }

    /// Random JSON reads back as written, through plain text or escapes,
    /// and the crate's writer gives text that reads back the same again.
    #[test]
    fn json_reads_what_a_reference_writer_wrote(value in reference(), escape_all in any::<bool>()) {
        let mut text = String::new();
        write_reference(&value, escape_all, &mut text);
        let parsed = json::parse(&text).map_err(|e| TestCaseError::fail(format!("{} at {} in {text}", e.message, e.at)))?;
        prop_assert!(same(&parsed, &value), "{text}");
        let written = json::to_string(&parsed);
        let again = json::parse(&written).map_err(|e| TestCaseError::fail(format!("{} at {} in {written}", e.message, e.at)))?;
        prop_assert!(same(&again, &value), "{written}");
    }

    /// Any text at all: parsed or refused at a position inside it.
    #[test]
    fn any_text_is_parsed_or_refused_inside_it(pieces in prop::collection::vec(token(), 0..24)) {
        let text: String = pieces.concat();
        if let Err(error) = json::parse(&text) {
            prop_assert!(error.at <= text.len() && text.is_char_boundary(error.at), "{} at {} in {text:?}", error.message, error.at);
        }
        if let Err(problems) = load(&text) {
            points_inside(&text, &problems);
        }
    }

    /// Whatever a page writes into the attributes, the card shows a view and
    /// names what it could not use; the state it settles on writes back to
    /// attributes that read as the same state, with nothing to complain of.
    #[test]
    fn any_attributes_give_a_view(
        view_ in attribute(), partner in attribute(), theme in attribute(),
        from in attribute(), to in attribute(), q in attribute(), locale in 0..LOCALES.len(),
    ) {
        let attributes = Attributes { view: view_, partner, theme, from, to, q, height: None };
        let mut card = Card::new(&attributes, LOCALES[locale], false);
        let frame = card.show(index());
        prop_assert!(frame.warnings.iter().all(|p| !p.is_empty()));
        let settled = frame.state;
        let mut again = Card::new(&settled.attributes(), LOCALES[locale], false);
        let frame = again.show(index());
        prop_assert!(frame.warnings.is_empty(), "{:?}", frame.warnings);
        prop_assert_eq!(frame.state, settled);
    }

    /// The catalogue's `fill` replaces each placeholder of the template in
    /// one pass, by the first name that fits, and never looks into what it
    /// put in: the same text as the plain way for any template and values,
    /// a value holding a placeholder of its own included.
    #[test]
    fn fill_fills_the_template_once(template in "[{}ab é]{0,16}", values in prop::collection::vec(("[ab]{0,2}", "[{}ab]{0,4}"), 0..4)) {
        let values: Vec<(&str, &str)> = values.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let mut expected = String::new();
        let mut i = 0;
        'scan: while i < template.len() {
            for (name, value) in &values {
                let placeholder = format!("{{{name}}}");
                if template[i..].starts_with(&placeholder) {
                    expected.push_str(value);
                    i += placeholder.len();
                    continue 'scan;
                }
            }
            let c = template[i..].chars().next().unwrap();
            expected.push(c);
            i += c.len_utf8();
        }
        prop_assert_eq!(relations_card::view::catalogue::fill(&template, &values), expected);
    }

    /// Any sequence of reader actions leaves a state that shows, downloads
    /// and cites, crosses to JavaScript and back unchanged, and Reset
    /// always returns to the first view.
    #[test]
    fn any_actions_keep_the_card_working(messages in prop::collection::vec(message(), 1..16), locale in 0..LOCALES.len()) {
        let mut card = Card::new(&Attributes::default(), LOCALES[locale], false);
        card.show(index());
        for msg in &messages {
            let frame = send(&mut card, msg, LOCALES[locale]);
            prop_assert!(frame.screen.is_some() && frame.changed);
            // Where focus is sent, there is a control to take it.
            if let Some(key) = &frame.focus {
                let drawn = json::to_string(&frame.screen);
                prop_assert!(drawn.contains(&format!("\"key\":\"{key}\"")), "focus on {} after {:?}, which the screen lacks", key, msg);
            }
            let state = frame.state;
            let crossed = json::read_text(&json::to_string(&state), CardState::read);
            prop_assert_eq!(crossed.as_ref(), Ok(&state));
            if matches!(msg, Msg::Reset) {
                prop_assert_eq!(&state, &CardState::default());
            }
        }
        for format in [Format::Csv, Format::Json] {
            let frame = send(&mut card, &Msg::Download { format }, LOCALES[locale]);
            let file = matches!(frame.effect, Some(Effect::Download { text, .. }) if !text.is_empty());
            prop_assert!(file, "{:?}", format);
        }
        let frame = send(&mut card, &Msg::Cite, LOCALES[locale]);
        let cited = matches!(frame.effect, Some(Effect::Copy { text, .. }) if !text.is_empty());
        prop_assert!(cited, "no citation");
    }
}

/// A file with a mistake in every record: every one is found in one pass,
/// the first thousand are said with their lines, and the rest are counted.
#[test]
fn a_mistake_in_every_record_is_said_in_a_capped_list() {
    let text =
        relations_card::json::to_string(&relations_card::synth::dataset(3, 5_000)).replace("\"kind\":\"event\"", "\"kind\":\"happening\"");
    let problems = relations_card::load(&text).unwrap_err();
    let mistakes = text.matches("happening").count();
    assert!(mistakes > 1_000);
    assert_eq!(problems.len(), relations_card::validate::MAX_PROBLEMS + 1);
    assert!(problems[..1_000].iter().all(|p| p.line.is_some() && p.message.contains("happening")), "{}", problems[0]);
    assert_eq!(problems[1_000].message, format!("and {} more problems", mistakes - 1_000));
}

/// Past the card's limits a dataset is refused, said plainly, and nothing
/// is numbered past 16 bits (65,536 partners once wrapped around to 0).
#[test]
fn too_many_partners_sources_or_characters_are_refused_not_wrapped() {
    use relations_card::model::{Partner, PartnerKind, Source};
    let mut dataset = relations_card::builtin();
    for i in 0..65_536 {
        dataset.partners.push(Partner {
            code: format!("ORG{i}"),
            kind: PartnerKind::Organisation,
            name: format!("Organisation {i}").into(),
            aliases: Vec::new(),
            region: "International".into(),
        });
    }
    let source = dataset.sources[0].clone();
    for i in 0..1_001 {
        dataset.sources.push(Source { id: format!("extra-{i}"), ..source.clone() });
    }
    dataset.events[0].summary = "word ".repeat(2_000).into();
    let said: Vec<String> = relations_card::validate::check(&dataset).iter().map(|p| p.to_string()).collect();
    assert_eq!(
        said,
        [
            "partners: 65561 partners: a card holds at most 1000, so that it fits a phone's memory",
            "sources: 1006 sources: a card holds at most 1000, so that it fits a phone's memory",
            "events[0].summary: 10000 characters: a text holds at most 5000 (a summary, not a document)",
        ]
    );
}
