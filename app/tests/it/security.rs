//! The hardening every response gets: security headers, a strict Content-Security-Policy whose
//! nonce is the one on the page's only inline script, request ids, and the health endpoints.

use crate::http::{app, get};
use crate::support::TestDb;
use app::backend::context::Config;
use axum::http::{header, Request, StatusCode};
use std::sync::Arc;
use tower::ServiceExt;

#[tokio::test]
async fn pages_carry_the_security_headers_and_a_nonce_policy() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let page = get(&app, "/", None).await;
    assert_eq!(page.status, StatusCode::OK);
    let h = &page.headers;
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin");
    assert!(h["permissions-policy"]
        .to_str()
        .unwrap()
        .contains("camera=()"));
    assert!(
        h.get("strict-transport-security").is_none(),
        "not over HTTP"
    );
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(!csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"));
    // The policy's nonce is the one on the page's inline scripts — and every inline script
    // has it.
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|r| r.split('\'').next())
        .expect("a nonce in the policy");
    assert!(nonce.len() >= 16);
    let scripts: Vec<&str> = page.body.split("<script").skip(1).collect();
    assert!(!scripts.is_empty());
    for s in scripts {
        let tag = s.split('>').next().unwrap();
        assert!(
            tag.contains("src=") || tag.contains(&format!("nonce=\"{nonce}\"")),
            "inline script without the nonce: <script{tag}>"
        );
    }
    // A fresh nonce for every response.
    let again = get(&app, "/", None).await;
    assert_ne!(
        again.headers["content-security-policy"],
        page.headers["content-security-policy"]
    );
    // Other responses allow nothing at all.
    let csv = get(&app, "/api/spazi.csv", None).await;
    assert_eq!(
        csv.headers["content-security-policy"],
        app::web::security::NOTHING
    );
    assert_eq!(csv.headers["x-content-type-options"], "nosniff");
    t.finish().await;
}

#[tokio::test]
async fn requests_get_an_id_and_health_is_reported() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let page = get(&app, "/healthz", None).await;
    assert_eq!((page.status, page.body.as_str()), (StatusCode::OK, "ok"));
    let id = page.headers["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(id.len(), 16);
    assert_ne!(
        get(&app, "/healthz", None).await.headers["x-request-id"],
        id.as_str()
    );
    // A client's own id is replaced: only a trusted proxy's is kept (and a hostile one never).
    let send = |value: &'static str, peer: &str| {
        let mut req = Request::get("/readyz")
            .header("x-request-id", value)
            .body(axum::body::Body::empty())
            .unwrap();
        req.extensions_mut().insert(axum::extract::ConnectInfo(
            format!("{peer}:40000")
                .parse::<std::net::SocketAddr>()
                .unwrap(),
        ));
        req
    };
    let res = app
        .clone()
        .oneshot(send("lb-4f2a-9", "198.51.100.7"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_ne!(res.headers()["x-request-id"], "lb-4f2a-9");
    let proxied = crate::http::app_with(
        &t,
        Default::default(),
        Config {
            database_url: t.url.clone(),
            trusted_proxies: vec!["10.0.0.2".parse().unwrap()],
            ..Config::default()
        },
    )
    .await;
    let res = proxied
        .clone()
        .oneshot(send("lb-4f2a-9", "10.0.0.2"))
        .await
        .unwrap();
    assert_eq!(res.headers()["x-request-id"], "lb-4f2a-9");
    let res = proxied
        .clone()
        .oneshot(send("lb-4f2a-9", "198.51.100.7"))
        .await
        .unwrap();
    assert_ne!(res.headers()["x-request-id"], "lb-4f2a-9");
    let res = proxied
        .oneshot(send("a b<script>", "10.0.0.2"))
        .await
        .unwrap();
    assert_ne!(res.headers()["x-request-id"], "a b<script>");
    // Without its database the server is alive but not ready.
    t.db.close().await;
    assert_eq!(get(&app, "/healthz", None).await.status, StatusCode::OK);
    assert_eq!(
        get(&app, "/readyz", None).await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    t.finish().await;
}

#[tokio::test]
async fn over_https_browsers_are_told_to_stay_there() {
    let t = TestDb::sqlite().await;
    let app = crate::http::app_with(
        &t,
        Default::default(),
        Config {
            database_url: t.url.clone(),
            public_url: "https://spazi.example.it".into(),
            tile_url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            ..Config::default()
        },
    )
    .await;
    let page = get(&app, "/", None).await;
    assert_eq!(
        page.headers["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("img-src 'self' data: https://tile.openstreetmap.org;"));
    assert!(csp.contains("upgrade-insecure-requests"));
    let res = app
        .clone()
        .oneshot(
            Request::get("/healthz")
                .header(header::HOST, "spazi.example.it")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert!(res.headers().contains_key("strict-transport-security"));
    t.finish().await;
}

/// Many pages at once: each gets its own policy, with the nonce that is on its own script.
#[tokio::test]
async fn concurrent_pages_each_get_their_own_nonce() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let mut tasks = Vec::new();
    for i in 0..48 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            let uri = if i % 2 == 0 {
                "/?tipo=fablab"
            } else {
                "/eventi"
            };
            get(&app, uri, None).await
        }));
    }
    let mut nonces = std::collections::HashSet::new();
    for task in tasks {
        let page = task.await.unwrap();
        let csp = page.headers["content-security-policy"].to_str().unwrap();
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|r| r.split('\'').next())
            .unwrap_or_else(|| panic!("a page policy, got {csp}"));
        assert!(page.body.contains(&format!("nonce=\"{nonce}\"")));
        nonces.insert(nonce.to_owned());
    }
    assert_eq!(nonces.len(), 48);
    t.finish().await;
}

