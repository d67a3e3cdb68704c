//! The index behind every query: records in date order, bitsets per partner,
//! theme, kind and source, and an inverted index of the words of titles,
//! summaries and named places. Partner names, theme and kind labels are not
//! copied into every record's postings: a query word that matches one of
//! them brings in that partner's (theme's, kind's) bitset instead.

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::hashing::{FxMap, FxSet};

use crate::sorting::{sort_by, sort_by_key};

use super::bits::Bits;
use super::{
    quantity_label, quantity_label_in, Answer, Count, Facets, Hit, PartnerGlance, PartnerSummary, Query, QueryError, RecordKind, Sort,
    SourceRef, Timeline, TimelineBucket,
};
use crate::date::DateSpec;
use crate::model::{Dataset, EventKind, PartnerKind, Theme, Tone};
use crate::text;
use crate::view::catalogue::Messages;

/// Where a word stands in a record, kept in the low bits of each posting.
/// (A partner name ranks between the two; it is matched by bitset.)
const IN_TEXT: u8 = 1;
const IN_TITLE: u8 = 3;

/// Words and prefixes whose postings cover more than one record in this
/// many are matched from bitsets made at build time.
const HEAVY_SHARE: usize = 8;
/// Below this many records nothing is worth caching.
const HEAVY_MIN_RECORDS: usize = 4096;
/// Up to this many matches, ranking scores each match directly.
const SCORE_DIRECTLY_UP_TO: usize = 4096;

/// Where a record's data lives in the dataset.
#[derive(Debug, Clone, Copy)]
enum Source {
    Event(u32),
    Figure(u32),
    Membership(u32),
    Period(u32),
}

struct Record {
    source: Source,
    kind: RecordKind,
    date: Option<DateSpec>,
    themes: u16,
}

/// What a name word (of a partner, theme or kind) stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Named {
    Partner(u16),
    Theme(u8),
    Kind(u8),
}

/// A query word's matches, split by how they rank.
#[derive(Clone)]
struct WordMatch {
    any: Bits,
    /// In a title or a partner name.
    name_or_title: Bits,
    title: Bits,
    /// The whole word, not only a prefix of it.
    exact: Bits,
}

impl WordMatch {
    fn score(&self, r: usize) -> u8 {
        2 + 2 * u8::from(self.name_or_title.has(r)) + 2 * u8::from(self.title.has(r)) + u8::from(self.exact.has(r))
    }
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
    /// Partners of record `r`: `record_partners[partner_offsets[r]..partner_offsets[r + 1]]`.
    partner_offsets: Vec<u32>,
    record_partners: Vec<u16>,
    /// The words of the records, made on the first search (or when
    /// `prepare_search` asks): a card's first view needs none of it.
    text: OnceCell<TextIndex>,
    /// Sorted words of partner names and aliases, theme and kind labels.
    names: Vec<(String, Named)>,
    by_partner: Vec<Bits>,
    by_theme: Vec<Bits>,
    by_kind: Vec<Bits>,
    by_source: Vec<Bits>,
    disputed: Bits,
    /// Partner slot by code (u32, the type of the word map: one map type less in the wasm).
    partner_codes: FxMap<String, u32>,
}

/// The inverted index of titles, summaries and named places.
struct TextIndex {
    /// Sorted words; a word's position is its id.
    words: Vec<String>,
    /// Postings of word `w`: `postings[offsets[w]..offsets[w + 1]]`, each
    /// `record << 2 | place`, in record order.
    offsets: Vec<u32>,
    postings: Vec<u32>,
    /// Matches of broad prefixes, made once (see `HEAVY_SHARE`).
    heavy: FxMap<String, WordMatch>,
}

impl TextIndex {
    /// Ids of the words starting with `prefix`: `lo..hi`.
    fn word_range(&self, prefix: &str) -> (usize, usize) {
        let lo = self.words.partition_point(|w| w.as_str() < prefix);
        let hi = lo + self.words[lo..].partition_point(|w| w.starts_with(prefix));
        (lo, hi)
    }
}

/// Counts of equal neighbouring keys added up:
/// `[(1990, 1), (1990, 1), (1995, 1)]` → `[(1990, 2), (1995, 1)]`.
fn count_runs(sorted: impl Iterator<Item = (i32, usize)>) -> Vec<(i32, usize)> {
    let mut runs: Vec<(i32, usize)> = Vec::new();
    for (key, n) in sorted {
        match runs.last_mut() {
            Some((last, count)) if *last == key => *count += n,
            _ => runs.push((key, n)),
        }
    }
    runs
}

fn theme_slot(theme: Theme) -> usize {
    Theme::ALL.iter().position(|t| *t == theme).unwrap_or(0)
}

