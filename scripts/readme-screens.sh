#!/usr/bin/env bash
# Copies the end-to-end walk's screenshots of every view (phone and desktop,
# light and dark, and in each language; `make test` takes them) into
# docs/screens/ for the README.
set -eu
cd "$(dirname "$0")/.."
mkdir -p docs/screens
for view in overview partner timeline figures sources; do
    for width in 360 1280; do
        for scheme in light dark; do
            cp "test-results/screenshots/$view-$width-$scheme.png" "docs/screens/"
        done
    done
done
# Each language besides English, its views at phone and desktop widths
# (the language walk in tests/e2e/language.test.mjs takes them).
for lang in ru tg fa; do
    for view in overview partner timeline figures sources; do
        for width in 360 1280; do
            cp "test-results/screenshots/lang-$lang-$view-$width.png" "docs/screens/"
        done
    done
done
# The studio (tests/e2e/studio.test.mjs takes them).
for shot in studio-problems-1280 studio-card-360; do
    cp "test-results/screenshots/$shot.png" "docs/screens/"
done
ls docs/screens | wc -l
