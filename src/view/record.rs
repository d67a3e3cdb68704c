//! One record as the reader sees it in a list: its date, title, value,
//! tags, parties and sources, each as ready text in the card's language.

use super::catalogue::Messages;
use super::screen::{FigureLine, Item, SourceLine, Sources};
use crate::query::{Hit, SourceRef};

/// Between the parts of a line: "Event · Trade · as of 1996".
pub const SEPARATOR: &str = " · ";

/// An event, agreement, period or claim in a list.
pub fn item(hit: &Hit, m: &Messages) -> Item {
    let mut tags = vec![kind_label(hit, m).to_string()];
    tags.extend(hit.themes.iter().map(|t| m.theme(*t).to_string()));
    if let Some(as_of) = &hit.as_of {
        tags.push(format!("{} {as_of}", m.ui.as_of));
    }
    Item {
        id: hit.id.clone(),
        date: hit.date_label.clone(),
        differ: hit.disputed.then_some(m.ui.sources_differ),
        title: hit.title.clone(),
        value: hit.value.clone(),
        summary: hit.summary.clone(),
        tags: tags.join(SEPARATOR),
        parties: (hit.partner_names.len() > 1).then(|| format!("{} {}", m.ui.with, hit.partner_names.join(m.comma))),
        sources: sources(&hit.sources, m),
    }
}

/// A figure on one line; `with_partners` adds who it concerns (in the
/// figures view, where the partner is not already said).
pub fn figure_line(hit: &Hit, with_partners: bool, m: &Messages) -> FigureLine {
    let mut meta = String::new();
    if with_partners {
        meta.push_str(SEPARATOR);
        meta.push_str(&hit.partner_names.join(m.comma));
    }
    meta.push_str(SEPARATOR);
    meta.push_str(&hit.date_label);
    FigureLine {
        value: hit.value.clone().unwrap_or_default(),
        title: format!(" {}", hit.title),
        meta,
        differ: hit.disputed.then_some(m.ui.sources_differ),
        sources: sources(&hit.sources, m),
        shape: None,
    }
}

/// "Source: " *title* ", publisher (as of …), locator" for each citation.
pub fn sources(refs: &[SourceRef], m: &Messages) -> Sources {
    let items = refs
        .iter()
        .map(|s| SourceLine {
            prefix: format!("{}: ", m.ui.source),
            title: s.title.clone(),
            rest: format!("{}{} ({} {}){}{}", m.comma, s.publisher, m.ui.as_of, s.as_of, m.comma, s.locator),
        })
        .collect();
    Sources { label: m.ui.sources, items }
}

fn kind_label(hit: &Hit, m: &Messages) -> &'static str {
    use crate::query::RecordKind;
    match hit.kind {
        RecordKind::Event => m.ui.event,
        RecordKind::Agreement => m.ui.agreement,
        RecordKind::Figure => m.ui.figure,
        RecordKind::Membership => m.ui.membership,
        RecordKind::Period => m.ui.period,
    }
}
