//! The staff area: hashing and sessions against the database, lockout, CSRF refusal, the
//! authorization matrix of every staff route and server function, sign-in and sign-out over HTTP.

use crate::http::app;
use crate::support::{on_both_backends, TestDb};
use app::backend::auth::{self, SignIn};
use app::core::model::Role;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use tower::ServiceExt;

pub(crate) const PASSWORD: &str = "una password lunga e sicura";
pub(crate) const NOW: i64 = 1_700_000_000;

pub(crate) async fn create(t: &TestDb, email: &str, role: Role) -> i64 {
    auth::create_staff(&t.db, email, "Staff", role, PASSWORD, (None, "test"), NOW)
        .await
        .unwrap()
        .expect("new account")
}

async fn sign_in_and_sessions(t: &TestDb) {
    let id = create(t, "Redazione@Example.it", Role::Editor).await;
    // E-mails are normalised; a second account with the same e-mail is refused.
    let dup = auth::create_staff(
        &t.db,
        " redazione@example.it ",
        "X",
        Role::Admin,
        PASSWORD,
        (None, "test"),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(dup, None);

    let SignIn::Success { user, token } =
        auth::sign_in(&t.db, "REDAZIONE@example.it", PASSWORD, "10.0.0.1", NOW)
            .await
            .unwrap()
    else {
        panic!("should sign in")
    };
    assert_eq!(user.id, id);
    assert_eq!(user.role, Role::Editor);
    let session = auth::session(&t.db, &token, NOW + 10)
        .await
        .unwrap()
        .expect("live session");
    assert_eq!(session.user.email, "redazione@example.it");
    assert_eq!(session.csrf_token.len(), 64);
    // The database holds only the token's hash.
    let stored: Vec<(String,)> = sqlx::query_as("SELECT token_hash FROM staff_sessions")
        .fetch_all(t.db.pool())
        .await
        .unwrap();
    assert!(stored.iter().all(|(h,)| h != &token));

    // Idle expiry: two hours without a request ends the session (and deletes it).
    assert!(auth::session(&t.db, &token, NOW + auth::IDLE_TIMEOUT + 1)
        .await
        .unwrap()
        .is_none());
    assert!(auth::session(&t.db, &token, NOW + 20)
        .await
        .unwrap()
        .is_none());

    // Absolute expiry, even when active all along.
    let SignIn::Success { token, .. } =
        auth::sign_in(&t.db, "redazione@example.it", PASSWORD, "10.0.0.1", NOW)
            .await
            .unwrap()
    else {
        panic!()
    };
    let mut now = NOW;
    while now < NOW + auth::ABSOLUTE_TIMEOUT - 3600 {
        now += 3600;
        assert!(auth::session(&t.db, &token, now).await.unwrap().is_some());
    }
    assert!(auth::session(&t.db, &token, NOW + auth::ABSOLUTE_TIMEOUT)
        .await
        .unwrap()
        .is_none());

    // A disabled account's sessions stop at once, and it cannot sign in.
    let SignIn::Success { token, .. } =
        auth::sign_in(&t.db, "redazione@example.it", PASSWORD, "10.0.0.1", NOW)
            .await
            .unwrap()
    else {
        panic!()
    };
    sqlx::query("UPDATE staff_users SET disabled = 1 WHERE id = $1")
        .bind(id)
        .execute(t.db.pool())
        .await
        .unwrap();
    assert!(auth::session(&t.db, &token, NOW + 1)
        .await
        .unwrap()
        .is_none());
    assert!(matches!(
        auth::sign_in(&t.db, "redazione@example.it", PASSWORD, "10.0.0.1", NOW)
            .await
            .unwrap(),
        SignIn::WrongCredentials
    ));

    // Creating an account is audited.
    let trail = t.db.audit_trail("staff_user", id).await.unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].action, "create");
    assert!(trail[0]
        .after_json
        .as_deref()
        .unwrap()
        .contains("redazione@example.it"));
}
on_both_backends!(sign_in_and_sessions);

async fn repeated_failures_lock_the_account(t: &TestDb) {
    create(t, "admin@example.it", Role::Admin).await;
    for _ in 0..auth::MAX_EMAIL_FAILURES - 1 {
        let r = auth::sign_in(&t.db, "admin@example.it", "wrong", "10.0.0.2", NOW)
            .await
            .unwrap();
        assert!(matches!(r, SignIn::WrongCredentials), "{r:?}");
    }
    let r = auth::sign_in(&t.db, "admin@example.it", "wrong", "10.0.0.2", NOW)
        .await
        .unwrap();
    assert!(
        matches!(r, SignIn::Locked { retry_after } if retry_after == auth::LOCK_WINDOW),
        "{r:?}"
    );
    // Locked even with the right password, from any address…
    let r = auth::sign_in(&t.db, "admin@example.it", PASSWORD, "10.9.9.9", NOW + 60)
        .await
        .unwrap();
    assert!(matches!(r, SignIn::Locked { .. }), "{r:?}");
    // …until the window has passed.
    let r = auth::sign_in(
        &t.db,
        "admin@example.it",
        PASSWORD,
        "10.0.0.2",
        NOW + auth::LOCK_WINDOW + 1,
    )
    .await
    .unwrap();
    assert!(matches!(r, SignIn::Success { .. }), "{r:?}");
    // Unknown e-mails lock the same way, so the lock says nothing about which accounts exist.
    for _ in 0..auth::MAX_EMAIL_FAILURES {
        auth::sign_in(&t.db, "nobody@example.it", "x", "10.0.0.3", NOW)
            .await
            .unwrap();
    }
    let r = auth::sign_in(&t.db, "nobody@example.it", "x", "10.0.0.3", NOW)
        .await
        .unwrap();
    assert!(matches!(r, SignIn::Locked { .. }), "{r:?}");
}
on_both_backends!(repeated_failures_lock_the_account);

