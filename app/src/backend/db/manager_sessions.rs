//! The SQL of space managers' sign-in: e-mailed links (single use, counted against the
//! recipient's and the client's limits), their sessions, and the drafts kept for a browser
//! whose session ended while its manager typed.

use super::outbox::enqueue;
use super::submissions::{recipient_limit, within_rate_limit};
use super::{ClientLimit, Db, DbError};
use crate::backend::mail::Email;

/// A manager's live session, as stored.
#[derive(sqlx::FromRow)]
pub struct ManagerSessionRecord {
    pub email: String,
    pub csrf_token: String,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

/// Stores a managers' session (its token's hash, CSRF token and end) for `email`.
async fn insert_session(
    conn: &mut sqlx::AnyConnection,
    email: &str,
    (session_hash, csrf_token, expires_at): (&str, &str, i64),
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO manager_sessions \
         (token_hash, email, csrf_token, created_at, last_seen_at, expires_at) \
         VALUES ($1, $2, $3, $4, $4, $5)",
    )
    .bind(session_hash)
    .bind(email)
    .bind(csrf_token)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl Db {
    /// Keeps a manager's changes sent after their session ended (see `managers::keep_draft`).
    pub async fn store_manager_draft(
        &self,
        token_hash: &str,
        space_id: i64,
        fields: &str,
        from: &ClientLimit,
        now: i64,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        if !within_rate_limit(&mut tx, from, now).await? {
            tx.commit().await?;
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO manager_drafts (token_hash, space_id, fields, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(space_id)
        .bind(fields)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Puts `fields` for space `space_id` in place of the draft of `token_hash`, if it was
    /// stored after `since`; whether there was one.
    pub async fn replace_manager_draft(
        &self,
        token_hash: &str,
        space_id: i64,
        fields: &str,
        since: i64,
        now: i64,
    ) -> Result<bool, DbError> {
        let replaced = sqlx::query(
            "UPDATE manager_drafts SET space_id = $1, fields = $2, created_at = $3 \
             WHERE token_hash = $4 AND created_at > $5",
        )
        .bind(space_id)
        .bind(fields)
        .bind(now)
        .bind(token_hash)
        .bind(since)
        .execute(&self.pool)
        .await?;
        Ok(replaced.rows_affected() > 0)
    }

    /// A kept draft stored after `since`: its space and its fields.
    pub async fn manager_draft(
        &self,
        token_hash: &str,
        since: i64,
    ) -> Result<Option<(i64, String)>, DbError> {
        Ok(sqlx::query_as(
            "SELECT space_id, fields FROM manager_drafts WHERE token_hash = $1 AND created_at > $2",
        )
        .bind(token_hash)
        .bind(since)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Forgets a kept draft (sent at last).
    pub async fn delete_manager_draft(&self, token_hash: &str) -> Result<(), DbError> {
        sqlx::query("DELETE FROM manager_drafts WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
    /// A sign-in link for `email` (normalised), with its e-mail (`mail`) queued in the same
    /// transaction — unless the address manages no space, has had its e-mails for the day
    /// (see `recipient_limit`), or the client asking (`from`) is over its limit: then nothing
    /// is stored or sent and the answer is `false`. Expired links are cleared on the way.
    pub async fn manager_sign_in_link(
        &self,
        email: &str,
        (token_hash, expires_at): (&str, i64),
        from: &ClientLimit,
        mail: impl FnOnce() -> Email,
        now: i64,
    ) -> Result<bool, DbError> {
        // Most requests under a flood are for no manager: a read, no write.
        if !self.is_manager(email).await? {
            return Ok(false);
        }
        let mut tx = self.begin_write().await?;
        if !within_rate_limit(&mut tx, from, now).await?
            || !within_rate_limit(&mut tx, &recipient_limit(email), now).await?
        {
            tx.commit().await?;
            return Ok(false);
        }
        sqlx::query("DELETE FROM manager_links WHERE expires_at <= $1")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO manager_links (token_hash, email, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(email)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        enqueue(&mut tx, &mail(), now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The address of a sign-in link that can still be used (read only: opening the link's
    /// page does not use it).
    pub async fn manager_link(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<String>, DbError> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT email FROM manager_links WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(email,)| email))
    }

    /// Uses a sign-in link: deletes it (`DELETE … RETURNING`, so two simultaneous uses cannot
    /// both succeed) and, if it was alive, opens the session `session` (token hash, CSRF
    /// token, end) for its address in the same transaction. The address, or `None` for a
    /// used, expired or unknown link.
    pub async fn use_manager_link(
        &self,
        token_hash: &str,
        (session_hash, csrf_token, expires_at): (&str, &str, i64),
        now: i64,
    ) -> Result<Option<String>, DbError> {
        let mut tx = self.begin_write().await?;
        let row: Option<(String, i64)> = sqlx::query_as(
            "DELETE FROM manager_links WHERE token_hash = $1 RETURNING email, expires_at",
        )
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((email, _)) = row.filter(|(_, expires)| *expires > now) else {
            tx.commit().await?;
            return Ok(None);
        };
        insert_session(&mut tx, &email, (session_hash, csrf_token, expires_at), now).await?;
        tx.commit().await?;
        Ok(Some(email))
    }

    /// Opens a managers' session for `email` (a confirmation's "update" signs them in).
    pub async fn open_manager_session(
        &self,
        email: &str,
        session: (&str, &str, i64),
        now: i64,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        insert_session(&mut tx, email, session, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The manager's session with this token hash (expiry is decided by the caller).
    pub async fn manager_session(
        &self,
        token_hash: &str,
    ) -> Result<Option<ManagerSessionRecord>, DbError> {
        Ok(sqlx::query_as(
            "SELECT email, csrf_token, last_seen_at, expires_at FROM manager_sessions \
             WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn touch_manager_session(&self, token_hash: &str, now: i64) -> Result<(), DbError> {
        self.write_one(
            sqlx::query("UPDATE manager_sessions SET last_seen_at = $1 WHERE token_hash = $2")
                .bind(now)
                .bind(token_hash),
        )
        .await?;
        Ok(())
    }

    pub async fn delete_manager_session(&self, token_hash: &str) -> Result<(), DbError> {
        self.write_one(
            sqlx::query("DELETE FROM manager_sessions WHERE token_hash = $1").bind(token_hash),
        )
        .await?;
        Ok(())
    }
}
