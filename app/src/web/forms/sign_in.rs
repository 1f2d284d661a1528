//! Signing in and out of the staff area.

use crate::api::context::session_token;
use crate::backend::auth::{self, SignIn};
use crate::backend::context::AppState;
use crate::core::paths;
use crate::ui::pages::admin::sign_in::{SignInError, SignInState};
use crate::web::guard::{client_address, safe_next};
use crate::web::respond::{render_page, see_other};
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;
use std::net::SocketAddr;

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
    /// A staff form sent when the session had ended (see [`authorised_edit`]).
    ripresa: Option<String>,
}

pub(crate) async fn sign_in(
    State(state): State<AppState>,
    extensions: axum::http::Extensions,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> Response {
    let address = client_address(
        &state,
        extensions.get::<ConnectInfo<SocketAddr>>(),
        &headers,
    );
    let email = form.email.chars().take(254).collect::<String>();
    let password = form.password.chars().take(1024).collect::<String>();
    // No account's address has a control character (nor can PostgreSQL store a NUL).
    let outcome =
        if email.trim().is_empty() || password.is_empty() || email.chars().any(char::is_control) {
            Ok(SignIn::WrongCredentials)
        } else {
            auth::sign_in(&state.db, &email, &password, &address, state.clock.now()).await
        };
    let (error, status) = match outcome {
        Ok(SignIn::Success { user, token }) => {
            tracing::info!(user = user.id, "staff signed in");
            audit_session(&state, &user, "sign_in").await;
            // Rotation: whatever session the browser had is ended.
            if let Some(old) = session_token(&headers) {
                let _ = state.db.delete_session(&auth::token_hash(&old)).await;
            }
            let next = safe_next(form.next.as_deref(), paths::ADMIN);
            let resumed = match &form.ripresa {
                Some(body) => resume(&state, &headers, &token, &next, body).await,
                None => None,
            };
            let mut res = resumed.unwrap_or_else(|| see_other(&next));
            if let Ok(v) =
                HeaderValue::from_str(&auth::session_cookie(&token, state.config.secure_cookies()))
            {
                res.headers_mut().insert(header::SET_COOKIE, v);
            }
            return res;
        }
        Ok(SignIn::WrongCredentials) => (SignInError::WrongCredentials, StatusCode::UNAUTHORIZED),
        Ok(SignIn::Locked { retry_after }) => (
            SignInError::Locked {
                minutes: (retry_after + 59) / 60,
            },
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Ok(SignIn::Busy) => {
            tracing::warn!("sign-in refused: every password-hashing slot is busy");
            (SignInError::Unavailable, StatusCode::SERVICE_UNAVAILABLE)
        }
        Err(err) => {
            tracing::error!(error = %err, "sign-in failed");
            (SignInError::Unavailable, StatusCode::SERVICE_UNAVAILABLE)
        }
    };
    let context = SignInState {
        email: email.trim().to_owned(),
        error: Some(error),
        next: form.next.clone(),
        resume: form.ripresa.clone(),
    };
    let mut res = render_page(&state, &uri, &headers, context, status).await;
    if status == StatusCode::SERVICE_UNAVAILABLE {
        res.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from(auth::BUSY_RETRY_AFTER),
        );
    }
    res
}

/// Signing in and out go into the audit trail of the account (failed attempts are kept, for a
/// day, in the sign-in attempts that drive the lockout).
pub(super) async fn audit_session(
    state: &AppState,
    user: &crate::core::view::StaffUser,
    action: &str,
) {
    let entry = crate::backend::db::AuditEntry {
        actor_id: Some(user.id),
        actor_email: &user.email,
        action,
        entity: "staff_user",
        entity_id: Some(user.id),
        before: None,
        after: None,
    };
    if let Err(err) = state.db.audit(&entry, state.clock.now()).await {
        tracing::error!(error = %err, "audit of a sign-in failed");
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    pub csrf: String,
}

pub(crate) async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Response {
    if let Some(token) = session_token(&headers) {
        match auth::session(&state.db, &token, state.clock.now()).await {
            Ok(Some(session)) if auth::same_secret(&session.csrf_token, &form.csrf) => {
                let _ = state.db.delete_session(&session.token_hash).await;
                audit_session(&state, &session.user, "sign_out").await;
            }
            Ok(Some(_)) => return StatusCode::FORBIDDEN.into_response(),
            Ok(None) => {}
            Err(err) => {
                tracing::error!(error = %err, "sign-out failed");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        }
    }
    let mut res = see_other(&format!("{}?uscito=1", paths::SIGN_IN));
    if let Ok(v) = HeaderValue::from_str(&auth::clear_session_cookie(state.config.secure_cookies()))
    {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

/// After a sign-in that carried a form sent when the session had ended: that form's page,
/// rendered for the new session with what was sent in it (not saved yet). `None` when the
/// form is not one of the edit forms.
async fn resume(
    state: &AppState,
    headers: &HeaderMap,
    token: &str,
    next: &str,
    body: &str,
) -> Option<Response> {
    let mut headers = headers.clone();
    let cookie = HeaderValue::from_str(&format!("{}={token}", auth::SESSION_COOKIE)).ok()?;
    headers.insert(header::COOKIE, cookie);
    let uri: Uri = next.parse().ok()?;
    let id = |prefix: &str| {
        next.strip_prefix(prefix)
            .filter(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
    };
    if id(paths::prefix(paths::ADMIN_SPACE)).is_some() {
        let context = super::spaces::resumed(body)?;
        return Some(render_page(state, &uri, &headers, context, StatusCode::OK).await);
    }
    if id(paths::prefix(paths::ADMIN_EVENT)).is_some() {
        let context = super::events::resumed(body)?;
        return Some(render_page(state, &uri, &headers, context, StatusCode::OK).await);
    }
    None
}
