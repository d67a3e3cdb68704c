//! A record as a reader reads it: the engine finds records by id, and here
//! they get their words in the card's language: dates, values with units,
//! membership sentences, sources; then the lines a list shows.

use super::catalogue::{fill, Messages};
use super::screen::{Button, CitedSource, CitedSources, FigureLine, Item, ItemDetails, SourceLine, Sources};
use super::state::Msg;
use crate::hashing::FxMap;
use crate::joining::join;
use crate::json::object;
use crate::model::{Citation, Quantity, Theme, Tone};
use crate::query::{Answer, Index, Query, QueryError, RecordData, RecordId, RecordKind};

object! {
    /// One record as a reader sees it, and as downloads and the JS engine API give it.
    pub struct Hit {
        id: String => "id",
        kind: RecordKind => "kind",
        /// The date as written in the dataset; empty when unknown.
        date: String => "date",
        date_label: String => "dateLabel",
        /// Partner codes.
        partners: Vec<String> => "partners",
        partner_names: Vec<String> => "partnerNames",
        themes: Vec<Theme> => "themes",
        title: String => "title",
        summary: String => "summary",
        /// The language the title and summary are left in when the dataset
        /// does not give them in the card's (then marked "not translated").
        lang: Option<String> => "lang",
        /// Figures only: the value as text, with its unit ("20 or 29 years").
        value: Option<String> => "value",
        /// Periods only.
        tone: Option<Tone> => "tone",
        as_of: Option<String> => "asOf",
        sources: Vec<SourceRef> => "sources",
        disputed: bool => "disputed",
    }
}

object! {
    /// A source citation resolved for display.
    pub struct SourceRef {
        id: String => "id",
        title: String => "title",
        publisher: String => "publisher",
        as_of: String => "asOf",
        locator: String => "locator",
    }
}

object! {
    /// A query's answer with its records as a reader sees them.
    pub struct Hits {
        total: usize => "total",
        hits: Vec<Hit> => "hits",
    }
}

object! {
    /// One partner at a glance, its records worded (the CLI's and the JS engine API's summary).
    pub struct Summary {
        code: String => "code",
        name: String => "name",
        kind: crate::model::PartnerKind => "kind",
        region: String => "region",
        aliases: Vec<String> => "aliases",
        event_count: usize => "eventCount",
        first_contact: Option<Hit> => "firstContact",
        latest_contact: Option<Hit> => "latestContact",
        periods: Vec<Hit> => "periods",
        current_tone: Option<Tone> => "currentTone",
        figures: Vec<Hit> => "figures",
        membership: Option<Hit> => "membership",
        shared_organisations: Vec<crate::query::Count<String>> => "sharedOrganisations",
        events_by_theme: Vec<crate::query::Count<Theme>> => "eventsByTheme",
    }
}

/// A partner's summary from the engine, worded.
pub fn summary(index: &Index, code: &str, m: &Messages) -> Result<Summary, QueryError> {
    let s = index.partner_summary(code)?;
    let partner = index.partner(code).ok_or_else(|| QueryError::UnknownPartner(code.to_string()))?;
    let worded = |ids: &[RecordId]| ids.iter().map(|&id| hit(index, id, m)).collect();
    let ds = index.dataset();
    Ok(Summary {
        code: partner.code.clone(),
        name: super::say(&partner.name, ds, m),
        kind: partner.kind,
        region: super::say(&partner.region, ds, m),
        aliases: partner.aliases.clone(),
        event_count: s.event_count,
        first_contact: s.first_contact.map(|id| hit(index, id, m)),
        latest_contact: s.latest_contact.map(|id| hit(index, id, m)),
        periods: worded(&s.periods),
        current_tone: s.current_tone,
        figures: worded(&s.figures),
        membership: s.membership.map(|id| hit(index, id, m)),
        shared_organisations: s.shared_organisations,
        events_by_theme: s.events_by_theme,
    })
}

/// Asks the engine and words its answer.
pub fn search(index: &Index, query: &Query, m: &Messages) -> Result<Hits, QueryError> {
    let answer = index.search(query)?;
    Ok(hits(index, &answer, m))
}

pub fn hits(index: &Index, answer: &Answer, m: &Messages) -> Hits {
    Hits { total: answer.total, hits: answer.records.iter().map(|&id| hit(index, id, m)).collect() }
}

