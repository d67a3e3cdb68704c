//! What one cell of a sheet means: a date as editors write it, a number as
//! precise as its source, a list, a header's column, TimelineJS's HTML as
//! plain text. Each reader says, when it cannot, what to write instead.

use crate::date::DateSpec;
use crate::decimal::Decimal;
use crate::model::Quantity;

/// A header cell understood: `Title (ru)` and `title:ru` are the title in
/// Russian, `Source 2` the second source, `As of` and `as_of` the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnKey {
    /// Lower-case letters and digits only: `asof`, `endyear`, `title`.
    pub base: String,
    /// 1 unless the header ends in a number: `source 2`.
    pub number: usize,
    pub language: Option<String>,
}

impl ColumnKey {
    pub fn of(header: &str) -> ColumnKey {
        let header = header.trim();
        let (name, language) = if let Some((name, tag)) = header.split_once(':') {
            (name, Some(tag.trim()))
        } else if let Some(open) = header.rfind('(').filter(|_| header.ends_with(')')) {
            (&header[..open], Some(header[open + 1..header.len() - 1].trim()))
        } else {
            (header, None)
        };
        let language = language.filter(|t| !t.is_empty()).map(str::to_ascii_lowercase);
        let mut base: String = name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
        let digits = base.len() - base.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let mut number = 1;
        // "Source 2" numbers a repeated column; a name made of digits alone stays a name.
        if digits > 0 && digits < base.len() {
            number = base[base.len() - digits..].parse().unwrap_or(1);
            base.truncate(base.len() - digits);
        }
        ColumnKey { base, number, language }
    }
}

/// A date as a spreadsheet holds it: the dataset's own forms (`2021-03-31`,
/// `2021-03`, `2021`, `1992/1997`, `~1995`), "about 1995", a range with a
/// dash, `31.03.2021`, "31 March 2021", "March 2021", or the day number a
/// spreadsheet program keeps a date as (`44286`).
pub fn date(cell: &str) -> Result<DateSpec, String> {
    let advice = || {
        format!(
            "\"{cell}\" is not a date; write a day as 2021-03-31, a month as 2021-03, a year as 2021, \
             a range as 2019/2021, and \"about 1995\" for one the source gives roughly"
        )
    };
    let mut text = cell.trim();
    let mut approximate = false;
    for prefix in ["~", "about ", "c. ", "ca. ", "circa ", "approx. ", "около ", "ок. ", "тақрибан "] {
        let lower_prefix = text.to_lowercase().starts_with(prefix);
        if let Some(rest) = text.strip_prefix(prefix).or_else(|| text.get(prefix.len()..).filter(|_| lower_prefix)) {
            text = rest.trim_start();
            approximate = true;
            break;
        }
    }
    let parts: Vec<&str> = split_range(text);
    let mut ends = Vec::with_capacity(2);
    for part in &parts {
        ends.push(point(part.trim()).ok_or_else(advice)?);
    }
    let joined = ends.join("/");
    let spec = format!("{}{joined}", if approximate { "~" } else { "" });
    spec.parse::<DateSpec>().map_err(|e| format!("\"{cell}\": {e}"))
}

/// A range's two ends, written with `/`, an en or em dash, or a spaced
/// hyphen; a date's own hyphens (`2021-03`) are not a range.
fn split_range(text: &str) -> Vec<&str> {
    for separator in ["/", "–", "—", " - ", " to "] {
        if let Some((a, b)) = text.split_once(separator) {
            // `3/31/2021` is a day, not a range (a range's ends start with a year).
            if separator == "/" && b.contains('/') {
                break;
            }
            return vec![a, b];
        }
    }
    vec![text]
}

