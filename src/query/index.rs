//! The index behind every query: records in date order with their years,
//! partners, themes and kinds, and a bitset per partner, theme, kind and
//! source; built once per dataset. Searching is in `search.rs`, the words
//! of the records in `words.rs`, counts and summaries in `facets.rs`.

use std::cell::OnceCell;

use crate::hashing::{FxMap, FxSet};
use crate::sorting::sort_by;

use super::bits::Bits;
use super::words::{inverted_index, Named, TextIndex};
use super::{RecordData, RecordId, RecordKind};
use crate::date::DateSpec;
use crate::model::{Dataset, EventKind, Theme};
use crate::text;

/// Where a record's data lives in the dataset.
#[derive(Debug, Clone, Copy)]
pub(super) enum Source {
    Event(u32),
    Figure(u32),
    Membership(u32),
    Period(u32),
}

pub(super) struct Record {
    pub(super) source: Source,
    pub(super) kind: RecordKind,
    pub(super) date: Option<DateSpec>,
    pub(super) themes: u16,
}

/// A dataset with everything needed to answer queries quickly.
pub struct Index {
    pub(super) dataset: Dataset,
    pub(super) records: Vec<Record>,
    /// Records with a date come first, in date order; then undated ones.
    pub(super) dated: usize,
    /// First and last year of each dated record, packed for the year filter.
    pub(super) start_years: Vec<i32>,
    pub(super) end_years: Vec<i32>,
    /// Partners of record `r`: `record_partners[partner_offsets[r]..partner_offsets[r + 1]]`.
    pub(super) partner_offsets: Vec<u32>,
    pub(super) record_partners: Vec<u16>,
    /// The words of the records, made on the first search (or when
    /// `prepare_search` asks): a card's first view needs none of it.
    pub(super) text: OnceCell<TextIndex>,
    /// Sorted words of partner names and aliases, and of theme and kind keys.
    pub(super) names: Vec<(String, Named)>,
    pub(super) by_partner: Vec<Bits>,
    pub(super) by_theme: Vec<Bits>,
    pub(super) by_kind: Vec<Bits>,
    pub(super) by_source: Vec<Bits>,
    pub(super) disputed: Bits,
    /// Partner slot by code (u32, the type of the word map: one map type less in the wasm).
    pub(super) partner_codes: FxMap<String, u32>,
    /// Source slot by id, likewise.
    source_slots: FxMap<String, u32>,
}

pub(super) fn theme_slot(theme: Theme) -> usize {
    Theme::ALL.iter().position(|t| *t == theme).unwrap_or(0)
}

pub(super) const EVENT_KINDS: [RecordKind; 2] = [RecordKind::Event, RecordKind::Agreement];

pub(super) fn kind_slot(kind: RecordKind) -> usize {
    RecordKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// A record as collected before sorting.
pub(super) struct Draft<'a> {
    /// Undated last, then by start and end.
    key: (bool, (i32, u8, u8), (i32, u8, u8)),
    record: Record,
    id: &'a str,
    partners: Vec<u16>,
    sources: Vec<u16>,
}

impl<'a> Draft<'a> {
    pub fn new(record: Record, id: &'a str, partners: Vec<u16>, sources: Vec<u16>) -> Self {
        let key = match record.date {
            Some(date) => (false, date.sort_key().0, date.sort_key().1),
            None => (true, (0, 0, 0), (0, 0, 0)),
        };
        Draft { key, record, id, partners, sources }
    }
}

