//! Typed readers: `Path`s built as they descend, and a `Reader` that turns
//! parsed values into typed data, collecting every `Problem` with its path.

use std::fmt;

use super::parse::{parse, Kind, Member, Value};
use crate::decimal::Decimal;
use crate::joining::join;

/// Where a value sits in the document, built as readers descend and only
/// turned into text (`events[3].date`) for an error.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root,
    /// A member by its key, and where the key is written when known: a
    /// problem with the member's value is shown there, like the checks'.
    Key(&'a Path<'a>, &'a str, Option<usize>),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key, None)
    }

    /// A member whose key is written at byte `key_at`.
    pub fn member(&'a self, key: &'a str, key_at: usize) -> Path<'a> {
        Path::Key(self, key, Some(key_at))
    }

    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key, _) => f.write_str(key),
            Path::Key(parent, key, _) => write!(f, "{parent}.{key}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A value of the wrong shape: where (byte offset and path) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: usize,
    pub path: String,
    pub message: String,
}

/// Reads values into typed data, noting every problem instead of stopping
/// at the first; each reading method returns `None` when its value is wrong.
#[derive(Default)]
pub struct Reader {
    pub problems: Vec<Problem>,
    /// The text between two offsets of the document, for the list items
    /// of a `Value::detached` tree (whose text is held elsewhere).
    pub fetch: Option<Fetch>,
}

/// Gives the text between two byte offsets of a document, if it can.
pub type Fetch = Box<dyn Fn(usize, usize) -> Option<String>>;

impl Reader {
    // The generic methods here are one-line wrappers around plain ones, so
    // the wasm holds one copy of each, not one per type read.
    #[inline]
    pub fn fail<T>(&mut self, at: usize, path: &Path, message: String) -> Option<T> {
        self.note(at, path, message);
        None
    }

    /// A member's problem is noted at its key when the path knows where
    /// that is, else at `at` (a list item, an object, a key itself).
    fn note(&mut self, at: usize, path: &Path, message: String) {
        let at = match path {
            Path::Key(_, _, Some(key_at)) => *key_at,
            _ => at,
        };
        self.problems.push(Problem { at, path: path.to_string(), message });
    }

    /// "expected {what}, found …" at `value`.
    #[inline]
    pub fn expected<T>(&mut self, value: &Value, path: &Path, what: &str) -> Option<T> {
        self.note_expected(value, path, what);
        None
    }

    fn note_expected(&mut self, value: &Value, path: &Path, what: &str) {
        self.note(value.at, path, format!("expected {what}, found {}", value.kind_name()));
    }

