//! Imports of spaces: the upload (checked, stored, then previewed), the confirmation (applied
//! in the background) and the revert.

use crate::backend::auth;
use crate::backend::context::AppState;
use crate::core::paths;
use crate::ui::pages::admin::import::{ImportUploadState, RevertState};
use crate::web::guard::{authorised_post, staff_session};
use crate::web::respond::{render_page, see_other, unavailable};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

/// Staff upload a CSV or GeoJSON file of spaces (multipart form): it is checked, stored, and
/// its preview shown at `/admin/importa/{id}`; nothing changes until they confirm.
pub(crate) async fn upload_import(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    // Who is asking comes first: anonymous callers go to the sign-in page whatever they sent.
    let session = match staff_session(&state, &headers, crate::core::model::Role::Editor).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let Ok(mut multipart) = multipart else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    // One upload at a time per process: each holds its file (up to 5 MB) and its parsed rows.
    let _turn = crate::backend::import::TURN.acquire().await;
    match store_upload(&state, &session, &mut multipart, &headers).await {
        Ok(id) => see_other(&paths::import(id)),
        Err(UploadError::Malformed) => StatusCode::BAD_REQUEST.into_response(),
        // Said on the upload page, beside the file field.
        Err(UploadError::Shown(error, status)) => {
            let context = ImportUploadState { error: Some(error) };
            render_page(&state, &uri, &headers, context, status).await
        }
    }
}

/// Why an upload was not stored.
enum UploadError {
    /// Not a form a browser sends.
    Malformed,
    /// What the upload page says, with the response's status.
    Shown(crate::core::view::ImportFileError, StatusCode),
}

