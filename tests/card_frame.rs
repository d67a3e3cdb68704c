//! The card as a frame, on the real dataset: rows that open, numbered
//! citations written out once per view, marks that move focus to their
//! source, and the `height` attribute.

use std::rc::Rc;

use relations_card::query::Index;
use relations_card::view::screen::{Body, Item};
use relations_card::view::{Attributes, Card, Frame, Msg, View};

fn card(attributes: Attributes) -> Card {
    let mut card = Card::new(&attributes, "en", false);
    card.show(Rc::new(Index::new(relations_card::builtin())));
    card
}

fn send(card: &mut Card, msg: Msg) -> Frame {
    card.send(&msg, "en", "https://example.org/story", "2026-12-02")
}

fn body(frame: &Frame) -> &Body {
    &frame.screen.as_ref().expect("a screen").body
}

fn partner_items(frame: &Frame) -> &[Item] {
    let Body::Partner { events, .. } = body(frame) else { panic!("not a partner page") };
    &events.items
}

#[test]
fn a_row_is_one_line_until_opened_and_opening_it_keeps_the_view() {
    let mut card = card(Attributes { partner: Some("IR".into()), ..Attributes::default() });
    let first = send(&mut card, Msg::Show { view: View::Partner });
    let items = partner_items(&first);
    assert!(items.iter().all(|i| !i.open), "rows start closed");
    let row = &items[3];
    assert_eq!(row.key, format!("row-{}", row.id));
    assert_eq!(row.toggle, Msg::Toggle { id: row.id.clone() });
    let opened = send(&mut card, Msg::Toggle { id: row.id.clone() });
    let again = partner_items(&opened);
    assert!(again[3].open && again.iter().filter(|i| i.open).count() == 1);
    assert_eq!(opened.screen.as_ref().unwrap().place, "partner-IR", "the same place: the frame keeps its scroll");
    assert_eq!(opened.focus, None, "focus stays on the row's button");
    let closed = send(&mut card, Msg::Toggle { id: row.id.clone() });
    assert!(partner_items(&closed).iter().all(|i| !i.open));
    // Rows opened belong to their list: another view starts closed.
    send(&mut card, Msg::Toggle { id: row.id.clone() });
    let timeline = send(&mut card, Msg::Show { view: View::Timeline });
    assert!(card.state().open.is_empty());
    assert_eq!(timeline.screen.as_ref().unwrap().place, "timeline");
}

#[test]
fn every_source_is_written_out_once_per_view_and_facts_carry_its_number() {
    let mut card = card(Attributes { partner: Some("AF".into()), ..Attributes::default() });
    let frame = send(&mut card, Msg::ShowMore);
    let screen = frame.screen.as_ref().unwrap();
    let cited = screen.cited.as_ref().expect("the partner page cites sources");
    let titles: Vec<&str> = cited.items.iter().map(|s| s.title.as_str()).collect();
    let mut unique = titles.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(titles.len(), unique.len(), "each source once: {titles:?}");
    for (at, source) in cited.items.iter().enumerate() {
        assert_eq!((source.number.clone(), source.key.clone()), (format!("[{}]", at + 1), format!("source-{}", at + 1)));
        assert!(source.rest.contains(" (as of "), "{}", source.rest);
    }
    for item in partner_items(&frame) {
        for line in &item.details.sources.items {
            let Msg::ShowSource { number } = line.mark.msg else { panic!("a mark moves to its source") };
            assert!((1..=cited.items.len()).contains(&number));
            let title = &cited.items[number - 1].title;
            assert_eq!(line.mark.aria_label.as_deref(), Some(format!("Source {number}: {title}").as_str()));
            assert!(item.marks.contains(&format!("[{number}]")));
            assert!(!line.locator.contains(title.as_str()), "the locator alone, not the whole citation again");
        }
        let marks: Vec<&str> = item.marks.split(' ').filter(|m| !m.is_empty()).collect();
        let mut distinct = marks.clone();
        distinct.dedup();
        assert_eq!(marks, distinct, "a source cited twice is marked once on the row");
    }
    // The mark's message: nothing redrawn, focus to the source.
    let pointed = send(&mut card, Msg::ShowSource { number: 2 });
    assert!(pointed.screen.is_none() && !pointed.changed);
    assert_eq!(pointed.focus.as_deref(), Some("source-2"));
}

#[test]
fn the_sources_view_numbers_its_documents_and_its_claims_point_to_them() {
    let mut card = card(Attributes::default());
    let frame = send(&mut card, Msg::Show { view: View::Sources });
    let screen = frame.screen.as_ref().unwrap();
    assert!(screen.cited.is_none(), "the documents are the view itself");
    let Body::Sources { sources, disputes, .. } = &screen.body else { panic!() };
    for (at, source) in sources.iter().enumerate() {
        assert_eq!((source.number.clone(), source.key.clone()), (format!("[{}]", at + 1), format!("source-{}", at + 1)));
    }
    let claim = &disputes[0].claims[0];
    let line = &claim.details.sources.items[0];
    let Msg::ShowSource { number } = line.mark.msg else { panic!() };
    assert!(line.mark.aria_label.as_ref().unwrap().ends_with(&sources[number - 1].title));
}

