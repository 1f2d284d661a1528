//! The space managers' posts (server only): asking for a sign-in link (always the same answer,
//! the work done after it), using the link, signing out, proposing changes to their space,
//! inviting a colleague. Answering a request to confirm is `confirmations`; the staff's page of
//! a space's managers is `space_managers`.

use crate::api::context::manager_token;
use crate::backend::auth;
use crate::backend::context::AppState;
use crate::backend::managers;
use crate::core::paths;
use crate::core::validate::{typed_email, Problem};
use crate::ui::components::form::EmailFormState;
use crate::ui::pages::my_space::ProposalFormState;
use crate::web::forms::space_photo;
use crate::web::forms::spaces::{validate_with_db, SpaceForm};
use crate::web::guard::client_address;
use crate::web::respond::{render_page, see_other, unavailable};
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;
use std::net::SocketAddr;

/// The form again, with the address as typed and its problem beside the field.
pub(super) async fn refused(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    email: String,
    problem: Problem,
) -> Response {
    let context = EmailFormState {
        email,
        problem: Some(problem),
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

#[derive(Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    email: String,
}

/// Asks for a sign-in link. A malformed address is pointed out beside the field; any
/// well-formed one gets the same answer at once, and the link is made and e-mailed afterwards,
/// only for an address that manages a space (see `managers::request_link`), so neither the
/// words nor the time of the answer say whether it does.
pub(crate) async fn request_link(
    State(state): State<AppState>,
    extensions: axum::http::Extensions,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<LinkForm>,
) -> Response {
    let (email, problem) = typed_email(&form.email);
    if let Some(problem) = problem {
        return refused(&state, &uri, &headers, email, problem).await;
    }
    // Sent to the address as managers are stored (trimmed, lower case).
    let email = auth::normalize_email(&email);
    let lang = crate::api::context::request_lang_from(&headers).unwrap_or_default();
    let client = client_address(
        &state,
        extensions.get::<ConnectInfo<SocketAddr>>(),
        &headers,
    );
    let worker = state.clone();
    tokio::spawn(async move {
        let base = worker.config.base_url().to_owned();
        let mail = |token: &str| {
            let link = paths::in_lang(&paths::my_space_link(token), lang);
            crate::backend::emails::manager_sign_in(&email, &format!("{base}{link}"), lang)
        };
        let from = managers::client_limit(&client);
        // The language of the area they asked from is theirs from now on.
        if let Err(err) = worker.db.set_manager_lang(&email, lang.code()).await {
            tracing::error!(error = %err, "recording a manager's language failed");
        }
        match managers::request_link(&worker.db, &email, &from, mail, worker.clock.now()).await {
            Ok(true) => worker.outbox.wake(),
            Ok(false) => {}
            Err(err) => tracing::error!(error = %err, "a manager's sign-in link failed"),
        }
    });
    see_other(&format!("{}?inviato=1", paths::MY_SPACE))
}

/// Uses a sign-in link: a session and its cookies, then the area; a used or expired link
/// leads back to its page, which says so.
pub(crate) async fn use_link(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let token: String = token.chars().take(128).collect();
    let now = state.clock.now();
    let session = match managers::sign_in(&state.db, &token, now).await {
        Ok(Some(session)) => session,
        Ok(None) => return see_other(&paths::my_space_link(&token)),
        Err(err) => return unavailable("a manager's sign-in", &err),
    };
    tracing::info!("a space manager signed in");
    // Rotation: whatever managers' session the browser had is ended.
    if let Some(old) = manager_token(&headers) {
        let _ = state
            .db
            .delete_manager_session(&auth::token_hash(&old))
            .await;
    }
    // Changes kept from a session that had ended: straight back to them.
    let kept = match crate::api::context::draft_token(&headers) {
        Some(draft) => managers::draft(&state.db, &draft, now).await.ok().flatten(),
        None => None,
    };
    let next = match kept {
        Some((space_id, _)) => format!("{}?bozza=1", paths::my_space_edit(space_id)),
        None => paths::MY_SPACE.to_owned(),
    };
    with_cookies(
        see_other(&next),
        managers::cookies(Some(&session), state.config.secure_cookies()),
    )
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// Signs a manager out (their session's CSRF token required) and clears the cookies.
pub(crate) async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Response {
    if let Some(token) = manager_token(&headers) {
        match managers::session(&state.db, &token, state.clock.now()).await {
            Ok(Some(session)) if auth::same_secret(&session.csrf_token, &form.csrf) => {
                if let Err(err) = state.db.delete_manager_session(&session.token_hash).await {
                    return unavailable("a manager's sign-out", &err);
                }
            }
            Ok(Some(_)) => return StatusCode::FORBIDDEN.into_response(),
            Ok(None) => {}
            Err(err) => return unavailable("a manager's sign-out", &err),
        }
    }
    with_cookies(
        see_other(&format!("{}?uscito=1", paths::MY_SPACE)),
        managers::cookies(None, state.config.secure_cookies()),
    )
}

/// The managers' session of a request's cookie, if it is live.
async fn read_session(
    state: &AppState,
    headers: &HeaderMap,
    now: i64,
) -> Result<Option<managers::ManagerSession>, crate::backend::db::DbError> {
    match manager_token(headers) {
        Some(token) => managers::session(&state.db, &token, now).await,
        None => Ok(None),
    }
}

/// The managers' session of a form post, if the form's CSRF token matches it; else the answer
/// to give: the managers' area (to sign in) without one, `403` with a wrong token.
async fn manager_post(
    state: &AppState,
    headers: &HeaderMap,
    csrf: &str,
    now: i64,
) -> Result<managers::ManagerSession, Response> {
    with_csrf(read_session(state, headers, now).await, csrf)
}

/// [`manager_post`] for a session already read. (The error is the answer to send, made once
/// per request: not worth a box.)
#[allow(clippy::result_large_err)]
fn with_csrf(
    session: Result<Option<managers::ManagerSession>, crate::backend::db::DbError>,
    csrf: &str,
) -> Result<managers::ManagerSession, Response> {
    let session = match session {
        Ok(Some(session)) => session,
        Ok(None) => return Err(see_other(paths::MY_SPACE)),
        Err(err) => return Err(unavailable("a manager's session", &err)),
    };
    if !auth::same_secret(&session.csrf_token, csrf) {
        return Err(StatusCode::FORBIDDEN.into_response());
    }
    Ok(session)
}

pub(super) fn with_cookies(mut res: Response, cookies: [String; 2]) -> Response {
    for cookie in cookies {
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// A manager proposes changes to space `id`: their session and its CSRF token, the space one
/// of theirs (else `404`, saying nothing of other spaces), the space form's checks; then the
/// proposal is stored beside the listing, which stays as it is until staff approve.
pub(crate) async fn propose(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    req: axum::extract::Request,
) -> Response {
    let now = state.clock.now();
    let client = client_address(
        &state,
        req.extensions().get::<ConnectInfo<SocketAddr>>(),
        &headers,
    );
    // Read once: whether the file may be kept, then the form's CSRF token.
    let read = read_session(&state, &headers, now).await;
    let signed_in = matches!(read, Ok(Some(_)));
    let mut post = match space_photo::read(&state, req, signed_in).await {
        Ok(post) => post,
        Err(res) => return res,
    };
    let body = std::mem::take(&mut post.fields);
    let Some(mut form) = crate::web::forms::edit::edit_form::<SpaceForm>(&body) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let session = match with_csrf(read, &form.csrf) {
        Ok(session) => session,
        // The session ended while they typed, or this browser no longer has its cookie
        // (signed out in another tab, cookies cleared): what they sent is kept for this
        // browser, within the client's limit.
        Err(res) if res.status() == StatusCode::SEE_OTHER => {
            // A photo chosen then could not be kept: its description is not kept either, so
            // that it cannot end up describing another picture.
            let body = if post.dropped {
                without_field(&body, "photo_alt")
            } else {
                body
            };
            return keep_draft(&state, id, &body, &headers, &client, res).await;
        }
        // A form of an earlier session (signed in again meanwhile, in another tab): shown
        // again with what was typed, to send from this session.
        Err(res) if res.status() == StatusCode::FORBIDDEN => {
            let context = ProposalFormState {
                input: form.input,
                base: Some(form.base),
                resumed: true,
                ..Default::default()
            };
            return render_page(&state, &uri, &headers, context, StatusCode::CONFLICT).await;
        }
        Err(res) => return res,
    };
    let listing = match state.db.manages(&session.email, id).await {
        Ok(true) => state.db.staff_space(id).await,
        Ok(false) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return unavailable("a manager's space", &err),
    };
    let listing = match listing {
        Ok(Some(listing)) => listing,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return unavailable("a manager's space", &err),
    };
    let problem = match space_photo::apply(&state, post, &mut form.input, &session.email).await {
        Ok(problem) => problem,
        Err(res) => return res,
    };
    // A photo not the listing's: only one this manager may use (a name typed into the form
    // is not a way to take another's upload).
    let photo = form.input.photo.trim().to_owned();
    let problem = if photo.is_empty() || listing.current.photo.as_deref() == Some(photo.as_str()) {
        problem
    } else {
        match state.db.manager_may_use_photo(&session.email, &photo).await {
            Ok(true) => problem,
            Ok(false) => problem.or(Some(crate::core::validate::Problem::PhotoMissing)),
            Err(err) => return unavailable("a photo's uploader", &err),
        }
    };
    let checked = validate_with_db(&state, &form.input)
        .await
        .map(|r| space_photo::with_problem(r, problem));
    let valid = match checked {
        Ok(Ok(valid)) => valid,
        Ok(Err(errors)) => {
            let context = ProposalFormState {
                input: form.input,
                errors,
                base: Some(form.base),
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
        Err(res) => return res,
    };
    let (_, changed) = crate::backend::db::diff(&listing.current, &valid);
    if changed.as_object().is_none_or(|c| c.is_empty()) {
        return see_other(&format!("{}?invariata=1", paths::my_space_edit(id)));
    }
    let lang = crate::api::context::request_lang_from(&headers).unwrap_or_default();
    let proposed = serde_json::to_string(&form.input).unwrap_or_default();
    match state
        .db
        .propose_revision(
            id,
            &session.email,
            lang.code(),
            (&form.base, &proposed),
            changed,
            now,
        )
        .await
    {
        Ok(Some(revision)) => {
            let res = match publish_if_trusted(&state, id, revision, &session.email).await {
                Ok(true) => see_other(&format!("{}?pubblicate=1", paths::MY_SPACE)),
                Ok(false) => see_other(&format!("{}?inviate=1", paths::MY_SPACE)),
                Err(err) => return unavailable("publishing a trusted proposal", &err),
            };
            forget_draft(&state, &headers, res).await
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => unavailable("storing a proposal", &err),
    }
}

/// Keeps the changes a manager sent after their session ended (a day, for this browser) and
/// leads to the sign-in, which says so; once signed in again they find them in the editor.
/// Without a way to keep them (too long), `res`, as before.
async fn keep_draft(
    state: &AppState,
    id: i64,
    body: &[u8],
    headers: &HeaderMap,
    client: &str,
    res: Response,
) -> Response {
    let fields = String::from_utf8_lossy(body);
    let from = managers::draft_limit(client);
    let kept = crate::api::context::draft_token(headers);
    match managers::keep_draft(
        &state.db,
        (id, &fields),
        kept.as_deref(),
        &from,
        state.clock.now(),
    )
    .await
    {
        Ok(Some(token)) => with_cookies(
            see_other(&format!("{}?scaduta=1", paths::MY_SPACE)),
            managers::draft_cookies(Some(&token), state.config.secure_cookies()),
        ),
        Ok(None) => res,
        Err(err) => unavailable("keeping a manager's draft", &err),
    }
}

/// A url-encoded body without field `name`.
fn without_field(body: &[u8], name: &str) -> Vec<u8> {
    let pairs = url::form_urlencoded::parse(body).filter(|(k, _)| k != name);
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
        .into_bytes()
}

/// Forgets the draft this browser kept, if any (its changes are sent now).
async fn forget_draft(state: &AppState, headers: &HeaderMap, res: Response) -> Response {
    let Some(token) = crate::api::context::draft_token(headers) else {
        return res;
    };
    if let Err(err) = state
        .db
        .delete_manager_draft(&auth::token_hash(&token))
        .await
    {
        tracing::error!(error = %err, "forgetting a manager's draft failed");
    }
    with_cookies(
        res,
        managers::draft_cookies(None, state.config.secure_cookies()),
    )
}

/// Publishes proposal `revision` at once when staff trust the managers of space `id`; whether
/// it did (else it waits for staff, as any proposal).
async fn publish_if_trusted(
    state: &AppState,
    id: i64,
    revision: i64,
    manager: &str,
) -> Result<bool, crate::backend::db::DbError> {
    if !state.db.managers_trusted(id).await? {
        return Ok(false);
    }
    let Some(proposal) = crate::backend::revisions::proposal(&state.db, revision).await? else {
        return Ok(false);
    };
    let Ok(valid) = &proposal.valid else {
        return Ok(false);
    };
    let version = proposal.space.version;
    let now = state.clock.now();
    let done = state
        .db
        .publish_trusted_revision(revision, valid, version, manager, now)
        .await?;
    Ok(done == crate::backend::db::Approved::Done)
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
}

/// A manager invites someone to manage space `id` with them (their session and its CSRF
/// token; a space not theirs: `404`). The new manager is e-mailed how to sign in.
pub(crate) async fn invite(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<InviteForm>,
) -> Response {
    let now = state.clock.now();
    let session = match manager_post(&state, &headers, &form.csrf, now).await {
        Ok(session) => session,
        Err(res) => return res,
    };
    let space = match state.db.managed_spaces(&session.email).await {
        Ok(spaces) => spaces.into_iter().find(|s| s.id == id),
        Err(err) => return unavailable("a manager's space", &err),
    };
    let Some(space) = space else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (email, problem) = typed_email(&form.email);
    if let Some(problem) = problem {
        return refused(&state, &uri, &headers, email, problem).await;
    }
    let email = auth::normalize_email(&email);
    let lang = crate::api::context::request_lang_from(&headers).unwrap_or_default();
    let link = format!(
        "{}{}",
        state.config.base_url(),
        paths::in_lang(paths::MY_SPACE, lang)
    );
    let mail =
        crate::backend::emails::manager_invited(&email, &session.email, &space.name, &link, lang);
    match state
        .db
        .invite_manager(id, &email, &session.email, &mail, now)
        .await
    {
        // The notice names the address and when it was added, so the page tells of an
        // invitation only when the list has it (a crafted link says nothing).
        Ok(Some(added)) => {
            state.outbox.wake();
            let mut query = url::form_urlencoded::Serializer::new(String::new());
            if added {
                query
                    .append_pair("invitato", &email)
                    .append_pair("a", &now.to_string());
            } else {
                query.append_pair("gia", &email);
            }
            see_other(&format!(
                "{}?{}",
                paths::my_space_managers(id),
                query.finish()
            ))
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => unavailable("inviting a manager", &err),
    }
}
