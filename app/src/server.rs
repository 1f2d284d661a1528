//! The HTTP server: configuration, shared state, the axum router around the Leptos app, and the
//! few plain HTTP handlers (the language switch). Server only.

use crate::db::{Db, DbError};
use crate::error::AppError;
use crate::i18n::{Lang, LANG_COOKIE};
use crate::map::MapSettings;
use crate::{shell, App};
use axum::extract::{FromRef, Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::collections::HashMap;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::CompressionLevel;

/// Settings read from the environment at start (Leptos' own, such as `LEPTOS_SITE_ADDR`, are
/// read by Leptos).
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://…` (default: `sqlite://data/spazi.db`) or `postgres://…`.
    pub database_url: String,
    /// `SPAZI_TILE_URL`: the map tile URL template; empty to draw no base map.
    pub tile_url: String,
    /// `SPAZI_TILE_ATTRIBUTION`: the attribution shown on the map (HTML, trusted).
    pub tile_attribution: String,
    /// `SPAZI_PUBLIC_URL`: the address users reach the site at, e.g. `https://spazi.example.it`.
    /// When it is `https://…`, cookies are marked `Secure`.
    pub public_url: String,
    /// `SPAZI_SMTP_URL`: where e-mail is sent, e.g. `smtp://user:pass@mail.example.it:587?tls=required`;
    /// empty (the default) writes each message as a file into `mail_dir` instead.
    pub smtp_url: Secret,
    /// `SPAZI_MAIL_DIR` (default `data/mail`): the folder of the development mail files.
    pub mail_dir: String,
    /// `SPAZI_MAIL_FROM`: the sender of every e-mail.
    pub mail_from: String,
    /// `SPAZI_STAFF_EMAIL`: where staff notifications go (new join requests).
    pub staff_email: String,
    /// `SPAZI_RETENTION_DAYS` (default 365): how long personal data is kept once it has served
    /// (registrations after their event, rejected requests, sent e-mails).
    pub retention_days: i64,
    /// `SPAZI_TRUSTED_PROXIES`: addresses of the reverse proxies in front of the server
    /// (comma-separated IPs); from them, the client's address is read from `X-Forwarded-For`.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// `SPAZI_NOW`: run as if it were this instant (RFC 3339, e.g. `2022-06-01T10:00:00+02:00`;
    /// the clock then runs on from there) — for demonstrations; empty for the real time.
    pub now: String,
}

/// A setting that must never be printed (it may hold a password).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() { "\"\"" } else { "\"***\"" })
    }
}

/// The address of absolute links when none is configured (the CLI commands; see
/// [`Config::base_url`]).
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:3000";

pub const DEFAULT_MAIL_FROM: &str = "Spazi per l'innovazione <noreply@spazi.localhost>";

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/spazi.db?mode=rwc";
pub const DEFAULT_TILE_URL: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
pub const DEFAULT_TILE_ATTRIBUTION: &str =
    "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

impl Config {
    /// The settings from the environment, checked: every problem is reported at once, in words
    /// for the operator, and the server refuses to start on any of them.
    pub fn from_env() -> Result<Config, String> {
        let var =
            |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
        let mut problems = Vec::new();
        let public_url = var("SPAZI_PUBLIC_URL", "").trim().to_owned();
        let is_web = public_url.starts_with("https://") || public_url.starts_with("http://");
        if !public_url.is_empty() && !is_web {
            problems.push(format!(
                "SPAZI_PUBLIC_URL must start with https:// or http:// (got {public_url:?})"
            ));
        }
        let now = var("SPAZI_NOW", "");
        if let Err(err) = crate::clock::Clock::from_setting(&now) {
            problems.push(err);
        }
        let mut trusted_proxies = Vec::new();
        for a in var("SPAZI_TRUSTED_PROXIES", "").split(',').map(str::trim) {
            match a.parse() {
                Ok(ip) => trusted_proxies.push(ip),
                Err(_) if a.is_empty() => {}
                Err(_) => problems.push(format!(
                    "SPAZI_TRUSTED_PROXIES must list IP addresses, separated by commas (got {a:?})"
                )),
            }
        }
        let retention = var("SPAZI_RETENTION_DAYS", "365");
        let retention_days = match retention.trim().parse::<i64>() {
            Ok(d) if (1..=3650).contains(&d) => d,
            _ => {
                problems.push(format!(
                    "SPAZI_RETENTION_DAYS must be a number of days from 1 to 3650 (got {retention:?})"
                ));
                365
            }
        };
        if !problems.is_empty() {
            return Err(problems.join("; "));
        }
        Ok(Config {
            database_url: var("DATABASE_URL", DEFAULT_DATABASE_URL),
            tile_url: var("SPAZI_TILE_URL", DEFAULT_TILE_URL),
            tile_attribution: var("SPAZI_TILE_ATTRIBUTION", DEFAULT_TILE_ATTRIBUTION),
            public_url,
            smtp_url: Secret(var("SPAZI_SMTP_URL", "")),
            mail_dir: var("SPAZI_MAIL_DIR", "data/mail"),
            mail_from: var("SPAZI_MAIL_FROM", DEFAULT_MAIL_FROM),
            staff_email: var("SPAZI_STAFF_EMAIL", "progimpresa@cittametropolitana.bo.it"),
            now,
            trusted_proxies,
            retention_days,
        })
    }

