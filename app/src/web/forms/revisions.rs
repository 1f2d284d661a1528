//! Staff decide on the changes managers proposed (server only): approved — the listing
//! written at the version the page showed, as proposed or as staff edited it — or not, with a
//! reason; the manager is e-mailed either way.

use crate::backend::context::AppState;
use crate::backend::db::Approved;
use crate::backend::edits::merge_edits;
use crate::core::model::Role;
use crate::core::paths;
use crate::core::validate::review::validate_reason;
use crate::core::validate::space::SpaceInput;
use crate::ui::pages::admin::review::DecisionFormState;
use crate::ui::pages::admin::revisions::RevisionEditState;
use crate::web::forms::spaces::validate_with_db;
use crate::web::guard::authorised_post;
use crate::web::respond::{render_page, see_other, unavailable};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    csrf: String,
    /// The listing's version the page showed.
    #[serde(default)]
    version: i64,
    /// `approva`, `modifica` (approve the listing as staff edited it) or `respingi`.
    #[serde(default)]
    azione: String,
    #[serde(default)]
    motivo: String,
    /// The values the staff's form showed (`RevisionPage::base`).
    #[serde(default)]
    base: String,
    /// The listing as staff edited it (`modifica`).
    #[serde(flatten)]
    input: SpaceInput,
}

/// Staff approve a manager's proposal (the listing written, at the version the page showed)
/// or do not, with a reason; the manager is e-mailed either way.
pub(crate) async fn decide(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<DecisionForm>,
) -> Response {
    let session = match authorised_post(&state, &headers, &form.csrf, Role::Editor).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let actor = (session.user.id, session.user.email.as_str());
    let now = state.clock.now();
    let proposal = match crate::backend::revisions::proposal(&state.db, id).await {
        Ok(Some(p)) => p,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return unavailable("loading a proposal", &err),
    };
    let revision = &proposal.revision;
    let lang = crate::i18n::Lang::from_code(&revision.lang).unwrap_or_default();
    let name = proposal.space.current.name.clone();
    let base = state.config.base_url().to_owned();
    // The list names the decision as the database has it (`?decisa=` is only an id).
    let done = || see_other(&format!("{}?decisa={id}", paths::REVISIONS));
    match form.azione.as_str() {
        "approva" | "modifica" => {
            // Edited by staff: their values, checked as their own edits are.
            let edited = if form.azione == "modifica" {
                match validate_with_db(&state, &form.input).await {
                    Ok(Ok(valid)) => Some(valid),
                    Ok(Err(errors)) => {
                        let context = RevisionEditState {
                            input: form.input,
                            errors,
                            unsaved: false,
                            base: form.base,
                        };
                        return render_page(
                            &state,
                            &uri,
                            &headers,
                            context,
                            StatusCode::UNPROCESSABLE_ENTITY,
                        )
                        .await;
                    }
                    Err(res) => return res,
                }
            } else {
                None
            };
            let valid = match (&edited, &proposal.valid) {
                (Some(valid), _) | (None, Ok(valid)) => valid,
                (None, Err(_)) => return see_other(&paths::revision(id)),
            };
            let link = paths::in_lang(&paths::space(&proposal.space.slug), lang);
            let mail = crate::backend::emails::revision_decided(
                &revision.email,
                &valid.name,
                None,
                edited.is_some(),
                &format!("{base}{link}"),
                lang,
            );
            match state
                .db
                .approve_revision(id, valid, form.version, actor, &mail, now)
                .await
            {
                Ok(Approved::Done) => {
                    state.outbox.wake();
                    done()
                }
                // Staff's own corrections come back with the page as it is now: over the newer
                // listing (the fields they changed kept, the others as a colleague left them),
                // or shown unsaved beside the decision.
                Ok(Approved::Stale) if edited.is_some() => {
                    // Read at the start of this request: after the save that made it stale.
                    let current = proposal.merged;
                    let context = RevisionEditState {
                        input: merge_edits(&form.input, &form.base, &current).unwrap_or(form.input),
                        unsaved: true,
                        base: serde_json::to_string(&current).unwrap_or_default(),
                        ..Default::default()
                    };
                    render_page(&state, &uri, &headers, context, StatusCode::CONFLICT).await
                }
                Ok(Approved::Gone) if edited.is_some() => {
                    let context = RevisionEditState {
                        input: form.input,
                        unsaved: true,
                        base: form.base,
                        ..Default::default()
                    };
                    render_page(&state, &uri, &headers, context, StatusCode::CONFLICT).await
                }
                Ok(Approved::Stale) => see_other(&format!("{}?superata=1", paths::revision(id))),
                Ok(Approved::Gone) => see_other(&paths::revision(id)),
                Err(err) => unavailable("approving a proposal", &err),
            }
        }
        "respingi" => {
            let reason = match validate_reason(&form.motivo, true) {
                Ok(reason) => reason,
                Err(errors) => {
                    let context = DecisionFormState {
                        reason: form.motivo,
                        errors,
                        ..Default::default()
                    };
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
            let link = paths::in_lang(paths::MY_SPACE, lang);
            let mail = crate::backend::emails::revision_decided(
                &revision.email,
                &name,
                Some(&reason),
                false,
                &format!("{base}{link}"),
                lang,
            );
            match state
                .db
                .reject_revision(id, &reason, actor, &mail, now)
                .await
            {
                Ok(true) => {
                    state.outbox.wake();
                    done()
                }
                Ok(false) => see_other(&paths::revision(id)),
                Err(err) => unavailable("rejecting a proposal", &err),
            }
        }
        _ => StatusCode::UNPROCESSABLE_ENTITY.into_response(),
    }
}
