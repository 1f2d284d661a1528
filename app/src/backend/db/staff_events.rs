//! Staff work on events: the list with counts, create and edit (audited, with before/after of
//! the changed fields), publish and cancel (cancelling e-mails everyone registered), the
//! registrations with search, and check-in at the door. Raising the capacity gives the new
//! seats to the waiting line at once, in the same transaction.

use super::audit::{insert_audit, AuditEntry};
use super::events::{bind_event, event_row_by_id, EventRow, EVENT_SELECT};
use super::outbox::enqueue;
use super::rsvps::{counts, notice, promote_waiting, NoticeKind, RsvpRow, RSVP_COLUMNS};
use super::staff_spaces::diff;
use super::{Compose, Db, DbError};
use crate::core::model::event::{EventStatus, RsvpStatus};
use crate::core::validate::event::{EventInput, Field, ValidEvent};
use crate::core::validate::{FieldErrors, Problem};
use crate::core::view::event::{RsvpCounts, StaffEventRow, VenueChoice};
use crate::i18n::Lang;
use sqlx::AnyConnection;

/// Who does it: (staff id, e-mail) for the audit trail.
pub type Actor<'a> = (i64, &'a str);

impl EventRow {
    /// The form's values of a stored event.
    pub(super) fn as_valid(&self) -> ValidEvent {
        ValidEvent {
            slug: self.slug.clone(),
            title_it: self.title_it.clone(),
            title_en: self.title_en.clone(),
            summary_it: self.summary_it.clone(),
            summary_en: self.summary_en.clone(),
            description_it: self.description_it.clone(),
            description_en: self.description_en.clone(),
            programme_it: self.programme_it.clone(),
            programme_en: self.programme_en.clone(),
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            venue_name: self.venue_name.clone(),
            venue_address: self.venue_address.clone(),
            venue_space: self.space_id,
            organiser: self.organiser.clone(),
            contact_email: self.contact_email.clone(),
            capacity: self.capacity,
            rsvp_opens_at: self.rsvp_opens_at,
            rsvp_closes_at: self.rsvp_closes_at,
            travel_it: self.travel_it.clone(),
            travel_en: self.travel_en.clone(),
            access_it: self.access_it.clone(),
            access_en: self.access_en.clone(),
        }
    }
}

fn staff_row(r: &EventRow, counts: RsvpCounts) -> StaffEventRow {
    StaffEventRow {
        id: r.id,
        slug: r.slug.clone(),
        status: EventStatus::from_code(&r.status).unwrap_or(EventStatus::Draft),
        version: r.version,
        title: r.title_it.clone(),
        starts_at: r.starts_at,
        ends_at: r.ends_at,
        capacity: r.capacity,
        counts,
    }
}

/// The venue space must exist (any status: staff may host at a space not yet public).
async fn check_venue(
    conn: &mut AnyConnection,
    v: &ValidEvent,
) -> Result<Option<FieldErrors<Field>>, DbError> {
    let Some(id) = v.venue_space else {
        return Ok(None);
    };
    let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM spaces WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found
        .is_none()
        .then(|| FieldErrors(vec![(Field::VenueSpace, Problem::UnknownChoice)])))
}

async fn slug_taken(
    conn: &mut AnyConnection,
    slug: &str,
    except: Option<i64>,
) -> Result<bool, DbError> {
    let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM events WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.is_some_and(|(id,)| Some(id) != except))
}

/// What saving an event's form came to.
#[derive(Debug, Clone, PartialEq)]
pub enum EventSave {
    /// Saved; how many people moved up from the waiting list, and the event's version now.
    Saved { promoted: usize, version: i64 },
    /// Problems only the database can see.
    Invalid(FieldErrors<Field>),
    /// A colleague saved first: nothing written; the event as saved now.
    Stale {
        saved: Box<EventInput>,
        version: i64,
    },
}

impl Db {
    /// Every event (drafts included), latest first, with its counts.
    pub async fn staff_events(&self) -> Result<Vec<StaffEventRow>, DbError> {
        self.staff_events_where("TRUE ORDER BY e.starts_at DESC, e.id DESC", &[])
            .await
    }

