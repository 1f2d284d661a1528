//! Staff accounts and invitations.

#[cfg(feature = "ssr")]
use super::context::{db, now, require, set_status};
use super::error::AppError;
use leptos::prelude::*;

/// Admins: every staff account, with the recent changes to accounts.
#[server(prefix = "/admin/api", endpoint = "staff")]
pub async fn staff_accounts() -> Result<crate::core::view::StaffAccountsPage, AppError> {
    require(crate::core::model::Role::Admin).await?;
    let db = db()?;
    let accounts = db.list_staff().await?;
    let audit = db
        .recent_audit("staff_user", 50)
        .await?
        .into_iter()
        .map(crate::backend::db::audit_view)
        .collect();
    Ok(crate::core::view::StaffAccountsPage { accounts, audit })
}

/// Anyone holding an invitation link: the name and e-mail of the account it opens, or
/// `NotFound` when the link is unknown, used or expired.
#[server(prefix = "/admin/api", endpoint = "invitation")]
pub async fn invitation(token: String) -> Result<(String, String, bool), AppError> {
    let db = db()?;
    let hash = crate::backend::auth::token_hash(token.trim());
    match db.invitation_account(&hash, now()).await? {
        // Whether the account has a password already (a link to choose a new one).
        Some(record) => {
            let has_password = record.password_hash != crate::backend::db::NO_PASSWORD;
            Ok((record.name, record.email, has_password))
        }
        None => {
            set_status(404);
            Err(AppError::NotFound)
        }
    }
}
