//! Open data: the published spaces as GeoJSON and CSV, under CC BY 4.0, with the filters of the
//! map page as query parameters (`tipo`, `comune`, `q`), so "export what I filtered" works.
//! Responses carry a strong ETag (a hash of the body: the same on every app server) and are
//! cacheable for five minutes; a matching `If-None-Match` gets `304 Not Modified`.

use crate::backend::context::AppState;
use crate::backend::exports::{csv_document, geojson_document};
use crate::backend::versioned_cache::VersionedCache;
use crate::core::filter::SpaceFilter;
use crate::core::view::SpaceDetail;
use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The map's markers documents this process has written, per directory data version (like
/// the exports): a request — a `304` included — costs one indexed read, not a query, an
/// encoding and a hash. Searches are written for their request only.
pub type MarkersCache = VersionedCache<String, Markers>;

/// The most bytes of markers documents kept by one process.
pub const MAX_MARKERS_BYTES: usize = 4 << 20;

/// One markers document and its ETag.
pub struct Markers {
    etag: String,
    body: Bytes,
}

/// `GET /api/spazi/mappa.txt`: what the map page's island needs of each published space
/// matching the filter, in the compact text of `map::markers_doc` (thousands of spaces stay
/// small and are read in a few milliseconds). Revalidated on every use (`no-cache` and the
/// ETag), so an edit shows at once.
pub(crate) async fn markers(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<MarkersCache>>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    let filter = filter_of(&params);
    let version = match state.db.directory_version().await {
        Ok(v) => v,
        Err(err) => return crate::web::respond::unavailable("directory version", &err),
    };
    let key = filter.cacheable().then(|| filter.to_query());
    let cached = key.as_deref().and_then(|k| cache.get(version, k));
    let hit = cached.is_some();
    let doc = match cached {
        Some(doc) => doc,
        None => {
            let mut markers = match state.db.published_markers(&filter).await {
                Ok(m) => m,
                Err(err) => return crate::web::respond::unavailable("markers query", &err),
            };
            let body = crate::ui::islands::map::markers_doc::encode(&mut markers).into_bytes();
            let doc = Arc::new(Markers {
                etag: format!("\"{}\"", etag_of(&body)),
                body: body.into(),
            });
            if let Some(key) = key {
                cache.put(version, key, doc.clone(), doc.body.len());
            }
            doc
        }
    };
    let mut response = finish(
        &headers,
        &doc.etag,
        Body::from(doc.body.clone()),
        crate::ui::islands::map::markers_doc::CONTENT_TYPE,
        None,
        true,
    );
    let h = response.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        crate::web::page_cache::CACHE_HEADER,
        HeaderValue::from_static(if hit { "hit" } else { "miss" }),
    );
    response
}

/// A query's name–value pairs, in order (a filter's parameters may repeat).
type Params = Query<Vec<(String, String)>>;

/// Exports built at once by this process. Building one holds every matching space in memory
/// (megabytes with thousands of spaces), so a burst of downloads of documents not yet in the
/// cache waits its turn here instead of multiplying the server's memory.
static EXPORTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// The most bytes of exports kept by one process (the document and its two compressed forms).
pub const MAX_EXPORT_BYTES: usize = 32 << 20;

/// The public exports this process has built, kept for one **directory data version** (see
/// `versioned_cache`: a database counter that triggers raise with any change to what the
/// exports show, so several app servers stay consistent without talking to each other). Every
/// download of the same document at the same version shares one copy of its bytes, already
/// compressed: a burst of downloads costs neither a query and a build each, nor a compressor
/// each. Exports of a text search (`q`: a long tail) are built for their request and not kept.
/// Past [`MAX_EXPORT_BYTES`], the exports used least recently are dropped.
pub type ExportCache = VersionedCache<String, Export>;

/// Brotli quality for exports: from 6 up its hash tables take tens of MB per compression (at 9
/// about 32 MB, for a document a few percent smaller).
const BROTLI_QUALITY: u32 = 5;

