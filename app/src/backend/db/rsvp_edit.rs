//! Staff correct a registration's details (a name misspelt on the phone, an address that
//! bounced, accessibility needs told later): merged with a colleague's correction made in
//! between, audited, and a new address gets the person's confirmation and personal link.

use super::audit::{insert_audit, AuditEntry};
use super::events::{EventRow, EVENT_SELECT};
use super::outbox::enqueue;
use super::rsvps::{notice, queue_position, rsvp_of_event, NoticeKind, RsvpRow};
use super::staff_events::Actor;
use super::{Compose, Db, DbError};
use crate::core::model::event::RsvpStatus;
use crate::core::validate::rsvp::{
    merge_correction, validate_staff_rsvp, Field, RsvpInput, ValidRsvp, DETAILS,
};
use crate::core::validate::{FieldErrors, FormField, Problem};
use sqlx::AnyConnection;

/// What became of a correction.
#[derive(Debug, Clone, PartialEq)]
pub enum Correction {
    /// Saved (`changed`: anything differed); `mailed` when the person's new address was sent
    /// their confirmation.
    Saved { changed: bool, mailed: bool },
    /// The problems beside the fields (the address is another registration's).
    Invalid(FieldErrors<Field>),
    /// A colleague corrected the same details otherwise in the meantime: nothing saved;
    /// `saved` is the registration now, `merged` what the form shows again.
    Clash {
        saved: Box<RsvpInput>,
        merged: Box<RsvpInput>,
    },
}

impl RsvpRow {
    fn details(&self) -> RsvpInput {
        RsvpInput::of(&ValidRsvp {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            email_key: String::new(),
            affiliation: self.affiliation.clone(),
            role: self.role.clone(),
            accessibility: self.accessibility.clone(),
        })
    }
}

/// The published space named as someone's affiliation, when it is one.
pub(super) async fn affiliation_space(
    conn: &mut AnyConnection,
    affiliation: Option<&str>,
) -> Result<Option<i64>, DbError> {
    let Some(name) = affiliation else {
        return Ok(None);
    };
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM spaces WHERE status = 'published' AND lower(name) = lower($1) \
         ORDER BY id LIMIT 1",
    )
    .bind(name)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|(id,)| id))
}

/// The key of "one registration per address per event": someone without an address gets one
/// no address has (`~` and their token), so any number of them fit.
pub(super) fn stored_email_key(v: &ValidRsvp, token: &str) -> String {
    if v.email_key.is_empty() {
        format!("~{token}")
    } else {
        v.email_key.clone()
    }
}

