//! The language of a request. A public page's address says its language: the Italian address
//! (`/eventi/lancio`) or its English twin (`/en/events/lancio`, `core::paths::TWINS`), so a link
//! opens in the language it was shared in. [`by_address`] runs before routing: it turns an
//! English address into the Italian one the router knows and hands the language on in
//! `URL_LANG_HEADER`. The staff area keeps the visitor's choice, in a cookie
//! ([`switch_language`]).

use crate::core::lang::{Lang, LANG_COOKIE, URL_LANG_HEADER};
use crate::core::paths;
use axum::extract::{Path, Query, Request};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;

/// Before routing: the language an address decides (see `paths::lang_of`), and for an English
/// address the Italian one the router matches. A language header sent by a client is dropped:
/// only the address decides. The redirects answering an English address lead to English ones.
pub async fn by_address(mut req: Request, next: Next) -> Response {
    req.headers_mut().remove(URL_LANG_HEADER);
    if let Some(clean) = tidy(req.uri()) {
        return Redirect::permanent(&clean).into_response();
    }
    let path = req.uri().path();
    if let Some(lang) = paths::lang_of(path) {
        if lang == Lang::En {
            if let Some(italian) = paths::italian(path) {
                let target = match req.uri().query() {
                    Some(query) => format!("{italian}?{query}"),
                    None => italian,
                };
                if let Ok(uri) = target.parse::<Uri>() {
                    *req.uri_mut() = uri;
                }
            }
        }
        req.headers_mut()
            .insert(URL_LANG_HEADER, HeaderValue::from_static(lang.code()));
    }
    let english = req.headers().get(URL_LANG_HEADER) == Some(&HeaderValue::from_static("en"));
    let mut res = next.run(req).await;
    // An English page's form leads on to English pages: the handlers redirect to Italian
    // addresses (the ones the router knows), turned here into their twins.
    if english {
        let twin = res
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .filter(|v| v.starts_with('/') && !v.starts_with("//"))
            .map(|v| paths::in_lang(v, Lang::En))
            .and_then(|v| HeaderValue::from_str(&v).ok());
        if let Some(twin) = twin {
            res.headers_mut().insert(header::LOCATION, twin);
        }
    }
    res
}

/// A public page asked for with a slash too many or too few (`/eventi/`, `/en//events`, `/en`):
/// its own address (with the query), to be sent there. `None` for the rest. The result starts
/// with one slash only: never another site.
fn tidy(uri: &Uri) -> Option<String> {
    let path = uri.path();
    let odd = path.ends_with('/') || path.contains("//") || path == paths::EN_ROOT;
    if path == "/" || path == "/en/" || !odd {
        return None;
    }
    let mut clean: String = path
        .split('/')
        .filter(|segment| !segment.is_empty())
        .flat_map(|segment| ["/", segment])
        .collect();
    // The home pages keep their slash: `/` and `/en/`.
    if clean.is_empty() || clean == paths::EN_ROOT {
        clean.push('/');
    }
    let page = paths::lang_of(&clean) == Some(Lang::It) || paths::italian(&clean).is_some();
    (page && clean != path).then(|| match uri.query() {
        Some(query) => format!("{clean}?{query}"),
        None => clean,
    })
}

/// `GET /join`, `/events`: English addresses given out before the English twins existed lead
/// to them for good.
pub async fn old_english(uri: Uri) -> Response {
    let italian = if uri.path() == paths::JOIN_EN {
        paths::JOIN
    } else {
        paths::EVENTS
    };
    Redirect::permanent(&paths::in_lang(italian, Lang::En)).into_response()
}

/// `GET /events/{slug}`, likewise.
pub async fn old_english_event(Path(slug): Path<String>) -> Response {
    let italian = paths::event(&crate::core::text::query_encode(&slug));
    Redirect::permanent(&paths::in_lang(&italian, Lang::En)).into_response()
}

/// `GET /lingua/{it|en}?next=/path`: remembers the language in a cookie and goes back (the
/// staff area's switch; a public page's switch links to its twin).
pub async fn switch_language(
    Path(code): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // Only local paths: never an open redirect. A public page's address goes to its twin.
    let next = query
        .get("next")
        .and_then(|n| crate::web::security::local_path(n))
        .map(|n| paths::in_lang(&n, lang))
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

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn a_slash_too_many_leads_to_the_page() {
        let tidy = |uri: &str| tidy(&uri.parse().unwrap());
        assert_eq!(tidy("/eventi/").as_deref(), Some("/eventi"));
        assert_eq!(tidy("/en/events/").as_deref(), Some("/en/events"));
        assert_eq!(tidy("/en//events?a=1").as_deref(), Some("/en/events?a=1"));
        assert_eq!(tidy("/en//").as_deref(), Some("/en/"));
        assert_eq!(tidy("/en").as_deref(), Some("/en/"));
        assert_eq!(tidy("/spazi//fa-lab").as_deref(), Some("/spazi/fa-lab"));
        // Pages as they are, and what is not a public page, stay.
        for uri in ["/", "/en/", "/eventi", "/admin/", "/en/nothing/", "/x//y"] {
            assert_eq!(tidy(uri), None, "{uri}");
        }
    }
}
