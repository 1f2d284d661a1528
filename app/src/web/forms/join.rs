//! The join form's HTTP side (server only): `POST /aderisci`. Anti-abuse first (a honeypot
//! field, a signed timestamp that must be a few seconds old, then after validation a per-address
//! limit), then the shared validation, then one transaction that stores the pending space and
//! queues the e-mails to the contact person and to staff. Errors re-render the form with what
//! was typed; success redirects to the confirmation page with the reference code.

use crate::backend::antirobot::{form_value, robot_check};
use crate::backend::context::AppState;
use crate::core::paths;
use crate::core::validate::join::{validate_join, Field, JoinInput};
use crate::core::validate::space::Field as S;
use crate::core::validate::{FieldErrors, Problem};
use crate::web::guard::client_address;
use crate::web::respond::{render_page, see_other};
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::Form;
use std::net::SocketAddr;

pub use crate::ui::pages::join::JoinFormState;
/// Submissions allowed per client address per hour.
pub const MAX_PER_HOUR: i64 = 5;
/// The largest join form accepted (bytes); the longest valid one is well under.
pub const MAX_BODY: usize = 64 * 1024;
/// A reference code people can read out on the phone: no 0/O, 1/I/L.
pub fn new_reference() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let mut bytes = [0u8; 8];
    OsRng.fill_bytes(&mut bytes);
    let chars: String = bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    format!("ADR-{}-{}", &chars[..4], &chars[4..])
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    extensions: axum::http::Extensions,
    uri: Uri,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let input = JoinInput::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let secret = match state.db.form_secret().await {
        Ok(s) => s,
        Err(err) => return crate::web::respond::unavailable("reading the form secret", &err),
    };
    if let Err(problem) = robot_check(&secret, &pairs, state.clock.now()) {
        // Sent in a hurry with mistakes (autofill): the mistakes are said, not the hurry —
        // fixing them takes longer than the wait.
        let errors = match (
            problem,
            validate_join(&input, crate::backend::boundaries::all()),
        ) {
            (Problem::TooFast, Err(errors)) => errors,
            _ => FieldErrors(vec![(Field::Form, problem)]),
        };
        let kept = crate::backend::antirobot::carried_token(&secret, &pairs, state.clock.now());
        return again_keeping(&state, &uri, &headers, input, errors, kept).await;
    }
    // From here on the form's timestamp was genuine: it is kept when the form comes back.
    let started = Some(form_value(&pairs, "started").to_owned());
    let valid = match validate_join(&input, crate::backend::boundaries::all()) {
        Ok(v) => v,
        Err(errors) => return again_keeping(&state, &uri, &headers, input, errors, started).await,
    };
    let town = match state.db.municipality_name(&valid.space.municipality).await {
        Ok(Some(name)) => name,
        Ok(None) => {
            let errors = FieldErrors::one(S::Municipality, Problem::UnknownChoice);
            return again_keeping(&state, &uri, &headers, input, errors, started).await;
        }
        Err(err) => return crate::web::respond::unavailable("looking up a municipality", &err),
    };
    let address = client_address(
        &state,
        extensions.get::<ConnectInfo<SocketAddr>>(),
        &headers,
    );
    let limit = crate::backend::db::ClientLimit {
        bucket: "join",
        client: address,
        window: 3600,
        max: MAX_PER_HOUR,
    };
    match state.db.rate_limit(&limit, state.clock.now()).await {
        Ok(true) => {}
        Ok(false) => {
            return again(
                &state,
                &uri,
                &headers,
                input,
                FieldErrors(vec![(Field::Form, Problem::TooMany)]),
                StatusCode::TOO_MANY_REQUESTS,
            )
            .await
        }
        Err(err) => return crate::web::respond::unavailable("rate limiting", &err),
    }
    let lang = crate::api::context::request_lang_from(&headers).unwrap_or_default();
    let reference = new_reference();
    let confirmation = crate::backend::emails::join_confirmation(&valid, &reference, lang);
    // The spaces of the map it may repeat, for staff's notice (only read when one is sent).
    let similar = if state.config.staff_email.is_empty() {
        Vec::new()
    } else {
        match state.db.all_staff_spaces().await {
            Ok(spaces) => crate::backend::review::duplicates(
                &crate::backend::db::StaffSpace {
                    id: 0,
                    slug: String::new(),
                    status: crate::core::model::SpaceStatus::Pending,
                    version: 0,
                    current: valid.space.clone(),
                },
                &spaces,
                &town,
            ),
            Err(err) => return crate::web::respond::unavailable("reading the spaces", &err),
        }
    };
    // To staff, linking to the request itself.
    let staff_notice = |id: i64| -> Vec<crate::backend::mail::Email> {
        let to = &state.config.staff_email;
        (!to.is_empty())
            .then(|| {
                let link = format!("{}{}", state.config.base_url(), paths::submission(id));
                crate::backend::emails::join_staff_notice(&valid, &reference, to, &link, &similar)
            })
            .into_iter()
            .collect()
    };
    match state
        .db
        .create_submission(
            &valid,
            &reference,
            lang.code(),
            Some(&confirmation),
            &staff_notice,
            state.clock.now(),
        )
        .await
    {
        Ok(_) => {
            state.outbox.wake();
            see_other(&paths::join_sent(&reference))
        }
        Err(err) => crate::web::respond::unavailable("storing a submission", &err),
    }
}

async fn again(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    input: JoinInput,
    errors: FieldErrors<Field>,
    status: StatusCode,
) -> Response {
    let context = JoinFormState {
        input,
        errors,
        started: None,
    };
    render_page(state, uri, headers, context, status).await
}

/// The form back for corrections, keeping its genuine timestamp.
async fn again_keeping(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    input: JoinInput,
    errors: FieldErrors<Field>,
    started: Option<String>,
) -> Response {
    let context = JoinFormState {
        input,
        errors,
        started,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_readable() {
        let r = new_reference();
        assert_eq!(r.len(), 13);
        assert!(r.starts_with("ADR-"));
        assert!(!r.contains(['0', 'O', '1', 'I', 'L']));
        assert_ne!(r, new_reference());
    }
}
