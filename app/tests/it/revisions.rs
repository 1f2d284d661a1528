//! Managers' proposals beyond the plain approval, over HTTP: spaces whose managers staff trust
//! (their changes published at once, still on record and shown to staff as theirs), and staff
//! correcting a proposal before approving it.

use crate::http::app;
use crate::managers::{dumbo_editor, manage, space_id, Editor};
use crate::staff::{
    body_text, create, csrf_of, fetch_page, html_unescape, http_sign_in, post_form, value_of,
    ORIGIN,
};
use crate::support::TestDb;
use app::core::model::Role;
use app::core::validate::space::SpaceInput;
use axum::http::{header, StatusCode};
use tower::ServiceExt;

/// The manager's form for `input`, as their browser sends it (url-encoded, no photo chosen).
fn proposal(input: &SpaceInput, csrf: &str, base: &str) -> String {
    format!(
        "csrf={csrf}&{}&{}",
        serde_urlencoded::to_string(input).unwrap(),
        serde_urlencoded::to_string([("base", base)]).unwrap()
    )
}

async fn description(t: &TestDb, id: i64) -> Option<String> {
    t.db.staff_space(id)
        .await
        .unwrap()
        .unwrap()
        .current
        .description
}

#[tokio::test]
async fn trusted_managers_publish_at_once_and_staff_see_it() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let dumbo = space_id(&t, "dumbo").await;
    manage(&t, dumbo, "gestore@example.it").await;
    create(&t, "staff@example.it", Role::Editor).await;
    let staff = http_sign_in(&app, "staff%40example.it").await;
    let managers_page = format!("/admin/spazi/{dumbo}/gestori");
    let html = fetch_page(&app, &managers_page, Some(&staff)).await;
    assert!(html.contains("attendono l'approvazione dello staff"));
    let staff_csrf = csrf_of(&html);
    let trust = |action: &str| {
        app.clone().oneshot(post_form(
            &managers_page,
            &format!("csrf={staff_csrf}&azione={action}"),
            Some(&staff),
            Some(ORIGIN),
        ))
    };
    // A crafted notice says nothing.
    let crafted = fetch_page(&app, &format!("{managers_page}?fidati=0"), Some(&staff)).await;
    assert!(!crafted.contains("Da ora"));
    let res = trust("fidati").await.unwrap();
    let told = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(told.starts_with(&format!("{managers_page}?fidati=")));
    let html = fetch_page(&app, &told, Some(&staff)).await;
    assert!(html.contains("Da ora le modifiche dei gestori sono pubblicate subito."));
    assert!(t.db.managers_trusted(dumbo).await.unwrap());
    // Trusted again (a colleague's page): nothing changed, and said so.
    let res = trust("fidati").await.unwrap();
    let told = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert_eq!(told, format!("{managers_page}?fidati=gia"));
    let html = fetch_page(&app, &told, Some(&staff)).await;
    assert!(html.contains("Nessun cambiamento: era già così"));
    let trail = t.db.audit_trail("space", dumbo).await.unwrap();
    assert_eq!(trail[0].action, "managers_trusted");
    assert_eq!(trail[0].actor_email, "staff@example.it");

    // The manager's change is public at once; on record as theirs.
    let Editor {
        cookie,
        edit,
        html,
        listing,
        ..
    } = dumbo_editor(&t, &app).await;
    // The editor says so.
    assert!(html.contains("Pubblica le modifiche") && html.contains("pubblicate subito"));
    let csrf = csrf_of(&html);
    let base = serde_json::to_string(&listing).unwrap();
    let send = |input: SpaceInput| {
        app.clone().oneshot(post_form(
            &edit,
            &proposal(&input, &csrf, &base),
            Some(&cookie),
            Some(ORIGIN),
        ))
    };
    let mut changed = listing.clone();
    changed.description = "Pubblicata subito dal gestore.".into();
    let res = send(changed.clone()).await.unwrap();
    assert_eq!(
        res.headers()[header::LOCATION],
        "/il-mio-spazio?pubblicate=1"
    );
    assert_eq!(
        description(&t, dumbo).await.as_deref(),
        Some("Pubblicata subito dal gestore.")
    );
    let public = fetch_page(&app, "/spazi/dumbo", None).await;
    assert!(public.contains("Pubblicata subito dal gestore."));
    let trail = t.db.audit_trail("space", dumbo).await.unwrap();
    assert_eq!(trail[0].action, "revision_published");
    assert_eq!(trail[0].actor_email, "gestore@example.it");
    let area = fetch_page(&app, "/il-mio-spazio?pubblicate=1", Some(&cookie)).await;
    assert!(area.contains("Modifiche pubblicate"));
    // Staff find it among what managers published, not among what waits for them.
    let list = fetch_page(&app, "/admin/modifiche", Some(&staff)).await;
    assert!(list.contains("Pubblicate dai gestori"));
    assert!(list.contains(&format!("href=\"/admin/spazi/{dumbo}\"")));
    assert!(!list.contains("href=\"/admin/modifiche/"));

    // No longer trusted: the next change waits for staff.
    let res = trust("non-fidati").await.unwrap();
    let told = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let html = fetch_page(&app, &told, Some(&staff)).await;
    assert!(html.contains("Da ora le modifiche dei gestori attendono"));
    let mut again = changed.clone();
    again.description = "Questa aspetta lo staff.".into();
    let res = send(again).await.unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?inviate=1");
    assert_eq!(
        description(&t, dumbo).await.as_deref(),
        Some("Pubblicata subito dal gestore.")
    );
    t.finish().await;
}

