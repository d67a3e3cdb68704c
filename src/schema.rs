//! The dataset's JSON form, both ways: reads parsed JSON into the `model`
//! types (checking shape: field names, types, vocabularies, dates) with a
//! path for every problem, and writes the types back in the same form.

use crate::date::DateSpec;
use crate::json::{Path, Reader, ToJson, Value, Writer};
use crate::model::*;

/// Reads a whole dataset; `None` when any part has the wrong shape (the
/// reader then holds every problem found).
pub fn read_dataset(r: &mut Reader, value: &Value) -> Option<Dataset> {
    let path = Path::Root;
    let f = r.object(
        value,
        &path,
        &[
            "schemaVersion",
            "language",
            "subject",
            "title",
            "about",
            "sources",
            "partners",
            "places",
            "events",
            "figures",
            "periods",
            "memberships",
            "disputes",
        ],
    )?;
    // Every field is read before giving up, so one file shows all its shape problems at once.
    let schema_version = required(r, &f, &path, "schemaVersion", |r, v, p| r.whole(v, p, 0, i64::from(u32::MAX)));
    let language = optional(r, &f, &path, "language", Reader::string);
    let subject = required(r, &f, &path, "subject", read_subject);
    let title = required(r, &f, &path, "title", read_text);
    let about = optional(r, &f, &path, "about", read_text);
    let sources = required(r, &f, &path, "sources", |r, v, p| r.list(v, p, read_source));
    let partners = required(r, &f, &path, "partners", |r, v, p| r.list(v, p, read_partner));
    let places = listed(r, &f, &path, "places", read_place);
    let events = listed(r, &f, &path, "events", read_event);
    let figures = listed(r, &f, &path, "figures", read_figure);
    let periods = listed(r, &f, &path, "periods", read_period);
    let memberships = listed(r, &f, &path, "memberships", read_membership);
    let disputes = listed(r, &f, &path, "disputes", read_dispute);
    let mut dataset = Dataset {
        schema_version: schema_version? as u32,
        language: language?,
        subject: subject?,
        title: title?,
        about: about?,
        sources: sources?,
        partners: partners?,
        places: places?,
        events: events?,
        figures: figures?,
        periods: periods?,
        memberships: memberships?,
        disputes: disputes?,
    };
    let language = dataset.language.clone().unwrap_or_default();
    dataset.texts_mut(&mut |_, text| text.settle(&language));
    Some(dataset)
}

/// A text: a string in the dataset's language, or (schema version 2) an
/// object of language tags and strings, its own language among them (found
/// once the dataset's `language` is read: `Text::settle`).
fn read_text(r: &mut Reader, value: &Value, path: &Path) -> Option<Text> {
    match &value.kind {
        crate::json::Kind::Object(members) => {
            let mut languages = Vec::with_capacity(members.len());
            for member in members {
                let text = r.string(&member.value, &path.key(&member.key))?;
                languages.push((member.key.to_string(), text));
            }
            Some(Text { own: String::new(), languages })
        }
        _ => r.string(value, path).map(Text::from),
    }
}

type Fields<'v> = crate::json::Fields<'v>;

/// A field that must be there, read by `read`.
fn required<T>(
    r: &mut Reader,
    f: &Fields,
    path: &Path,
    name: &'static str,
    read: impl FnOnce(&mut Reader, &Value, &Path) -> Option<T>,
) -> Option<T> {
    let value = f.required(r, path, name)?;
    read(r, value, &f.path(path, name))
}

/// A field that may be missing or null.
fn optional<T>(
    r: &mut Reader,
    f: &Fields,
    path: &Path,
    name: &'static str,
    read: impl FnOnce(&mut Reader, &Value, &Path) -> Option<T>,
) -> Option<Option<T>> {
    match f.optional(name) {
        Some(value) => read(r, value, &f.path(path, name)).map(Some),
        None => Some(None),
    }
}

/// A list that may be missing (then empty).
fn listed<T>(
    r: &mut Reader,
    f: &Fields,
    path: &Path,
    name: &'static str,
    item: fn(&mut Reader, &Value, &Path) -> Option<T>,
) -> Option<Vec<T>> {
    optional(r, f, path, name, |r, v, p| r.list(v, p, item)).map(Option::unwrap_or_default)
}

