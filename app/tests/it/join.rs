//! The join form over HTTP: the anti-abuse guards (honeypot, minimum fill time, per-address
//! limit, body size), errors beside the fields with the values kept, and a good submission —
//! pending (not public), with its confirmation page and its two e-mails queued.

use crate::http::app;
use crate::staff::{body_text, get_req, post_form, ORIGIN};
use crate::support::TestDb;
use axum::http::{header, StatusCode};
use tower::ServiceExt;

pub(crate) fn good_form(token: &str, name: &str) -> String {
    format!(
        "started={token}&fax=&name={name}&kind_fablab=on&description=Un+laboratorio+aperto.\
         &services=Stampa+3D&opening_hours=Lun-Ven+9-18&address=Via+Emilia+10&municipality=037032\
         &lat=&lon=&website=officina.example.it&email=&phone=&organisation=Associazione+Officina\
         &organisation_kind=association&organisation_tax_code=03428581205&organisation_website=\
         &organisation_description=&contact_name=Maria+Bianchi&contact_role=Presidente\
         &contact_email=maria%40example.it&contact_phone=&need_funding=on&need_networking=on\
         &needs_other=&vision=Una+rete+che+condivide.&consent_privacy=on"
    )
}

#[tokio::test]
async fn join_form_guards_errors_and_success() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    let secret = t.db.form_secret().await.unwrap();
    let old = app::backend::antirobot::form_token(
        &secret,
        app::backend::clock::Clock::system().now() - 60,
    );

    // The page: the form with its signed timestamp and the honeypot.
    let res = app
        .clone()
        .oneshot(get_req("/aderisci", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let page = body_text(res).await;
    assert!(page.contains("name=\"started\""));
    assert!(page.contains("name=\"fax\""));
    let fresh = page
        .split("name=\"started\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_owned();

    let post = |body: String| post_form("/aderisci", &body, None, Some(ORIGIN));
    // Sent at once after the page was shown: refused, with everything kept.
    let res = app
        .clone()
        .oneshot(post(good_form(&fresh, "Officina+Comune")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("inviato troppo in fretta"));
    assert!(html.contains("value=\"Officina Comune\"") && html.contains("value=\"Maria Bianchi\""));
    // At once with a mistake (autofill): the mistake is said, not the hurry.
    let res = app
        .clone()
        .oneshot(post(good_form(&fresh, "Officina+Comune").replace(
            "contact_email=maria%40example.it",
            "contact_email=maria%40",
        )))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(!html.contains("inviato troppo in fretta"));
    assert!(html.contains("id=\"contact_email-error\""), "{html}");
    // The honeypot filled in: refused.
    let res = app
        .clone()
        .oneshot(post(
            good_form(&old, "Officina+Comune").replace("fax=", "fax=123"),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res)
        .await
        .contains("Non è stato possibile inviare il modulo"));
    // A forged timestamp: refused.
    let res = app
        .clone()
        .oneshot(post(good_form(
            &format!(
                "{}.{}",
                app::backend::clock::Clock::system().now() - 60,
                "0".repeat(64)
            ),
            "X",
        )))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Errors beside the fields, what was typed kept (and escaped).
    let bad = good_form(&old, "%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .replace("kind_fablab=on&", "")
        .replace("contact_email=maria%40example.it", "contact_email=maria%40")
        .replace(
            "organisation_tax_code=03428581205",
            "organisation_tax_code=12345678901",
        )
        .replace("&consent_privacy=on", "");
    let res = app.clone().oneshot(post(bad)).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    for message in [
        "Scegli almeno un&#x27;opzione.",
        "Scrivi un indirizzo email valido",
        "Non è una partita IVA",
        "occorre dichiarare di aver letto l&#x27;informativa",
    ] {
        assert!(
            html.contains(&message.replace("&#x27;", "'")) || html.contains(message),
            "{message}"
        );
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        html.contains(&format!("name=\"started\" value=\"{old}\"")),
        "a form sent back for corrections keeps its timestamp"
    );
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("checked") && html.contains("id=\"need_funding\""));
    assert_eq!(
        t.db.outbox_counts().await.unwrap().waiting,
        0,
        "nothing stored or sent"
    );

    // A pin in Bologna for a space in Imola: refused beside the latitude, the position kept;
    // one just inside Imola passes this check.
    let in_bologna =
        good_form(&old, "Officina+Comune").replace("&lat=&lon=", "&lat=44.4949&lon=11.3426");
    let res = app.clone().oneshot(post(in_bologna)).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains(
        "id=\"lat-error\" class=\"field__error\">La posizione è fuori dal comune scelto"
    ));
    assert!(html.contains("value=\"44.4949\""));

    // A good submission: pending, confirmation page, two e-mails queued.
    let res = app
        .clone()
        .oneshot(post(good_form(&old, "Officina+Comune")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let reference = location
        .strip_prefix("/aderisci/inviata/")
        .unwrap()
        .to_owned();
    assert!(reference.starts_with("ADR-"));
    let res = app.clone().oneshot(get_req(&location, None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let html = body_text(res).await;
    assert!(
        html.contains(&reference) && html.contains("Officina Comune") && html.contains("Imola")
    );
    assert!(
        !html.contains("Maria"),
        "nothing personal on the confirmation page"
    );
    // The draft kept on the device is forgotten as the page is read (not when the WASM loads).
    assert!(html.contains("localStorage.removeItem(\"spazi:aderisci:bozza\")"));
    let rows =
        t.db.staff_spaces(None, Some("Officina Comune"), (true, false), None)
            .await
            .unwrap();
    assert_eq!(
        rows.len(),
        1,
        "placed at the municipality: an approximate position"
    );
    assert_eq!(rows[0].status, app::core::model::SpaceStatus::Pending);
    let public = app
        .clone()
        .oneshot(get_req(&format!("/spazi/{}", rows[0].slug), None))
        .await
        .unwrap();
    assert_eq!(
        public.status(),
        StatusCode::NOT_FOUND,
        "not public before review"
    );
    let mails =
        t.db.claim_emails("test", app::backend::clock::Clock::system().now(), 60, 10)
            .await
            .unwrap();
    assert_eq!(mails.len(), 2);
    assert_eq!(mails[0].email.to, "maria@example.it");
    assert!(mails[0].email.subject.contains(&reference));
    assert!(mails[0].email.text.contains("Officina Comune"));
    assert_eq!(mails[1].email.to, "progimpresa@cittametropolitana.bo.it");
    // The submitter's words never reach a subject line.
    assert!(mails.iter().all(|m| !m.email.subject.contains("Officina")));
    assert!(mails[1].email.text.contains("maria@example.it"));
    // The staff notice links to the request itself.
    let (submission,): (i64,) =
        sqlx::query_as("SELECT id FROM submissions WHERE contact_email = 'maria@example.it'")
            .fetch_one(t.db.pool())
            .await
            .unwrap();
    assert!(
        mails[1]
            .email
            .text
            .contains(&format!("/admin/adesioni/{submission}\n")),
        "{}",
        mails[1].email.text
    );
    let res = app
        .clone()
        .oneshot(get_req("/aderisci/inviata/ADR-XXXX-XXXX", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // Per address: five an hour.
    for n in 2..=5 {
        let res = app
            .clone()
            .oneshot(post(good_form(&old, &format!("Spazio+{n}"))))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let res = app
        .clone()
        .oneshot(post(good_form(&old, "Spazio+6")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(body_text(res).await.contains("Troppe richieste"));

    // Huge bodies are refused before anything else.
    let huge = good_form(&old, &"x".repeat(app::web::forms::join::MAX_BODY));
    let res = app.clone().oneshot(post(huge)).await.unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);

    // The English twin, and its older address.
    let res = app
        .clone()
        .oneshot(get_req("/en/join", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(body_text(res).await.contains("action=\"/en/join\""));
    let res = app.clone().oneshot(get_req("/join", None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(res.headers()[header::LOCATION], "/en/join");
    t.finish().await;
}

/// Join requests sent from many addresses, all naming one contact address: each is stored,
/// but that address receives at most a day's worth of confirmations.
#[tokio::test]
async fn one_address_gets_a_bounded_number_of_confirmations() {
    let t = TestDb::postgres().await;
    let app = app(&t).await;
    let secret = t.db.form_secret().await.unwrap();
    let old = app::backend::antirobot::form_token(
        &secret,
        app::backend::clock::Clock::system().now() - 60,
    );
    let sent = app::backend::db::MAX_MAILS_PER_RECIPIENT + 3;
    for n in 0..sent {
        let mut req = post_form(
            "/aderisci",
            &good_form(&old, &format!("Spazio+{n}")),
            None,
            Some(ORIGIN),
        );
        // Each from its own address, so the per-address limit does not stop them first.
        req.extensions_mut().insert(axum::extract::ConnectInfo(
            format!("203.0.113.{n}:4000")
                .parse::<std::net::SocketAddr>()
                .unwrap(),
        ));
        let res = app.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM submissions")
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    assert_eq!(stored, sent);
    let (mails,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM email_outbox WHERE to_address = 'maria@example.it'")
            .fetch_one(t.db.pool())
            .await
            .unwrap();
    assert_eq!(mails, app::backend::db::MAX_MAILS_PER_RECIPIENT);
    t.finish().await;
}
