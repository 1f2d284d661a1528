//! Review of join requests and the survey.

#[cfg(feature = "ssr")]
use super::context::{db, require};
use super::error::AppError;
use leptos::prelude::*;

/// Staff: the join requests, waiting ones first, with the spaces each may repeat.
#[server(prefix = "/admin/api", endpoint = "submissions")]
pub async fn staff_submissions() -> Result<Vec<crate::core::view::QueueRow>, AppError> {
    require(crate::core::model::Role::Editor).await?;
    Ok(crate::backend::review::queue(&db()?).await?)
}

/// Staff: one join request with the survey answers, the contact and the possible duplicates.
#[server(prefix = "/admin/api", endpoint = "submission")]
pub async fn staff_submission(id: i64) -> Result<crate::core::view::SubmissionPage, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    crate::backend::review::page(&db, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Staff: the survey's answers, aggregated.
#[server(prefix = "/admin/api", endpoint = "survey")]
pub async fn staff_survey() -> Result<crate::core::view::SurveySummary, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    Ok(crate::backend::review::survey(&db).await?)
}

/// Staff: a request and the listing it may repeat, side by side, to merge them.
#[server(prefix = "/admin/api", endpoint = "merge")]
pub async fn staff_merge_page(
    id: i64,
    space: i64,
) -> Result<crate::core::view::MergePage, AppError> {
    require(crate::core::model::Role::Editor).await?;
    crate::backend::merge::page(&db()?, id, space)
        .await?
        .ok_or(AppError::NotFound)
}
