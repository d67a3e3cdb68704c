//! A partner's tone history in words. Periods that overlap in time are said
//! once, together, as a stretch ("1992–1996: tense or cordial (sources
//! differ)"); a period alone is a phase ("cordial 1991–1992"); and "then"
//! only joins what follows in time.

use super::catalogue::Messages;
use super::year_span;
use crate::joining::join;
use crate::model::Tone;

/// A period as its sentence needs it: its years (first and last, both
/// inside it), its tone, and whether the sources differ about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub start: i32,
    pub end: i32,
    pub tone: Tone,
    pub disputed: bool,
}

/// Periods said together: one, or several that overlap in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Group {
    pub start: i32,
    pub end: i32,
    /// Distinct, in the order they first appear.
    pub tones: Vec<Tone>,
    pub periods: usize,
    /// Whether the sources differ about any of its periods.
    pub disputed: bool,
}

/// The spans in order of their start, swept into groups: a span that starts
/// before the last year of the group so far joins it (they overlap), any
/// other starts the next group. Years are all the dates say, so a span that
/// starts in the year the group ends is a handover, as a regime ending in
/// 1996 and the next one starting then ("hostile 1996–2001" after "1992–1996:
/// tense or cordial"), and follows it; unless the group is that one year
/// alone, which a span starting in it overlaps. Groups therefore follow one
/// another: each starts no earlier than the one before ends, and no two say
/// the same years.
pub(super) fn groups(spans: &[Span]) -> Vec<Group> {
    let mut sorted = spans.to_vec();
    crate::sorting::sort_by_key(&mut sorted, &|s: &Span| s.start);
    let mut groups: Vec<Group> = Vec::new();
    for span in sorted {
        match groups.last_mut() {
            Some(group) if span.start < group.end || span.start == group.start => {
                group.end = group.end.max(span.end);
                if !group.tones.contains(&span.tone) {
                    group.tones.push(span.tone);
                }
                group.periods += 1;
                group.disputed |= span.disputed;
            }
            _ => groups.push(Group { start: span.start, end: span.end, tones: vec![span.tone], periods: 1, disputed: span.disputed }),
        }
    }
    groups
}

/// " (sources differ)", in the reader's language, after what is disputed.
pub(super) fn differ_mark(m: &Messages) -> String {
    let differ: String = m.ui.sources_differ.chars().flat_map(char::to_lowercase).collect();
    format!(" ({differ})")
}

impl Group {
    /// "cordial 1991–1992", or for several periods "1992–1996: tense or cordial".
    fn said(&self, m: &Messages) -> String {
        let years = year_span(Some(self.start), Some(self.end));
        let mark = if self.disputed { differ_mark(m) } else { String::new() };
        if self.periods == 1 {
            format!("{} {years}{mark}", m.tone(self.tones[0]))
        } else {
            let tones: Vec<&str> = self.tones.iter().map(|&t| m.tone(t)).collect();
            format!("{years}: {}{mark}", m.one_of(&tones))
        }
    }
}

