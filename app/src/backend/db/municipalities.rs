//! The 55 municipalities of the Città metropolitana (reference data, seeded from ISTAT).

use super::{Db, DbError};
use crate::core::view::MunicipalityOption;

impl Db {
    /// Every municipality, by name (for the forms' select).
    pub async fn all_municipalities(&self) -> Result<Vec<MunicipalityOption>, DbError> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT istat_code, name FROM municipalities")
                .fetch_all(&self.pool)
                .await?;
        let mut list: Vec<MunicipalityOption> = rows
            .into_iter()
            .map(|(istat_code, name)| MunicipalityOption {
                istat_code,
                name,
                spaces: 0,
            })
            .collect();
        list.sort_by_cached_key(|m| crate::core::text::search_key(&m.name));
        Ok(list)
    }

    /// The municipality's name, if the code is one of the 55.
    pub async fn municipality_name(&self, code: &str) -> Result<Option<String>, DbError> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT name FROM municipalities WHERE istat_code = $1")
                .bind(code)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(n,)| n))
    }

    /// Municipalities with at least one published space, by name, with their counts.
    pub async fn municipalities_with_spaces(&self) -> Result<Vec<MunicipalityOption>, DbError> {
        // One index lookup per municipality (`spaces_status_municipality`), not a grouping of
        // every space.
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT m.istat_code, m.name, (SELECT COUNT(*) FROM spaces s \
             WHERE s.status = 'published' AND s.municipality_code = m.istat_code) AS spaces \
             FROM municipalities m",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut options: Vec<MunicipalityOption> = rows
            .into_iter()
            .filter(|(_, _, spaces)| *spaces > 0)
            .map(|(istat_code, name, spaces)| MunicipalityOption {
                istat_code,
                name,
                spaces,
            })
            .collect();
        options.sort_by_cached_key(|m| crate::core::text::search_key(&m.name));
        Ok(options)
    }

    /// How many municipalities the reference table holds.
    pub async fn municipality_count(&self) -> Result<i64, DbError> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM municipalities")
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }
}
