//! Events over HTTP (server only): the RSVP form posts to its event's page (`POST
//! /eventi/{slug}`), the personal page's cancel button to its own URL (`POST
//! /prenotazione/{token}`), and `GET /eventi/{slug}/calendario.ics` downloads the calendar
//! file. The same guards as the join form (honeypot, signed minimum fill time, per-address
//! limit, small bodies), the shared validation, then one transaction in the data layer (see
//! `db::events`) that counts the request against the address's limit, takes a seat or a place
//! in line and queues the e-mail.

use crate::admin::{base_url, client_address, render_page, see_other};
use crate::db::{CancelOutcome, ClientLimit, Notice, NoticeKind, Registration, RsvpOutcome};
use crate::mail::{Email, TextAttachment};
use crate::model::event::RsvpStatus;
use crate::pages::events::when_line;
use crate::server::AppState;
use crate::validate::rsvp::{validate_rsvp, RsvpInput};
use crate::validate::{Field, FieldErrors, Problem};
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use std::net::SocketAddr;

pub use crate::pages::events::RsvpFormState;

/// The largest RSVP form accepted (bytes).
pub const MAX_BODY: usize = 16 * 1024;
/// Registrations allowed per client address per hour (a family or an office shares one).
pub const MAX_PER_HOUR: i64 = 30;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/eventi/{slug}",
            post(register).layer(DefaultBodyLimit::max(MAX_BODY)),
        )
        .route("/eventi/{slug}/calendario.ics", get(calendar_file))
        .route(
            "/prenotazione/{token}",
            post(cancel).layer(DefaultBodyLimit::max(1024)),
        )
        // The English twins: the same pages in English.
        .route(
            "/events",
            get(|| async { see_other("/lingua/en?next=/eventi") }),
        )
        .route(
            "/events/{slug}",
            get(|Path(slug): Path<String>| async move {
                see_other(&format!(
                    "/lingua/en?next=/eventi/{}",
                    crate::text::query_encode(&slug)
                ))
            }),
        )
}