/// Reads, checks and stores an upload; the new import's id.
async fn store_upload(
    state: &AppState,
    session: &auth::Session,
    multipart: &mut axum::extract::Multipart,
    headers: &HeaderMap,
) -> Result<i64, UploadError> {
    use crate::backend::import::MAX_FILE_BYTES;
    use crate::core::view::ImportFileError;
    let shown = |error, status| UploadError::Shown(error, status);
    let (csrf, status, file, options) = match read_upload(multipart, headers).await {
        Ok(upload) => upload,
        Err(Refused::TooLarge) => {
            let max_mb = MAX_FILE_BYTES / (1024 * 1024);
            let error = ImportFileError::TooLarge { max_mb };
            return Err(shown(error, StatusCode::PAYLOAD_TOO_LARGE));
        }
        Err(Refused::Malformed) => return Err(UploadError::Malformed),
    };
    if !auth::same_secret(&session.csrf_token, &csrf) {
        // A page from before the session changed: said on the page, not a bare 403.
        return Err(shown(ImportFileError::StaleForm, StatusCode::FORBIDDEN));
    }
    let new_status = match status.as_str() {
        "published" => crate::core::model::SpaceStatus::Published,
        _ => crate::core::model::SpaceStatus::Pending,
    };
    let (filename, bytes) = match file {
        Some((name, bytes)) if !(name.is_empty() && bytes.is_empty()) => (name, bytes),
        _ => {
            return Err(shown(
                ImportFileError::NoFile,
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
    };
    if let Err(err) = crate::backend::import::recognise(&bytes) {
        return Err(shown(err, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let text = crate::backend::import::decode(bytes);
    if let Err(err) = crate::backend::import::check(&text) {
        return Err(shown(err, StatusCode::UNPROCESSABLE_ENTITY));
    }
    // Only the last path segment of the name the browser sent, bounded.
    let filename: String = filename
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(120)
        .collect();
    let now = state.clock.now();
    let user = session.user.id;
    match state
        .db
        .create_import(&filename, &text, new_status, options, user, now)
        .await
    {
        Ok(id) => Ok(id),
        Err(err) => {
            tracing::error!(error = %err, "storing an import failed");
            Err(shown(
                ImportFileError::Busy,
                StatusCode::SERVICE_UNAVAILABLE,
            ))
        }
    }
}

/// Why an upload's fields could not be read.
enum Refused {
    TooLarge,
    Malformed,
}

/// The upload form's fields: the CSRF token, the status for new spaces, the file (its name
/// and bytes) and the options.
type Upload = (
    String,
    String,
    Option<(String, Vec<u8>)>,
    crate::backend::import::Options,
);

async fn read_upload(
    multipart: &mut axum::extract::Multipart,
    headers: &HeaderMap,
) -> Result<Upload, Refused> {
    use crate::backend::import::MAX_FILE_BYTES;
    let refused = |err: axum::extract::multipart::MultipartError| {
        if err.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Refused::TooLarge
        } else {
            Refused::Malformed
        }
    };
    let (mut csrf, mut status, mut file) = (String::new(), String::new(), None);
    let mut options = crate::backend::import::Options::default();
    // The file is read into one buffer the size the request announced (a growing buffer
    // would hold twice the file while it doubles), at most the limit.
    let announced = headers
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok())
        .unwrap_or(0)
        .min(MAX_FILE_BYTES);
    while let Some(mut field) = multipart.next_field().await.map_err(refused)? {
        let name = field.name().unwrap_or_default().to_owned();
        let filename = field.file_name().map(str::to_owned);
        let is_file = name == "file";
        let limit = if is_file { MAX_FILE_BYTES } else { 1024 };
        let mut data = Vec::with_capacity(if is_file { announced } else { 0 });
        while let Some(chunk) = field.chunk().await.map_err(refused)? {
            if data.len() + chunk.len() > limit {
                return Err(Refused::TooLarge);
            }
            data.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "csrf" => csrf = String::from_utf8_lossy(&data).into_owned(),
            "stato" => status = String::from_utf8_lossy(&data).into_owned(),
            "archiviati" => options.include_archived = !data.is_empty(),
            "file" => file = Some((filename.unwrap_or_default(), data)),
            _ => {}
        }
    }
    Ok((csrf, status, file, options))
}

#[derive(Deserialize)]
pub struct ConfirmImportForm {
    #[serde(default)]
    csrf: String,
    /// The digest of the plan the preview showed.
    #[serde(default)]
    piano: String,
}

/// Staff confirm an import: it is applied in the background (the page shows its progress) so
/// that a large file outlives the request and any proxy's timeout. A plan that is no longer
/// the one the preview showed (a colleague changed a space since) is shown again instead.
pub(crate) async fn confirm_import(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    headers: HeaderMap,
    Form(form): Form<ConfirmImportForm>,
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
    let claimed =
        match crate::backend::import::claim(&state.db, id, Some(&form.piano), state.clock.now())
            .await
        {
            Ok(crate::backend::import::Claim::Claimed(c)) => c,
            Ok(crate::backend::import::Claim::Changed) => {
                return see_other(&format!("{}?cambiato=1", paths::import(id)))
            }
            // Finished, or being applied by another request: the page shows where it stands.
            Ok(crate::backend::import::Claim::NotNow) => return see_other(&paths::import(id)),
            Err(err) => return unavailable("claiming an import", &err),
        };
    let db = state.db.clone();
    let user = session.user;
    let clock = state.clock;
    tokio::spawn(async move {
        match crate::backend::import::apply(&db, claimed, (user.id, &user.email), clock).await {
            Ok(()) => tracing::info!(import = id, "import applied"),
            Err(err) => tracing::error!(import = id, error = %err, "import failed"),
        }
    });
    see_other(&paths::import(id))
}

#[derive(Deserialize)]
pub struct RevertImportForm {
    #[serde(default)]
    csrf: String,
    /// Present on the second step: staff saw what reverting does and confirmed.
    #[serde(default)]
    conferma: String,
    /// Revert the rest even though some spaces changed since.
    #[serde(default)]
    lascia: String,
}

/// Staff revert an applied import, in two steps: the first shows what will happen (spaces
/// removed, put back, left alone because they changed since), the second does it.
pub(crate) async fn revert_import(
    State(state): State<AppState>,
    axum::extract::Path(id): axum::extract::Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<RevertImportForm>,
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
    let leave_changed = !form.lascia.is_empty();
    if form.conferma.is_empty() {
        // The page of the import, at its confirmation step.
        let context = RevertState {
            confirm: true,
            leave_changed,
            ..Default::default()
        };
        let page_uri: Uri = paths::import(id).parse().unwrap_or(uri);
        return render_page(&state, &page_uri, &headers, context, StatusCode::OK).await;
    }
    match state
        .db
        .revert_import(
            id,
            leave_changed,
            (session.user.id, &session.user.email),
            state.clock.now(),
        )
        .await
    {
        Ok(crate::backend::db::Reverted::Done(_)) => {
            see_other(&format!("{}?annullata=1", paths::import(id)))
        }
        Ok(crate::backend::db::Reverted::Blocked(_)) => {
            let context = RevertState {
                confirm: true,
                blocked: true,
                leave_changed: false,
            };
            let page_uri: Uri = paths::import(id).parse().unwrap_or(uri);
            render_page(&state, &page_uri, &headers, context, StatusCode::CONFLICT).await
        }
        Ok(crate::backend::db::Reverted::NotRevertable) => see_other(&paths::import(id)),
        Err(err) => unavailable("reverting an import", &err),
    }
}
