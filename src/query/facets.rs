//! Counts and summaries: facets per partner, theme, kind and year, records
//! per bucket of years, and a partner at a glance, all from the bitsets.

use crate::hashing::FxSet;
use crate::sorting::sort_by;

use super::index::{kind_slot, Index, Source, EVENT_KINDS};
use super::{Count, Facets, PartnerGlance, PartnerSummary, Query, QueryError, RecordId, RecordKind, Timeline, TimelineBucket};
use crate::model::{PartnerKind, Theme, Tone};

/// Counts of equal neighbouring keys added up:
/// `[(1990, 1), (1990, 1), (1995, 1)]` → `[(1990, 2), (1995, 1)]`.
pub(super) fn count_runs(sorted: impl Iterator<Item = (i32, usize)>) -> Vec<(i32, usize)> {
    let mut runs: Vec<(i32, usize)> = Vec::new();
    for (key, n) in sorted {
        match runs.last_mut() {
            Some((last, count)) if *last == key => *count += n,
            _ => runs.push((key, n)),
        }
    }
    runs
}

impl Index {
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
            .map(|(p, partner)| Count { key: partner.code.clone(), count: base.count_and(&self.by_partner[p]) })
            .filter(|c| c.count > 0)
            .collect();
        sort_by(&mut partners, &|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));

        let base = without(Some(1), true);
        let themes = Theme::ALL
            .iter()
            .enumerate()
            .map(|(t, theme)| Count { key: *theme, count: base.count_and(&self.by_theme[t]) })
            .filter(|c| c.count > 0)
            .collect();

        let base = without(Some(2), true);
        let kinds = RecordKind::ALL
            .iter()
            .enumerate()
            .map(|(k, kind)| Count { key: *kind, count: base.count_and(&self.by_kind[k]) })
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
            decades: by_decade.into_iter().map(|(key, count)| Count { key, count }).collect(),
            years: by_year.into_iter().map(|(key, count)| Count { key, count }).collect(),
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
    pub(super) fn latest_tone(&self, periods: &[usize]) -> Option<Tone> {
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

    /// `partner_glance` of every partner, in the dataset's order, from one
    /// walk over the records: a glance per partner reads every record's bit
    /// (partners × records), which the partner list's map made grow as the
    /// square of a dataset's size.
    pub fn partner_glances(&self) -> Vec<PartnerGlance> {
        let none = PartnerGlance { event_count: 0, first_year: None, last_year: None, current_tone: None };
        let mut glances = vec![none; self.dataset.partners.len()];
        // Each partner's period that ends last, by the key `latest_tone` uses.
        let mut latest: Vec<Option<usize>> = vec![None; glances.len()];
        let ends = |r: usize| (self.records[r].date.map(|d| d.sort_key().1), r);
        for (r, record) in self.records.iter().enumerate() {
            let event = EVENT_KINDS.contains(&record.kind);
            if !event && record.kind != RecordKind::Period {
                continue;
            }
            let partners = self.partners_of(r);
            for (i, &p) in partners.iter().enumerate() {
                // A partner named twice is counted once, as its bitset has it.
                if partners[..i].contains(&p) {
                    continue;
                }
                let p = usize::from(p);
                if !event {
                    latest[p] = Some(latest[p].map_or(r, |best| if ends(r) > ends(best) { r } else { best }));
                    continue;
                }
                let glance = &mut glances[p];
                glance.event_count += 1;
                if r < self.dated {
                    // Records come in date order: the first one met starts first.
                    glance.first_year.get_or_insert(self.start_years[r]);
                    glance.last_year = glance.last_year.max(Some(self.end_years[r]));
                }
            }
        }
        for (glance, period) in glances.iter_mut().zip(latest) {
            glance.current_tone = period.and_then(|r| self.latest_tone(&[r]));
        }
        glances
    }

    /// One partner at a glance.
    pub fn partner_summary(&self, code: &str) -> Result<PartnerSummary, QueryError> {
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
                Count { key: org.code.clone(), count }
            })
            .collect();
        sort_by(&mut shared_organisations, &|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));

        let mut events_by_theme: Vec<Count<Theme>> = Theme::ALL
            .iter()
            .enumerate()
            .map(|(t, theme)| Count { key: *theme, count: events.iter().filter(|&&r| self.records[r].themes >> t & 1 == 1).count() })
            .filter(|c| c.count > 0)
            .collect();
        sort_by(&mut events_by_theme, &|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));

        let id = |r: usize| RecordId(r as u32);
        Ok(PartnerSummary {
            code: partner.code.clone(),
            event_count: events.len(),
            first_contact: events.first().map(|&r| id(r)),
            latest_contact: events.iter().copied().max_by_key(|&r| ends(r)).map(id),
            periods: periods.into_iter().map(id).collect(),
            current_tone,
            figures: of_kind(&[RecordKind::Figure]).into_iter().map(id).collect(),
            membership: of_kind(&[RecordKind::Membership]).first().map(|&r| id(r)),
            shared_organisations,
            events_by_theme,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::DateSpec;

    #[test]
    fn a_partner_glance_agrees_with_its_summary() {
        let index = Index::new(crate::builtin());
        for partner in &index.dataset().partners {
            let glance = index.partner_glance(&partner.code).unwrap();
            let summary = index.partner_summary(&partner.code).unwrap();
            assert_eq!(glance.event_count, summary.event_count, "{}", partner.code);
            assert_eq!(glance.current_tone, summary.current_tone, "{}", partner.code);
            let first: Option<DateSpec> = summary.first_contact.and_then(|id| index.record_date(id));
            assert_eq!(glance.first_year, first.map(|d| d.years().0), "{}", partner.code);
        }
        assert!(index.partner_glance("ZZ").is_err());
    }

    #[test]
    fn every_partner_at_a_glance_is_each_one_at_a_glance() {
        for dataset in [crate::builtin_in_every_language(), crate::synth::wide(9, 120, 2000, 300)] {
            let index = Index::new(dataset);
            let glances = index.partner_glances();
            assert_eq!(glances.len(), index.dataset().partners.len());
            for (partner, glance) in index.dataset().partners.iter().zip(&glances) {
                assert_eq!(*glance, index.partner_glance(&partner.code).unwrap(), "{}", partner.code);
            }
            assert!(glances.iter().any(|g| g.current_tone.is_some()) || index.dataset().periods.is_empty());
        }
    }
}
