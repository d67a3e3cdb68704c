//! The dataset as Rust types: the schema that `data/*.json` files follow
//! (`schema` reads and writes their JSON form, field names in camelCase;
//! `validate` checks what the types cannot say: references, duplicates, sources).

use crate::date::DateSpec;
use crate::decimal::Decimal;

/// A closed vocabulary of the schema: each variant with the word datasets,
/// queries and URLs use for it. Parsing ignores ASCII case ("Trade").
macro_rules! keywords {
    ($name:ident { $($variant:ident => $key:literal),* $(,)? }) => {
        impl $name {
            pub const ALL: [$name; [$($key),*].len()] = [$($name::$variant),*];
            pub const KEYS: [&'static str; [$($key),*].len()] = [$($key),*];

            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),*
                }
            }

            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|v| v.key().eq_ignore_ascii_case(text))
            }
        }

        impl crate::json::ToJson for $name {
            fn write_json(&self, out: &mut crate::json::Writer) {
                out.string(self.key());
            }
        }

        crate::json::ts_named!($name);

        impl crate::json::TsDeclaration for $name {
            fn ts_declaration() -> String {
                let keys: Vec<String> = Self::KEYS.iter().map(|k| format!("\"{k}\"")).collect();
                format!("export type {} = {};", stringify!($name), keys.join(" | "))
            }
        }
    };
}
pub(crate) use keywords;

/// The schema version this build writes; it reads this one and version 1
/// (the same format, with every text in one language).
pub const SCHEMA_VERSION: u32 = 2;
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

/// A text in the dataset's own language, perhaps with translations (schema
/// version 2 writes `{"en": "…", "ru": "…"}` where version 1 wrote a string).
/// It reads as its own-language text wherever a `&str` is wanted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// In the dataset's language.
    pub own: String,
    /// When the dataset gives the text as an object: every (language tag,
    /// text) pair in its order, the own language's included; else empty.
    pub languages: Vec<(String, String)>,
}

impl Text {
    pub fn as_str(&self) -> &str {
        &self.own
    }

    /// The text in `language` (compared by primary subtag: `ru` for `ru-RU`),
    /// if the dataset gives it in that language by name.
    pub fn in_language(&self, language: &str) -> Option<&str> {
        self.languages
            .iter()
            .find(|(tag, _)| primary_subtag(tag).eq_ignore_ascii_case(primary_subtag(language)))
            .map(|(_, text)| text.as_str())
    }

    /// Every form, once each: what a search reads.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        let own = self.languages.is_empty().then_some(self.own.as_str());
        own.into_iter().chain(self.languages.iter().map(|(_, text)| text.as_str()))
    }

    /// Takes the own-language text from the languages given, once the
    /// dataset's language is known. When it is not among them (a mistake
    /// the validator names), the first stands in, so that is the one said.
    pub fn settle(&mut self, language: &str) {
        if let Some((_, first)) = self.languages.first() {
            self.own = self.in_language(language).unwrap_or(first).to_string();
        }
    }
}

/// `ru` of `ru-RU`, `tg` of `tg_TJ`.
pub fn primary_subtag(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or("")
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.own
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.own)
    }
}

impl From<&str> for Text {
    fn from(own: &str) -> Text {
        Text { own: own.to_string(), languages: Vec::new() }
    }
}

impl From<String> for Text {
    fn from(own: String) -> Text {
        Text { own, languages: Vec::new() }
    }
}

/// A whole dataset: one country's foreign relations and the documents behind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub schema_version: u32,
    /// The language its texts are written in (a BCP 47 tag, `en`); version
    /// 1 datasets do not say.
    pub language: Option<String>,
    /// Whose relations these are.
    pub subject: Subject,
    /// A one-line title for the card, e.g. "Tajikistan's foreign relations".
    pub title: Text,
    /// How the dataset was made (and translated), for the Sources view.
    pub about: Option<Text>,
    pub sources: Vec<Source>,
    pub partners: Vec<Partner>,
    /// Places the records mention, with the spellings readers may search for.
    pub places: Vec<Place>,
    pub events: Vec<Event>,
    pub figures: Vec<Figure>,
    pub periods: Vec<Period>,
    pub memberships: Vec<Membership>,
    pub disputes: Vec<Dispute>,
}

