//! How text becomes searchable words: lower case, accents folded, split on
//! anything that is not a letter or digit, in any script. The index and the
//! query go through the same functions, so "Kazakstan", "KAZAKSTAN" and
//! "Kazakstán" are one word, and "Иран" or "ایران" match as typed.
//!
//! Folding is small and explicit (no normalisation tables, which would weigh
//! on the wasm): Latin letters with diacritics become their base letters
//! through a generated 1.3 KB table (`src/fold_table.rs`: `ộ`→`o`, `ḥ`→`h`,
//! `ß`→`ss`), combining marks typed separately are dropped (so decomposed
//! "é" is "e" too), Cyrillic `ё` becomes `е`, Tajik `ӣ ӯ ҳ ҷ қ ғ` become
//! `и у х ч к г` (as readers type them on a Russian keyboard), Greek final
//! `ς` becomes `σ`, Arabic-script `ي`/`ك`/`ى` become the Persian `ی`/`ک`, and
//! Arabic vowel marks and tatweel are dropped. A Cyrillic word then loses
//! its case or plural ending (`stem_cyrillic`), so "Ирана", "Ираном" and
//! "Эронро" find Iran as "Иран" and "Эрон" do.

use crate::fold_table;

/// Words that carry no meaning on their own; a query made only of them
/// searches for nothing (and so filters nothing).
pub const STOP_WORDS: [&str; 34] = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its", "of", "on", "or",
    "that", "the", "their", "then", "there", "this", "to", "was", "were", "which", "who", "will", "with", "s",
];

/// Marks that sit on a letter without ending the word: combining
/// diacritics (text typed or pasted decomposed, "e" + U+0301), Arabic vowel
/// marks and tatweel. They are dropped.
fn is_inner_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// The base letters of a Latin letter with diacritics, from the generated table.
fn latin_base(c: char) -> Option<&'static str> {
    let (table, first) = match c {
        '\u{00C0}'..='\u{024F}' => (fold_table::LATIN_C0_24F, 0xC0),
        '\u{1E00}'..='\u{1EFF}' => (fold_table::LATIN_1E00_1EFF, 0x1E00),
        _ => return None,
    };
    let at = (c as usize - first) * 2;
    let base = table.get(at..at + 2)?.trim_end();
    (!base.is_empty()).then_some(base)
}

/// Lower-cases and folds one character, appending the result to `out`.
fn push_folded(c: char, out: &mut String) {
    if let Some(base) = latin_base(c) {
        out.push_str(base);
        return;
    }
    let folded = match c {
        'Ё' | 'ё' => 'е',
        'Ӣ' | 'ӣ' | 'Й' | 'й' => 'и',
        'Ӯ' | 'ӯ' => 'у',
        'Ҳ' | 'ҳ' => 'х',
        'Ҷ' | 'ҷ' => 'ч',
        'Қ' | 'қ' => 'к',
        'Ғ' | 'ғ' => 'г',
        'ς' => 'σ',
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        'ة' => 'ه',
        'أ' | 'إ' | 'آ' => 'ا',
        c if is_inner_mark(c) => return,
        other => {
            out.extend(other.to_lowercase());
            return;
        }
    };
    out.push(folded);
}

/// Splits text into folded words, in order, stop words included.
pub fn words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for_each_word(text, &mut String::new(), |word| found.push(word.to_string()));
    found
}

/// Calls `each` with every folded word of `text`, in order, reusing `buffer`
/// so that indexing a large dataset allocates nothing per word. Plain ASCII
/// words, most of any English text, are passed without copying when already
/// lower case.
pub fn for_each_word(text: &str, buffer: &mut String, mut each: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let mut upper = false;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            upper |= bytes[i].is_ascii_uppercase();
            i += 1;
        }
        if i < bytes.len() && bytes[i] >= 0x80 {
            // A letter outside ASCII may continue the word: fold it char by char.
            i = fold_word(text, start, buffer);
            if !buffer.is_empty() {
                each(buffer);
            }
        } else if i > start {
            if upper {
                buffer.clear();
                buffer.push_str(&text[start..i]);
                buffer.make_ascii_lowercase();
                each(buffer);
            } else {
                each(&text[start..i]);
            }
        } else {
            i += 1; // an ASCII separator
        }
    }
}

/// Folds the word starting at byte `start` into `buffer`; returns where it
/// ends (after the separator that ends it, if any).
fn fold_word(text: &str, start: usize, buffer: &mut String) -> usize {
    buffer.clear();
    let mut end = text.len();
    for (at, c) in text[start..].char_indices() {
        if c.is_alphanumeric() || is_inner_mark(c) {
            push_folded(c, buffer);
        } else {
            end = start + at + c.len_utf8();
            break;
        }
    }
    stem_cyrillic(buffer);
    end
}

