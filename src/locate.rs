//! Finds the line and column of a value in JSON text from its path
//! (`events[3].date`), so validation errors can point a person at the line
//! to fix. serde gives positions only for syntax and type errors; checks made
//! after parsing (an unknown partner, a duplicate id) need this.

use std::collections::HashMap;

/// Line and column (both from 1) of every value in a JSON document, by path.
pub struct Positions {
    by_path: HashMap<String, (usize, usize)>,
}

impl Positions {
    /// Scans `text`; on malformed JSON it keeps what it found before the fault.
    pub fn scan(text: &str) -> Self {
        let mut scanner = Scanner { bytes: text.as_bytes(), at: 0, line: 1, line_start: 0, by_path: HashMap::new() };
        scanner.value(String::new());
        Positions { by_path: scanner.by_path }
    }

    /// The position of the value at `path`, or of its nearest ancestor.
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut path = path;
        loop {
            if let Some(found) = self.by_path.get(path) {
                return Some(*found);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
    line_start: usize,
    by_path: HashMap<String, (usize, usize)>,
}

impl Scanner<'_> {
    fn skip_space(&mut self) {
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b'\n' => {
                    self.at += 1;
                    self.line += 1;
                    self.line_start = self.at;
                }
                b' ' | b'\t' | b'\r' => self.at += 1,
                _ => break,
            }
        }
    }

    fn position(&self) -> (usize, usize) {
        // Columns count characters, not bytes, as editors do.
        let column = String::from_utf8_lossy(&self.bytes[self.line_start..self.at]).chars().count() + 1;
        (self.line, column)
    }

    fn value(&mut self, path: String) -> Option<()> {
        self.skip_space();
        let position = self.position();
        self.by_path.entry(path.clone()).or_insert(position);
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
                            let key = self.string()?;
                            self.skip_space();
                            if self.bytes.get(self.at) != Some(&b':') {
                                return None;
                            }
                            self.at += 1;
                            let child = if path.is_empty() { key } else { format!("{path}.{key}") };
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

    #[test]
    fn finds_nested_values_and_falls_back_to_ancestors() {
        let text = "{\n  \"a\": [\n    {\"b\": 1},\n    {\"b\": \"x\"}\n  ]\n}";
        let positions = Positions::scan(text);
        assert_eq!(positions.find("a"), Some((2, 8)));
        assert_eq!(positions.find("a[1]"), Some((4, 5)));
        assert_eq!(positions.find("a[1].b"), Some((4, 11)));
        assert_eq!(positions.find("a[1].missing"), Some((4, 5)));
        assert_eq!(positions.find(""), Some((1, 1)));
    }

    #[test]
    fn survives_truncated_text() {
        let positions = Positions::scan("{\"a\": [1, 2");
        assert_eq!(positions.find("a[1]"), Some((1, 11)));
        let _ = Positions::scan("\"unterminated");
        let _ = Positions::scan("");
    }
}
