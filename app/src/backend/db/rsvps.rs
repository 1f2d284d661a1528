//! Registrations (RSVPs): the waiting line, cancellations and the e-mails about them. Taking a
//! seat is `registrations` (grouped commits); the rule that no event is ever overbooked is
//! `events`' module documentation.

use super::events::{event_row_by_id, EventRow};
use super::{outbox::enqueue, Backend, Db, DbError};
use crate::backend::mail::Email;
use crate::core::model::event::{EventStatus, RsvpStatus, Window};
use crate::core::view::event::{EventView, RsvpCounts, RsvpView};
use crate::i18n::Lang;
use sqlx::AnyConnection;

/// Why an e-mail about a registration is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// A new registration with a seat.
    Confirmed,
    /// A new registration in the waiting line.
    Waiting,
    /// The form was sent again for an address already registered: the same news again.
    Resent,
    /// A seat freed up: from the line to confirmed.
    Promoted,
    /// The day before the event.
    Reminder,
    /// Staff cancelled the event.
    EventCancelled,
    /// Staff cancelled this registration (the person asked, by phone or e-mail).
    RsvpCancelled,
    /// The person cancelled it through their personal link.
    SelfCancelled,
}

/// What an e-mail about one registration needs to say; turned into words by the caller.
#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: NoticeKind,
    /// The event, in the registrant's language.
    pub event: EventView,
    pub lang: Lang,
    pub status: RsvpStatus,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub token: String,
    pub queue_position: Option<i64>,
}

/// Turns a [`Notice`] into an e-mail (see `crate::events`).
pub type Compose<'a> = &'a (dyn Fn(&Notice) -> Email + Send + Sync);

/// What became of a registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RsvpOutcome {
    /// A new registration: its status, personal token and place in line.
    Registered {
        status: RsvpStatus,
        token: String,
        queue_position: Option<i64>,
    },
    /// The address was already registered: its confirmation was sent to it again.
    AlreadyRegistered,
    /// The event takes no registrations now.
    NotOpen(Window),
    NoSuchEvent,
    /// Too many requests from this client (see [`ClientLimit`]); nothing was stored.
    TooMany,
    /// Many requests from this client: it must answer a question first (see
    /// `Registration::ask_from`); nothing was stored.
    ChallengeNeeded,
}

/// What became of a cancellation through the personal link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CancelOutcome {
    /// Cancelled; how many people in line got a seat because of it, and whether it was a
    /// place in line (not a seat).
    Cancelled {
        promoted: usize,
        was_waiting: bool,
    },
    AlreadyCancelled,
    /// The event has started (or was cancelled): nothing to change.
    TooLate,
    NotFound,
}

#[derive(sqlx::FromRow)]
pub(super) struct RsvpRow {
    pub(super) id: i64,
    pub(super) event_id: i64,
    pub(super) status: String,
    pub(super) first_name: String,
    pub(super) last_name: String,
    pub(super) email: String,
    pub(super) affiliation: Option<String>,
    pub(super) role: Option<String>,
    pub(super) accessibility: Option<String>,
    pub(super) lang: String,
    pub(super) token: String,
    pub(super) created_at: i64,
}

pub(super) const RSVP_COLUMNS: &str =
    "r.id, r.event_id, r.status, r.first_name, r.last_name, r.email, \
    r.affiliation, r.role, r.accessibility, r.lang, r.token, r.created_at";

/// Registration `rsvp_id`, when it is one of event `event_id`'s.
pub(super) async fn rsvp_of_event(
    conn: &mut AnyConnection,
    event_id: i64,
    rsvp_id: i64,
) -> Result<Option<RsvpRow>, DbError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {RSVP_COLUMNS} FROM rsvps r WHERE r.id = $1 AND r.event_id = $2"
    ))
    .bind(rsvp_id)
    .bind(event_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// 1 for the first in line.
pub(super) async fn queue_position(
    conn: &mut AnyConnection,
    event_id: i64,
    rsvp_id: i64,
) -> Result<i64, DbError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM rsvps WHERE event_id = $1 AND status = 'waiting' AND id <= $2",
    )
    .bind(event_id)
    .bind(rsvp_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(n)
}

