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

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole dataset: one country's foreign relations and the documents behind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub schema_version: u32,
    /// Whose relations these are.
    pub subject: Subject,
    /// A one-line title for the card, e.g. "Tajikistan's foreign relations".
    pub title: String,
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

#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    pub name: String,
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
    pub reliability: String,
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
    pub name: String,
    /// Other names and spellings, in any script (`Kazakstan`, `CSCE`, `Иран`).
    pub aliases: Vec<String>,
    pub region: String,
}

/// A river, city or region the records mention, so that a search for any
/// of its spellings ("Pyanj", "Panj", "Пяндж") finds them.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub id: String,
    pub name: String,
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
    pub title: String,
    /// A short summary, in our own words.
    pub summary: String,
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
    pub title: String,
    pub value: Quantity,
    /// e.g. "USD million", "km²", "troops", "years".
    pub unit: String,
    pub summary: String,
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
    pub title: String,
    pub summary: String,
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
    pub topic: String,
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
