//! HTTP hardening and the operations endpoints (server only).
//!
//! - Every response carries the security headers: `X-Content-Type-Options`, `Referrer-Policy`,
//!   `X-Frame-Options`, `Permissions-Policy`, `Cross-Origin-Opener-Policy`, and HSTS when the
//!   site is served over HTTPS.
//! - Pages carry a strict Content-Security-Policy whose only inline script is Leptos' hydration
//!   script, allowed by a per-response nonce ([`page_policy`]): the middleware makes the nonce,
//!   hands it to the renderer (which puts it on the script) and writes the policy with it; every
//!   other response gets a policy that allows nothing ([`NOTHING`]).
//! - Every request gets an id (`x-request-id`, kept when a trusted proxy sent one), logged on
//!   its span and returned to the client.
//! - `/healthz` says the process answers; `/readyz` that the database does too (503 if not).

use crate::backend::context::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// The policy of responses that are not pages: nothing may run or load.
pub const NOTHING: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// The request id header.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The Content-Security-Policy of a page rendered with `nonce`: scripts from this site and the
/// nonce'd hydration script (WebAssembly compiled by the browser), styles and fonts from this
/// site, images from this site and the map tiles' server, no plugins, forms post only here;
/// framed by the sources `ancestors` (`'none'` but for the embedded pages).
pub fn page_policy(nonce: &str, tile_url: &str, https: bool, ancestors: &str) -> String {
    let tiles = tile_origin(tile_url)
        .map(|o| format!(" {o}"))
        .unwrap_or_default();
    let mut policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:{tiles}; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {ancestors}"
    );
    if https {
        policy.push_str("; upgrade-insecure-requests");
    }
    policy
}

/// `https://tile.openstreetmap.org` of `https://tile.openstreetmap.org/{z}/{x}/{y}.png`; the
/// `{s}` subdomain placeholder becomes a wildcard.
fn tile_origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host = rest.split('/').next().filter(|h| !h.is_empty())?;
    let host = host.replace("{s}", "*");
    if !host
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '*'))
    {
        return None;
    }
    Some(format!("{scheme}://{host}"))
}

/// The internal request header that carries this request's nonce to the page renderer (set
/// by [`headers`], overwriting anything a client sent; copied when a handler renders a page).
pub const NONCE_HEADER: HeaderName = HeaderName::from_static("x-spazi-nonce");

/// This request's nonce, from the internal header [`headers`] set.
pub fn request_nonce(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers.get(&NONCE_HEADER).and_then(|v| v.to_str().ok())
}

/// Provides this request's nonce to Leptos, which puts it on the hydration script (called in
/// the rendering context of every page, after `leptos_axum` provided its own).
pub fn provide_request_nonce() {
    use leptos::prelude::{provide_context, use_context};
    let nonce = use_context::<axum::http::request::Parts>()
        .and_then(|p| request_nonce(&p.headers).map(str::to_owned));
    if let Some(nonce) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(nonce));
    }
}

/// `next` as a path on this site to redirect to, or `None` when a browser could resolve it to
/// anywhere else. Browsers drop tabs and newlines from a URL, read `\` as `/`, and take
/// `//host` as another site, so a value is accepted only when it has none of these — before and
/// after percent-decoding — and resolves, by the WHATWG URL rules browsers follow, to a path of
/// the same origin. The answer is that resolved path (with its query and fragment).
pub fn local_path(next: &str) -> Option<String> {
    fn plain(s: &str) -> bool {
        s.starts_with('/')
            && !s.starts_with("//")
            && !s.chars().any(|c| c.is_control() || c == '\\')
    }
    let decoded = percent_encoding::percent_decode_str(next).decode_utf8_lossy();
    if !plain(next) || !next.bytes().all(|b| b.is_ascii_graphic()) || !plain(&decoded) {
        return None;
    }
    const BASE: &str = "http://spazi.invalid/";
    let base = url::Url::parse(BASE).ok()?;
    let resolved = base.join(next).ok()?;
    if resolved.origin() != base.origin() {
        return None;
    }
    let path = &resolved[url::Position::BeforePath..];
    plain(path).then(|| path.to_owned())
}

/// How long browsers may keep the static files: the font and the map library change only with
/// their npm versions, so a week; the app's own bundle (`/pkg`, same names on every build) is
/// revalidated on each use (a `304` when unchanged), so a new release is never mixed with an
/// old bundle.
pub fn static_cache_control(path: &str) -> Option<&'static str> {
    if path.starts_with("/fonts/") || path.starts_with("/vendor/") {
        Some("public, max-age=604800")
    } else if path.starts_with("/pkg/") {
        Some("no-cache")
    } else {
        None
    }
}