    /// The site's address for absolute links — in e-mails, calendar files, anything cached —
    /// without a trailing slash. It comes from configuration only, never from a request's
    /// `Host`: `SPAZI_PUBLIC_URL`, or, when that is empty, the loopback address the server
    /// listens on (see [`Config::require_public_url`]).
    pub fn base_url(&self) -> &str {
        match self.public_url.trim_end_matches('/') {
            "" => DEFAULT_PUBLIC_URL,
            url => url,
        }
    }

    /// Checks that absolute links have an address to use when the server listens on `addr`:
    /// with `SPAZI_PUBLIC_URL` empty, a loopback address becomes the public one (development);
    /// any other address is refused — the links would otherwise name whatever the client
    /// claimed to be visiting.
    pub fn require_public_url(&mut self, addr: std::net::SocketAddr) -> Result<(), String> {
        if !self.public_url.is_empty() {
            return Ok(());
        }
        if addr.ip().is_loopback() {
            self.public_url = format!("http://{addr}");
            Ok(())
        } else {
            Err(format!(
                "SPAZI_PUBLIC_URL must be set (e.g. https://spazi.cittametropolitana.bo.it) when \
                 listening on {addr}: links in e-mails and calendar files are built from it"
            ))
        }
    }

    /// Whether cookies must carry `Secure` (the site is served over HTTPS).
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    pub fn map_settings(&self) -> MapSettings {
        MapSettings {
            tile_url: self.tile_url.clone(),
            attribution: self.tile_attribution.clone(),
        }
    }
}

/// Everything a request handler may need. Cheap to clone.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub config: Arc<Config>,
    /// Wakes this server's outbox worker when an e-mail was queued.
    pub outbox: crate::outbox::OutboxSignal,
    /// The one source of "now".
    pub clock: crate::clock::Clock,
}

/// The database from the request's context (server functions and pages).
pub fn db() -> Result<Db, AppError> {
    use_context::<AppState>().map(|s| s.db).ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Unavailable
    })
}

/// "Now" by the application's clock, for server functions and pages (the real time outside a
/// request, which only happens in unit tests).
pub fn now() -> i64 {
    use_context::<AppState>()
        .map(|s| s.clock)
        .unwrap_or_default()
        .now()
}

/// The site's address for absolute links, in a page or server function (see
/// [`Config::base_url`]).
pub fn base_url() -> String {
    use_context::<AppState>()
        .map(|s| s.config.base_url().to_owned())
        .unwrap_or_default()
}

/// The language the request asked for through its cookie.
pub fn request_lang() -> Option<Lang> {
    let parts = use_context::<axum::http::request::Parts>()?;
    request_lang_from(&parts.headers)
}

/// The language chosen in a request's cookie, if any.
pub fn request_lang_from(headers: &axum::http::HeaderMap) -> Option<Lang> {
    let cookie = headers.get(header::COOKIE)?.to_str().ok()?;
    Lang::from_cookie_header(cookie)
}

/// Sets the HTTP status of the page being rendered.
pub fn set_status(status: StatusCode) {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(status);
    }
}

/// Answers the page request with `302 Found` to a local path (whatever the request's `Accept`,
/// unlike `leptos_axum::redirect`, which is meant for server functions too).
pub fn redirect(path: &str) {
    if let (Some(res), Ok(location)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(path),
    ) {
        res.insert_header(header::LOCATION, location);
        res.set_status(StatusCode::FOUND);
    }
}

