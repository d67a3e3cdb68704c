//! A dataset from anyone (`src=`): loading never panics, every problem has a
//! message, and a dataset that loads is written back and loads the same.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match relations_card::load(text) {
        Ok(dataset) => {
            let written = relations_card::json::to_string(&dataset);
            let again = relations_card::load(&written).expect("a loaded dataset, written back, loads");
            assert!(again == dataset);
            // And the card's index takes it.
            let _ = relations_card::query::Index::new(dataset);
        }
        Err(problems) => {
            assert!(!problems.is_empty() && problems.len() <= relations_card::validate::MAX_PROBLEMS + 1);
            assert!(problems.iter().all(|p| !p.message.is_empty()));
        }
    }
});
