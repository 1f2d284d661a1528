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

pub(crate) async fn space_id(t: &TestDb, slug: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM spaces WHERE slug = $1")
        .bind(slug)
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    id
}

pub(crate) async fn mails_to(t: &TestDb, to: &str) -> Vec<String> {
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

/// Space `id`'s listing as its form shows it.
pub(crate) async fn listing_input(t: &TestDb, id: i64) -> app::core::validate::space::SpaceInput {
    t.db.staff_space(id)
        .await
        .unwrap()
        .unwrap()
        .current
        .as_input()
}

/// The proposal waiting for staff (the test's only one).
pub(crate) async fn pending_revision(t: &TestDb) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM space_revisions WHERE status = 'pending'")
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    id
}

/// Makes `email` a manager of space `id` (as staff would).
pub(crate) async fn manage(t: &TestDb, id: i64, email: &str) {
    t.db.add_space_manager(id, email, ManagerSource::Staff, (None, ""), NOW)
        .await
        .unwrap();
}

/// Asks for a link for `email` from client `from` at `now`: the token, when one was made.
pub(crate) async fn ask(t: &TestDb, email: &str, from: &str, now: i64) -> Option<String> {
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
    manage(t, dumbo, "gestore@example.it").await;
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
    manage(t, other, "altro@example.it").await;
    for i in 0..3 {
        assert!(ask(t, "altro@example.it", "10.0.0.3", NOW + 400 + i)
            .await
            .is_some());
    }
    let mut made = 0;
    for i in 0..10 {
        let to = format!("altro{i}@example.it");
        manage(t, other, &to).await;
        made += ask(t, &to, "10.0.0.3", NOW + 500 + i).await.is_some() as i64;
    }
    assert_eq!(made, managers::LINKS_PER_CLIENT - 3);
}
on_both_backends!(sign_in_links_and_sessions);

/// The `Set-Cookie` values of a response.
pub(crate) fn set_cookies(res: &axum::response::Response) -> Vec<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