const EVENT_KINDS: [RecordKind; 2] = [RecordKind::Event, RecordKind::Agreement];

fn kind_slot(kind: RecordKind) -> usize {
    RecordKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// A record as collected before sorting.
struct Draft<'a> {
    /// Undated last, then by start and end.
    key: (bool, (i32, u8, u8), (i32, u8, u8)),
    record: Record,
    id: &'a str,
    partners: Vec<u16>,
    sources: Vec<u16>,
}

impl<'a> Draft<'a> {
    fn new(record: Record, id: &'a str, partners: Vec<u16>, sources: Vec<u16>) -> Self {
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
        let source_slots: FxMap<&str, u16> = dataset.sources.iter().enumerate().map(|(i, s)| (s.id.as_str(), i as u16)).collect();
        let codes = |list: &[String]| -> Vec<u16> { list.iter().filter_map(|c| partner_codes.get(c).map(|&p| p as u16)).collect() };
        let cited = |list: &[crate::model::Citation]| -> Vec<u16> {
            let mut slots: Vec<u16> = list.iter().filter_map(|c| source_slots.get(c.source.as_str()).copied()).collect();
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
            let texts = std::iter::once(&partner.name).chain(std::iter::once(&partner.code)).chain(&partner.aliases);
            for word in texts.flat_map(|t| text::words(t)) {
                names.push((word, Named::Partner(p as u16)));
            }
        }
        for (t, theme) in Theme::ALL.iter().enumerate() {
            names.extend(text::words(theme.label()).into_iter().map(|w| (w, Named::Theme(t as u8))));
        }
        for (k, kind) in RecordKind::ALL.iter().enumerate() {
            names.extend(text::words(kind.label()).into_iter().map(|w| (w, Named::Kind(k as u8))));
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
        }
    }

    /// Makes the word index now (it is otherwise made by the first search),
    /// so a page can do it while the reader looks at the first view.
    pub fn prepare_search(&self) {
        self.text();
    }

