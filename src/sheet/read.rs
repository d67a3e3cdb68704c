//! Sheets into a dataset. Each file is read, recognised by its header, and
//! its rows become partners, sources, places, records or disputes; names
//! are resolved (a partner by code, name or alias, here or in the built-in
//! data; a source by id, title or URL); then the dataset goes through the
//! same checks as a JSON file, and each problem found is put back at the
//! row and column it came from.

use super::cells::{self, ColumnKey};
use super::table::{self, Row, Table};
use super::{timelinejs, Form, GroupAs, Imported, Options, Problem, SheetFile, SheetKind, SOURCE_FORM};
use crate::date::DateSpec;
use crate::hashing::{FxMap, FxSet};
use crate::model::{
    primary_subtag, Citation, Dataset, Dispute, Event, EventKind, Figure, Membership, Partner, PartnerKind, Period, Place, Source, Subject,
    Text, Theme, Tone, SCHEMA_VERSION,
};
use crate::validate::{self, MAX_PROBLEMS};

/// The region of the built-in dataset's subject, which its data does not
/// say (a subject has none): where a card on a neighbour lists Tajikistan.
const BUILTIN_SUBJECT_REGION: &str = "Central Asia";

/// One file read: what it holds, its columns understood, its rows.
struct Sheet {
    file: String,
    kind: SheetKind,
    header: Vec<String>,
    columns: Vec<ColumnKey>,
    rows: Vec<Row>,
}

impl Sheet {
    /// The column of a field (`source`, 2), in the dataset's own language.
    fn column(&self, base: &str, number: usize) -> Option<usize> {
        self.columns.iter().position(|c| c.base == base && c.number == number && c.language.is_none())
    }

    fn cell<'r>(&self, row: &'r Row, base: &str) -> &'r str {
        self.column(base, 1).map_or("", |i| row.cell(i))
    }
}

/// Where a dataset item came from: a sheet's row; `mentioned` when it was
/// made from a name in another sheet (a partner named in a record), so its
/// problems point at the cell that named it.
#[derive(Clone, Copy)]
struct Origin {
    sheet: usize,
    row: usize,
    mentioned: Option<usize>,
}

struct Builder<'o> {
    options: &'o Options,
    sheets: Vec<Sheet>,
    dataset: Dataset,
    problems: Vec<Problem>,
    notes: Vec<String>,
    origins: FxMap<(&'static str, usize), Origin>,
    /// Folded codes, names and aliases of the partners so far, to codes.
    partner_names: FxMap<String, String>,
    source_names: FxMap<String, String>,
    /// The built-in dataset, read when a name is not found otherwise.
    builtin: Option<Dataset>,
    /// Records whose sheet gave no id: (list, index, title), named at the end.
    unnamed: Vec<(&'static str, usize, String)>,
    /// The card sheet and its row, for problems with the dataset as a whole.
    card_row: Option<(usize, usize)>,
    /// Partners from the options' form, by their place in the dataset: the name the sheet used.
    form_partners: FxMap<usize, String>,
    unknown_partners: Vec<String>,
}

/// Reads the files into a dataset, or says every problem at its place.
pub fn import(files: &[SheetFile], options: &Options) -> Imported {
    let mut b = Builder {
        options,
        sheets: Vec::new(),
        dataset: empty_dataset(),
        problems: Vec::new(),
        notes: Vec::new(),
        origins: FxMap::default(),
        partner_names: FxMap::default(),
        source_names: FxMap::default(),
        builtin: None,
        unnamed: Vec::new(),
        card_row: None,
        form_partners: FxMap::default(),
        unknown_partners: Vec::new(),
    };
    for file in files {
        b.read_file(file);
    }
    if b.sheets.is_empty() && b.problems.is_empty() {
        b.problems.push(problem("", None, None, "no sheet was given: paste a sheet, or choose a CSV or TimelineJS file".to_string()));
    }
    b.build();
    let Builder { mut problems, dataset, notes, sheets, unknown_partners, .. } = b;
    let sheets = sheets.into_iter().map(|sheet| (sheet.file, sheet.header, sheet.rows)).collect();
    // In the order an editor reads the sheets: file by file, row by row.
    crate::sorting::sort_by(&mut problems, &|a: &Problem, b: &Problem| {
        (a.file.as_str(), a.row, a.column_index).cmp(&(b.file.as_str(), b.row, b.column_index))
    });
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(problem("", None, None, format!("and {more} more problems")));
    }
    Imported { dataset: problems.is_empty().then_some(dataset), problems, notes, sheets, unknown_partners }
}

fn empty_dataset() -> Dataset {
    Dataset {
        schema_version: SCHEMA_VERSION,
        language: None,
        subject: Subject { code: String::new(), name: Text::default() },
        title: Text::default(),
        about: None,
        sources: Vec::new(),
        partners: Vec::new(),
        places: Vec::new(),
        events: Vec::new(),
        figures: Vec::new(),
        periods: Vec::new(),
        memberships: Vec::new(),
        disputes: Vec::new(),
    }
}

