//! A join request about a space already on the map, over HTTP: flagged as a possible duplicate
//! in staff's notice and in the queue, then merged into the existing listing — only the fields
//! staff ticked change, the request is closed, the space it proposed is archived, the
//! submitter is told, and a second merge of the same request changes nothing.

use crate::http::app;
use crate::join::good_form;
use crate::staff::{body_text, create, csrf_of, get_req, http_sign_in, post_form, ORIGIN};
use crate::support::TestDb;
use app::core::model::{Role, SpaceStatus};
use axum::http::{header, StatusCode};
use tower::ServiceExt;

/// The text after `marker` up to the next `"`.
fn after<'a>(html: &'a str, marker: &str) -> &'a str {
    html.split(marker)
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("{marker} in the page"))
}

async fn outbox(t: &TestDb) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT o.to_address, o.subject, b.body_text FROM email_outbox o \
         JOIN email_bodies b ON b.id = o.id ORDER BY o.id",
    )
    .fetch_all(t.db.pool())
    .await
    .unwrap()
}

#[tokio::test]
async fn a_request_is_merged_into_the_listing_it_repeats() {
    let t = TestDb::sqlite().await;
    let app = app(&t).await;
    create(&t, "editor@example.it", Role::Editor).await;
    let editor = http_sign_in(&app, "editor%40example.it").await;
    let secret = t.db.form_secret().await.unwrap();
    let token = app::backend::antirobot::form_token(
        &secret,
        app::backend::clock::Clock::system().now() - 60,
    );
    // Le Serre dei Giardini Margherita (Bologna) is on the map; someone asks to join as "Serre
    // dei Giardini Margherita".
    let body = good_form(&token, "Serre+dei+Giardini+Margherita")
        .replace("municipality=037032", "municipality=037006");
    let res = app
        .clone()
        .oneshot(post_form("/aderisci", &body, None, Some(ORIGIN)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let notice = outbox(&t)
        .await
        .into_iter()
        .find(|(to, _, _)| to == "progimpresa@cittametropolitana.bo.it")
        .expect("staff are told");
    assert!(
        notice
            .2
            .contains("potrebbe essere un doppione di: Le Serre dei Giardini Margherita"),
        "{}",
        notice.2
    );

    let get = |path: String| {
        let (app, editor) = (app.clone(), editor.clone());
        async move { body_text(app.oneshot(get_req(&path, Some(&editor))).await.unwrap()).await }
    };
    let queue = get("/admin/adesioni".into()).await;
    assert!(queue.contains("Possibile doppione di:"));
    let id: i64 = after(&queue, "href=\"/admin/adesioni/").parse().unwrap();
    let request = get(format!("/admin/adesioni/{id}")).await;
    let merge_path = format!("/admin/adesioni/{id}/unisci?spazio=");
    let target: i64 = after(&request, &merge_path).parse().unwrap();
    let page = get(format!("{merge_path}{target}")).await;
    assert!(page.contains("Unire la richiesta"));
    let csrf = csrf_of(&page);
    let request_version = after(&page, "name=\"versione_richiesta\" value=\"");
    let listing_version = after(&page, "name=\"versione_scheda\" value=\"");
    let before = t.db.staff_space(target).await.unwrap().unwrap();
    let own: (i64,) = sqlx::query_as("SELECT space_id FROM submissions WHERE id = $1")
        .bind(id)
        .fetch_one(t.db.pool())
        .await
        .unwrap();

    // Staff take the opening hours and the website; the name stays the listing's.
    let form = format!(
        "csrf={csrf}&versione_richiesta={request_version}&versione_scheda={listing_version}\
         &usa_opening_hours=1&usa_website=1"
    );
    let post = |form: String| {
        app.clone().oneshot(post_form(
            &format!("{merge_path}{target}"),
            &form,
            Some(&editor),
            Some(ORIGIN),
        ))
    };
    let res = post(form.clone()).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()[header::LOCATION],
        format!("/admin/adesioni/{id}?unita=1")
    );
    let after_merge = t.db.staff_space(target).await.unwrap().unwrap();
    assert_eq!(after_merge.current.name, before.current.name);
    assert_eq!(
        after_merge.current.opening_hours.as_deref(),
        Some("Lun-Ven 9-18")
    );
    assert!(after_merge
        .current
        .website
        .as_deref()
        .is_some_and(|w| w.contains("officina.example.it")));
    assert_eq!(after_merge.current.address, before.current.address);
    assert_eq!(after_merge.version, before.version + 1);
    let proposed = t.db.staff_space(own.0).await.unwrap().unwrap();
    assert_eq!(proposed.status, SpaceStatus::Archived);
    // The request says where it went; the listing lists it; the submitter is told.
    let request = get(format!("/admin/adesioni/{id}?unita=1")).await;
    assert!(request.contains("Unita alla scheda esistente"));
    assert!(request.contains("Richiesta unita a «Le Serre dei Giardini Margherita»"));
    let listing = get(format!("/admin/spazi/{target}")).await;
    assert!(listing.contains(&format!("href=\"/admin/adesioni/{id}\"")));
    let told = outbox(&t)
        .await
        .into_iter()
        .find(|(to, subject, _)| to == "maria@example.it" && subject.contains("già sulla mappa"))
        .expect("the submitter is told");
    assert!(told.2.contains(&format!("/spazi/{}", after_merge.slug)));
    let audit = t.db.audit_trail("space", target).await.unwrap();
    assert_eq!(audit[0].action, "merge");

    // Closed, the request offers no decision.
    assert!(!request.contains("Approva e pubblica"));
    // The same merge again (a second tab): nothing changes, the page says the request is
    // closed already (not "try again").
    let res = post(form).await.unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(body_text(res)
        .await
        .contains("Questa richiesta è già chiusa"));
    assert_eq!(
        t.db.staff_space(target).await.unwrap().unwrap().version,
        after_merge.version
    );
}

/// On both databases: a merge is one transaction, done only over the versions staff saw, never
/// into the request's own space, and once.
async fn merging_is_all_or_nothing(t: &TestDb) {
    use app::backend::db::Merged;
    const NOW: i64 = 1_898_503_200;
    t.db.seed(NOW).await.unwrap();
    let staff = create(t, "staff.unione@example.it", Role::Editor).await;
    let actor = (staff, "staff.unione@example.it");
    // The request's own space (what the join form creates), then the request.
    let own = crate::privacy::join_request(t, "carla@example.it", NOW).await;
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM submissions WHERE space_id = $1")
        .bind(own)
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    let (_, record) = t.db.submission(id).await.unwrap().unwrap();
    let (target,): (i64,) = sqlx::query_as("SELECT id FROM spaces WHERE slug = 'dumbo'")
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    let listing = t.db.staff_space(target).await.unwrap().unwrap();
    let mut merged = listing.current.clone();
    merged.opening_hours = Some("Lun-Ven 9-18".into());
    let email = app::backend::mail::Email {
        to: "carla@example.it".into(),
        subject: "unita".into(),
        text: "unita".into(),
        ..Default::default()
    };
    let merge = |request: (i64, i64), into: (i64, i64)| {
        let (db, merged, email) = (t.db.clone(), merged.clone(), email.clone());
        async move {
            db.merge_request(request, into, &merged, &email, actor, NOW + 10)
                .await
                .unwrap()
        }
    };
    // A listing changed since the page: nothing done.
    assert_eq!(
        merge((id, record.version), (target, listing.version + 1)).await,
        Merged::Stale
    );
    // A request changed since the page: nothing done.
    assert_eq!(
        merge((id, record.version + 1), (target, listing.version)).await,
        Merged::Stale
    );
    // Into its own space: refused.
    let own_version = t.db.staff_space(own).await.unwrap().unwrap().version;
    assert_eq!(
        merge((id, record.version), (own, own_version)).await,
        Merged::Refused
    );
    assert_eq!(
        t.db.staff_space(target).await.unwrap().unwrap().version,
        listing.version
    );
    assert_eq!(
        merge((id, record.version), (target, listing.version)).await,
        Merged::Done
    );
    let now_listing = t.db.staff_space(target).await.unwrap().unwrap();
    assert_eq!(
        now_listing.current.opening_hours.as_deref(),
        Some("Lun-Ven 9-18")
    );
    assert_eq!(
        t.db.staff_space(own).await.unwrap().unwrap().status,
        SpaceStatus::Archived
    );
    let (_, record) = t.db.submission(id).await.unwrap().unwrap();
    assert_eq!(record.merged_into, Some(target));
    assert_eq!(
        t.db.merged_requests(target).await.unwrap(),
        vec![(id, format!("ADR-{NOW}"))]
    );
    let (mails,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM email_outbox WHERE to_address = 'carla@example.it'")
            .fetch_one(t.db.pool())
            .await
            .unwrap();
    assert_eq!(mails, 1);
    // Once only.
    assert_eq!(
        merge((id, record.version), (target, now_listing.version)).await,
        Merged::Stale
    );
    // Closed for good: no decision taken (the archived proposal is never published as a
    // duplicate) and no reopening, whatever version a page held.
    for decision in [
        app::core::model::Decision::Approved,
        app::core::model::Decision::Rejected,
    ] {
        assert!(!t
            .db
            .decide_submission(id, decision, None, &email, None, actor, NOW + 20)
            .await
            .unwrap());
    }
    assert!(!t.db.reopen_submission(id, actor, NOW + 21).await.unwrap());
    assert_eq!(
        t.db.staff_space(own).await.unwrap().unwrap().status,
        SpaceStatus::Archived
    );
    assert_eq!(mails_to_carla(t).await, 1, "no contradicting e-mail");
}

async fn mails_to_carla(t: &TestDb) -> i64 {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM email_outbox WHERE to_address = 'carla@example.it'")
            .fetch_one(t.db.pool())
            .await
            .unwrap();
    n
}
crate::support::on_both_backends!(merging_is_all_or_nothing);
