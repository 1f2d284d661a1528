//! Stored imports: the uploaded file, then the progress and report of applying it. Progress
//! lives in the database so that any app server can show it and resume a stalled import.

use super::{Db, DbError};
use crate::core::model::SpaceStatus;
use crate::core::validate::space::ValidSpace;
use crate::core::view::{ImportListItem, ImportReport};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ImportRecord {
    pub id: i64,
    pub filename: String,
    /// The file as text (kept compressed: see `pack`).
    pub content: String,
    content_gz: Option<Vec<u8>>,
    pub new_status: String,
    pub created_at: i64,
    pub started_at: Option<i64>,
    pub rows_total: i64,
    pub rows_done: i64,
    pub beat_at: Option<i64>,
    pub finished_at: Option<i64>,
    pub report_json: Option<String>,
    pub include_archived: i64,
    pub reverted_at: Option<i64>,
    pub reverted_left: i64,
}

impl ImportRecord {
    pub fn new_status(&self) -> SpaceStatus {
        SpaceStatus::from_code(&self.new_status).unwrap_or(SpaceStatus::Pending)
    }

    pub fn options(&self) -> crate::backend::import::Options {
        crate::backend::import::Options {
            include_archived: self.include_archived != 0,
        }
    }

    pub fn report(&self) -> ImportReport {
        self.report_json
            .as_deref()
            .and_then(|j| serde_json::from_str(j).ok())
            .unwrap_or_default()
    }
}

impl Db {
    pub async fn create_import(
        &self,
        filename: &str,
        content: &str,
        new_status: SpaceStatus,
        options: crate::backend::import::Options,
        by: i64,
        now: i64,
    ) -> Result<i64, DbError> {
        let packed = pack(content);
        // In the writers' turn (see `write_one`).
        let mut tx = self.begin_write().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO space_imports (filename, content, content_gz, new_status, created_by, \
             created_at, include_archived) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(filename)
        .bind("")
        .bind(packed)
        .bind(new_status.code())
        .bind(by)
        .bind(now)
        .bind(i64::from(options.include_archived))
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn import_record(&self, id: i64) -> Result<Option<ImportRecord>, DbError> {
        Ok(sqlx::query_as(
            "SELECT id, filename, content, content_gz, new_status, created_at, started_at, \
             rows_total, rows_done, beat_at, finished_at, report_json, include_archived, \
             reverted_at, reverted_left \
             FROM space_imports WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .map(|mut record: ImportRecord| {
            if let Some(packed) = record.content_gz.take() {
                record.content = unpack(&packed);
            }
            record
        }))
    }

    /// The latest imports, newest first.
    pub async fn recent_imports(&self, limit: i64) -> Result<Vec<ImportListItem>, DbError> {
        #[derive(sqlx::FromRow)]
        struct Row {
            id: i64,
            filename: String,
            created_at: i64,
            email: Option<String>,
            finished_at: Option<i64>,
            reverted_at: Option<i64>,
        }
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT i.id, i.filename, i.created_at, u.email, i.finished_at, i.reverted_at \
             FROM space_imports i LEFT JOIN staff_users u ON u.id = i.created_by \
             ORDER BY i.id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| ImportListItem {
                id: r.id,
                filename: r.filename,
                created_at: r.created_at,
                by: r.email.unwrap_or_default(),
                finished: r.finished_at.is_some(),
                reverted: r.reverted_at.is_some(),
            })
            .collect())
    }

    /// Takes the import for applying: `true` when it was not started, or its worker has not
    /// beaten since `stale_before` (then this caller resumes it). Only one caller wins.
    pub async fn claim_import(
        &self,
        id: i64,
        total: i64,
        now: i64,
        stale_before: i64,
    ) -> Result<bool, DbError> {
        let claimed = self.write_one(sqlx::query(
            "UPDATE space_imports SET started_at = COALESCE(started_at, $1), beat_at = $1, \
             rows_total = $2, rows_done = 0 \
             WHERE id = $3 AND finished_at IS NULL AND (beat_at IS NULL OR beat_at < $4)",
        )
        .bind(now)
        .bind(total)
        .bind(id)
        .bind(stale_before))
        .await?;
        Ok(claimed.rows_affected() == 1)
    }

    pub async fn import_progress(&self, id: i64, done: i64, now: i64) -> Result<(), DbError> {
        self.write_one(
            sqlx::query("UPDATE space_imports SET rows_done = $1, beat_at = $2 WHERE id = $3")
                .bind(done)
                .bind(now)
                .bind(id),
        )
        .await?;
        Ok(())
    }

    pub async fn finish_import(
        &self,
        id: i64,
        report: &ImportReport,
        now: i64,
    ) -> Result<(), DbError> {
        self.write_one(
            sqlx::query(
                "UPDATE space_imports SET finished_at = $1, beat_at = $1, rows_done = rows_total, \
             report_json = $2 WHERE id = $3",
            )
            .bind(now)
            .bind(serde_json::to_string(report).unwrap_or_default())
            .bind(id),
        )
        .await?;
        Ok(())
    }
}