fn problem(file: &str, row: Option<usize>, column: Option<(&str, usize)>, message: String) -> Problem {
    Problem { file: file.to_string(), row, column: column.map(|(name, _)| name.to_string()), column_index: column.map(|(_, i)| i), message }
}

/// How names are compared: folded words, so "Kazakstan", "KAZAKSTAN" and
/// "Kazakstán" are one name.
fn name_key(name: &str) -> String {
    crate::text::words(name).join(" ")
}

impl Builder<'_> {
    fn read_file(&mut self, file: &SheetFile) {
        let text = match table::decode(&file.bytes) {
            Ok(text) => text,
            Err(e) => return self.problems.push(problem(&file.name, e.row, None, e.message)),
        };
        let table = if text.trim_start().starts_with('{') {
            match timelinejs::table_from_json(&text) {
                Ok(table) => table,
                Err(message) => return self.problems.push(problem(&file.name, None, None, message)),
            }
        } else {
            if self.options.form == Form::Tsv && !text.lines().next().unwrap_or("").contains('\t') {
                return self.problems.push(problem(&file.name, Some(1), None, "this is not TSV: its first row has no tabs".to_string()));
            }
            match table::parse(&text) {
                Ok(table) => table,
                Err(e) => return self.problems.push(problem(&file.name, e.row, None, e.message)),
            }
        };
        self.add_table(&file.name, table);
    }

    fn add_table(&mut self, file: &str, table: Table) {
        let Table { header, rows } = table;
        if header.iter().all(|h| h.is_empty()) {
            return self.problems.push(problem(
                file,
                None,
                None,
                "the sheet is empty: its first row should name the columns (date, partners, title, summary, source…)".to_string(),
            ));
        }
        let columns: Vec<ColumnKey> = header.iter().map(|h| ColumnKey::of(h)).collect();
        let kind = match (self.options.form, SheetKind::of(&columns)) {
            (Form::TimelineJs, _) => SheetKind::TimelineJs,
            (_, Some(kind)) => kind,
            (_, None) => {
                let shown: Vec<&str> = header.iter().take(6).map(String::as_str).collect();
                return self.problems.push(problem(
                    file,
                    Some(1),
                    None,
                    format!(
                        "these columns ({}) are not a sheet this card reads: a sheet of records has at least the columns \
                         date, partners, themes, title, summary, source and locator (see the template)",
                        shown.join(", ")
                    ),
                ));
            }
        };
        if rows.len() > validate::MAX_RECORDS {
            return self.problems.push(problem(
                file,
                None,
                None,
                format!("{} rows: a card holds at most {} records, so that it fits a phone's memory", rows.len(), validate::MAX_RECORDS),
            ));
        }
        // A column named twice would make one of them silently ignored.
        for (i, key) in columns.iter().enumerate() {
            if !key.base.is_empty() && columns[..i].contains(key) {
                self.problems.push(problem(file, Some(1), Some((&header[i], i)), format!("the column \"{}\" is there twice", header[i])));
            }
        }
        self.sheets.push(Sheet { file: file.to_string(), kind, header, columns, rows });
    }

    fn build(&mut self) {
        let order = [SheetKind::Card, SheetKind::Partners, SheetKind::Sources, SheetKind::Places];
        for kind in order {
            for s in 0..self.sheets.len() {
                if self.sheets[s].kind == kind {
                    self.read_sheet(s);
                }
            }
        }
        self.settle_card();
        self.add_source_form();
        self.add_partner_forms();
        for s in 0..self.sheets.len() {
            match self.sheets[s].kind {
                SheetKind::Records | SheetKind::TimelineJs => self.read_sheet(s),
                _ => {}
            }
        }
        for s in 0..self.sheets.len() {
            if self.sheets[s].kind == SheetKind::Disputes {
                self.read_sheet(s);
            }
        }
        if self.sheets.iter().any(|sheet| sheet.kind == SheetKind::TimelineJs) && self.dataset.sources.len() != 1 {
            let message = "a TimelineJS sheet names no source: give the one document its rows come from \
                           (a sources sheet of one row: title, publisher, as of, reliability)";
            self.problems.push(problem("", None, None, message.to_string()));
        }
        self.settle_title();
        self.name_unnamed();
        if self.problems.is_empty() || self.problems.iter().all(|p| p.row.is_some()) {
            self.check();
        }
    }

    fn read_sheet(&mut self, s: usize) {
        let rows = std::mem::take(&mut self.sheets[s].rows);
        for row in &rows {
            match self.sheets[s].kind {
                SheetKind::Card => self.read_card(s, row),
                SheetKind::Partners => self.read_partner(s, row),
                SheetKind::Sources => self.read_source(s, row),
                SheetKind::Places => self.read_place(s, row),
                SheetKind::Records => self.read_record(s, row),
                SheetKind::Disputes => self.read_dispute(s, row),
                SheetKind::TimelineJs => self.read_timeline_row(s, row),
            }
        }
        self.sheets[s].rows = rows;
    }

    /// A problem at a cell of a sheet.
    fn at(&mut self, s: usize, row: usize, base: &str, message: String) {
        let sheet = &self.sheets[s];
        let column = sheet.column(base, 1).map(|i| (sheet.header[i].as_str(), i));
        let p = problem(&sheet.file, Some(row), column, message);
        self.problems.push(p);
    }

    fn own_language(&self) -> String {
        self.dataset.language.clone().unwrap_or_else(|| "en".to_string())
    }

    /// A text from its column and the same column in other languages.
    fn text(&self, s: usize, row: &Row, base: &str) -> Text {
        let sheet = &self.sheets[s];
        let own_language = self.own_language();
        let mut own = sheet.column(base, 1).map(|i| row.cell(i).to_string());
        let mut others = Vec::new();
        for (i, key) in sheet.columns.iter().enumerate() {
            let (true, Some(tag)) = (key.base == base && key.number == 1, key.language.as_deref()) else { continue };
            let cell = row.cell(i);
            if primary_subtag(tag) == primary_subtag(&own_language) {
                if own.as_deref().is_none_or(str::is_empty) {
                    own = Some(cell.to_string());
                }
            } else if !cell.is_empty() {
                others.push((tag.to_string(), cell.to_string()));
            }
        }
        let own = own.unwrap_or_default();
        if others.is_empty() {
            return Text::from(own);
        }
        let mut languages = vec![(own_language, own.clone())];
        languages.extend(others);
        Text { own, languages }
    }

    fn optional_text(&self, s: usize, row: &Row, base: &str) -> Option<Text> {
        let text = self.text(s, row, base);
        (!text.own.is_empty() || !text.languages.is_empty()).then_some(text)
    }

    fn date(&mut self, s: usize, row: &Row, base: &str) -> Option<DateSpec> {
        let cell = self.sheets[s].cell(row, base).to_string();
        if cell.is_empty() {
            return None;
        }
        match cells::date(&cell) {
            Ok(date) => Some(date),
            Err(message) => {
                self.at(s, row.number, base, message);
                None
            }
        }
    }

    fn required_date(&mut self, s: usize, row: &Row, base: &str) -> DateSpec {
        let missing = self.sheets[s].cell(row, base).is_empty();
        if missing {
            self.at(s, row.number, base, "a date is needed: a day (2021-03-31), a month (2021-03) or a year (2021)".to_string());
        }
        self.date(s, row, base).unwrap_or(DateSpec {
            start: crate::date::PartialDate { year: 1, month: None, day: None },
            end: None,
            approximate: false,
        })
    }

    fn read_card(&mut self, s: usize, row: &Row) {
        if self.card_row.is_some() {
            return self.at(s, row.number, "subject", "a card sheet has one row: this one is a second".to_string());
        }
        self.card_row = Some((s, row.number));
        let language = self.sheets[s].cell(row, "language").to_string();
        if !language.is_empty() {
            self.dataset.language = Some(language);
        }
        let subject = self.sheets[s].cell(row, "subject").to_string();
        if !subject.is_empty() {
            self.dataset.subject.code = subject;
        }
        if let Some(name) = self.optional_text(s, row, "subjectname") {
            self.dataset.subject.name = name;
        }
        if let Some(title) = self.optional_text(s, row, "title") {
            self.dataset.title = title;
        }
        self.dataset.about = self.optional_text(s, row, "about");
    }

    /// The dataset as a whole: its language, whose relations, its title,
    /// from the card sheet or else the options.
    fn settle_card(&mut self) {
        if self.dataset.language.is_none() {
            self.dataset.language = Some(self.options.language.clone().unwrap_or_else(|| "en".to_string()));
        }
        if self.dataset.subject.code.is_empty() {
            self.dataset.subject.code = self.options.subject.clone().unwrap_or_default();
        }
        let given = self.dataset.subject.code.clone();
        if given.is_empty() {
            return self.card_problem(
                "subject",
                "say whose relations these are: a card sheet with a subject column (a country code such as KG), \
                 or the subject option"
                    .to_string(),
            );
        }
        // A name the built-in data knows stands for its code.
        let is_code = given.len() == 2 && given.bytes().all(|b| b.is_ascii_uppercase());
        if !is_code {
            match self.builtin_partner(&given) {
                Some(p) => self.dataset.subject.code = p.code.clone(),
                None => {
                    return self.card_problem(
                        "subject",
                        format!("\"{given}\" is not a country this card knows: give its ISO 3166-1 code (two capital letters)"),
                    )
                }
            }
        }
        if self.dataset.subject.name.is_empty() {
            let code = self.dataset.subject.code.clone();
            let builtin = self.builtin();
            let name = if builtin.subject.code == code {
                Some(builtin.subject.name.own.clone())
            } else {
                builtin.partner(&code).map(|p| p.name.own.clone())
            };
            match name {
                Some(name) => self.dataset.subject.name = Text::from(name),
                None => self.card_problem("subjectname", format!("give the name of {code} (a subject name column)")),
            }
        }
    }

    /// A title from the options, or made from the subject's name in
    /// English, when neither a card sheet nor a TimelineJS title slide gave one.
    fn settle_title(&mut self) {
        if self.dataset.title.is_empty() && !self.dataset.subject.name.is_empty() {
            if let Some(title) = &self.options.title {
                self.dataset.title = Text::from(title.clone());
            } else if primary_subtag(&self.own_language()) == "en" {
                self.dataset.title = Text::from(format!("{}'s foreign relations", self.dataset.subject.name));
            } else {
                self.card_problem("title", "give the card a title (a title column in the card sheet)".to_string());
            }
        }
    }

    /// The partners the options describe, after the sheets' own; a form
    /// without a code is not ready yet (its name stays unknown).
    fn add_partner_forms(&mut self) {
        for form in self.options.new_partners.clone() {
            if form.code.trim().is_empty() || self.partner_names.contains_key(&name_key(&form.name)) {
                continue;
            }
            let code = form.code.trim().to_string();
            // The form's kind comes from a list; anything else is guessed from the code.
            let kind = partner_kind(form.kind.trim(), &code).or_else(|| partner_kind("", &code)).unwrap_or(PartnerKind::Country);
            let name = Text::from(form.name.trim().to_string());
            let partner = Partner { code, kind, name, aliases: Vec::new(), region: Text::from(form.region.trim().to_string()) };
            self.form_partners.insert(self.dataset.partners.len(), form.name.trim().to_string());
            let code = partner.code.clone();
            self.add_partner(partner, Origin { sheet: usize::MAX, row: 0, mentioned: None });
            // The name as the sheet writes it finds the partner however the code is written.
            self.partner_names.insert(name_key(&code), code);
        }
    }

    /// The source the options give, after the sheets' own.
    fn add_source_form(&mut self) {
        let Some(form) = &self.options.source else { return };
        let blank = |field: &str, text: &str| {
            text.trim().is_empty().then(|| problem(SOURCE_FORM, None, None, format!("{field}: must not be empty")))
        };
        let mut problems: Vec<Problem> = [
            blank("title", &form.title),
            blank("publisher", &form.publisher),
            blank("as of", &form.as_of),
            blank("reliability", &form.reliability),
        ]
        .into_iter()
        .flatten()
        .collect();
        let as_of = cells::date(&form.as_of);
        if let (Err(message), false) = (&as_of, form.as_of.trim().is_empty()) {
            problems.push(problem(SOURCE_FORM, None, None, format!("as of: {message}")));
        }
        let (Ok(as_of), true) = (as_of, problems.is_empty()) else {
            return self.problems.extend(problems);
        };
        let mut id = cells::slug(&form.title);
        if id.is_empty() || self.dataset.source(&id).is_some() {
            id = format!("source-{}", self.dataset.sources.len() + 1);
        }
        let url = Some(form.url.trim().to_string()).filter(|u| !u.is_empty());
        let source = Source {
            id,
            title: form.title.trim().to_string(),
            publisher: form.publisher.trim().to_string(),
            as_of,
            reliability: Text::from(form.reliability.trim().to_string()),
            url,
            licence: None,
        };
        self.add_source(source, None);
    }

    /// A source, findable from then on by its id, title or URL; `origin`
    /// is its row in a sources sheet (the form's has none).
    fn add_source(&mut self, source: Source, origin: Option<Origin>) {
        for name in [Some(&source.id), Some(&source.title), source.url.as_ref()].into_iter().flatten() {
            self.source_names.entry(name_key(name)).or_insert_with(|| source.id.clone());
        }
        if let Some(origin) = origin {
            self.origins.insert(("sources", self.dataset.sources.len()), origin);
        }
        self.dataset.sources.push(source);
    }

    fn card_problem(&mut self, base: &str, message: String) {
        match self.card_row {
            Some((s, row)) => self.at(s, row, base, message),
            None => self.problems.push(problem("", None, None, message)),
        }
    }

    fn builtin(&mut self) -> &Dataset {
        self.builtin.get_or_insert_with(crate::builtin)
    }

    /// A partner of the built-in data by code, name or alias; its subject
    /// (Tajikistan) too, which another country's card may name.
    fn builtin_partner(&mut self, name: &str) -> Option<Partner> {
        let key = name_key(name);
        let builtin = self.builtin();
        let subject = &builtin.subject;
        if known_as(&subject.code, &subject.name, &[], name, &key) {
            return Some(Partner {
                code: subject.code.clone(),
                kind: PartnerKind::Country,
                name: subject.name.clone(),
                aliases: Vec::new(),
                region: Text::from(BUILTIN_SUBJECT_REGION),
            });
        }
        builtin.partners.iter().find(|p| known_as(&p.code, &p.name, &p.aliases, name, &key)).cloned()
    }

    fn add_partner(&mut self, partner: Partner, origin: Origin) {
        let code = partner.code.clone();
        for name in partner.name.forms().chain(partner.aliases.iter().map(String::as_str)).chain([code.as_str()]) {
            self.partner_names.entry(name_key(name)).or_insert_with(|| code.clone());
        }
        self.origins.insert(("partners", self.dataset.partners.len()), origin);
        self.dataset.partners.push(partner);
    }

    fn read_partner(&mut self, s: usize, row: &Row) {
        let sheet = &self.sheets[s];
        let code = sheet.cell(row, "code").to_string();
        let kind_cell = sheet.cell(row, "kind").to_string();
        let aliases = cells::list(sheet.cell(row, "aliases"), false);
        let kind = partner_kind(&kind_cell, &code).unwrap_or_else(|| {
            self.at(s, row.number, "kind", format!("\"{kind_cell}\" is not a kind of partner: write country or organisation"));
            PartnerKind::Country
        });
        let partner = Partner { code, kind, name: self.text(s, row, "name"), aliases, region: self.text(s, row, "region") };
        self.add_partner(partner, Origin { sheet: s, row: row.number, mentioned: None });
    }

    fn read_source(&mut self, s: usize, row: &Row) {
        let sheet = &self.sheets[s];
        let optional = |base| Some(sheet.cell(row, base).to_string()).filter(|c| !c.is_empty());
        let (title, url, licence) = (sheet.cell(row, "title").to_string(), optional("url"), optional("licence").or(optional("license")));
        let mut id = sheet.cell(row, "id").to_string();
        if id.is_empty() {
            id = format!("source-{}", self.dataset.sources.len() + 1);
        }
        let publisher = sheet.cell(row, "publisher").to_string();
        let as_of = self.required_date(s, row, "asof");
        let source = Source { id, title, publisher, as_of, reliability: self.text(s, row, "reliability"), url, licence };
        self.add_source(source, Some(Origin { sheet: s, row: row.number, mentioned: None }));
    }

    fn read_place(&mut self, s: usize, row: &Row) {
        let sheet = &self.sheets[s];
        let id = sheet.cell(row, "id").to_string();
        let aliases = cells::list(sheet.cell(row, "aliases"), false);
        let named = cells::list(sheet.cell(row, "partners"), true);
        let id = if id.is_empty() { cells::slug(&self.text(s, row, "name")) } else { id };
        let partners = named.iter().filter_map(|n| self.partner(s, row.number, "partners", n)).collect();
        let place = Place { id, name: self.text(s, row, "name"), aliases, partners };
        self.origins.insert(("places", self.dataset.places.len()), Origin { sheet: s, row: row.number, mentioned: None });
        self.dataset.places.push(place);
    }

    /// A partner's code from a code, name or alias: the sheets' partners
    /// first, then the built-in data's (added to the dataset). None, with a
    /// problem said, when nothing knows it; None, silently, for the subject,
    /// which every record implies.
    pub(super) fn partner(&mut self, s: usize, row: usize, base: &str, name: &str) -> Option<String> {
        let key = name_key(name);
        if let Some(code) = self.partner_names.get(&key) {
            return Some(code.clone());
        }
        let subject = &self.dataset.subject;
        if known_as(&subject.code, &subject.name, &[], name, &key) {
            return None;
        }
        if let Some(partner) = self.builtin_partner(name) {
            if partner.code == self.dataset.subject.code {
                return None;
            }
            let code = partner.code.clone();
            self.add_partner(partner, Origin { sheet: s, row, mentioned: self.sheets[s].column(base, 1) });
            return Some(code);
        }
        self.at(
            s,
            row,
            base,
            format!(
                "\"{name}\" is not a partner this card knows: add it to a partners sheet \
                 with its code, kind (country or organisation), name and region"
            ),
        );
        if !self.unknown_partners.iter().any(|known| name_key(known) == key) {
            self.unknown_partners.push(name.to_string());
        }
        None
    }

    fn partners(&mut self, s: usize, row: &Row, base: &str) -> Vec<String> {
        let named = cells::list(self.sheets[s].cell(row, base), true);
        let mut codes: Vec<String> = Vec::with_capacity(named.len());
        for name in named {
            if let Some(code) = self.partner(s, row.number, base, &name) {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        codes
    }

    fn themes(&mut self, s: usize, row: &Row, base: &str) -> Vec<Theme> {
        let mut themes = Vec::new();
        for word in cells::list(self.sheets[s].cell(row, base), true) {
            match Theme::parse(&word) {
                Some(theme) if !themes.contains(&theme) => themes.push(theme),
                Some(_) => {}
                None => self.at(s, row.number, base, format!("\"{word}\" is not a theme; the themes are {}", Theme::KEYS.join(", "))),
            }
        }
        themes
    }

    /// A source's id from its id, title or URL; the only source when the
    /// cell is empty and there is just one.
    pub(super) fn source(&mut self, s: usize, row: usize, base: &str, cell: &str) -> Option<String> {
        if cell.is_empty() {
            if let [only] = &self.dataset.sources[..] {
                return Some(only.id.clone());
            }
            let message = if self.dataset.sources.is_empty() {
                "name the source of this row: add the document to a sources sheet (title, publisher, as of, reliability) \
                 and write its id or title here"
            } else {
                "name the source of this row (its id, title or URL from the sources sheet)"
            };
            self.at(s, row, base, message.to_string());
            return None;
        }
        if let Some(id) = self.source_names.get(&name_key(cell)) {
            return Some(id.clone());
        }
        self.at(
            s,
            row,
            base,
            format!("\"{cell}\" is a source no sources sheet has: add it there with its publisher, date (as of) and reliability"),
        );
        None
    }

    fn citations(&mut self, s: usize, row: &Row) -> Vec<Citation> {
        let mut citations = Vec::new();
        let most = self.sheets[s].columns.iter().filter(|c| c.base == "source" && c.language.is_none()).map(|c| c.number).max();
        for n in 1..=most.unwrap_or(1) {
            let sheet = &self.sheets[s];
            let source_cell = sheet.column("source", n).map_or("", |i| row.cell(i)).to_string();
            let locator_at = sheet.column("locator", n);
            let locator = locator_at.map_or("", |i| row.cell(i)).to_string();
            if n > 1 && source_cell.is_empty() && locator.is_empty() {
                continue;
            }
            let source_header = if n == 1 { "source".to_string() } else { format!("source{n}") };
            let Some(source) = self.source(s, row.number, &source_header, &source_cell) else { continue };
            if locator.is_empty() {
                let message = "say where in the source this is stated: a section, page or paragraph (a locator column)".to_string();
                match locator_at {
                    Some(i) => {
                        let header = self.sheets[s].header[i].clone();
                        let p = problem(&self.sheets[s].file, Some(row.number), Some((&header, i)), message);
                        self.problems.push(p);
                    }
                    None => self.at(s, row.number, "source", message),
                }
                continue;
            }
            citations.push(Citation { source, locator });
        }
        citations
    }

    fn read_record(&mut self, s: usize, row: &Row) {
        let sheet = &self.sheets[s];
        let kind_cell = sheet.cell(row, "kind").to_lowercase();
        let id = sheet.cell(row, "id").to_string();
        let has = |base| !sheet.cell(row, base).is_empty();
        let kind = match kind_cell.as_str() {
            "" if has("value") => "figure",
            "" if has("tone") => "period",
            "" => "event",
            other => other,
        };
        let list: &'static str = match kind {
            "event" | "agreement" => "events",
            "figure" => "figures",
            "period" => "periods",
            "membership" => "memberships",
            other => {
                return self.at(
                    s,
                    row.number,
                    "kind",
                    format!("\"{other}\" is not a kind of record: write event, agreement, figure, period or membership"),
                )
            }
        };
        let title = self.text(s, row, "title");
        let summary = self.text(s, row, "summary");
        let as_of = self.date(s, row, "asof");
        let sources = self.citations(s, row);
        let index = match list {
            "events" => {
                let date = self.required_date(s, row, "date");
                let partners = self.partners(s, row, "partners");
                let themes = self.themes(s, row, "themes");
                let kind = if kind == "agreement" { EventKind::Agreement } else { EventKind::Event };
                self.dataset.events.push(Event { id, kind, date, partners, themes, title, summary, as_of, sources });
                self.dataset.events.len() - 1
            }
            "figures" => {
                let date = self.required_date(s, row, "date");
                let partners = self.partners(s, row, "partners");
                let themes = self.themes(s, row, "themes");
                let value_cell = self.sheets[s].cell(row, "value").to_string();
                let value = match cells::quantity(&value_cell) {
                    Ok(value) => value,
                    Err(message) => {
                        self.at(s, row.number, "value", message);
                        crate::model::Quantity::Exact(crate::decimal::Decimal::whole(0))
                    }
                };
                let unit = self.text(s, row, "unit");
                self.dataset.figures.push(Figure { id, date, partners, themes, title, value, unit, summary, as_of, sources });
                self.dataset.figures.len() - 1
            }
            "periods" => {
                let date = self.required_date(s, row, "date");
                let mut partners = self.partners(s, row, "partners");
                if partners.len() > 1 {
                    self.at(s, row.number, "partners", "a period is the relationship with one partner: name only one".to_string());
                }
                let tone_cell = self.sheets[s].cell(row, "tone").to_string();
                let tone = Tone::parse(&tone_cell).unwrap_or_else(|| {
                    let tones = Tone::KEYS.join(", ");
                    self.at(s, row.number, "tone", format!("\"{tone_cell}\" is not a tone: write one of {tones}"));
                    Tone::Mixed
                });
                let partner = if partners.is_empty() { String::new() } else { partners.swap_remove(0) };
                self.dataset.periods.push(Period { id, partner, date, tone, title, summary, sources });
                self.dataset.periods.len() - 1
            }
            _ => {
                let joined = self.date(s, row, "date");
                let mut partners = self.partners(s, row, "partners");
                if partners.len() != 1 {
                    self.at(s, row.number, "partners", "a membership names the one organisation joined".to_string());
                }
                let organisation = if partners.is_empty() { String::new() } else { partners.swap_remove(0) };
                self.dataset.memberships.push(Membership { id, organisation, joined, sources });
                self.dataset.memberships.len() - 1
            }
        };
        self.record_origin(list, index, s, row.number);
    }

    /// A row of TimelineJS's template: an event (its headline the title,
    /// its text the summary, as plain text), the sheet's title slide, or an
    /// era (left out, with a note). Group names a partner or a theme, as
    /// the options say; the rest comes from the options and the one source.
    fn read_timeline_row(&mut self, s: usize, row: &Row) {
        let sheet = &self.sheets[s];
        let kind = sheet.cell(row, "type").to_lowercase();
        let headline = cells::plain_text(sheet.cell(row, "headline"));
        let text = cells::plain_text(sheet.cell(row, "text"));
        if kind == "title" {
            if self.dataset.title.is_empty() && !headline.is_empty() {
                self.dataset.title = Text::from(headline);
            }
            if self.dataset.about.is_none() && !text.is_empty() {
                self.dataset.about = Some(Text::from(text));
            }
            return;
        }
        if kind == "era" {
            let file = sheet.file.clone();
            return self
                .notes
                .push(format!("{file}:{}: the era \"{headline}\" is left out: a period on a card needs a partner and a tone", row.number));
        }
        let date = match timelinejs::date_of(&|base| sheet.cell(row, base).to_string()) {
            Ok(date) => date,
            Err((base, message)) => {
                self.at(s, row.number, base, message);
                return;
            }
        };
        let said = self.problems.len();
        let (mut partners, mut themes) = (Vec::new(), Vec::new());
        match self.options.group {
            GroupAs::Partner => partners = self.partners(s, row, "group"),
            GroupAs::Theme => themes = self.themes(s, row, "group"),
        }
        // A row whose Group is empty, or names only the subject, gets the
        // partners chosen for the rows that name none.
        if partners.is_empty() && self.problems.len() == said {
            for name in self.options.partners.clone() {
                partners.extend(self.partner(s, row.number, "group", &name));
            }
            if partners.is_empty() {
                let message = "no partner: write one in Group, or choose the partner of rows that name none";
                self.at(s, row.number, "group", message.to_string());
            }
        }
        if themes.is_empty() {
            themes = self.options.themes.clone();
        }
        if themes.is_empty() {
            self.at(s, row.number, "group", "no theme: choose the theme of rows that name none".to_string());
        }
        let summary = if text.is_empty() { headline.clone() } else { text };
        // The sheet's one source, said once for all of it; TimelineJS
        // says nowhere where in it each fact is.
        let sources = match &self.dataset.sources[..] {
            [only] => vec![Citation { source: only.id.clone(), locator: "not given".to_string() }],
            _ => Vec::new(),
        };
        let event = Event {
            id: String::new(),
            kind: EventKind::Event,
            date,
            partners,
            themes,
            title: Text::from(headline),
            summary: Text::from(summary),
            as_of: None,
            sources,
        };
        self.dataset.events.push(event);
        let index = self.dataset.events.len() - 1;
        self.record_origin("events", index, s, row.number);
    }

    /// Notes where a record came from, and asks for an id to be made when
    /// its sheet gave none.
    pub(super) fn record_origin(&mut self, list: &'static str, index: usize, s: usize, row: usize) {
        self.origins.insert((list, index), Origin { sheet: s, row, mentioned: None });
        let id = match list {
            "events" => &self.dataset.events[index].id,
            "figures" => &self.dataset.figures[index].id,
            "periods" => &self.dataset.periods[index].id,
            _ => &self.dataset.memberships[index].id,
        };
        if id.is_empty() {
            let title = match list {
                "events" => self.dataset.events[index].title.own.clone(),
                "figures" => self.dataset.figures[index].title.own.clone(),
                "periods" => self.dataset.periods[index].title.own.clone(),
                _ => format!("member {}", self.dataset.memberships[index].organisation),
            };
            self.unnamed.push((list, index, title));
        }
    }

    fn read_dispute(&mut self, s: usize, row: &Row) {
        let sheet = &self.sheets[s];
        let mut id = sheet.cell(row, "id").to_string();
        if id.is_empty() {
            id = format!("dispute-{}", self.dataset.disputes.len() + 1);
        }
        let claims = cells::list(sheet.cell(row, "claims"), true);
        let dispute = Dispute { id, topic: self.text(s, row, "topic"), claims };
        self.origins.insert(("disputes", self.dataset.disputes.len()), Origin { sheet: s, row: row.number, mentioned: None });
        self.dataset.disputes.push(dispute);
    }

    /// Ids for records their sheet left without: from the title (`bridge-
    /// opened-2007`), or the row (`row-14`), never one already taken.
    fn name_unnamed(&mut self) {
        let d = &self.dataset;
        let mut taken: FxSet<String> = d
            .events
            .iter()
            .map(|e| &e.id)
            .chain(d.figures.iter().map(|f| &f.id))
            .chain(d.periods.iter().map(|p| &p.id))
            .chain(d.memberships.iter().map(|m| &m.id))
            .chain(d.disputes.iter().map(|x| &x.id))
            .filter(|id| !id.is_empty())
            .cloned()
            .collect();
        for (list, index, title) in std::mem::take(&mut self.unnamed) {
            let row = self.origins[&(list, index)].row;
            let mut base = cells::slug(&title);
            if base.is_empty() {
                base = format!("row-{row}");
            }
            let mut id = base.clone();
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            taken.insert(id.clone());
            let slot = match list {
                "events" => &mut self.dataset.events[index].id,
                "figures" => &mut self.dataset.figures[index].id,
                "periods" => &mut self.dataset.periods[index].id,
                _ => &mut self.dataset.memberships[index].id,
            };
            *slot = id;
        }
    }

    /// The dataset's own checks, each problem put back at its cell. A row
    /// with a problem already said is left out: its checks follow from it.
    fn check(&mut self) {
        let said: FxSet<(String, usize)> = self.problems.iter().filter_map(|p| Some((p.file.clone(), p.row?))).collect();
        for error in validate::check(&self.dataset) {
            let p = self.locate(&error.path, error.message);
            if p.row.is_some_and(|row| said.contains(&(p.file.clone(), row))) {
                continue;
            }
            self.problems.push(p);
        }
    }

    /// Where a dataset path (`events[3].sources[1].locator`) is in the sheets.
    fn locate(&self, path: &str, message: String) -> Problem {
        let Some((list, index, rest)) = split_path(path) else {
            return self.dataset_problem(path, message);
        };
        if let (true, Some(name)) = (list == "partners", self.form_partners.get(&index)) {
            return problem(super::PARTNER_FORM, None, None, format!("\"{name}\": {rest}: {message}"));
        }
        let Some(origin) = self.origins.get(&(list, index)).copied() else {
            return problem("", None, None, format!("{path}: {message}"));
        };
        let sheet = &self.sheets[origin.sheet];
        if let Some(i) = origin.mentioned {
            let name = &self.dataset.partners[index].name;
            return problem(&sheet.file, Some(origin.row), Some((&sheet.header[i], i)), format!("partner \"{name}\": {rest}: {message}"));
        }
        let (base, number, language) = field_column(rest, sheet.kind, self.options.group);
        let column = sheet
            .columns
            .iter()
            .position(|c| c.base == base && c.number == number && c.language.as_deref() == language.as_deref())
            .map(|i| (sheet.header[i].as_str(), i));
        let message = if column.is_some() { message } else { format!("{rest}: {message}") };
        problem(&sheet.file, Some(origin.row), column, message)
    }

    fn dataset_problem(&self, path: &str, message: String) -> Problem {
        let base = match path {
            "subject.code" => "subject",
            "subject.name" => "subjectname",
            other => other,
        };
        match self.card_row {
            Some((s, row)) => {
                let sheet = &self.sheets[s];
                let column = sheet.column(base, 1).map(|i| (sheet.header[i].as_str(), i));
                problem(&sheet.file, Some(row), column, message)
            }
            None if path.is_empty() => problem("", None, None, message),
            None => problem("", None, None, format!("{path}: {message}")),
        }
    }
}

