//! JSON in and out, written for this project instead of serde: a parser that
//! keeps where every value starts (so every error names its line, column and
//! path), small typed readers that collect every problem, and a writer.
//! One code path for every type keeps the WebAssembly build small.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use crate::decimal::Decimal;

/// A parsed value and the byte offset where it starts in the text. Strings
/// without escapes borrow from the text: most of a dataset is strings, and
/// not copying them halves the allocations of reading a large file.
#[derive(Debug, Clone, PartialEq)]
pub struct Value<'t> {
    pub at: usize,
    pub kind: Kind<'t>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind<'t> {
    Null,
    Bool(bool),
    Number(Decimal),
    String(Cow<'t, str>),
    Array(Vec<Value<'t>>),
    Object(Vec<Member<'t>>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member<'t> {
    pub key: Cow<'t, str>,
    /// Byte offset of the key's opening quote.
    pub key_at: usize,
    pub value: Value<'t>,
}

/// Malformed text: what was expected, and the byte offset where it was not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
    pub message: String,
}

/// Nesting deeper than this is refused rather than recursed into, so hostile
/// text cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    let mut parser = Parser { text, bytes: text.as_bytes(), at: 0, members: Vec::new(), items: Vec::new() };
    // A byte order mark is what some editors save; it is not an error.
    if text.starts_with('\u{feff}') {
        parser.at = 3;
    }
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at < parser.bytes.len() {
        return Err(parser.error("trailing characters after the JSON value"));
    }
    Ok(value)
}

/// Line and column from 1 of a byte offset; columns count characters, as editors do.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    /// Stacks the members and items of the objects and lists being read;
    /// each is moved out at its closing bracket into a list of its exact
    /// size, instead of growing a list per object.
    members: Vec<Member<'t>>,
    items: Vec<Value<'t>>,
}

impl<'t> Parser<'t> {
    fn error(&self, message: &str) -> SyntaxError {
        SyntaxError { at: self.at, message: message.to_string() }
    }

    fn skip_space(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'t>, SyntaxError> {
        self.skip_space();
        let at = self.at;
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        let kind = match self.bytes.get(at) {
            None => return Err(self.error("unexpected end of the text: expected a value")),
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Kind::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Kind::Number(self.number()?),
            Some(_) => {
                let rest = &self.bytes[at..];
                let (kind, length) = if rest.starts_with(b"true") {
                    (Kind::Bool(true), 4)
                } else if rest.starts_with(b"false") {
                    (Kind::Bool(false), 5)
                } else if rest.starts_with(b"null") {
                    (Kind::Null, 4)
                } else {
                    return Err(self.error("expected a value"));
                };
                self.at += length;
                kind
            }
        };
        Ok(Value { at, kind })
    }

    fn object(&mut self, depth: usize) -> Result<Kind<'t>, SyntaxError> {
        self.at += 1;
        let base = self.members.len();
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Ok(Kind::Object(Vec::new()));
        }
        loop {
            self.skip_space();
            let key_at = self.at;
            match self.bytes.get(self.at) {
                Some(b'"') => {}
                None => return Err(self.error("unexpected end of the text inside an object")),
                Some(_) => return Err(self.error("expected a key in double quotes")),
            }
            let key = self.string()?;
            self.skip_space();
            if self.bytes.get(self.at) != Some(&b':') {
                return Err(self.error("expected `:`"));
            }
            self.at += 1;
            let value = self.value(depth + 1)?;
            self.members.push(Member { key, key_at, value });
            self.skip_space();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Kind::Object(self.members.drain(base..).collect()));
                }
                None => return Err(self.error("unexpected end of the text inside an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Kind<'t>, SyntaxError> {
        self.at += 1;
        let base = self.items.len();
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Ok(Kind::Array(Vec::new()));
        }
        loop {
            let item = self.value(depth + 1)?;
            self.items.push(item);
            self.skip_space();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Kind::Array(self.items.drain(base..).collect()));
                }
                None => return Err(self.error("unexpected end of the text inside a list")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn string(&mut self) -> Result<Cow<'t, str>, SyntaxError> {
        self.at += 1;
        let start = self.at;
        while let Some(&b) = self.bytes.get(self.at) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.at += 1;
        }
        if self.bytes.get(self.at) == Some(&b'"') {
            self.at += 1;
            return Ok(Cow::Borrowed(&self.text[start..self.at - 1]));
        }
        // Escapes (or an error): build the string, from the start again.
        self.at = start;
        let mut out = String::new();
        loop {
            // Copy the plain run up to the next quote, backslash or control character.
            let start = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The text is valid UTF-8 and the run stops at ASCII bytes, so this slice is whole characters.
            out.push_str(&self.text[start..self.at]);
            match self.bytes.get(self.at) {
                None => return Err(self.error("unexpected end of the text inside a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match self.bytes.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let unit = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&unit) {
                                // A high surrogate must be followed by `\u` and a low one.
                                if !self.bytes[self.at..].starts_with(b"\\u") {
                                    return Err(self.error("a \\u escape for a high surrogate must be followed by a low one"));
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.error("a \\u escape for a high surrogate must be followed by a low one"));
                                }
                                0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                unit
                            };
                            out.push(char::from_u32(code).ok_or_else(|| self.error("a lone low surrogate is not a character"))?);
                            continue;
                        }
                        None => return Err(self.error("unexpected end of the text inside a string")),
                        Some(_) => return Err(self.error("unknown escape: use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX")),
                    };
                    self.at += 1;
                    out.push(escaped);
                }
                Some(_) => return Err(self.error("control character inside a string: write it as an escape such as \\n")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = self.bytes.get(self.at).and_then(|&b| (b as char).to_digit(16));
            unit = unit * 16 + digit.ok_or_else(|| self.error("expected four hexadecimal digits after \\u"))?;
            self.at += 1;
        }
        Ok(unit)
    }

    fn number(&mut self) -> Result<Decimal, SyntaxError> {
        let start = self.at;
        let negative = self.bytes[self.at] == b'-';
        if negative {
            self.at += 1;
        }
        let mut digits: i64 = 0;
        let mut overflow = false;
        let mut push = |digits: &mut i64, b: u8| match digits.checked_mul(10).and_then(|d| d.checked_add(i64::from(b - b'0'))) {
            Some(d) => *digits = d,
            None => overflow = true,
        };
        let whole_start = self.at;
        while let Some(&b @ b'0'..=b'9') = self.bytes.get(self.at) {
            push(&mut digits, b);
            self.at += 1;
        }
        let whole_length = self.at - whole_start;
        if whole_length == 0 {
            return Err(self.error("expected a digit"));
        }
        if whole_length > 1 && self.bytes[whole_start] == b'0' {
            return Err(SyntaxError { at: start, message: "numbers cannot start with 0".to_string() });
        }
        let mut scale: i64 = 0;
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            let fraction_start = self.at;
            while let Some(&b @ b'0'..=b'9') = self.bytes.get(self.at) {
                push(&mut digits, b);
                self.at += 1;
            }
            if self.at == fraction_start {
                return Err(self.error("expected a digit after the decimal point"));
            }
            scale = (self.at - fraction_start) as i64;
        }
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            let minus = match self.bytes.get(self.at) {
                Some(b'-') => {
                    self.at += 1;
                    true
                }
                Some(b'+') => {
                    self.at += 1;
                    false
                }
                _ => false,
            };
            let exponent_start = self.at;
            let mut exponent: i64 = 0;
            while let Some(&b @ b'0'..=b'9') = self.bytes.get(self.at) {
                exponent = (exponent * 10 + i64::from(b - b'0')).min(1000);
                self.at += 1;
            }
            if self.at == exponent_start {
                return Err(self.error("expected a digit in the exponent"));
            }
            scale += if minus { exponent } else { -exponent };
        }
        let too_big = || SyntaxError {
            at: start,
            message: format!("the number {} is too large or too precise for this reader", &self.text[start..self.at]),
        };
        if overflow {
            return Err(too_big());
        }
        if negative {
            digits = -digits;
        }
        while scale < 0 {
            digits = digits.checked_mul(10).ok_or_else(too_big)?;
            scale += 1;
        }
        Decimal::new(digits, u8::try_from(scale).unwrap_or(u8::MAX)).ok_or_else(too_big)
    }
}

