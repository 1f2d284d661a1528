//! Staff review of join requests, the HTTP side: the decision posts and the survey's CSV export
//! (the review itself is `backend::review`).

use crate::backend::context::AppState;
use crate::backend::review::record_decision;
use crate::core::model::{Decision, Role};
use crate::core::paths;
use crate::core::validate::review::validate_reason;
use crate::web::guard::{authorised_pairs, authorised_post, staff_session};
use crate::web::respond::{render_page, see_other, unavailable};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

pub use crate::ui::pages::admin::review::DecisionFormState;

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    decisione: String,
    #[serde(default)]
    motivo: String,
    /// The version of the request the page showed.
    #[serde(default)]
    version: i64,
    /// Present on the second step of a decision that takes a published space off the map.
    #[serde(default)]
    conferma: String,
}

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
    let Some(decision) = Decision::from_code(&form.decisione) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let reason = match validate_reason(&form.motivo, decision != Decision::Approved) {
        Ok(reason) => reason,
        Err(errors) => {
            let context = DecisionFormState {
                decision: Some(decision),
                reason: form.motivo.clone(),
                errors,
                version: Some(form.version),
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
    let (row, record) = match state.db.submission(id).await {
        Ok(Some(s)) => s,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return unavailable("loading a request", &err),
    };
    // Decided by a colleague since this page was shown: the page again, with its decision,
    // and what was typed kept.
    if record.version != form.version {
        let context = DecisionFormState {
            decision: Some(decision),
            reason: form.motivo.clone(),
            stale: true,
            ..Default::default()
        };
        return render_page(&state, &uri, &headers, context, StatusCode::CONFLICT).await;
    }
    // Taking an approved space off the map opens a second step that says so first.
    if row.decision == Some(Decision::Approved)
        && decision != Decision::Approved
        && form.conferma.is_empty()
    {
        let context = DecisionFormState {
            decision: Some(decision),
            reason: form.motivo.clone(),
            confirm: true,
            version: Some(form.version),
            ..Default::default()
        };
        return render_page(&state, &uri, &headers, context, StatusCode::OK).await;
    }
    let reason = reason.as_str();
    let actor = (session.user.id, session.user.email.as_str());
    match record_decision(&state, id, decision, reason, Some(form.version), actor).await {
        Ok(true) => see_other(&format!("{}?salvato=1", paths::submission(id))),
        // Gone, or decided by someone else in between.
        Ok(false) => see_other(&paths::submission(id)),
        Err(err) => unavailable("recording a decision", &err),
    }
}

/// Staff: the survey answers as CSV for Excel (semicolons, BOM, formulas defused).
pub(crate) async fn survey_csv(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(res) = staff_session(&state, &headers, Role::Editor).await {
        return res;
    }
    let answers = match state.db.survey_answers().await {
        Ok(a) => a,
        Err(err) => return unavailable("exporting the survey", &err),
    };
    let mut header = vec!["reference", "space", "municipality", "submitted"];
    header.extend(crate::core::model::Need::ALL.iter().map(|n| n.code()));
    header.extend(["needs_other", "vision"]);
    let defuse = crate::backend::exports::defuse_formula;
    let records = answers.iter().map(|(row, r)| {
        let needs = r.needs();
        let mut record = vec![
            row.reference.clone(),
            defuse(&row.space_name),
            row.municipality.clone(),
            crate::core::text::iso_date(row.submitted_at),
        ];
        record.extend(
            crate::core::model::Need::ALL
                .iter()
                .map(|n| if needs.contains(n) { "1" } else { "0" }.to_owned()),
        );
        record.push(defuse(r.needs_other.as_deref().unwrap_or_default()));
        record.push(defuse(r.vision.as_deref().unwrap_or_default()));
        record
    });
    let Ok(out) = crate::backend::exports::excel_csv(&header, records) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    crate::web::opendata::respond(
        &headers,
        out,
        "text/csv; charset=utf-8",
        Some("questionario-forum.csv"),
        false,
    )
}

/// Merges a request into the listing it repeats (`?spazio=`), taking the fields whose boxes
/// were ticked (see `backend::merge`); back to the request, which says so. A change since the
/// page was read shows the page again, fresh, with the boxes as they were.
pub(crate) async fn merge(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    use crate::backend::antirobot::form_value;
    use crate::backend::db::Merged;
    use crate::backend::merge::Outcome;
    use crate::core::validate::space::Field;
    use crate::ui::pages::admin::merge::{box_name, MergeState};
    let session = match authorised_pairs(&state, &headers, &pairs, Role::Editor).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let Some(target) =
        crate::web::respond::query_value(&uri, "spazio").and_then(|v| v.parse::<i64>().ok())
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let version = |name: &str| form_value(&pairs, name).parse::<i64>().unwrap_or(-1);
    let chosen: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| !form_value(&pairs, &box_name(*f)).is_empty())
        .collect();
    let actor = (session.user.id, session.user.email.as_str());
    let outcome = crate::backend::merge::merge(
        &state,
        (id, target),
        (version("versione_richiesta"), version("versione_scheda")),
        &chosen,
        actor,
    )
    .await;
    let (context, status) = match outcome {
        Ok(Outcome::Merged(Merged::Done)) => {
            return see_other(&format!("{}?unita=1", paths::submission(id)))
        }
        Ok(Outcome::Merged(Merged::Stale)) => (
            MergeState {
                chosen,
                errors: Default::default(),
                stale: true,
            },
            StatusCode::CONFLICT,
        ),
        Ok(Outcome::Invalid(errors)) => (
            MergeState {
                chosen,
                errors,
                stale: false,
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Ok(Outcome::Merged(Merged::Refused) | Outcome::NotFound) => {
            return StatusCode::NOT_FOUND.into_response()
        }
        Err(err) => return unavailable("merging a request", &err),
    };
    render_page(&state, &uri, &headers, context, status).await
}
