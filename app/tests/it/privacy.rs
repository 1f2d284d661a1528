//! Personal data is kept only as long as it serves (retention), and one person's data can be
//! exported and erased on request (GDPR) — on both databases.

use crate::support::{on_both_backends, TestDb};
use app::backend::db::{Notice, Registration};
use app::backend::mail::Email;
use app::core::model::event::{EventStatus, RsvpStatus};
use app::core::validate::event::ValidEvent;
use app::core::validate::join::{validate_join, JoinInput};
use app::core::validate::rsvp::{validate_rsvp, RsvpInput};
use app::i18n::Lang;
use std::sync::Arc;

const NOW: i64 = 1_898_503_200;
const DAY: i64 = 86_400;

fn compose(n: &Notice) -> Email {
    Email {
        to: n.email.clone(),
        subject: format!("{:?}", n.kind),
        text: String::new(),
        ..Default::default()
    }
}

fn event(slug: &str, starts_at: i64, capacity: i64) -> ValidEvent {
    ValidEvent {
        slug: slug.into(),
        title_it: slug.into(),
        starts_at,
        ends_at: starts_at + 7200,
        venue_name: "Sala".into(),
        venue_address: "Via Zamboni 13, Bologna".into(),
        organiser: "Città metropolitana".into(),
        contact_email: "progimpresa@cittametropolitana.bo.it".into(),
        capacity,
        ..Default::default()
    }
}

async fn register(t: &TestDb, slug: &str, who: &str, now: i64) {
    let v = validate_rsvp(&RsvpInput {
        first_name: "Anna".into(),
        last_name: who.into(),
        email: format!("{who}@example.it"),
        affiliation: "Laboratorio".into(),
        consent_privacy: Some("on".into()),
        ..Default::default()
    })
    .unwrap();
    t.db.register(Registration::new(slug, v, Lang::It, now, Arc::new(compose)))
        .await
        .unwrap();
}

async fn count(t: &TestDb, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(t.db.pool()).await.unwrap();
    n
}

/// Every e-mail in the outbox has its content, and no content is left of a deleted e-mail (the
/// two tables have no foreign key between them: deleting goes through both).
async fn contents_match_the_outbox(t: &TestDb) {
    assert_eq!(
        count(
            t,
            "SELECT COUNT(*) FROM email_bodies b WHERE NOT EXISTS \
             (SELECT 1 FROM email_outbox o WHERE o.id = b.id)"
        )
        .await,
        0
    );
    assert_eq!(
        count(t, "SELECT COUNT(*) FROM email_bodies").await,
        count(t, "SELECT COUNT(*) FROM email_outbox").await
    );
}

pub(crate) async fn join_request(t: &TestDb, contact: &str, at: i64) -> i64 {
    let input = JoinInput::from_pairs([
        ("name", "Officina da respingere"),
        ("kind_fablab", "on"),
        ("municipality", "037006"),
        ("organisation", "Associazione Prova"),
        ("organisation_kind", "association"),
        ("contact_name", "Maria Bianchi"),
        ("contact_email", contact),
        ("consent_privacy", "on"),
    ]);
    let valid = validate_join(&input, app::backend::boundaries::all()).unwrap();
    t.db.create_submission(
        &valid,
        &format!("ADR-{at}"),
        "it",
        None,
        &|_| Vec::new(),
        at,
    )
    .await
    .unwrap()
}

