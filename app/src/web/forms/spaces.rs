//! The staff's spaces: creating and saving one (merged with a colleague's save), changing its
//! status, and the full exports.

use super::edit::{authorised_edit, edit_form, merge_edits};
use super::space_photo;
use crate::backend::context::AppState;
use crate::backend::db::Saved;
use crate::core::model::SpaceStatus;
use crate::core::paths;
use crate::core::validate::space::{Field, SpaceInput, ValidSpace};
use crate::core::validate::FieldErrors;
use crate::ui::pages::admin::space_edit::{SpaceConflict, SpaceFormState};
use crate::web::guard::{authorised_post, staff_session};
use crate::web::respond::{render_page, see_other, unavailable};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

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
pub(crate) async fn export_csv(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(res) = staff_session(&state, &headers, crate::core::model::Role::Editor).await {
        return res;
    }
    let spaces = match all_spaces(&state).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let managers = match state.db.managers_by_slug().await {
        Ok(managers) => managers,
        Err(err) => {
            tracing::error!(error = %err, "staff export failed");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let staff = crate::backend::exports::StaffColumns {
        managers: &managers,
    };
    match crate::backend::exports::csv_document(&spaces, true, Some(&staff)) {
        Ok(body) => crate::web::opendata::respond(
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
pub(crate) async fn export_geojson(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(res) = staff_session(&state, &headers, crate::core::model::Role::Editor).await {
        return res;
    }
    let spaces = match all_spaces(&state).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let body = crate::backend::exports::geojson_document(&spaces, true);
    crate::web::opendata::respond(
        &headers,
        body,
        "application/geo+json",
        Some("spazi-tutti.geojson"),
        false,
    )
}

#[derive(Deserialize)]
pub struct SpaceForm {
    #[serde(default)]
    pub(crate) csrf: String,
    /// The version of the space the form was read at (absent on the creation form).
    #[serde(default)]
    version: i64,
    /// The values the form was read at, serialised (see [`merge_edits`]).
    #[serde(default)]
    pub(crate) base: String,
    #[serde(flatten)]
    pub(crate) input: SpaceInput,
}

/// A space form sent when the session had ended, as the page shows it again after the
/// sign-in (see `edit::authorised_edit`).
pub(crate) fn resumed(body: &str) -> Option<SpaceFormState> {
    let form: SpaceForm = serde_urlencoded::from_str(body).ok()?;
    Some(SpaceFormState {
        input: form.input,
        version: Some(form.version),
        base: Some(form.base),
        resumed: true,
        ..Default::default()
    })
}

/// The form after a colleague's save: merged where possible, with their values beside it.
fn space_conflict(
    typed: SpaceInput,
    base: &str,
    current: &crate::backend::db::StaffSpace,
) -> SpaceFormState {
    let saved = current.current.as_input();
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

pub(crate) async fn save_space(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    req: axum::extract::Request,
) -> Response {
    let signed_in = staff_session(&state, &headers, crate::core::model::Role::Editor)
        .await
        .is_ok();
    let mut post = match space_photo::read(&state, req, signed_in).await {
        Ok(post) => post,
        Err(res) => return res,
    };
    let body = std::mem::take(&mut post.fields);
    let Some(mut form) = edit_form::<SpaceForm>(&body) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let session = match authorised_edit(&state, uri.path(), &headers, &form.csrf, &body).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let problem = match space_photo::apply(&state, post, &mut form.input, "staff").await {
        Ok(problem) => problem,
        Err(res) => return res,
    };
    let result = match validate_with_db(&state, &form.input).await {
        Ok(r) => space_photo::with_problem(r, problem),
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
                Ok(Saved::Done { .. }) => {
                    // Corrected from its join request: back to the request, to decide.
                    let from_request =
                        crate::web::respond::query_value(&uri, paths::FROM_REQUEST.0).as_deref()
                            == Some(paths::FROM_REQUEST.1);
                    let request = match from_request {
                        true => state.db.space_request(id).await.ok().flatten(),
                        false => None,
                    };
                    match request {
                        Some((request, _, _)) => {
                            see_other(&format!("{}?corretto=1", paths::submission(request)))
                        }
                        None => see_other(&format!("{}?salvato=1", paths::admin_space(id))),
                    }
                }
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

/// The shared validation, then what only the database knows: the municipality is one of the
/// 55, the photo is stored.
pub(crate) async fn validate_with_db(
    state: &AppState,
    input: &SpaceInput,
) -> Result<Result<ValidSpace, FieldErrors<Field>>, Response> {
    let result =
        crate::core::validate::space::validate_space(input, crate::backend::boundaries::all());
    if let Ok(ValidSpace {
        photo: Some(photo), ..
    }) = &result
    {
        match state.db.has_photo(photo).await {
            Ok(true) => {}
            Ok(false) => {
                return Ok(Err(FieldErrors::one(
                    Field::Photo,
                    crate::core::validate::Problem::PhotoMissing,
                )))
            }
            Err(err) => return Err(unavailable("a photo's lookup", &err)),
        }
    }
    if let Ok(valid) = &result {
        match state.db.municipality_name(&valid.municipality).await {
            Ok(Some(_)) => {}
            Ok(None) => {
                return Ok(Err(FieldErrors::one(
                    Field::Municipality,
                    crate::core::validate::Problem::UnknownChoice,
                )))
            }
            Err(err) => {
                tracing::error!(error = %err, "municipality lookup failed");
                return Err(StatusCode::SERVICE_UNAVAILABLE.into_response());
            }
        }
    }
    Ok(result)
}

pub(crate) async fn create_space(
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
            Ok(id) => see_other(&format!("{}?salvato=1", paths::admin_space(id))),
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
    input: SpaceInput,
}

pub(crate) async fn change_status(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let Some(form) = edit_form::<StatusForm>(&body) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let page = paths::admin_space(id);
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