/// Takes the event's row lock until commit (PostgreSQL; SQLite's `BEGIN IMMEDIATE` already
/// admits one writer at a time): every change to its seats and its line goes one at a time.
pub(super) async fn lock_event(
    conn: &mut AnyConnection,
    backend: Backend,
    id: i64,
) -> Result<(), DbError> {
    if backend == Backend::Postgres {
        sqlx::query("SELECT id FROM events WHERE id = $1 FOR UPDATE")
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// How many registrations an event has, by status (and confirmed ones checked in).
pub(super) async fn counts(conn: &mut AnyConnection, event_id: i64) -> Result<RsvpCounts, DbError> {
    let (confirmed, waiting, cancelled, checked_in): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT \
         COALESCE(SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END), 0), \
         COALESCE(SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END), 0), \
         COALESCE(SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END), 0), \
         COALESCE(SUM(CASE WHEN status = 'confirmed' AND checked_in_at IS NOT NULL THEN 1 ELSE 0 END), 0) \
         FROM rsvps WHERE event_id = $1",
    )
    .bind(event_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(RsvpCounts {
        confirmed,
        waiting,
        cancelled,
        checked_in,
    })
}

pub(super) fn notice(
    kind: NoticeKind,
    event: &EventRow,
    r: &RsvpRow,
    status: RsvpStatus,
    queue_position: Option<i64>,
) -> Notice {
    let lang = Lang::from_code(&r.lang).unwrap_or_default();
    Notice {
        kind,
        event: event.view(lang),
        lang,
        status,
        first_name: r.first_name.clone(),
        last_name: r.last_name.clone(),
        email: r.email.clone(),
        token: r.token.clone(),
        queue_position,
    }
}

/// Gives free seats to the people in line, first come first served, queueing their e-mails.
/// Returns how many were promoted.
pub(super) async fn promote_waiting(
    conn: &mut AnyConnection,
    event_id: i64,
    now: i64,
    compose: Compose<'_>,
) -> Result<usize, DbError> {
    let mut promoted = 0;
    loop {
        let first: Option<RsvpRow> = sqlx::query_as(&format!(
            "SELECT {RSVP_COLUMNS} FROM rsvps r WHERE r.event_id = $1 AND r.status = 'waiting' \
             ORDER BY r.id LIMIT 1"
        ))
        .bind(event_id)
        .fetch_optional(&mut *conn)
        .await?;
        let Some(first) = first else { break };
        // Seat first (this also waits for any other writer of the event's row), then the
        // person: if they cancelled meanwhile, the seat is given back and the next one tried.
        let seat = sqlx::query(
            "UPDATE events SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity",
        )
        .bind(event_id)
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if seat == 0 {
            break;
        }
        let moved = sqlx::query(
            "UPDATE rsvps SET status = 'confirmed', confirmed_at = $2, updated_at = $2 \
             WHERE id = $1 AND status = 'waiting'",
        )
        .bind(first.id)
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if moved == 0 {
            sqlx::query("UPDATE events SET seats_taken = seats_taken - 1 WHERE id = $1")
                .bind(event_id)
                .execute(&mut *conn)
                .await?;
            continue;
        }
        let event = event_row_by_id(conn, event_id).await?;
        let email = compose(&notice(
            NoticeKind::Promoted,
            &event,
            &first,
            RsvpStatus::Confirmed,
            None,
        ));
        enqueue(conn, &email, now).await?;
        promoted += 1;
    }
    Ok(promoted)
}