async fn register(
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
        Err(err) => return crate::admin::unavailable("reading the form secret", &err),
    };
    if let Err(problem) = crate::join::robot_check(&secret, &pairs, now) {
        return again(
            &state,
            &uri,
            &headers,
            input,
            refuse(problem),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let started = Some(crate::join::form_value(&pairs, "started").to_owned());
    let valid = match validate_rsvp(&input) {
        Ok(v) => v,
        Err(errors) => {
            return again(
                &state,
                &uri,
                &headers,
                input,
                errors,
                started,
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
    let lang = crate::server::request_lang_from(&headers).unwrap_or_default();
    let mail_limit = Some(crate::db::recipient_limit(&valid.email));
    let registration = Registration {
        slug: slug.clone(),
        rsvp: valid,
        lang,
        now,
        compose: std::sync::Arc::new(composer(base_url(&state), now)),
        // Counted in the registration's own transaction.
        limit: Some(ClientLimit {
            bucket: "rsvp",
            client: address,
            window: 3600,
            max: MAX_PER_HOUR,
        }),
        mail_limit,
    };
    // Refused: the form back with the reason.
    let (problem, status) = match state.db.register(registration).await {
        Ok(RsvpOutcome::Registered { token, .. }) => {
            state.outbox.wake();
            return see_other(&format!("/prenotazione/{token}?nuova=1"));
        }
        Ok(RsvpOutcome::AlreadyRegistered) => {
            state.outbox.wake();
            return see_other(&format!(
                "/eventi/{}?inviata=1#iscrizione",
                crate::text::query_encode(&slug)
            ));
        }
        Ok(RsvpOutcome::NotOpen(_)) => (Problem::RegistrationClosed, StatusCode::CONFLICT),
        Ok(RsvpOutcome::TooMany) => (Problem::TooMany, StatusCode::TOO_MANY_REQUESTS),
        Ok(RsvpOutcome::NoSuchEvent) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return crate::admin::unavailable("registering for an event", &err),
    };
    again(
        &state,
        &uri,
        &headers,
        input,
        refuse(problem),
        started,
        status,
    )
    .await
}

/// The form back, with what was typed and the problems beside the fields. `started` is the
/// form's genuine "shown at" token, kept so corrections are not slowed down.
#[allow(clippy::too_many_arguments)]
async fn again(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    input: RsvpInput,
    errors: FieldErrors,
    started: Option<String>,
    status: StatusCode,
) -> Response {
    let context = RsvpFormState {
        input,
        errors,
        started,
    };
    render_page(state, uri, headers, context, status).await
}

/// The cancel button of the personal page.
async fn cancel(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let now = state.clock.now();
    let compose = composer(base_url(&state), now);
    match state.db.cancel_rsvp(&token, now, &compose).await {
        Ok(CancelOutcome::Cancelled { promoted }) => {
            if promoted > 0 {
                state.outbox.wake();
            }
            see_other(&format!("/prenotazione/{token}?annullata=1"))
        }
        Ok(CancelOutcome::AlreadyCancelled | CancelOutcome::TooLate) => {
            see_other(&format!("/prenotazione/{token}"))
        }
        // Nothing to say about tokens that do not exist.
        Ok(CancelOutcome::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => crate::admin::unavailable("cancelling a registration", &err),
    }
}

/// `GET /eventi/{slug}/calendario.ics`.
async fn calendar_file(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Response {
    let lang = crate::server::request_lang_from(&headers).unwrap_or_default();
    let event = match state.db.public_event(&slug, lang).await {
        Ok(Some(e)) => e,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return crate::admin::unavailable("reading an event", &err),
    };
    let base = base_url(&state);
    let body = crate::calendar::ics(
        &event,
        &format!("{base}/eventi/{}", event.slug),
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

/// `spazi.example.it` of `https://spazi.example.it`.
fn host_of(base: &str) -> &str {
    base.split("://")
        .nth(1)
        .unwrap_or(base)
        .trim_end_matches('/')
}

/// The e-mails about registrations, with links to this site at `base`.
pub fn composer(base: String, now: i64) -> impl Fn(&Notice) -> Email + Send + Sync {
    move |n: &Notice| rsvp_email(n, &base, now)
}

/// The e-mail about one registration, in its language: what happened, the event, the personal
/// link, and the calendar file when there is a seat.
pub fn rsvp_email(n: &Notice, base: &str, now: i64) -> Email {
    let e = n.lang.texts().events;
    let title = &n.event.title;
    let subject = match (n.kind, n.status) {
        (NoticeKind::Promoted, _) => (e.mail_subject_promoted)(title),
        (NoticeKind::Reminder, _) => (e.mail_subject_reminder)(title),
        (NoticeKind::EventCancelled, _) => (e.mail_subject_cancelled)(title),
        (_, RsvpStatus::Waiting) => (e.mail_subject_waiting)(title),
        _ => (e.mail_subject_confirmed)(title),
    };
    let news = match (n.kind, n.status) {
        (NoticeKind::Promoted, _) => e.mail_promoted.to_owned(),
        (NoticeKind::Reminder, _) => e.mail_reminder.to_owned(),
        (NoticeKind::EventCancelled, _) => e.mail_cancelled.to_owned(),
        (NoticeKind::Resent, RsvpStatus::Waiting) => format!(
            "{} {}",
            e.mail_resent,
            (e.mail_waiting)(n.queue_position.unwrap_or(1))
        ),
        (NoticeKind::Resent, _) => e.mail_resent.to_owned(),
        (_, RsvpStatus::Waiting) => (e.mail_waiting)(n.queue_position.unwrap_or(1)),
        _ => e.mail_confirmed.to_owned(),
    };
    let confirmed = n.status == RsvpStatus::Confirmed;
    // After a cancellation the link only shows what happened; the calendar file (attached for
    // those who had a seat) marks the entry cancelled.
    let calendar = confirmed && n.kind != NoticeKind::Reminder;
    let mut text = format!(
        "{}\n\n{news}\n\n{}\n{}: {}\n{}: {}, {}\n\n{}\n{base}/prenotazione/{}\n",
        (e.mail_greeting)(&n.first_name),
        title,
        e.when,
        when_line(&n.event, n.lang),
        e.where_,
        n.event.venue_name,
        n.event.venue_address,
        e.mail_link,
        n.token,
    );
    if calendar && n.kind != NoticeKind::EventCancelled {
        text.push_str(&format!("\n{}\n{}\n", e.mail_door, e.mail_calendar));
    }
    text.push_str(&format!(
        "\n{}\n\n-- \n{}\n",
        (e.mail_questions)(&n.event.contact_email),
        e.mail_footer
    ));
    let attachments = if calendar {
        vec![TextAttachment {
            filename: format!("{}.ics", n.event.slug),
            content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
            content: crate::calendar::ics(
                &n.event,
                &format!("{base}/eventi/{}", n.event.slug),
                host_of(base),
                now,
            ),
        }]
    } else {
        Vec::new()
    };
    Email {
        to: n.email.clone(),
        subject,
        text,
        html: None,
        attachments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_base_urls() {
        assert_eq!(host_of("https://spazi.example.it"), "spazi.example.it");
        assert_eq!(host_of("http://127.0.0.1:3000/"), "127.0.0.1:3000");
    }
}
