//! Registrations staff add themselves, against real databases: a phone call with an address
//! (confirmed and e-mailed), walk-ins at the door without one (no e-mails ever, any number of
//! them, checked in at once), a full event (refused unless a seat is added, which the event's
//! audit trail records), an address registered already, a cancelled event; and over HTTP.

use crate::events::{compose, event, mails_to, person, NOW};
use crate::support::{on_both_backends, TestDb};
use app::backend::db::{Addition, CancelOutcome, AGAIN_WITHIN};
use app::core::model::event::{EventStatus, RsvpStatus};
use app::core::model::Role;
use app::core::validate::rsvp::{validate_staff_rsvp, Field, RsvpInput, ValidRsvp};
use app::core::validate::Problem;
use app::i18n::Lang;

fn walk_in(first: &str) -> ValidRsvp {
    validate_staff_rsvp(&RsvpInput {
        first_name: first.into(),
        last_name: "Bianchi".into(),
        accessibility: "Sedia a rotelle".into(),
        ..Default::default()
    })
    .unwrap()
}

fn addition(rsvp: ValidRsvp, present: bool, beyond_capacity: bool) -> Addition {
    Addition {
        same_name_ok: false,
        rsvp,
        present,
        beyond_capacity,
        lang: Lang::It,
    }
}

async fn outbox_rows(t: &TestDb) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM email_outbox")
        .fetch_one(t.db.pool())
        .await
        .unwrap();
    n
}