const MONTH_NAMES: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// One end of a date in the dataset's form (`2021-03-31`), or None.
fn point(text: &str) -> Option<String> {
    let is_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let checked = |form: String| form.parse::<crate::date::PartialDate>().is_ok().then_some(form);
    if let Some(form) = checked(text.to_string()) {
        return Some(form);
    }
    // 31.03.2021 or 31/03/2021 (day first, as everywhere but the US writes it).
    let pieces: Vec<&str> = text.split(['.', '/']).collect();
    if let [day, month, year] = pieces[..] {
        if is_digits(day) && is_digits(month) && is_digits(year) && year.len() == 4 && day.len() <= 2 && month.len() <= 2 {
            return checked(format!("{year}-{month:0>2}-{day:0>2}"));
        }
    }
    // A spreadsheet's day number: days since 30 December 1899.
    if is_digits(text) && (5..=6).contains(&text.len()) {
        let serial: i64 = text.parse().ok()?;
        let (y, m, d) = civil_from_days(serial - 25_569);
        return checked(format!("{y:04}-{m:02}-{d:02}"));
    }
    // "31 March 2021", "March 31, 2021", "March 2021", "Mar 2021".
    let words: Vec<String> = text.split([' ', ',']).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let month_of = |w: &str| MONTH_NAMES.iter().position(|m| w.len() >= 3 && m.starts_with(w.trim_end_matches('.')));
    let found = match words.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [d, m, y] if is_digits(d) => Some((Some(d.to_string()), month_of(m)?, y.to_string())),
        [m, d, y] if is_digits(d) => Some((Some(d.to_string()), month_of(m)?, y.to_string())),
        [m, y] => Some((None, month_of(m)?, y.to_string())),
        _ => None,
    };
    let (day, month, year) = found?;
    if !(is_digits(&year) && year.len() == 4) {
        return None;
    }
    checked(match day {
        Some(day) if day.len() <= 2 => format!("{year}-{:02}-{day:0>2}", month + 1),
        Some(_) => return None,
        None => format!("{year}-{:02}", month + 1),
    })
}

/// The civil date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// A figure's value as its source gives it: `12.09`, `about 100,000`,
/// `20 or 29`, `50,000 to 70,000` (or `50000–70000`).
pub fn quantity(cell: &str) -> Result<Quantity, String> {
    let text = cell.trim();
    let advice =
        || format!("\"{cell}\" is not a value; write a number (12.09 or 100,000), \"about 100,000\", \"20 or 29\" or \"50,000 to 70,000\"");
    let lower = text.to_lowercase();
    for prefix in ["about ", "~", "approx. ", "approximately ", "около ", "тақрибан "] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            return number(rest).map(Quantity::Approx).ok_or_else(advice);
        }
    }
    if lower.contains(" or ") {
        let numbers: Option<Vec<Decimal>> = lower.split(" or ").map(number).collect();
        return numbers.filter(|n| n.len() >= 2).map(Quantity::OneOf).ok_or_else(advice);
    }
    for separator in [" to ", "–", "—", " - "] {
        if let Some((low, high)) = lower.split_once(separator) {
            return match (number(low), number(high)) {
                (Some(low), Some(high)) => Ok(Quantity::Range(low, high)),
                _ => Err(advice()),
            };
        }
    }
    number(&lower).map(Quantity::Exact).ok_or_else(advice)
}

/// `12.09`, `-5`, `100,000`, `100 000`, and `12,5` (a decimal comma: one
/// not followed by exactly three digits).
fn number(text: &str) -> Option<Decimal> {
    let text: String = text.trim().chars().filter(|c| !matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\'')).collect();
    let (negative, digits) = match text.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let commas = digits.matches(',').count();
    let decimal_comma = commas == 1 && !digits.contains('.') && digits.split(',').nth(1).is_some_and(|tail| tail.len() != 3);
    let plain: String = if decimal_comma { digits.replace(',', ".") } else { digits.replace(',', "") };
    let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let scale = u8::try_from(fraction.len()).ok()?;
    let mut value: i64 = format!("{whole}{fraction}").parse().ok()?;
    if negative {
        value = -value;
    }
    Decimal::new(value, scale)
}

/// The written form `quantity` reads back.
pub fn quantity_text(value: &Quantity) -> String {
    match value {
        Quantity::Exact(n) => n.to_string(),
        Quantity::Approx(n) => format!("about {n}"),
        Quantity::Range(low, high) => format!("{low} to {high}"),
        Quantity::OneOf(numbers) => numbers.iter().map(Decimal::to_string).collect::<Vec<_>>().join(" or "),
    }
}

/// Items of a list cell, split at `;` and line breaks (and at commas when
/// `commas` allows, for codes and names that never hold one).
pub fn list(cell: &str, commas: bool) -> Vec<String> {
    let split_commas = commas && !cell.contains(';');
    cell.split(|c| c == ';' || c == '\n' || (split_commas && c == ','))
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_string)
        .collect()
}

/// TimelineJS's text, which may hold HTML, as plain text: tags dropped,
/// entities decoded, spaces collapsed. It is never rendered as markup.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            match rest.find('>') {
                Some(end) => {
                    out.push(' ');
                    rest = &rest[end + 1..];
                    continue;
                }
                None => {
                    out.push('<');
                }
            }
        } else if c == '&' {
            if let Some((decoded, used)) = entity(rest) {
                out.push(decoded);
                rest = &rest[used..];
                continue;
            }
            out.push('&');
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn entity(text: &str) -> Option<(char, usize)> {
    let end = text.find(';').filter(|&e| e <= 10)?;
    let name = &text[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "rsquo" => '’',
        "lsquo" => '‘',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => {
            let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => name.strip_prefix('#')?.parse().ok()?,
            };
            char::from_u32(code).filter(|c| !c.is_control())?
        }
    };
    Some((c, end + 1))
}

