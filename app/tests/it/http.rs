//! The whole router in-process (`tower::ServiceExt::oneshot`): pages rendered by the server,
//! statuses, filters from the URL, the language switch.

use crate::support::TestDb;
use app::backend::context::{AppState, Config};
use app::web::router::router;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use leptos::config::LeptosOptions;
use std::sync::Arc;
use tower::ServiceExt;

pub async fn app(t: &TestDb) -> axum::Router {
    app_at(t, app::backend::clock::Clock::system()).await
}

/// The app with its clock set (see `app::backend::clock`).
pub async fn app_at(t: &TestDb, clock: app::backend::clock::Clock) -> axum::Router {
    app_with(
        t,
        clock,
        Config {
            database_url: t.url.clone(),
            tile_url: String::new(),
            tile_attribution: String::new(),
            // Links in e-mails come from here, never from a request's `Host`.
            public_url: "http://spazi.test".into(),
            staff_email: "progimpresa@cittametropolitana.bo.it".into(),
            ..Config::default()
        },
    )
    .await
}

/// The app with its clock and settings (the database seeded first).
pub async fn app_with(
    t: &TestDb,
    clock: app::backend::clock::Clock,
    config: Config,
) -> axum::Router {
    t.db.seed(1_700_000_000).await.unwrap();
    router(AppState {
        leptos_options: LeptosOptions::builder()
            .output_name("spazi")
            .site_root("target/site")
            .build(),
        db: t.db.clone(),
        config: Arc::new(config),
        outbox: Default::default(),
        clock,
    })
}

pub struct Page {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

pub async fn get(app: &axum::Router, uri: &str, cookie: Option<&str>) -> Page {
    let mut req = Request::get(uri);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    let (status, headers, body) = send(app, req.body(Body::empty()).unwrap()).await;
    Page {
        status,
        headers,
        body: String::from_utf8(body).unwrap(),
    }
}

/// `req` through the whole router: the status, the headers and the body as sent (not decoded).
pub async fn send(
    app: &axum::Router,
    req: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let res = app.clone().oneshot(req).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let body = axum::body::to_bytes(res.into_body(), 10 << 20)
        .await
        .unwrap();
    (status, headers, body.to_vec())
}

/// How many cards the list holds.
fn cards(body: &str) -> usize {
    body.matches("class=\"space-card\"").count()
}

#[tokio::test]
async fn home_lists_every_published_space_in_the_html() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let page = get(&app, "/", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<html lang=\"it\""));
    assert!(
        page.body
            .contains("Mappa degli spazi per l&#x27;innovazione")
            || page.body.contains("Mappa degli spazi per l'innovazione")
    );
    assert_eq!(cards(&page.body), 12);
    assert!(page.body.contains("12 spazi trovati"));
    // The map is an island with its markers as props.
    assert!(page.body.contains("<leptos-island"));
    assert!(page.body.contains("data-markers=\"12\""));
    // Positions marked approximate say so.
    assert!(page.body.contains("Posizione approssimativa"));
    t.finish().await;
}

#[tokio::test]
async fn filters_in_the_query_are_rendered_by_the_server() {
    let t = TestDb::postgres().await;
    let app = app(&t).await;
    let fablabs = get(&app, "/?tipo=fablab", None).await;
    assert_eq!(cards(&fablabs.body), 4);
    assert!(fablabs.body.contains("data-markers=\"4\""));
    assert!(fablabs.body.contains("<option value=\"fablab\" selected"));

    let pieve = get(&app, "/?comune=037048&tipo=coworking", None).await;
    assert_eq!(cards(&pieve.body), 1);
    assert!(pieve.body.contains("VZ19"));

    let search = get(&app, "/?q=golinelli", None).await;
    assert_eq!(cards(&search.body), 1);
    assert!(search.body.contains("value=\"golinelli\""));

    // Unknown values are ignored rather than failing the page.
    let junk = get(&app, "/?tipo=bakery&comune=%27--", None).await;
    assert_eq!(junk.status, StatusCode::OK);
    assert_eq!(cards(&junk.body), 12);
    t.finish().await;
}

