//! How text becomes searchable words: lower case, accents folded, split on
//! anything that is not a letter or digit, in any script. The index and the
//! query go through the same functions, so "Kazakstan", "KAZAKSTAN" and
//! "Kazakstán" are one word, and "Иран" or "ایران" match as typed.
//!
//! Folding is deliberately small and explicit (no Unicode tables, which would
//! weigh on the wasm): Latin letters with diacritics become their base letter,
//! Cyrillic `ё` becomes `е`, Tajik `ӣ`/`ӯ` become `и`/`у`, Arabic-script `ي`/`ك`/`ى`
//! become the Persian `ی`/`ک`, and Arabic vowel marks and tatweel are dropped.

/// Words that carry no meaning on their own; a query made only of them
/// searches for nothing (and so filters nothing).
pub const STOP_WORDS: [&str; 34] = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its",
    "of", "on", "or", "that", "the", "their", "then", "there", "this", "to", "was", "were", "which", "who", "will",
    "with", "s",
];

/// Lower-cases and folds one character, appending the result to `out`.
/// Returns nothing for characters to drop (vowel marks, tatweel).
fn push_folded(c: char, out: &mut String) {
    let folded = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => 'c',
        'Ď' | 'ď' | 'Đ' | 'đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => 'e',
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => 'g',
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => 'h',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' => 'i',
        'Ĵ' | 'ĵ' => 'j',
        'Ķ' | 'ķ' => 'k',
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => 'l',
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' => 'o',
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => 'r',
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' => 's',
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'Ț' | 'ț' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ' | 'ũ' | 'Ū' | 'ū' | 'Ŭ' | 'ŭ' | 'Ů' | 'ů' | 'Ű' | 'ű' | 'Ų' | 'ų' => 'u',
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' => 'y',
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => 'z',
        'ß' => {
            out.push_str("ss");
            return;
        }
        'Æ' | 'æ' => {
            out.push_str("ae");
            return;
        }
        'Œ' | 'œ' => {
            out.push_str("oe");
            return;
        }
        'Ё' | 'ё' => 'е',
        'Ӣ' | 'ӣ' | 'Й' | 'й' => 'и',
        'Ӯ' | 'ӯ' => 'у',
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        'ة' => 'ه',
        'أ' | 'إ' | 'آ' => 'ا',
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return,
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
/// so that indexing a large dataset allocates nothing per word.
pub fn for_each_word(text: &str, buffer: &mut String, mut each: impl FnMut(&str)) {
    buffer.clear();
    for c in text.chars() {
        if c.is_ascii() {
            // The common case, without the general folding.
            if c.is_ascii_alphanumeric() {
                buffer.push(c.to_ascii_lowercase());
            } else if !buffer.is_empty() {
                each(buffer);
                buffer.clear();
            }
        } else if c.is_alphanumeric() || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}') {
            // Vowel marks are not alphanumeric but sit inside words: folded
            // away without ending the word.
            push_folded(c, buffer);
        } else if !buffer.is_empty() {
            each(buffer);
            buffer.clear();
        }
    }
    if !buffer.is_empty() {
        each(buffer);
        buffer.clear();
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
    fn keeps_cyrillic_and_persian_words_whole() {
        assert_eq!(words("Иран, Ҷумҳурии Тоҷикистон"), ["иран", "ҷумҳурии", "тоҷикистон"]);
        assert_eq!(words("Ёзуқ ӯ"), ["езуқ", "у"]);
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