/// Waits for the spawned task to queue the e-mails to `to` (at most five seconds).
pub(crate) async fn wait_for_mail(t: &TestDb, to: &str, count: usize) -> Vec<String> {
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
    manage(&t, dumbo, "gestore@example.it").await;
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
    // A link sent to staff cannot make the page tell of a change the list does not show.
    for query in ["aggiunto=finto%40example.it", "gia=finto%40example.it"] {
        let html = crate::staff::fetch_page(&app, &format!("{page}?{query}"), Some(&cookie)).await;
        assert!(!html.contains("finto@example.it"), "{query}");
    }
    // Nonsense actions are refused.
    let res = post(format!("csrf={csrf}&azione=rubare&email=anna%40example.it"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    t.finish().await;
}

/// A proposal of `description` for space `id` by `email`, as the editor would send it.
pub(crate) async fn propose_description(
    t: &TestDb,
    id: i64,
    email: &str,
    description: &str,
) -> Option<i64> {
    let listing = t.db.staff_space(id).await.unwrap().unwrap();
    let base = listing.current.as_input();
    let mut proposed = base.clone();
    proposed.description = description.into();
    let valid =
        app::core::validate::space::validate_space(&proposed, app::backend::boundaries::all())
            .unwrap();
    let (_, changed) = app::backend::db::diff(&listing.current, &valid);
    t.db.propose_revision(
        id,
        email,
        "it",
        (
            &serde_json::to_string(&base).unwrap(),
            &serde_json::to_string(&proposed).unwrap(),
        ),
        changed,
        NOW + 100,
    )
    .await
    .unwrap()
}

async fn proposals_wait_for_staff(t: &TestDb) {
    use app::backend::db::Approved;
    t.db.seed(NOW).await.unwrap();
    let staff = create(t, "staff.modifiche@example.it", Role::Editor).await;
    let actor = (staff, "staff.modifiche@example.it");
    let dumbo = space_id(t, "dumbo").await;
    manage(t, dumbo, "gestore@example.it").await;
    // Only a manager of the space may propose.
    assert_eq!(
        propose_description(t, dumbo, "altro@example.it", "Non mio.").await,
        None
    );
    let first = propose_description(t, dumbo, "gestore@example.it", "Prima versione.")
        .await
        .unwrap();
    let second = propose_description(t, dumbo, "gestore@example.it", "Seconda versione.")
        .await
        .unwrap();
    // The listing is as it was; the newer proposal supersedes the older.
    let before = t.db.staff_space(dumbo).await.unwrap().unwrap();
    assert_ne!(
        before.current.description.as_deref(),
        Some("Seconda versione.")
    );
    assert_eq!(
        t.db.revision(first).await.unwrap().unwrap().status,
        "superseded"
    );
    assert_eq!(t.db.revisions_to_review().await.unwrap(), 1);

    // Staff change another field meanwhile: approving applies only the manager's change.
    let mut edited = before.current.clone();
    edited.phone = Some("051 000000".into());
    t.db.update_space(dumbo, &edited, before.version, actor, NOW + 150)
        .await
        .unwrap();
    let proposal = app::backend::revisions::proposal(&t.db, second)
        .await
        .unwrap()
        .unwrap();
    let changes = proposal.changes();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].0, "description");
    assert_eq!(changes[0].2, "Seconda versione.");
    let valid = proposal.valid.clone().unwrap();
    let mail = Email {
        to: "gestore@example.it".into(),
        subject: "approvate".into(),
        text: "approvate".into(),
        ..Default::default()
    };
    // At a version the page did not show: nothing written.
    assert_eq!(
        t.db.approve_revision(second, &valid, before.version, actor, &mail, NOW + 200)
            .await
            .unwrap(),
        Approved::Stale
    );
    let version = proposal.space.version;
    assert_eq!(
        t.db.approve_revision(second, &valid, version, actor, &mail, NOW + 200)
            .await
            .unwrap(),
        Approved::Done
    );
    let after = t.db.staff_space(dumbo).await.unwrap().unwrap();
    assert_eq!(
        after.current.description.as_deref(),
        Some("Seconda versione.")
    );
    assert_eq!(after.current.phone.as_deref(), Some("051 000000"));
    assert_eq!(mails_to(t, "gestore@example.it").await.len(), 1);
    // Once.
    assert_eq!(
        t.db.approve_revision(second, &valid, after.version, actor, &mail, NOW + 201)
            .await
            .unwrap(),
        Approved::Gone
    );
    let trail = t.db.audit_trail("space", dumbo).await.unwrap();
    assert!(trail
        .iter()
        .any(|a| a.action == "revision_approved" && a.actor_email == actor.1));
    assert!(trail
        .iter()
        .any(|a| a.action == "revision_proposed" && a.actor_email == "gestore@example.it"));

    // Not approved: the listing stays, the reason is kept and sent.
    let third = propose_description(t, dumbo, "gestore@example.it", "Terza.")
        .await
        .unwrap();
    assert!(t
        .db
        .reject_revision(third, "Troppo breve.", actor, &mail, NOW + 300)
        .await
        .unwrap());
    let latest = t.db.latest_revision(dumbo).await.unwrap().unwrap();
    assert_eq!((latest.id, latest.status.as_str()), (third, "rejected"));
    assert_eq!(latest.reason.as_deref(), Some("Troppo breve."));
    assert_eq!(
        t.db.staff_space(dumbo)
            .await
            .unwrap()
            .unwrap()
            .current
            .description
            .as_deref(),
        Some("Seconda versione.")
    );
    assert!(!t
        .db
        .reject_revision(third, "Di nuovo.", actor, &mail, NOW + 301)
        .await
        .unwrap());
}
on_both_backends!(proposals_wait_for_staff);

/// A manager's session cookie for `email` (signed in through a link, now).
pub(crate) async fn manager_cookie(t: &TestDb, email: &str) -> String {
    let now = app::backend::clock::Clock::system().now();
    let token = ask(t, email, "10.0.0.50", now).await.unwrap();
    let session = managers::sign_in(&t.db, &token, now)
        .await
        .unwrap()
        .unwrap();
    format!("spazi_manager={session}")
}

/// DumBO's manager, signed in, on their editor: the page and the listing it shows.
pub(crate) struct Editor {
    pub dumbo: i64,
    pub cookie: String,
    pub edit: String,
    pub html: String,
    pub listing: app::core::validate::space::SpaceInput,
}

pub(crate) async fn dumbo_editor(t: &TestDb, app: &axum::Router) -> Editor {
    let dumbo = space_id(t, "dumbo").await;
    manage(t, dumbo, "gestore@example.it").await;
    let cookie = manager_cookie(t, "gestore@example.it").await;
    let edit = format!("/il-mio-spazio/spazi/{dumbo}");
    let html = crate::staff::fetch_page(app, &edit, Some(&cookie)).await;
    let listing = listing_input(t, dumbo).await;
    Editor {
        dumbo,
        cookie,
        edit,
        html,
        listing,
    }
}

