//! The writer: `Writer` makes compact or indented JSON text, and `ToJson`
//! lets a type (primitives, lists, options, parsed `Value`s) write itself.

use std::fmt::{self, Write as _};

use super::parse::{Kind, Value};
use crate::decimal::Decimal;

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
            Kind::Deferred(..) => {
                if let Ok(item) = self.expanded() {
                    item.write_json(out);
                }
            }
            // Its text is elsewhere: nothing to write it from.
            Kind::Detached(_) => out.null(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

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
