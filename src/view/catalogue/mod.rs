//! Every word of the card's interface, in one catalogue keyed by locale, with
//! the locale's plural rule, month names and digit grouping. The view model
//! writes every text of its screens from here, so the JavaScript carries no
//! interface text of its own. Dataset text (titles, summaries, names) is not
//! translated: it is the dataset's.
//!
//! To add a locale, add a file with its `Messages` (as `en.rs`, `ru.rs`,
//! `fa.rs`, `tg.rs`) and a line to [`LANGUAGES`]. English, Russian, Persian
//! (right to left; Dari reads it too) and Tajik so far; digits stay Latin.
//! Plural rules, month names and digit symbols follow CLDR (see `tg.rs`).

/// Forms of a counted phrase; `{n}` stands for the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    pub one: &'static str,
    /// Russian "few" (2–4, 22–24…); English uses `many`.
    pub few: &'static str,
    /// CLDR's "other" for English and Persian, "many" for Russian, and
    /// Tajik's only form.
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
    /// many for every number (Tajik: CLDR has only "other").
    Other,
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
    try_again => "tryAgain",
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
mod tg;

pub use en::EN;
pub use fa::FA;
pub use ru::RU;
pub use tg::TG;

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
    /// `{subject}`, `{name}`, `{date}`: for a day ("on 7 October 2002"),
    /// and for a month, a year or a range ("in October 2002"); see [`Messages::for_date`].
    pub joined: [&'static str; 2],
    /// An organisation's box on the overview when the subject is a member
    /// and no event names it: with `{date}` (joined), and without.
    pub member_since: [&'static str; 2],
    /// `{subject}`, `{name}`.
    pub member_since_unknown: &'static str,
    /// `{url}`, `{detail}`: the browser could not fetch a dataset.
    pub fetch_failed: &'static str,
    /// `{url}`, `{status}`.
    pub http_failed: &'static str,
    /// `{url}`, `{seconds}`.
    pub timed_out: &'static str,
    /// The WebAssembly trapped; the card offers to start again.
    pub internal_error: &'static str,
    /// Over a first view made ahead of time when the WebAssembly cannot be had.
    pub no_core: &'static str,
    /// `{url}`, `{size}`, `{limit}` (megabytes).
    pub too_large: &'static str,
    /// `{url}`.
    pub invalid_dataset: &'static str,
    /// A card with `own-data` (no built-in dataset) and no `src`.
    pub no_src: &'static str,
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
    /// Beside a record the dataset does not give in the card's language.
    pub not_translated: &'static str,
}

impl Messages {
    /// "12 events", "1 event", "5 событий".
    pub fn count(&self, n: usize, forms: Plural) -> String {
        fill(self.form(n, [forms.one, forms.few, forms.many]), &[("n", &self.number(n as i64))])
    }

    /// The form of one|few|many that `n` takes in the locale.
    pub fn form<'f>(&self, n: usize, [one, few, many]: [&'f str; 3]) -> &'f str {
        match self.rule {
            PluralRule::OneOther => {
                if n == 1 {
                    one
                } else {
                    many
                }
            }
            PluralRule::ZeroOrOne => {
                if n <= 1 {
                    one
                } else {
                    many
                }
            }
            PluralRule::Slavic => {
                let (last, last_two) = (n % 10, n % 100);
                if last == 1 && last_two != 11 {
                    one
                } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
                    few
                } else {
                    many
                }
            }
            PluralRule::Other => many,
        }
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

    /// The form of a sentence for a date: the first for a single day, the
    /// second for a month, a year or a range (English "on 7 October 2002",
    /// "in October 2002"; languages whose sentence needs no preposition give
    /// the same text twice).
    pub fn for_date(&self, [day, other]: [&'static str; 2], date: &crate::date::DateSpec) -> &'static str {
        if date.end.is_none() && date.start.day.is_some() {
            day
        } else {
            other
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

/// Fills `{name}` placeholders in one pass over the template, so a value
/// that holds a `{placeholder}` of its own (a reader's attribute, a dataset
/// text) is left as it is. Finds `{` and compares what follows, as
/// `str::replace` would without its two-way searcher (2 KB of wasm).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let found = values.iter().find_map(|(name, value)| Some((value, after.strip_prefix(name)?.strip_prefix('}')?)));
        match found {
            Some((value, tail)) => {
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
/// (Dari, `prs`, reads the Persian one; a region such as `fa-AF` or
/// `prs-AF` is not looked at). The element's first views (written
/// by `relations first-views`) carry this table, so the page picks the same.
pub const LANGUAGES: [(&str, &Messages); 5] = [("en", &EN), ("ru", &RU), ("fa", &FA), ("prs", &FA), ("tg", &TG)];

/// The catalogue for a BCP 47 language tag (`en`, `ru-RU`…); English when
/// the language has none.
pub fn for_locale(tag: &str) -> &'static Messages {
    let language = crate::model::primary_subtag(tag);
    LANGUAGES.iter().find(|(code, _)| code.eq_ignore_ascii_case(language)).map_or(&EN, |&(_, m)| m)
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
        assert_eq!(label("2007-09-28/2007-10-02"), "28 сентября 2007 – 2 октября 2007");
    }

    /// CLDR 48 has one Tajik form (format-wide and stand-alone-wide agree).
    #[test]
    fn tajik_months_have_one_form_before_and_after_a_day() {
        let label = |text: &str| text.parse::<crate::date::DateSpec>().unwrap().label_in(&TG.months, TG.circa);
        assert_eq!(label("2007-01"), "Январ 2007");
        assert_eq!(label("2007-09-12"), "12 Сентябр 2007");
        assert_eq!(label("2007-01/2007-03"), "Январ–Март 2007");
        assert_eq!(label("2007-09-12/2007-09-13"), "12–13 Сентябр 2007");
        assert_eq!(label("2007-09-28/2007-10-02"), "28 Сентябр 2007 – 2 Октябр 2007");
        assert_eq!(label("1992-10/1993-03-05"), "Октябр 1992 – 5 Март 1993");
        assert_eq!(label("~1992"), "тақрибан 1992");
    }

    #[test]
    fn fill_leaves_placeholders_inside_values_alone() {
        assert_eq!(fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]), "{b} and x");
        assert_eq!(fill("{a}{a} {c}", &[("a", "1")]), "11 {c}");
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
    /// one/other, ru one/few/many, fa one for i = 0 or n = 1, tg other only.
    #[test]
    fn plural_rules_are_cldrs() {
        let forms = plural("one {n}", "few {n}", "many {n}");
        let picked =
            |m: &Messages| [0, 1, 2, 5, 11, 21, 22, 25, 111, 1001].map(|n| m.count(n, forms).split(' ').next().unwrap().to_string());
        let [o, f, m] = ["one", "few", "many"];
        assert_eq!(picked(&EN), [m, o, m, m, m, m, m, m, m, m]);
        assert_eq!(picked(&RU), [m, o, f, m, m, o, f, m, m, o]);
        assert_eq!(picked(&FA), [o, o, m, m, m, m, m, m, m, m], "Persian 0 takes one, as 1 does");
        assert_eq!(picked(&TG), [m; 10]);
    }

    #[test]
    fn counted_words_in_each_language() {
        let counts = |m: &Messages| [1, 2, 5, 11, 21, 22, 25].map(|n| m.count(n, m.events));
        assert_eq!(counts(&EN), ["1 event", "2 events", "5 events", "11 events", "21 events", "22 events", "25 events"]);
        assert_eq!(counts(&RU), ["1 событие", "2 события", "5 событий", "11 событий", "21 событие", "22 события", "25 событий"]);
        assert_eq!(counts(&FA), ["1 رویداد", "2 رویداد", "5 رویداد", "11 رویداد", "21 رویداد", "22 رویداد", "25 رویداد"]);
        assert_eq!(counts(&TG), ["1 рӯйдод", "2 рӯйдод", "5 рӯйдод", "11 рӯйдод", "21 рӯйдод", "22 рӯйдод", "25 рӯйдод"]);
        assert_eq!(RU.count(21, RU.partners), "21 партнёр");
        assert_eq!(TG.count(22, TG.partners), "22 шарик");
    }

    /// CLDR 48's group and decimal symbols for Latin digits (the card's):
    /// Persian's Latin set is "," and "."; "٬" and "٫" go with Persian digits.
    #[test]
    fn digit_symbols_are_cldrs() {
        for (m, group, decimal, grouped) in
            [(&EN, ",", ".", "12,500"), (&RU, "\u{a0}", ",", "12\u{a0}500"), (&FA, ",", ".", "12,500"), (&TG, "\u{a0}", ",", "12\u{a0}500")]
        {
            assert_eq!((m.thousands, m.decimal_mark), (group, decimal), "{}", m.locale);
            assert_eq!(m.number(12500), grouped, "{}", m.locale);
            assert_eq!(m.number(-1_250_000).replace(group, "_"), "-1_250_000", "{}", m.locale);
        }
    }

    #[test]
    fn fill_replaces_every_placeholder_in_one_pass() {
        // The plain way: at each place, the first name whose placeholder starts there.
        let reference = |template: &str, values: &[(&str, &str)]| {
            let mut out = String::new();
            let mut i = 0;
            'scan: while i < template.len() {
                for (name, value) in values {
                    let placeholder = format!("{{{name}}}");
                    if template[i..].starts_with(&placeholder) {
                        out.push_str(value);
                        i += placeholder.len();
                        continue 'scan;
                    }
                }
                let c = template[i..].chars().next().unwrap();
                out.push(c);
                i += c.len_utf8();
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
        assert_eq!(for_locale("uz").locale, "en");
        assert!(for_locale("fa").rtl && !for_locale("en").rtl);
        assert_eq!(for_locale("").locale, "en");
    }

    #[test]
    fn dari_and_afghan_persian_read_persian() {
        for tag in ["prs", "fa-AF", "prs-AF", "PRS-af", "prs_AF", "fa-Arab-AF"] {
            assert_eq!(for_locale(tag).locale, "fa", "{tag}");
            assert!(for_locale(tag).rtl, "{tag}");
        }
    }

    #[test]
    fn tajik_by_its_language_subtag() {
        for tag in ["tg", "tg-TJ", "tg-Cyrl", "tg-Cyrl-TJ", "TG"] {
            assert_eq!(for_locale(tag).locale, "tg", "{tag}");
            assert!(!for_locale(tag).rtl, "{tag}");
        }
    }

    /// Every catalogue once (Dari shares Persian's).
    fn catalogues() -> Vec<&'static Messages> {
        let mut out: Vec<&'static Messages> = Vec::new();
        for (_, m) in LANGUAGES {
            if !out.iter().any(|seen| seen.locale == m.locale) {
                out.push(m);
            }
        }
        out
    }

    /// Every text of a catalogue with a name. The pattern names every field,
    /// so a field added to `Messages` does not compile here until it is listed.
    fn texts(m: &Messages) -> Vec<(String, &'static str)> {
        let Messages {
            locale: _,
            rtl: _,
            rule: _,
            months,
            thousands,
            decimal_mark,
            ui,
            tabs,
            tones,
            themes,
            events,
            partners,
            sources,
            regions,
            numbers,
            units,
            documents,
            records,
            events_match,
            more_left,
            bars_text,
            overview_said,
            partner_said,
            from_to,
            then,
            comma,
            semicolon,
            histogram_text,
            histogram_none,
            histogram_earlier,
            events_in_year,
            empty,
            figures_said,
            sources_said,
            unknown_partner,
            unknown_view,
            unknown_theme,
            not_a_year,
            citation_head,
            citation_as_of,
            about,
            or,
            date_unknown,
            circa,
            kinds_plural,
            member_of,
            joined,
            member_since,
            member_since_unknown,
            fetch_failed,
            http_failed,
            too_large,
            invalid_dataset,
            no_src,
            timed_out,
            internal_error,
            no_core,
            and_more,
            cannot_show,
            source_mark,
            not_a_height,
            map_text,
            map_hint,
            show_list,
            show_map,
            organisations,
            not_translated,
        } = *m;
        let mut out: Vec<(String, &'static str)> = Vec::new();
        let mut list = |name: &str, items: &[&'static str]| {
            out.extend(items.iter().enumerate().map(|(i, text)| (format!("{name}[{i}]"), *text)));
        };
        list("months.with_day", &months.with_day);
        list("months.alone", &months.alone);
        list("tabs", &tabs);
        list("tones", &tones);
        list("themes", &themes);
        list("kinds_plural", &kinds_plural);
        list("joined", &joined);
        list("member_since", &member_since);
        for (name, forms) in [
            ("events", events),
            ("partners", partners),
            ("sources", sources),
            ("regions", regions),
            ("numbers", numbers),
            ("units", units),
            ("documents", documents),
            ("records", records),
            ("events_match", events_match),
            ("more_left", more_left),
        ] {
            list(name, &[forms.one, forms.few, forms.many]);
        }
        out.extend(ui.labels().map(|(key, label)| (format!("ui.{key}"), label)));
        let sentences = [
            ("thousands", thousands),
            ("decimal_mark", decimal_mark),
            ("not_translated", not_translated),
            ("timed_out", timed_out),
            ("internal_error", internal_error),
            ("no_core", no_core),
            ("bars_text", bars_text),
            ("overview_said", overview_said),
            ("partner_said", partner_said),
            ("from_to", from_to),
            ("then", then),
            ("comma", comma),
            ("semicolon", semicolon),
            ("histogram_text", histogram_text),
            ("histogram_none", histogram_none),
            ("histogram_earlier", histogram_earlier),
            ("events_in_year", events_in_year),
            ("empty", empty),
            ("figures_said", figures_said),
            ("sources_said", sources_said),
            ("unknown_partner", unknown_partner),
            ("unknown_view", unknown_view),
            ("unknown_theme", unknown_theme),
            ("not_a_year", not_a_year),
            ("citation_head", citation_head),
            ("citation_as_of", citation_as_of),
            ("about", about),
            ("or", or),
            ("date_unknown", date_unknown),
            ("circa", circa),
            ("member_of", member_of),
            ("member_since_unknown", member_since_unknown),
            ("fetch_failed", fetch_failed),
            ("http_failed", http_failed),
            ("too_large", too_large),
            ("invalid_dataset", invalid_dataset),
            ("no_src", no_src),
            ("and_more", and_more),
            ("cannot_show", cannot_show),
            ("source_mark", source_mark),
            ("not_a_height", not_a_height),
            ("map_text", map_text),
            ("map_hint", map_hint),
            ("show_list", show_list),
            ("show_map", show_map),
            ("organisations", organisations),
        ];
        out.extend(sentences.map(|(name, text)| (name.to_string(), text)));
        out
    }

    /// The `{name}`s of a text, sorted: a translation may move them.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut out: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn every_locale_fills_every_slot() {
        for messages in catalogues() {
            let text = crate::json::to_string(&messages.ui);
            let ui = crate::json::parse(&text).unwrap();
            let labels = ui.members().unwrap();
            assert_eq!(labels.len(), messages.ui.labels().len());
            for label in labels {
                assert!(!label.value.as_str().unwrap().is_empty(), "{} ui.{}", messages.locale, label.key);
            }
            for (name, text) in texts(messages) {
                assert!(!text.is_empty(), "{} {name}", messages.locale);
            }
        }
    }

    #[test]
    fn every_text_has_the_placeholders_of_the_english_one() {
        let english = texts(&EN);
        for messages in catalogues() {
            let texts = texts(messages);
            assert_eq!(texts.len(), english.len());
            for ((name, text), (_, en)) in texts.iter().zip(&english) {
                assert_eq!(placeholders(text), placeholders(en), "{} {name}: {text:?}", messages.locale);
            }
        }
        assert_eq!(placeholders("{subject} joined {name} in {date}, {n}{}{N}"), ["date", "n", "name", "subject"]);
    }

    /// "joined … in 7 October 2002" read wrong: English says "on" a day and
    /// "in" a month or a year; the other catalogues' sentences need no
    /// preposition ("дата вступления: …"), so theirs are the same for both.
    #[test]
    fn a_joining_date_takes_the_words_its_precision_asks_for() {
        let joined = |m: &Messages, date: &str| {
            let date: crate::date::DateSpec = date.parse().unwrap();
            fill(m.for_date(m.joined, &date), &[("subject", "S"), ("name", "N"), ("date", &date.label_in(&m.months, m.circa))])
        };
        assert_eq!(joined(&EN, "2002-10-07"), "S joined N on 7 October 2002.");
        assert_eq!(joined(&EN, "2002-10"), "S joined N in October 2002.");
        assert_eq!(joined(&EN, "2002"), "S joined N in 2002.");
        assert_eq!(joined(&EN, "1993/1994"), "S joined N in 1993–1994.");
        assert_eq!(joined(&RU, "2002-10-07"), "S — член N; дата вступления: 7 октября 2002.");
        assert_eq!(joined(&RU, "2002-10"), "S — член N; дата вступления: октябрь 2002.");
        for m in [&RU, &TG, &FA] {
            assert_eq!(m.joined[0], m.joined[1], "{}: no preposition to choose", m.locale);
        }
    }

    /// No English left in another language's catalogue: a Latin word is a
    /// format, an attribute or a CSS value the reader types as is.
    #[test]
    fn no_english_left_outside_english() {
        const AS_TYPED: [&str; 9] = ["CSV", "JSON", "HTTP", "relations", "card", "height", "px", "em", "auto"];
        for messages in catalogues().into_iter().filter(|m| m.locale != "en") {
            for (name, text) in texts(messages) {
                let mut rest = String::new();
                for (i, part) in text.split('{').enumerate() {
                    rest.push_str(if i == 0 { part } else { part.split_once('}').map_or(part, |(_, after)| after) });
                }
                for word in rest.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1) {
                    // The attributes named as the page writes them.
                    let allowed = AS_TYPED.contains(&word) || (name == "no_src" && ["src", "own", "data"].contains(&word));
                    assert!(allowed, "{} {name}: English “{word}” in {text:?}", messages.locale);
                }
            }
        }
    }

    /// Tajik words, not Russian ones in Cyrillic: the Tajik alphabet has no
    /// ц, щ, ы or ь, and the catalogue uses its own letters.
    #[test]
    fn tajik_is_written_with_the_tajik_alphabet() {
        for (name, text) in texts(&TG) {
            assert!(!text.chars().any(|c| "цщыьЦЩЫЬ".contains(c)), "tg {name}: a Russian letter in {text:?}");
        }
        let all: String = texts(&TG).into_iter().map(|(_, text)| text).collect();
        for letter in ['ғ', 'ӣ', 'қ', 'ӯ', 'ҳ', 'ҷ'] {
            assert!(all.contains(letter), "no {letter}");
        }
    }
}