#[tokio::test]
async fn search_text_is_escaped_when_echoed() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let page = get(&app, "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("<script>alert(1)"));
    assert!(page.body.contains("Nessuno spazio corrisponde"));
    t.finish().await;
}

#[tokio::test]
async fn space_page_has_details_and_sharing_tags() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let page = get(&app, "/spazi/big-boost-innovation-garage", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<h1>BIG – Boost Innovation Garage</h1>"));
    assert!(page.body.contains("Via della Ferriera 4, Bologna"));
    assert!(page.body.contains("Fondazione Carisbo e Techgarage"));
    assert!(page
        .body
        .contains("<title>BIG – Boost Innovation Garage – Spazi per l"));
    assert!(page.body.contains("property=\"og:title\""));
    assert!(page.body.contains("name=\"description\""));
    assert!(page.body.contains("centro del comune"));
    t.finish().await;
}

#[tokio::test]
async fn unknown_space_and_unknown_path_are_404_pages() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    for uri in [
        "/spazi/non-esiste",
        "/spazi/%3Cscript%3E",
        "/nessuna/pagina",
    ] {
        let page = get(&app, uri, None).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(page.body.contains("Pagina non trovata"), "{uri}");
    }
    t.finish().await;
}

#[tokio::test]
async fn each_language_has_its_own_addresses() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let page = get(&app, "/en/", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<html lang=\"en\""));
    assert!(page.body.contains("12 spaces found"));
    // The switch leads to the twin; links stay in English; both addresses are announced.
    let head = &page.body[..page.body.find("</head>").unwrap()];
    assert!(page.body.contains("href=\"/\" hreflang=\"it\""));
    assert!(page.body.contains("href=\"/en/spaces/fa-lab\""));
    assert!(
        head.contains("href=\"http://spazi.test/en/\" hreflang=\"en\""),
        "{head}"
    );
    assert!(head.contains("href=\"http://spazi.test/\" hreflang=\"x-default\""));
    let space = get(&app, "/en/spaces/fa-lab", None).await;
    assert!(space.body.contains("Back to the map"));
    let switch = space.body.split(">Italiano</a>").next().unwrap();
    let switch = switch.rsplit("<a ").next().unwrap();
    assert!(switch.contains("href=\"/spazi/fa-lab\""), "{switch}");
    // The address decides, not the cookie: an Italian link opens in Italian for everyone.
    let italian = get(&app, "/spazi/fa-lab", Some("lang=en")).await;
    assert!(italian.body.contains("<html lang=\"it\""));
    assert!(italian.body.contains("Torna alla mappa"));
    // Nobody can choose it with a header of their own.
    let mut forged = Request::get("/spazi/fa-lab");
    forged = forged.header("x-spazi-lang", "en");
    let (_, _, body) = send(&app, forged.body(Body::empty()).unwrap()).await;
    assert!(String::from_utf8(body)
        .unwrap()
        .contains("<html lang=\"it\""));
    // `/en` alone, and English addresses given out before the twins, lead to them for good.
    for (old, new) in [
        ("/en", "/en/"),
        ("/join", "/en/join"),
        ("/events", "/en/events"),
        ("/events/lancio-forum-2022", "/en/events/lancio-forum-2022"),
        // A slash too many leads to the page.
        ("/eventi/", "/eventi"),
        ("/en//events?x=1", "/en/events?x=1"),
    ] {
        let res = get(&app, old, None).await;
        assert_eq!(res.status, StatusCode::PERMANENT_REDIRECT, "{old}");
        assert_eq!(res.headers[header::LOCATION], new, "{old}");
    }
    // An unknown English address is an English 404 page.
    let missing = get(&app, "/en/nothing-here", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("<html lang=\"en\""));
    let switch = missing.body.split(">Italiano</a>").next().unwrap();
    assert!(switch.rsplit("<a ").next().unwrap().contains("href=\"/\""));
    // The staff area keeps the cookie.
    let sign_in = get(&app, "/admin/accedi", Some("lang=en")).await;
    assert!(sign_in.body.contains("<html lang=\"en\""));

    let switch = get(&app, "/lingua/en?next=/spazi/fa-lab", None).await;
    assert_eq!(switch.status, StatusCode::SEE_OTHER);
    assert_eq!(switch.headers[header::LOCATION], "/en/spaces/fa-lab");
    let cookie = switch.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("lang=en;"));
    assert!(cookie.contains("SameSite=Lax"));

    // Never an open redirect.
    // Browsers drop tabs and newlines and read `\\` as `/`: none of these may leave the site,
    // encoded or not.
    for next in [
        "//evil.example",
        "https://evil.example",
        "/\\evil.example",
        "/%09/evil.example",
        "/%0A/evil.example",
        "/%0D%0A/evil.example",
        "%09//evil.example",
        "/%2F/evil.example",
        "/%252F/evil.example",
        "/%2509/evil.example",
        "/a/..//evil.example",
    ] {
        let uri = format!("/lingua/it?next={}", next.replace('\\', "%5C"));
        let res = get(&app, &uri, None).await;
        assert_eq!(res.headers[header::LOCATION], "/", "{next}");
    }
    assert_eq!(
        get(&app, "/lingua/xx", None).await.status,
        StatusCode::NOT_FOUND
    );
    t.finish().await;
}

