//! A dataset's texts in one language, apart from the dataset: the built-in
//! dataset carries only its own language into the WebAssembly, and each
//! other language as a file (`pkg/texts.ru.json`) that a card fetches when
//! it speaks that language. A text is named by its place (`events[3].title`).

use crate::hashing::FxMap;
use crate::json::{self, Kind, Writer};
use crate::model::{primary_subtag, Dataset, Text};

/// The languages a dataset gives any text in, besides its own, in the
/// order they first appear.
pub fn text_languages(dataset: &Dataset) -> Vec<String> {
    let own = dataset.language.as_deref().map(primary_subtag).unwrap_or_default();
    let mut found: Vec<String> = Vec::new();
    dataset.texts(&mut |_, text| {
        for (tag, _) in &text.languages {
            if !primary_subtag(tag).eq_ignore_ascii_case(own) && !found.contains(tag) {
                found.push(tag.clone());
            }
        }
    });
    found
}

/// The dataset's texts in `language`, as JSON: `{"language": "ru", "texts":
/// {"title": "…", "events[3].title": "…"}}`.
pub fn texts_in(dataset: &Dataset, language: &str) -> String {
    let mut out = Writer::compact();
    out.begin_object();
    out.field("language", language);
    out.key("texts");
    out.begin_object();
    dataset.texts(&mut |place, text| {
        if let Some(translated) = text.in_language(language) {
            out.field(&place.to_string(), translated);
        }
    });
    out.end_object();
    out.end_object();
    out.finish()
}

/// The dataset with its translations left out: each text in its own
/// language alone (what the built-in dataset compiles in).
pub fn without_translations(mut dataset: Dataset) -> Dataset {
    dataset.texts_mut(&mut |_, text| text.languages.clear());
    dataset
}

/// Adds the texts of `texts_in`'s JSON to the dataset. A place the dataset
/// does not have is an error (the texts were made for another dataset).
pub fn add_texts(dataset: &mut Dataset, json_text: &str) -> Result<(), String> {
    let value = json::parse(json_text).map_err(|e| format!("texts: {}", e.message))?;
    let Kind::Object(members) = &value.kind else { return Err("texts: not an object".to_string()) };
    let member = |key: &str| members.iter().find(|m| m.key == key).map(|m| &m.value.kind);
    let Some(Kind::String(language)) = member("language") else {
        return Err("texts: no \"language\"".to_string());
    };
    let Some(Kind::Object(texts)) = member("texts") else {
        return Err("texts: no \"texts\" object".to_string());
    };
    let mut by_place: FxMap<&str, &str> = FxMap::default();
    for text in texts {
        let Kind::String(translated) = &text.value.kind else { return Err(format!("texts: {} is not a string", text.key)) };
        by_place.insert(&text.key, translated);
    }
    let own = dataset.language.clone().unwrap_or_default();
    let mut used = 0;
    dataset.texts_mut(&mut |place, text| {
        if let Some(translated) = by_place.get(place.to_string().as_str()) {
            add(text, &own, language, translated);
            used += 1;
        }
    });
    if used < by_place.len() {
        return Err(format!("texts: {} of {} places are not in the dataset", by_place.len() - used, by_place.len()));
    }
    Ok(())
}

fn add(text: &mut Text, own: &str, language: &str, translated: &str) {
    if text.languages.is_empty() {
        text.languages.push((own.to_string(), text.own.clone()));
    }
    text.languages.retain(|(tag, _)| tag != language);
    text.languages.push((language.to_string(), translated.to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_texts_part_and_join_again() {
        let whole = crate::load(include_str!("../data/tajikistan.json")).unwrap();
        let languages = text_languages(&whole);
        assert_eq!(languages, ["ru", "tg"]);
        let mut joined = without_translations(whole.clone());
        assert_eq!(joined, crate::builtin(), "the compiled-in dataset is the own language alone");
        for language in &languages {
            add_texts(&mut joined, &texts_in(&whole, language)).unwrap();
        }
        assert!(joined == whole, "English, Russian and Tajik again, as in the file");
    }

    #[test]
    fn texts_for_another_dataset_are_refused() {
        let mut small = crate::builtin();
        small.events.truncate(1);
        let texts = texts_in(&crate::load(include_str!("../data/tajikistan.json")).unwrap(), "ru");
        assert!(add_texts(&mut small, &texts).unwrap_err().contains("places are not in the dataset"));
        assert!(add_texts(&mut small, "{}").is_err());
        assert!(add_texts(&mut small, "not json").is_err());
    }
}
