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

    /// Municipalities with at least one published space, by name, with their counts — of the
    /// spaces of `kinds` when the map is filtered by kind (a municipality with none of them
    /// stays in the list, with 0, so a choice made is never lost).
    pub async fn municipalities_with_spaces(
        &self,
        kinds: &[crate::core::model::SpaceKind],
    ) -> Result<Vec<MunicipalityOption>, DbError> {
        // One index lookup per municipality (`spaces_status_municipality`), not a grouping of
        // every space; with kinds, one more per municipality through `space_kinds`. The kinds'
        // codes are the enumeration's own words, not a visitor's text.
        let of_kinds = if kinds.is_empty() {
            "0".to_owned()
        } else {
            let codes: Vec<String> = kinds.iter().map(|k| format!("'{}'", k.code())).collect();
            format!(
                "(SELECT COUNT(*) FROM spaces s WHERE s.status = 'published' \
                 AND s.municipality_code = m.istat_code AND EXISTS (SELECT 1 FROM space_kinds k \
                 WHERE k.space_id = s.id AND k.kind IN ({})))",
                codes.join(", ")
            )
        };
        let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(&format!(
            "SELECT m.istat_code, m.name, (SELECT COUNT(*) FROM spaces s \
             WHERE s.status = 'published' AND s.municipality_code = m.istat_code) AS spaces, \
             {of_kinds} AS of_kind FROM municipalities m"
        ))
        .fetch_all(&self.pool)
        .await?;
        let kind = (!kinds.is_empty()).then_some(());
        let mut options: Vec<MunicipalityOption> = rows
            .into_iter()
            .filter(|(_, _, spaces, _)| *spaces > 0)
            .map(|(istat_code, name, spaces, of_kind)| {
                (
                    istat_code,
                    name,
                    if kind.is_some() { of_kind } else { spaces },
                )
            })
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
