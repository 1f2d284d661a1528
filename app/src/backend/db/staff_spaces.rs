//! Staff editing of spaces: load one space as form values, save a validated form, change the
//! review status — each change audited (changed fields, before and after) in the same
//! transaction.

use super::audit::{insert_audit, AuditEntry};
use super::{Db, DbError};
use crate::core::model::{PositionPrecision, SpaceKind, SpaceStatus};
use crate::core::validate::space::ValidSpace;
use serde_json::{Map, Value};

/// One space as the staff edit page needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffSpace {
    pub id: i64,
    pub slug: String,
    pub status: SpaceStatus,
    /// Raised by every staff change: a form sends back the version it showed.
    pub version: i64,
    pub current: ValidSpace,
}

/// What a save over a space came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Saved (or nothing to change); the space's version now.
    Done { version: i64 },
    /// Someone changed the space after the version the form was read at: nothing was written;
    /// the space as it is now.
    Stale(Box<StaffSpace>),
    /// No such space.
    Missing,
}

/// An import row that made a change, recorded with it so the import can be reverted.
#[derive(Debug, Clone, Copy)]
pub struct ImportMark {
    pub import_id: i64,
    pub line: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    slug: String,
    status: String,
    version: i64,
    name: String,
    description: Option<String>,
    address: Option<String>,
    municipality_code: String,
    lat: f64,
    lon: f64,
    position_precision: String,
    website: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    org_name: Option<String>,
    org_kind: Option<String>,
    org_website: Option<String>,
    org_description: Option<String>,
    opening_hours: Option<String>,
    services: Option<String>,
    photo: Option<String>,
    photo_alt: Option<String>,
}

const STAFF_SPACE_SELECT: &str =
    "SELECT s.id, s.slug, s.status, s.version, s.name, s.description, s.address, \
     s.municipality_code, s.lat, s.lon, s.position_precision, s.website, s.email, s.phone, \
     o.name AS org_name, o.kind AS org_kind, o.website AS org_website, \
     o.description AS org_description, s.opening_hours, s.services, s.photo, s.photo_alt \
     FROM spaces s LEFT JOIN organisations o ON o.id = s.organisation_id";

impl Row {
    fn into_space(self, kinds: impl IntoIterator<Item = String>) -> StaffSpace {
        let r = self;
        let mut kinds: Vec<SpaceKind> = kinds
            .into_iter()
            .filter_map(|k| SpaceKind::from_code(&k))
            .collect();
        kinds.sort();
        StaffSpace {
            id: r.id,
            slug: r.slug,
            status: SpaceStatus::from_code(&r.status).unwrap_or(SpaceStatus::Pending),
            version: r.version,
            current: ValidSpace {
                name: r.name,
                kinds,
                description: r.description,
                address: r.address,
                municipality: r.municipality_code,
                lat: r.lat,
                lon: r.lon,
                precision: PositionPrecision::from_code(&r.position_precision)
                    .unwrap_or(PositionPrecision::Approximate),
                website: r.website,
                email: r.email,
                phone: r.phone,
                organisation: r.org_name,
                organisation_kind: r
                    .org_kind
                    .as_deref()
                    .and_then(crate::core::model::OrganisationKind::from_code),
                organisation_website: r.org_website,
                organisation_description: r.org_description,
                opening_hours: r.opening_hours,
                services: r.services,
                photo: r.photo,
                photo_alt: r.photo_alt,
            },
        }
    }
}

/// The fields that differ between two versions, as (before, after) JSON objects.
pub fn diff<T: serde::Serialize>(before: &T, after: &T) -> (Value, Value) {
    let as_map = |v: &T| match serde_json::to_value(v) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    let (b, a) = (as_map(before), as_map(after));
    let mut old = Map::new();
    let mut new = Map::new();
    for (key, value) in &a {
        let previous = b.get(key).cloned().unwrap_or(Value::Null);
        if &previous != value {
            old.insert(key.clone(), previous);
            new.insert(key.clone(), value.clone());
        }
    }
    (Value::Object(old), Value::Object(new))
}

