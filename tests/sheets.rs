//! The spreadsheet importer on whole files: TimelineJS's sheet and JSON as
//! newsrooms have them, the bad input editors give it, and the round trip
//! from any dataset to its sheets and back.

use proptest::prelude::*;
use relations_card::date::DateSpec;
use relations_card::decimal::Decimal;
use relations_card::model::*;
use relations_card::sheet::{import, write, GroupAs, Options, SheetFile};

fn file(name: &str, bytes: &[u8]) -> SheetFile {
    SheetFile { name: name.to_string(), bytes: bytes.to_vec() }
}

fn fixture(name: &str) -> SheetFile {
    file(name, &std::fs::read(format!("tests/fixtures/timelinejs/{name}")).unwrap())
}

const ONE_SOURCE: &str = "title,publisher,as of,reliability\nNewsroom archive,The Test Gazette,2024-05-01,Our own reporting.\n";

fn timeline_options() -> Options {
    Options {
        subject: Some("Kazakhstan".into()),
        group: GroupAs::Partner,
        partners: vec!["Russia".into()],
        themes: vec![Theme::Diplomacy],
        ..Options::default()
    }
}

fn said(problems: &[relations_card::sheet::Problem]) -> Vec<String> {
    problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn a_timelinejs_sheet_imports_without_editing() {
    let sheet = fixture("kazakhstan-timeline.csv");
    let imported = import(&[sheet, file("source.csv", ONE_SOURCE.as_bytes())], &timeline_options());
    assert_eq!(said(&imported.problems), Vec::<String>::new());
    let d = imported.dataset.unwrap();
    assert_eq!(d.subject.code, "KZ");
    assert_eq!(d.title.own, "Kazakhstan and its neighbours: a test timeline");
    assert_eq!(d.about.as_ref().unwrap().own, "A timeline written for the tests of the importer; every row is invented.");
    assert_eq!(d.events.len(), 42);
    let first = &d.events[0];
    assert_eq!((first.id.as_str(), first.date.to_string().as_str()), ("talks-on-water-sharing-1", "1995"));
    assert_eq!(first.summary.own, "Officials met & agreed on step 1 . Test row 1.");
    assert_eq!(first.partners, ["RU"]);
    assert_eq!(d.events[1].date.to_string(), "1996-02-02");
    assert_eq!(d.events[9].date.to_string(), "2004/2006");
    assert_eq!(d.events[4].partners, ["RU"], "Россия is Russia");
    assert_eq!(d.events[5].partners, ["RU"], "a row naming only the subject gets the chosen partner");
    assert_eq!(d.events[5].summary.own, d.events[5].title.own, "an empty text: the headline stands in");
    assert!(d.events.iter().all(|e| e.sources[0].source == "source-1" && e.themes == [Theme::Diplomacy]));
    assert_eq!(imported.notes.len(), 1, "the era is left out, and said");
    let codes: Vec<&str> = d.partners.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["RU", "CN", "UZ", "KG", "US", "CSTO", "TM", "SCO"]);
    // What the card shows is text, whatever markup the sheet had.
    assert!(d.events.iter().all(|e| !e.summary.contains('<') && !e.title.contains('<')));
}

#[test]
fn a_timelinejs_sheet_says_once_what_it_lacks() {
    let imported = import(&[fixture("kazakhstan-timeline.csv")], &Options { subject: Some("KZ".into()), ..Options::default() });
    let said = said(&imported.problems);
    assert!(said.iter().any(|p| p.contains("a TimelineJS sheet names no source")), "{said:#?}");
    let no_partner = said.iter().filter(|p| p.contains("no partner")).count();
    assert_eq!(no_partner, 5, "the rows with an empty Group or only the subject in it: {said:#?}");
    assert!(said.iter().all(|p| !p.contains("every fact needs")), "no source is said once, not per row");
}

