//! What the studio page shows after each change to its sheets: the dataset
//! they make (its JSON, to download and to preview in a card), or every
//! problem at its cell; and
//! the partners and views an embed snippet may open on. The page only draws it.

use super::{import, GroupAs, Options, PartnerForm, Problem, SheetFile, SourceForm};
use crate::json::{self, object, Path, Reader, Value};
use crate::model::Theme;

object! {
    /// The studio's answer for the sheets as they are now.
    pub struct Studio {
        // The dataset as compact JSON, when the sheets make a valid one
        // (made after each keystroke: the page indents it for a download).
        dataset: Option<String> => "dataset",
        title: String => "title",
        // How much it holds, in a line: "42 events, 3 figures, 8 partners, 1 source".
        counts: String => "counts",
        partners: Vec<StudioPartner> => "partners",
        problems: Vec<Problem> => "problems",
        // The rows that have problems, as the sheets have them (at most
        // `SHOWN_ROWS`), so the page can show each cell marked.
        rows: Vec<StudioRow> => "rows",
        // Partner names nothing knows: the page asks for each one's code, kind and region.
        unknown_partners: Vec<String> => "unknownPartners",
        notes: Vec<String> => "notes",
    }
}

object! {
    /// A row of a sheet, with its header, as the editor wrote it.
    pub struct StudioRow {
        file: String => "file",
        number: usize => "number",
        header: Vec<String> => "header",
        cells: Vec<String> => "cells",
    }
}

/// Rows with problems shown beside them; the problems list names the rest.
pub const SHOWN_ROWS: usize = 200;

object! {
    /// A partner an embed snippet may open the card on.
    pub struct StudioPartner {
        code: String => "code",
        name: String => "name",
    }
}

/// Reads the sheets as `import` does, and says what the studio shows.
pub fn studio(files: &[SheetFile], options: &Options) -> Studio {
    let imported = import(files, options);
    let mut answer = Studio {
        dataset: None,
        title: String::new(),
        counts: String::new(),
        partners: Vec::new(),
        rows: Vec::new(),
        unknown_partners: imported.unknown_partners,
        problems: imported.problems,
        notes: imported.notes,
    };
    for (file, header, rows) in &imported.sheets {
        let mut wanted: Vec<usize> = answer.problems.iter().filter(|p| &p.file == file).filter_map(|p| p.row).collect();
        wanted.dedup();
        for number in wanted {
            if answer.rows.len() == SHOWN_ROWS {
                break;
            }
            let cells = match number {
                1 => header.clone(),
                _ => match rows.binary_search_by_key(&number, |row| row.number) {
                    Ok(i) => rows[i].cells.clone(),
                    Err(_) => continue,
                },
            };
            answer.rows.push(StudioRow { file: file.clone(), number, header: header.clone(), cells });
        }
    }
    if let Some(d) = imported.dataset {
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        answer.counts = [
            plural(d.events.len(), "event", "events"),
            plural(d.figures.len(), "figure", "figures"),
            plural(d.periods.len(), "period", "periods"),
            plural(d.partners.len(), "partner", "partners"),
            plural(d.sources.len(), "source", "sources"),
        ]
        .join(", ");
        answer.title = d.title.own.clone();
        answer.partners = d.partners.iter().map(|p| StudioPartner { code: p.code.clone(), name: p.name.own.clone() }).collect();
        answer.dataset = Some(json::to_string(&d));
    }
    answer
}

object! {
    /// What a page pastes to embed the card: the element with its script,
    /// and the iframe with the host script that sizes it.
    pub struct Snippets {
        script: String => "script",
        iframe: String => "iframe",
    }
}

/// The embed snippets of the README for a dataset at `dataset_url`, the
/// card's files at `files_url` (a folder), opening on `view` (and `partner`).
pub fn snippets(files_url: &str, dataset_url: &str, view: &str, partner: &str, title: &str) -> Snippets {
    let folder = files_url.trim_end_matches('/');
    let attribute = crate::export::escape_html;
    let mut attributes = format!(" src=\"{}\"", attribute(dataset_url));
    let mut query = format!("src={}", url_component(dataset_url));
    let (view, partner) = (view.trim(), partner.trim());
    if !partner.is_empty() {
        attributes.push_str(&format!(" partner=\"{}\"", attribute(partner)));
        query.push_str(&format!("&partner={}", url_component(partner)));
    } else if !view.is_empty() && view != "overview" {
        attributes.push_str(&format!(" view=\"{}\"", attribute(view)));
        query.push_str(&format!("&view={}", url_component(view)));
    }
    Snippets {
        script: format!(
            "<script type=\"module\" src=\"{folder}/relations-card.js\"></script>\n<relations-card{attributes}></relations-card>",
            folder = attribute(folder)
        ),
        iframe: format!(
            "<iframe data-relations-card src=\"{folder}/embed.html?{query}\"\n        height=\"640\" style=\"width:100%;border:0\" title=\"{title}\"></iframe>\n\
             <script src=\"{folder}/embed-host.js\" defer></script>",
            folder = attribute(folder),
            query = attribute(&query),
            title = attribute(title),
        ),
    }
}

