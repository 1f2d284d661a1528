#!/usr/bin/env bash
# Measures pretix serving the free event made by setup.sh, and prints the figures:
#   bash bench/pretix/measure.sh
# (a) wrk on the event page at 64 and at 8 connections: req/s, p50, p99;
# (b) memory of all gunicorn processes (sum of VmRSS; PSS too) idle and at peak under wrk;
# (c) if /usr/bin/chromium exists: first-visit bytes on the wire for the event page (weigh.mjs);
# (d) registering one free ticket over HTTP: user steps, round trips (register.py).
# Then stops pretix. Settings (environment): BENCH_SECONDS (10), PRETIX_BENCH_NICE (19: pretix,
# wrk and the browser run at that niceness, so that a build beside it keeps the cores; use 0 on
# an otherwise idle machine), PRETIX_BENCH_REDIS (0; 1: Redis as cache and session store),
# PRETIX_WORKERS (2 × cores + 1), CHROMIUM_PATH (/usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")"
HERE="$PWD"
PORT=3950
BASE="http://127.0.0.1:$PORT"
EVENT_PATH=/forum/launch/
SECONDS_EACH="${BENCH_SECONDS:-10}"
NICE=(nice -n "${PRETIX_BENCH_NICE:-19}")
CORES="$(nproc)"
# pretix's docs start gunicorn with --workers 5 and gunicorn's rule of thumb is 2 × cores + 1:
# the same 5 on this 2-core machine.
WORKERS="${PRETIX_WORKERS:-$((2 * CORES + 1))}"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ ! -x .venv/bin/gunicorn ] || [ ! -f .data/pretix.cfg ]; then
  echo "measure: run bash bench/pretix/setup.sh first" >&2; exit 1
fi
if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "measure: something already listens on 127.0.0.1:$PORT" >&2; exit 1
fi

if [ "${PRETIX_BENCH_REDIS:-0}" = 1 ]; then
  export PRETIX_CONFIG_FILE="$HERE/.data/pretix-redis.cfg"; STORE="SQLite + Redis (cache, sessions)"
else
  export PRETIX_CONFIG_FILE="$HERE/.data/pretix.cfg"; STORE="SQLite, no Redis"
fi
export DJANGO_SETTINGS_MODULE=bench_settings
export PYTHONPATH="$HERE"
RUN=.data/run
rm -rf "$RUN"; mkdir -p "$RUN"
PIDFILE="$RUN/gunicorn.pid"

stop_pretix() {
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
}
trap stop_pretix EXIT

echo "==> pretix $(.venv/bin/pip freeze | sed -n 's/^pretix==//p'), gunicorn $WORKERS sync workers" \
     "(--max-requests 1200 --max-requests-jitter 50 as pretix's docs), $STORE, no Celery (tasks run eagerly)," \
     "niceness ${PRETIX_BENCH_NICE:-19}; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
T0=$(date +%s%N)
"${NICE[@]}" .venv/bin/gunicorn bench_wsgi:application --name pretix \
  --workers "$WORKERS" --max-requests 1200 --max-requests-jitter 50 \
  --log-level=warning --bind="127.0.0.1:$PORT" --pid "$PIDFILE" --no-control-socket \
  >"$RUN/gunicorn.log" 2>&1 &
for _ in $(seq 1 360); do
  code="$(curl -s -o /dev/null -w '%{http_code}' "$BASE$EVENT_PATH" || true)"
  [ "$code" = 200 ] && break
  sleep 0.5
done
if [ "$code" != 200 ]; then
  echo "measure: pretix did not answer 200 on $EVENT_PATH (last: $code); log:" >&2
  tail -30 "$RUN/gunicorn.log" >&2; exit 1
fi
MASTER="$(cat "$PIDFILE")"
PY=.venv/bin/python
echo "started: first 200 on the event page after $((($(date +%s%N) - T0) / 1000000)) ms"
read -r rss pss n < <($PY rss.py "$MASTER")
echo "memory just after start (1 page served): RSS $((rss / 1024)) MB, PSS $((pss / 1024)) MB in $n processes"

