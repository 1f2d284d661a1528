//! Importing spaces from files: the staff export and the seed file re-import as "unchanged";
//! a new file previews, applies (audited, with progress) and re-imports as unchanged; over
//! HTTP, the upload, the preview, the confirmation and the refusals.

use crate::http::app;
use crate::staff::{body_text, create, csrf_of, get_req, http_sign_in, NOW, ORIGIN};
use crate::support::{on_both_backends, TestDb};
use app::import::{self, Outcome};
use app::model::{ImportReport, Role, SpaceStatus};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use tower::ServiceExt;

const NEW_FILE: &str = "nome;tipi;comune;indirizzo;lat;lon;precisione\n\
Officina Imolese;fablab;Imola;Via Emilia 1;44,353;11,714;esatta\n\
Cowo Casalecchio;coworking;Casalecchio di Reno;;44.476;11.275;approssimativa\n\
Spazio Fantasma;coworking;Milano;;45.46;9.19;\n";

async fn plan_of(t: &TestDb, text: &str) -> Vec<import::Planned> {
    let parsed = import::parse(text).unwrap();
    let existing = t.db.all_staff_spaces().await.unwrap();
    let municipalities = t.db.all_municipalities().await.unwrap();
    import::plan(&parsed.rows, &existing, &municipalities)
}

async fn exports_and_seed_reimport_unchanged(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    // The staff export for Excel (every status), read back as Excel would save it.
    let all = t.db.all_details(&Default::default()).await.unwrap();
    let csv = app::opendata::csv_document(&all, true, true).unwrap();
    let planned = plan_of(t, &import::decode(&csv)).await;
    assert_eq!(
        import::count(&planned),
        ImportReport {
            unchanged: 12,
            ..Default::default()
        }
    );
    // The seed file itself (the 2021-mapping format): already loaded, so nothing to do.
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../seed/spaces-2022.csv"
    ))
    .unwrap();
    let planned = plan_of(t, &seed).await;
    let report = import::count(&planned);
    assert_eq!(
        report,
        ImportReport {
            unchanged: 12,
            ..Default::default()
        },
        "{planned:#?}"
    );
}
on_both_backends!(exports_and_seed_reimport_unchanged);

async fn a_new_file_applies_once(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    let editor = create(t, "editor@example.it", Role::Editor).await;
    let planned = plan_of(t, NEW_FILE).await;
    assert!(
        matches!(planned[0].outcome, Outcome::Create(_)),
        "{planned:#?}"
    );
    assert!(matches!(planned[1].outcome, Outcome::Create(_)));
    assert!(matches!(planned[2].outcome, Outcome::Invalid(_)));

    let id =
        t.db.create_import(
            "mappatura.csv",
            NEW_FILE,
            SpaceStatus::Published,
            editor,
            NOW,
        )
        .await
        .unwrap();
    let claimed = import::claim(&t.db, id, NOW)
        .await
        .unwrap()
        .expect("claimed");
    // Nobody else may apply it meanwhile.
    assert!(import::claim(&t.db, id, NOW).await.unwrap().is_none());
    import::apply(
        &t.db,
        &claimed,
        (editor, "editor@example.it"),
        app::clock::Clock::fixed(NOW),
    )
    .await
    .unwrap();
    let record = t.db.import_record(id).await.unwrap().unwrap();
    assert!(record.finished_at.is_some());
    assert_eq!(
        record.report(),
        ImportReport {
            created: 2,
            errors: 1,
            ..Default::default()
        }
    );
    assert_eq!(record.rows_done, 3);
    // Finished imports are never applied again.
    assert!(import::claim(&t.db, id, NOW).await.unwrap().is_none());

    // The new spaces are published (as chosen) and their creation is audited as an import.
    let spaces = t.db.all_staff_spaces().await.unwrap();
    let officina = spaces
        .iter()
        .find(|s| s.current.name == "Officina Imolese")
        .unwrap();
    assert_eq!(officina.status, SpaceStatus::Published);
    assert_eq!(officina.current.lat, 44.353);
    assert_eq!(officina.current.municipality, "037032");
    let trail = t.db.audit_trail("space", officina.id).await.unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].action, "import");
    assert_eq!(trail[0].actor_email, "editor@example.it");

    // The same file again: nothing to create or update.
    let again = import::count(&plan_of(t, NEW_FILE).await);
    assert_eq!(
        again,
        ImportReport {
            unchanged: 2,
            errors: 1,
            ..Default::default()
        }
    );

    // A stalled import (its worker died) can be claimed again once its heartbeat is old.
    let id2 =
        t.db.create_import("altro.csv", NEW_FILE, SpaceStatus::Pending, editor, NOW)
            .await
            .unwrap();
    assert!(t.db.claim_import(id2, 3, NOW, NOW - 30).await.unwrap());
    assert!(!t
        .db
        .claim_import(id2, 3, NOW + 10, NOW + 10 - 30)
        .await
        .unwrap());
    assert!(t
        .db
        .claim_import(id2, 3, NOW + 31, NOW + 31 - 30)
        .await
        .unwrap());
}
on_both_backends!(a_new_file_applies_once);

