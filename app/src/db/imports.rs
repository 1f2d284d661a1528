//! Stored imports: the uploaded file, then the progress and report of applying it. Progress
//! lives in the database so that any app server can show it and resume a stalled import.

use super::{Db, DbError};
use crate::model::{ImportListItem, ImportReport, SpaceStatus};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ImportRecord {
    pub id: i64,
    pub filename: String,
    pub content: String,
    pub new_status: String,
    pub created_at: i64,
    pub started_at: Option<i64>,
    pub rows_total: i64,
    pub rows_done: i64,
    pub beat_at: Option<i64>,
    pub finished_at: Option<i64>,
    pub report_json: Option<String>,
}

impl ImportRecord {
    pub fn new_status(&self) -> SpaceStatus {
        SpaceStatus::from_code(&self.new_status).unwrap_or(SpaceStatus::Pending)
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
        by: i64,
        now: i64,
    ) -> Result<i64, DbError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO space_imports (filename, content, new_status, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(filename)
        .bind(content)
        .bind(new_status.code())
        .bind(by)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(id)
    }

    pub async fn import_record(&self, id: i64) -> Result<Option<ImportRecord>, DbError> {
        Ok(sqlx::query_as(
            "SELECT id, filename, content, new_status, created_at, started_at, rows_total, \
             rows_done, beat_at, finished_at, report_json FROM space_imports WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
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
        }
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT i.id, i.filename, i.created_at, u.email, i.finished_at \
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
        let claimed = sqlx::query(
            "UPDATE space_imports SET started_at = COALESCE(started_at, $1), beat_at = $1, \
             rows_total = $2, rows_done = 0 \
             WHERE id = $3 AND finished_at IS NULL AND (beat_at IS NULL OR beat_at < $4)",
        )
        .bind(now)
        .bind(total)
        .bind(id)
        .bind(stale_before)
        .execute(&self.pool)
        .await?;
        Ok(claimed.rows_affected() == 1)
    }

    pub async fn import_progress(&self, id: i64, done: i64, now: i64) -> Result<(), DbError> {
        sqlx::query("UPDATE space_imports SET rows_done = $1, beat_at = $2 WHERE id = $3")
            .bind(done)
            .bind(now)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn finish_import(
        &self,
        id: i64,
        report: &ImportReport,
        now: i64,
    ) -> Result<(), DbError> {
        sqlx::query(
            "UPDATE space_imports SET finished_at = $1, beat_at = $1, rows_done = rows_total, \
             report_json = $2 WHERE id = $3",
        )
        .bind(now)
        .bind(serde_json::to_string(report).unwrap_or_default())
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
