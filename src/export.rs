//! CSV rows (RFC 4180) with formulas defused, for the sheets `sheet::write`
//! makes (`relations export --format csv` and the card's download button);
//! and the accessible HTML summary put inside the element.

use crate::model::Dataset;

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An accessible HTML summary of a dataset, to put inside the element: it
/// shows before the card loads, when scripts are off, and to search engines.
/// Every dataset string is escaped.
pub fn static_html(dataset: &Dataset) -> String {
    let e = escape_html;
    let mut out = String::new();
    out.push_str(&format!("<section class=\"relations-card-fallback\" aria-label=\"{}\">\n", e(&dataset.title)));
    out.push_str(&format!("  <h2>{}</h2>\n", e(&dataset.title)));
    out.push_str(&format!(
        "  <p>{} partners, {} events, {} figures, from {} sources.</p>\n",
        dataset.partners.len(),
        dataset.events.len(),
        dataset.figures.len(),
        dataset.sources.len()
    ));
    let mut partners: Vec<(&str, usize, i32, i32)> = dataset
        .partners
        .iter()
        .map(|p| {
            let years: Vec<(i32, i32)> =
                dataset.events.iter().filter(|ev| ev.partners.contains(&p.code)).map(|ev| ev.date.years()).collect();
            let first = years.iter().map(|y| y.0).min().unwrap_or(0);
            let last = years.iter().map(|y| y.1).max().unwrap_or(0);
            (p.name.as_str(), years.len(), first, last)
        })
        .collect();
    crate::sorting::sort_by(&mut partners, &|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    out.push_str("  <ul>\n");
    for (name, count, first, last) in partners {
        let span = if count == 0 {
            String::new()
        } else if first == last {
            format!(", {first}")
        } else {
            format!(", {first}–{last}")
        };
        out.push_str(&format!("    <li>{}: {count} event{}{span}</li>\n", e(name), if count == 1 { "" } else { "s" }));
    }
    out.push_str("  </ul>\n  <p>Sources:</p>\n  <ul>\n");
    for s in &dataset.sources {
        out.push_str(&format!("    <li><cite>{}</cite>, {} (as of {})</li>\n", e(&s.title), e(&s.publisher), e(&s.as_of.label())));
    }
    out.push_str("  </ul>\n</section>\n");
    out
}

pub(crate) fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, &field);
    }
    out.push_str("\r\n");
}

/// Whether a spreadsheet would run a cell as a formula: it starts with `=`,
/// `+`, `-`, `@`, tab or carriage return (spreadsheets skip the last two
/// before reading one) — or with `'`s before one of those, so that taking
/// one `'` off a guarded cell (`sheet::table`) gives back any text exactly.
pub(crate) fn looks_like_formula(field: &str) -> bool {
    field.trim_start_matches('\'').starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Quotes a field when it holds a comma, quote or line break, and puts a
/// `'` before what a spreadsheet would run as a formula.
fn push_field(out: &mut String, field: &str) {
    let guarded;
    let field = if looks_like_formula(field) {
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
    fn the_static_summary_escapes_every_dataset_string() {
        let hostile = load(include_str!("../tests/fixtures/hostile.json")).unwrap();
        let html = static_html(&hostile);
        assert!(!html.contains("<img") && !html.contains("<script") && !html.contains("<iframe") && !html.contains("<a "));
        assert!(html.contains("&lt;img src=x onerror=&quot;") || html.contains("&lt;a href=&quot;javascript:"), "{html}");
        assert!(html.starts_with("<section class=\"relations-card-fallback\""));
        let builtin = static_html(&crate::builtin());
        assert!(builtin.contains("<li>Afghanistan: 57 events, 1750–2024</li>"), "{builtin}");
    }

    #[test]
    fn fields_are_escaped_and_formulas_defused() {
        let mut out = String::new();
        push_field(&mut out, "say \"hi\", then go");
        assert_eq!(out, "\"say \"\"hi\"\", then go\"");
        let mut out = String::new();
        push_field(&mut out, "=HYPERLINK(\"x\")");
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\"");
        for sneaky in ["\t=1+1", "\r=1+1"] {
            let mut out = String::new();
            push_field(&mut out, sneaky);
            assert!(out.trim_start_matches('"').starts_with('\''), "{out:?}");
        }
    }
}