const BOUNDARY: &str = "----spazi-test-boundary";

fn upload(cookie: Option<&str>, csrf: &str, filename: &str, content: &[u8]) -> Request<Body> {
    let mut body = Vec::new();
    for (name, value) in [("csrf", csrf), ("stato", "pending")] {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: text/csv\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let mut req = Request::post("/admin/importa")
        .header(header::HOST, "spazi.test")
        .header(header::ORIGIN, ORIGIN)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(body)).unwrap()
}

#[tokio::test]
async fn staff_upload_preview_and_confirm_over_http() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "editor@example.it", Role::Editor).await;
    let editor = http_sign_in(&app, "editor%40example.it").await;
    let page = body_text(
        app.clone()
            .oneshot(get_req("/admin/importa", Some(&editor)))
            .await
            .unwrap(),
    )
    .await;
    let csrf = csrf_of(&page);

    // Refusals: anonymous, a wrong token, a file that is not an import, an empty choice.
    let res = app
        .clone()
        .oneshot(upload(None, &csrf, "a.csv", NEW_FILE.as_bytes()))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app
        .clone()
        .oneshot(upload(Some(&editor), "x", "a.csv", NEW_FILE.as_bytes()))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .clone()
        .oneshot(upload(
            Some(&editor),
            &csrf,
            "foto.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0",
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res)
        .await
        .contains("Manca una colonna obbligatoria"));
    let res = app
        .clone()
        .oneshot(upload(Some(&editor), &csrf, "", b""))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res).await.contains("Scegli un file da caricare."));
    let huge = vec![b'x'; import::MAX_FILE_BYTES + 100_000];
    let res = app
        .clone()
        .oneshot(upload(Some(&editor), &csrf, "big.csv", &huge))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(body_text(res).await.contains("Il file è troppo grande"));
    assert!(
        t.db.recent_imports(10).await.unwrap().is_empty(),
        "nothing stored"
    );

    // The upload stores the file and shows its preview; nothing has changed yet.
    let res = app
        .clone()
        .oneshot(upload(
            Some(&editor),
            &csrf,
            "C:\\Users\\staff\\mappatura.csv",
            NEW_FILE.as_bytes(),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(location.starts_with("/admin/importa/"));
    let preview = body_text(
        app.clone()
            .oneshot(get_req(&location, Some(&editor)))
            .await
            .unwrap(),
    )
    .await;
    for text in [
        "mappatura.csv",
        "Da creare: 2",
        "Con errori (non importate): 1",
        "Officina Imolese",
        "Comune: Scegli una delle opzioni",
    ] {
        assert!(preview.contains(text), "{text}");
    }
    assert!(t
        .db
        .staff_spaces(None, Some("Officina"), false)
        .await
        .unwrap()
        .is_empty());

    // Confirm: applied in the background; the page shows progress, then the report.
    let confirm = Request::post(location.as_str())
        .header(header::HOST, "spazi.test")
        .header(header::ORIGIN, ORIGIN)
        .header(header::COOKIE, editor.as_str())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("csrf={csrf}")))
        .unwrap();
    let res = app.clone().oneshot(confirm).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let mut finished = String::new();
    for _ in 0..200 {
        let html = body_text(
            app.clone()
                .oneshot(get_req(&location, Some(&editor)))
                .await
                .unwrap(),
        )
        .await;
        if html.contains("Importazione completata") {
            finished = html;
            break;
        }
        assert!(html.contains("Importazione in corso") && html.contains("<progress"));
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(finished.contains("Creati: 2"), "the import finished");
    let rows =
        t.db.staff_spaces(None, Some("Officina"), false)
            .await
            .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].status, SpaceStatus::Pending);
    t.finish().await;
}