/// The changes an applied import made, newest first.
const CHANGES_OF_IMPORT: &str = "SELECT space_id, line, action, before_json, after_json, \
     version_after FROM import_changes WHERE import_id = $1 ORDER BY id DESC";

/// One change an applied import made, as recorded with it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ImportChange {
    pub space_id: i64,
    pub line: i64,
    pub action: String,
    pub before_json: Option<String>,
    pub after_json: String,
    pub version_after: i64,
}

/// A recorded change whose space is no longer as the import left it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedSince {
    pub space_id: i64,
    pub line: i64,
    /// The space's name now (`None` when it was deleted).
    pub name: Option<String>,
}

/// What reverting an import would do, or did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RevertPlan {
    /// Spaces the import created, to delete.
    pub remove: i64,
    /// Spaces the import updated, to put back as they were.
    pub restore: i64,
    /// Changes that cannot be reverted blindly: the space changed since (or, for a created
    /// one, is used as an event's venue).
    pub changed_since: Vec<ChangedSince>,
}

/// What asking to revert came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Reverted {
    Done(RevertPlan),
    /// Some spaces changed since and the caller did not agree to leave them: nothing done.
    Blocked(RevertPlan),
    /// Not finished, or already reverted.
    NotRevertable,
}

impl Db {
    /// The changes an import made, newest first.
    pub async fn import_changes(&self, id: i64) -> Result<Vec<ImportChange>, DbError> {
        Ok(sqlx::query_as(CHANGES_OF_IMPORT)
            .bind(id)
            .fetch_all(&self.pool)
            .await?)
    }

    /// What reverting import `id` would do now.
    pub async fn revert_plan(&self, id: i64) -> Result<RevertPlan, DbError> {
        let changes = self.import_changes(id).await?;
        revert_plan(&mut *self.pool.acquire().await?, &changes).await
    }

    /// Reverts applied import `id` in one transaction: the spaces it created are deleted, the
    /// ones it updated get their earlier values back (a new version, audited as
    /// `import-revert`). A space changed since the import is left alone: when there are such
    /// spaces, nothing is done unless `leave_changed`. Audited as a whole too.
    pub async fn revert_import(
        &self,
        id: i64,
        leave_changed: bool,
        actor: (i64, &str),
        now: i64,
    ) -> Result<Reverted, DbError> {
        let mut tx = self.begin_write().await?;
        let state: Option<(Option<i64>, Option<i64>)> =
            sqlx::query_as("SELECT finished_at, reverted_at FROM space_imports WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        if !matches!(state, Some((Some(_), None))) {
            return Ok(Reverted::NotRevertable);
        }
        let changes: Vec<ImportChange> = sqlx::query_as(CHANGES_OF_IMPORT)
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
        let plan = revert_plan(&mut tx, &changes).await?;
        if !plan.changed_since.is_empty() && !leave_changed {
            tx.rollback().await?;
            return Ok(Reverted::Blocked(plan));
        }
        let left: std::collections::HashSet<i64> =
            plan.changed_since.iter().map(|c| c.space_id).collect();
        for change in changes.iter().filter(|c| !left.contains(&c.space_id)) {
            let after: Option<ValidSpace> = serde_json::from_str(&change.after_json).ok();
            // The audit entry: what the space loses (a creation) or which fields go back.
            let (old, new) = match change.action.as_str() {
                "create" => {
                    sqlx::query("DELETE FROM space_kinds WHERE space_id = $1")
                        .bind(change.space_id)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("DELETE FROM spaces WHERE id = $1")
                        .bind(change.space_id)
                        .execute(&mut *tx)
                        .await?;
                    (after.and_then(|a| serde_json::to_value(a).ok()), None)
                }
                _ => {
                    let Some(before) = change
                        .before_json
                        .as_deref()
                        .and_then(|b| serde_json::from_str::<ValidSpace>(b).ok())
                    else {
                        continue;
                    };
                    sqlx::query("UPDATE spaces SET version = version + 1 WHERE id = $1")
                        .bind(change.space_id)
                        .execute(&mut *tx)
                        .await?;
                    super::staff_spaces::write_space(&mut tx, change.space_id, &before, now)
                        .await?;
                    match after {
                        Some(after) => {
                            let (old, new) = super::staff_spaces::diff(&after, &before);
                            (Some(old), Some(new))
                        }
                        None => (None, serde_json::to_value(&before).ok()),
                    }
                }
            };
            super::audit::insert_audit(
                &mut tx,
                &super::audit::AuditEntry {
                    actor_id: Some(actor.0),
                    actor_email: actor.1,
                    action: "import-revert",
                    entity: "space",
                    entity_id: Some(change.space_id),
                    before: old,
                    after: new,
                },
                now,
            )
            .await?;
        }
        sqlx::query(
            "UPDATE space_imports SET reverted_at = $1, reverted_by = $2, reverted_left = $4 \
             WHERE id = $3",
        )
        .bind(now)
        .bind(actor.0)
        .bind(id)
        .bind(plan.changed_since.len() as i64)
        .execute(&mut *tx)
        .await?;
        super::audit::insert_audit(
            &mut tx,
            &super::audit::AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action: "revert",
                entity: "import",
                entity_id: Some(id),
                before: None,
                after: Some(serde_json::json!({
                    "removed": plan.remove,
                    "restored": plan.restore,
                    "left_as_they_are": plan.changed_since.iter().map(|c| c.space_id).collect::<Vec<_>>(),
                })),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Reverted::Done(plan))
    }

