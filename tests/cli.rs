//! The `relations` command as a person runs it: exit codes, and the exact
//! message for each broken dataset in `tests/invalid/` (one mistake per file,
//! its expected stderr beside it in a `.expected` file).

use std::path::Path;
use std::process::{Command, Output};

fn relations(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relations"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the relations binary runs")
}

#[test]
fn each_broken_dataset_gives_its_exact_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "expected the folder of broken datasets");
    let mut mismatches = Vec::new();
    for name in &names {
        let file = format!("tests/invalid/{name}.json");
        let output = relations(&["validate", &file]);
        let expected = std::fs::read_to_string(dir.join(format!("{name}.expected"))).unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        if output.status.code() != Some(1) || stderr != expected {
            mismatches.push(format!("{name}: exit {:?}\n  expected: {expected}  got:      {stderr}", output.status.code()));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn the_builtin_dataset_validates() {
    let output = relations(&["validate"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("valid ("));
}

#[test]
fn export_json_reads_back_as_the_same_dataset() {
    let output = relations(&["export", "--format", "json"]);
    assert!(output.status.success());
    let exported = relations_card::load(&String::from_utf8(output.stdout).unwrap()).unwrap();
    assert_eq!(exported, relations_card::builtin());
}

#[test]
fn export_csv_has_one_row_per_event() {
    let output = relations(&["export", "--format=csv", "tests/fixtures/small.json"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("id,kind,date,date_label,partners,themes,title,summary,"));
    assert_eq!(text.matches("\r\n").count(), 3);
}

#[test]
fn usage_errors_exit_2_and_missing_files_exit_1() {
    assert_eq!(relations(&[]).status.code(), Some(2));
    assert_eq!(relations(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(relations(&["export", "--format", "xml"]).status.code(), Some(2));
    let missing = relations(&["validate", "no/such/file.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read no/such/file.json"));
}
