//! The door and the registrations page: an event's registrations with search, check-in, and
//! registrations staff add themselves (a phone call, a walk-in at the door, someone without
//! e-mail).

use super::audit::{insert_audit, AuditEntry};
use super::events::{EventRow, EVENT_SELECT};
use super::outbox::enqueue;
use super::rsvp_edit::{affiliation_space, stored_email_key};
use super::rsvps::{lock_event, notice, queue_position, NoticeKind, RsvpRow, RSVP_COLUMNS};
use super::staff_events::Actor;
use super::{Compose, Db, DbError};
use crate::core::model::event::{EventStatus, RsvpStatus};
use crate::core::validate::rsvp::{Field, ValidRsvp};
use crate::core::validate::{FieldErrors, Problem};
use crate::core::view::event::StaffRsvpRow;
use crate::i18n::Lang;

impl StaffRsvpDbRow {
    fn view(self, status: RsvpStatus, queue_position: Option<i64>) -> StaffRsvpRow {
        StaffRsvpRow {
            id: self.id,
            status,
            first_name: self.first_name,
            last_name: self.last_name,
            email: self.email,
            affiliation: self.affiliation,
            role: self.role,
            accessibility: self.accessibility,
            created_at: self.created_at,
            checked_in_at: self.checked_in_at,
            queue_position,
        }
    }
}

const STAFF_RSVP_COLUMNS: &str = "id, status, first_name, last_name, email, affiliation, role, \
    accessibility, created_at, checked_in_at, token";

/// A second addition of the same person within this many seconds is the first one again.
pub const AGAIN_WITHIN: i64 = 120;

/// A registration staff add: the person (an empty e-mail for someone without one), whether
/// they are here now, and whether a full event takes them anyway.
pub struct Addition {
    pub rsvp: ValidRsvp,
    /// Checked in at once (a walk-in at the door).
    pub present: bool,
    /// When every seat is taken, one more seat is added for them (the capacity goes up by
    /// one, in the event's audit trail); otherwise a full event refuses them.
    pub beyond_capacity: bool,
    /// Someone of the same name is registered already and this is another person: added all
    /// the same (otherwise refused, to be looked up).
    pub same_name_ok: bool,
    /// The language of their e-mails.
    pub lang: Lang,
}

#[derive(sqlx::FromRow)]
struct StaffRsvpDbRow {
    id: i64,
    status: String,
    first_name: String,
    last_name: String,
    email: String,
    affiliation: Option<String>,
    role: Option<String>,
    accessibility: Option<String>,
    created_at: i64,
    checked_in_at: Option<i64>,
    token: String,
}

impl Db {
    /// An event's registrations (confirmed, waiting in line order, cancelled; by name),
    /// optionally those `q` finds: a check-in code (from the QR code) finds its registration;
    /// words find the registrations whose name, e-mail or organisation hold each of them, in
    /// any order, case and accents aside, as parts of words ("rossi an" finds Anna Rossi).
    pub async fn event_rsvps(&self, id: i64, q: &str) -> Result<Vec<StaffRsvpRow>, DbError> {
        let rows: Vec<StaffRsvpDbRow> = sqlx::query_as(&format!(
            "SELECT {STAFF_RSVP_COLUMNS} FROM rsvps WHERE event_id = $1 ORDER BY id"
        ))
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let q = q.trim().to_lowercase();
        let code = crate::core::model::event::is_checkin_code(&q).then_some(q.as_str());
        let mut in_line = 0;
        let mut found: Vec<StaffRsvpRow> = Vec::with_capacity(rows.len());
        for r in rows {
            let status = RsvpStatus::from_code(&r.status).unwrap_or(RsvpStatus::Cancelled);
            // Ids order the line (see `registrations`).
            let queue_position = (status == RsvpStatus::Waiting).then(|| {
                in_line += 1;
                in_line
            });
            let matches = match code {
                // A code shown before codes moved to the token's end is its beginning.
                Some(code) => r.token.ends_with(code) || r.token.starts_with(code),
                None => crate::core::text::finds_all_words(
                    &q,
                    &[
                        &r.first_name,
                        &r.last_name,
                        &r.email,
                        r.affiliation.as_deref().unwrap_or_default(),
                    ],
                ),
            };
            if matches {
                found.push(r.view(status, queue_position));
            }
        }
        let rank = |s: RsvpStatus| match s {
            RsvpStatus::Confirmed => 0,
            RsvpStatus::Waiting => 1,
            RsvpStatus::Cancelled => 2,
        };
        found.sort_by_cached_key(|r| {
            (
                rank(r.status),
                r.queue_position,
                crate::core::text::search_key(&r.last_name),
                crate::core::text::search_key(&r.first_name),
                r.id,
            )
        });
        Ok(found)
    }

