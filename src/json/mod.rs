//! JSON in and out, written for this project instead of serde: a parser that
//! keeps where every value starts (so every error names its line, column and
//! path; `parse.rs`), small typed readers that collect every problem
//! (`read.rs`), and a writer (`write.rs`). All of it is re-exported here, as
//! `json::parse`, `json::Reader`, `json::to_string` and so on. `describe.rs`
//! declares the types that cross into JavaScript once, for both the writer
//! and TypeScript.
//! One code path for every type keeps the WebAssembly build small.

mod describe;
mod parse;
mod read;
mod write;

pub(crate) use describe::{object, ts_named, union};
pub use describe::{Share, TsDeclaration, TsType};
#[cfg(test)]
pub use parse::line_column;
pub use parse::{parse, parse_shallow, Kind, Member, SyntaxError, Value};
pub use read::{read_text, Fetch, Fields, Path, Problem, Reader};
pub use write::{to_string, to_string_pretty, ToJson, Writer};