/// Bodies larger than a form needs are refused before any handler reads them.
#[tokio::test]
async fn huge_bodies_are_refused() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    for uri in [
        "/admin/accedi",
        "/eventi/lancio-forum-2022",
        "/aderisci",
        "/admin/eventi/nuovo",
    ] {
        let body = format!("email=a&password={}", "x".repeat(200 * 1024));
        let res = app
            .clone()
            .oneshot(crate::staff::post_form(
                uri,
                &body,
                None,
                Some(crate::staff::ORIGIN),
            ))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE, "{uri}");
        // Said in the visitor's language, not the framework's.
        let text = crate::staff::body_text(res).await;
        assert!(text.contains("troppo grande"), "{uri}: {text}");
    }
    t.finish().await;
}

/// Server functions answer with the status their error deserves, not always 500.
#[tokio::test]
async fn server_function_errors_have_their_true_status() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let call = |uri: &'static str, body: &'static str| {
        let app = app.clone();
        async move {
            app.oneshot(crate::staff::post_form(
                uri,
                body,
                None,
                Some(crate::staff::ORIGIN),
            ))
            .await
            .unwrap()
            .status()
        }
    };
    assert_eq!(call("/api/fn/space", "").await, StatusCode::BAD_REQUEST);
    assert_eq!(
        call("/api/fn/space", "slug=nessuno").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(call("/api/fn/space", "slug=dumbo").await, StatusCode::OK);
    // No endpoint hands out every published space at once, unpaginated and uncached.
    assert_eq!(call("/api/fn/spaces", "").await, StatusCode::NOT_FOUND);
    assert_eq!(
        call("/api/fn/rsvp", "token=abc").await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        call("/admin/api/spaces", "").await,
        StatusCode::UNAUTHORIZED
    );
    t.finish().await;
}