    /// The events (drafts included) under way at `from` or starting by `until`, soonest
    /// first, with their counts (the staff home's week).
    pub async fn staff_events_between(
        &self,
        from: i64,
        until: i64,
    ) -> Result<Vec<StaffEventRow>, DbError> {
        self.staff_events_where(
            "e.ends_at >= $1 AND e.starts_at <= $2 ORDER BY e.starts_at, e.id",
            &[from, until],
        )
        .await
    }

    /// The events `condition` keeps (its `$n` bound to `values`), with their counts.
    async fn staff_events_where(
        &self,
        condition: &str,
        values: &[i64],
    ) -> Result<Vec<StaffEventRow>, DbError> {
        let mut conn = self.pool.acquire().await?;
        let sql = format!("{EVENT_SELECT} WHERE {condition}");
        let mut query = sqlx::query_as::<_, EventRow>(&sql);
        for v in values {
            query = query.bind(*v);
        }
        let rows = query.fetch_all(&mut *conn).await?;
        let mut list = Vec::with_capacity(rows.len());
        for r in &rows {
            let c = counts(&mut conn, r.id).await?;
            list.push(staff_row(r, c));
        }
        Ok(list)
    }

    /// One event for staff: its row (with counts) and the form's values.
    pub async fn staff_event(
        &self,
        id: i64,
    ) -> Result<Option<(StaffEventRow, EventInput)>, DbError> {
        let mut conn = self.pool.acquire().await?;
        let row: Option<EventRow> = sqlx::query_as(&format!("{EVENT_SELECT} WHERE e.id = $1"))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        let Some(r) = row else { return Ok(None) };
        let c = counts(&mut conn, id).await?;
        Ok(Some((staff_row(&r, c), r.as_valid().as_input())))
    }