impl Db {
    /// A space of any status, for staff.
    pub async fn staff_space(&self, id: i64) -> Result<Option<StaffSpace>, DbError> {
        let row: Option<Row> = sqlx::query_as(&format!("{STAFF_SPACE_SELECT} WHERE s.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(r) = row else { return Ok(None) };
        let kinds: Vec<(String,)> =
            sqlx::query_as("SELECT kind FROM space_kinds WHERE space_id = $1")
                .bind(id)
                .fetch_all(&self.pool)
                .await?;
        Ok(Some(r.into_space(kinds.into_iter().map(|(k,)| k))))
    }

    /// Every space of any status, for staff (the importer matches rows against them).
    pub async fn all_staff_spaces(&self) -> Result<Vec<StaffSpace>, DbError> {
        let rows: Vec<Row> = sqlx::query_as(&format!("{STAFF_SPACE_SELECT} ORDER BY s.id"))
            .fetch_all(&self.pool)
            .await?;
        let kinds: Vec<(i64, String)> = sqlx::query_as("SELECT space_id, kind FROM space_kinds")
            .fetch_all(&self.pool)
            .await?;
        let mut by_space: std::collections::HashMap<i64, Vec<String>> = Default::default();
        for (id, kind) in kinds {
            by_space.entry(id).or_default().push(kind);
        }
        Ok(rows
            .into_iter()
            .map(|r| {
                let kinds = by_space.remove(&r.id).unwrap_or_default();
                r.into_space(kinds)
            })
            .collect())
    }

    /// Saves a validated form over space `id`, if the space is still at `expected` (the
    /// version the form was read at). The organisation linked to the space is updated (or
    /// created); the audit entry lists the fields that changed. The municipality must exist
    /// (checked by the caller).
    pub async fn update_space(
        &self,
        id: i64,
        v: &ValidSpace,
        expected: i64,
        actor: (i64, &str),
        now: i64,
    ) -> Result<Saved, DbError> {
        self.update_space_as(id, v, expected, actor, "update", now, None)
            .await
    }

    /// [`Db::update_space`], recorded in the audit trail as `action` (an import, say), and in
    /// the import's changes when `mark` is given.
    #[allow(clippy::too_many_arguments)]
    pub async fn update_space_as(
        &self,
        id: i64,
        v: &ValidSpace,
        expected: i64,
        actor: (i64, &str),
        action: &str,
        now: i64,
        mark: Option<ImportMark>,
    ) -> Result<Saved, DbError> {
        let Some(before) = self.staff_space(id).await? else {
            return Ok(Saved::Missing);
        };
        if before.version != expected {
            return Ok(Saved::Stale(Box::new(before)));
        }
        let (old, new) = diff(&before.current, v);
        if new.as_object().is_some_and(Map::is_empty) {
            return Ok(Saved::Done { version: expected });
        }
        let mut tx = self.begin_write().await?;
        // The version check and the write lock in one statement: `before` is what is stored
        // until this transaction ends, or nothing is written.
        let claimed =
            sqlx::query("UPDATE spaces SET version = version + 1 WHERE id = $1 AND version = $2")
                .bind(id)
                .bind(expected)
                .execute(&mut *tx)
                .await?;
        if claimed.rows_affected() == 0 {
            tx.rollback().await?;
            return self.stale_or_missing(id).await;
        }
        write_space(&mut tx, id, v, now).await?;
        // Saved by staff by hand: the listing is confirmed (an import's row is not).
        if action == "update" {
            confirm_space(&mut tx, id, now).await?;
        }
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action,
                entity: "space",
                entity_id: Some(id),
                before: Some(old),
                after: Some(new),
            },
            now,
        )
        .await?;
        if let Some(mark) = mark {
            record_import_change(
                &mut tx,
                mark,
                id,
                "update",
                Some(&before.current),
                v,
                expected + 1,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(Saved::Done {
            version: expected + 1,
        })
    }

    /// Creates a space from a validated staff form, with the given status; returns its id.
    /// The organisation is found by name (or created) and its details filled in where given.
    /// The municipality must exist (checked by the caller). Audited.
    pub async fn create_space(
        &self,
        v: &ValidSpace,
        status: SpaceStatus,
        actor: (i64, &str),
        now: i64,
    ) -> Result<i64, DbError> {
        let id = self
            .create_space_as(v, status, actor, "create", now, None)
            .await?;
        // Only an import's rows are ever refused.
        Ok(id.expect("a staff creation is never refused"))
    }

    /// [`Db::create_space`], recorded in the audit trail as `action` (an import, say), and in
    /// the import's changes when `mark` is given. An import's row creates nothing (`None`)
    /// when a space of the same name is in the municipality by now (created by another import
    /// of the same file, or a join request, since the preview).
    pub async fn create_space_as(
        &self,
        v: &ValidSpace,
        status: SpaceStatus,
        actor: (i64, &str),
        action: &str,
        now: i64,
        mark: Option<ImportMark>,
    ) -> Result<Option<i64>, DbError> {
        let mut tx = self.begin_write().await?;
        if mark.is_some() {
            // PostgreSQL: spaces are created one at a time meanwhile, so that two imports of
            // one file cannot both see the name free (SQLite's single writer already is).
            if self.backend == super::Backend::Postgres {
                sqlx::query("LOCK TABLE spaces IN SHARE ROW EXCLUSIVE MODE")
                    .execute(&mut *tx)
                    .await?;
            }
            let names: Vec<(String,)> =
                sqlx::query_as("SELECT name FROM spaces WHERE municipality_code = $1")
                    .bind(&v.municipality)
                    .fetch_all(&mut *tx)
                    .await?;
            let key = crate::core::text::search_key(&v.name);
            if names
                .iter()
                .any(|(n,)| crate::core::text::search_key(n) == key)
            {
                tx.rollback().await?;
                return Ok(None);
            }
        }
        let (municipality,): (String,) =
            sqlx::query_as("SELECT name FROM municipalities WHERE istat_code = $1")
                .bind(&v.municipality)
                .fetch_one(&mut *tx)
                .await?;
        let organisation_id = match &v.organisation {
            Some(name) => {
                let id = super::find_or_insert_organisation(&mut tx, name, now).await?;
                sqlx::query(
                    "UPDATE organisations SET kind = COALESCE($1, kind), website = COALESCE($2, website), \
                     description = COALESCE($3, description), updated_at = $4 WHERE id = $5",
                )
                .bind(v.organisation_kind.map(|k| k.code()))
                .bind(&v.organisation_website)
                .bind(&v.organisation_description)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                Some(id)
            }
            None => None,
        };
        let (id, _slug) = super::insert_space(
            &mut tx,
            &super::NewSpace {
                name: &v.name,
                kinds: &v.kinds,
                description: v.description.as_deref(),
                organisation_id,
                organisation_name: v.organisation.as_deref(),
                address: v.address.as_deref(),
                municipality_code: &v.municipality,
                municipality_name: &municipality,
                lat: v.lat,
                lon: v.lon,
                precision: v.precision,
                website: v.website.as_deref(),
                email: v.email.as_deref(),
                phone: v.phone.as_deref(),
                status,
                source: Some("staff"),
                note: None,
            },
            now,
        )
        .await?;
        // Made by staff by hand: confirmed now (an import's row is not a confirmation).
        let confirmed = (action == "create").then_some(now);
        sqlx::query(
            "UPDATE spaces SET opening_hours = $1, services = $2, confirmed_at = $3, photo = $5, \
             photo_alt = $6 WHERE id = $4",
        )
        .bind(&v.opening_hours)
        .bind(&v.services)
        .bind(confirmed)
        .bind(id)
        .bind(&v.photo)
        .bind(&v.photo_alt)
        .execute(&mut *tx)
        .await?;
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action,
                entity: "space",
                entity_id: Some(id),
                before: None,
                after: serde_json::to_value(v).ok(),
            },
            now,
        )
        .await?;
        if let Some(mark) = mark {
            record_import_change(&mut tx, mark, id, "create", None, v, 1).await?;
        }
        tx.commit().await?;
        Ok(Some(id))
    }

