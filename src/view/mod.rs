//! The card's view model, the part of the card a native test can see whole:
//! what the reader has chosen and can do (`state`), a `Card` handle that
//! answers each action with one `Frame` (`card`), what each view shows
//! (`screen` and one file per view), records as a reader reads them
//! (`record`), downloads and the citation (`download`), and every word of
//! the interface in each language (`catalogue`). The element only draws.
//!
//! ```
//! use relations_card::{query::Index, view::{Card, Attributes, Msg}};
//! let mut card = Card::new(&Attributes::default(), "en", false);
//! card.show(std::rc::Rc::new(Index::new(relations_card::builtin())));
//! let frame = card.send(&Msg::OpenPartner { code: "IR".into() }, "en", "https://example.org/", "2026-12-01");
//! assert!(frame.announcement.unwrap().starts_with("Iran: "));
//! ```

pub mod attributes;
pub mod card;
pub mod catalogue;
pub mod download;
mod figures;
mod overview;
mod partner;
mod phases;
pub mod record;
pub mod screen;
mod search_examples;
mod sources;
pub mod state;
mod timeline;

pub use attributes::Attributes;
pub use card::{Card, Effect, Failure, Frame, MAX_DATASET_BYTES};
pub use download::{citation, download, shown_records};
pub use record::SEPARATOR;
pub use screen::{Body, Screen};
pub use state::{update, CardState, Format, Msg, View, MAX_MORE, PAGE};

use crate::model::{primary_subtag, Dataset, Text, Tone};
use catalogue::Messages;
use screen::{Button, Legend};
use state::CardState as State;

/// A dataset text in the card's language where the dataset gives it, else
/// in the dataset's own.
fn say(text: &Text, dataset: &Dataset, m: &Messages) -> String {
    said(text, dataset, m).0.to_string()
}

/// A dataset text as `say` picks it, and the language it is left in when
/// that is not the card's (the element sets the text's `lang` and says it is
/// not translated). A version 1 dataset does not name its language: no mark.
fn said<'a>(text: &'a Text, dataset: &'a Dataset, m: &Messages) -> (&'a str, Option<&'a str>) {
    let Some(own) = dataset.language.as_deref() else { return (text.as_str(), None) };
    if primary_subtag(own).eq_ignore_ascii_case(m.locale) {
        return (text.as_str(), None);
    }
    match text.in_language(m.locale) {
        Some(translated) => (translated, None),
        None => (text.as_str(), Some(own)),
    }
}

/// The key to a picture's colours: each tone it uses, worst first, with its word.
fn legend(tones: impl Iterator<Item = Tone>, m: &Messages) -> Vec<Legend> {
    let used: Vec<Tone> = tones.collect();
    Tone::ALL.into_iter().filter(|tone| used.contains(tone)).map(|tone| Legend { tone, label: m.tone(tone) }).collect()
}

/// "1990–2024", "2001", or nothing.
fn year_span(first: Option<i32>, last: Option<i32>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => String::new(),
    }
}

/// "Show more (37 left)", when there is more.
fn more_button(more: usize, m: &Messages) -> Option<Button> {
    (more > 0).then(|| Button::new("more", format!("{} ({})", m.ui.show_more, m.count(more, m.more_left)), Msg::ShowMore))
}

/// Newest or oldest first, and what pressing it does.
fn order_button(state: &State, m: &Messages) -> Button {
    let (label, aria) =
        if state.oldest_first { (m.ui.oldest_first, m.ui.change_order_oldest) } else { (m.ui.newest_first, m.ui.change_order_newest) };
    let mut button = Button::new("order", label, Msg::ToggleOrder);
    button.aria_label = Some(aria.to_string());
    button
}

/// A view whose question the dataset cannot answer (the core's own states
/// never ask one, so this is a bug's face): said in the reader's language,
/// with a way back.
fn problem(m: &Messages) -> (Body, String) {
    let message = m.cannot_show.to_string();
    let button = Button::new("start-again", m.ui.start_again, Msg::Reset);
    (Body::Problem { message: message.clone(), button }, message)
}

