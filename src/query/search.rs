//! Answering a query: the filters as bitsets, the text match, the page in
//! date order or ranked by how well the words match.

use std::borrow::Cow;

use crate::sorting::sort_by_key;

use super::bits::Bits;
use super::index::{kind_slot, theme_slot, Index};
use super::words::WordMatch;
use super::{Answer, Query, QueryError, RecordId, Sort};
use crate::text;

/// Up to this many matches, ranking scores each match directly.
const SCORE_DIRECTLY_UP_TO: usize = 4096;

impl Index {
    pub(super) fn check(&self, query: &Query) -> Result<(), QueryError> {
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

    pub(super) fn partner_filter(&self, query: &Query) -> Option<Bits> {
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
    pub(super) fn any_of(&self, table: &[Bits], slots: impl ExactSizeIterator<Item = usize>) -> Option<Bits> {
        if slots.len() == 0 {
            return None;
        }
        let mut bits = Bits::empty(self.records.len());
        for slot in slots {
            bits.or(&table[slot]);
        }
        Some(bits)
    }

    pub(super) fn theme_filter(&self, query: &Query) -> Option<Bits> {
        self.any_of(&self.by_theme, query.themes.iter().map(|t| theme_slot(*t)))
    }

    pub(super) fn kind_filter(&self, query: &Query) -> Option<Bits> {
        self.any_of(&self.by_kind, query.kinds.iter().map(|k| kind_slot(*k)))
    }

    pub(super) fn other_filters(&self, query: &Query) -> Option<Bits> {
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
    pub(super) fn apply_years(&self, query: &Query, bits: &mut Bits) {
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

    /// Every narrowing of a query but its years, in a fixed order that
    /// facets rely on: partners, themes, kinds, the rest, then the text.
    pub(super) fn narrowing(&self, query: &Query, text: Option<Bits>) -> [Option<Bits>; 5] {
        [self.partner_filter(query), self.theme_filter(query), self.kind_filter(query), self.other_filters(query), text]
    }

    pub(super) fn combine(&self, parts: impl IntoIterator<Item = Option<Bits>>) -> Bits {
        let mut result = Bits::full(self.records.len());
        for bits in parts.into_iter().flatten() {
            result.and(&bits);
        }
        result
    }

    /// The records matching a query, sorted and paged.
    pub fn search(&self, query: &Query) -> Result<Answer, QueryError> {
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
        Ok(Answer { total, records: page.into_iter().map(|r| RecordId(r as u32)).collect() })
    }

    /// Best text match first; among equals, newest first. Few matches are
    /// scored one by one; many are ranked with bitsets.
    pub(super) fn rank(&self, matched: &Bits, total: usize, words: &[Cow<WordMatch>], offset: usize, limit: usize) -> Vec<usize> {
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
    pub(super) fn rank_one_word(&self, matched: &Bits, word: &WordMatch, offset: usize, limit: usize) -> Vec<usize> {
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
    pub(super) fn page_from_levels(&self, levels: impl Iterator<Item = Bits>, offset: usize, limit: usize) -> Vec<usize> {
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
    pub(super) fn rank_by_slices(&self, matched: &Bits, words: &[Cow<WordMatch>], offset: usize, limit: usize) -> Vec<usize> {
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

    pub(super) fn newest_first<'a>(&self, bits: &'a Bits) -> impl Iterator<Item = usize> + 'a {
        let dated = self.dated;
        bits.iter_desc().filter(move |&r| r < dated).chain(bits.iter_asc().filter(move |&r| r >= dated))
    }

    /// Later records rank higher; undated ones lowest.
    pub(super) fn date_rank(&self, r: usize) -> usize {
        if r < self.dated {
            r + 1
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sorting::sort_by_key;

    /// The bitset rankings used for many matches agree with scoring each
    /// match, on a synthetic dataset large enough to take both paths.
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
