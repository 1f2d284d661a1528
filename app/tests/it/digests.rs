//! Staff follow events and get a daily digest, against real databases: one e-mail per person
//! with the registrations and cancellations since their last one, at the digest hour and not
//! before, once a day whatever the number of app servers, nothing when there is no news or
//! after they stop following; and the follow button over HTTP.

use crate::events::{compose, event, mails_to, person, register, token_of, NOW};
use crate::support::{on_both_backends, TestDb};
use app::backend::db::DigestEvent;
use app::backend::mail::Email;
use app::backend::maintenance::{digests, Settings};
use app::core::model::event::EventStatus;
use app::core::model::Role;

const DAY: i64 = 86_400;

/// A test stand-in for the digest e-mail: who and which news, one line.
fn digest_line(to: &str, _name: &str, events: &[DigestEvent]) -> Email {
    Email {
        to: to.to_owned(),
        subject: "digest".into(),
        text: events
            .iter()
            .map(|e| format!("{}: +{:?} -{:?}", e.title, e.new, e.cancelled))
            .collect::<Vec<_>>()
            .join("; "),
        ..Default::default()
    }
}

fn settings(hour: u8) -> Settings {
    Settings {
        base: "http://spazi.test".into(),
        retention_days: 365,
        digest_hour: Some(hour),
        confirm_days: 365,
    }
}

async fn the_daily_digest(t: &TestDb) {
    let anna = crate::staff::create(t, "anna.segue@example.it", Role::Editor).await;
    let marco = crate::staff::create(t, "marco.segue@example.it", Role::Editor).await;
    let id =
        t.db.insert_event(&event("seguito", 2), EventStatus::Published, NOW - DAY)
            .await
            .unwrap();
    let quiet =
        t.db.insert_event(&event("tranquillo", 5), EventStatus::Published, NOW - DAY)
            .await
            .unwrap();
    t.db.set_following(anna, id, true, NOW - DAY).await.unwrap();
    t.db.set_following(marco, quiet, true, NOW - DAY)
        .await
        .unwrap();
    assert!(t.db.is_following(anna, id).await.unwrap());
    assert!(!t.db.is_following(anna, quiet).await.unwrap());

    // During the day: two register, one of them cancels.
    let first = register(&t.db, "seguito", &person("a"), NOW - 3600).await;
    register(&t.db, "seguito", &person("b"), NOW - 3000).await;
    t.db.cancel_rsvp(&token_of(&first), NOW - 2000, &compose)
        .await
        .unwrap();

    // NOW is 11:00 in Rome: a digest set for noon is not due yet.
    assert_eq!(digests(&t.db, NOW, &settings(12)).await.unwrap(), 0);
    // At 8 it is: Anna gets hers; Marco's event had no news, so he gets none.
    assert_eq!(digests(&t.db, NOW, &settings(8)).await.unwrap(), 1);
    let mails = mails_to(&t.db, "anna.segue@example.it").await;
    assert_eq!(mails.len(), 1);
    let text = &mails[0].1;
    for expected in [
        "Incontro seguito",
        "2 nuove iscrizioni: Persona a Rossi, Persona b Rossi",
        "1 annullata: Persona a Rossi",
        "1 confermato su 2 posti",
        &format!("http://spazi.test/admin/eventi/{id}/iscrizioni"),
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    assert!(mails_to(&t.db, "marco.segue@example.it").await.is_empty());
    // Another wake-up, or another app server, the same day: nothing more.
    assert_eq!(digests(&t.db, NOW + 300, &settings(8)).await.unwrap(), 0);

    // The next day: only what came since.
    register(&t.db, "seguito", &person("c"), NOW + 3600).await;
    let moment = NOW + DAY;
    assert_eq!(
        t.db.queue_digests(moment, moment, &digest_line)
            .await
            .unwrap(),
        1
    );
    let mails = mails_to(&t.db, "anna.segue@example.it").await;
    assert_eq!(mails[1].1, "Incontro seguito: +[\"Persona c Rossi\"] -[]");

    // Stopped following: no more digests.
    t.db.set_following(anna, id, false, moment + 10)
        .await
        .unwrap();
    register(&t.db, "seguito", &person("d"), moment + 3600).await;
    assert_eq!(
        t.db.queue_digests(moment + DAY, moment + DAY, &digest_line)
            .await
            .unwrap(),
        0
    );
    assert_eq!(mails_to(&t.db, "anna.segue@example.it").await.len(), 2);
}
on_both_backends!(the_daily_digest);