#[test]
fn the_height_attribute_is_read_as_css_and_a_wrong_one_is_said() {
    let frame = |height: &str| {
        let mut card = Card::new(&Attributes { height: Some(height.into()), ..Attributes::default() }, "en", false);
        card.frame()
    };
    assert_eq!(frame("480").height.as_deref(), Some("480px"));
    assert_eq!(frame(" 40em ").height.as_deref(), Some("40em"));
    assert_eq!(frame("AUTO").height.as_deref(), Some("auto"));
    assert_eq!(frame("90dvh").height.as_deref(), Some("90dvh"));
    assert_eq!(frame("").height, None, "none given: the card's own");
    for wrong in ["tall", "0", "12.", "-5px", "1e3", "100%", "640 px;color:red", "999999"] {
        let said = frame(wrong);
        assert_eq!(said.height, None, "{wrong}");
        assert!(said.warnings.iter().any(|w| w.contains("is not a height")), "{wrong}: {:?}", said.warnings);
    }
    // Reflected as the page wrote it, not dropped, when the reader acts.
    let mut card = card(Attributes { height: Some("480".into()), ..Attributes::default() });
    let acted = send(&mut card, Msg::Show { view: View::Timeline });
    assert_eq!(acted.attributes.unwrap().height.as_deref(), Some("480"));
    assert_eq!(acted.height.as_deref(), Some("480px"));
}

#[test]
fn a_partners_years_strip_narrows_its_list_and_a_partner_opens_whole() {
    let mut card = card(Attributes::default());
    let opened = send(&mut card, Msg::OpenPartner { code: "IR".into() });
    let Body::Partner { years: Some(years), events, .. } = body(&opened) else { panic!() };
    assert!(!years.bars.is_empty() && events.clear.is_none());
    let all = events.heading.text.clone();
    let picked = send(&mut card, Msg::SetYears { from: Some(2014), to: Some(2014) });
    let Body::Partner { events, years: Some(years), meta, .. } = body(&picked) else { panic!("still the partner's page") };
    assert_ne!(events.heading.text, all, "the list narrows to 2014");
    // Dated 2014, or a span that takes 2014 in ("1991–2016"), as the timeline's years match.
    let years_of = |date: &str| -> Vec<i32> { date.split(|c: char| !c.is_ascii_digit()).filter_map(|w| w.parse().ok()).collect() };
    assert!(events.items.iter().all(|i| {
        let y = years_of(&i.date);
        y.first().is_some_and(|&a| a <= 2014) && y.last().is_some_and(|&b| b >= 2014)
    }));
    assert!(years.bars.iter().any(|b| b.selected && b.year == 2014) && years.bars.iter().any(|b| !b.selected));
    assert!(meta.contains(&all), "the page still says how many events it has in all: {meta}");
    assert_eq!(events.clear.as_ref().unwrap().msg, Msg::SetYears { from: None, to: None });
    assert_eq!(picked.attributes.as_ref().unwrap().from.as_deref(), Some("2014"), "a link to the partner in a year");
    send(&mut card, Msg::Back);
    let reopened = send(&mut card, Msg::OpenPartner { code: "IR".into() });
    assert_eq!((card.state().from, card.state().to), (None, None));
    let Body::Partner { events, .. } = body(&reopened) else { panic!() };
    assert_eq!(events.heading.text, all);
}

/// A dataset in several languages: the card words records in its own
/// language where the dataset has them, marks the rest, and finds them by
/// words of any language.
#[test]
fn a_translated_dataset_speaks_the_cards_language_and_marks_the_rest() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/translated.json")).unwrap();
    let index = std::rc::Rc::new(relations_card::query::Index::new(relations_card::load(&text).unwrap()));
    let hits = |locale: &str, words: &str| {
        let query = relations_card::query::Query { text: words.into(), ..Default::default() };
        relations_card::view::record::search(&index, &query, relations_card::view::catalogue::for_locale(locale)).unwrap().hits
    };
    let russian = hits("ru", "");
    let border = russian.iter().find(|h| h.id == "border").unwrap();
    assert_eq!((border.title.as_str(), border.lang.as_deref()), ("Граница согласована", None));
    assert_eq!(border.partner_names, ["Афганистан"]);
    let bridge = russian.iter().find(|h| h.id == "bridge").unwrap();
    assert_eq!((bridge.title.as_str(), bridge.lang.as_deref()), ("Bridge opened", Some("en")), "left in English, and said so");
    let posts = russian.iter().find(|h| h.id == "posts").unwrap();
    assert_eq!(posts.value.as_deref(), Some("22 заставы"), "the unit takes the number's form");
    // An English card reads the dataset's own text; a Tajik one its own where given.
    assert_eq!(hits("en", "").iter().find(|h| h.id == "border").unwrap().title, "Border settled");
    assert_eq!(hits("tg", "").iter().find(|h| h.id == "border").unwrap().title, "Сарҳад муайян шуд");
    // Words of every language find the record, endings and Tajik letters folded.
    for words in ["border", "границы", "граница", "сарҳад", "сархади"] {
        assert_eq!(hits("en", words).iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["border"], "{words}");
    }
    // The dataset reads back as it was written: every language kept.
    let written = relations_card::json::to_string_pretty(index.dataset());
    assert!(relations_card::load(&written).unwrap() == *index.dataset());
}
