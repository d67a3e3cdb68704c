//! The query engine: every question the card, the CLI and the tests ask of a
//! dataset — filters, forgiving text search, facets, timelines and partner
//! summaries — answered from one index built once per dataset.
//!
//! ```
//! use relations_card::query::{Index, Query};
//! let index = Index::new(relations_card::builtin());
//! let answer = index.search(&Query { text: "pyanj bridge".into(), ..Query::default() }).unwrap();
//! assert!(answer.total > 0);
//! ```
//!
//! # Design
//! All records (events, agreements, figures, memberships, periods) are put in
//! one list sorted by date, so a record's position is its date order and a
//! set of records is a bitset: filters, text matches and facets are bitwise
//! operations on `u64` words, whatever the query. Text goes through
//! [`crate::text`]; every query word matches the indexed words it is a prefix
//! of ("fact" finds "factory"), and all query words must match. Ranking puts
//! title matches above partner-name matches above the rest, and whole-word
//! matches above prefix matches; ties go to the newer record.

use std::fmt;

use crate::decimal::Decimal;
use crate::json::{Path, Reader, ToJson, Value, Writer};
use crate::model::{PartnerKind, Quantity, Theme, Tone};

mod bits;
mod index;

pub use index::Index;

/// What a record is, for filters and facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Event,
    Agreement,
    Figure,
    Membership,
    Period,
}

crate::model::keywords!(RecordKind {
    Event => "event",
    Agreement => "agreement",
    Figure => "figure",
    Membership => "membership",
    Period => "period",
});

impl RecordKind {
    pub fn label(self) -> &'static str {
        match self {
            RecordKind::Event => "Event",
            RecordKind::Agreement => "Agreement",
            RecordKind::Figure => "Figure",
            RecordKind::Membership => "Membership",
            RecordKind::Period => "Period",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Oldest first.
    Date,
    /// Newest first.
    DateDesc,
    /// Best text match first; without search words, the same as `DateDesc`.
    #[default]
    Relevance,
}

crate::model::keywords!(Sort { Date => "date", DateDesc => "-date", Relevance => "relevance" });

/// The years a filter may name: every date in a dataset has four digits,
/// and a range may reach before or past them, but not without end.
pub const FILTER_YEARS: std::ops::RangeInclusive<i32> = -9999..=9999;

/// A filter year as JavaScript gives it (a query's or the card's).
pub(crate) fn read_filter_year(r: &mut Reader, value: &Value, path: &Path) -> Option<i32> {
    let (first, last) = (*FILTER_YEARS.start(), *FILTER_YEARS.end());
    r.whole(value, path, i64::from(first), i64::from(last)).map(|year| year as i32)
}

/// A question about the records. Every filter that is set must hold; within
/// a list filter (partners, themes, kinds) any one value is enough.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub partners: Vec<String>,
    pub region: Option<String>,
    pub themes: Vec<Theme>,
    pub kinds: Vec<RecordKind>,
    /// First year, inclusive: a record matches when its date overlaps the years.
    pub from: Option<i32>,
    /// Last year, inclusive.
    pub to: Option<i32>,
    pub disputed_only: bool,
    /// Only records citing this source id.
    pub source: Option<String>,
    /// What a reader typed.
    pub text: String,
    pub sort: Sort,
    /// How many results to return; `None` for all.
    pub limit: Option<usize>,
    pub offset: usize,
}

/// Only the filters that are set, as JavaScript would write the query.
impl ToJson for Query {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        if !self.partners.is_empty() {
            out.field("partners", &self.partners);
        }
        out.optional("region", &self.region);
        if !self.themes.is_empty() {
            out.field("themes", &self.themes);
        }
        if !self.kinds.is_empty() {
            out.field("kinds", &self.kinds);
        }
        out.optional("from", &self.from);
        out.optional("to", &self.to);
        if self.disputed_only {
            out.field("disputedOnly", &true);
        }
        out.optional("source", &self.source);
        if !self.text.is_empty() {
            out.field("text", &self.text);
        }
        out.field("sort", &self.sort);
        out.optional("limit", &self.limit);
        if self.offset != 0 {
            out.field("offset", &self.offset);
        }
        out.end_object();
    }
}

