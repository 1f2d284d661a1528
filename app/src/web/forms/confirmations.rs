//! A manager answers the yearly request to confirm their listing (server only): no sign-in —
//! the e-mailed link is the key, once — confirmed, to be updated (signed in, to the editor, if
//! the e-mail is recent), or closed (staff told).

use crate::backend::context::AppState;
use crate::backend::managers;
use crate::core::paths;
use crate::web::forms::managers::with_cookies;
use crate::web::respond::{see_other, unavailable};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ConfirmForm {
    /// `conferma`, `aggiorna` or `chiuso`.
    #[serde(default)]
    azione: String,
}

/// Answers a request to confirm a listing (no sign-in: the link is the key, once): confirmed,
/// to be updated (signed in, to the editor), or closed (staff told).
pub(crate) async fn answer_confirmation(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Form(form): Form<ConfirmForm>,
) -> Response {
    let token: String = token.chars().take(128).collect();
    let answer = match form.azione.as_str() {
        "conferma" => "confirmed",
        "aggiorna" => "update",
        "chiuso" => "closed",
        _ => return StatusCode::UNPROCESSABLE_ENTITY.into_response(),
    };
    let base = state.config.base_url().to_owned();
    let staff_to = state.config.staff_email.clone();
    let staff = |space: &str, id: i64, manager: &str| {
        let link = format!("{base}{}", paths::admin_space(id));
        crate::backend::emails::closure_reported(&staff_to, space, manager, &link)
    };
    let page = paths::my_space_confirm(&token);
    match managers::answer(&state.db, &token, answer, staff, state.clock.now()).await {
        Ok(managers::Answered::Confirmed) => see_other(&format!("{page}?fatto=confermata")),
        Ok(managers::Answered::Closed) => {
            state.outbox.wake();
            see_other(&format!("{page}?fatto=chiuso"))
        }
        Ok(managers::Answered::Update { session, space_id }) => with_cookies(
            see_other(&paths::my_space_edit(space_id)),
            managers::cookies(Some(&session), state.config.secure_cookies()),
        ),
        // English addresses' redirects are made English by `web::language`.
        Ok(managers::Answered::TooOldToSignIn) => {
            see_other(&format!("{}?vecchio=1", paths::MY_SPACE))
        }
        Ok(managers::Answered::Dead) => see_other(&page),
        Err(err) => unavailable("answering a request to confirm", &err),
    }
}
