//! `relations`: the command-line face of the core. It validates and exports
//! datasets with exactly the code the card runs in the browser.

use std::io::Write;
use std::process::ExitCode;

use relations_card::{load, Dataset, DatasetError, BUILTIN_JSON};

const USAGE: &str = "\
usage:
  relations validate [FILE]                 check a dataset (default: the built-in one)
  relations export [--format json|csv] [FILE]
                                            print a dataset as JSON, or its events as CSV
  relations help                            show this text

FILE is a dataset in the format described in data/SCHEMA.md.
Exit status: 0 on success, 1 if the dataset is invalid, 2 on a usage error.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
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
        Err(Failure::Io(message)) => {
            eprintln!("relations: {message}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Usage(String),
    Invalid { file: String, errors: Vec<DatasetError> },
    Io(String),
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

fn run(args: &[String]) -> Result<ExitCode, Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::Usage("no command given".into()));
    };
    match command.as_str() {
        "validate" => {
            let (file, dataset) = read_dataset(single_file(rest)?)?;
            println!(
                "{file}: valid ({} partners, {} events, {} figures, {} periods, {} memberships, {} sources)",
                dataset.partners.len(),
                dataset.events.len(),
                dataset.figures.len(),
                dataset.periods.len(),
                dataset.memberships.len(),
                dataset.sources.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        "export" => {
            let mut format = "json".to_string();
            let mut files = Vec::new();
            let mut iter = rest.iter();
            while let Some(arg) = iter.next() {
                match arg.as_str() {
                    "--format" => {
                        format = iter.next().ok_or_else(|| Failure::Usage("--format needs a value".into()))?.clone();
                    }
                    other if other.starts_with("--format=") => format = other["--format=".len()..].to_string(),
                    other if other.starts_with("--") => return Err(Failure::Usage(format!("unknown option {other}"))),
                    other => files.push(other.to_string()),
                }
            }
            if format != "json" && format != "csv" {
                return Err(Failure::Usage(format!("unknown format \"{format}\": expected json or csv")));
            }
            let (_, dataset) = read_dataset(single_file(&files)?)?;
            let text = if format == "csv" {
                relations_card::export::events_csv(&dataset)
            } else {
                let mut json = serde_json::to_string_pretty(&dataset).map_err(|e| Failure::Io(e.to_string()))?;
                json.push('\n');
                json
            };
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`relations export | head`) is not an error worth a message.
            let _ = stdout.write_all(text.as_bytes());
            Ok(ExitCode::SUCCESS)
        }
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Failure::Usage(format!("unknown command \"{other}\""))),
    }
}

fn single_file(args: &[String]) -> Result<Option<&str>, Failure> {
    match args {
        [] => Ok(None),
        [file] if !file.starts_with("--") => Ok(Some(file.as_str())),
        [option] => Err(Failure::Usage(format!("unknown option {option}"))),
        _ => Err(Failure::Usage("expected at most one FILE".into())),
    }
}

fn read_dataset(file: Option<&str>) -> Result<(String, Dataset), Failure> {
    let (name, text) = match file {
        None => ("(built-in) data/tajikistan.json".to_string(), BUILTIN_JSON.to_string()),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| Failure::Io(format!("cannot read {path}: {e}")))?;
            (path.to_string(), text)
        }
    };
    match load(&text) {
        Ok(dataset) => Ok((name, dataset)),
        Err(errors) => Err(Failure::Invalid { file: name, errors }),
    }
}
