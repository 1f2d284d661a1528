//! How fresh a listing is, against real databases and over HTTP: what confirms it (staff
//! saving it, an approved request or proposal; never an import), what the pages say, and the
//! yearly round that asks each manager — in their language — to confirm it by one click.

use crate::http::app;
use crate::managers::{mails_to, manage, propose_description, space_id};
use crate::staff::{
    body_text, create, csrf_of, fetch_page, get_req, http_sign_in, post_form, NOW, ORIGIN,
};
use crate::support::{on_both_backends, TestDb};
use app::backend::mail::Email;
use app::backend::managers;
use app::core::model::{Decision, Role};
use axum::http::{header, StatusCode};
use std::sync::Mutex;
use tower::ServiceExt;

async fn confirmed_at(t: &TestDb, id: i64) -> Option<i64> {
    let (at,): (Option<i64>,) = sqlx::query_as("SELECT confirmed_at FROM spaces WHERE id = $1")
        .bind(id)
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    at
}

async fn what_confirms_a_listing(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    let staff = create(t, "staff.conferme@example.it", Role::Editor).await;
    let actor = (staff, "staff.conferme@example.it");
    let dumbo = space_id(t, "dumbo").await;
    // The 2021 list: never confirmed.
    assert_eq!(confirmed_at(t, dumbo).await, None);
    // An import's change is not a confirmation; a staff member's save is.
    let listing = t.db.staff_space(dumbo).await.unwrap().unwrap();
    let mut changed = listing.current.clone();
    changed.phone = Some("051 111111".into());
    t.db.update_space_as(
        dumbo,
        &changed,
        listing.version,
        actor,
        "import",
        NOW + 10,
        None,
    )
    .await
    .unwrap();
    assert_eq!(confirmed_at(t, dumbo).await, None);
    changed.phone = Some("051 222222".into());
    t.db.update_space(dumbo, &changed, listing.version + 1, actor, NOW + 20)
        .await
        .unwrap();
    assert_eq!(confirmed_at(t, dumbo).await, Some(NOW + 20));
    // An approved join request confirms its space, whatever approves it.
    let requested = crate::privacy::join_request(t, "nuova@example.it", NOW).await;
    assert_eq!(confirmed_at(t, requested).await, None);
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM submissions WHERE space_id = $1")
        .bind(requested)
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    let mail = Email {
        to: "nuova@example.it".into(),
        ..Default::default()
    };
    t.db.decide_submission(id, Decision::Approved, None, &mail, None, actor, NOW + 30)
        .await
        .unwrap();
    assert_eq!(confirmed_at(t, requested).await, Some(NOW + 30));
    // An approved proposal confirms its listing.
    manage(t, dumbo, "gestore@example.it").await;
    let revision = propose_description(t, dumbo, "gestore@example.it", "Confermata.")
        .await
        .unwrap();
    let proposal = app::backend::revisions::proposal(&t.db, revision)
        .await
        .unwrap()
        .unwrap();
    t.db.approve_revision(
        revision,
        &proposal.valid.clone().unwrap(),
        proposal.space.version,
        actor,
        &mail,
        NOW + 40,
    )
    .await
    .unwrap();
    assert_eq!(confirmed_at(t, dumbo).await, Some(NOW + 40));
}
on_both_backends!(what_confirms_a_listing);

#[tokio::test]
async fn pages_say_how_fresh_a_listing_is() {
    let t = TestDb::sqlite().await;
    let now = app::backend::clock::Clock::system().now();
    let dumbo = {
        t.db.seed(NOW).await.unwrap();
        space_id(&t, "dumbo").await
    };
    let page = |clock: app::backend::clock::Clock| {
        let t = &t;
        async move {
            let app = crate::http::app_at(t, clock).await;
            body_text(app.oneshot(get_req("/spazi/dumbo", None)).await.unwrap()).await
        }
    };
    let list = |clock: app::backend::clock::Clock| {
        let t = &t;
        async move {
            let app = crate::http::app_at(t, clock).await;
            body_text(app.oneshot(get_req("/?q=dumbo", None)).await.unwrap()).await
        }
    };
    let fixed = app::backend::clock::Clock::fixed;
    assert!(page(fixed(now))
        .await
        .contains("Informazioni non ancora confermate"));
    sqlx::query("UPDATE spaces SET confirmed_at = $1 WHERE id = $2")
        .bind(1_773_316_800_i64) // 12 March 2026, noon in Rome
        .bind(dumbo)
        .execute(t.db.pool())
        .await
        .unwrap();
    let fresh = page(fixed(1_773_316_800 + 30 * 86_400)).await;
    assert!(
        fresh.contains("Informazioni confermate il 12 marzo 2026<"),
        "{fresh}"
    );
    assert!(list(fixed(1_773_316_800 + 30 * 86_400))
        .await
        .contains("Informazioni confermate il 12 marzo 2026<"));
    // Past the period (a year by default): said plainly, on the page and in the list.
    let later = fixed(1_773_316_800 + 400 * 86_400);
    assert!(page(later).await.contains(
        "Informazioni confermate il 12 marzo 2026: potrebbero non essere più aggiornate"
    ));
    assert!(list(later)
        .await
        .contains("potrebbero non essere più aggiornate"));
    t.finish().await;
}

