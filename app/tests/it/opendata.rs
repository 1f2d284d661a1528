//! The open-data endpoints, parsed back: GeoJSON and both CSV flavours, filters, ETags.

use crate::http::{app, get};
use crate::support::TestDb;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use tower::ServiceExt;

#[tokio::test]
async fn geojson_has_every_published_space_with_licence() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let res = get(&app, "/api/spazi.geojson", None).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.headers[header::CONTENT_TYPE], "application/geo+json");
    assert_eq!(res.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    assert!(res.headers[header::LINK]
        .to_str()
        .unwrap()
        .contains("licenses/by/4.0"));
    let doc: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(doc["type"], "FeatureCollection");
    assert_eq!(doc["license"]["name"], "CC BY 4.0");
    let features = doc["features"].as_array().unwrap();
    assert_eq!(features.len(), 12);
    let big = features
        .iter()
        .find(|f| f["properties"]["slug"] == "big-boost-innovation-garage")
        .unwrap();
    // GeoJSON order: longitude, latitude.
    assert_eq!(big["geometry"]["coordinates"][0], 11.343031);
    assert_eq!(big["geometry"]["coordinates"][1], 44.493758);
    assert_eq!(
        big["properties"]["kinds"],
        serde_json::json!(["coworking", "incubator-accelerator"])
    );
    assert_eq!(big["properties"]["position_precision"], "municipality");
    assert_eq!(big["properties"]["website"], serde_json::Value::Null);
    t.finish().await;
}

#[tokio::test]
async fn the_map_filters_apply_to_the_exports() {
    let t = TestDb::postgres().await;
    let app = app(&t).await;
    let res = get(&app, "/api/spazi.geojson?tipo=fablab&comune=037048", None).await;
    let doc: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    let names: Vec<&str> = doc["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["FabLab Reno"]);

    let res = get(&app, "/api/spazi.csv?q=golinelli", None).await;
    let mut reader = csv::Reader::from_reader(res.body.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][1], "Opificio Golinelli – G-Factor");
    t.finish().await;
}

