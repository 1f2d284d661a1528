//! What a page may ask of the HTTP request and response it is rendered for: status, redirect,
//! the signed-in staff member. Pages are rendered only on the server (islands mode), so in the
//! browser build these are inert.

use crate::model::StaffUser;

/// The staff member and their session's CSRF token, for pages of the staff area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffContext {
    pub user: StaffUser,
    pub csrf_token: String,
}

/// Sets the HTTP status of the page being rendered.
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let Ok(status) = axum::http::StatusCode::from_u16(code) {
        crate::server::set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// Answers the request with a redirect to a local path instead of the page.
pub fn redirect(path: &str) {
    #[cfg(feature = "ssr")]
    crate::server::redirect(path);
    #[cfg(not(feature = "ssr"))]
    let _ = path;
}

/// The signed-in staff member of this request, if any.
pub async fn current_staff() -> Result<Option<StaffContext>, crate::error::AppError> {
    #[cfg(feature = "ssr")]
    {
        crate::admin::current_staff().await
    }
    #[cfg(not(feature = "ssr"))]
    {
        Ok(None)
    }
}