fn strings(r: &mut Reader, f: &Fields, path: &Path, name: &'static str) -> Option<Vec<String>> {
    optional(r, f, path, name, Reader::strings).map(Option::unwrap_or_default)
}

fn read_date(r: &mut Reader, value: &Value, path: &Path) -> Option<DateSpec> {
    let Some(text) = value.as_str() else {
        return r.expected(value, path, "a string");
    };
    match text.parse() {
        Ok(date) => Some(date),
        Err(crate::date::DateError(message)) => r.fail(value.at, path, message),
    }
}

fn read_themes(r: &mut Reader, value: &Value, path: &Path) -> Option<Vec<Theme>> {
    r.list(value, path, |r, v, p| r.keyword(v, p, Theme::parse, &Theme::KEYS))
}

fn read_citations(r: &mut Reader, value: &Value, path: &Path) -> Option<Vec<Citation>> {
    r.list(value, path, |r, v, p| {
        let f = r.object(v, p, &["source", "locator"])?;
        let source = required(r, &f, p, "source", Reader::string);
        let locator = required(r, &f, p, "locator", Reader::string);
        Some(Citation { source: source?, locator: locator? })
    })
}

fn read_subject(r: &mut Reader, value: &Value, path: &Path) -> Option<Subject> {
    let f = r.object(value, path, &["code", "name"])?;
    let code = required(r, &f, path, "code", Reader::string);
    let name = required(r, &f, path, "name", read_text);
    Some(Subject { code: code?, name: name? })
}

fn read_source(r: &mut Reader, value: &Value, path: &Path) -> Option<Source> {
    let f = r.object(value, path, &["id", "title", "publisher", "asOf", "reliability", "url", "licence"])?;
    let id = required(r, &f, path, "id", Reader::string);
    let title = required(r, &f, path, "title", Reader::string);
    let publisher = required(r, &f, path, "publisher", Reader::string);
    let as_of = required(r, &f, path, "asOf", read_date);
    let reliability = required(r, &f, path, "reliability", read_text);
    let url = optional(r, &f, path, "url", Reader::string);
    let licence = optional(r, &f, path, "licence", Reader::string);
    Some(Source { id: id?, title: title?, publisher: publisher?, as_of: as_of?, reliability: reliability?, url: url?, licence: licence? })
}

fn read_partner(r: &mut Reader, value: &Value, path: &Path) -> Option<Partner> {
    let f = r.object(value, path, &["code", "kind", "name", "aliases", "region"])?;
    let code = required(r, &f, path, "code", Reader::string);
    let kind = required(r, &f, path, "kind", |r, v, p| r.keyword(v, p, PartnerKind::parse, &PartnerKind::KEYS));
    let name = required(r, &f, path, "name", read_text);
    let aliases = strings(r, &f, path, "aliases");
    let region = required(r, &f, path, "region", read_text);
    Some(Partner { code: code?, kind: kind?, name: name?, aliases: aliases?, region: region? })
}

fn read_place(r: &mut Reader, value: &Value, path: &Path) -> Option<Place> {
    let f = r.object(value, path, &["id", "name", "aliases", "partners"])?;
    let id = required(r, &f, path, "id", Reader::string);
    let name = required(r, &f, path, "name", read_text);
    let aliases = strings(r, &f, path, "aliases");
    let partners = strings(r, &f, path, "partners");
    Some(Place { id: id?, name: name?, aliases: aliases?, partners: partners? })
}

fn read_event(r: &mut Reader, value: &Value, path: &Path) -> Option<Event> {
    let f = r.object(value, path, &["id", "kind", "date", "partners", "themes", "title", "summary", "asOf", "sources"])?;
    let id = required(r, &f, path, "id", Reader::string);
    let kind = required(r, &f, path, "kind", |r, v, p| r.keyword(v, p, EventKind::parse, &EventKind::KEYS));
    let date = required(r, &f, path, "date", read_date);
    let partners = required(r, &f, path, "partners", Reader::strings);
    let themes = required(r, &f, path, "themes", read_themes);
    let title = required(r, &f, path, "title", read_text);
    let summary = required(r, &f, path, "summary", read_text);
    let as_of = optional(r, &f, path, "asOf", read_date);
    let sources = required(r, &f, path, "sources", read_citations);
    Some(Event {
        id: id?,
        kind: kind?,
        date: date?,
        partners: partners?,
        themes: themes?,
        title: title?,
        summary: summary?,
        as_of: as_of?,
        sources: sources?,
    })
}

