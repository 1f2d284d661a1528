//! The map and the events for other sites, over HTTP: only the embedded pages may be framed,
//! they set no cookie and open their links in new tabs; the builder's choices make the code;
//! filters of several kinds and municipalities.

use crate::http::{app, app_at, app_with, get, Page};
use crate::support::{on_both_backends, TestDb};
use app::backend::clock::Clock;
use app::backend::context::Config;
use axum::http::{header, StatusCode};

fn policy(page: &Page) -> &str {
    page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
}

/// The names an embedded map lists.
fn listed(body: &str) -> Vec<String> {
    body.split("class=\"embed-list__name\"")
        .skip(1)
        .filter_map(|rest| {
            let start = rest.find('>')? + 1;
            let end = rest[start..].find('<')? + start;
            Some(
                rest[start..end]
                    .replace("&#x27;", "'")
                    .replace("&amp;", "&"),
            )
        })
        .collect()
}

async fn only_the_embedded_pages_may_be_framed(t: &TestDb) {
    let app = app(t).await;
    for path in [
        "/incorporata",
        "/en/embedded",
        "/incorporata/eventi",
        "/en/embedded/events",
    ] {
        let page = get(&app, path, None).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(
            policy(&page).ends_with("frame-ancestors *"),
            "{path}: {}",
            policy(&page)
        );
        assert!(
            !page.headers.contains_key(header::X_FRAME_OPTIONS),
            "{path}"
        );
        // Nothing a municipality would need a cookie banner for.
        assert!(!page.headers.contains_key(header::SET_COOKIE), "{path}");
        assert!(!page.body.contains("localStorage"), "{path}");
        // Links open a new tab, not inside the frame; no site header; the credit.
        assert!(page.body.contains("<base target=\"_blank\""), "{path}");
        assert!(!page.body.contains("site-header"), "{path}");
        assert!(page.body.contains("class=\"embed__footer\""), "{path}");
        assert!(
            page.body.contains("name=\"robots\" content=\"noindex\""),
            "{path}"
        );
    }
    // Every other page keeps refusing to be framed, the builder included.
    for path in [
        "/",
        "/en/",
        "/incorpora",
        "/en/embed",
        "/eventi",
        "/dati-aperti",
        "/admin/accedi",
        "/spazi/vz19",
        "/nowhere",
    ] {
        let page = get(&app, path, None).await;
        assert_eq!(page.headers[header::X_FRAME_OPTIONS], "DENY", "{path}");
        assert!(policy(&page).contains("frame-ancestors 'none'"), "{path}");
        assert!(!page.body.contains("<base"), "{path}");
    }
    // The files the framed page loads may not be framed either.
    let css = get(&app, "/api/spazi/mappa.txt", None).await;
    assert_eq!(css.headers[header::X_FRAME_OPTIONS], "DENY");
}
on_both_backends!(only_the_embedded_pages_may_be_framed);

#[tokio::test]
async fn the_sites_allowed_to_frame_are_a_setting() {
    let t = TestDb::sqlite().await;
    let app = app_with(
        &t,
        Clock::system(),
        Config {
            database_url: t.url.clone(),
            public_url: "http://spazi.test".into(),
            embed_origins: vec!["https://www.comune.bologna.it".into()],
            ..Config::default()
        },
    )
    .await;
    let page = get(&app, "/incorporata", None).await;
    assert!(policy(&page).ends_with("frame-ancestors 'self' https://www.comune.bologna.it"));
    assert_eq!(
        get(&app, "/", None).await.headers[header::X_FRAME_OPTIONS],
        "DENY"
    );
    t.finish().await;
}

