//! The words of the records: an inverted index of titles, summaries and the
//! places they name, built on the first search, and what one query word
//! matches. Partner names, theme and kind words are matched by bitset.

use std::borrow::Cow;

use crate::hashing::FxMap;
use crate::sorting::sort_by;

use super::bits::Bits;
use super::index::{Index, Record, Source};
use super::Query;
use crate::model::{Dataset, Text};
use crate::text;

/// Where a word stands in a record, kept in the low bits of each posting.
/// (A partner name ranks between the two; it is matched by bitset.)
pub(super) const IN_TEXT: u8 = 1;
pub(super) const IN_TITLE: u8 = 3;

/// Words and prefixes whose postings cover more than one record in this
/// many are matched from bitsets made at build time.
pub(super) const HEAVY_SHARE: usize = 8;
/// Below this many records nothing is worth caching.
pub(super) const HEAVY_MIN_RECORDS: usize = 4096;

/// What a name word (of a partner, theme or kind) stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Named {
    Partner(u16),
    Theme(u8),
    Kind(u8),
}

/// A query word's matches, split by how they rank.
#[derive(Clone)]
pub(super) struct WordMatch {
    pub(super) any: Bits,
    /// In a title or a partner name.
    pub(super) name_or_title: Bits,
    pub(super) title: Bits,
    /// The whole word, not only a prefix of it.
    pub(super) exact: Bits,
}

impl WordMatch {
    /// For keeping: a ranking set that says nothing is kept as a set of no
    /// length: titles or whole words when there are none (most broad
    /// prefixes are no whole word), names or titles when no name matches
    /// (they are the titles then). A cached prefix's four sets of 100,000
    /// records were 50 KB.
    fn compacted(mut self) -> WordMatch {
        if self.name_or_title == self.title {
            self.name_or_title = Bits::empty(0);
        }
        for bits in [&mut self.title, &mut self.exact] {
            if bits.count() == 0 {
                *bits = Bits::empty(0);
            }
        }
        self
    }

    /// A kept match as `scan_word` made it, over `n` records.
    fn restored(&self, n: usize) -> Cow<'_, WordMatch> {
        let full = self.any.bytes();
        if [&self.name_or_title, &self.title, &self.exact].iter().all(|bits| bits.bytes() == full) {
            return Cow::Borrowed(self);
        }
        let whole = |bits: &Bits| if bits.bytes() == full { bits.clone() } else { Bits::empty(n) };
        let title = whole(&self.title);
        Cow::Owned(WordMatch {
            any: self.any.clone(),
            name_or_title: if self.name_or_title.bytes() == full { self.name_or_title.clone() } else { title.clone() },
            title,
            exact: whole(&self.exact),
        })
    }

    pub(super) fn score(&self, r: usize) -> u8 {
        2 + 2 * u8::from(self.name_or_title.has(r)) + 2 * u8::from(self.title.has(r)) + u8::from(self.exact.has(r))
    }
}

/// The inverted index of titles, summaries and named places.
pub(super) struct TextIndex {
    /// Sorted words; a word's position is its id.
    pub(super) words: Vec<String>,
    /// Postings of word `w`: the bytes `postings[offsets[w]..offsets[w + 1]]`,
    /// each posting `record << 2 | place`, in record order, written as its
    /// gap from the one before in LEB128 (seven bits a byte): a posting only
    /// grows along a list, so most take one or two bytes, not four (100,000
    /// events: 10 MB as `u32`s).
    pub(super) offsets: Vec<u32>,
    pub(super) postings: Vec<u8>,
    /// How many postings the words before `w` have: `counts[w]`.
    pub(super) counts: Vec<u32>,
    /// Matches of broad prefixes, made once (see `HEAVY_SHARE`).
    pub(super) heavy: FxMap<String, WordMatch>,
}

/// One word's postings as they are collected, already written as gaps
/// (held as `u32`s until the end, they were the largest part of making the
/// word index: 13 MB for 100,000 events).
#[derive(Default)]
struct PostingList {
    bytes: Vec<u8>,
    last: u32,
    count: u32,
}

impl PostingList {
    /// Adds a posting, which must not be less than the last one.
    fn push(&mut self, posting: u32) {
        let mut gap = posting - self.last;
        self.last = posting;
        self.count += 1;
        while gap >= 0x80 {
            self.bytes.push((gap & 0x7f) as u8 | 0x80);
            gap >>= 7;
        }
        self.bytes.push(gap as u8);
    }
}

