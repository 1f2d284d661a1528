//! Reading the public directory: published spaces (as summaries or with every public detail),
//! one space, the municipality filter.

use super::{Db, DbError};
use crate::core::filter::SpaceFilter;
use crate::core::model::{OrganisationKind, PositionPrecision, SpaceKind};
use crate::core::view::{Organisation, SpaceDetail};
use std::collections::HashMap;

/// Every public column of a space (and its status), its municipality and its organisation;
/// callers append `AND …` conditions.
const SELECT_DETAILS: &str = "SELECT s.id, s.slug, s.status, s.name, s.description, s.address, \
         s.municipality_code, m.name AS municipality_name, s.lat, s.lon, s.position_precision, \
         s.website, s.email, s.phone, s.source, s.updated_at, \
         o.name AS org_name, o.kind AS org_kind, o.website AS org_website, \
         o.description AS org_description, s.opening_hours, s.services, s.confirmed_at, \
         s.photo, s.photo_alt \
     FROM spaces s \
     JOIN municipalities m ON m.istat_code = s.municipality_code \
     LEFT JOIN organisations o ON o.id = s.organisation_id \
     WHERE 1 = 1";

const PUBLISHED_ONLY: &str = " AND s.status = 'published'";

#[derive(sqlx::FromRow)]
struct PublicRow {
    id: i64,
    slug: String,
    status: String,
    name: String,
    description: Option<String>,
    address: Option<String>,
    municipality_code: String,
    municipality_name: String,
    lat: f64,
    lon: f64,
    position_precision: String,
    website: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    source: Option<String>,
    updated_at: i64,
    org_name: Option<String>,
    org_kind: Option<String>,
    org_website: Option<String>,
    org_description: Option<String>,
    opening_hours: Option<String>,
    services: Option<String>,
    confirmed_at: Option<i64>,
    photo: Option<String>,
    photo_alt: Option<String>,
}

impl PublicRow {
    fn into_detail(self, kinds: Vec<SpaceKind>) -> SpaceDetail {
        let organisation = self.org_name.map(|name| Organisation {
            name,
            kind: self
                .org_kind
                .as_deref()
                .and_then(OrganisationKind::from_code),
            website: self.org_website,
            description: self.org_description,
        });
        SpaceDetail {
            summary: crate::core::view::SpaceSummary {
                slug: self.slug,
                name: self.name,
                kinds,
                description: self.description,
                address: self.address,
                municipality_code: self.municipality_code,
                municipality: self.municipality_name,
                organisation: organisation.as_ref().map(|o| o.name.clone()),
                lat: self.lat,
                lon: self.lon,
                // The CHECK constraint keeps the column to known codes.
                precision: PositionPrecision::from_code(&self.position_precision)
                    .unwrap_or(PositionPrecision::Approximate),
                confirmed_at: self.confirmed_at,
                photo: self.photo.map(|name| crate::core::view::ListingPhoto {
                    name,
                    alt: self.photo_alt.unwrap_or_default(),
                }),
            },
            status: crate::core::model::SpaceStatus::from_code(&self.status)
                .unwrap_or(crate::core::model::SpaceStatus::Pending),
            organisation,
            website: self.website,
            email: self.email,
            phone: self.phone,
            source: self.source,
            updated_at: self.updated_at,
            opening_hours: self.opening_hours,
            services: self.services,
        }
    }
}

#[derive(sqlx::FromRow)]
struct KindRow {
    space_id: i64,
    kind: String,
}

fn group_kinds(rows: Vec<KindRow>) -> HashMap<i64, Vec<SpaceKind>> {
    let mut by_space: HashMap<i64, Vec<SpaceKind>> = HashMap::new();
    for row in rows {
        if let Some(kind) = SpaceKind::from_code(&row.kind) {
            by_space.entry(row.space_id).or_default().push(kind);
        }
    }
    for kinds in by_space.values_mut() {
        kinds.sort();
    }
    by_space
}

impl Db {
    /// Published spaces matching `filter`, with every public detail, sorted by name (accents
    /// ignored).
    pub async fn published_details(
        &self,
        filter: &SpaceFilter,
    ) -> Result<Vec<SpaceDetail>, DbError> {
        self.details(filter, true).await
    }

