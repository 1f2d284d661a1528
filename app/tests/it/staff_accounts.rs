//! Staff accounts managed by admins: invitations and their single-use links, roles, disabling
//! (which ends sessions at once), the audit of it all — and that only admins may do it.

use crate::http::app;
use crate::staff::{
    body_text, create, csrf_of, get_req, http_sign_in, post_form, NOW, ORIGIN, PASSWORD,
};
use crate::support::{on_both_backends, TestDb};
use app::backend::auth::{self, SignIn};
use app::core::model::Role;
use app::core::validate::account::ValidInvite;
use axum::http::{header, StatusCode};
use tower::ServiceExt;

fn anna() -> ValidInvite {
    ValidInvite {
        name: "Anna Rossi".into(),
        email: "anna.rossi@example.it".into(),
        role: Role::Editor,
    }
}

async fn invitations_work_once(t: &TestDb) {
    let admin = create(t, "admin@example.it", Role::Admin).await;
    let token = auth::new_token();
    let id = auth::passwords::invite(
        &t.db,
        &anna(),
        &token,
        None,
        (Some(admin), "admin@example.it"),
        NOW,
    )
    .await
    .unwrap()
    .unwrap();
    // Taken e-mail: refused, nothing created.
    assert!(auth::passwords::invite(
        &t.db,
        &anna(),
        &auth::new_token(),
        None,
        (Some(admin), "admin@example.it"),
        NOW
    )
    .await
    .unwrap()
    .is_none());
    // No password yet: signing in fails whatever is typed.
    let no_pw = auth::sign_in(&t.db, "anna.rossi@example.it", "!", "10.0.0.1", NOW)
        .await
        .unwrap();
    assert!(matches!(no_pw, SignIn::WrongCredentials));
    let accounts = t.db.list_staff().await.unwrap();
    assert!(accounts
        .iter()
        .any(|a| a.id == id && a.invited && !a.disabled));

    // A wrong token does nothing; the right one sets the password, once.
    assert!(auth::passwords::accept_invitation(
        &t.db,
        "not-the-token",
        PASSWORD,
        PASSWORD,
        NOW + 10
    )
    .await
    .unwrap()
    .user()
    .is_none());
    let user = auth::passwords::accept_invitation(&t.db, &token, PASSWORD, PASSWORD, NOW + 10)
        .await
        .unwrap()
        .user()
        .unwrap();
    assert_eq!(user.id, id);
    assert!(auth::passwords::accept_invitation(
        &t.db,
        &token,
        "un'altra password ancora",
        "un'altra password ancora",
        NOW + 20
    )
    .await
    .unwrap()
    .user()
    .is_none());
    let ok = auth::sign_in(
        &t.db,
        "anna.rossi@example.it",
        PASSWORD,
        "10.0.0.1",
        NOW + 30,
    )
    .await
    .unwrap();
    let SignIn::Success { token: session, .. } = ok else {
        panic!("the chosen password signs in")
    };
    assert!(auth::session(&t.db, &session, NOW + 31)
        .await
        .unwrap()
        .is_some());

    // Expired links do nothing.
    let link = auth::new_token();
    assert!(auth::passwords::access_link(
        &t.db,
        id,
        &link,
        None,
        (Some(admin), "admin@example.it"),
        NOW + 40
    )
    .await
    .unwrap());
    let late = NOW + 40 + auth::passwords::INVITATION_TTL;
    assert!(t
        .db
        .invitation_account(&auth::token_hash(&link), late)
        .await
        .unwrap()
        .is_none());
    assert!(auth::passwords::accept_invitation(
        &t.db,
        &link,
        "una password nuova e lunga",
        "una password nuova e lunga",
        late
    )
    .await
    .unwrap()
    .user()
    .is_none());

    // Disabling ends the session at once and refuses sign-in; enabling lets them back.
    // A page shown before another admin's change changes nothing.
    assert_eq!(
        t.db.set_staff_disabled(
            id,
            true,
            Some(7),
            (Some(admin), "admin@example.it"),
            NOW + 50
        )
        .await
        .unwrap(),
        app::backend::db::AccountChange::Stale
    );
    assert_eq!(
        t.db.set_staff_disabled(
            id,
            true,
            Some(1),
            (Some(admin), "admin@example.it"),
            NOW + 50
        )
        .await
        .unwrap(),
        app::backend::db::AccountChange::Done
    );
    assert!(auth::session(&t.db, &session, NOW + 51)
        .await
        .unwrap()
        .is_none());
    let refused = auth::sign_in(
        &t.db,
        "anna.rossi@example.it",
        PASSWORD,
        "10.0.0.1",
        NOW + 52,
    )
    .await
    .unwrap();
    assert!(matches!(refused, SignIn::WrongCredentials));
    t.db.set_staff_disabled(id, false, None, (Some(admin), "admin@example.it"), NOW + 60)
        .await
        .unwrap();
    t.db.set_staff_role(
        id,
        Role::Admin,
        None,
        (Some(admin), "admin@example.it"),
        NOW + 61,
    )
    .await
    .unwrap();
    let back = auth::sign_in(
        &t.db,
        "anna.rossi@example.it",
        PASSWORD,
        "10.0.0.1",
        NOW + 62,
    )
    .await
    .unwrap();
    let SignIn::Success { user, .. } = back else {
        panic!("re-enabled")
    };
    assert_eq!(user.role, Role::Admin);

    // Every step is in the audit trail of the account, newest first.
    let actions: Vec<String> =
        t.db.audit_trail("staff_user", id)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.action)
            .collect();
    assert_eq!(
        actions,
        [
            "role",
            "enable",
            "disable",
            "access_link",
            "set_password",
            "invite"
        ]
    );
}
on_both_backends!(invitations_work_once);

