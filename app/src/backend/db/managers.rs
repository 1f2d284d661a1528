//! The SQL of space managers: who manages which space (staff add and remove addresses, the
//! contact of an approved join request is added by a trigger, managers invite colleagues),
//! their language. Their sign-in is in `manager_sessions`.

use super::audit::{insert_audit, AuditEntry};
use super::outbox::enqueue;
use super::submissions::{recipient_limit, within_rate_limit};
use super::{Db, DbError};
use crate::backend::mail::Email;
use crate::core::model::SpaceStatus;
use crate::core::view::{ManagedSpace, SpaceManager};

/// How a space's manager got there (`space_managers.source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManagerSource {
    Staff,
    Import,
    Manager,
}

impl ManagerSource {
    fn code(self) -> &'static str {
        match self {
            ManagerSource::Staff => "staff",
            ManagerSource::Import => "import",
            ManagerSource::Manager => "manager",
        }
    }
}

/// The audit entry of `email` becoming a manager of space `space_id`, by `actor`.
async fn audit_manager_added(
    conn: &mut sqlx::AnyConnection,
    space_id: i64,
    email: &str,
    actor: (Option<i64>, &str),
    now: i64,
) -> Result<(), DbError> {
    insert_audit(
        conn,
        &AuditEntry {
            actor_id: actor.0,
            actor_email: actor.1,
            action: "manager_added",
            entity: "space",
            entity_id: Some(space_id),
            before: None,
            after: Some(serde_json::json!({ "manager": email })),
        },
        now,
    )
    .await
}

