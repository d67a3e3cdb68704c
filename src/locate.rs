//! Maps between places in JSON text and JSON paths (`events[3].date`), so
//! every dataset error can name both the field and the line to fix: checks
//! made after parsing know the path and need the line; serde's own errors
//! know the line and need the path.

use std::collections::HashMap;

/// Where every value (and every object key) of a JSON document sits.
pub struct Positions<'a> {
    text: &'a str,
    /// Byte span of each value by path; a key's span is stored under the
    /// path of its value, so the first span recorded for a path is the key's.
    spans: Vec<(String, usize, usize)>,
    by_path: HashMap<String, usize>,
}

impl<'a> Positions<'a> {
    /// Scans `text`; on malformed JSON it keeps what it found before the fault.
    pub fn scan(text: &'a str) -> Self {
        let mut scanner = Scanner { bytes: text.as_bytes(), at: 0, spans: Vec::new() };
        scanner.value(String::new());
        let mut by_path = HashMap::new();
        for (i, (path, _, _)) in scanner.spans.iter().enumerate() {
            by_path.entry(path.clone()).or_insert(i);
        }
        Positions { text, spans: scanner.spans, by_path }
    }

    /// Line and column (from 1) of the value at `path`, or of its nearest ancestor.
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut path = path;
        loop {
            if let Some(&i) = self.by_path.get(path) {
                return Some(self.line_column(self.spans[i].1));
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }

    /// The path of the innermost value or key whose text contains `offset`
    /// (serde_json reports an error at the last character it read).
    pub fn path_at(&self, offset: usize) -> Option<&str> {
        self.spans
            .iter()
            .filter(|(_, start, end)| *start <= offset && offset < *end)
            .min_by_key(|(_, start, end)| end - start)
            .map(|(path, _, _)| path.as_str())
    }

    /// Line and column (from 1; columns in characters, as editors count) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let before = &self.text.as_bytes()[..offset.min(self.text.len())];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        (line, column)
    }

    /// The byte offset of a line and a byte column (from 1), as serde_json reports them.
    pub fn offset_of(&self, line: usize, byte_column: usize) -> usize {
        let line_start = if line <= 1 {
            0
        } else {
            self.text.match_indices('\n').nth(line - 2).map_or(self.text.len(), |(i, _)| i + 1)
        };
        (line_start + byte_column.saturating_sub(1)).min(self.text.len())
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    spans: Vec<(String, usize, usize)>,
}

impl Scanner<'_> {
    fn skip_space(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.at += 1;
        }
    }

    /// Records the span of the value at `path`, even when it is cut short.
    fn value(&mut self, path: String) -> Option<()> {
        self.skip_space();
        let start = self.at;
        let slot = self.spans.len();
        self.spans.push((path.clone(), start, start));
        let result = self.value_body(&path);
        self.spans[slot].2 = self.at;
        result
    }

    fn value_body(&mut self, path: &str) -> Option<()> {
        match *self.bytes.get(self.at)? {
            b'{' => {
                self.at += 1;
                loop {
                    self.skip_space();
                    match *self.bytes.get(self.at)? {
                        b'}' => {
                            self.at += 1;
                            return Some(());
                        }
                        b',' => self.at += 1,
                        b'"' => {
                            let key_start = self.at;
                            let key = self.string()?;
                            let child = if path.is_empty() { key } else { format!("{path}.{key}") };
                            self.spans.push((child.clone(), key_start, self.at));
                            self.skip_space();
                            if self.bytes.get(self.at) != Some(&b':') {
                                return None;
                            }
                            self.at += 1;
                            self.value(child)?;
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.at += 1;
                let mut index = 0;
                loop {
                    self.skip_space();
                    match *self.bytes.get(self.at)? {
                        b']' => {
                            self.at += 1;
                            return Some(());
                        }
                        b',' => self.at += 1,
                        _ => {
                            self.value(format!("{path}[{index}]"))?;
                            index += 1;
                        }
                    }
                }
            }
            b'"' => self.string().map(|_| ()),
            _ => {
                while let Some(&b) = self.bytes.get(self.at) {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    self.at += 1;
                }
                Some(())
            }
        }
    }

    /// Reads a string literal; keys are compared raw, which is enough for
    /// the plain ASCII field names a schema uses.
    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let start = self.at;
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b'\\' => self.at += 2,
                b'"' => {
                    let text = String::from_utf8_lossy(&self.bytes[start..self.at]).into_owned();
                    self.at += 1;
                    return Some(text);
                }
                b'\n' => return None,
                _ => self.at += 1,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"a\": [\n    {\"b\": 1},\n    {\"b\": \"x\"}\n  ]\n}";

    #[test]
    fn finds_keys_and_falls_back_to_ancestors() {
        let positions = Positions::scan(TEXT);
        assert_eq!(positions.find("a"), Some((2, 3)));
        assert_eq!(positions.find("a[1]"), Some((4, 5)));
        assert_eq!(positions.find("a[1].b"), Some((4, 6)));
        assert_eq!(positions.find("a[1].missing"), Some((4, 5)));
        assert_eq!(positions.find(""), Some((1, 1)));
    }

    #[test]
    fn names_the_innermost_path_at_an_offset() {
        let positions = Positions::scan(TEXT);
        let at = |line, column| positions.path_at(positions.offset_of(line, column));
        assert_eq!(at(4, 13), Some("a[1].b"));
        assert_eq!(at(4, 7), Some("a[1].b"));
        assert_eq!(at(4, 14), Some("a[1]"));
        assert_eq!(at(5, 3), Some("a"));
    }

    #[test]
    fn columns_count_characters() {
        let positions = Positions::scan("{\"é\": [\"ü\", 1]}");
        assert_eq!(positions.find("é[1]"), Some((1, 13)));
    }

    #[test]
    fn survives_truncated_text() {
        let positions = Positions::scan("{\"a\": [1, 2");
        assert_eq!(positions.find("a[1]"), Some((1, 11)));
        let _ = Positions::scan("\"unterminated");
        let _ = Positions::scan("");
    }
}