/// Two uses of one link at the same moment: exactly one sets the password.
async fn simultaneous_uses_of_a_link(t: &TestDb) {
    let token = auth::new_token();
    auth::passwords::invite(&t.db, &anna(), &token, None, (None, "test"), NOW)
        .await
        .unwrap()
        .unwrap();
    let attempts = (0..8).map(|i| {
        let db = t.db.clone();
        let token = token.clone();
        tokio::spawn(async move {
            auth::passwords::accept_invitation(
                &db,
                &token,
                &format!("una frase diversa, numero {i}"),
                &format!("una frase diversa, numero {i}"),
                NOW + 1,
            )
            .await
            .unwrap()
            .user()
            .is_some()
        })
    });
    let mut wins = 0;
    for a in attempts {
        wins += usize::from(a.await.unwrap());
    }
    assert_eq!(wins, 1);
}
on_both_backends!(simultaneous_uses_of_a_link);

#[tokio::test]
async fn admins_invite_and_manage_colleagues_over_http() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let admin_id = create(&t, "admin@example.it", Role::Admin).await;
    create(&t, "editor@example.it", Role::Editor).await;
    let admin = http_sign_in(&app, "admin%40example.it").await;
    let editor = http_sign_in(&app, "editor%40example.it").await;

    let page = body_text(
        app.clone()
            .oneshot(get_req("/admin/staff", Some(&admin)))
            .await
            .unwrap(),
    )
    .await;
    let csrf = csrf_of(&page);
    assert!(page.contains("editor@example.it"));

    // Bad input comes back beside the fields, with what was typed.
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/staff",
            &format!("csrf={csrf}&staff_name=Anna+Rossi&staff_email=non+una+email&role=editor"),
            Some(&admin),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("Scrivi un indirizzo email valido"));
    assert!(html.contains("value=\"Anna Rossi\""));

    // A taken address is refused.
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/staff",
            &format!("csrf={csrf}&staff_name=Doppio&staff_email=Editor%40example.it&role=editor"),
            Some(&admin),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res)
        .await
        .contains("Esiste già un account con questo indirizzo."));

    // Editors may not invite, even with a valid token of their own.
    let editor_page = body_text(
        app.clone()
            .oneshot(get_req("/admin", Some(&editor)))
            .await
            .unwrap(),
    )
    .await;
    let editor_csrf = csrf_of(&editor_page);
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/staff",
            &format!("csrf={editor_csrf}&staff_name=X&staff_email=x%40example.it&role=admin"),
            Some(&editor),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(t.db.staff_by_email("x@example.it").await.unwrap().is_none());

    // The invitation: the page shows the link once.
    let res = app
        .clone()
        .oneshot(post_form(
            "/admin/staff",
            &format!("csrf={csrf}&staff_name=Anna+Rossi&staff_email=Anna%40Example.it&role=editor"),
            Some(&admin),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let html = body_text(res).await;
    let link = html
        .split("http://spazi.test/admin/invito/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the link is on the page")
        .to_owned();
    let path = format!("/admin/invito/{link}");
    // The same link was queued for e-mail, in the same transaction as the account.
    let queued =
        t.db.claim_emails("test", app::backend::clock::Clock::system().now(), 60, 10)
            .await
            .unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].email.to, "anna@example.it");
    assert!(queued[0]
        .email
        .text
        .contains(&format!("http://spazi.test{path}")));

    // The link's page, then a weak password, then mismatched ones, then a good one.
    let res = app.clone().oneshot(get_req(&path, None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(body_text(res).await.contains("Anna Rossi"));
    for (body, message) in [
        (
            "password=corta&password_confirm=corta",
            "almeno 12 caratteri",
        ),
        (
            "password=una+frase+lunga&password_confirm=una+frase+lungha",
            "Le due password non coincidono.",
        ),
    ] {
        let res = app
            .clone()
            .oneshot(post_form(&path, body, None, Some(ORIGIN)))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = body_text(res).await;
        assert!(html.contains(message), "{message}");
        assert!(
            !html.contains("una frase lunga"),
            "passwords are never sent back"
        );
    }
    let good = format!(
        "password={p}&password_confirm={p}",
        p = PASSWORD.replace(' ', "+")
    );
    // Cross-site posts of the form are refused like any other.
    let res = app
        .clone()
        .oneshot(post_form(&path, &good, None, Some("http://evil.example")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .clone()
        .oneshot(post_form(&path, &good, None, Some(ORIGIN)))
        .await
        .unwrap();
    // Signed in at once: on to the staff home with a session.
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/admin");
    let cookie = res.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    let session = cookie.split(';').next().unwrap().to_owned();
    let home = app
        .clone()
        .oneshot(get_req("/admin", Some(&session)))
        .await
        .unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    assert!(body_text(home).await.contains("Anna"));
    let res = app
        .clone()
        .oneshot(post_form(&path, &good, None, Some(ORIGIN)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(body_text(res).await.contains("Link non più valido"));
    let anna = http_sign_in(&app, "anna%40example.it").await;
    let anna_id =
        t.db.staff_by_email("anna@example.it")
            .await
            .unwrap()
            .unwrap()
            .id;

    // An admin cannot disable themselves; disabling Anna ends her session.
    let res = app
        .clone()
        .oneshot(post_form(
            &format!("/admin/staff/{admin_id}/stato"),
            &format!("csrf={csrf}&attivo=0"),
            Some(&admin),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(
        app.clone()
            .oneshot(get_req("/admin", Some(&anna)))
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let res = app
        .clone()
        .oneshot(post_form(
            &format!("/admin/staff/{anna_id}/stato"),
            &format!("csrf={csrf}&attivo=0&version=1"),
            Some(&admin),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.clone()
            .oneshot(get_req("/admin", Some(&anna)))
            .await
            .unwrap()
            .status(),
        StatusCode::FOUND,
        "a disabled account's session is over"
    );

    // A fresh access link for her, shown once; the page lists the changes.
    let res = app
        .clone()
        .oneshot(post_form(
            &format!("/admin/staff/{anna_id}/link"),
            &format!("csrf={csrf}"),
            Some(&admin),
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    assert!(body_text(res)
        .await
        .contains("http://spazi.test/admin/invito/"));
    let page = body_text(
        app.clone()
            .oneshot(get_req("/admin/staff", Some(&admin)))
            .await
            .unwrap(),
    )
    .await;
    for action in [
        "invito",
        "password scelta",
        "disattivazione",
        "nuovo link di accesso",
        "accesso",
    ] {
        assert!(page.contains(&format!("<td>{action}</td>")), "{action}");
    }
    t.finish().await;
}

/// Two administrators disabling (or demoting) each other at the same moment: one of them
/// stays an enabled administrator. The last one can be neither disabled nor demoted.
async fn an_administrator_always_remains(t: &TestDb) {
    use app::backend::db::AccountChange;
    let a = create(t, "a@example.it", Role::Admin).await;
    let b = create(t, "b@example.it", Role::Admin).await;
    for round in 0..5 {
        let (db1, db2) = (t.db.clone(), t.db.clone());
        let one = tokio::spawn(async move {
            db1.set_staff_disabled(b, true, None, (Some(a), "a@example.it"), NOW)
                .await
        });
        let two = tokio::spawn(async move {
            db2.set_staff_disabled(a, true, None, (Some(b), "b@example.it"), NOW)
                .await
        });
        let results = [one.await.unwrap().unwrap(), two.await.unwrap().unwrap()];
        assert_eq!(
            results
                .iter()
                .filter(|r| **r == AccountChange::Done)
                .count(),
            1,
            "round {round}: {results:?}"
        );
        let admins: Vec<_> =
            t.db.list_staff()
                .await
                .unwrap()
                .into_iter()
                .filter(|s| s.role == Role::Admin && !s.disabled)
                .collect();
        assert_eq!(admins.len(), 1, "round {round}");
        // The one left cannot demote or disable... themself through another route either:
        // the CLI (no actor) is refused too when it would leave nobody.
        let last = admins[0].id;
        assert_eq!(
            t.db.set_staff_role(last, Role::Editor, None, (None, "cli"), NOW)
                .await
                .unwrap(),
            AccountChange::LastAdmin
        );
        // Enable the other again for the next round.
        let other = if last == a { b } else { a };
        assert_eq!(
            t.db.set_staff_disabled(other, false, None, (Some(last), "x"), NOW)
                .await
                .unwrap(),
            AccountChange::Done
        );
    }
}
on_both_backends!(an_administrator_always_remains);
