//! Space managers against real databases: who manages a space (the contact of an approved
//! request, by a trigger on every path; addresses staff add and remove, audited), sign-in
//! links (only for managers, single use, 30 minutes, within the recipient's and the client's
//! limits), sessions that reach only the address's spaces; and the whole area over HTTP,
//! answering every address the same.

use crate::http::app;
use crate::staff::{body_text, create, csrf_of, get_req, http_sign_in, post_form, NOW, ORIGIN};
use crate::support::{on_both_backends, TestDb};
use app::backend::db::ManagerSource;
use app::backend::mail::Email;
use app::backend::managers::{self, LINK_TTL};
use app::core::model::{Decision, Role};
use axum::http::{header, StatusCode};
use std::sync::Mutex;
use tower::ServiceExt;

async fn space_id(t: &TestDb, slug: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM spaces WHERE slug = $1")
        .bind(slug)
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    id
}

async fn mails_to(t: &TestDb, to: &str) -> Vec<String> {
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM email_outbox WHERE to_address = $1 ORDER BY id")
            .bind(to)
            .fetch_all(t.db.pool())
            .await
            .unwrap();
    let mut texts = Vec::new();
    for (id,) in rows {
        let (text,): (String,) = sqlx::query_as("SELECT body_text FROM email_bodies WHERE id = $1")
            .bind(id)
            .fetch_one(t.db.pool())
            .await
            .unwrap();
        texts.push(text);
    }
    texts
}

/// Asks for a link for `email` from client `from` at `now`: the token, when one was made.
async fn ask(t: &TestDb, email: &str, from: &str, now: i64) -> Option<String> {
    let seen = Mutex::new(None);
    let made = managers::request_link(
        &t.db,
        email,
        &managers::client_limit(from),
        |token| {
            *seen.lock().unwrap() = Some(token.to_owned());
            Email {
                to: email.trim().to_lowercase(),
                subject: "link".into(),
                text: format!("/il-mio-spazio/accesso/{token}"),
                ..Default::default()
            }
        },
        now,
    )
    .await
    .unwrap();
    let token = seen.into_inner().unwrap();
    assert_eq!(made, token.is_some());
    token
}

async fn who_manages_a_space(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    let staff = create(t, "staff.gestori@example.it", Role::Editor).await;
    let actor = (Some(staff), "staff.gestori@example.it");
    // The contact of an approved request manages its space; a rejected one's does not.
    let approved = crate::privacy::join_request(t, "Maria.Gestrice@Example.it ", NOW).await;
    let rejected = crate::privacy::join_request(t, "respinta@example.it", NOW + 1).await;
    for (space, decision) in [
        (approved, Decision::Approved),
        (rejected, Decision::Rejected),
    ] {
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM submissions WHERE space_id = $1")
            .bind(space)
            .fetch_one(t.db.pool())
            .await
            .unwrap();
        let email = Email {
            to: "x@example.it".into(),
            subject: "decisione".into(),
            text: "decisione".into(),
            ..Default::default()
        };
        assert!(t
            .db
            .decide_submission(id, decision, None, &email, None, (staff, "s"), NOW + 5)
            .await
            .unwrap());
    }
    let managers = t.db.space_managers(approved).await.unwrap();
    assert_eq!(managers.len(), 1);
    assert_eq!(managers[0].email, "maria.gestrice@example.it");
    assert_eq!(managers[0].source, "request");
    assert!(t.db.space_managers(rejected).await.unwrap().is_empty());
    assert!(!t.db.is_manager("respinta@example.it").await.unwrap());

    // Staff add an address to a space of the 2021 list, once; then remove it; both audited.
    let dumbo = space_id(t, "dumbo").await;
    let add = || {
        t.db.add_space_manager(
            dumbo,
            "anna@example.it",
            ManagerSource::Staff,
            actor,
            NOW + 10,
        )
    };
    assert!(add().await.unwrap());
    assert!(!add().await.unwrap());
    // No such space: nothing added.
    assert!(!t
        .db
        .add_space_manager(999_999, "anna@example.it", ManagerSource::Staff, actor, NOW)
        .await
        .unwrap());
    let spaces = t.db.managed_spaces("anna@example.it").await.unwrap();
    assert_eq!(spaces.iter().map(|s| s.id).collect::<Vec<_>>(), vec![dumbo]);
    assert!(t
        .db
        .remove_space_manager(dumbo, "anna@example.it", actor, NOW + 20)
        .await
        .unwrap());
    assert!(t
        .db
        .managed_spaces("anna@example.it")
        .await
        .unwrap()
        .is_empty());
    let trail = t.db.audit_trail("space", dumbo).await.unwrap();
    let actions: Vec<&str> = trail.iter().map(|a| a.action.as_str()).collect();
    assert!(actions.contains(&"manager_added") && actions.contains(&"manager_removed"));

    // A person's data holds the spaces they manage; erasing them ends it.
    let data =
        t.db.personal_data("MARIA.gestrice@example.it")
            .await
            .unwrap();
    assert_eq!(data.managed_spaces.len(), 1);
    assert_eq!(data.managed_spaces[0].source, "request");
    let compose = |n: &app::backend::db::Notice| Email {
        to: n.email.clone(),
        ..Default::default()
    };
    t.db.erase_person("maria.gestrice@example.it", NOW + 30, &compose)
        .await
        .unwrap();
    assert!(t.db.space_managers(approved).await.unwrap().is_empty());
}
on_both_backends!(who_manages_a_space);

