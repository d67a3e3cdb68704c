#!/usr/bin/env bash
# Fuzzes every parser of outside input (fuzz/fuzz_targets/): the JSON reader,
# the dataset loader, a language's texts, a card's attributes, language and
# messages, and the spreadsheet importer; SECONDS each (default 600), one
# after the other (TARGETS="a b" runs some of them). Needs the nightly
# toolchain and cargo-fuzz (installed here when missing). Not in CI.
# Corpora live in fuzz/corpus/TARGET, seeded from the test fixtures; a crash
# is written to fuzz/artifacts/TARGET and stops the run: make it a test.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds="${1:-600}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz

# Seeds: every dataset the tests use, valid and broken, and the texts files.
seed() {
    local dir="fuzz/corpus/$1"
    shift
    mkdir -p "$dir"
    for file in "$@"; do
        if [ -f "$file" ]; then cp "$file" "$dir/seed-$(basename "$file")"; fi
    done
}
for target in json_parse dataset_load; do
    seed "$target" tests/fixtures/*.json tests/invalid/*.json data/tajikistan.json
done
seed language_texts pkg/texts.*.json
# Sheets: the template, the TimelineJS fixtures, a records sheet with its
# sources (files split at 0xFF, as the target reads them) and the test sheets.
seed sheet_import www/template.csv tests/fixtures/timelinejs/*
printf 'date,partners,themes,title,summary,source,locator\n2007,Iran,trade,Deal,"A ""deal"",\nsigned.",mfa,\xc2\xb61\n\xffid;title;publisher;as of;reliability\nmfa;Relations;Ministry;2020;Official.\n' > fuzz/corpus/sheet_import/seed-records-and-sources
mkdir -p fuzz/corpus/card_input
printf 'timeline\x00IR\x00trade water\x00 1990\x002020\x00border\x00480\x00ru\x00{"type":"openPartner","code":"AF"}\x00{"type":"toggleTheme","theme":"trade"}\x00{"type":"download","format":"csv"}' > fuzz/corpus/card_input/seed-all
printf 'partner\x00ZZ\x00\x00x\x00\x00\x00auto\x00tg\x00{"type":"search","q":"Ираном"}\x00{"type":"setYears","from":2030,"to":1990}' > fuzz/corpus/card_input/seed-odd

for target in ${TARGETS:-json_parse dataset_load language_texts card_input sheet_import}; do
    echo "== fuzzing $target for $seconds s"
    (cd fuzz && cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len=262144 -print_final_stats=1 2>&1 | tail -15)
done