fn read_quantity(r: &mut Reader, value: &Value, path: &Path) -> Option<Quantity> {
    const FORMS: [&str; 4] = ["exact", "approx", "range", "oneOf"];
    let f = r.object(value, path, &FORMS)?;
    let given: Vec<&str> = FORMS.into_iter().filter(|form| f.optional(form).is_some()).collect();
    let [form] = given[..] else {
        return r.fail(value.at, path, "give the value as exactly one of `exact`, `approx`, `range` or `oneOf`".to_string());
    };
    let inner = f.optional(form)?;
    let here = f.path(path, form);
    let numbers = |r: &mut Reader| r.list(inner, &here, Reader::decimal);
    Some(match form {
        "exact" => Quantity::Exact(r.decimal(inner, &here)?),
        "approx" => Quantity::Approx(r.decimal(inner, &here)?),
        "range" => match numbers(r)?[..] {
            [low, high] => Quantity::Range(low, high),
            _ => return r.fail(inner.at, &here, "a range is two numbers: [low, high]".to_string()),
        },
        _ => Quantity::OneOf(numbers(r)?),
    })
}

fn read_figure(r: &mut Reader, value: &Value, path: &Path) -> Option<Figure> {
    let f = r.object(value, path, &["id", "date", "partners", "themes", "title", "value", "unit", "summary", "asOf", "sources"])?;
    let id = required(r, &f, path, "id", Reader::string);
    let date = required(r, &f, path, "date", read_date);
    let partners = required(r, &f, path, "partners", Reader::strings);
    let themes = required(r, &f, path, "themes", read_themes);
    let title = required(r, &f, path, "title", read_text);
    let quantity = required(r, &f, path, "value", read_quantity);
    let unit = required(r, &f, path, "unit", read_text);
    let summary = optional(r, &f, path, "summary", read_text);
    let as_of = optional(r, &f, path, "asOf", read_date);
    let sources = required(r, &f, path, "sources", read_citations);
    Some(Figure {
        id: id?,
        date: date?,
        partners: partners?,
        themes: themes?,
        title: title?,
        value: quantity?,
        unit: unit?,
        summary: summary?.unwrap_or_default(),
        as_of: as_of?,
        sources: sources?,
    })
}

fn read_period(r: &mut Reader, value: &Value, path: &Path) -> Option<Period> {
    let f = r.object(value, path, &["id", "partner", "date", "tone", "title", "summary", "sources"])?;
    let id = required(r, &f, path, "id", Reader::string);
    let partner = required(r, &f, path, "partner", Reader::string);
    let date = required(r, &f, path, "date", read_date);
    let tone = required(r, &f, path, "tone", |r, v, p| r.keyword(v, p, Tone::parse, &Tone::KEYS));
    let title = required(r, &f, path, "title", read_text);
    let summary = required(r, &f, path, "summary", read_text);
    let sources = required(r, &f, path, "sources", read_citations);
    Some(Period { id: id?, partner: partner?, date: date?, tone: tone?, title: title?, summary: summary?, sources: sources? })
}

fn read_membership(r: &mut Reader, value: &Value, path: &Path) -> Option<Membership> {
    let f = r.object(value, path, &["id", "organisation", "joined", "sources"])?;
    let id = required(r, &f, path, "id", Reader::string);
    let organisation = required(r, &f, path, "organisation", Reader::string);
    let joined = optional(r, &f, path, "joined", read_date);
    let sources = required(r, &f, path, "sources", read_citations);
    Some(Membership { id: id?, organisation: organisation?, joined: joined?, sources: sources? })
}

fn read_dispute(r: &mut Reader, value: &Value, path: &Path) -> Option<Dispute> {
    let f = r.object(value, path, &["id", "topic", "claims"])?;
    let id = required(r, &f, path, "id", Reader::string);
    let topic = required(r, &f, path, "topic", read_text);
    let claims = required(r, &f, path, "claims", Reader::strings);
    Some(Dispute { id: id?, topic: topic?, claims: claims? })
}