/// One record in the catalogue's language.
pub fn hit(index: &Index, id: RecordId, m: &Messages) -> Hit {
    let ds = index.dataset();
    let date = index.record_date(id);
    let said = |text| {
        let (text, lang) = super::said(text, ds, m);
        (text.to_string(), lang)
    };
    let (record_id, (title, title_lang), (summary, summary_lang), citations, value, tone, as_of) = match index.record(id) {
        RecordData::Event(e) => (&e.id, said(&e.title), said(&e.summary), &e.sources, None, None, e.as_of),
        RecordData::Figure(f) => {
            let value = quantity_label_in(&f.value, &super::say(&f.unit, ds, m), m);
            let (summary, lang) = said(&f.summary);
            let summary = if summary.is_empty() { (value.clone(), None) } else { (format!("{value}. {summary}"), lang) };
            (&f.id, said(&f.title), summary, &f.sources, Some(value), None, f.as_of)
        }
        RecordData::Membership(membership) => {
            let name = index.partner(&membership.organisation).map_or(membership.organisation.clone(), |p| super::say(&p.name, ds, m));
            let subject = super::say(&ds.subject.name, ds, m);
            let summary = match membership.joined {
                Some(date) => fill(
                    m.for_date(m.joined, &date),
                    &[("subject", &subject), ("name", &name), ("date", &date.label_in(&m.months, m.circa))],
                ),
                None => fill(m.member_since_unknown, &[("subject", &subject), ("name", &name)]),
            };
            (&membership.id, (fill(m.member_of, &[("name", &name)]), None), (summary, None), &membership.sources, None, None, None)
        }
        RecordData::Period(p) => (&p.id, said(&p.title), said(&p.summary), &p.sources, None, Some(p.tone), None),
    };
    let partners: Vec<&crate::model::Partner> = index.record_partners(id).collect();
    Hit {
        id: record_id.clone(),
        kind: index.record_kind(id),
        date: date.map(|d| d.to_string()).unwrap_or_default(),
        date_label: date.map_or_else(|| m.date_unknown.to_string(), |d| d.label_in(&m.months, m.circa)),
        partners: partners.iter().map(|p| p.code.clone()).collect(),
        partner_names: partners.iter().map(|p| super::say(&p.name, ds, m)).collect(),
        themes: index.record_themes(id),
        title,
        summary,
        lang: title_lang.or(summary_lang).map(str::to_string),
        value,
        tone,
        as_of: as_of.map(|d| d.label_in(&m.months, m.circa)),
        sources: source_refs(index, citations, m),
        disputed: index.is_disputed(id),
    }
}

/// The citations that name a known source, resolved for display.
pub fn source_refs(index: &Index, citations: &[Citation], m: &Messages) -> Vec<SourceRef> {
    citations
        .iter()
        .filter_map(|c| {
            let source = index.source(&c.source)?;
            Some(SourceRef {
                id: source.id.clone(),
                title: source.title.clone(),
                publisher: source.publisher.clone(),
                as_of: source.as_of.label_in(&m.months, m.circa),
                locator: c.locator.clone(),
            })
        })
        .collect()
}

/// "12.09 USD million", "about 100,000 people", "20 or 29 years", in the
/// catalogue's words and digit grouping.
pub fn quantity_label_in(value: &Quantity, unit: &str, messages: &Messages) -> String {
    let number = |v: crate::decimal::Decimal| {
        let (sign, whole, fraction) = v.parts();
        // Thousands are grouped from five digits up in the catalogue;
        // figures group from four ("3,000 hectares").
        let grouped = if (1000..10_000).contains(&whole) {
            let text = whole.to_string();
            format!("{}{}{}", &text[..1], messages.thousands, &text[1..])
        } else {
            messages.number(whole as i64)
        };
        match fraction.is_empty() {
            true => format!("{sign}{grouped}"),
            false => format!("{sign}{grouped}{}{fraction}", messages.decimal_mark),
        }
    };
    let core = match value {
        Quantity::Exact(v) => number(*v),
        Quantity::Approx(v) => format!("{} {}", messages.about, number(*v)),
        Quantity::Range(low, high) => format!("{}–{}", number(*low), number(*high)),
        Quantity::OneOf(values) => {
            let parts: Vec<String> = values.iter().map(|v| number(*v)).collect();
            messages.one_of(&parts)
        }
    };
    // A unit may give its forms for the catalogue's plural rule, one|few|many
    // ("выставка|выставки|выставок"): the form the number takes, as a
    // count does; a fraction, an approximate or several numbers take many.
    let unit = match unit.split('|').collect::<Vec<_>>()[..] {
        [one, few, many] => {
            let whole = match value {
                Quantity::Exact(v) if v.parts().2.is_empty() && v.parts().0.is_empty() => Some(v.parts().1),
                _ => None,
            };
            match whole {
                Some(n) => messages.form(n as usize, [one, few, many]),
                None => many,
            }
        }
        _ => unit,
    };
    format!("{core} {unit}")
}

