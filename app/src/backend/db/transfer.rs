//! Moving an installation from SQLite to PostgreSQL (`server transfer --to postgres://…`):
//! every row of every table is copied, ids included, into a migrated and empty PostgreSQL
//! database in one transaction, then PostgreSQL's id sequences are moved past the copied ids.
//! Column types come from the destination's schema, so each value is read from SQLite as what
//! PostgreSQL expects.

use super::{Backend, Db, DbError};
use sqlx::Row;

/// Every table, in an order that satisfies the foreign keys (a test checks that it names every
/// table the migrations create).
pub const TABLES: [&str; 27] = [
    "municipalities",
    "organisations",
    "photos",
    "photo_uploads",
    "spaces",
    "space_kinds",
    "app_meta",
    "staff_users",
    "staff_sessions",
    "sign_in_attempts",
    "audit_log",
    "staff_invitations",
    "space_imports",
    "import_changes",
    "email_outbox",
    "email_bodies",
    "submissions",
    "rate_limit_events",
    "events",
    "rsvps",
    "event_follows",
    "space_managers",
    "manager_links",
    "manager_sessions",
    "space_revisions",
    "confirmation_requests",
    "manager_drafts",
];

/// Tables not copied: derived from the others and kept by triggers (`data_versions`, the
/// cached pages' versions, which the destination's migrations create and its triggers raise).
pub const DERIVED_TABLES: [&str; 1] = ["data_versions"];

/// Rows copied, per table.
pub type TransferReport = Vec<(&'static str, u64)>;

enum Value {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<String>),
    Bytes(Option<Vec<u8>>),
}

impl Db {
    /// Copies this SQLite database into `to`, a migrated, empty PostgreSQL database.
    pub async fn transfer_to(&self, to: &Db) -> Result<TransferReport, DbError> {
        if self.backend != Backend::Sqlite || to.backend != Backend::Postgres {
            return Err(DbError::Transfer(
                "transfer copies a SQLite database into a PostgreSQL one".into(),
            ));
        }
        let (existing,): (i64,) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM app_meta) + (SELECT COUNT(*) FROM spaces) \
             + (SELECT COUNT(*) FROM staff_users)",
        )
        .fetch_one(&to.pool)
        .await?;
        if existing > 0 {
            return Err(DbError::Transfer(
                "the PostgreSQL database is not empty: transfer into a new database".into(),
            ));
        }
        let mut report = Vec::new();
        let mut tx = to.pool.begin().await?;
        for table in TABLES {
            let columns: Vec<(String, String, String)> = sqlx::query_as(
                "SELECT column_name::text, data_type::text, is_identity::text \
                 FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 \
                 ORDER BY ordinal_position",
            )
            .bind(table)
            .fetch_all(&mut *tx)
            .await?;
            let names: Vec<&str> = columns.iter().map(|(n, _, _)| n.as_str()).collect();
            let identity = columns.iter().any(|(_, _, i)| i == "YES");
            let rows = sqlx::query(&format!("SELECT {} FROM {table}", names.join(", ")))
                .fetch_all(&self.pool)
                .await?;
            let insert = format!(
                "INSERT INTO {table} ({}) {}VALUES ({})",
                names.join(", "),
                if identity {
                    "OVERRIDING SYSTEM VALUE "
                } else {
                    ""
                },
                (1..=names.len())
                    .map(|i| format!("${i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            for row in &rows {
                let mut query = sqlx::query(&insert);
                for (i, (name, kind, _)) in columns.iter().enumerate() {
                    let value = match kind.as_str() {
                        "bigint" | "integer" | "smallint" => Value::Int(row.try_get(i)?),
                        "double precision" | "real" | "numeric" => Value::Real(row.try_get(i)?),
                        "text" | "character varying" => Value::Text(row.try_get(i)?),
                        "bytea" => Value::Bytes(row.try_get(i)?),
                        other => {
                            return Err(DbError::Transfer(format!(
                                "{table}.{name}: no copy rule for the type {other}"
                            )))
                        }
                    };
                    query = match value {
                        Value::Int(v) => query.bind(v),
                        Value::Real(v) => query.bind(v),
                        Value::Text(v) => query.bind(v),
                        Value::Bytes(v) => query.bind(v),
                    };
                }
                query.execute(&mut *tx).await?;
            }
            if identity {
                sqlx::query(&format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                     COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table}"
                ))
                .execute(&mut *tx)
                .await?;
            }
            report.push((table, rows.len() as u64));
        }
        tx.commit().await?;
        Ok(report)
    }
}