    /// Spaces whose join request waits for a decision or for the changes staff asked for.
    pub async fn spaces_under_review(&self) -> Result<std::collections::HashSet<i64>, DbError> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT DISTINCT space_id FROM submissions \
             WHERE decision IS NULL OR decision = 'changes-requested'",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// (space, field) pairs whose latest change, in the audit trail, was made by hand in the
    /// staff area (a form save or creation) rather than by an import or its revert.
    pub async fn hand_edited_fields(
        &self,
    ) -> Result<std::collections::HashSet<(i64, String)>, DbError> {
        use futures_util::TryStreamExt;
        // Row by row: the trail of a large directory is tens of megabytes of JSON, and only
        // the (space, field) pairs are kept.
        let mut rows = sqlx::query_as::<_, (Option<i64>, String, Option<String>)>(
            "SELECT entity_id, action, after_json FROM audit_log WHERE entity = 'space' \
             AND action IN ('create', 'update', 'import', 'import-revert') ORDER BY id",
        )
        .fetch(&self.pool);
        let mut set = std::collections::HashSet::new();
        while let Some((id, action, after)) = rows.try_next().await? {
            let (Some(id), Some(after)) = (id, after) else {
                continue;
            };
            let Ok(serde_json::Value::Object(fields)) = serde_json::from_str(&after) else {
                continue;
            };
            let by_hand = matches!(action.as_str(), "create" | "update");
            for key in fields.keys() {
                if by_hand {
                    set.insert((id, key.clone()));
                } else {
                    set.remove(&(id, key.clone()));
                }
            }
        }
        Ok(set)
    }
}

/// Which recorded changes can be reverted blindly.
async fn revert_plan(
    conn: &mut sqlx::AnyConnection,
    changes: &[ImportChange],
) -> Result<RevertPlan, DbError> {
    let mut plan = RevertPlan::default();
    for change in changes {
        let now: Option<(i64, String)> =
            sqlx::query_as("SELECT version, name FROM spaces WHERE id = $1")
                .bind(change.space_id)
                .fetch_optional(&mut *conn)
                .await?;
        let venue = if change.action == "create" {
            let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM events WHERE space_id = $1")
                .bind(change.space_id)
                .fetch_one(&mut *conn)
                .await?;
            n > 0
        } else {
            false
        };
        match now {
            Some((version, _)) if version == change.version_after && !venue => {
                if change.action == "create" {
                    plan.remove += 1;
                } else {
                    plan.restore += 1;
                }
            }
            other => plan.changed_since.push(ChangedSince {
                space_id: change.space_id,
                line: change.line,
                name: other.map(|(_, n)| n),
            }),
        }
    }
    plan.changed_since.sort_by_key(|c| c.line);
    Ok(plan)
}

/// An import's file as stored: gzip. Files of spaces compress several times over, and a file
/// of megabytes written or read as one value was copied several times on its way (the
/// database driver's arguments, SQLite's binding and record): under a burst of uploads those
/// copies were most of the server's memory.
fn pack(text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    // Writing to a Vec cannot fail.
    let _ = gzip.write_all(text.as_bytes());
    gzip.finish().unwrap_or_default()
}

/// The file `pack` stored; what cannot be read back (it never happens) is an empty file,
/// whose preview says so. Bounded: a file is at most 5 MB, three times that as UTF-8 text.
fn unpack(packed: &[u8]) -> String {
    use std::io::Read;
    let limit = 3 * crate::backend::import::MAX_FILE_BYTES as u64 + 16;
    let mut text = String::new();
    match flate2::read::GzDecoder::new(packed)
        .take(limit)
        .read_to_string(&mut text)
    {
        Ok(_) => text,
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_stored_file_reads_back_as_it_was() {
        let text = "nome;comune\nCittà;Bologna\n".repeat(1000);
        let packed = super::pack(&text);
        assert!(packed.len() * 10 < text.len(), "{}", packed.len());
        assert_eq!(super::unpack(&packed), text);
        assert_eq!(super::unpack(b"not gzip"), "");
    }
}
