//! Dates at the precision a source gives them: a day, a month, a year, a
//! range of those, each possibly approximate. In a dataset a date is a short
//! string (`2007-09-12`, `2007-01`, `1992/1997`, `~1995`) so hand-written
//! files stay readable; here it is parsed once and checked for impossible days.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A calendar date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// A point or a span in time, as precise as its source.
///
/// `start` alone is a point; `end` makes it a range whose ends may have
/// different precisions (`1992/1997-06`). `approximate` is set by a leading
/// `~` and means the source says "about", "mid-", "early" and the like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateSpec {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub approximate: bool,
}

/// Why a date string was rejected; the message names the offending part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// A language's month names as they follow a day ("12 января 2007") and as
/// they stand alone ("январь 2007"); English uses the same words for both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Months {
    pub with_day: [&'static str; 12],
    pub alone: [&'static str; 12],
}

pub const ENGLISH_MONTHS: Months = Months { with_day: MONTHS, alone: MONTHS };

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate { year, month: None, day: None }
    }

    /// The earliest day this date could mean, as (year, month, day).
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest day this date could mean, as (year, month, day).
    pub fn last_day(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }

    /// Reads the English form used in card text: "12 September 2007",
    /// "September 2007", "2007".
    pub fn label(&self) -> String {
        self.label_in(&ENGLISH_MONTHS)
    }

    /// The same with another language's month names.
    pub fn label_in(&self, months: &Months) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", months.with_day[usize::from(m - 1)], self.year),
            (Some(m), None) => format!("{} {}", months.alone[usize::from(m - 1)], self.year),
            _ => self.year.to_string(),
        }
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut parts = text.split('-');
        let year_text = parts.next().unwrap_or_default();
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError(format!("\"{text}\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD")));
        }
        let year: i32 = year_text.parse().map_err(|_| DateError(format!("bad year in \"{text}\"")))?;
        let month = match parts.next() {
            None => None,
            Some(m) => {
                let month: u8 = two_digits(m).ok_or_else(|| DateError(format!("bad month \"{m}\" in \"{text}\": expected 01 to 12")))?;
                if !(1..=12).contains(&month) {
                    return Err(DateError(format!("month {month} in \"{text}\" does not exist: expected 01 to 12")));
                }
                Some(month)
            }
        };
        let day = match parts.next() {
            None => None,
            Some(d) => {
                let day: u8 = two_digits(d).ok_or_else(|| DateError(format!("bad day \"{d}\" in \"{text}\": expected two digits")))?;
                let month = month.unwrap_or(1);
                let last = days_in_month(year, month);
                if day == 0 || day > last {
                    return Err(DateError(format!(
                        "day {day} in \"{text}\" does not exist: {} {year} has {last} days",
                        MONTHS[usize::from(month - 1)]
                    )));
                }
                Some(day)
            }
        };
        if parts.next().is_some() {
            return Err(DateError(format!("\"{text}\" has too many parts: expected YYYY-MM-DD at most")));
        }
        Ok(PartialDate { year, month, day })
    }
}

fn two_digits(text: &str) -> Option<u8> {
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl DateSpec {
    /// The first and last year this date touches, for year filters and timelines.
    pub fn years(&self) -> (i32, i32) {
        (self.start.year, self.end.unwrap_or(self.start).year)
    }

    /// Orders dates by when they start, then by when they end.
    pub fn sort_key(&self) -> ((i32, u8, u8), (i32, u8, u8)) {
        (self.start.first_day(), self.end.unwrap_or(self.start).last_day())
    }

    /// The English label shown on the card: "12 September 2007",
    /// "1992–1997", "c. 1995".
    pub fn label(&self) -> String {
        self.label_in(&ENGLISH_MONTHS, "c.")
    }

    /// The same with another language's month names and word for "circa".
    pub fn label_in(&self, months: &Months, circa: &str) -> String {
        let core = match self.end {
            Some(end) => range_label(self.start, end, months),
            None => self.start.label_in(months),
        };
        if self.approximate {
            format!("{circa} {core}")
        } else {
            core
        }
    }
}

/// Says a range the short way when its ends share a year or a month:
/// "12–13 September 2007", "October 1992 – March 1993", "1992–1997".
fn range_label(start: PartialDate, end: PartialDate, months: &Months) -> String {
    if start == end {
        return start.label_in(months);
    }
    let same_year = start.year == end.year;
    match (start.month, start.day, end.month, end.day) {
        (Some(m1), Some(d1), Some(m2), Some(d2)) if same_year && m1 == m2 => {
            format!("{d1}–{d2} {} {}", months.with_day[usize::from(m1 - 1)], start.year)
        }
        (Some(m1), None, Some(m2), None) if same_year => {
            format!("{}–{} {}", months.alone[usize::from(m1 - 1)], months.alone[usize::from(m2 - 1)], start.year)
        }
        (None, None, None, None) => format!("{}–{}", start.year, end.year),
        _ => format!("{} – {}", start.label_in(months), end.label_in(months)),
    }
}

impl FromStr for DateSpec {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (approximate, rest) = match text.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        if let Some((a, b)) = range_written_otherwise(rest) {
            let tilde = if approximate { "~" } else { "" };
            return Err(DateError(format!("\"{text}\" is not a date: write a range with \"/\", as {tilde}{a}/{b}")));
        }
        let (start, end) = match rest.split_once('/') {
            Some((a, b)) => (a.parse::<PartialDate>()?, Some(b.parse::<PartialDate>()?)),
            None => (rest.parse::<PartialDate>()?, None),
        };
        if let Some(end) = end {
            if end.last_day().cmp(&start.first_day()) == Ordering::Less {
                return Err(DateError(format!("range \"{text}\" ends before it starts")));
            }
        }
        Ok(DateSpec { start, end, approximate })
    }
}

