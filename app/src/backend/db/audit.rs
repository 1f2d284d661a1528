//! The audit trail: who changed what, when, with the values before and after.

use super::{Db, DbError};

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
    crate::core::view::AuditView {
        at: r.at,
        actor: r.actor_email,
        action: r.action,
        entity_id: r.entity_id,
        changes: change_list(&parse(&r.before_json), &parse(&r.after_json)),
    }
}

/// (field, before, after) of two JSON objects of changed fields (see `diff`), values as text
/// (`—` for none, compact JSON for lists), for the pages to put in words.
pub fn change_list(
    before: &serde_json::Map<String, serde_json::Value>,
    after: &serde_json::Map<String, serde_json::Value>,
) -> Vec<(String, String, String)> {
    let show = |v: Option<&serde_json::Value>| match v {
        None | Some(serde_json::Value::Null) => "—".to_owned(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    after
        .keys()
        .chain(before.keys().filter(|k| !after.contains_key(*k)))
        .map(|k| (k.clone(), show(before.get(k)), show(after.get(k))))
        .collect()
}

impl Db {
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
