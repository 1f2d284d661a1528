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

impl AppError {
    /// The HTTP status a server function failing with this error answers: the caller's
    /// mistakes are 4xx (malformed or missing arguments included), the server's are 5xx.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::Unavailable => 503,
            AppError::Request(
                ServerFnErrorErr::Args(_)
                | ServerFnErrorErr::MissingArg(_)
                | ServerFnErrorErr::Deserialization(_)
                | ServerFnErrorErr::UnsupportedRequestMethod(_)
                | ServerFnErrorErr::Request(_),
            ) => 400,
            AppError::Request(_) => 500,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::backend::db::DbError> for AppError {
    fn from(err: crate::backend::db::DbError) -> Self {
        // A key the database cannot even hold (a NUL character on PostgreSQL) names nothing.
        if err.is_bad_input() {
            return AppError::NotFound;
        }
        tracing::error!(error = %err, "database error");
        AppError::Unavailable
    }
}
