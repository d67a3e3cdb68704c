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

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::DateSpec;
use crate::model::{Dataset, EventKind, PartnerKind, Quantity, Theme, Tone};
use crate::text;

/// What a record is, for filters and facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RecordKind {
    Event,
    Agreement,
    Figure,
    Membership,
    Period,
}

impl RecordKind {
    pub const ALL: [RecordKind; 5] =
        [RecordKind::Event, RecordKind::Agreement, RecordKind::Figure, RecordKind::Membership, RecordKind::Period];

    pub fn label(self) -> &'static str {
        match self {
            RecordKind::Event => "Event",
            RecordKind::Agreement => "Agreement",
            RecordKind::Figure => "Figure",
            RecordKind::Membership => "Membership",
            RecordKind::Period => "Period",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        RecordKind::ALL.into_iter().find(|k| k.label().eq_ignore_ascii_case(text))
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Sort {
    /// Oldest first.
    Date,
    /// Newest first.
    #[serde(rename = "-date")]
    DateDesc,
    /// Best text match first; without search words, the same as `DateDesc`.
    #[default]
    Relevance,
}

/// A question about the records. Every filter that is set must hold; within
/// a list filter (partners, themes, kinds) any one value is enough.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub as_of: String,
    pub locator: String,
}

/// One record as the card shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Periods only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tone: Option<Tone>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    pub sources: Vec<SourceRef>,
    pub disputed: bool,
}

/// The answer to a query: how many records match, and the requested page.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    pub total: usize,
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Count<K> {
    pub key: K,
    pub label: String,
    pub count: usize,
}

/// Counts for the current query, for labels like "Security (12)". Each
/// dimension ignores its own filter, so the other choices keep their counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Facets {
    pub partners: Vec<Count<String>>,
    pub themes: Vec<Count<Theme>>,
    pub kinds: Vec<Count<RecordKind>>,
    pub decades: Vec<Count<i32>>,
    pub years: Vec<Count<i32>>,
}

/// Records per bucket of years (by the year each record starts), for the
/// current query without its year range, so the histogram can pick one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    pub bucket_years: u32,
    pub buckets: Vec<TimelineBucket>,
    /// Matching records without a date, which no bucket holds.
    pub undated: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineBucket {
    pub from: i32,
    pub to: i32,
    pub count: usize,
}

/// One partner at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
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

/// A set of record positions.
#[derive(Clone, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(len: usize) -> Self {
        Bits(vec![0; len.div_ceil(64)])
    }

    fn full(len: usize) -> Self {
        let mut bits = Bits(vec![u64::MAX; len.div_ceil(64)]);
        if len % 64 != 0 {
            if let Some(last) = bits.0.last_mut() {
                *last = (1u64 << (len % 64)) - 1;
            }
        }
        bits
    }

    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn has(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }

    fn and(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }

    fn or(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    fn count_and(&self, other: &Bits) -> usize {
        self.0.iter().zip(&other.0).map(|(a, b)| (a & b).count_ones() as usize).sum()
    }

    /// Positions from the highest down, without collecting them all.
    fn iter_desc(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().rev().flat_map(|(w, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                if word == 0 {
                    return None;
                }
                let top = 63 - word.leading_zeros() as usize;
                word &= !(1u64 << top);
                Some(w * 64 + top)
            })
        })
    }

    fn iter_asc(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                if word == 0 {
                    return None;
                }
                let low = word.trailing_zeros() as usize;
                word &= word - 1;
                Some(w * 64 + low)
            })
        })
    }
}

/// FxHash (as in rustc): much faster than SipHash for short words, and the
/// keys are the dataset's own words, not an attacker's choice of collisions
/// worth defending against in a reader's browser.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// Words seen while building, numbered in order of first sight.
#[derive(Default)]
struct Vocabulary {
    ids: FxMap<String, u32>,
    words: Vec<String>,
}

impl Vocabulary {
    fn id(&mut self, word: String) -> u32 {
        if let Some(&id) = self.ids.get(&word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.clone());
        self.ids.insert(word, id);
        id
    }

    fn id_of(&mut self, word: &str) -> u32 {
        match self.ids.get(word) {
            Some(&id) => id,
            None => self.id(word.to_string()),
        }
    }
}

/// Where a record's data lives in the dataset.
#[derive(Debug, Clone, Copy)]
enum Source {
    Event(usize),
    Figure(usize),
    Membership(usize),
    Period(usize),
}

/// How strongly a word ties a record to a query: where the word stands.
const IN_SUMMARY: u8 = 1;
const IN_PARTNER_NAME: u8 = 2;
const IN_TITLE: u8 = 3;

