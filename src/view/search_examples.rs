//! The search box's examples, taken from the dataset the card shows: the
//! theme its events are about most, a place its events name, and its
//! busiest partner's name in another spelling or script. A card on another
//! country's data must not suggest the built-in dataset's words (they find
//! nothing there), and each example finds something in this one.

use super::catalogue::{fill, Messages};
use crate::joining::join;
use crate::model::{Dataset, Theme};
use crate::query::Index;

/// What the examples are, chosen once per dataset; their words are said in
/// each frame's language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct SearchExamples {
    theme: Option<Theme>,
    /// A place of `places` whose name an event's text has.
    place: Option<usize>,
    /// The partner with the most events.
    partner: Option<usize>,
}

impl SearchExamples {
    pub(super) fn of(index: &Index) -> SearchExamples {
        let ds = index.dataset();
        let mut per_theme = [0usize; Theme::ALL.len()];
        for event in &ds.events {
            for theme in &event.themes {
                if let Some(slot) = Theme::ALL.iter().position(|t| t == theme) {
                    per_theme[slot] += 1;
                }
            }
        }
        // The most used; the first in the vocabulary's order on a tie.
        let theme = (0..per_theme.len()).filter(|&t| per_theme[t] > 0).fold(None, |best: Option<usize>, t| match best {
            Some(b) if per_theme[b] >= per_theme[t] => Some(b),
            _ => Some(t),
        });
        let events = |i: usize| index.partner_glance(&ds.partners[i].code).map_or(0, |g| g.event_count);
        let partner = (0..ds.partners.len()).filter(|&i| events(i) > 0).fold(None, |best: Option<usize>, i| match best {
            Some(b) if events(b) >= events(i) => Some(b),
            _ => Some(i),
        });
        SearchExamples { theme: theme.map(|t| Theme::ALL[t]), place: named_place(ds), partner }
    }
}

/// Places looked at, and events read for their names: a card's first view
/// waits for this, so a large dataset's is bounded (the word index, which
/// knows every place named, is made only after the first view).
const PLACES_LOOKED_AT: usize = 8;
const EVENTS_READ: usize = 2_000;

/// The first place whose name, as the dataset writes it, an event's title
/// or summary has: a search for it then finds that event.
fn named_place(ds: &Dataset) -> Option<usize> {
    ds.places.iter().take(PLACES_LOOKED_AT).position(|place| {
        let name = place.name.as_str().as_bytes();
        ds.events.iter().take(EVENTS_READ).any(|e| has(e.title.as_str(), name) || has(e.summary.as_str(), name))
    })
}

/// Whether `text` has `part` in it, compared plainly: `str::contains` with a
/// string would bring its two-way searcher into the wasm for this alone.
fn has(text: &str, part: &[u8]) -> bool {
    !part.is_empty() && text.as_bytes().windows(part.len()).any(|window| window == part)
}

impl SearchExamples {
    /// "Search events, e.g. Security, Panj, Афғонистон"; the search box's
    /// label alone when the dataset has nothing to give.
    pub(super) fn placeholder(&self, ds: &Dataset, m: &Messages) -> String {
        let mut words: Vec<&str> = Vec::new();
        if let Some(theme) = self.theme {
            words.push(m.theme(theme));
        }
        if let Some(place) = self.place.and_then(|i| ds.places.get(i)) {
            words.push(super::said(&place.name, ds, m).0);
        }
        if let Some(partner) = self.partner.and_then(|i| ds.partners.get(i)) {
            // Another spelling shows that search reads them all; the name when there is none.
            let name = super::said(&partner.name, ds, m).0;
            words.push(partner.aliases.iter().map(String::as_str).find(|alias| *alias != name).unwrap_or(name));
        }
        words.dedup();
        if words.is_empty() {
            return m.ui.search_label.to_string();
        }
        fill(m.ui.search_placeholder, &[("examples", &join(&words, m.comma))])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Query;
    use crate::view::catalogue::{EN, LANGUAGES};

    /// The examples a card would offer, each a word it finds something with.
    fn offered(index: &Index, m: &Messages) -> Vec<String> {
        let text = SearchExamples::of(index).placeholder(index.dataset(), m);
        let examples = text.split_once(m.ui.search_placeholder.split('{').next().unwrap()).map_or("", |(_, rest)| rest);
        examples.split(m.comma).filter(|w| !w.is_empty()).map(str::to_string).collect()
    }

    fn finds(index: &Index, words: &str) -> usize {
        index.search(&Query { text: words.to_string(), ..Query::default() }).unwrap().total
    }

    /// The search box said "border, Panj, Иран" on a Kyrgyz dataset too.
    #[test]
    fn the_examples_come_from_the_dataset_shown_and_each_finds_something() {
        let kyrgyz = r#"{"schemaVersion": 2, "language": "en",
          "subject": {"code": "KG", "name": "Kyrgyzstan"}, "title": "Kyrgyzstan and China",
          "sources": [{"id": "s", "title": "T", "publisher": "P", "asOf": "2024", "reliability": "Test."}],
          "partners": [{"code": "CN", "kind": "country", "name": "China", "aliases": ["Кытай"], "region": "East Asia"},
                       {"code": "UZ", "kind": "country", "name": "Uzbekistan", "region": "Central Asia"}],
          "places": [{"id": "naryn", "name": "Naryn", "partners": ["CN"]},
                     {"id": "torugart", "name": "Torugart", "aliases": ["Torugart Pass", "Торугарт"], "partners": ["CN"]}],
          "events": [
            {"id": "a", "kind": "event", "date": "2019", "partners": ["CN"], "themes": ["trade"], "title": "Trade at Torugart grows",
             "summary": "More lorries.", "sources": [{"source": "s", "locator": "¶1"}]},
            {"id": "b", "kind": "agreement", "date": "2022-10/2025-03", "partners": ["CN", "UZ"], "themes": ["transport", "trade"],
             "title": "A railway agreed", "summary": "Three states.", "sources": [{"source": "s", "locator": "¶2"}]}]}"#;
        let index = Index::new(crate::load(kyrgyz).unwrap());
        assert_eq!(offered(&index, &EN), ["Trade", "Torugart", "Кытай"], "Naryn, which no event names, is not offered");
        for (_, m) in LANGUAGES {
            let words = offered(&index, m);
            assert_eq!(words.len(), 3, "{}: {words:?}", m.locale);
            for word in &words {
                assert!(finds(&index, word) > 0, "{}: {word:?} finds nothing", m.locale);
            }
        }
        let builtin = Index::new(crate::builtin_in_every_language());
        for (_, m) in LANGUAGES {
            for word in offered(&builtin, m) {
                assert!(finds(&builtin, &word) > 0, "{}: {word:?} finds nothing", m.locale);
            }
        }
    }

    #[test]
    fn a_dataset_with_nothing_to_give_gets_the_label_alone() {
        let mut dataset = crate::builtin();
        dataset.events.clear();
        dataset.places.clear();
        let index = Index::new(dataset);
        assert_eq!(SearchExamples::of(&index).placeholder(index.dataset(), &EN), EN.ui.search_label);
    }
}