impl Query {
    /// The field names of a query object, as JavaScript writes them.
    pub const FIELDS: [&'static str; 12] =
        ["partners", "region", "themes", "kinds", "from", "to", "disputedOnly", "source", "text", "sort", "limit", "offset"];
}

impl Query {
    /// Reads a query object as JavaScript writes it; every field may be
    /// left out or null, and a misspelt one is an error, not ignored.
    pub fn read(r: &mut Reader, value: &Value, path: &Path) -> Option<Query> {
        let f = r.object(value, path, &Query::FIELDS)?;
        let mut query = Query::default();
        let count = |r: &mut Reader, v: &Value, p: &Path| r.whole(v, p, 0, i64::from(u32::MAX)).map(|n| n as usize);
        // Each field is read on its own, so every wrong one is reported.
        let mut whole = true;
        for name in Query::FIELDS {
            let Some(v) = f.optional(name) else { continue };
            let p = path.key(name);
            let read = match name {
                "partners" => r.strings(v, &p).map(|x| query.partners = x),
                "region" => r.string(v, &p).map(|x| query.region = Some(x)),
                "themes" => r.list(v, &p, |r, v, p| r.keyword(v, p, Theme::parse, &Theme::KEYS)).map(|x| query.themes = x),
                "kinds" => r.list(v, &p, |r, v, p| r.keyword(v, p, RecordKind::parse, &RecordKind::KEYS)).map(|x| query.kinds = x),
                "from" => read_filter_year(r, v, &p).map(|x| query.from = Some(x)),
                "to" => read_filter_year(r, v, &p).map(|x| query.to = Some(x)),
                "disputedOnly" => r.bool(v, &p).map(|x| query.disputed_only = x),
                "source" => r.string(v, &p).map(|x| query.source = Some(x)),
                "text" => r.string(v, &p).map(|x| query.text = x),
                "sort" => r.keyword(v, &p, Sort::parse, &Sort::KEYS).map(|x| query.sort = x),
                "limit" => count(r, v, &p).map(|x| query.limit = Some(x)),
                _ => count(r, v, &p).map(|x| query.offset = x),
            };
            whole &= read.is_some();
        }
        whole.then_some(query)
    }
}

/// A query that cannot be answered, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    UnknownPartner(String),
    UnknownRegion(String),
    UnknownSource(String),
    ReversedYears { from: i32, to: i32 },
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::UnknownPartner(code) => write!(f, "no partner with code \"{code}\" in this dataset"),
            QueryError::UnknownRegion(name) => write!(f, "no region \"{name}\" in this dataset"),
            QueryError::UnknownSource(id) => write!(f, "no source \"{id}\" in this dataset"),
            QueryError::ReversedYears { from, to } => {
                write!(f, "the year range is reversed: from {from} is after to {to}")
            }
        }
    }
}

impl std::error::Error for QueryError {}

/// A source citation resolved for display.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub as_of: String,
    pub locator: String,
}

impl ToJson for SourceRef {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("id", &self.id);
        out.field("title", &self.title);
        out.field("publisher", &self.publisher);
        out.field("asOf", &self.as_of);
        out.field("locator", &self.locator);
        out.end_object();
    }
}

impl SourceRef {
    /// The citations that name a known source, resolved for display.
    pub fn resolve(dataset: &crate::model::Dataset, citations: &[crate::model::Citation]) -> Vec<SourceRef> {
        Self::resolve_in(dataset, citations, &crate::view::catalogue::EN)
    }

    /// The same, with "as of" dates in the catalogue's language.
    pub fn resolve_in(
        dataset: &crate::model::Dataset,
        citations: &[crate::model::Citation],
        m: &crate::view::catalogue::Messages,
    ) -> Vec<SourceRef> {
        citations
            .iter()
            .filter_map(|c| {
                let source = dataset.source(&c.source)?;
                Some(SourceRef {
                    id: source.id.clone(),
                    title: source.title.clone(),
                    publisher: source.publisher.clone(),
                    as_of: source.as_of.label_in(&m.months, m.circa),
                    locator: c.locator.clone(),
                })
            })
            .collect()
    }
}

/// One record as the card shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub kind: RecordKind,
    /// The date as written in the dataset; empty when unknown.
    pub date: String,
    pub date_label: String,
    /// Partner codes.
    pub partners: Vec<String>,
    pub partner_names: Vec<String>,
    pub themes: Vec<Theme>,
    pub title: String,
    pub summary: String,
    /// Figures only: the value as text, with its unit ("20 or 29 years").
    pub value: Option<String>,
    /// Periods only.
    pub tone: Option<Tone>,
    pub as_of: Option<String>,
    pub sources: Vec<SourceRef>,
    pub disputed: bool,
}