/// One export document, with its brotli and gzip forms and its tag (a hash of the document).
pub struct Export {
    tag: String,
    identity: Bytes,
    brotli: Bytes,
    gzip: Bytes,
}

/// The content codings an export is kept in, best first, with their ETag suffixes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Coding {
    Brotli,
    Gzip,
    Identity,
}

impl Coding {
    fn name(self) -> Option<&'static str> {
        match self {
            Coding::Brotli => Some("br"),
            Coding::Gzip => Some("gzip"),
            Coding::Identity => None,
        }
    }

    /// The best coding `accept_encoding` allows (`q=0` refuses one; `*` stands for the rest).
    fn negotiate(accept_encoding: Option<&str>) -> Coding {
        let accepted = |coding: &str| -> bool {
            let Some(header) = accept_encoding else {
                return false;
            };
            let quality = |name: &str| {
                header.split(',').find_map(|item| {
                    let mut parts = item.split(';');
                    let token = parts.next()?.trim();
                    token.eq_ignore_ascii_case(name).then(|| {
                        parts
                            .find_map(|p| {
                                let (name, value) = p.split_once('=')?;
                                name.trim().eq_ignore_ascii_case("q").then_some(value)
                            })
                            .and_then(|q| q.trim().parse::<f32>().ok())
                            .unwrap_or(1.0)
                    })
                })
            };
            quality(coding)
                .or_else(|| quality("*"))
                .is_some_and(|q| q > 0.0)
        };
        if accepted("br") {
            Coding::Brotli
        } else if accepted("gzip") || accepted("x-gzip") {
            Coding::Gzip
        } else {
            Coding::Identity
        }
    }
}

impl Export {
    /// Compresses `document` (CPU-heavy for megabytes: call it off the async workers).
    pub fn new(document: Vec<u8>) -> std::io::Result<Export> {
        use std::io::Write;
        let tag = etag_of(&document);
        let mut brotli = Vec::with_capacity(document.len() / 8);
        {
            // Never a window under 128 KB: with one of 64 KB or less brotli picks its H40
            // hasher, and with mimalloc every compression after the first then committed
            // 36 MB for a moment (a 3 KB document raised the server's peak from 17 to 54 MB;
            // from 17 up, the peak stays under 5 MB).
            let window = crate::web::static_files::window_for(document.len()).max(17);
            let mut w =
                brotli::CompressorWriter::new(&mut brotli, 64 * 1024, BROTLI_QUALITY, window);
            w.write_all(&document)?;
            w.flush()?;
        }
        let mut gzip = flate2::write::GzEncoder::new(
            Vec::with_capacity(document.len() / 6),
            flate2::Compression::default(),
        );
        gzip.write_all(&document)?;
        Ok(Export {
            tag,
            identity: document.into(),
            brotli: brotli.into(),
            gzip: gzip.finish()?.into(),
        })
    }

    fn bytes(&self) -> usize {
        self.identity.len() + self.brotli.len() + self.gzip.len()
    }

    /// The ETag of the document in `coding` (each coding is its own representation).
    fn etag(&self, coding: Coding) -> String {
        match coding.name() {
            Some(name) => format!("\"{}-{name}\"", self.tag),
            None => format!("\"{}\"", self.tag),
        }
    }

    /// The response to `request`, in the best coding it accepts (conditional: `304` when it
    /// holds the document in that coding).
    fn respond(
        &self,
        request: &HeaderMap,
        content_type: &'static str,
        filename: Option<&str>,
    ) -> Response {
        let coding = Coding::negotiate(
            request
                .get(header::ACCEPT_ENCODING)
                .and_then(|v| v.to_str().ok()),
        );
        let body = match coding {
            Coding::Brotli => self.brotli.clone(),
            Coding::Gzip => self.gzip.clone(),
            Coding::Identity => self.identity.clone(),
        };
        let mut response = finish(
            request,
            &self.etag(coding),
            Body::from(body),
            content_type,
            filename,
            true,
        );
        let not_modified = response.status() == StatusCode::NOT_MODIFIED;
        let h = response.headers_mut();
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if let Some(name) = coding.name().filter(|_| !not_modified) {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
        }
        response
    }
}