/// Cancels registration `id` of an event (`ids`), whose status was `status`; `None` when
/// another transaction changed it meanwhile (read it again). A freed seat goes to the first in
/// line when `promote` gives the e-mails' composer; returns how many moved up.
async fn cancel_row(
    conn: &mut AnyConnection,
    (event_id, id): (i64, i64),
    status: &str,
    now: i64,
    promote: Option<Compose<'_>>,
) -> Result<Option<usize>, DbError> {
    let changed = sqlx::query(
        "UPDATE rsvps SET status = 'cancelled', cancelled_at = $3, updated_at = $3 \
         WHERE id = $1 AND status = $2",
    )
    .bind(id)
    .bind(status)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if changed == 0 {
        return Ok(None);
    }
    let mut promoted = 0;
    if status == RsvpStatus::Confirmed.code() {
        sqlx::query("UPDATE events SET seats_taken = seats_taken - 1 WHERE id = $1")
            .bind(event_id)
            .execute(&mut *conn)
            .await?;
        if let Some(compose) = promote {
            promoted = promote_waiting(conn, event_id, now, compose).await?;
        }
    }
    Ok(Some(promoted))
}

impl Db {
    /// The personal link's token of the registration (not cancelled) of `email_key` for the
    /// event `slug`, if there is one.
    pub async fn active_rsvp_token(
        &self,
        slug: &str,
        email_key: &str,
    ) -> Result<Option<String>, DbError> {
        Ok(sqlx::query_scalar(
            "SELECT r.token FROM rsvps r JOIN events e ON e.id = r.event_id \
             WHERE e.slug = $1 AND r.email_key = $2 AND r.status <> 'cancelled'",
        )
        .bind(slug)
        .bind(email_key)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// One registration by its personal link's token, in the language of the request.
    pub async fn rsvp_by_token(
        &self,
        token: &str,
        lang: Lang,
        now: i64,
    ) -> Result<Option<RsvpView>, DbError> {
        if token.len() != 64 {
            return Ok(None);
        }
        let mut conn = self.pool.acquire().await?;
        let row: Option<RsvpRow> = sqlx::query_as(&format!(
            "SELECT {RSVP_COLUMNS} FROM rsvps r WHERE r.token = $1"
        ))
        .bind(token)
        .fetch_optional(&mut *conn)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let event = event_row_by_id(&mut conn, r.event_id).await?.view(lang);
        let status = RsvpStatus::from_code(&r.status).unwrap_or(RsvpStatus::Cancelled);
        let queue_position = match status {
            RsvpStatus::Waiting => Some(queue_position(&mut conn, r.event_id, r.id).await?),
            _ => None,
        };
        let can_cancel = status != RsvpStatus::Cancelled
            && event.status == EventStatus::Published
            && now < event.starts_at;
        let can_register_again =
            status == RsvpStatus::Cancelled && event.window(now) == Window::Open;
        Ok(Some(RsvpView {
            event,
            status,
            first_name: r.first_name,
            last_name: r.last_name,
            email: r.email,
            affiliation: r.affiliation,
            role: r.role,
            accessibility: r.accessibility,
            queue_position,
            created_at: r.created_at,
            can_cancel,
            can_register_again,
            checkin_code: (status == RsvpStatus::Confirmed)
                .then(|| crate::core::model::event::checkin_code(&r.token)),
            checkin_qr: None,
        }))
    }

    /// Cancels the registration of `token` (until the event starts); the freed seat goes to
    /// the first in line, in the same transaction.
    pub async fn cancel_rsvp(
        &self,
        token: &str,
        now: i64,
        compose: Compose<'_>,
    ) -> Result<CancelOutcome, DbError> {
        if token.len() != 64 {
            return Ok(CancelOutcome::NotFound);
        }
        let mut tx = self.begin_write().await?;
        // A waiting registration may be promoted by another transaction meanwhile: then the
        // guarded update misses and the row is read again.
        for _ in 0..3 {
            let row: Option<(i64, i64, String, String, i64)> = sqlx::query_as(
                "SELECT r.id, r.event_id, r.status, e.status, e.starts_at FROM rsvps r \
                 JOIN events e ON e.id = r.event_id WHERE r.token = $1",
            )
            .bind(token)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((id, event_id, status, event_status, starts_at)) = row else {
                return Ok(CancelOutcome::NotFound);
            };
            if status == RsvpStatus::Cancelled.code() {
                return Ok(CancelOutcome::AlreadyCancelled);
            }
            if event_status != EventStatus::Published.code() || now >= starts_at {
                return Ok(CancelOutcome::TooLate);
            }
            lock_event(&mut tx, self.backend, event_id).await?;
            let Some(promoted) =
                cancel_row(&mut tx, (event_id, id), &status, now, Some(compose)).await?
            else {
                continue;
            };
            // Said by e-mail too, with the calendar entry withdrawn for a seat given up.
            if let Some(r) = rsvp_of_event(&mut tx, event_id, id).await? {
                if !r.email.is_empty() {
                    let event = event_row_by_id(&mut tx, event_id).await?;
                    let had = RsvpStatus::from_code(&status).unwrap_or(RsvpStatus::Waiting);
                    let email = compose(&notice(NoticeKind::SelfCancelled, &event, &r, had, None));
                    enqueue(&mut tx, &email, now).await?;
                }
            }
            tx.commit().await?;
            let was_waiting = status == RsvpStatus::Waiting.code();
            return Ok(CancelOutcome::Cancelled {
                promoted,
                was_waiting,
            });
        }
        Err(DbError::Sqlx(sqlx::Error::RowNotFound))
    }

    /// Staff cancel registration `rsvp_id` of event `event_id` (the person asked): it is
    /// audited, the person is e-mailed, and, before the event starts, a freed seat goes to the
    /// first in line — as when people cancel through their own link.
    pub async fn staff_cancel_rsvp(
        &self,
        (event_id, rsvp_id): (i64, i64),
        // Who (staff id, e-mail), for the audit trail.
        actor: (i64, &str),
        now: i64,
        compose: Compose<'_>,
    ) -> Result<CancelOutcome, DbError> {
        let mut tx = self.begin_write().await?;
        for _ in 0..3 {
            let Some(r) = rsvp_of_event(&mut tx, event_id, rsvp_id).await? else {
                return Ok(CancelOutcome::NotFound);
            };
            if r.status == RsvpStatus::Cancelled.code() {
                return Ok(CancelOutcome::AlreadyCancelled);
            }
            lock_event(&mut tx, self.backend, event_id).await?;
            let event = event_row_by_id(&mut tx, event_id).await?;
            let ahead = event.status == EventStatus::Published.code() && now < event.starts_at;
            let promote = ahead.then_some(compose);
            let Some(promoted) =
                cancel_row(&mut tx, (event_id, r.id), &r.status, now, promote).await?
            else {
                continue;
            };
            // With the status it had: a seat given up withdraws the calendar entry.
            let had = RsvpStatus::from_code(&r.status).unwrap_or(RsvpStatus::Waiting);
            let email = compose(&notice(NoticeKind::RsvpCancelled, &event, &r, had, None));
            enqueue(&mut tx, &email, now).await?;
            super::audit::insert_audit(
                &mut tx,
                &super::audit::AuditEntry {
                    actor_id: Some(actor.0),
                    actor_email: actor.1,
                    action: "rsvp-cancel",
                    entity: "rsvp",
                    entity_id: Some(r.id),
                    before: Some(serde_json::json!({
                        "status": r.status,
                        "first_name": r.first_name,
                        "last_name": r.last_name,
                    })),
                    after: Some(serde_json::json!({ "status": RsvpStatus::Cancelled.code() })),
                },
                now,
            )
            .await?;
            tx.commit().await?;
            let was_waiting = r.status == RsvpStatus::Waiting.code();
            return Ok(CancelOutcome::Cancelled {
                promoted,
                was_waiting,
            });
        }
        Err(DbError::Sqlx(sqlx::Error::RowNotFound))
    }

    /// How many registrations an event has, by status (and checked in).
    pub async fn rsvp_counts(&self, event_id: i64) -> Result<RsvpCounts, DbError> {
        let mut conn = self.pool.acquire().await?;
        counts(&mut conn, event_id).await
    }

    /// The event's seat counter (for tests and staff: it must equal the confirmed count).
    pub async fn seats_taken(&self, event_id: i64) -> Result<(i64, i64), DbError> {
        Ok(
            sqlx::query_as("SELECT seats_taken, capacity FROM events WHERE id = $1")
                .bind(event_id)
                .fetch_one(&self.pool)
                .await?,
        )
    }
}
