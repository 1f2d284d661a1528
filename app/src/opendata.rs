//! Open data: the published spaces as GeoJSON and CSV, under CC BY 4.0, with the filters of the
//! map page as query parameters (`tipo`, `comune`, `q`), so "export what I filtered" works.
//! Responses carry a strong ETag (a hash of the body: the same on every app server) and are
//! cacheable for five minutes; a matching `If-None-Match` gets `304 Not Modified`.

use crate::filter::SpaceFilter;
use crate::model::SpaceDetail;
use crate::server::AppState;
use crate::text::iso_date;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

pub const LICENSE_NAME: &str = "CC BY 4.0";
pub const LICENSE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";
pub const ATTRIBUTION: &str =
    "Città metropolitana di Bologna – Forum metropolitano degli spazi per l'innovazione";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/spazi.geojson", get(geojson))
        .route("/api/spazi.csv", get(csv))
        .route(crate::map::MARKERS_PATH, get(markers))
}

/// `GET /api/spazi/mappa.json`: what the map page's island needs of each published space
/// matching the filter, as compactly as JSON allows (thousands of spaces stay small):
/// `{"kinds": [codes], "municipalities": [names], "spaces": [[name, municipality index, lat,
/// lon, kind bits, approximate 0/1, slug], ...]}`, where bit *i* of the kind bits is `kinds[i]`
/// and the slug is left out when it is `text::slugify(name)` (nearly always: the browser derives
/// it with the same function). Rows come grouped by municipality, which compresses best.
/// Revalidated on every use (`no-cache` and the ETag), so an edit shows at once.
async fn markers(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    let markers = match state.db.published_markers(&filter_of(&params)).await {
        Ok(m) => m,
        Err(err) => return crate::admin::unavailable("markers query", &err),
    };
    let body = serde_json::to_vec(&markers_document(markers)).unwrap_or_default();
    let mut response = respond(&headers, body, "application/json", None, true);
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// The document of `markers` (see there); coordinates to 5 decimals (about a metre).
pub fn markers_document(mut markers: Vec<crate::model::MapMarker>) -> Value {
    let round = |x: f64| (x * 1e5).round() / 1e5;
    let kinds: Vec<&str> = crate::model::SpaceKind::ALL
        .iter()
        .map(|k| k.code())
        .collect();
    markers.sort_by(|a, b| (&a.municipality, &a.name).cmp(&(&b.municipality, &b.name)));
    let mut municipalities: Vec<&str> = Vec::new();
    let spaces: Vec<Value> = markers
        .iter()
        .map(|m| {
            if municipalities.last() != Some(&m.municipality.as_str()) {
                municipalities.push(&m.municipality);
            }
            let bits: u32 = crate::model::SpaceKind::ALL
                .iter()
                .enumerate()
                .filter(|(_, k)| m.kinds.contains(k))
                .map(|(i, _)| 1 << i)
                .sum();
            let mut row = vec![
                json!(m.name),
                json!(municipalities.len() - 1),
                json!(round(m.lat)),
                json!(round(m.lon)),
                json!(bits),
                json!(u8::from(m.approximate)),
            ];
            if m.slug != crate::text::slugify(&m.name) {
                row.push(json!(m.slug));
            }
            Value::Array(row)
        })
        .collect();
    json!({ "kinds": kinds, "municipalities": municipalities, "spaces": spaces })
}

type Params = Query<HashMap<String, String>>;

/// Whole-directory exports built and sent at once by this process. Each holds the document of
/// every matching space in memory (megabytes with thousands of spaces) from the query until
/// its last byte is sent (compressed on the way), so a burst of downloads waits its turn here
/// instead of multiplying the server's memory.
static EXPORTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// A response body that keeps its export's turn (`EXPORTS`) until it is sent or dropped.
struct TurnBody {
    inner: axum::body::Body,
    _turn: Option<tokio::sync::SemaphorePermit<'static>>,
}

impl http_body::Body for TurnBody {
    type Data = axum::body::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        std::pin::Pin::new(&mut self.get_mut().inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// `response` with its body holding `turn` until sent.
fn keeping_turn(
    response: Response,
    turn: Option<tokio::sync::SemaphorePermit<'static>>,
) -> Response {
    let (parts, body) = response.into_parts();
    Response::from_parts(
        parts,
        axum::body::Body::new(TurnBody {
            inner: body,
            _turn: turn,
        }),
    )
}

fn filter_of(params: &HashMap<String, String>) -> SpaceFilter {
    SpaceFilter::from_params(|k| params.get(k).map(String::as_str))
}

async fn load(state: &AppState, filter: &SpaceFilter) -> Result<Vec<SpaceDetail>, Response> {
    state
        .db
        .published_details(filter)
        .await
        .map_err(|err| crate::admin::unavailable("open data query", &err))
}

async fn geojson(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    let turn = EXPORTS.acquire().await.ok();
    let spaces = match load(&state, &filter_of(&params)).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let body = serde_json::to_vec(&geojson_document(&spaces, false)).unwrap_or_default();
    drop(spaces);
    keeping_turn(
        respond(&headers, body, "application/geo+json", None, true),
        turn,
    )
}

/// The FeatureCollection: one Point feature per space, `[lon, lat]` as GeoJSON wants; with
/// `with_status` (staff exports) each feature also says its review status.
pub fn geojson_document(spaces: &[SpaceDetail], with_status: bool) -> Value {
    let features: Vec<Value> = spaces
        .iter()
        .map(|d| {
            let s = &d.summary;
            let mut feature = json!({
                "type": "Feature",
                "id": s.slug,
                "geometry": { "type": "Point", "coordinates": [s.lon, s.lat] },
                "properties": {
                    "slug": s.slug,
                    "name": s.name,
                    "kinds": s.kinds.iter().map(|k| k.code()).collect::<Vec<_>>(),
                    "description": s.description,
                    "address": s.address,
                    "municipality": s.municipality,
                    "municipality_istat": s.municipality_code,
                    "position_precision": s.precision.code(),
                    "organisation": d.organisation.as_ref().map(|o| &o.name),
                    "organisation_kind": d.organisation.as_ref().and_then(|o| o.kind).map(|k| k.code()),
                    "website": d.website,
                    "email": d.email,
                    "phone": d.phone,
                    "source": d.source,
                    "page": format!("/spazi/{}", s.slug),
                    "updated": iso_date(d.updated_at),
                }
            });
            if with_status {
                feature["properties"]["status"] = json!(d.status.code());
            }
            feature
        })
        .collect();
    json!({
        "type": "FeatureCollection",
        "license": { "name": LICENSE_NAME, "url": LICENSE_URL },
        "attribution": ATTRIBUTION,
        "features": features,
    })
}

/// `?formato=excel` gives the flavour spreadsheet programs set to Italian open correctly:
/// `;`-separated, CRLF, UTF-8 with a byte-order mark, and cells that would start a formula
/// defused with a leading `'`. The default is plain RFC 4180 CSV for programs.
async fn csv(State(state): State<AppState>, Query(params): Params, headers: HeaderMap) -> Response {
    let excel = params.get("formato").map(String::as_str) == Some("excel");
    let turn = EXPORTS.acquire().await.ok();
    let spaces = match load(&state, &filter_of(&params)).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let body = match csv_document(&spaces, excel, false) {
        Ok(b) => b,
        Err(err) => {
            tracing::error!(error = %err, "CSV export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    drop(spaces);
    keeping_turn(
        respond(
            &headers,
            body,
            "text/csv; charset=utf-8",
            Some(if excel {
                "spazi-excel.csv"
            } else {
                "spazi.csv"
            }),
            true,
        ),
        turn,
    )
}

/// The CSV of `spaces` (see `csv`); `with_status` (staff exports) adds a first `status` column.
pub fn csv_document(
    spaces: &[SpaceDetail],
    excel: bool,
    with_status: bool,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    if excel {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(if excel { b';' } else { b',' })
            .terminator(if excel {
                csv::Terminator::CRLF
            } else {
                csv::Terminator::Any(b'\n')
            })
            .from_writer(&mut out);
        let status_column = with_status.then_some("status");
        w.write_record(
            status_column
                .into_iter()
                .chain(crate::model::OPEN_DATA_FIELDS),
        )?;
        for d in spaces {
            let s = &d.summary;
            let kinds: Vec<&str> = s.kinds.iter().map(|k| k.code()).collect();
            let cell = |v: Option<&str>| -> String {
                let v = v.unwrap_or_default();
                if excel {
                    defuse_formula(v)
                } else {
                    v.to_owned()
                }
            };
            let status = with_status.then(|| d.status.code().to_owned());
            w.write_record(
                status.into_iter().chain([
                    cell(Some(&s.slug)),
                    cell(Some(&s.name)),
                    kinds.join(";"),
                    cell(s.description.as_deref()),
                    cell(s.address.as_deref()),
                    cell(Some(&s.municipality)),
                    s.municipality_code.clone(),
                    s.lat.to_string(),
                    s.lon.to_string(),
                    s.precision.code().to_owned(),
                    cell(d.organisation.as_ref().map(|o| o.name.as_str())),
                    d.organisation
                        .as_ref()
                        .and_then(|o| o.kind)
                        .map(|k| k.code().to_owned())
                        .unwrap_or_default(),
                    cell(d.website.as_deref()),
                    cell(d.email.as_deref()),
                    cell(d.phone.as_deref()),
                    cell(d.source.as_deref()),
                    format!("/spazi/{}", s.slug),
                    iso_date(d.updated_at),
                ]),
            )?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// A CSV document for Excel in Italy: UTF-8 with a BOM (so accents open right), semicolons,
/// CRLF. Cells are written as given: defuse user text with [`defuse_formula`] first.
pub fn excel_csv<R: IntoIterator<Item = String>>(
    header: &[&str],
    records: impl IntoIterator<Item = R>,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(header)?;
        for record in records {
            w.write_record(record)?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
/// apostrophe (OWASP's advice against CSV injection).
pub fn defuse_formula(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    }
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
    let digest = Sha256::digest(&body);
    let etag = format!(
        "\"{}\"",
        digest[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    let not_modified = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .map(|t| t.trim().trim_start_matches("W/"))
                .any(|t| t == etag || t == "*")
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
    if let Ok(v) = HeaderValue::from_str(&etag) {
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
    fn formulas_are_defused() {
        assert_eq!(defuse_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse_formula("+39 051 123"), "'+39 051 123");
        assert_eq!(defuse_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse_formula("Città"), "Città");
        assert_eq!(defuse_formula(""), "");
    }

    #[test]
    fn the_markers_document_indexes_municipalities_and_leaves_out_derivable_slugs() {
        use crate::model::{MapMarker, SpaceKind};
        let marker =
            |slug: &str, name: &str, municipality: &str, kinds: Vec<SpaceKind>| MapMarker {
                slug: slug.into(),
                name: name.into(),
                kinds,
                municipality: municipality.into(),
                lat: 44.494_936_1,
                lon: 11.342_614_9,
                approximate: false,
            };
        let doc = markers_document(vec![
            marker("fa-lab", "Fa-Lab", "Bologna", vec![SpaceKind::Fablab]),
            marker("fa-lab-2", "Fa-Lab", "Imola", vec![SpaceKind::Coworking]),
            marker(
                "almalabor",
                "AlmaLabor",
                "Bologna",
                vec![SpaceKind::Coworking, SpaceKind::Fablab],
            ),
        ]);
        assert_eq!(doc["municipalities"], json!(["Bologna", "Imola"]));
        // Grouped by municipality, then by name; the second Fa-Lab keeps its own slug.
        assert_eq!(
            doc["spaces"],
            json!([
                ["AlmaLabor", 0, 44.49494, 11.34261, 0b011, 0],
                ["Fa-Lab", 0, 44.49494, 11.34261, 0b010, 0],
                ["Fa-Lab", 1, 44.49494, 11.34261, 0b001, 0, "fa-lab-2"],
            ])
        );
    }
}
