//! The space managers' area: the signed-in manager of the request and their spaces, and the
//! address a sign-in link would sign in. Not server functions: their cookie goes only to the
//! managers' area (`backend::managers`), so only its pages, rendered on the server, ask.

#[cfg(feature = "ssr")]
use super::context::{db, now};
use super::error::AppError;
use crate::core::view::ManagerArea;

/// The managers' session of the request being rendered, if any (server side).
#[cfg(feature = "ssr")]
pub async fn manager_session() -> Result<Option<crate::backend::managers::ManagerSession>, AppError>
{
    let Some(parts) = leptos::prelude::use_context::<axum::http::request::Parts>() else {
        return Ok(None);
    };
    let Some(token) = super::context::manager_token(&parts.headers) else {
        return Ok(None);
    };
    Ok(crate::backend::managers::session(&db()?, &token, now()).await?)
}

/// The signed-in manager's area (`None` when nobody is signed in), never in the browser build.
pub async fn manager_area() -> Result<Option<ManagerArea>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let Some(session) = manager_session().await? else {
            return Ok(None);
        };
        let spaces = db()?.managed_spaces(&session.email).await?;
        Ok(Some(ManagerArea {
            email: session.email,
            csrf_token: session.csrf_token,
            spaces,
        }))
    }
    #[cfg(not(feature = "ssr"))]
    {
        Ok(None)
    }
}

/// The address sign-in link `token` would sign in, if it can still be used (reading it does
/// not use it).
pub async fn manager_link(token: String) -> Result<Option<String>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let hash = crate::backend::auth::token_hash(&token);
        Ok(db()?.manager_link(&hash, now()).await?)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = token;
        Ok(None)
    }
}
