//! TimelineJS's two forms, as newsrooms have them: its Google Sheets
//! template (read as any sheet, then row by row in `read`) and its JSON,
//! turned here into the same rows so one reader serves both.

use super::table::{Row, Table};
use crate::date::DateSpec;
use crate::json::{self, Kind, Value};

/// The template's columns, in its order.
pub const COLUMNS: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// A row's date from its Year, Month and Day (and End Year, End Month, End
/// Day for a span), or the column that is wrong and why. `cell` gives a
/// column's text by its folded name (`endyear`).
pub fn date_of(cell: &dyn Fn(&str) -> String) -> Result<DateSpec, (&'static str, String)> {
    let start = point(cell, ["year", "month", "day"])?;
    let end = point(cell, ["endyear", "endmonth", "endday"])?;
    let Some(start) = start else {
        return Err(("year", "a row needs a year (the Year column)".to_string()));
    };
    let text = match end {
        Some(end) => format!("{start}/{end}"),
        None => start,
    };
    text.parse::<DateSpec>().map_err(|e| ("year", e.to_string()))
}

/// One end of a date, `2007-09-12`, from its three columns; None when its
/// year is empty.
fn point(cell: &dyn Fn(&str) -> String, names: [&'static str; 3]) -> Result<Option<String>, (&'static str, String)> {
    let [year_name, month_name, day_name] = names;
    let year = cell(year_name);
    if year.is_empty() {
        return Ok(None);
    }
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return Err((year_name, format!("\"{year}\" is not a year: write it with four digits, as 2007")));
    }
    let mut text = year;
    for (name, last) in [(month_name, 12), (day_name, 31)] {
        let value = cell(name);
        if value.is_empty() {
            break;
        }
        match value.parse::<u8>() {
            Ok(n) if (1..=last).contains(&n) => text.push_str(&format!("-{n:02}")),
            _ => return Err((name, format!("\"{value}\" is not a number from 1 to {last}"))),
        }
    }
    Ok(Some(text))
}

/// TimelineJS's JSON (`{"title": …, "events": [...], "eras": [...]}`) as the
/// rows its sheet would have: the title slide first (row 0), then each event
/// numbered from 1, then the eras.
pub fn table_from_json(text: &str) -> Result<Table, String> {
    let root = json::parse(text).map_err(|e| {
        let before = text.get(..e.at).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        format!("line {line}, column {column}: {}", e.message)
    })?;
    let Some(events) = root.get("events").and_then(Value::items) else {
        return Err(if root.get("schemaVersion").is_some() {
            "this is a dataset in the card's own format already: give it to the card as it is (src=…)".to_string()
        } else {
            "this JSON is not a TimelineJS timeline: it has no \"events\" list".to_string()
        });
    };
    let column = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap_or(0);
    let mut rows = Vec::new();
    let mut add = |number: usize, slide: &Value, kind: &str| {
        let mut cells = vec![String::new(); COLUMNS.len()];
        let mut set = |name: &str, value: Option<&Value>| {
            if let Some(text) = value.and_then(scalar) {
                cells[column(name)] = text;
            }
        };
        for (date, prefix) in [("start_date", ""), ("end_date", "End ")] {
            let date = slide.get(date);
            for part in ["Year", "Month", "Day"] {
                set(&format!("{prefix}{part}"), date.and_then(|d| d.get(&part.to_lowercase())));
            }
        }
        let text = slide.get("text");
        set("Headline", text.and_then(|t| t.get("headline")));
        set("Text", text.and_then(|t| t.get("text")));
        set("Group", slide.get("group"));
        set("Display Date", slide.get("display_date"));
        cells[column("Type")] = kind.to_string();
        rows.push(Row { number, cells });
    };
    if let Some(title) = root.get("title") {
        add(0, title, "title");
    }
    for (i, event) in events.iter().enumerate() {
        add(i + 1, event, "");
    }
    for (i, era) in root.get("eras").and_then(Value::items).unwrap_or_default().iter().enumerate() {
        add(events.len() + i + 1, era, "era");
    }
    Ok(Table { header: COLUMNS.iter().map(|c| c.to_string()).collect(), rows })
}

/// A string or number as text; TimelineJS writes years both ways.
fn scalar(value: &Value) -> Option<String> {
    match &value.kind {
        Kind::String(text) => Some(text.trim().to_string()),
        Kind::Number(number) => Some(number.to_string()),
        _ => None,
    }
}