async fn sign_in_links_and_sessions(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    let (dumbo, other) = (
        space_id(t, "dumbo").await,
        space_id(t, "big-boost-innovation-garage").await,
    );
    t.db.add_space_manager(
        dumbo,
        "gestore@example.it",
        ManagerSource::Staff,
        (None, ""),
        NOW,
    )
    .await
    .unwrap();
    // An address that manages nothing: no link, no e-mail (the caller answers the same).
    assert_eq!(ask(t, "nessuno@example.it", "10.0.0.1", NOW).await, None);
    assert!(mails_to(t, "nessuno@example.it").await.is_empty());
    // A manager, typed any way: a link, e-mailed.
    let token = ask(t, " Gestore@Example.it", "10.0.0.1", NOW)
        .await
        .unwrap();
    assert_eq!(mails_to(t, "gestore@example.it").await.len(), 1);
    let hash = app::backend::auth::token_hash(&token);
    // Stored as a hash only.
    let (stored,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM manager_links WHERE token_hash = $1")
            .bind(&token)
            .fetch_one(t.db.pool())
            .await
            .unwrap();
    assert_eq!(stored, 0);
    // Reading the link does not use it; using it does, once.
    assert_eq!(
        t.db.manager_link(&hash, NOW + 60).await.unwrap().as_deref(),
        Some("gestore@example.it")
    );
    let session = managers::sign_in(&t.db, &token, NOW + 60)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        managers::sign_in(&t.db, &token, NOW + 61).await.unwrap(),
        None
    );
    assert_eq!(t.db.manager_link(&hash, NOW + 61).await.unwrap(), None);
    // An expired link does not sign in (and is gone).
    let late = ask(t, "gestore@example.it", "10.0.0.1", NOW + 100)
        .await
        .unwrap();
    assert_eq!(
        managers::sign_in(&t.db, &late, NOW + 100 + LINK_TTL)
            .await
            .unwrap(),
        None
    );
    // The session is the address's; it reaches its spaces only, as they are now.
    let live = managers::session(&t.db, &session, NOW + 120)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(live.email, "gestore@example.it");
    let spaces = t.db.managed_spaces(&live.email).await.unwrap();
    assert_eq!(spaces.iter().map(|s| s.id).collect::<Vec<_>>(), vec![dumbo]);
    assert!(!spaces.iter().any(|s| s.id == other));
    // A staff session's token is no manager's session, and the other way round.
    assert!(app::backend::auth::session(&t.db, &session, NOW + 120)
        .await
        .unwrap()
        .is_none());
    // Idle for two hours: over.
    let idle = NOW + 120 + app::backend::auth::IDLE_TIMEOUT;
    assert!(managers::session(&t.db, &session, idle)
        .await
        .unwrap()
        .is_none());

    // Limits: five e-mails a day to one address (shared with the public forms)…
    for i in 0..3 {
        assert!(ask(t, "gestore@example.it", "10.0.0.2", NOW + 200 + i)
            .await
            .is_some());
    }
    assert_eq!(
        ask(t, "gestore@example.it", "10.0.0.2", NOW + 300).await,
        None
    );
    assert_eq!(mails_to(t, "gestore@example.it").await.len(), 5);
    // …and ten links an hour from one client.
    t.db.add_space_manager(
        other,
        "altro@example.it",
        ManagerSource::Staff,
        (None, ""),
        NOW,
    )
    .await
    .unwrap();
    for i in 0..3 {
        assert!(ask(t, "altro@example.it", "10.0.0.3", NOW + 400 + i)
            .await
            .is_some());
    }
    let mut made = 0;
    for i in 0..10 {
        let to = format!("altro{i}@example.it");
        t.db.add_space_manager(other, &to, ManagerSource::Staff, (None, ""), NOW)
            .await
            .unwrap();
        made += ask(t, &to, "10.0.0.3", NOW + 500 + i).await.is_some() as i64;
    }
    assert_eq!(made, managers::LINKS_PER_CLIENT - 3);
}
on_both_backends!(sign_in_links_and_sessions);

