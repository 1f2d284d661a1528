//! Events over HTTP (server only): the RSVP form posts to its event's page (`POST
//! /eventi/{slug}`), the personal page's cancel button to its own URL (`POST
//! /prenotazione/{token}`), and `GET /eventi/{slug}/calendario.ics` downloads the calendar
//! file. The same guards as the join form (honeypot, signed minimum fill time, per-address
//! limit, small bodies), the shared validation, then one transaction in the data layer (see
//! `db::events`) that counts the request against the address's limit, takes a seat or a place
//! in line and queues the e-mail.

use crate::backend::context::AppState;
use crate::backend::db::{CancelOutcome, ClientLimit, Registration, RsvpOutcome};
use crate::backend::rsvp_mail::{composer, host_of};
use crate::core::paths;
use crate::core::validate::rsvp::{validate_rsvp, Field, RsvpInput};
use crate::core::validate::{FieldErrors, Problem};
use crate::web::guard::client_address;
use crate::web::respond::{render_page, see_other};
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Form;
use std::net::SocketAddr;

pub use crate::ui::pages::events::RsvpFormState;
pub use crate::ui::pages::rsvp::{AGAIN, CONFIRM};

/// The largest RSVP form accepted (bytes).
pub const MAX_BODY: usize = 16 * 1024;
/// Registrations for one event from one client address in an hour. An office, a university or
/// a coworking's Wi-Fi sends many from one public address: past [`ASK_FROM`] each is asked a
/// question a person answers (see `antirobot::question`); past this, a flood is refused.
pub const MAX_PER_HOUR: i64 = 300;
/// Registrations for one event from one address in an hour before the question is asked.
pub const ASK_FROM: i64 = 20;

