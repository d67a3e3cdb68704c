//! Types that cross into JavaScript, each described once: `object!` and
//! `union!` take one list of fields (Rust name, type, JavaScript name) and
//! make the type, its JSON writer and its TypeScript declaration from it.
//!
//! # Design
//! serde with a derive is the usual way; measured on this crate it cost more
//! wasm than the boundary is worth (see `Cargo.toml`), while a field list
//! expanded by `macro_rules!` costs nothing the hand-written writers did not.
//! Every field is always written, `null` when absent, so each declaration
//! says `T | null` and never `?`: what the code writes and what TypeScript
//! readers are told cannot drift apart.

/// A type as TypeScript names it: `string`, `number`, `Tone | null`, `Item[]`.
pub trait TsType {
    fn ts_type() -> String;
}

/// A type with a declaration of its own in the generated `.d.ts`.
pub trait TsDeclaration {
    /// `export interface Button { … }` or `export type Body = … ;`.
    fn ts_declaration() -> String;
}

macro_rules! ts_names {
    ($($rust:ty => $ts:literal),* $(,)?) => {$(
        impl TsType for $rust {
            fn ts_type() -> String {
                $ts.to_string()
            }
        }
    )*};
}
ts_names!(String => "string", str => "string", bool => "boolean", usize => "number", u32 => "number", i32 => "number", f64 => "number");

impl<T: TsType + ?Sized> TsType for &T {
    fn ts_type() -> String {
        T::ts_type()
    }
}

impl<T: TsType> TsType for Option<T> {
    fn ts_type() -> String {
        format!("{} | null", T::ts_type())
    }
}

impl<T: TsType> TsType for Vec<T> {
    fn ts_type() -> String {
        let item = T::ts_type();
        if item.contains(' ') {
            format!("({item})[]")
        } else {
            format!("{item}[]")
        }
    }
}

impl<T: TsType> TsType for Box<T> {
    fn ts_type() -> String {
        T::ts_type()
    }
}

/// A fraction for drawing, 0 to 1, written to four decimals (`Writer::share`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Share(pub f64);

impl super::ToJson for Share {
    fn write_json(&self, out: &mut super::Writer) {
        out.share(self.0);
    }
}

ts_names!(Share => "number");

/// A type TypeScript knows by its own name, declared in the `.d.ts`.
macro_rules! ts_named {
    ($name:ident) => {
        impl $crate::json::TsType for $name {
            fn ts_type() -> String {
                stringify!($name).to_string()
            }
        }
    };
}
pub(crate) use ts_named;

/// A struct written as a JSON object and declared as a TypeScript interface.
macro_rules! object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* $field:ident : $type:ty => $js:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            $( $(#[$field_meta])* pub $field: $type, )*
        }

        impl $name {
            /// The JavaScript names of the fields, in order (what a reader of the type accepts).
            #[allow(dead_code)]
            pub const FIELDS: [&'static str; [$($js),*].len()] = [$($js),*];
        }

        impl $crate::json::ToJson for $name {
            fn write_json(&self, out: &mut $crate::json::Writer) {
                out.begin_object();
                $( out.field($js, &self.$field); )*
                out.end_object();
            }
        }

        $crate::json::ts_named!($name);

        impl $crate::json::TsDeclaration for $name {
            fn ts_declaration() -> String {
                let fields: Vec<String> = vec![$( format!("{}: {}", $js, <$type as $crate::json::TsType>::ts_type()) ),*];
                format!("export interface {} {{ {}; }}", stringify!($name), fields.join("; "))
            }
        }
    };
}
pub(crate) use object;

/// An enum of struct variants, written as an object whose `tag` field names
/// the variant, and declared as a TypeScript union of object types.
macro_rules! union {
    (
        $(#[$meta:meta])*
        pub enum $name:ident tag $tag:literal {
            $( $(#[$variant_meta:meta])* $variant:ident $key:literal { $( $field:ident : $type:ty => $js:literal ),* $(,)? } ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        pub enum $name {
            $( $(#[$variant_meta])* $variant { $( $field: $type ),* }, )*
        }

        impl $crate::json::ToJson for $name {
            fn write_json(&self, out: &mut $crate::json::Writer) {
                out.begin_object();
                match self {
                    $( $name::$variant { $( $field ),* } => {
                        out.field($tag, $key);
                        $( out.field($js, $field); )*
                    } )*
                }
                out.end_object();
            }
        }

        $crate::json::ts_named!($name);

        impl $crate::json::TsDeclaration for $name {
            fn ts_declaration() -> String {
                let variants: Vec<String> = vec![$( {
                    let fields: Vec<String> = vec![
                        format!("{}: \"{}\"", $tag, $key),
                        $( format!("{}: {}", $js, <$type as $crate::json::TsType>::ts_type()) ),*
                    ];
                    format!("{{ {} }}", fields.join("; "))
                } ),*];
                format!("export type {} =\n  | {};", stringify!($name), variants.join("\n  | "))
            }
        }
    };
}
pub(crate) use union;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::to_string;

    object! {
        /// A test object.
        pub struct Probe {
            name: String => "name",
            count: Option<usize> => "count",
            parts: Vec<Option<String>> => "parts",
            share: Share => "share",
        }
    }

    union! {
        pub enum Shape tag "kind" {
            Dot "dot" {},
            Line "line" { from: i32 => "from", label: Option<String> => "label" },
        }
    }

    #[test]
    fn one_field_list_gives_the_writer_and_the_declaration() {
        let probe = Probe { name: "a".into(), count: None, parts: vec![None, Some("b".into())], share: Share(1.0 / 3.0) };
        assert_eq!(to_string(&probe), r#"{"name":"a","count":null,"parts":[null,"b"],"share":0.3333}"#);
        assert_eq!(
            Probe::ts_declaration(),
            "export interface Probe { name: string; count: number | null; parts: (string | null)[]; share: number; }"
        );
        assert_eq!(to_string(&Shape::Line { from: 3, label: None }), r#"{"kind":"line","from":3,"label":null}"#);
        assert_eq!(to_string(&Shape::Dot {}), r#"{"kind":"dot"}"#);
        assert_eq!(
            Shape::ts_declaration(),
            "export type Shape =\n  | { kind: \"dot\" }\n  | { kind: \"line\"; from: number; label: string | null };"
        );
    }
}