/// The headers every response gets (see the module documentation). A fresh nonce for every
/// request goes to the renderer; an HTML response gets the page policy with it.
pub async fn headers(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let cache = static_cache_control(req.uri().path());
    // The embedded map and events may be framed by other sites (all, or those of
    // `SPAZI_EMBED_ORIGINS`); every other page, by none. The path is the Italian one here
    // (`web::language` ran before).
    let framable = crate::core::paths::framable(req.uri().path());
    let nonce = crate::backend::auth::new_token()[..32].to_owned();
    if let Ok(value) = HeaderValue::from_str(&nonce) {
        req.headers_mut().insert(NONCE_HEADER, value);
    }
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let html = h
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html && !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        let ancestors = if framable {
            state.config.embed_ancestors()
        } else {
            "'none'".to_owned()
        };
        let policy = page_policy(
            &nonce,
            &state.config.tile_url,
            state.config.secure_cookies(),
            &ancestors,
        );
        if let Ok(value) = HeaderValue::from_str(&policy) {
            h.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    let set = |h: &mut axum::http::HeaderMap, name: HeaderName, value: &'static str| {
        h.entry(name).or_insert(HeaderValue::from_static(value));
    };
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(
        h,
        header::REFERRER_POLICY,
        "strict-origin-when-cross-origin",
    );
    // `X-Frame-Options` names no list of sites: the framable pages rely on the policy's
    // `frame-ancestors` alone (every browser of the last years reads it).
    if !(framable && html) {
        set(h, header::X_FRAME_OPTIONS, "DENY");
    }
    set(
        h,
        HeaderName::from_static("permissions-policy"),
        "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()",
    );
    set(
        h,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(h, header::CONTENT_SECURITY_POLICY, NOTHING);
    if let Some(cache) = cache {
        set(h, header::CACHE_CONTROL, cache);
    }
    if state.config.secure_cookies() {
        set(
            h,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    res
}

/// `path` as it may be written to the logs: a secret segment is replaced by `…` (the query is
/// never logged).
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    for prefix in crate::core::paths::SECRET_PREFIXES {
        if let Some(rest) = path.strip_prefix(prefix) {
            if !rest.is_empty() {
                let tail = rest.find('/').map_or("", |i| &rest[i..]);
                return format!("{prefix}…{tail}").into();
            }
        }
    }
    path.into()
}

/// Refuses (`400`) a request whose path or query holds an encoded NUL character: no page,
/// key or search of this site has one, and PostgreSQL cannot even compare text with it.
pub async fn refuse_nul(req: Request, next: Next) -> Response {
    let nul = |s: &str| {
        s.as_bytes()
            .windows(3)
            .any(|w| w.eq_ignore_ascii_case(b"%00"))
    };
    if nul(req.uri().path()) || req.uri().query().is_some_and(nul) {
        return (StatusCode::BAD_REQUEST, "Bad request.").into_response();
    }
    next.run(req).await
}

/// Gives the request an id (unless a trusted proxy sent one: a client's own would let it
/// forge or confuse log lines), logs the request on a span that carries it, and returns it to
/// the client.
pub async fn request_id(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let from_proxy = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .is_some_and(|c| state.config.trusted_proxies.contains(&c.0.ip()));
    let id = req
        .headers()
        .get(&REQUEST_ID)
        .filter(|_| from_proxy)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .map(str::to_owned)
        .unwrap_or_else(|| crate::backend::auth::new_token()[..16].to_owned());
    if let Ok(value) = HeaderValue::from_str(&id) {
        req.headers_mut().insert(REQUEST_ID, value);
    }
    let span = tracing::info_span!(
        "request",
        id = %id,
        method = %req.method(),
        path = %loggable_path(req.uri().path()),
    );
    let started = std::time::Instant::now();
    let mut res = {
        use tracing::Instrument;
        next.run(req).instrument(span.clone()).await
    };
    let status = res.status().as_u16();
    let ms = started.elapsed().as_millis() as u64;
    span.in_scope(|| {
        if status >= 500 {
            tracing::warn!(status, ms, "answered");
        } else {
            tracing::debug!(status, ms, "answered");
        }
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID, value);
    }
    res
}

/// Server functions answer every error with 500; this gives each its true status (see
/// `AppError::status`): a malformed call is the caller's 400, a missing record 404, a database
/// outage 503. Errors set explicitly by the function (401, 403, 404) are kept.
pub async fn server_fn_status(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if !([
        crate::core::paths::PUBLIC_FUNCTIONS,
        crate::core::paths::STAFF_FUNCTIONS,
    ]
    .iter()
    .any(|prefix| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
    })) {
        return next.run(req).await;
    }
    let res = next.run(req).await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res
            .headers()
            .contains_key(leptos::server_fn::error::SERVER_FN_ERROR_HEADER)
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(err) = serde_json::from_slice::<crate::api::error::AppError>(&bytes) {
        if let Ok(status) = StatusCode::from_u16(err.status()) {
            parts.status = status;
        }
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// The database answers within two seconds.
pub(crate) async fn ready(State(state): State<AppState>) -> Response {
    let ping = sqlx::query("SELECT 1").execute(state.db.pool());
    match tokio::time::timeout(Duration::from_secs(2), ping).await {
        Ok(Ok(_)) => "ready".into_response(),
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "not ready: database");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
        Err(_) => {
            tracing::warn!("not ready: database did not answer in time");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_in_paths_never_reach_the_logs() {
        let token = "0123456789abcdef".repeat(4);
        assert_eq!(
            loggable_path(&format!("/prenotazione/{token}")),
            "/prenotazione/…"
        );
        assert_eq!(
            loggable_path(&format!("/admin/invito/{token}")),
            "/admin/invito/…"
        );
        assert_eq!(
            loggable_path(&format!("/prenotazione/{token}/qr")),
            "/prenotazione/…/qr"
        );
        assert_eq!(loggable_path("/eventi/lancio"), "/eventi/lancio");
        assert_eq!(loggable_path("/prenotazione/"), "/prenotazione/");
    }

    #[test]
    fn only_paths_of_this_site_are_redirect_targets() {
        for ok in [
            "/",
            "/admin",
            "/eventi/lancio-forum-2022?x=1#a",
            "/?q=caff%C3%A8&tipo=fablab",
        ] {
            assert_eq!(local_path(ok).as_deref(), Some(ok), "{ok}");
        }
        // Dot segments are resolved as a browser would.
        assert_eq!(local_path("/a/../admin").as_deref(), Some("/admin"));
        for bad in [
            "",
            "evil.example",
            "https://evil.example/",
            "//evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            " /evil",
            "/\\evil.example",
            "\\/evil.example",
            "/%09/evil.example",
            "/%2F/evil.example",
            "/%2fevil.example",
            "/%5Cevil.example",
            "/a/..//evil.example",
            "/./../..//evil.example",
            "/%00",
            "/\u{7f}",
            "/è",
            "javascript:alert(1)",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn static_files_have_a_cache_policy_by_kind() {
        assert_eq!(
            static_cache_control("/fonts/titillium-web-latin-400-normal.woff2"),
            Some("public, max-age=604800")
        );
        assert_eq!(
            static_cache_control("/vendor/leaflet/leaflet.js"),
            Some("public, max-age=604800")
        );
        assert_eq!(static_cache_control("/pkg/spazi.wasm"), Some("no-cache"));
        assert_eq!(static_cache_control("/"), None);
        assert_eq!(static_cache_control("/spazi/pkg/x"), None);
    }

    #[test]
    fn tile_origins_come_from_the_template() {
        assert_eq!(
            tile_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png").as_deref(),
            Some("https://tile.openstreetmap.org")
        );
        assert_eq!(
            tile_origin("https://{s}.tile.example.it:8080/{z}/{x}/{y}.png").as_deref(),
            Some("https://*.tile.example.it:8080")
        );
        assert_eq!(tile_origin(""), None);
        assert_eq!(tile_origin("javascript:alert(1)"), None);
        assert_eq!(tile_origin("https://evil.example; script-src *"), None);
    }

    #[test]
    fn page_policies_allow_only_the_nonce_as_inline_script() {
        let p = page_policy(
            "abc",
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            true,
            "'none'",
        );
        assert!(p.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(!p.contains("unsafe-inline"));
        assert!(p.contains("img-src 'self' data: https://tile.openstreetmap.org;"));
        assert!(p.contains("frame-ancestors 'none'"));
        assert!(p.ends_with("upgrade-insecure-requests"));
        assert!(!page_policy("abc", "", false, "'none'").contains("upgrade"));
        assert!(page_policy("abc", "", false, "*").ends_with("; frame-ancestors *"));
    }
}