async fn retention_erases_what_has_served(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    // An event that ended 400 days ago, one that ended yesterday.
    let old = NOW - 400 * DAY;
    let old_id =
        t.db.insert_event(
            &event("vecchio", old, 10),
            EventStatus::Published,
            old - DAY,
        )
        .await
        .unwrap();
    register(t, "vecchio", "rossi", old - 10 * DAY).await;
    t.db.insert_event(
        &event("recente", NOW - 2 * DAY, 10),
        EventStatus::Published,
        NOW - 9 * DAY,
    )
    .await
    .unwrap();
    register(t, "recente", "verdi", NOW - 5 * DAY).await;
    // A request rejected 400 days ago and one rejected yesterday.
    for (contact, decided) in [("vecchia@example.it", old), ("nuova@example.it", NOW - DAY)] {
        let space = join_request(t, contact, decided - DAY).await;
        sqlx::query("UPDATE spaces SET status = 'rejected' WHERE id = $1")
            .bind(space)
            .execute(t.db.pool())
            .await
            .unwrap();
        sqlx::query(
            "UPDATE submissions SET decision = 'rejected', decided_at = $2 WHERE space_id = $1",
        )
        .bind(space)
        .bind(decided)
        .execute(t.db.pool())
        .await
        .unwrap();
    }
    // E-mails: the old registration's was sent long ago.
    sqlx::query("UPDATE email_outbox SET sent_at = created_at")
        .execute(t.db.pool())
        .await
        .unwrap();

    let report = t.db.apply_retention(NOW, 365).await.unwrap();
    assert_eq!((report.rsvps, report.submissions, report.emails), (1, 1, 1));
    // The old registration is anonymised, its counts kept; the recent one untouched.
    let counts = t.db.rsvp_counts(old_id).await.unwrap();
    assert_eq!(counts.confirmed, 1);
    assert_eq!(
        count(
            t,
            "SELECT COUNT(*) FROM rsvps WHERE email = 'rossi@example.it'"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            t,
            "SELECT COUNT(*) FROM rsvps WHERE affiliation IS NOT NULL"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            t,
            "SELECT COUNT(*) FROM rsvps WHERE email = 'verdi@example.it'"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            t,
            "SELECT COUNT(*) FROM submissions WHERE contact_email = 'vecchia@example.it'"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            t,
            "SELECT COUNT(*) FROM submissions WHERE contact_email = 'nuova@example.it'"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            t,
            "SELECT COUNT(*) FROM email_outbox WHERE to_address = 'rossi@example.it'"
        )
        .await,
        0
    );
    contents_match_the_outbox(t).await;
    // Again: nothing more to erase.
    assert_eq!(
        t.db.apply_retention(NOW, 365).await.unwrap(),
        Default::default()
    );
}
on_both_backends!(retention_erases_what_has_served);

async fn a_person_can_have_their_data_exported_and_erased(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    let future =
        t.db.insert_event(
            &event("futuro", NOW + 10 * DAY, 1),
            EventStatus::Published,
            NOW,
        )
        .await
        .unwrap();
    register(t, "futuro", "bianchi", NOW).await; // the seat
    register(t, "futuro", "neri", NOW + 1).await; // waiting
    join_request(t, "Bianchi@Example.it", NOW).await;

    let data = t.db.personal_data("BIANCHI@example.it ").await.unwrap();
    assert_eq!(data.registrations.len(), 1);
    assert_eq!(data.registrations[0].event, "futuro");
    assert_eq!(data.registrations[0].last_name, "bianchi");
    assert_eq!(data.join_requests.len(), 1);
    assert_eq!(data.join_requests[0].contact_name, "Maria Bianchi");
    assert_eq!(data.emails.len(), 1);
    let json = serde_json::to_string(&data).unwrap();
    assert!(json.contains("\"affiliation\":\"Laboratorio\""));

    let changed =
        t.db.erase_person("bianchi@example.it", NOW + 2, &compose)
            .await
            .unwrap();
    assert!(changed >= 3, "{changed}");
    let after = t.db.personal_data("bianchi@example.it").await.unwrap();
    assert!(
        after.registrations.is_empty() && after.join_requests.is_empty() && after.emails.is_empty()
    );
    contents_match_the_outbox(t).await;
    // The seat went to the next in line, who was told.
    let counts = t.db.rsvp_counts(future).await.unwrap();
    assert_eq!(
        (counts.confirmed, counts.waiting, counts.cancelled),
        (1, 0, 1)
    );
    let neri = t.db.personal_data("neri@example.it").await.unwrap();
    assert_eq!(neri.registrations[0].status, RsvpStatus::Confirmed.code());
    assert_eq!(neri.emails.last().unwrap().subject, "Promoted");
    assert_eq!(t.db.seats_taken(future).await.unwrap(), (1, 1));
}
on_both_backends!(a_person_can_have_their_data_exported_and_erased);