/// Between the parts of a line: "Event · Trade · as of 1996".
pub const SEPARATOR: &str = " · ";

/// How a view lists records: which rows are open, and one number per source
/// it cites, so a fact carries "[1]" and the view writes each source out once.
pub struct Rows<'a> {
    m: &'a Messages,
    open: &'a [String],
    /// The sources numbered so far, in the order they were first cited.
    cited: Vec<SourceRef>,
    /// Each one's number by id (the sources view numbers them all; the
    /// index's map type, so the wasm holds no other).
    numbers: FxMap<String, u32>,
}

impl<'a> Rows<'a> {
    pub fn new(m: &'a Messages, open: &'a [String]) -> Rows<'a> {
        Rows { m, open, cited: Vec::new(), numbers: FxMap::default() }
    }

    /// Gives each source its number now, in this order (the sources view,
    /// which writes them all out).
    pub fn number_all(&mut self, refs: impl Iterator<Item = SourceRef>) {
        for source in refs {
            self.number(&source);
        }
    }

    /// The number of a source, given at its first citation.
    fn number(&mut self, source: &SourceRef) -> usize {
        if let Some(&number) = self.numbers.get(&source.id) {
            return number as usize;
        }
        self.cited.push(SourceRef { locator: String::new(), ..source.clone() });
        self.numbers.insert(source.id.clone(), self.cited.len() as u32);
        self.cited.len()
    }

    /// An event, agreement, period or claim as a row that opens.
    pub fn item(&mut self, hit: &Hit) -> Item {
        let m = self.m;
        let (key, marks, open, details) = self.opening(hit, "row");
        Item {
            id: hit.id.clone(),
            key,
            date: hit.date_label.clone(),
            differ: hit.disputed.then_some(m.ui.sources_differ),
            title: hit.title.clone(),
            value: hit.value.clone(),
            parties: (hit.partner_names.len() > 1).then(|| format!("{} {}", m.ui.with, join(&hit.partner_names, m.comma))),
            marks,
            open,
            toggle: Msg::Toggle { id: hit.id.clone() },
            details,
        }
    }

    /// A figure on one line; `with_partners` adds who it concerns (in the
    /// figures view, where the partner is not already said).
    pub fn figure_line(&mut self, hit: &Hit, with_partners: bool) -> FigureLine {
        let m = self.m;
        let mut meta = String::new();
        if with_partners {
            meta.push_str(SEPARATOR);
            meta.push_str(&join(&hit.partner_names, m.comma));
        }
        meta.push_str(SEPARATOR);
        meta.push_str(&hit.date_label);
        let (key, marks, open, mut details) = self.opening(hit, "figure");
        // The line says the value: its note alone when opened.
        let value = hit.value.as_deref().unwrap_or_default();
        if let Some(note) = details.summary.strip_prefix(value).and_then(|rest| rest.strip_prefix(". ")) {
            details.summary = note.to_string();
        }
        FigureLine {
            key,
            value: hit.value.clone().unwrap_or_default(),
            title: format!(" {}", hit.title),
            meta,
            differ: hit.disputed.then_some(m.ui.sources_differ),
            marks,
            open,
            toggle: Msg::Toggle { id: hit.id.clone() },
            details,
            shape: None,
        }
    }

    /// What a row that opens has: its toggle's key, its sources' numbers
    /// (each once), whether it is open, and what it shows then.
    fn opening(&mut self, hit: &Hit, kind: &str) -> (String, String, bool, ItemDetails) {
        let m = self.m;
        let key = format!("{kind}-{}", hit.id);
        let sources = self.sources(&hit.sources, &key);
        let mut marks: Vec<&str> = Vec::new();
        for line in &sources.items {
            if !marks.contains(&line.mark.label.as_str()) {
                marks.push(&line.mark.label);
            }
        }
        let marks = join(&marks, " ");
        let mut tags = vec![m.kind(hit.kind).to_string()];
        tags.extend(hit.themes.iter().map(|t| m.theme(*t).to_string()));
        if let Some(as_of) = &hit.as_of {
            tags.push(format!("{} {as_of}", m.ui.as_of));
        }
        let details = ItemDetails {
            summary: hit.summary.clone(),
            tags: join(&tags, SEPARATOR),
            sources,
            lang: hit.lang.clone(),
            untranslated: hit.lang.is_some().then_some(m.not_translated),
        };
        (key, marks, self.open.contains(&hit.id), details)
    }

    /// "[1] Economic relations, ¶1" for each citation; the mark moves to the
    /// source. `owner` keeps the marks' keys apart between facts.
    fn sources(&mut self, refs: &[SourceRef], owner: &str) -> Sources {
        let m = self.m;
        let items = refs
            .iter()
            .map(|s| {
                let n = self.number(s);
                let mut mark = Button::new(format!("{owner}-source-{n}"), Rows::source_number(n), Msg::ShowSource { number: n });
                mark.aria_label = Some(fill(m.source_mark, &[("n", &n.to_string()), ("title", &s.title)]));
                SourceLine { mark, locator: s.locator.clone() }
            })
            .collect();
        Sources { label: m.ui.sources, items }
    }

    /// Where a mark numbered `n` points.
    pub fn source_key(n: usize) -> String {
        format!("source-{n}")
    }

    /// How a source's number is written, on a fact's mark and where it is written out: "[2]".
    pub fn source_number(n: usize) -> String {
        format!("[{n}]")
    }

    /// The sources cited, each written out once: *title*, publisher (as of …).
    pub fn cited(self) -> Option<CitedSources> {
        let m = self.m;
        let items: Vec<CitedSource> = self
            .cited
            .into_iter()
            .enumerate()
            .map(|(at, s)| CitedSource {
                key: Rows::source_key(at + 1),
                number: Rows::source_number(at + 1),
                title: s.title,
                rest: format!("{}{} ({} {})", m.comma, s.publisher, m.ui.as_of, s.as_of),
            })
            .collect();
        (!items.is_empty()).then_some(CitedSources { title: m.ui.sources, items })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::Decimal;
    use crate::view::catalogue::{for_locale, EN};

    #[test]
    fn quantities_read_as_people_write_them() {
        let d = |digits: i64, scale: u8| Decimal::new(digits, scale).unwrap();
        let w = Decimal::whole;
        let en = |q: &Quantity, unit: &str| quantity_label_in(q, unit, &EN);
        assert_eq!(en(&Quantity::Exact(d(1209, 2)), "USD million"), "12.09 USD million");
        assert_eq!(en(&Quantity::Exact(d(-5, 1)), "points"), "-0.5 points");
        assert_eq!(en(&Quantity::Exact(d(1_234_505, 2)), "USD"), "12,345.05 USD");
        assert_eq!(en(&Quantity::Approx(w(100000)), "people"), "about 100,000 people");
        assert_eq!(en(&Quantity::Range(w(50000), w(70000)), "people"), "50,000–70,000 people");
        assert_eq!(en(&Quantity::OneOf(vec![w(20), w(29)]), "years"), "20 or 29 years");
        assert_eq!(en(&Quantity::OneOf(vec![w(16), w(22), w(23)]), "documents"), "16, 22 or 23 documents");
        assert_eq!(quantity_label_in(&Quantity::Exact(d(1209, 2)), "млн долларов", for_locale("ru")), "12,09 млн долларов");
        assert_eq!(quantity_label_in(&Quantity::Approx(w(100000)), "нафар", for_locale("tg")), "тақрибан 100\u{a0}000 нафар");
        assert_eq!(quantity_label_in(&Quantity::Exact(d(1209, 2)), "млн доллар", for_locale("tg")), "12,09 млн доллар");
        assert_eq!(quantity_label_in(&Quantity::Exact(d(1_234_505, 2)), "دلار", for_locale("fa")), "12,345.05 دلار");
    }

    #[test]
    fn a_membership_and_a_figure_are_worded_in_the_cards_language() {
        let index = Index::new(crate::builtin());
        let query = Query { kinds: vec![RecordKind::Membership, RecordKind::Figure], ..Query::default() };
        let ru = search(&index, &query, for_locale("ru")).unwrap();
        let membership = ru.hits.iter().find(|h| h.kind == RecordKind::Membership).unwrap();
        assert!(membership.title.starts_with("Членство: "), "{}", membership.title);
        let figure = ru.hits.iter().find(|h| h.value.as_deref().is_some_and(|v| v.starts_with("около "))).unwrap();
        assert!(figure.summary.starts_with("около "), "{}", figure.summary);
    }
}
