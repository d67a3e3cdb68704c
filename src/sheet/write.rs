//! A dataset as the sheets `import` reads: a card sheet (whose relations,
//! title, language), partners, sources, places, records (events, figures,
//! periods and memberships, one a row) and disputes. Translations are
//! columns of their own (`title:ru`). Importing them gives back the dataset.

use super::cells::quantity_text;
use super::SheetKind;
use crate::export::push_row;
use crate::hashing::FxMap;
use crate::model::{primary_subtag, Citation, Dataset, Text, Theme};

/// Every sheet of the dataset that has rows, as CSV: (what it is, its text).
pub fn sheets(dataset: &Dataset) -> Vec<(SheetKind, String)> {
    let own = dataset.language.clone().unwrap_or_else(|| "en".to_string());
    let mut out = vec![
        (SheetKind::Card, card(dataset, &own)),
        (SheetKind::Partners, partners(dataset, &own)),
        (SheetKind::Sources, sources(dataset, &own)),
    ];
    if !dataset.places.is_empty() {
        out.push((SheetKind::Places, places(dataset, &own)));
    }
    out.push((SheetKind::Records, records(dataset)));
    if !dataset.disputes.is_empty() {
        out.push((SheetKind::Disputes, disputes(dataset, &own)));
    }
    out
}

/// How a column's cell is written from a row's item.
type Cell<'d, T> = Box<dyn Fn(&T) -> String + 'd>;

/// A sheet being written: its columns, each filled from a row's item.
struct Columns<'d, T> {
    names: Vec<String>,
    cells: Vec<Cell<'d, T>>,
}

impl<'d, T> Columns<'d, T> {
    fn new() -> Self {
        Columns { names: Vec::new(), cells: Vec::new() }
    }

    fn plain(&mut self, name: &str, cell: impl Fn(&T) -> String + 'd) {
        self.names.push(name.to_string());
        self.cells.push(Box::new(cell));
    }

    /// A text's column, then one for each other language any row gives it in.
    fn text(&mut self, name: &str, items: &[T], own: &str, text: impl Fn(&T) -> Option<&Text> + Copy + 'd) {
        self.plain(name, move |item| text(item).map(|t| t.own.clone()).unwrap_or_default());
        let lists: Vec<Vec<&str>> = items
            .iter()
            .map(|item| {
                let languages = text(item).map(|t| t.languages.as_slice()).unwrap_or_default();
                languages.iter().map(|(tag, _)| tag.as_str()).filter(|tag| primary_subtag(tag) != primary_subtag(own)).collect()
            })
            .collect();
        for tag in consistent_order(&lists) {
            let tag = tag.to_string();
            self.names.push(format!("{name}:{tag}"));
            self.cells.push(Box::new(move |item| text(item).and_then(|t| t.in_language(&tag)).unwrap_or_default().to_string()));
        }
    }

    fn write(&self, items: &[T]) -> String {
        let mut out = String::new();
        push_row(&mut out, self.names.iter().cloned());
        for item in items {
            push_row(&mut out, self.cells.iter().map(|cell| cell(item)));
        }
        out
    }
}

/// One order of the languages that keeps each text's own order where the
/// texts agree (a topological order, earliest met first), so that every
/// text's languages come back from the columns in the order it gave them.
fn consistent_order<'t>(lists: &[Vec<&'t str>]) -> Vec<&'t str> {
    let mut met: Vec<&str> = Vec::new();
    for tag in lists.iter().flatten() {
        if !met.contains(tag) {
            met.push(tag);
        }
    }
    let mut order = Vec::with_capacity(met.len());
    while order.len() < met.len() {
        // The first language met that no text puts after one still waiting;
        // if the texts disagree, the first waiting one.
        let waiting: Vec<&str> = met.iter().copied().filter(|tag| !order.contains(tag)).collect();
        let free = waiting.iter().find(|tag| {
            !lists.iter().any(|list| {
                let at = list.iter().position(|t| t == *tag);
                at.is_some_and(|at| list[..at].iter().any(|earlier| waiting.contains(earlier)))
            })
        });
        order.push(*free.unwrap_or(&waiting[0]));
    }
    order
}