#[tokio::test]
async fn csv_parses_back_and_the_excel_flavour_suits_italian_spreadsheets() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let plain = get(&app, "/api/spazi.csv", None).await;
    assert_eq!(
        plain.headers[header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    assert!(plain.body.starts_with("slug,name,kinds,"));
    let mut reader = csv::Reader::from_reader(plain.body.as_bytes());
    assert_eq!(
        reader.headers().unwrap().len(),
        app::core::model::OPEN_DATA_FIELDS.len()
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 12);
    let big = rows
        .iter()
        .find(|r| &r[0] == "big-boost-innovation-garage")
        .unwrap();
    assert_eq!(&big[2], "coworking;incubator-accelerator");
    assert_eq!(&big[7], "44.493758");

    let excel = get(&app, "/api/spazi.csv?formato=excel", None).await;
    assert!(excel.body.starts_with("\u{feff}slug;name;kinds;"));
    assert!(excel.body.contains("\r\n"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(excel.body.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 12);
    assert!(rows.iter().any(|r| &r[5] == "Castel Maggiore"));
    t.finish().await;
}

#[tokio::test]
async fn etag_answers_not_modified_until_the_data_changes() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let first = get(&app, "/api/spazi.geojson", None).await;
    let etag = first.headers[header::ETAG].to_str().unwrap().to_owned();
    assert!(etag.starts_with('"') && etag.ends_with('"'));
    assert_eq!(first.headers[header::CACHE_CONTROL], "public, max-age=300");

    let conditional = |etag: String| {
        Request::get("/api/spazi.geojson")
            .header(header::IF_NONE_MATCH, etag)
            .body(Body::empty())
            .unwrap()
    };
    let res = app
        .clone()
        .oneshot(conditional(etag.clone()))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(res.headers()[header::ETAG], etag.as_str());

    // Unpublishing a space changes the data, so the old ETag no longer matches.
    sqlx::query("UPDATE spaces SET status = 'archived' WHERE slug = 'dumbo'")
        .execute(t.db.pool())
        .await
        .unwrap();
    let res = app
        .clone()
        .oneshot(conditional(etag.clone()))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_ne!(res.headers()[header::ETAG], etag.as_str());
    t.finish().await;
}

/// `uri` with `Accept-Encoding: accept` (and `If-None-Match` when given), its body undecoded.
async fn fetch(
    app: &axum::Router,
    uri: &str,
    accept: &str,
    etag: Option<&str>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut req = Request::get(uri).header(header::ACCEPT_ENCODING, accept);
    if let Some(etag) = etag {
        req = req.header(header::IF_NONE_MATCH, etag);
    }
    crate::http::send(app, req.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn exports_are_kept_compressed_until_the_data_changes() {
    use std::io::Read;
    for t in [TestDb::sqlite().await, TestDb::postgres().await] {
        let app = app(&t).await;
        // A second app server on the same database, with its own memory.
        let other = crate::http::app(&t).await;
        let plain = get(&app, "/api/spazi.geojson", None).await;
        assert!(!plain.headers.contains_key(header::CONTENT_ENCODING));
        let tag = plain.headers[header::ETAG].to_str().unwrap().to_owned();

        // Chromium's Accept-Encoding: brotli, its own ETag, the same document.
        let (status, headers, body) =
            fetch(&app, "/api/spazi.geojson", "gzip, deflate, br, zstd", None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_ENCODING], "br");
        assert_eq!(headers[header::VARY], "accept-encoding");
        assert_eq!(headers[header::CONTENT_TYPE], "application/geo+json");
        let br_tag = headers[header::ETAG].to_str().unwrap().to_owned();
        assert_eq!(br_tag, format!("{}-br\"", tag.trim_end_matches('"')));
        let mut decoded = String::new();
        brotli::Decompressor::new(&body[..], 4096)
            .read_to_string(&mut decoded)
            .unwrap();
        assert_eq!(decoded, plain.body);

        // No brotli wanted: gzip; nothing compressed wanted: the document itself.
        let (_, headers, body) = fetch(&app, "/api/spazi.csv", "gzip;q=1.0, br;q=0", None).await;
        assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
        assert_eq!(
            headers[header::CONTENT_DISPOSITION],
            "inline; filename=\"spazi.csv\""
        );
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(&body[..])
            .read_to_string(&mut decoded)
            .unwrap();
        assert_eq!(decoded, get(&app, "/api/spazi.csv", None).await.body);
        let (_, headers, _) = fetch(&app, "/api/spazi.csv", "identity", None).await;
        assert!(!headers.contains_key(header::CONTENT_ENCODING));

        // Conditional requests, from either server: 304 for the representation held (and no
        // coding on the empty answer); another coding is another representation.
        for server in [&app, &other] {
            let (status, headers, body) =
                fetch(server, "/api/spazi.geojson", "br", Some(&br_tag)).await;
            assert_eq!(status, StatusCode::NOT_MODIFIED);
            assert!(body.is_empty());
            assert_eq!(headers[header::ETAG].to_str().unwrap(), br_tag);
            assert!(!headers.contains_key(header::CONTENT_ENCODING));
            let (status, headers, _) =
                fetch(server, "/api/spazi.geojson", "gzip", Some(&br_tag)).await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
            assert_eq!(
                headers[header::ETAG].to_str().unwrap(),
                format!("{}-gzip\"", tag.trim_end_matches('"'))
            );
        }

        // A search's export is built for its request (compressed on the way, same document),
        // as is an empty one.
        let (_, headers, body) = fetch(&app, "/api/spazi.geojson?q=lab", "br", None).await;
        assert_eq!(headers[header::CONTENT_ENCODING], "br");
        let mut decoded = String::new();
        brotli::Decompressor::new(&body[..], 4096)
            .read_to_string(&mut decoded)
            .unwrap();
        assert_eq!(
            decoded,
            get(&app, "/api/spazi.geojson?q=lab", None).await.body
        );
        let empty = get(&app, "/api/spazi.geojson?comune=999999", None).await;
        assert_eq!(empty.status, StatusCode::OK);
        assert!(empty.body.contains("\"features\":[]"));

        // An organisation renamed shows in the exports of both servers at once, though no
        // space changed: its change raises the directory's data version too.
        sqlx::query(
            "UPDATE organisations SET name = 'Organizzazione rinominata' WHERE id = \
             (SELECT MIN(organisation_id) FROM spaces WHERE status = 'published')",
        )
        .execute(t.db.pool())
        .await
        .unwrap();
        for server in [&app, &other] {
            let (status, headers, body) =
                fetch(server, "/api/spazi.geojson", "br", Some(&br_tag)).await;
            assert_eq!(status, StatusCode::OK);
            assert_ne!(headers[header::ETAG].to_str().unwrap(), br_tag);
            let mut decoded = String::new();
            brotli::Decompressor::new(&body[..], 4096)
                .read_to_string(&mut decoded)
                .unwrap();
            assert!(decoded.contains("Organizzazione rinominata"));
        }
        t.finish().await;
    }
}

/// Clients that never read their search exports hold no build turn: the next downloads are
/// built at once (before, two unread bodies stalled every export not in the cache).
#[tokio::test]
async fn unread_exports_hold_no_build_turn() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let mut unread = Vec::new();
    for q in ["lab", "cowork", "dumbo", "nessuno", "bologna"] {
        let req = axum::http::Request::get(format!("/api/spazi.geojson?q={q}"))
            .body(axum::body::Body::empty())
            .unwrap();
        let res =
            tokio::time::timeout(std::time::Duration::from_secs(30), app.clone().oneshot(req))
                .await
                .expect("an export waited for a turn held by an unread body")
                .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        unread.push(res);
    }
    assert_eq!(unread.len(), 5);
    t.finish().await;
}

/// The map's markers document is written once per directory data version (a `304` costs no
/// query, encoding or hash), and a change to the directory shows at once.
#[tokio::test]
async fn markers_are_kept_per_data_version() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let first = get(&app, "/api/spazi/mappa.txt", None).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.headers["x-spazi-cache"], "miss");
    let etag = first.headers[header::ETAG].to_str().unwrap().to_owned();
    let again = get(&app, "/api/spazi/mappa.txt", None).await;
    assert_eq!(again.headers["x-spazi-cache"], "hit");
    assert_eq!(again.body, first.body);
    let req = Request::get("/api/spazi/mappa.txt")
        .header(header::IF_NONE_MATCH, &etag)
        .body(Body::empty())
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(res.headers()["x-spazi-cache"], "hit");
    // Searches are written for their request only.
    let search = get(&app, "/api/spazi/mappa.txt?q=dumbo", None).await;
    assert_eq!(search.headers["x-spazi-cache"], "miss");
    assert_eq!(
        get(&app, "/api/spazi/mappa.txt?q=dumbo", None)
            .await
            .headers["x-spazi-cache"],
        "miss"
    );
    // A published space renamed: a new document.
    sqlx::query("UPDATE spaces SET name = 'DumBO rinnovato' WHERE slug = 'dumbo'")
        .execute(t.db.pool())
        .await
        .unwrap();
    let changed = get(&app, "/api/spazi/mappa.txt", None).await;
    assert_eq!(changed.headers["x-spazi-cache"], "miss");
    assert_ne!(changed.headers[header::ETAG], etag.as_str());
    assert!(changed.body.contains("DumBO rinnovato"));
    t.finish().await;
}
