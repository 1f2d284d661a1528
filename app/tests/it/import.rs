//! Importing spaces from files: the staff export and the seed file re-import as "unchanged";
//! a new file previews, applies (audited, with progress) and re-imports as unchanged; over
//! HTTP, the upload, the preview, the confirmation and the refusals.

use crate::http::app;
use crate::staff::{body_text, create, csrf_of, get_req, http_sign_in, NOW, ORIGIN};
use crate::support::{on_both_backends, TestDb};
use app::backend::import::{self, Outcome};
use app::core::model::{Role, SpaceStatus};
use app::core::view::ImportReport;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use tower::ServiceExt;

const NEW_FILE: &str = "nome;tipi;comune;indirizzo;lat;lon;precisione\n\
Officina Imolese;fablab;Imola;Via Emilia 1;44,353;11,714;esatta\n\
Cowo Casalecchio;coworking;Casalecchio di Reno;;44.476;11.275;approssimativa\n\
Spazio Fantasma;coworking;Milano;;45.46;9.19;\n";

async fn plan_of(t: &TestDb, text: &str) -> Vec<import::Planned> {
    let parsed = import::parse(text).unwrap();
    let existing = import::Existing::load(&t.db).await.unwrap();
    let municipalities = t.db.all_municipalities().await.unwrap();
    import::plan(
        &parsed.rows,
        &existing,
        &municipalities,
        import::Options::default(),
    )
}

/// The digest of a stored import's plan now (what its preview shows).
async fn digest_of(t: &TestDb, id: i64) -> String {
    let record = t.db.import_record(id).await.unwrap().unwrap();
    import::digest(&import::plan_stored(&t.db, &record).await.unwrap().1)
}

/// Claims (as confirmed from its preview) and applies import `id`.
async fn confirm_and_apply(t: &TestDb, id: i64, who: (i64, &str)) {
    let digest = digest_of(t, id).await;
    let import::Claim::Claimed(claimed) =
        import::claim(&t.db, id, Some(&digest), NOW).await.unwrap()
    else {
        panic!("not claimed")
    };
    import::apply(&t.db, claimed, who, app::backend::clock::Clock::fixed(NOW))
        .await
        .unwrap();
}