#[test]
fn timelinejs_json_imports_too() {
    let imported = import(&[fixture("kazakhstan-timeline.json"), file("s.csv", ONE_SOURCE.as_bytes())], &timeline_options());
    assert_eq!(said(&imported.problems), Vec::<String>::new());
    let d = imported.dataset.unwrap();
    let events: Vec<(String, String, &str)> =
        d.events.iter().map(|e| (e.date.to_string(), e.summary.own.clone(), e.partners[0].as_str())).collect();
    assert_eq!(
        events,
        [
            ("2001-06-15".to_string(), "Six states sign.".to_string(), "SCO"),
            ("2007-09/2009".to_string(), "A pipeline & a road.".to_string(), "CN"),
            ("1994".to_string(), "Embassy opened".to_string(), "RU"),
        ]
    );
}

#[test]
fn bad_input_gets_a_clear_answer() {
    let options = Options { subject: Some("TJ".into()), ..Options::default() };
    let one = |name: &str, bytes: &[u8]| said(&import(&[file(name, bytes)], &options).problems).join("\n");
    assert!(one("empty.csv", b"").contains("the sheet is empty"));
    assert!(one("other.csv", b"name,age\nAnna,3\n").contains("are not a sheet this card reads"));
    assert!(one("picture.png", &[0x89, b'P', b'N', b'G', 0, 0, 1, 2, 0x1A, 0]).contains("not text"));
    assert!(one("book.xlsx", b"PK\x03\x04....").contains("save the sheet as CSV"));
    assert!(one("open.csv", b"date,title\n2001,\"never closed\n").contains("open.csv:2: a quoted cell"));
    assert!(import(&[], &options).problems[0].message.contains("no sheet was given"));
}

/// A Russian Excel's CSV: Windows-1251, semicolons, a quoted line break, a
/// decimal comma and a formula kept as text.
#[test]
fn a_russian_excel_sheet_reads_as_its_editor_wrote_it() {
    let text = "date;partners;themes;kind;title;summary;value;unit;source;locator\r\n\
                2020;Россия;trade;figure;Товарооборот;\"Две\r\nстроки\";12,5;млн долларов;mfa;¶1\r\n\
                2021;Казахстан;trade;;=HYPERLINK(\"x\");Ссылка;;;mfa;¶2\r\n";
    let cp1251: Vec<u8> = text
        .chars()
        .map(|c| match c {
            'А'..='я' => (c as u32 - 0x410 + 0xC0) as u8,
            '¶' => 0xB6,
            c => c as u8,
        })
        .collect();
    let sources = "id;title;publisher;as of;reliability\r\nmfa;МИД;МИД;2021;Официально.\r\n".to_string();
    let sources: Vec<u8> =
        sources.chars().map(|c| if ('А'..='я').contains(&c) { (c as u32 - 0x410 + 0xC0) as u8 } else { c as u8 }).collect();
    let options =
        Options {
            subject: Some("TJ".into()), language: Some("ru".into()), title: Some("Таджикистан".into()), ..Options::default()
        };
    let imported = import(&[file("records.csv", &cp1251), file("sources.csv", &sources)], &options);
    assert_eq!(said(&imported.problems), Vec::<String>::new());
    let d = imported.dataset.unwrap();
    assert_eq!(d.figures[0].summary.own, "Две\nстроки");
    assert_eq!(d.figures[0].value, Quantity::Exact(Decimal::new(125, 1).unwrap()));
    assert_eq!(d.figures[0].unit.own, "млн долларов");
    assert_eq!(d.events[0].title.own, "=HYPERLINK(\"x\")");
    assert_eq!(d.events[0].partners, ["KZ"]);
}

/// A sheet of 50,000 rows is read, and its many mistakes are capped.
#[test]
fn a_large_sheet_with_a_mistake_in_every_row_is_capped() {
    let mut text = String::from("date,partners,themes,title,summary,source,locator\n");
    for i in 0..50_000 {
        text.push_str(&format!("20{:02}-13,Iran,trade,Row {i},Summary,mfa,¶1\n", i % 100));
    }
    let sources = "id,title,publisher,as of,reliability\nmfa,Relations,Ministry,2020-03-01,Official.\n";
    let options = Options { subject: Some("TJ".into()), ..Options::default() };
    let imported = import(&[file("big.csv", text.as_bytes()), file("s.csv", sources.as_bytes())], &options);
    assert_eq!(imported.problems.len(), 1001);
    assert_eq!(imported.problems[1000].message, "and 49000 more problems");
    assert_eq!(imported.problems[0].row, Some(2));
}

