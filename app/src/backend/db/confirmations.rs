//! The SQL of managers asked to confirm their listing: once a published listing's confirmation
//! is older than the period (or it never had one), each of its managers is e-mailed a link of
//! their own; a month without an answer, one reminder (a new link); a month more and the space
//! is overdue for staff. A link answers once: confirmed (the listing is confirmed now), to be
//! updated (the manager is signed in to the editor), or closed (staff are told). Staff may ask
//! at any time. Safe with several app servers: requests are written one writer at a time (a
//! table lock on PostgreSQL, SQLite's single writer).

use super::audit::{insert_audit, AuditEntry};
use super::outbox::enqueue;
use super::staff_spaces::confirm_space;
use super::{Backend, Db, DbError};
use crate::backend::mail::Email;
use crate::core::view::{FreshnessCounts, FreshnessGroup};

/// A request unanswered this long gets its reminder; a reminder this long makes it overdue.
pub const REMIND_AFTER: i64 = 30 * 86_400;
/// How long a confirmation link works.
pub const LINK_TTL: i64 = 90 * 86_400;
/// The most spaces asked in one round (the rest wait for the next).
const PER_ROUND: i64 = 200;

/// A confirmation e-mail to write.
pub struct ConfirmationMail<'a> {
    pub to: &'a str,
    pub lang: &'a str,
    pub space: &'a str,
    pub confirmed_at: Option<i64>,
    /// The link's secret (its hash is what is stored).
    pub token: &'a str,
    pub reminder: bool,
}

/// Writes a confirmation e-mail.
pub type ComposeConfirmation<'a> = &'a (dyn Fn(&ConfirmationMail) -> Email + Send + Sync);
/// Makes a new link: its secret and the secret's hash.
pub type NewToken<'a> = &'a (dyn Fn() -> (String, String) + Send + Sync);

/// A request as its link finds it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ConfirmationRecord {
    pub id: i64,
    pub space_id: i64,
    pub email: String,
    pub lang: String,
    pub sent_at: i64,
    pub answer: Option<String>,
    pub space_name: String,
    pub slug: String,
}

/// Inserts a request for `email` about `space` and queues its e-mail.
#[allow(clippy::too_many_arguments)]
async fn ask(
    conn: &mut sqlx::AnyConnection,
    (space_id, space, confirmed_at): (i64, &str, Option<i64>),
    (email, lang): (&str, &str),
    reminder: bool,
    new_token: NewToken<'_>,
    compose: ComposeConfirmation<'_>,
    now: i64,
) -> Result<(), DbError> {
    let (token, hash) = new_token();
    sqlx::query(
        "INSERT INTO confirmation_requests (space_id, email, lang, token_hash, sent_at, is_reminder) \
         VALUES ($1, $2, $6, $3, $4, $5)",
    )
    .bind(space_id)
    .bind(email)
    .bind(&hash)
    .bind(now)
    .bind(reminder as i64)
    .bind(lang)
    .execute(&mut *conn)
    .await?;
    let mail = compose(&ConfirmationMail {
        to: email,
        lang,
        space,
        confirmed_at,
        token: &token,
        reminder,
    });
    enqueue(conn, &mail, now).await?;
    Ok(())
}

/// The managers of space `space_id`: their address and language.
async fn managers_of(
    conn: &mut sqlx::AnyConnection,
    space_id: i64,
) -> Result<Vec<(String, String)>, DbError> {
    Ok(
        sqlx::query_as("SELECT email, lang FROM space_managers WHERE space_id = $1 ORDER BY email")
            .bind(space_id)
            .fetch_all(&mut *conn)
            .await?,
    )
}