# Warm-up: every worker renders the page (templates, URL conf, ... load on first use).
"${NICE[@]}" wrk -t2 -c10 -d10s --timeout 30s "$BASE$EVENT_PATH" >"$RUN/wrk-warmup.txt"
sleep 3
read -r IDLE_RSS IDLE_PSS IDLE_N < <($PY rss.py "$MASTER")
echo "memory idle after warm-up: RSS $((IDLE_RSS / 1024)) MB, PSS $((IDLE_PSS / 1024)) MB in $IDLE_N processes"

PEAK_RSS=0; PEAK_PSS=0
run_wrk() { # connections
  local c="$1" out="$RUN/wrk-c$1.txt" stop="$RUN/stop-c$1"
  $PY rss.py "$MASTER" watch "$stop" >"$RUN/peak-c$c.txt" &
  local watcher=$!
  "${NICE[@]}" wrk -t2 -c"$c" -d"${SECONDS_EACH}s" --timeout 10s --latency "$BASE$EVENT_PATH" >"$out"
  touch "$stop"; wait "$watcher"
  local rps p50 p99 errs prss ppss
  rps="$(awk '/^Requests\/sec/ {print $2}' "$out")"
  p50="$(awk '$1 == "50%" {print $2}' "$out")"
  p99="$(awk '$1 == "99%" {print $2}' "$out")"
  errs="$( (grep -E 'Non-2xx|Socket errors' "$out" || echo none) | sed 's/^ *//' | paste -sd';' -)"
  read -r prss ppss _ <"$RUN/peak-c$c.txt"
  ((prss > PEAK_RSS)) && PEAK_RSS=$prss
  ((ppss > PEAK_PSS)) && PEAK_PSS=$ppss
  printf "wrk -t2 -c%-2s -d%ss %s: %8s req/s  p50 %8s  p99 %8s  errors: %s  (peak RSS %d MB, PSS %d MB)\n" \
    "$c" "$SECONDS_EACH" "$EVENT_PATH" "$rps" "$p50" "$p99" "$errs" $((prss / 1024)) $((ppss / 1024))
}
echo "==> (a) wrk on the event page $BASE$EVENT_PATH ($(curl -s "$BASE$EVENT_PATH" | wc -c) B of HTML, uncompressed; wrk sends no Accept-Encoding)"
run_wrk 64
sleep 2
run_wrk 8
sleep 2
read -r rss pss n < <($PY rss.py "$MASTER")
echo "==> (b) memory, all gunicorn processes (master + $WORKERS workers):"
echo "    idle (after warm-up): RSS $((IDLE_RSS / 1024)) MB (PSS $((IDLE_PSS / 1024)) MB)"
echo "    peak under wrk:       RSS $((PEAK_RSS / 1024)) MB (PSS $((PEAK_PSS / 1024)) MB)"
echo "    idle after the runs:  RSS $((rss / 1024)) MB (PSS $((pss / 1024)) MB)"

echo "==> (c) first visit in headless Chromium"
if [ -x "$CHROMIUM" ]; then
  if [ ! -d node_modules/playwright-core ]; then
    "${NICE[@]}" npm ci --no-audit --no-fund --silent 2>/dev/null \
      || "${NICE[@]}" npm install --no-audit --no-fund --silent
  fi
  CHROMIUM_PATH="$CHROMIUM" "${NICE[@]}" node weigh.mjs "$BASE" "$EVENT_PATH"
else
  echo "    skipped: no Chromium at $CHROMIUM"
fi

echo "==> (d) registering one free ticket (plain HTTP, no JavaScript)"
"${NICE[@]}" $PY register.py "$BASE"

echo "==> stopping pretix"
stop_pretix
trap - EXIT
if grep -qE "Traceback|ERROR" "$RUN/gunicorn.log"; then
  echo "measure: errors in $HERE/$RUN/gunicorn.log:"; grep -E "Traceback|ERROR" "$RUN/gunicorn.log" | head -5
fi
echo "measure: done (raw wrk output in bench/pretix/$RUN/)"