    /// The members of an object whose keys must all be among `names`.
    pub fn object<'v>(&mut self, value: &'v Value<'v>, path: &Path, names: &'static [&'static str]) -> Option<Fields<'v>> {
        let Some(members) = value.members() else {
            return self.expected(value, path, "an object");
        };
        // No allocation per object: a large file has hundreds of thousands.
        let mut found = [None; MAX_FIELDS];
        if names.len() > MAX_FIELDS {
            return self.fail(value.at, path, format!("internal error: more than {MAX_FIELDS} field names"));
        }
        for member in members {
            let here = path.member(&member.key, member.key_at);
            match names.iter().position(|&n| n == member.key) {
                Some(slot) if found[slot].is_some() => {
                    self.fail::<()>(member.key_at, &here, format!("duplicate field `{}`", member.key));
                }
                Some(slot) => found[slot] = Some(member),
                None => {
                    let expected: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                    let expected = join(&expected, ", ");
                    self.fail::<()>(member.key_at, &here, format!("unknown field `{}`, expected one of {expected}", member.key));
                }
            }
        }
        Some(Fields { at: value.at, names, found })
    }

    pub fn string(&mut self, value: &Value, path: &Path) -> Option<String> {
        match &value.kind {
            Kind::String(text) => Some(text.to_string()),
            _ => self.expected(value, path, "a string"),
        }
    }

    pub fn bool(&mut self, value: &Value, path: &Path) -> Option<bool> {
        match value.kind {
            Kind::Bool(flag) => Some(flag),
            _ => self.expected(value, path, "true or false"),
        }
    }

    pub fn decimal(&mut self, value: &Value, path: &Path) -> Option<Decimal> {
        match value.kind {
            Kind::Number(number) => Some(number),
            _ => self.expected(value, path, "a number"),
        }
    }

    /// A whole number from `min` to `max`.
    pub fn whole(&mut self, value: &Value, path: &Path, min: i64, max: i64) -> Option<i64> {
        match value.kind {
            Kind::Number(number) => match number.as_whole() {
                Some(whole) if (min..=max).contains(&whole) => Some(whole),
                _ => self.fail(value.at, path, format!("expected a whole number from {min} to {max}, found {number}")),
            },
            _ => self.expected(value, path, "a whole number"),
        }
    }

    /// A word from a fixed list (`parse` knows them; `names` are listed in the error).
    pub fn keyword<T>(&mut self, value: &Value, path: &Path, parse: fn(&str) -> Option<T>, names: &[&str]) -> Option<T> {
        let text = match &value.kind {
            Kind::String(text) => text,
            _ => return self.expected(value, path, "a string"),
        };
        parse(text).or_else(|| {
            let expected: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            let expected = join(&expected, ", ");
            self.fail(value.at, path, format!("unknown value `{text}`, expected one of {expected}"))
        })
    }

    /// A list whose items `item` reads; `None` if any item is wrong (all are read, for their problems).
    pub fn list<T>(&mut self, value: &Value, path: &Path, mut item: impl FnMut(&mut Reader, &Value, &Path) -> Option<T>) -> Option<Vec<T>> {
        let mut out = Vec::with_capacity(value.items().map_or(0, <[Value]>::len));
        let whole = self.each(value, path, &mut |r, v, p| match item(r, v, p) {
            Some(read) => {
                out.push(read);
                true
            }
            None => false,
        });
        whole.then_some(out)
    }

    /// Calls `item` on every item of a list; whether all were read.
    fn each(&mut self, value: &Value, path: &Path, item: &mut dyn FnMut(&mut Reader, &Value, &Path) -> bool) -> bool {
        let Some(items) = value.items() else {
            self.note_expected(value, path, "a list");
            return false;
        };
        let mut whole = true;
        for (i, value) in items.iter().enumerate() {
            let path = path.index(i);
            // An item parsed only now (`parse_shallow`) is let go once read.
            whole &= match value.kind {
                Kind::Detached(end) => match self.fetch.as_ref().and_then(|fetch| fetch(value.at, end)) {
                    // Offsets in it count from the item: a caller that
                    // needs positions reads the whole text (`validate::load`).
                    Some(text) => match parse(&text) {
                        Ok(value) => item(self, &value, &path),
                        Err(e) => self.fail(value.at + e.at, &path, e.message).unwrap_or(false),
                    },
                    None => self.fail(value.at, &path, "its text could not be read again".to_string()).unwrap_or(false),
                },
                _ => match value.expanded() {
                    Ok(value) => item(self, &value, &path),
                    Err(e) => self.fail(e.at, &path, e.message).unwrap_or(false),
                },
            };
        }
        whole
    }

    pub fn strings(&mut self, value: &Value, path: &Path) -> Option<Vec<String>> {
        self.list(value, path, |r, v, p| r.string(v, p))
    }
}

/// Parses `text` and reads it with `read`; the error names every problem
/// as `path: message` (what JavaScript callers see).
pub fn read_text<T>(text: &str, read: fn(&mut Reader, &Value, &Path) -> Option<T>) -> Result<T, String> {
    let mut out = None;
    read_text_with(text, &mut |r, v, p| {
        out = read(r, v, p);
        out.is_some()
    })?;
    out.ok_or_else(String::new)
}

fn read_text_with(text: &str, read: &mut dyn FnMut(&mut Reader, &Value, &Path) -> bool) -> Result<(), String> {
    let value = parse(text).map_err(|e| e.message)?;
    let mut reader = Reader::default();
    if read(&mut reader, &value, &Path::Root) && reader.problems.is_empty() {
        return Ok(());
    }
    let problems: Vec<String> =
        reader.problems.iter().map(|p| if p.path.is_empty() { p.message.clone() } else { format!("{}: {}", p.path, p.message) }).collect();
    Err(join(&problems, "; "))
}

/// The most fields an object read by `Reader::object` may have.
const MAX_FIELDS: usize = 16;

/// An object's members by field name, from `Reader::object`.
pub struct Fields<'v> {
    at: usize,
    names: &'static [&'static str],
    found: [Option<&'v Member<'v>>; MAX_FIELDS],
}

impl<'v> Fields<'v> {
    /// A field that may be absent (or null).
    pub fn optional(&self, name: &str) -> Option<&'v Value<'v>> {
        self.member(name).map(|m| &m.value).filter(|v| v.kind != Kind::Null)
    }

    fn member(&self, name: &str) -> Option<&'v Member<'v>> {
        let slot = self.names.iter().position(|&n| n == name)?;
        self.found[slot]
    }

    /// The path of field `name` below `parent`, with where its key is written.
    pub fn path<'p>(&self, parent: &'p Path<'p>, name: &'p str) -> Path<'p> {
        match self.member(name) {
            Some(member) => parent.member(name, member.key_at),
            None => parent.key(name),
        }
    }

    /// A field that must be present; its absence is a problem at the object.
    pub fn required(&self, reader: &mut Reader, path: &Path, name: &str) -> Option<&'v Value<'v>> {
        match self.optional(name) {
            Some(value) => Some(value),
            None => reader.fail(self.at, path, format!("missing field `{name}`")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readers_collect_every_problem_with_paths() {
        let value = parse(r#"{"name": 3, "extra": true, "extra": 1, "list": ["a", 2]}"#).unwrap();
        let mut reader = Reader::default();
        let root = Path::Root;
        let fields = reader.object(&value, &root, &["name", "list", "count"]).unwrap();
        assert!(fields.required(&mut reader, &root, "count").is_none());
        let name = fields.optional("name").unwrap();
        assert!(reader.string(name, &root.key("name")).is_none());
        let list = fields.optional("list").unwrap();
        assert!(reader.strings(list, &root.key("list")).is_none());
        let said: Vec<String> = reader.problems.iter().map(|p| format!("{}: {}", p.path, p.message)).collect();
        assert_eq!(
            said,
            [
                "extra: unknown field `extra`, expected one of `name`, `list`, `count`",
                "extra: unknown field `extra`, expected one of `name`, `list`, `count`",
                ": missing field `count`",
                "name: expected a string, found a number",
                "list[1]: expected a string, found a number",
            ]
        );
    }
}
