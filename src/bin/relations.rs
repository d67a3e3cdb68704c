//! `relations`: the command-line face of the core. It validates, exports and
//! queries datasets with exactly the code the card runs in the browser.

use std::io::Write;
use std::process::ExitCode;

use relations_card::model::Theme;
use relations_card::query::{Index, Query, RecordKind, Sort};
use relations_card::sheet::{self, Form, GroupAs, SheetFile};
use relations_card::view::{self, catalogue::EN};
use relations_card::{load, synth, Dataset, DatasetError, BUILTIN_JSON};

const USAGE: &str = "\
usage:
  relations validate [FILE]                     check a dataset (default: the built-in one)
  relations export [--format json|csv] [--out FOLDER] [FILE]
                                                print a dataset as JSON, or its records sheet as
                                                CSV; with --out, write every sheet into FOLDER
  relations import [--from csv|tsv|timelinejs] [--subject CODE] [--language LANG] [--title TEXT]
                  [--group partner|theme] [--partner NAME]... [--theme NAME]... FILE...
                                                print the dataset the sheets make (CSV or TSV in
                                                the form data/SCHEMA.md describes, or TimelineJS's
                                                sheet or JSON), or every problem as FILE:ROW:COLUMN
  relations query [--partner CODE]... [--region NAME] [--theme NAME]... [--kind KIND]...
                  [--from YEAR] [--to YEAR] [--text WORDS] [--disputed] [--source ID]
                  [--sort date|-date|relevance] [--limit N] [--offset N]
                  [--format json|text] [FILE]   print the matching records
  relations summary CODE [--format json|text] [FILE]
                                                print a partner summary
  relations static [FILE]                       print an accessible HTML summary to put
                                                inside <relations-card> (shown before it loads)
  relations synth [--seed N] [--events N]       print a synthetic dataset (for benchmarks)
  relations typescript                          print the TypeScript types of what a card
                                                and its element exchange (the build uses it)
  relations first-views [FILE]                  print a bare card's first view in each language
                                                (the build puts them in the element)
  relations texts --language LANG [FILE]        print the dataset's texts in LANG, apart from it
                                                (the build ships the built-in one's this way)
  relations help                                show this text

FILE is a dataset in the format described in data/SCHEMA.md.
KIND is event, agreement, figure, membership or period; themes are listed there too.
Exit status: 0 on success, 1 if the dataset is invalid or the query cannot be
answered, 2 on a usage error.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("relations: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Invalid { file, errors }) => {
            for error in &errors {
                eprintln!("{}", located(&file, error));
            }
            eprintln!("{file}: {} error{}", errors.len(), if errors.len() == 1 { "" } else { "s" });
            ExitCode::from(1)
        }
        Err(Failure::Sheets(problems)) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!("{} problem{}", problems.len(), if problems.len() == 1 { "" } else { "s" });
            ExitCode::from(1)
        }
        Err(Failure::Other(message)) => {
            eprintln!("relations: {message}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Usage(String),
    Invalid {
        file: String,
        errors: Vec<DatasetError>,
    },
    /// Sheets that do not make a dataset, each problem at its row and column.
    Sheets(Vec<sheet::Problem>),
    Other(String),
}

/// `FILE:LINE:COLUMN: PATH: MESSAGE`, the shape editors and CI logs link.
fn located(file: &str, error: &DatasetError) -> String {
    let mut out = file.to_string();
    if let (Some(line), Some(column)) = (error.line, error.column) {
        out.push_str(&format!(":{line}:{column}"));
    }
    if !error.path.is_empty() {
        out.push_str(&format!(": {}", error.path));
    }
    out.push_str(&format!(": {}", error.message));
    out
}

/// Options as given: `--name value` pairs (or `--name=value`), flags, and
/// the remaining words.
struct Args {
    options: Vec<(String, Option<String>)>,
    words: Vec<String>,
}

impl Args {
    /// `valued` names the options that take a value; `flags` those that don't.
    fn parse(args: &[String], valued: &[&str], flags: &[&str]) -> Result<Args, Failure> {
        let mut options = Vec::new();
        let mut words = Vec::new();
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            let Some(name) = arg.strip_prefix("--") else {
                words.push(arg.clone());
                continue;
            };
            let (name, inline) = match name.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (name, None),
            };
            if valued.contains(&name) {
                let value = match inline {
                    Some(v) => v,
                    None => iter.next().ok_or_else(|| Failure::Usage(format!("--{name} needs a value")))?.clone(),
                };
                options.push((name.to_string(), Some(value)));
            } else if flags.contains(&name) && inline.is_none() {
                options.push((name.to_string(), None));
            } else {
                return Err(Failure::Usage(format!("unknown option --{name}")));
            }
        }
        Ok(Args { options, words })
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.options.iter().filter(move |(n, _)| n == name).filter_map(|(_, v)| v.as_deref())
    }

    fn last<'a>(&'a self, name: &'a str) -> Option<&'a str> {
        self.all(name).last()
    }

    fn flag(&self, name: &str) -> bool {
        self.options.iter().any(|(n, _)| n == name)
    }

    fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, Failure> {
        let name = name.to_string();
        let name = name.as_str();
        self.last(name).map(|v| v.parse().map_err(|_| Failure::Usage(format!("--{name} expects a number, not \"{v}\"")))).transpose()
    }

    fn format(&self, allowed: &[&str]) -> Result<String, Failure> {
        let format = self.last("format").unwrap_or(allowed[0]).to_string();
        if allowed.contains(&format.as_str()) {
            Ok(format)
        } else {
            Err(Failure::Usage(format!("unknown format \"{format}\": expected {}", allowed.join(" or "))))
        }
    }

    /// The one FILE a command may take, if any.
    fn file(&self, skip: usize) -> Result<Option<&str>, Failure> {
        match &self.words[skip.min(self.words.len())..] {
            [] => Ok(None),
            [file] => Ok(Some(file.as_str())),
            _ => Err(Failure::Usage("expected at most one FILE".into())),
        }
    }
}