impl<'t> Value<'t> {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn members(&self) -> Option<&[Member<'t>]> {
        match &self.kind {
            Kind::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn items(&self) -> Option<&[Value<'t>]> {
        match &self.kind {
            Kind::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value<'t>> {
        self.members()?.iter().find(|m| m.key == key).map(|m| &m.value)
    }

    /// Where the value at a path such as `events[3].date` (as `Path` prints
    /// them) is written: its key for an object member, else its first
    /// character; for a path that does not exist, the nearest one above it.
    pub fn find(&self, path: &str) -> usize {
        let mut value = self;
        let mut at = self.at;
        let mut rest = path;
        while !rest.is_empty() {
            let next = if let Some(after) = rest.strip_prefix('[') {
                let end = after.find(']').unwrap_or(after.len());
                let item = after[..end].parse::<usize>().ok().and_then(|i| value.items()?.get(i));
                rest = after.get(end + 1..).unwrap_or("");
                item.map(|item| (item.at, item))
            } else {
                let key = rest.strip_prefix('.').unwrap_or(rest);
                let end = key.find(['.', '[']).unwrap_or(key.len());
                let member = value.members().and_then(|m| m.iter().find(|m| m.key == key[..end]));
                rest = &key[end..];
                member.map(|m| (m.key_at, &m.value))
            };
            match next {
                Some((found_at, found)) => (at, value) = (found_at, found),
                None => break,
            }
        }
        at
    }

    fn kind_name(&self) -> &'static str {
        match self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "true or false",
            Kind::Number(_) => "a number",
            Kind::String(_) => "a string",
            Kind::Array(_) => "a list",
            Kind::Object(_) => "an object",
        }
    }
}

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
}

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
                    let expected = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
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
            let expected = names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
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
            whole &= item(self, value, &path.index(i));
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
    Err(reader
        .problems
        .iter()
        .map(|p| if p.path.is_empty() { p.message.clone() } else { format!("{}: {}", p.path, p.message) })
        .collect::<Vec<_>>()
        .join("; "))
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