/// A prefix whose words hold more than this share of all postings is
/// matched from a bitset made at build time instead of merged per query.
const CACHED_PREFIX_SHARE: usize = 32;

struct Record {
    source: Source,
    kind: RecordKind,
    date: Option<DateSpec>,
    partners: Vec<u16>,
    themes: u16,
    sources: Vec<u16>,
}

/// A dataset with everything needed to answer queries quickly.
pub struct Index {
    dataset: Dataset,
    records: Vec<Record>,
    /// Records with a date come first, in date order; then undated ones.
    dated: usize,
    /// First and last year of each dated record, packed for the year filter.
    start_years: Vec<i32>,
    end_years: Vec<i32>,
    /// Sorted words; a word's position is its id.
    words: Vec<String>,
    /// Postings of word `w`: `postings[offsets[w]..offsets[w + 1]]`, each
    /// `record << 2 | place` with place one of the `IN_*` constants.
    offsets: Vec<u32>,
    postings: Vec<u32>,
    cached_prefixes: HashMap<String, Bits>,
    by_partner: Vec<Bits>,
    by_theme: Vec<Bits>,
    by_kind: Vec<Bits>,
    by_source: Vec<Bits>,
    disputed: Bits,
    disputed_ids: std::collections::HashSet<String>,
    partner_codes: HashMap<String, u16>,
}

fn theme_bit(theme: Theme) -> u16 {
    1 << Theme::ALL.iter().position(|t| *t == theme).unwrap_or(0)
}

fn kind_slot(kind: RecordKind) -> usize {
    RecordKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// "12.09 USD million", "about 100,000 people", "20 or 29 years".
pub fn quantity_label(value: &Quantity, unit: &str) -> String {
    let number = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            group_thousands(v as i64)
        } else {
            format!("{v}")
        }
    };
    let core = match value {
        Quantity::Exact(v) => number(*v),
        Quantity::Approx(v) => format!("about {}", number(*v)),
        Quantity::Range(low, high) => format!("{}–{}", number(*low), number(*high)),
        Quantity::OneOf(values) => {
            let parts: Vec<String> = values.iter().map(|v| number(*v)).collect();
            match parts.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                _ => parts.join(""),
            }
        }
    };
    format!("{core} {unit}")
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