fn card(dataset: &Dataset, own: &str) -> String {
    let rows = [dataset];
    let mut c: Columns<&Dataset> = Columns::new();
    c.plain("language", |d| d.language.clone().unwrap_or_default());
    c.plain("subject", |d| d.subject.code.clone());
    c.text("subject name", &rows, own, |d| Some(&d.subject.name));
    c.text("title", &rows, own, |d| Some(&d.title));
    c.text("about", &rows, own, |d| d.about.as_ref());
    c.write(&rows)
}

fn partners(dataset: &Dataset, own: &str) -> String {
    let mut c = Columns::new();
    c.plain("code", |p: &crate::model::Partner| p.code.clone());
    c.plain("kind", |p| p.kind.key().to_string());
    c.text("name", &dataset.partners, own, |p| Some(&p.name));
    c.plain("aliases", |p| p.aliases.join("; "));
    c.text("region", &dataset.partners, own, |p| Some(&p.region));
    c.write(&dataset.partners)
}

fn sources(dataset: &Dataset, own: &str) -> String {
    let mut c = Columns::new();
    c.plain("id", |s: &crate::model::Source| s.id.clone());
    c.plain("title", |s| s.title.clone());
    c.plain("publisher", |s| s.publisher.clone());
    c.plain("as of", |s| s.as_of.to_string());
    c.text("reliability", &dataset.sources, own, |s| Some(&s.reliability));
    c.plain("url", |s| s.url.clone().unwrap_or_default());
    c.plain("licence", |s| s.licence.clone().unwrap_or_default());
    c.write(&dataset.sources)
}

fn places(dataset: &Dataset, own: &str) -> String {
    let mut c = Columns::new();
    c.plain("id", |p: &crate::model::Place| p.id.clone());
    c.text("name", &dataset.places, own, |p| Some(&p.name));
    c.plain("aliases", |p| p.aliases.join("; "));
    c.plain("partners", |p| p.partners.join("; "));
    c.write(&dataset.places)
}

fn disputes(dataset: &Dataset, own: &str) -> String {
    let mut c = Columns::new();
    c.plain("id", |d: &crate::model::Dispute| d.id.clone());
    c.text("topic", &dataset.disputes, own, |d| Some(&d.topic));
    c.plain("claims", |d| d.claims.join("; "));
    c.write(&dataset.disputes)
}

/// Any record, as one row of the records sheet.
#[derive(Clone)]
pub struct RecordRow<'d> {
    pub id: &'d str,
    pub kind: &'static str,
    pub date: String,
    pub partners: Vec<&'d str>,
    pub themes: &'d [Theme],
    pub title: Option<&'d Text>,
    pub summary: Option<&'d Text>,
    pub value: String,
    pub unit: Option<&'d Text>,
    pub tone: &'static str,
    pub as_of: String,
    pub sources: &'d [Citation],
}

