//! The JSON reader on any text: it answers (a value or a syntax error with a
//! position inside the text), and what it reads it writes back readably.
#![no_main]
use libfuzzer_sys::fuzz_target;
use relations_card::json;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match json::parse(text) {
        Ok(value) => {
            let written = json::to_string(&value);
            let again = json::parse(&written).expect("what the writer writes, the reader reads");
            assert_eq!(json::to_string(&again), written);
        }
        Err(error) => assert!(error.at <= text.len()),
    }
});