async fn exports_and_seed_reimport_unchanged(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    // Every field the import reads, and two managers, so that the round trip covers them.
    let big = crate::managers::space_id(t, "big-boost-innovation-garage").await;
    sqlx::query(
        "UPDATE spaces SET opening_hours = 'Lun-Ven 9-18', services = 'Sale; stampa 3D' \
         WHERE id = $1",
    )
    .bind(big)
    .execute(t.db.pool())
    .await
    .unwrap();
    sqlx::query(
        "UPDATE organisations SET website = 'https://ente.example.it', description = 'Un ente' \
         WHERE id = (SELECT organisation_id FROM spaces WHERE id = $1)",
    )
    .bind(big)
    .execute(t.db.pool())
    .await
    .unwrap();
    crate::managers::manage(t, big, "uno@example.it").await;
    crate::managers::manage(t, big, "due@example.it").await;
    // The staff export for Excel (every status), read back as Excel would save it.
    let all = t.db.all_details(&Default::default()).await.unwrap();
    let managers = t.db.managers_by_slug().await.unwrap();
    let staff = app::backend::exports::StaffColumns {
        managers: &managers,
    };
    let csv = app::backend::exports::csv_document(&all, true, Some(&staff)).unwrap();
    let text = import::decode(csv.to_vec());
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[column("slug")] == "big-boost-innovation-garage")
        .unwrap();
    assert_eq!(
        &row[column("manager_email")],
        "due@example.it, uno@example.it"
    );
    assert_eq!(&row[column("opening_hours")], "Lun-Ven 9-18");
    assert_eq!(
        &row[column("organisation_website")],
        "https://ente.example.it"
    );
    let planned = plan_of(t, &text).await;
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
            Default::default(),
            editor,
            NOW,
        )
        .await
        .unwrap();
    // A confirmation of another plan than today's is sent back to the preview.
    assert!(matches!(
        import::claim(&t.db, id, Some("an-old-preview"), NOW)
            .await
            .unwrap(),
        import::Claim::Changed
    ));
    let digest = digest_of(t, id).await;
    let import::Claim::Claimed(claimed) =
        import::claim(&t.db, id, Some(&digest), NOW).await.unwrap()
    else {
        panic!("not claimed")
    };
    // Nobody else may apply it meanwhile.
    assert!(matches!(
        import::claim(&t.db, id, Some(&digest), NOW).await.unwrap(),
        import::Claim::NotNow
    ));
    import::apply(
        &t.db,
        claimed,
        (editor, "editor@example.it"),
        app::backend::clock::Clock::fixed(NOW),
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
    assert!(matches!(
        import::claim(&t.db, id, Some(&digest), NOW).await.unwrap(),
        import::Claim::NotNow
    ));

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
        t.db.create_import(
            "altro.csv",
            NEW_FILE,
            SpaceStatus::Pending,
            Default::default(),
            editor,
            NOW,
        )
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

/// A `manager_email` column makes each address a manager of its row's space: a new space's,
/// an existing one left as it is, several in one cell as the staff export writes them; a
/// malformed address refuses the row; one already managing adds nothing.
async fn a_manager_column_names_the_managers(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    let editor = create(t, "editor@example.it", Role::Editor).await;
    let dumbo = crate::managers::space_id(t, "dumbo").await;
    let file = "slug;nome;tipi;comune;lat;lon;manager_email\n\
;Officina Gestita;fablab;Imola;44,353;11,714; Nuova.Gestrice@Example.it \n\
dumbo;;;;;;\"gestore.dumbo@example.it, Seconda@example.it\"\n\
;Spazio Sbagliato;coworking;Bologna;44.49;11.34;non-un-indirizzo\n";
    let planned = plan_of(t, file).await;
    assert!(
        matches!(planned[0].outcome, Outcome::Create(_)),
        "{planned:#?}"
    );
    assert_eq!(planned[0].managers, ["nuova.gestrice@example.it"]);
    assert_eq!(planned[1].outcome, Outcome::Unchanged { id: dumbo });
    assert_eq!(
        planned[1].managers,
        ["gestore.dumbo@example.it", "seconda@example.it"]
    );
    let Outcome::Invalid(errors) = &planned[2].outcome else {
        panic!("{:?}", planned[2].outcome)
    };
    assert_eq!(
        errors.get(app::core::validate::space::Field::Manager),
        Some(app::core::validate::Problem::InvalidEmail)
    );
    assert!(planned[2].managers.is_empty());
    // The preview counts them (an unchanged row that adds one is shown, and confirmed).
    assert_eq!(import::count(&planned).managers, 3);
    let id =
        t.db.create_import(
            "gestori.csv",
            file,
            SpaceStatus::Published,
            Default::default(),
            editor,
            NOW,
        )
        .await
        .unwrap();
    let digest = digest_of(t, id).await;
    let import::Claim::Claimed(claimed) =
        import::claim(&t.db, id, Some(&digest), NOW).await.unwrap()
    else {
        panic!("not claimed")
    };
    let clock = app::backend::clock::Clock::fixed(NOW);
    import::apply(&t.db, claimed, (editor, "editor@example.it"), clock)
        .await
        .unwrap();
    let report = t.db.import_record(id).await.unwrap().unwrap().report();
    assert_eq!(
        (report.created, report.unchanged, report.managers),
        (1, 1, 3)
    );
    let managers = t.db.space_managers(dumbo).await.unwrap();
    assert!(managers
        .iter()
        .any(|m| m.email == "gestore.dumbo@example.it" && m.source == "import"));
    assert!(t.db.is_manager("nuova.gestrice@example.it").await.unwrap());
    // Again: they manage already, nothing to add.
    let again = plan_of(t, file).await;
    assert!(again[0].managers.is_empty() && again[1].managers.is_empty());
}
on_both_backends!(a_manager_column_names_the_managers);

fn upload(cookie: Option<&str>, csrf: &str, filename: &str, content: &[u8]) -> Request<Body> {
    let fields = [("csrf", csrf), ("stato", "pending")].map(|(k, v)| (k.to_owned(), v.to_owned()));
    let file = ("file", filename, "text/csv", content);
    crate::staff::post_multipart("/admin/importa", &fields, file, cookie)
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
    // The revert's confirmation URL opened again leads back to the import's page.
    let res = app
        .clone()
        .oneshot(get_req("/admin/importa/7/annulla", Some(&editor)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/admin/importa/7");

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
    // Said on the page (a form from before the session changed), nothing stored.
    assert!(body_text(res)
        .await
        .contains("Il modulo non era più valido"));
    assert!(t.db.recent_imports(5).await.unwrap().is_empty());
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
        .contains("Il file non è un CSV o un GeoJSON"));
    // An Excel workbook: said in plain words what to do.
    let res = app
        .clone()
        .oneshot(upload(
            Some(&editor),
            &csrf,
            "mappatura.xlsx",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00",
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res).await.contains("È un file Excel"));
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
        "Comune «Milano»: Non è uno dei 55 comuni",
    ] {
        assert!(preview.contains(text), "{text}");
    }
    // The upload page's help lists every header and spelling the importer reads.
    let upload_page = body_text(
        app.clone()
            .oneshot(get_req("/admin/importa", Some(&editor)))
            .await
            .unwrap(),
    )
    .await;
    for text in [
        "codice_istat",
        "approssimativa",
        "orari_di_apertura",
        "CSV UTF-8",
    ] {
        assert!(upload_page.contains(text), "{text}");
    }
    assert!(t
        .db
        .staff_spaces(None, Some("Officina"), (false, false), None)
        .await
        .unwrap()
        .is_empty());

    // Confirm: applied in the background; the page shows progress, then the report.
    let confirm = Request::post(location.as_str())
        .header(header::HOST, "spazi.test")
        .header(header::ORIGIN, ORIGIN)
        .header(header::COOKIE, editor.as_str())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "csrf={csrf}&piano={}",
            preview
                .split("name=\"piano\" value=\"")
                .nth(1)
                .and_then(|v| v.split('"').next())
                .unwrap()
        )))
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
        t.db.staff_spaces(None, Some("Officina"), (false, false), None)
            .await
            .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].status, SpaceStatus::Pending);
    t.finish().await;
}

