//! The staff's one search box over HTTP: a join request found by its contact, a space by its
//! website, a registration by a name typed without accents and in any order, an event by its
//! title; a query too short finds nothing; only staff may search.

use crate::events::{event, person, register, NOW};
use crate::http::app;
use crate::join::good_form;
use crate::staff::{body_text, create, get_req, http_sign_in, post_form, ORIGIN};
use crate::support::TestDb;
use app::core::model::event::EventStatus;
use app::core::model::Role;
use axum::http::StatusCode;
use tower::ServiceExt;

#[tokio::test]
async fn one_box_finds_everything_staff_handle() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "editor@example.it", Role::Editor).await;
    let editor = http_sign_in(&app, "editor%40example.it").await;
    // A join request (contact Maria Bianchi, website officina.example.it).
    let secret = t.db.form_secret().await.unwrap();
    let token = app::backend::antirobot::form_token(
        &secret,
        app::backend::clock::Clock::system().now() - 60,
    );
    let res = app
        .clone()
        .oneshot(post_form(
            "/aderisci",
            &good_form(&token, "Officina+Cercata"),
            None,
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // An event with a registration.
    let id =
        t.db.insert_event(&event("cercato", 10), EventStatus::Published, NOW)
            .await
            .unwrap();
    let mut niccolo = person("n");
    niccolo.first_name = "Niccolò".into();
    niccolo.last_name = "Lucà".into();
    register(&t.db, "cercato", &niccolo, NOW).await;

    let search = |q: &str| {
        let app = app.clone();
        let uri = format!("/admin/cerca?q={q}");
        let editor = editor.clone();
        async move {
            let res = app.oneshot(get_req(&uri, Some(&editor))).await.unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            body_text(res).await
        }
    };
    let page = search("maria+bianchi").await;
    assert!(page.contains("Richieste di adesione (1)"), "{page}");
    assert!(page.contains("Officina Cercata"));
    let page = search("officina.example").await;
    assert!(page.contains("Spazi (1)"), "{page}");
    let page = search("luca+nicc").await;
    assert!(page.contains("Iscrizioni (1)"), "{page}");
    assert!(page.contains(&format!("/admin/eventi/{id}/iscrizioni?q=")));
    assert!(page.contains("Incontro cercato"));
    let page = search("incontro+cercato").await;
    assert!(page.contains("Eventi (1)"), "{page}");
    // The box keeps the query; one letter finds nothing.
    assert!(page.contains("value=\"incontro cercato\""));
    assert!(search("a").await.contains("Scrivi almeno 2 caratteri."));
    assert!(search("zzzqqq").await.contains("Nessun risultato."));
    // Wildcards are no query: nothing is listed.
    let page = search("%25%25").await;
    assert!(page.contains("Scrivi almeno 2 caratteri.") && !page.contains("search-results"));

    // Staff only: anonymous visitors are sent to sign in.
    let res = app
        .clone()
        .oneshot(get_req("/admin/cerca?q=maria", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
}
