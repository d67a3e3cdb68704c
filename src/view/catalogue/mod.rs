//! Every word of the card's interface, in one catalogue keyed by locale, with
//! the locale's plural rule, month names and digit grouping. The view model
//! writes every text of its screens from here, so the JavaScript carries no
//! interface text of its own. Dataset text (titles, summaries, names) is not
//! translated: it is the dataset's.
//!
//! To add a locale, add a file with its `Messages` (as `en.rs`, `ru.rs`,
//! `fa.rs`) and a line to [`LANGUAGES`]. English, Russian and Persian
//! (right to left) so far; digits stay Latin.

/// Forms of a counted phrase; `{n}` stands for the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    pub one: &'static str,
    /// Russian "few" (2–4, 22–24…); English uses `many`.
    pub few: &'static str,
    pub many: &'static str,
}

/// Which plural form a number takes in a locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralRule {
    /// one for 1, many otherwise (English; CLDR `i = 1 and v = 0`).
    OneOther,
    /// one for 0 and 1, many otherwise (Persian; CLDR `i = 0 or n = 1`).
    ZeroOrOne,
    /// one for 1, 21, 31…; few for 2–4, 22–24…; many otherwise (Russian).
    Slavic,
}

/// Declares `Ui` and writes it as JSON from one list of fields and their
/// JavaScript names, so a label added here reaches the element.
macro_rules! ui_labels {
    ($($field:ident => $key:literal),* $(,)?) => {
        /// Labels the element puts on its controls.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Ui {
            $(pub $field: &'static str,)*
        }

        impl Ui {
            /// Every label with its JavaScript name, in declaration order.
            pub fn labels(&self) -> [(&'static str, &'static str); [$($key),*].len()] {
                [$(($key, self.$field)),*]
            }
        }
    };
}

ui_labels! {
    views => "views",
    search_label => "searchLabel",
    search_placeholder => "searchPlaceholder",
    start_again => "startAgain",
    all_partners_back => "allPartnersBack",
    latest_tone => "latestTone",
    key_figures => "keyFigures",
    named_with => "namedWith",
    newest_first => "newestFirst",
    oldest_first => "oldestFirst",
    change_order_newest => "changeOrderNewest",
    change_order_oldest => "changeOrderOldest",
    show_more => "showMore",
    partner => "partner",
    all_partners => "allPartners",
    themes => "themes",
    kinds => "kinds",
    from_year => "fromYear",
    to_year => "toYear",
    earlier => "earlier",
    clear_filters => "clearFilters",
    clear_the_filters => "clearTheFilters",
    download_csv => "downloadCsv",
    download_json => "downloadJson",
    downloaded => "downloaded",
    copy_citation => "copyCitation",
    citation_copied => "citationCopied",
    citation => "citation",
    sources_differ => "sourcesDiffer",
    source => "source",
    sources => "sources",
    with => "with",
    as_of => "asOf",
    cited_by => "citedBy",
    where_sources_differ => "whereSourcesDiffer",
    overview_caption => "overviewCaption",
    could_not_load => "couldNotLoad",
    loading_dataset => "loadingDataset",
    filters => "filters",
    event => "event",
    agreement => "agreement",
    figure => "figure",
    membership => "membership",
    period => "period",
}

/// `{"views": "Views", "searchLabel": …}`: one loop over the labels.
impl crate::json::ToJson for Ui {
    fn write_json(&self, out: &mut crate::json::Writer) {
        out.begin_object();
        for (key, label) in self.labels() {
            out.field(key, label);
        }
        out.end_object();
    }
}

use crate::joining::join;

mod en;
mod fa;
mod ru;

