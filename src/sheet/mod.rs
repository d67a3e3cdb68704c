//! Datasets as spreadsheets: reading the sheets editors already have (our
//! own form, documented in `data/SCHEMA.md`, and TimelineJS's template or
//! JSON) into a dataset, with every problem at its file, row and column;
//! and writing a dataset as sheets that read back into the same dataset.
//! `relations import`, `relations export --format csv` and the studio page
//! all run this code.

pub mod cells;
mod read;
pub mod studio;
pub mod table;
mod timelinejs;
pub mod write;

use std::fmt;

use crate::model::{Dataset, Theme};

pub use read::import;
pub use studio::{studio, Studio};
pub use table::Table;

/// A file given to the importer: its name (for messages) and its bytes.
#[derive(Debug, Clone)]
pub struct SheetFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// How to read the files: by what they hold, or as the user says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Form {
    #[default]
    Auto,
    Csv,
    Tsv,
    /// TimelineJS's sheet (as CSV or TSV) or its JSON.
    TimelineJs,
}

impl Form {
    pub fn parse(text: &str) -> Option<Form> {
        match text.to_ascii_lowercase().as_str() {
            "auto" => Some(Form::Auto),
            "csv" => Some(Form::Csv),
            "tsv" => Some(Form::Tsv),
            "timelinejs" => Some(Form::TimelineJs),
            _ => None,
        }
    }
}

/// What TimelineJS's Group column names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupAs {
    #[default]
    Partner,
    Theme,
}

/// What the sheets may not say, said once for all of them (the studio asks
/// for it; the CLI takes it as options). A card sheet, when there is one,
/// says it instead.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub form: Form,
    pub group: GroupAs,
    /// Whose relations: a code (`KG`) or a name the built-in data knows.
    pub subject: Option<String>,
    pub language: Option<String>,
    pub title: Option<String>,
    /// For rows that name none.
    pub partners: Vec<String>,
    pub themes: Vec<Theme>,
    /// The document the rows come from, when no sources sheet says it (a
    /// TimelineJS sheet's, say): added to the sheets' sources.
    pub source: Option<SourceForm>,
    /// Partners the sheets name but nothing knows, as the editor describes
    /// them (the studio asks for each): added to the sheets' partners.
    pub new_partners: Vec<PartnerForm>,
}

/// A partner as a form gives it: the name the sheet uses, its code, kind
/// (`country` or `organisation`; guessed from the code when empty) and region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartnerForm {
    pub name: String,
    pub code: String,
    pub kind: String,
    pub region: String,
}

/// How the studio's partner form is named in problems.
pub const PARTNER_FORM: &str = "the new partners form";

/// A source as a form gives it; `as_of` is read as a sheet's date is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceForm {
    pub title: String,
    pub publisher: String,
    pub as_of: String,
    pub reliability: String,
    pub url: String,
}

/// How the studio's form is named in problems.
pub const SOURCE_FORM: &str = "the source form";

crate::json::object! {
    /// One thing wrong with the sheets, and where: the file, the row as a
    /// spreadsheet numbers it (the header is row 1; in a TimelineJS JSON
    /// file, the event's number from 1) and the column as its header says
    /// it, with its place from 0 so a page can mark the cell.
    pub struct Problem {
        file: String => "file",
        row: Option<usize> => "row",
        column: Option<String> => "column",
        column_index: Option<usize> => "columnIndex",
        message: String => "message",
    }
}

impl Eq for Problem {}

impl fmt::Display for Problem {
    /// `FILE:ROW:COLUMN: message`, the shape `relations validate` prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(row) = self.row {
            write!(f, ":{row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ":{column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What came of an import: the dataset when the sheets make a valid one,
/// and every problem otherwise (at most `validate::MAX_PROBLEMS`, then a
/// count). `notes` are things done that the editor should know of (TimelineJS
/// eras left out), not mistakes.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub dataset: Option<Dataset>,
    pub problems: Vec<Problem>,
    pub notes: Vec<String>,
    /// The sheets as read: (file, header, rows), for showing problem cells.
    pub sheets: Vec<(String, Vec<String>, Vec<table::Row>)>,
    /// Partner names the sheets use that nothing knows, each once, in order.
    pub unknown_partners: Vec<String>,
}

/// The sheets of a dataset, by what each holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    /// Whose relations, the title, the language: one row.
    Card,
    Partners,
    Sources,
    Places,
    /// Events, agreements, figures, periods and memberships, one a row.
    Records,
    Disputes,
    TimelineJs,
}

impl SheetKind {
    /// What a sheet holds, from its header's columns.
    pub fn of(columns: &[cells::ColumnKey]) -> Option<SheetKind> {
        let has = |name: &str| columns.iter().any(|c| c.base == name);
        Some(if has("headline") && (has("year") || has("startdate")) {
            SheetKind::TimelineJs
        } else if has("subject") {
            SheetKind::Card
        } else if has("claims") {
            SheetKind::Disputes
        } else if has("publisher") {
            SheetKind::Sources
        } else if has("region") {
            SheetKind::Partners
        } else if has("name") && (has("aliases") || has("partners")) && !has("title") {
            SheetKind::Places
        } else if has("title") || has("date") {
            SheetKind::Records
        } else {
            return None;
        })
    }

    /// The file name `relations export` gives the sheet.
    pub fn file_name(self) -> &'static str {
        match self {
            SheetKind::Card => "card.csv",
            SheetKind::Partners => "partners.csv",
            SheetKind::Sources => "sources.csv",
            SheetKind::Places => "places.csv",
            SheetKind::Records => "records.csv",
            SheetKind::Disputes => "disputes.csv",
            SheetKind::TimelineJs => "timeline.csv",
        }
    }
}