/// A pending join request "Fablab Reno" beside the published "FabLab Reno" of the seed: the
/// seed file's row fits both, so it is refused, and the request is never touched. Staff's
/// corrections survive a re-import (empty cells leave them), and a file that would undo one
/// says so.
async fn imports_leave_requests_and_corrections_alone(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    let editor = create(t, "editor@example.it", Role::Editor).await;
    let who = (editor, "editor@example.it");
    let reno =
        t.db.all_staff_spaces()
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.current.name == "FabLab Reno")
            .unwrap();
    // The citizen's request, as the join form stores it.
    let mut request = reno.current.clone();
    request.name = "Fablab Reno".into();
    request.address = Some("Via Matteotti 10".into());
    request.organisation = Some("Associazione FabLab Reno".into());
    let request_id =
        t.db.create_space(&request, SpaceStatus::Pending, who, NOW)
            .await
            .unwrap();
    sqlx::query(
        "INSERT INTO submissions (reference, space_id, contact_name, contact_email, \
         consent_privacy_at, submitted_at) VALUES ('ADR-TEST-0001', $1, 'Maria', 'maria@example.it', $2, $2)",
    )
    .bind(request_id)
    .bind(NOW)
    .execute(t.db.pool())
    .await
    .unwrap();
    // Staff correct AlmaLabor by hand: an exact pin and a website the seed file lacks.
    let alma =
        t.db.all_staff_spaces()
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.current.name == "AlmaLabor")
            .unwrap();
    let mut corrected = alma.current.clone();
    corrected.precision = app::core::model::PositionPrecision::Exact;
    corrected.description = Some("Il laboratorio dell'Università.".into());
    assert!(matches!(
        t.db.update_space(alma.id, &corrected, alma.version, who, NOW)
            .await
            .unwrap(),
        app::backend::db::Saved::Done { .. }
    ));

    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../seed/spaces-2022.csv"
    ))
    .unwrap();
    let planned = plan_of(t, &seed).await;
    // The request under review does not count: the row is about the mapped space.
    let row = planned.iter().find(|p| p.name == "FabLab Reno").unwrap();
    assert_eq!(row.outcome, Outcome::Unchanged { id: reno.id });
    // A second mapped space of that name would make it ambiguous, and both are named.
    let mut twin = reno.current.clone();
    twin.name = "Fablab  RENO".into();
    let twin_id =
        t.db.create_space(&twin, SpaceStatus::Published, who, NOW)
            .await
            .unwrap();
    let planned = plan_of(t, &seed).await;
    let row = planned.iter().find(|p| p.name == "FabLab Reno").unwrap();
    assert_eq!(
        row.outcome,
        Outcome::Invalid(app::core::validate::FieldErrors(vec![(
            app::core::validate::space::Field::Name,
            app::core::validate::Problem::AmbiguousMatch { count: 2 }
        )]))
    );
    let mut named: Vec<i64> = row.candidates.iter().map(|c| c.id).collect();
    named.sort();
    assert_eq!(named, [reno.id, twin_id]);
    sqlx::query("DELETE FROM spaces WHERE id = $1")
        .bind(twin_id)
        .execute(t.db.pool())
        .await
        .unwrap();
    // AlmaLabor: the description stays (empty cell); the pin going back is flagged.
    let row = planned.iter().find(|p| p.name == "AlmaLabor").unwrap();
    let Outcome::Update { changes, valid, .. } = &row.outcome else {
        panic!("{:?}", row.outcome)
    };
    assert_eq!(
        valid.description.as_deref(),
        Some("Il laboratorio dell'Università.")
    );
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(
        changes[0].field,
        app::core::validate::space::Field::Precision
    );
    assert_eq!(
        (changes[0].old.as_str(), changes[0].new.as_str()),
        ("exact", "approximate")
    );
    assert!(changes[0].undoes_staff_edit);

    let id =
        t.db.create_import(
            "seed.csv",
            &seed,
            SpaceStatus::Published,
            Default::default(),
            editor,
            NOW,
        )
        .await
        .unwrap();
    confirm_and_apply(t, id, who).await;
    let after = t.db.staff_space(request_id).await.unwrap().unwrap();
    assert_eq!(after.current, request, "the request is untouched");
    assert_eq!(after.status, SpaceStatus::Pending);
    // Even with the slug, a space under review is refused.
    let by_slug = format!(
        "slug,name,municipality_istat,lat,lon,website\n{},Fablab Reno,037048,44.7,11.3,https://x.it\n",
        after.slug
    );
    let planned = plan_of(t, &by_slug).await;
    assert!(matches!(&planned[0].outcome, Outcome::Invalid(e)
        if e.get(app::core::validate::space::Field::Name) == Some(app::core::validate::Problem::UnderReview)));
}
on_both_backends!(imports_leave_requests_and_corrections_alone);