impl Index {
    /// Builds the index. The dataset should be valid (see [`crate::load`]);
    /// references to unknown partners or sources are skipped, not trusted.
    pub fn new(dataset: Dataset) -> Self {
        let partner_codes: FxMap<String, u32> = dataset.partners.iter().enumerate().map(|(i, p)| (p.code.clone(), i as u32)).collect();
        let source_slots: FxMap<String, u32> = dataset.sources.iter().enumerate().map(|(i, s)| (s.id.clone(), i as u32)).collect();
        let codes = |list: &[String]| -> Vec<u16> { list.iter().filter_map(|c| partner_codes.get(c).map(|&p| p as u16)).collect() };
        let cited = |list: &[crate::model::Citation]| -> Vec<u16> {
            let mut slots: Vec<u16> = list.iter().filter_map(|c| source_slots.get(c.source.as_str()).map(|&s| s as u16)).collect();
            sort_by(&mut slots, &|a, b| a.cmp(b));
            slots.dedup();
            slots
        };
        let themes = |list: &[Theme]| list.iter().fold(0u16, |bits, t| bits | 1 << theme_slot(*t));

        let mut drafts: Vec<Draft> =
            Vec::with_capacity(dataset.events.len() + dataset.figures.len() + dataset.memberships.len() + dataset.periods.len());
        for (i, e) in dataset.events.iter().enumerate() {
            let kind = match e.kind {
                EventKind::Event => RecordKind::Event,
                EventKind::Agreement => RecordKind::Agreement,
            };
            drafts.push(Draft::new(
                Record { source: Source::Event(i as u32), kind, date: Some(e.date), themes: themes(&e.themes) },
                &e.id,
                codes(&e.partners),
                cited(&e.sources),
            ));
        }
        for (i, f) in dataset.figures.iter().enumerate() {
            drafts.push(Draft::new(
                Record { source: Source::Figure(i as u32), kind: RecordKind::Figure, date: Some(f.date), themes: themes(&f.themes) },
                &f.id,
                codes(&f.partners),
                cited(&f.sources),
            ));
        }
        for (i, m) in dataset.memberships.iter().enumerate() {
            drafts.push(Draft::new(
                Record {
                    source: Source::Membership(i as u32),
                    kind: RecordKind::Membership,
                    date: m.joined,
                    themes: 1 << theme_slot(Theme::Diplomacy),
                },
                &m.id,
                codes(std::slice::from_ref(&m.organisation)),
                cited(&m.sources),
            ));
        }
        for (i, p) in dataset.periods.iter().enumerate() {
            drafts.push(Draft::new(
                Record { source: Source::Period(i as u32), kind: RecordKind::Period, date: Some(p.date), themes: 0 },
                &p.id,
                codes(std::slice::from_ref(&p.partner)),
                cited(&p.sources),
            ));
        }
        sort_by(&mut drafts, &|a, b| a.key.cmp(&b.key).then_with(|| a.id.cmp(b.id)));
        let n = drafts.len();
        let dated = drafts.iter().take_while(|d| d.record.date.is_some()).count();

        let mut by_partner = vec![Bits::empty(n); dataset.partners.len()];
        let mut by_theme = vec![Bits::empty(n); Theme::ALL.len()];
        let mut by_kind = vec![Bits::empty(n); RecordKind::ALL.len()];
        let mut by_source = vec![Bits::empty(n); dataset.sources.len()];
        let disputed_ids: FxSet<&str> = dataset.disputes.iter().flat_map(|d| d.claims.iter().map(String::as_str)).collect();
        let mut disputed = Bits::empty(n);
        let mut partner_offsets = Vec::with_capacity(n + 1);
        let mut record_partners = Vec::new();
        partner_offsets.push(0);
        for (r, draft) in drafts.iter().enumerate() {
            for &p in &draft.partners {
                by_partner[usize::from(p)].set(r);
            }
            record_partners.extend_from_slice(&draft.partners);
            partner_offsets.push(record_partners.len() as u32);
            for (t, bits) in by_theme.iter_mut().enumerate() {
                if draft.record.themes >> t & 1 == 1 {
                    bits.set(r);
                }
            }
            by_kind[kind_slot(draft.record.kind)].set(r);
            for &s in &draft.sources {
                by_source[usize::from(s)].set(r);
            }
            if disputed_ids.contains(draft.id) {
                disputed.set(r);
            }
        }

        let mut names: Vec<(String, Named)> = Vec::new();
        for (p, partner) in dataset.partners.iter().enumerate() {
            let texts = partner.name.forms().chain([partner.code.as_str()]).chain(partner.aliases.iter().map(String::as_str));
            for word in texts.flat_map(text::words) {
                names.push((word, Named::Partner(p as u16)));
            }
        }
        // A theme is found by its key and by its name in every language the
        // card speaks ("границы", "сарҳад" as "borders" is).
        for (t, theme) in Theme::ALL.iter().enumerate() {
            let labels = crate::view::catalogue::LANGUAGES.iter().map(|(_, m)| m.theme(*theme));
            for label in std::iter::once(theme.key()).chain(labels) {
                names.extend(text::words(label).into_iter().map(|w| (w, Named::Theme(t as u8))));
            }
        }
        for (k, kind) in RecordKind::ALL.iter().enumerate() {
            names.extend(text::words(kind.key()).into_iter().map(|w| (w, Named::Kind(k as u8))));
        }
        sort_by(&mut names, &|a, b| a.cmp(b));
        names.dedup();

        let records: Vec<Record> = drafts.into_iter().map(|d| d.record).collect();
        let start_years = records[..dated].iter().map(|r| r.date.map_or(0, |d| d.years().0)).collect();
        let end_years = records[..dated].iter().map(|r| r.date.map_or(0, |d| d.years().1)).collect();
        Index {
            dataset,
            records,
            dated,
            start_years,
            end_years,
            partner_offsets,
            record_partners,
            text: OnceCell::new(),
            names,
            by_partner,
            by_theme,
            by_kind,
            by_source,
            disputed,
            partner_codes,
            source_slots,
        }
    }

