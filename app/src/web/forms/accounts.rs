//! Staff accounts: inviting a colleague, disabling and re-roling accounts, new links, and
//! choosing a password through an invitation.

use super::sign_in::CsrfForm;
use crate::backend::auth;
use crate::backend::context::AppState;
use crate::core::paths;
use crate::ui::pages::admin::invitation::PasswordFormState;
use crate::ui::pages::admin::staff::{InviteFormState, NewLink};
use crate::web::guard::authorised_post;
use crate::web::respond::{render_page, see_other, unavailable};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    input: crate::core::validate::account::InviteInput,
}

/// The absolute address of an invitation link, to copy into a message.
fn invitation_link(state: &AppState, token: &str) -> String {
    format!("{}/admin/invito/{token}", state.config.base_url())
}

/// Admins invite a colleague: the account is created without a password, and the page shows
/// the link (valid for a week) with which they choose one.
pub(crate) async fn invite(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<InviteForm>,
) -> Response {
    use crate::core::validate::account::Field;
    use crate::core::validate::{FieldErrors, Problem};
    let session = match authorised_post(
        &state,
        &headers,
        &form.csrf,
        crate::core::model::Role::Admin,
    )
    .await
    {
        Ok(s) => s,
        Err(res) => return res,
    };
    let errors = match crate::core::validate::account::validate_invite(&form.input) {
        Ok(valid) => {
            let token = auth::new_token();
            let link = invitation_link(&state, &token);
            let mail = crate::backend::emails::invitation(
                &valid.email,
                &valid.name,
                &session.user.name,
                &link,
            );
            match auth::passwords::invite(
                &state.db,
                &valid,
                &token,
                Some(&mail),
                (Some(session.user.id), &session.user.email),
                state.clock.now(),
            )
            .await
            {
                Ok(Some(_)) => {
                    state.outbox.wake();
                    let context = NewLink {
                        name: valid.name,
                        link,
                    };
                    return render_page(&state, &uri, &headers, context, StatusCode::CREATED).await;
                }
                Ok(None) => FieldErrors::one(Field::Email, Problem::Taken),
                Err(err) => return unavailable("inviting", &err),
            }
        }
        Err(errors) => errors,
    };
    let context = InviteFormState {
        input: form.input,
        errors,
    };
    render_page(
        &state,
        &uri,
        &headers,
        context,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// An admin's action on another account (never on their own: an admin cannot lock themselves
/// out or leave the service without an admin by mistake).
async fn account_action(
    state: &AppState,
    headers: &HeaderMap,
    csrf: &str,
    id: i64,
) -> Result<auth::Session, Response> {
    let session = authorised_post(state, headers, csrf, crate::core::model::Role::Admin).await?;
    if session.user.id == id {
        return Err(StatusCode::CONFLICT.into_response());
    }
    Ok(session)
}

#[derive(Deserialize)]
pub struct AccountStatusForm {
    #[serde(default)]
    csrf: String,
    /// The version of the account the page showed.
    #[serde(default)]
    version: i64,
    #[serde(default)]
    attivo: String,
}

pub(crate) async fn set_account_disabled(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    headers: HeaderMap,
    Form(form): Form<AccountStatusForm>,
) -> Response {
    let session = match account_action(&state, &headers, &form.csrf, id).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let disabled = match form.attivo.as_str() {
        "0" => true,
        "1" => false,
        _ => return StatusCode::UNPROCESSABLE_ENTITY.into_response(),
    };
    let change = state
        .db
        .set_staff_disabled(
            id,
            disabled,
            Some(form.version),
            (Some(session.user.id), &session.user.email),
            state.clock.now(),
        )
        .await;
    account_changed(change, "disabling an account")
}

/// Where a change to an account leads: back to the accounts, saying how it went.
fn account_changed(
    change: Result<crate::backend::db::AccountChange, crate::backend::db::DbError>,
    what: &str,
) -> Response {
    use crate::backend::db::AccountChange;
    let outcome = match change {
        Ok(AccountChange::Done) => "salvato",
        Ok(AccountChange::Stale) => "superato",
        Ok(AccountChange::LastAdmin) => "ultimo-admin",
        Ok(AccountChange::Missing) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return unavailable(what, &err),
    };
    see_other(&format!("{}?{outcome}=1", paths::STAFF))
}

#[derive(Deserialize)]
pub struct AccountRoleForm {
    #[serde(default)]
    csrf: String,
    /// The version of the account the page showed.
    #[serde(default)]
    version: i64,
    #[serde(default)]
    ruolo: String,
}

pub(crate) async fn set_account_role(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    headers: HeaderMap,
    Form(form): Form<AccountRoleForm>,
) -> Response {
    let session = match account_action(&state, &headers, &form.csrf, id).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let Some(role) = crate::core::model::Role::from_code(&form.ruolo) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let change = state
        .db
        .set_staff_role(
            id,
            role,
            Some(form.version),
            (Some(session.user.id), &session.user.email),
            state.clock.now(),
        )
        .await;
    account_changed(change, "changing a role")
}

/// A fresh access link for a colleague who lost theirs or forgot the password.
pub(crate) async fn new_link(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Response {
    let session = match account_action(&state, &headers, &form.csrf, id).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let (name, email) = match state.db.staff_by_id(id).await {
        Ok(Some(record)) => (record.name, record.email),
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return unavailable("looking up an account", &err),
    };
    let token = auth::new_token();
    let link = invitation_link(&state, &token);
    let mail = crate::backend::emails::invitation(&email, &name, &session.user.name, &link);
    match auth::passwords::access_link(
        &state.db,
        id,
        &token,
        Some(&mail),
        (Some(session.user.id), &session.user.email),
        state.clock.now(),
    )
    .await
    {
        Ok(true) => {
            state.outbox.wake();
            let context = NewLink { name, link };
            let uri = Uri::from_static(paths::STAFF);
            render_page(&state, &uri, &headers, context, StatusCode::CREATED).await
        }
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => unavailable("creating an access link", &err),
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// The invitation link's form: choose a password, then sign in with it.
pub(crate) async fn accept_invitation(
    State(state): State<AppState>,
    axum::extract::Path(token): axum::extract::Path<String>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> Response {
    let accepted = auth::passwords::accept_invitation(
        &state.db,
        &token,
        &form.password,
        &form.password_confirm,
        state.clock.now(),
    )
    .await;
    let errors = match accepted {
        // Signed in at once, on to the staff home; should the session fail, the sign-in page.
        Ok(auth::passwords::Accepted::User(user)) => {
            tracing::info!(user = user.id, "staff password set");
            let now = state.clock.now();
            let Ok(token) = auth::start_session(&state.db, user.id, now).await else {
                return see_other(&format!("{}?password=1", paths::SIGN_IN));
            };
            super::sign_in::audit_session(&state, &user, "sign_in").await;
            let mut res = see_other(paths::ADMIN);
            let cookie = auth::session_cookie(&token, state.config.secure_cookies());
            if let Ok(v) = axum::http::HeaderValue::from_str(&cookie) {
                res.headers_mut().insert(axum::http::header::SET_COOKIE, v);
            }
            return res;
        }
        // A dead link: the page explains it.
        Ok(auth::passwords::Accepted::DeadLink) => {
            return render_page(&state, &uri, &headers, (), StatusCode::NOT_FOUND).await
        }
        Ok(auth::passwords::Accepted::Refused(errors)) => errors,
        Err(err) => return unavailable("setting a password", &err),
    };
    // Passwords are never sent back to the browser.
    render_page(
        &state,
        &uri,
        &headers,
        PasswordFormState { errors },
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