fn print(text: &str) {
    // A closed pipe (`relations export | head`) is not an error worth a message.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn run(args: &[String]) -> Result<(), Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::Usage("no command given".into()));
    };
    match command.as_str() {
        "validate" => {
            let args = Args::parse(rest, &[], &[])?;
            let (file, dataset) = read_dataset(args.file(0)?)?;
            // Missing translations are warned of, not failed: the card shows
            // such a text in the dataset's language, marked.
            for (language, missing, first) in relations_card::validate::translation_gaps(&dataset) {
                let places: Vec<String> = first.iter().map(|p| p.to_string()).collect();
                let more = if missing > first.len() { ", …" } else { "" };
                eprintln!("{file}: warning: {missing} texts have no \"{language}\" translation: {}{more}", places.join(", "));
            }
            print(&format!(
                "{file}: valid ({} partners, {} events, {} figures, {} periods, {} memberships, {} sources)\n",
                dataset.partners.len(),
                dataset.events.len(),
                dataset.figures.len(),
                dataset.periods.len(),
                dataset.memberships.len(),
                dataset.sources.len()
            ));
        }
        "export" => {
            let args = Args::parse(rest, &["format", "out"], &[])?;
            let format = args.format(&["json", "csv"])?;
            let (_, dataset) = read_dataset(args.file(0)?)?;
            match (format.as_str(), args.last("out")) {
                ("csv", Some(folder)) => write_sheets(&dataset, folder)?,
                (_, Some(_)) => return Err(Failure::Usage("--out is for --format csv, which writes one file a sheet".into())),
                // The records sheet alone, in the columns of the card's "Download CSV".
                ("csv", None) => print(&sheet::write::records(&dataset)),
                _ => print(&relations_card::json::to_string_pretty(&dataset)),
            }
        }
        "import" => {
            let args = Args::parse(rest, &["from", "group", "subject", "language", "title", "partner", "theme"], &[])?;
            import(&args)?;
        }
        "query" => {
            let valued = ["partner", "region", "theme", "kind", "from", "to", "text", "sort", "limit", "offset", "format", "source"];
            let args = Args::parse(rest, &valued, &["disputed"])?;
            let format = args.format(&["json", "text"])?;
            let query = query_from(&args)?;
            let (_, dataset) = read_dataset(args.file(0)?)?;
            let answer = view::record::search(&Index::new(dataset), &query, &EN).map_err(|e| Failure::Other(e.to_string()))?;
            if format == "json" {
                print(&relations_card::json::to_string_pretty(&answer.hits));
            } else {
                let mut out = String::new();
                for hit in &answer.hits {
                    out.push_str(&format!("{:<28} {:<10} {} [{}]\n", hit.date_label, EN.kind(hit.kind), hit.title, hit.id));
                }
                out.push_str(&format!("{} of {} matching records\n", answer.hits.len(), answer.total));
                print(&out);
            }
        }
        "summary" => {
            let args = Args::parse(rest, &["format"], &[])?;
            let format = args.format(&["text", "json"])?;
            let code = args.words.first().ok_or_else(|| Failure::Usage("summary needs a partner CODE".into()))?;
            let (_, dataset) = read_dataset(args.file(1)?)?;
            let summary = view::record::summary(&Index::new(dataset), code, &EN).map_err(|e| Failure::Other(e.to_string()))?;
            if format == "json" {
                print(&relations_card::json::to_string_pretty(&summary));
            } else {
                print(&summary_text(&summary));
            }
        }
        "static" => {
            let args = Args::parse(rest, &[], &[])?;
            let (_, dataset) = read_dataset(args.file(0)?)?;
            print(&relations_card::export::static_html(&dataset));
        }
        "synth" => {
            let args = Args::parse(rest, &["seed", "events"], &[])?;
            args.file(0)?.map_or(Ok(()), |w| Err(Failure::Usage(format!("unexpected argument \"{w}\""))))?;
            let seed = args.number("seed")?.unwrap_or(1);
            let events = args.number("events")?.unwrap_or(1000);
            let dataset = synth::dataset(seed, events);
            print(&relations_card::json::to_string(&dataset));
        }
        "typescript" => print(&relations_card::view::typescript()),
        "texts" => {
            let args = Args::parse(rest, &["language"], &[])?;
            let language = args.last("language").ok_or_else(|| Failure::Usage("texts needs --language LANG".into()))?;
            let (_, dataset) = read_dataset(args.file(0)?)?;
            print(&relations_card::languages::texts_in(&dataset, language));
        }
        "first-views" => {
            let args = Args::parse(rest, &[], &[])?;
            let (_, dataset) = read_dataset(args.file(0)?)?;
            print(&view::card::first_views(std::rc::Rc::new(Index::new(dataset))));
        }
        "help" | "--help" | "-h" => print(&format!("{USAGE}\n")),
        other => return Err(Failure::Usage(format!("unknown command \"{other}\""))),
    }
    Ok(())
}

