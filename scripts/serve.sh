#!/usr/bin/env bash
# Sets up what is needed, then builds and serves Spazi on the embedded SQLite database
# (data/spazi.db, created, migrated and seeded on first start) at http://127.0.0.1:3000.
#   scripts/serve.sh          release build (smallest WASM, as in production)
#   scripts/serve.sh --dev    debug build, rebuilt on every change (cargo leptos watch)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# wasm-opt from npm's binaryen (Debian's binaryen 108 produces a WASM that fails to hydrate).
export PATH="$PWD/node_modules/.bin:$PATH"
if [ "${1:-}" = "--dev" ]; then
  exec cargo leptos watch
else
  exec cargo leptos serve --release
fi
