//! The e-mail outbox's rows: written inside the caller's transaction, claimed by workers with a
//! lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so two app servers never take the same row;
//! SQLite has one writer at a time), then marked sent or rescheduled. A message's content is a
//! row of its own in `email_bodies`, written once: claims and "sent" marks rewrite only the
//! small delivery-state row (see the migration `0011_email_bodies`).

use super::{Backend, Db, DbError, Params};
use crate::backend::mail::{Email, TextAttachment};

/// A claimed row, ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: i64,
    pub attempts: i64,
    pub email: Email,
}

#[derive(sqlx::FromRow)]
struct Claimed {
    id: i64,
    to_address: String,
    subject: String,
    attempts: i64,
}

#[derive(sqlx::FromRow)]
struct Body {
    id: i64,
    body_text: String,
    body_html: Option<String>,
    attachments_json: String,
}

/// Counts of the outbox, for staff and for tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub waiting: i64,
    pub sent: i64,
    pub failed: i64,
}

/// Queues an e-mail in the caller's transaction: it is sent only if that transaction commits.
/// An e-mail to no address (a registration staff added for someone without one) is not
/// queued: `None`.
pub async fn enqueue(
    conn: &mut sqlx::AnyConnection,
    email: &Email,
    now: i64,
) -> Result<Option<i64>, DbError> {
    if email.to.trim().is_empty() {
        return Ok(None);
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO email_outbox (to_address, subject, created_at, available_at) \
         VALUES ($1, $2, $3, $3) RETURNING id",
    )
    .bind(&email.to)
    .bind(&email.subject)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    insert_bodies(conn, &[(id, email)]).await?;
    Ok(Some(id))
}

/// Queues many e-mails in the caller's transaction, a few dozen rows per statement (a batch of
/// registrations writes its confirmations at once).
pub(super) async fn enqueue_many(
    conn: &mut sqlx::AnyConnection,
    emails: &[(Email, i64)],
) -> Result<(), DbError> {
    for chunk in emails.chunks(64) {
        // Four values a row; the time is both created_at and available_at.
        let mut params = Params::on(conn);
        let rows: Vec<String> = (0..chunk.len())
            .map(|_| format!("({})", params.list(4)))
            .collect();
        let sql = format!(
            "INSERT INTO email_outbox (to_address, subject, created_at, available_at) \
             VALUES {} RETURNING id",
            rows.join(", ")
        );
        let mut query = sqlx::query_as(&sql);
        for (email, now) in chunk {
            query = query
                .bind(&email.to)
                .bind(&email.subject)
                .bind(*now)
                .bind(*now);
        }
        let mut ids: Vec<(i64,)> = query.fetch_all(&mut *conn).await?;
        // One statement numbers its rows in the order of its VALUES (the order RETURNING gives
        // them back is not promised), so the sorted ids pair with the chunk in order.
        ids.sort_unstable();
        let bodies: Vec<(i64, &Email)> = ids
            .iter()
            .zip(chunk)
            .map(|((id,), (email, _))| (*id, email))
            .collect();
        insert_bodies(conn, &bodies).await?;
    }
    Ok(())
}