/// The tone history: each group in its turn, joined by "then"; empty when
/// there are no periods.
pub(super) fn history(spans: &[Span], m: &Messages) -> String {
    let said: Vec<String> = groups(spans).iter().map(|g| g.said(m)).collect();
    join(&said, m.then)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tone::{Close, Cordial, Hostile, Mixed, Tense};
    use crate::view::catalogue::{EN, FA, RU, TG};

    fn span(start: i32, end: i32, tone: Tone, disputed: bool) -> Span {
        Span { start, end, tone, disputed }
    }

    #[test]
    fn no_periods_say_nothing() {
        assert!(groups(&[]).is_empty());
        assert_eq!(history(&[], &EN), "");
    }

    #[test]
    fn one_period_is_a_phase() {
        assert_eq!(history(&[span(1991, 1992, Cordial, false)], &EN), "cordial 1991–1992");
        assert_eq!(history(&[span(2001, 2001, Close, false)], &EN), "close 2001");
    }

    #[test]
    fn a_disputed_period_alone_keeps_its_mark() {
        assert_eq!(history(&[span(1993, 1996, Mixed, true)], &EN), "mixed 1993–1996 (sources differ)");
    }

    #[test]
    fn periods_that_follow_one_another_are_joined_by_then() {
        let spans = [span(2022, 2025, Close, false), span(2017, 2021, Cordial, false)];
        assert_eq!(history(&spans, &EN), "cordial 2017–2021, then close 2022–2025", "in the order of time, not of the list");
    }

    #[test]
    fn overlapping_disputed_periods_are_one_stretch_said_once() {
        let spans = [span(1992, 1996, Tense, true), span(1992, 1994, Cordial, false), span(1993, 1996, Tense, true)];
        assert_eq!(history(&spans, &EN), "1992–1996: tense or cordial (sources differ)");
        let [group] = &groups(&spans)[..] else { panic!() };
        assert_eq!((group.periods, group.tones.len()), (3, 2), "each tone once");
    }

    #[test]
    fn overlapping_undisputed_periods_are_a_stretch_without_the_mark() {
        let spans = [span(1993, 2013, Close, false), span(2010, 2015, Cordial, false), span(2016, 2020, Close, false)];
        assert_eq!(history(&spans, &EN), "1993–2015: close or cordial, then close 2016–2020");
    }

    #[test]
    fn a_period_starting_in_the_year_another_ends_follows_it() {
        let spans = [span(1992, 1996, Tense, true), span(1992, 1996, Cordial, true), span(1996, 2001, Hostile, false)];
        assert_eq!(history(&spans, &EN), "1992–1996: tense or cordial (sources differ), then hostile 1996–2001");
        let spans = [span(2011, 2021, Tense, false), span(2020, 2022, Cordial, false), span(2022, 2025, Close, false)];
        assert_eq!(history(&spans, &EN), "2011–2022: tense or cordial, then close 2022–2025", "2020 is inside 2011–2021");
    }

    #[test]
    fn periods_of_the_same_single_year_overlap() {
        let spans = [span(2001, 2001, Cordial, false), span(2001, 2001, Tense, true), span(2001, 2003, Close, false)];
        assert_eq!(history(&spans, &EN), "2001–2003: cordial, tense or close (sources differ)");
        let spans = [span(1996, 2001, Hostile, false), span(2001, 2001, Cordial, false)];
        assert_eq!(history(&spans, &EN), "hostile 1996–2001, then cordial 2001");
    }

    #[test]
    fn then_never_joins_overlapping_groups() {
        let spans = [
            span(1991, 1992, Cordial, false),
            span(1994, 1999, Tense, true),
            span(1995, 1996, Mixed, false),
            span(1998, 2003, Cordial, false),
            span(2005, 2005, Close, false),
            span(2004, 2004, Close, false),
        ];
        let groups = groups(&spans);
        assert_eq!(groups.len(), 4);
        assert!(groups.windows(2).all(|pair| pair[0].end < pair[1].start), "{groups:?}");
        assert_eq!(
            history(&spans, &EN),
            "cordial 1991–1992, then 1994–2003: tense, mixed or cordial (sources differ), then close 2004, then close 2005"
        );
        // Whatever the periods, a group starts no earlier than the one before ends.
        let tones = [Cordial, Tense, Mixed, Close, Hostile];
        let many: Vec<Span> =
            (0..60).map(|i| span(1990 + (i * 7) % 31, 1990 + (i * 7) % 31 + (i * 5) % 6, tones[i as usize % 5], i % 4 == 0)).collect();
        let groups = super::groups(&many);
        assert!(groups.windows(2).all(|pair| pair[0].end <= pair[1].start && pair[0].start < pair[1].start), "{groups:?}");
        assert_eq!(groups.iter().map(|g| g.periods).sum::<usize>(), many.len());
    }

    #[test]
    fn a_stretch_is_said_in_each_language() {
        let spans = [span(1992, 1996, Tense, true), span(1992, 1994, Cordial, true), span(1997, 2000, Close, false)];
        assert_eq!(history(&spans, &RU), "1992–1996: напряжённый или дружественный (источники расходятся), затем тесный 1997–2000");
        assert_eq!(history(&spans, &FA), "1992–1996: پرتنش یا دوستانه (منابع اختلاف دارند)، سپس نزدیک 1997–2000");
        assert_eq!(history(&spans, &TG), "1992–1996: пуртаниш ё дӯстона (манбаъҳо фарқ мекунанд), сипас наздик 1997–2000");
        let three = [span(1992, 1996, Tense, false), span(1992, 1994, Cordial, false), span(1993, 1995, Mixed, false)];
        assert_eq!(history(&three, &RU), "1992–1996: напряжённый, дружественный или смешанный");
        assert_eq!(history(&three, &FA), "1992–1996: پرتنش، دوستانه یا آمیخته");
        assert_eq!(history(&three, &TG), "1992–1996: пуртаниш, дӯстона ё омехта");
    }
}