/// Percent-encodes what a URL's query value may not hold as it is.
fn url_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' | b':' => out.push(char::from(byte)),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The single-file card (`dist/relations-card.html`, given as `template`)
/// with another dataset in it: the dataset's JSON as the element's `src`
/// (a `data:` URL, so the file needs nothing else, opened from disk), its
/// summary as the text shown without scripts, and its title.
pub fn single_file(template: &str, dataset_json: &str) -> Result<String, String> {
    let dataset = crate::load(dataset_json).map_err(|errors| format!("the dataset is not valid: {}", errors[0]))?;
    let (start, end) = (template.find(CARD_START), template.find(CARD_END));
    let (Some(start), Some(end)) = (start, end) else {
        return Err("this is not the single-file card (its card markers are missing)".to_string());
    };
    let title_start = template.find("<title>").map(|i| i + "<title>".len());
    let title_end = template.find("</title>");
    let (Some(title_start), Some(title_end)) = (title_start, title_end) else {
        return Err("this is not the single-file card (it has no title)".to_string());
    };
    if !(title_end < start && start < end) {
        return Err("this is not the single-file card (its parts are out of order)".to_string());
    }
    let compact = json::to_string(&dataset);
    let card = format!(
        "{CARD_START}\n<relations-card src=\"data:application/json;base64,{}\">\n{}</relations-card>\n",
        base64(compact.as_bytes()),
        crate::export::static_html(&dataset)
    );
    let title = crate::export::escape_html(&format!("{} — relations-card", dataset.title));
    Ok(format!("{}{title}{}{card}{}", &template[..title_start], &template[title_end..start], &template[end..]))
}

/// Where the single-file card's element begins and ends (`scripts/single-file.mjs` writes them).
pub const CARD_START: &str = "<!-- relations-card: the card -->";
pub const CARD_END: &str = "<!-- relations-card: end of the card -->";

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

impl Options {
    /// The studio's choices as the page passes them: `{subject, language,
    /// title, group: "partner"|"theme", partners: [...], themes: [...]}`.
    pub fn read(r: &mut Reader, value: &Value, path: &Path) -> Option<Options> {
        let f = r.object(value, path, &["subject", "language", "title", "group", "partners", "themes", "source", "newPartners"])?;
        let mut text = |name: &'static str| match f.optional(name) {
            Some(v) => r.string(v, &path.key(name)).map(|s| Some(s).filter(|s| !s.trim().is_empty())),
            None => Some(None),
        };
        let (subject, language, title, group) = (text("subject")?, text("language")?, text("title")?, text("group")?);
        let group = match group.as_deref() {
            None | Some("partner") => GroupAs::Partner,
            Some("theme") => GroupAs::Theme,
            Some(_) => return r.fail(value.at, &path.key("group"), "expected \"partner\" or \"theme\"".to_string()),
        };
        let partners = match f.optional("partners") {
            Some(v) => r.strings(v, &path.key("partners"))?,
            None => Vec::new(),
        };
        let themes = match f.optional("themes") {
            Some(v) => r.list(v, &path.key("themes"), |r, v, p| r.keyword(v, p, Theme::parse, &Theme::KEYS))?,
            None => Vec::new(),
        };
        let source = match f.optional("source") {
            Some(v) => Some(read_source_form(r, v, &path.key("source"))?).filter(|form| *form != SourceForm::default()),
            None => None,
        };
        let new_partners = match f.optional("newPartners") {
            Some(v) => r.list(v, &path.key("newPartners"), read_partner_form)?,
            None => Vec::new(),
        };
        Some(Options { form: super::Form::Auto, group, subject, language, title, partners, themes, source, new_partners })
    }
}

/// `{title, publisher, asOf, reliability, url}`, each optional.
fn read_source_form(r: &mut Reader, value: &Value, path: &Path) -> Option<SourceForm> {
    let f = r.object(value, path, &["title", "publisher", "asOf", "reliability", "url"])?;
    let mut text = |name: &'static str| match f.optional(name) {
        Some(v) => r.string(v, &path.key(name)),
        None => Some(String::new()),
    };
    let (title, publisher, as_of, reliability, url) =
        (text("title")?, text("publisher")?, text("asOf")?, text("reliability")?, text("url")?);
    Some(SourceForm { title, publisher, as_of, reliability, url })
}

