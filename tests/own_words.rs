//! The dataset states facts in its own words: no title, summary or topic may
//! share a run of 8 or more consecutive words with a source document. Needs
//! `../shared/seeds/`; where that folder is absent (a reader's own clone) the
//! test says it skipped and passes.

use std::collections::HashSet;
use std::path::Path;

const RUN: usize = 8;

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

#[test]
fn no_summary_copies_eight_words_from_a_seed() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&seeds) else {
        eprintln!("skipped: {} not found, so nothing to compare against", seeds.display());
        return;
    };
    let mut runs: HashSet<Vec<String>> = HashSet::new();
    let mut documents = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            runs.extend(words(&text).windows(RUN).map(<[String]>::to_vec));
            documents += 1;
        }
    }
    assert!(documents >= 5, "expected the five seed documents in {}", seeds.display());

    let dataset = relations_card::builtin();
    let mut texts: Vec<(String, &str)> = Vec::new();
    for e in &dataset.events {
        texts.push((format!("{}.title", e.id), &e.title));
        texts.push((format!("{}.summary", e.id), &e.summary));
    }
    for f in &dataset.figures {
        texts.push((format!("{}.title", f.id), &f.title));
        texts.push((format!("{}.summary", f.id), &f.summary));
    }
    for p in &dataset.periods {
        texts.push((format!("{}.title", p.id), &p.title));
        texts.push((format!("{}.summary", p.id), &p.summary));
    }
    for d in &dataset.disputes {
        texts.push((format!("{}.topic", d.id), &d.topic));
    }

    let copied: Vec<String> = texts
        .iter()
        .filter_map(|(at, text)| {
            let run = words(text).windows(RUN).find(|w| runs.contains(*w)).map(|w| w.join(" "))?;
            Some(format!("{at}: \"{run}\""))
        })
        .collect();
    assert!(copied.is_empty(), "text copied from a seed document:\n{}", copied.join("\n"));
    println!("checked {} texts against {documents} documents", texts.len());
}

#[test]
fn the_check_catches_a_copied_sentence() {
    let source = words("In January 2007, with funding from the United States, Afghanistan and Tajikistan opened a bridge");
    let runs: HashSet<Vec<String>> = source.windows(RUN).map(<[String]>::to_vec).collect();
    let copied = words("Note: with funding from the United States, Afghanistan and Tajikistan built it");
    assert!(copied.windows(RUN).any(|w| runs.contains(w)));
    let own = words("A US-funded bridge over the Panj opened in January 2007");
    assert!(!own.windows(RUN).any(|w| runs.contains(w)));
}
