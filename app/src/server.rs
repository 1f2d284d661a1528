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

/// Settings read from the environment at start (Leptos' own, such as `LEPTOS_SITE_ADDR`, are
/// read by Leptos).
#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://…` (default: `sqlite://data/spazi.db`) or `postgres://…`.
    pub database_url: String,
    /// `SPAZI_TILE_URL`: the map tile URL template; empty to draw no base map.
    pub tile_url: String,
    /// `SPAZI_TILE_ATTRIBUTION`: the attribution shown on the map (HTML, trusted).
    pub tile_attribution: String,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/spazi.db?mode=rwc";
pub const DEFAULT_TILE_URL: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
pub const DEFAULT_TILE_ATTRIBUTION: &str =
    "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

impl Config {
    pub fn from_env() -> Config {
        let var =
            |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
        Config {
            database_url: var("DATABASE_URL", DEFAULT_DATABASE_URL),
            tile_url: var("SPAZI_TILE_URL", DEFAULT_TILE_URL),
            tile_attribution: var("SPAZI_TILE_ATTRIBUTION", DEFAULT_TILE_ATTRIBUTION),
        }
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
}

/// The database from the request's context (server functions and pages).
pub fn db() -> Result<Db, AppError> {
    use_context::<AppState>().map(|s| s.db).ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Unavailable
    })
}

/// The language the request asked for through its cookie.
pub fn request_lang() -> Option<Lang> {
    let parts = use_context::<axum::http::request::Parts>()?;
    let cookie = parts.headers.get(header::COOKIE)?.to_str().ok()?;
    Lang::from_cookie_header(cookie)
}

/// Sets the HTTP status of the page being rendered.
pub fn set_status(status: StatusCode) {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(status);
    }
}

/// The whole application as an axum router.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(state.config.map_settings());
        }
    };
    let app_shell = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    Router::new()
        .route("/lingua/{code}", get(switch_language))
        .merge(crate::opendata::routes())
        .leptos_routes_with_context(&state, routes, context.clone(), app_shell)
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(CompressionLayer::new())
        .with_state(state)
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
        .map(String::as_str)
        .filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
        .and_then(|n| HeaderValue::from_str(n).ok())
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
}

/// Starts Spazi: configuration, database (created, migrated, seeded), then serves until
/// Ctrl-C or SIGTERM.
pub async fn run() -> Result<(), StartError> {
    let conf = get_configuration(None).map_err(|e| StartError::Leptos(e.to_string()))?;
    let leptos_options = conf.leptos_options;
    let addr = leptos_options.site_addr;
    let config = Config::from_env();
    let db = Db::open(&config.database_url).await?;
    tracing::info!(backend = ?db.backend(), "database ready");
    let state = AppState {
        leptos_options,
        db: db.clone(),
        config: Arc::new(config),
    };
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind { addr, source })?;
    tracing::info!("listening on http://{addr}");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(StartError::Serve)?;
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