impl ToJson for Hit {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("id", &self.id);
        out.field("kind", &self.kind);
        out.field("date", &self.date);
        out.field("dateLabel", &self.date_label);
        out.field("partners", &self.partners);
        out.field("partnerNames", &self.partner_names);
        out.field("themes", &self.themes);
        out.field("title", &self.title);
        out.field("summary", &self.summary);
        out.optional("value", &self.value);
        out.optional("tone", &self.tone);
        out.optional("asOf", &self.as_of);
        out.field("sources", &self.sources);
        out.field("disputed", &self.disputed);
        out.end_object();
    }
}

/// The answer to a query: how many records match, and the requested page.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub total: usize,
    pub hits: Vec<Hit>,
}

impl ToJson for Answer {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("total", &self.total);
        out.field("hits", &self.hits);
        out.end_object();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Count<K> {
    pub key: K,
    pub label: String,
    pub count: usize,
}

impl<K: ToJson> ToJson for Count<K> {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("key", &self.key);
        out.field("label", &self.label);
        out.field("count", &self.count);
        out.end_object();
    }
}

/// Counts for the current query, for labels like "Security (12)". Each
/// dimension ignores its own filter, so the other choices keep their counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Facets {
    pub partners: Vec<Count<String>>,
    pub themes: Vec<Count<Theme>>,
    pub kinds: Vec<Count<RecordKind>>,
    pub decades: Vec<Count<i32>>,
    pub years: Vec<Count<i32>>,
}

impl ToJson for Facets {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("partners", &self.partners);
        out.field("themes", &self.themes);
        out.field("kinds", &self.kinds);
        out.field("decades", &self.decades);
        out.field("years", &self.years);
        out.end_object();
    }
}

/// Records per bucket of years (by the year each record starts), for the
/// current query without its year range, so the histogram can pick one.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub bucket_years: u32,
    pub buckets: Vec<TimelineBucket>,
    /// Matching records without a date, which no bucket holds.
    pub undated: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineBucket {
    pub from: i32,
    pub to: i32,
    pub count: usize,
}

impl ToJson for Timeline {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("bucketYears", &self.bucket_years);
        out.field("buckets", &self.buckets);
        out.field("undated", &self.undated);
        out.end_object();
    }
}

impl ToJson for TimelineBucket {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("from", &self.from);
        out.field("to", &self.to);
        out.field("count", &self.count);
        out.end_object();
    }
}

/// The little the partner list shows of each partner, counted without
/// building any record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartnerGlance {
    pub event_count: usize,
    /// The year the first event starts and the year the last one ends.
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
    /// The tone of the period that ends last.
    pub current_tone: Option<Tone>,
}

/// One partner at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerSummary {
    pub code: String,
    pub name: String,
    pub kind: PartnerKind,
    pub region: String,
    pub aliases: Vec<String>,
    pub event_count: usize,
    pub first_contact: Option<Hit>,
    pub latest_contact: Option<Hit>,
    /// Oldest first.
    pub periods: Vec<Hit>,
    /// The tone of the latest period, if any.
    pub current_tone: Option<Tone>,
    /// Oldest first.
    pub figures: Vec<Hit>,
    /// For an organisation: the subject's membership in it.
    pub membership: Option<Hit>,
    /// Organisations the subject belongs to that records name together with
    /// this partner (derived: the dataset does not list partners' memberships).
    pub shared_organisations: Vec<Count<String>>,
    pub events_by_theme: Vec<Count<Theme>>,
}

/// Every field is written; a missing contact, tone or membership is `null`.
impl ToJson for PartnerSummary {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("code", &self.code);
        out.field("name", &self.name);
        out.field("kind", &self.kind);
        out.field("region", &self.region);
        out.field("aliases", &self.aliases);
        out.field("eventCount", &self.event_count);
        out.field("firstContact", &self.first_contact);
        out.field("latestContact", &self.latest_contact);
        out.field("periods", &self.periods);
        out.field("currentTone", &self.current_tone);
        out.field("figures", &self.figures);
        out.field("membership", &self.membership);
        out.field("sharedOrganisations", &self.shared_organisations);
        out.field("eventsByTheme", &self.events_by_theme);
        out.end_object();
    }
}

/// "12.09 USD million", "about 100,000 people", "20 or 29 years".
pub fn quantity_label(value: &Quantity, unit: &str) -> String {
    quantity_label_in(value, unit, &crate::view::catalogue::EN)
}

