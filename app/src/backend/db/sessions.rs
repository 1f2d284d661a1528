//! Staff sessions and sign-in attempts.

use super::{Backend, Db, DbError};

/// A live session and its account.
#[derive(sqlx::FromRow)]
pub struct SessionRecord {
    pub user_id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub csrf_token: String,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

/// Recent failed sign-ins, see [`Db::recent_failures`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub by_email: i64,
    pub email_latest: Option<i64>,
    pub by_address: i64,
    pub address_latest: Option<i64>,
}

impl Db {
    /// Stores a new session. `token_hash` is the SHA-256 of the cookie's token.
    pub async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        csrf_token: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), DbError> {
        self.write_one(sqlx::query(
            "INSERT INTO staff_sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) \
             VALUES ($1, $2, $3, $4, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(csrf_token)
        .bind(now)
        .bind(expires_at))
        .await?;
        Ok(())
    }

    /// The session with this token hash and its account, if the account is enabled.
    /// Expiry is decided by the caller.
    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>, DbError> {
        Ok(sqlx::query_as(
            "SELECT s.user_id, u.email, u.name, u.role, s.csrf_token, s.last_seen_at, s.expires_at \
             FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND u.disabled = 0",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn touch_session(&self, token_hash: &str, now: i64) -> Result<(), DbError> {
        self.write_one(
            sqlx::query("UPDATE staff_sessions SET last_seen_at = $1 WHERE token_hash = $2")
                .bind(now)
                .bind(token_hash),
        )
        .await?;
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), DbError> {
        self.write_one(
            sqlx::query("DELETE FROM staff_sessions WHERE token_hash = $1").bind(token_hash),
        )
        .await?;
        Ok(())
    }

    /// Takes a turn to check a password for `email` from `address`: in one write transaction
    /// that no other sign-in can interleave with (SQLite's single writer; on PostgreSQL a lock
    /// on the attempts table, shared by every app server), counts the failures since `since`
    /// — the e-mail's after its last success, the address's all — and, unless `locked` says
    /// they are too many, records this attempt as a failure before any password is checked.
    /// However many requests arrive at once, each sees the attempts of those before it.
    /// `Ok(Ok(id))`: the attempt to settle with [`Db::settle_sign_in`]; `Ok(Err(failures))`:
    /// refused, nothing recorded.
    pub async fn reserve_sign_in(
        &self,
        email: &str,
        address: &str,
        since: i64,
        now: i64,
        locked: impl Fn(&Failures) -> bool,
    ) -> Result<Result<(i64, Failures), Failures>, DbError> {
        let mut tx = self.begin_write().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("LOCK TABLE sign_in_attempts IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
        let (last_success,): (Option<i64>,) =
            sqlx::query_as("SELECT MAX(at) FROM sign_in_attempts WHERE email = $1 AND success = 1")
                .bind(email)
                .fetch_one(&mut *tx)
                .await?;
        let from = since.max(last_success.unwrap_or(i64::MIN));
        let (by_email, email_latest): (i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*), MAX(at) FROM sign_in_attempts WHERE email = $1 AND success = 0 AND at > $2",
        )
        .bind(email)
        .bind(from)
        .fetch_one(&mut *tx)
        .await?;
        let (by_address, address_latest): (i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*), MAX(at) FROM sign_in_attempts WHERE address = $1 AND success = 0 AND at > $2",
        )
        .bind(address)
        .bind(since)
        .fetch_one(&mut *tx)
        .await?;
        let failures = Failures {
            by_email,
            email_latest,
            by_address,
            address_latest,
        };
        if locked(&failures) {
            tx.commit().await?;
            return Ok(Err(failures));
        }
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO sign_in_attempts (email, address, success, at) VALUES ($1, $2, 0, $3) \
             RETURNING id",
        )
        .bind(email)
        .bind(address)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM sign_in_attempts WHERE at < $1")
            .bind(now - 86_400)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Ok((id, failures)))
    }

    /// Settles an attempt taken with [`Db::reserve_sign_in`]: `Some(true)` a success,
    /// `Some(false)` a failure (as recorded already), `None` not checked at all (the server
    /// was too busy to hash: the attempt does not count).
    pub async fn settle_sign_in(&self, id: i64, outcome: Option<bool>) -> Result<(), DbError> {
        let sql = match outcome {
            Some(false) => return Ok(()),
            Some(true) => "UPDATE sign_in_attempts SET success = 1 WHERE id = $1",
            None => "DELETE FROM sign_in_attempts WHERE id = $1",
        };
        let mut tx = self.begin_write().await?;
        sqlx::query(sql).bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }
}
