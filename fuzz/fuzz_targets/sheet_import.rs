//! Sheets from anyone (pasted, dropped, a TimelineJS JSON): importing never
//! panics, every problem has a message and at most the cap is said, and a
//! dataset that imports is written as sheets that import back to it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use relations_card::sheet::{import, write, Options, SheetFile};

fuzz_target!(|data: &[u8]| {
    // Up to three files, split at a byte no text file holds, so one input
    // can be a records sheet with its sources and card sheets.
    let files: Vec<SheetFile> =
        data.split(|&b| b == 0xFF).take(3).enumerate().map(|(i, bytes)| SheetFile { name: format!("f{i}"), bytes: bytes.to_vec() }).collect();
    let options = Options { subject: Some("TJ".into()), ..Options::default() };
    let imported = import(&files, &options);
    assert!(imported.problems.len() <= relations_card::validate::MAX_PROBLEMS + 1);
    assert!(imported.problems.iter().all(|p| !p.message.is_empty()));
    if let Some(dataset) = imported.dataset {
        let sheets: Vec<SheetFile> =
            write::sheets(&dataset).into_iter().map(|(kind, text)| SheetFile { name: kind.file_name().into(), bytes: text.into_bytes() }).collect();
        let again = import(&sheets, &Options::default());
        assert!(again.problems.is_empty(), "{:?}", again.problems);
        assert!(again.dataset.as_ref() == Some(&dataset));
    }
});
