//! Space managers against real databases: who manages a space (the contact of an approved
//! request, by a trigger on every path; addresses staff add and remove, audited), sign-in
//! links (only for managers, single use, 30 minutes, within the recipient's and the client's
//! limits), sessions that reach only the address's spaces, proposals, invitations; and the
//! helpers the HTTP tests (`managers_http`, `revisions`, …) share.

use crate::staff::{create, NOW};
use crate::support::{on_both_backends, TestDb};
use app::backend::db::ManagerSource;
use app::backend::mail::Email;
use app::backend::managers::{self, LINK_TTL};
use app::core::model::{Decision, Role};
use axum::http::header;
use std::sync::Mutex;

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