/// A `<script>` typed into any public form is stored as text and shown as text everywhere:
/// the person's page, the staff list and the door screen; the CSV defuses formulas.
#[tokio::test]
async fn stored_markup_never_runs_anywhere() {
    use crate::staff::{create, http_sign_in, ORIGIN};
    let t = TestDb::sqlite().await;
    let june = app::core::datetime::parse_instant("2022-06-01T10:00:00+02:00").unwrap();
    let app = crate::http::app_at(&t, app::backend::clock::Clock::fixed(june)).await;
    let secret = t.db.form_secret().await.unwrap();
    let token = app::backend::antirobot::form_token(&secret, june - 60);
    let evil = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    let body = format!(
        "started={token}&fax=&first_name={evil}&last_name=%3Cimg+src%3Dx+onerror%3Dalert(2)%3E\
         &attendee_email=x%40example.it&affiliation=%3Dcmd&accessibility={evil}&consent_privacy=on"
    );
    let res = app
        .clone()
        .oneshot(crate::staff::post_form(
            "/eventi/lancio-forum-2022",
            &body,
            None,
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let personal = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    create(&t, "editor@example.it", app::core::model::Role::Editor).await;
    let cookie = http_sign_in(&app, "editor%40example.it").await;
    let id = t.db.event_id("lancio-forum-2022").await.unwrap().unwrap();
    for (uri, c) in [
        (personal.clone(), None),
        (
            format!("/admin/eventi/{id}/iscrizioni"),
            Some(cookie.as_str()),
        ),
        (
            format!("/admin/eventi/{id}/ingresso"),
            Some(cookie.as_str()),
        ),
    ] {
        let page = get(&app, &uri, c).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        assert!(!page.body.contains("<script>alert(1)"), "{uri}");
        assert!(!page.body.contains("<img src=x"), "{uri}");
        assert!(
            page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{uri}"
        );
    }
    let csv = get(
        &app,
        &format!("/admin/eventi/{id}/iscrizioni.csv"),
        Some(&cookie),
    )
    .await;
    assert!(csv.body.contains(";'=cmd;"));
    t.finish().await;
}

/// What the server writes to its logs, captured for one test (the subscriber is this thread's:
/// `#[tokio::test]` runs on one thread).
#[derive(Clone, Default)]
struct Captured(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// Bearer secrets in paths — a personal link, a staff invitation — never reach the logs, at
/// any level, neither on the request's span nor in events inside it.
#[tokio::test]
async fn secrets_in_paths_are_not_logged() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let logs = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(logs.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let secret = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7";
    for path in [
        format!("/prenotazione/{secret}"),
        format!("/admin/invito/{secret}"),
    ] {
        get(&app, &path, None).await;
        // Refused as cross-site: logged with its path.
        let res = app
            .clone()
            .oneshot(
                Request::post(&path)
                    .header(header::HOST, "spazi.test")
                    .header(header::ORIGIN, "http://evil.example")
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
    let text = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(text.contains("/prenotazione/…"), "{text}");
    assert!(text.contains("cross-site request refused"), "{text}");
    assert!(!text.contains(secret), "{text}");
    t.finish().await;
}

/// Text typed into the join form cannot end the `<textarea>` or the `<title>` it is shown in
/// (Leptos writes both elements' text as it is): on the staff pages that show a request —
/// where markup injected into the edit form could post the session's CSRF token to another
/// staff action — and on the public page once the space is published.
#[tokio::test]
async fn text_never_ends_a_textarea_or_a_title() {
    use crate::staff::{create, http_sign_in, post_form, ORIGIN};
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let secret = t.db.form_secret().await.unwrap();
    let old = app::backend::antirobot::form_token(
        &secret,
        app::backend::clock::Clock::system().now() - 60,
    );
    let name = "Hub%3C%2Ftitle%3E%3Cmeta+http-equiv%3Drefresh+content%3D0%3E";
    let description =
        "%3C%2Ftextarea%3E%3Cbutton+formaction%3D%2Fadmin%2Fstaff%3EX%3C%2Fbutton%3E%3Ctextarea%3E";
    let body = crate::join::good_form(&old, name).replace(
        "description=Un+laboratorio+aperto.",
        &format!("description={description}"),
    );
    let res = app
        .clone()
        .oneshot(post_form("/aderisci", &body, None, Some(ORIGIN)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The form sent back with an error keeps the text, escaped too.
    let res = app
        .clone()
        .oneshot(post_form(
            "/aderisci",
            &body.replace("consent_privacy=on", ""),
            None,
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let resent = crate::staff::body_text(res).await;
    let rows =
        t.db.staff_spaces(None, Some("Hub"), (true, false), None)
            .await
            .unwrap();
    let space = &rows[0];
    create(&t, "admin@example.it", app::core::model::Role::Admin).await;
    let cookie = http_sign_in(&app, "admin%40example.it").await;
    let edit = get(&app, &format!("/admin/spazi/{}", space.id), Some(&cookie)).await;
    assert_eq!(edit.status, StatusCode::OK);
    sqlx::query("UPDATE spaces SET status = 'published' WHERE id = $1")
        .bind(space.id)
        .execute(t.db.pool())
        .await
        .unwrap();
    let public = get(&app, &format!("/spazi/{}", space.slug), None).await;
    assert_eq!(public.status, StatusCode::OK);
    for (page, html) in [
        ("edit", &edit.body),
        ("public", &public.body),
        ("resent", &resent),
    ] {
        assert!(!html.contains("<button formaction"), "{page}");
        assert!(!html.contains("<meta http-equiv=refresh"), "{page}");
    }
    for html in [&edit.body, &public.body] {
        assert!(html.contains("<title>Hub&lt;/title>"));
    }
    assert!(edit
        .body
        .contains("&lt;/textarea>&lt;button formaction=/admin/staff>"));
    assert!(resent.contains("&lt;/textarea>&lt;button formaction=/admin/staff>"));
    t.finish().await;
}

/// A NUL character — which PostgreSQL's text cannot hold — is bad input wherever it comes:
/// in a path or query (400), as a server function's key (404, no such record), as a sign-in
/// e-mail (401). Never the 503 of an outage.
#[tokio::test]
async fn nul_characters_are_bad_input_not_an_outage() {
    use crate::staff::{post_form, ORIGIN};
    let t = TestDb::postgres().await;
    let app = app(&t).await;
    for uri in [
        "/spazi/dumbo%00",
        "/eventi/%00",
        "/aderisci/inviata/ADR%00",
        "/?q=a%00b",
    ] {
        assert_eq!(
            get(&app, uri, None).await.status,
            StatusCode::BAD_REQUEST,
            "{uri}"
        );
    }
    for (uri, body) in [
        ("/api/fn/space", "slug=dumbo%00"),
        ("/api/fn/event", "slug=%00"),
        ("/api/fn/join-sent", "reference=ADR%00"),
        ("/api/fn/rsvp", "token=%00"),
    ] {
        let res = app
            .clone()
            .oneshot(post_form(uri, body, None, Some(ORIGIN)))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{uri}");
    }
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/accedi",
            "email=a%00%40example.it&password=x",
            None,
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    t.finish().await;
}