/// An applied import is reverted as a whole: what it created is deleted, what it changed goes
/// back, audited; a space changed since blocks the revert unless staff leave it as it is.
async fn an_applied_import_reverts(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    let editor = create(t, "editor@example.it", Role::Editor).await;
    let who = (editor, "editor@example.it");
    let file =
        format!("{NEW_FILE}DumBO;coworking;Bologna;Via Nuova 1;44.501;11.3226;approssimativa\n");
    let before: std::collections::HashMap<i64, app::backend::db::StaffSpace> =
        t.db.all_staff_spaces()
            .await
            .unwrap()
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
    let planned = plan_of(t, &file).await;
    let report = import::count(&planned);
    assert_eq!((report.created, report.updated), (2, 1), "{planned:#?}");
    let id =
        t.db.create_import(
            "giro.csv",
            &file,
            SpaceStatus::Published,
            Default::default(),
            editor,
            NOW,
        )
        .await
        .unwrap();
    confirm_and_apply(t, id, who).await;
    let dumbo =
        t.db.all_staff_spaces()
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.slug == "dumbo")
            .unwrap();
    assert_eq!(dumbo.current.address.as_deref(), Some("Via Nuova 1"));
    let plan = t.db.revert_plan(id).await.unwrap();
    assert_eq!(
        (plan.remove, plan.restore, plan.changed_since.len()),
        (2, 1, 0)
    );

    // A colleague then edits one created space: the revert is refused as a whole...
    let officina =
        t.db.all_staff_spaces()
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.current.name == "Officina Imolese")
            .unwrap();
    let mut edited = officina.current.clone();
    edited.phone = Some("+39 0542 000000".into());
    t.db.update_space(officina.id, &edited, officina.version, who, NOW)
        .await
        .unwrap();
    let blocked = t.db.revert_import(id, false, who, NOW).await.unwrap();
    let app::backend::db::Reverted::Blocked(plan) = blocked else {
        panic!("{blocked:?}")
    };
    assert_eq!(plan.changed_since.len(), 1);
    assert_eq!(plan.changed_since[0].space_id, officina.id);
    assert!(t.db.staff_space(officina.id).await.unwrap().is_some());
    // ...unless staff choose to leave it as it is.
    let done = t.db.revert_import(id, true, who, NOW).await.unwrap();
    assert!(
        matches!(done, app::backend::db::Reverted::Done(ref p) if p.remove == 1 && p.restore == 1)
    );
    let now: std::collections::HashMap<i64, app::backend::db::StaffSpace> =
        t.db.all_staff_spaces()
            .await
            .unwrap()
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
    assert_eq!(
        now[&dumbo.id].current, before[&dumbo.id].current,
        "DumBO is back"
    );
    assert!(now.contains_key(&officina.id), "the edited space stays");
    assert_eq!(now.len(), before.len() + 1);
    let trail = t.db.audit_trail("import", id).await.unwrap();
    assert_eq!(trail[0].action, "revert");
    let trail = t.db.audit_trail("space", dumbo.id).await.unwrap();
    assert_eq!(trail[0].action, "import-revert");
    // Reverting twice does nothing.
    assert_eq!(
        t.db.revert_import(id, true, who, NOW).await.unwrap(),
        app::backend::db::Reverted::NotRevertable
    );
}
on_both_backends!(an_applied_import_reverts);

