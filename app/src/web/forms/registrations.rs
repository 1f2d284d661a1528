//! Staff work on an event's registrations over HTTP (server only): add one (a phone call, a
//! walk-in at the door), correct one's details, cancel one, check people in at the door, and the CSV of them all.
//! Every post needs an editor's session and its CSRF token.

use crate::backend::context::AppState;
use crate::core::model::Role;
use crate::core::paths;
use crate::core::validate::rsvp::{validate_staff_rsvp, Field, RsvpInput};
use crate::core::validate::FieldErrors;
use crate::ui::pages::admin::rsvp_staff::{RsvpAddState, RsvpEditState, BASE_PREFIX, FROM_DOOR};
use crate::web::guard::{authorised_pairs, authorised_post, staff_session};
use crate::web::respond::{query_value, render_page, see_other, unavailable};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

/// Staff add a registration (see `Db::staff_add_rsvp`); back to the door screen, showing the
/// person's card, or to the registrations, which say it was added.
pub(crate) async fn add(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    use crate::backend::antirobot::form_value;
    let session = match authorised_pairs(&state, &headers, &pairs, Role::Editor).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let from_door = query_value(&uri, FROM_DOOR.0).as_deref() == Some(FROM_DOOR.1);
    let form = RsvpAddState {
        input: RsvpInput::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
        present: !form_value(&pairs, "present").is_empty(),
        beyond_capacity: !form_value(&pairs, "beyond_capacity").is_empty(),
        same_name_ok: !form_value(&pairs, "same_name_ok").is_empty(),
        errors: FieldErrors::default(),
    };
    let again = |form: RsvpAddState, errors: FieldErrors<Field>| {
        let (state, uri, headers) = (state.clone(), uri.clone(), headers.clone());
        async move {
            let context = RsvpAddState { errors, ..form };
            render_page(
                &state,
                &uri,
                &headers,
                context,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    let valid = match validate_staff_rsvp(&form.input) {
        Ok(v) => v,
        Err(errors) => return again(form, errors).await,
    };
    let name = format!("{} {}", valid.first_name, valid.last_name);
    let addition = crate::backend::db::Addition {
        rsvp: valid,
        present: form.present,
        beyond_capacity: form.beyond_capacity,
        same_name_ok: form.same_name_ok,
        lang: crate::api::context::request_lang_from(&headers).unwrap_or_default(),
    };
    let actor = (session.user.id, session.user.email.as_str());
    let now = state.clock.now();
    let compose = crate::backend::rsvp_mail::composer(state.config.base_url().to_owned(), now);
    match state
        .db
        .staff_add_rsvp(id, &addition, actor, now, &compose)
        .await
    {
        Ok(Some(Ok(rsvp))) => {
            state.outbox.wake();
            if from_door {
                // The door screen finds the person, their card first.
                see_other(&format!(
                    "{}?q={}&aggiunta={rsvp}#rsvp-{rsvp}",
                    paths::check_in(id),
                    crate::core::text::query_encode(&name)
                ))
            } else {
                see_other(&format!(
                    "{}?aggiunta={rsvp}#rsvp-{rsvp}",
                    paths::event_rsvps(id)
                ))
            }
        }
        Ok(Some(Err(errors))) => again(form, errors).await,
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => unavailable("adding a registration", &err),
    }
}

/// Staff correct a registration's details (`?iscrizione=` names it; see `Db::correct_rsvp`);
/// back to the registrations, which say it was saved.
pub(crate) async fn correct(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    use crate::backend::db::Correction;
    let session = match authorised_pairs(&state, &headers, &pairs, Role::Editor).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let Some(rsvp) = query_value(&uri, "iscrizione").and_then(|v| v.parse::<i64>().ok()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let typed = RsvpInput::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    // Without the details it was read with (a forged or truncated post), every field counts
    // as changed: a colleague's correction in between is then shown, never overwritten.
    let base = RsvpInput::from_pairs(
        pairs
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix(BASE_PREFIX)?, v.as_str()))),
    );
    let again = |input: RsvpInput,
                 base: RsvpInput,
                 errors: FieldErrors<Field>,
                 clash: Option<RsvpInput>| {
        let (state, uri, headers) = (state.clone(), uri.clone(), headers.clone());
        async move {
            let status = if clash.is_some() {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let context = RsvpEditState {
                input,
                base,
                errors,
                clash,
            };
            render_page(&state, &uri, &headers, context, status).await
        }
    };
    if let Err(errors) = validate_staff_rsvp(&typed) {
        return again(typed, base, errors, None).await;
    }
    let actor = (session.user.id, session.user.email.as_str());
    let now = state.clock.now();
    let compose = crate::backend::rsvp_mail::composer(state.config.base_url().to_owned(), now);
    match state
        .db
        .correct_rsvp(id, rsvp, &typed, &base, actor, now, &compose)
        .await
    {
        Ok(Some(Correction::Saved { changed, mailed })) => {
            if mailed {
                state.outbox.wake();
            }
            let said = match (changed, mailed) {
                (false, _) => "nessuna",
                (true, false) => "1",
                (true, true) => "email",
            };
            see_other(&format!(
                "{}?corretta={rsvp}&esito={said}#rsvp-{rsvp}",
                paths::event_rsvps(id)
            ))
        }
        Ok(Some(Correction::Invalid(errors))) => again(typed, base, errors, None).await,
        // The form comes back with the colleague's values merged in and theirs shown; its
        // base is now what is saved, so that sending it again saves.
        Ok(Some(Correction::Clash { saved, merged })) => {
            again(
                *merged,
                (*saved).clone(),
                FieldErrors::default(),
                Some(*saved),
            )
            .await
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => unavailable("correcting a registration", &err),
    }
}

#[derive(Deserialize)]
pub struct CheckInForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    rsvp: i64,
    #[serde(default)]
    presente: String,
    #[serde(default)]
    q: String,
    /// The page to go back to (the list or the door screen of this event).
    #[serde(default)]
    torna: String,
}

pub(crate) async fn check_in(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<CheckInForm>,
) -> Response {
    let session = match authorised_post(&state, &headers, &form.csrf, Role::Editor).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let actor = (session.user.id, session.user.email.as_str());
    let present = form.presente == "1";
    // Not a confirmed registration of this event (a colleague cancelled it meanwhile): back to
    // the same place all the same, where its card says what it is now.
    if let Err(err) = state
        .db
        .check_in(id, form.rsvp, present, actor, state.clock.now())
        .await
    {
        return unavailable("checking someone in", &err);
    }
    // Back to where the button was, keeping the search; only this event's two pages.
    let list = paths::event_rsvps(id);
    let back = if form.torna == list {
        list
    } else {
        paths::check_in(id)
    };
    // The search kept, and whose card to give the focus to (read out by screen readers).
    let query = if form.q.trim().is_empty() {
        format!("?fatto={}", form.rsvp)
    } else {
        format!(
            "?q={}&fatto={}",
            crate::core::text::query_encode(form.q.trim()),
            form.rsvp
        )
    };
    // To the person's card (the browser scrolls it into view): the next one is found from
    // where the thumb is, not from the top of the page.
    see_other(&format!("{back}{query}#rsvp-{}", form.rsvp))
}

#[derive(Deserialize)]
pub struct CancelRsvpForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    rsvp: i64,
}

/// Staff cancel a registration (the person asked): see `Db::staff_cancel_rsvp`. Back to the
/// registrations, which say what happened.
pub(crate) async fn cancel_rsvp(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<CancelRsvpForm>,
) -> Response {
    let rsvp = form.rsvp;
    use crate::backend::db::CancelOutcome;
    let session = match authorised_post(&state, &headers, &form.csrf, Role::Editor).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let actor = (session.user.id, session.user.email.as_str());
    let now = state.clock.now();
    let compose = crate::backend::rsvp_mail::composer(state.config.base_url().to_owned(), now);
    match state
        .db
        .staff_cancel_rsvp((id, rsvp), actor, now, &compose)
        .await
    {
        Ok(CancelOutcome::Cancelled { promoted, .. }) => {
            state.outbox.wake();
            see_other(&format!(
                "{}?annullata={rsvp}&promossi={promoted}",
                paths::event_rsvps(id)
            ))
        }
        // Already cancelled (by the person, or a colleague): the list shows it, nothing done.
        Ok(CancelOutcome::AlreadyCancelled | CancelOutcome::TooLate) => {
            see_other(&paths::event_rsvps(id))
        }
        Ok(CancelOutcome::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => unavailable("cancelling a registration", &err),
    }
}

/// The registrations as CSV for Excel (semicolons, BOM, formulas defused).
pub(crate) async fn export(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    if let Err(res) = staff_session(&state, &headers, Role::Editor).await {
        return res;
    }
    let rows = match state.db.event_rsvps(id, "").await {
        Ok(r) => r,
        Err(err) => return unavailable("exporting registrations", &err),
    };
    let slug = match state.db.staff_event(id).await {
        Ok(Some((event, _))) => event.slug,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return unavailable("exporting registrations", &err),
    };
    // In the staff's language, times in Rome time, as the pages show them.
    let t = crate::api::context::request_lang_from(&headers)
        .unwrap_or_default()
        .texts();
    let e = t.events;
    let defuse = crate::backend::exports::defuse_formula;
    let opt = |o: &Option<String>| defuse(o.as_deref().unwrap_or_default());
    let time = crate::core::datetime::local_spreadsheet;
    let records = rows.iter().map(|r| {
        vec![
            match r.queue_position {
                Some(n) => (e.waiting_position)(n),
                None => e.rsvp_status(r.status).to_owned(),
            },
            defuse(&r.first_name),
            defuse(&r.last_name),
            defuse(&r.email),
            opt(&r.affiliation),
            opt(&r.role),
            opt(&r.accessibility),
            time(r.created_at),
            r.checked_in_at.map(time).unwrap_or_default(),
        ]
    });
    use crate::core::validate::rsvp::Field as F;
    let header = [
        e.col_status,
        t.field(F::FirstName),
        t.field(F::LastName),
        t.field(F::Email),
        t.field(F::Affiliation),
        t.field(F::Role),
        t.field(F::Accessibility),
        e.col_registered,
        e.col_present,
    ];
    match crate::backend::exports::excel_csv(&header, records) {
        Ok(body) => crate::web::opendata::respond(
            &headers,
            body,
            "text/csv; charset=utf-8",
            Some(&format!("iscrizioni-{slug}.csv")),
            false,
        ),
        Err(err) => {
            tracing::error!(error = %err, "registrations CSV failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