/// The `Set-Cookie` values of a response.
fn set_cookies(res: &axum::response::Response) -> Vec<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

/// Waits for the spawned task to queue the e-mails to `to` (at most five seconds).
async fn wait_for_mail(t: &TestDb, to: &str, count: usize) -> Vec<String> {
    for _ in 0..100 {
        let mails = mails_to(t, to).await;
        if mails.len() >= count {
            return mails;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    mails_to(t, to).await
}

#[tokio::test]
async fn the_managers_area_over_http() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let dumbo = space_id(&t, "dumbo").await;
    t.db.add_space_manager(
        dumbo,
        "gestore@example.it",
        ManagerSource::Staff,
        (None, ""),
        NOW,
    )
    .await
    .unwrap();
    let get = |uri: &str, cookie: Option<&str>| app.clone().oneshot(get_req(uri, cookie));
    let post = |uri: &str, body: &str, cookie: Option<&str>| {
        app.clone()
            .oneshot(post_form(uri, body, cookie, Some(ORIGIN)))
    };

    // Signed out: the form, private, linked from every page's footer, in both languages.
    let res = get("/il-mio-spazio", None).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let html = body_text(res).await;
    assert!(html.contains("Mandami il link") && html.contains("action=\"/il-mio-spazio\""));
    assert!(body_text(get("/", None).await.unwrap())
        .await
        .contains("href=\"/il-mio-spazio\""));
    let html = body_text(get("/en/my-space", None).await.unwrap()).await;
    assert!(html.contains("Send me the link") && html.contains("action=\"/en/my-space\""));

    // A malformed address is pointed out beside the field, as typed.
    let res = post("/il-mio-spazio", "email=gestore%40", None)
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("id=\"email-error\"") && html.contains("value=\"gestore@\""));
    // Any well-formed address: the same answer, in the page's language.
    for body in ["email=GESTORE%40example.it", "email=nessuno%40example.it"] {
        let res = post("/il-mio-spazio", body, None).await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?inviato=1");
        assert!(set_cookies(&res).is_empty());
    }
    let res = post("/en/my-space", "email=nessuno%40example.it", None)
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/en/my-space?inviato=1");
    // The link comes by e-mail, to managers only.
    let mails = wait_for_mail(&t, "gestore@example.it", 1).await;
    assert_eq!(mails.len(), 1);
    assert!(mails_to(&t, "nessuno@example.it").await.is_empty());
    let link = mails[0]
        .split_whitespace()
        .find(|w| w.starts_with("http://spazi.test/il-mio-spazio/accesso/"))
        .unwrap()
        .trim_start_matches("http://spazi.test")
        .to_owned();

    // Opening it shows a button; only the button signs in.
    let html = body_text(get(&link, None).await.unwrap()).await;
    assert!(html.contains("gestore@example.it") && html.contains(&format!("action=\"{link}\"")));
    let res = post(&link, "", None).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio");
    let cookies = set_cookies(&res);
    assert_eq!(cookies.len(), 2, "{cookies:?}");
    assert!(
        cookies[0].contains("Path=/il-mio-spazio;") && cookies[1].contains("Path=/en/my-space;")
    );
    let cookie = cookies[0].split(';').next().unwrap().to_owned();
    // Used: refused, said plainly.
    let res = post(&link, "", None).await.unwrap();
    assert_eq!(res.headers()[header::LOCATION], link.as_str());
    let res = get(&link, None).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(body_text(res).await.contains("non funziona più"));

    // Signed in: their space, and no other.
    let res = get("/il-mio-spazio", Some(&cookie)).await.unwrap();
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let html = body_text(res).await;
    assert!(
        html.contains("gestore@example.it") && html.contains("DumBO"),
        "{html}"
    );
    assert!(!html.contains("BIG"));
    assert!(html.contains("href=\"/spazi/dumbo\""));
    let html = body_text(get("/en/my-space", Some(&cookie)).await.unwrap()).await;
    assert!(html.contains("Your spaces") && html.contains("href=\"/en/spaces/dumbo\""));
    // The manager's cookie opens nothing of the staff area.
    let res = get(
        "/admin",
        Some(&cookie.replace("spazi_manager", "spazi_session")),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    // Staff take the space away: the session no longer reaches it.
    let staff = create(&t, "staff@example.it", Role::Editor).await;
    t.db.remove_space_manager(dumbo, "gestore@example.it", (Some(staff), "s"), NOW)
        .await
        .unwrap();
    let html = body_text(get("/il-mio-spazio", Some(&cookie)).await.unwrap()).await;
    assert!(html.contains("non gestisce più nessuno spazio") && !html.contains("DumBO"));

    // Signing out takes the session's token; then the cookies are cleared and the session
    // is over.
    let res = post("/il-mio-spazio/esci", "csrf=sbagliato", Some(&cookie))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let csrf = csrf_of(&html);
    let res = post(
        "/il-mio-spazio/esci",
        &format!("csrf={csrf}"),
        Some(&cookie),
    )
    .await
    .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?uscito=1");
    assert!(set_cookies(&res).iter().all(|c| c.contains("Max-Age=0")));
    let html = body_text(get("/il-mio-spazio", Some(&cookie)).await.unwrap()).await;
    assert!(html.contains("Mandami il link"));
    t.finish().await;
}

#[tokio::test]
async fn staff_add_and_remove_managers_over_http() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "staff@example.it", Role::Editor).await;
    let cookie = http_sign_in(&app, "staff%40example.it").await;
    let dumbo = space_id(&t, "dumbo").await;
    let page = format!("/admin/spazi/{dumbo}/gestori");
    let html = body_text(
        app.clone()
            .oneshot(get_req(&page, Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    assert!(html.contains("Questo spazio non ha gestori"));
    let csrf = csrf_of(&html);
    let post = |body: String| {
        app.clone()
            .oneshot(post_form(&page, &body, Some(&cookie), Some(ORIGIN)))
    };
    // A malformed address: beside the field, as typed.
    let res = post(format!("csrf={csrf}&azione=aggiungi&email=anna%40"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("id=\"manager-email-error\"") && html.contains("value=\"anna@\""));
    let res = post(format!(
        "csrf={csrf}&azione=aggiungi&email=+Anna%40Example.it"
    ))
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let html = body_text(
        app.clone()
            .oneshot(get_req(&location, Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    assert!(html.contains("anna@example.it ora gestisce lo spazio"));
    assert!(html.contains("aggiunto dallo staff"));
    // The edit page names them and leads here.
    let edit = body_text(
        app.clone()
            .oneshot(get_req(&format!("/admin/spazi/{dumbo}"), Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    assert!(edit.contains("anna@example.it") && edit.contains(&format!("href=\"{page}\"")));
    let res = post(format!("csrf={csrf}&azione=togli&email=anna%40example.it"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(t.db.space_managers(dumbo).await.unwrap().is_empty());
    // Nonsense actions are refused.
    let res = post(format!("csrf={csrf}&azione=rubare&email=anna%40example.it"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    t.finish().await;
}