/// Text for JSON: compact, or indented by two spaces per level.
pub struct Writer {
    out: String,
    /// Whether the next value in the current object or list needs a comma before it.
    comma: bool,
    /// A key was just written: its value follows the colon directly.
    after_key: bool,
    indent: Option<usize>,
}

/// A type that can write itself as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut Writer);
}

/// Compact JSON text of a value.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = Writer::compact();
    value.write_json(&mut out);
    out.finish()
}

/// Indented JSON text of a value, ending with a newline.
pub fn to_string_pretty<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = Writer { out: String::new(), comma: false, after_key: false, indent: Some(0) };
    value.write_json(&mut out);
    out.out.push('\n');
    out.finish()
}

impl Writer {
    pub fn compact() -> Writer {
        Writer { out: String::new(), comma: false, after_key: false, indent: None }
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// Comma and line break before a value or key inside an object or list.
    fn separate(&mut self) {
        if self.comma {
            self.out.push(',');
        }
        if let Some(level) = self.indent {
            if level > 0 {
                self.out.push('\n');
                self.out.extend(std::iter::repeat_n(' ', level * 2));
            }
        }
    }

    fn open(&mut self, bracket: char) {
        self.value_start();
        self.out.push(bracket);
        self.comma = false;
        if let Some(level) = &mut self.indent {
            *level += 1;
        }
    }

    fn close(&mut self, bracket: char) {
        if let Some(level) = &mut self.indent {
            *level -= 1;
            // Something was written since the opening bracket: end on a line of its own.
            if self.comma {
                let level = *level;
                self.out.push('\n');
                self.out.extend(std::iter::repeat_n(' ', level * 2));
            }
        }
        self.out.push(bracket);
        self.comma = true;
    }

    pub fn begin_object(&mut self) {
        self.open('{');
    }

    pub fn end_object(&mut self) {
        self.close('}');
    }

    pub fn begin_list(&mut self) {
        self.open('[');
    }

    pub fn end_list(&mut self) {
        self.close(']');
    }

    /// An object key; the value written next belongs to it.
    pub fn key(&mut self, key: &str) {
        self.separate();
        self.quoted(key);
        self.out.push(':');
        if self.indent.is_some() {
            self.out.push(' ');
        }
        self.comma = false;
        self.after_key = true;
    }

    fn value_start(&mut self) {
        if self.after_key {
            self.after_key = false;
        } else {
            self.separate();
        }
    }

    fn quoted(&mut self, text: &str) {
        self.out.push('"');
        let mut plain = 0;
        for (i, c) in text.char_indices() {
            let escape = match c {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                // Line and paragraph separators are valid JSON but end a line in older JavaScript.
                '\u{0}'..='\u{1f}' | '\u{2028}' | '\u{2029}' => "",
                _ => continue,
            };
            self.out.push_str(&text[plain..i]);
            if escape.is_empty() {
                let _ = write!(self.out, "\\u{:04x}", c as u32);
            } else {
                self.out.push_str(escape);
            }
            plain = i + c.len_utf8();
        }
        self.out.push_str(&text[plain..]);
        self.out.push('"');
    }

    pub fn string(&mut self, text: &str) {
        self.value_start();
        self.quoted(text);
        self.comma = true;
    }

    pub fn raw_number(&mut self, number: impl fmt::Display) {
        self.value_start();
        let _ = write!(self.out, "{number}");
        self.comma = true;
    }

    pub fn bool(&mut self, flag: bool) {
        self.value_start();
        self.out.push_str(if flag { "true" } else { "false" });
        self.comma = true;
    }

    pub fn null(&mut self) {
        self.value_start();
        self.out.push_str("null");
        self.comma = true;
    }

    /// A fraction for drawing (0.4567), to four decimals: enough for a
    /// picture, and no float printing code.
    pub fn share(&mut self, value: f64) {
        let clamped = if value.is_finite() { value.clamp(-1e12, 1e12) } else { 0.0 };
        let ten_thousandths = (clamped * 10_000.0).round() as i64;
        self.raw_number(Decimal::new(ten_thousandths, 4).unwrap_or(Decimal::ZERO));
    }

    /// `"key": value`, for any value that writes itself.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.write_json(self);
    }