    /// The mapped spaces for the venue select: the published ones, and `keep` (the
    /// venue an event has already) whatever its status — never a citizen's request under review.
    pub async fn space_choices(&self, keep: Option<i64>) -> Result<Vec<VenueChoice>, DbError> {
        /// Id, name, street address, municipality, position precision.
        type Row = (i64, String, Option<String>, Option<String>, String);
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT s.id, s.name, s.address, m.name, s.position_precision FROM spaces s \
             LEFT JOIN municipalities m ON m.istat_code = s.municipality_code \
             WHERE s.status = 'published' OR s.id = $1 ORDER BY s.name",
        )
        .bind(keep)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name, address, town, precision)| VenueChoice {
                id,
                name,
                address: VenueChoice::address_line(address, town),
                exact: precision == crate::core::model::PositionPrecision::Exact.code(),
            })
            .collect())
    }

    /// Creates an event as a draft, followed by its creator; `Err` with the field problems only
    /// the database can see (the slug is taken, the venue space does not exist).
    pub async fn create_event(
        &self,
        v: &ValidEvent,
        actor: Actor<'_>,
        now: i64,
    ) -> Result<Result<i64, FieldErrors<Field>>, DbError> {
        let mut tx = self.begin_write().await?;
        if slug_taken(&mut tx, &v.slug, None).await? {
            return Ok(Err(FieldErrors(vec![(Field::Slug, Problem::Taken)])));
        }
        if let Some(errors) = check_venue(&mut tx, v).await? {
            return Ok(Err(errors));
        }
        let id = super::events::insert_event(&mut tx, v, EventStatus::Draft, now).await?;
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action: "create",
                entity: "event",
                entity_id: Some(id),
                before: None,
                after: serde_json::to_value(v).ok(),
            },
            now,
        )
        .await?;
        // Whoever creates an event follows it (its daily digest; see `digests`).
        sqlx::query(
            "INSERT INTO event_follows (user_id, event_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(actor.0)
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(id))
    }

    /// Saves staff's changes if the event is still at version `expected` (the one the form
    /// was read at); `None` when there is no such event. The capacity cannot go below the
    /// seats taken; raised, it promotes people from the line (e-mailed).
    pub async fn update_event(
        &self,
        id: i64,
        v: &ValidEvent,
        expected: i64,
        actor: Actor<'_>,
        now: i64,
        compose: Compose<'_>,
    ) -> Result<Option<EventSave>, DbError> {
        let mut tx = self.begin_write().await?;
        let row: Option<EventRow> = sqlx::query_as(&format!("{EVENT_SELECT} WHERE e.id = $1"))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(before) = row else { return Ok(None) };
        if before.version != expected {
            return Ok(Some(EventSave::Stale {
                saved: Box::new(before.as_valid().as_input()),
                version: before.version,
            }));
        }
        // Nothing to change: no write, no new version, no audit entry.
        if before.as_valid() == *v {
            return Ok(Some(EventSave::Saved {
                promoted: 0,
                version: expected,
            }));
        }
        if slug_taken(&mut tx, &v.slug, Some(id)).await? {
            return Ok(Some(EventSave::Invalid(FieldErrors(vec![(
                Field::Slug,
                Problem::Taken,
            )]))));
        }
        if let Some(errors) = check_venue(&mut tx, v).await? {
            return Ok(Some(EventSave::Invalid(errors)));
        }
        // Locks the event's row (PostgreSQL) before reading the seats it guards.
        let update = sqlx::query(
            "UPDATE events SET slug = $2, title_it = $3, title_en = $4, summary_it = $5, \
             summary_en = $6, description_it = $7, description_en = $8, programme_it = $9, \
             programme_en = $10, starts_at = $11, ends_at = $12, venue_name = $13, \
             venue_address = $14, space_id = $15, organiser = $16, contact_email = $17, \
             capacity = $18, rsvp_opens_at = $19, rsvp_closes_at = $20, travel_it = $21, \
             travel_en = $22, access_it = $23, access_en = $24, updated_at = $25, \
             version = version + 1 WHERE id = $1 AND seats_taken <= $18 AND version = $26",
        )
        .bind(id);
        let updated = bind_event(update, v)
            .bind(now)
            .bind(expected)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if updated == 0 {
            let row: EventRow = sqlx::query_as(&format!("{EVENT_SELECT} WHERE e.id = $1"))
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
            if row.version != expected {
                return Ok(Some(EventSave::Stale {
                    saved: Box::new(row.as_valid().as_input()),
                    version: row.version,
                }));
            }
            return Ok(Some(EventSave::Invalid(FieldErrors(vec![(
                Field::Capacity,
                Problem::BelowTaken {
                    taken: row.seats_taken,
                },
            )]))));
        }
        let (old, new) = diff(&before.as_valid(), v);
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action: "update",
                entity: "event",
                entity_id: Some(id),
                before: Some(old),
                after: Some(new),
            },
            now,
        )
        .await?;
        let promoted = if before.status == EventStatus::Published.code() {
            promote_waiting(&mut tx, id, now, compose).await?
        } else {
            0
        };
        tx.commit().await?;
        Ok(Some(EventSave::Saved {
            promoted,
            version: expected + 1,
        }))
    }

    /// Publishes a draft or cancels a published event (e-mailing everyone registered,
    /// confirmed or waiting), if it is still at version `expected`: how many were e-mailed.
    /// `None` when it changed since, or the change does not apply (no such event,
    /// already in that state, a cancelled event published again, a draft cancelled).
    pub async fn set_event_status(
        &self,
        id: i64,
        status: EventStatus,
        expected: i64,
        actor: Actor<'_>,
        now: i64,
        compose: Compose<'_>,
    ) -> Result<Option<usize>, DbError> {
        let mut tx = self.begin_write().await?;
        // Only a published event can be cancelled: a draft is discarded instead (it never
        // was public, and must not become public as "cancelled").
        let (from, previous) = match status {
            EventStatus::Published => ("'draft'", EventStatus::Draft),
            EventStatus::Cancelled => ("'published'", EventStatus::Published),
            EventStatus::Draft => return Ok(None),
        };
        let changed = sqlx::query(&format!(
            "UPDATE events SET status = $2, updated_at = $3, version = version + 1, \
             published_at = CASE WHEN $2 = 'published' THEN COALESCE(published_at, $3) \
             ELSE published_at END WHERE id = $1 AND version = $4 AND status IN ({from})"
        ))
        .bind(id)
        .bind(status.code())
        .bind(now)
        .bind(expected)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Ok(None);
        }
        let mut emailed = 0;
        if status == EventStatus::Cancelled {
            let event = event_row_by_id(&mut tx, id).await?;
            let people: Vec<RsvpRow> = sqlx::query_as(&format!(
                "SELECT {RSVP_COLUMNS} FROM rsvps r WHERE r.event_id = $1 \
                 AND r.status IN ('confirmed', 'waiting') ORDER BY r.id"
            ))
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
            for r in &people {
                let current = RsvpStatus::from_code(&r.status).unwrap_or(RsvpStatus::Waiting);
                let email = compose(&notice(
                    NoticeKind::EventCancelled,
                    &event,
                    r,
                    current,
                    None,
                ));
                enqueue(&mut tx, &email, now).await?;
            }
            emailed = people.len();
        }
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action: "status",
                entity: "event",
                entity_id: Some(id),
                before: Some(serde_json::json!({ "status": previous.code() })),
                after: Some(serde_json::json!({ "status": status.code(), "emailed": emailed })),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Some(emailed))
    }

    /// Deletes a draft that was never published (it has no registrations), if it is still at
    /// version `expected`; audited with its content. `false` when there is no such draft.
    pub async fn discard_draft(
        &self,
        id: i64,
        expected: i64,
        actor: Actor<'_>,
        now: i64,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let row: Option<(String, String, i64)> = sqlx::query_as(
            "SELECT slug, title_it, starts_at FROM events \
             WHERE id = $1 AND version = $2 AND status = 'draft' AND published_at IS NULL",
        )
        .bind(id)
        .bind(expected)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((slug, title, starts_at)) = row else {
            return Ok(false);
        };
        sqlx::query("DELETE FROM events WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action: "discard",
                entity: "event",
                entity_id: Some(id),
                before: Some(
                    serde_json::json!({ "slug": slug, "title_it": title, "starts_at": starts_at }),
                ),
                after: None,
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Queues the reminder of every confirmed registration for events starting within a
    /// day (made more than a day before the start), once each — also with several app
    /// servers: each row is claimed by the update that sets `reminded_at`.
    pub async fn queue_reminders(&self, now: i64, compose: Compose<'_>) -> Result<usize, DbError> {
        let mut tx = self.begin_write().await?;
        let claimed: Vec<(i64,)> = sqlx::query_as(
            "UPDATE rsvps SET reminded_at = $1 WHERE reminded_at IS NULL AND status = 'confirmed' \
             AND id IN (SELECT r.id FROM rsvps r JOIN events e ON e.id = r.event_id \
             WHERE r.status = 'confirmed' AND r.reminded_at IS NULL AND e.status = 'published' \
             AND e.starts_at > $1 AND e.starts_at <= $1 + 86400 \
             AND r.created_at < e.starts_at - 86400 ORDER BY r.id LIMIT 500) RETURNING id",
        )
        .bind(now)
        .fetch_all(&mut *tx)
        .await?;
        for (id,) in &claimed {
            let r: RsvpRow = sqlx::query_as(&format!(
                "SELECT {RSVP_COLUMNS} FROM rsvps r WHERE r.id = $1"
            ))
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let event = event_row_by_id(&mut tx, r.event_id).await?;
            let email = compose(&notice(
                NoticeKind::Reminder,
                &event,
                &r,
                RsvpStatus::Confirmed,
                None,
            ));
            enqueue(&mut tx, &email, now).await?;
        }
        tx.commit().await?;
        Ok(claimed.len())
    }

    /// The event in a language, for staff pages (any status).
    pub async fn event_view(
        &self,
        id: i64,
        lang: Lang,
    ) -> Result<Option<crate::core::view::event::EventView>, DbError> {
        let mut conn = self.pool.acquire().await?;
        let row: Option<EventRow> = sqlx::query_as(&format!("{EVENT_SELECT} WHERE e.id = $1"))
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        Ok(row.map(|r| r.view(lang)))
    }
}
