//! Staff review of join requests over HTTP: the queue, one request with its survey answers and
//! possible duplicates, asking for changes and rejecting need a reason, approval publishes the
//! space; each decision e-mails the submitter; the survey's aggregation and CSV export.

use crate::http::app;
use crate::join::good_form;
use crate::staff::{body_text, create, csrf_of, get_req, http_sign_in, post_form, ORIGIN};
use crate::support::TestDb;
use app::core::model::{Role, SpaceStatus};
use axum::http::StatusCode;
use tower::ServiceExt;

#[tokio::test]
async fn staff_review_a_request_and_the_survey() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "editor@example.it", Role::Editor).await;
    let editor = http_sign_in(&app, "editor%40example.it").await;
    let secret = t.db.form_secret().await.unwrap();
    let token = app::backend::antirobot::form_token(
        &secret,
        app::backend::clock::Clock::system().now() - 60,
    );
    // A request for a space in Bologna whose name resembles a seeded one.
    let body = good_form(&token, "Serre+dei+Giardini+bis")
        .replace("municipality=037032", "municipality=037006");
    let res = app
        .clone()
        .oneshot(post_form("/aderisci", &body, None, Some(ORIGIN)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Drop the confirmation e-mails: only the decisions' are checked below.
    let _ =
        t.db.claim_emails("test", app::backend::clock::Clock::system().now(), 3600, 10)
            .await
            .unwrap();

    let queue = body_text(
        app.clone()
            .oneshot(get_req("/admin/adesioni", Some(&editor)))
            .await
            .unwrap(),
    )
    .await;
    assert!(queue.contains("Serre dei Giardini bis") && queue.contains("da esaminare"));
    let id: i64 = queue
        .split("/admin/adesioni/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .parse()
        .unwrap();
    let path = format!("/admin/adesioni/{id}");
    let page = body_text(
        app.clone()
            .oneshot(get_req(&path, Some(&editor)))
            .await
            .unwrap(),
    )
    .await;
    for text in [
        "maria@example.it",
        "Informazioni su bandi e finanziamenti",
        "Una rete che condivide.",
        "Possibili doppioni",
        "Le Serre dei Giardini Margherita",
    ] {
        assert!(page.contains(text), "{text}");
    }
    let csrf = csrf_of(&page);
    let decide = |decision: &str, reason: &str, version: i64| {
        post_form(
            &path,
            &format!("csrf={csrf}&decisione={decision}&motivo={reason}&version={version}"),
            Some(&editor),
            Some(ORIGIN),
        )
    };

    // Rejecting needs a reason.
    let res = app
        .clone()
        .oneshot(decide("rejected", "", 1))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res)
        .await
        .contains("Questo campo è obbligatorio."));
    // Asking for changes: the space stays pending; the submitter is told why.
    let res = app
        .clone()
        .oneshot(decide(
            "changes-requested",
            "Manca+l%27indirizzo+esatto.",
            1,
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let space_id = t.db.submission(id).await.unwrap().unwrap().0.space_id;
    assert_eq!(
        t.db.staff_space(space_id).await.unwrap().unwrap().status,
        SpaceStatus::Pending
    );
    let mails =
        t.db.claim_emails("test", app::backend::clock::Clock::system().now(), 3600, 10)
            .await
            .unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].email.to, "maria@example.it");
    assert!(mails[0].email.text.contains("Manca l'indirizzo esatto."));

    // A colleague's page, shown before that decision, cannot approve over it.
    let res = app
        .clone()
        .oneshot(decide("approved", "", 1))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(body_text(res)
        .await
        .contains("Qualcun altro ha cambiato questa richiesta"));
    assert_eq!(
        t.db.staff_space(space_id).await.unwrap().unwrap().status,
        SpaceStatus::Pending
    );

    // Approval publishes the space, with an e-mail holding its public link.
    let res = app
        .clone()
        .oneshot(decide("approved", "", 2))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let space = t.db.staff_space(space_id).await.unwrap().unwrap();
    assert_eq!(space.status, SpaceStatus::Published);
    let public = app
        .clone()
        .oneshot(get_req(&format!("/spazi/{}", space.slug), None))
        .await
        .unwrap();
    assert_eq!(public.status(), StatusCode::OK);
    let html = body_text(public).await;
    assert!(
        html.contains("Stampa 3D") && html.contains("Lun-Ven 9-18"),
        "services and hours are public"
    );
    assert!(
        !html.contains("maria@example.it"),
        "the contact person is not"
    );
    let mails =
        t.db.claim_emails("test", app::backend::clock::Clock::system().now(), 3600, 10)
            .await
            .unwrap();
    assert_eq!(mails.len(), 1);
    assert!(mails[0]
        .email
        .text
        .contains(&format!("http://spazi.test/spazi/{}", space.slug)));
    let trail: Vec<String> =
        t.db.audit_trail("space", space_id)
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.action)
            .collect();
    // Newest first: the decisions, and the listing's creation by the join form.
    assert_eq!(trail, ["approved", "changes-requested", "create"]);

    // Rejecting an approved request takes the space off the map: a second step says so
    // first, and nothing changes until it is confirmed.
    let res = app
        .clone()
        .oneshot(decide("rejected", "Chiuso.", 3))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = body_text(res).await;
    assert!(html.contains("Confermi? Lo spazio è pubblicato"));
    assert!(html.contains("name=\"conferma\" value=\"1\""));
    assert!(
        html.contains("value=\"Chiuso.\""),
        "the reason is carried over"
    );
    assert_eq!(
        t.db.staff_space(space_id).await.unwrap().unwrap().status,
        SpaceStatus::Published
    );
    let queue = body_text(
        app.clone()
            .oneshot(get_req("/admin/adesioni", Some(&editor)))
            .await
            .unwrap(),
    )
    .await;
    assert!(queue.contains("approvata"));

    // The survey, aggregated and exported.
    let survey = body_text(
        app.clone()
            .oneshot(get_req("/admin/questionario", Some(&editor)))
            .await
            .unwrap(),
    )
    .await;
    assert!(survey.contains("1 risposta") && survey.contains("Una rete che condivide."));
    let res = app
        .clone()
        .oneshot(get_req("/admin/esporta/questionario.csv", Some(&editor)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let csv = body_text(res).await;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let record = reader.records().next().unwrap().unwrap();
    let column = |name: &str| {
        record
            .get(headers.iter().position(|h| h == name).unwrap())
            .unwrap()
            .to_owned()
    };
    assert_eq!(column("space"), "Serre dei Giardini bis");
    assert_eq!(column("funding"), "1");
    assert_eq!(column("premises"), "0");
    assert_eq!(column("vision"), "Una rete che condivide.");
    t.finish().await;
}

/// Publishing a space from its own page, when it came from a join request, approves the
/// request and e-mails the submitter; putting it back to pending reopens the request.
#[tokio::test]
async fn a_request_and_its_space_never_disagree() {
    use app::core::model::Decision;
    let t = TestDb::postgres().await;
    let app = app(&t).await;
    create(&t, "editor@example.it", Role::Editor).await;
    let editor = http_sign_in(&app, "editor%40example.it").await;
    let secret = t.db.form_secret().await.unwrap();
    let token = app::backend::antirobot::form_token(
        &secret,
        app::backend::clock::Clock::system().now() - 60,
    );
    let res = app
        .clone()
        .oneshot(post_form(
            "/aderisci",
            &good_form(&token, "Officina+Coerente"),
            None,
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let _ =
        t.db.claim_emails("test", app::backend::clock::Clock::system().now(), 3600, 10)
            .await
            .unwrap();
    let space =
        t.db.all_staff_spaces()
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.current.name == "Officina Coerente")
            .unwrap();
    let page = body_text(
        app.clone()
            .oneshot(get_req(
                &format!("/admin/spazi/{}", space.id),
                Some(&editor),
            ))
            .await
            .unwrap(),
    )
    .await;
    assert!(
        page.contains("Richiesta di adesione"),
        "the page links the request"
    );
    let csrf = csrf_of(&page);
    let status = |stato: &str, version: i64| {
        post_form(
            &format!("/admin/spazi/{}/stato", space.id),
            &format!("csrf={csrf}&stato={stato}&version={version}"),
            Some(&editor),
            Some(ORIGIN),
        )
    };
    let res = app.clone().oneshot(status("published", 1)).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, _, decision) = t.db.space_request(space.id).await.unwrap().unwrap();
    assert_eq!(decision, Some(Decision::Approved));
    let mails =
        t.db.claim_emails("test", app::backend::clock::Clock::system().now(), 3600, 10)
            .await
            .unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].email.to, "maria@example.it");
    assert!(mails[0]
        .email
        .subject
        .contains("lo spazio è ora sulla mappa"));
    // Back to pending: the request goes back to the queue, nothing sent.
    let version = t.db.staff_space(space.id).await.unwrap().unwrap().version;
    let res = app
        .clone()
        .oneshot(status("pending", version))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(t.db.space_request(space.id).await.unwrap().unwrap().2, None);
    assert_eq!(
        t.db.staff_space(space.id).await.unwrap().unwrap().status,
        SpaceStatus::Pending
    );
    assert!(t
        .db
        .claim_emails("test", app::backend::clock::Clock::system().now(), 3600, 10)
        .await
        .unwrap()
        .is_empty());
    let trail = t.db.audit_trail("space", space.id).await.unwrap();
    assert_eq!(trail[0].action, "reopened");
    t.finish().await;
}
