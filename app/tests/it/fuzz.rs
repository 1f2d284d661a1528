//! Arbitrary input to every public endpoint — the server functions, the public forms, the
//! pages' query parameters, the open data filters: whatever comes in, the answer is never a
//! server error and the server never panics; bad input gets a 4xx (or the page, ignoring it).

use crate::http::app_at;
use crate::staff::ORIGIN;
use crate::support::TestDb;
use axum::body::Body;
use axum::http::{header, Request};
use proptest::prelude::*;
use tower::ServiceExt;

/// Strings people and robots send: any Unicode, control characters, markup, SQL, very long.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,40}",
        Just("<script>alert(1)</script>".to_owned()),
        Just("' OR 1=1 --".to_owned()),
        Just("%00%ff\u{0}\u{202e}".to_owned()),
        Just("x".repeat(70_000)),
        Just(String::new()),
        "[0-9a-f]{64}",
    ]
}

fn encode(s: &str) -> String {
    app::core::text::query_encode(s)
}

/// The requests: (method, path, form body).
fn requests(v: &str) -> Vec<(&'static str, String, Option<String>)> {
    let e = encode(v);
    let mut list = vec![
        ("POST", "/api/fn/directory".into(), Some(format!("filter[kind]={e}&filter[municipality]={e}&filter[q]={e}&page={e}"))),
        ("POST", "/api/fn/space".into(), Some(format!("slug={e}"))),
        ("POST", "/api/fn/municipalities".into(), Some(String::new())),
        ("POST", "/api/fn/join-form".into(), Some(e.clone())),
        ("POST", "/api/fn/join-sent".into(), Some(format!("reference={e}"))),
        ("POST", "/api/fn/events".into(), Some(e.clone())),
        ("POST", "/api/fn/event".into(), Some(format!("slug={e}"))),
        ("POST", "/api/fn/rsvp".into(), Some(format!("token={e}"))),
        ("GET", format!("/?tipo={e}&comune={e}&q={e}"), None),
        ("GET", format!("/api/spazi.geojson?tipo={e}&comune={e}&q={e}"), None),
        ("GET", format!("/api/spazi.csv?q={e}"), None),
        ("GET", format!("/spazi/{e}"), None),
        ("GET", format!("/eventi/{e}"), None),
        ("GET", format!("/eventi/{e}/calendario.ics"), None),
        ("GET", format!("/prenotazione/{e}"), None),
        ("GET", format!("/lingua/{e}?next={e}"), None),
        ("GET", format!("/aderisci/inviata/{e}"), None),
        ("POST", "/aderisci".into(), Some(format!("started={e}&name={e}&municipality={e}&lat={e}&lon={e}&contact_email={e}&consent_privacy={e}"))),
        ("POST", "/eventi/lancio-forum-2022".into(), Some(format!("started={e}&first_name={e}&attendee_email={e}&consent_privacy=on"))),
        ("POST", format!("/eventi/{e}"), Some(format!("started={e}"))),
        ("POST", format!("/prenotazione/{e}"), Some(String::new())),
        ("POST", "/admin/accedi".into(), Some(format!("email={e}&password={e}&next={e}"))),
    ];
    // Raw bodies that are not forms at all.
    list.push(("POST", "/aderisci".into(), Some(v.to_owned())));
    list.push(("POST", "/api/fn/space".into(), Some(v.to_owned())));
    list
}

#[test]
fn no_input_makes_a_server_error() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (t, app) = runtime.block_on(async {
        let t = TestDb::sqlite().await;
        let june = app::core::datetime::parse_instant("2022-06-01T10:00:00+02:00").unwrap();
        let app = app_at(&t, app::backend::clock::Clock::fixed(june)).await;
        (t, app)
    });
    let tried = std::cell::Cell::new(0usize);
    let config = ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    proptest!(config, |(value in nasty())| {
        for (method, uri, body) in requests(&value) {
            // Paths the HTTP layer itself would refuse are not requests at all.
            let Ok(mut req) = Request::builder()
                .method(method)
                .uri(&uri)
                .header(header::HOST, "spazi.test")
                .header(header::ORIGIN, ORIGIN)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body.clone().unwrap_or_default()))
            else {
                continue;
            };
            if body.is_none() {
                req.headers_mut().remove(header::CONTENT_TYPE);
            }
            let status = runtime.block_on(app.clone().oneshot(req)).unwrap().status();
            tried.set(tried.get() + 1);
            prop_assert!(status.as_u16() < 500, "{} {} answered {}", method, uri, status);
        }
    });
    let tried = tried.get();
    assert!(tried > 48 * 20, "{tried} requests tried");
    println!("fuzz: {tried} requests with arbitrary input, none answered 5xx");
    runtime.block_on(t.finish());
}
