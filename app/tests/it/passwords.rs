//! Forgotten and changed passwords against real databases: a link e-mailed to active accounts
//! only, at most one every ten minutes, that sets the password once; a change that needs the
//! current password (under the sign-in's lockout) and ends the account's other sessions; and
//! both over HTTP, "Password dimenticata?" answering every address the same.

use crate::http::app;
use crate::staff::{
    body_text, create, csrf_of, get_req, http_sign_in, post_form, NOW, ORIGIN, PASSWORD,
};
use crate::support::{on_both_backends, TestDb};
use app::backend::auth::passwords::{self, Accepted, Changed, RESET_EVERY, RESET_TTL};
use app::backend::auth::{self, SignIn};
use app::backend::mail::Email;
use app::core::model::Role;
use app::core::validate::account::Field;
use app::core::validate::Problem;
use axum::http::{header, StatusCode};
use std::sync::Mutex;
use tower::ServiceExt;

const NEW: &str = "tre parole qualsiasi sul tavolo";

async fn mails_to(t: &TestDb, to: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM email_outbox WHERE to_address = $1")
        .bind(to)
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    n
}

/// Asks for a link for `email` at `now`: whether one was made, and its token.
async fn ask(t: &TestDb, email: &str, now: i64) -> (bool, Option<String>) {
    let seen = Mutex::new(None);
    let made = passwords::request_reset(
        &t.db,
        email,
        |to, name, token| {
            *seen.lock().unwrap() = Some(token.to_owned());
            Email {
                to: to.to_owned(),
                subject: "reset".into(),
                text: format!("{name} /admin/invito/{token}"),
                ..Default::default()
            }
        },
        now,
    )
    .await
    .unwrap();
    (made, seen.into_inner().unwrap())
}

async fn signs_in(t: &TestDb, email: &str, password: &str, now: i64) -> bool {
    matches!(
        auth::sign_in(&t.db, email, password, "10.0.0.9", now)
            .await
            .unwrap(),
        SignIn::Success { .. }
    )
}

async fn forgotten_password_links(t: &TestDb) {
    let id = create(t, "anna@example.it", Role::Editor).await;
    create(t, "ex@example.it", Role::Editor).await;
    sqlx::query("UPDATE staff_users SET disabled = 1 WHERE email = 'ex@example.it'")
        .execute(t.db.pool())
        .await
        .unwrap();

    let (made, token) = ask(t, " Anna@Example.it ", NOW).await;
    assert!(made);
    let token = token.unwrap();
    assert_eq!(mails_to(t, "anna@example.it").await, 1);
    // Unknown and disabled addresses: nothing made, nothing sent.
    assert_eq!(ask(t, "nessuno@example.it", NOW).await, (false, None));
    assert_eq!(ask(t, "ex@example.it", NOW).await, (false, None));
    assert_eq!(mails_to(t, "ex@example.it").await, 0);
    // Asked again within ten minutes: the link about to be opened is not replaced.
    assert!(!ask(t, "anna@example.it", NOW + 60).await.0);
    assert_eq!(mails_to(t, "anna@example.it").await, 1);

    // The old password works until the link is used; then the new one, once.
    assert!(signs_in(t, "anna@example.it", PASSWORD, NOW + 100).await);
    // The old password again through the link: refused, the link still usable.
    let Accepted::Refused(errors) =
        passwords::accept_invitation(&t.db, &token, PASSWORD, PASSWORD, NOW + 110)
            .await
            .unwrap()
    else {
        panic!("the old password is refused")
    };
    assert_eq!(errors.0, vec![(Field::Password, Problem::SameAsCurrent)]);
    let user = passwords::accept_invitation(&t.db, &token, NEW, NEW, NOW + 120)
        .await
        .unwrap()
        .user()
        .unwrap();
    assert_eq!(user.id, id);
    assert!(signs_in(t, "anna@example.it", NEW, NOW + 130).await);
    assert!(!signs_in(t, "anna@example.it", PASSWORD, NOW + 131).await);

    // Later a new link may be asked for; it dies after two hours.
    let later = NOW + RESET_EVERY + 200;
    let (made, token) = ask(t, "anna@example.it", later).await;
    assert!(made);
    assert!(t
        .db
        .invitation_account(&auth::token_hash(&token.unwrap()), later + RESET_TTL)
        .await
        .unwrap()
        .is_none());
    // On the account's trail, asked for by someone signed out: not by the account.
    let audit = t.db.audit_trail("staff_user", id).await.unwrap();
    assert!(audit
        .iter()
        .any(|a| a.action == "password_reset" && a.actor_email.is_empty()));
}
on_both_backends!(forgotten_password_links);