/// One round of the yearly confirmations at `now` (a year's period): the links e-mailed.
async fn confirmation_round(t: &TestDb, now: i64) -> Vec<String> {
    let seen = Mutex::new(Vec::new());
    let compose = |m: &app::backend::db::ConfirmationMail| {
        seen.lock().unwrap().push(m.token.to_owned());
        app::backend::emails::confirmation_request(m, "http://spazi.test")
    };
    t.db.queue_confirmations(now, 365 * 86_400, &managers::confirmation_token, &compose)
        .await
        .unwrap();
    seen.into_inner().unwrap()
}

async fn managers_confirm_their_listing_yearly(t: &TestDb) {
    use app::backend::db::REMIND_AFTER;
    use app::backend::managers::Answered;
    t.db.seed(NOW).await.unwrap();
    let dumbo = space_id(t, "dumbo").await;
    manage(t, dumbo, "gestore@example.it").await;
    let staff_mail = |space: &str, _: i64, manager: &str| Email {
        to: "staff@example.it".into(),
        subject: "chiuso".into(),
        text: format!("{manager} {space}"),
        ..Default::default()
    };
    // Never confirmed, with a manager: asked once (the spaces without managers are not).
    let links = confirmation_round(t, NOW).await;
    assert_eq!(links.len(), 1);
    assert!(confirmation_round(t, NOW + 3600).await.is_empty());
    let mails = mails_to(t, "gestore@example.it").await;
    assert!(mails[0].contains(&format!("/il-mio-spazio/conferma/{}", links[0])));
    // A month without an answer: one reminder, with a link of its own.
    let reminder = confirmation_round(t, NOW + REMIND_AFTER + 10).await;
    assert_eq!(reminder.len(), 1);
    assert_ne!(reminder[0], links[0]);
    assert!(confirmation_round(t, NOW + REMIND_AFTER + 20)
        .await
        .is_empty());
    let counts = |at: i64| {
        let db = t.db.clone();
        async move { db.freshness_counts(at, 365 * 86_400).await.unwrap() }
    };
    assert_eq!(counts(NOW + REMIND_AFTER + 30).await.overdue, 0);
    let late = NOW + 2 * REMIND_AFTER + 60;
    let before = counts(late).await;
    assert_eq!(before.overdue, 1);
    assert_eq!(before.confirmed, 0);
    assert!(before.no_manager > 10);
    // One click on the first link: confirmed now; the link is used up.
    assert_eq!(
        managers::answer(&t.db, &links[0], "confirmed", staff_mail, late)
            .await
            .unwrap(),
        Answered::Confirmed
    );
    assert_eq!(confirmed_at(t, dumbo).await, Some(late));
    assert_eq!(
        managers::answer(&t.db, &links[0], "confirmed", staff_mail, late)
            .await
            .unwrap(),
        Answered::Dead
    );
    let after = counts(late).await;
    assert_eq!((after.confirmed, after.overdue), (1, 0));
    // Confirmed: not asked again until the period has passed.
    assert!(confirmation_round(t, late + 86_400).await.is_empty());
    // Staff ask now; "update" signs the manager in; "closed" tells staff.
    let staff = create(t, "staff.conferme@example.it", Role::Editor).await;
    let seen = Mutex::new(Vec::new());
    let compose = |m: &app::backend::db::ConfirmationMail| {
        seen.lock().unwrap().push(m.token.to_owned());
        app::backend::emails::confirmation_request(m, "http://spazi.test")
    };
    for _ in 0..2 {
        assert_eq!(
            t.db.ask_confirmation(
                dumbo,
                (staff, "staff.conferme@example.it"),
                &managers::confirmation_token,
                &compose,
                late + 100
            )
            .await
            .unwrap(),
            1
        );
    }
    let asked = seen.into_inner().unwrap();
    // A week on, "update" no longer signs in (a sign-in link is asked for instead), and the
    // link is not used up by it.
    let week_on = late + 100 + managers::UPDATE_SIGN_IN_TTL + 1;
    assert_eq!(
        managers::answer(&t.db, &asked[0], "update", staff_mail, week_on)
            .await
            .unwrap(),
        Answered::TooOldToSignIn
    );
    let Answered::Update { session, space_id } =
        managers::answer(&t.db, &asked[0], "update", staff_mail, late + 200)
            .await
            .unwrap()
    else {
        panic!("update signs in")
    };
    assert_eq!(space_id, dumbo);
    let live = managers::session(&t.db, &session, late + 201)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(live.email, "gestore@example.it");
    assert_eq!(
        managers::answer(&t.db, &asked[1], "closed", staff_mail, late + 300)
            .await
            .unwrap(),
        Answered::Closed
    );
    assert_eq!(mails_to(t, "staff@example.it").await.len(), 1);
    assert_eq!(counts(late + 400).await.closed, 1);
    // A manager confirming it afterwards does not take the report away; staff acting does.
    let again = Mutex::new(Vec::new());
    let compose = |m: &app::backend::db::ConfirmationMail| {
        again.lock().unwrap().push(m.token.to_owned());
        app::backend::emails::confirmation_request(m, "http://spazi.test")
    };
    t.db.ask_confirmation(
        dumbo,
        (staff, "staff.conferme@example.it"),
        &managers::confirmation_token,
        &compose,
        late + 310,
    )
    .await
    .unwrap();
    let token = again.into_inner().unwrap().remove(0);
    assert_eq!(
        managers::answer(&t.db, &token, "confirmed", staff_mail, late + 320)
            .await
            .unwrap(),
        Answered::Confirmed
    );
    assert_eq!(counts(late + 400).await.closed, 1);
    t.db.set_managers_trusted(
        dumbo,
        true,
        (staff, "staff.conferme@example.it"),
        late + 330,
    )
    .await
    .unwrap();
    assert_eq!(counts(late + 400).await.closed, 0);
    // An expired link: refused.
    let old = confirmation_round(t, late + 400 * 86_400).await;
    assert_eq!(old.len(), 1);
    assert_eq!(
        managers::answer(&t.db, &old[0], "confirmed", staff_mail, late + 500 * 86_400)
            .await
            .unwrap(),
        Answered::Dead
    );
}
on_both_backends!(managers_confirm_their_listing_yearly);