impl Index {
    /// Builds the index. The dataset should be valid (see [`crate::load`]);
    /// references to unknown partners or sources are skipped, not trusted.
    pub fn new(dataset: Dataset) -> Self {
        let partner_codes: HashMap<String, u16> =
            dataset.partners.iter().enumerate().map(|(i, p)| (p.code.clone(), i as u16)).collect();
        let source_ids: HashMap<&str, u16> =
            dataset.sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), i as u16)).collect();
        let codes = |list: &[String]| -> Vec<u16> { list.iter().filter_map(|c| partner_codes.get(c).copied()).collect() };
        let cited = |list: &[crate::model::Citation]| -> Vec<u16> {
            let mut ids: Vec<u16> = list.iter().filter_map(|c| source_ids.get(c.source.as_str()).copied()).collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let themes = |list: &[Theme]| list.iter().fold(0u16, |bits, t| bits | theme_bit(*t));

        let mut records: Vec<Record> = Vec::new();
        for (i, e) in dataset.events.iter().enumerate() {
            records.push(Record {
                source: Source::Event(i),
                kind: match e.kind {
                    EventKind::Event => RecordKind::Event,
                    EventKind::Agreement => RecordKind::Agreement,
                },
                date: Some(e.date),
                partners: codes(&e.partners),
                themes: themes(&e.themes),
                sources: cited(&e.sources),
            });
        }
        for (i, f) in dataset.figures.iter().enumerate() {
            records.push(Record {
                source: Source::Figure(i),
                kind: RecordKind::Figure,
                date: Some(f.date),
                partners: codes(&f.partners),
                themes: themes(&f.themes),
                sources: cited(&f.sources),
            });
        }
        for (i, m) in dataset.memberships.iter().enumerate() {
            records.push(Record {
                source: Source::Membership(i),
                kind: RecordKind::Membership,
                date: m.joined,
                partners: codes(std::slice::from_ref(&m.organisation)),
                themes: theme_bit(Theme::Diplomacy),
                sources: cited(&m.sources),
            });
        }
        for (i, p) in dataset.periods.iter().enumerate() {
            records.push(Record {
                source: Source::Period(i),
                kind: RecordKind::Period,
                date: Some(p.date),
                partners: codes(std::slice::from_ref(&p.partner)),
                themes: 0,
                sources: cited(&p.sources),
            });
        }
        records.sort_by(|a, b| {
            let key = |r: &Record| (r.date.is_none(), r.date.map(|d| d.sort_key()));
            key(a).cmp(&key(b)).then_with(|| record_id(&dataset, a).cmp(record_id(&dataset, b)))
        });
        let dated = records.iter().take_while(|r| r.date.is_some()).count();
        let n = records.len();

        let mut by_partner = vec![Bits::empty(n); dataset.partners.len()];
        let mut by_theme = vec![Bits::empty(n); Theme::ALL.len()];
        let mut by_kind = vec![Bits::empty(n); RecordKind::ALL.len()];
        let mut by_source = vec![Bits::empty(n); dataset.sources.len()];
        let disputed_ids: std::collections::HashSet<String> =
            dataset.disputes.iter().flat_map(|d| d.claims.iter().cloned()).collect();
        let mut disputed = Bits::empty(n);
        for (r, record) in records.iter().enumerate() {
            for &p in &record.partners {
                by_partner[usize::from(p)].set(r);
            }
            for (t, _) in Theme::ALL.iter().enumerate() {
                if record.themes >> t & 1 == 1 {
                    by_theme[t].set(r);
                }
            }
            by_kind[kind_slot(record.kind)].set(r);
            for &s in &record.sources {
                by_source[usize::from(s)].set(r);
            }
            if disputed_ids.contains(record_id(&dataset, record)) {
                disputed.set(r);
            }
        }

        // Words: collect (word, record, place), keeping the strongest place.
        let mut vocabulary = Vocabulary::default();
        let ids_of = |text: &str, vocabulary: &mut Vocabulary| -> Vec<u32> {
            text::words(text).into_iter().map(|w| vocabulary.id(w)).collect()
        };
        // Partner, theme and kind words are the same for every record: once.
        let partner_words: Vec<Vec<u32>> = dataset
            .partners
            .iter()
            .map(|p| {
                let mut ids = ids_of(&p.name, &mut vocabulary);
                ids.extend(ids_of(&p.code, &mut vocabulary));
                for alias in &p.aliases {
                    ids.extend(ids_of(alias, &mut vocabulary));
                }
                ids
            })
            .collect();
        let theme_words: Vec<Vec<u32>> = Theme::ALL.iter().map(|t| ids_of(t.label(), &mut vocabulary)).collect();
        let kind_words: Vec<Vec<u32>> = RecordKind::ALL.iter().map(|k| ids_of(k.label(), &mut vocabulary)).collect();
        let places: Vec<(Vec<Vec<String>>, Vec<u32>)> = place_mentions(&dataset)
            .into_iter()
            .map(|(names, spellings)| (names, ids_of(&spellings, &mut vocabulary)))
            .collect();

        let mut triples: Vec<(u32, u32, u8)> = Vec::new();
        let mut found: Vec<(u32, u8)> = Vec::new();
        for (r, record) in records.iter().enumerate() {
            found.clear();
            let (title, summary) = record_text(&dataset, record);
            let title_words = text::words(&title);
            let summary_words = text::words(&summary);
            for (words, place) in [(&title_words, IN_TITLE), (&summary_words, IN_SUMMARY)] {
                found.extend(words.iter().map(|w| (vocabulary.id_of(w), place)));
            }
            for &p in &record.partners {
                found.extend(partner_words[usize::from(p)].iter().map(|&w| (w, IN_PARTNER_NAME)));
            }
            for (t, words) in theme_words.iter().enumerate() {
                if record.themes >> t & 1 == 1 {
                    found.extend(words.iter().map(|&w| (w, IN_SUMMARY)));
                }
            }
            found.extend(kind_words[kind_slot(record.kind)].iter().map(|&w| (w, IN_SUMMARY)));
            for (names, spellings) in &places {
                let named = names.iter().any(|n| contains_run(&title_words, n) || contains_run(&summary_words, n));
                if named {
                    found.extend(spellings.iter().map(|&w| (w, IN_SUMMARY)));
                }
            }
            // One posting per word: the strongest place wins.
            found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            found.dedup_by_key(|f| f.0);
            triples.extend(found.iter().map(|&(w, place)| (w, r as u32, place)));
        }
        let mut word_list = vocabulary.words;

        // Sort words; renumber postings by sorted word id.
        let mut order: Vec<u32> = (0..word_list.len() as u32).collect();
        order.sort_by(|a, b| word_list[*a as usize].cmp(&word_list[*b as usize]));
        let mut rank = vec![0u32; word_list.len()];
        for (new, &old) in order.iter().enumerate() {
            rank[old as usize] = new as u32;
        }
        let words: Vec<String> = order.iter().map(|&old| std::mem::take(&mut word_list[old as usize])).collect();
        let mut counts = vec![0u32; words.len() + 1];
        for &(w, _, _) in &triples {
            counts[rank[w as usize] as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let offsets = counts.clone();
        let mut fill = counts;
        let mut postings = vec![0u32; triples.len()];
        triples.sort_unstable_by_key(|&(w, r, _)| (rank[w as usize], r));
        for (w, r, place) in triples {
            let w = rank[w as usize] as usize;
            postings[fill[w] as usize] = r << 2 | u32::from(place);
            fill[w] += 1;
        }

        let start_years = records[..dated].iter().map(|r| r.date.map_or(0, |d| d.years().0)).collect();
        let end_years = records[..dated].iter().map(|r| r.date.map_or(0, |d| d.years().1)).collect();
        let mut index = Index {
            dataset,
            records,
            dated,
            start_years,
            end_years,
            words,
            offsets,
            postings,
            cached_prefixes: HashMap::new(),
            by_partner,
            by_theme,
            by_kind,
            by_source,
            disputed,
            disputed_ids,
            partner_codes,
        };
        index.cache_broad_prefixes();
        index
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// Number of records (events, figures, memberships, periods).
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Bytes held by the index itself (not the dataset's own strings).
    pub fn index_bytes(&self) -> usize {
        let bits = |list: &[Bits]| list.iter().map(|b| b.0.len() * 8).sum::<usize>();
        self.postings.len() * 4
            + self.offsets.len() * 4
            + (self.start_years.len() + self.end_years.len()) * 4
            + self.words.iter().map(|w| w.len() + 24).sum::<usize>()
            + self.records.len() * std::mem::size_of::<Record>()
            + self.records.iter().map(|r| (r.partners.len() + r.sources.len()) * 2).sum::<usize>()
            + bits(&self.by_partner)
            + bits(&self.by_theme)
            + bits(&self.by_kind)
            + bits(&self.by_source)
            + self.cached_prefixes.iter().map(|(k, b)| k.len() + b.0.len() * 8).sum::<usize>()
    }

    fn cache_broad_prefixes(&mut self) {
        let total = self.postings.len();
        if self.records.len() < 4096 {
            return;
        }
        let mut prefixes: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
        for word in &self.words {
            for len in 1..=2 {
                let prefix: String = word.chars().take(len).collect();
                if prefix.chars().count() == len {
                    prefixes.insert(prefix);
                }
            }
        }
        for prefix in prefixes {
            let (lo, hi) = self.word_range(&prefix);
            let count = (self.offsets[hi] - self.offsets[lo]) as usize;
            if count * CACHED_PREFIX_SHARE > total {
                let mut bits = Bits::empty(self.records.len());
                for &posting in &self.postings[self.offsets[lo] as usize..self.offsets[hi] as usize] {
                    bits.set((posting >> 2) as usize);
                }
                self.cached_prefixes.insert(prefix, bits);
            }
        }
    }

    /// Ids of the words starting with `prefix`: `lo..hi`.
    fn word_range(&self, prefix: &str) -> (usize, usize) {
        let lo = self.words.partition_point(|w| w.as_str() < prefix);
        let hi = lo + self.words[lo..].partition_point(|w| w.starts_with(prefix));
        (lo, hi)
    }

    /// Checks a query against the dataset; returns the year range to use.
    fn check(&self, query: &Query) -> Result<(), QueryError> {
        for code in &query.partners {
            if !self.partner_codes.contains_key(code) {
                return Err(QueryError::UnknownPartner(code.clone()));
            }
        }
        if let Some(region) = &query.region {
            if !self.dataset.partners.iter().any(|p| p.region.eq_ignore_ascii_case(region)) {
                return Err(QueryError::UnknownRegion(region.clone()));
            }
        }
        if let Some(source) = &query.source {
            if self.dataset.source(source).is_none() {
                return Err(QueryError::UnknownSource(source.clone()));
            }
        }
        if let (Some(from), Some(to)) = (query.from, query.to) {
            if from > to {
                return Err(QueryError::ReversedYears { from, to });
            }
        }
        Ok(())
    }

    fn partner_filter(&self, query: &Query) -> Option<Bits> {
        if query.partners.is_empty() && query.region.is_none() {
            return None;
        }
        let mut bits = Bits::empty(self.records.len());
        for code in &query.partners {
            if let Some(&p) = self.partner_codes.get(code) {
                bits.or(&self.by_partner[usize::from(p)]);
            }
        }
        let mut result = if query.partners.is_empty() { None } else { Some(bits) };
        if let Some(region) = &query.region {
            let mut in_region = Bits::empty(self.records.len());
            for (p, partner) in self.dataset.partners.iter().enumerate() {
                if partner.region.eq_ignore_ascii_case(region) {
                    in_region.or(&self.by_partner[p]);
                }
            }
            match &mut result {
                Some(bits) => bits.and(&in_region),
                None => result = Some(in_region),
            }
        }
        result
    }

    fn theme_filter(&self, query: &Query) -> Option<Bits> {
        (!query.themes.is_empty()).then(|| {
            let mut bits = Bits::empty(self.records.len());
            for theme in &query.themes {
                let slot = Theme::ALL.iter().position(|t| t == theme).unwrap_or(0);
                bits.or(&self.by_theme[slot]);
            }
            bits
        })
    }

    fn kind_filter(&self, query: &Query) -> Option<Bits> {
        (!query.kinds.is_empty()).then(|| {
            let mut bits = Bits::empty(self.records.len());
            for kind in &query.kinds {
                bits.or(&self.by_kind[kind_slot(*kind)]);
            }
            bits
        })
    }

    fn year_filter(&self, query: &Query) -> Option<Bits> {
        if query.from.is_none() && query.to.is_none() {
            return None;
        }
        let from = query.from.unwrap_or(i32::MIN);
        let to = query.to.unwrap_or(i32::MAX);
        let mut bits = Bits::empty(self.records.len());
        // Records are in start order: none after the first that starts past `to`.
        let end = self.start_years.partition_point(|&year| year <= to);
        for (r, &last) in self.end_years[..end].iter().enumerate() {
            if last >= from {
                bits.set(r);
            }
        }
        Some(bits)
    }

    fn other_filters(&self, query: &Query) -> Option<Bits> {
        let mut result: Option<Bits> = None;
        let mut narrow = |bits: &Bits| match &mut result {
            Some(r) => r.and(bits),
            None => result = Some(bits.clone()),
        };
        if query.disputed_only {
            narrow(&self.disputed);
        }
        if let Some(source) = &query.source {
            if let Some(s) = self.dataset.sources.iter().position(|x| &x.id == source) {
                narrow(&self.by_source[s]);
            }
        }
        result
    }

    /// Records matching every query word, with each record's score when asked.
    fn text_match(&self, words: &[String], want_scores: bool) -> Option<(Bits, Vec<u8>)> {
        if words.is_empty() {
            return None;
        }
        let n = self.records.len();
        let mut matched = Bits::full(n);
        let mut scores = if want_scores { vec![0u8; n] } else { Vec::new() };
        // Rarest word first: later words only need to touch what is left.
        let mut ranges: Vec<(usize, usize, &String)> = words
            .iter()
            .map(|w| {
                let (lo, hi) = self.word_range(w);
                (lo, hi, w)
            })
            .collect();
        ranges.sort_by_key(|&(lo, hi, _)| self.offsets[hi] - self.offsets[lo]);
        let mut best = if want_scores { vec![0u8; n] } else { Vec::new() };
        for (lo, hi, word) in ranges {
            let mut this = Bits::empty(n);
            if let Some(bits) = self.cached_prefixes.get(word.as_str()) {
                // A broad one- or two-letter prefix: matched, not ranked by place.
                this.or(bits);
                this.and(&matched);
                if want_scores {
                    for r in this.iter_asc() {
                        scores[r] = scores[r].saturating_add(IN_SUMMARY * 2);
                    }
                }
            } else {
                for w in lo..hi {
                    let exact = self.words[w] == *word;
                    for &posting in &self.postings[self.offsets[w] as usize..self.offsets[w + 1] as usize] {
                        let r = (posting >> 2) as usize;
                        if matched.has(r) {
                            this.set(r);
                            if want_scores {
                                // Place 1..3, doubled, plus one for a whole word.
                                let score = ((posting & 3) as u8) * 2 + u8::from(exact);
                                best[r] = best[r].max(score);
                            }
                        }
                    }
                }
                if want_scores {
                    for r in this.iter_asc() {
                        scores[r] = scores[r].saturating_add(best[r]);
                        best[r] = 0;
                    }
                }
            }
            matched.and(&this);
        }
        Some((matched, scores))
    }

    fn combine(parts: impl IntoIterator<Item = Option<Bits>>, n: usize) -> Bits {
        let mut result = Bits::full(n);
        for bits in parts.into_iter().flatten() {
            result.and(&bits);
        }
        result
    }

    /// The records matching a query, sorted and paged.
    pub fn search(&self, query: &Query) -> Result<Answer, QueryError> {
        self.check(query)?;
        let n = self.records.len();
        let words = text::query_words(&query.text);
        let by_relevance = query.sort == Sort::Relevance && !words.is_empty();
        let text = self.text_match(&words, by_relevance);
        let (text_bits, scores) = match text {
            Some((bits, scores)) => (Some(bits), scores),
            None => (None, Vec::new()),
        };
        let matched = Self::combine(
            [
                self.partner_filter(query),
                self.theme_filter(query),
                self.kind_filter(query),
                self.year_filter(query),
                self.other_filters(query),
                text_bits,
            ],
            n,
        );
        let total = matched.count();
        let limit = query.limit.unwrap_or(usize::MAX);
        let page: Vec<usize> = match (query.sort, by_relevance) {
            (_, true) => {
                // Highest score first; among equals, newest first. Scores are
                // small numbers, so count them, find the lowest score that
                // reaches the page, and sort only the records above it.
                let wanted = query.offset.saturating_add(limit);
                let mut histogram = [0usize; 256];
                for r in matched.iter_asc() {
                    histogram[usize::from(scores[r])] += 1;
                }
                let mut threshold = 0u8;
                let mut above = 0usize;
                for score in (0..=255u8).rev() {
                    above += histogram[usize::from(score)];
                    threshold = score;
                    if above >= wanted {
                        break;
                    }
                }
                let mut ranked: Vec<(u8, usize)> =
                    matched.iter_desc().filter(|&r| scores[r] >= threshold).map(|r| (scores[r], r)).collect();
                ranked.sort_by_key(|&(score, r)| (std::cmp::Reverse(score), std::cmp::Reverse(self.date_rank(r))));
                ranked.into_iter().skip(query.offset).take(limit).map(|(_, r)| r).collect()
            }
            (Sort::Date, _) => matched.iter_asc().skip(query.offset).take(limit).collect(),
            _ => {
                // Newest first, undated records last.
                let dated = self.dated;
                matched
                    .iter_desc()
                    .filter(|&r| r < dated)
                    .chain(matched.iter_asc().filter(|&r| r >= dated))
                    .skip(query.offset)
                    .take(limit)
                    .collect()
            }
        };
        Ok(Answer { total, hits: page.into_iter().map(|r| self.hit(r)).collect() })
    }

    /// Later records rank higher; undated ones lowest.
    fn date_rank(&self, r: usize) -> usize {
        if r < self.dated {
            r + 1
        } else {
            0
        }
    }

    /// Facet counts for a query (see [`Facets`]).
    pub fn facets(&self, query: &Query) -> Result<Facets, QueryError> {
        self.check(query)?;
        let n = self.records.len();
        let words = text::query_words(&query.text);
        let text_bits = self.text_match(&words, false).map(|(bits, _)| bits);
        let partner = self.partner_filter(query);
        let theme = self.theme_filter(query);
        let kind = self.kind_filter(query);
        let year = self.year_filter(query);
        let other = self.other_filters(query);
        let without = |skip: usize| {
            let parts = [&partner, &theme, &kind, &year, &other, &text_bits];
            Self::combine(parts.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, b)| (*b).clone()), n)
        };

        let base = without(0);
        let mut partners: Vec<Count<String>> = self
            .dataset
            .partners
            .iter()
            .enumerate()
            .map(|(p, partner)| Count {
                key: partner.code.clone(),
                label: partner.name.clone(),
                count: base.count_and(&self.by_partner[p]),
            })
            .filter(|c| c.count > 0)
            .collect();
        partners.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));

        let base = without(1);
        let themes = Theme::ALL
            .iter()
            .enumerate()
            .map(|(t, theme)| Count { key: *theme, label: theme.label().to_string(), count: base.count_and(&self.by_theme[t]) })
            .filter(|c| c.count > 0)
            .collect();

        let base = without(2);
        let kinds = RecordKind::ALL
            .iter()
            .enumerate()
            .map(|(k, kind)| Count { key: *kind, label: kind.label().to_string(), count: base.count_and(&self.by_kind[k]) })
            .filter(|c| c.count > 0)
            .collect();

        let base = without(3);
        let mut by_year: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
        for r in base.iter_asc() {
            if let Some(date) = self.records[r].date {
                *by_year.entry(date.start.year).or_default() += 1;
            }
        }
        let mut by_decade: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
        for (&year, &count) in &by_year {
            *by_decade.entry(year.div_euclid(10) * 10).or_default() += count;
        }
        Ok(Facets {
            partners,
            themes,
            kinds,
            decades: by_decade.into_iter().map(|(key, count)| Count { key, label: format!("{key}s"), count }).collect(),
            years: by_year.into_iter().map(|(key, count)| Count { key, label: key.to_string(), count }).collect(),
        })
    }

    /// Records per bucket of `bucket_years` years, for the query without its
    /// year range; buckets run from the first to the last year with records.
    pub fn timeline(&self, query: &Query, bucket_years: u32) -> Result<Timeline, QueryError> {
        self.check(query)?;
        let bucket_years = bucket_years.max(1);
        let n = self.records.len();
        let words = text::query_words(&query.text);
        let text_bits = self.text_match(&words, false).map(|(bits, _)| bits);
        let base = Self::combine(
            [self.partner_filter(query), self.theme_filter(query), self.kind_filter(query), self.other_filters(query), text_bits],
            n,
        );
        let mut years: Vec<i32> = Vec::new();
        let mut undated = 0;
        for r in base.iter_asc() {
            match self.records[r].date {
                Some(date) => years.push(date.start.year),
                None => undated += 1,
            }
        }
        let mut buckets = Vec::new();
        if let (Some(&first), Some(&last)) = (years.first(), years.last()) {
            let step = bucket_years as i32;
            let start = first - first.rem_euclid(step);
            let mut from = start;
            let mut i = 0;
            while from <= last {
                let to = from + step - 1;
                let mut count = 0;
                while i < years.len() && years[i] <= to {
                    count += 1;
                    i += 1;
                }
                buckets.push(TimelineBucket { from, to, count });
                from += step;
            }
        }
        Ok(Timeline { bucket_years, buckets, undated })
    }

    /// One partner at a glance.
    pub fn partner_summary(&self, code: &str) -> Result<PartnerSummary, QueryError> {
        let &p = self.partner_codes.get(code).ok_or_else(|| QueryError::UnknownPartner(code.to_string()))?;
        let partner = &self.dataset.partners[usize::from(p)];
        let with = &self.by_partner[usize::from(p)];
        let of_kind = |kinds: &[RecordKind]| -> Vec<usize> {
            with.iter_asc().filter(|&r| kinds.contains(&self.records[r].kind)).collect()
        };
        let events = of_kind(&[RecordKind::Event, RecordKind::Agreement]);
        let first_contact = events.first().map(|&r| self.hit(r));
        // Latest contact: the event that ends last.
        let latest_contact = events
            .iter()
            .copied()
            .max_by_key(|&r| (self.records[r].date.map(|d| d.sort_key().1), r))
            .map(|r| self.hit(r));
        let periods: Vec<Hit> = of_kind(&[RecordKind::Period]).into_iter().map(|r| self.hit(r)).collect();
        let current_tone = of_kind(&[RecordKind::Period])
            .into_iter()
            .max_by_key(|&r| (self.records[r].date.map(|d| d.sort_key().1), r))
            .and_then(|r| match self.records[r].source {
                Source::Period(i) => Some(self.dataset.periods[i].tone),
                _ => None,
            });
        let figures = of_kind(&[RecordKind::Figure]).into_iter().map(|r| self.hit(r)).collect();
        let membership = of_kind(&[RecordKind::Membership]).first().map(|&r| self.hit(r));

        let mut shared: HashMap<u16, usize> = HashMap::new();
        let member_of: std::collections::HashSet<&str> =
            self.dataset.memberships.iter().map(|m| m.organisation.as_str()).collect();
        for &r in &events {
            for &q in &self.records[r].partners {
                let other = &self.dataset.partners[usize::from(q)];
                if q != p && other.kind == PartnerKind::Organisation && member_of.contains(other.code.as_str()) {
                    *shared.entry(q).or_default() += 1;
                }
            }
        }
        let mut shared_organisations: Vec<Count<String>> = shared
            .into_iter()
            .map(|(q, count)| {
                let org = &self.dataset.partners[usize::from(q)];
                Count { key: org.code.clone(), label: org.name.clone(), count }
            })
            .collect();
        shared_organisations.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));

        let mut events_by_theme: Vec<Count<Theme>> = Theme::ALL
            .iter()
            .enumerate()
            .map(|(t, theme)| Count {
                key: *theme,
                label: theme.label().to_string(),
                count: events.iter().filter(|&&r| self.records[r].themes >> t & 1 == 1).count(),
            })
            .filter(|c| c.count > 0)
            .collect();
        events_by_theme.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));

        Ok(PartnerSummary {
            code: partner.code.clone(),
            name: partner.name.clone(),
            kind: partner.kind,
            region: partner.region.clone(),
            aliases: partner.aliases.clone(),
            event_count: events.len(),
            first_contact,
            latest_contact,
            periods,
            current_tone,
            figures,
            membership,
            shared_organisations,
            events_by_theme,
        })
    }

    fn hit(&self, r: usize) -> Hit {
        let record = &self.records[r];
        let ds = &self.dataset;
        let (title, summary) = record_text(ds, record);
        let (citations, value, tone, as_of) = match record.source {
            Source::Event(i) => (&ds.events[i].sources, None, None, ds.events[i].as_of),
            Source::Figure(i) => {
                let f = &ds.figures[i];
                (&f.sources, Some(quantity_label(&f.value, &f.unit)), None, f.as_of)
            }
            Source::Membership(i) => (&ds.memberships[i].sources, None, None, None),
            Source::Period(i) => (&ds.periods[i].sources, None, Some(ds.periods[i].tone), None),
        };
        let id = record_id(ds, record).to_string();
        Hit {
            disputed: self.disputed_ids.contains(&id),
            id,
            kind: record.kind,
            date: record.date.map(|d| d.to_string()).unwrap_or_default(),
            date_label: record.date.map_or_else(|| "date unknown".to_string(), |d| d.label()),
            partners: record.partners.iter().map(|&p| ds.partners[usize::from(p)].code.clone()).collect(),
            partner_names: record.partners.iter().map(|&p| ds.partners[usize::from(p)].name.clone()).collect(),
            themes: Theme::ALL.iter().enumerate().filter(|(t, _)| record.themes >> t & 1 == 1).map(|(_, t)| *t).collect(),
            title,
            summary,
            value,
            tone,
            as_of: as_of.map(|d| d.label()),
            sources: citations
                .iter()
                .filter_map(|c| {
                    let source = ds.source(&c.source)?;
                    Some(SourceRef {
                        id: source.id.clone(),
                        title: source.title.clone(),
                        publisher: source.publisher.clone(),
                        as_of: source.as_of.label(),
                        locator: c.locator.clone(),
                    })
                })
                .collect(),
        }
    }
}