/// Writes the content of queued e-mails (at most 64 in one call) beside their outbox rows.
async fn insert_bodies(
    conn: &mut sqlx::AnyConnection,
    bodies: &[(i64, &Email)],
) -> Result<(), DbError> {
    let mut params = Params::on(conn);
    let rows: Vec<String> = (0..bodies.len())
        .map(|_| format!("({})", params.list(4)))
        .collect();
    let sql = format!(
        "INSERT INTO email_bodies (id, body_text, body_html, attachments_json) VALUES {}",
        rows.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for (id, email) in bodies {
        let attachments = serde_json::to_string(&email.attachments).unwrap_or_else(|_| "[]".into());
        query = query
            .bind(*id)
            .bind(&email.text)
            .bind(&email.html)
            .bind(attachments);
    }
    query.execute(&mut *conn).await?;
    Ok(())
}

impl Db {
    /// Queues one e-mail on its own (when there is nothing else to write with it): its state and
    /// its content in one transaction.
    pub async fn enqueue_email(&self, email: &Email, now: i64) -> Result<Option<i64>, DbError> {
        let mut tx = self.begin_write().await?;
        let id = enqueue(&mut tx, email, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Claims up to `limit` due messages for `worker` until `now + lease`. Each claim counts as
    /// an attempt.
    pub async fn claim_emails(
        &self,
        worker: &str,
        now: i64,
        lease: i64,
        limit: i64,
    ) -> Result<Vec<OutboxMessage>, DbError> {
        let lock = match self.backend {
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE email_outbox SET claimed_by = $1, claimed_until = $2, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM email_outbox WHERE sent_at IS NULL AND failed_at IS NULL \
             AND available_at <= $3 AND (claimed_until IS NULL OR claimed_until < $3) \
             ORDER BY id LIMIT $4{lock}) \
             RETURNING id, to_address, subject, attempts"
        );
        let mut tx = self.begin_write().await?;
        let mut claimed: Vec<Claimed> = sqlx::query_as(&sql)
            .bind(worker)
            .bind(now + lease)
            .bind(now)
            .bind(limit)
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        if claimed.is_empty() {
            return Ok(Vec::new());
        }
        claimed.sort_by_key(|c| c.id);
        // The content never changes once queued: it is read after the claim's commit, outside
        // the writers' turn. A message erased meanwhile (its address's data deleted) has no
        // content any more and is not sent.
        let sql = format!(
            "SELECT id, body_text, body_html, attachments_json FROM email_bodies \
             WHERE id IN ({}) ORDER BY id",
            Params::new(self.backend).list(claimed.len())
        );
        let mut query = sqlx::query_as(&sql);
        for c in &claimed {
            query = query.bind(c.id);
        }
        let bodies: Vec<Body> = query.fetch_all(&self.pool).await?;
        let mut bodies = bodies.into_iter().peekable();
        let mut messages = Vec::with_capacity(claimed.len());
        for c in claimed {
            let Some(body) = bodies.next_if(|b| b.id == c.id) else {
                continue;
            };
            messages.push(OutboxMessage {
                id: c.id,
                attempts: c.attempts,
                email: Email {
                    to: c.to_address,
                    subject: c.subject,
                    text: body.body_text,
                    html: body.body_html,
                    attachments: serde_json::from_str::<Vec<TextAttachment>>(
                        &body.attachments_json,
                    )
                    .unwrap_or_default(),
                },
            });
        }
        Ok(messages)
    }

    /// Marks claimed messages sent, in one transaction (only those the worker holds).
    pub async fn emails_sent(&self, ids: &[i64], worker: &str, now: i64) -> Result<(), DbError> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut params = Params::new(self.backend);
        let sql = format!(
            "UPDATE email_outbox SET sent_at = {}, claimed_until = NULL, last_error = NULL \
             WHERE claimed_by = {} AND sent_at IS NULL AND id IN ({})",
            params.one(),
            params.one(),
            params.list(ids.len())
        );
        // Through the writers' turn, like every write (see `Db::begin_write`).
        let mut tx = self.begin_write().await?;
        let mut query = sqlx::query(&sql).bind(now).bind(worker);
        for id in ids {
            query = query.bind(*id);
        }
        query.execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a failed attempt: retried from `retry_at`, or given up when `retry_at` is `None`.
    pub async fn email_failed(
        &self,
        id: i64,
        worker: &str,
        error: &str,
        retry_at: Option<i64>,
        now: i64,
    ) -> Result<(), DbError> {
        let error: String = error.chars().take(500).collect();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE email_outbox SET last_error = $1, claimed_until = NULL, \
             available_at = COALESCE($2, available_at), \
             failed_at = CASE WHEN $2 IS NULL THEN $3 ELSE NULL END \
             WHERE id = $4 AND claimed_by = $5 AND sent_at IS NULL",
        )
        .bind(error)
        .bind(retry_at)
        .bind(now)
        .bind(id)
        .bind(worker)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn outbox_counts(&self) -> Result<OutboxCounts, DbError> {
        let (waiting, sent, failed): (i64, i64, i64) = sqlx::query_as(
            "SELECT \
               COALESCE(SUM(CASE WHEN sent_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END), 0), \
               COALESCE(SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END), 0), \
               COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0) \
             FROM email_outbox",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(OutboxCounts {
            waiting,
            sent,
            failed,
        })
    }
}
