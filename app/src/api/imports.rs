//! Imports of spaces: the list and one import's page.

#[cfg(feature = "ssr")]
use super::context::{db, now, require};
use super::error::AppError;
use leptos::prelude::*;

/// Staff: the latest imports.
#[server(prefix = "/admin/api", endpoint = "imports")]
pub async fn staff_imports() -> Result<Vec<crate::core::view::ImportListItem>, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    Ok(db.recent_imports(20).await?)
}

/// Staff: one import — its preview while it waits for confirmation, its progress, its report.
#[server(prefix = "/admin/api", endpoint = "import")]
pub async fn staff_import(id: i64) -> Result<crate::core::view::ImportPage, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    crate::backend::import::page(&db, id, now())
        .await?
        .ok_or(AppError::NotFound)
}
