//! Staff accounts: invitations, access links, roles, disabling (sessions are `sessions`, the
//! audit trail `audit`).

use super::audit::{insert_audit, AuditEntry};
use super::{Db, DbError};
use crate::core::model::Role;
use crate::core::validate::account::ValidInvite;
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
}

/// The password hash of an account that has none yet (invited, link not used): not a PHC
/// string, so no password ever verifies against it.
pub const NO_PASSWORD: &str = "!";

/// What an admin changes on a colleague's account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AccountEdit {
    Disabled(bool),
    Role(Role),
}

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
        let edit = AccountEdit::Disabled(disabled);
        self.change_account(user_id, edit, expected, actor, now)
            .await
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
        let edit = AccountEdit::Role(role);
        self.change_account(user_id, edit, expected, actor, now)
            .await
    }

    /// An admin's change to an account: refused when the page was stale, or when it would
    /// leave the service without an active admin (or the actor is no longer one).
    async fn change_account(
        &self,
        user_id: i64,
        edit: AccountEdit,
        expected: Option<i64>,
        actor: (Option<i64>, &str),
        now: i64,
    ) -> Result<AccountChange, DbError> {
        let mut tx = self.begin_write().await?;
        let row: Option<(String, i64, i64)> =
            sqlx::query_as("SELECT role, version, disabled FROM staff_users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((role, version, disabled)) = row else {
            return Ok(AccountChange::Missing);
        };
        if expected.is_some_and(|v| v != version) {
            return Ok(AccountChange::Stale);
        }
        let (was_disabled, was_admin) = (disabled != 0, role == Role::Admin.code());
        let (stays_admin, changed, update, action, before, after) = match edit {
            AccountEdit::Disabled(d) => (
                !d,
                was_disabled != d,
                sqlx::query(
                    "UPDATE staff_users SET disabled = $1, updated_at = $2, \
                     version = version + 1 WHERE id = $3",
                )
                .bind(i64::from(d)),
                if d { "disable" } else { "enable" },
                serde_json::json!({ "disabled": was_disabled }),
                serde_json::json!({ "disabled": d }),
            ),
            AccountEdit::Role(r) => (
                r == Role::Admin,
                role != r.code(),
                sqlx::query(
                    "UPDATE staff_users SET role = $1, updated_at = $2, \
                     version = version + 1 WHERE id = $3",
                )
                .bind(r.code()),
                "role",
                serde_json::json!({ "role": role }),
                serde_json::json!({ "role": r.code() }),
            ),
        };
        let loses_admin = was_admin && !was_disabled && !stays_admin;
        if !admins_remain(self, &mut tx, actor.0, user_id, loses_admin).await? {
            return Ok(AccountChange::LastAdmin);
        }
        if changed {
            update.bind(now).bind(user_id).execute(&mut *tx).await?;
            if edit == AccountEdit::Disabled(true) {
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
                    action,
                    entity: "staff_user",
                    entity_id: Some(user_id),
                    before: Some(before),
                    after: Some(after),
                },
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(AccountChange::Done)
    }
}

pub(super) async fn insert_invitation(
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