async fn staff_add_registrations(t: &TestDb) {
    let staff = crate::staff::create(t, "staff.porta@example.it", Role::Editor).await;
    let actor = (staff, "staff.porta@example.it");
    let id =
        t.db.insert_event(&event("porta", 2), EventStatus::Published, NOW)
            .await
            .unwrap();
    let add = |a: Addition, at: i64| {
        let db = t.db.clone();
        async move {
            db.staff_add_rsvp(id, &a, actor, at, &compose)
                .await
                .unwrap()
                .expect("the event exists")
        }
    };

    // A phone call: confirmed at once, e-mailed with their personal link.
    let phone = person("telefono");
    let first = add(addition(phone.clone(), false, false), NOW)
        .await
        .unwrap();
    let mails = mails_to(&t.db, &phone.email).await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].0, "Confirmed Confirmed");
    // The same address again, for someone else: refused beside the e-mail, nothing written.
    let mut other = phone.clone();
    other.first_name = "Altra".into();
    assert_eq!(
        add(addition(other, false, false), NOW).await.unwrap_err().0,
        vec![(Field::Email, Problem::AlreadyRegistered)]
    );

    // A walk-in without e-mail, here now: checked in, no e-mail.
    let lia = add(addition(walk_in("Lia"), true, false), NOW + 1)
        .await
        .unwrap();
    assert_eq!(outbox_rows(t).await, 1);
    // The event is full: a second walk-in is refused, unless a seat is added for them.
    assert_eq!(
        add(addition(walk_in("Ugo"), true, false), NOW + 2)
            .await
            .unwrap_err()
            .0,
        vec![(Field::BeyondCapacity, Problem::EventFull { capacity: 2 })]
    );
    let ugo = add(addition(walk_in("Ugo"), false, true), NOW + 3)
        .await
        .unwrap();
    assert_eq!(t.db.seats_taken(id).await.unwrap(), (3, 3));
    assert_eq!(outbox_rows(t).await, 1, "no e-mail without an address");

    let rows = t.db.event_rsvps(id, "").await.unwrap();
    let row = |rsvp: i64| rows.iter().find(|r| r.id == rsvp).unwrap();
    assert_eq!(row(first).status, RsvpStatus::Confirmed);
    assert_eq!(row(first).checked_in_at, None);
    assert_eq!(row(lia).checked_in_at, Some(NOW + 1));
    assert_eq!(row(lia).email, "");
    assert_eq!(row(lia).accessibility.as_deref(), Some("Sedia a rotelle"));
    assert_eq!(row(ugo).checked_in_at, None);
    // The door's search finds them.
    let found = t.db.event_rsvps(id, "bianchi ugo").await.unwrap();
    assert_eq!(found.iter().map(|r| r.id).collect::<Vec<_>>(), vec![ugo]);

    // Who added whom, and the seat added, are in the audit trails.
    let audit = t.db.audit_trail("rsvp", lia).await.unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].action, "rsvp-add");
    let event_audit = t.db.audit_trail("event", id).await.unwrap();
    assert!(event_audit
        .iter()
        .any(|a| a.action == "seat-added" && a.after_json.as_deref() == Some(r#"{"capacity":3}"#)));
    // The event's version moved on: a colleague's open edit form cannot put the seat back.
    let (stored, _) = t.db.staff_event(id).await.unwrap().unwrap();
    assert_eq!((stored.capacity, stored.version > 1), (3, true));

    // A double tap on "add": the first addition stands.
    assert_eq!(
        add(addition(walk_in("Lia"), true, false), NOW + 5)
            .await
            .unwrap(),
        lia
    );
    assert_eq!(t.db.seats_taken(id).await.unwrap(), (3, 3));
    // Later, someone of the same name: looked up first, added once staff say it is another
    // person (here with a seat added too).
    assert_eq!(
        add(
            addition(walk_in("Lia"), true, false),
            NOW + AGAIN_WITHIN + 10
        )
        .await
        .unwrap_err()
        .0,
        vec![
            (Field::SameNameOk, Problem::SameName),
            (Field::BeyondCapacity, Problem::EventFull { capacity: 3 })
        ]
    );
    let other_lia = add(
        Addition {
            same_name_ok: true,
            ..addition(walk_in("Lia"), true, true)
        },
        NOW + AGAIN_WITHIN + 20,
    )
    .await
    .unwrap();
    assert_ne!(other_lia, lia);
    assert_eq!(t.db.seats_taken(id).await.unwrap(), (4, 4));

    // Cancelled by phone, a walk-in gets no e-mail either.
    assert_eq!(
        t.db.staff_cancel_rsvp((id, ugo), actor, NOW + 4, &compose)
            .await
            .unwrap(),
        CancelOutcome::Cancelled {
            promoted: 0,
            was_waiting: false
        }
    );
    assert_eq!(outbox_rows(t).await, 1);

    // Someone who cancelled is added again: the same registration comes back, with its
    // personal link and what they had said, and no second row.
    t.db.staff_cancel_rsvp((id, first), actor, NOW + 6, &compose)
        .await
        .unwrap();
    let mut again = phone.clone();
    again.role = None;
    let back = add(addition(again, false, false), NOW + 7).await.unwrap();
    assert_eq!(back, first);
    let rows = t.db.event_rsvps(id, "").await.unwrap();
    let row = rows.iter().find(|r| r.id == first).unwrap();
    assert_eq!(row.status, RsvpStatus::Confirmed);
    assert_eq!(rows.iter().filter(|r| r.email == phone.email).count(), 1);
    let mails = mails_to(&t.db, &phone.email).await;
    let links = |text: &str| text.split("/prenotazione/").nth(1).map(str::to_owned);
    assert_eq!(links(&mails.last().unwrap().1), links(&mails[0].1));

    // A cancelled event takes no one; an unknown one is not found.
    let gone =
        t.db.insert_event(&event("annullato", 5), EventStatus::Cancelled, NOW)
            .await
            .unwrap();
    let refused =
        t.db.staff_add_rsvp(
            gone,
            &addition(walk_in("Eva"), true, false),
            actor,
            NOW,
            &compose,
        )
        .await
        .unwrap()
        .unwrap()
        .unwrap_err();
    assert_eq!(refused.0, vec![(Field::Form, Problem::RegistrationClosed)]);
    assert!(t
        .db
        .staff_add_rsvp(
            9999,
            &addition(walk_in("Eva"), true, false),
            actor,
            NOW,
            &compose
        )
        .await
        .unwrap()
        .is_none());
}
on_both_backends!(staff_add_registrations);