impl Db {
    /// The managers of space `id`, in the order they were added.
    pub async fn space_managers(&self, space_id: i64) -> Result<Vec<SpaceManager>, DbError> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT email, source, added_at FROM space_managers WHERE space_id = $1 \
             ORDER BY added_at, email",
        )
        .bind(space_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(email, source, added_at)| SpaceManager {
                email,
                source,
                added_at,
            })
            .collect())
    }

    /// Makes `email` (normalised) a manager of space `space_id`, audited in the same
    /// transaction. `Ok(false)` when it already is one, or there is no such space.
    pub async fn add_space_manager(
        &self,
        space_id: i64,
        email: &str,
        source: ManagerSource,
        actor: (Option<i64>, &str),
        now: i64,
    ) -> Result<bool, DbError> {
        self.add_manager(space_id, email, source, actor, None, now)
            .await
    }

    /// [`Db::add_space_manager`], and `mail` queued to the new manager (within their daily
    /// limit) in the same transaction: staff adding an address tell its owner.
    pub async fn add_space_manager_telling(
        &self,
        space_id: i64,
        email: &str,
        actor: (Option<i64>, &str),
        mail: &Email,
        now: i64,
    ) -> Result<bool, DbError> {
        self.add_manager(
            space_id,
            email,
            ManagerSource::Staff,
            actor,
            Some(mail),
            now,
        )
        .await
    }

    async fn add_manager(
        &self,
        space_id: i64,
        email: &str,
        source: ManagerSource,
        actor: (Option<i64>, &str),
        mail: Option<&Email>,
        now: i64,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let added = sqlx::query(
            "INSERT INTO space_managers (space_id, email, added_at, source) \
             SELECT id, $2, $3, $4 FROM spaces WHERE id = $1 ON CONFLICT DO NOTHING",
        )
        .bind(space_id)
        .bind(email)
        .bind(now)
        .bind(source.code())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        if added {
            audit_manager_added(&mut tx, space_id, email, actor, now).await?;
            if let Some(mail) = mail {
                if within_rate_limit(&mut tx, &recipient_limit(email), now).await? {
                    enqueue(&mut tx, mail, now).await?;
                }
            }
        }
        tx.commit().await?;
        Ok(added)
    }

    /// A manager (`inviter`) of space `space_id` makes `email` a manager too: added (source
    /// `manager`), audited with the inviter as actor, and `mail` queued to the new manager
    /// within their daily limit — one transaction, only while the inviter manages the space.
    /// `Ok(None)`: the inviter does not; `Ok(Some(false))`: `email` already manages it.
    pub async fn invite_manager(
        &self,
        space_id: i64,
        email: &str,
        inviter: &str,
        mail: &Email,
        now: i64,
    ) -> Result<Option<bool>, DbError> {
        let mut tx = self.begin_write().await?;
        let manages: Option<(i64,)> = sqlx::query_as(
            "SELECT space_id FROM space_managers WHERE space_id = $1 AND email = $2",
        )
        .bind(space_id)
        .bind(inviter)
        .fetch_optional(&mut *tx)
        .await?;
        if manages.is_none() {
            return Ok(None);
        }
        // The colleague is written to in the inviter's language, until they choose theirs.
        let added = sqlx::query(
            "INSERT INTO space_managers (space_id, email, added_at, source, lang) \
             SELECT $1, $2, $3, 'manager', lang FROM space_managers \
             WHERE space_id = $1 AND email = $4 ON CONFLICT DO NOTHING",
        )
        .bind(space_id)
        .bind(email)
        .bind(now)
        .bind(inviter)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        if added {
            audit_manager_added(&mut tx, space_id, email, (None, inviter), now).await?;
            if within_rate_limit(&mut tx, &recipient_limit(email), now).await? {
                enqueue(&mut tx, mail, now).await?;
            }
        }
        tx.commit().await?;
        Ok(Some(added))
    }

    /// Takes space `space_id` away from manager `email`, audited: from then on their session,
    /// if any, no longer reaches it. `Ok(false)` when they were not a manager of it.
    pub async fn remove_space_manager(
        &self,
        space_id: i64,
        email: &str,
        actor: (Option<i64>, &str),
        now: i64,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let removed = sqlx::query("DELETE FROM space_managers WHERE space_id = $1 AND email = $2")
            .bind(space_id)
            .bind(email)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            > 0;
        if removed {
            insert_audit(
                &mut tx,
                &AuditEntry {
                    actor_id: actor.0,
                    actor_email: actor.1,
                    action: "manager_removed",
                    entity: "space",
                    entity_id: Some(space_id),
                    before: Some(serde_json::json!({ "manager": email })),
                    after: None,
                },
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(removed)
    }

    /// The spaces `email` manages (but rejected ones: nothing to keep current), by name.
    pub async fn managed_spaces(&self, email: &str) -> Result<Vec<ManagedSpace>, DbError> {
        let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
            "SELECT s.id, s.slug, s.name, m.name, s.status FROM space_managers sm \
             JOIN spaces s ON s.id = sm.space_id \
             JOIN municipalities m ON m.istat_code = s.municipality_code \
             WHERE sm.email = $1 AND s.status <> 'rejected' ORDER BY s.name, s.id",
        )
        .bind(email)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, slug, name, municipality, status)| ManagedSpace {
                id,
                slug,
                name,
                municipality,
                status: SpaceStatus::from_code(&status).unwrap_or(SpaceStatus::Archived),
                proposal: None,
            })
            .collect())
    }

    /// Every (space, address) of every space's managers (an import's plan).
    pub async fn all_space_managers(
        &self,
    ) -> Result<std::collections::HashSet<(i64, String)>, DbError> {
        let rows: Vec<(i64, String)> = sqlx::query_as("SELECT space_id, email FROM space_managers")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().collect())
    }

    /// Every space's managers by its slug, each list in alphabetical order (the staff export).
    pub async fn managers_by_slug(
        &self,
    ) -> Result<std::collections::HashMap<String, Vec<String>>, DbError> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT s.slug, m.email FROM space_managers m JOIN spaces s ON s.id = m.space_id \
             ORDER BY s.slug, m.email",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut by_slug: std::collections::HashMap<String, Vec<String>> = Default::default();
        for (slug, email) in rows {
            by_slug.entry(slug).or_default().push(email);
        }
        Ok(by_slug)
    }

    /// Records the language `email` uses Spazi in, for the e-mails sent without a request of
    /// theirs (the yearly request to confirm). Nothing for an address that manages nothing.
    pub async fn set_manager_lang(&self, email: &str, lang: &str) -> Result<(), DbError> {
        sqlx::query("UPDATE space_managers SET lang = $1 WHERE email = $2 AND lang <> $1")
            .bind(lang)
            .bind(email)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Whether `email` manages space `space_id` (one that is not rejected).
    pub async fn manages(&self, email: &str, space_id: i64) -> Result<bool, DbError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT sm.space_id FROM space_managers sm JOIN spaces s ON s.id = sm.space_id \
             WHERE sm.email = $1 AND sm.space_id = $2 AND s.status <> 'rejected'",
        )
        .bind(email)
        .bind(space_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }

    /// Whether `email` manages a space (one that is not rejected).
    pub async fn is_manager(&self, email: &str) -> Result<bool, DbError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT sm.space_id FROM space_managers sm JOIN spaces s ON s.id = sm.space_id \
             WHERE sm.email = $1 AND s.status <> 'rejected' LIMIT 1",
        )
        .bind(email)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }
}