#[tokio::test]
async fn many_failures_from_one_address_lock_that_address() {
    let t = TestDb::sqlite().await;
    // Record the failures directly: one each for many e-mails, as a password-spraying client does.
    for i in 0..auth::MAX_ADDRESS_FAILURES {
        sqlx::query(
            "INSERT INTO sign_in_attempts (email, address, success, at) VALUES ($1, $2, 0, $3)",
        )
        .bind(format!("user{i}@example.it"))
        .bind("10.6.6.6")
        .bind(NOW)
        .execute(t.db.pool())
        .await
        .unwrap();
    }
    create(&t, "vittima@example.it", Role::Editor).await;
    let r = auth::sign_in(&t.db, "vittima@example.it", PASSWORD, "10.6.6.6", NOW + 1)
        .await
        .unwrap();
    assert!(matches!(r, SignIn::Locked { .. }), "{r:?}");
    let r = auth::sign_in(&t.db, "vittima@example.it", PASSWORD, "10.7.7.7", NOW + 1)
        .await
        .unwrap();
    assert!(matches!(r, SignIn::Success { .. }), "{r:?}");
    t.finish().await;
}

/// Sixty simultaneous guesses for one e-mail — spread over two app servers sharing the
/// database — check at most five passwords; sixty for sixty e-mails from one address, at most
/// twenty. Every attempt is recorded before its password is checked.
async fn the_lockout_holds_under_concurrency(t: &TestDb) {
    create(t, "admin@example.it", Role::Admin).await;
    let other = app::backend::db::Db::connect(&t.url).await.unwrap();
    let servers = [t.db.clone(), other.clone()];
    let guesses = (0..60).map(|i| {
        let db = servers[i % 2].clone();
        async move {
            auth::sign_in(
                &db,
                "admin@example.it",
                "wrong",
                &format!("10.1.0.{i}"),
                NOW,
            )
            .await
        }
    });
    let answers = futures_join_all(guesses).await;
    let checked: i64 = sqlx::query_as::<_, (i64,)>(
        "SELECT COUNT(*) FROM sign_in_attempts WHERE email = 'admin@example.it'",
    )
    .fetch_one(t.db.pool())
    .await
    .unwrap()
    .0;
    assert_eq!(checked, auth::MAX_EMAIL_FAILURES);
    let wrong = answers
        .iter()
        .filter(|a| matches!(a, Ok(SignIn::WrongCredentials)))
        .count() as i64;
    let locked = answers
        .iter()
        .filter(|a| matches!(a, Ok(SignIn::Locked { .. })))
        .count() as i64;
    assert_eq!(wrong, auth::MAX_EMAIL_FAILURES - 1, "{answers:?}");
    assert_eq!(locked, 60 - wrong, "{answers:?}");

    // Password spraying from one address.
    let sprays = (0..60).map(|i| {
        let db = servers[i % 2].clone();
        async move {
            auth::sign_in(&db, &format!("user{i}@example.it"), "x", "10.6.6.6", NOW).await
        }
    });
    futures_join_all(sprays).await;
    let checked: i64 = sqlx::query_as::<_, (i64,)>(
        "SELECT COUNT(*) FROM sign_in_attempts WHERE address = '10.6.6.6'",
    )
    .fetch_one(t.db.pool())
    .await
    .unwrap()
    .0;
    assert_eq!(checked, auth::MAX_ADDRESS_FAILURES);
    other.close().await;
}
on_both_backends!(the_lockout_holds_under_concurrency);

/// Runs the futures at once (each on its own task), answers in order.
async fn futures_join_all<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

// ---- over HTTP ----

pub(crate) const ORIGIN: &str = "http://spazi.test";

pub(crate) fn post_form(
    uri: &str,
    body: &str,
    cookie: Option<&str>,
    origin: Option<&str>,
) -> Request<Body> {
    let mut req = Request::post(uri)
        .header(header::HOST, "spazi.test")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(o) = origin {
        req = req.header(header::ORIGIN, o);
    }
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(body.to_owned())).unwrap()
}

const BOUNDARY: &str = "----spazi-test-7MA4YWxkTrZu0gW";

/// A multipart form post, as a browser sends one: the text fields, then the file field
/// `(name, file name, content type, bytes)`.
pub(crate) fn post_multipart(
    uri: &str,
    fields: &[(String, String)],
    (field, filename, content_type, bytes): (&str, &str, &str, &[u8]),
    cookie: Option<&str>,
) -> Request<Body> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; \
             filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let mut req = Request::post(uri)
        .header(header::HOST, "spazi.test")
        .header(header::ORIGIN, ORIGIN)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(body)).unwrap()
}

/// A page's HTML, with `cookie`.
pub(crate) async fn fetch_page(app: &axum::Router, uri: &str, cookie: Option<&str>) -> String {
    body_text(app.clone().oneshot(get_req(uri, cookie)).await.unwrap()).await
}

pub(crate) fn get_req(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::get(uri).header(header::HOST, "spazi.test");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::empty()).unwrap()
}