pub use en::EN;
pub use fa::FA;
pub use ru::RU;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Messages {
    pub locale: &'static str,
    /// Written right to left (Persian, Arabic…).
    pub rtl: bool,
    pub rule: PluralRule,
    pub months: crate::date::Months,
    pub thousands: &'static str,
    /// Between the whole part and the fraction: "12.5", "12,5", "۱۲٫۵".
    pub decimal_mark: &'static str,
    pub ui: Ui,
    pub tabs: [&'static str; 4],
    pub tones: [&'static str; 5],
    pub themes: [&'static str; 14],
    pub events: Plural,
    pub partners: Plural,
    pub sources: Plural,
    pub regions: Plural,
    pub numbers: Plural,
    pub units: Plural,
    pub documents: Plural,
    pub records: Plural,
    pub events_match: Plural,
    pub more_left: Plural,
    /// `{list}`: "Afghanistan 57 (tense), …".
    pub bars_text: &'static str,
    /// `{partners}`, `{regions}`.
    pub overview_said: &'static str,
    /// `{name}`, `{events}`.
    pub partner_said: &'static str,
    /// `{from}`, `{to}`.
    pub from_to: &'static str,
    pub then: &'static str,
    /// Between the items of a list: ", " or "، ".
    pub comma: &'static str,
    /// Between the parts of a sentence: "; " or "؛ ".
    pub semicolon: &'static str,
    /// `{from}`, `{to}`, `{busiest}`.
    pub histogram_text: &'static str,
    pub histogram_none: &'static str,
    /// `{list}`.
    pub histogram_earlier: &'static str,
    /// `{events}`, `{year}`.
    pub events_in_year: &'static str,
    pub empty: &'static str,
    /// `{numbers}`, `{units}`.
    pub figures_said: &'static str,
    /// `{documents}`, `{count}`.
    pub sources_said: &'static str,
    /// `{code}`.
    pub unknown_partner: &'static str,
    /// `{value}`, `{views}`: a `view` attribute the card does not have.
    pub unknown_view: &'static str,
    /// `{value}`, `{themes}`.
    pub unknown_theme: &'static str,
    /// `{name}` (`from` or `to`), `{value}`.
    pub not_a_year: &'static str,
    /// `{what}`, `{url}`, `{today}`.
    pub citation_head: &'static str,
    /// `{date}`.
    pub citation_as_of: &'static str,
    pub about: &'static str,
    pub or: &'static str,
    pub date_unknown: &'static str,
    pub circa: &'static str,
    pub kinds_plural: [&'static str; 2],
    /// `{name}`: a membership's title.
    pub member_of: &'static str,
    /// `{subject}`, `{name}`, `{date}`.
    pub joined: &'static str,
    /// `{subject}`, `{name}`.
    pub member_since_unknown: &'static str,
    /// `{url}`, `{detail}`: the browser could not fetch a dataset.
    pub fetch_failed: &'static str,
    /// `{url}`, `{status}`.
    pub http_failed: &'static str,
    /// `{url}`, `{size}`, `{limit}` (megabytes).
    pub too_large: &'static str,
    /// `{url}`.
    pub invalid_dataset: &'static str,
    /// `{n}`: after the first problems of a dataset.
    pub and_more: &'static str,
    /// A view whose question the dataset cannot answer.
    pub cannot_show: &'static str,
    /// `{n}`, `{title}`: a fact's mark for its source.
    pub source_mark: &'static str,
    /// `{value}`: a `height` attribute the card cannot use.
    pub not_a_height: &'static str,
    /// `{subject}`: the map's name; its countries say themselves.
    pub map_text: &'static str,
    /// Under the map until a country is pointed at.
    pub map_hint: &'static str,
    /// The overview's switch to the list of partners, and back to the map.
    pub show_list: &'static str,
    pub show_map: &'static str,
    pub organisations: &'static str,
}

impl Messages {
    /// "12 events", "1 event", "5 событий".
    pub fn count(&self, n: usize, forms: Plural) -> String {
        let form = match self.rule {
            PluralRule::OneOther => {
                if n == 1 {
                    forms.one
                } else {
                    forms.many
                }
            }
            PluralRule::ZeroOrOne => {
                if n <= 1 {
                    forms.one
                } else {
                    forms.many
                }
            }
            PluralRule::Slavic => {
                let (last, last_two) = (n % 10, n % 100);
                if last == 1 && last_two != 11 {
                    forms.one
                } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
                    forms.few
                } else {
                    forms.many
                }
            }
        };
        fill(form, &[("n", &self.number(n as i64))])
    }

    /// A whole number with the locale's digit grouping (years are not grouped).
    pub fn number(&self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 && digits.len() > 4 {
                out.push_str(self.thousands);
            }
            out.push(c);
        }
        if n < 0 {
            format!("-{out}")
        } else {
            out
        }
    }

    /// Alternatives: "20 or 29", "tense, cordial or close", "پرتنش، دوستانه یا نزدیک".
    pub fn one_of(&self, parts: &[impl AsRef<str>]) -> String {
        match parts.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} {} {}", join(rest, self.comma), self.or, last.as_ref()),
            _ => join(parts, ""),
        }
    }

    pub fn tone(&self, tone: crate::model::Tone) -> &'static str {
        self.tones[tone as usize]
    }

    /// A record kind's name: "Event", "Agreement"…
    pub fn kind(&self, kind: crate::query::RecordKind) -> &'static str {
        use crate::query::RecordKind;
        match kind {
            RecordKind::Event => self.ui.event,
            RecordKind::Agreement => self.ui.agreement,
            RecordKind::Figure => self.ui.figure,
            RecordKind::Membership => self.ui.membership,
            RecordKind::Period => self.ui.period,
        }
    }

    pub fn theme(&self, theme: crate::model::Theme) -> &'static str {
        let at = crate::model::Theme::ALL.iter().position(|t| *t == theme).unwrap_or(0);
        self.themes[at]
    }
}

