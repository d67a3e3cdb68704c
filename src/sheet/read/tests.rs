use super::*;
use crate::sheet::write::sheets;

fn file(name: &str, text: &str) -> SheetFile {
    SheetFile { name: name.to_string(), bytes: text.as_bytes().to_vec() }
}

fn written(dataset: &Dataset) -> Vec<SheetFile> {
    sheets(dataset).into_iter().map(|(kind, text)| file(kind.file_name(), &text)).collect()
}

fn said(imported: &Imported) -> Vec<String> {
    imported.problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn the_builtin_dataset_in_every_language_comes_back_from_its_sheets() {
    let dataset = crate::builtin_in_every_language();
    let imported = import(&written(&dataset), &Options::default());
    assert_eq!(said(&imported), Vec::<String>::new());
    let back = imported.dataset.unwrap();
    assert_eq!(back.partners, dataset.partners);
    assert_eq!(back.sources, dataset.sources);
    assert_eq!(back.events, dataset.events);
    assert_eq!(back, dataset);
}

const SOURCES: &str = "id,title,publisher,as of,reliability\nmfa,Relations,Ministry,2020-03-01,Official.\n";

#[test]
fn one_sheet_of_records_makes_a_card_with_partners_found_by_name() {
    let records = "date,partners,themes,title,summary,source,locator\n\
                   2007-09-12,Afghanistan,transport,Bridge opened,A bridge over the river.,mfa,¶2\n\
                   about 1995,\"Russia, Iran\",diplomacy; security,Talks,They talked.,Relations,¶3\n";
    let options = Options { subject: Some("TJ".into()), ..Options::default() };
    let imported = import(&[file("records.csv", records), file("sources.csv", SOURCES)], &options);
    assert_eq!(said(&imported), Vec::<String>::new());
    let d = imported.dataset.unwrap();
    assert_eq!(d.title.own, "Tajikistan's foreign relations");
    assert_eq!(d.events[1].partners, ["RU", "IR"]);
    assert_eq!(d.events[1].date.to_string(), "~1995");
    assert_eq!(d.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["bridge-opened", "talks"]);
    assert_eq!(d.partners.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(), ["AF", "RU", "IR"]);
    assert_eq!(d.partners[0].region.own, "South Asia");
}

#[test]
fn each_mistake_is_said_at_its_row_and_column() {
    let records = "Date,Partners,Themes,Title,Summary,Source,Locator\n\
                   32 March 2021,Afghanistan,transport,One,First.,mfa,¶1\n\
                   2021,Atlantis,transport,Two,Second.,mfa,¶2\n\
                   2021,Iran,transport,,Third.,mfa,¶3\n\
                   2021,Iran,tarde,Four,Fourth.,mfa,\n";
    let options = Options { subject: Some("TJ".into()), ..Options::default() };
    let imported = import(&[file("records.csv", records), file("sources.csv", SOURCES)], &options);
    assert!(imported.dataset.is_none());
    let said = said(&imported);
    assert_eq!(said.len(), 5, "{said:#?}");
    assert!(said[0].starts_with("records.csv:2:Date: \"32 March 2021\" is not a date; write a day as 2021-03-31"), "{said:#?}");
    assert!(said[1].starts_with("records.csv:3:Partners: \"Atlantis\" is not a partner this card knows"), "{said:#?}");
    assert_eq!(said[2], "records.csv:4:Title: must not be empty");
    assert!(said[3].starts_with("records.csv:5:Themes: \"tarde\" is not a theme"), "{said:#?}");
    assert!(said[4].starts_with("records.csv:5:Locator: say where in the source"), "{said:#?}");
    let cell = &imported.problems[0];
    assert_eq!((cell.row, cell.column_index), (Some(2), Some(0)));
}

#[test]
fn a_neighbours_card_may_name_the_builtin_subject_as_a_partner() {
    let records = "date,partners,themes,title,summary,source,locator\n2000,Tajikistan; Узбекистан,water,Water talks,They met.,mfa,¶1\n";
    let imported = import(&[file("r.csv", records), file("s.csv", SOURCES)], &Options { subject: Some("KG".into()), ..Options::default() });
    assert_eq!(said(&imported), Vec::<String>::new());
    let d = imported.dataset.unwrap();
    assert_eq!(d.subject.name.own, "Kyrgyzstan");
    assert_eq!(d.events[0].partners, ["TJ", "UZ"]);
    assert_eq!((d.partners[0].name.own.as_str(), d.partners[0].region.own.as_str()), ("Tajikistan", "Central Asia"));
}