/// The same in another language's words and digit grouping.
pub fn quantity_label_in(value: &Quantity, unit: &str, messages: &crate::view::catalogue::Messages) -> String {
    let number = |v: Decimal| {
        let (sign, whole, fraction) = v.parts();
        // Thousands are grouped from five digits up in the catalogue;
        // figures group from four ("3,000 hectares").
        let grouped = if (1000..10_000).contains(&whole) {
            let text = whole.to_string();
            format!("{}{}{}", &text[..1], messages.thousands, &text[1..])
        } else {
            messages.number(whole as i64)
        };
        match fraction.is_empty() {
            true => format!("{sign}{grouped}"),
            false => format!("{sign}{grouped}{}{fraction}", messages.decimal_mark),
        }
    };
    let core = match value {
        Quantity::Exact(v) => number(*v),
        Quantity::Approx(v) => format!("{} {}", messages.about, number(*v)),
        Quantity::Range(low, high) => format!("{}–{}", number(*low), number(*high)),
        Quantity::OneOf(values) => {
            let parts: Vec<String> = values.iter().map(|v| number(*v)).collect();
            match parts.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} {} {last}", rest.join(messages.comma), messages.or),
                _ => parts.join(""),
            }
        }
    };
    format!("{core} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_list_matches_the_query_type() {
        let full = Query {
            partners: vec!["IR".into()],
            region: Some("Middle East".into()),
            themes: vec![Theme::Trade],
            kinds: vec![RecordKind::Event],
            from: Some(1990),
            to: Some(2000),
            disputed_only: true,
            source: Some("s".into()),
            text: "x".into(),
            sort: Sort::Date,
            limit: Some(1),
            offset: 1,
        };
        let text = crate::json::to_string(&full);
        let value = crate::json::parse(&text).unwrap();
        let mut keys: Vec<&str> = value.members().unwrap().iter().map(|m| &*m.key).collect();
        let mut fields = Query::FIELDS.to_vec();
        keys.sort_unstable();
        fields.sort_unstable();
        assert_eq!(keys, fields);
    }

    #[test]
    fn queries_read_every_field_and_refuse_unknown_ones() {
        use crate::json::read_text;
        let query = read_text(
            r#"{"partners":["IR"],"region":null,"themes":["trade"],"kinds":["event","figure"],"from":1991,"to":2000,
                "disputedOnly":true,"source":"s1","text":"dam","sort":"-date","limit":5,"offset":10}"#,
            Query::read,
        )
        .unwrap();
        assert_eq!(
            query,
            Query {
                partners: vec!["IR".into()],
                themes: vec![Theme::Trade],
                kinds: vec![RecordKind::Event, RecordKind::Figure],
                from: Some(1991),
                to: Some(2000),
                disputed_only: true,
                source: Some("s1".into()),
                text: "dam".into(),
                sort: Sort::DateDesc,
                limit: Some(5),
                offset: 10,
                ..Query::default()
            }
        );
        let error = read_text(r#"{"txt":"dam","limit":-1}"#, Query::read).unwrap_err();
        assert!(error.starts_with("txt: unknown field `txt`, expected one of `partners`"), "{error}");
        assert!(error.ends_with("limit: expected a whole number from 0 to 4294967295, found -1"), "{error}");
    }

    #[test]
    fn quantities_read_as_people_write_them() {
        let d = |digits: i64, scale: u8| Decimal::new(digits, scale).unwrap();
        let w = Decimal::whole;
        assert_eq!(quantity_label(&Quantity::Exact(d(1209, 2)), "USD million"), "12.09 USD million");
        assert_eq!(quantity_label(&Quantity::Exact(d(-5, 1)), "points"), "-0.5 points");
        assert_eq!(quantity_label(&Quantity::Exact(d(1_234_505, 2)), "USD"), "12,345.05 USD");
        assert_eq!(quantity_label(&Quantity::Approx(w(100000)), "people"), "about 100,000 people");
        assert_eq!(quantity_label(&Quantity::Range(w(50000), w(70000)), "people"), "50,000–70,000 people");
        assert_eq!(quantity_label(&Quantity::OneOf(vec![w(20), w(29)]), "years"), "20 or 29 years");
        assert_eq!(quantity_label(&Quantity::OneOf(vec![w(16), w(22), w(23)]), "documents"), "16, 22 or 23 documents");
        let russian = crate::view::catalogue::for_locale("ru");
        assert_eq!(quantity_label_in(&Quantity::Exact(d(1209, 2)), "млн долларов", russian), "12,09 млн долларов");
    }
}
