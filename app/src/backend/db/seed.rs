//! First-start data: the 55 municipalities (reference data, refreshed at every start) and the
//! sourced list of spaces from seed/ (loaded once per installation, so spaces that staff later
//! edit, archive or delete are never brought back). Idempotent and safe to run from several app
//! servers starting at once.

use super::{Backend, Db, DbError};
use crate::core::model::{PositionPrecision, SpaceKind, SpaceStatus};
use crate::core::text::{search_key, slugify};
use serde::Deserialize;
use sqlx::AnyConnection;

const MUNICIPALITIES_CSV: &str = include_str!("../../../../seed/municipalities.csv");
const SPACES_CSV: &str = include_str!("../../../../seed/spaces-2022.csv");
/// The `app_meta` key recording that the spaces seed was applied.
const SPACES_SEED_KEY: &str = "seed:spaces-2022";
/// The `app_meta` key recording that the launch event was stored.
const EVENTS_SEED_KEY: &str = "seed:events-2022";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub municipalities: usize,
    /// Spaces inserted by this run (0 once the seed has been applied).
    pub spaces_inserted: usize,
}

#[derive(Deserialize)]
struct MunicipalityRecord {
    istat_code: String,
    name: String,
    cadastral_code: String,
    population: i64,
    lat: f64,
    lon: f64,
}

#[derive(Deserialize)]
struct SpaceRecord {
    name: String,
    kinds: String,
    municipality_istat: String,
    municipality: String,
    address: String,
    lat: f64,
    lon: f64,
    position_precision: String,
    organisation: String,
    website: String,
    source: String,
    note: String,
}

/// A space to insert. Slugs are derived from the name and made unique.
pub struct NewSpace<'a> {
    pub name: &'a str,
    pub kinds: &'a [SpaceKind],
    pub description: Option<&'a str>,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<&'a str>,
    pub address: Option<&'a str>,
    pub municipality_code: &'a str,
    pub municipality_name: &'a str,
    pub lat: f64,
    pub lon: f64,
    pub precision: PositionPrecision,
    pub website: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub status: SpaceStatus,
    pub source: Option<&'a str>,
    pub note: Option<&'a str>,
}

fn parse<T: for<'de> Deserialize<'de>>(csv_text: &str, what: &str) -> Result<Vec<T>, DbError> {
    csv::Reader::from_reader(csv_text.as_bytes())
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .map_err(|e| DbError::Seed(format!("{what}: {e}")))
}

fn non_empty(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty()).then_some(s)
}