/// `relations import`: sheets to a dataset's JSON on standard output.
fn import(args: &Args) -> Result<(), Failure> {
    let form = match args.last("from") {
        None => Form::Auto,
        Some(name) => Form::parse(name)
            .filter(|f| *f != Form::Auto)
            .ok_or_else(|| Failure::Usage(format!("unknown form \"{name}\": expected csv, tsv or timelinejs")))?,
    };
    let group = match args.last("group") {
        None | Some("partner") => GroupAs::Partner,
        Some("theme") => GroupAs::Theme,
        Some(other) => return Err(Failure::Usage(format!("unknown --group \"{other}\": expected partner or theme"))),
    };
    let themes = args
        .all("theme")
        .map(|t| Theme::parse(t).ok_or_else(|| Failure::Usage(format!("unknown theme \"{t}\""))))
        .collect::<Result<Vec<_>, _>>()?;
    if args.words.is_empty() {
        return Err(Failure::Usage("import needs at least one FILE".into()));
    }
    let mut files = Vec::with_capacity(args.words.len());
    for path in &args.words {
        let bytes = std::fs::read(path).map_err(|e| Failure::Other(format!("cannot read {path}: {e}")))?;
        files.push(SheetFile { name: path.clone(), bytes });
    }
    let options = sheet::Options {
        form,
        group,
        subject: args.last("subject").map(str::to_string),
        language: args.last("language").map(str::to_string),
        title: args.last("title").map(str::to_string),
        partners: args.all("partner").map(str::to_string).collect(),
        themes,
        // The CLI takes a source, and new partners, as sheets among the FILEs.
        source: None,
        new_partners: Vec::new(),
    };
    let imported = sheet::import(&files, &options);
    for note in &imported.notes {
        eprintln!("note: {note}");
    }
    match imported.dataset {
        Some(dataset) => {
            print(&relations_card::json::to_string_pretty(&dataset));
            Ok(())
        }
        None => Err(Failure::Sheets(imported.problems)),
    }
}

