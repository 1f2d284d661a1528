//! The municipalities' pages over HTTP: every one of the 55 renders, in both languages, with
//! its spaces, its outline, its upcoming events and the code for its website.

use crate::http::{app, app_at, get};
use crate::support::{on_both_backends, TestDb};
use app::backend::clock::Clock;
use axum::http::StatusCode;

async fn every_municipality_has_its_page(t: &TestDb) {
    let app = app(t).await;
    let all = t.db.all_municipalities().await.unwrap();
    assert_eq!(all.len(), 55);
    let index = get(&app, "/comuni", None).await;
    assert_eq!(index.status, StatusCode::OK);
    let published = t.db.published_spaces(&Default::default()).await.unwrap();
    for m in &all {
        let path = app::core::paths::municipality(&m.name);
        assert!(index.body.contains(&format!("href=\"{path}\"")), "{path}");
        let page = get(&app, &path, None).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let html = page.body.replace("&#x27;", "'").replace("<!>", "");
        assert!(
            html.contains(&format!("<h1>{}</h1>", m.name)),
            "{path}: {}",
            &html[html.find("<main").unwrap_or(0)..][..600]
        );
        // Its outline, drawn on the server, with the boundaries' credit.
        let outline = &html[html.find("<svg").expect("an outline")..];
        assert!(
            outline.contains("outline__shape") && outline.contains(" d=\"M"),
            "{path}: {}",
            &outline[..300]
        );
        assert!(html.contains("ISTAT (CC BY 4.0), via openpolis"), "{path}");
        // Exactly its spaces, each a dot on the outline and a card.
        let spaces: Vec<&str> = published
            .iter()
            .filter(|s| s.municipality_code == m.istat_code)
            .map(|s| s.slug.as_str())
            .collect();
        assert_eq!(
            html.matches("class=\"outline__dot\"").count(),
            spaces.len(),
            "{path}"
        );
        for slug in &spaces {
            assert!(
                html.contains(&format!("/spazi/{slug}?comune={}", m.istat_code)),
                "{path}: {slug}"
            );
        }
        // The code for the municipality's website, filtered for it.
        assert!(
            html.contains(&format!(
                "http://spazi.test/incorporata?comune={}",
                m.istat_code
            )),
            "{path}"
        );
        let en = get(
            &app,
            &format!("/en{}", path.replace("/comuni/", "/municipalities/")),
            None,
        )
        .await;
        assert_eq!(en.status, StatusCode::OK, "{path} in English");
        assert!(en.body.contains("<html lang=\"en\""));
    }
    assert_eq!(
        get(&app, "/comuni/atlantide", None).await.status,
        StatusCode::NOT_FOUND
    );
}
on_both_backends!(every_municipality_has_its_page);

#[tokio::test]
async fn a_municipality_s_page_is_linked_and_lists_its_events() {
    let t = TestDb::sqlite().await;
    let june_first = app::core::datetime::parse_instant("2022-06-01T10:00:00+02:00").unwrap();
    let app = app_at(&t, Clock::fixed(june_first)).await;
    let bologna = get(&app, "/comuni/bologna", None).await;
    assert!(
        bologna.body.contains("href=\"/eventi/lancio-forum-2022\""),
        "the launch, at BIG"
    );
    let pieve = get(&app, "/comuni/pieve-di-cento", None).await;
    assert!(pieve.body.contains("Nessun evento in programma qui"));
    assert!(pieve.body.contains("VZ19") && pieve.body.contains("FabLab Reno"));
    // From the space's page and from the map filtered by it.
    let space = get(&app, "/spazi/vz19", None).await;
    assert!(space.body.contains("href=\"/comuni/pieve-di-cento\""));
    let map = get(&app, "/?comune=037048", None).await;
    assert!(map.body.contains("href=\"/comuni/pieve-di-cento\""));
    let en = get(&app, "/en/?comune=037048", None).await;
    assert!(en
        .body
        .contains("href=\"/en/municipalities/pieve-di-cento\""));
    t.finish().await;
}
