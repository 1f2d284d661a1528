//! Staff review of join requests: the queue, one request with its duplicates, the decision
//! (space status, submission, audit and the e-mail to the submitter in one transaction), and
//! the survey's answers.

use super::audit::{insert_audit, AuditEntry};
use super::{Db, DbError};
use crate::backend::mail::Email;
use crate::core::model::{Decision, Need, SpaceStatus};
use crate::core::view::SubmissionRow;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    reference: String,
    space_id: i64,
    space_name: String,
    municipality: String,
    submitted_at: i64,
    decision: Option<String>,
}

impl From<Row> for SubmissionRow {
    fn from(r: Row) -> Self {
        SubmissionRow {
            id: r.id,
            reference: r.reference,
            space_id: r.space_id,
            space_name: r.space_name,
            municipality: r.municipality,
            submitted_at: r.submitted_at,
            decision: r.decision.as_deref().and_then(Decision::from_code),
        }
    }
}

const ROW_SELECT: &str = "SELECT sub.id, sub.reference, sub.space_id, s.name AS space_name, \
     m.name AS municipality, sub.submitted_at, sub.decision \
     FROM submissions sub JOIN spaces s ON s.id = sub.space_id \
     JOIN municipalities m ON m.istat_code = s.municipality_code";

/// The stored details of one request beyond its row.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SubmissionRecord {
    pub contact_name: String,
    pub contact_role: Option<String>,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub needs_json: String,
    pub needs_other: Option<String>,
    pub vision: Option<String>,
    pub consent_contact: i64,
    pub lang: String,
    pub decision_reason: Option<String>,
    pub decided_at: Option<i64>,
    pub tax_code: Option<String>,
    pub version: i64,
    /// The listing the request was merged into, when it was.
    pub merged_into: Option<i64>,
}

impl SubmissionRecord {
    pub fn needs(&self) -> Vec<Need> {
        serde_json::from_str::<Vec<String>>(&self.needs_json)
            .unwrap_or_default()
            .iter()
            .filter_map(|c| Need::from_code(c))
            .collect()
    }
}