// Writing: the same names, optional fields left out when empty.

/// A string, or the object of languages it was given as.
impl ToJson for Text {
    fn write_json(&self, out: &mut Writer) {
        if self.languages.is_empty() {
            out.string(&self.own);
        } else {
            out.begin_object();
            for (tag, text) in &self.languages {
                out.field(tag, text);
            }
            out.end_object();
        }
    }
}

impl ToJson for Dataset {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("schemaVersion", &self.schema_version);
        out.optional("language", &self.language);
        out.field("subject", &self.subject);
        out.field("title", &self.title);
        out.optional("about", &self.about);
        out.field("sources", &self.sources);
        out.field("partners", &self.partners);
        out.field("places", &self.places);
        out.field("events", &self.events);
        out.field("figures", &self.figures);
        out.field("periods", &self.periods);
        out.field("memberships", &self.memberships);
        out.field("disputes", &self.disputes);
        out.end_object();
    }
}

impl ToJson for Subject {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("code", &self.code);
        out.field("name", &self.name);
        out.end_object();
    }
}

impl ToJson for Source {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("id", &self.id);
        out.field("title", &self.title);
        out.field("publisher", &self.publisher);
        out.field("asOf", &self.as_of);
        out.field("reliability", &self.reliability);
        out.optional("url", &self.url);
        out.optional("licence", &self.licence);
        out.end_object();
    }
}

impl ToJson for Partner {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("code", &self.code);
        out.field("kind", &self.kind);
        out.field("name", &self.name);
        out.field("aliases", &self.aliases);
        out.field("region", &self.region);
        out.end_object();
    }
}

impl ToJson for Place {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("id", &self.id);
        out.field("name", &self.name);
        out.field("aliases", &self.aliases);
        out.field("partners", &self.partners);
        out.end_object();
    }
}

impl ToJson for Citation {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("source", &self.source);
        out.field("locator", &self.locator);
        out.end_object();
    }
}

impl ToJson for Event {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("id", &self.id);
        out.field("kind", &self.kind);
        out.field("date", &self.date);
        out.field("partners", &self.partners);
        out.field("themes", &self.themes);
        out.field("title", &self.title);
        out.field("summary", &self.summary);
        out.optional("asOf", &self.as_of);
        out.field("sources", &self.sources);
        out.end_object();
    }
}

impl ToJson for Quantity {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        match self {
            Quantity::Exact(value) => out.field("exact", value),
            Quantity::Approx(value) => out.field("approx", value),
            Quantity::Range(low, high) => out.field("range", &[*low, *high][..]),
            Quantity::OneOf(values) => out.field("oneOf", values),
        }
        out.end_object();
    }
}

impl ToJson for Figure {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("id", &self.id);
        out.field("date", &self.date);
        out.field("partners", &self.partners);
        out.field("themes", &self.themes);
        out.field("title", &self.title);
        out.field("value", &self.value);
        out.field("unit", &self.unit);
        if !self.summary.is_empty() {
            out.field("summary", &self.summary);
        }
        out.optional("asOf", &self.as_of);
        out.field("sources", &self.sources);
        out.end_object();
    }
}

impl ToJson for Period {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("id", &self.id);
        out.field("partner", &self.partner);
        out.field("date", &self.date);
        out.field("tone", &self.tone);
        out.field("title", &self.title);
        out.field("summary", &self.summary);
        out.field("sources", &self.sources);
        out.end_object();
    }
}

impl ToJson for Membership {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("id", &self.id);
        out.field("organisation", &self.organisation);
        out.optional("joined", &self.joined);
        out.field("sources", &self.sources);
        out.end_object();
    }
}

impl ToJson for Dispute {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("id", &self.id);
        out.field("topic", &self.topic);
        out.field("claims", &self.claims);
        out.end_object();
    }
}

#[cfg(test)]
mod tests {
    use crate::json;

    #[test]
    fn the_builtin_dataset_reads_back_what_it_writes() {
        let dataset = crate::builtin();
        let written = json::to_string_pretty(&dataset);
        assert!(crate::load(&written).unwrap() == dataset, "the written dataset reads back the same");
    }
}