/// A public export's format: its name in the cache, media type and file name.
struct Format {
    key: &'static str,
    content_type: &'static str,
    filename: Option<&'static str>,
}

const GEOJSON: Format = Format {
    key: "geojson",
    content_type: "application/geo+json",
    filename: None,
};
const CSV: Format = Format {
    key: "csv",
    content_type: "text/csv; charset=utf-8",
    filename: Some("spazi.csv"),
};
const EXCEL_CSV: Format = Format {
    key: "excel",
    content_type: "text/csv; charset=utf-8",
    filename: Some("spazi-excel.csv"),
};

/// A public export for `request`: from the cache when the directory has not changed since it
/// was built, else built (one at a time per `EXPORTS` turn), kept, and sent.
async fn export(
    state: &AppState,
    cache: &ExportCache,
    request: &HeaderMap,
    format: &Format,
    filter: &SpaceFilter,
    build: impl FnOnce(&[SpaceDetail]) -> Result<Vec<u8>, String> + Send + 'static,
) -> Response {
    let Format {
        key: name,
        content_type,
        filename,
    } = *format;
    let version = match state.db.directory_version().await {
        Ok(v) => v,
        Err(err) => return crate::web::respond::unavailable("directory version", &err),
    };
    // Text searches are a long tail, and codes outside the area hold nothing: built for
    // their request only (`SpaceFilter::cacheable`).
    let key = filter
        .cacheable()
        .then(|| format!("{name}?{}", filter.to_query()));
    if let Some(doc) = key.as_deref().and_then(|k| cache.get(version, k)) {
        return doc.respond(request, content_type, filename);
    }
    let turn = EXPORTS.acquire().await.ok();
    // Another request may have built it while this one waited for its turn.
    if let Some(doc) = key.as_deref().and_then(|k| cache.get(version, k)) {
        return doc.respond(request, content_type, filename);
    }
    let spaces = match load(state, filter).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    // Kept: documents of the directory's filters (at most 62 municipality codes × 4 kinds × 3
    // formats) that hold a space — an empty document is cheap to build and not worth keeping.
    let key = key.filter(|_| !spaces.is_empty());
    let Some(key) = key else {
        // For this request only: the document as it is, compressed on the way like any
        // response. The build turn ends once the document is built — a client that reads
        // slowly or not at all holds its own bytes, never another download's turn (and a
        // write that makes no progress is cut off: `listener::WriteTimeout`).
        let built = off_the_workers(name, move || build(&spaces)).await;
        drop(turn);
        return match built {
            Ok(body) => respond(request, body, content_type, filename, true),
            Err(failed) => failed,
        };
    };
    let doc = match off_the_workers(name, move || {
        let document = build(&spaces)?;
        drop(spaces);
        Export::new(document).map_err(|e| e.to_string())
    })
    .await
    {
        Ok(doc) => Arc::new(doc),
        Err(failed) => return failed,
    };
    drop(turn);
    cache.put(version, key, doc.clone(), doc.bytes());
    doc.respond(request, content_type, filename)
}

/// Runs an export's `work` on a blocking thread (building and compressing megabytes is
/// CPU-heavy); a failure is logged and answered `500`.
async fn off_the_workers<T: Send + 'static>(
    format: &str,
    work: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, Response> {
    let done = tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| e.to_string())
        .and_then(|r| r);
    done.map_err(|err| {
        tracing::error!(error = %err, format, "export failed");
        StatusCode::INTERNAL_SERVER_ERROR.into_response()
    })
}

fn filter_of(params: &[(String, String)]) -> SpaceFilter {
    SpaceFilter::from_pairs(params)
}

async fn load(state: &AppState, filter: &SpaceFilter) -> Result<Vec<SpaceDetail>, Response> {
    state
        .db
        .published_details(filter)
        .await
        .map_err(|err| crate::web::respond::unavailable("open data query", &err))
}

