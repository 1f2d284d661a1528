//! Passwords over HTTP (server only): "Password dimenticata?" (always the same answer, the
//! work done after it) and a signed-in member of staff changing theirs (session, CSRF token,
//! the current password under the sign-in's lockout).

use crate::backend::auth::{self, passwords};
use crate::backend::context::AppState;
use crate::core::model::Role;
use crate::core::paths;
use crate::core::validate::typed_email;
use crate::ui::components::form::EmailFormState;
use crate::ui::pages::admin::password::ChangeState;
use crate::web::guard::{authorised_post, client_address};
use crate::web::respond::{render_page, see_other, unavailable};
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use std::net::SocketAddr;

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// Asks for a link to choose a new password. A malformed address is pointed out beside the
/// field; any well-formed one gets the same answer at once, and the link is made and
/// e-mailed afterwards, only for an active account (see `passwords::request_reset`).
pub(crate) async fn forgot(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<ForgotForm>,
) -> Response {
    let (email, problem) = typed_email(&form.email);
    if let Some(problem) = problem {
        let context = EmailFormState {
            email,
            problem: Some(problem),
        };
        return render_page(
            &state,
            &uri,
            &headers,
            context,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let lang = crate::api::context::request_lang_from(&headers).unwrap_or_default();
    let worker = state.clone();
    tokio::spawn(async move {
        let base = worker.config.base_url().to_owned();
        let mail = |to: &str, name: &str, token: &str| {
            let link = format!("{base}{}", paths::invitation(token));
            crate::backend::emails::password_reset(to, name, &link, lang)
        };
        match passwords::request_reset(&worker.db, &email, mail, worker.clock.now()).await {
            Ok(true) => worker.outbox.wake(),
            Ok(false) => {}
            Err(err) => tracing::error!(error = %err, "a password reset failed"),
        }
    });
    see_other(&format!("{}?inviata=1", paths::FORGOT_PASSWORD))
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// A signed-in member of staff changes their password (see `passwords::change_password`).
pub(crate) async fn change(
    State(state): State<AppState>,
    extensions: axum::http::Extensions,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<ChangeForm>,
) -> Response {
    let session = match authorised_post(&state, &headers, &form.csrf, Role::Editor).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let address = client_address(
        &state,
        extensions.get::<ConnectInfo<SocketAddr>>(),
        &headers,
    );
    let cut = |s: &str| s.chars().take(1024).collect::<String>();
    let passwords = (
        cut(&form.current_password),
        cut(&form.password),
        cut(&form.password_confirm),
    );
    let outcome = passwords::change_password(
        &state.db,
        &session,
        (&passwords.0, &passwords.1, &passwords.2),
        &address,
        state.clock.now(),
    )
    .await;
    let (context, status) = match outcome {
        Ok(passwords::Changed::Done) => {
            tracing::info!(user = session.user.id, "staff password changed");
            return see_other(&format!("{}?cambiata=1", paths::CHANGE_PASSWORD));
        }
        Ok(passwords::Changed::Refused(errors)) => (
            ChangeState {
                errors,
                locked_minutes: None,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Ok(passwords::Changed::Locked { retry_after }) => (
            ChangeState {
                errors: Default::default(),
                locked_minutes: Some((retry_after + 59) / 60),
            },
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Ok(passwords::Changed::Busy) => {
            let mut res = unavailable("changing a password", &"every password check is busy");
            res.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(auth::BUSY_RETRY_AFTER),
            );
            return res;
        }
        Err(err) => return unavailable("changing a password", &err),
    };
    render_page(&state, &uri, &headers, context, status).await
}
