//! The changes managers proposed, as staff review them.

#[cfg(feature = "ssr")]
use super::context::{db, require};
use super::error::AppError;
use crate::core::view::{RevisionLists, RevisionPage};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn row(
    r: &crate::backend::db::RevisionRecord,
    space_name: String,
) -> crate::core::view::RevisionRow {
    crate::core::view::RevisionRow {
        id: r.id,
        space_id: r.space_id,
        space_name,
        email: r.email.clone(),
        created_at: r.created_at,
    }
}

/// Staff: the proposals waiting for a decision, oldest first; those the managers of trusted
/// spaces published themselves in the last 30 days, newest first (their time is when they were
/// published); and proposal `decided`, when it has been decided (the page's notice after a
/// decision names what the database says, not what the address says). Editors and admins.
#[server(prefix = "/admin/api", endpoint = "revisions")]
pub async fn revisions_to_review(decided: Option<i64>) -> Result<RevisionLists, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    let pending = db
        .pending_revisions()
        .await?
        .into_iter()
        .map(|(r, name)| row(&r, name))
        .collect();
    let since = super::context::now() - 30 * 86_400;
    let published = db
        .published_by_managers(since)
        .await?
        .into_iter()
        .map(|(r, name)| crate::core::view::RevisionRow {
            created_at: r.decided_at.unwrap_or(r.created_at),
            ..row(&r, name)
        })
        .collect();
    let decided = match decided {
        Some(id) => db
            .decided_revision(id)
            .await?
            .map(|(r, name)| (name, r.status == "approved")),
        None => None,
    };
    Ok(RevisionLists {
        pending,
        published,
        decided,
    })
}

/// Staff: one proposal and what approving it would change in the listing as it is now.
#[server(prefix = "/admin/api", endpoint = "revision")]
pub async fn revision_detail(id: i64) -> Result<RevisionPage, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    let proposal = crate::backend::revisions::proposal(&db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let changes = proposal.changes();
    let r = &proposal.revision;
    Ok(RevisionPage {
        row: row(r, proposal.space.current.name.clone()),
        status: r.status.clone(),
        reason: r.reason.clone(),
        decided_at: r.decided_at,
        version: proposal.space.version,
        changes,
        invalid: proposal.valid.is_err(),
        municipalities: db.all_municipalities().await?,
        base: serde_json::to_string(&proposal.merged).unwrap_or_default(),
        merged: proposal.merged,
    })
}
