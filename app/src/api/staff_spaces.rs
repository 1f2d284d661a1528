//! The staff's list of spaces and a space's edit page.

#[cfg(feature = "ssr")]
use super::context::{db, require};
use super::error::AppError;
use crate::core::model::SpaceStatus;
use crate::core::view::MunicipalityOption;
use crate::core::view::StaffSpaceRow;
use leptos::prelude::*;

/// Staff: spaces of any status, optionally by status, text, approximate position, pin
/// outside the municipality (the ones to correct) and freshness group. Editors and admins.
#[server(prefix = "/admin/api", endpoint = "spaces")]
pub async fn staff_spaces(
    status: Option<SpaceStatus>,
    q: Option<String>,
    approximate: Option<bool>,
    outside: Option<bool>,
    freshness: Option<crate::core::view::FreshnessGroup>,
) -> Result<Vec<StaffSpaceRow>, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    let freshness = match freshness {
        Some(group) => Some((group, super::context::now(), confirm_period()?)),
        None => None,
    };
    Ok(db
        .staff_spaces(
            status,
            q.as_deref(),
            (approximate.unwrap_or(false), outside.unwrap_or(false)),
            freshness,
        )
        .await?)
}

/// How long a listing's confirmation holds, in seconds (`SPAZI_CONFIRM_DAYS`).
#[cfg(feature = "ssr")]
fn confirm_period() -> Result<i64, AppError> {
    let state = leptos::prelude::use_context::<crate::backend::context::AppState>()
        .ok_or(AppError::Unavailable)?;
    Ok(state.config.freshness().days * 86_400)
}

/// Staff: one space (any status) as form values, with the municipalities and its audit trail.
#[server(prefix = "/admin/api", endpoint = "space")]
pub async fn staff_space_page(id: i64) -> Result<crate::core::view::StaffSpacePage, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    let space = db.staff_space(id).await?.ok_or(AppError::NotFound)?;
    let municipalities = db.all_municipalities().await?;
    let request = db
        .space_request(id)
        .await?
        .map(|(id, reference, decision)| {
            let open = decision != Some(crate::core::model::Decision::Approved);
            (id, reference, open)
        });
    let merged = db.merged_requests(id).await?;
    let managers = db.space_managers(id).await?;
    let managers_trusted = db.managers_trusted(id).await?;
    let audit = db
        .audit_trail("space", id)
        .await?
        .into_iter()
        .map(crate::backend::db::audit_view)
        .collect();
    Ok(crate::core::view::StaffSpacePage {
        merged,
        managers,
        managers_trusted,
        id: space.id,
        slug: space.slug,
        status: space.status,
        version: space.version,
        base: serde_json::to_string(&space.current.as_input()).unwrap_or_default(),
        request,
        input: space.current.as_input(),
        municipalities,
        audit,
    })
}

/// Staff: the 55 municipalities, for the space form.
#[server(prefix = "/admin/api", endpoint = "municipalities")]
pub async fn staff_municipalities() -> Result<Vec<MunicipalityOption>, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    Ok(db.all_municipalities().await?)
}

/// Staff: how fresh the published listings are (see `FreshnessCounts`).
#[server(prefix = "/admin/api", endpoint = "freshness")]
pub async fn freshness_summary() -> Result<crate::core::view::FreshnessCounts, AppError> {
    require(crate::core::model::Role::Editor).await?;
    Ok(db()?
        .freshness_counts(super::context::now(), confirm_period()?)
        .await?)
}
