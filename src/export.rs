//! Tables for spreadsheets: the records of a dataset as CSV (RFC 4180), so a
//! student can open what the card shows in any spreadsheet program. Used by
//! `relations export --format csv` and by the card's download button.

use crate::model::{Dataset, Event, EventKind};
use crate::query::Hit;

/// The columns of the events table, in order.
pub const EVENT_COLUMNS: [&str; 11] =
    ["id", "kind", "date", "date_label", "partners", "themes", "title", "summary", "as_of", "sources", "disputed"];

/// All events of a dataset as CSV, oldest first, with a header row.
pub fn events_csv(dataset: &Dataset) -> String {
    let mut events: Vec<&Event> = dataset.events.iter().collect();
    events.sort_by_key(|e| e.date.sort_key());
    events_to_csv(dataset, &events)
}

/// The given events as CSV with a header row, in the order given.
pub fn events_to_csv(dataset: &Dataset, events: &[&Event]) -> String {
    let mut out = String::new();
    push_row(&mut out, EVENT_COLUMNS.iter().map(|c| c.to_string()));
    for event in events {
        let sources = event
            .sources
            .iter()
            .map(|c| {
                let title = dataset.source(&c.source).map_or(c.source.as_str(), |s| s.title.as_str());
                format!("{title} ({}), {}", c.source, c.locator)
            })
            .collect::<Vec<_>>()
            .join("; ");
        push_row(
            &mut out,
            [
                event.id.clone(),
                match event.kind {
                    EventKind::Event => "event".to_string(),
                    EventKind::Agreement => "agreement".to_string(),
                },
                event.date.to_string(),
                event.date.label(),
                event.partners.join(" "),
                event.themes.iter().map(|t| t.label().to_lowercase()).collect::<Vec<_>>().join(" "),
                event.title.clone(),
                event.summary.clone(),
                event.as_of.map(|d| d.to_string()).unwrap_or_default(),
                sources,
                dataset.is_disputed(&event.id).to_string(),
            ]
            .into_iter(),
        );
    }
    out
}

/// The columns of a table of query hits (what a card view shows).
pub const HIT_COLUMNS: [&str; 12] =
    ["id", "kind", "date", "date_label", "partners", "themes", "title", "summary", "value", "as_of", "sources", "disputed"];

/// Query hits as CSV with a header row, in the order given.
pub fn hits_csv(hits: &[Hit]) -> String {
    let mut out = String::new();
    push_row(&mut out, HIT_COLUMNS.iter().map(|c| c.to_string()));
    for hit in hits {
        let sources = hit
            .sources
            .iter()
            .map(|s| format!("{} ({}, as of {}), {}", s.title, s.publisher, s.as_of, s.locator))
            .collect::<Vec<_>>()
            .join("; ");
        push_row(
            &mut out,
            [
                hit.id.clone(),
                hit.kind.label().to_lowercase(),
                hit.date.clone(),
                hit.date_label.clone(),
                hit.partners.join(" "),
                hit.themes.iter().map(|t| t.label().to_lowercase()).collect::<Vec<_>>().join(" "),
                hit.title.clone(),
                hit.summary.clone(),
                hit.value.clone().unwrap_or_default(),
                hit.as_of.clone().unwrap_or_default(),
                sources,
                hit.disputed.to_string(),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, &field);
    }
    out.push_str("\r\n");
}

/// Quotes a field when it holds a comma, quote or line break. A leading
/// `=`, `+`, `-` or `@` gets a `'` so spreadsheets never run it as a formula.
fn push_field(out: &mut String, field: &str) {
    let guarded;
    let field = if field.starts_with(['=', '+', '-', '@']) {
        guarded = format!("'{field}");
        guarded.as_str()
    } else {
        field
    };
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::load;

    #[test]
    fn events_table_has_a_header_and_quotes_what_needs_it() {
        let dataset = load(include_str!("../tests/fixtures/small.json")).unwrap();
        let csv = events_csv(&dataset);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], EVENT_COLUMNS.join(","));
        assert_eq!(
            lines[1],
            "bridge,event,2007-01,January 2007,AF US,transport borders,Bridge opened,A test summary.,,\"Doc (doc), ¶2\",false"
        );
        assert_eq!(lines.len(), 4, "header, two events, and the final empty split");
    }

    #[test]
    fn fields_are_escaped_and_formulas_defused() {
        let mut out = String::new();
        push_field(&mut out, "say \"hi\", then go");
        assert_eq!(out, "\"say \"\"hi\"\", then go\"");
        let mut out = String::new();
        push_field(&mut out, "=HYPERLINK(\"x\")");
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