fn record_id<'a>(ds: &'a Dataset, record: &Record) -> &'a str {
    match record.source {
        Source::Event(i) => &ds.events[i].id,
        Source::Figure(i) => &ds.figures[i].id,
        Source::Membership(i) => &ds.memberships[i].id,
        Source::Period(i) => &ds.periods[i].id,
    }
}

/// Title and summary as shown; memberships have none in the data, so they
/// are written here.
fn record_text(ds: &Dataset, record: &Record) -> (String, String) {
    match record.source {
        Source::Event(i) => (ds.events[i].title.clone(), ds.events[i].summary.clone()),
        Source::Figure(i) => {
            let f = &ds.figures[i];
            let value = quantity_label(&f.value, &f.unit);
            let summary = if f.summary.is_empty() { value } else { format!("{value}. {}", f.summary) };
            (f.title.clone(), summary)
        }
        Source::Membership(i) => {
            let m = &ds.memberships[i];
            let name = ds.partner(&m.organisation).map_or(m.organisation.as_str(), |p| p.name.as_str());
            let summary = match m.joined {
                Some(date) => format!("{} joined {name} in {}.", ds.subject.name, date.label()),
                None => format!("{} is a member of {name}; the sources give no joining date.", ds.subject.name),
            };
            (format!("Member of {name}"), summary)
        }
        Source::Period(i) => (ds.periods[i].title.clone(), ds.periods[i].summary.clone()),
    }
}

/// For each place: the word runs that name it, and all its spellings as one
/// text, so a record naming "Panj" is found by "Pyanj" or "Пяндж".
fn place_mentions(ds: &Dataset) -> Vec<(Vec<Vec<String>>, String)> {
    ds.places
        .iter()
        .map(|place| {
            let names: Vec<Vec<String>> = std::iter::once(&place.name)
                .chain(&place.aliases)
                .map(|n| text::words(n))
                .filter(|w| !w.is_empty())
                .collect();
            let spellings = std::iter::once(place.name.as_str())
                .chain(place.aliases.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" ");
            (names, spellings)
        })
        .collect()
}

fn contains_run(haystack: &[String], run: &[String]) -> bool {
    !run.is_empty() && haystack.windows(run.len()).any(|w| w == run)
}

/// Parses a CLI-style kind name ("event", "figure", …).
pub fn parse_kind(text: &str) -> Option<RecordKind> {
    RecordKind::parse(text)
}

/// Parses a theme name as written in datasets ("security").
pub fn parse_theme(text: &str) -> Option<Theme> {
    Theme::ALL.into_iter().find(|t| t.label().eq_ignore_ascii_case(text))
}