/// Where a text sits in a dataset: `title`, `events[3].summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextPlace {
    pub list: &'static str,
    pub index: Option<usize>,
    pub field: &'static str,
}

impl std::fmt::Display for TextPlace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.index {
            Some(i) => write!(f, "{}[{i}].{}", self.list, self.field),
            None if self.list.is_empty() => f.write_str(self.field),
            None => write!(f, "{}.{}", self.list, self.field),
        }
    }
}

/// Visits every text of a dataset with its place, in the file's order: one
/// list for reading them (`Dataset::texts`) and settling them (`texts_mut`).
macro_rules! visit_texts {
    ($d:expr, $visit:expr, $iter:ident, $($mut_:tt)?) => {{
        let place = |list, index, field| TextPlace { list, index, field };
        $visit(place("", None, "title"), & $($mut_)? $d.title);
        if let Some(about) = & $($mut_)? $d.about {
            $visit(place("", None, "about"), about);
        }
        $visit(place("subject", None, "name"), & $($mut_)? $d.subject.name);
        for (i, x) in $d.sources.$iter().enumerate() {
            $visit(place("sources", Some(i), "reliability"), & $($mut_)? x.reliability);
        }
        for (i, x) in $d.partners.$iter().enumerate() {
            $visit(place("partners", Some(i), "name"), & $($mut_)? x.name);
            $visit(place("partners", Some(i), "region"), & $($mut_)? x.region);
        }
        for (i, x) in $d.places.$iter().enumerate() {
            $visit(place("places", Some(i), "name"), & $($mut_)? x.name);
        }
        for (i, x) in $d.events.$iter().enumerate() {
            $visit(place("events", Some(i), "title"), & $($mut_)? x.title);
            $visit(place("events", Some(i), "summary"), & $($mut_)? x.summary);
        }
        for (i, x) in $d.figures.$iter().enumerate() {
            $visit(place("figures", Some(i), "title"), & $($mut_)? x.title);
            $visit(place("figures", Some(i), "unit"), & $($mut_)? x.unit);
            $visit(place("figures", Some(i), "summary"), & $($mut_)? x.summary);
        }
        for (i, x) in $d.periods.$iter().enumerate() {
            $visit(place("periods", Some(i), "title"), & $($mut_)? x.title);
            $visit(place("periods", Some(i), "summary"), & $($mut_)? x.summary);
        }
        for (i, x) in $d.disputes.$iter().enumerate() {
            $visit(place("disputes", Some(i), "topic"), & $($mut_)? x.topic);
        }
    }};
}

impl Dataset {
    /// Every text with its place.
    pub fn texts(&self, visit: &mut dyn FnMut(TextPlace, &Text)) {
        visit_texts!(self, visit, iter,);
    }

    pub fn texts_mut(&mut self, visit: &mut dyn FnMut(TextPlace, &mut Text)) {
        visit_texts!(self, visit, iter_mut, mut);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    pub name: Text,
}

/// A document the facts come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// When the document's "now" is: facts in it are true as of this date.
    pub as_of: DateSpec,
    /// How far to trust it, in a sentence a reader can understand.
    pub reliability: Text,
    pub url: Option<String>,
    pub licence: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartnerKind {
    Country,
    Organisation,
}

keywords!(PartnerKind { Country => "country", Organisation => "organisation" });

/// A country or organisation the subject has relations with.
#[derive(Debug, Clone, PartialEq)]
pub struct Partner {
    /// ISO 3166-1 alpha-2 for countries (`IR`), the usual short name for
    /// organisations (`OSCE`).
    pub code: String,
    pub kind: PartnerKind,
    pub name: Text,
    /// Other names and spellings, in any script (`Kazakstan`, `CSCE`, `Иран`).
    pub aliases: Vec<String>,
    pub region: Text,
}

/// A river, city or region the records mention, so that a search for any
/// of its spellings ("Pyanj", "Panj", "Пяндж") finds them.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub id: String,
    pub name: Text,
    pub aliases: Vec<String>,
    /// Partners whose relations the place matters to (a border river, say).
    pub partners: Vec<String>,
}