const PARTNERS: [(&str, PartnerKind, &str); 4] = [
    ("AF", PartnerKind::Country, "Afghanistan"),
    ("RU", PartnerKind::Country, "Russia"),
    ("OSCE", PartnerKind::Organisation, "OSCE"),
    ("SCO", PartnerKind::Organisation, "Shanghai, \"SCO\""),
];

/// Any text a cell may hold, line breaks, quotes, separators and formula
/// signs included, without spaces at either end (a cell's are trimmed).
fn cell_text() -> impl Strategy<Value = String> {
    "[=+@'\"a-zA-Zа-яӣ0-9,;\n ]{0,12}[a-zа-я0-9.]{1,6}".prop_map(|s| s.trim().to_string()).prop_filter("text", |s| !s.is_empty())
}

fn text() -> impl Strategy<Value = Text> {
    (cell_text(), prop::option::of(cell_text()), prop::option::of(cell_text())).prop_map(|(own, ru, tg)| {
        if ru.is_none() && tg.is_none() {
            return Text::from(own);
        }
        let mut languages = vec![("en".to_string(), own.clone())];
        languages.extend(ru.map(|t| ("ru".to_string(), t)));
        languages.extend(tg.map(|t| ("tg".to_string(), t)));
        Text { own, languages }
    })
}

fn date() -> impl Strategy<Value = DateSpec> {
    (1990i32..2030, prop::option::of(1u8..=12), any::<bool>(), prop::option::of(0i32..5)).prop_map(|(year, month, approx, span)| {
        let start = match month {
            Some(m) => format!("{year}-{m:02}"),
            None => year.to_string(),
        };
        let end = span.map(|s| format!("/{}", year + s + 1)).unwrap_or_default();
        format!("{}{start}{end}", if approx { "~" } else { "" }).parse().unwrap()
    })
}

fn citations() -> impl Strategy<Value = Vec<Citation>> {
    prop::collection::vec((0usize..2, cell_text()), 1..3)
        .prop_map(|cs| cs.into_iter().map(|(s, locator)| Citation { source: ["s1", "s2"][s].to_string(), locator }).collect())
}

fn quantity() -> impl Strategy<Value = Quantity> {
    let number = (-100_000i64..100_000, 0u8..3).prop_map(|(d, s)| Decimal::new(d, s).unwrap());
    prop_oneof![
        number.clone().prop_map(Quantity::Exact),
        number.clone().prop_map(Quantity::Approx),
        (number.clone(), number.clone()).prop_map(|(a, b)| Quantity::Range(a.min(b), a.max(b))),
        prop::collection::vec(number, 2..4).prop_map(Quantity::OneOf),
    ]
}