    /// Makes the word index now (it is otherwise made by the first search),
    /// so a page can do it while the reader looks at the first view.
    pub fn prepare_search(&self) {
        self.text();
    }

    pub(super) fn text(&self) -> &TextIndex {
        self.text.get_or_init(|| {
            let mut text = inverted_index(&self.dataset, &self.records);
            self.cache_heavy_prefixes(&mut text);
            text
        })
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The first year a dated record starts and the last one a record ends.
    pub fn year_span(&self) -> Option<(i32, i32)> {
        Some((*self.start_years.first()?, *self.end_years.iter().max()?))
    }

    /// Number of records (events, figures, memberships, periods).
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub(super) fn partners_of(&self, r: usize) -> &[u16] {
        &self.record_partners[self.partner_offsets[r] as usize..self.partner_offsets[r + 1] as usize]
    }

    /// Bytes held by the index itself, beyond the dataset it owns.
    pub fn index_bytes(&self) -> usize {
        let bits = |list: &[Bits]| list.iter().map(Bits::bytes).sum::<usize>();
        let text = self.text();
        text.postings.len()
            + (text.offsets.len() + text.counts.len()) * 4
            + text.words.iter().map(|w| w.len() + 24).sum::<usize>()
            + self.names.iter().map(|(w, _)| w.len() + 32).sum::<usize>()
            + self.records.len() * std::mem::size_of::<Record>()
            + (self.start_years.len() + self.end_years.len() + self.partner_offsets.len()) * 4
            + self.record_partners.len() * 2
            + bits(&self.by_partner)
            + bits(&self.by_theme)
            + bits(&self.by_kind)
            + bits(&self.by_source)
            + self.disputed.bytes()
            + text.heavy.iter().map(|(k, m)| k.len() + m.any.bytes() * 4).sum::<usize>()
    }

    /// A partner by its code, found in a map (`Dataset::partner` reads the
    /// list: a view that looks up many would cost partners²).
    pub fn partner(&self, code: &str) -> Option<&crate::model::Partner> {
        self.partner_codes.get(code).map(|&p| &self.dataset.partners[p as usize])
    }

    /// A source by its id, likewise.
    pub fn source(&self, id: &str) -> Option<&crate::model::Source> {
        self.source_slots.get(id).map(|&s| &self.dataset.sources[s as usize])
    }

    /// A record's data in the dataset.
    pub fn record(&self, id: RecordId) -> RecordData<'_> {
        let ds = &self.dataset;
        match self.records[id.0 as usize].source {
            Source::Event(i) => RecordData::Event(&ds.events[i as usize]),
            Source::Figure(i) => RecordData::Figure(&ds.figures[i as usize]),
            Source::Membership(i) => RecordData::Membership(&ds.memberships[i as usize]),
            Source::Period(i) => RecordData::Period(&ds.periods[i as usize]),
        }
    }

    pub fn record_kind(&self, id: RecordId) -> RecordKind {
        self.records[id.0 as usize].kind
    }

    /// When it happened; memberships may have no date.
    pub fn record_date(&self, id: RecordId) -> Option<DateSpec> {
        self.records[id.0 as usize].date
    }

    /// The partners it concerns, as the dataset orders them.
    pub fn record_partners(&self, id: RecordId) -> impl Iterator<Item = &crate::model::Partner> {
        self.partners_of(id.0 as usize).iter().map(|&p| &self.dataset.partners[usize::from(p)])
    }

    /// Its themes, in the vocabulary's order.
    pub fn record_themes(&self, id: RecordId) -> Vec<Theme> {
        let themes = self.records[id.0 as usize].themes;
        Theme::ALL.iter().enumerate().filter(|(t, _)| themes >> t & 1 == 1).map(|(_, t)| *t).collect()
    }

    /// Whether it is one of the claims of a dispute.
    pub fn is_disputed(&self, id: RecordId) -> bool {
        self.disputed.has(id.0 as usize)
    }
}