/// Calls `visit` with each posting a `PostingList` wrote into `bytes`, in
/// order. One plain loop, inlined where it is used: making the cache of
/// broad prefixes reads tens of millions of postings.
#[inline(always)]
fn each_posting(bytes: &[u8], mut visit: impl FnMut(u32)) {
    let (mut previous, mut gap, mut shift) = (0u32, 0u32, 0);
    for &byte in bytes {
        gap |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            previous += gap;
            visit(previous);
            (gap, shift) = (0, 0);
        } else {
            shift += 7;
        }
    }
}

impl TextIndex {
    /// The written postings of word `w` (see `each_posting`).
    pub(super) fn postings_of(&self, w: usize) -> &[u8] {
        &self.postings[self.offsets[w] as usize..self.offsets[w + 1] as usize]
    }

    /// Ids of the words starting with `prefix`: `lo..hi`.
    pub(super) fn word_range(&self, prefix: &str) -> (usize, usize) {
        let lo = self.words.partition_point(|w| w.as_str() < prefix);
        let hi = lo + self.words[lo..].partition_point(|w| w.starts_with(prefix));
        (lo, hi)
    }
}

impl Index {
    /// Caches the matches of every prefix whose postings cover more than one
    /// record in `HEAVY_SHARE`: what a reader types first ("t", "ta") and
    /// words found almost everywhere would otherwise cost a pass over
    /// hundreds of thousands of postings per keystroke.
    pub(super) fn cache_heavy_prefixes(&self, text: &mut TextIndex) {
        let n = self.records.len();
        if n < HEAVY_MIN_RECORDS {
            return;
        }
        let mut prefixes: Vec<&str> = Vec::new();
        for word in &text.words {
            for (end, _) in word.char_indices().skip(1).chain(std::iter::once((word.len(), ' '))) {
                let prefix = &word[..end];
                let (lo, hi) = text.word_range(prefix);
                if (text.counts[hi] - text.counts[lo]) as usize * HEAVY_SHARE > n {
                    prefixes.push(prefix);
                } else {
                    // Longer prefixes only match fewer postings.
                    break;
                }
            }
        }
        sort_by(&mut prefixes, &|a, b| a.cmp(b));
        prefixes.dedup();
        let found: Vec<(String, WordMatch)> = prefixes.into_iter().map(|p| (p.to_string(), self.scan_word(text, p).compacted())).collect();
        text.heavy.extend(found);
    }