    /// Spaces of every status matching `filter`, for staff exports.
    pub async fn all_details(&self, filter: &SpaceFilter) -> Result<Vec<SpaceDetail>, DbError> {
        self.details(filter, false).await
    }

    async fn details(
        &self,
        filter: &SpaceFilter,
        published_only: bool,
    ) -> Result<Vec<SpaceDetail>, DbError> {
        let mut sql = SELECT_DETAILS.to_owned();
        if published_only {
            sql.push_str(PUBLISHED_ONLY);
        }
        let binds = push_filter(&mut sql, filter);
        let mut query = sqlx::query_as::<_, PublicRow>(&sql);
        for b in binds {
            query = query.bind(b);
        }
        let rows = query.fetch_all(&self.pool).await?;

        let kinds_sql = format!(
            "SELECT k.space_id, k.kind FROM space_kinds k JOIN spaces s ON s.id = k.space_id \
             WHERE 1 = 1{}",
            if published_only { PUBLISHED_ONLY } else { "" }
        );
        let mut kinds = group_kinds(
            sqlx::query_as::<_, KindRow>(&kinds_sql)
                .fetch_all(&self.pool)
                .await?,
        );
        let mut spaces: Vec<SpaceDetail> = rows
            .into_iter()
            .map(|row| {
                let k = kinds.remove(&row.id).unwrap_or_default();
                row.into_detail(k)
            })
            .collect();
        spaces.sort_by_cached_key(|s| crate::core::text::search_key(&s.summary.name));
        Ok(spaces)
    }

    /// Published spaces matching `filter`, as listed on the map page.
    pub async fn published_spaces(
        &self,
        filter: &SpaceFilter,
    ) -> Result<Vec<crate::core::view::SpaceSummary>, DbError> {
        let details = self.published_details(filter).await?;
        Ok(details.into_iter().map(|d| d.summary).collect())
    }

    /// One published space by slug; `None` when unknown or not public.
    pub async fn published_space(&self, slug: &str) -> Result<Option<SpaceDetail>, DbError> {
        let sql = format!("{SELECT_DETAILS}{PUBLISHED_ONLY} AND s.slug = $1");
        let Some(row) = sqlx::query_as::<_, PublicRow>(&sql)
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let mut kinds = group_kinds(
            sqlx::query_as::<_, KindRow>(
                "SELECT space_id, kind FROM space_kinds WHERE space_id = $1",
            )
            .bind(row.id)
            .fetch_all(&self.pool)
            .await?,
        );
        let k = kinds.remove(&row.id).unwrap_or_default();
        Ok(Some(row.into_detail(k)))
    }

    /// The directory's data version: raised by triggers in the same transaction as any change
    /// to published spaces, their kinds, the municipalities or the organisations (see
    /// `page_cache`, `opendata::ExportCache`).
    pub async fn directory_version(&self) -> Result<i64, DbError> {
        let (version,): (i64,) =
            sqlx::query_as("SELECT version FROM data_versions WHERE name = 'directory'")
                .fetch_one(&self.pool)
                .await?;
        Ok(version)
    }
}

/// Appends the filter's conditions (`AND …`, on the alias `s`) to `sql`; returns the values to
/// bind, in order.
fn push_filter(sql: &mut String, filter: &SpaceFilter) -> Vec<String> {
    let mut binds: Vec<String> = Vec::new();
    let placeholders = |binds: &mut Vec<String>, values: Vec<String>| -> String {
        values
            .into_iter()
            .map(|v| {
                binds.push(v);
                format!("${}", binds.len())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !filter.municipalities.is_empty() {
        let list = placeholders(&mut binds, filter.municipalities.clone());
        sql.push_str(&format!(" AND s.municipality_code IN ({list})"));
    }
    if !filter.kinds.is_empty() {
        let codes = filter.kinds.iter().map(|k| k.code().to_owned()).collect();
        let list = placeholders(&mut binds, codes);
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM space_kinds k WHERE k.space_id = s.id AND k.kind IN ({list}))"
        ));
    }
    // Words hold only letters and digits (see text::search_key), so no LIKE wildcard can
    // come from the user.
    for word in filter.search_words() {
        binds.push(format!("%{word}%"));
        sql.push_str(&format!(" AND s.search_text LIKE ${}", binds.len()));
    }
    binds
}