/// Fills `{name}` placeholders, one name after the other.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = fill_one(&out, name, value);
    }
    out
}

/// `text` with every `{name}` replaced by `value`, as `str::replace` would:
/// it searches with the two-way string searcher, 2 KB of wasm that only
/// these placeholders needed; a placeholder starts with `{`, so finding
/// that character and comparing what follows does the same.
fn fill_one(text: &str, name: &str, value: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match after.strip_prefix(name).and_then(|tail| tail.strip_prefix('}')) {
            Some(tail) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

pub(crate) const fn plural(one: &'static str, few: &'static str, many: &'static str) -> Plural {
    Plural { one, few, many }
}

/// The language subtags the card has words for, each with its catalogue
/// (Dari, `prs`, reads the Persian one). The element's first views (written
/// by `relations first-views`) carry this table, so the page picks the same.
pub const LANGUAGES: [(&str, &Messages); 4] = [("en", &EN), ("ru", &RU), ("fa", &FA), ("prs", &FA)];

/// The catalogue for a BCP 47 language tag (`en`, `ru-RU`…); English when
/// the language has none.
pub fn for_locale(tag: &str) -> &'static Messages {
    let language = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    LANGUAGES.iter().find(|(code, _)| *code == language).map_or(&EN, |&(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_months_take_the_genitive_only_after_a_day() {
        let label = |text: &str| text.parse::<crate::date::DateSpec>().unwrap().label_in(&RU.months, RU.circa);
        assert_eq!(label("2007-01"), "январь 2007");
        assert_eq!(label("2007-09-12"), "12 сентября 2007");
        assert_eq!(label("2007-01/2007-03"), "январь–март 2007");
        assert_eq!(label("2007-09-12/2007-09-13"), "12–13 сентября 2007");
        assert_eq!(label("1992-10/1993-03-05"), "октябрь 1992 – 5 марта 1993");
    }

    #[test]
    fn plural_forms_follow_the_locale() {
        assert_eq!(EN.count(1, EN.events), "1 event");
        assert_eq!(EN.count(57, EN.events), "57 events");
        assert_eq!(RU.count(1, RU.events), "1 событие");
        assert_eq!(RU.count(3, RU.events), "3 события");
        assert_eq!(RU.count(11, RU.events), "11 событий");
        assert_eq!(RU.count(22, RU.events), "22 события");
        assert_eq!(RU.count(57, RU.events), "57 событий");
        assert_eq!(EN.count(12500, EN.events), "12,500 events");
        assert_eq!(RU.count(12500, RU.events), "12\u{a0}500 событий");
        assert_eq!(EN.number(2024), "2024", "four digits stay together");
    }

    /// Which form each rule picks, as CLDR 48's plurals.json says: en
    /// one/other, ru one/few/many, fa one for i = 0 or n = 1.
    #[test]
    fn plural_rules_are_cldrs() {
        let forms = plural("one {n}", "few {n}", "many {n}");
        let picked =
            |m: &Messages| [0, 1, 2, 5, 11, 21, 22, 25, 111, 1001].map(|n| m.count(n, forms).split(' ').next().unwrap().to_string());
        let [o, f, m] = ["one", "few", "many"];
        assert_eq!(picked(&EN), [m, o, m, m, m, m, m, m, m, m]);
        assert_eq!(picked(&RU), [m, o, f, m, m, o, f, m, m, o]);
        assert_eq!(picked(&FA), [o, o, m, m, m, m, m, m, m, m], "Persian 0 takes one, as 1 does");
    }

    /// CLDR 48's group and decimal symbols for Latin digits (the card's):
    /// Persian's Latin set is "," and "."; "٬" and "٫" go with Persian digits.
    #[test]
    fn digit_symbols_are_cldrs() {
        for (m, group, decimal, grouped) in [(&EN, ",", ".", "12,500"), (&RU, "\u{a0}", ",", "12\u{a0}500"), (&FA, ",", ".", "12,500")] {
            assert_eq!((m.thousands, m.decimal_mark), (group, decimal), "{}", m.locale);
            assert_eq!(m.number(12500), grouped, "{}", m.locale);
            assert_eq!(m.number(-1_250_000).replace(group, "_"), "-1_250_000", "{}", m.locale);
        }
    }

    #[test]
    fn fill_replaces_each_name_in_turn_as_str_replace_did() {
        let reference = |template: &str, values: &[(&str, &str)]| {
            let mut out = template.to_string();
            for (name, value) in values {
                out = out.replace(&format!("{{{name}}}"), value);
            }
            out
        };
        let templates =
            ["", "{", "}", "{n", "n}", "{n}", "{{n}}", "{n}{n}", "a {n} b {name} c {na}", "{name}{n}", "«{code}» – {n}", "{}{n}}", "x{y}z"];
        let values: [&[(&str, &str)]; 5] = [
            &[("n", "5")],
            &[("n", "{name}"), ("name", "Iran")],
            &[("name", "{n}"), ("n", "")],
            &[("na", "X"), ("n", "{"), ("name", "}")],
            &[("", "empty"), ("y", "{y}")],
        ];
        for template in templates {
            for values in values {
                assert_eq!(fill(template, values), reference(template, values), "{template:?} {values:?}");
            }
        }
    }

    #[test]
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(for_locale("ru-RU").locale, "ru");
        assert_eq!(for_locale("tg").locale, "en");
        assert_eq!(for_locale("fa-AF").locale, "fa");
        assert!(for_locale("fa").rtl && !for_locale("en").rtl);
        assert_eq!(for_locale("").locale, "en");
    }

    #[test]
    fn every_locale_fills_every_slot() {
        for messages in [&EN, &RU, &FA] {
            let text = crate::json::to_string(&messages.ui);
            let ui = crate::json::parse(&text).unwrap();
            let labels = ui.members().unwrap();
            assert_eq!(labels.len(), messages.ui.labels().len());
            for label in labels {
                assert!(!label.value.as_str().unwrap().is_empty(), "{} ui.{}", messages.locale, label.key);
            }
            assert!(messages.tabs.iter().chain(&messages.tones).chain(&messages.themes).all(|s| !s.is_empty()));
        }
    }
}
