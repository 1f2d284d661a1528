//! Staff accounts, sessions, sign-in attempts and the audit trail.

use super::{Backend, Db, DbError};
use crate::core::model::Role;
use crate::core::validate::ValidInvite;
use crate::core::view::{StaffAccount, StaffUser};

/// An account as stored, with its password hash: stays on the server (not `Serialize`).
#[derive(sqlx::FromRow)]
pub struct StaffRecord {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub password_hash: String,
    pub disabled: i64,
}

impl StaffRecord {
    pub fn user(&self) -> StaffUser {
        StaffUser {
            id: self.id,
            email: self.email.clone(),
            name: self.name.clone(),
            // The CHECK constraint keeps roles to known codes; unknown means least privilege.
            role: Role::from_code(&self.role).unwrap_or(Role::Editor),
        }
    }
}

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

/// One change to record in the audit trail.
pub struct AuditEntry<'a> {
    pub actor_id: Option<i64>,
    pub actor_email: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct AuditRecord {
    pub actor_email: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub at: i64,
}

/// An audit record as the staff pages show it.
pub fn audit_view(r: AuditRecord) -> crate::core::view::AuditView {
    let parse = |s: &Option<String>| -> serde_json::Map<String, serde_json::Value> {
        s.as_deref()
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default()
    };
    let before = parse(&r.before_json);
    let after = parse(&r.after_json);
    let show = |v: Option<&serde_json::Value>| match v {
        None | Some(serde_json::Value::Null) => "—".to_owned(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let changes = after
        .keys()
        .chain(before.keys().filter(|k| !after.contains_key(*k)))
        .map(|k| (k.clone(), show(before.get(k)), show(after.get(k))))
        .collect();
    crate::core::view::AuditView {
        at: r.at,
        actor: r.actor_email,
        action: r.action,
        entity_id: r.entity_id,
        changes,
    }
}

impl Db {
    /// Creates an account; `Ok(None)` when the e-mail is already taken. Audited.
    pub async fn create_staff(
        &self,
        email: &str,
        name: &str,
        role: Role,
        password_hash: &str,
        actor: (Option<i64>, &str),
        now: i64,
    ) -> Result<Option<i64>, DbError> {
        let mut tx = self.pool.begin().await?;
        let inserted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO staff_users (email, name, role, password_hash, disabled, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, 0, $5, $5) ON CONFLICT (email) DO NOTHING RETURNING id",
        )
        .bind(email)
        .bind(name)
        .bind(role.code())
        .bind(password_hash)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id,)) = inserted else {
            return Ok(None);
        };
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: actor.0,
                actor_email: actor.1,
                action: "create",
                entity: "staff_user",
                entity_id: Some(id),
                before: None,
                after: Some(
                    serde_json::json!({ "email": email, "name": name, "role": role.code() }),
                ),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    pub async fn staff_by_email(&self, email: &str) -> Result<Option<StaffRecord>, DbError> {
        Ok(sqlx::query_as(
            "SELECT id, email, name, role, password_hash, disabled FROM staff_users WHERE email = $1",
        )
        .bind(email)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Replaces a password hash (e.g. when the hashing parameters were upgraded).
    pub async fn set_password_hash(
        &self,
        user_id: i64,
        hash: &str,
        now: i64,
    ) -> Result<(), DbError> {
        self.write_one(
            sqlx::query("UPDATE staff_users SET password_hash = $1, updated_at = $2 WHERE id = $3")
                .bind(hash)
                .bind(now)
                .bind(user_id),
        )
        .await?;
        Ok(())
    }

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

    /// The audit trail of one entity, newest first.
    pub async fn audit_trail(
        &self,
        entity: &str,
        entity_id: i64,
    ) -> Result<Vec<AuditRecord>, DbError> {
        Ok(sqlx::query_as(
            "SELECT actor_email, action, entity, entity_id, before_json, after_json, at \
             FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY at DESC, id DESC",
        )
        .bind(entity)
        .bind(entity_id)
        .fetch_all(&self.pool)
        .await?)
    }
}

/// The password hash of an account that has none yet (invited, link not used): not a PHC
/// string, so no password ever verifies against it.
pub const NO_PASSWORD: &str = "!";

/// What a change to an account came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountChange {
    Done,
    /// The account changed after the page that asked was shown: nothing done.
    Stale,
    Missing,
    /// It would leave no enabled administrator, or the one asking is no longer one (two
    /// administrators disabling or demoting each other at once): nothing done.
    LastAdmin,
}

/// Takes the accounts' write lock (PostgreSQL: the table, so that two administrators acting
/// at once are serialised; SQLite's single writer already is), then checks that the actor is
/// still an enabled administrator and that the change leaves at least one.
async fn admins_remain(
    db: &Db,
    tx: &mut sqlx::AnyConnection,
    actor: Option<i64>,
    target: i64,
    loses_admin: bool,
) -> Result<bool, DbError> {
    if db.backend == super::Backend::Postgres {
        sqlx::query("LOCK TABLE staff_users IN SHARE ROW EXCLUSIVE MODE")
            .execute(&mut *tx)
            .await?;
    }
    if let Some(actor) = actor {
        let still: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM staff_users WHERE id = $1 AND role = 'admin' AND disabled = 0",
        )
        .bind(actor)
        .fetch_optional(&mut *tx)
        .await?;
        if still.is_none() {
            return Ok(false);
        }
    }
    if loses_admin {
        let (others,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM staff_users WHERE role = 'admin' AND disabled = 0 AND id <> $1",
        )
        .bind(target)
        .fetch_one(&mut *tx)
        .await?;
        if others == 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

impl Db {
    /// Every staff account, admins first, then by name; `invited` when the account has no
    /// password yet.
    pub async fn list_staff(&self) -> Result<Vec<StaffAccount>, DbError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            email: String,
            name: String,
            role: String,
            disabled: i64,
            created_at: i64,
            password_hash: String,
            last_sign_in: Option<i64>,
            version: i64,
        }
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT u.id, u.email, u.name, u.role, u.disabled, u.created_at, u.password_hash, u.version, \
                    (SELECT MAX(a.at) FROM audit_log a WHERE a.entity = 'staff_user' \
                     AND a.entity_id = u.id AND a.action = 'sign_in') AS last_sign_in \
             FROM staff_users u ORDER BY CASE u.role WHEN 'admin' THEN 0 ELSE 1 END, u.name, u.id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| StaffAccount {
                id: r.id,
                role: Role::from_code(&r.role).unwrap_or(Role::Editor),
                disabled: r.disabled != 0,
                invited: r.password_hash == NO_PASSWORD,
                email: r.email,
                name: r.name,
                created_at: r.created_at,
                last_sign_in: r.last_sign_in,
                version: r.version,
            })
            .collect())
    }

    pub async fn staff_by_id(&self, id: i64) -> Result<Option<StaffRecord>, DbError> {
        Ok(sqlx::query_as(
            "SELECT id, email, name, role, password_hash, disabled FROM staff_users WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Creates an account without a password and the invitation that lets its owner choose
    /// one; `Ok(None)` when the e-mail is taken. Audited.
    pub async fn invite_staff(
        &self,
        invite: &ValidInvite,
        token_hash: &str,
        expires_at: i64,
        mail: Option<&crate::backend::mail::Email>,
        actor: (Option<i64>, &str),
        now: i64,
    ) -> Result<Option<i64>, DbError> {
        let mut tx = self.begin_write().await?;
        let inserted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO staff_users (email, name, role, password_hash, disabled, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, 0, $5, $5) ON CONFLICT (email) DO NOTHING RETURNING id",
        )
        .bind(&invite.email)
        .bind(&invite.name)
        .bind(invite.role.code())
        .bind(NO_PASSWORD)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id,)) = inserted else {
            return Ok(None);
        };
        insert_invitation(&mut tx, id, token_hash, expires_at, now).await?;
        if let Some(mail) = mail {
            super::enqueue(&mut tx, mail, now).await?;
        }
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: actor.0,
                actor_email: actor.1,
                action: "invite",
                entity: "staff_user",
                entity_id: Some(id),
                before: None,
                after: Some(serde_json::json!({
                    "email": invite.email, "name": invite.name, "role": invite.role.code()
                })),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// Replaces an account's access links with a new one (for a colleague who lost the first
    /// link or forgot the password; the current password keeps working until the link is
    /// used). `false` when there is no such account. Audited.
    pub async fn new_access_link(
        &self,
        user_id: i64,
        token_hash: &str,
        expires_at: i64,
        mail: Option<&crate::backend::mail::Email>,
        actor: (Option<i64>, &str),
        now: i64,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM staff_users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_none() {
            return Ok(false);
        }
        sqlx::query("DELETE FROM staff_invitations WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        insert_invitation(&mut tx, user_id, token_hash, expires_at, now).await?;
        if let Some(mail) = mail {
            super::enqueue(&mut tx, mail, now).await?;
        }
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: actor.0,
                actor_email: actor.1,
                action: "access_link",
                entity: "staff_user",
                entity_id: Some(user_id),
                before: None,
                after: None,
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The account a live invitation is for (`None` when the link is unknown, used, expired,
    /// or the account is disabled).
    pub async fn invitation_account(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<StaffRecord>, DbError> {
        Ok(sqlx::query_as(
            "SELECT u.id, u.email, u.name, u.role, u.password_hash, u.disabled \
             FROM staff_invitations i JOIN staff_users u ON u.id = i.user_id \
             WHERE i.token_hash = $1 AND i.expires_at > $2 AND u.disabled = 0",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Uses an invitation: sets the password, ends the account's other links and sessions.
    /// A link works once: the first of two simultaneous uses wins, the other gets `None`.
    pub async fn accept_invitation(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: i64,
    ) -> Result<Option<StaffUser>, DbError> {
        let mut tx = self.begin_write().await?;
        let used: Option<(i64,)> = sqlx::query_as(
            "DELETE FROM staff_invitations WHERE token_hash = $1 AND expires_at > $2 RETURNING user_id",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((user_id,)) = used else {
            return Ok(None);
        };
        let record: Option<StaffRecord> = sqlx::query_as(
            "SELECT id, email, name, role, password_hash, disabled FROM staff_users \
             WHERE id = $1 AND disabled = 0",
        )
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(record) = record else {
            return Ok(None);
        };
        sqlx::query("UPDATE staff_users SET password_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(password_hash)
            .bind(now)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        for sql in [
            "DELETE FROM staff_invitations WHERE user_id = $1",
            "DELETE FROM staff_sessions WHERE user_id = $1",
        ] {
            sqlx::query(sql).bind(user_id).execute(&mut *tx).await?;
        }
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(user_id),
                actor_email: &record.email,
                action: "set_password",
                entity: "staff_user",
                entity_id: Some(user_id),
                before: None,
                after: None,
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Some(record.user()))
    }

    /// Disables (ending its sessions and links at once) or re-enables an account, if it is
    /// still at version `expected` (the one the page showed; `None` from the command line).
    /// Audited.
    pub async fn set_staff_disabled(
        &self,
        user_id: i64,
        disabled: bool,
        expected: Option<i64>,
        actor: (Option<i64>, &str),
        now: i64,
    ) -> Result<AccountChange, DbError> {
        let mut tx = self.begin_write().await?;
        let before: Option<(i64, i64, String)> =
            sqlx::query_as("SELECT disabled, version, role FROM staff_users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((before, version, role)) = before else {
            return Ok(AccountChange::Missing);
        };
        if expected.is_some_and(|v| v != version) {
            return Ok(AccountChange::Stale);
        }
        let loses_admin = disabled && before == 0 && role == Role::Admin.code();
        if !admins_remain(self, &mut tx, actor.0, user_id, loses_admin).await? {
            return Ok(AccountChange::LastAdmin);
        }
        if (before != 0) != disabled {
            sqlx::query(
                "UPDATE staff_users SET disabled = $1, updated_at = $2, version = version + 1 \
                 WHERE id = $3",
            )
            .bind(i64::from(disabled))
            .bind(now)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
            if disabled {
                for sql in [
                    "DELETE FROM staff_sessions WHERE user_id = $1",
                    "DELETE FROM staff_invitations WHERE user_id = $1",
                ] {
                    sqlx::query(sql).bind(user_id).execute(&mut *tx).await?;
                }
            }
            insert_audit(
                &mut tx,
                &AuditEntry {
                    actor_id: actor.0,
                    actor_email: actor.1,
                    action: if disabled { "disable" } else { "enable" },
                    entity: "staff_user",
                    entity_id: Some(user_id),
                    before: Some(serde_json::json!({ "disabled": before != 0 })),
                    after: Some(serde_json::json!({ "disabled": disabled })),
                },
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(AccountChange::Done)
    }

    /// Changes an account's role, if it is still at version `expected` (as
    /// [`Db::set_staff_disabled`]). Audited.
    pub async fn set_staff_role(
        &self,
        user_id: i64,
        role: Role,
        expected: Option<i64>,
        actor: (Option<i64>, &str),
        now: i64,
    ) -> Result<AccountChange, DbError> {
        let mut tx = self.begin_write().await?;
        let before: Option<(String, i64, i64)> =
            sqlx::query_as("SELECT role, version, disabled FROM staff_users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((before, version, disabled)) = before else {
            return Ok(AccountChange::Missing);
        };
        if expected.is_some_and(|v| v != version) {
            return Ok(AccountChange::Stale);
        }
        let loses_admin = before == Role::Admin.code() && role != Role::Admin && disabled == 0;
        if !admins_remain(self, &mut tx, actor.0, user_id, loses_admin).await? {
            return Ok(AccountChange::LastAdmin);
        }
        if before != role.code() {
            sqlx::query(
                "UPDATE staff_users SET role = $1, updated_at = $2, version = version + 1 \
                 WHERE id = $3",
            )
            .bind(role.code())
            .bind(now)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
            insert_audit(
                &mut tx,
                &AuditEntry {
                    actor_id: actor.0,
                    actor_email: actor.1,
                    action: "role",
                    entity: "staff_user",
                    entity_id: Some(user_id),
                    before: Some(serde_json::json!({ "role": before })),
                    after: Some(serde_json::json!({ "role": role.code() })),
                },
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(AccountChange::Done)
    }

    /// Records an action that changes no other row (signing in or out).
    pub async fn audit(&self, entry: &AuditEntry<'_>, now: i64) -> Result<(), DbError> {
        let mut conn = self.pool.acquire().await?;
        insert_audit(&mut conn, entry, now).await
    }

    /// The latest audit entries about one kind of entity, newest first.
    pub async fn recent_audit(
        &self,
        entity: &str,
        limit: i64,
    ) -> Result<Vec<AuditRecord>, DbError> {
        Ok(sqlx::query_as(
            "SELECT actor_email, action, entity, entity_id, before_json, after_json, at \
             FROM audit_log WHERE entity = $1 ORDER BY at DESC, id DESC LIMIT $2",
        )
        .bind(entity)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}

async fn insert_invitation(
    conn: &mut sqlx::AnyConnection,
    user_id: i64,
    token_hash: &str,
    expires_at: i64,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO staff_invitations (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Recent failed sign-ins, see [`Db::recent_failures`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub by_email: i64,
    pub email_latest: Option<i64>,
    pub by_address: i64,
    pub address_latest: Option<i64>,
}

/// Writes an audit entry inside the caller's transaction, so the change and its record commit
/// together.
pub async fn insert_audit(
    conn: &mut sqlx::AnyConnection,
    entry: &AuditEntry<'_>,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO audit_log (actor_id, actor_email, action, entity, entity_id, before_json, after_json, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(entry.actor_id)
    .bind(entry.actor_email)
    .bind(entry.action)
    .bind(entry.entity)
    .bind(entry.entity_id)
    .bind(entry.before.as_ref().map(|v| v.to_string()))
    .bind(entry.after.as_ref().map(|v| v.to_string()))
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
