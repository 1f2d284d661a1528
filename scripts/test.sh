#!/usr/bin/env bash
# Sets up what is needed and runs every check: formatting, clippy for the server (ssr) and the
# browser (hydrate, wasm32) builds, the Rust tests (on SQLite and on PostgreSQL), then the
# end-to-end tests in Chromium (with JavaScript on and off).
#
# PostgreSQL: SPAZI_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test); the
# tests create and drop their own databases on that server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Formatting"
cargo fmt --all --check

step "Clippy, server build (ssr)"
cargo clippy -p app -p server --features app/ssr --all-targets -- -D warnings

step "Clippy, browser build (hydrate, wasm32)"
cargo clippy -p app -p frontend --features app/hydrate --target wasm32-unknown-unknown -- -D warnings

step "Rust tests (SQLite and PostgreSQL)"
cargo test -p app --features ssr

step "Build the site (cargo leptos build)"
cargo leptos build

step "The browser bundle carries no words"
# The islands get their words from the server as props (`i18n::islands`): no dictionary in the
# WASM. Present: a name the map's code uses (the grep works). Absent: words of the islands and
# of the pages, in both languages.
grep -q "spazi-map-ready" target/site/pkg/spazi.wasm
for words in "Mappa interattiva degli spazi" "Questo campo è obbligatorio" "spaces at this spot" \
  "Vai al contenuto principale" "Skip to main content"; do
  if grep -q "$words" target/site/pkg/spazi.wasm; then
    echo "target/site/pkg/spazi.wasm holds \"$words\": words reached the browser's code" >&2
    exit 1
  fi
done

step "End-to-end tests in Chromium"
rm -rf target/e2e
npx playwright test --config end2end/playwright.config.ts

step "All checks passed"
