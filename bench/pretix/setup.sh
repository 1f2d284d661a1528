#!/usr/bin/env bash
# Installs pretix for the side-by-side benchmark and creates its free event; idempotent.
#   bash bench/pretix/setup.sh
# Everything lands in bench/pretix/.venv (Python packages) and bench/pretix/.data (pretix.cfg,
# SQLite database, logs, mail). Run bench/pretix/measure.sh afterwards.
set -euo pipefail
cd "$(dirname "$0")"
HERE="$PWD"
NICE="nice -n 19"

# Pinned: the versions this benchmark was made with.
PRETIX_VERSION=2026.8.0
PKGS=(
  "pretix==$PRETIX_VERSION"
  "gunicorn==27.0.1"     # pretix's documented WSGI server
  "whitenoise==6.12.0"   # serves /static/ in place of nginx, see bench_wsgi.py
  "brotli==1.2.1"        # lets WhiteNoise precompress static files as .br too
)
PY="${PYTHON:-python3}"

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
  $NICE .venv/bin/pip install -q --upgrade pip wheel setuptools
fi
if ! .venv/bin/pip freeze 2>/dev/null | grep -qx "pretix==$PRETIX_VERSION" \
   || ! .venv/bin/python -c "import gunicorn, whitenoise, brotli" 2>/dev/null; then
  $NICE .venv/bin/pip install -q "${PKGS[@]}"
fi

mkdir -p .data/logs .data/media .data/mail
if [ ! -f .data/pretix.cfg ]; then
  SECRET="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')"
  cat > .data/pretix.cfg <<CFG
# Written by bench/pretix/setup.sh. See pretix's "Configuration file" docs.
[pretix]
instance_name=pretix benchmark
url=http://127.0.0.1:3950
currency=EUR
datadir=$HERE/.data
registration=off
# no outbound calls to the ECB for exchange rates
ecb_rates=off

[locale]
default=it
timezone=Europe/Rome

[django]
secret=$SECRET
debug=off

[database]
backend=sqlite3
name=$HERE/.data/db.sqlite3

[mail]
from=pretix@localhost
# No [celery] section: pretix then runs its background tasks eagerly, inside the web request.
# No [redis] section: no cache (pretix's dummy cache) and sessions in the database.
CFG
fi

# The same with Redis as cache and session store, as pretix's docs recommend for production
# (measure.sh uses it when PRETIX_BENCH_REDIS=1; Redis must run on 127.0.0.1:6379).
if [ ! -f .data/pretix-redis.cfg ] || [ .data/pretix.cfg -nt .data/pretix-redis.cfg ]; then
  { grep -v "^# No \[redis\]" .data/pretix.cfg
    printf '\n[redis]\nlocation=redis://127.0.0.1:6379/9\nsessions=true\n'; } > .data/pretix-redis.cfg
fi

export PRETIX_CONFIG_FILE="$HERE/.data/pretix.cfg"
export DJANGO_SETTINGS_MODULE=bench_settings
export PYTHONPATH="$HERE"
PRETIX=($NICE .venv/bin/python -m pretix)

# As in pretix's manual-installation docs: migrate, then rebuild (collectstatic, compress,
# compilemessages, ...).
"${PRETIX[@]}" migrate --noinput
if [ ! -f .data/.rebuilt-$PRETIX_VERSION ]; then
  "${PRETIX[@]}" rebuild
  # Precompress the built static files (.gz and .br beside each), as nginx's gzip_static or a
  # CDN would serve them.
  STATIC_ROOT="$(.venv/bin/python -c 'import os, pretix; print(os.path.join(os.path.dirname(pretix.__file__), "static.dist"))')"
  $NICE .venv/bin/python -m whitenoise.compress -q "$STATIC_ROOT"
  touch .data/.rebuilt-$PRETIX_VERSION
fi

"${PRETIX[@]}" shell < seed.py
echo "setup: pretix $PRETIX_VERSION ready; run bash bench/pretix/measure.sh"
