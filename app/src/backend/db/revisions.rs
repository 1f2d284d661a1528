//! The SQL of the changes managers propose to their listing: stored beside the listing (which
//! stays as it is), one waiting per space (a newer one supersedes it), then approved — the
//! listing written, audited and the manager e-mailed in one transaction — or rejected with a
//! reason.

use super::audit::{insert_audit, AuditEntry};
use super::outbox::enqueue;
use super::staff_spaces::{confirm_space, diff, write_space};
use super::{Db, DbError};
use crate::backend::mail::Email;
use crate::core::validate::space::ValidSpace;

/// A proposed change, as stored.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct RevisionRecord {
    pub id: i64,
    pub space_id: i64,
    pub email: String,
    pub lang: String,
    pub base_json: String,
    pub proposed_json: String,
    pub created_at: i64,
    pub status: String,
    pub reason: Option<String>,
    pub decided_at: Option<i64>,
}

/// A proposal with its space's name.
#[derive(sqlx::FromRow)]
struct NamedRevision {
    #[sqlx(flatten)]
    record: RevisionRecord,
    space_name: String,
}

const REVISION_SELECT: &str = "SELECT id, space_id, email, lang, base_json, proposed_json, \
    created_at, status, reason, decided_at FROM space_revisions";

/// What approving a proposal came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approved {
    Done,
    /// The listing changed since the page that approved it was shown: nothing written.
    Stale,
    /// The proposal was decided already, superseded, or is not there.
    Gone,
}