/// Russian case and number endings and Tajik plural, object and izofat
/// endings, folded as above (`й` is `и` by then), longest first.
const CYRILLIC_ENDINGS: [&str; 42] = [
    "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "хои", "ых", "их", "ои", "еи", "ом", "ем", "ам", "ям", "ах", "ях",
    "ов", "ев", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ыи", "хо", "ро", "а", "я", "у", "ю", "ы", "и", "е", "о", "ь",
];

/// Takes one ending off a folded Cyrillic word, keeping a stem of three
/// letters or more: "ираном" and "ирана" are "иран", "границы" and
/// "границе" are "границ", "эронро" is "эрон". Light on purpose: the index
/// and the query stem alike, and the last word of a query is a prefix.
fn stem_cyrillic(word: &mut String) {
    if !word.starts_with(|c: char| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        return;
    }
    let letters = word.chars().count();
    for ending in CYRILLIC_ENDINGS {
        if word.ends_with(ending) && letters - ending.chars().count() >= 3 {
            word.truncate(word.len() - ending.len());
            return;
        }
    }
}

pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// The words of a query worth searching for: folded, stop words removed,
/// duplicates removed, at most `MAX_QUERY_WORDS` (the rest is ignored).
pub fn query_words(text: &str) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for word in words(text) {
        if !is_stop_word(&word) && !kept.contains(&word) {
            kept.push(word);
            if kept.len() == MAX_QUERY_WORDS {
                break;
            }
        }
    }
    kept
}

/// A reader never types more; a pasted page must not cost more.
pub const MAX_QUERY_WORDS: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents_in_latin() {
        assert_eq!(words("Kazakstán, KAZAKSTAN; Türkiye ŞAHİN"), ["kazakstan", "kazakstan", "turkiye", "sahin"]);
        assert_eq!(words("Straße Æther"), ["strasse", "aether"]);
    }

    #[test]
    fn folds_the_wider_latin_range_and_decomposed_marks() {
        assert_eq!(words("Hà Nội, Ḥamadān, Ṭūs, Lǚ, STRAẞE"), ["ha", "noi", "hamadan", "tus", "lu", "strasse"]);
        assert_eq!(words("Re\u{301}sume\u{301} Résumé"), ["resume", "resume"]);
        assert_eq!(words("ΟΔΟΣ οδος"), ["οδοσ", "οδοσ"]);
        assert_eq!(words("× ÷"), Vec::<String>::new());
    }

    #[test]
    fn folds_tajik_letters_and_stems_cyrillic_endings() {
        assert_eq!(words("Иран, Ҷумҳурии Тоҷикистон"), ["иран", "чумхури", "точикистон"]);
        assert_eq!(words("Ёзуқ ӯ"), ["езук", "у"]);
        assert_eq!(words("Иран Ирана Ираном Ирану"), ["иран"; 4]);
        assert_eq!(words("граница границы границе"), ["границ"; 3]);
        assert_eq!(words("мост моста мосты"), ["мост"; 3]);
        assert_eq!(words("сарҳад сарҳади сархад"), ["сархад"; 3]);
        assert_eq!(words("Эрон Эронро Панҷ панч"), ["эрон", "эрон", "панч", "панч"]);
        assert_eq!(words("Россия России Россией"), ["росси"; 3]);
        assert_eq!(words("Чин Чинро"), ["чин", "чин"], "a stem keeps three letters");
    }

    #[test]
    fn keeps_persian_words_whole() {
        assert_eq!(words("ایران‌زمین"), ["ایران", "زمین"], "a zero-width non-joiner splits");
        assert_eq!(words("كابل"), ["کابل"], "Arabic kaf folds to the Persian one");
        assert_eq!(words("اِیران"), ["ایران"], "vowel marks are dropped inside a word");
    }

    #[test]
    fn splits_on_punctuation_and_keeps_digits() {
        assert_eq!(words("US$12.09 million (2005)"), ["us", "12", "09", "million", "2005"]);
        assert!(words("!!! ... ---").is_empty());
    }

    #[test]
    fn query_words_drop_stop_words_and_repeats() {
        assert_eq!(query_words("The bridge of the Panj, the bridge"), ["bridge", "panj"]);
        assert!(query_words("the of and").is_empty());
        assert_eq!(query_words(&"word ".repeat(10_000)), ["word"]);
        let many: String = (0..20).map(|i| format!("w{i} ")).collect();
        assert_eq!(query_words(&many).len(), MAX_QUERY_WORDS);
    }
}
