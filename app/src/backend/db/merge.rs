//! Merging a join request into the space of the map it repeats: the existing listing takes
//! the values staff chose from the request, the request is closed (approved, `merged_into`
//! naming the listing), the space the request proposed is archived, the submitter is
//! e-mailed — one transaction, audited, and only over the versions staff saw.

use super::audit::{insert_audit, AuditEntry};
use super::staff_spaces::{diff, write_space};
use super::{Db, DbError};
use crate::backend::mail::Email;
use crate::core::model::{Decision, SpaceStatus};
use crate::core::validate::space::ValidSpace;

/// What merging came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merged {
    Done,
    /// The request was decided, or the listing changed, since the page was shown: nothing done.
    Stale,
    /// Not a request that can be merged there (unknown, the request's own space, a rejected
    /// listing).
    Refused,
}

impl Db {
    /// Merges request `request` (at version `.1`) into space `target` (at version `.1`),
    /// which takes the values `merged`; `email` tells the submitter.
    pub async fn merge_request(
        &self,
        request: (i64, i64),
        target: (i64, i64),
        merged: &ValidSpace,
        email: &Email,
        actor: (i64, &str),
        now: i64,
    ) -> Result<Merged, DbError> {
        let Some(before) = self.staff_space(target.0).await? else {
            return Ok(Merged::Refused);
        };
        if before.status == SpaceStatus::Rejected {
            return Ok(Merged::Refused);
        }
        if before.version != target.1 {
            return Ok(Merged::Stale);
        }
        let mut tx = self.begin_write().await?;
        let own: Option<(i64, Option<String>, i64)> =
            sqlx::query_as("SELECT space_id, decision, version FROM submissions WHERE id = $1")
                .bind(request.0)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((own, decision, version)) = own else {
            return Ok(Merged::Refused);
        };
        if own == target.0 {
            return Ok(Merged::Refused);
        }
        if decision.is_some() || version != request.1 {
            return Ok(Merged::Stale);
        }
        let closed = sqlx::query(
            "UPDATE submissions SET decision = $1, decision_reason = NULL, merged_into = $2, \
             decided_by = $3, decided_at = $4, version = version + 1 \
             WHERE id = $5 AND version = $6 AND decision IS NULL",
        )
        .bind(Decision::Approved.code())
        .bind(target.0)
        .bind(actor.0)
        .bind(now)
        .bind(request.0)
        .bind(request.1)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // The listing's version check and write lock in one statement.
        let claimed =
            sqlx::query("UPDATE spaces SET version = version + 1 WHERE id = $1 AND version = $2")
                .bind(target.0)
                .bind(target.1)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if closed == 0 || claimed == 0 {
            tx.rollback().await?;
            return Ok(Merged::Stale);
        }
        let (old, new) = diff(&before.current, merged);
        write_space(&mut tx, target.0, merged, now).await?;
        let audit = |entity_id: i64, action: &'static str, before, after| AuditEntry {
            actor_id: Some(actor.0),
            actor_email: actor.1,
            action,
            entity: "space",
            entity_id: Some(entity_id),
            before: Some(before),
            after: Some(after),
        };
        insert_audit(&mut tx, &audit(target.0, "merge", old, new), now).await?;
        let (previous,): (String,) = sqlx::query_as("SELECT status FROM spaces WHERE id = $1")
            .bind(own)
            .fetch_one(&mut *tx)
            .await?;
        super::review::set_space_status(&mut tx, own, SpaceStatus::Archived, now).await?;
        insert_audit(
            &mut tx,
            &audit(
                own,
                "merge",
                serde_json::json!({ "status": previous }),
                serde_json::json!({ "status": SpaceStatus::Archived.code() }),
            ),
            now,
        )
        .await?;
        super::enqueue(&mut tx, email, now).await?;
        tx.commit().await?;
        Ok(Merged::Done)
    }
}