    fn text(&self) -> &TextIndex {
        self.text.get_or_init(|| {
            let (words, offsets, postings) = inverted_index(&self.dataset, &self.records);
            let mut text = TextIndex { words, offsets, postings, heavy: FxMap::default() };
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

    fn partners_of(&self, r: usize) -> &[u16] {
        &self.record_partners[self.partner_offsets[r] as usize..self.partner_offsets[r + 1] as usize]
    }

    /// Caches the matches of every prefix whose postings cover more than one
    /// record in `HEAVY_SHARE`: what a reader types first ("t", "ta") and
    /// words found almost everywhere would otherwise cost a pass over
    /// hundreds of thousands of postings per keystroke.
    fn cache_heavy_prefixes(&self, text: &mut TextIndex) {
        let n = self.records.len();
        if n < HEAVY_MIN_RECORDS {
            return;
        }
        let mut prefixes: Vec<&str> = Vec::new();
        for word in &text.words {
            for (end, _) in word.char_indices().skip(1).chain(std::iter::once((word.len(), ' '))) {
                let prefix = &word[..end];
                let (lo, hi) = text.word_range(prefix);
                if (text.offsets[hi] - text.offsets[lo]) as usize * HEAVY_SHARE > n {
                    prefixes.push(prefix);
                } else {
                    // Longer prefixes only match fewer postings.
                    break;
                }
            }
        }
        sort_by(&mut prefixes, &|a, b| a.cmp(b));
        prefixes.dedup();
        let found: Vec<(String, WordMatch)> = prefixes.into_iter().map(|p| (p.to_string(), self.scan_word(text, p))).collect();
        text.heavy.extend(found);
    }

    /// Everything a query word matches, by walking its postings and names.
    fn scan_word(&self, text: &TextIndex, word: &str) -> WordMatch {
        let n = self.records.len();
        let mut found = WordMatch { any: Bits::empty(n), name_or_title: Bits::empty(n), title: Bits::empty(n), exact: Bits::empty(n) };
        let (lo, hi) = text.word_range(word);
        for w in lo..hi {
            let exact = text.words[w] == word;
            for &posting in &text.postings[text.offsets[w] as usize..text.offsets[w + 1] as usize] {
                let r = (posting >> 2) as usize;
                found.any.set(r);
                if posting & 3 == u32::from(IN_TITLE) {
                    found.title.set(r);
                    found.name_or_title.set(r);
                }
                if exact {
                    found.exact.set(r);
                }
            }
        }
        let first = self.names.partition_point(|(w, _)| w.as_str() < word);
        for (name, named) in self.names[first..].iter().take_while(|(w, _)| w.starts_with(word)) {
            let bits = match *named {
                Named::Partner(p) => &self.by_partner[usize::from(p)],
                Named::Theme(t) => &self.by_theme[usize::from(t)],
                Named::Kind(k) => &self.by_kind[usize::from(k)],
            };
            found.any.or(bits);
            if matches!(named, Named::Partner(_)) {
                found.name_or_title.or(bits);
            }
            if name == word {
                found.exact.or(bits);
            }
        }
        found
    }

    /// Bytes held by the index itself, beyond the dataset it owns.
    pub fn index_bytes(&self) -> usize {
        let bits = |list: &[Bits]| list.iter().map(Bits::bytes).sum::<usize>();
        let text = self.text();
        text.postings.len() * 4
            + text.offsets.len() * 4
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
        let n = self.records.len();
        let mut result: Option<Bits> = None;
        if !query.partners.is_empty() {
            let mut bits = Bits::empty(n);
            for code in &query.partners {
                if let Some(&p) = self.partner_codes.get(code) {
                    bits.or(&self.by_partner[p as usize]);
                }
            }
            result = Some(bits);
        }
        if let Some(region) = &query.region {
            let mut in_region = Bits::empty(n);
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

    /// The records in any of the `slots` of `table`; `None` when no slot is asked for.
    fn any_of(&self, table: &[Bits], slots: impl ExactSizeIterator<Item = usize>) -> Option<Bits> {
        if slots.len() == 0 {
            return None;
        }
        let mut bits = Bits::empty(self.records.len());
        for slot in slots {
            bits.or(&table[slot]);
        }
        Some(bits)
    }

    fn theme_filter(&self, query: &Query) -> Option<Bits> {
        self.any_of(&self.by_theme, query.themes.iter().map(|t| theme_slot(*t)))
    }

    fn kind_filter(&self, query: &Query) -> Option<Bits> {
        self.any_of(&self.by_kind, query.kinds.iter().map(|k| kind_slot(*k)))
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

    /// Keeps the records whose years overlap the query's range. Applied to
    /// the candidates last, so it touches only what the other filters left.
    fn apply_years(&self, query: &Query, bits: &mut Bits) {
        if query.from.is_none() && query.to.is_none() {
            return;
        }
        let from = query.from.unwrap_or(i32::MIN);
        let to = query.to.unwrap_or(i32::MAX);
        // Records are in start order: none from the first that starts past `to`.
        let end = self.start_years.partition_point(|&year| year <= to);
        bits.clear_from(end);
        let late: Vec<usize> = bits.iter_asc().filter(|&r| self.end_years[r] < from).collect();
        for r in late {
            bits.clear(r);
        }
    }

    /// The matches of each query word, in query order, and their intersection.
    fn text_match(&self, words: &[String]) -> Option<(Bits, Vec<Cow<'_, WordMatch>>)> {
        let text = self.text();
        let matches: Vec<Cow<WordMatch>> = words
            .iter()
            .map(|word| match text.heavy.get(word.as_str()) {
                Some(cached) => Cow::Borrowed(cached),
                None => Cow::Owned(self.scan_word(text, word)),
            })
            .collect();
        let (first, rest) = matches.split_first()?;
        let mut all = first.any.clone();
        for found in rest {
            all.and(&found.any);
        }
        Some((all, matches))
    }

    /// Every narrowing of a query but its years, in a fixed order that
    /// facets rely on: partners, themes, kinds, the rest, then the text.
    fn narrowing(&self, query: &Query, text: Option<Bits>) -> [Option<Bits>; 5] {
        [self.partner_filter(query), self.theme_filter(query), self.kind_filter(query), self.other_filters(query), text]
    }

    /// The records matching the query's words, when it has any.
    fn text_filter(&self, query: &Query) -> Option<Bits> {
        self.text_match(&text::query_words(&query.text)).map(|(bits, _)| bits)
    }

    fn combine(&self, parts: impl IntoIterator<Item = Option<Bits>>) -> Bits {
        let mut result = Bits::full(self.records.len());
        for bits in parts.into_iter().flatten() {
            result.and(&bits);
        }
        result
    }

    /// The records matching a query, sorted and paged.
    pub fn search(&self, query: &Query) -> Result<Answer, QueryError> {
        self.search_in(query, &crate::view::catalogue::EN)
    }

    /// The same, with dates and values written in the catalogue's language.
    pub fn search_in(&self, query: &Query, m: &Messages) -> Result<Answer, QueryError> {
        self.check(query)?;
        let words = text::query_words(&query.text);
        let text = self.text_match(&words);
        let (text_bits, word_matches) = match text {
            Some((bits, matches)) => (Some(bits), matches),
            None => (None, Vec::new()),
        };
        let mut matched = self.combine(self.narrowing(query, text_bits));
        self.apply_years(query, &mut matched);
        let total = matched.count();
        let limit = query.limit.unwrap_or(usize::MAX);
        let page: Vec<usize> = if query.sort == Sort::Relevance && !word_matches.is_empty() {
            self.rank(&matched, total, &word_matches, query.offset, limit)
        } else if query.sort == Sort::Date {
            matched.iter_asc().skip(query.offset).take(limit).collect()
        } else {
            // Newest first, undated records last.
            let dated = self.dated;
            matched
                .iter_desc()
                .filter(|&r| r < dated)
                .chain(matched.iter_asc().filter(|&r| r >= dated))
                .skip(query.offset)
                .take(limit)
                .collect()
        };
        Ok(Answer { total, hits: page.into_iter().map(|r| self.hit(r, m)).collect() })
    }

    /// Best text match first; among equals, newest first. Few matches are
    /// scored one by one; many are ranked with bitsets.
    fn rank(&self, matched: &Bits, total: usize, words: &[Cow<WordMatch>], offset: usize, limit: usize) -> Vec<usize> {
        let wanted = offset.saturating_add(limit).min(total);
        if wanted == 0 {
            return Vec::new();
        }
        if total > SCORE_DIRECTLY_UP_TO {
            return if words.len() == 1 {
                self.rank_one_word(matched, &words[0], offset, limit)
            } else {
                self.rank_by_slices(matched, words, offset, limit)
            };
        }
        // Score every match; scores are small, so count them, find the lowest
        // score that reaches the page, and sort only the records above it.
        let scores: Vec<(u8, usize)> =
            matched.iter_asc().map(|r| (words.iter().fold(0u8, |s, w| s.saturating_add(w.score(r))), r)).collect();
        let mut histogram = [0usize; 256];
        for &(score, _) in &scores {
            histogram[usize::from(score)] += 1;
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
        let mut ranked: Vec<(u8, usize)> = scores.into_iter().filter(|&(score, _)| score >= threshold).collect();
        sort_by_key(&mut ranked, &|&(score, r)| (std::cmp::Reverse(score), std::cmp::Reverse(self.date_rank(r))));
        ranked.into_iter().skip(offset).take(limit).map(|(_, r)| r).collect()
    }

    /// Ranks many matches of one word by walking its six score levels with
    /// bitsets, from the top, newest first within a level.
    fn rank_one_word(&self, matched: &Bits, word: &WordMatch, offset: usize, limit: usize) -> Vec<usize> {
        let levels = [
            (true, true, true),
            (true, true, false),
            (false, true, true),
            (false, true, false),
            (false, false, true),
            (false, false, false),
        ]
        .into_iter()
        .map(|(title, name, exact)| {
            let mut level = matched.clone();
            level.and_maybe_not(&word.title, title);
            level.and_maybe_not(&word.name_or_title, name);
            level.and_maybe_not(&word.exact, exact);
            level
        });
        self.page_from_levels(levels, offset, limit)
    }

    /// Reads a page off score levels given best first, newest first within
    /// a level; levels past the page are never computed.
    fn page_from_levels(&self, levels: impl Iterator<Item = Bits>, offset: usize, limit: usize) -> Vec<usize> {
        let mut page = Vec::new();
        let mut skip = offset;
        for level in levels {
            let count = level.count();
            if skip >= count {
                skip -= count;
                continue;
            }
            page.extend(self.newest_first(&level).skip(skip).take(limit - page.len()));
            skip = 0;
            if page.len() >= limit {
                break;
            }
        }
        page
    }

    /// Ranks many matches without touching them one by one: every record's
    /// score is kept bit-sliced (bit `i` of all scores in one bitset), words
    /// are added with carries, and the page is read off the score levels
    /// from the top, newest first within a level.
    fn rank_by_slices(&self, matched: &Bits, words: &[Cow<WordMatch>], offset: usize, limit: usize) -> Vec<usize> {
        // A word scores 2 to 7: bit 0 whole word, bit 1 unless only a
        // partner name matched, bit 2 for a title or a partner name.
        let mut slices: Vec<Bits> = Vec::new();
        for word in words {
            let mut not_name_only = word.name_or_title.clone();
            not_name_only.and_maybe_not(&word.title, false);
            not_name_only.invert();
            let addend = [&word.exact, &not_name_only, &word.name_or_title];
            let mut carry: Option<Bits> = None;
            for i in 0..addend.len().max(slices.len()) + 1 {
                let add = addend.get(i).copied();
                if i == slices.len() {
                    if add.is_none() && carry.is_none() {
                        break;
                    }
                    slices.push(Bits::empty(self.records.len()));
                }
                let (sum, next) = slices[i].add_with_carry(add, carry.as_ref());
                slices[i] = sum;
                carry = next;
            }
        }
        let top = (1usize << slices.len()) - 1;
        let levels = (0..=top).rev().map(|score| {
            let mut level = matched.clone();
            for (i, slice) in slices.iter().enumerate() {
                level.and_maybe_not(slice, score >> i & 1 == 1);
            }
            level
        });
        self.page_from_levels(levels, offset, limit)
    }

    fn newest_first<'a>(&self, bits: &'a Bits) -> impl Iterator<Item = usize> + 'a {
        let dated = self.dated;
        bits.iter_desc().filter(move |&r| r < dated).chain(bits.iter_asc().filter(move |&r| r >= dated))
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
        let filters = self.narrowing(query, self.text_filter(query));
        let without = |skip: Option<usize>, years: bool| {
            let mut bits = self.combine(filters.iter().enumerate().filter(|(i, _)| Some(*i) != skip).map(|(_, b)| b.clone()));
            if years {
                self.apply_years(query, &mut bits);
            }
            bits
        };

        let base = without(Some(0), true);
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
        sort_by(&mut partners, &|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));

        let base = without(Some(1), true);
        let themes = Theme::ALL
            .iter()
            .enumerate()
            .map(|(t, theme)| Count { key: *theme, label: theme.label().to_string(), count: base.count_and(&self.by_theme[t]) })
            .filter(|c| c.count > 0)
            .collect();

        let base = without(Some(2), true);
        let kinds = RecordKind::ALL
            .iter()
            .enumerate()
            .map(|(k, kind)| Count { key: *kind, label: kind.label().to_string(), count: base.count_and(&self.by_kind[k]) })
            .filter(|c| c.count > 0)
            .collect();

        let base = without(None, false);
        // Dated records are in date order, so their start years come sorted.
        let by_year = count_runs(base.iter_asc().take_while(|&r| r < self.dated).map(|r| (self.start_years[r], 1)));
        let by_decade = count_runs(by_year.iter().map(|&(year, count)| (year.div_euclid(10) * 10, count)));
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
        let bucket_years = bucket_years.clamp(1, 1000);
        let base = self.combine(self.narrowing(query, self.text_filter(query)));
        let mut years: Vec<i32> = Vec::new();
        let mut undated = 0;
        for r in base.iter_asc() {
            if r < self.dated {
                years.push(self.start_years[r]);
            } else {
                undated += 1;
            }
        }
        let mut buckets = Vec::new();
        if let (Some(&first), Some(&last)) = (years.first(), years.last()) {
            let step = bucket_years as i32;
            let mut from = first - first.rem_euclid(step);
            let mut i = 0;
            while from <= last {
                let to = from + step - 1;
                let start = i;
                while i < years.len() && years[i] <= to {
                    i += 1;
                }
                buckets.push(TimelineBucket { from, to, count: i - start });
                from += step;
            }
        }
        Ok(Timeline { bucket_years, buckets, undated })
    }

    /// The tone of the period (among `periods`) that ends last.
    fn latest_tone(&self, periods: &[usize]) -> Option<Tone> {
        let ends = |r: usize| (self.records[r].date.map(|d| d.sort_key().1), r);
        periods.iter().copied().max_by_key(|&r| ends(r)).and_then(|r| match self.records[r].source {
            Source::Period(i) => Some(self.dataset.periods[i as usize].tone),
            _ => None,
        })
    }

    /// How many events a partner has, their span of years and its latest
    /// tone, from the bitsets and year arrays alone.
    pub fn partner_glance(&self, code: &str) -> Result<PartnerGlance, QueryError> {
        let p = self.partner_codes.get(code).map(|&p| p as u16).ok_or_else(|| QueryError::UnknownPartner(code.to_string()))?;
        let with = &self.by_partner[usize::from(p)];
        let mut events = self.by_kind[kind_slot(RecordKind::Event)].clone();
        events.or(&self.by_kind[kind_slot(RecordKind::Agreement)]);
        events.and(with);
        let dated: Vec<usize> = events.iter_asc().take_while(|&r| r < self.dated).collect();
        let mut periods = with.clone();
        periods.and(&self.by_kind[kind_slot(RecordKind::Period)]);
        let periods: Vec<usize> = periods.iter_asc().collect();
        Ok(PartnerGlance {
            event_count: events.count(),
            first_year: dated.first().map(|&r| self.start_years[r]),
            last_year: dated.iter().map(|&r| self.end_years[r]).max(),
            current_tone: self.latest_tone(&periods),
        })
    }

    /// One partner at a glance.
    pub fn partner_summary(&self, code: &str) -> Result<PartnerSummary, QueryError> {
        self.partner_summary_in(code, &crate::view::catalogue::EN)
    }

    /// The same, with dates and values written in the catalogue's language.
    pub fn partner_summary_in(&self, code: &str, m: &Messages) -> Result<PartnerSummary, QueryError> {
        let p = self.partner_codes.get(code).map(|&p| p as u16).ok_or_else(|| QueryError::UnknownPartner(code.to_string()))?;
        let partner = &self.dataset.partners[usize::from(p)];
        let with = &self.by_partner[usize::from(p)];
        let of_kind = |kinds: &[RecordKind]| -> Vec<usize> { with.iter_asc().filter(|&r| kinds.contains(&self.records[r].kind)).collect() };
        let ends = |r: usize| (self.records[r].date.map(|d| d.sort_key().1), r);
        let events = of_kind(&EVENT_KINDS);
        let periods = of_kind(&[RecordKind::Period]);
        let current_tone = self.latest_tone(&periods);

        let member_of: FxSet<&str> = self.dataset.memberships.iter().map(|m| m.organisation.as_str()).collect();
        // Events named with each partner slot.
        let mut shared = vec![0usize; self.dataset.partners.len()];
        for &r in &events {
            for &q in self.partners_of(r) {
                let other = &self.dataset.partners[usize::from(q)];
                if q != p && other.kind == PartnerKind::Organisation && member_of.contains(other.code.as_str()) {
                    shared[usize::from(q)] += 1;
                }
            }
        }
        let mut shared_organisations: Vec<Count<String>> = shared
            .into_iter()
            .enumerate()
            .filter(|&(_, count)| count > 0)
            .map(|(q, count)| {
                let org = &self.dataset.partners[q];
                Count { key: org.code.clone(), label: org.name.clone(), count }
            })
            .collect();
        sort_by(&mut shared_organisations, &|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));

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
        sort_by(&mut events_by_theme, &|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));

        Ok(PartnerSummary {
            code: partner.code.clone(),
            name: partner.name.clone(),
            kind: partner.kind,
            region: partner.region.clone(),
            aliases: partner.aliases.clone(),
            event_count: events.len(),
            first_contact: events.first().map(|&r| self.hit(r, m)),
            // The event that ends last.
            latest_contact: events.iter().copied().max_by_key(|&r| ends(r)).map(|r| self.hit(r, m)),
            periods: periods.into_iter().map(|r| self.hit(r, m)).collect(),
            current_tone,
            figures: of_kind(&[RecordKind::Figure]).into_iter().map(|r| self.hit(r, m)).collect(),
            membership: of_kind(&[RecordKind::Membership]).first().map(|&r| self.hit(r, m)),
            shared_organisations,
            events_by_theme,
        })
    }

    fn hit(&self, r: usize, m: &Messages) -> Hit {
        let record = &self.records[r];
        let ds = &self.dataset;
        let (title, summary) = shown_text(ds, record, m);
        let (id, citations, value, tone, as_of) = match record.source {
            Source::Event(i) => {
                let e = &ds.events[i as usize];
                (&e.id, &e.sources, None, None, e.as_of)
            }
            Source::Figure(i) => {
                let f = &ds.figures[i as usize];
                (&f.id, &f.sources, Some(quantity_label_in(&f.value, &f.unit, m)), None, f.as_of)
            }
            Source::Membership(i) => {
                let m = &ds.memberships[i as usize];
                (&m.id, &m.sources, None, None, None)
            }
            Source::Period(i) => {
                let p = &ds.periods[i as usize];
                (&p.id, &p.sources, None, Some(p.tone), None)
            }
        };
        let partners = self.partners_of(r);
        Hit {
            disputed: self.disputed.has(r),
            id: id.clone(),
            kind: record.kind,
            date: record.date.map(|d| d.to_string()).unwrap_or_default(),
            date_label: record.date.map_or_else(|| m.date_unknown.to_string(), |d| d.label_in(&m.months, m.circa)),
            partners: partners.iter().map(|&p| ds.partners[usize::from(p)].code.clone()).collect(),
            partner_names: partners.iter().map(|&p| ds.partners[usize::from(p)].name.clone()).collect(),
            themes: Theme::ALL.iter().enumerate().filter(|(t, _)| record.themes >> t & 1 == 1).map(|(_, t)| *t).collect(),
            title: title.into_owned(),
            summary: summary.into_owned(),
            value,
            tone,
            as_of: as_of.map(|d| d.label_in(&m.months, m.circa)),
            sources: SourceRef::resolve_in(ds, citations, m),
        }
    }
}

/// Builds the inverted index of titles, summaries and mentioned places:
/// sorted words, offsets into postings, and postings in record order.
fn inverted_index(dataset: &Dataset, records: &[Record]) -> (Vec<String>, Vec<u32>, Vec<u32>) {
    struct Words {
        ids: FxMap<String, u32>,
        spelled: Vec<String>,
        lists: Vec<Vec<u32>>,
    }
    impl Words {
        fn id(&mut self, word: &str) -> u32 {
            if let Some(&id) = self.ids.get(word) {
                return id;
            }
            let id = self.spelled.len() as u32;
            self.ids.insert(word.to_string(), id);
            self.spelled.push(word.to_string());
            self.lists.push(Vec::new());
            id
        }

        fn ids_of(&mut self, text: &str, buffer: &mut String, out: &mut Vec<u32>) {
            out.clear();
            text::for_each_word(text, buffer, |word| out.push(self.id(word)));
        }
    }
    let mut vocabulary = Words { ids: FxMap::default(), spelled: Vec::new(), lists: Vec::new() };
    let mut buffer = String::new();
    // Each place: the word runs that name it, and all its spellings' words.
    let places: Vec<(Vec<Vec<u32>>, Vec<u32>)> = dataset
        .places
        .iter()
        .map(|place| {
            let mut runs = Vec::new();
            for name in std::iter::once(&place.name).chain(&place.aliases) {
                let mut run = Vec::new();
                vocabulary.ids_of(name, &mut buffer, &mut run);
                if !run.is_empty() {
                    runs.push(run);
                }
            }
            let spellings = runs.iter().flatten().copied().collect();
            (runs, spellings)
        })
        .collect();

    // Where a place's name can start: its runs by first word, so a record's
    // words are walked once whatever the number of places.
    let mut runs_by_first: FxMap<u32, Vec<(usize, &[u32])>> = FxMap::default();
    for (p, (runs, _)) in places.iter().enumerate() {
        for run in runs {
            runs_by_first.entry(run[0]).or_default().push((p, run.as_slice()));
        }
    }
    let mut named = vec![false; places.len()];
    let mut title_ids = Vec::new();
    let mut summary_ids = Vec::new();
    // The last record each word was posted for: one posting per word and
    // record, and since titles go first, the strongest place wins.
    let mut posted_for: Vec<u32> = Vec::new();
    for (r, record) in records.iter().enumerate() {
        let (title, summary) = record_text(dataset, record);
        vocabulary.ids_of(&title, &mut buffer, &mut title_ids);
        vocabulary.ids_of(&summary, &mut buffer, &mut summary_ids);
        posted_for.resize(vocabulary.lists.len(), u32::MAX);
        let r = r as u32;
        let mut post = |words: &[u32], place: u8| {
            for &w in words {
                if posted_for[w as usize] != r {
                    posted_for[w as usize] = r;
                    vocabulary.lists[w as usize].push(r << 2 | u32::from(place));
                }
            }
        };
        post(&title_ids, IN_TITLE);
        post(&summary_ids, IN_TEXT);
        if !runs_by_first.is_empty() {
            named.fill(false);
            for words in [&title_ids, &summary_ids] {
                for (i, w) in words.iter().enumerate() {
                    for (p, run) in runs_by_first.get(w).map_or(&[][..], Vec::as_slice) {
                        if words[i..].starts_with(run) {
                            named[*p] = true;
                        }
                    }
                }
            }
            for (p, (_, spellings)) in places.iter().enumerate() {
                if named[p] {
                    post(spellings, IN_TEXT);
                }
            }
        }
    }
    let Words { spelled, lists, .. } = vocabulary;
    let mut order: Vec<usize> = (0..spelled.len()).collect();
    sort_by(&mut order, &|&a, &b| spelled[a].cmp(&spelled[b]));
    let mut words = Vec::with_capacity(order.len());
    let mut offsets = Vec::with_capacity(order.len() + 1);
    let mut postings = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    offsets.push(0u32);
    let mut spelled = spelled;
    for w in order {
        words.push(std::mem::take(&mut spelled[w]));
        postings.extend_from_slice(&lists[w]);
        offsets.push(postings.len() as u32);
    }
    (words, offsets, postings)
}

/// Title and summary as a reader sees them, in the catalogue's language
/// where the card writes them: a figure's value, a membership's sentences.
fn shown_text<'a>(ds: &'a Dataset, record: &Record, m: &Messages) -> (Cow<'a, str>, Cow<'a, str>) {
    use crate::view::catalogue::fill;
    match record.source {
        Source::Figure(i) => {
            let f = &ds.figures[i as usize];
            let value = quantity_label_in(&f.value, &f.unit, m);
            let summary = if f.summary.is_empty() { value } else { format!("{value}. {}", f.summary) };
            (Cow::Borrowed(&f.title), Cow::Owned(summary))
        }
        Source::Membership(i) => {
            let membership = &ds.memberships[i as usize];
            let name = ds.partner(&membership.organisation).map_or(membership.organisation.as_str(), |p| p.name.as_str());
            let subject = ds.subject.name.as_str();
            let summary = match membership.joined {
                Some(date) => fill(m.joined, &[("subject", subject), ("name", name), ("date", &date.label_in(&m.months, m.circa))]),
                None => fill(m.member_since_unknown, &[("subject", subject), ("name", name)]),
            };
            (Cow::Owned(fill(m.member_of, &[("name", name)])), Cow::Owned(summary))
        }
        Source::Event(_) | Source::Period(_) => record_text(ds, record),
    }
}

/// Title and summary as the search index reads them (in English, as the
/// built-in dataset's own text is); memberships have none in the data, so
/// they are written here.
fn record_text<'a>(ds: &'a Dataset, record: &Record) -> (Cow<'a, str>, Cow<'a, str>) {
    match record.source {
        Source::Event(i) => {
            let e = &ds.events[i as usize];
            (Cow::Borrowed(&e.title), Cow::Borrowed(&e.summary))
        }
        Source::Figure(i) => {
            let f = &ds.figures[i as usize];
            let value = quantity_label(&f.value, &f.unit);
            let summary = if f.summary.is_empty() { value } else { format!("{value}. {}", f.summary) };
            (Cow::Borrowed(&f.title), Cow::Owned(summary))
        }
        Source::Membership(i) => {
            let m = &ds.memberships[i as usize];
            let name = ds.partner(&m.organisation).map_or(m.organisation.as_str(), |p| p.name.as_str());
            let summary = match m.joined {
                Some(date) => format!("{} joined {name} in {}.", ds.subject.name, date.label()),
                None => format!("{} is a member of {name}; the sources give no joining date.", ds.subject.name),
            };
            (Cow::Owned(format!("Member of {name}")), Cow::Owned(summary))
        }
        Source::Period(i) => {
            let p = &ds.periods[i as usize];
            (Cow::Borrowed(&p.title), Cow::Borrowed(&p.summary))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bitset rankings used for many matches agree with scoring each
    /// match, on a synthetic dataset large enough to take both paths.
    #[test]
    fn a_partner_glance_agrees_with_its_summary() {
        let index = Index::new(crate::builtin());
        for partner in &index.dataset().partners {
            let glance = index.partner_glance(&partner.code).unwrap();
            let summary = index.partner_summary(&partner.code).unwrap();
            assert_eq!(glance.event_count, summary.event_count, "{}", partner.code);
            assert_eq!(glance.current_tone, summary.current_tone, "{}", partner.code);
            let first: Option<DateSpec> = summary.first_contact.as_ref().and_then(|h| h.date.parse().ok());
            assert_eq!(glance.first_year, first.map(|d| d.years().0), "{}", partner.code);
        }
        assert!(index.partner_glance("ZZ").is_err());
    }

    #[test]
    fn bitset_ranking_equals_direct_scoring() {
        let index = Index::new(crate::synth::dataset(3, 6000));
        for text in ["talks", "tajikistan talks", "ta", "according tajikistan", "e", "power line", "s e"] {
            let words = text::query_words(text);
            let (matched, found) = index.text_match(&words).unwrap();
            let total = matched.count();
            let direct = {
                let mut scored: Vec<(u8, usize)> = matched.iter_asc().map(|r| (found.iter().map(|w| w.score(r)).sum::<u8>(), r)).collect();
                sort_by_key(&mut scored, &|&(score, r)| (std::cmp::Reverse(score), std::cmp::Reverse(index.date_rank(r))));
                scored.into_iter().map(|(_, r)| r).collect::<Vec<_>>()
            };
            for (offset, limit) in [(0, 20), (15, 40), (0, usize::MAX)] {
                let want: Vec<usize> = direct.iter().copied().skip(offset).take(limit).collect();
                assert_eq!(index.rank_by_slices(&matched, &found, offset, limit), want, "{text} {offset} {limit}");
                if found.len() == 1 {
                    assert_eq!(index.rank_one_word(&matched, &found[0], offset, limit), want, "{text}");
                }
            }
            assert!(total > 0, "{text}");
        }
    }
}