fn dataset() -> impl Strategy<Value = Dataset> {
    let partners = || prop::sample::subsequence(vec!["AF", "RU", "OSCE", "SCO"], 1..3);
    let themes = prop::sample::subsequence(Theme::ALL.to_vec(), 1..3);
    let event = (any::<bool>(), date(), partners(), themes.clone(), text(), text(), prop::option::of(date()), citations());
    let figure = (date(), partners(), themes, text(), quantity(), text(), prop::option::of(text()), citations());
    let period = (date(), 0usize..4, prop::sample::select(Tone::ALL.to_vec()), text(), text(), citations());
    let membership = (prop::option::of(date()), citations());
    (
        prop::collection::vec(event, 0..12),
        prop::collection::vec(figure, 0..4),
        prop::collection::vec(period, 0..3),
        prop::collection::vec(membership, 0..2),
        (text(), prop::option::of(text()), text(), prop::collection::vec(cell_text(), 0..3)),
    )
        .prop_map(|(events, figures, periods, memberships, (title, about, reliability, aliases))| {
            let mut d = Dataset {
                schema_version: SCHEMA_VERSION,
                language: Some("en".into()),
                subject: Subject { code: "TJ".into(), name: "Tajikistan".into() },
                title,
                about,
                sources: ["s1", "s2"]
                    .iter()
                    .map(|id| Source {
                        id: id.to_string(),
                        title: format!("Title of {id}"),
                        publisher: "Publisher, \"quoted\"".into(),
                        as_of: "2020-05".parse().unwrap(),
                        reliability: reliability.clone(),
                        url: (*id == "s1").then(|| "https://example.org/a?b=1,2".to_string()),
                        licence: None,
                    })
                    .collect(),
                partners: PARTNERS
                    .iter()
                    .map(|(code, kind, name)| Partner {
                        code: code.to_string(),
                        kind: *kind,
                        name: Text::from(*name),
                        aliases: aliases.iter().filter(|a| !a.contains(';') && !a.contains('\n')).cloned().collect(),
                        region: Text::from("Region"),
                    })
                    .collect(),
                places: vec![Place {
                    id: "panj".into(),
                    name: Text::from("Panj"),
                    aliases: vec!["Пяндж".into()],
                    partners: vec!["AF".into()],
                }],
                events: Vec::new(),
                figures: Vec::new(),
                periods: Vec::new(),
                memberships: Vec::new(),
                disputes: Vec::new(),
            };
            for (i, (agreement, date, partners, themes, title, summary, as_of, sources)) in events.into_iter().enumerate() {
                let kind = if agreement { EventKind::Agreement } else { EventKind::Event };
                let partners = partners.into_iter().map(str::to_string).collect();
                d.events.push(Event { id: format!("e{i}"), kind, date, partners, themes, title, summary, as_of, sources });
            }
            for (i, (date, partners, themes, title, value, unit, summary, sources)) in figures.into_iter().enumerate() {
                let partners = partners.into_iter().map(str::to_string).collect();
                let summary = summary.unwrap_or_default();
                d.figures.push(Figure { id: format!("f{i}"), date, partners, themes, title, value, unit, summary, as_of: None, sources });
            }
            for (i, (date, partner, tone, title, summary, sources)) in periods.into_iter().enumerate() {
                let partner = PARTNERS[partner].0.to_string();
                d.periods.push(Period { id: format!("p{i}"), partner, date, tone, title, summary, sources });
            }
            for (i, (joined, sources)) in memberships.into_iter().enumerate() {
                d.memberships.push(Membership { id: format!("m{i}"), organisation: PARTNERS[2 + i].0.into(), joined, sources });
            }
            if d.events.len() >= 2 {
                d.disputes.push(Dispute { id: "d0".into(), topic: Text::from("What happened"), claims: vec!["e0".into(), "e1".into()] });
            }
            d
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Dataset → sheets → dataset gives back exactly the dataset.
    #[test]
    fn any_dataset_comes_back_from_its_sheets(d in dataset()) {
        prop_assert_eq!(relations_card::validate::check(&d), Vec::new(), "the strategy makes valid datasets");
        let files: Vec<SheetFile> = write::sheets(&d).into_iter().map(|(kind, text)| file(kind.file_name(), text.as_bytes())).collect();
        let imported = import(&files, &Options::default());
        prop_assert_eq!(said(&imported.problems), Vec::<String>::new());
        prop_assert_eq!(imported.dataset.unwrap(), d);
    }
}

/// The template the studio and SCHEMA.md offer makes a card as it is, given
/// whose relations and the one source (what the studio's form asks).
#[test]
fn the_template_makes_a_card() {
    let template = std::fs::read("www/template.csv").unwrap();
    let options = Options {
        subject: Some("KG".into()),
        source: Some(relations_card::sheet::SourceForm {
            title: "Archive".into(),
            publisher: "Gazette".into(),
            as_of: "2024".into(),
            reliability: "Ours.".into(),
            url: String::new(),
        }),
        ..Options::default()
    };
    let imported = import(&[file("template.csv", &template)], &options);
    assert_eq!(said(&imported.problems), Vec::<String>::new());
    let d = imported.dataset.unwrap();
    assert_eq!((d.events.len(), d.figures.len()), (3, 1));
    assert_eq!(d.events[1].kind, EventKind::Agreement);
    assert_eq!(d.events[2].date.to_string(), "~1995");
}