    /// One registration of event `event_id`, with its place in line when waiting.
    pub async fn event_rsvp(
        &self,
        event_id: i64,
        rsvp_id: i64,
    ) -> Result<Option<StaffRsvpRow>, DbError> {
        let mut conn = self.pool.acquire().await?;
        let row: Option<StaffRsvpDbRow> = sqlx::query_as(&format!(
            "SELECT {STAFF_RSVP_COLUMNS} FROM rsvps WHERE id = $1 AND event_id = $2"
        ))
        .bind(rsvp_id)
        .bind(event_id)
        .fetch_optional(&mut *conn)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let status = RsvpStatus::from_code(&r.status).unwrap_or(RsvpStatus::Cancelled);
        let position = match status {
            RsvpStatus::Waiting => Some(queue_position(&mut conn, event_id, r.id).await?),
            _ => None,
        };
        Ok(Some(r.view(status, position)))
    }

    /// Marks a confirmed registration present (or not) at the door. `false` when it is not a
    /// confirmed registration of this event.
    pub async fn check_in(
        &self,
        event_id: i64,
        rsvp_id: i64,
        present: bool,
        actor: Actor<'_>,
        now: i64,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE rsvps SET checked_in_at = $3, updated_at = $4 \
             WHERE id = $1 AND event_id = $2 AND status = 'confirmed'",
        )
        .bind(rsvp_id)
        .bind(event_id)
        .bind(present.then_some(now))
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Ok(false);
        }
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action: if present {
                    "check-in"
                } else {
                    "check-in-undone"
                },
                entity: "rsvp",
                entity_id: Some(rsvp_id),
                before: None,
                after: None,
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Staff add a registration to event `event_id` (not a cancelled one): confirmed, with a
    /// seat, e-mailed their confirmation and personal link when they gave an address, audited.
    /// Someone who had cancelled gets their registration back (same personal link); the same
    /// person added again within [`AGAIN_WITHIN`] seconds is the first addition.
    /// `None` when there is no such event; the problems beside the fields when the address is
    /// registered already or the event is full (and `beyond_capacity` was not given).
    pub async fn staff_add_rsvp(
        &self,
        event_id: i64,
        add: &Addition,
        actor: Actor<'_>,
        now: i64,
        compose: Compose<'_>,
    ) -> Result<Option<Result<i64, FieldErrors<Field>>>, DbError> {
        let mut tx = self.begin_write().await?;
        lock_event(&mut tx, self.backend, event_id).await?;
        let event: Option<EventRow> = sqlx::query_as(&format!("{EVENT_SELECT} WHERE e.id = $1"))
            .bind(event_id)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(event) = event else { return Ok(None) };
        if event.status == EventStatus::Cancelled.code() {
            return Ok(Some(Err(FieldErrors(vec![(
                Field::Form,
                Problem::RegistrationClosed,
            )]))));
        }
        let v = &add.rsvp;
        // The same person added twice within moments (a double tap, a form sent again): the
        // first addition stands.
        let recent: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM rsvps WHERE event_id = $1 AND status = 'confirmed' \
             AND lower(first_name) = lower($2) AND lower(last_name) = lower($3) \
             AND (email_key = $4 OR ($4 = '' AND email = '')) AND created_at > $5 \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(event_id)
        .bind(&v.first_name)
        .bind(&v.last_name)
        .bind(&v.email_key)
        .bind(now - AGAIN_WITHIN)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((id,)) = recent {
            return Ok(Some(Ok(id)));
        }
        let mut errors = FieldErrors::default();
        let mut cancelled_before: Option<RsvpRow> = None;
        if !v.email_key.is_empty() {
            let existing: Option<RsvpRow> = sqlx::query_as(&format!(
                "SELECT {RSVP_COLUMNS} FROM rsvps r WHERE r.event_id = $1 AND r.email_key = $2"
            ))
            .bind(event_id)
            .bind(&v.email_key)
            .fetch_optional(&mut *tx)
            .await?;
            match existing {
                Some(r) if r.status == RsvpStatus::Cancelled.code() => cancelled_before = Some(r),
                Some(_) => errors.add(Field::Email, Problem::AlreadyRegistered),
                None => {}
            }
        }
        if !add.same_name_ok && cancelled_before.is_none() {
            let (same,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM rsvps WHERE event_id = $1 AND status <> 'cancelled' \
                 AND lower(first_name) = lower($2) AND lower(last_name) = lower($3)",
            )
            .bind(event_id)
            .bind(&v.first_name)
            .bind(&v.last_name)
            .fetch_one(&mut *tx)
            .await?;
            if same > 0 && errors.get(Field::Email).is_none() {
                errors.add(Field::SameNameOk, Problem::SameName);
            }
        }
        let full = event.seats_taken >= event.capacity;
        if full && !add.beyond_capacity {
            errors.add(
                Field::BeyondCapacity,
                Problem::EventFull {
                    capacity: event.capacity,
                },
            );
        }
        if !errors.is_empty() {
            return Ok(Some(Err(errors)));
        }
        if full {
            sqlx::query(
                "UPDATE events SET capacity = capacity + 1, seats_taken = seats_taken + 1, \
                 version = version + 1, updated_at = $2 WHERE id = $1",
            )
            .bind(event_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            insert_audit(
                &mut tx,
                &AuditEntry {
                    actor_id: Some(actor.0),
                    actor_email: actor.1,
                    action: "seat-added",
                    entity: "event",
                    entity_id: Some(event_id),
                    before: Some(serde_json::json!({ "capacity": event.capacity })),
                    after: Some(serde_json::json!({ "capacity": event.capacity + 1 })),
                },
                now,
            )
            .await?;
        } else {
            sqlx::query("UPDATE events SET seats_taken = seats_taken + 1 WHERE id = $1")
                .bind(event_id)
                .execute(&mut *tx)
                .await?;
        }
        let checked_in = add.present.then_some(now);
        let (id, token, details) = match cancelled_before {
            // Someone who had cancelled registers again: the same registration comes back
            // (its personal link keeps working), with what they say now and, where they say
            // nothing, what they had said.
            Some(old) => {
                let keep = |new: &Option<String>, old: Option<String>| new.clone().or(old);
                let details = (
                    keep(&v.affiliation, old.affiliation),
                    keep(&v.role, old.role),
                    keep(&v.accessibility, old.accessibility),
                );
                sqlx::query(
                    "UPDATE rsvps SET status = 'confirmed', first_name = $2, last_name = $3, \
                     email = $4, affiliation = $5, role = $6, accessibility = $7, \
                     confirmed_at = $8, cancelled_at = NULL, checked_in_at = $9, \
                     reminded_at = NULL, updated_at = $8 WHERE id = $1",
                )
                .bind(old.id)
                .bind(&v.first_name)
                .bind(&v.last_name)
                .bind(&v.email)
                .bind(&details.0)
                .bind(&details.1)
                .bind(&details.2)
                .bind(now)
                .bind(checked_in)
                .execute(&mut *tx)
                .await?;
                (old.id, old.token, details)
            }
            None => {
                let token = crate::backend::auth::new_ordered_token();
                let email_key = stored_email_key(v, &token);
                let space = affiliation_space(&mut tx, v.affiliation.as_deref()).await?;
                let (id,): (i64,) = sqlx::query_as(
                    "INSERT INTO rsvps (event_id, status, first_name, last_name, email, email_key, \
                     affiliation, space_id, role, accessibility, lang, token, created_at, \
                     updated_at, confirmed_at, checked_in_at) \
                     VALUES ($1, 'confirmed', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, \
                     $12, $13) RETURNING id",
                )
                .bind(event_id)
                .bind(&v.first_name)
                .bind(&v.last_name)
                .bind(&v.email)
                .bind(&email_key)
                .bind(&v.affiliation)
                .bind(space)
                .bind(&v.role)
                .bind(&v.accessibility)
                .bind(add.lang.code())
                .bind(&token)
                .bind(now)
                .bind(checked_in)
                .fetch_one(&mut *tx)
                .await?;
                (
                    id,
                    token,
                    (
                        v.affiliation.clone(),
                        v.role.clone(),
                        v.accessibility.clone(),
                    ),
                )
            }
        };
        if !v.email.is_empty() {
            let row = RsvpRow {
                id,
                event_id,
                status: RsvpStatus::Confirmed.code().to_owned(),
                first_name: v.first_name.clone(),
                last_name: v.last_name.clone(),
                email: v.email.clone(),
                affiliation: details.0,
                role: details.1,
                accessibility: details.2,
                lang: add.lang.code().to_owned(),
                token,
                created_at: now,
            };
            let email = compose(&notice(
                NoticeKind::Confirmed,
                &event,
                &row,
                RsvpStatus::Confirmed,
                None,
            ));
            enqueue(&mut tx, &email, now).await?;
        }
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action: "rsvp-add",
                entity: "rsvp",
                entity_id: Some(id),
                before: None,
                after: Some(serde_json::json!({
                    "status": RsvpStatus::Confirmed.code(),
                    "first_name": v.first_name,
                    "last_name": v.last_name,
                    "checked_in": add.present,
                })),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Some(Ok(id)))
    }
}
