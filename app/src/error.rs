//! The error type that crosses the wire from server functions to pages. Internal causes (database
//! errors and the like) are logged on the server and never shown: the user sees a kind of
//! failure, in their language.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Not signed in (staff area).
    #[error("sign-in required")]
    Unauthorized,
    /// Signed in, but the role does not allow it.
    #[error("not allowed")]
    Forbidden,
    /// Something failed on the server (logged there); try again later.
    #[error("the service is temporarily unavailable")]
    Unavailable,
    /// The server-function machinery itself failed (network, encoding…).
    #[error("request failed: {0}")]
    Request(ServerFnErrorErr),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value)
    }
}

#[cfg(feature = "ssr")]
impl From<crate::db::DbError> for AppError {
    fn from(err: crate::db::DbError) -> Self {
        tracing::error!(error = %err, "database error");
        AppError::Unavailable
    }
}