pub(crate) async fn body_text(res: axum::response::Response) -> String {
    String::from_utf8(
        axum::body::to_bytes(res.into_body(), 10 << 20)
            .await
            .unwrap()
            .to_vec(),
    )
    .unwrap()
}

/// The sign-in form posted with the right password for `email` (encoded) and `next`.
async fn post_sign_in(app: &axum::Router, email: &str, next: &str) -> axum::response::Response {
    let body = format!(
        "email={email}&password={}&next={next}",
        PASSWORD.replace(' ', "+")
    );
    app.clone()
        .oneshot(post_form("/admin/accedi", &body, None, Some(ORIGIN)))
        .await
        .unwrap()
}

/// Signs in over HTTP and returns the `Cookie` header value to send.
pub(crate) async fn http_sign_in(app: &axum::Router, email: &str) -> String {
    let res = post_sign_in(app, email, "%2Fadmin").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/admin");
    let set_cookie = res.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"));
    set_cookie.split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn sign_in_page_flow_over_http() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "staff@example.it", Role::Editor).await;

    // Anonymous: the staff home sends you to sign in, and is never cached.
    let res = app.clone().oneshot(get_req("/admin", None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers()[header::LOCATION], "/admin/accedi?next=/admin");
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");

    // A wrong password: the page again, with a clear message and the e-mail kept.
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/accedi",
            "email=staff%40example.it&password=nope",
            None,
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let html = body_text(res).await;
    assert!(html.contains("Email o password non corretti"));
    assert!(html.contains("value=\"staff@example.it\""));
    assert!(!html.contains("nope"));

    let cookie = http_sign_in(&app, "staff%40example.it").await;
    let res = app
        .clone()
        .oneshot(get_req("/admin", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = body_text(res).await;
    assert!(
        html.contains("Hai effettuato l&#x27;accesso come Staff")
            || html.contains("Hai effettuato l'accesso come Staff")
    );
    assert!(html.contains("12 spazi"));

    // Sign-out needs the session's CSRF token.
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/esci",
            "csrf=forged",
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let csrf = html
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/esci",
            &format!("csrf={csrf}"),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(res.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    // The old cookie is worthless now.
    let res = app
        .clone()
        .oneshot(get_req("/admin", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    t.finish().await;
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "staff@example.it", Role::Admin).await;
    let body = format!(
        "email=staff%40example.it&password={}",
        PASSWORD.replace(' ', "+")
    );
    for origin in [
        None,
        Some("http://evil.example"),
        Some("null"),
        Some("http://spazi.test.evil.example"),
        // The same host over the other scheme is another origin.
        Some("https://spazi.test"),
    ] {
        let res = app
            .clone()
            .oneshot(post_form("/admin/accedi", &body, None, origin))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{origin:?}");
        assert!(res.headers().get(header::SET_COOKIE).is_none());
    }
    // Server functions too.
    let res = app
        .clone()
        .oneshot(post_form(
            "/api/fn/spaces",
            "",
            None,
            Some("http://evil.example"),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    t.finish().await;
}

/// Every staff route and server function, as anonymous, editor and admin.
#[tokio::test]
async fn authorization_matrix() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "editor@example.it", Role::Editor).await;
    create(&t, "admin@example.it", Role::Admin).await;
    let editor = http_sign_in(&app, "editor%40example.it").await;
    let admin = http_sign_in(&app, "admin%40example.it").await;

    // (request builder, expected status for anonymous, editor, admin)
    type Make = Box<dyn Fn(Option<&str>) -> Request<Body>>;
    let cases: Vec<(&str, Make, [StatusCode; 3])> = vec![
        (
            "GET /admin",
            Box::new(|c| get_req("/admin", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "GET /admin/spazi/1",
            Box::new(|c| get_req("/admin/spazi/1", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/spazi/1/stato (without the session's token)",
            Box::new(|c| {
                post_form(
                    "/admin/spazi/1/stato",
                    "csrf=x&stato=published",
                    c,
                    Some(ORIGIN),
                )
            }),
            [
                // Anonymous: the sign-in page, carrying what was sent.
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "GET /admin/spazi/1/gestori",
            Box::new(|c| get_req("/admin/spazi/1/gestori", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/spazi/1/gestori (without the session's token)",
            Box::new(|c| {
                post_form(
                    "/admin/spazi/1/gestori",
                    "csrf=x&azione=aggiungi&email=x%40example.it",
                    c,
                    Some(ORIGIN),
                )
            }),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "GET /admin/modifiche",
            Box::new(|c| get_req("/admin/modifiche", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/modifiche/1 (without the session's token)",
            Box::new(|c| {
                post_form(
                    "/admin/modifiche/1",
                    "csrf=x&version=1&azione=approva",
                    c,
                    Some(ORIGIN),
                )
            }),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "POST /admin/api/freshness",
            Box::new(|c| post_form("/admin/api/freshness", "", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/api/revisions",
            Box::new(|c| post_form("/admin/api/revisions", "", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        (
            "GET /admin/spazi/nuovo",
            Box::new(|c| get_req("/admin/spazi/nuovo", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/spazi/nuovo (without the session's token)",
            Box::new(|c| post_form("/admin/spazi/nuovo", "csrf=x&name=X", c, Some(ORIGIN))),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "POST /admin/spazi/1 (without the session's token)",
            Box::new(|c| post_form("/admin/spazi/1", "csrf=x&name=X", c, Some(ORIGIN))),
            [
                // Anonymous: the sign-in page, carrying what was sent.
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "POST /admin/esci (without the session's token)",
            Box::new(|c| post_form("/admin/esci", "csrf=x", c, Some(ORIGIN))),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "POST /admin/api/municipalities",
            Box::new(|c| post_form("/admin/api/municipalities", "", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        (
            "GET /admin/esporta/spazi.csv",
            Box::new(|c| get_req("/admin/esporta/spazi.csv", c)),
            [StatusCode::SEE_OTHER, StatusCode::OK, StatusCode::OK],
        ),
        (
            "GET /admin/esporta/spazi.geojson",
            Box::new(|c| get_req("/admin/esporta/spazi.geojson", c)),
            [StatusCode::SEE_OTHER, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/api/space",
            Box::new(|c| post_form("/admin/api/space", "id=1", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/api/spaces",
            Box::new(|c| post_form("/admin/api/spaces", "", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        // Staff accounts: admins only.
        (
            "GET /admin/staff",
            Box::new(|c| get_req("/admin/staff", c)),
            [StatusCode::FOUND, StatusCode::FORBIDDEN, StatusCode::OK],
        ),
        (
            "POST /admin/api/staff",
            Box::new(|c| post_form("/admin/api/staff", "", c, Some(ORIGIN))),
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::OK,
            ],
        ),
        (
            "POST /admin/staff (without the session's token)",
            Box::new(|c| {
                post_form(
                    "/admin/staff",
                    "csrf=x&staff_name=X&staff_email=x%40example.it&role=admin",
                    c,
                    Some(ORIGIN),
                )
            }),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "POST /admin/staff/1/stato (without the session's token)",
            Box::new(|c| post_form("/admin/staff/1/stato", "csrf=x&attivo=0", c, Some(ORIGIN))),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "POST /admin/staff/1/ruolo (without the session's token)",
            Box::new(|c| {
                post_form(
                    "/admin/staff/1/ruolo",
                    "csrf=x&ruolo=admin",
                    c,
                    Some(ORIGIN),
                )
            }),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "POST /admin/staff/1/link (without the session's token)",
            Box::new(|c| post_form("/admin/staff/1/link", "csrf=x", c, Some(ORIGIN))),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        // Imports: editors and admins.
        (
            "GET /admin/importa",
            Box::new(|c| get_req("/admin/importa", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/importa (not multipart)",
            Box::new(|c| post_form("/admin/importa", "csrf=x", c, Some(ORIGIN))),
            [
                StatusCode::SEE_OTHER,
                StatusCode::BAD_REQUEST,
                StatusCode::BAD_REQUEST,
            ],
        ),
        (
            "POST /admin/importa/1 (without the session's token)",
            Box::new(|c| post_form("/admin/importa/1", "csrf=x", c, Some(ORIGIN))),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "GET /admin/importa/999",
            Box::new(|c| get_req("/admin/importa/999", c)),
            [
                StatusCode::FOUND,
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
            ],
        ),
        (
            "POST /admin/api/imports",
            Box::new(|c| post_form("/admin/api/imports", "", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        // Join requests and the survey: editors and admins.
        (
            "GET /admin/adesioni",
            Box::new(|c| get_req("/admin/adesioni", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "GET /admin/questionario",
            Box::new(|c| get_req("/admin/questionario", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/adesioni/1 (without the session's token)",
            Box::new(|c| {
                post_form(
                    "/admin/adesioni/1",
                    "csrf=x&decisione=approved",
                    c,
                    Some(ORIGIN),
                )
            }),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "GET /admin/esporta/questionario.csv",
            Box::new(|c| get_req("/admin/esporta/questionario.csv", c)),
            [StatusCode::SEE_OTHER, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/api/submissions",
            Box::new(|c| post_form("/admin/api/submissions", "", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/api/survey",
            Box::new(|c| post_form("/admin/api/survey", "", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        // Events (the seeded launch is event 1).
        (
            "GET /admin/eventi",
            Box::new(|c| get_req("/admin/eventi", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "GET /admin/eventi/nuovo",
            Box::new(|c| get_req("/admin/eventi/nuovo", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "GET /admin/eventi/1",
            Box::new(|c| get_req("/admin/eventi/1", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "GET /admin/eventi/1/iscrizioni",
            Box::new(|c| get_req("/admin/eventi/1/iscrizioni", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "GET /admin/eventi/1/ingresso",
            Box::new(|c| get_req("/admin/eventi/1/ingresso", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "GET /admin/eventi/1/iscrizioni.csv",
            Box::new(|c| get_req("/admin/eventi/1/iscrizioni.csv", c)),
            [StatusCode::SEE_OTHER, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/eventi/nuovo (without the session's token)",
            Box::new(|c| post_form("/admin/eventi/nuovo", "csrf=x&title_it=X", c, Some(ORIGIN))),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "POST /admin/eventi/1 (without the session's token)",
            Box::new(|c| post_form("/admin/eventi/1", "csrf=x&title_it=X", c, Some(ORIGIN))),
            [
                // Anonymous: the sign-in page, carrying what was sent.
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "POST /admin/eventi/1/stato (without the session's token)",
            Box::new(|c| {
                post_form(
                    "/admin/eventi/1/stato",
                    "csrf=x&stato=cancelled",
                    c,
                    Some(ORIGIN),
                )
            }),
            [
                // Anonymous: the sign-in page, carrying what was sent.
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "POST /admin/eventi/1/ingresso (without the session's token)",
            Box::new(|c| {
                post_form(
                    "/admin/eventi/1/ingresso",
                    "csrf=x&rsvp=1&presente=1",
                    c,
                    Some(ORIGIN),
                )
            }),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "POST /admin/eventi/1/segui (without the session's token)",
            Box::new(|c| post_form("/admin/eventi/1/segui", "csrf=x&segui=1", c, Some(ORIGIN))),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "GET /admin/eventi/1/aggiungi-iscrizione",
            Box::new(|c| get_req("/admin/eventi/1/aggiungi-iscrizione", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/eventi/1/aggiungi-iscrizione (without the session's token)",
            Box::new(|c| {
                post_form(
                    "/admin/eventi/1/aggiungi-iscrizione",
                    "csrf=x&first_name=A&last_name=B",
                    c,
                    Some(ORIGIN),
                )
            }),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "GET /admin/eventi/1/modifica-iscrizione?iscrizione=999999 (no such registration)",
            Box::new(|c| get_req("/admin/eventi/1/modifica-iscrizione?iscrizione=999999", c)),
            [
                StatusCode::FOUND,
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
            ],
        ),
        (
            "POST /admin/eventi/1/modifica-iscrizione (without the session's token)",
            Box::new(|c| {
                post_form(
                    "/admin/eventi/1/modifica-iscrizione?iscrizione=1",
                    "csrf=x&first_name=A&last_name=B",
                    c,
                    Some(ORIGIN),
                )
            }),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "POST /admin/api/event-summary",
            Box::new(|c| post_form("/admin/api/event-summary", "id=1", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/api/event-rsvp (no such registration)",
            Box::new(|c| post_form("/admin/api/event-rsvp", "id=1&rsvp=999999", c, Some(ORIGIN))),
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
            ],
        ),
        // One's own password: any member of staff, with the session's token.
        (
            "GET /admin/cerca",
            Box::new(|c| get_req("/admin/cerca?q=dumbo", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/api/search",
            Box::new(|c| post_form("/admin/api/search", "q=dumbo", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        (
            "GET /admin/password",
            Box::new(|c| get_req("/admin/password", c)),
            [StatusCode::FOUND, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/password (without the session's token)",
            Box::new(|c| {
                post_form(
                    "/admin/password",
                    "csrf=x&current_password=a&password=b&password_confirm=b",
                    c,
                    Some(ORIGIN),
                )
            }),
            [
                StatusCode::SEE_OTHER,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            "GET /admin/password-dimenticata",
            Box::new(|c| get_req("/admin/password-dimenticata", c)),
            [StatusCode::OK, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/api/events",
            Box::new(|c| post_form("/admin/api/events", "", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/api/event",
            Box::new(|c| post_form("/admin/api/event", "id=1", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/api/event-venues",
            Box::new(|c| post_form("/admin/api/event-venues", "", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        (
            "POST /admin/api/event-rsvps",
            Box::new(|c| post_form("/admin/api/event-rsvps", "id=1", c, Some(ORIGIN))),
            [StatusCode::UNAUTHORIZED, StatusCode::OK, StatusCode::OK],
        ),
        // Invitation links need no session, only a live token.
        (
            "GET /admin/invito/{unknown token}",
            Box::new(|c| get_req("/admin/invito/nonesiste", c)),
            [
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
            ],
        ),
        (
            "POST /admin/invito/{unknown token}",
            Box::new(|c| {
                post_form(
                    "/admin/invito/nonesiste",
                    "password=una+password+lunga&password_confirm=una+password+lunga",
                    c,
                    Some(ORIGIN),
                )
            }),
            [
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
                StatusCode::NOT_FOUND,
            ],
        ),
    ];
    for (name, make, expected) in &cases {
        for (who, cookie, want) in [
            ("anonymous", None, expected[0]),
            ("editor", Some(editor.as_str()), expected[1]),
            ("admin", Some(admin.as_str()), expected[2]),
        ] {
            let res = app.clone().oneshot(make(cookie)).await.unwrap();
            assert_eq!(res.status(), want, "{name} as {who}");
        }
    }
    // The staff list server function returns every status to staff.
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/api/spaces",
            "",
            Some(&editor),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    let rows: Vec<app::core::view::StaffSpaceRow> =
        serde_json::from_str(&body_text(res).await).unwrap();
    assert_eq!(rows.len(), 12);
    t.finish().await;
}

async fn space_id(t: &TestDb, slug: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM spaces WHERE slug = $1")
        .bind(slug)
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    id
}

pub(crate) fn csrf_of(html: &str) -> String {
    html.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned()
}

/// The value of the first form field named `name` (as written in the page, escaped).
pub(crate) fn value_of(html: &str, name: &str) -> String {
    let at = html.find(&format!("name=\"{name}\"")).unwrap();
    let tag = &html[html[..at].rfind('<').unwrap()..];
    let tag = &tag[..tag.find('>').unwrap()];
    tag.split("value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

/// An attribute's text as the browser reads it.
pub(crate) fn html_unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

const DUMBO_FORM: &str = "name=DumBO+Bologna&kind_coworking=on&description=&address=Via+Camillo+Casarini+19\
&municipality=037006&lat=44.5010&lon=11.3226&precision=approximate&website=dumbospace.it&email=&phone=\
&organisation=&organisation_kind=&organisation_website=&organisation_description=";

#[tokio::test]
async fn staff_edit_a_space_and_the_change_is_public_and_audited() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "editor@example.it", Role::Editor).await;
    let cookie = http_sign_in(&app, "editor%40example.it").await;
    let id = space_id(&t, "dumbo").await;
    let page_uri = format!("/admin/spazi/{id}");

    let res = app
        .clone()
        .oneshot(get_req(&page_uri, Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = body_text(res).await;
    assert!(html.contains("value=\"Via Camillo Casarini 19\""));
    let csrf = csrf_of(&html);

    // Bad input: the form comes back with the problems and what was typed.
    let bad = DUMBO_FORM
        .replace("name=DumBO+Bologna", "name=")
        .replace("lat=44.5010", "lat=45.46")
        .replace("email=&", "email=non-una-email&");
    let res = app
        .clone()
        .oneshot(post_form(
            &page_uri,
            &format!("csrf={csrf}&{bad}"),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("Questo campo è obbligatorio."));
    assert!(html.contains("fuori dalla Città metropolitana"));
    assert!(html.contains("value=\"non-una-email\""));
    assert!(html.contains("value=\"45.46\""));
    // Nothing was saved.
    assert_eq!(
        t.db.published_space("dumbo")
            .await
            .unwrap()
            .unwrap()
            .summary
            .name,
        "DumBO"
    );

    // A wrong CSRF token is refused; so is a post without a session.
    let res = app
        .clone()
        .oneshot(post_form(
            &page_uri,
            &format!("csrf=forged&{DUMBO_FORM}"),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Without a session (it ended while the form was open): nothing is saved, and the sign-in
    // page carries what was sent.
    let res = app
        .clone()
        .oneshot(post_form(
            &page_uri,
            &format!("csrf={csrf}&version=1&{DUMBO_FORM}"),
            None,
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let html = body_text(res).await;
    assert!(html.contains("La sessione è scaduta"));
    assert!(html.contains("name=\"ripresa\""));

    // A good edit is saved, public at once (same slug), and audited field by field.
    let res = app
        .clone()
        .oneshot(post_form(
            &page_uri,
            &format!("csrf={csrf}&version=1&{DUMBO_FORM}"),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()[header::LOCATION],
        format!("{page_uri}?salvato=1").as_str()
    );
    let public = t.db.published_space("dumbo").await.unwrap().unwrap();
    assert_eq!(public.summary.name, "DumBO Bologna");
    assert_eq!(public.website.as_deref(), Some("https://dumbospace.it"));
    let trail = t.db.audit_trail("space", id).await.unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].actor_email, "editor@example.it");
    let before: serde_json::Value =
        serde_json::from_str(trail[0].before_json.as_deref().unwrap()).unwrap();
    let after: serde_json::Value =
        serde_json::from_str(trail[0].after_json.as_deref().unwrap()).unwrap();
    assert_eq!(
        before,
        serde_json::json!({ "name": "DumBO", "website": null })
    );
    assert_eq!(
        after,
        serde_json::json!({ "name": "DumBO Bologna", "website": "https://dumbospace.it" })
    );
    let saved_uri = format!("{page_uri}?salvato=1");
    let res = app
        .clone()
        .oneshot(get_req(&saved_uri, Some(&cookie)))
        .await
        .unwrap();
    // Leptos marks text boundaries with <!> comments; the browser shows the text contiguous.
    let html = body_text(res).await.replace("<!>", "");
    assert!(html.contains("Modifiche salvate."));
    assert!(html.contains("DumBO → DumBO Bologna"));
    // Searching finds the new name.
    let found =
        t.db.published_spaces(&app::core::filter::SpaceFilter {
            q: Some("dumbo bologna".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(found.len(), 1);

    // A colleague's tab, opened before that save, saves a phone number: refused, the form
    // comes back with what they typed and the saved values; the first save is intact.
    let stale = DUMBO_FORM
        .replace("name=DumBO+Bologna", "name=DumBO")
        .replace("phone=", "phone=051+000000");
    let res = app
        .clone()
        .oneshot(post_form(
            &page_uri,
            &format!("csrf={csrf}&version=1&{stale}"),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = body_text(res).await.replace("<!>", "");
    assert!(html.contains("Qualcun altro ha salvato questo spazio"));
    assert!(
        html.contains("value=\"051 000000\""),
        "what was typed is kept"
    );
    assert!(
        html.contains("<dd>DumBO Bologna</dd>"),
        "the saved name is shown"
    );
    assert!(html.contains("name=\"version\" value=\"2\""));
    let public = t.db.published_space("dumbo").await.unwrap().unwrap();
    assert_eq!(public.summary.name, "DumBO Bologna");
    assert_eq!(t.db.audit_trail("space", id).await.unwrap().len(), 1);

    // Refused input from that old tab keeps the version it was read at: fixing the input
    // and saving again still meets the conflict.
    let res = app
        .clone()
        .oneshot(post_form(
            &page_uri,
            &format!(
                "csrf={csrf}&version=1&{}",
                stale.replace("name=DumBO", "name=")
            ),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res)
        .await
        .contains("name=\"version\" value=\"1\""));

    // A status the page does not offer (a space is rejected only through its request).
    let res = app
        .clone()
        .oneshot(post_form(
            &format!("{page_uri}/stato"),
            &format!("csrf={csrf}&stato=rejected&version=2"),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Status buttons shown for an older version change nothing.
    let res = app
        .clone()
        .oneshot(post_form(
            &format!("{page_uri}/stato"),
            &format!("csrf={csrf}&stato=archived&version=1"),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(
        res.headers()[header::LOCATION],
        format!("{page_uri}?superato=1").as_str()
    );
    assert!(t.db.published_space("dumbo").await.unwrap().is_some());

    // Archiving takes it off the public map; the trail records it.
    let res = app
        .clone()
        .oneshot(post_form(
            &format!("{page_uri}/stato"),
            &format!("csrf={csrf}&stato=archived&version=2"),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(t.db.published_space("dumbo").await.unwrap().is_none());
    let trail = t.db.audit_trail("space", id).await.unwrap();
    assert_eq!(trail[0].action, "status");
    assert_eq!(
        trail[0].after_json.as_deref(),
        Some(r#"{"status":"archived"}"#)
    );
    t.finish().await;
}

#[tokio::test]
async fn staff_create_a_space_pending_until_published() {
    let t = TestDb::postgres().await;
    let app = app(&t).await;
    create(&t, "editor@example.it", Role::Editor).await;
    let cookie = http_sign_in(&app, "editor%40example.it").await;
    let res = app
        .clone()
        .oneshot(get_req("/admin/spazi/nuovo", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let csrf = csrf_of(&body_text(res).await);

    // Empty: every required field is named in the summary.
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/spazi/nuovo",
            &format!("csrf={csrf}&name=+"),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    for field in ["#name", "#kinds", "#municipality", "#lat", "#lon"] {
        assert!(html.contains(&format!("href=\"{field}\"")), "{field}");
    }
    // A municipality code that is not one of the 55 is refused by the server.
    let form = "name=Officina+Imolese&kind_fablab=on&municipality=099999&lat=44.353&lon=11.714&precision=exact";
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/spazi/nuovo",
            &format!("csrf={csrf}&{form}"),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let form = form.replace("099999", "037032")
        + "&organisation=Associazione+Maker+Imola&organisation_kind=association";
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/spazi/nuovo",
            &format!("csrf={csrf}&{form}"),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let id: i64 = location
        .trim_start_matches("/admin/spazi/")
        .trim_end_matches("?salvato=1")
        .parse()
        .unwrap();
    // Pending: not public yet.
    assert!(t
        .db
        .published_space("officina-imolese")
        .await
        .unwrap()
        .is_none());
    let trail = t.db.audit_trail("space", id).await.unwrap();
    assert_eq!(trail[0].action, "create");
    assert!(trail[0]
        .after_json
        .as_deref()
        .unwrap()
        .contains("Officina Imolese"));

    let res = app
        .clone()
        .oneshot(post_form(
            &format!("/admin/spazi/{id}/stato"),
            &format!("csrf={csrf}&stato=published&version=1"),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let public =
        t.db.published_space("officina-imolese")
            .await
            .unwrap()
            .unwrap();
    assert_eq!(public.summary.municipality, "Imola");
    assert_eq!(
        public.organisation.unwrap().kind,
        Some(app::core::model::OrganisationKind::Association)
    );
    t.finish().await;
}

#[tokio::test]
async fn staff_exports_hold_every_status_and_need_a_session() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "editor@example.it", Role::Editor).await;
    sqlx::query("UPDATE spaces SET status = 'pending', name = '=HYPERLINK(\"http://x\")' WHERE slug = 'dumbo'")
        .execute(t.db.pool())
        .await
        .unwrap();
    for uri in ["/admin/esporta/spazi.csv", "/admin/esporta/spazi.geojson"] {
        let res = app.clone().oneshot(get_req(uri, None)).await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{uri}");
    }
    let cookie = http_sign_in(&app, "editor%40example.it").await;
    let res = app
        .clone()
        .oneshot(get_req("/admin/esporta/spazi.csv", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    assert!(res.headers()[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert!(res
        .headers()
        .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
        .is_none());
    let body = body_text(res).await;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(body.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(&reader.headers().unwrap()[0], "status");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 12);
    let dumbo = rows.iter().find(|r| &r[1] == "dumbo").unwrap();
    assert_eq!(&dumbo[0], "pending");
    // A formula typed as a name reaches the spreadsheet as text.
    assert_eq!(&dumbo[2], "'=HYPERLINK(\"http://x\")");

    let res = app
        .clone()
        .oneshot(get_req("/admin/esporta/spazi.geojson", Some(&cookie)))
        .await
        .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&body_text(res).await).unwrap();
    let features = doc["features"].as_array().unwrap();
    assert_eq!(features.len(), 12);
    assert!(features
        .iter()
        .any(|f| f["properties"]["status"] == "pending"));
    // The public export still hides it.
    let public = crate::http::get(&app, "/api/spazi.geojson", None).await;
    let doc: serde_json::Value = serde_json::from_str(&public.body).unwrap();
    assert_eq!(doc["features"].as_array().unwrap().len(), 11);
    t.finish().await;
}

/// A phishing link's `next` cannot take a member of staff off the site after a real sign-in.
#[tokio::test]
async fn sign_in_never_redirects_off_the_site() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "staff@example.it", Role::Editor).await;
    for next in [
        "%2F%09%2Fevil.example",
        "%2F%5Cevil.example",
        "%2F%252Fevil.example",
    ] {
        let res = post_sign_in(&app, "staff%40example.it", next).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()[header::LOCATION], "/admin", "{next}");
    }
    t.finish().await;
}

/// Two colleagues save the same space (or event) from pages read at the same version: the
/// second save writes nothing and gets the space as the first left it. Simultaneous saves
/// from the same version: exactly one wins.
async fn concurrent_saves_are_detected(t: &TestDb) {
    use app::backend::db::Saved;
    t.db.seed(NOW).await.unwrap();
    let editor = create(t, "editor@example.it", Role::Editor).await;
    let who = (editor, "editor@example.it");
    let id = space_id(t, "dumbo").await;
    let read = t.db.staff_space(id).await.unwrap().unwrap();
    let mut first = read.current.clone();
    first.description = Some("Scritta dalla prima collega.".into());
    let mut second = read.current.clone();
    second.phone = Some("+39 051 000000".into());
    assert_eq!(
        t.db.update_space(id, &first, read.version, who, NOW)
            .await
            .unwrap(),
        Saved::Done {
            version: read.version + 1
        }
    );
    match t
        .db
        .update_space(id, &second, read.version, who, NOW)
        .await
        .unwrap()
    {
        Saved::Stale(now) => {
            assert_eq!(now.version, read.version + 1);
            assert_eq!(now.current, first);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(t.db.staff_space(id).await.unwrap().unwrap().current, first);
    // A status change from an old page is refused too.
    assert!(matches!(
        t.db.set_space_status(
            id,
            app::core::model::SpaceStatus::Archived,
            read.version,
            who,
            NOW
        )
        .await
        .unwrap(),
        Saved::Stale(_)
    ));

    // Ten saves at once from the same version: one wins, nine are told.
    let now = t.db.staff_space(id).await.unwrap().unwrap();
    let saves = (0..10).map(|i| {
        let db = t.db.clone();
        let mut v = now.current.clone();
        v.phone = Some(format!("+39 051 00000{i}"));
        let version = now.version;
        tokio::spawn(async move { db.update_space(id, &v, version, who, NOW).await })
    });
    let mut done = 0;
    for save in saves {
        if matches!(save.await.unwrap().unwrap(), Saved::Done { .. }) {
            done += 1;
        }
    }
    assert_eq!(done, 1);
    let trail = t.db.audit_trail("space", id).await.unwrap();
    assert_eq!(trail.len(), 2, "one entry per save that happened");
}
on_both_backends!(concurrent_saves_are_detected);

/// A session that ends while a space is being edited (signed out in another tab, expired):
/// the save goes to the sign-in page with what was typed, and after signing in the form is
/// back with it, unsaved, ready to save.
#[tokio::test]
async fn typing_survives_the_end_of_a_session() {
    let t = TestDb::postgres().await;
    let app = app(&t).await;
    create(&t, "editor@example.it", Role::Editor).await;
    let cookie = http_sign_in(&app, "editor%40example.it").await;
    let id = space_id(&t, "dumbo").await;
    let page_uri = format!("/admin/spazi/{id}");
    let html = body_text(
        app.clone()
            .oneshot(get_req(&page_uri, Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    let csrf = csrf_of(&html);
    let before = t.db.staff_space(id).await.unwrap().unwrap();
    // Signed out elsewhere.
    t.db.delete_session(&auth::token_hash(cookie.split('=').nth(1).unwrap()))
        .await
        .unwrap();
    let typed = DUMBO_FORM.replace("description=&", "description=Scritta+con+cura.&");
    let res = app
        .clone()
        .oneshot(post_form(
            &page_uri,
            &format!("csrf={csrf}&version=1&{typed}"),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let html = body_text(res).await;
    let ripresa = html
        .split("name=\"ripresa\" value=\"")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .unwrap()
        .replace("&amp;", "&");
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/accedi",
            &format!(
                "email=editor%40example.it&password={}&next={}&ripresa={}",
                PASSWORD.replace(' ', "+"),
                page_uri.replace('/', "%2F"),
                urlencode(&ripresa)
            ),
            None,
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get(header::SET_COOKIE).is_some());
    let html = body_text(res).await;
    assert!(html.contains("non è ancora salvato"));
    assert!(html.contains("Scritta con cura."));
    assert!(html.contains("name=\"version\" value=\"1\""));
    // Nothing was saved along the way.
    assert_eq!(t.db.staff_space(id).await.unwrap().unwrap(), before);
    t.finish().await;
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A space whose pin lies outside the municipality it names (stored before the forms checked
/// it) is pointed out on the staff home, tagged in the list, and has a filter of its own.
async fn pins_outside_their_municipality_are_pointed_out(t: &TestDb) {
    let app = app(t).await;
    create(t, "staff@example.it", Role::Editor).await;
    // VZ19 says Pieve di Cento; put its pin in Imola.
    sqlx::query("UPDATE spaces SET lat = 44.353, lon = 11.714 WHERE slug = 'vz19'")
        .execute(t.db.pool())
        .await
        .unwrap();
    let cookie = http_sign_in(&app, "staff%40example.it").await;
    let html = body_text(
        app.clone()
            .oneshot(get_req("/admin", Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    assert!(html.contains("1 spazio ha il segnaposto fuori dal comune indicato"));
    assert!(html.contains("href=\"/admin?fuori-comune=1\""));
    assert_eq!(html.matches(">Fuori dal comune</span>").count(), 1);
    let html = body_text(
        app.clone()
            .oneshot(get_req("/admin?fuori-comune=1", Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    assert!(html.contains("1 spazio"), "the filtered count");
    assert!(html.contains(">VZ19</a>"));
    assert!(!html.contains(">FabLab Reno</a>"));
}
on_both_backends!(pins_outside_their_municipality_are_pointed_out);
