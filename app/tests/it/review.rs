//! Staff review of join requests over HTTP: the queue, one request with its survey answers and
//! possible duplicates, asking for changes and rejecting need a reason, approval publishes the
//! space; each decision e-mails the submitter; the survey's aggregation and CSV export.

use crate::http::app;
use crate::join::good_form;
use crate::staff::{body_text, create, csrf_of, get_req, http_sign_in, post_form, ORIGIN};
use crate::support::TestDb;
use app::model::{Role, SpaceStatus};
use axum::http::StatusCode;
use tower::ServiceExt;

#[tokio::test]
async fn staff_review_a_request_and_the_survey() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "editor@example.it", Role::Editor).await;
    let editor = http_sign_in(&app, "editor%40example.it").await;
    let secret = t.db.form_secret().await.unwrap();
    let token = app::join::form_token(&secret, app::clock::Clock::system().now() - 60);
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
        t.db.claim_emails("test", app::clock::Clock::system().now(), 3600, 10)
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
    let decide = |decision: &str, reason: &str| {
        post_form(
            &path,
            &format!("csrf={csrf}&decisione={decision}&motivo={reason}"),
            Some(&editor),
            Some(ORIGIN),
        )
    };

    // Rejecting needs a reason.
    let res = app.clone().oneshot(decide("rejected", "")).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res)
        .await
        .contains("Questo campo è obbligatorio."));
    // Asking for changes: the space stays pending; the submitter is told why.
    let res = app
        .clone()
        .oneshot(decide("changes-requested", "Manca+l%27indirizzo+esatto."))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let space_id = t.db.submission(id).await.unwrap().unwrap().0.space_id;
    assert_eq!(
        t.db.staff_space(space_id).await.unwrap().unwrap().status,
        SpaceStatus::Pending
    );
    let mails =
        t.db.claim_emails("test", app::clock::Clock::system().now(), 3600, 10)
            .await
            .unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].email.to, "maria@example.it");
    assert!(mails[0].email.text.contains("Manca l'indirizzo esatto."));

    // Approval publishes the space, with an e-mail holding its public link.
    let res = app.clone().oneshot(decide("approved", "")).await.unwrap();
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
        t.db.claim_emails("test", app::clock::Clock::system().now(), 3600, 10)
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
    assert_eq!(trail, ["approved", "changes-requested"]);
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