    /// Everything a query word matches, by walking its postings and names.
    pub(super) fn scan_word(&self, text: &TextIndex, word: &str) -> WordMatch {
        let n = self.records.len();
        let mut found = WordMatch { any: Bits::empty(n), name_or_title: Bits::empty(n), title: Bits::empty(n), exact: Bits::empty(n) };
        let (lo, hi) = text.word_range(word);
        for w in lo..hi {
            let exact = text.words[w] == word;
            each_posting(text.postings_of(w), |posting| {
                let r = (posting >> 2) as usize;
                found.any.set(r);
                if posting & 3 == u32::from(IN_TITLE) {
                    found.title.set(r);
                    found.name_or_title.set(r);
                }
                if exact {
                    found.exact.set(r);
                }
            });
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

    /// The matches of each query word, in query order, and their intersection.
    pub(super) fn text_match(&self, words: &[String]) -> Option<(Bits, Vec<Cow<'_, WordMatch>>)> {
        let text = self.text();
        let matches: Vec<Cow<WordMatch>> = words
            .iter()
            .map(|word| match text.heavy.get(word.as_str()) {
                Some(cached) => cached.restored(self.records.len()),
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

    /// The records matching the query's words, when it has any.
    pub(super) fn text_filter(&self, query: &Query) -> Option<Bits> {
        self.text_match(&text::query_words(&query.text)).map(|(bits, _)| bits)
    }
}

/// Builds the inverted index of titles, summaries and mentioned places
/// (its matches of broad prefixes left to `cache_heavy_prefixes`).
pub(super) fn inverted_index(dataset: &Dataset, records: &[Record]) -> TextIndex {
    struct Words {
        ids: FxMap<String, u32>,
        spelled: Vec<String>,
        lists: Vec<PostingList>,
    }
    impl Words {
        fn id(&mut self, word: &str) -> u32 {
            if let Some(&id) = self.ids.get(word) {
                return id;
            }
            let id = self.spelled.len() as u32;
            self.ids.insert(word.to_string(), id);
            self.spelled.push(word.to_string());
            self.lists.push(PostingList::default());
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
            for name in place.name.forms().chain(place.aliases.iter().map(String::as_str)) {
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
    let (mut own_title_ids, mut own_summary_ids) = (Vec::new(), Vec::new());
    // The last record each word was posted for: one posting per word and
    // record, and since titles go first, the strongest place wins.
    let mut posted_for: Vec<u32> = Vec::new();
    for (r, record) in records.iter().enumerate() {
        let (title, summary) = record_text(dataset, record, true);
        vocabulary.ids_of(&title, &mut buffer, &mut title_ids);
        vocabulary.ids_of(&summary, &mut buffer, &mut summary_ids);
        // Only where places are looked for, and only for a translated record.
        let translated = !runs_by_first.is_empty() && {
            let (own_title, own_summary) = record_text(dataset, record, false);
            let translated = own_title.len() != title.len() || own_summary.len() != summary.len();
            if translated {
                vocabulary.ids_of(&own_title, &mut buffer, &mut own_title_ids);
                vocabulary.ids_of(&own_summary, &mut buffer, &mut own_summary_ids);
            }
            translated
        };
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
            // Places are found in the dataset's own language only: in another,
            // a place's name may be a common word (Tajik "панҷ", the Panj, is
            // also "five"). The words of every language are posted above.
            named.fill(false);
            let own = [&own_title_ids, &own_summary_ids];
            for words in if translated { own } else { [&title_ids, &summary_ids] } {
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
    let mut counts = Vec::with_capacity(order.len() + 1);
    let mut postings = Vec::with_capacity(lists.iter().map(|list| list.bytes.len()).sum());
    offsets.push(0u32);
    counts.push(0u32);
    let mut spelled = spelled;
    for w in order {
        words.push(std::mem::take(&mut spelled[w]));
        postings.extend_from_slice(&lists[w].bytes);
        offsets.push(postings.len() as u32);
        counts.push(counts[counts.len() - 1] + lists[w].count);
    }
    TextIndex { words, offsets, postings, counts, heavy: FxMap::default() }
}

/// The text of a record as the search index reads it, in the dataset's own
/// language or in `every_language` it is given in: a figure's title, unit and
/// summary; a membership has none (it is found by its organisation's names
/// and by its kind).
pub(super) fn record_text<'a>(ds: &'a Dataset, record: &Record, every_language: bool) -> (Cow<'a, str>, Cow<'a, str>) {
    let text = |t: &'a Text| if every_language { every_form(t) } else { Cow::Borrowed(t.as_str()) };
    match record.source {
        Source::Event(i) => {
            let e = &ds.events[i as usize];
            (text(&e.title), text(&e.summary))
        }
        Source::Figure(i) => {
            let f = &ds.figures[i as usize];
            (text(&f.title), Cow::Owned(format!("{}\n{}", text(&f.unit), text(&f.summary))))
        }
        Source::Membership(_) => (Cow::Borrowed(""), Cow::Borrowed("")),
        Source::Period(i) => {
            let p = &ds.periods[i as usize];
            (text(&p.title), text(&p.summary))
        }
    }
}

/// A text in every language the dataset gives it in, one line each: a
/// reader finds a record by any of them ("граница", "сарҳад", "border").
fn every_form(text: &Text) -> Cow<'_, str> {
    if text.languages.is_empty() {
        Cow::Borrowed(&text.own)
    } else {
        Cow::Owned(crate::joining::join(&text.forms().collect::<Vec<_>>(), "\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_come_back_as_they_were_written_in_the_bytes_said() {
        let lists: [&[u32]; 5] =
            [&[], &[0], &[1, 2, 3, 130], &[5, 0x80, 0x4000, 0x20_0000, 0x1000_0000, u32::MAX], &[7, 8, 1 << 20, (1 << 20) + 1]];
        for list in lists {
            let mut written = PostingList::default();
            list.iter().for_each(|&posting| written.push(posting));
            assert_eq!(written.count as usize, list.len());
            let mut read = Vec::new();
            each_posting(&written.bytes, |posting| read.push(posting));
            assert_eq!(read, list);
        }
        // Close postings take a byte each; far ones up to five.
        let bytes = |list: &[u32]| {
            let mut written = PostingList::default();
            list.iter().for_each(|&posting| written.push(posting));
            written.bytes.len()
        };
        assert_eq!((bytes(&[4, 8, 12, 16]), bytes(&[u32::MAX])), (4, 5));
    }

    #[test]
    fn a_kept_match_of_a_broad_prefix_is_the_one_a_scan_makes() {
        let index = Index::new(crate::synth::dataset(5, HEAVY_MIN_RECORDS + 500));
        let text = index.text();
        assert!(text.heavy.len() > 20, "{}", text.heavy.len());
        let mut compacted = 0;
        for (prefix, kept) in &text.heavy {
            let restored = kept.restored(index.len());
            let scanned = index.scan_word(text, prefix);
            let sets = |m: &WordMatch| [m.any.clone(), m.name_or_title.clone(), m.title.clone(), m.exact.clone()];
            assert!(sets(&restored) == sets(&scanned), "{prefix}");
            compacted += usize::from(matches!(restored, Cow::Owned(_)));
        }
        assert!(compacted > 0, "no kept match was compacted");
    }
}
