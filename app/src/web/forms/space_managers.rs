//! The staff's page of a space's managers (server only): add or remove an address, ask them
//! to confirm the listing now, trust their changes (session and CSRF token, audited).

use crate::backend::auth;
use crate::backend::context::AppState;
use crate::backend::managers;
use crate::core::model::Role;
use crate::core::paths;
use crate::core::validate::typed_email;
use crate::web::forms::managers::refused;
use crate::web::guard::authorised_post;
use crate::web::respond::{see_other, unavailable};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ManagersForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
    /// `aggiungi` (the address typed in `email`), `togli` (the address in `email`), `chiedi`
    /// (ask them to confirm now), `fidati` or `non-fidati` (publish their changes at once, or
    /// not).
    #[serde(default)]
    azione: String,
}

/// Staff add or remove a manager of space `id` (editors may; audited).
pub(crate) async fn staff_managers(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<ManagersForm>,
) -> Response {
    let session = match authorised_post(&state, &headers, &form.csrf, Role::Editor).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let actor = (Some(session.user.id), session.user.email.as_str());
    let now = state.clock.now();
    let page = paths::admin_space_managers(id);
    // A notice names the address and the change's time on the audit trail (`a`): the page
    // tells of a change only when the trail has it, so a crafted link says nothing.
    let notice = |key: &str, email: &str| {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .append_pair(key, email)
            .append_pair("a", &now.to_string())
            .finish();
        see_other(&format!("{page}?{query}"))
    };
    match form.azione.as_str() {
        "aggiungi" => {
            let (email, problem) = typed_email(&form.email);
            if let Some(problem) = problem {
                return refused(&state, &uri, &headers, email, problem).await;
            }
            let email = auth::normalize_email(&email);
            let space = match state.db.staff_space(id).await {
                Ok(Some(space)) => space,
                Ok(None) => return StatusCode::NOT_FOUND.into_response(),
                Err(err) => return unavailable("loading a space", &err),
            };
            // Told in Italian, the area's first language: nothing says which they read.
            let link = format!("{}{}", state.config.base_url(), paths::MY_SPACE);
            let mail = crate::backend::emails::manager_added(
                &email,
                &space.current.name,
                &link,
                crate::i18n::Lang::It,
            );
            match state
                .db
                .add_space_manager_telling(id, &email, actor, &mail, now)
                .await
            {
                Ok(true) => {
                    state.outbox.wake();
                    notice("aggiunto", &email)
                }
                Ok(false) => notice("gia", &email),
                Err(err) => unavailable("adding a manager", &err),
            }
        }
        "chiedi" => {
            let base = state.config.base_url().to_owned();
            let compose = crate::backend::emails::confirmation_composer(base);
            let actor = (session.user.id, session.user.email.as_str());
            match state
                .db
                .ask_confirmation(id, actor, &managers::confirmation_token, &compose, now)
                .await
            {
                Ok(n) => {
                    state.outbox.wake();
                    see_other(&format!("{page}?chiesto={n}&a={now}"))
                }
                Err(err) => unavailable("asking managers to confirm", &err),
            }
        }
        "fidati" | "non-fidati" => {
            let trusted = form.azione == "fidati";
            let actor = (session.user.id, session.user.email.as_str());
            match state.db.set_managers_trusted(id, trusted, actor, now).await {
                // Named by the change's time, so the page can tell it from a crafted link.
                Ok(true) => see_other(&format!("{page}?fidati={now}")),
                // A colleague's page had done it already.
                Ok(false) => see_other(&format!("{page}?fidati=gia")),
                Err(err) => unavailable("trusting a space's managers", &err),
            }
        }
        "togli" => {
            let email = auth::normalize_email(&form.email);
            match state.db.remove_space_manager(id, &email, actor, now).await {
                Ok(true) => notice("tolto", &email),
                Ok(false) => notice("non", &email),
                Err(err) => unavailable("removing a manager", &err),
            }
        }
        _ => StatusCode::UNPROCESSABLE_ENTITY.into_response(),
    }
}