impl Db {
    /// Loads the seed data; see the module documentation.
    pub async fn seed(&self, now: i64) -> Result<SeedReport, DbError> {
        let municipalities: Vec<MunicipalityRecord> = parse(MUNICIPALITIES_CSV, "municipalities")?;
        let spaces: Vec<SpaceRecord> = parse(SPACES_CSV, "spaces")?;

        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Postgres {
            // Serialise concurrent first starts of several app servers.
            sqlx::query("SELECT pg_advisory_xact_lock(7411)")
                .execute(&mut *tx)
                .await?;
        }
        // A write first, so SQLite takes the write lock now rather than failing an upgrade later.
        for m in &municipalities {
            sqlx::query(
                "INSERT INTO municipalities (istat_code, name, cadastral_code, population, lat, lon) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (istat_code) DO UPDATE SET name = excluded.name, \
                 cadastral_code = excluded.cadastral_code, population = excluded.population, \
                 lat = excluded.lat, lon = excluded.lon",
            )
            .bind(&m.istat_code)
            .bind(&m.name)
            .bind(&m.cadastral_code)
            .bind(m.population)
            .bind(m.lat)
            .bind(m.lon)
            .execute(&mut *tx)
            .await?;
        }
        let mut report = SeedReport {
            municipalities: municipalities.len(),
            spaces_inserted: 0,
        };

        let applied: Option<(String,)> =
            sqlx::query_as("SELECT value FROM app_meta WHERE key = $1")
                .bind(SPACES_SEED_KEY)
                .fetch_optional(&mut *tx)
                .await?;
        if applied.is_none() {
            for record in &spaces {
                insert_seed_space(&mut tx, record, now).await?;
                report.spaces_inserted += 1;
            }
            sqlx::query("INSERT INTO app_meta (key, value) VALUES ($1, $2)")
                .bind(SPACES_SEED_KEY)
                .bind(now.to_string())
                .execute(&mut *tx)
                .await?;
        }
        let events_applied: Option<(String,)> =
            sqlx::query_as("SELECT value FROM app_meta WHERE key = $1")
                .bind(EVENTS_SEED_KEY)
                .fetch_optional(&mut *tx)
                .await?;
        if events_applied.is_none() {
            let venue: Option<(i64,)> = sqlx::query_as("SELECT id FROM spaces WHERE name = $1")
                .bind(super::events::LAUNCH_VENUE)
                .fetch_optional(&mut *tx)
                .await?;
            super::events::insert_event(
                &mut tx,
                &super::events::launch_event(venue.map(|(id,)| id)),
                crate::core::model::event::EventStatus::Published,
                now,
            )
            .await?;
            sqlx::query("INSERT INTO app_meta (key, value) VALUES ($1, $2)")
                .bind(EVENTS_SEED_KEY)
                .bind(now.to_string())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(report)
    }
}

async fn insert_seed_space(
    conn: &mut AnyConnection,
    r: &SpaceRecord,
    now: i64,
) -> Result<(), DbError> {
    let kinds: Vec<SpaceKind> = r
        .kinds
        .split(';')
        .map(|k| {
            SpaceKind::from_code(k.trim())
                .ok_or_else(|| DbError::Seed(format!("{}: unknown kind {k:?}", r.name)))
        })
        .collect::<Result<_, _>>()?;
    let precision = PositionPrecision::from_code(&r.position_precision).ok_or_else(|| {
        DbError::Seed(format!(
            "{}: unknown precision {:?}",
            r.name, r.position_precision
        ))
    })?;
    let organisation_id = match non_empty(&r.organisation) {
        Some(name) => Some(find_or_insert_organisation(conn, name, now).await?),
        None => None,
    };
    insert_space(
        conn,
        &NewSpace {
            name: r.name.trim(),
            kinds: &kinds,
            description: None,
            organisation_id,
            organisation_name: non_empty(&r.organisation),
            address: non_empty(&r.address),
            municipality_code: &r.municipality_istat,
            municipality_name: &r.municipality,
            lat: r.lat,
            lon: r.lon,
            precision,
            website: non_empty(&r.website),
            email: None,
            phone: None,
            status: SpaceStatus::Published,
            source: non_empty(&r.source),
            note: non_empty(&r.note),
        },
        now,
    )
    .await?;
    Ok(())
}

/// The id of the organisation with exactly this name, inserting it when missing.
pub async fn find_or_insert_organisation(
    conn: &mut AnyConnection,
    name: &str,
    now: i64,
) -> Result<i64, DbError> {
    let existing: Option<(i64,)> = sqlx::query_as("SELECT id FROM organisations WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?;
    if let Some((id,)) = existing {
        return Ok(id);
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO organisations (name, created_at, updated_at) VALUES ($1, $2, $2) RETURNING id",
    )
    .bind(name)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// The stored search text of a space (see `spaces.search_text` in the migrations): every
/// searchable field, normalised by `text::search_key`. Inserting and editing both use this.
pub fn space_search_text(
    name: &str,
    description: Option<&str>,
    address: Option<&str>,
    organisation: Option<&str>,
    municipality: &str,
) -> String {
    search_key(
        &[
            Some(name),
            description,
            address,
            organisation,
            Some(municipality),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" "),
    )
}

/// Inserts a space and its kinds; returns its id and slug. The slug is the name's, with a
/// numeric suffix when another space already has it.
pub async fn insert_space(
    conn: &mut AnyConnection,
    s: &NewSpace<'_>,
    now: i64,
) -> Result<(i64, String), DbError> {
    let base = slugify(s.name);
    let mut slug = base.clone();
    let mut n = 1;
    loop {
        let taken: Option<(i64,)> = sqlx::query_as("SELECT id FROM spaces WHERE slug = $1")
            .bind(&slug)
            .fetch_optional(&mut *conn)
            .await?;
        if taken.is_none() {
            break;
        }
        n += 1;
        slug = format!("{base}-{n}");
    }
    let search_text = space_search_text(
        s.name,
        s.description,
        s.address,
        s.organisation_name,
        s.municipality_name,
    );
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO spaces (slug, name, description, organisation_id, address, municipality_code, \
             lat, lon, position_precision, website, status, source, note, search_text, \
             created_at, updated_at, email, phone) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17) \
         RETURNING id",
    )
    .bind(&slug)
    .bind(s.name)
    .bind(s.description)
    .bind(s.organisation_id)
    .bind(s.address)
    .bind(s.municipality_code)
    .bind(s.lat)
    .bind(s.lon)
    .bind(s.precision.code())
    .bind(s.website)
    .bind(s.status.code())
    .bind(s.source)
    .bind(s.note)
    .bind(search_text)
    .bind(now)
    .bind(s.email)
    .bind(s.phone)
    .fetch_one(&mut *conn)
    .await?;
    for kind in s.kinds {
        sqlx::query("INSERT INTO space_kinds (space_id, kind) VALUES ($1, $2)")
            .bind(id)
            .bind(kind.code())
            .execute(&mut *conn)
            .await?;
    }
    Ok((id, slug))
}