/// A listing's status changed by a review (decided, reopened, merged away): its version moves
/// on, so a colleague's open edit form cannot put the old status back.
pub(super) async fn set_space_status(
    conn: &mut sqlx::AnyConnection,
    space_id: i64,
    status: SpaceStatus,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE spaces SET status = $1, updated_at = $2, version = version + 1 WHERE id = $3",
    )
    .bind(status.code())
    .bind(now)
    .bind(space_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl Db {
    /// The queue: requests waiting for a decision first (oldest first), then the decided ones
    /// (newest first).
    pub async fn submissions(&self) -> Result<Vec<SubmissionRow>, DbError> {
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "{ROW_SELECT} ORDER BY CASE WHEN sub.decision IS NULL THEN 0 ELSE 1 END, \
             CASE WHEN sub.decision IS NULL THEN sub.submitted_at ELSE -sub.submitted_at END, sub.id"
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// How many requests wait for a decision (the staff menu shows it).
    pub async fn submissions_to_review(&self) -> Result<i64, DbError> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM submissions WHERE decision IS NULL")
                .fetch_one(&self.pool)
                .await?;
        Ok(n)
    }

    pub async fn submission(
        &self,
        id: i64,
    ) -> Result<Option<(SubmissionRow, SubmissionRecord)>, DbError> {
        let row: Option<Row> = sqlx::query_as(&format!("{ROW_SELECT} WHERE sub.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let record: SubmissionRecord = sqlx::query_as(
            "SELECT sub.contact_name, sub.contact_role, sub.contact_email, sub.contact_phone, \
             sub.needs_json, sub.needs_other, sub.vision, sub.consent_contact, sub.lang, \
             sub.decision_reason, sub.decided_at, o.tax_code, sub.version, sub.merged_into \
             FROM submissions sub JOIN spaces s ON s.id = sub.space_id \
             LEFT JOIN organisations o ON o.id = s.organisation_id WHERE sub.id = $1",
        )
        .bind(id)
        .fetch_one(&self.pool)
        .await?;
        Ok(Some((row.into(), record)))
    }

    /// Records staff's decision on request `id`, if the request is still at version
    /// `expected` (the one the deciding page showed; `None` when acting from elsewhere): the
    /// space's status follows (published, pending, rejected), the decision and the space's
    /// status are audited, and the e-mail to the submitter is queued — all in one
    /// transaction. `Ok(false)` when there is no such request, it changed since, or it was
    /// merged into a listing (closed for good: its proposed space is archived).
    #[allow(clippy::too_many_arguments)]
    pub async fn decide_submission(
        &self,
        id: i64,
        decision: Decision,
        reason: Option<&str>,
        email: &Email,
        expected: Option<i64>,
        actor: (i64, &str),
        now: i64,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let touched = sqlx::query(
            "UPDATE submissions SET decision = $1, decision_reason = $2, decided_by = $3, \
             decided_at = $4, version = version + 1 WHERE id = $5 AND ($6 = 0 OR version = $6) \
             AND merged_into IS NULL",
        )
        .bind(decision.code())
        .bind(reason)
        .bind(actor.0)
        .bind(now)
        .bind(id)
        .bind(expected.unwrap_or(0))
        .execute(&mut *tx)
        .await?;
        if touched.rows_affected() == 0 {
            return Ok(false);
        }
        let (space_id, previous): (i64, String) = sqlx::query_as(
            "SELECT s.id, s.status FROM submissions sub JOIN spaces s ON s.id = sub.space_id \
             WHERE sub.id = $1",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        let status = match decision {
            Decision::Approved => SpaceStatus::Published,
            Decision::ChangesRequested => SpaceStatus::Pending,
            Decision::Rejected => SpaceStatus::Rejected,
        };
        set_space_status(&mut tx, space_id, status, now).await?;
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action: decision.code(),
                entity: "space",
                entity_id: Some(space_id),
                before: Some(serde_json::json!({ "status": previous })),
                after: Some(serde_json::json!({ "status": status.code(), "reason": reason })),
            },
            now,
        )
        .await?;
        super::enqueue(&mut tx, email, now).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The latest join request of space `id`, with its decision, if it came from one.
    pub async fn space_request(
        &self,
        space_id: i64,
    ) -> Result<Option<(i64, String, Option<Decision>)>, DbError> {
        let row: Option<(i64, String, Option<String>)> = sqlx::query_as(
            "SELECT id, reference, decision FROM submissions WHERE space_id = $1 \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(space_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(id, r, d)| (id, r, d.as_deref().and_then(Decision::from_code))))
    }

    /// Puts a decided request back in the queue (its space back to pending, off the map), as
    /// one audited change. Nothing is sent: there is nothing new to tell the submitter yet.
    pub async fn reopen_submission(
        &self,
        id: i64,
        actor: (i64, &str),
        now: i64,
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        // A request merged into a listing stays closed: its proposed space is archived.
        let row: Option<(i64, Option<String>, String)> = sqlx::query_as(
            "SELECT s.id, sub.decision, s.status FROM submissions sub \
             JOIN spaces s ON s.id = sub.space_id WHERE sub.id = $1 AND sub.merged_into IS NULL",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((space_id, decision, status)) = row else {
            return Ok(false);
        };
        sqlx::query(
            "UPDATE submissions SET decision = NULL, decision_reason = NULL, decided_by = NULL, \
             decided_at = NULL, version = version + 1 WHERE id = $1",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        set_space_status(&mut tx, space_id, SpaceStatus::Pending, now).await?;
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action: "reopened",
                entity: "space",
                entity_id: Some(space_id),
                before: Some(serde_json::json!({ "status": status, "decision": decision })),
                after: Some(serde_json::json!({ "status": "pending", "decision": null })),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The join requests merged into space `id` (id, reference), newest first.
    pub async fn merged_requests(&self, space_id: i64) -> Result<Vec<(i64, String)>, DbError> {
        Ok(sqlx::query_as(
            "SELECT id, reference FROM submissions WHERE merged_into = $1 ORDER BY id DESC",
        )
        .bind(space_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The survey answers of every request that was not rejected: (space name, needs, other
    /// needs, vision), oldest first.
    pub async fn survey_answers(&self) -> Result<Vec<(SubmissionRow, SubmissionRecord)>, DbError> {
        let ids: Vec<(i64,)> = sqlx::query_as(
            "SELECT id FROM submissions WHERE decision IS NULL OR decision <> 'rejected' ORDER BY submitted_at, id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(ids.len());
        for (id,) in ids {
            if let Some(s) = self.submission(id).await? {
                out.push(s);
            }
        }
        Ok(out)
    }
}
