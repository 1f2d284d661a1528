//! The public directory: the map page's spaces, one space, the municipalities.

#[cfg(feature = "ssr")]
use super::context::db;
use super::error::AppError;
use crate::core::filter::SpaceFilter;
use crate::core::view::MunicipalityOption;
use crate::core::view::SpaceDetail;
use leptos::prelude::*;

/// How many spaces the map page lists at a time.
pub const DIRECTORY_PAGE_SIZE: u32 = 24;

/// One page (from 1) of the published spaces matching the filter, in name order, with the
/// total. A page past the end is empty (the page links say how many there are).
#[server(prefix = "/api/fn", endpoint = "directory")]
pub async fn space_directory(
    filter: SpaceFilter,
    page: u32,
) -> Result<crate::core::view::DirectoryPage, AppError> {
    let db = db()?;
    let filter = filter.normalised();
    Ok(db
        .published_page(&filter, page.clamp(1, 100_000), DIRECTORY_PAGE_SIZE)
        .await?)
}

/// The spaces an embedded map lists: the first `embed::LIST_MAX` matching the filter, in name
/// order, with the total.
#[server(prefix = "/api/fn", endpoint = "embedded")]
pub async fn embedded_directory(
    filter: SpaceFilter,
) -> Result<crate::core::view::DirectoryPage, AppError> {
    let db = db()?;
    let filter = filter.normalised();
    Ok(db
        .published_page(&filter, 1, crate::core::embed::LIST_MAX)
        .await?)
}

/// One published space, or `NotFound` (also for spaces that exist but are not public).
#[server(prefix = "/api/fn", endpoint = "space")]
pub async fn get_space(slug: String) -> Result<SpaceDetail, AppError> {
    let db = db()?;
    db.published_space(&slug).await?.ok_or(AppError::NotFound)
}

/// Municipalities that have at least one published space, for the filter, with their counts
/// of `kinds` when some are chosen.
#[server(prefix = "/api/fn", endpoint = "municipalities")]
pub async fn municipality_options(
    kinds: Vec<crate::core::model::SpaceKind>,
) -> Result<Vec<MunicipalityOption>, AppError> {
    let db = db()?;
    let mut kinds = kinds;
    kinds.sort();
    kinds.dedup();
    Ok(db.municipalities_with_spaces(&kinds).await?)
}