#[tokio::test]
async fn a_proposal_over_http_from_the_manager_to_the_public_page() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let (dumbo, big) = (
        space_id(&t, "dumbo").await,
        space_id(&t, "big-boost-innovation-garage").await,
    );
    manage(&t, dumbo, "gestore@example.it").await;
    manage(&t, big, "altra@example.it").await;
    let cookie = manager_cookie(&t, "gestore@example.it").await;
    let get = |uri: String| app.clone().oneshot(get_req(&uri, Some(&cookie)));
    let post = |uri: String, body: String| {
        app.clone()
            .oneshot(post_form(&uri, &body, Some(&cookie), Some(ORIGIN)))
    };

    // The area leads to the editor, which shows the listing.
    let area = body_text(get("/il-mio-spazio".into()).await.unwrap()).await;
    assert!(area.contains(&format!("href=\"/il-mio-spazio/spazi/{dumbo}\"")));
    let res = get(format!("/il-mio-spazio/spazi/{dumbo}")).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let html = body_text(res).await;
    assert!(html.contains("value=\"DumBO\""));
    let csrf = csrf_of(&html);

    // Another space, in either language, read or written: not found, as if it did not exist.
    for uri in [
        format!("/il-mio-spazio/spazi/{big}"),
        format!("/en/my-space/spaces/{big}"),
        "/il-mio-spazio/spazi/999999".to_owned(),
    ] {
        assert_eq!(
            get(uri.clone()).await.unwrap().status(),
            StatusCode::NOT_FOUND,
            "{uri}"
        );
        let res = post(uri.clone(), format!("csrf={csrf}&name=Preso"))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{uri}");
    }
    // Without the session: to the sign-in; without its token: refused.
    let res = app
        .clone()
        .oneshot(get_req(&format!("/il-mio-spazio/spazi/{dumbo}"), None))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio");
    let form = |input: &app::core::validate::space::SpaceInput, csrf: &str| {
        format!(
            "csrf={csrf}&{}",
            serde_urlencoded::to_string(input).unwrap()
        )
    };
    let listing = listing_input(&t, dumbo).await;
    let base = serde_json::to_string(&listing).unwrap();
    let with_base = |body: String| {
        format!(
            "{body}&{}",
            serde_urlencoded::to_string([("base", &base)]).unwrap()
        )
    };
    let edit = format!("/il-mio-spazio/spazi/{dumbo}");
    // A form of another session (signed in again in another tab): nothing stored, and what
    // was typed comes back in this session's form, to send again.
    let mut typed = listing.clone();
    typed.description = "Scritta in una scheda vecchia.".into();
    let res = post(edit.clone(), with_base(form(&typed, "sbagliato")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = body_text(res).await;
    assert!(html.contains("Scritta in una scheda vecchia."));
    assert!(html.contains("non sono ancora state inviate"));
    assert_eq!(csrf_of(&html), csrf);
    // Nothing changed: said so.
    let res = post(edit.clone(), with_base(form(&listing, &csrf)))
        .await
        .unwrap();
    assert_eq!(
        res.headers()[header::LOCATION],
        format!("/il-mio-spazio/spazi/{dumbo}?invariata=1").as_str()
    );
    // The space form's checks, beside the fields, with what was typed.
    let mut bad = listing.clone();
    bad.name = String::new();
    bad.description = "Una descrizione nuova.".into();
    let res = post(edit.clone(), with_base(form(&bad, &csrf)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("Una descrizione nuova.") && html.contains("aria-invalid=\"true\""));
    // A good proposal: sent; the public page is as it was.
    let mut good = listing.clone();
    good.description = "La nuova descrizione di DumBO.".into();
    let res = post(edit.clone(), with_base(form(&good, &csrf)))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?inviate=1");
    let public = body_text(
        app.clone()
            .oneshot(get_req("/spazi/dumbo", None))
            .await
            .unwrap(),
    )
    .await;
    assert!(!public.contains("La nuova descrizione di DumBO."));
    let area = body_text(get("/il-mio-spazio".into()).await.unwrap()).await;
    assert!(area.contains("in attesa dello staff"));

    // Staff see it, field by field, and approve it.
    create(&t, "staff@example.it", Role::Editor).await;
    let staff = http_sign_in(&app, "staff%40example.it").await;
    let staff_get = |uri: String| app.clone().oneshot(get_req(&uri, Some(&staff)));
    let list = body_text(staff_get("/admin/modifiche".into()).await.unwrap()).await;
    assert!(list.contains("gestore@example.it"));
    let id = pending_revision(&t).await;
    let detail = body_text(staff_get(format!("/admin/modifiche/{id}")).await.unwrap()).await;
    assert!(detail.contains("La nuova descrizione di DumBO."));
    let staff_csrf = csrf_of(&detail);
    let version = t.db.staff_space(dumbo).await.unwrap().unwrap().version;
    let decide = |body: String| {
        app.clone().oneshot(post_form(
            &format!("/admin/modifiche/{id}"),
            &body,
            Some(&staff),
            Some(ORIGIN),
        ))
    };
    // Not approving needs a reason.
    let res = decide(format!(
        "csrf={staff_csrf}&version={version}&azione=respingi&motivo="
    ))
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A stale page: shown again, nothing written.
    let res = decide(format!(
        "csrf={staff_csrf}&version={}&azione=approva",
        version - 1
    ))
    .await
    .unwrap();
    assert_eq!(
        res.headers()[header::LOCATION],
        format!("/admin/modifiche/{id}?superata=1").as_str()
    );
    let res = decide(format!(
        "csrf={staff_csrf}&version={version}&azione=approva"
    ))
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let public = body_text(
        app.clone()
            .oneshot(get_req("/spazi/dumbo", None))
            .await
            .unwrap(),
    )
    .await;
    assert!(public.contains("La nuova descrizione di DumBO."));
    let mails = mails_to(&t, "gestore@example.it").await;
    assert!(mails
        .last()
        .unwrap()
        .contains("http://spazi.test/spazi/dumbo"));
    let area = body_text(get("/il-mio-spazio".into()).await.unwrap()).await;
    assert!(area.contains("Modifiche approvate"));
    t.finish().await;
}

async fn managers_invite_colleagues(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    let (dumbo, big) = (
        space_id(t, "dumbo").await,
        space_id(t, "big-boost-innovation-garage").await,
    );
    manage(t, dumbo, "gestore@example.it").await;
    let mail = |to: &str| Email {
        to: to.into(),
        subject: "invito".into(),
        text: "invito".into(),
        ..Default::default()
    };
    let invite = |space: i64, email: &'static str, inviter: &'static str| {
        let db = t.db.clone();
        let mail = mail(email);
        async move {
            db.invite_manager(space, email, inviter, &mail, NOW + 10)
                .await
                .unwrap()
        }
    };
    assert_eq!(
        invite(dumbo, "collega@example.it", "gestore@example.it").await,
        Some(true)
    );
    assert_eq!(
        invite(dumbo, "collega@example.it", "gestore@example.it").await,
        Some(false)
    );
    // Only for a space of their own.
    assert_eq!(
        invite(big, "intruso@example.it", "gestore@example.it").await,
        None
    );
    assert!(t.db.space_managers(big).await.unwrap().is_empty());
    let managers = t.db.space_managers(dumbo).await.unwrap();
    let colleague = managers
        .iter()
        .find(|m| m.email == "collega@example.it")
        .unwrap();
    assert_eq!(colleague.source, "manager");
    assert_eq!(mails_to(t, "collega@example.it").await.len(), 1);
    let trail = t.db.audit_trail("space", dumbo).await.unwrap();
    assert!(trail
        .iter()
        .any(|a| a.action == "manager_added" && a.actor_email == "gestore@example.it"));
    // The colleague signs in like any manager.
    assert!(ask(t, "collega@example.it", "10.0.0.9", NOW + 20)
        .await
        .is_some());
}
on_both_backends!(managers_invite_colleagues);

#[tokio::test]
async fn inviting_a_colleague_over_http() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let (dumbo, big) = (
        space_id(&t, "dumbo").await,
        space_id(&t, "big-boost-innovation-garage").await,
    );
    manage(&t, dumbo, "gestore@example.it").await;
    let cookie = manager_cookie(&t, "gestore@example.it").await;
    let page = format!("/il-mio-spazio/gestori/{dumbo}");
    let res = app
        .clone()
        .oneshot(get_req(&page, Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = body_text(res).await;
    assert!(html.contains("gestore@example.it") && html.contains("Chi gestisce DumBO"));
    let csrf = csrf_of(&html);
    let post = |uri: String, body: String| {
        app.clone()
            .oneshot(post_form(&uri, &body, Some(&cookie), Some(ORIGIN)))
    };
    // Another space: not found, read or written, in either language.
    for uri in [
        format!("/il-mio-spazio/gestori/{big}"),
        format!("/en/my-space/managers/{big}"),
    ] {
        let res = app
            .clone()
            .oneshot(get_req(&uri, Some(&cookie)))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{uri}");
        let res = post(uri.clone(), format!("csrf={csrf}&email=x%40example.it"))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{uri}");
    }
    let res = post(page.clone(), format!("csrf={csrf}&email=collega%40"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res).await.contains("id=\"invite-email-error\""));
    let res = post(
        page.clone(),
        format!("csrf={csrf}&email=Collega%40Example.it"),
    )
    .await
    .unwrap();
    assert_eq!(
        res.headers()[header::LOCATION],
        format!("{page}?invitato=collega%40example.it").as_str()
    );
    let mails = mails_to(&t, "collega@example.it").await;
    assert!(
        mails[0].contains("gestore@example.it")
            && mails[0].contains("http://spazi.test/il-mio-spazio")
    );
    t.finish().await;
}

/// A manager who uses the English area is written to in English: the sign-in link, and the
/// decision on a proposal sent from the English editor. The staff's list then names the
/// decision from the database: an address claiming another decision shows nothing.
#[tokio::test]
async fn a_manager_in_english_is_written_to_in_english() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let dumbo = space_id(&t, "dumbo").await;
    manage(&t, dumbo, "english@example.it").await;
    let res = app
        .clone()
        .oneshot(post_form(
            "/en/my-space",
            "email=english%40example.it",
            None,
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/en/my-space?inviato=1");
    // The link is made after the answer (so its time says nothing): wait for it.
    let mut mails = Vec::new();
    for _ in 0..200 {
        mails = mails_to(&t, "english@example.it").await;
        if !mails.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(
        mails[0].contains("http://spazi.test/en/my-space/sign-in/"),
        "{}",
        mails[0]
    );

    let cookie = manager_cookie(&t, "english@example.it").await;
    let edit = format!("/en/my-space/spaces/{dumbo}");
    let html = crate::staff::fetch_page(&app, &edit, Some(&cookie)).await;
    let csrf = csrf_of(&html);
    let listing = listing_input(&t, dumbo).await;
    let mut changed = listing.clone();
    changed.description = "Described in English.".into();
    let body = format!(
        "csrf={csrf}&{}&{}",
        serde_urlencoded::to_string(&changed).unwrap(),
        serde_urlencoded::to_string([("base", serde_json::to_string(&listing).unwrap())]).unwrap()
    );
    let res = app
        .clone()
        .oneshot(post_form(&edit, &body, Some(&cookie), Some(ORIGIN)))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/en/my-space?inviate=1");

    create(&t, "staff@example.it", Role::Editor).await;
    let staff = http_sign_in(&app, "staff%40example.it").await;
    let id = pending_revision(&t).await;
    let list = |query: String| {
        let uri = format!("/admin/modifiche{query}");
        let (app, staff) = (app.clone(), staff.clone());
        async move { crate::staff::fetch_page(&app, &uri, Some(&staff)).await }
    };
    // Not decided yet, or not a proposal: the address alone makes no notice.
    for query in [format!("?decisa={id}"), "?decisa=999999".into()] {
        assert!(!list(query).await.contains("role=\"status\""));
    }
    let detail = list(format!("/{id}")).await;
    let version = t.db.staff_space(dumbo).await.unwrap().unwrap().version;
    let res = app
        .clone()
        .oneshot(post_form(
            &format!("/admin/modifiche/{id}"),
            &format!(
                "csrf={}&version={version}&azione=respingi&motivo=Troppo+breve",
                csrf_of(&detail)
            ),
            Some(&staff),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(
        res.headers()[header::LOCATION],
        format!("/admin/modifiche?decisa={id}").as_str()
    );
    assert!(list(format!("?decisa={id}"))
        .await
        .contains("Modifiche a DumBO non approvate"));
    let mails = mails_to(&t, "english@example.it").await;
    let decision = mails.last().unwrap();
    assert!(
        decision.contains("did not approve") && decision.contains("http://spazi.test/en/my-space"),
        "{decision}"
    );
    // The editor starts from the proposal staff did not approve, to correct it; or, asked,
    // from the listing.
    let again = crate::staff::fetch_page(&app, &edit, Some(&cookie)).await;
    assert!(again.contains("Described in English.") && again.contains("Troppo breve"));
    let afresh = crate::staff::fetch_page(&app, &format!("{edit}?da-capo=1"), Some(&cookie)).await;
    assert!(!afresh.contains("Described in English."));
    t.finish().await;
}
