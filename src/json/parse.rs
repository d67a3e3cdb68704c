//! The parser: text to `Value`s that keep the byte offset where each starts,
//! and `SyntaxError`s that say what was expected where (`validate` turns
//! offsets into lines and columns, all of a file's in one pass).

use std::borrow::Cow;

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
    /// An item of a top-level list, checked but not kept (`parse_shallow`):
    /// the whole text, and the offset where the item ends. `expanded`
    /// parses it again when it is read.
    Deferred(&'t str, usize),
    /// A deferred item whose text is no longer held (`Value::detached`):
    /// the offset where it ends. A `Reader` with a way to fetch its text
    /// again reads it; to everything else it is a value of unknown kind.
    Detached(usize),
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
    parse_with(text, None)
}

/// Parses as `parse` does (every syntax error is found), but keeps each
/// item of the top-level lists only as where it is: a dataset's records are
/// then read one at a time (`Value::expanded`) instead of all being held as
/// a tree at once, which took twice the text's size again.
pub fn parse_shallow(text: &str) -> Result<Value<'_>, SyntaxError> {
    parse_with(text, Some(DEFERRED_DEPTH))
}

/// The depth of a top-level list's items: the document is 0, its lists 1.
const DEFERRED_DEPTH: usize = 2;

fn parse_with(text: &str, defer_at: Option<usize>) -> Result<Value<'_>, SyntaxError> {
    let mut parser = Parser { text, bytes: text.as_bytes(), at: 0, members: Vec::new(), items: Vec::new(), defer_at, skipping: false };
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
/// The reference the tests hold `validate::line_columns` (which finds many in one pass) to.
#[cfg(test)]
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
    /// List items at this depth are kept as `Kind::Deferred`.
    defer_at: Option<usize>,
    /// Inside a deferred item: values are checked but not kept.
    skipping: bool,
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
            if !self.skipping {
                self.members.push(Member { key, key_at, value });
            }
            self.skip_space();
            match self.bytes.get(self.at) {
                Some(b',') => self.after_comma(b'}')?,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Kind::Object(self.members.drain(base..).collect()));
                }
                None => return Err(self.error("unexpected end of the text inside an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    /// Steps over a comma, which must not be the last thing before the
    /// `close`: JavaScript and many editors allow that, JSON does not, and
    /// "expected a value" at the bracket would not say why.
    fn after_comma(&mut self, close: u8) -> Result<(), SyntaxError> {
        let comma = self.at;
        self.at += 1;
        self.skip_space();
        if self.bytes.get(self.at) == Some(&close) {
            let message = if close == b']' {
                "trailing comma before `]`: remove it (JSON allows no comma after a list's last item)"
            } else {
                "trailing comma before `}`: remove it (JSON allows no comma after an object's last field)"
            };
            return Err(SyntaxError { at: comma, message: message.to_string() });
        }
        Ok(())
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
            // A deferred item is checked, not built: nothing inside it is kept.
            let deferred = self.defer_at == Some(depth + 1);
            if deferred {
                self.skipping = true;
            }
            let mut item = self.value(depth + 1)?;
            if deferred {
                self.skipping = false;
                item.kind = Kind::Deferred(self.text, self.at);
            }
            if !self.skipping {
                self.items.push(item);
            }
            self.skip_space();
            match self.bytes.get(self.at) {
                Some(b',') => self.after_comma(b']')?,
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
    /// The value itself: a deferred list item parsed now (at its depth, so
    /// the nesting limit is the same), anything else as it is.
    pub fn expanded(&self) -> Result<Cow<'_, Value<'t>>, SyntaxError> {
        match self.kind {
            Kind::Deferred(text, _) => {
                let mut parser = Parser {
                    text,
                    bytes: text.as_bytes(),
                    at: self.at,
                    members: Vec::new(),
                    items: Vec::new(),
                    defer_at: None,
                    skipping: false,
                };
                parser.value(DEFERRED_DEPTH).map(Cow::Owned)
            }
            _ => Ok(Cow::Borrowed(self)),
        }
    }

    /// The value without a borrow of its text: strings copied, deferred
    /// items `Detached`. For a shallow tree, whose records are not in it,
    /// that is a few small values and a list of offsets.
    pub fn detached(self) -> Value<'static> {
        let kind = match self.kind {
            Kind::Null => Kind::Null,
            Kind::Bool(flag) => Kind::Bool(flag),
            Kind::Number(number) => Kind::Number(number),
            Kind::String(text) => Kind::String(Cow::Owned(text.into_owned())),
            Kind::Array(items) => Kind::Array(items.into_iter().map(Value::detached).collect()),
            Kind::Object(members) => Kind::Object(
                members
                    .into_iter()
                    .map(|m| Member { key: Cow::Owned(m.key.into_owned()), key_at: m.key_at, value: m.value.detached() })
                    .collect(),
            ),
            Kind::Deferred(_, end) | Kind::Detached(end) => Kind::Detached(end),
        };
        Value { at: self.at, kind }
    }

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
        self.find_below(path, self.at)
    }

    /// `find` for the `path` below this value, which is written at `at`.
    fn find_below(&self, path: &str, at: usize) -> usize {
        let mut value = self;
        let mut at = at;
        let mut rest = path;
        while !rest.is_empty() {
            if let Kind::Deferred(..) = value.kind {
                // The item the path goes through, parsed to go on.
                return match value.expanded() {
                    Ok(Cow::Owned(item)) => item.find_below(rest, at),
                    _ => at,
                };
            }
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

    pub(super) fn kind_name(&self) -> &'static str {
        match self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "true or false",
            Kind::Number(_) => "a number",
            Kind::String(_) => "a string",
            Kind::Array(_) => "a list",
            Kind::Object(_) => "an object",
            Kind::Deferred(..) => match self.expanded() {
                Ok(Cow::Owned(item)) => item.kind_name(),
                _ => "a value",
            },
            Kind::Detached(_) => "a value",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::to_string;

    #[test]
    fn a_shallow_parse_reads_as_the_whole_one() {
        let text = "{\"events\": [{\"id\": \"a\", \"n\": [1, 2.5]}, {\"id\": \"b\\n\"}], \"title\": \"t\"}";
        let (whole, shallow) = (parse(text).unwrap(), parse_shallow(text).unwrap());
        let items = shallow.get("events").unwrap().items().unwrap();
        assert!(items.iter().all(|item| matches!(item.kind, Kind::Deferred(..))));
        let expanded: Vec<Value> = items.iter().map(|item| item.expanded().unwrap().into_owned()).collect();
        assert_eq!(expanded, whole.get("events").unwrap().items().unwrap());
        assert_eq!(shallow.get("title"), whole.get("title"), "only list items are deferred");
        for path in ["events[1].id", "events[0].n[1]", "events[0].nothing", "events[5]", "title"] {
            assert_eq!(shallow.find(path), whole.find(path), "{path}");
        }
        assert_eq!(items[0].kind_name(), "an object");
        assert_eq!(to_string(&shallow), to_string(&whole));
        // Mistakes inside an item are found by the shallow parse itself.
        let broken = "{\"events\": [{\"id\": }]}";
        assert_eq!(parse_shallow(broken).unwrap_err(), parse(broken).unwrap_err());
    }

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

    /// A comma after the last item, as JavaScript allows, is named and
    /// pointed at where it is, not at the bracket as "expected a value".
    #[test]
    fn a_trailing_comma_is_named_where_it_is() {
        let (line, column, message) = error_of("{\"a\": [1, 2,\n  ]}");
        assert_eq!((line, column), (1, 12), "at the comma");
        assert_eq!(message, "trailing comma before `]`: remove it (JSON allows no comma after a list's last item)");
        let (line, column, message) = error_of("{\"a\": 1,\n  \"b\": 2,\n}");
        assert_eq!((line, column), (2, 9));
        assert!(message.starts_with("trailing comma before `}`"), "{message}");
        assert_eq!(error_of("[1,,2]").2, "expected a value", "a missing item is not a trailing comma");
        assert_eq!(error_of("[1,").2, "unexpected end of the text: expected a value");
    }

    #[test]
    fn hostile_nesting_is_refused_not_recursed() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().message, "nested too deeply");
    }
}
