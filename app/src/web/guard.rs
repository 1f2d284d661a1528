//! Who may pass: the staff session of a request (and its role and CSRF token), the client's
//! address (through trusted proxies only), a `next` that stays on the site, and the headers of
//! private pages.

use super::respond::see_other;
use crate::api::context::session_token;
use crate::backend::auth;
use crate::backend::context::AppState;
use crate::core::paths;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderMap, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;

/// The session of a staff request if its role allows `role`, or the answer to give instead:
/// to the sign-in page when there is none, 403 when the role is not enough.
pub(crate) async fn staff_session(
    state: &AppState,
    headers: &HeaderMap,
    role: crate::core::model::Role,
) -> Result<auth::Session, Response> {
    let token = session_token(headers).ok_or_else(|| see_other(paths::SIGN_IN))?;
    match auth::session(&state.db, &token, state.clock.now()).await {
        Ok(Some(s)) if s.user.role.allows(role) => Ok(s),
        Ok(Some(_)) => Err(StatusCode::FORBIDDEN.into_response()),
        Ok(None) => Err(see_other(paths::SIGN_IN)),
        Err(err) => {
            tracing::error!(error = %err, "session lookup failed");
            Err(StatusCode::SERVICE_UNAVAILABLE.into_response())
        }
    }
}

/// The staff session of a form post, if its role allows `role` and the form's CSRF token
/// matches the session's.
pub(crate) async fn authorised_post(
    state: &AppState,
    headers: &HeaderMap,
    csrf: &str,
    role: crate::core::model::Role,
) -> Result<auth::Session, Response> {
    let session = staff_session(state, headers, role).await?;
    if !auth::same_secret(&session.csrf_token, csrf) {
        return Err(StatusCode::FORBIDDEN.into_response());
    }
    Ok(session)
}

/// [`authorised_post`] for a form read as name/value pairs, its `csrf` among them.
pub(crate) async fn authorised_pairs(
    state: &AppState,
    headers: &HeaderMap,
    pairs: &[(String, String)],
    role: crate::core::model::Role,
) -> Result<auth::Session, Response> {
    let csrf = crate::backend::antirobot::form_value(pairs, "csrf");
    authorised_post(state, headers, csrf, role).await
}

/// Only local paths, never an open redirect.
pub fn safe_next(next: Option<&str>, default: &str) -> String {
    next.and_then(crate::web::security::local_path)
        .unwrap_or_else(|| default.to_owned())
}

/// The client's address, for rate limits and sign-in lockouts: the peer's, or — when the peer
/// is one of the trusted proxies (`SPAZI_TRUSTED_PROXIES`) — the first address from the right
/// of `X-Forwarded-For` that is not a trusted proxy. A client cannot choose its address by
/// sending the header itself: only what trusted proxies appended counts.
pub(crate) fn client_address(
    state: &AppState,
    connect: Option<&ConnectInfo<SocketAddr>>,
    headers: &HeaderMap,
) -> String {
    match connect {
        Some(ConnectInfo(addr)) => client_key(forwarded_client(
            addr.ip(),
            &state.config.trusted_proxies,
            headers,
        )),
        None => "unknown".to_owned(),
    }
}

/// The key per-address limits count by: an IPv4 address, or the /64 network of an IPv6 one
/// (one subscriber gets a whole /64 and can pick any address in it).
fn client_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                let net = std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
                format!("{net}/64")
            }
        },
    }
}

fn forwarded_client(
    peer: std::net::IpAddr,
    trusted: &[std::net::IpAddr],
    headers: &HeaderMap,
) -> std::net::IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Vec<std::net::IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    hops.into_iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(peer)
}

/// Whether a response may show personal data, so that no browser or proxy may keep it: the
/// staff area, a registration's personal page (name, e-mail, accessibility needs, the door's
/// code), a join request's confirmation, the space managers' area, and every answer to a form post (a form shown again
/// holds what was typed).
pub fn is_private(method: &axum::http::Method, path: &str) -> bool {
    use axum::http::Method;
    !matches!(*method, Method::GET | Method::HEAD)
        || path.starts_with(paths::ADMIN)
        || path.starts_with(paths::prefix(paths::RSVP))
        || path.starts_with(paths::prefix(paths::JOIN_SENT))
        || path == paths::MY_SPACE
        || path.starts_with(&format!("{}/", paths::MY_SPACE))
}

