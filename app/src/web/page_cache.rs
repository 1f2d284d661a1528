//! The directory's rendered pages, kept in memory (server only).
//!
//! The map page (`/`, its filters and its pages) is the most visited page and the costliest to
//! render: four queries and a few hundred elements. Its HTML depends only on the directory's
//! data, the URL query and the language, so each app server keeps the pages it rendered, keyed
//! by the **directory's data version** (see `versioned_cache`) — a counter in the database
//! (`data_versions`) that triggers raise in the same transaction as any change to published
//! spaces, their kinds, the municipalities or the organisations (migrations 0009 and 0010;
//! `opendata` keeps its exports by the same version). A request reads the version (one indexed
//! row) and is answered from memory when the page was rendered at that version.
//!
//! The one thing that differs between two responses of the same page is the CSP nonce on the
//! hydration script: the cached HTML keeps the nonce it was rendered with, and that string (32
//! random characters) is replaced by the request's own.
//!
//! Cached: `GET /` and the embedded map (`/incorporata`, framed by other sites on every visit
//! of theirs) with a canonical query (kinds, one municipality of the area, page or list — as
//! the pages' own links write it) and no search text (searches are a long tail). Anything else
//! is rendered as usual.
//! Memory is bounded ([`MAX_BYTES`]); past it, the pages used least recently are dropped.

use crate::backend::context::AppState;
use crate::backend::versioned_cache::VersionedCache;
use crate::core::embed::EmbedOptions;
use crate::core::filter::SpaceFilter;
use crate::core::paths;
use crate::i18n::Lang;
use axum::body::{Body, Bytes};
use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The most HTML kept (bytes), over all pages.
pub const MAX_BYTES: usize = 8 << 20;

/// The response header that tells whether the page came from the cache (`hit`) or was
/// rendered (`miss`): for the benchmarks and for whoever debugs a stale page.
pub const CACHE_HEADER: &str = "x-spazi-cache";

/// One server's rendered directory pages (see the module documentation), least recently used
/// dropped first past [`MAX_BYTES`].
pub type PageCache = VersionedCache<(Lang, String), Page>;

pub struct Page {
    headers: HeaderMap,
    body: Bytes,
    nonce: String,
}

/// The cache key of a request, when its page may be cached: its language and its canonical
/// query.
fn cache_key(req: &Request) -> Option<(Lang, String)> {
    let path = req.uri().path();
    if req.method() != Method::GET || (path != "/" && path != paths::EMBEDDED_MAP) {
        return None;
    }
    let raw = req.uri().query().unwrap_or("");
    let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(req.uri()).ok()?;
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(name, _)| name == k)
            .map(|(_, v)| v.as_str())
    };
    let filter = SpaceFilter::from_pairs(&pairs);
    // The query as the pages' own links write it (the map's pages; the embed's list).
    let canonical = if path == paths::EMBEDDED_MAP {
        let options = EmbedOptions {
            filter: filter.clone(),
            list: crate::core::embed::list_from_params(get),
            ..EmbedOptions::default()
        };
        options.framed_query()
    } else {
        filter.page_query(SpaceFilter::page_from_params(get))
    };
    if !filter.cacheable() || canonical != raw {
        return None;
    }
    let lang = crate::api::context::request_lang_from(req.headers()).unwrap_or_default();
    Some((lang, format!("{path}?{raw}")))
}