#[derive(sqlx::FromRow)]
struct MarkerRow {
    id: i64,
    slug: String,
    name: String,
    municipality: String,
    lat: f64,
    lon: f64,
    position_precision: String,
    photo: Option<String>,
}

impl Db {
    /// One page (from 1) of the published spaces matching `filter`, `per_page` at a time, in
    /// name order (the stored search text starts with the name's search key, so `ORDER BY
    /// search_text` sorts by name, accents and case ignored, on both backends and with an index).
    pub async fn published_page(
        &self,
        filter: &SpaceFilter,
        page: u32,
        per_page: u32,
    ) -> Result<crate::core::view::DirectoryPage, DbError> {
        let mut conditions = String::new();
        let binds = push_filter(&mut conditions, filter);
        let count_sql =
            format!("SELECT COUNT(*) FROM spaces s WHERE 1 = 1{PUBLISHED_ONLY}{conditions}");
        let mut count = sqlx::query_as::<_, (i64,)>(&count_sql);
        for b in &binds {
            count = count.bind(b.clone());
        }
        let (total,) = count.fetch_one(&self.pool).await?;
        let offset = i64::from(page.max(1) - 1) * i64::from(per_page);
        // The expression of the `spaces_directory` index (migration 0008); byte order on both
        // backends (a PostgreSQL locale's collation would skip the spaces).
        let order = match self.backend {
            super::Backend::Sqlite => "substr(s.search_text, 1, 200)",
            super::Backend::Postgres => "substr(s.search_text, 1, 200) COLLATE \"C\"",
        };
        let sql = format!(
            "{SELECT_DETAILS}{PUBLISHED_ONLY}{conditions} ORDER BY {order}, s.id LIMIT {per_page} OFFSET {offset}"
        );
        let mut query = sqlx::query_as::<_, PublicRow>(&sql);
        for b in &binds {
            query = query.bind(b.clone());
        }
        let rows = query.fetch_all(&self.pool).await?;
        let ids: Vec<String> = rows.iter().map(|r| r.id.to_string()).collect();
        let mut kinds = if ids.is_empty() {
            HashMap::new()
        } else {
            // Integer ids from the database, not user input.
            group_kinds(
                sqlx::query_as::<_, KindRow>(&format!(
                    "SELECT space_id, kind FROM space_kinds WHERE space_id IN ({})",
                    ids.join(", ")
                ))
                .fetch_all(&self.pool)
                .await?,
            )
        };
        Ok(crate::core::view::DirectoryPage {
            total: usize::try_from(total).unwrap_or_default(),
            page: page.max(1),
            per_page,
            spaces: rows
                .into_iter()
                .map(|row| {
                    let k = kinds.remove(&row.id).unwrap_or_default();
                    row.into_detail(k).summary
                })
                .collect(),
        })
    }

    /// Every published space matching `filter`, as little as the map needs of each.
    pub async fn published_markers(
        &self,
        filter: &SpaceFilter,
    ) -> Result<Vec<crate::core::view::MapMarker>, DbError> {
        let mut sql = format!(
            "SELECT s.id, s.slug, s.name, m.name AS municipality, s.lat, s.lon, \
             s.position_precision, s.photo FROM spaces s JOIN municipalities m ON m.istat_code = s.municipality_code \
             WHERE 1 = 1{PUBLISHED_ONLY}"
        );
        let binds = push_filter(&mut sql, filter);
        sql.push_str(" ORDER BY s.id");
        let mut query = sqlx::query_as::<_, MarkerRow>(&sql);
        for b in binds {
            query = query.bind(b);
        }
        let rows = query.fetch_all(&self.pool).await?;
        let mut kinds = group_kinds(
            sqlx::query_as::<_, KindRow>(&format!(
                "SELECT k.space_id, k.kind FROM space_kinds k JOIN spaces s ON s.id = k.space_id \
                 WHERE 1 = 1{PUBLISHED_ONLY}"
            ))
            .fetch_all(&self.pool)
            .await?,
        );
        Ok(rows
            .into_iter()
            .map(|r| crate::core::view::MapMarker {
                kinds: kinds.remove(&r.id).unwrap_or_default(),
                slug: r.slug,
                name: r.name,
                municipality: r.municipality,
                lat: r.lat,
                lon: r.lon,
                approximate: r.position_precision != "exact",
                photo: r
                    .photo
                    .as_deref()
                    .is_some_and(crate::core::validate::space::is_photo_name),
            })
            .collect())
    }
}