/// Private pages (see [`is_private`]): never cached, never indexed.
pub async fn private_headers(req: Request<Body>, next: Next) -> Response {
    let private = is_private(req.method(), req.uri().path());
    let mut res = next.run(req).await;
    if private {
        let h = res.headers_mut();
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h.insert(
            "x-robots-tag",
            HeaderValue::from_static("noindex, nofollow"),
        );
    }
    res
}

/// Protection against cross-site request forgery for every state-changing request, server
/// functions included: it must come from a page of this site, as its `Origin` header (or,
/// failing that, `Referer`) shows — browsers send `Origin` with every POST. Staff forms also
/// carry their session's token, and the session cookie is `SameSite=Lax`.
pub(crate) async fn same_origin_only(
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
        path = %crate::web::security::loggable_path(req.uri().path()),
        "cross-site request refused"
    );
    // In the visitor's language: "the form could not be sent, try again or write to us".
    let lang = crate::api::context::request_lang_from(headers).unwrap_or_default();
    let refused = crate::core::validate::Problem::Refused;
    (StatusCode::FORBIDDEN, lang.texts().problem(refused)).into_response()
}

/// A post refused before any handler read it — too large, malformed, of another content
/// type — is answered by the framework in English plain text: told in the visitor's language
/// instead, with the same status. Server functions keep their own answers (their callers read
/// them).
pub(crate) async fn readable_refusals(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    use axum::http::Method;
    let lang = crate::api::context::request_lang_from(req.headers()).unwrap_or_default();
    let path = req.uri().path();
    let function =
        path.starts_with(paths::PUBLIC_FUNCTIONS) || path.starts_with(paths::STAFF_FUNCTIONS);
    let post = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let res = next.run(req).await;
    let plain = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    if !post || function || !plain {
        return res;
    }
    let t = lang.texts();
    let text = match res.status() {
        StatusCode::PAYLOAD_TOO_LARGE => t.form_too_large.to_owned(),
        StatusCode::BAD_REQUEST
        | StatusCode::UNPROCESSABLE_ENTITY
        | StatusCode::UNSUPPORTED_MEDIA_TYPE => t.problem(crate::core::validate::Problem::Refused),
        _ => return res,
    };
    (res.status(), text).into_response()
}

/// `host[:port]` of an `Origin` or `Referer` value.
fn origin_host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::{forwarded_client, origin_host};
    use axum::http::HeaderMap;

    #[test]
    fn limits_count_an_ipv6_network_as_one_client() {
        use super::client_key;
        let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap();
        assert_eq!(client_key(ip("203.0.113.7")), "203.0.113.7");
        assert_eq!(
            client_key(ip("2001:db8:1:2:aaaa::1")),
            client_key(ip("2001:db8:1:2:ffff:ffff:ffff:ffff"))
        );
        assert_eq!(client_key(ip("2001:db8:1:2::9")), "2001:db8:1:2::/64");
        assert_ne!(
            client_key(ip("2001:db8:1:2::1")),
            client_key(ip("2001:db8:1:3::1"))
        );
        assert_eq!(client_key(ip("::ffff:203.0.113.7")), "203.0.113.7");
    }

    #[test]
    fn only_trusted_proxies_may_name_the_client() {
        let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap();
        let proxy = ip("10.0.0.2");
        let mut headers = HeaderMap::new();
        headers.append("x-forwarded-for", "6.6.6.6, 203.0.113.7".parse().unwrap());
        // Not from a trusted proxy: the header is the client's own words, ignored.
        assert_eq!(
            forwarded_client(ip("198.51.100.1"), &[proxy], &headers),
            ip("198.51.100.1")
        );
        // From the proxy: the address it appended (the rightmost), not the spoofed one.
        assert_eq!(
            forwarded_client(proxy, &[proxy], &headers),
            ip("203.0.113.7")
        );
        // Through two trusted proxies.
        headers.append("x-forwarded-for", "10.0.0.3".parse().unwrap());
        assert_eq!(
            forwarded_client(proxy, &[proxy, ip("10.0.0.3")], &headers),
            ip("203.0.113.7")
        );
        // No usable header: the proxy itself.
        assert_eq!(forwarded_client(proxy, &[proxy], &HeaderMap::new()), proxy);
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
