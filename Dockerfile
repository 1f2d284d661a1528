# Spazi in a container: built from source in one stage (Rust, cargo-leptos, the npm packages),
# run from a small Debian image in the other — the server binary, the site's static files, and
# nothing else. The data (SQLite file, development mail) lives in the /data volume; with
# PostgreSQL, set DATABASE_URL and the volume only holds nothing of value.
#
#   docker build -t spazi .
#   docker run -p 3000:3000 -v spazi-data:/data --env-file deploy/spazi.env spazi
#
# Note: this file could not be built on the machine the project is developed on (it has no
# Docker engine); the commands it runs are the ones CI runs (scripts/setup.sh, cargo leptos).

FROM rust:1-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The tools first, so they stay cached while the code changes.
COPY scripts/setup.sh scripts/copy-assets.mjs scripts/
COPY package.json package-lock.json ./
RUN mkdir -p public && bash scripts/setup.sh
COPY . .
RUN PATH="/src/node_modules/.bin:$PATH" cargo leptos build --release \
 && strip target/release/server

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /data spazi
COPY --from=build /src/target/release/server /usr/local/bin/spazi-server
COPY --from=build /src/target/site /srv/spazi/site
ENV LEPTOS_OUTPUT_NAME=spazi \
    LEPTOS_SITE_ROOT=/srv/spazi/site \
    LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_SITE_ADDR=0.0.0.0:3000 \
    DATABASE_URL=sqlite:///data/spazi.db?mode=rwc \
    SPAZI_MAIL_DIR=/data/mail \
    RUST_LOG=info,sqlx=warn
VOLUME /data
WORKDIR /data
USER spazi
EXPOSE 3000
# It listens on 0.0.0.0, so it needs SPAZI_PUBLIC_URL (e.g. from deploy/spazi.env).
# Load balancers: GET /readyz (database reachable), GET /healthz (process up).
ENTRYPOINT ["/usr/local/bin/spazi-server"]
CMD ["serve"]
