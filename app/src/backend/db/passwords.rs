//! The SQL of forgotten and changed passwords: a link asked for by e-mail (at most one every
//! few minutes per account, its e-mail counted against the recipient's daily limit), and a
//! signed-in member of staff's new password (their other sessions and links end).

use super::audit::{insert_audit, AuditEntry};
use super::outbox::enqueue;
use super::staff::insert_invitation;
use super::submissions::{recipient_limit, within_rate_limit};
use super::{Db, DbError};
use crate::backend::mail::Email;

impl Db {
    /// A fresh link to choose a password for the active account of `email` (normalised),
    /// replacing its other links, with its e-mail (`mail`, given the account's stored address
    /// and name) queued in
    /// the same transaction and the request audited. Nothing is done — `false` — for an
    /// unknown or disabled address, while the account's last link is younger than `every`
    /// seconds (a flood of requests cannot replace the link someone is about to open), or
    /// when the address has had its e-mails for the day.
    pub async fn password_reset_link(
        &self,
        email: &str,
        (token_hash, expires_at): (&str, i64),
        mail: impl FnOnce(&str, &str) -> Email,
        now: i64,
        every: i64,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let account: Option<(i64, String, String)> = sqlx::query_as(
            "SELECT id, name, email FROM staff_users WHERE email = $1 AND disabled = 0",
        )
        .bind(email)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id, name, stored)) = account else {
            return Ok(false);
        };
        let recent: Option<(i64,)> = sqlx::query_as(
            "SELECT user_id FROM staff_invitations WHERE user_id = $1 AND created_at > $2 LIMIT 1",
        )
        .bind(id)
        .bind(now - every)
        .fetch_optional(&mut *tx)
        .await?;
        if recent.is_some() || !within_rate_limit(&mut tx, &recipient_limit(email), now).await? {
            return Ok(false);
        }
        sqlx::query("DELETE FROM staff_invitations WHERE user_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        insert_invitation(&mut tx, id, token_hash, expires_at, now).await?;
        enqueue(&mut tx, &mail(&stored, &name), now).await?;
        // Asked for by whoever typed the address (signed out): not by the account.
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: None,
                actor_email: "",
                action: "password_reset",
                entity: "staff_user",
                entity_id: Some(id),
                before: None,
                after: None,
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// A signed-in member of staff's new password: stored, their other sessions (another
    /// browser, a lost phone) and links ended, audited. The session `keep` (its token's hash)
    /// stays signed in.
    pub async fn change_password(
        &self,
        (user_id, email): (i64, &str),
        password_hash: &str,
        keep: &str,
        now: i64,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE staff_users SET password_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(password_hash)
            .bind(now)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM staff_sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(keep)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM staff_invitations WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(user_id),
                actor_email: email,
                action: "password_change",
                entity: "staff_user",
                entity_id: Some(user_id),
                before: None,
                after: None,
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
