//! The staff area's HTTP side (server only): who is signed in, and the form posts of sign-in and
//! sign-out. Forms post to the page's own URL; on an error the page is rendered again with the
//! typed values and the message (no JavaScript needed), on success the browser is redirected
//! (post/redirect/get).

use crate::api::context::session_token;
use crate::backend::auth::{self, SignIn};
use crate::backend::context::AppState;
use crate::pages::admin::sign_in::{SignInError, SignInState};
use crate::shell;
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Form, Router};
use leptos::prelude::*;
use serde::Deserialize;
use std::net::SocketAddr;

pub const SIGN_IN_PATH: &str = crate::pages::admin::SIGN_IN_ACTION;
pub const SIGN_OUT_PATH: &str = crate::pages::admin::SIGN_OUT_ACTION;
pub const NEW_SPACE_PATH: &str = crate::pages::admin::NEW_SPACE_ACTION;
pub const STAFF_PATH: &str = crate::pages::admin::STAFF_ACTION;
pub const IMPORT_PATH: &str = crate::pages::admin::IMPORT_ACTION;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(SIGN_IN_PATH, post(sign_in))
        .route(SIGN_OUT_PATH, post(sign_out))
        .route(NEW_SPACE_PATH, post(create_space))
        .route("/admin/spazi/{id}", post(save_space))
        .route("/admin/spazi/{id}/stato", post(change_status))
        .route(STAFF_PATH, post(invite))
        .route("/admin/staff/{id}/stato", post(set_account_disabled))
        .route("/admin/staff/{id}/ruolo", post(set_account_role))
        .route("/admin/staff/{id}/link", post(new_link))
        .route("/admin/invito/{token}", post(accept_invitation))
        .route(
            IMPORT_PATH,
            post(upload_import).layer(axum::extract::DefaultBodyLimit::max(
                crate::backend::import::MAX_FILE_BYTES + 64 * 1024,
            )),
        )
        .route("/admin/importa/{id}", post(confirm_import))
        .route("/admin/importa/{id}/annulla", post(revert_import))
        .route("/admin/esporta/spazi.csv", axum::routing::get(export_csv))
        .route(
            "/admin/esporta/spazi.geojson",
            axum::routing::get(export_geojson),
        )
}

/// The session of a staff request if its role allows `role`, or the answer to give instead:
/// to the sign-in page when there is none, 403 when the role is not enough.
pub(crate) async fn staff_session(
    state: &AppState,
    headers: &HeaderMap,
    role: crate::core::model::Role,
) -> Result<auth::Session, Response> {
    let token = session_token(headers).ok_or_else(|| see_other(SIGN_IN_PATH))?;
    match auth::session(&state.db, &token, state.clock.now()).await {
        Ok(Some(s)) if s.user.role.allows(role) => Ok(s),
        Ok(Some(_)) => Err(StatusCode::FORBIDDEN.into_response()),
        Ok(None) => Err(see_other(SIGN_IN_PATH)),
        Err(err) => {
            tracing::error!(error = %err, "session lookup failed");
            Err(StatusCode::SERVICE_UNAVAILABLE.into_response())
        }
    }
}

async fn all_spaces(state: &AppState) -> Result<Vec<crate::core::view::SpaceDetail>, Response> {
    state
        .db
        .all_details(&crate::core::filter::SpaceFilter::default())
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "staff export failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        })
}