/// The largest request body accepted where a route does not set its own limit (bytes).
pub const MAX_BODY: usize = 64 * 1024;
/// The longest a request may take (the slowest is a 5 MB import upload on a poor connection).
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// The whole application as an axum router.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(state.config.map_settings());
            crate::security::provide_request_nonce();
        }
    };
    let app_shell = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    Router::new()
        .route("/lingua/{code}", get(switch_language))
        .merge(crate::security::routes())
        .merge(crate::opendata::routes())
        .merge(crate::admin::routes())
        .merge(crate::join::routes())
        .merge(crate::review::routes())
        .merge(crate::events::routes())
        .merge(crate::staff_events::routes())
        .leptos_routes_with_context(&state, routes, context.clone(), app_shell)
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(axum::middleware::from_fn_with_state(
            (
                state.clone(),
                Arc::new(crate::page_cache::PageCache::new(
                    crate::page_cache::MAX_BYTES,
                )),
            ),
            crate::page_cache::serve,
        ))
        .layer(axum::middleware::from_fn(crate::security::server_fn_status))
        .layer(axum::middleware::from_fn(crate::admin::private_headers))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            same_origin_only,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::security::headers,
        ))
        // Bodies: small unless a route says otherwise (the join form, the import upload);
        // a request that takes longer than a minute is cut off.
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        // Quality 1 for what is compressed per response (pages, server functions): on the event
        // page brotli's default here (4) took a fifth of the server's CPU under load, for
        // 12 % fewer bytes (4.2 KB instead of 4.8 KB). Static files are compressed once, at
        // quality 11 (`static_files`), the exports by their own cache (`opendata`).
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(1)))
        .layer(axum::middleware::from_fn(crate::security::refuse_nul))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::security::request_id,
        ))
        .with_state(state)
}

/// Protection against cross-site request forgery for every state-changing request, server
/// functions included: it must come from a page of this site, as its `Origin` header (or,
/// failing that, `Referer`) shows — browsers send `Origin` with every POST. Staff forms also
/// carry their session's token, and the session cookie is `SameSite=Lax`.
async fn same_origin_only(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    use axum::http::Method;
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let source = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    // The scheme too: `https://host` is another origin than `http://host`.
    let scheme = |url: &str| url.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
    let same_scheme = |source: &str| scheme(source) == scheme(state.config.base_url());
    if let (Some(host), Some(source)) = (host, source) {
        if same_scheme(source) && origin_host(source).is_some_and(|h| h.eq_ignore_ascii_case(host))
        {
            return next.run(req).await;
        }
    }
    tracing::warn!(
        method = %req.method(),
        path = %crate::security::loggable_path(req.uri().path()),
        "cross-site request refused"
    );
    (StatusCode::FORBIDDEN, "Cross-site request refused.").into_response()
}

/// `host[:port]` of an `Origin` or `Referer` value.
fn origin_host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then_some(host)
}