async fn the_embedded_map_shows_its_filter(t: &TestDb) {
    let app = app(t).await;
    let all = get(&app, "/incorporata", None).await;
    let everything = listed(&all.body);
    let published = t.db.published_spaces(&Default::default()).await.unwrap();
    assert_eq!(everything.len(), published.len());
    // The map and its list, the markers document of the same filter.
    let page = get(&app, "/incorporata?tipo=fablab&comune=037048", None).await;
    assert_eq!(listed(&page.body), vec!["FabLab Reno"]);
    assert!(page
        .body
        .contains("data-fetch=\"/api/spazi/mappa.txt?tipo=fablab&amp;comune=037048\""));
    assert!(page
        .body
        .contains("href=\"/spazi/fablab-reno?tipo=fablab&amp;comune=037048\""));
    assert!(
        page.body
            .contains("href=\"/?tipo=fablab&amp;comune=037048\""),
        "the full map"
    );
    assert!(!page.body.contains("embed__list--optional"));
    // Several municipalities and kinds: any of them.
    let union = get(
        &app,
        "/incorporata?tipo=coworking,fablab&comune=037048,037006",
        None,
    )
    .await;
    let names = listed(&union.body);
    assert!(names.contains(&"FabLab Reno".to_owned()) && names.contains(&"VZ19".to_owned()));
    assert!(
        names.len() > 2 && names.len() < everything.len(),
        "{names:?}"
    );
    let markers = get(
        &app,
        "/api/spazi/mappa.txt?tipo=coworking,fablab&comune=037048,037006",
        None,
    )
    .await;
    assert_eq!(markers.status, StatusCode::OK);
    // Rows: not the format's line, not the municipalities' (they start with a tab).
    let rows = markers
        .body
        .lines()
        .skip(1)
        .filter(|l| !l.is_empty() && !l.starts_with('\t'));
    assert_eq!(rows.count(), names.len(), "{}", markers.body);
    // Without the list chosen it is still in the page, for browsers without JavaScript.
    let no_list = get(&app, "/incorporata?comune=037048&elenco=0", None).await;
    assert!(no_list.body.contains("embed__list--optional"));
    assert_eq!(listed(&no_list.body).len(), 2);
    // A filter that matches nothing says so; made-up values are dropped.
    let none = get(&app, "/incorporata?comune=037999", None).await;
    assert_eq!(none.status, StatusCode::OK);
    assert!(none.body.contains("embed__empty"));
    // In words for a visitor of another site, who chose no filter.
    assert!(
        none.body.contains("Qui non ci sono ancora spazi"),
        "{}",
        none.body
    );
    assert!(!none.body.contains("azzerarli"));
    let odd = get(
        &app,
        "/incorporata?tipo=%22%3E%3Cscript%3E&comune=x%27",
        None,
    )
    .await;
    assert_eq!(listed(&odd.body), everything);
    assert!(!odd.body.contains("<script>"));
    // In English at its English address.
    let en = get(&app, "/en/embedded?comune=037048", None).await;
    assert!(en.body.contains("<html lang=\"en\""));
    assert!(en
        .body
        .contains("href=\"/en/spaces/fablab-reno?comune=037048\""));
    // Kept in memory like the map page, by its canonical address.
    let cache = |page: &Page| {
        page.headers
            .get("x-spazi-cache")
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let first = get(&app, "/incorporata?tipo=fablab&elenco=0", None).await;
    assert_eq!(cache(&first).as_deref(), Some("miss"));
    let again = get(&app, "/incorporata?tipo=fablab&elenco=0", None).await;
    assert_eq!(cache(&again).as_deref(), Some("hit"));
    assert_eq!(
        cache(&get(&app, "/incorporata?elenco=0&tipo=fablab", None).await),
        None
    );
    assert_eq!(
        cache(&get(&app, "/incorporata?comune=037048,037006", None).await),
        None
    );
}
on_both_backends!(the_embedded_map_shows_its_filter);

#[tokio::test]
async fn the_events_widget_lists_the_upcoming_events() {
    let t = TestDb::sqlite().await;
    let june_first = app::core::datetime::parse_instant("2022-06-01T10:00:00+02:00").unwrap();
    let app = app_at(&t, Clock::fixed(june_first)).await;
    let page = get(&app, "/incorporata/eventi", None).await;
    assert!(
        page.body.contains("href=\"/eventi/lancio-forum-2022\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("BIG"));
    let en = get(&app, "/en/embedded/events", None).await;
    assert!(en.body.contains("href=\"/en/events/lancio-forum-2022\""));
    assert!(en.body.contains("All events"));
    // Once it is past, nothing is planned.
    let later = app_at(&t, Clock::fixed(june_first + 30 * 86_400)).await;
    let page = get(&later, "/incorporata/eventi", None).await;
    assert!(page.body.contains("Nessun evento in programma"));
    t.finish().await;
}

#[tokio::test]
async fn the_builder_makes_the_code_of_the_choices() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    // A first visit: the whole map with its list.
    let first = get(&app, "/incorpora", None).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.body.contains("src=\"/incorporata\""));
    assert!(
        first.body.contains(
            "&lt;iframe src=\"http://spazi.test/incorporata\" title=\"Mappa degli spazi per l'innovazione"
        ),
        "{}",
        first.body
    );
    assert!(first
        .body
        .contains("id=\"embed-list\" name=\"elenco\" value=\"1\" checked"));
    // Choices: kinds, municipalities, no list, a height, English.
    let chosen = get(
        &app,
        "/incorpora?scelto=1&cosa=mappa&tipo=fablab&comune=037048&comune=037006&altezza=720&lingua=en",
        None,
    )
    .await;
    let body = &chosen.body;
    assert!(
        body.contains("src=\"/en/embedded?tipo=fablab&amp;comune=037006,037048&amp;elenco=0\""),
        "{body}"
    );
    assert!(body.contains("height=\"720\""));
    assert!(body.contains(
        "&lt;iframe src=\"http://spazi.test/en/embedded?tipo=fablab&amp;amp;comune=037006,037048&amp;amp;elenco=0\""
    ), "{body}");
    assert!(body.contains("loading=\"lazy\""));
    assert!(body.contains("value=\"http://spazi.test/en/?tipo=fablab&amp;comune=037006,037048\""));
    assert!(body.contains("id=\"embed-kind-fablab\" name=\"tipo\" value=\"fablab\" checked"));
    assert!(
        body.contains("id=\"embed-municipality-037048\" name=\"comune\" value=\"037048\" checked")
    );
    assert!(!body.contains("id=\"embed-list\" name=\"elenco\" value=\"1\" checked"));
    // The events.
    let events = get(&app, "/en/embed?scelto=1&cosa=eventi&elenco=1", None).await;
    assert!(
        events.body.contains("src=\"/en/embedded/events\""),
        "{}",
        events.body
    );
    assert!(events
        .body
        .contains("value=\"http://spazi.test/en/events\""));
    // Hostile values are dropped, never written into the page or the code.
    let hostile = get(
        &app,
        "/incorpora?comune=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&altezza=%22%3E&lingua=%3Cb%3E",
        None,
    )
    .await;
    assert_eq!(hostile.status, StatusCode::OK);
    assert!(!hostile.body.contains("<script>alert"));
    let code = hostile.body.split("id=\"embed-code\"").nth(1).unwrap();
    let code = &code[..code.find("</textarea>").unwrap()];
    assert!(code.contains("http://spazi.test/incorporata\""), "{code}");
    assert!(
        !code.contains("alert") && !code.contains("script"),
        "{code}"
    );
    assert!(hostile.body.contains("<option value=\"560\" selected"));
    // A well-formed code of no municipality offered is not echoed either.
    let unknown = get(
        &app,
        "/incorpora?scelto=1&comune=999999&comune=037006",
        None,
    )
    .await;
    let code = unknown.body.split("id=\"embed-code\"").nth(1).unwrap();
    assert!(!code[..code.find("</textarea>").unwrap()].contains("999999"));
    for field in ["class=\"embed-builder__frame\"", "id=\"embed-link\""] {
        let at = unknown.body.split(field).nth(1).unwrap();
        assert!(!at[..at.find('>').unwrap()].contains("999999"), "{at}");
    }
    // Search engines are told of the builder's two languages, not of any query.
    assert!(
        unknown
            .body
            .contains("href=\"http://spazi.test/en/embed\" hreflang=\"en\""),
        "{}",
        unknown.body
    );
    // The choices of the map are marked, for the island to switch off with the events; the
    // copy buttons wait, hidden, for it.
    assert_eq!(first.body.matches("data-map-only").count(), 3);
    assert!(
        first.body.contains("hidden data-copy=\"embed-code\""),
        "{}",
        first.body
    );
    assert!(first.body.contains("hidden data-copy=\"embed-link\""));
    // The form carries what the live preview reads from it.
    let form = first.body.split("<form id=\"embed-form\"").nth(1).unwrap();
    let form = &form[..form.find('>').unwrap()];
    for name in app::ui::islands::embed_preview::FORM_DATA {
        assert!(form.contains(&format!(" {name}=\"")), "{name}: {form}");
    }
    // What the live preview asks of the server: the same as the page without JavaScript.
    let preview = get(
        &app,
        "/api/incorpora?scelto=1&cosa=mappa&tipo=fablab&comune=037048&altezza=720&lingua=en&per=it",
        None,
    )
    .await;
    assert_eq!(preview.status, StatusCode::OK);
    let lines: Vec<&str> = preview.body.lines().collect();
    assert_eq!(
        lines,
        [
            "/en/embedded?tipo=fablab&comune=037048&elenco=0",
            "720",
            "Map of the innovation spaces of the metropolitan city of Bologna",
            "<iframe src=\"http://spazi.test/en/embedded?tipo=fablab&amp;comune=037048&amp;elenco=0\" \
             title=\"Map of the innovation spaces of the metropolitan city of Bologna\" width=\"800\" \
             height=\"720\" style=\"width:100%;max-width:100%;height:720px;border:0\" loading=\"lazy\" \
             referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>",
            "http://spazi.test/en/?tipo=fablab&comune=037048",
            "/incorpora?cosa=mappa&tipo=fablab&comune=037048&elenco=0&altezza=720&lingua=en&scelto=1",
            "/en/embed?cosa=mappa&tipo=fablab&comune=037048&elenco=0&altezza=720&lingua=en&scelto=1",
        ]
    );
    // Hostile values change nothing but are never echoed.
    let hostile = get(
        &app,
        "/api/incorpora?comune=%0A%3Cscript%3E&lingua=%0A&per=%0Aen",
        None,
    )
    .await;
    assert_eq!(hostile.status, StatusCode::OK);
    assert_eq!(hostile.body.lines().count(), 7);
    assert!(!hostile.body.contains("script"));
    // A code of no municipality of the area never reaches the code to paste.
    let made_up = get(&app, "/api/incorpora?comune=999999,037006&per=it", None).await;
    assert!(!made_up.body.contains("999999"), "{}", made_up.body);
    assert!(made_up.body.contains("comune=037006"));
    t.finish().await;
}

#[tokio::test]
async fn the_map_page_keeps_a_filter_of_several_kinds_and_municipalities() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let page = get(&app, "/?tipo=coworking,fablab&comune=037048,037006", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("<option value=\"coworking,fablab\" selected"),
        "{}",
        page.body
    );
    assert!(page
        .body
        .contains("<option value=\"037006,037048\" selected"));
    // A made-up code is not echoed; search engines are told of the filter alone.
    let page = get(
        &app,
        "/?comune=037048,999999&tipo=coworking&x=%3Cb%3E",
        None,
    )
    .await;
    assert!(
        page.body
            .contains("<option value=\"037048\" selected>Pieve di Cento</option>"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("999999\" selected"));
    assert!(page.body.contains(
        "href=\"http://spazi.test/en/?tipo=coworking&amp;comune=037048,999999\" hreflang=\"en\""
    ));
    // Its downloads export exactly that.
    let csv = get(
        &app,
        "/api/spazi.csv?tipo=coworking,fablab&comune=037048,037006",
        None,
    )
    .await;
    assert!(csv.body.contains("VZ19") && csv.body.contains("FabLab Reno"));
    // Almacube is in Bologna, an incubator only.
    assert!(csv.body.contains("AlmaLabor") && !csv.body.contains("Almacube"));
    t.finish().await;
}

/// An oEmbed answer, checked against the fields oEmbed 1.0 requires of every answer and of
/// the `rich` type.
fn oembed_answer(page: &Page) -> serde_json::Value {
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let answer: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    assert_eq!(answer["type"], "rich");
    assert_eq!(answer["version"], "1.0");
    assert!(answer["html"]
        .as_str()
        .unwrap()
        .starts_with("<iframe src=\""));
    assert!(answer["width"].as_u64().unwrap() > 0);
    assert!(answer["height"].as_u64().unwrap() > 0);
    assert!(answer["title"].is_string() && answer["provider_name"].is_string());
    assert_eq!(answer["provider_url"], "http://spazi.test/");
    answer
}

fn oembed_of(url: &str) -> String {
    format!("/oembed?url={}", app::core::text::query_encode(url))
}

async fn oembed_answers_for_the_map_a_space_and_an_event(t: &TestDb) {
    let app = app(t).await;
    // The map with its filter, within the sizes asked.
    let map = oembed_answer(
        &get(
            &app,
            &format!(
                "{}&maxwidth=500&maxheight=300&format=json",
                oembed_of("http://spazi.test/?tipo=fablab&comune=037048")
            ),
            None,
        )
        .await,
    );
    assert!(map["html"]
        .as_str()
        .unwrap()
        .contains("src=\"http://spazi.test/incorporata?tipo=fablab&amp;comune=037048\""));
    assert_eq!(
        (map["width"].as_u64(), map["height"].as_u64()),
        (Some(500), Some(300))
    );
    assert!(map["html"]
        .as_str()
        .unwrap()
        .contains("width=\"500\" height=\"300\""));
    // A made-up municipality is not embedded.
    let made_up = oembed_answer(
        &get(
            &app,
            &oembed_of("http://spazi.test/?tipo=fablab&comune=999999,037048"),
            None,
        )
        .await,
    );
    assert!(made_up["html"]
        .as_str()
        .unwrap()
        .contains("src=\"http://spazi.test/incorporata?tipo=fablab&amp;comune=037048\""));
    // The events' page becomes the events widget.
    let events = oembed_answer(&get(&app, &oembed_of("http://spazi.test/en/events"), None).await);
    assert!(events["html"]
        .as_str()
        .unwrap()
        .contains("src=\"http://spazi.test/en/embedded/events\""));
    assert_eq!(
        events["title"],
        "Upcoming events of the Forum of the innovation spaces"
    );
    // However small the bounds, the answer keeps within them.
    let small = oembed_answer(
        &get(
            &app,
            &format!(
                "{}&maxwidth=90&maxheight=60",
                oembed_of("http://spazi.test/spazi/vz19")
            ),
            None,
        )
        .await,
    );
    assert_eq!(
        (small["width"].as_u64(), small["height"].as_u64()),
        (Some(90), Some(60))
    );
    // A space, in English.
    let space =
        oembed_answer(&get(&app, &oembed_of("http://spazi.test/en/spaces/vz19"), None).await);
    assert_eq!(space["title"], "VZ19");
    assert!(space["html"]
        .as_str()
        .unwrap()
        .contains("src=\"http://spazi.test/en/embedded/spaces/vz19\""));
    // An event.
    let event = oembed_answer(
        &get(
            &app,
            &oembed_of("http://spazi.test/eventi/lancio-forum-2022"),
            None,
        )
        .await,
    );
    assert!(event["html"]
        .as_str()
        .unwrap()
        .contains("src=\"http://spazi.test/incorporata/eventi/lancio-forum-2022\""));
    // The pages they frame are there, and framable.
    for path in [
        "/incorporata/spazi/vz19",
        "/en/embedded/spaces/vz19",
        "/incorporata/eventi/lancio-forum-2022",
    ] {
        let page = get(&app, path, None).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(policy(&page).ends_with("frame-ancestors *"), "{path}");
        assert!(page.body.contains("<base target=\"_blank\""), "{path}");
    }
    let page = get(&app, "/incorporata/spazi/vz19", None).await;
    assert!(page.body.contains("href=\"/spazi/vz19\""));
    // A space that is not there: the frame says so, and its footer leads to the map rather
    // than to a page that is not there either.
    let gone = get(&app, "/incorporata/spazi/nowhere", None).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    assert!(
        !gone.body.contains("href=\"/spazi/nowhere\""),
        "{}",
        gone.body
    );
    let footer = gone.body.split("class=\"embed__footer\"").nth(1).unwrap();
    assert!(footer.contains("href=\"/\""), "{footer}");
    // What cannot be embedded is 404, never 5xx; another format 501.
    for url in [
        "https://evil.example/spazi/vz19",
        "http://spazi.test.evil.example/",
        "http://spazi.test/spazi/nowhere",
        "http://spazi.test/eventi/nowhere",
        "http://spazi.test/admin/spazi/1",
        "http://spazi.test/aderisci",
        "http://spazi.test/prenotazione/abc",
        "not a url",
        "",
    ] {
        let res = get(&app, &oembed_of(url), None).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{url}");
    }
    assert_eq!(
        get(&app, "/oembed", None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(
            &app,
            &format!("{}&format=xml", oembed_of("http://spazi.test/")),
            None
        )
        .await
        .status,
        StatusCode::NOT_IMPLEMENTED
    );
    // The pages say where their oEmbed answer is.
    for (path, url) in [
        ("/?tipo=fablab", "http://spazi.test/?tipo=fablab"),
        ("/spazi/vz19", "http://spazi.test/spazi/vz19"),
        (
            "/en/events/lancio-forum-2022",
            "http://spazi.test/en/events/lancio-forum-2022",
        ),
    ] {
        let page = get(&app, path, None).await;
        let href = format!(
            "href=\"http://spazi.test{}\"",
            oembed_of(url).replace('&', "&amp;") + "&amp;format=json"
        );
        assert!(
            page.body.contains("type=\"application/json+oembed\""),
            "{path}"
        );
        assert!(page.body.contains(&href), "{path}: {href}");
    }
}
on_both_backends!(oembed_answers_for_the_map_a_space_and_an_event);