#[derive(sqlx::FromRow)]
struct StaffRow {
    id: i64,
    slug: String,
    name: String,
    status: String,
    municipality: String,
    municipality_code: String,
    lat: f64,
    lon: f64,
    position_precision: String,
    updated_at: i64,
}

impl Db {
    /// Spaces of any status for the staff list, newest change first, optionally by status,
    /// text (same matching as the public search) and freshness group (published listings
    /// only: the group, at `now`, for a confirmation period of `period` seconds).
    pub async fn staff_spaces(
        &self,
        status: Option<crate::core::model::SpaceStatus>,
        q: Option<&str>,
        (approximate_only, outside_only): (bool, bool),
        freshness: Option<(crate::core::view::FreshnessGroup, i64, i64)>,
    ) -> Result<Vec<crate::core::view::StaffSpaceRow>, DbError> {
        let mut sql =
            "SELECT s.id, s.slug, s.name, s.status, m.name AS municipality, s.municipality_code, \
             s.lat, s.lon, s.position_precision, s.updated_at \
             FROM spaces s JOIN municipalities m ON m.istat_code = s.municipality_code WHERE 1 = 1"
                .to_owned();
        let mut binds: Vec<String> = Vec::new();
        if let Some(status) = status {
            binds.push(status.code().to_owned());
            sql.push_str(&format!(" AND s.status = ${}", binds.len()));
        }
        if approximate_only {
            sql.push_str(" AND s.position_precision <> 'exact'");
        }
        if let Some((group, now, period)) = freshness {
            let reminded = now - super::confirmations::REMIND_AFTER;
            let condition =
                super::confirmations::freshness_condition(group, now - period, reminded);
            sql.push_str(&format!(" AND s.status = 'published' AND {condition}"));
        }
        let words = crate::core::text::search_key(q.unwrap_or_default());
        for word in words.split(' ').filter(|w| !w.is_empty()).take(10) {
            binds.push(format!("%{word}%"));
            // The search text (name, description, address, organisation, municipality) and
            // the contacts, which staff look a space up by too.
            sql.push_str(&format!(
                " AND (s.search_text || ' ' || lower(COALESCE(s.email, '')) || ' ' \
                 || COALESCE(s.phone, '') || ' ' || replace(COALESCE(s.phone, ''), ' ', '') \
                 || ' ' || lower(COALESCE(s.website, ''))) LIKE ${}",
                binds.len()
            ));
        }
        sql.push_str(" ORDER BY s.updated_at DESC, s.id DESC");
        let mut query = sqlx::query_as::<_, StaffRow>(&sql);
        for b in binds {
            query = query.bind(b);
        }
        Ok(query
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .map(|r| crate::core::view::StaffSpaceRow {
                id: r.id,
                slug: r.slug,
                name: r.name,
                status: crate::core::model::SpaceStatus::from_code(&r.status)
                    .unwrap_or(crate::core::model::SpaceStatus::Pending),
                municipality: r.municipality,
                precision: crate::core::model::PositionPrecision::from_code(&r.position_precision)
                    .unwrap_or(crate::core::model::PositionPrecision::Exact),
                updated_at: r.updated_at,
                outside: crate::backend::boundaries::all()
                    .pin_problem(&r.municipality_code, r.lat, r.lon)
                    .is_some(),
            })
            // Worked out from the outlines, not in SQL: filtered here.
            .filter(|row| row.outside || !outside_only)
            .collect())
    }
}
