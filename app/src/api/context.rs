//! What a server function or a page may ask of the request it serves and of the server: the
//! database, the clock, the site's address, the language, the signed-in staff member, and the
//! response's status. Pages are rendered only on the server (islands mode), so in the browser
//! build the ones pages call are inert.

use super::error::AppError;
#[cfg(feature = "ssr")]
use crate::backend::context::AppState;
#[cfg(feature = "ssr")]
use crate::backend::db::Db;
use crate::core::view::StaffUser;
#[cfg(feature = "ssr")]
use crate::i18n::Lang;
#[cfg(feature = "ssr")]
use leptos::prelude::use_context;

/// The staff member and their session's CSRF token, for pages of the staff area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffContext {
    pub user: StaffUser,
    pub csrf_token: String,
    /// Join requests waiting for a decision (on the menu, on every staff page; counted for
    /// pages only, see [`staff_page_context`], 0 for server functions).
    pub to_review: i64,
    /// Changes managers proposed, waiting likewise.
    pub revisions: i64,
}

/// The database from the request's context (server functions and pages).
#[cfg(feature = "ssr")]
pub fn db() -> Result<Db, AppError> {
    use_context::<AppState>().map(|s| s.db).ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Unavailable
    })
}

/// "Now" by the application's clock, for server functions and pages (the real time outside a
/// request, which only happens in unit tests).
#[cfg(feature = "ssr")]
pub fn now() -> i64 {
    use_context::<AppState>()
        .map(|s| s.clock)
        .unwrap_or_default()
        .now()
}

/// The site's address for absolute links, in a page or server function (see
/// [`crate::backend::context::Config::base_url`]).
#[cfg(feature = "ssr")]
pub fn base_url() -> String {
    use_context::<AppState>()
        .map(|s| s.config.base_url().to_owned())
        .unwrap_or_default()
}

/// The path of the request being served (its Italian address, as the router knows it).
#[cfg(feature = "ssr")]
pub fn request_path() -> Option<String> {
    use_context::<axum::http::request::Parts>().map(|p| p.uri.path().to_owned())
}

/// The language the request asked for through its address or its cookie.
#[cfg(feature = "ssr")]
pub fn request_lang() -> Option<Lang> {
    let parts = use_context::<axum::http::request::Parts>()?;
    request_lang_from(&parts.headers)
}

/// The language of the request being served: the page's (provided by the app while it renders)
/// or its cookie's, Italian by default.
#[cfg(feature = "ssr")]
pub fn lang() -> Lang {
    use_context::<Lang>()
        .or_else(request_lang)
        .unwrap_or_default()
}

/// The language of a request: the one its address decided (a public page's address says its
/// language, see `web::language`), else the one chosen in its cookie, if any.
#[cfg(feature = "ssr")]
pub fn request_lang_from(headers: &axum::http::HeaderMap) -> Option<Lang> {
    let by_url = headers
        .get(crate::core::lang::URL_LANG_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_code);
    by_url.or_else(|| {
        let cookie = headers.get(axum::http::header::COOKIE)?.to_str().ok()?;
        Lang::from_cookie_header(cookie)
    })
}

/// Sets the HTTP status of the page being rendered (or of a server function's answer).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(res), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::StatusCode::from_u16(code),
    ) {
        res.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// Answers the page request with `302 Found` to a local path (whatever the request's `Accept`,
/// unlike `leptos_axum::redirect`, which is meant for server functions too).
pub fn redirect(path: &str) {
    #[cfg(feature = "ssr")]
    if let (Some(res), Ok(location)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::HeaderValue::from_str(path),
    ) {
        res.insert_header(axum::http::header::LOCATION, location);
        res.set_status(axum::http::StatusCode::FOUND);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = path;
}

/// The signed-in staff member of this request, if any (never in the browser build).
pub async fn current_staff() -> Result<Option<StaffContext>, AppError> {
    #[cfg(feature = "ssr")]
    {
        staff_of_request().await
    }
    #[cfg(not(feature = "ssr"))]
    {
        Ok(None)
    }
}

/// The session token from a request's cookies.
#[cfg(feature = "ssr")]
pub fn session_token(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| {
            crate::backend::auth::cookie_value(c, crate::backend::auth::SESSION_COOKIE)
                .map(str::to_owned)
        })
}

/// The managers' session token from a request's cookies (see `backend::managers`).
#[cfg(feature = "ssr")]
pub fn manager_token(headers: &axum::http::HeaderMap) -> Option<String> {
    cookie(headers, crate::backend::managers::COOKIE)
}

/// The token of the changes kept for this browser after a manager's session ended (see
/// `backend::managers::keep_draft`).
#[cfg(feature = "ssr")]
pub fn draft_token(headers: &axum::http::HeaderMap) -> Option<String> {
    cookie(headers, crate::backend::managers::DRAFT_COOKIE).filter(|t| !t.is_empty())
}

#[cfg(feature = "ssr")]
fn cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| crate::backend::auth::cookie_value(c, name).map(str::to_owned))
}

/// The signed-in staff member of the request being rendered (server side).
#[cfg(feature = "ssr")]
async fn staff_of_request() -> Result<Option<StaffContext>, AppError> {
    let Some(parts) = use_context::<axum::http::request::Parts>() else {
        return Ok(None);
    };
    let Some(token) = session_token(&parts.headers) else {
        return Ok(None);
    };
    let db = db()?;
    let Some(session) = crate::backend::auth::session(&db, &token, now()).await? else {
        return Ok(None);
    };
    Ok(Some(StaffContext {
        user: session.user,
        csrf_token: session.csrf_token,
        to_review: 0,
        revisions: 0,
    }))
}

/// The signed-in staff member with what every staff page's menu shows (the requests waiting
/// for a decision): counted once per page, not by each server function a page calls.
pub async fn staff_page_context() -> Result<Option<StaffContext>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let Some(mut staff) = staff_of_request().await? else {
            return Ok(None);
        };
        let db = db()?;
        staff.to_review = db.submissions_to_review().await?;
        staff.revisions = db.revisions_to_review().await?;
        Ok(Some(staff))
    }
    #[cfg(not(feature = "ssr"))]
    {
        Ok(None)
    }
}

/// The signed-in staff member if their role allows `role`: `Unauthorized` when nobody is signed
/// in, `Forbidden` when the role is not enough. Every staff server function starts with this.
#[cfg(feature = "ssr")]
pub async fn require(role: crate::core::model::Role) -> Result<StaffContext, AppError> {
    let refuse = |status: u16, err: AppError| {
        set_status(status);
        Err(err)
    };
    match current_staff().await? {
        None => refuse(401, AppError::Unauthorized),
        Some(staff) if staff.user.role.allows(role) => Ok(staff),
        Some(_) => refuse(403, AppError::Forbidden),
    }
}