    /// `"key": value` when there is a value; nothing otherwise.
    pub fn optional<T: ToJson>(&mut self, key: &str, value: &Option<T>) {
        if let Some(value) = value {
            self.field(key, value);
        }
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut Writer) {
        out.string(self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut Writer) {
        out.string(self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut Writer) {
        out.bool(*self);
    }
}

impl ToJson for Decimal {
    fn write_json(&self, out: &mut Writer) {
        out.raw_number(self);
    }
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut Writer) {
                out.raw_number(self);
            }
        }
    )*};
}
whole_numbers!(u8, u16, u32, u64, usize, i32, i64);

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut Writer) {
        out.begin_list();
        for item in self {
            item.write_json(out);
        }
        out.end_list();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut Writer) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut Writer) {
        match self {
            Some(value) => value.write_json(out),
            None => out.null(),
        }
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut Writer) {
        (**self).write_json(out);
    }
}

/// A parsed value writes itself back (used by tests and by tools that edit JSON).
impl ToJson for Value<'_> {
    fn write_json(&self, out: &mut Writer) {
        match &self.kind {
            Kind::Null => out.null(),
            Kind::Bool(flag) => out.bool(*flag),
            Kind::Number(number) => out.raw_number(number),
            Kind::String(text) => out.string(text),
            Kind::Array(items) => items.write_json(out),
            Kind::Object(members) => {
                out.begin_object();
                for member in members {
                    out.field(&member.key, &member.value);
                }
                out.end_object();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> (usize, usize, String) {
        let error = parse(text).unwrap_err();
        let (line, column) = line_column(text, error.at);
        (line, column, error.message)
    }

    #[test]
    fn reads_every_kind_of_value_with_its_position() {
        let text =
            "{\n  \"a\": [1, -2.50, 3e2, 1.5E-1],\n  \"b\": \"x\\u00e9\\n\\ud83d\\ude00\",\n  \"c\": [true, false, null], \"d\": {}\n}";
        let value = parse(text).unwrap();
        let a = value.get("a").unwrap().items().unwrap();
        let numbers: Vec<String> = a.iter().map(to_string).collect();
        assert_eq!(numbers, ["1", "-2.5", "300", "0.15"]);
        assert_eq!(line_column(text, a[1].at), (2, 12));
        assert_eq!(value.get("b").unwrap().as_str(), Some("xé\n😀"));
        assert_eq!(to_string(&value), r#"{"a":[1,-2.5,300,0.15],"b":"xé\n😀","c":[true,false,null],"d":{}}"#);
        assert_eq!(value.find("a[2]"), a[2].at);
        assert_eq!(line_column(text, value.find("b")), (3, 3), "a member is found at its key");
        assert_eq!(value.find("c[7].x"), value.find("c"), "the nearest existing value");
    }

    #[test]
    fn says_what_is_wrong_and_where() {
        assert_eq!(error_of("{\"a\": 1\n  \"b\": 2}"), (2, 3, "expected `,` or `}`".to_string()));
        assert_eq!(error_of("[1, 2"), (1, 6, "unexpected end of the text inside a list".to_string()));
        assert_eq!(error_of("{\"a\": \"b"), (1, 9, "unexpected end of the text inside a string".to_string()));
        assert_eq!(error_of("[01]").2, "numbers cannot start with 0");
        assert_eq!(error_of("[1.]").2, "expected a digit after the decimal point");
        assert_eq!(error_of("{a: 1}").2, "expected a key in double quotes");
        assert_eq!(error_of("[\"\\x\"]").2, "unknown escape: use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX");
        assert_eq!(error_of("\"a\tb\"").2, "control character inside a string: write it as an escape such as \\n");
        assert_eq!(error_of("[\"\\ud800\"]").2, "a \\u escape for a high surrogate must be followed by a low one");
        assert_eq!(error_of("[1] x").2, "trailing characters after the JSON value");
        assert_eq!(error_of("[99999999999999999999]").2, "the number 99999999999999999999 is too large or too precise for this reader");
        assert_eq!(error_of("[tru]").2, "expected a value");
        assert_eq!(error_of("").2, "unexpected end of the text: expected a value");
        assert_eq!(line_column("ab\nдж x", 8), (2, 4), "columns count characters");
    }

    #[test]
    fn hostile_nesting_is_refused_not_recursed() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
    }

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

    #[test]
    fn writes_escaped_and_indented_text() {
        let value = parse(r#"{"a":[],"b":{"c":[1,"q\"\u0001\u2028"]},"d":{}}"#).unwrap();
        assert_eq!(to_string(&value), r#"{"a":[],"b":{"c":[1,"q\"\u0001\u2028"]},"d":{}}"#);
        assert_eq!(
            to_string_pretty(&value),
            "{\n  \"a\": [],\n  \"b\": {\n    \"c\": [\n      1,\n      \"q\\\"\\u0001\\u2028\"\n    ]\n  },\n  \"d\": {}\n}\n"
        );
        let mut out = Writer::compact();
        out.begin_list();
        out.share(1.0 / 3.0);
        out.share(0.5);
        out.share(f64::NAN);
        out.end_list();
        assert_eq!(out.finish(), "[0.3333,0.5,0]");
    }
}