    /// What a refused version check came to: the space as it is now, or gone.
    async fn stale_or_missing(&self, id: i64) -> Result<Saved, DbError> {
        Ok(match self.staff_space(id).await? {
            Some(now) => Saved::Stale(Box::new(now)),
            None => Saved::Missing,
        })
    }

    /// Publishes, unpublishes (back to pending), archives or rejects a space, if it is still
    /// at version `expected`. Audited. (A space with a join request changes status through
    /// the request's decision: see `review`.)
    pub async fn set_space_status(
        &self,
        id: i64,
        status: SpaceStatus,
        expected: i64,
        actor: (i64, &str),
        now: i64,
    ) -> Result<Saved, DbError> {
        let mut tx = self.begin_write().await?;
        let touched = sqlx::query(
            "UPDATE spaces SET updated_at = $1, version = version + 1 WHERE id = $2 AND version = $3",
        )
        .bind(now)
        .bind(id)
        .bind(expected)
        .execute(&mut *tx)
        .await?;
        if touched.rows_affected() == 0 {
            tx.rollback().await?;
            return self.stale_or_missing(id).await;
        }
        let (previous,): (String,) = sqlx::query_as("SELECT status FROM spaces WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        sqlx::query("UPDATE spaces SET status = $1 WHERE id = $2")
            .bind(status.code())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        insert_audit(
            &mut tx,
            &AuditEntry {
                actor_id: Some(actor.0),
                actor_email: actor.1,
                action: "status",
                entity: "space",
                entity_id: Some(id),
                before: Some(serde_json::json!({ "status": previous })),
                after: Some(serde_json::json!({ "status": status.code() })),
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Saved::Done {
            version: expected + 1,
        })
    }
}

/// Records what an import row did to a space, in the transaction that did it.
async fn record_import_change(
    conn: &mut sqlx::AnyConnection,
    mark: ImportMark,
    space_id: i64,
    action: &str,
    before: Option<&ValidSpace>,
    after: &ValidSpace,
    version_after: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO import_changes (import_id, space_id, line, action, before_json, after_json, \
         version_after) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(mark.import_id)
    .bind(space_id)
    .bind(mark.line)
    .bind(action)
    .bind(before.and_then(|b| serde_json::to_string(b).ok()))
    .bind(serde_json::to_string(after).unwrap_or_default())
    .bind(version_after)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records that space `id`'s information was confirmed at `now`, in the caller's transaction.
pub(super) async fn confirm_space(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query("UPDATE spaces SET confirmed_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Writes a validated space's values over space `id` (its organisation updated or created,
/// its search text and kinds rewritten), inside the caller's transaction.
pub(super) async fn write_space(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    v: &ValidSpace,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE spaces SET name = $1, description = $2, address = $3, municipality_code = $4, \
             lat = $5, lon = $6, position_precision = $7, website = $8, email = $9, phone = $10, \
             updated_at = $11, opening_hours = $13, services = $14, photo = $15, photo_alt = $16 \
             WHERE id = $12",
    )
    .bind(&v.name)
    .bind(&v.description)
    .bind(&v.address)
    .bind(&v.municipality)
    .bind(v.lat)
    .bind(v.lon)
    .bind(v.precision.code())
    .bind(&v.website)
    .bind(&v.email)
    .bind(&v.phone)
    .bind(now)
    .bind(id)
    .bind(&v.opening_hours)
    .bind(&v.services)
    .bind(&v.photo)
    .bind(&v.photo_alt)
    .execute(&mut *conn)
    .await?;
    let (org_id,): (Option<i64>,) =
        sqlx::query_as("SELECT organisation_id FROM spaces WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    let org_id = match (&v.organisation, org_id) {
        (None, _) => None,
        (Some(name), Some(org)) => {
            sqlx::query(
                "UPDATE organisations SET name = $1, kind = $2, website = $3, description = $4, \
                     updated_at = $5 WHERE id = $6",
            )
            .bind(name)
            .bind(v.organisation_kind.map(|k| k.code()))
            .bind(&v.organisation_website)
            .bind(&v.organisation_description)
            .bind(now)
            .bind(org)
            .execute(&mut *conn)
            .await?;
            Some(org)
        }
        (Some(name), None) => {
            let (org,): (i64,) = sqlx::query_as(
                    "INSERT INTO organisations (name, kind, website, description, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
                )
                .bind(name)
                .bind(v.organisation_kind.map(|k| k.code()))
                .bind(&v.organisation_website)
                .bind(&v.organisation_description)
                .bind(now)
                .fetch_one(&mut *conn)
                .await?;
            Some(org)
        }
    };
    let (municipality,): (String,) =
        sqlx::query_as("SELECT name FROM municipalities WHERE istat_code = $1")
            .bind(&v.municipality)
            .fetch_one(&mut *conn)
            .await?;
    let search_text = super::seed::space_search_text(
        &v.name,
        v.description.as_deref(),
        v.address.as_deref(),
        v.organisation.as_deref(),
        &municipality,
    );
    sqlx::query("UPDATE spaces SET organisation_id = $1, search_text = $2 WHERE id = $3")
        .bind(org_id)
        .bind(search_text)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM space_kinds WHERE space_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for kind in &v.kinds {
        sqlx::query("INSERT INTO space_kinds (space_id, kind) VALUES ($1, $2)")
            .bind(id)
            .bind(kind.code())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