/// The names on one page of the list, in order.
fn card_names(body: &str) -> Vec<String> {
    body.split("class=\"space-card__title\"")
        .skip(1)
        .filter_map(|rest| {
            let start = rest.find("\">")? + 2;
            let end = rest[start..].find('<')? + start;
            Some(
                rest[start..end]
                    .replace("&#x27;", "'")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&"),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_large_directory_is_listed_in_pages_and_mapped_from_one_document() {
    for t in [TestDb::sqlite().await, TestDb::postgres().await] {
        let app = app(&t).await;
        let report =
            t.db.generate_synthetic(
                app::backend::db::SyntheticSpec {
                    spaces: 70,
                    events: 3,
                    rsvps: 40,
                    photos: 2,
                },
                1_654_000_000,
            )
            .await
            .unwrap();
        assert_eq!(
            (report.spaces, report.events, report.rsvps, report.photos),
            (70, 3, 40, 2)
        );
        // A second run is refused: generated data is never doubled by mistake.
        assert!(t
            .db
            .generate_synthetic(
                app::backend::db::SyntheticSpec {
                    spaces: 1,
                    events: 0,
                    rsvps: 0,
                    photos: 0,
                },
                1_654_000_000
            )
            .await
            .is_err());
        let markers = get(&app, "/api/spazi/mappa.txt", None).await;
        assert_eq!(markers.status, StatusCode::OK);
        assert_eq!(markers.headers[header::CACHE_CONTROL], "no-cache");
        assert_eq!(
            markers.headers[header::CONTENT_TYPE],
            "text/plain; charset=utf-8"
        );
        assert!(markers
            .body
            .starts_with("spazi-markers/3\tcoworking\tfablab\tincubator-accelerator\n"));
        let decoded = app::ui::islands::map::markers_doc::decode(&markers.body).unwrap();
        let published = decoded.len();
        assert!(published > 60 && published <= 82, "{published}");
        // Grouped by municipality: each named once.
        let headings: Vec<&str> = markers
            .body
            .lines()
            .filter_map(|l| l.strip_prefix('\t'))
            .collect();
        let mut unique = headings.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), headings.len());
        // A slug is sent only when the name does not give it: the slugs derived as the browser
        // derives them are the published ones.
        for line in markers.body.lines().skip(1) {
            if let Some(slug) = line.split('\t').nth(5) {
                let name = line.split('\t').next().unwrap();
                assert_ne!(slug, app::core::text::slugify(name));
            }
        }
        let mut derived: Vec<String> = decoded.into_iter().map(|m| m.slug).collect();
        let mut slugs: Vec<String> =
            t.db.published_markers(&Default::default())
                .await
                .unwrap()
                .into_iter()
                .map(|m| m.slug)
                .collect();
        derived.sort();
        slugs.sort();
        assert_eq!(derived, slugs);

        // 24 to a page, in name order, every published space exactly once over the pages.
        let first = get(&app, "/", None).await;
        assert!(first.body.contains(&format!("{published} spazi trovati")));
        assert!(first
            .body
            .contains(&format!("data-markers=\"{published}\"")));
        // The map asks the islands' start to fetch the markers document (the island reads it).
        assert!(first.body.contains("data-fetch=\"/api/spazi/mappa.txt\""));
        let pages = published.div_ceil(24);
        assert!(first.body.contains(&format!("Pagina 1 di {pages}")));
        let mut names = Vec::new();
        for n in 1..=pages {
            let page = get(&app, &format!("/?pagina={n}"), None).await;
            assert_eq!(page.status, StatusCode::OK);
            let on_page = card_names(&page.body);
            assert_eq!(
                on_page.len(),
                if n < pages {
                    24
                } else {
                    published - 24 * (pages - 1)
                }
            );
            if n > 1 {
                assert!(page.body.contains("rel=\"prev\""));
            }
            names.extend(on_page);
        }
        let mut sorted = names.clone();
        sorted.sort_by_key(|n| app::core::text::search_key(n));
        assert_eq!(names, sorted, "name order across pages");
        sorted.dedup();
        assert_eq!(sorted.len(), published);
        // Past the end: an empty page, not an error.
        let beyond = get(&app, "/?pagina=999", None).await;
        assert_eq!(beyond.status, StatusCode::OK);
        assert_eq!(cards(&beyond.body), 0);

        // The filter applies to the markers and the page links keep it.
        let fablabs = get(&app, "/api/spazi/mappa.txt?tipo=fablab", None).await;
        let fablabs = app::ui::islands::map::markers_doc::decode(&fablabs.body).unwrap();
        assert!(!fablabs.is_empty() && fablabs.len() < published);
        assert!(fablabs
            .iter()
            .all(|m| m.kinds.contains(&app::core::model::SpaceKind::Fablab)));
        // Unchanged data: 304 for the same ETag.
        let etag = markers.headers[header::ETAG].to_str().unwrap().to_owned();
        let res = app
            .clone()
            .oneshot(
                Request::get("/api/spazi/mappa.txt")
                    .header(header::IF_NONE_MATCH, &etag)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
        t.finish().await;
    }
}

/// The nonce of a page's Content-Security-Policy.
fn policy_nonce(page: &Page) -> String {
    page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_directory_is_served_from_memory_until_its_data_changes() {
    for t in [TestDb::sqlite().await, TestDb::postgres().await] {
        let app = app(&t).await;
        // A second app server on the same database, with its own memory.
        let other = app_at(&t, app::backend::clock::Clock::system()).await;
        let cache = |page: &Page| page.headers["x-spazi-cache"].to_str().unwrap().to_owned();
        let first = get(&app, "/", None).await;
        assert_eq!(cache(&first), "miss");
        let again = get(&app, "/", None).await;
        assert_eq!(cache(&again), "hit");
        assert_eq!(
            get(&other, "/", None).await.headers["x-spazi-cache"],
            "miss"
        );
        // Each answer carries its own nonce, on its policy and its scripts alike.
        let (n1, n2) = (policy_nonce(&first), policy_nonce(&again));
        assert_ne!(n1, n2);
        assert!(again.body.contains(&format!("nonce=\"{n2}\"")));
        assert!(!again.body.contains(&n1));
        assert_eq!(again.body.replace(&n2, &n1), first.body);
        // Languages and filters are kept apart; searches and odd queries are never kept.
        let en = get(&app, "/en/", None).await;
        assert_eq!(cache(&en), "miss");
        assert!(en.body.contains("<html lang=\"en\""));
        assert_eq!(cache(&get(&app, "/en/", None).await), "hit");
        assert_eq!(cache(&get(&app, "/?tipo=fablab", None).await), "miss");
        assert_eq!(cache(&get(&app, "/?tipo=fablab", None).await), "hit");
        assert!(!get(&app, "/?q=lab", None)
            .await
            .headers
            .contains_key("x-spazi-cache"));
        assert!(!get(&app, "/?x=1", None)
            .await
            .headers
            .contains_key("x-spazi-cache"));

        // A staff member unpublishes a space through the other server: both show the change.
        let name = card_names(&first.body).remove(0);
        let staff =
            crate::staff::create(&t, "cache@example.org", app::core::model::Role::Editor).await;
        let (id, _) =
            t.db.staff_spaces(None, Some(&name), (false, false), None)
                .await
                .unwrap()
                .into_iter()
                .map(|row| (row.id, row.name))
                .find(|(_, n)| *n == name)
                .unwrap();
        assert!(matches!(
            t.db.set_space_status(
                id,
                app::core::model::SpaceStatus::Archived,
                1,
                (staff, "test"),
                1_700_000_100
            )
            .await
            .unwrap(),
            app::backend::db::Saved::Done { version: 2 }
        ));
        for server in [&app, &other] {
            let after = get(server, "/", None).await;
            assert_eq!(cache(&after), "miss");
            assert!(!card_names(&after.body).contains(&name));
            assert_eq!(cache(&get(server, "/", None).await), "hit");
        }
        t.finish().await;
    }
}

/// A page is sent the WASM bundle only when it has islands, and Leaflet only when it has a
/// map (`app::ui::islands::page_assets`): the events list and the open data page are plain HTML.
#[tokio::test]
async fn pages_load_the_bundle_and_leaflet_only_when_they_use_them() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    for (uri, islands, map) in [
        ("/", true, true),
        ("/aderisci", true, true),
        // Past by this clock (no form), and its venue's position is approximate (no map, see
        // `EventView::lat`): plain HTML.
        ("/eventi/lancio-forum-2022", false, false),
        ("/eventi", false, false),
        ("/dati-aperti", false, false),
        ("/privacy", false, false),
    ] {
        let page = get(&app, uri, None).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        let body = &page.body;
        // (`spazi_bg.wasm` when built without cargo-leptos, as here)
        assert_eq!(body.contains(".wasm\""), islands, "{uri}: the bundle");
        assert_eq!(
            body.contains("<script type=\"module\""),
            islands,
            "{uri}: the islands' start"
        );
        assert_eq!(body.contains("data-leaflet"), map, "{uri}: a map");
        // Nothing of the islands is asked for before the first paint: no preload, no
        // Leaflet in the head, where it would compete with the page's own styles and fonts.
        let head = &body[..body.find("</head>").unwrap()];
        for early in [
            "leaflet",
            ".wasm",
            "/pkg/spazi.js",
            "modulepreload",
            "as=\"fetch\"",
        ] {
            assert!(!head.contains(early), "{uri}: {early} in the head");
        }
        if islands {
            // The start names the bundle and Leaflet and carries the response's nonce.
            let module = body.find("<script type=\"module\"").unwrap();
            let nonce = policy_nonce(&page);
            assert!(
                body[module..].starts_with(&format!("<script type=\"module\" nonce=\"{nonce}\"")),
                "{uri}: {}",
                &body[module..module + 80]
            );
            let script = &body[module..module + body[module..].find("</script>").unwrap()];
            assert!(script.contains("\"/vendor/leaflet/leaflet.js\""), "{uri}");
            assert!(script.contains("import(JS)"), "{uri}");
            assert!(
                !script.contains("//"),
                "{uri}: the script's comments are left out"
            );
        }
    }
    t.finish().await;
}

/// The privacy notice names the retention period and the data protection officer from the
/// settings (issue 26): what an administration owes, kept true when the settings change.
#[tokio::test]
async fn the_privacy_notice_says_the_settings() {
    let t = TestDb::sqlite().await;
    let config = |retention_days, dpo_contact: &str| Config {
        database_url: t.url.clone(),
        public_url: "http://spazi.test".into(),
        retention_days,
        dpo_contact: dpo_contact.into(),
        ..Config::default()
    };
    let clock = app::backend::clock::Clock::system();
    let app = app_with(&t, clock, config(400, "dpo@cittametropolitana.bo.it")).await;
    let page = get(&app, "/privacy", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("400 giorni dopo la fine dell"),
        "the retention period"
    );
    assert!(page
        .body
        .contains("(DPO) della Città metropolitana di Bologna: dpo@cittametropolitana.bo.it"));
    let unset = app_with(&t, clock, config(365, " ")).await;
    let page = get(&unset, "/privacy", None).await;
    assert!(page.body.contains("365 giorni"));
    assert!(page.body.contains("si può contattare tramite il titolare"));
}