pub(crate) async fn register(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    extensions: axum::http::Extensions,
    uri: Uri,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let now = state.clock.now();
    let input = RsvpInput::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let refuse = |problem: Problem| FieldErrors(vec![(Field::Form, problem)]);
    let secret = match state.db.form_secret().await {
        Ok(s) => s,
        Err(err) => return crate::web::respond::unavailable("reading the form secret", &err),
    };
    if let Err(problem) = crate::backend::antirobot::robot_check(&secret, &pairs, now) {
        let kept = crate::backend::antirobot::carried_token(&secret, &pairs, now);
        // Sent in a hurry with mistakes (autofill): the mistakes are said, not the hurry.
        let errors = match (problem, validate_rsvp(&input)) {
            (Problem::TooFast, Err(errors)) => errors,
            _ => refuse(problem),
        };
        let context = RsvpFormState::again(input, errors, kept);
        return render_page(
            &state,
            &uri,
            &headers,
            context,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let started = Some(crate::backend::antirobot::form_value(&pairs, "started").to_owned());
    let valid = match validate_rsvp(&input) {
        Ok(v) => v,
        Err(errors) => {
            let context = RsvpFormState::again(input, errors, started);
            return render_page(
                &state,
                &uri,
                &headers,
                context,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let address = client_address(
        &state,
        extensions.get::<ConnectInfo<SocketAddr>>(),
        &headers,
    );
    let lang = crate::api::context::request_lang_from(&headers).unwrap_or_default();
    let mail_limit = Some(crate::backend::db::recipient_limit(&valid.email));
    // A question is for this event and this address: its answer serves nobody else.
    let about = format!("{slug} {}", valid.email_key);
    let answered = crate::backend::antirobot::answered(&secret, &pairs, now, &about);
    let tried = !crate::backend::antirobot::form_value(&pairs, crate::backend::antirobot::ANSWER)
        .trim()
        .is_empty();
    let registration = Registration {
        slug: slug.clone(),
        rsvp: valid,
        lang,
        now,
        compose: std::sync::Arc::new(composer(state.config.base_url().to_owned(), now)),
        // Counted in the registration's own transaction.
        limit: Some(ClientLimit {
            bucket: "rsvp",
            client: format!("{address} {slug}"),
            window: 3600,
            max: MAX_PER_HOUR,
        }),
        ask_from: Some(ASK_FROM),
        answered,
        mail_limit,
        resend: true,
    };
    // Refused: the form back with the reason (or, for a shared network, a question).
    let (context, status) = match state.db.register(registration).await {
        Ok(RsvpOutcome::Registered { token, .. }) => {
            state.outbox.wake();
            return see_other(&format!("{}?nuova=1", paths::rsvp(&token)));
        }
        Ok(RsvpOutcome::AlreadyRegistered) => {
            state.outbox.wake();
            return see_other(&format!(
                "{}?inviata=1#iscrizione",
                paths::event(&crate::core::text::query_encode(&slug))
            ));
        }
        Ok(RsvpOutcome::NotOpen(_)) => (
            RsvpFormState::again(input, refuse(Problem::RegistrationClosed), started),
            StatusCode::CONFLICT,
        ),
        Ok(RsvpOutcome::TooMany) => (
            RsvpFormState::again(input, refuse(Problem::TooMany), started),
            StatusCode::TOO_MANY_REQUESTS,
        ),
        // Asked, not refused: the form back with everything typed and a question.
        Ok(RsvpOutcome::ChallengeNeeded) => {
            let problem = if tried {
                Problem::WrongAnswer
            } else {
                Problem::QuestionNeeded
            };
            let mut context =
                RsvpFormState::again(input, FieldErrors(vec![(Field::Answer, problem)]), started);
            context.question = Some(crate::backend::antirobot::question(&secret, now, &about));
            (context, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Ok(RsvpOutcome::NoSuchEvent) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return crate::web::respond::unavailable("registering for an event", &err),
    };
    render_page(&state, &uri, &headers, context, status).await
}

/// The personal page's buttons. Cancel: only the confirmation's (`conferma=1`) cancels; the
/// first asks (`?annulla=1`), so one stray tap loses nothing. Register again (`di_nuovo=1`):
/// a cancelled registration's details make a new one.
pub(crate) async fn cancel(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    if crate::backend::antirobot::form_value(&pairs, AGAIN) == "1" {
        return register_again(&state, &token, &headers).await;
    }
    if crate::backend::antirobot::form_value(&pairs, CONFIRM) != "1" {
        return see_other(&format!("{}?annulla=1#cancel-title", paths::rsvp(&token)));
    }
    let now = state.clock.now();
    let compose = composer(state.config.base_url().to_owned(), now);
    match state.db.cancel_rsvp(&token, now, &compose).await {
        Ok(CancelOutcome::Cancelled {
            promoted,
            was_waiting,
        }) => {
            if promoted > 0 {
                state.outbox.wake();
            }
            // A place in line is not a seat, and a seat goes to the first in line only when
            // someone waits: the page says which.
            let what = match (was_waiting, promoted) {
                (true, _) => "attesa",
                (false, 0) => "libero",
                (false, _) => "1",
            };
            see_other(&format!("{}?annullata={what}", paths::rsvp(&token)))
        }
        Ok(CancelOutcome::AlreadyCancelled | CancelOutcome::TooLate) => {
            see_other(&paths::rsvp(&token))
        }
        // A link that leads nowhere (any more): its page says so in words (a replaced link,
        // a second tap after registering again), never a blank answer.
        Ok(CancelOutcome::NotFound) => see_other(&paths::rsvp(&token)),
        Err(err) => crate::web::respond::unavailable("cancelling a registration", &err),
    }
}

/// "Register again" on the personal page of a cancelled registration: the same details, a new
/// registration (a seat or a place in line) with its own link and e-mail; the old link then
/// says what became of it. Whoever holds the link proved the address, so no robot check.
async fn register_again(state: &AppState, token: &str, headers: &HeaderMap) -> Response {
    let now = state.clock.now();
    let lang = crate::api::context::request_lang_from(headers).unwrap_or_default();
    let rsvp = match state.db.rsvp_by_token(token, lang, now).await {
        Ok(Some(r)) => r,
        Ok(None) => return see_other(&paths::rsvp(token)),
        Err(err) => return crate::web::respond::unavailable("reading a registration", &err),
    };
    if !rsvp.can_register_again || rsvp.email.is_empty() {
        return see_other(&paths::rsvp(token));
    }
    let valid = crate::core::validate::rsvp::ValidRsvp {
        first_name: rsvp.first_name,
        last_name: rsvp.last_name,
        email_key: crate::core::validate::rsvp::email_key(&rsvp.email),
        email: rsvp.email,
        affiliation: rsvp.affiliation,
        role: rsvp.role,
        accessibility: rsvp.accessibility,
    };
    let mut registration = Registration::new(
        &rsvp.event.slug,
        valid,
        lang,
        now,
        std::sync::Arc::new(composer(state.config.base_url().to_owned(), now)),
    );
    registration.mail_limit = Some(crate::backend::db::recipient_limit(
        &registration.rsvp.email,
    ));
    // A second tap (or another tab) finds the registration the first made: no second e-mail.
    registration.resend = false;
    let email_key = registration.rsvp.email_key.clone();
    match state.db.register(registration).await {
        Ok(RsvpOutcome::Registered { token, .. }) => {
            state.outbox.wake();
            see_other(&format!("{}?nuova=1", paths::rsvp(&token)))
        }
        // Registered again meanwhile: to that registration's page.
        Ok(RsvpOutcome::AlreadyRegistered) => {
            match state
                .db
                .active_rsvp_token(&rsvp.event.slug, &email_key)
                .await
            {
                Ok(Some(token)) => see_other(&paths::rsvp(&token)),
                Ok(None) => see_other(&paths::rsvp(token)),
                Err(err) => crate::web::respond::unavailable("reading a registration", &err),
            }
        }
        // Closed meanwhile: the page says what can be done.
        Ok(_) => see_other(&paths::rsvp(token)),
        Err(err) => crate::web::respond::unavailable("registering again", &err),
    }
}

/// `GET /eventi/{slug}/calendario.ics`.
pub(crate) async fn calendar_file(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Response {
    let lang = crate::api::context::request_lang_from(&headers).unwrap_or_default();
    let event = match state.db.public_event(&slug, lang).await {
        Ok(Some(e)) => e,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return crate::web::respond::unavailable("reading an event", &err),
    };
    let base = state.config.base_url().to_owned();
    let body = crate::core::calendar::ics(
        &event,
        &format!("{base}{}", paths::in_lang(&paths::event(&event.slug), lang)),
        host_of(&base),
        state.clock.now(),
    );
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{}.ics\"",
        event
            .slug
            .replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "")
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    res
}