/// The TypeScript declarations of everything that crosses into JavaScript
/// (a card and its element, the engine and its callers), made from the same
/// field lists as the JSON the core writes. `make build` writes them to `pkg/relations_card_types.d.ts`.
pub fn typescript() -> String {
    use crate::json::TsDeclaration;
    use screen::*;
    let declarations = [
        Frame::ts_declaration(),
        crate::sheet::Studio::ts_declaration(),
        crate::sheet::studio::StudioPartner::ts_declaration(),
        crate::sheet::studio::StudioRow::ts_declaration(),
        crate::sheet::studio::Snippets::ts_declaration(),
        crate::sheet::Problem::ts_declaration(),
        Effect::ts_declaration(),
        Screen::ts_declaration(),
        Header::ts_declaration(),
        Tabs::ts_declaration(),
        Tab::ts_declaration(),
        SearchBox::ts_declaration(),
        Button::ts_declaration(),
        Heading::ts_declaration(),
        Item::ts_declaration(),
        ItemDetails::ts_declaration(),
        Sources::ts_declaration(),
        SourceLine::ts_declaration(),
        CitedSources::ts_declaration(),
        CitedSource::ts_declaration(),
        Legend::ts_declaration(),
        FigureLine::ts_declaration(),
        FigureShape::ts_declaration(),
        MapPicture::ts_declaration(),
        MapCountry::ts_declaration(),
        RegionGroup::ts_declaration(),
        PartnerEntry::ts_declaration(),
        BarChart::ts_declaration(),
        Bar::ts_declaration(),
        ToneStrip::ts_declaration(),
        Segment::ts_declaration(),
        KeyFigures::ts_declaration(),
        EventList::ts_declaration(),
        PartnerSelect::ts_declaration(),
        SelectOption::ts_declaration(),
        ChipGroup::ts_declaration(),
        YearField::ts_declaration(),
        Histogram::ts_declaration(),
        YearBar::ts_declaration(),
        EmptyState::ts_declaration(),
        FigureChart::ts_declaration(),
        SourceCard::ts_declaration(),
        DisputeCard::ts_declaration(),
        Body::ts_declaration(),
        CardState::ts_declaration(),
        Attributes::ts_declaration(),
        Msg::ts_declaration(),
        Failure::ts_declaration(),
        View::ts_declaration(),
        Format::ts_declaration(),
        Tone::ts_declaration(),
        crate::model::Theme::ts_declaration(),
        crate::query::RecordKind::ts_declaration(),
        crate::model::PartnerKind::ts_declaration(),
        crate::query::Query::ts_declaration(),
        record::Hits::ts_declaration(),
        record::Hit::ts_declaration(),
        record::SourceRef::ts_declaration(),
        record::Summary::ts_declaration(),
        crate::query::Facets::ts_declaration(),
        crate::query::Count::<String>::ts_declaration(),
        crate::query::Timeline::ts_declaration(),
        crate::query::TimelineBucket::ts_declaration(),
    ];
    let mut out = String::from("// Generated by `relations typescript` from src/view/: do not edit.\n");
    for declaration in declarations {
        out.push_str(&declaration);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    /// Every type a declaration names is declared: a type added to a field
    /// list but not to `typescript()` fails here, not in a reader's editor.
    #[test]
    fn the_declarations_name_only_declared_types() {
        let text = super::typescript();
        let declared: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("export interface ").or_else(|| l.strip_prefix("export type ")))
            .filter_map(|l| l.split([' ', '<']).next())
            .collect();
        let mut word = String::new();
        let mut in_string = false;
        for c in text.lines().filter(|l| !l.starts_with("//")).flat_map(|l| l.chars().chain(['\n'])) {
            if c == '"' {
                in_string = !in_string;
            }
            if c.is_ascii_alphanumeric() && !in_string {
                word.push(c);
                continue;
            }
            // Longer than one letter: `K` is the parameter of `Count<K>`.
            if word.len() > 1 && word.starts_with(|c: char| c.is_ascii_uppercase()) {
                assert!(declared.contains(&word.as_str()), "{word} is used but not declared");
            }
            word.clear();
        }
        assert!(declared.len() >= 40, "{declared:?}");
    }
}
