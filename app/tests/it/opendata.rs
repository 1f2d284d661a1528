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
        app::model::OPEN_DATA_FIELDS.len()
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
