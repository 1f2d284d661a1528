//! Events and RSVPs against real databases: no overbooking under hundreds of simultaneous
//! registrations (SQLite and PostgreSQL), the waiting line and its promotions, one registration
//! per address, personal tokens, the registration window on a fixed clock, the calendar file,
//! and the whole flow over HTTP.

use crate::http::app_at;
use crate::staff::{body_text, get_req, post_form, ORIGIN};
use crate::support::{on_both_backends, TestDb};
use app::backend::clock::Clock;
use app::backend::db::{CancelOutcome, Db, Notice, Registration, RsvpOutcome};
use app::backend::mail::Email;
use app::core::model::event::{EventStatus, RsvpStatus, Window};
use app::core::validate::event::ValidEvent;
use app::core::validate::rsvp::{validate_rsvp, RsvpInput, ValidRsvp};
use app::i18n::Lang;
use axum::http::{header, StatusCode};
use std::sync::Arc;
use tower::ServiceExt;

/// 1 March 2030, 10:00 UTC: "now" in these tests.
pub(crate) const NOW: i64 = 1_898_503_200;
const DAY: i64 = 86_400;

pub(crate) fn event(slug: &str, capacity: i64) -> ValidEvent {
    ValidEvent {
        slug: slug.into(),
        title_it: format!("Incontro {slug}"),
        starts_at: NOW + 10 * DAY,
        ends_at: NOW + 10 * DAY + 7200,
        venue_name: "Sala".into(),
        venue_address: "Via Zamboni 13, Bologna".into(),
        organiser: "Città metropolitana di Bologna".into(),
        contact_email: "progimpresa@cittametropolitana.bo.it".into(),
        capacity,
        ..Default::default()
    }
}

pub(crate) fn person(n: &str) -> ValidRsvp {
    validate_rsvp(&RsvpInput {
        first_name: format!("Persona {n}"),
        last_name: "Rossi".into(),
        email: format!("persona.{n}@example.it"),
        consent_privacy: Some("on".into()),
        ..Default::default()
    })
    .unwrap()
}

/// A test stand-in for `events::composer`: one line that says what the e-mail is about.
pub(crate) fn compose(n: &Notice) -> Email {
    Email {
        to: n.email.clone(),
        subject: format!("{:?} {:?}", n.kind, n.status),
        text: format!("/prenotazione/{}", n.token),
        ..Default::default()
    }
}

pub(crate) async fn register(db: &Db, slug: &str, who: &ValidRsvp, now: i64) -> RsvpOutcome {
    db.register(Registration::new(
        slug,
        who.clone(),
        Lang::It,
        now,
        Arc::new(compose),
    ))
    .await
    .unwrap()
}

pub(crate) fn token_of(outcome: &RsvpOutcome) -> String {
    match outcome {
        RsvpOutcome::Registered { token, .. } => token.clone(),
        other => panic!("expected a registration, got {other:?}"),
    }
}

/// The subjects of the queued e-mails to `to`, oldest first.
pub(crate) async fn mails_to(db: &Db, to: &str) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT o.subject, b.body_text FROM email_outbox o JOIN email_bodies b ON b.id = o.id \
         WHERE o.to_address = $1 ORDER BY o.id",
    )
    .bind(to)
    .fetch_all(db.pool())
    .await
    .unwrap()
}