/// Whether `given` (folded: `key`) is this code, or one of these names or
/// aliases in any language.
fn known_as(code: &str, name: &Text, aliases: &[String], given: &str, key: &str) -> bool {
    code.eq_ignore_ascii_case(given) || name.forms().chain(aliases.iter().map(String::as_str)).any(|n| name_key(n) == key)
}

/// A partner's kind as written; when nothing is, guessed from its code (two
/// letters: a country). None for a word that is not a kind.
fn partner_kind(written: &str, code: &str) -> Option<PartnerKind> {
    match PartnerKind::parse(written) {
        None if written.is_empty() && code.len() == 2 => Some(PartnerKind::Country),
        None if written.is_empty() => Some(PartnerKind::Organisation),
        kind => kind,
    }
}

/// `events[3].sources[1].locator` → ("events", 3, "sources[1].locator").
fn split_path(path: &str) -> Option<(&'static str, usize, &str)> {
    let (list, rest) = path.split_once('[')?;
    let (index, rest) = rest.split_once(']')?;
    let list =
        ["events", "figures", "periods", "memberships", "disputes", "partners", "sources", "places"].into_iter().find(|l| *l == list)?;
    Some((list, index.parse().ok()?, rest.strip_prefix('.').unwrap_or(rest)))
}

/// The column a record's field is written in: (base, number, language).
fn field_column(field: &str, kind: SheetKind, group: GroupAs) -> (String, usize, Option<String>) {
    let (head, tail) = field.split_once('.').unwrap_or((field, ""));
    let (name, number) = match head.split_once('[') {
        Some((name, index)) => (name, index.trim_end_matches(']').parse::<usize>().map_or(1, |i| i + 1)),
        None => (head, 1),
    };
    let language = (!tail.is_empty() && !tail.contains('.') && name != "sources").then(|| tail.to_string());
    let base = match (name, tail) {
        ("sources", "locator") => "locator",
        ("sources", _) => "source",
        ("partner" | "organisation" | "partners", _) => "partners",
        ("joined", _) => "date",
        ("asOf", _) => "asof",
        (other, _) => other,
    };
    let number = if matches!(name, "sources") { number } else { 1 };
    if kind == SheetKind::TimelineJs {
        let base = match base {
            "title" => "headline",
            "summary" => "text",
            "date" => "year",
            "partners" if group == GroupAs::Partner => "group",
            "themes" if group == GroupAs::Theme => "group",
            other => other,
        };
        return (base.to_string(), 1, None);
    }
    (base.to_lowercase(), number, language)
}

#[cfg(test)]
mod tests;