/// Every record of the dataset as a row: events, figures, periods, memberships.
pub fn record_rows(d: &Dataset) -> Vec<RecordRow<'_>> {
    let blank = |id, kind, sources| RecordRow {
        id,
        kind,
        date: String::new(),
        partners: Vec::new(),
        themes: &[],
        title: None,
        summary: None,
        value: String::new(),
        unit: None,
        tone: "",
        as_of: String::new(),
        sources,
    };
    let as_of = |date: &Option<crate::date::DateSpec>| date.map(|d| d.to_string()).unwrap_or_default();
    let mut rows = Vec::with_capacity(d.events.len() + d.figures.len() + d.periods.len() + d.memberships.len());
    for e in &d.events {
        rows.push(RecordRow {
            date: e.date.to_string(),
            partners: e.partners.iter().map(String::as_str).collect(),
            themes: &e.themes,
            title: Some(&e.title),
            summary: Some(&e.summary),
            as_of: as_of(&e.as_of),
            ..blank(&e.id, e.kind.key(), &e.sources)
        });
    }
    for f in &d.figures {
        rows.push(RecordRow {
            date: f.date.to_string(),
            partners: f.partners.iter().map(String::as_str).collect(),
            themes: &f.themes,
            title: Some(&f.title),
            summary: Some(&f.summary),
            value: quantity_text(&f.value),
            unit: Some(&f.unit),
            as_of: as_of(&f.as_of),
            ..blank(&f.id, "figure", &f.sources)
        });
    }
    for p in &d.periods {
        rows.push(RecordRow {
            date: p.date.to_string(),
            partners: vec![p.partner.as_str()],
            title: Some(&p.title),
            summary: Some(&p.summary),
            tone: p.tone.key(),
            ..blank(&p.id, "period", &p.sources)
        });
    }
    for m in &d.memberships {
        rows.push(RecordRow { date: as_of(&m.joined), partners: vec![m.organisation.as_str()], ..blank(&m.id, "membership", &m.sources) });
    }
    rows
}

/// The records sheet: the whole dataset's, or the records given (what a
/// card's "Download CSV" writes), in the same columns.
pub fn records_sheet(rows: &[RecordRow], own: &str) -> String {
    let mut c = Columns::new();
    c.plain("id", |r: &RecordRow| r.id.to_string());
    c.plain("kind", |r| r.kind.to_string());
    c.plain("date", |r| r.date.clone());
    c.plain("partners", |r| r.partners.join("; "));
    c.plain("themes", |r| r.themes.iter().map(|t| t.key()).collect::<Vec<_>>().join("; "));
    c.text("title", rows, own, |r| r.title);
    c.text("summary", rows, own, |r| r.summary);
    c.plain("value", |r| r.value.clone());
    c.text("unit", rows, own, |r| r.unit);
    c.plain("tone", |r| r.tone.to_string());
    c.plain("as of", |r| r.as_of.clone());
    let most = rows.iter().map(|r| r.sources.len()).max().unwrap_or(1).max(1);
    for n in 0..most {
        let suffix = if n == 0 { String::new() } else { format!(" {}", n + 1) };
        c.plain(&format!("source{suffix}"), move |r| r.sources.get(n).map(|s| s.source.clone()).unwrap_or_default());
        c.plain(&format!("locator{suffix}"), move |r| r.sources.get(n).map(|s| s.locator.clone()).unwrap_or_default());
    }
    c.write(rows)
}

/// Every record of the dataset as the records sheet.
pub fn records(dataset: &Dataset) -> String {
    records_sheet(&record_rows(dataset), dataset.language.as_deref().unwrap_or("en"))
}

/// The records of the given ids, in their order, as the records sheet:
/// what a card's "Download CSV" gives of the records it shows.
pub fn records_of(dataset: &Dataset, ids: &[&str]) -> String {
    let all = record_rows(dataset);
    let by_id: FxMap<&str, &RecordRow> = all.iter().map(|row| (row.id, row)).collect();
    let rows: Vec<RecordRow> = ids.iter().filter_map(|id| by_id.get(id).map(|row| (*row).clone())).collect();
    records_sheet(&rows, dataset.language.as_deref().unwrap_or("en"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::load;

    #[test]
    fn the_records_sheet_has_a_header_and_quotes_what_needs_it() {
        let dataset = load(include_str!("../../tests/fixtures/small.json")).unwrap();
        let csv = records_of(&dataset, &["bridge"]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "id,kind,date,partners,themes,title,summary,value,unit,tone,as of,source,locator");
        assert_eq!(lines[1], "bridge,event,2007-01,AF; US,transport; borders,Bridge opened,A test summary.,,,,,doc,¶2");
        assert_eq!(lines.len(), 3, "header, the one record, and the final empty split");
    }
}