/// `{name, code, kind, region}`, each optional but the name.
fn read_partner_form(r: &mut Reader, value: &Value, path: &Path) -> Option<PartnerForm> {
    let f = r.object(value, path, &["name", "code", "kind", "region"])?;
    let name_value = f.required(r, path, "name")?;
    let name = r.string(name_value, &path.key("name"))?;
    let mut text = |field: &'static str| match f.optional(field) {
        Some(v) => r.string(v, &path.key(field)),
        None => Some(String::new()),
    };
    let (code, kind, region) = (text("code")?, text("kind")?, text("region")?);
    Some(PartnerForm { name, code, kind, region })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_sheet_gives_its_dataset_and_what_a_snippet_needs() {
        let records = "date,partners,themes,title,summary,source,locator\n2007,Iran,trade,Deal,A deal.,mfa,¶1\n";
        let sources = "id,title,publisher,as of,reliability\nmfa,Relations,Ministry,2020,Official.\n";
        let files = [
            SheetFile { name: "records".into(), bytes: records.as_bytes().to_vec() },
            SheetFile { name: "sources".into(), bytes: sources.as_bytes().to_vec() },
        ];
        let options = json::read_text(r#"{"subject": "TJ", "themes": ["trade"], "group": "theme", "source": {}}"#, Options::read).unwrap();
        assert_eq!(options.source, None, "an empty form is no source");
        assert_eq!((options.group, options.themes.as_slice()), (GroupAs::Theme, &[Theme::Trade][..]));
        let answer = studio(&files, &options);
        assert!(answer.problems.is_empty(), "{:?}", answer.problems);
        assert_eq!(answer.counts, "1 event, 0 figures, 0 periods, 1 partner, 1 source");
        assert_eq!((answer.partners[0].code.as_str(), answer.partners[0].name.as_str()), ("IR", "Iran"));
        let dataset = crate::load(answer.dataset.as_deref().unwrap()).unwrap();
        assert_eq!(dataset.events[0].title.own, "Deal");
        assert!(json::read_text(r#"{"group": "nation"}"#, Options::read).unwrap_err().contains("partner"));
    }

    #[test]
    fn the_source_form_is_the_source_of_rows_that_name_none() {
        let records = "date,partners,themes,title,summary,locator\n2007,Iran,trade,Deal,A deal.,p. 4\n";
        let files = [SheetFile { name: "r".into(), bytes: records.as_bytes().to_vec() }];
        let form = r#"{"subject": "TJ", "source": {"title": "Gazette archive", "publisher": "Gazette", "asOf": "May 2024", "reliability": "Ours."}}"#;
        let answer = studio(&files, &json::read_text(form, Options::read).unwrap());
        assert!(answer.problems.is_empty(), "{:?}", answer.problems);
        let dataset = crate::load(answer.dataset.as_deref().unwrap()).unwrap();
        assert_eq!((dataset.sources[0].id.as_str(), dataset.sources[0].as_of.to_string().as_str()), ("gazette-archive", "2024-05"));
        let half = r#"{"subject": "TJ", "source": {"title": "Gazette archive", "asOf": "soon"}}"#;
        let answer = studio(&files, &json::read_text(half, Options::read).unwrap());
        let said: Vec<String> = answer.problems.iter().map(|p| p.to_string()).collect();
        assert!(said.contains(&"the source form: publisher: must not be empty".to_string()), "{said:#?}");
        assert!(said.iter().any(|p| p.starts_with("the source form: as of: \"soon\" is not a date")), "{said:#?}");
    }

    #[test]
    fn partners_nothing_knows_are_asked_for_and_the_answers_make_them() {
        let records = "date,partners,themes,title,summary,source,locator\n2007,Mongolia; Atlantis,trade,Deal,A deal.,mfa,¶1\n2008,mongolia,trade,More,Again.,mfa,¶2\n";
        let sources = "id,title,publisher,as of,reliability\nmfa,Relations,Ministry,2020,Official.\n";
        let files = [
            SheetFile { name: "r".into(), bytes: records.as_bytes().to_vec() },
            SheetFile { name: "s".into(), bytes: sources.as_bytes().to_vec() },
        ];
        let asked = studio(&files, &Options { subject: Some("KG".into()), ..Options::default() });
        assert_eq!(asked.unknown_partners, ["Mongolia", "Atlantis"]);
        let form = r#"{"subject": "KG", "newPartners": [
            {"name": "Mongolia", "code": "MN", "region": "East Asia"},
            {"name": "Atlantis", "code": "", "region": ""}]}"#;
        let half = studio(&files, &json::read_text(form, Options::read).unwrap());
        assert_eq!(half.unknown_partners, ["Atlantis"], "a form without a code is not a partner yet");
        let wrong = form.replace("\"MN\"", "\"mn\"").replace("\"Atlantis\", \"code\": \"\"", "\"Atlantis\", \"code\": \"AT\"");
        let said: Vec<String> =
            studio(&files, &json::read_text(&wrong, Options::read).unwrap()).problems.iter().map(|p| p.to_string()).collect();
        assert!(said.iter().any(|p| p.starts_with("the new partners form: \"Mongolia\": code: \"mn\" is not an ISO 3166-1")), "{said:#?}");
        assert!(said.iter().any(|p| p.starts_with("the new partners form: \"Atlantis\": region: must not be empty")), "{said:#?}");
        let done = form.replace("\"code\": \"\", \"region\": \"\"", "\"code\": \"ATL\", \"kind\": \"organisation\", \"region\": \"Ocean\"");
        let answer = studio(&files, &json::read_text(&done, Options::read).unwrap());
        assert!(answer.problems.is_empty(), "{:?}", answer.problems);
        let dataset = crate::load(answer.dataset.as_deref().unwrap()).unwrap();
        assert_eq!(dataset.events[0].partners, ["MN", "ATL"]);
        assert_eq!(dataset.events[1].partners, ["MN"]);
    }

    #[test]
    fn rows_with_problems_come_with_their_cells() {
        let records =
            "date,partners,themes,title,summary,source,locator\n2007,Iran,trade,Fine,Yes.,mfa,¶1\n2007-13,Atlantis,trade,Bad,No.,mfa,¶2\n";
        let sources = "id,title,publisher,as of,reliability\nmfa,Relations,Ministry,2020,Official.\n";
        let files = [
            SheetFile { name: "r".into(), bytes: records.as_bytes().to_vec() },
            SheetFile { name: "s".into(), bytes: sources.as_bytes().to_vec() },
        ];
        let answer = studio(&files, &Options { subject: Some("TJ".into()), ..Options::default() });
        assert!(answer.dataset.is_none());
        let numbers: Vec<usize> = answer.rows.iter().map(|r| r.number).collect();
        assert!(numbers.contains(&3) && !numbers.contains(&2), "{numbers:?}");
        let bad = answer.rows.iter().find(|r| r.number == 3).unwrap();
        assert_eq!((bad.header.len(), bad.cells[1].as_str()), (7, "Atlantis"));
    }

    #[test]
    fn snippets_are_the_readmes_with_the_choices_escaped() {
        let s = snippets("https://news.example/card/", "data/kg.json", "timeline", "", "Kyrgyzstan & \"friends\"");
        assert_eq!(
            s.script,
            "<script type=\"module\" src=\"https://news.example/card/relations-card.js\"></script>\n\
             <relations-card src=\"data/kg.json\" view=\"timeline\"></relations-card>"
        );
        assert!(s
            .iframe
            .starts_with("<iframe data-relations-card src=\"https://news.example/card/embed.html?src=data/kg.json&amp;view=timeline\""));
        assert!(s.iframe.contains("title=\"Kyrgyzstan &amp; &quot;friends&quot;\""));
        let partner = snippets("/c", "kg.json", "overview", "KZ", "t");
        assert!(partner.script.contains("partner=\"KZ\"") && partner.iframe.contains("&amp;partner=KZ"));
    }

    #[test]
    fn a_single_file_carries_the_new_dataset() {
        let template = format!("<html><head><title>Old — x</title></head><body>{CARD_START}\n<relations-card>old</relations-card>\n{CARD_END}<script>s</script></body></html>");
        let small = include_str!("../../tests/fixtures/small.json");
        let html = single_file(&template, small).unwrap();
        let dataset = crate::load(small).unwrap();
        assert!(html.contains(&format!("<title>{} — relations-card</title>", dataset.title)));
        let encoded = html.split("base64,").nth(1).unwrap().split('"').next().unwrap();
        assert_eq!(encoded, base64(json::to_string(&dataset).as_bytes()));
        assert!(html.contains("<section class=\"relations-card-fallback\"") && html.ends_with("<script>s</script></body></html>"));
        assert!(!html.contains(">old<"));
        assert!(single_file("<title>x</title>", small).unwrap_err().contains("markers"));
        assert!(single_file(&template, "{}").unwrap_err().contains("not valid"));
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"M"), "TQ==");
    }
}