async fn changing_ones_password(t: &TestDb) {
    let email = "marco@example.it";
    create(t, email, Role::Editor).await;
    let token = |outcome| match outcome {
        SignIn::Success { token, .. } => token,
        other => panic!("{other:?}"),
    };
    let here = token(
        auth::sign_in(&t.db, email, PASSWORD, "10.0.0.2", NOW)
            .await
            .unwrap(),
    );
    let other = token(
        auth::sign_in(&t.db, email, PASSWORD, "10.0.0.3", NOW)
            .await
            .unwrap(),
    );
    let session = auth::session(&t.db, &here, NOW + 1).await.unwrap().unwrap();
    let change = |current: &'static str, new: &'static str, at: i64| {
        let (db, session) = (t.db.clone(), session.clone());
        async move {
            passwords::change_password(&db, &session, (current, new, new), "10.0.0.2", at)
                .await
                .unwrap()
        }
    };
    // Everything wrong at once, beside each field.
    let Changed::Refused(errors) = change("", "corta", NOW + 2).await else {
        panic!("refused")
    };
    assert_eq!(errors.get(Field::CurrentPassword), Some(Problem::Required));
    assert!(matches!(
        errors.get(Field::Password),
        Some(Problem::TooShort { .. })
    ));
    let Changed::Refused(errors) = change("non è questa", NEW, NOW + 3).await else {
        panic!("refused")
    };
    assert_eq!(
        errors.0,
        vec![(Field::CurrentPassword, Problem::WrongPassword)]
    );
    // The password it has already: refused, it changes nothing.
    let Changed::Refused(errors) = change(PASSWORD, PASSWORD, NOW + 3).await else {
        panic!("refused")
    };
    assert_eq!(errors.0, vec![(Field::Password, Problem::SameAsCurrent)]);

    assert!(matches!(
        change(PASSWORD, NEW, NOW + 4).await,
        Changed::Done
    ));
    // This session goes on; the one on the other computer is over.
    assert!(auth::session(&t.db, &here, NOW + 5)
        .await
        .unwrap()
        .is_some());
    assert!(auth::session(&t.db, &other, NOW + 5)
        .await
        .unwrap()
        .is_none());
    assert!(signs_in(t, email, NEW, NOW + 6).await);

    // Guessing the current password through a stolen session meets the sign-in's lockout
    // (counted since the last good password): the fifth wrong guess locks.
    let mut outcomes = Vec::new();
    for i in 0..5 {
        outcomes.push(change("indovino", "ancora un'altra frase lunga", NOW + 10 + i).await);
    }
    assert!(matches!(outcomes[3], Changed::Refused(_)), "{outcomes:?}");
    assert!(
        matches!(outcomes[4], Changed::Locked { .. }),
        "{outcomes:?}"
    );
}
on_both_backends!(changing_ones_password);

#[tokio::test]
async fn passwords_over_http() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "staff@example.it", Role::Editor).await;
    let forgot = |body: &'static str| {
        app.clone().oneshot(post_form(
            "/admin/password-dimenticata",
            body,
            None,
            Some(ORIGIN),
        ))
    };
    // The sign-in page leads there.
    let page = body_text(
        app.clone()
            .oneshot(get_req("/admin/accedi", None))
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("href=\"/admin/password-dimenticata\""));
    // A malformed address is pointed out beside the field, as typed.
    let res = forgot("email=staff%40").await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("id=\"email-error\"") && html.contains("value=\"staff@\""));
    // Any well-formed address: the same answer.
    // (typed in capitals: the link goes to the address the account has)
    for body in ["email=STAFF%40Example.it", "email=nessuno%40example.it"] {
        let res = forgot(body).await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            res.headers()[header::LOCATION],
            "/admin/password-dimenticata?inviata=1"
        );
    }
    // The link is e-mailed after the answer.
    let mut waited = 0;
    while mails_to(&t, "staff@example.it").await == 0 && waited < 100 {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        waited += 1;
    }
    assert_eq!(mails_to(&t, "staff@example.it").await, 1);
    assert_eq!(mails_to(&t, "nessuno@example.it").await, 0);

    // Signed in: the change page, its CSRF token, a wrong current password, then the change.
    let cookie = http_sign_in(&app, "staff@example.it").await;
    let page = body_text(
        app.clone()
            .oneshot(get_req("/admin/password", Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    let csrf = csrf_of(&page);
    let post = |current: &str| {
        let body = format!(
            "csrf={csrf}&current_password={}&password={n}&password_confirm={n}",
            current.replace(' ', "+"),
            n = NEW.replace(' ', "+")
        );
        app.clone().oneshot(post_form(
            "/admin/password",
            &body,
            Some(&cookie),
            Some(ORIGIN),
        ))
    };
    let res = post("sbagliata").await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res)
        .await
        .contains("id=\"current_password-error\""));
    let res = post(PASSWORD).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()[header::LOCATION],
        "/admin/password?cambiata=1"
    );
    // Without the CSRF token: refused.
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/password",
            "current_password=x&password=y&password_confirm=y",
            Some(&cookie),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}