async fn no_overbooking_under_a_burst(t: &TestDb) {
    const SEATS: i64 = 7;
    const PEOPLE: usize = 240;
    const DUPLICATES: usize = 30;
    let id =
        t.db.insert_event(&event("affollato", SEATS), EventStatus::Published, NOW)
            .await
            .unwrap();
    // Everyone at once: 240 different people, and one person sending the form 30 times.
    let mut tasks = Vec::new();
    for i in 0..PEOPLE + DUPLICATES {
        let db = t.db.clone();
        tasks.push(tokio::spawn(async move {
            let who = if i < PEOPLE {
                person(&i.to_string())
            } else {
                person("doppia")
            };
            register(&db, "affollato", &who, NOW).await
        }));
    }
    let mut outcomes = Vec::new();
    for task in tasks {
        outcomes.push(task.await.unwrap());
    }
    let registered = outcomes
        .iter()
        .filter(|o| matches!(o, RsvpOutcome::Registered { .. }))
        .count();
    let again = outcomes
        .iter()
        .filter(|o| **o == RsvpOutcome::AlreadyRegistered)
        .count();
    assert_eq!(registered, PEOPLE + 1, "one registration per address");
    assert_eq!(again, DUPLICATES - 1);
    let confirmed = outcomes
        .iter()
        .filter(|o| {
            matches!(
                o,
                RsvpOutcome::Registered {
                    status: RsvpStatus::Confirmed,
                    ..
                }
            )
        })
        .count();
    assert_eq!(confirmed as i64, SEATS, "exactly the seats, never more");
    let counts = t.db.rsvp_counts(id).await.unwrap();
    assert_eq!(counts.confirmed, SEATS);
    assert_eq!(counts.waiting, (PEOPLE + 1) as i64 - SEATS);
    assert_eq!(t.db.seats_taken(id).await.unwrap(), (SEATS, SEATS));
    // The line is in order: positions 1..=n, each once.
    let mut positions: Vec<i64> = outcomes
        .iter()
        .filter_map(|o| match o {
            RsvpOutcome::Registered {
                queue_position: Some(p),
                ..
            } => Some(*p),
            _ => None,
        })
        .collect();
    positions.sort();
    let expected: Vec<i64> = (1..=counts.waiting).collect();
    assert_eq!(positions, expected);
    // The stored line (by id: registrations are inserted a group at a time) is the order the
    // answers gave.
    let mut answered: Vec<(i64, String)> = outcomes
        .iter()
        .filter_map(|o| match o {
            RsvpOutcome::Registered {
                queue_position: Some(p),
                token,
                ..
            } => Some((*p, token.clone())),
            _ => None,
        })
        .collect();
    answered.sort();
    let stored: Vec<(String,)> = sqlx::query_as(
        "SELECT token FROM rsvps WHERE event_id = $1 AND status = 'waiting' ORDER BY id",
    )
    .bind(id)
    .fetch_all(t.db.pool())
    .await
    .unwrap();
    assert_eq!(
        stored.into_iter().map(|(t,)| t).collect::<Vec<_>>(),
        answered.into_iter().map(|(_, t)| t).collect::<Vec<_>>()
    );
    // One row for the person who sent the form 30 times, and an e-mail for each sending.
    let (rows,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM rsvps WHERE email_key = 'persona.doppia@example.it'")
            .fetch_one(t.db.pool())
            .await
            .unwrap();
    assert_eq!(rows, 1);
    assert_eq!(
        mails_to(&t.db, "persona.doppia@example.it").await.len(),
        DUPLICATES
    );
    let outbox = t.db.outbox_counts().await.unwrap();
    assert_eq!(outbox.waiting, (PEOPLE + DUPLICATES) as i64);
    // Each e-mail's content (written beside its outbox row, a group's at once) is its
    // recipient's: it carries the personal link of that address's registration.
    let mails: Vec<(String, String)> = sqlx::query_as(
        "SELECT r.token, b.body_text FROM email_outbox o JOIN email_bodies b ON b.id = o.id \
         JOIN rsvps r ON r.email = o.to_address AND r.event_id = $1",
    )
    .bind(id)
    .fetch_all(t.db.pool())
    .await
    .unwrap();
    assert_eq!(mails.len(), PEOPLE + DUPLICATES);
    for (token, body) in &mails {
        assert!(body.contains(&format!("/prenotazione/{token}")), "{body}");
    }
}
on_both_backends!(no_overbooking_under_a_burst);

/// Registrations arriving together are committed together (`db::registrations`): a group that
/// mixes events and one client's repeated requests counts seats per event and the client's
/// limit across the group exactly, as one registration at a time would.
async fn a_group_counts_seats_per_event_and_limits_per_client(t: &TestDb) {
    use app::backend::db::ClientLimit;
    let a =
        t.db.insert_event(&event("gruppo-a", 2), EventStatus::Published, NOW)
            .await
            .unwrap();
    let b =
        t.db.insert_event(&event("gruppo-b", 1), EventStatus::Published, NOW)
            .await
            .unwrap();
    let mut tasks = Vec::new();
    for i in 0..12 {
        let db = t.db.clone();
        tasks.push(tokio::spawn(async move {
            let slug = if i % 2 == 0 { "gruppo-a" } else { "gruppo-b" };
            let mut registration = Registration::new(
                slug,
                person(&format!("g{i}")),
                Lang::It,
                NOW,
                Arc::new(compose),
            );
            // Half of them from one address allowed 4 an hour.
            if i < 6 {
                registration.limit = Some(ClientLimit {
                    bucket: "rsvp",
                    client: "192.0.2.7".into(),
                    window: 3600,
                    max: 4,
                });
            }
            (i, db.register(registration).await.unwrap())
        }));
    }
    let mut too_many = 0;
    for task in tasks {
        let (i, outcome) = task.await.unwrap();
        match outcome {
            RsvpOutcome::TooMany => {
                assert!(i < 6, "only the limited address is refused");
                too_many += 1;
            }
            RsvpOutcome::Registered { .. } => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(too_many, 2, "four of the six from one address");
    let (counted,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM rate_limit_events WHERE client = '192.0.2.7'")
            .fetch_one(t.db.pool())
            .await
            .unwrap();
    assert_eq!(counted, 4);
    let (ca, cb) = (
        t.db.rsvp_counts(a).await.unwrap(),
        t.db.rsvp_counts(b).await.unwrap(),
    );
    assert_eq!((ca.confirmed, cb.confirmed), (2, 1));
    assert_eq!(ca.confirmed + ca.waiting + cb.confirmed + cb.waiting, 10);
    assert_eq!(t.db.seats_taken(a).await.unwrap(), (2, 2));
    assert_eq!(t.db.seats_taken(b).await.unwrap(), (1, 1));
    assert_eq!(t.db.outbox_counts().await.unwrap().waiting, 10);
}
on_both_backends!(a_group_counts_seats_per_event_and_limits_per_client);

/// The event page's one query: the event with the published spaces' names for the form's
/// suggestions, in name order — or none of them when there are more than the page carries.
async fn the_event_page_carries_the_space_names_up_to_a_limit(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    t.db.insert_event(&event("nomi", 10), EventStatus::Published, NOW)
        .await
        .unwrap();
    t.db.insert_event(&event("bozza-nomi", 10), EventStatus::Draft, NOW)
        .await
        .unwrap();
    let mut published: Vec<String> =
        sqlx::query_as::<_, (String,)>("SELECT name FROM spaces WHERE status = 'published'")
            .fetch_all(t.db.pool())
            .await
            .unwrap()
            .into_iter()
            .map(|(n,)| n)
            .collect();
    published.sort();
    assert_eq!(published.len(), 12);
    let (view, names) =
        t.db.public_event_page("nomi", Lang::En, 12)
            .await
            .unwrap()
            .unwrap();
    assert_eq!(view.slug, "nomi");
    let mut names = names.expect("12 names fit a limit of 12");
    assert_eq!(names.len(), 12);
    // In the database's name order; the same set as the published spaces.
    names.sort();
    assert_eq!(names, published);
    let (_, over) =
        t.db.public_event_page("nomi", Lang::It, 11)
            .await
            .unwrap()
            .unwrap();
    assert_eq!(
        over, None,
        "more spaces than the page carries: the browser fetches them"
    );
    assert!(t
        .db
        .public_event_page("bozza-nomi", Lang::It, 300)
        .await
        .unwrap()
        .is_none());
    assert!(t
        .db
        .public_event_page("nessuno", Lang::It, 300)
        .await
        .unwrap()
        .is_none());
}
on_both_backends!(the_event_page_carries_the_space_names_up_to_a_limit);

/// An affiliation that is exactly a mapped space's name (whatever the case) links the
/// registration to that space, for staff's lists; any other text stays text.
async fn an_affiliation_naming_a_space_links_to_it(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    t.db.insert_event(&event("legami", 10), EventStatus::Published, NOW)
        .await
        .unwrap();
    let with = |n: &str, affiliation: &str| {
        validate_rsvp(&RsvpInput {
            first_name: "Ada".into(),
            last_name: n.into(),
            email: format!("{n}@example.it"),
            affiliation: affiliation.into(),
            consent_privacy: Some("on".into()),
            ..Default::default()
        })
        .unwrap()
    };
    let mut tasks = Vec::new();
    for (n, affiliation) in [
        ("a", "opificio GOLINELLI – g-factor"),
        ("b", "Studio Rossi"),
        ("c", ""),
    ] {
        let (db, who) = (t.db.clone(), with(n, affiliation));
        tasks.push(tokio::spawn(async move {
            register(&db, "legami", &who, NOW).await
        }));
    }
    for task in tasks {
        token_of(&task.await.unwrap());
    }
    let rows: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT r.last_name, s.name FROM rsvps r LEFT JOIN spaces s ON s.id = r.space_id \
         ORDER BY r.last_name",
    )
    .fetch_all(t.db.pool())
    .await
    .unwrap();
    assert_eq!(
        rows,
        vec![
            (
                "a".to_owned(),
                Some("Opificio Golinelli – G-Factor".to_owned())
            ),
            ("b".to_owned(), None),
            ("c".to_owned(), None),
        ]
    );
}
on_both_backends!(an_affiliation_naming_a_space_links_to_it);

async fn cancelling_promotes_the_first_in_line(t: &TestDb) {
    let id =
        t.db.insert_event(&event("piccolo", 2), EventStatus::Published, NOW)
            .await
            .unwrap();
    let [a, b, c, d] = ["a", "b", "c", "d"].map(person);
    let ta = token_of(&register(&t.db, "piccolo", &a, NOW).await);
    let tb = token_of(&register(&t.db, "piccolo", &b, NOW).await);
    let c_out = register(&t.db, "piccolo", &c, NOW + 1).await;
    let d_out = register(&t.db, "piccolo", &d, NOW + 2).await;
    assert!(matches!(
        c_out,
        RsvpOutcome::Registered {
            status: RsvpStatus::Waiting,
            queue_position: Some(1),
            ..
        }
    ));
    assert!(matches!(
        d_out,
        RsvpOutcome::Registered {
            status: RsvpStatus::Waiting,
            queue_position: Some(2),
            ..
        }
    ));
    let (tc, td) = (token_of(&c_out), token_of(&d_out));

    // A cancels: C, first in line, gets the seat and an e-mail with their own link.
    assert_eq!(
        t.db.cancel_rsvp(&ta, NOW + 3, &compose).await.unwrap(),
        CancelOutcome::Cancelled {
            promoted: 1,
            was_waiting: false
        }
    );
    let view = |token: String| {
        let db = t.db.clone();
        async move {
            db.rsvp_by_token(&token, Lang::It, NOW + 4)
                .await
                .unwrap()
                .unwrap()
        }
    };
    assert_eq!(view(tc.clone()).await.status, RsvpStatus::Confirmed);
    let d_view = view(td.clone()).await;
    assert_eq!(
        (d_view.status, d_view.queue_position),
        (RsvpStatus::Waiting, Some(1))
    );
    let c_mails = mails_to(&t.db, &c.email).await;
    assert_eq!(c_mails.len(), 2);
    assert_eq!(c_mails[1].0, "Promoted Confirmed");
    assert!(c_mails[1].1.contains(&tc));
    assert_eq!(t.db.seats_taken(id).await.unwrap(), (2, 2));

    // The same link again, a wrong one, a truncated one: nothing changes.
    assert_eq!(
        t.db.cancel_rsvp(&ta, NOW + 5, &compose).await.unwrap(),
        CancelOutcome::AlreadyCancelled
    );
    let wrong = "f".repeat(64);
    assert_eq!(
        t.db.cancel_rsvp(&wrong, NOW + 5, &compose).await.unwrap(),
        CancelOutcome::NotFound
    );
    assert_eq!(
        t.db.cancel_rsvp(&tb[..20], NOW + 5, &compose)
            .await
            .unwrap(),
        CancelOutcome::NotFound
    );
    assert!(t
        .db
        .rsvp_by_token(&wrong, Lang::It, NOW)
        .await
        .unwrap()
        .is_none());
    assert_eq!(t.db.seats_taken(id).await.unwrap(), (2, 2));

    // Someone waiting cancels: no seat changes hands.
    assert_eq!(
        t.db.cancel_rsvp(&td, NOW + 6, &compose).await.unwrap(),
        CancelOutcome::Cancelled {
            promoted: 0,
            was_waiting: true
        }
    );
    let counts = t.db.rsvp_counts(id).await.unwrap();
    assert_eq!(
        (counts.confirmed, counts.waiting, counts.cancelled),
        (2, 0, 2)
    );

    // A registers again: a new registration at the end of the line, with a new link; the old
    // link is dead.
    let again = register(&t.db, "piccolo", &a, NOW + 7).await;
    assert!(matches!(
        again,
        RsvpOutcome::Registered {
            status: RsvpStatus::Waiting,
            queue_position: Some(1),
            ..
        }
    ));
    assert_ne!(token_of(&again), ta);
    assert!(t
        .db
        .rsvp_by_token(&ta, Lang::It, NOW)
        .await
        .unwrap()
        .is_none());
    // B sends the form again: no new registration, the confirmation again.
    assert_eq!(
        register(&t.db, "piccolo", &b, NOW + 8).await,
        RsvpOutcome::AlreadyRegistered
    );
    assert_eq!(
        mails_to(&t.db, &b.email).await.last().unwrap().0,
        "Resent Confirmed"
    );
    assert_eq!(t.db.rsvp_counts(id).await.unwrap().confirmed, 2);
}
on_both_backends!(cancelling_promotes_the_first_in_line);

/// Someone phones: "I can't come". Staff cancel their registration; they are e-mailed, the
/// first in line gets the seat, the audit trail says who did it. The door's search finds
/// people by any order of their names, without accents, by the beginnings of words; waiting
/// people carry their place in line.
async fn staff_cancel_a_registration_and_the_line_moves_up(t: &TestDb) {
    let staff =
        crate::staff::create(t, "staff.cancel@example.it", app::core::model::Role::Editor).await;
    let id =
        t.db.insert_event(&event("telefonata", 1), EventStatus::Published, NOW)
            .await
            .unwrap();
    let other =
        t.db.insert_event(&event("altro", 1), EventStatus::Published, NOW)
            .await
            .unwrap();
    let mut niccolo = person("a");
    niccolo.first_name = "Niccolò".into();
    niccolo.last_name = "Lucà".into();
    for (who, at) in [
        (niccolo.clone(), NOW),
        (person("b"), NOW + 1),
        (person("c"), NOW + 2),
    ] {
        register(&t.db, "telefonata", &who, at).await;
    }
    let rows = t.db.event_rsvps(id, "").await.unwrap();
    let place = |email: &str| {
        rows.iter()
            .find(|r| r.email == email)
            .map(|r| (r.status, r.queue_position))
    };
    assert_eq!(place(&niccolo.email), Some((RsvpStatus::Confirmed, None)));
    assert_eq!(
        place("persona.b@example.it"),
        Some((RsvpStatus::Waiting, Some(1)))
    );
    assert_eq!(
        place("persona.c@example.it"),
        Some((RsvpStatus::Waiting, Some(2)))
    );
    for q in [
        "luca niccolo",
        "Niccolò Lucà",
        "NICC",
        "luc nic",
        "persona.a@ex",
    ] {
        let found = t.db.event_rsvps(id, q).await.unwrap();
        assert_eq!(found.len(), 1, "{q}");
        assert_eq!(found[0].email, niccolo.email, "{q}");
    }
    // Inside a word only from four letters ("angelo" finds Dangelo).
    assert!(t.db.event_rsvps(id, "icc").await.unwrap().is_empty());
    assert_eq!(t.db.event_rsvps(id, "iccolo").await.unwrap().len(), 1);
    assert_eq!(
        t.db.event_rsvps(id, "rossi persona").await.unwrap().len(),
        2
    );

    let first = rows.iter().find(|r| r.email == niccolo.email).unwrap().id;
    let actor = (staff, "staff.cancel@example.it");
    // Not this event's registration: nothing happens.
    assert_eq!(
        t.db.staff_cancel_rsvp((other, first), actor, NOW + 3, &compose)
            .await
            .unwrap(),
        CancelOutcome::NotFound
    );
    assert_eq!(
        t.db.staff_cancel_rsvp((id, first), actor, NOW + 3, &compose)
            .await
            .unwrap(),
        CancelOutcome::Cancelled {
            promoted: 1,
            was_waiting: false
        }
    );
    assert_eq!(
        mails_to(&t.db, &niccolo.email).await.last().unwrap().0,
        // With the status it had: a seat given up withdraws the calendar entry.
        "RsvpCancelled Confirmed"
    );
    assert_eq!(
        mails_to(&t.db, "persona.b@example.it")
            .await
            .last()
            .unwrap()
            .0,
        "Promoted Confirmed"
    );
    assert_eq!(t.db.seats_taken(id).await.unwrap(), (1, 1));
    let rows = t.db.event_rsvps(id, "").await.unwrap();
    assert_eq!(
        rows.iter()
            .find(|r| r.email == "persona.c@example.it")
            .unwrap()
            .queue_position,
        Some(1)
    );
    // Twice (a colleague at the same time): nothing more.
    assert_eq!(
        t.db.staff_cancel_rsvp((id, first), actor, NOW + 4, &compose)
            .await
            .unwrap(),
        CancelOutcome::AlreadyCancelled
    );
    assert_eq!(mails_to(&t.db, &niccolo.email).await.len(), 2);
    let audit = t.db.audit_trail("rsvp", first).await.unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].action, "rsvp-cancel");

    // Someone waiting cancels by phone after the start: no promotion, the line is untouched.
    let c = rows
        .iter()
        .find(|r| r.email == "persona.c@example.it")
        .unwrap()
        .id;
    assert_eq!(
        t.db.staff_cancel_rsvp((id, c), actor, NOW + 11 * DAY, &compose)
            .await
            .unwrap(),
        CancelOutcome::Cancelled {
            promoted: 0,
            was_waiting: true
        }
    );
    let counts = t.db.rsvp_counts(id).await.unwrap();
    assert_eq!(
        (counts.confirmed, counts.waiting, counts.cancelled),
        (1, 0, 2)
    );
}
on_both_backends!(staff_cancel_a_registration_and_the_line_moves_up);

/// Cancellations and new registrations at the same time: seats stay exact and go to the line
/// in order.
async fn cancellations_racing_registrations_stay_exact(t: &TestDb) {
    let id =
        t.db.insert_event(&event("corsa", 3), EventStatus::Published, NOW)
            .await
            .unwrap();
    let mut tokens = Vec::new();
    for i in 0..10 {
        tokens.push(token_of(
            &register(&t.db, "corsa", &person(&format!("r{i}")), NOW + i).await,
        ));
    }
    let mut tasks = Vec::new();
    for token in tokens.iter().take(3) {
        let (db, token) = (t.db.clone(), token.clone());
        tasks.push(tokio::spawn(async move {
            db.cancel_rsvp(&token, NOW + 100, &compose).await.unwrap();
        }));
    }
    for i in 0..20 {
        let db = t.db.clone();
        tasks.push(tokio::spawn(async move {
            register(&db, "corsa", &person(&format!("n{i}")), NOW + 100).await;
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let counts = t.db.rsvp_counts(id).await.unwrap();
    assert_eq!((counts.confirmed, counts.cancelled), (3, 3));
    assert_eq!(counts.waiting, 4 + 20);
    assert_eq!(t.db.seats_taken(id).await.unwrap(), (3, 3));
    // The three promoted are the first three in line (r3, r4, r5), not newcomers.
    for (i, token) in tokens.iter().enumerate().skip(3) {
        let status =
            t.db.rsvp_by_token(token, Lang::It, NOW)
                .await
                .unwrap()
                .unwrap()
                .status;
        let expected = if i < 6 {
            RsvpStatus::Confirmed
        } else {
            RsvpStatus::Waiting
        };
        assert_eq!(status, expected, "r{i}");
    }
}
on_both_backends!(cancellations_racing_registrations_stay_exact);

async fn the_registration_window_follows_the_clock(t: &TestDb) {
    let opens = NOW + DAY;
    let starts = NOW + 10 * DAY;
    t.db.insert_event(
        &ValidEvent {
            rsvp_opens_at: Some(opens),
            ..event("finestra", 10)
        },
        EventStatus::Published,
        NOW,
    )
    .await
    .unwrap();
    let who = person("f");
    assert_eq!(
        register(&t.db, "finestra", &who, opens - 1).await,
        RsvpOutcome::NotOpen(Window::NotYetOpen(opens))
    );
    let token = token_of(&register(&t.db, "finestra", &who, opens).await);
    // Closing at the start by default.
    assert_eq!(
        register(&t.db, "finestra", &person("g"), starts).await,
        RsvpOutcome::NotOpen(Window::Closed)
    );
    assert_eq!(
        register(&t.db, "finestra", &person("g"), starts + 7200).await,
        RsvpOutcome::NotOpen(Window::Past)
    );
    // Cancelling: until the start, not after.
    assert_eq!(
        t.db.cancel_rsvp(&token, starts, &compose).await.unwrap(),
        CancelOutcome::TooLate
    );
    let view =
        t.db.rsvp_by_token(&token, Lang::It, starts - 1)
            .await
            .unwrap()
            .unwrap();
    assert!(view.can_cancel);
    let view =
        t.db.rsvp_by_token(&token, Lang::It, starts)
            .await
            .unwrap()
            .unwrap();
    assert!(!view.can_cancel);

    // A chosen closing time; drafts and cancelled events take nobody.
    t.db.insert_event(
        &ValidEvent {
            rsvp_closes_at: Some(starts - DAY),
            ..event("chiude-prima", 10)
        },
        EventStatus::Published,
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(
        register(&t.db, "chiude-prima", &who, starts - DAY).await,
        RsvpOutcome::NotOpen(Window::Closed)
    );
    t.db.insert_event(&event("bozza", 10), EventStatus::Draft, NOW)
        .await
        .unwrap();
    assert_eq!(
        register(&t.db, "bozza", &who, NOW).await,
        RsvpOutcome::NoSuchEvent
    );
    assert_eq!(
        register(&t.db, "nessuno", &who, NOW).await,
        RsvpOutcome::NoSuchEvent
    );
    t.db.insert_event(&event("annullato", 10), EventStatus::Cancelled, NOW)
        .await
        .unwrap();
    assert_eq!(
        register(&t.db, "annullato", &who, NOW).await,
        RsvpOutcome::NotOpen(Window::Cancelled)
    );
    // Drafts are not public; cancelled events are, saying so.
    assert!(t
        .db
        .public_event("bozza", Lang::It)
        .await
        .unwrap()
        .is_none());
    let page = t.db.public_events(Lang::It, NOW).await.unwrap();
    let slugs: Vec<&str> = page.upcoming.iter().map(|e| e.slug.as_str()).collect();
    assert_eq!(slugs, ["finestra", "chiude-prima", "annullato"]);
}
on_both_backends!(the_registration_window_follows_the_clock);

/// A draft is discarded, never cancelled into public view; a published event cancelled says
/// how many people it e-mailed.
async fn drafts_are_discarded_not_cancelled(t: &TestDb) {
    let who = (1, "staff@example.it");
    sqlx::query(
        "INSERT INTO staff_users (email, name, role, password_hash, created_at, updated_at) \
         VALUES ('staff@example.it', 'Staff', 'editor', '!', 0, 0)",
    )
    .execute(t.db.pool())
    .await
    .unwrap();
    let draft =
        t.db.insert_event(&event("bozza-da-buttare", 10), EventStatus::Draft, NOW)
            .await
            .unwrap();
    // Cancelling a draft is not a thing: it stays a draft, private.
    assert_eq!(
        t.db.set_event_status(draft, EventStatus::Cancelled, 1, who, NOW, &compose)
            .await
            .unwrap(),
        None
    );
    assert!(t
        .db
        .public_event("bozza-da-buttare", Lang::It)
        .await
        .unwrap()
        .is_none());
    // A discard from a page older than the draft changes nothing.
    assert!(!t.db.discard_draft(draft, 7, who, NOW).await.unwrap());
    assert!(t.db.discard_draft(draft, 1, who, NOW).await.unwrap());
    assert!(t.db.event_id("bozza-da-buttare").await.unwrap().is_none());
    let trail = t.db.audit_trail("event", draft).await.unwrap();
    assert_eq!(trail[0].action, "discard");
    assert!(trail[0]
        .before_json
        .as_deref()
        .unwrap()
        .contains("Incontro bozza-da-buttare"));
    // A published event is never discarded; cancelled, it tells everyone registered.
    let published =
        t.db.insert_event(&event("pubblicato", 10), EventStatus::Draft, NOW)
            .await
            .unwrap();
    assert_eq!(
        t.db.set_event_status(published, EventStatus::Published, 1, who, NOW, &compose)
            .await
            .unwrap(),
        Some(0)
    );
    assert!(!t.db.discard_draft(published, 2, who, NOW).await.unwrap());
    register(&t.db, "pubblicato", &person("a"), NOW).await;
    register(&t.db, "pubblicato", &person("b"), NOW).await;
    assert_eq!(
        t.db.set_event_status(published, EventStatus::Cancelled, 2, who, NOW, &compose)
            .await
            .unwrap(),
        Some(2)
    );
    let page = t.db.public_events(Lang::It, NOW).await.unwrap();
    let slugs: Vec<&str> = page.upcoming.iter().map(|e| e.slug.as_str()).collect();
    assert_eq!(slugs, ["pubblicato"]);
}
on_both_backends!(drafts_are_discarded_not_cancelled);

/// The seeded launch: in the past by the real clock, taking registrations on 1 June 2022.
async fn the_launch_is_seeded_in_rome_time(t: &TestDb) {
    t.db.seed(NOW).await.unwrap();
    t.db.seed(NOW).await.unwrap();
    let launch =
        t.db.public_event("lancio-forum-2022", Lang::It)
            .await
            .unwrap()
            .expect("the launch event");
    assert_eq!(
        app::i18n::events::when_line(&launch, Lang::It),
        "lunedì 6 giugno 2022, 17:00–19:00 (ora di Bologna, CEST)"
    );
    assert_eq!(
        launch.venue_space.as_ref().map(|(_, n)| n.as_str()),
        Some("BIG – Boost Innovation Garage")
    );
    // BIG's position in the seed is approximate (Bologna's centre): no point to go to, in
    // the page or in calendars; once staff place it exactly, the event is placed there.
    assert!(launch.lat.is_none(), "no point to go to");
    assert!(!app::core::calendar::ics(&launch, "https://x/e", "x", NOW).contains("GEO:"));
    sqlx::query("UPDATE spaces SET position_precision = 'exact' WHERE name = $1")
        .bind("BIG – Boost Innovation Garage")
        .execute(t.db.pool())
        .await
        .unwrap();
    let placed =
        t.db.public_event("lancio-forum-2022", Lang::It)
            .await
            .unwrap()
            .unwrap();
    assert!(placed.lat.is_some(), "placed at its venue space");
    let past = t.db.public_events(Lang::En, NOW).await.unwrap();
    assert_eq!(past.past.len(), 1);
    assert_eq!(
        past.past[0].title,
        "Launch of the Metropolitan Forum of Innovation Spaces"
    );
    let june_first = app::core::datetime::parse_instant("2022-06-01T10:00:00+02:00").unwrap();
    assert!(matches!(
        register(&t.db, "lancio-forum-2022", &person("l"), june_first).await,
        RsvpOutcome::Registered {
            status: RsvpStatus::Confirmed,
            ..
        }
    ));
}
on_both_backends!(the_launch_is_seeded_in_rome_time);

/// A hundred people register for one event from one network (an office's public address):
/// past the first twenty each is asked a question, answers it and is registered; a wrong
/// answer gets a new question, nothing typed lost. Another event counts on its own.
async fn a_shared_network_is_asked_a_question_not_turned_away(t: &TestDb) {
    use app::web::forms::rsvp::ASK_FROM;
    let app = app_at(t, Clock::fixed(NOW)).await;
    for slug in ["rete-condivisa", "altro-incontro"] {
        t.db.insert_event(&event(slug, 200), EventStatus::Published, NOW)
            .await
            .unwrap();
    }
    let secret = t.db.form_secret().await.unwrap();
    let token = app::backend::antirobot::form_token(&secret, NOW - 60);
    let form = |n: usize, extra: &str| {
        format!(
            "started={token}&fax=&first_name=Persona&last_name=N{n}&attendee_email=p{n}%40example.it\
             &consent_privacy=on{extra}"
        )
    };
    let post =
        |slug: &str, body: String| post_form(&format!("/eventi/{slug}"), &body, None, Some(ORIGIN));
    let question_of = |html: &str| -> (String, u16) {
        let token = html
            .split("name=\"question\" value=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap()
            .to_owned();
        let mut parts = token.split('.');
        let a: u16 = parts.next().unwrap().parse().unwrap();
        let b: u16 = parts.next().unwrap().parse().unwrap();
        (token, a + b)
    };
    let mut asked = 0;
    for n in 0..100 {
        let res = app
            .clone()
            .oneshot(post("rete-condivisa", form(n, "")))
            .await
            .unwrap();
        if res.status() == StatusCode::SEE_OTHER {
            continue;
        }
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "person {n}");
        asked += 1;
        let html = body_text(res).await;
        assert!(html.contains(
            "id=\"answer-error\" class=\"field__error\">Da questa rete sono arrivate molte iscrizioni"
        ));
        assert!(html.contains(&format!("value=\"p{n}@example.it\"")), "kept");
        let (question, sum) = question_of(&html);
        let mut answer = format!("&question={question}&answer={sum}");
        if n == 50 {
            // A wrong answer: a new question, everything kept.
            let wrong = format!("&question={question}&answer={}", sum + 1);
            let res = app
                .clone()
                .oneshot(post("rete-condivisa", form(n, &wrong)))
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let html = body_text(res).await;
            assert!(html.contains("La risposta non è giusta"));
            assert!(html.contains("value=\"N50\""));
            let (question, sum) = question_of(&html);
            answer = format!("&question={question}&answer={sum}");
        }
        // An answer serves only its own request: not another person's.
        if n == 60 {
            let res = app
                .clone()
                .oneshot(post("rete-condivisa", form(61, &answer)))
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        }
        let res = app
            .clone()
            .oneshot(post("rete-condivisa", form(n, &answer)))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "person {n} answered");
    }
    assert_eq!(asked, 100 - ASK_FROM as usize);
    let id = t.db.event_id("rete-condivisa").await.unwrap().unwrap();
    assert_eq!(t.db.rsvp_counts(id).await.unwrap().confirmed, 100);
    // The same network, another event: not asked yet.
    let res = app
        .clone()
        .oneshot(post("altro-incontro", form(1, "")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}
on_both_backends!(a_shared_network_is_asked_a_question_not_turned_away);

fn rsvp_form(token: &str, email: &str) -> String {
    format!(
        "started={token}&fax=&first_name=Anna&last_name=Rossi&attendee_email={email}\
         &affiliation=Opificio+Golinelli&attendee_role=Coordinatrice&accessibility=&consent_privacy=on"
    )
}

#[tokio::test]
async fn rsvp_over_http_from_form_to_cancellation() {
    let t = TestDb::sqlite().await;
    let june_first = app::core::datetime::parse_instant("2022-06-01T10:00:00+02:00").unwrap();
    let app = app_at(&t, Clock::fixed(june_first)).await;
    let secret = t.db.form_secret().await.unwrap();
    let token = app::backend::antirobot::form_token(&secret, june_first - 60);

    // The page: Rome time, seats, calendar links, the form.
    let res = app
        .clone()
        .oneshot(get_req("/eventi/lancio-forum-2022", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let page = body_text(res).await;
    assert!(page.contains("lunedì 6 giugno 2022, 17:00–19:00"));
    assert!(page.contains("80 posti disponibili su 80"));
    assert!(page.contains("/eventi/lancio-forum-2022/calendario.ics"));
    assert!(page.contains("dates=20220606T150000Z/20220606T170000Z"));
    assert!(page.contains("id=\"rsvp-form\""));
    assert!(page.contains("<option value=\"Opificio Golinelli"));

    // Errors beside the fields, values kept.
    let post = |body: String| post_form("/eventi/lancio-forum-2022", &body, None, Some(ORIGIN));
    let res = app
        .clone()
        .oneshot(post(format!(
            "started={token}&first_name=%3Cscript%3Ex&attendee_email=anna%40"
        )))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let html = body_text(res).await;
    assert!(html.contains("id=\"last_name-error\""));
    assert!(html.contains("id=\"attendee_email-error\""));
    assert!(html.contains("value=\"&lt;script&gt;x\""));
    assert!(!html.contains("<script>x"));

    // A good registration: to the personal page, e-mail queued with the calendar file.
    let res = app
        .clone()
        .oneshot(post(rsvp_form(&token, "anna%40example.it")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(location.starts_with("/prenotazione/") && location.ends_with("?nuova=1"));
    let personal = location.split('?').next().unwrap().to_owned();
    let res = app.clone().oneshot(get_req(&location, None)).await.unwrap();
    // Personal data: no browser or proxy may keep the page.
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let html = body_text(res).await;
    assert!(html.contains("Iscrizione confermata"));
    assert!(html.contains("Opificio Golinelli"));
    // The QR code for the door: the door screen's address for this registration's code.
    let secret = &personal["/prenotazione/".len()..];
    let code = &secret[secret.len() - 12..];
    assert!(html.contains(&format!("<code id=\"checkin-code\">{code}</code>")));
    let svg = html.split("class=\"qr\"").nth(1).unwrap();
    assert!(svg.contains("<svg") && !svg.split("</svg>").next().unwrap().contains("style="));
    assert!(html.contains("name=\"referrer\" content=\"same-origin\""));
    let (subject, body, attachments): (String, String, String) = sqlx::query_as(
        "SELECT o.subject, b.body_text, b.attachments_json FROM email_outbox o \
         JOIN email_bodies b ON b.id = o.id WHERE o.to_address = 'anna@example.it'",
    )
    .fetch_one(t.db.pool())
    .await
    .unwrap();
    assert!(subject.starts_with("Iscrizione confermata: "));
    assert!(body.contains(&format!("http://spazi.test{personal}")));
    assert!(body.contains("lunedì 6 giugno 2022, 17:00–19:00"));
    assert!(attachments.contains("DTSTART:20220606T150000Z"));

    // The same address again (any case): no second registration.
    let res = app
        .clone()
        .oneshot(post(rsvp_form(&token, "ANNA%40example.it")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(res.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .contains("inviata=1"));
    let id = t.db.event_id("lancio-forum-2022").await.unwrap().unwrap();
    assert_eq!(t.db.rsvp_counts(id).await.unwrap().confirmed, 1);
    let res = app
        .clone()
        .oneshot(get_req("/eventi/lancio-forum-2022?inviata=1", None))
        .await
        .unwrap();
    assert!(body_text(res).await.contains("già iscritto"));

    // Cancel from the personal page: asked first, nothing changed by one tap …
    let res = app
        .clone()
        .oneshot(post_form(&personal, "", None, Some(ORIGIN)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let confirm = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert_eq!(confirm, format!("{personal}?annulla=1#cancel-title"));
    assert_eq!(t.db.rsvp_counts(id).await.unwrap().confirmed, 1);
    let res = app.clone().oneshot(get_req(&confirm, None)).await.unwrap();
    let html = body_text(res).await;
    assert!(
        html.contains("Vuoi davvero annullare l&#x27;iscrizione?")
            || html.contains("Vuoi davvero annullare l'iscrizione?")
    );
    assert!(html.contains("name=\"conferma\" value=\"1\""));
    // … then confirmed: the seat is free again.
    let res = app
        .clone()
        .oneshot(post_form(&personal, "conferma=1", None, Some(ORIGIN)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(res.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .ends_with("?annullata=libero"));
    let res = app
        .clone()
        .oneshot(get_req(&format!("{personal}?annullata=libero"), None))
        .await
        .unwrap();
    let html = body_text(res).await;
    // Nobody waits: the seat is free again, not "given to the first in line".
    assert!(html.contains("il tuo posto torna disponibile"));
    assert!(
        html.contains("name=\"di_nuovo\" value=\"1\""),
        "one tap registers again"
    );
    assert_eq!(t.db.rsvp_counts(id).await.unwrap().confirmed, 0);
    // Said by e-mail, with a calendar file that withdraws the entry.
    let (subject, body, attachments): (String, String, String) = sqlx::query_as(
        "SELECT o.subject, b.body_text, b.attachments_json FROM email_outbox o \
         JOIN email_bodies b ON b.id = o.id WHERE o.to_address = 'anna@example.it' \
         ORDER BY o.id DESC LIMIT 1",
    )
    .fetch_one(t.db.pool())
    .await
    .unwrap();
    assert!(subject.starts_with("Iscrizione annullata"), "{subject}");
    assert!(body.contains("hai annullato la tua iscrizione"));
    assert!(attachments.contains("METHOD:CANCEL") && attachments.contains("STATUS:CANCELLED"));
    assert!(attachments.contains("method=CANCEL"));
    // Changed her mind: registered again in one tap, with the same details and a new link;
    // the old link says what became of it.
    let res = app
        .clone()
        .oneshot(post_form(&personal, "di_nuovo=1", None, Some(ORIGIN)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let again = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(
        again.starts_with("/prenotazione/") && again.ends_with("?nuova=1"),
        "{again}"
    );
    assert!(!again.starts_with(&personal));
    assert_eq!(t.db.rsvp_counts(id).await.unwrap().confirmed, 1);
    let res = app.clone().oneshot(get_req(&again, None)).await.unwrap();
    let html = body_text(res).await;
    assert!(html.contains("Iscrizione confermata") && html.contains("Opificio Golinelli"));
    let res = app.clone().oneshot(get_req(&personal, None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(body_text(res).await.contains("non è più valido"));
    // And cancelled again, to leave the seat free.
    let again = again.split('?').next().unwrap().to_owned();
    let res = app
        .clone()
        .oneshot(post_form(&again, "conferma=1", None, Some(ORIGIN)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(t.db.rsvp_counts(id).await.unwrap().confirmed, 0);
    // From another site: refused.
    let res = app
        .clone()
        .oneshot(post_form(&personal, "", None, Some("https://evil.example")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Unknown links: not found.
    let res = app
        .clone()
        .oneshot(get_req(&format!("/prenotazione/{}", "0".repeat(64)), None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .clone()
        .oneshot(post_form(
            &format!("/prenotazione/{}", "0".repeat(64)),
            "conferma=1",
            None,
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    // A button of a link that leads nowhere: to the page that says so, never a blank answer.
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()[header::LOCATION],
        format!("/prenotazione/{}", "0".repeat(64)).as_str()
    );
    t.finish().await;
}

/// An English page's form leads on to English pages, and the e-mails link to them.
#[tokio::test]
async fn an_english_registration_stays_in_english() {
    let t = TestDb::sqlite().await;
    let june_first = app::core::datetime::parse_instant("2022-06-01T10:00:00+02:00").unwrap();
    let app = app_at(&t, Clock::fixed(june_first)).await;
    let secret = t.db.form_secret().await.unwrap();
    let token = app::backend::antirobot::form_token(&secret, june_first - 60);
    let page = body_text(
        app.clone()
            .oneshot(get_req("/en/events/lancio-forum-2022", None))
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("<html lang=\"en\""));
    assert!(page.contains("action=\"/en/events/lancio-forum-2022\""));
    assert!(page.contains("href=\"/en/events/lancio-forum-2022/calendar.ics\""));
    let post = |body: String| post_form("/en/events/lancio-forum-2022", &body, None, Some(ORIGIN));
    // A problem: the English form again, at its English address.
    let res = app
        .clone()
        .oneshot(post(format!("started={token}&first_name=Anna")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("<html lang=\"en\""));
    // The form keeps its first token, with its age (the browser's helper counts from it).
    assert!(
        html.contains(&format!("value=\"{token}\" data-age=\"60\"")),
        "{html}"
    );
    let res = app
        .clone()
        .oneshot(post(rsvp_form(&token, "anna%40example.it")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(location.starts_with("/en/registration/"), "{location}");
    let personal = location.split('?').next().unwrap().to_owned();
    let html = body_text(app.clone().oneshot(get_req(&location, None)).await.unwrap()).await;
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains(&format!("action=\"{personal}\"")));
    let (body, attachments): (String, String) = sqlx::query_as(
        "SELECT b.body_text, b.attachments_json FROM email_outbox o \
         JOIN email_bodies b ON b.id = o.id WHERE o.to_address = 'anna@example.it'",
    )
    .fetch_one(t.db.pool())
    .await
    .unwrap();
    assert!(
        body.contains(&format!("http://spazi.test{personal}")),
        "{body}"
    );
    assert!(attachments.contains("http://spazi.test/en/events/lancio-forum-2022"));
    // Cancelling from the English page: asked, then done, in English throughout.
    let res = app
        .clone()
        .oneshot(post_form(&personal, "", None, Some(ORIGIN)))
        .await
        .unwrap();
    assert!(res.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .starts_with(&format!("{personal}?annulla=1")));
    // The calendar file names the English page.
    let ics = body_text(
        app.clone()
            .oneshot(get_req("/en/events/lancio-forum-2022/calendar.ics", None))
            .await
            .unwrap(),
    )
    .await;
    assert!(
        ics.contains("URL:http://spazi.test/en/events/lancio-forum-2022"),
        "{ics}"
    );
    t.finish().await;
}

#[tokio::test]
async fn past_events_show_no_form_and_refuse_registrations() {
    let t = TestDb::postgres().await;
    let app = app_at(&t, Clock::fixed(NOW)).await;
    let res = app.clone().oneshot(get_req("/eventi", None)).await.unwrap();
    let html = body_text(res).await;
    assert!(html.contains("Eventi passati") && html.contains("/eventi/lancio-forum-2022"));
    assert!(html.contains("Nessun evento in programma"));
    let res = app
        .clone()
        .oneshot(get_req("/eventi/lancio-forum-2022", None))
        .await
        .unwrap();
    let html = body_text(res).await;
    assert!(html.contains("Questo evento si è svolto lunedì 6 giugno 2022"));
    assert!(!html.contains("id=\"rsvp-form\""));
    let secret = t.db.form_secret().await.unwrap();
    let token = app::backend::antirobot::form_token(&secret, NOW - 60);
    let res = app
        .clone()
        .oneshot(post_form(
            "/eventi/lancio-forum-2022",
            &rsvp_form(&token, "late%40example.it"),
            None,
            Some(ORIGIN),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // Unknown events: not found.
    let res = app
        .clone()
        .oneshot(get_req("/eventi/nessuno", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    t.finish().await;
}

#[tokio::test]
async fn the_calendar_file_parses_with_rome_times() {
    let t = TestDb::sqlite().await;
    let app = app_at(&t, Clock::fixed(NOW)).await;
    let res = app
        .clone()
        .oneshot(get_req("/eventi/lancio-forum-2022/calendario.ics", None))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()[header::CONTENT_TYPE],
        "text/calendar; charset=utf-8"
    );
    assert!(res.headers()[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("lancio-forum-2022.ics"));
    let text = body_text(res).await;
    let calendar: icalendar::Calendar = text.parse().expect("a valid iCalendar file");
    use icalendar::{CalendarComponent, Component, EventLike};
    let event = calendar
        .components
        .iter()
        .find_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .expect("one VEVENT");
    assert_eq!(
        event.get_summary(),
        Some("Nasce il Forum metropolitano degli spazi per l'innovazione")
    );
    let rome = |d: icalendar::DatePerhapsTime| match d {
        icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(utc)) => {
            app::core::datetime::to_local_input(utc.timestamp())
        }
        other => panic!("expected a UTC time, got {other:?}"),
    };
    assert_eq!(rome(event.get_start().unwrap()), "2022-06-06T17:00");
    assert_eq!(rome(event.get_end().unwrap()), "2022-06-06T19:00");
    assert!(event
        .get_location()
        .unwrap()
        .contains("Via della Ferriera 4"));
    t.finish().await;
}

async fn reminders_go_once_the_day_before(t: &TestDb) {
    let id =
        t.db.insert_event(&event("promemoria", 1), EventStatus::Published, NOW)
            .await
            .unwrap();
    let starts = NOW + 10 * DAY;
    register(&t.db, "promemoria", &person("p1"), NOW).await;
    register(&t.db, "promemoria", &person("p2"), NOW).await; // waiting: no reminder
                                                             // Registered hours before the start: no reminder needed.
    let late =
        t.db.insert_event(&event("all-ultimo", 5), EventStatus::Published, NOW)
            .await
            .unwrap();
    register(&t.db, "all-ultimo", &person("p3"), starts - 3600).await;
    assert_eq!(
        t.db.queue_reminders(starts - DAY - 60, &compose)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        t.db.queue_reminders(starts - DAY + 60, &compose)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        t.db.queue_reminders(starts - DAY + 120, &compose)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        mails_to(&t.db, "persona.p1@example.it")
            .await
            .last()
            .unwrap()
            .0,
        "Reminder Confirmed"
    );
    assert_eq!(mails_to(&t.db, "persona.p2@example.it").await.len(), 1);
    assert_eq!(mails_to(&t.db, "persona.p3@example.it").await.len(), 1);
    assert!(id != late);
}
on_both_backends!(reminders_go_once_the_day_before);

const EVENT_FORM: &str = "title_it=Secondo+incontro+del+Forum&title_en=&slug=&summary_it=Il+Forum+si+ritrova.\
&summary_en=&description_it=&description_en=&programme_it=17%3A00+Accoglienza&programme_en=\
&starts_at=2030-03-20T17%3A00&ends_at=2030-03-20T19%3A00&venue_space=&venue_name=Palazzo+Malvezzi\
&venue_address=Via+Zamboni+13%2C+Bologna&organiser=Citt%C3%A0+metropolitana&contact_email=progimpresa%40cittametropolitana.bo.it\
&rsvp_opens_at=&rsvp_closes_at=&travel_it=Autobus+11+e+14%2C+fermata+Piazza+Verdi&travel_en=\
&access_it=Ingresso+senza+gradini+%28https%3A%2F%2Fexample.it%2Faccesso%29.&access_en=";

#[tokio::test]
async fn staff_run_an_event_from_draft_to_the_door() {
    use crate::staff::{create, csrf_of, http_sign_in};
    let t = TestDb::postgres().await;
    let app = app_at(&t, Clock::fixed(NOW)).await;
    create(&t, "editor@example.it", app::core::model::Role::Editor).await;
    let cookie = http_sign_in(&app, "editor%40example.it").await;
    let res = app
        .clone()
        .oneshot(get_req("/admin/eventi/nuovo", Some(&cookie)))
        .await
        .unwrap();
    let csrf = csrf_of(&body_text(res).await);
    let post = |uri: &str, body: String| post_form(uri, &body, Some(&cookie), Some(ORIGIN));

    // Errors beside the fields, values kept.
    let res = app
        .clone()
        .oneshot(post(
            "/admin/eventi/nuovo",
            format!(
                "csrf={csrf}&{}&capacity=molti",
                EVENT_FORM.replace("2030-03-20T19", "2030-03-20T16")
            ),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    assert!(html.contains("id=\"ends_at-error\"") && html.contains("id=\"capacity-error\""));
    assert!(html.contains("value=\"Palazzo Malvezzi\""));

    // A mapped space as the venue, name and address left empty: they are the space's.
    let (space, name, address, town): (i64, String, Option<String>, String) = sqlx::query_as(
        "SELECT s.id, s.name, s.address, m.name FROM spaces s \
         JOIN municipalities m ON m.istat_code = s.municipality_code ORDER BY s.id LIMIT 1",
    )
    .fetch_one(t.db.pool())
    .await
    .unwrap();
    let res = app
        .clone()
        .oneshot(post(
            "/admin/eventi/nuovo",
            format!(
                "csrf={csrf}&{}&capacity=molti",
                EVENT_FORM
                    .replace("venue_space=", &format!("venue_space={space}"))
                    .replace("venue_name=Palazzo+Malvezzi", "venue_name=")
                    .replace("venue_address=Via+Zamboni+13%2C+Bologna", "venue_address=")
            ),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body_text(res).await;
    let expected = [address, Some(town)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let attr = |v: &str| {
        format!(
            "value=\"{}\"",
            v.replace('&', "&amp;").replace('"', "&quot;")
        )
    };
    assert!(html.contains(&attr(&name)), "{name}");
    assert!(html.contains(&attr(&expected)), "{expected}");
    assert!(!html.contains("id=\"venue_name-error\""));

    // Created as a draft: not public yet.
    let res = app
        .clone()
        .oneshot(post(
            "/admin/eventi/nuovo",
            format!("csrf={csrf}&{EVENT_FORM}&capacity=2"),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let id: i64 = location
        .trim_start_matches("/admin/eventi/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let public = "/eventi/secondo-incontro-del-forum";
    assert_eq!(
        app.clone()
            .oneshot(get_req(public, None))
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    // The same slug again: refused beside its field.
    let res = app
        .clone()
        .oneshot(post(
            "/admin/eventi/nuovo",
            format!("csrf={csrf}&{EVENT_FORM}&capacity=2"),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res).await.contains("id=\"slug-error\""));

    // Published: public, in Rome time.
    let res = app
        .clone()
        .oneshot(post(
            &format!("/admin/eventi/{id}/stato"),
            format!("csrf={csrf}&stato=published&version=1"),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app.clone().oneshot(get_req(public, None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = body_text(res).await;
    assert!(html.contains("mercoledì 20 marzo 2030, 17:00–19:00"));
    // The venue's notes, as staff wrote them.
    assert!(html.contains("<dt>Come arrivare</dt>"));
    assert!(html.contains("Autobus 11 e 14, fermata Piazza Verdi"));
    assert!(html.contains("Ingresso senza gradini"));
    // A web address in them is a link (and only the address).
    assert!(html.contains(
        "(<a href=\"https://example.it/accesso\" rel=\"noopener\" target=\"_blank\">https://example.it/accesso</a>)."
    ));
    // In English, the texts staff did not translate are marked Italian for screen readers.
    let res = app
        .clone()
        .oneshot(get_req(
            &format!("/en{}", public.replace("/eventi/", "/events/")),
            None,
        ))
        .await
        .unwrap();
    let html = body_text(res).await;
    assert!(html.contains("<html lang=\"en\""));
    assert!(
        html.contains("<h1 lang=\"it\">Secondo incontro del Forum</h1>"),
        "{html}"
    );
    assert!(html.contains("id=\"venue-access\" lang=\"it\""));

    // Three people for two seats; one is a formula in disguise.
    let slug = "secondo-incontro-del-forum";
    let formula = validate_rsvp(&RsvpInput {
        first_name: "=HYPERLINK(\"x\")".into(),
        last_name: "Verdi".into(),
        email: "verdi@example.it".into(),
        consent_privacy: Some("on".into()),
        ..Default::default()
    })
    .unwrap();
    register(&t.db, slug, &formula, NOW).await;
    register(&t.db, slug, &person("s2"), NOW).await;
    register(&t.db, slug, &person("s3"), NOW).await;

    // The capacity cannot drop below the seats taken; raised, the line moves up.
    let res = app
        .clone()
        .oneshot(post(
            &format!("/admin/eventi/{id}"),
            format!("csrf={csrf}&version=2&{EVENT_FORM}&capacity=1"),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(res)
        .await
        .contains("Ci sono già 2 iscrizioni confermate"));
    let res = app
        .clone()
        .oneshot(post(
            &format!("/admin/eventi/{id}"),
            format!("csrf={csrf}&version=2&{EVENT_FORM}&capacity=3"),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(res.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .ends_with("promossi=1"));
    // A colleague's form read before that save is refused, what they typed kept, the saved
    // capacity shown beside it.
    let res = app
        .clone()
        .oneshot(post(
            &format!("/admin/eventi/{id}"),
            format!("csrf={csrf}&version=2&{EVENT_FORM}&capacity=50"),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = body_text(res).await.replace("<!>", "");
    assert!(html.contains("Qualcun altro ha salvato questo evento"));
    assert!(html.contains("value=\"50\""));
    assert!(html.contains("<dd>3</dd>"));
    assert_eq!(t.db.rsvp_counts(id).await.unwrap().confirmed, 3);
    assert_eq!(t.db.rsvp_counts(id).await.unwrap().confirmed, 3);
    assert_eq!(
        mails_to(&t.db, "persona.s3@example.it")
            .await
            .last()
            .unwrap()
            .0
            .as_str(),
        "Si è liberato un posto: sei iscritto/a a Secondo incontro del Forum"
    );

    // The QR code's address finds one person at the door by their code.
    let (token,): (String,) =
        sqlx::query_as("SELECT token FROM rsvps WHERE email = 'persona.s2@example.it'")
            .fetch_one(t.db.pool())
            .await
            .unwrap();
    let door = |q: String| {
        let app = app.clone();
        let cookie = cookie.clone();
        async move {
            let res = app
                .oneshot(get_req(
                    &format!("/admin/eventi/{id}/ingresso?q={q}"),
                    Some(&cookie),
                ))
                .await
                .unwrap();
            body_text(res).await
        }
    };
    let html = door(token[token.len() - 12..].to_owned()).await;
    assert!(html.contains("persona.s2@example.it") && !html.contains("verdi@example.it"));
    // A registration made before codes moved to the end of the token (a random token, its
    // first 12 characters shown as its code) is still found by that code.
    let old = "0123456789abcdeffedcba98765432100123456789abcdeffedcba9876543210";
    sqlx::query("UPDATE rsvps SET token = $1 WHERE email = 'persona.s2@example.it'")
        .bind(old)
        .execute(t.db.pool())
        .await
        .unwrap();
    let html = door(old[..12].to_owned()).await;
    assert!(html.contains("persona.s2@example.it") && !html.contains("verdi@example.it"));
    let html = door(old[old.len() - 12..].to_owned()).await;
    assert!(html.contains("persona.s2@example.it") && !html.contains("verdi@example.it"));
    sqlx::query("UPDATE rsvps SET token = $1 WHERE email = 'persona.s2@example.it'")
        .bind(&token)
        .execute(t.db.pool())
        .await
        .unwrap();

    // The list, searched; check-in at the door.
    let res = app
        .clone()
        .oneshot(get_req(
            &format!("/admin/eventi/{id}/iscrizioni?q=VERDI"),
            Some(&cookie),
        ))
        .await
        .unwrap();
    let html = body_text(res).await;
    assert!(html.contains("verdi@example.it") && !html.contains("persona.s2@example.it"));
    let rsvps = t.db.event_rsvps(id, "verdi").await.unwrap();
    let res = app
        .clone()
        .oneshot(post(
            &format!("/admin/eventi/{id}/ingresso"),
            format!(
                "csrf={csrf}&rsvp={}&presente=1&q=verdi&torna=x",
                rsvps[0].id
            ),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Back to the person's card (which takes the focus), the search kept.
    assert_eq!(
        res.headers()[header::LOCATION],
        format!(
            "/admin/eventi/{id}/ingresso?q=verdi&fatto={0}#rsvp-{0}",
            rsvps[0].id
        )
    );
    assert_eq!(t.db.rsvp_counts(id).await.unwrap().checked_in, 1);
    let res = app
        .clone()
        .oneshot(get_req(
            &format!("/admin/eventi/{id}/ingresso"),
            Some(&cookie),
        ))
        .await
        .unwrap();
    assert!(body_text(res).await.contains("Presente dalle"));

    // The CSV opens in Excel: BOM, semicolons, the formula defused.
    let res = app
        .clone()
        .oneshot(get_req(
            &format!("/admin/eventi/{id}/iscrizioni.csv"),
            Some(&cookie),
        ))
        .await
        .unwrap();
    let text = body_text(res).await;
    let text = text.strip_prefix('\u{feff}').expect("a BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(records.len(), 3);
    let verdi = records.iter().find(|r| &r[2] == "Verdi").unwrap();
    assert_eq!(&verdi[1], "'=HYPERLINK(\"x\")");
    assert!(!verdi[8].is_empty(), "checked in");

    // Cancelled: everyone is told, the page says so, nobody can register.
    let res = app
        .clone()
        .oneshot(post(
            &format!("/admin/eventi/{id}/stato"),
            format!("csrf={csrf}&stato=cancelled&version=3"),
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The page reports how many were told.
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(location.ends_with("?annullato=3"), "{location}");
    let html = body_text(
        app.clone()
            .oneshot(get_req(&location, Some(&cookie)))
            .await
            .unwrap(),
    )
    .await;
    assert!(html.contains("Sono state inviate e-mail a 3 persone iscritte."));
    for to in [
        "verdi@example.it",
        "persona.s2@example.it",
        "persona.s3@example.it",
    ] {
        assert_eq!(
            mails_to(&t.db, to).await.last().unwrap().0,
            "Evento annullato: Secondo incontro del Forum",
            "{to}"
        );
    }
    let res = app.clone().oneshot(get_req(public, None)).await.unwrap();
    assert!(body_text(res)
        .await
        .contains("Questo evento è stato annullato."));
    assert_eq!(
        register(&t.db, slug, &person("s4"), NOW).await,
        RsvpOutcome::NotOpen(Window::Cancelled)
    );
    // Every step is in the audit trail.
    let audit = t.db.audit_trail("event", id).await.unwrap();
    let actions: Vec<&str> = audit.iter().map(|a| a.action.as_str()).collect();
    for action in ["create", "status", "update"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    t.finish().await;
}

/// Links in e-mails and calendar files come from the configured address, whatever `Host` the
/// request claims: a forged one would otherwise put the attacker's site in the confirmation —
/// and in the "already registered" re-send to the real registrant — with their personal token.
#[tokio::test]
async fn links_never_follow_the_requests_host() {
    use axum::body::Body;
    use axum::http::Request;
    let t = TestDb::sqlite().await;
    let june_first = app::core::datetime::parse_instant("2022-06-01T10:00:00+02:00").unwrap();
    // The README's default: no public address set, listening on loopback.
    let mut config = app::backend::context::Config {
        database_url: t.url.clone(),
        ..Default::default()
    };
    config
        .require_public_url("127.0.0.1:3000".parse().unwrap())
        .unwrap();
    let app = crate::http::app_with(&t, Clock::fixed(june_first), config).await;
    let secret = t.db.form_secret().await.unwrap();
    let token = app::backend::antirobot::form_token(&secret, june_first - 60);
    let forged = |body: String| {
        Request::post("/eventi/lancio-forum-2022")
            .header(header::HOST, "evil.example")
            .header(header::ORIGIN, "http://evil.example")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap()
    };
    // The registration, then the same address again (the re-send of the personal link).
    for _ in 0..2 {
        let res = app
            .clone()
            .oneshot(forged(rsvp_form(&token, "anna%40example.it")))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let mails: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT b.body_text, COALESCE(b.body_html, ''), b.attachments_json FROM email_outbox o \
         JOIN email_bodies b ON b.id = o.id WHERE o.to_address = 'anna@example.it'",
    )
    .fetch_all(t.db.pool())
    .await
    .unwrap();
    assert!(!mails.is_empty());
    for (text, html, attachments) in &mails {
        for part in [text, html, attachments] {
            assert!(!part.contains("evil.example"), "{part}");
        }
        assert!(text.contains("http://127.0.0.1:3000/prenotazione/"));
    }
    // The calendar file asked for through a forged `Host`.
    let res = app
        .clone()
        .oneshot(
            Request::get("/eventi/lancio-forum-2022/calendario.ics")
                .header(header::HOST, "evil.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let ics = body_text(res).await;
    assert!(ics.contains("BEGIN:VCALENDAR") && !ics.contains("evil.example"));
    t.finish().await;
}

/// The RSVP form sent again and again with one address: the registration is made once, and
/// the address receives at most a day's worth of e-mails ("you are already registered"), so
/// nobody can use the form to flood someone's mailbox.
#[tokio::test]
async fn one_address_gets_a_bounded_number_of_rsvp_emails() {
    let t = TestDb::sqlite().await;
    let june_first = app::core::datetime::parse_instant("2022-06-01T10:00:00+02:00").unwrap();
    let app = app_at(&t, Clock::fixed(june_first)).await;
    let secret = t.db.form_secret().await.unwrap();
    let token = app::backend::antirobot::form_token(&secret, june_first - 60);
    let sent = app::backend::db::MAX_MAILS_PER_RECIPIENT + 4;
    for _ in 0..sent {
        let res = app
            .clone()
            .oneshot(post_form(
                "/eventi/lancio-forum-2022",
                &rsvp_form(&token, "vittima%40example.it"),
                None,
                Some(ORIGIN),
            ))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let id = t.db.event_id("lancio-forum-2022").await.unwrap().unwrap();
    assert_eq!(t.db.rsvp_counts(id).await.unwrap().confirmed, 1);
    let (mails,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM email_outbox WHERE to_address = 'vittima@example.it'")
            .fetch_one(t.db.pool())
            .await
            .unwrap();
    assert_eq!(mails, app::backend::db::MAX_MAILS_PER_RECIPIENT);
    t.finish().await;
}
