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

use crate::json::{Path, Reader, ToJson, Value, Writer};
use crate::model::{Theme, Tone};

mod bits;
mod facets;
mod index;
mod search;
mod words;

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

/// Declared by hand: a query is read, not written, field by field in `read`.
impl crate::json::TsDeclaration for Query {
    fn ts_declaration() -> String {
        "export interface Query {
  partners?: string[]; region?: string; themes?: Theme[]; kinds?: RecordKind[];
  from?: number; to?: number; disputedOnly?: boolean; source?: string;
  text?: string; sort?: \"date\" | \"-date\" | \"relevance\"; limit?: number; offset?: number;
}"
        .to_string()
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

/// A record of the index: its place in date order. The view layer turns it
/// into what a reader sees (`view::record`); the engine only finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId(pub(crate) u32);

/// Where a record's data lives in the dataset.
#[derive(Debug, Clone, Copy)]
pub enum RecordData<'a> {
    Event(&'a crate::model::Event),
    Figure(&'a crate::model::Figure),
    Membership(&'a crate::model::Membership),
    Period(&'a crate::model::Period),
}

/// The answer to a query: how many records match, and the requested page.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub total: usize,
    pub records: Vec<RecordId>,
}

/// How many records have `key`; without labels: the view names keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Count<K> {
    pub key: K,
    pub count: usize,
}

impl<K: ToJson> ToJson for Count<K> {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("key", &self.key);
        out.field("count", &self.count);
        out.end_object();
    }
}

impl<K: crate::json::TsType> crate::json::TsType for Count<K> {
    fn ts_type() -> String {
        format!("Count<{}>", K::ts_type())
    }
}

impl<K> crate::json::TsDeclaration for Count<K> {
    fn ts_declaration() -> String {
        "export interface Count<K> { key: K; count: number; }".to_string()
    }
}

crate::json::object! {
    /// Counts for the current query, for labels like "Security (12)". Each
    /// dimension ignores its own filter, so the other choices keep their counts.
    pub struct Facets {
        partners: Vec<Count<String>> => "partners",
        themes: Vec<Count<Theme>> => "themes",
        kinds: Vec<Count<RecordKind>> => "kinds",
        decades: Vec<Count<i32>> => "decades",
        years: Vec<Count<i32>> => "years",
    }
}

crate::json::object! {
    /// Records per bucket of years (by the year each record starts), for the
    /// current query without its year range, so the histogram can pick one.
    pub struct Timeline {
        bucket_years: u32 => "bucketYears",
        buckets: Vec<TimelineBucket> => "buckets",
        /// Matching records without a date, which no bucket holds.
        undated: usize => "undated",
    }
}

crate::json::object! {
    pub struct TimelineBucket {
        from: i32 => "from",
        to: i32 => "to",
        count: usize => "count",
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

/// One partner at a glance: its records, by kind and in date order.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerSummary {
    pub code: String,
    pub event_count: usize,
    pub first_contact: Option<RecordId>,
    /// The event that ends last.
    pub latest_contact: Option<RecordId>,
    /// Oldest first.
    pub periods: Vec<RecordId>,
    /// The tone of the latest period, if any.
    pub current_tone: Option<Tone>,
    /// Oldest first.
    pub figures: Vec<RecordId>,
    /// For an organisation: the subject's membership in it.
    pub membership: Option<RecordId>,
    /// Organisations the subject belongs to that records name together with
    /// this partner (derived: the dataset does not list partners' memberships).
    pub shared_organisations: Vec<Count<String>>,
    pub events_by_theme: Vec<Count<Theme>>,
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
}