/// Staff: every space of every status, as CSV for Excel (semicolons, BOM, formulas defused).
async fn export_csv(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(res) = staff_session(&state, &headers, crate::core::model::Role::Editor).await {
        return res;
    }
    let spaces = match all_spaces(&state).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    match crate::opendata::csv_document(&spaces, true, true) {
        Ok(body) => crate::opendata::respond(
            &headers,
            body,
            "text/csv; charset=utf-8",
            Some("spazi-tutti.csv"),
            false,
        ),
        Err(err) => {
            tracing::error!(error = %err, "staff CSV export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Staff: every space of every status, as GeoJSON.
async fn export_geojson(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(res) = staff_session(&state, &headers, crate::core::model::Role::Editor).await {
        return res;
    }
    let spaces = match all_spaces(&state).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let body = crate::opendata::geojson_document(&spaces, true);
    crate::opendata::respond(
        &headers,
        body,
        "application/geo+json",
        Some("spazi-tutti.geojson"),
        false,
    )
}

/// The staff session of a form post, if its role allows `role` and the form's CSRF token
/// matches the session's.
pub(crate) async fn authorised_post(
    state: &AppState,
    headers: &HeaderMap,
    csrf: &str,
    role: crate::core::model::Role,
) -> Result<auth::Session, Response> {
    let session = staff_session(state, headers, role).await?;
    if !auth::same_secret(&session.csrf_token, csrf) {
        return Err(StatusCode::FORBIDDEN.into_response());
    }
    Ok(session)
}

/// A staff edit form's post, read from its body so that it can be kept when the session has
/// ended (see [`authorised_edit`]). `None` for a body that is not the form.
pub(crate) fn edit_form<T: serde::de::DeserializeOwned>(body: &[u8]) -> Option<T> {
    serde_urlencoded::from_bytes(body).ok()
}

/// [`authorised_post`] for the staff edit forms: when the session has ended (expired, signed
/// out in another tab), the answer is the sign-in page carrying what was sent, which comes
/// back in the form, unsaved, once signed in (nothing typed is lost).
pub(crate) async fn authorised_edit(
    state: &AppState,
    page: &str,
    headers: &HeaderMap,
    csrf: &str,
    body: &[u8],
) -> Result<auth::Session, Response> {
    match authorised_post(state, headers, csrf, crate::core::model::Role::Editor).await {
        Err(res) if res.status() == StatusCode::SEE_OTHER => {
            let context = SignInState {
                next: Some(page.to_owned()),
                resume: Some(String::from_utf8_lossy(body).into_owned()),
                ..Default::default()
            };
            let Ok(sign_in) = SIGN_IN_PATH.parse::<Uri>() else {
                return Err(res);
            };
            Err(render_page(state, &sign_in, headers, context, StatusCode::UNAUTHORIZED).await)
        }
        other => other,
    }
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
    if id("/admin/spazi/").is_some() {
        let form: SpaceForm = serde_urlencoded::from_str(body).ok()?;
        let context = SpaceFormState {
            input: form.input,
            version: Some(form.version),
            base: Some(form.base),
            resumed: true,
            ..Default::default()
        };
        return Some(render_page(state, &uri, &headers, context, StatusCode::OK).await);
    }
    if id("/admin/eventi/").is_some() {
        let context = crate::staff_events::resumed(body)?;
        return Some(render_page(state, &uri, &headers, context, StatusCode::OK).await);
    }
    None
}

#[derive(Deserialize)]
pub struct SpaceForm {
    #[serde(default)]
    csrf: String,
    /// The version of the space the form was read at (absent on the creation form).
    #[serde(default)]
    version: i64,
    /// The values the form was read at, serialised (see [`merge_edits`]).
    #[serde(default)]
    base: String,
    #[serde(flatten)]
    input: crate::core::validate::SpaceInput,
}

/// A three-way merge of a form that met a colleague's save: the fields this user left as they
/// were read (`base`) take the saved value; the ones they changed keep what they typed. `None`
/// when the base is missing or unreadable (then every field keeps what was typed).
pub fn merge_edits<T>(typed: &T, base: &str, saved: &T) -> Option<T>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    use serde_json::Value;
    let same = |a: Option<&Value>, b: Option<&Value>| match (a, b) {
        (Some(Value::String(a)), Some(Value::String(b))) => {
            a.replace("\r\n", "\n").trim() == b.replace("\r\n", "\n").trim()
        }
        (a, b) => a.unwrap_or(&Value::Null) == b.unwrap_or(&Value::Null),
    };
    let (Ok(Value::Object(typed)), Ok(Value::Object(base)), Ok(Value::Object(saved))) = (
        serde_json::to_value(typed),
        serde_json::from_str::<Value>(base),
        serde_json::to_value(saved),
    ) else {
        return None;
    };
    let merged: serde_json::Map<String, Value> = typed
        .iter()
        .map(|(key, mine)| {
            let value = if same(Some(mine), base.get(key)) {
                saved.get(key).cloned().unwrap_or(Value::Null)
            } else {
                mine.clone()
            };
            (key.clone(), value)
        })
        .collect();
    serde_json::from_value(Value::Object(merged)).ok()
}

/// The form after a colleague's save: merged where possible, with their values beside it.
fn space_conflict(
    typed: crate::core::validate::SpaceInput,
    base: &str,
    current: &crate::backend::db::StaffSpace,
) -> SpaceFormState {
    let saved = crate::backend::db::as_input(&current.current);
    SpaceFormState {
        input: merge_edits(&typed, base, &saved).unwrap_or(typed),
        errors: Default::default(),
        conflict: Some(SpaceConflict {
            saved: saved.clone(),
            version: current.version,
        }),
        version: None,
        base: serde_json::to_string(&saved).ok(),
        resumed: false,
    }
}

use crate::backend::db::Saved;
/// Provided in context when the space form is rendered again after a failed post.
pub use crate::pages::admin::space_edit::{SpaceConflict, SpaceFormState};

async fn save_space(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let Some(form) = edit_form::<SpaceForm>(&body) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let session = match authorised_edit(&state, uri.path(), &headers, &form.csrf, &body).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let result = match validate_with_db(&state, &form.input).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    match result {
        Ok(valid) => {
            match state
                .db
                .update_space(
                    id,
                    &valid,
                    form.version,
                    (session.user.id, &session.user.email),
                    state.clock.now(),
                )
                .await
            {
                Ok(Saved::Done { .. }) => see_other(&format!("/admin/spazi/{id}?salvato=1")),
                Ok(Saved::Missing) => StatusCode::NOT_FOUND.into_response(),
                // A colleague saved first: the form comes back with what was typed, the
                // saved values beside it, and the newer version (saving again is a choice).
                Ok(Saved::Stale(current)) => {
                    let context = space_conflict(form.input, &form.base, &current);
                    render_page(&state, &uri, &headers, context, StatusCode::CONFLICT).await
                }
                Err(err) => unavailable("saving a space", &err),
            }
        }
        Err(errors) => {
            let context = SpaceFormState {
                input: form.input,
                errors,
                conflict: None,
                version: Some(form.version),
                base: Some(form.base),
                resumed: false,
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
    }
}

/// The shared validation, then what only the database knows: the municipality is one of the 55.
async fn validate_with_db(
    state: &AppState,
    input: &crate::core::validate::SpaceInput,
) -> Result<Result<crate::core::validate::ValidSpace, crate::core::validate::FieldErrors>, Response>
{
    let result = crate::core::validate::validate_space(input);
    if let Ok(valid) = &result {
        match state.db.municipality_name(&valid.municipality).await {
            Ok(Some(_)) => {}
            Ok(None) => {
                return Ok(Err(crate::core::validate::FieldErrors(vec![(
                    crate::core::validate::Field::Municipality,
                    crate::core::validate::Problem::UnknownChoice,
                )])))
            }
            Err(err) => {
                tracing::error!(error = %err, "municipality lookup failed");
                return Err(StatusCode::SERVICE_UNAVAILABLE.into_response());
            }
        }
    }
    Ok(result)
}

async fn create_space(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<SpaceForm>,
) -> Response {
    let session = match authorised_post(
        &state,
        &headers,
        &form.csrf,
        crate::core::model::Role::Editor,
    )
    .await
    {
        Ok(s) => s,
        Err(res) => return res,
    };
    let result = match validate_with_db(&state, &form.input).await {
        Ok(r) => r,
        Err(res) => return res,
    };
    match result {
        Ok(valid) => match state
            .db
            .create_space(
                &valid,
                crate::core::model::SpaceStatus::Pending,
                (session.user.id, &session.user.email),
                state.clock.now(),
            )
            .await
        {
            Ok(id) => see_other(&format!("/admin/spazi/{id}?salvato=1")),
            Err(err) => {
                tracing::error!(error = %err, "creating a space failed");
                StatusCode::SERVICE_UNAVAILABLE.into_response()
            }
        },
        Err(errors) => {
            let context = SpaceFormState {
                input: form.input,
                errors,
                conflict: None,
                version: None,
                base: None,
                resumed: false,
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
    }
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    stato: String,
    /// The version of the space the buttons were shown for.
    #[serde(default)]
    version: i64,
    /// Present when the buttons were pressed in the edit form: its values come along.
    #[serde(default)]
    modulo: String,
    #[serde(default)]
    base: String,
    #[serde(flatten)]
    input: crate::core::validate::SpaceInput,
}

use crate::core::model::SpaceStatus;

async fn change_status(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let Some(form) = edit_form::<StatusForm>(&body) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let page = format!("/admin/spazi/{id}");
    let session = match authorised_edit(&state, &page, &headers, &form.csrf, &body).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    // The statuses the page offers: a space is rejected only through its join request.
    let status = match crate::core::model::SpaceStatus::from_code(&form.stato) {
        Some(s @ (SpaceStatus::Published | SpaceStatus::Pending | SpaceStatus::Archived)) => s,
        _ => return StatusCode::UNPROCESSABLE_ENTITY.into_response(),
    };
    let actor = (session.user.id, session.user.email.as_str());
    let space = match state.db.staff_space(id).await {
        Ok(Some(space)) => space,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return unavailable("loading a space", &err),
    };
    // Buttons shown for an older version: the page again, saying why (with what was typed,
    // when they came from the edit form).
    if space.version != form.version {
        if form.modulo.is_empty() {
            return see_other(&format!("{page}?superato=1"));
        }
        let context = space_conflict(form.input, &form.base, &space);
        let page_uri: Uri = page.parse().unwrap_or(uri);
        return render_page(&state, &page_uri, &headers, context, StatusCode::CONFLICT).await;
    }
    // What was typed in the edit form is saved first: a status button never drops it.
    let mut version = form.version;
    if !form.modulo.is_empty() {
        let valid = match validate_with_db(&state, &form.input).await {
            Ok(Ok(valid)) => valid,
            Ok(Err(errors)) => {
                let context = SpaceFormState {
                    input: form.input,
                    errors,
                    conflict: None,
                    version: Some(form.version),
                    base: Some(form.base),
                    resumed: false,
                };
                let page_uri: Uri = page.parse().unwrap_or(uri);
                return render_page(
                    &state,
                    &page_uri,
                    &headers,
                    context,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            Err(res) => return res,
        };
        let actor = (session.user.id, session.user.email.as_str());
        match state
            .db
            .update_space(id, &valid, form.version, actor, state.clock.now())
            .await
        {
            Ok(Saved::Done { version: now }) => version = now,
            Ok(Saved::Stale(current)) => {
                let context = space_conflict(form.input, &form.base, &current);
                let page_uri: Uri = page.parse().unwrap_or(uri);
                return render_page(&state, &page_uri, &headers, context, StatusCode::CONFLICT)
                    .await;
            }
            Ok(Saved::Missing) => return StatusCode::NOT_FOUND.into_response(),
            Err(err) => return unavailable("saving a space", &err),
        }
    }
    // A space that came from a join request changes status with its request, so the two
    // never disagree and the submitter hears of it.
    use crate::core::model::Decision;
    let request = match state.db.space_request(id).await {
        Ok(r) => r,
        Err(err) => return unavailable("loading a request", &err),
    };
    let result = match (status, request) {
        (SpaceStatus::Published, Some((request, _, decision)))
            if decision != Some(Decision::Approved) =>
        {
            crate::backend::review::record_decision(
                &state,
                request,
                Decision::Approved,
                "",
                None,
                actor,
            )
            .await
            .map(|done| {
                if done {
                    Saved::Done { version: 0 }
                } else {
                    Saved::Missing
                }
            })
        }
        (
            SpaceStatus::Pending,
            Some((request, _, Some(Decision::Approved | Decision::Rejected))),
        ) => state
            .db
            .reopen_submission(request, actor, state.clock.now())
            .await
            .map(|done| {
                if done {
                    Saved::Done { version: 0 }
                } else {
                    Saved::Missing
                }
            }),
        _ => {
            state
                .db
                .set_space_status(id, status, version, actor, state.clock.now())
                .await
        }
    };
    match result {
        Ok(Saved::Done { .. }) => see_other(&format!("{page}?salvato=1")),
        Ok(Saved::Stale(_)) => see_other(&format!("{page}?superato=1")),
        Ok(Saved::Missing) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => unavailable("changing a status", &err),
    }
}

pub use crate::pages::admin::invitation::PasswordFormState;
pub use crate::pages::admin::staff::{InviteFormState, NewLink};

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    input: crate::core::validate::InviteInput,
}

/// The absolute address of an invitation link, to copy into a message.
fn invitation_link(state: &AppState, token: &str) -> String {
    format!("{}/admin/invito/{token}", base_url(state))
}

/// The site's address for links in pages and e-mails (configuration only: never the request's
/// `Host`).
pub(crate) fn base_url(state: &AppState) -> String {
    state.config.base_url().to_owned()
}

/// Admins invite a colleague: the account is created without a password, and the page shows
/// the link (valid for a week) with which they choose one.
async fn invite(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<InviteForm>,
) -> Response {
    use crate::core::validate::{Field, FieldErrors, Problem};
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
    let errors = match crate::core::validate::validate_invite(&form.input) {
        Ok(valid) => {
            let token = auth::new_token();
            let link = invitation_link(&state, &token);
            let mail = invitation_email(&valid.email, &valid.name, &session.user.name, &link);
            match auth::invite(
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
                Ok(None) => FieldErrors(vec![(Field::StaffEmail, Problem::Taken)]),
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

pub(crate) fn unavailable(what: &str, err: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %err, "{what} failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
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

async fn set_account_disabled(
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
    match state
        .db
        .set_staff_disabled(
            id,
            disabled,
            Some(form.version),
            (Some(session.user.id), &session.user.email),
            state.clock.now(),
        )
        .await
    {
        Ok(crate::backend::db::AccountChange::Done) => {
            see_other(&format!("{STAFF_PATH}?salvato=1"))
        }
        Ok(crate::backend::db::AccountChange::Stale) => {
            see_other(&format!("{STAFF_PATH}?superato=1"))
        }
        Ok(crate::backend::db::AccountChange::LastAdmin) => {
            see_other(&format!("{STAFF_PATH}?ultimo-admin=1"))
        }
        Ok(crate::backend::db::AccountChange::Missing) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => unavailable("disabling an account", &err),
    }
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

async fn set_account_role(
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
    match state
        .db
        .set_staff_role(
            id,
            role,
            Some(form.version),
            (Some(session.user.id), &session.user.email),
            state.clock.now(),
        )
        .await
    {
        Ok(crate::backend::db::AccountChange::Done) => {
            see_other(&format!("{STAFF_PATH}?salvato=1"))
        }
        Ok(crate::backend::db::AccountChange::Stale) => {
            see_other(&format!("{STAFF_PATH}?superato=1"))
        }
        Ok(crate::backend::db::AccountChange::LastAdmin) => {
            see_other(&format!("{STAFF_PATH}?ultimo-admin=1"))
        }
        Ok(crate::backend::db::AccountChange::Missing) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => unavailable("changing a role", &err),
    }
}

/// A fresh access link for a colleague who lost theirs or forgot the password.
async fn new_link(
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
    let mail = invitation_email(&email, &name, &session.user.name, &link);
    match auth::access_link(
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
            let uri = Uri::from_static(crate::pages::admin::STAFF_ACTION);
            render_page(&state, &uri, &headers, context, StatusCode::CREATED).await
        }
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => unavailable("creating an access link", &err),
    }
}

/// The e-mail with an invitation or access link (Italian, then English).
fn invitation_email(to: &str, name: &str, admin: &str, link: &str) -> crate::backend::mail::Email {
    crate::backend::mail::Email {
        to: to.to_owned(),
        subject: "Accesso all'area riservata di Spazi per l'innovazione".to_owned(),
        text: format!(
            "Buongiorno {name},\n\n\
             {admin} ti ha dato accesso all'area riservata di Spazi per l'innovazione \
             (Forum metropolitano degli spazi per l'innovazione, Città metropolitana di Bologna).\n\n\
             Per scegliere la tua password apri questo link entro 7 giorni (funziona una sola volta):\n\
             {link}\n\n\
             Se non ti aspettavi questo messaggio, puoi ignorarlo.\n\n\
             ---\n\n\
             Hello {name},\n\n\
             {admin} gave you access to the staff area of Spazi per l'innovazione. To choose your \
             password, open this link within 7 days (it works once):\n\
             {link}\n\n\
             Progetti d'impresa – Città metropolitana di Bologna\n\
             progimpresa@cittametropolitana.bo.it\n"
        ),
        ..Default::default()
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
async fn accept_invitation(
    State(state): State<AppState>,
    axum::extract::Path(token): axum::extract::Path<String>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> Response {
    let accepted = auth::accept_invitation(
        &state.db,
        &token,
        &form.password,
        &form.password_confirm,
        state.clock.now(),
    )
    .await;
    let errors = match accepted {
        Ok(auth::Accepted::User(user)) => {
            tracing::info!(user = user.id, "staff password set");
            return see_other(&format!("{SIGN_IN_PATH}?password=1"));
        }
        // A dead link: the page explains it.
        Ok(auth::Accepted::DeadLink) => {
            return render_page(&state, &uri, &headers, (), StatusCode::NOT_FOUND).await
        }
        Ok(auth::Accepted::Refused(errors)) => errors,
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

pub use crate::pages::admin::import::ImportUploadState;

/// Staff upload a CSV or GeoJSON file of spaces (multipart form): it is checked, stored, and
/// its preview shown at `/admin/importa/{id}`; nothing changes until they confirm.
async fn upload_import(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    use crate::core::view::ImportFileError;
    let too_large = ImportFileError::TooLarge {
        max_mb: crate::backend::import::MAX_FILE_BYTES / (1024 * 1024),
    };
    // Who is asking comes first: anonymous callers go to the sign-in page whatever they sent.
    let session = match staff_session(&state, &headers, crate::core::model::Role::Editor).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let Ok(mut multipart) = multipart else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    // One upload at a time per process: each holds its file (up to 5 MB) and its parsed rows.
    let _turn = crate::backend::import::TURN.acquire().await;
    let (mut csrf, mut status, mut file) = (String::new(), String::new(), None);
    let mut options = crate::backend::import::Options::default();
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_owned();
                let filename = field.file_name().map(str::to_owned);
                match field.bytes().await {
                    Ok(bytes) => match name.as_str() {
                        "csrf" => csrf = String::from_utf8_lossy(&bytes).into_owned(),
                        "stato" => status = String::from_utf8_lossy(&bytes).into_owned(),
                        "archiviati" => options.include_archived = !bytes.is_empty(),
                        "file" => file = Some((filename.unwrap_or_default(), bytes)),
                        _ => {}
                    },
                    Err(err) if err.status() != StatusCode::PAYLOAD_TOO_LARGE => {
                        return StatusCode::BAD_REQUEST.into_response()
                    }
                    // Over the body limit.
                    Err(_) => {
                        return upload_error(
                            &state,
                            &uri,
                            &headers,
                            too_large,
                            StatusCode::PAYLOAD_TOO_LARGE,
                        )
                        .await;
                    }
                }
            }
            Ok(None) => break,
            Err(err) if err.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return upload_error(
                    &state,
                    &uri,
                    &headers,
                    too_large,
                    StatusCode::PAYLOAD_TOO_LARGE,
                )
                .await
            }
            Err(_) => return StatusCode::BAD_REQUEST.into_response(),
        }
    }
    if !auth::same_secret(&session.csrf_token, &csrf) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let new_status = match status.as_str() {
        "published" => crate::core::model::SpaceStatus::Published,
        _ => crate::core::model::SpaceStatus::Pending,
    };
    let (filename, bytes) = match file {
        Some((name, bytes)) if !(name.is_empty() && bytes.is_empty()) => (name, bytes),
        _ => {
            return upload_error(
                &state,
                &uri,
                &headers,
                ImportFileError::NoFile,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    if bytes.len() > crate::backend::import::MAX_FILE_BYTES {
        return upload_error(
            &state,
            &uri,
            &headers,
            too_large,
            StatusCode::PAYLOAD_TOO_LARGE,
        )
        .await;
    }
    let text = crate::backend::import::decode(&bytes);
    if let Err(err) = crate::backend::import::parse(&text) {
        return upload_error(
            &state,
            &uri,
            &headers,
            err,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    // Only the last path segment of the name the browser sent, bounded.
    let filename: String = filename
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(120)
        .collect();
    match state
        .db
        .create_import(
            &filename,
            &text,
            new_status,
            options,
            session.user.id,
            state.clock.now(),
        )
        .await
    {
        Ok(id) => see_other(&format!("{IMPORT_PATH}/{id}")),
        Err(err) => unavailable("storing an import", &err),
    }
}

async fn upload_error(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    error: crate::core::view::ImportFileError,
    status: StatusCode,
) -> Response {
    render_page(
        state,
        uri,
        headers,
        ImportUploadState { error: Some(error) },
        status,
    )
    .await
}

#[derive(Deserialize)]
pub struct ConfirmImportForm {
    #[serde(default)]
    csrf: String,
    /// The digest of the plan the preview showed.
    #[serde(default)]
    piano: String,
}

/// Staff confirm an import: it is applied in the background (the page shows its progress) so
/// that a large file outlives the request and any proxy's timeout. A plan that is no longer
/// the one the preview showed (a colleague changed a space since) is shown again instead.
async fn confirm_import(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    headers: HeaderMap,
    Form(form): Form<ConfirmImportForm>,
) -> Response {
    let session = match authorised_post(
        &state,
        &headers,
        &form.csrf,
        crate::core::model::Role::Editor,
    )
    .await
    {
        Ok(s) => s,
        Err(res) => return res,
    };
    let claimed =
        match crate::backend::import::claim(&state.db, id, Some(&form.piano), state.clock.now())
            .await
        {
            Ok(crate::backend::import::Claim::Claimed(c)) => c,
            Ok(crate::backend::import::Claim::Changed) => {
                return see_other(&format!("{IMPORT_PATH}/{id}?cambiato=1"))
            }
            // Finished, or being applied by another request: the page shows where it stands.
            Ok(crate::backend::import::Claim::NotNow) => {
                return see_other(&format!("{IMPORT_PATH}/{id}"))
            }
            Err(err) => return unavailable("claiming an import", &err),
        };
    let db = state.db.clone();
    let user = session.user;
    let clock = state.clock;
    tokio::spawn(async move {
        match crate::backend::import::apply(&db, &claimed, (user.id, &user.email), clock).await {
            Ok(()) => tracing::info!(import = id, "import applied"),
            Err(err) => tracing::error!(import = id, error = %err, "import failed"),
        }
    });
    see_other(&format!("{IMPORT_PATH}/{id}"))
}

#[derive(Deserialize)]
pub struct RevertImportForm {
    #[serde(default)]
    csrf: String,
    /// Present on the second step: staff saw what reverting does and confirmed.
    #[serde(default)]
    conferma: String,
    /// Revert the rest even though some spaces changed since.
    #[serde(default)]
    lascia: String,
}

pub use crate::pages::admin::import::RevertState;

/// Staff revert an applied import, in two steps: the first shows what will happen (spaces
/// removed, put back, left alone because they changed since), the second does it.
async fn revert_import(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<RevertImportForm>,
) -> Response {
    let session = match authorised_post(
        &state,
        &headers,
        &form.csrf,
        crate::core::model::Role::Editor,
    )
    .await
    {
        Ok(s) => s,
        Err(res) => return res,
    };
    let leave_changed = !form.lascia.is_empty();
    if form.conferma.is_empty() {
        // The page of the import, at its confirmation step.
        let context = RevertState {
            confirm: true,
            leave_changed,
            ..Default::default()
        };
        let page_uri: Uri = format!("{IMPORT_PATH}/{id}").parse().unwrap_or(uri);
        return render_page(&state, &page_uri, &headers, context, StatusCode::OK).await;
    }
    match state
        .db
        .revert_import(
            id,
            leave_changed,
            (session.user.id, &session.user.email),
            state.clock.now(),
        )
        .await
    {
        Ok(crate::backend::db::Reverted::Done(_)) => {
            see_other(&format!("{IMPORT_PATH}/{id}?annullata=1"))
        }
        Ok(crate::backend::db::Reverted::Blocked(_)) => {
            let context = RevertState {
                confirm: true,
                blocked: true,
                leave_changed: false,
            };
            let page_uri: Uri = format!("{IMPORT_PATH}/{id}").parse().unwrap_or(uri);
            render_page(&state, &page_uri, &headers, context, StatusCode::CONFLICT).await
        }
        Ok(crate::backend::db::Reverted::NotRevertable) => {
            see_other(&format!("{IMPORT_PATH}/{id}"))
        }
        Err(err) => unavailable("reverting an import", &err),
    }
}

/// Only local paths, never an open redirect.
pub fn safe_next(next: Option<&str>, default: &str) -> String {
    next.and_then(crate::security::local_path)
        .unwrap_or_else(|| default.to_owned())
}

/// The client's address, for rate limits and sign-in lockouts: the peer's, or — when the peer
/// is one of the trusted proxies (`SPAZI_TRUSTED_PROXIES`) — the first address from the right
/// of `X-Forwarded-For` that is not a trusted proxy. A client cannot choose its address by
/// sending the header itself: only what trusted proxies appended counts.
pub(crate) fn client_address(
    state: &AppState,
    connect: Option<&ConnectInfo<SocketAddr>>,
    headers: &HeaderMap,
) -> String {
    match connect {
        Some(ConnectInfo(addr)) => client_key(forwarded_client(
            addr.ip(),
            &state.config.trusted_proxies,
            headers,
        )),
        None => "unknown".to_owned(),
    }
}

/// The key per-address limits count by: an IPv4 address, or the /64 network of an IPv6 one
/// (one subscriber gets a whole /64 and can pick any address in it).
fn client_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                let net = std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
                format!("{net}/64")
            }
        },
    }
}

fn forwarded_client(
    peer: std::net::IpAddr,
    trusted: &[std::net::IpAddr],
    headers: &HeaderMap,
) -> std::net::IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Vec<std::net::IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    hops.into_iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(peer)
}

pub(crate) fn see_other(location: &str) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

/// Renders the Leptos page at `uri` (as a GET, with the request's headers) with extra context.
pub(crate) async fn render_page<C: Clone + Send + Sync + 'static>(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    context: C,
    status: StatusCode,
) -> Response {
    let app_state = state.clone();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(app_state.clone());
            provide_context(app_state.config.map_settings());
            provide_context(context.clone());
            crate::security::provide_request_nonce();
        },
        move || shell(options.clone()),
    );
    let mut req = Request::builder().method(Method::GET).uri(uri.clone());
    for (name, value) in headers {
        if name != header::CONTENT_LENGTH && name != header::CONTENT_TYPE {
            req = req.header(name, value);
        }
    }
    let Ok(req) = req.body(Body::empty()) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let mut res = handler(req).await;
    *res.status_mut() = status;
    res
}

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

async fn sign_in(
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
            let next = safe_next(form.next.as_deref(), "/admin");
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
async fn audit_session(state: &AppState, user: &crate::core::view::StaffUser, action: &str) {
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

async fn sign_out(
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
    let mut res = see_other(&format!("{SIGN_IN_PATH}?uscito=1"));
    if let Ok(v) = HeaderValue::from_str(&auth::clear_session_cookie(state.config.secure_cookies()))
    {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

/// Whether a response may show personal data, so that no browser or proxy may keep it: the
/// staff area, a registration's personal page (name, e-mail, accessibility needs, the door's
/// code), a join request's confirmation, and every answer to a form post (a form shown again
/// holds what was typed).
pub fn is_private(method: &axum::http::Method, path: &str) -> bool {
    use axum::http::Method;
    !matches!(*method, Method::GET | Method::HEAD)
        || path.starts_with("/admin")
        || path.starts_with("/prenotazione/")
        || path.starts_with("/aderisci/inviata/")
}

/// Private pages (see [`is_private`]): never cached, never indexed.
pub async fn private_headers(req: Request<Body>, next: Next) -> Response {
    let private = is_private(req.method(), req.uri().path());
    let mut res = next.run(req).await;
    if private {
        let h = res.headers_mut();
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h.insert(
            "x-robots-tag",
            HeaderValue::from_static("noindex, nofollow"),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::forwarded_client;
    use axum::http::HeaderMap;

    #[test]
    fn limits_count_an_ipv6_network_as_one_client() {
        use super::client_key;
        let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap();
        assert_eq!(client_key(ip("203.0.113.7")), "203.0.113.7");
        assert_eq!(
            client_key(ip("2001:db8:1:2:aaaa::1")),
            client_key(ip("2001:db8:1:2:ffff:ffff:ffff:ffff"))
        );
        assert_eq!(client_key(ip("2001:db8:1:2::9")), "2001:db8:1:2::/64");
        assert_ne!(
            client_key(ip("2001:db8:1:2::1")),
            client_key(ip("2001:db8:1:3::1"))
        );
        assert_eq!(client_key(ip("::ffff:203.0.113.7")), "203.0.113.7");
    }

    #[test]
    fn only_trusted_proxies_may_name_the_client() {
        let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap();
        let proxy = ip("10.0.0.2");
        let mut headers = HeaderMap::new();
        headers.append("x-forwarded-for", "6.6.6.6, 203.0.113.7".parse().unwrap());
        // Not from a trusted proxy: the header is the client's own words, ignored.
        assert_eq!(
            forwarded_client(ip("198.51.100.1"), &[proxy], &headers),
            ip("198.51.100.1")
        );
        // From the proxy: the address it appended (the rightmost), not the spoofed one.
        assert_eq!(
            forwarded_client(proxy, &[proxy], &headers),
            ip("203.0.113.7")
        );
        // Through two trusted proxies.
        headers.append("x-forwarded-for", "10.0.0.3".parse().unwrap());
        assert_eq!(
            forwarded_client(proxy, &[proxy, ip("10.0.0.3")], &headers),
            ip("203.0.113.7")
        );
        // No usable header: the proxy itself.
        assert_eq!(forwarded_client(proxy, &[proxy], &HeaderMap::new()), proxy);
    }
}