impl Db {
    /// Stores `email`'s proposal for space `space_id` (the form's values as shown and as sent,
    /// serialised) and supersedes the one waiting, if any — only while the address manages the
    /// space (checked in the same transaction). Audited, the manager as actor. Its id, or
    /// `None` when the address no longer manages the space.
    #[allow(clippy::too_many_arguments)]
    pub async fn propose_revision(
        &self,
        space_id: i64,
        email: &str,
        lang: &str,
        (base_json, proposed_json): (&str, &str),
        changed: serde_json::Value,
        now: i64,
    ) -> Result<Option<i64>, DbError> {
        let mut tx = self.begin_write().await?;
        let manages: Option<(i64,)> = sqlx::query_as(
            "SELECT space_id FROM space_managers WHERE space_id = $1 AND email = $2",
        )
        .bind(space_id)
        .bind(email)
        .fetch_optional(&mut *tx)
        .await?;
        if manages.is_none() {
            return Ok(None);
        }
        sqlx::query(
            "UPDATE space_revisions SET status = 'superseded' \
             WHERE space_id = $1 AND status = 'pending'",
        )
        .bind(space_id)
        .execute(&mut *tx)
        .await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO space_revisions (space_id, email, lang, base_json, proposed_json, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(space_id)
        .bind(email)
        .bind(lang)
        .bind(base_json)
        .bind(proposed_json)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: None,
                actor_email: email,
                action: "revision_proposed",
                entity: "space",
                entity_id: Some(space_id),
                before: None,
                after: Some(changed),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    pub async fn revision(&self, id: i64) -> Result<Option<RevisionRecord>, DbError> {
        Ok(sqlx::query_as(&format!("{REVISION_SELECT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// The latest proposal for space `space_id` that was not superseded.
    pub async fn latest_revision(&self, space_id: i64) -> Result<Option<RevisionRecord>, DbError> {
        Ok(sqlx::query_as(&format!(
            "{REVISION_SELECT} WHERE space_id = $1 AND status <> 'superseded' \
             ORDER BY id DESC LIMIT 1"
        ))
        .bind(space_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// How many proposals wait for staff.
    pub async fn revisions_to_review(&self) -> Result<i64, DbError> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM space_revisions WHERE status = 'pending'")
                .fetch_one(&self.pool)
                .await?;
        Ok(n)
    }

    /// The proposals waiting for staff, oldest first, with their space's name.
    pub async fn pending_revisions(&self) -> Result<Vec<(RevisionRecord, String)>, DbError> {
        self.named_revisions("r.status = 'pending' ORDER BY r.created_at, r.id", None)
            .await
    }

    /// The proposals `condition` selects (on `space_revisions r`, `$1` bound to `bind`), with
    /// their space's name (one query).
    async fn named_revisions(
        &self,
        condition: &str,
        bind: Option<i64>,
    ) -> Result<Vec<(RevisionRecord, String)>, DbError> {
        let query = format!(
            "SELECT r.id, r.space_id, r.email, r.lang, r.base_json, r.proposed_json, \
             r.created_at, r.status, r.reason, r.decided_at, s.name AS space_name \
             FROM space_revisions r JOIN spaces s ON s.id = r.space_id WHERE {condition}"
        );
        let mut q = sqlx::query_as::<_, NamedRevision>(&query);
        if let Some(bind) = bind {
            q = q.bind(bind);
        }
        Ok(q.fetch_all(&self.pool)
            .await?
            .into_iter()
            .map(|r| (r.record, r.space_name))
            .collect())
    }

    /// Proposal `id` once decided (approved or rejected) with its space's name: what the
    /// staff's list names after a decision, read from the database rather than the address.
    pub async fn decided_revision(
        &self,
        id: i64,
    ) -> Result<Option<(RevisionRecord, String)>, DbError> {
        Ok(self
            .named_revisions(
                "r.id = $1 AND r.status IN ('approved', 'rejected')",
                Some(id),
            )
            .await?
            .pop())
    }

    /// Approves proposal `id`: the listing becomes `v` (the manager's changes over the listing
    /// as staff saw it, at `expected`), the proposal is closed, the change audited (the
    /// fields as before and after) and `mail` queued — one transaction.
    pub async fn approve_revision(
        &self,
        id: i64,
        v: &ValidSpace,
        expected: i64,
        actor: (i64, &str),
        mail: &Email,
        now: i64,
    ) -> Result<Approved, DbError> {
        let staff = (Some(actor.0), actor.1, "revision_approved");
        self.publish_revision(id, v, expected, staff, Some(mail), now)
            .await
    }

    /// Publishes proposal `id` of a space whose managers staff trust, as its manager: an
    /// approval marked `by_manager`, audited as `manager`'s. Only while the space
    /// is still trusted (checked in the same transaction); else `Gone`, and it waits for staff.
    pub async fn publish_trusted_revision(
        &self,
        id: i64,
        v: &ValidSpace,
        expected: i64,
        manager: &str,
        now: i64,
    ) -> Result<Approved, DbError> {
        let actor = (None, manager, "revision_published");
        self.publish_revision(id, v, expected, actor, None, now)
            .await
    }

    async fn publish_revision(
        &self,
        id: i64,
        v: &ValidSpace,
        expected: i64,
        (actor_id, actor_email, action): (Option<i64>, &str, &str),
        mail: Option<&Email>,
        now: i64,
    ) -> Result<Approved, DbError> {
        let Some(revision) = self.revision(id).await? else {
            return Ok(Approved::Gone);
        };
        let Some(before) = self.staff_space(revision.space_id).await? else {
            return Ok(Approved::Gone);
        };
        if before.version != expected {
            return Ok(Approved::Stale);
        }
        let mut tx = self.begin_write().await?;
        // A manager publishes only on a space still trusted, at this moment.
        let trusted = if actor_id.is_some() {
            ""
        } else {
            " AND EXISTS (SELECT 1 FROM spaces s WHERE s.id = space_revisions.space_id \
               AND s.managers_trusted = 1)"
        };
        let closed = sqlx::query(&format!(
            "UPDATE space_revisions SET status = 'approved', decided_by = $1, decided_at = $2, \
             by_manager = $4 WHERE id = $3 AND status = 'pending'{trusted}"
        ))
        .bind(actor_id)
        .bind(now)
        .bind(id)
        .bind(i64::from(actor_id.is_none()))
        .execute(&mut *tx)
        .await?;
        if closed.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(Approved::Gone);
        }
        let claimed =
            sqlx::query("UPDATE spaces SET version = version + 1 WHERE id = $1 AND version = $2")
                .bind(revision.space_id)
                .bind(expected)
                .execute(&mut *tx)
                .await?;
        if claimed.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(Approved::Stale);
        }
        write_space(&mut tx, revision.space_id, v, now).await?;
        confirm_space(&mut tx, revision.space_id, now).await?;
        let (old, new) = diff(&before.current, v);
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id,
                actor_email,
                action,
                entity: "space",
                entity_id: Some(revision.space_id),
                before: Some(old),
                after: Some(new),
            },
            now,
        )
        .await?;
        if let Some(mail) = mail {
            enqueue(&mut tx, mail, now).await?;
        }
        tx.commit().await?;
        Ok(Approved::Done)
    }

    /// Each proposal with its space's name.
    /// Whether staff trust the managers of space `space_id` to publish their changes at once.
    pub async fn managers_trusted(&self, space_id: i64) -> Result<bool, DbError> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT managers_trusted FROM spaces WHERE id = $1")
                .bind(space_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.is_some_and(|(t,)| t == 1))
    }

    /// Staff trust (or stop trusting) the managers of space `space_id`; audited. `false` when
    /// nothing changed (already so, or no such space).
    pub async fn set_managers_trusted(
        &self,
        space_id: i64,
        trusted: bool,
        actor: (i64, &str),
        now: i64,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE spaces SET managers_trusted = $1 WHERE id = $2 AND managers_trusted <> $1",
        )
        .bind(i64::from(trusted))
        .bind(space_id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        if changed {
            insert_audit(
                &mut tx,
                &AuditEntry {
                    actor_id: Some(actor.0),
                    actor_email: actor.1,
                    action: "managers_trusted",
                    entity: "space",
                    entity_id: Some(space_id),
                    before: Some(serde_json::json!({ "managers_trusted": !trusted })),
                    after: Some(serde_json::json!({ "managers_trusted": trusted })),
                },
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(changed)
    }

    /// The proposals managers of trusted spaces published themselves since `since`, newest
    /// first, with their space's name.
    pub async fn published_by_managers(
        &self,
        since: i64,
    ) -> Result<Vec<(RevisionRecord, String)>, DbError> {
        self.named_revisions(
            "r.status = 'approved' AND r.by_manager = 1 AND r.decided_at >= $1 \
             ORDER BY r.decided_at DESC, r.id DESC LIMIT 100",
            Some(since),
        )
        .await
    }

    /// Rejects proposal `id` with `reason` (the listing stays), audited, `mail` queued.
    /// `false` when it was decided already or superseded.
    pub async fn reject_revision(
        &self,
        id: i64,
        reason: &str,
        actor: (i64, &str),
        mail: &Email,
        now: i64,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let row: Option<(i64,)> = sqlx::query_as(
            "UPDATE space_revisions SET status = 'rejected', reason = $1, decided_by = $2, \
             decided_at = $3 WHERE id = $4 AND status = 'pending' RETURNING space_id",
        )
        .bind(reason)
        .bind(actor.0)
        .bind(now)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((space_id,)) = row else {
            tx.rollback().await?;
            return Ok(false);
        };
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action: "revision_rejected",
                entity: "space",
                entity_id: Some(space_id),
                before: None,
                after: Some(serde_json::json!({ "reason": reason })),
            },
            now,
        )
        .await?;
        enqueue(&mut tx, mail, now).await?;
        tx.commit().await?;
        Ok(true)
    }
}