/// An id made from a title: `Bridge opened (2007)` → `bridge-opened-2007`;
/// empty when the title has no Latin letters or digits.
pub fn slug(title: &str) -> String {
    let words: Vec<String> =
        title.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).take(6).map(str::to_ascii_lowercase).collect();
    words.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_name_their_field_language_and_number() {
        let key = |h| ColumnKey::of(h);
        assert_eq!(key("Title (ru)"), ColumnKey { base: "title".into(), number: 1, language: Some("ru".into()) });
        assert_eq!(key("summary:tg"), ColumnKey { base: "summary".into(), number: 1, language: Some("tg".into()) });
        assert_eq!(key("Source 2"), ColumnKey { base: "source".into(), number: 2, language: None });
        assert_eq!(key(" As of ").base, "asof");
        assert_eq!(key("End Year").base, "endyear");
    }

    #[test]
    fn dates_in_the_forms_editors_write_them() {
        for (cell, want) in [
            ("2021-03-31", "2021-03-31"),
            ("2021", "2021"),
            ("about 1995", "~1995"),
            ("About 1995", "~1995"),
            ("c. 1995", "~1995"),
            ("2022-10 – 2025-03", "2022-10/2025-03"),
            ("2022-10/2025-03", "2022-10/2025-03"),
            ("1992 - 1997", "1992/1997"),
            ("31.03.2021", "2021-03-31"),
            ("1.3.2021", "2021-03-01"),
            ("31 March 2021", "2021-03-31"),
            ("March 31, 2021", "2021-03-31"),
            ("Mar 2021", "2021-03"),
            ("44286", "2021-03-31"),
        ] {
            assert_eq!(date(cell).map(|d| d.to_string()), Ok(want.to_string()), "{cell}");
        }
        let error = date("32 March 2021").unwrap_err();
        assert!(error.contains("\"32 March 2021\" is not a date") && error.contains("2021-03-31"), "{error}");
        assert!(date("2021-02-30").unwrap_err().contains("2021-02-30"));
        assert!(date("soon").is_err());
        assert!(date("3/31/2021").is_err(), "month first is ambiguous, and refused");
    }

    #[test]
    fn values_as_precise_as_their_source() {
        let d = |digits, scale| Decimal::new(digits, scale).unwrap();
        assert_eq!(quantity("12.09"), Ok(Quantity::Exact(d(1209, 2))));
        assert_eq!(quantity("100,000"), Ok(Quantity::Exact(d(100_000, 0))));
        assert_eq!(quantity("100 000"), Ok(Quantity::Exact(d(100_000, 0))));
        assert_eq!(quantity("12,5"), Ok(Quantity::Exact(d(125, 1))));
        assert_eq!(quantity("about 100,000"), Ok(Quantity::Approx(d(100_000, 0))));
        assert_eq!(quantity("20 or 29"), Ok(Quantity::OneOf(vec![d(20, 0), d(29, 0)])));
        assert_eq!(quantity("50,000 to 70,000"), Ok(Quantity::Range(d(50_000, 0), d(70_000, 0))));
        assert_eq!(quantity("50000–70000"), Ok(Quantity::Range(d(50_000, 0), d(70_000, 0))));
        assert_eq!(quantity("-5"), Ok(Quantity::Exact(d(-5, 0))));
        assert!(quantity("lots").unwrap_err().contains("\"lots\" is not a value"));
        for value in [quantity("about 7.5").unwrap(), quantity("-1 to 2").unwrap(), quantity("1 or 2 or 3").unwrap()] {
            assert_eq!(quantity(&quantity_text(&value)), Ok(value));
        }
    }

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            plain_text("<p>Talks in <b>Dushanbe</b>&nbsp;&amp; Kabul.</p><script>alert(1)</script><br/>&#1044;&#x443; &bogus;"),
            "Talks in Dushanbe & Kabul. alert(1) Ду &bogus;"
        );
        assert_eq!(plain_text("a < b"), "a < b");
    }

    #[test]
    fn lists_and_ids() {
        assert_eq!(list("AF; US\nCN", true), ["AF", "US", "CN"]);
        assert_eq!(list("Russia, China", true), ["Russia", "China"]);
        assert_eq!(list("Korea, South; Japan", true), ["Korea, South", "Japan"]);
        assert_eq!(list("Kazakstan, old", false), ["Kazakstan, old"]);
        assert_eq!(slug("Bridge opened (2007)!"), "bridge-opened-2007");
        assert_eq!(slug("Мост"), "");
    }
}
