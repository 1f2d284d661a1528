//! Staff work on events over HTTP (server only): create and save (the shared validation, then
//! what only the database knows), publish, cancel and discard. Every post needs an editor's
//! session and its CSRF token. The registrations' posts are `registrations`.

use crate::backend::context::AppState;
use crate::backend::db::EventSave;
use crate::core::model::event::EventStatus;
use crate::core::model::Role;
use crate::core::paths;
use crate::core::validate::event::{validate_event, EventInput};
use crate::ui::pages::admin::events::{EventConflict, EventFormState};
use crate::web::guard::authorised_post;
use crate::web::respond::{render_page, see_other, unavailable};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct EventForm {
    #[serde(default)]
    csrf: String,
    /// The version of the event the form was read at (absent on the creation form).
    #[serde(default)]
    version: i64,
    /// The values the form was read at, serialised (see `admin::merge_edits`).
    #[serde(default)]
    base: String,
    #[serde(flatten)]
    input: EventInput,
}

/// An event form sent when the session had ended, as the page shows it again after the
/// sign-in (see `admin::authorised_edit`).
pub fn resumed(body: &str) -> Option<EventFormState> {
    let form: EventForm = serde_urlencoded::from_str(body).ok()?;
    Some(EventFormState {
        input: form.input,
        version: Some(form.version),
        base: Some(form.base),
        resumed: true,
        ..Default::default()
    })
}

/// The form after a colleague's save: merged where possible, with their values beside it.
fn event_conflict(
    typed: EventInput,
    base: &str,
    saved: EventInput,
    version: i64,
) -> EventFormState {
    EventFormState {
        input: crate::web::forms::edit::merge_edits(&typed, base, &saved).unwrap_or(typed),
        errors: Default::default(),
        base: serde_json::to_string(&saved).ok(),
        resumed: false,
        conflict: Some(EventConflict { saved, version }),
        version: None,
    }
}