pub(crate) async fn geojson(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<ExportCache>>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    export(
        &state,
        &cache,
        &headers,
        &GEOJSON,
        &filter_of(&params),
        |spaces| Ok(geojson_document(spaces, false)),
    )
    .await
}

/// `?formato=excel` gives the flavour spreadsheet programs set to Italian open correctly:
/// `;`-separated, CRLF, UTF-8 with a byte-order mark, and cells that would start a formula
/// defused with a leading `'`. The default is plain RFC 4180 CSV for programs.
pub(crate) async fn csv(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<ExportCache>>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    let excel = params.iter().any(|(k, v)| k == "formato" && v == "excel");
    export(
        &state,
        &cache,
        &headers,
        if excel { &EXCEL_CSV } else { &CSV },
        &filter_of(&params),
        move |spaces| csv_document(spaces, excel, None).map_err(|e| e.to_string()),
    )
    .await
}

/// `GET /api/confini-comunali.txt`: the municipalities' boundaries in `core::geo`'s compact
/// text, for the pin picker's check that a pin lies in its municipality. Built into the binary:
/// the same on every app server, kept a day by browsers.
pub(crate) async fn boundaries(headers: HeaderMap) -> Response {
    // The document never changes while the server runs: its ETag is worked out once.
    static ETAG: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let body = crate::backend::boundaries::document();
    let etag = ETAG.get_or_init(|| format!("\"{}\"", etag_of(body.as_bytes())));
    let mut response = finish(
        &headers,
        etag,
        Body::from(body),
        "text/plain; charset=utf-8",
        None,
        true,
    );
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    response
}

/// The shared response: ETag and conditional 304; for `public` data also cache, licence and
/// open CORS headers (staff exports get none of those and download as attachments).
pub fn respond(
    request: &HeaderMap,
    body: Vec<u8>,
    content_type: &'static str,
    filename: Option<&str>,
    public: bool,
) -> Response {
    let etag = format!("\"{}\"", etag_of(&body));
    finish(
        request,
        &etag,
        Body::from(body),
        content_type,
        filename,
        public,
    )
}

/// A strong validator of `body`: the hex of half its SHA-256.
fn etag_of(body: &[u8]) -> String {
    Sha256::digest(body)[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `respond` for a body whose ETag is known.
fn finish(
    request: &HeaderMap,
    etag: &str,
    body: Body,
    content_type: &'static str,
    filename: Option<&str>,
    public: bool,
) -> Response {
    let not_modified = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .map(|t| t.trim().trim_start_matches("W/"))
                .any(|t| t == "*" || t == etag)
        });
    let mut response = if not_modified {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut r = body.into_response();
        r.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        if let Some(name) = filename {
            let disposition = if public { "inline" } else { "attachment" };
            if let Ok(v) = HeaderValue::from_str(&format!("{disposition}; filename=\"{name}\"")) {
                r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
            }
        }
        r
    };
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(etag) {
        h.insert(header::ETAG, v);
    }
    if !public {
        return response;
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    h.insert(
        header::LINK,
        HeaderValue::from_static("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\""),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_accepted_coding_is_chosen() {
        let best = |header: Option<&str>| Coding::negotiate(header);
        assert_eq!(best(Some("gzip, deflate, br, zstd")), Coding::Brotli);
        assert_eq!(best(Some("gzip, deflate")), Coding::Gzip);
        assert_eq!(best(Some("br;q=0, gzip;q=0.5")), Coding::Gzip);
        assert_eq!(best(Some("BR")), Coding::Brotli);
        assert_eq!(best(Some("br;Q=0, x-gzip")), Coding::Gzip);
        assert_eq!(best(Some("*")), Coding::Brotli);
        assert_eq!(best(Some("*, br;q=0")), Coding::Gzip);
        assert_eq!(best(Some("identity")), Coding::Identity);
        assert_eq!(best(Some("gzip;q=0, br;q=0.0")), Coding::Identity);
        assert_eq!(best(Some("")), Coding::Identity);
        assert_eq!(best(None), Coding::Identity);
    }
}
