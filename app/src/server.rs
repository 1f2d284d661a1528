//! The HTTP server: the axum router around the Leptos app, `run`, and the few plain HTTP
//! handlers (the language switch). Server only. Its configuration and shared state are
//! `backend::context`.

use crate::backend::context::{AppState, Config};
use crate::backend::db::{Db, DbError};
use crate::i18n::{Lang, LANG_COOKIE};
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

/// What the Leptos routes take from the state.
impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
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
    Mail(#[from] crate::backend::mail::MailError),
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
    let clock =
        crate::backend::clock::Clock::from_setting(&config.now).map_err(StartError::Config)?;
    if clock.is_shifted() {
        tracing::warn!(
            now = %crate::core::datetime::utc_iso(clock.now()),
            "SPAZI_NOW is set: the application runs at a chosen time, not the real one"
        );
    }
    crate::static_files::prepare(std::path::Path::new(&*leptos_options.site_root));
    let db = Db::open(&config.database_url, clock.now()).await?;
    tracing::info!(backend = ?db.backend(), "database ready");
    let mailer = crate::backend::mail::Mailer::from_config(
        &config.smtp_url.0,
        &config.mail_dir,
        &config.mail_from,
    )?;
    let outbox = crate::backend::outbox::OutboxSignal::default();
    // The workers stop with the server (after the round they are in).
    let (stop_workers, workers_stop) = tokio::sync::watch::channel(());
    let stopped = |mut rx: tokio::sync::watch::Receiver<()>| async move {
        let _ = rx.changed().await;
    };
    let worker = tokio::spawn(crate::backend::outbox::run(
        db.clone(),
        mailer,
        outbox.clone(),
        clock,
        stopped(workers_stop.clone()),
    ));
    let base = config.base_url().to_owned();
    let maintenance = tokio::spawn(crate::backend::maintenance::run(
        db.clone(),
        clock,
        base,
        config.retention_days,
        outbox.clone(),
        stopped(workers_stop.clone()),
    ));
    let checkpointer = (db.backend() == crate::backend::db::Backend::Sqlite).then(|| {
        tokio::spawn(crate::backend::maintenance::checkpoints(
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
    use super::origin_host;
    use crate::backend::context::Config;

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