async fn again(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    form: EventForm,
    errors: crate::core::validate::FieldErrors<crate::core::validate::event::Field>,
) -> Response {
    let context = EventFormState {
        input: form.input,
        errors,
        conflict: None,
        version: Some(form.version),
        base: Some(form.base),
        resumed: false,
    };
    render_page(
        state,
        uri,
        headers,
        context,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// A mapped space chosen as the venue gives the venue's name and address when they are left
/// empty: its name, and its address with its municipality (what staff would type).
async fn fill_venue(
    state: &AppState,
    input: &mut EventInput,
) -> Result<(), crate::backend::db::DbError> {
    let Ok(space) = input.venue_space.trim().parse::<i64>() else {
        return Ok(());
    };
    if !input.venue_name.trim().is_empty() && !input.venue_address.trim().is_empty() {
        return Ok(());
    }
    // An unknown space is refused by the check of the venue.
    let Some(current) = state.db.staff_space(space).await?.map(|s| s.current) else {
        return Ok(());
    };
    if input.venue_name.trim().is_empty() {
        input.venue_name = current.name;
    }
    if input.venue_address.trim().is_empty() {
        let town = state.db.municipality_name(&current.municipality).await?;
        input.venue_address =
            crate::core::view::event::VenueChoice::address_line(current.address, town);
    }
    Ok(())
}

pub(crate) async fn create(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<EventForm>,
) -> Response {
    let session = match authorised_post(&state, &headers, &form.csrf, Role::Editor).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let mut form = form;
    if let Err(err) = fill_venue(&state, &mut form.input).await {
        return unavailable("reading the venue's space", &err);
    }
    let valid = match validate_event(&form.input) {
        Ok(v) => v,
        Err(errors) => return again(&state, &uri, &headers, form, errors).await,
    };
    let actor = (session.user.id, session.user.email.as_str());
    match state
        .db
        .create_event(&valid, actor, state.clock.now())
        .await
    {
        Ok(Ok(id)) => see_other(&format!("{}?creato=1", paths::admin_event(id))),
        Ok(Err(errors)) => again(&state, &uri, &headers, form, errors).await,
        Err(err) => unavailable("creating an event", &err),
    }
}

pub(crate) async fn save(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let Some(form) = crate::web::forms::edit::edit_form::<EventForm>(&body) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let session = match crate::web::forms::edit::authorised_edit(
        &state,
        uri.path(),
        &headers,
        &form.csrf,
        &body,
    )
    .await
    {
        Ok(s) => s,
        Err(res) => return res,
    };
    let mut form = form;
    if let Err(err) = fill_venue(&state, &mut form.input).await {
        return unavailable("reading the venue's space", &err);
    }
    let valid = match validate_event(&form.input) {
        Ok(v) => v,
        Err(errors) => return again(&state, &uri, &headers, form, errors).await,
    };
    let now = state.clock.now();
    let compose = crate::backend::rsvp_mail::composer(state.config.base_url().to_owned(), now);
    let actor = (session.user.id, session.user.email.as_str());
    match state
        .db
        .update_event(id, &valid, form.version, actor, now, &compose)
        .await
    {
        Ok(Some(EventSave::Saved { promoted, .. })) => {
            if promoted > 0 {
                state.outbox.wake();
            }
            see_other(&format!(
                "{}?salvato=1&promossi={promoted}",
                paths::admin_event(id)
            ))
        }
        Ok(Some(EventSave::Invalid(errors))) => again(&state, &uri, &headers, form, errors).await,
        // A colleague saved first: what was typed comes back beside the saved values.
        Ok(Some(EventSave::Stale { saved, version })) => {
            let context = event_conflict(form.input, &form.base, *saved, version);
            render_page(&state, &uri, &headers, context, StatusCode::CONFLICT).await
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => unavailable("saving an event", &err),
    }
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    stato: String,
    /// The version of the event the page showed.
    #[serde(default)]
    version: i64,
    /// Present when the buttons were pressed in the edit form: its values come along.
    #[serde(default)]
    modulo: String,
    #[serde(default)]
    base: String,
    #[serde(flatten)]
    input: EventInput,
}

/// Where to go after a status change or discard that did not apply: the page says whether the
/// event changed since it was shown.
async fn not_applied(state: &AppState, id: i64, version: i64) -> Response {
    match state.db.staff_event(id).await {
        Ok(Some((row, _))) if row.version != version => {
            see_other(&format!("{}?superato=1", paths::admin_event(id)))
        }
        Ok(Some(_)) => see_other(&paths::admin_event(id)),
        Ok(None) => see_other(paths::ADMIN_EVENTS),
        Err(err) => unavailable("loading an event", &err),
    }
}

pub(crate) async fn change_status(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let Some(form) = crate::web::forms::edit::edit_form::<StatusForm>(&body) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let page = paths::admin_event(id);
    let session =
        match crate::web::forms::edit::authorised_edit(&state, &page, &headers, &form.csrf, &body)
            .await
        {
            Ok(s) => s,
            Err(res) => return res,
        };
    let Some(status) = EventStatus::from_code(&form.stato) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let now = state.clock.now();
    let compose = crate::backend::rsvp_mail::composer(state.config.base_url().to_owned(), now);
    let actor = (session.user.id, session.user.email.as_str());
    // What was typed in the edit form is saved first: a status button never drops it.
    let mut version = form.version;
    if !form.modulo.is_empty() {
        let page_uri: Uri = paths::admin_event(id).parse().unwrap_or(uri);
        let again = |input: EventInput, errors| EventFormState {
            input,
            errors,
            conflict: None,
            version: Some(form.version),
            base: Some(form.base.clone()),
            resumed: false,
        };
        let saved = match validate_event(&form.input) {
            Ok(valid) => {
                state
                    .db
                    .update_event(id, &valid, form.version, actor, now, &compose)
                    .await
            }
            Err(errors) => Ok(Some(EventSave::Invalid(errors))),
        };
        match saved {
            Ok(Some(EventSave::Saved { version: v, .. })) => version = v,
            Ok(Some(EventSave::Invalid(errors))) => {
                let context = again(form.input.clone(), errors);
                return render_page(
                    &state,
                    &page_uri,
                    &headers,
                    context,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            Ok(Some(EventSave::Stale { saved, version })) => {
                let context = event_conflict(form.input.clone(), &form.base, *saved, version);
                return render_page(&state, &page_uri, &headers, context, StatusCode::CONFLICT)
                    .await;
            }
            Ok(None) => return StatusCode::NOT_FOUND.into_response(),
            Err(err) => return unavailable("saving an event", &err),
        }
    }
    match state
        .db
        .set_event_status(id, status, version, actor, now, &compose)
        .await
    {
        Ok(Some(emailed)) => {
            state.outbox.wake();
            match status {
                // The page reports how many people were told.
                EventStatus::Cancelled => {
                    see_other(&format!("{}?annullato={emailed}", paths::admin_event(id)))
                }
                _ => see_other(&format!("{}?salvato=1", paths::admin_event(id))),
            }
        }
        // Not a change that applies (changed since, already so, or no such event).
        Ok(None) => not_applied(&state, id, form.version).await,
        Err(err) => unavailable("changing an event's status", &err),
    }
}

/// Staff discard a draft that was never published: it is deleted (audited), not cancelled.
pub(crate) async fn discard(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<StatusForm>,
) -> Response {
    let session = match authorised_post(&state, &headers, &form.csrf, Role::Editor).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let actor = (session.user.id, session.user.email.as_str());
    match state
        .db
        .discard_draft(id, form.version, actor, state.clock.now())
        .await
    {
        Ok(true) => see_other(&format!("{}?eliminata=1", paths::ADMIN_EVENTS)),
        Ok(false) => not_applied(&state, id, form.version).await,
        Err(err) => unavailable("discarding a draft", &err),
    }
}

#[derive(Deserialize)]
pub struct FollowForm {
    #[serde(default)]
    csrf: String,
    /// "1" to follow, anything else to stop.
    #[serde(default)]
    segui: String,
}

/// A member of staff follows an event (its daily digest of registrations) or stops.
pub(crate) async fn follow(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<FollowForm>,
) -> Response {
    let session = match authorised_post(&state, &headers, &form.csrf, Role::Editor).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    match state.db.staff_event(id).await {
        Ok(Some(_)) => {}
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return unavailable("reading an event", &err),
    }
    let follow = form.segui == "1";
    match state
        .db
        .set_following(session.user.id, id, follow, state.clock.now())
        .await
    {
        Ok(()) => see_other(&format!(
            "{}?seguito={}",
            paths::admin_event(id),
            u8::from(follow)
        )),
        Err(err) => unavailable("following an event", &err),
    }
}
