//! Staff correct a registration's details, against real databases: a walk-in's address added
//! later gets the confirmation and personal link, an address that is another registration's is
//! refused beside the field, two colleagues' corrections of different details both stand and
//! of the same detail stop the second one (nothing saved, the saved values shown), and the
//! audit trail says what changed.

use crate::events::{compose, event, mails_to, person, NOW};
use crate::support::{on_both_backends, TestDb};
use app::backend::db::{Addition, Correction};
use app::core::model::event::EventStatus;
use app::core::model::Role;
use app::core::validate::rsvp::{validate_staff_rsvp, Field, RsvpInput};
use app::core::validate::Problem;
use app::i18n::Lang;

async fn staff_correct_registrations(t: &TestDb) {
    let staff = crate::staff::create(t, "staff.correzioni@example.it", Role::Editor).await;
    let actor = (staff, "staff.correzioni@example.it");
    let id =
        t.db.insert_event(&event("correzioni", 5), EventStatus::Published, NOW)
            .await
            .unwrap();
    let add = |rsvp| {
        let db = t.db.clone();
        async move {
            let a = Addition {
                rsvp,
                present: false,
                beyond_capacity: false,
                same_name_ok: false,
                lang: Lang::It,
            };
            db.staff_add_rsvp(id, &a, actor, NOW, &compose)
                .await
                .unwrap()
                .unwrap()
                .unwrap()
        }
    };
    let anna = add(person("telefono")).await;
    let lia_typed = RsvpInput {
        first_name: "Lia".into(),
        last_name: "Bianchi".into(),
        ..Default::default()
    };
    let lia = add(validate_staff_rsvp(&lia_typed).unwrap()).await;
    let details = |rsvp: i64| {
        let db = t.db.clone();
        async move {
            let r = db.event_rsvp(id, rsvp).await.unwrap().unwrap();
            RsvpInput {
                first_name: r.first_name,
                last_name: r.last_name,
                email: r.email,
                affiliation: r.affiliation.unwrap_or_default(),
                role: r.role.unwrap_or_default(),
                accessibility: r.accessibility.unwrap_or_default(),
                consent_privacy: None,
            }
        }
    };
    let correct = |rsvp: i64, typed: RsvpInput, base: RsvpInput, at: i64| {
        let db = t.db.clone();
        async move {
            db.correct_rsvp(id, rsvp, &typed, &base, actor, at, &compose)
                .await
                .unwrap()
                .expect("the registration exists")
        }
    };

    // The walk-in gives an address later: saved, and the confirmation with the personal link
    // goes to it.
    let read = details(lia).await;
    let with_mail = RsvpInput {
        email: "lia.bianchi@example.it".into(),
        ..read.clone()
    };
    assert_eq!(
        correct(lia, with_mail.clone(), read, NOW + 1).await,
        Correction::Saved {
            changed: true,
            mailed: true
        }
    );
    let mails = mails_to(&t.db, "lia.bianchi@example.it").await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].0, "Confirmed Confirmed");
    assert!(mails[0].1.starts_with("/prenotazione/"));
    // The audit trail says what changed, and only that.
    let audit = t.db.audit_trail("rsvp", lia).await.unwrap();
    let edit = audit.iter().find(|a| a.action == "rsvp-edit").unwrap();
    assert_eq!(
        edit.before_json.as_deref(),
        Some(r#"{"attendee_email":""}"#)
    );
    assert_eq!(
        edit.after_json.as_deref(),
        Some(r#"{"attendee_email":"lia.bianchi@example.it"}"#)
    );
    // Sent again as it is: nothing changes, no second e-mail.
    assert_eq!(
        correct(lia, with_mail.clone(), with_mail.clone(), NOW + 2).await,
        Correction::Saved {
            changed: false,
            mailed: false
        }
    );
    // The same address in other capitals is not a new one: no e-mail.
    let capitals = RsvpInput {
        email: "Lia.Bianchi@example.it".into(),
        ..with_mail.clone()
    };
    assert_eq!(
        correct(lia, capitals, with_mail, NOW + 3).await,
        Correction::Saved {
            changed: true,
            mailed: false
        }
    );
    assert_eq!(mails_to(&t.db, "Lia.Bianchi@example.it").await.len(), 0);

    // Another registration's address: refused beside the field, nothing written.
    let anna_read = details(anna).await;
    let taken = RsvpInput {
        email: "LIA.bianchi@example.it".into(),
        ..anna_read.clone()
    };
    assert_eq!(
        correct(anna, taken, anna_read.clone(), NOW + 4).await,
        Correction::Invalid(app::core::validate::FieldErrors(vec![(
            Field::Email,
            Problem::AlreadyRegistered
        )]))
    );
    assert_eq!(details(anna).await, anna_read);

    // Two colleagues with the same form open: one fixes the surname, the other adds the
    // accessibility needs; both stand.
    let surname = RsvpInput {
        last_name: "Rossini".into(),
        ..anna_read.clone()
    };
    let needs = RsvpInput {
        accessibility: "Interprete LIS".into(),
        ..anna_read.clone()
    };
    assert!(matches!(
        correct(anna, surname, anna_read.clone(), NOW + 5).await,
        Correction::Saved { changed: true, .. }
    ));
    assert!(matches!(
        correct(anna, needs, anna_read.clone(), NOW + 6).await,
        Correction::Saved { changed: true, .. }
    ));
    let now = details(anna).await;
    assert_eq!(
        (now.last_name.as_str(), now.accessibility.as_str()),
        ("Rossini", "Interprete LIS")
    );
    // A third, still on the old form, spells the surname otherwise: stopped, shown both.
    let other = RsvpInput {
        last_name: "Russo".into(),
        ..anna_read.clone()
    };
    match correct(anna, other, anna_read, NOW + 7).await {
        Correction::Clash { saved, merged } => {
            assert_eq!(*saved, now);
            assert_eq!(merged.last_name, "Russo");
            assert_eq!(merged.accessibility, "Interprete LIS");
        }
        other => panic!("expected a clash, got {other:?}"),
    }
    assert_eq!(details(anna).await, now, "nothing saved");

    // A different address: it gets a new personal link, and the one sent to the old address
    // stops working (a mistyped address usually belongs to a stranger).
    let old_link = mails_to(&t.db, "persona.telefono@example.it").await[0]
        .1
        .clone();
    let moved = RsvpInput {
        email: "anna.nuova@example.it".into(),
        ..now.clone()
    };
    assert!(matches!(
        correct(anna, moved.clone(), now, NOW + 8).await,
        Correction::Saved { mailed: true, .. }
    ));
    let new_link = mails_to(&t.db, "anna.nuova@example.it").await[0].1.clone();
    assert_ne!(new_link, old_link);
    let old_token = old_link.trim_start_matches("/prenotazione/");
    assert!(t
        .db
        .rsvp_by_token(old_token, Lang::It, NOW)
        .await
        .unwrap()
        .is_none());
    let now = moved;

    // The address taken away (someone who wants no e-mails): any number of them fit.
    let no_mail = RsvpInput {
        email: String::new(),
        ..now.clone()
    };
    assert!(matches!(
        correct(anna, no_mail, now, NOW + 9).await,
        Correction::Saved { mailed: false, .. }
    ));
    assert_eq!(details(anna).await.email, "");

    // A registration of another event, or none: not found.
    let elsewhere =
        t.db.insert_event(&event("altrove", 5), EventStatus::Published, NOW)
            .await
            .unwrap();
    let input = details(lia).await;
    assert!(t
        .db
        .correct_rsvp(elsewhere, lia, &input, &input, actor, NOW, &compose)
        .await
        .unwrap()
        .is_none());
}
on_both_backends!(staff_correct_registrations);