impl Db {
    /// Staff correct the details of registration `rsvp_id` of event `event_id`: `typed` is
    /// the form as sent, `base` the details it was read with. `None` when there is no such
    /// registration.
    #[allow(clippy::too_many_arguments)]
    pub async fn correct_rsvp(
        &self,
        event_id: i64,
        rsvp_id: i64,
        typed: &RsvpInput,
        base: &RsvpInput,
        actor: Actor<'_>,
        now: i64,
        compose: Compose<'_>,
    ) -> Result<Option<Correction>, DbError> {
        let mut tx = self.begin_write().await?;
        let Some(row) = rsvp_of_event(&mut tx, event_id, rsvp_id).await? else {
            return Ok(None);
        };
        let saved = row.details();
        let (merged, clashes) = merge_correction(typed, base, &saved);
        if !clashes.is_empty() {
            return Ok(Some(Correction::Clash {
                saved: Box::new(saved),
                merged: Box::new(merged),
            }));
        }
        let v = match validate_staff_rsvp(&merged) {
            Ok(v) => v,
            Err(errors) => return Ok(Some(Correction::Invalid(errors))),
        };
        let now_details = RsvpInput::of(&v);
        let changes: Vec<(Field, String, String)> = DETAILS
            .into_iter()
            .filter_map(|f| {
                let before = saved.detail(f)?.to_owned();
                let after = now_details.detail(f)?.to_owned();
                (before != after).then_some((f, before, after))
            })
            .collect();
        if changes.is_empty() {
            return Ok(Some(Correction::Saved {
                changed: false,
                mailed: false,
            }));
        }
        let email_key = stored_email_key(&v, &row.token);
        let (taken,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM rsvps WHERE event_id = $1 AND email_key = $2 AND id <> $3",
        )
        .bind(event_id)
        .bind(&email_key)
        .bind(rsvp_id)
        .fetch_one(&mut *tx)
        .await?;
        if taken > 0 {
            return Ok(Some(Correction::Invalid(FieldErrors(vec![(
                Field::Email,
                Problem::AlreadyRegistered,
            )]))));
        }
        let space = affiliation_space(&mut tx, v.affiliation.as_deref()).await?;
        // A different address (a mistyped one usually belongs to a stranger): the personal
        // link that went to the old one stops working, and the new address gets a new one.
        let readdressed = !row.email.is_empty()
            && crate::core::validate::rsvp::email_key(&row.email) != v.email_key;
        let token = if readdressed {
            crate::backend::auth::new_ordered_token()
        } else {
            row.token.clone()
        };
        let email_key = stored_email_key(&v, &token);
        sqlx::query(
            "UPDATE rsvps SET first_name = $2, last_name = $3, email = $4, email_key = $5, \
             affiliation = $6, space_id = $7, role = $8, accessibility = $9, updated_at = $10, \
             token = $11 WHERE id = $1",
        )
        .bind(rsvp_id)
        .bind(&v.first_name)
        .bind(&v.last_name)
        .bind(&v.email)
        .bind(&email_key)
        .bind(&v.affiliation)
        .bind(space)
        .bind(&v.role)
        .bind(&v.accessibility)
        .bind(now)
        .bind(&token)
        .execute(&mut *tx)
        .await?;
        let row = RsvpRow { token, ..row };
        let mailed = self
            .mail_new_address(&mut tx, &row, &v, now, compose)
            .await?;
        let side = |pick: fn(&(Field, String, String)) -> &String| {
            serde_json::Value::Object(
                changes
                    .iter()
                    .map(|c| (c.0.name().to_owned(), serde_json::json!(pick(c))))
                    .collect(),
            )
        };
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action: "rsvp-edit",
                entity: "rsvp",
                entity_id: Some(rsvp_id),
                before: Some(side(|c| &c.1)),
                after: Some(side(|c| &c.2)),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Some(Correction::Saved {
            changed: true,
            mailed,
        }))
    }

    /// A new address (not one only spelt otherwise) of a registration still standing, for an
    /// event not over: it gets the confirmation (or the place in line) and the personal link,
    /// the way the person would have had it. `true` when an e-mail was queued.
    async fn mail_new_address(
        &self,
        conn: &mut AnyConnection,
        row: &RsvpRow,
        v: &ValidRsvp,
        now: i64,
        compose: Compose<'_>,
    ) -> Result<bool, DbError> {
        let status = RsvpStatus::from_code(&row.status).unwrap_or(RsvpStatus::Cancelled);
        let new_address = !v.email.is_empty()
            && crate::core::validate::rsvp::email_key(&row.email) != v.email_key;
        if !new_address || status == RsvpStatus::Cancelled {
            return Ok(false);
        }
        let event: Option<EventRow> = sqlx::query_as(&format!("{EVENT_SELECT} WHERE e.id = $1"))
            .bind(row.event_id)
            .fetch_optional(&mut *conn)
            .await?;
        let Some(event) = event.filter(|e| e.ends_at > now) else {
            return Ok(false);
        };
        let (kind, position) = match status {
            RsvpStatus::Waiting => (
                NoticeKind::Waiting,
                Some(queue_position(conn, row.event_id, row.id).await?),
            ),
            _ => (NoticeKind::Confirmed, None),
        };
        let now_row = RsvpRow {
            first_name: v.first_name.clone(),
            last_name: v.last_name.clone(),
            email: v.email.clone(),
            affiliation: v.affiliation.clone(),
            role: v.role.clone(),
            accessibility: v.accessibility.clone(),
            status: row.status.clone(),
            lang: row.lang.clone(),
            token: row.token.clone(),
            ..*row
        };
        let email = compose(&notice(kind, &event, &now_row, status, position));
        enqueue(conn, &email, now).await?;
        Ok(true)
    }
}