/// `GET /lingua/{it|en}?next=/path`: remembers the language in a cookie and goes back.
async fn switch_language(
    Path(code): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // Only local paths: never an open redirect.
    let next = query
        .get("next")
        .and_then(|n| crate::security::local_path(n))
        .and_then(|n| HeaderValue::from_str(&n).ok())
        .unwrap_or(HeaderValue::from_static("/"));
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    );
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    headers.insert(header::LOCATION, next);
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        headers.insert(header::SET_COOKIE, value);
    }
    response
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("Leptos configuration: {0}")]
    Leptos(String),
    #[error("database: {0}")]
    Db(#[from] DbError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Serve(std::io::Error),
    #[error("e-mail settings: {0}")]
    Mail(#[from] crate::mail::MailError),
    #[error("{0}")]
    Config(String),
}

/// Starts Spazi: configuration, database (created, migrated, seeded), then serves until
/// Ctrl-C or SIGTERM.
pub async fn run() -> Result<(), StartError> {
    let conf = get_configuration(None).map_err(|e| StartError::Leptos(e.to_string()))?;
    let leptos_options = conf.leptos_options;
    let addr = leptos_options.site_addr;
    let mut config = Config::from_env().map_err(StartError::Config)?;
    config
        .require_public_url(addr)
        .map_err(StartError::Config)?;
    let clock = crate::clock::Clock::from_setting(&config.now).map_err(StartError::Config)?;
    if clock.is_shifted() {
        tracing::warn!(
            now = %crate::datetime::utc_iso(clock.now()),
            "SPAZI_NOW is set: the application runs at a chosen time, not the real one"
        );
    }
    crate::static_files::prepare(std::path::Path::new(&*leptos_options.site_root));
    let db = Db::open(&config.database_url, clock.now()).await?;
    tracing::info!(backend = ?db.backend(), "database ready");
    let mailer =
        crate::mail::Mailer::from_config(&config.smtp_url.0, &config.mail_dir, &config.mail_from)?;
    let outbox = crate::outbox::OutboxSignal::default();
    // The workers stop with the server (after the round they are in).
    let (stop_workers, workers_stop) = tokio::sync::watch::channel(());
    let stopped = |mut rx: tokio::sync::watch::Receiver<()>| async move {
        let _ = rx.changed().await;
    };
    let worker = tokio::spawn(crate::outbox::run(
        db.clone(),
        mailer,
        outbox.clone(),
        clock,
        stopped(workers_stop.clone()),
    ));
    let base = config.base_url().to_owned();
    let maintenance = tokio::spawn(crate::maintenance::run(
        db.clone(),
        clock,
        base,
        config.retention_days,
        outbox.clone(),
        stopped(workers_stop.clone()),
    ));
    let checkpointer = (db.backend() == crate::db::Backend::Sqlite).then(|| {
        tokio::spawn(crate::maintenance::checkpoints(
            db.clone(),
            stopped(workers_stop),
        ))
    });
    let state = AppState {
        leptos_options,
        db: db.clone(),
        config: Arc::new(config),
        outbox,
        clock,
    };
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind { addr, source })?;
    tracing::info!("listening on http://{addr}");
    // Writes that make no progress are cut off; `tap_io` only makes axum hand each request
    // its client's address (`ConnectInfo`) through the wrapper.
    use axum::serve::ListenerExt;
    let listener = crate::listener::TimeoutListener::new(listener, crate::listener::WRITE_TIMEOUT)
        .tap_io(|_| {});
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(StartError::Serve)?;
    let _ = stop_workers.send(());
    let _ = worker.await;
    let _ = maintenance.await;
    if let Some(checkpointer) = checkpointer {
        let _ = checkpointer.await;
    }
    db.close().await;
    Ok(())
}