/// `relations export --format csv --out FOLDER`: one file a sheet.
fn write_sheets(dataset: &Dataset, folder: &str) -> Result<(), Failure> {
    std::fs::create_dir_all(folder).map_err(|e| Failure::Other(format!("cannot make {folder}: {e}")))?;
    for (kind, text) in sheet::write::sheets(dataset) {
        let path = std::path::Path::new(folder).join(kind.file_name());
        std::fs::write(&path, text).map_err(|e| Failure::Other(format!("cannot write {}: {e}", path.display())))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

fn query_from(args: &Args) -> Result<Query, Failure> {
    let themes = args
        .all("theme")
        .map(|t| Theme::parse(t).ok_or_else(|| Failure::Usage(format!("unknown theme \"{t}\""))))
        .collect::<Result<Vec<_>, _>>()?;
    let kinds = args
        .all("kind")
        .map(|k| RecordKind::parse(k).ok_or_else(|| Failure::Usage(format!("unknown kind \"{k}\""))))
        .collect::<Result<Vec<_>, _>>()?;
    let sort = match args.last("sort") {
        None | Some("relevance") => Sort::Relevance,
        Some("date") => Sort::Date,
        Some("-date") => Sort::DateDesc,
        Some(other) => return Err(Failure::Usage(format!("unknown sort \"{other}\": expected date, -date or relevance"))),
    };
    Ok(Query {
        partners: args.all("partner").map(str::to_string).collect(),
        region: args.last("region").map(str::to_string),
        themes,
        kinds,
        from: args.number("from")?,
        to: args.number("to")?,
        disputed_only: args.flag("disputed"),
        source: args.last("source").map(str::to_string),
        text: args.all("text").collect::<Vec<_>>().join(" "),
        sort,
        limit: args.number("limit")?,
        offset: args.number("offset")?.unwrap_or(0),
    })
}

fn summary_text(s: &view::record::Summary) -> String {
    let mut out = format!("{} ({}) — {}, {:?}\n", s.name, s.code, s.region, s.kind);
    out.push_str(&format!("events: {}\n", s.event_count));
    if let Some(first) = &s.first_contact {
        out.push_str(&format!("first contact: {} — {}\n", first.date_label, first.title));
    }
    if let Some(latest) = &s.latest_contact {
        out.push_str(&format!("latest contact: {} — {}\n", latest.date_label, latest.title));
    }
    if let Some(tone) = s.current_tone {
        out.push_str(&format!("current tone: {tone:?}\n"));
    }
    for period in &s.periods {
        let tone = period.tone.map(|t| format!("{t:?}")).unwrap_or_default();
        let disputed = if period.disputed { " (sources differ)" } else { "" };
        out.push_str(&format!("period: {} — {tone}: {}{disputed}\n", period.date_label, period.title));
    }
    for figure in &s.figures {
        out.push_str(&format!("figure: {} — {}: {}\n", figure.date_label, figure.title, figure.value.as_deref().unwrap_or("")));
    }
    if let Some(m) = &s.membership {
        out.push_str(&format!("membership: {}\n", m.summary));
    }
    if !s.shared_organisations.is_empty() {
        let orgs: Vec<String> = s.shared_organisations.iter().map(|c| c.key.clone()).collect();
        out.push_str(&format!("named together with: {}\n", orgs.join(", ")));
    }
    let themes: Vec<String> = s.events_by_theme.iter().map(|c| format!("{} {}", EN.theme(c.key), c.count)).collect();
    out.push_str(&format!("events by theme: {}\n", themes.join(", ")));
    out
}

fn read_dataset(file: Option<&str>) -> Result<(String, Dataset), Failure> {
    let (name, text) = match file {
        None => ("(built-in) data/tajikistan.json".to_string(), BUILTIN_JSON.to_string()),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| Failure::Other(format!("cannot read {path}: {e}")))?;
            (path.to_string(), text)
        }
    };
    match load(&text) {
        Ok(dataset) => Ok((name, dataset)),
        Err(errors) => Err(Failure::Invalid { file: name, errors }),
    }
}
