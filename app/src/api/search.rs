//! The staff's search across everything.

#[cfg(feature = "ssr")]
use super::context::{db, require};
use super::error::AppError;
use leptos::prelude::*;

/// Staff: what `q` finds among spaces, join requests, registrations and events.
#[server(prefix = "/admin/api", endpoint = "search")]
pub async fn staff_search(
    q: String,
) -> Result<crate::core::view::search::StaffSearchPage, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let q: String = q.chars().take(100).collect();
    Ok(db()?.staff_search(&q).await?)
}