/// The middleware: answers cacheable directory requests from the cache, and keeps the pages it
/// renders for them (only complete `200` HTML answers that set no cookie).
pub async fn serve(
    State((state, cache)): State<(AppState, Arc<PageCache>)>,
    req: Request,
    next: Next,
) -> Response {
    let Some((lang, query)) = cache_key(&req) else {
        return next.run(req).await;
    };
    // The cards say how fresh each listing is, which changes with the day, not only the data.
    let key = (
        lang,
        format!("{query}#{}", state.clock.now().div_euclid(86_400)),
    );
    let Some(nonce) = crate::web::security::request_nonce(req.headers()).map(str::to_owned) else {
        return next.run(req).await;
    };
    // Without the version (database away) the page renders as usual, and says so.
    let Ok(version) = state.db.directory_version().await else {
        return next.run(req).await;
    };
    if let Some(page) = cache.get(version, &key) {
        return respond(&page, &nonce, "hit");
    }
    let res = next.run(req).await;
    let cacheable = res.status() == StatusCode::OK
        && !res.headers().contains_key(header::SET_COOKIE)
        && res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    if !cacheable {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BYTES).await else {
        tracing::error!("the directory page could not be read whole");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let page = Page {
        headers: parts.headers,
        body,
        nonce,
    };
    let res = respond(&page, &page.nonce, "miss");
    let bytes = page.body.len();
    cache.put(version, key, Arc::new(page), bytes);
    res
}

fn respond(page: &Page, nonce: &str, outcome: &'static str) -> Response {
    let body = if page.nonce == nonce {
        page.body.clone()
    } else {
        match std::str::from_utf8(&page.body) {
            Ok(html) => Bytes::from(html.replace(&page.nonce, nonce)),
            Err(_) => page.body.clone(),
        }
    };
    let mut res = Response::new(Body::from(body));
    *res.headers_mut() = page.headers.clone();
    res.headers_mut().remove(header::CONTENT_LENGTH);
    res.headers_mut()
        .insert(CACHE_HEADER, header::HeaderValue::from_static(outcome));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(uri: &str) -> Request {
        Request::builder().uri(uri).body(Body::empty()).unwrap()
    }

    #[test]
    fn only_canonical_directory_queries_are_cached() {
        let key = |uri: &str| cache_key(&request(uri)).map(|(_, q)| q);
        assert_eq!(key("/"), Some("/?".into()));
        assert_eq!(key("/?tipo=fablab"), Some("/?tipo=fablab".into()));
        assert_eq!(
            key("/?tipo=fablab&comune=037006&pagina=3"),
            Some("/?tipo=fablab&comune=037006&pagina=3".into())
        );
        assert_eq!(
            key("/?tipo=coworking,fablab"),
            Some("/?tipo=coworking,fablab".into())
        );
        // The embedded map, by its own canonical query (no pages; the list's flag).
        assert_eq!(key("/incorporata"), Some("/incorporata?".into()));
        assert_eq!(
            key("/incorporata?tipo=fablab&comune=037006&elenco=0"),
            Some("/incorporata?tipo=fablab&comune=037006&elenco=0".into())
        );
        assert_eq!(key("/incorporata?elenco=1"), None);
        assert_eq!(key("/incorporata?pagina=2"), None);
        assert_eq!(key("/incorporata/eventi"), None);
        // Searches, other paths, unknown or repeated parameters, a first page spelled out.
        assert_eq!(key("/?q=lab"), None);
        assert_eq!(key("/spazi/x"), None);
        assert_eq!(key("/?utm=1"), None);
        assert_eq!(key("/?tipo=fablab&tipo=fablab"), None);
        assert_eq!(key("/?pagina=1"), None);
        assert_eq!(key("/?comune=037006&tipo=fablab"), None);
        // Codes outside the metropolitan area: a stream of them must not flush the cache.
        assert_eq!(key("/?comune=999999"), None);
        // Nor one of unions of municipalities.
        assert_eq!(key("/?comune=037006,037048"), None);
    }

    #[test]
    fn the_language_is_part_of_the_key() {
        let mut req = request("/");
        // The language the address decided (`web::language`).
        req.headers_mut()
            .insert(crate::core::lang::URL_LANG_HEADER, "en".parse().unwrap());
        assert_eq!(cache_key(&req), Some((Lang::En, "/?".into())));
        assert_eq!(cache_key(&request("/")), Some((Lang::It, "/?".into())));
    }

    fn page(body: &str, nonce: &str) -> Page {
        Page {
            headers: HeaderMap::new(),
            body: Bytes::from(body.to_owned()),
            nonce: nonce.to_owned(),
        }
    }

    #[test]
    fn memory_is_bounded() {
        let cache = PageCache::new(MAX_BYTES);
        let big = "x".repeat(MAX_BYTES / 3);
        for n in 0..10 {
            cache.put(
                1,
                (Lang::It, n.to_string()),
                Arc::new(page(&big, "n")),
                big.len(),
            );
            assert!(cache.bytes() <= MAX_BYTES);
        }
    }

    #[tokio::test]
    async fn the_nonce_is_the_requests_own() {
        let cached = page(
            "<script nonce=\"aaaa\">1</script><script nonce=\"aaaa\">2</script>",
            "aaaa",
        );
        let res = respond(&cached, "bbbb", "hit");
        let body = axum::body::to_bytes(res.into_body(), 1 << 20)
            .await
            .unwrap();
        assert_eq!(
            &body[..],
            b"<script nonce=\"bbbb\">1</script><script nonce=\"bbbb\">2</script>"
        );
    }
}