#[tokio::test]
async fn staff_correct_a_proposal_before_approving_it() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let Editor {
        dumbo,
        cookie,
        edit,
        html,
        listing,
    } = dumbo_editor(&t, &app).await;
    let before = description(&t, dumbo).await;
    let base = serde_json::to_string(&listing).unwrap();
    let mut proposed = listing.clone();
    proposed.description = "Descrizione con un refuso: spazzio.".into();
    let res = app
        .clone()
        .oneshot(post_form(
            &edit,
            &proposal(&proposed, &csrf_of(&html), &base),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?inviate=1");
    let id = crate::managers::pending_revision(&t).await;

    create(&t, "staff@example.it", Role::Editor).await;
    let staff = http_sign_in(&app, "staff%40example.it").await;
    let page = format!("/admin/modifiche/{id}");
    let detail = fetch_page(&app, &page, Some(&staff)).await;
    assert!(detail.contains("Modifica prima di approvare"));
    assert!(detail.contains("Descrizione con un refuso: spazzio."));
    let csrf = csrf_of(&detail);
    let shown = html_unescape(&value_of(&detail, "base"));
    let version = t.db.staff_space(dumbo).await.unwrap().unwrap().version;
    let decide_at = |input: SpaceInput, version: i64, base: &str| {
        let body = format!(
            "csrf={csrf}&version={version}&azione=modifica&{}&{}",
            serde_urlencoded::to_string(&input).unwrap(),
            serde_urlencoded::to_string([("base", base)]).unwrap()
        );
        app.clone()
            .oneshot(post_form(&page, &body, Some(&staff), Some(ORIGIN)))
    };
    let decide = |input: SpaceInput| decide_at(input, version + 1, &shown);
    // A problem: beside its field, the corrections kept, nothing written.
    let mut corrected = proposed.clone();
    corrected.description = "Descrizione corretta dallo staff.".into();
    corrected.name = String::new();
    let res = decide(corrected.clone()).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("Descrizione corretta dallo staff."));
    assert!(html.contains("id=\"name-error\""));
    assert_eq!(description(&t, dumbo).await, before);
    // Meanwhile a colleague changes the web site: the corrections come back over the newer
    // listing — this person's description kept, the colleague's site too — nothing written.
    sqlx::query(
        "UPDATE spaces SET website = 'https://collega.example.it', version = version + 1 \
         WHERE id = $1",
    )
    .bind(dumbo)
    .execute(t.db.pool())
    .await
    .unwrap();
    corrected.name = listing.name.clone();
    let res = decide_at(corrected.clone(), version, &shown).await.unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = body_text(res).await;
    assert!(html.contains("Descrizione corretta dallo staff."));
    assert_eq!(value_of(&html, "website"), "https://collega.example.it");
    assert_eq!(description(&t, dumbo).await, before);
    let rebased = html_unescape(&value_of(&html, "base"));
    assert_ne!(rebased, shown);
    // Corrected and approved: the listing as staff corrected it; the manager told.
    corrected.website = "https://collega.example.it".into();
    let res = decide_at(corrected, version + 1, &rebased).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        description(&t, dumbo).await.as_deref(),
        Some("Descrizione corretta dallo staff.")
    );
    let (status,): (String,) = sqlx::query_as("SELECT status FROM space_revisions WHERE id = $1")
        .bind(id)
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    assert_eq!(status, "approved");
    let trail = t.db.audit_trail("space", dumbo).await.unwrap();
    assert_eq!(trail[0].action, "revision_approved");
    assert_eq!(trail[0].actor_email, "staff@example.it");
    let mails = crate::managers::mails_to(&t, "gestore@example.it").await;
    assert!(mails.last().unwrap().contains("con qualche correzione"));
    // A colleague's corrections sent after the decision: back, unsaved, beside it.
    let mut late = proposed.clone();
    late.description = "Correzione arrivata tardi.".into();
    let res = decide(late).await.unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = body_text(res).await;
    assert!(html.contains("non sono state salvate") && html.contains("Correzione arrivata tardi."));
    // Only what that colleague changed is listed, not the site their form showed as it was.
    let unsaved = &html[html.find("notice--warning").unwrap()..];
    let unsaved = &unsaved[..unsaved.find("</dl>").unwrap()];
    assert!(unsaved.contains("Descrizione") && !unsaved.contains("Sito web"));
    assert!(html.contains("Questa proposta è stata approvata il"));
    t.finish().await;
}

