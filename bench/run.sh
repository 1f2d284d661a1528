#!/usr/bin/env bash
# Spazi's benchmarks, one command: installs what they need (wrk, Chromium, Lighthouse), builds
# the release server and WASM, then measures and prints (see bench/run.mjs). About 10 minutes on
# 2 cores once built. Settings: see the head of bench/run.mjs (BENCH_SECONDS, BENCH_SKIP, …).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update
  $SUDO apt-get install -y wrk
fi
if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  # A dependency of Lighthouse asks for "latest" of one package, so the lock file can fall
  # behind the registry; then the install resolves it again.
  (cd bench && { npm ci --no-audit --no-fund || npm install --no-audit --no-fund; })
fi
export PATH="$PWD/node_modules/.bin:$PATH"
cargo leptos build --release
exec node bench/run.mjs