/// `server admin create`: creates a staff account in the configured database (created,
/// migrated and seeded if new). Returns the message to print.
pub async fn create_staff_account(
    email: &str,
    name: &str,
    role: crate::model::Role,
    password: &str,
) -> Result<String, String> {
    // The same rules as the invitation and password forms of the staff area.
    let describe = |errors: crate::validate::FieldErrors| {
        let t = crate::i18n::Lang::En.texts();
        errors
            .0
            .iter()
            .map(|(f, p)| format!("{}: {}", t.field(*f), t.problem(*p)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let invite = crate::validate::validate_invite(&crate::validate::InviteInput {
        staff_name: name.to_owned(),
        staff_email: email.to_owned(),
        role: role.code().to_owned(),
    })
    .map_err(describe)?;
    let (email, name) = (invite.email, invite.name);
    crate::auth::check_new_password(password, password, &[&email, &name]).map_err(describe)?;
    let config = Config::from_env()?;
    let clock = crate::clock::Clock::from_setting(&config.now)?;
    let db = Db::open(&config.database_url, clock.now())
        .await
        .map_err(|e| format!("database: {e}"))?;
    let created = crate::auth::create_staff(
        &db,
        &email,
        &name,
        role,
        password,
        (None, "command line"),
        clock.now(),
    )
    .await
    .map_err(|e| e.to_string());
    db.close().await;
    match created? {
        Some(id) => Ok(format!(
            "Created {} account #{id} for {email}.",
            role.code()
        )),
        None => Err(format!("An account for {email} already exists.")),
    }
}

/// `server backup --to FILE`: a consistent copy of the SQLite database, taken while the server
/// may be running (`VACUUM INTO`). Returns the message to print.
pub async fn backup(to: &std::path::Path) -> Result<String, String> {
    let config = Config::from_env()?;
    let db = Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("database: {e}"))?;
    let result = db.backup_sqlite(to).await.map_err(|e| e.to_string());
    db.close().await;
    result?;
    Ok(format!("Backup written to {}.", to.display()))
}

/// `server generate`: adds the synthetic data set of `db::SyntheticSpec` to the database of
/// `DATABASE_URL` (migrated and seeded first), for benchmarks and load tests. Returns the
/// message to print: one `key=value` per line, for scripts.
pub async fn generate(spec: crate::db::SyntheticSpec) -> Result<String, String> {
    let config = Config::from_env()?;
    let clock = crate::clock::Clock::from_setting(&config.now)?;
    let db = Db::open(&config.database_url, clock.now())
        .await
        .map_err(|e| format!("database: {e}"))?;
    let result = db
        .generate_synthetic(spec, clock.now())
        .await
        .map_err(|e| e.to_string());
    db.close().await;
    let r = result?;
    Ok(format!(
        "spaces={}\nevents={}\nrsvps={}\nopen_event={}\nsample_space={}",
        r.spaces,
        r.events,
        r.rsvps,
        r.open_event_slug.unwrap_or_default(),
        r.sample_space_slug.unwrap_or_default()
    ))
}

/// `server transfer --to postgres://…`: copies the SQLite database of `DATABASE_URL` into a
/// new PostgreSQL database (migrated here first, and which must be empty).
pub async fn transfer(to: &str) -> Result<String, String> {
    let config = Config::from_env()?;
    let from = Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("database: {e}"))?;
    let dest = Db::connect(to)
        .await
        .map_err(|e| format!("PostgreSQL: {e}"))?;
    let result = async {
        from.migrate().await?;
        dest.migrate().await?;
        from.transfer_to(&dest).await
    }
    .await
    .map_err(|e| e.to_string());
    from.close().await;
    dest.close().await;
    let report = result?;
    let lines: Vec<String> = report
        .iter()
        .map(|(table, n)| format!("  {table}: {n}"))
        .collect();
    Ok(format!(
        "Copied into PostgreSQL:\n{}\nNow start the servers with DATABASE_URL={to}",
        lines.join("\n")
    ))
}

/// `server person export --email …`: everything stored about the address, as JSON.
pub async fn export_person(email: &str) -> Result<String, String> {
    let config = Config::from_env()?;
    let db = Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("database: {e}"))?;
    let data = db.personal_data(email).await.map_err(|e| e.to_string());
    db.close().await;
    serde_json::to_string_pretty(&data?).map_err(|e| e.to_string())
}

/// `server person erase --email …`: erases what is stored about the address (see
/// `Db::erase_person`); people promoted from a waiting list are e-mailed as usual.
pub async fn erase_person(email: &str) -> Result<String, String> {
    let config = Config::from_env()?;
    let clock = crate::clock::Clock::from_setting(&config.now)?;
    let db = Db::connect(&config.database_url)
        .await
        .map_err(|e| format!("database: {e}"))?;
    let base = config.base_url().to_owned();
    let now = clock.now();
    let changed = db
        .erase_person(email, now, &crate::events::composer(base, now))
        .await
        .map_err(|e| e.to_string());
    db.close().await;
    Ok(format!("{} records erased for {email}.", changed?))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

#[cfg(test)]
mod tests {
    use super::{origin_host, Config};

    #[test]
    fn absolute_links_need_a_configured_address_off_loopback() {
        let mut local = Config::default();
        local
            .require_public_url("127.0.0.1:3000".parse().unwrap())
            .unwrap();
        assert_eq!(local.base_url(), "http://127.0.0.1:3000");
        let mut local6 = Config::default();
        local6
            .require_public_url("[::1]:8080".parse().unwrap())
            .unwrap();
        assert_eq!(local6.base_url(), "http://[::1]:8080");
        let err = Config::default()
            .require_public_url("0.0.0.0:3000".parse().unwrap())
            .unwrap_err();
        assert!(err.contains("SPAZI_PUBLIC_URL"));
        let mut public = Config {
            public_url: "https://spazi.example.it/".into(),
            ..Config::default()
        };
        public
            .require_public_url("0.0.0.0:3000".parse().unwrap())
            .unwrap();
        assert_eq!(public.base_url(), "https://spazi.example.it");
    }

    #[test]
    fn origin_hosts() {
        assert_eq!(origin_host("http://127.0.0.1:3000"), Some("127.0.0.1:3000"));
        assert_eq!(
            origin_host("https://spazi.example.it/admin?x=1"),
            Some("spazi.example.it")
        );
        assert_eq!(origin_host("null"), None);
        assert_eq!(origin_host("https://"), None);
    }
}