/// Where in a source a fact is stated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub source: String,
    /// Section or paragraph, e.g. "Bilateral relations › Afghanistan, ¶2".
    pub locator: String,
}

/// The fixed theme vocabulary; see `data/SCHEMA.md` for what each covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Theme {
    Diplomacy,
    Security,
    Military,
    Borders,
    Trade,
    Energy,
    Water,
    Transport,
    Investment,
    Aid,
    Culture,
    Religion,
    Refugees,
    Drugs,
}

keywords!(Theme {
    Diplomacy => "diplomacy",
    Security => "security",
    Military => "military",
    Borders => "borders",
    Trade => "trade",
    Energy => "energy",
    Water => "water",
    Transport => "transport",
    Investment => "investment",
    Aid => "aid",
    Culture => "culture",
    Religion => "religion",
    Refugees => "refugees",
    Drugs => "drugs",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// Something that happened: a visit, an opening, a deployment, a conflict.
    Event,
    /// Something signed: a treaty, an agreement, a communiqué, a deal.
    Agreement,
}

keywords!(EventKind { Event => "event", Agreement => "agreement" });

/// A dated happening in the relations.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    pub date: DateSpec,
    /// Every party besides the subject, by partner code.
    pub partners: Vec<String>,
    pub themes: Vec<Theme>,
    /// One line, in our own words.
    pub title: Text,
    /// A short summary, in our own words.
    pub summary: Text,
    /// Set when the source states something as true at its time of writing
    /// ("as of 1996, Russia guards the border") rather than as a dated event.
    pub as_of: Option<DateSpec>,
    pub sources: Vec<Citation>,
}

/// A number as precise as its source: "12.09", "about 100,000", "20 or 29",
/// "50,000 to 70,000".
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    Exact(Decimal),
    Approx(Decimal),
    Range(Decimal, Decimal),
    OneOf(Vec<Decimal>),
}

/// A number with a unit, e.g. a trade value or a troop count.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub id: String,
    pub date: DateSpec,
    pub partners: Vec<String>,
    pub themes: Vec<Theme>,
    /// What is counted, e.g. "Bilateral trade".
    pub title: Text,
    pub value: Quantity,
    /// e.g. "USD million", "km²", "troops", "years".
    pub unit: Text,
    pub summary: Text,
    /// When the source says the number held, if that differs from `date`.
    pub as_of: Option<DateSpec>,
    pub sources: Vec<Citation>,
}

/// How warm a relationship was in a period, from worst to best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tone {
    Hostile,
    Tense,
    Mixed,
    Cordial,
    Close,
}

keywords!(Tone { Hostile => "hostile", Tense => "tense", Mixed => "mixed", Cordial => "cordial", Close => "close" });

/// A phase of the relationship with one partner.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub id: String,
    pub partner: String,
    /// When the phase held; an open range is written with the last year known.
    pub date: DateSpec,
    pub tone: Tone,
    pub title: Text,
    pub summary: Text,
    pub sources: Vec<Citation>,
}

/// The subject's membership in an organisation (a partner of kind organisation).
#[derive(Debug, Clone, PartialEq)]
pub struct Membership {
    pub id: String,
    pub organisation: String,
    pub joined: Option<DateSpec>,
    pub sources: Vec<Citation>,
}

/// Records (events, figures or periods) whose sources tell the same thing
/// differently, or one source that contradicts itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Dispute {
    pub id: String,
    /// What the claims disagree about, in our own words.
    pub topic: Text,
    /// Ids of the records that make the competing claims.
    pub claims: Vec<String>,
}

impl Dataset {
    pub fn partner(&self, code: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.code == code)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Whether a record is one of the competing claims of a dispute.
    pub fn is_disputed(&self, record_id: &str) -> bool {
        self.disputes.iter().any(|d| d.claims.iter().any(|c| c == record_id))
    }
}