/// The two ends of a range written the way prose writes one, with a dash
/// (`2022-10 – 2025-03`, `1992—1997`, `2022-10 - 2025-03`) or a hyphen
/// between two years (`1992-1997`), which would otherwise be read as a
/// "bad month"; none for anything else.
fn range_written_otherwise(text: &str) -> Option<(&str, &str)> {
    if text.contains('/') {
        return None;
    }
    // Char patterns, not string ones: a string search would add its searcher to the wasm.
    const DASHES: [char; 4] = ['\u{2012}', '\u{2013}', '\u{2014}', '\u{2212}'];
    let spaced_hyphen =
        || text.match_indices('-').map(|(at, _)| at).find(|&at| text[..at].ends_with(' ') && text[at + 1..].starts_with(' '));
    let (a, b) = match text.find(DASHES).or_else(spaced_hyphen) {
        Some(at) => (&text[..at], &text[at + text[at..].chars().next().map_or(1, char::len_utf8)..]),
        None => {
            let (a, b) = text.split_once('-')?;
            let year = |t: &str| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
            (year(a) && year(b)).then_some((a, b))?
        }
    };
    let (a, b) = (a.trim(), b.trim());
    (!a.is_empty() && !b.is_empty()).then_some((a, b))
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("~")?;
        }
        write!(f, "{}", self.start)?;
        if let Some(end) = self.end {
            write!(f, "/{end}")?;
        }
        Ok(())
    }
}

/// Written as the text it was read from ("1992-06", "~1995/2001").
impl crate::json::ToJson for DateSpec {
    fn write_json(&self, out: &mut crate::json::Writer) {
        out.string(&self.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2007", "2007-01", "2007-09-12", "1992/1997", "~1995", "~1994/1996-06", "2024-02-29"] {
            let date: DateSpec = text.parse().unwrap();
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn labels_read_as_english() {
        let label = |t: &str| t.parse::<DateSpec>().unwrap().label();
        assert_eq!(label("2007-09-12"), "12 September 2007");
        assert_eq!(label("2007-01"), "January 2007");
        assert_eq!(label("1992/1997"), "1992–1997");
        assert_eq!(label("~1995"), "c. 1995");
        assert_eq!(label("2007-09-12/2007-09-13"), "12–13 September 2007");
        assert_eq!(label("2007-01/2007-03"), "January–March 2007");
        assert_eq!(label("1992-10/1993-03"), "October 1992 – March 1993");
        assert_eq!(label("~1994/1996"), "c. 1994–1996");
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        let err = |t: &str| t.parse::<DateSpec>().unwrap_err().0;
        assert!(err("2023-02-29").contains("does not exist"), "{}", err("2023-02-29"));
        assert!(err("2007-13").contains("month 13"));
        assert!(err("2007-04-31").contains("30 days"));
        assert!(err("1997/1992").contains("ends before it starts"));
        assert!(err("07").contains("not a date"));
        assert!(err("2007-1").contains("bad month"));
        assert!(err("2007-01-01-01").contains("too many parts"));
        assert!(err("").contains("not a date"));
    }

    /// Prose writes a range with a dash; the file wants `/`, and says so
    /// instead of "bad month".
    #[test]
    fn a_range_written_with_a_dash_is_told_to_use_a_slash() {
        let err = |t: &str| t.parse::<DateSpec>().unwrap_err().0;
        for (text, written) in [
            ("2022-10 – 2025-03", "2022-10/2025-03"),
            ("2022-10–2025-03", "2022-10/2025-03"),
            ("1992 — 1997", "1992/1997"),
            ("2022-10 - 2025-03", "2022-10/2025-03"),
            ("1992-1997", "1992/1997"),
            ("~1994 – 1996", "~1994/1996"),
            ("2001-05-03 − 2001-06", "2001-05-03/2001-06"),
        ] {
            let said = err(text);
            assert!(said.contains("write a range with \"/\"") && said.ends_with(&format!("as {written}")), "{text}: {said}");
            assert!(!said.contains("bad month"), "{said}");
        }
        // What a dash cannot be the reason for is said as before.
        assert!(err("2007-1").contains("bad month"));
        assert!(err("1992/1997-1").contains("bad month"));
        assert!(err("2022-10 –").contains("not a date") || err("2022-10 –").contains("bad month"));
    }

    #[test]
    fn a_range_may_end_within_its_start_year() {
        assert!("2007/2007-06".parse::<DateSpec>().is_ok());
        assert!("2007-06/2007".parse::<DateSpec>().is_ok());
    }

    #[test]
    fn years_cover_the_whole_range() {
        let date: DateSpec = "1992-05/1997-06-27".parse().unwrap();
        assert_eq!(date.years(), (1992, 1997));
    }
}