#[tokio::test]
async fn confirming_by_one_click_over_http() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let dumbo = space_id(&t, "dumbo").await;
    manage(&t, dumbo, "gestore@example.it").await;
    create(&t, "staff@example.it", Role::Editor).await;
    let staff = http_sign_in(&app, "staff%40example.it").await;
    let page = format!("/admin/spazi/{dumbo}/gestori");
    let html = body_text(
        app.clone()
            .oneshot(get_req(&page, Some(&staff)))
            .await
            .unwrap(),
    )
    .await;
    let csrf = csrf_of(&html);
    let res = app
        .clone()
        .oneshot(post_form(
            &page,
            &format!("csrf={csrf}&azione=chiedi"),
            Some(&staff),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    let told = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(told.starts_with(&format!("{page}?chiesto=1&a=")), "{told}");
    let html = fetch_page(&app, &told, Some(&staff)).await;
    assert!(html.contains("Chiesto all'unico gestore"));
    let mail = mails_to(&t, "gestore@example.it").await.pop().unwrap();
    let link = mail
        .split_whitespace()
        .find(|w| w.starts_with("http://spazi.test/il-mio-spazio/conferma/"))
        .unwrap()
        .trim_start_matches("http://spazi.test")
        .to_owned();
    // The link shows the listing and the three answers; only a button answers.
    let html = body_text(app.clone().oneshot(get_req(&link, None)).await.unwrap()).await;
    assert!(html.contains("Sì, è tutto giusto") && html.contains("DumBO"));
    // Every field, an empty one said to be empty, and how exact the pin is.
    assert!(html.contains("Precisione della posizione"));
    assert!(html.contains("<dd class=\"facts__empty\">non indicato</dd>"));
    assert!(!html.contains("già confermate"));
    // Confirmed meanwhile (a co-manager's link, a staff save): said, the answers still there.
    sqlx::query(
        "UPDATE spaces SET confirmed_at = (SELECT MAX(sent_at) FROM confirmation_requests)",
    )
    .execute(t.db.pool())
    .await
    .unwrap();
    let html = body_text(app.clone().oneshot(get_req(&link, None)).await.unwrap()).await;
    assert!(html.contains("Le informazioni risultano già confermate il"));
    assert!(html.contains("Sì, è tutto giusto"));
    let answer = |body: &'static str| {
        app.clone()
            .oneshot(post_form(&link, body, None, Some(ORIGIN)))
    };
    assert_eq!(
        answer("azione=boh").await.unwrap().status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let res = answer("azione=conferma").await.unwrap();
    let done = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert_eq!(done, format!("{link}?fatto=confermata"));
    let html = body_text(app.clone().oneshot(get_req(&done, None)).await.unwrap()).await;
    assert!(html.contains("risultano confermate da oggi"));
    // The thanks is for the answer the link was given, not for what an address says.
    let made_up = format!(
        "/il-mio-spazio/conferma/{}?fatto=confermata",
        "0".repeat(64)
    );
    let html = crate::staff::fetch_page(&app, &made_up, None).await;
    assert!(!html.contains("risultano confermate da oggi"));
    let html = crate::staff::fetch_page(&app, &format!("{link}?fatto=chiuso"), None).await;
    assert!(html.contains("risultano confermate da oggi") && !html.contains("Grazie per"));
    // Used up.
    let res = answer("azione=conferma").await.unwrap();
    assert_eq!(res.headers()[header::LOCATION], link.as_str());
    let res = app.clone().oneshot(get_req(&link, None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // The public page says so.
    let public = body_text(
        app.clone()
            .oneshot(get_req("/spazi/dumbo", None))
            .await
            .unwrap(),
    )
    .await;
    assert!(public.contains("Informazioni confermate il "));
    assert!(!public.contains("non ancora confermate"));
    // Staff see it on the dashboard.
    let dashboard = body_text(
        app.clone()
            .oneshot(get_req("/admin", Some(&staff)))
            .await
            .unwrap(),
    )
    .await;
    assert!(dashboard.contains("Schede e conferme"));
    t.finish().await;
}

/// The yearly request reaches each manager in their language: a request to join's, then the
/// managers' area's where they last asked for a link; a colleague invited, the inviter's.
async fn managers_are_asked_in_their_language(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    let dumbo = space_id(t, "dumbo").await;
    manage(t, dumbo, "italiana@example.it").await;
    manage(t, dumbo, "english@example.it").await;
    t.db.set_manager_lang("english@example.it", "en")
        .await
        .unwrap();
    // Nothing for an address that manages nothing.
    t.db.set_manager_lang("nobody@example.it", "en")
        .await
        .unwrap();
    let invite = Email {
        to: "colleague@example.it".into(),
        subject: "invite".into(),
        text: "invite".into(),
        ..Default::default()
    };
    t.db.invite_manager(
        dumbo,
        "colleague@example.it",
        "english@example.it",
        &invite,
        NOW,
    )
    .await
    .unwrap();
    confirmation_round(t, NOW).await;
    let subject = |to: &'static str| async move {
        let (subject,): (String,) = sqlx::query_as(
            "SELECT subject FROM email_outbox WHERE to_address = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(to)
        .fetch_one(t.db.pool())
        .await
        .unwrap();
        subject
    };
    let it = app::i18n::Lang::It.texts().managers.mail_confirm_subject;
    let en = app::i18n::Lang::En.texts().managers.mail_confirm_subject;
    assert_ne!(it, en);
    assert_eq!(subject("italiana@example.it").await, it);
    assert_eq!(subject("english@example.it").await, en);
    assert_eq!(subject("colleague@example.it").await, en);
    let mails = mails_to(t, "english@example.it").await;
    assert!(mails[0].contains("http://spazi.test/en/my-space/confirm/"));
}
on_both_backends!(managers_are_asked_in_their_language);

/// Each count of the staff's freshness box leads to a list of exactly those listings.
async fn the_dashboard_lists_each_freshness_group(t: &TestDb) {
    use app::core::view::FreshnessGroup;
    t.db.seed(NOW).await.unwrap();
    let dumbo = space_id(t, "dumbo").await;
    manage(t, dumbo, "gestore@example.it").await;
    let period = 365 * 86_400;
    let counts = t.db.freshness_counts(NOW, period).await.unwrap();
    for group in FreshnessGroup::ALL {
        let listed =
            t.db.staff_spaces(None, None, (false, false), Some((group, NOW, period)))
                .await
                .unwrap();
        assert_eq!(listed.len() as i64, group.count(&counts), "{group:?}");
        assert!(listed
            .iter()
            .all(|s| s.status == app::core::model::SpaceStatus::Published));
        let has_dumbo = listed.iter().any(|s| s.id == dumbo);
        match group {
            FreshnessGroup::NoManager => assert!(!has_dumbo),
            FreshnessGroup::Due => assert!(has_dumbo),
            _ => {}
        }
    }
    assert!(counts.no_manager > 10 && counts.due > counts.no_manager);
}
on_both_backends!(the_dashboard_lists_each_freshness_group);

#[tokio::test]
async fn the_freshness_box_links_to_its_lists() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "staff@example.it", Role::Editor).await;
    let staff = http_sign_in(&app, "staff%40example.it").await;
    let home = crate::staff::fetch_page(&app, "/admin", Some(&staff)).await;
    assert!(home.contains("href=\"/admin?freschezza=senza-gestore\" aria-label=\"Senza gestore: "));
    let list =
        crate::staff::fetch_page(&app, "/admin?freschezza=senza-gestore", Some(&staff)).await;
    assert!(list.contains("Filtro: «Senza gestore» (solo spazi pubblicati)."));
    assert!(list.contains("DumBO"));
    t.finish().await;
}