/// The same file uploaded twice and both previews confirmed at the same moment: each new
/// space is created once, the other import reports it as changed meanwhile. An update whose
/// space disappeared meanwhile is reported, not counted as done.
async fn the_same_file_confirmed_twice_at_once(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    let editor = create(t, "editor@example.it", Role::Editor).await;
    let file = "nome;tipi;comune;lat;lon\nDoppio;fablab;Imola;44.353;11.714\n";
    let mut claimed = Vec::new();
    for name in ["uno.csv", "due.csv"] {
        let id =
            t.db.create_import(
                name,
                file,
                SpaceStatus::Published,
                Default::default(),
                editor,
                NOW,
            )
            .await
            .unwrap();
        let digest = digest_of(t, id).await;
        let import::Claim::Claimed(c) = import::claim(&t.db, id, Some(&digest), NOW).await.unwrap()
        else {
            panic!("not claimed")
        };
        claimed.push(c);
    }
    let runs = claimed.into_iter().map(|c| {
        let db = t.db.clone();
        tokio::spawn(async move {
            let id = c.id;
            import::apply(
                &db,
                c,
                (editor, "editor@example.it"),
                app::backend::clock::Clock::fixed(NOW),
            )
            .await
            .unwrap();
            id
        })
    });
    let mut reports = Vec::new();
    for run in runs {
        let id = run.await.unwrap();
        reports.push(t.db.import_record(id).await.unwrap().unwrap().report());
    }
    let doppi =
        t.db.all_staff_spaces()
            .await
            .unwrap()
            .into_iter()
            .filter(|s| s.current.name == "Doppio")
            .count();
    assert_eq!(doppi, 1);
    let created: i64 = reports.iter().map(|r| r.created).sum();
    let conflicts: i64 = reports.iter().map(|r| r.conflicts).sum();
    assert_eq!((created, conflicts), (1, 1), "{reports:?}");
}
on_both_backends!(the_same_file_confirmed_twice_at_once);

/// A file of many new rows with one error at its end: the preview shows only the first rows,
/// and the error must be among them.
async fn errors_lead_the_preview(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    let editor = create(t, "editor@example.it", Role::Editor).await;
    let mut file = String::from("nome;tipi;comune;lat;lon\n");
    for i in 0..app::core::view::IMPORT_ROWS_SHOWN + 100 {
        file.push_str(&format!("Spazio {i};coworking;Imola;44.35;11.71\n"));
    }
    file.push_str("Spazio in mare;coworking;Imola;99;11.71\n");
    let id =
        t.db.create_import(
            "lungo.csv",
            &file,
            SpaceStatus::Pending,
            Default::default(),
            editor,
            NOW,
        )
        .await
        .unwrap();
    let page = import::page(&t.db, id, NOW).await.unwrap().unwrap();
    assert_eq!(page.preview.errors, 1);
    assert_eq!(page.rows.len(), app::core::view::IMPORT_ROWS_SHOWN);
    assert_eq!(page.rows[0].action, app::core::view::ImportAction::Error);
    assert_eq!(page.rows[0].line, app::core::view::IMPORT_ROWS_SHOWN + 102);
    assert_eq!(page.rows[1].line, 2);
}
on_both_backends!(errors_lead_the_preview);