impl Db {
    /// One round of asking: the managers of every published listing not confirmed within
    /// `period` seconds and not asked since its confirmation lapsed (a listing never confirmed:
    /// asked once); one reminder to the requests unanswered for [`REMIND_AFTER`]. How many
    /// e-mails were queued.
    pub async fn queue_confirmations(
        &self,
        now: i64,
        period: i64,
        new_token: NewToken<'_>,
        compose: ComposeConfirmation<'_>,
    ) -> Result<usize, DbError> {
        let mut tx = self.begin_write().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("LOCK TABLE confirmation_requests IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
        let due: Vec<(i64, String, Option<i64>)> = sqlx::query_as(&format!(
            "SELECT s.id, s.name, s.confirmed_at FROM spaces s \
             WHERE s.status = 'published' AND COALESCE(s.confirmed_at, 0) < $1 \
             AND EXISTS (SELECT 1 FROM space_managers m WHERE m.space_id = s.id) \
             AND NOT EXISTS (SELECT 1 FROM confirmation_requests c WHERE c.space_id = s.id \
                 AND c.sent_at >= COALESCE(s.confirmed_at + $2, 0)) \
             ORDER BY s.id LIMIT {PER_ROUND}"
        ))
        .bind(now - period)
        .bind(period)
        .fetch_all(&mut *tx)
        .await?;
        let mut sent = 0;
        for (id, name, confirmed_at) in &due {
            for (email, lang) in managers_of(&mut tx, *id).await? {
                ask(
                    &mut tx,
                    (*id, name, *confirmed_at),
                    (&email, &lang),
                    false,
                    new_token,
                    compose,
                    now,
                )
                .await?;
                sent += 1;
            }
        }
        // Reminders: a first request unanswered for a month, its listing still unconfirmed.
        let waiting: Vec<(i64, i64, String, String, Option<i64>, String)> = sqlx::query_as(
            "SELECT c.id, c.space_id, c.email, s.name, s.confirmed_at, m.lang \
             FROM confirmation_requests c JOIN spaces s ON s.id = c.space_id \
             JOIN space_managers m ON m.space_id = c.space_id AND m.email = c.email \
             WHERE c.is_reminder = 0 AND c.reminded_at IS NULL AND c.answered_at IS NULL \
             AND c.sent_at < $1 AND s.status = 'published' \
             AND COALESCE(s.confirmed_at, 0) < c.sent_at \
             ORDER BY c.id",
        )
        .bind(now - REMIND_AFTER)
        .fetch_all(&mut *tx)
        .await?;
        for (request, space_id, email, name, confirmed_at, lang) in &waiting {
            sqlx::query("UPDATE confirmation_requests SET reminded_at = $1 WHERE id = $2")
                .bind(now)
                .bind(request)
                .execute(&mut *tx)
                .await?;
            ask(
                &mut tx,
                (*space_id, name, *confirmed_at),
                (email, lang),
                true,
                new_token,
                compose,
                now,
            )
            .await?;
            sent += 1;
        }
        tx.commit().await?;
        Ok(sent)
    }

    /// Staff ask the managers of space `id` to confirm it now. Audited; how many were asked.
    pub async fn ask_confirmation(
        &self,
        id: i64,
        actor: (i64, &str),
        new_token: NewToken<'_>,
        compose: ComposeConfirmation<'_>,
        now: i64,
    ) -> Result<usize, DbError> {
        let mut tx = self.begin_write().await?;
        let space: Option<(String, Option<i64>)> =
            sqlx::query_as("SELECT name, confirmed_at FROM spaces WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((name, confirmed_at)) = space else {
            return Ok(0);
        };
        let managers = managers_of(&mut tx, id).await?;
        for (email, lang) in &managers {
            ask(
                &mut tx,
                (id, &name, confirmed_at),
                (email, lang),
                false,
                new_token,
                compose,
                now,
            )
            .await?;
        }
        if !managers.is_empty() {
            insert_audit(
                &mut tx,
                &AuditEntry {
                    actor_id: Some(actor.0),
                    actor_email: actor.1,
                    action: "confirmation_asked",
                    entity: "space",
                    entity_id: Some(id),
                    before: None,
                    after: None,
                },
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(managers.len())
    }

    /// The request of link `token_hash`, if it can still be answered.
    pub async fn confirmation(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<ConfirmationRecord>, DbError> {
        Ok(sqlx::query_as(
            "SELECT c.id, c.space_id, c.email, c.lang, c.sent_at, c.answer, s.name AS space_name, \
             s.slug FROM confirmation_requests c JOIN spaces s ON s.id = c.space_id \
             WHERE c.token_hash = $1 AND c.answered_at IS NULL AND c.sent_at > $2 \
             AND s.status = 'published'",
        )
        .bind(token_hash)
        .bind(now - LINK_TTL)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// How the request of link `token_hash` was answered, once it was (`confirmed`, `update`,
    /// `closed`): what the page after the answer thanks for, read rather than taken from its
    /// address.
    pub async fn confirmation_answer(&self, token_hash: &str) -> Result<Option<String>, DbError> {
        let row: Option<(Option<String>,)> = sqlx::query_as(
            "SELECT answer FROM confirmation_requests \
             WHERE token_hash = $1 AND answered_at IS NOT NULL",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|(answer,)| answer))
    }

    /// Answers `record` (read with [`Db::confirmation`]) with `confirmed`, `update` or
    /// `closed`, once: a confirmation confirms the listing now; a closure queues `staff` (the
    /// staff's e-mail); audited, the manager as actor. `false` when it was answered meanwhile.
    pub async fn answer_confirmation(
        &self,
        record: &ConfirmationRecord,
        answer: &str,
        staff: impl FnOnce(&ConfirmationRecord) -> Email,
        now: i64,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let answered = sqlx::query(
            "UPDATE confirmation_requests SET answered_at = $1, answer = $2 \
             WHERE id = $3 AND answered_at IS NULL",
        )
        .bind(now)
        .bind(answer)
        .bind(record.id)
        .execute(&mut *tx)
        .await?;
        if answered.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        match answer {
            "confirmed" => confirm_space(&mut tx, record.space_id, now).await?,
            "closed" => {
                enqueue(&mut tx, &staff(record), now).await?;
            }
            _ => {}
        }
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: None,
                actor_email: &record.email,
                action: match answer {
                    "confirmed" => "confirmed",
                    "closed" => "closure_reported",
                    _ => "update_announced",
                },
                entity: "space",
                entity_id: Some(record.space_id),
                before: None,
                after: None,
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// How fresh the published listings are at `now`, for a confirmation `period` (seconds).
    pub async fn freshness_counts(
        &self,
        now: i64,
        period: i64,
    ) -> Result<FreshnessCounts, DbError> {
        let sum = |group| {
            let condition = freshness_condition(group, now - period, now - REMIND_AFTER);
            format!("COALESCE(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END), 0)")
        };
        let sums: Vec<String> = FreshnessGroup::ALL.into_iter().map(sum).collect();
        let (confirmed, due, overdue, no_manager, closed): (i64, i64, i64, i64, i64) =
            sqlx::query_as(&format!(
                "SELECT {} FROM spaces s WHERE s.status = 'published'",
                sums.join(", ")
            ))
            .fetch_one(&self.pool)
            .await?;
        Ok(FreshnessCounts {
            confirmed,
            due,
            overdue,
            no_manager,
            closed,
        })
    }
}

/// The SQL condition (on a published space `s`) of freshness `group`, for listings confirmed
/// before `cutoff` being past their period, and reminders sent before `reminded` being
/// unanswered for long enough. Overdue: no answer after the reminder; due: past the period
/// and not overdue. The numbers are the server's own, written into the statement.
pub(super) fn freshness_condition(group: FreshnessGroup, cutoff: i64, reminded: i64) -> String {
    let overdue = format!(
        "EXISTS (SELECT 1 FROM confirmation_requests c WHERE c.space_id = s.id \
         AND c.is_reminder = 1 AND c.sent_at < {reminded} \
         AND c.sent_at > COALESCE(s.confirmed_at, 0))"
    );
    match group {
        FreshnessGroup::Confirmed => format!("COALESCE(s.confirmed_at, 0) >= {cutoff}"),
        FreshnessGroup::Due => {
            format!("(COALESCE(s.confirmed_at, 0) < {cutoff} AND NOT {overdue})")
        }
        FreshnessGroup::Overdue => {
            format!("(COALESCE(s.confirmed_at, 0) < {cutoff} AND {overdue})")
        }
        FreshnessGroup::NoManager => {
            "NOT EXISTS (SELECT 1 FROM space_managers m WHERE m.space_id = s.id)".to_owned()
        }
        // Reported closed by a manager since staff last acted on the space (another manager
        // confirming it does not take the report away, nor staff asking again).
        FreshnessGroup::Closed => "EXISTS (SELECT 1 FROM confirmation_requests c \
             WHERE c.space_id = s.id AND c.answer = 'closed' \
             AND c.answered_at > COALESCE((SELECT MAX(a.at) FROM audit_log a \
                 WHERE a.entity = 'space' AND a.entity_id = s.id \
                 AND a.actor_id IS NOT NULL AND a.action <> 'confirmation_asked'), 0))"
            .to_owned(),
    }
}