#[tokio::test]
async fn changes_sent_after_the_session_ended_are_kept_for_the_next_sign_in() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let Editor {
        cookie,
        edit,
        html,
        listing,
        ..
    } = dumbo_editor(&t, &app).await;
    let base = serde_json::to_string(&listing).unwrap();
    let mut typed = listing.clone();
    typed.description = "Scritta mentre la sessione scadeva.".into();
    // The session ends (two hours idle) while the manager types.
    sqlx::query("DELETE FROM manager_sessions")
        .execute(t.db.pool())
        .await
        .unwrap();
    let res = app
        .clone()
        .oneshot(post_form(
            &edit,
            &proposal(&typed, &csrf_of(&html), &base),
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?scaduta=1");
    let cookies = crate::managers::set_cookies(&res);
    assert_eq!(cookies.len(), 2);
    assert!(cookies
        .iter()
        .all(|c| c.contains("HttpOnly") && c.contains("Max-Age=86400")));
    let draft = cookies[0].split(';').next().unwrap().to_owned();
    assert!(draft.starts_with("spazi_bozza="));
    let page = fetch_page(&app, "/il-mio-spazio?scaduta=1", Some(&draft)).await;
    assert!(page.contains("non sono andate perse"));
    // Nothing was proposed.
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM space_revisions")
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 0);

    // Signed in again from a new link: straight back to the editor, with what was typed.
    let now = app::backend::clock::Clock::system().now();
    let token = crate::managers::ask(&t, "gestore@example.it", "10.0.0.51", now)
        .await
        .unwrap();
    let res = app
        .clone()
        .oneshot(post_form(
            &format!("/il-mio-spazio/accesso/{token}"),
            "",
            Some(&draft),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    let restoring = format!("{edit}?bozza=1");
    assert_eq!(res.headers()[header::LOCATION], restoring.as_str());
    let session = crate::managers::set_cookies(&res)[0]
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let both = format!("{session}; {draft}");
    let html = fetch_page(&app, &restoring, Some(&both)).await;
    assert!(html.contains("Scritta mentre la sessione scadeva."));
    assert!(html.contains("non sono ancora state inviate"));
    // Only on the way in: later visits to the editor show the listing.
    let later = fetch_page(&app, &edit, Some(&both)).await;
    assert!(!later.contains("Scritta mentre la sessione scadeva."));
    // Another browser (no draft cookie) sees the listing as it is.
    let plain = fetch_page(&app, &edit, Some(&session)).await;
    assert!(!plain.contains("Scritta mentre la sessione scadeva."));
    // Sent: proposed, and the draft forgotten.
    let res = app
        .clone()
        .oneshot(post_form(
            &edit,
            &proposal(&typed, &csrf_of(&html), &base),
            Some(&both),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?inviate=1");
    assert!(crate::managers::set_cookies(&res)
        .iter()
        .all(|c| c.starts_with("spazi_bozza=;") && c.contains("Max-Age=0")));
    let (kept,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM manager_drafts")
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    assert_eq!(kept, 0);

    // A browser without the session cookie at all (signed out in another tab, cookies
    // cleared): kept too — within the client's limit, so nobody can fill the table.
    let anonymous = || {
        app.clone().oneshot(post_form(
            &edit,
            &proposal(&typed, "da-una-scheda-vecchia", &base),
            None,
            Some(ORIGIN),
        ))
    };
    let res = anonymous().await.unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?scaduta=1");
    assert_eq!(crate::managers::set_cookies(&res).len(), 2);
    let kept = crate::managers::set_cookies(&res)[0]
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let mut last = res;
    for _ in 0..app::backend::managers::DRAFTS_PER_CLIENT {
        last = anonymous().await.unwrap();
    }
    assert_eq!(last.headers()[header::LOCATION], "/il-mio-spazio");
    assert!(crate::managers::set_cookies(&last).is_empty());
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM manager_drafts")
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    assert!(
        count <= app::backend::managers::DRAFTS_PER_CLIENT,
        "{count}"
    );
    // A browser that keeps a draft already has it replaced, past the limit too: nothing lost.
    let mut newer = typed.clone();
    newer.description = "La versione più recente.".into();
    let res = app
        .clone()
        .oneshot(post_form(
            &edit,
            &proposal(&newer, "da-una-scheda-vecchia", &base),
            Some(&kept),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/il-mio-spazio?scaduta=1");
    let (fields,): (String,) =
        sqlx::query_as("SELECT fields FROM manager_drafts WHERE token_hash = $1")
            .bind(app::backend::auth::token_hash(
                kept.trim_start_matches("spazi_bozza="),
            ))
            .fetch_one(t.db.pool())
            .await
            .unwrap();
    assert!(fields.contains("versione+pi%C3%B9+recente"), "{fields}");
    t.finish().await;
}
