//! What every staff edit form shares: the version it was read at and its `base` (the values it
//! showed), merged three ways with a colleague's save; a post that arrives after the session
//! ended is carried through the sign-in and comes back in its form, unsaved.

use crate::backend::auth;
use crate::backend::context::AppState;
pub use crate::backend::edits::merge_edits;
use crate::core::paths;
use crate::ui::pages::admin::sign_in::SignInState;
use crate::web::guard::authorised_post;
use crate::web::respond::render_page;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;

/// A staff edit form's post, read from its body so that it can be kept when the session has
/// ended (see [`authorised_edit`]). `None` for a body that is not the form.
pub(crate) fn edit_form<T: serde::de::DeserializeOwned>(body: &[u8]) -> Option<T> {
    serde_urlencoded::from_bytes(body).ok()
}

/// [`authorised_post`] for the staff edit forms: when the session has ended (expired, signed
/// out in another tab), the answer is the sign-in page carrying what was sent, which comes
/// back in the form, unsaved, once signed in (nothing typed is lost).
pub(crate) async fn authorised_edit(
    state: &AppState,
    page: &str,
    headers: &HeaderMap,
    csrf: &str,
    body: &[u8],
) -> Result<auth::Session, Response> {
    match authorised_post(state, headers, csrf, crate::core::model::Role::Editor).await {
        Err(res) if res.status() == StatusCode::SEE_OTHER => {
            let context = SignInState {
                next: Some(page.to_owned()),
                resume: Some(String::from_utf8_lossy(body).into_owned()),
                ..Default::default()
            };
            let Ok(sign_in) = paths::SIGN_IN.parse::<Uri>() else {
                return Err(res);
            };
            Err(render_page(state, &sign_in, headers, context, StatusCode::UNAUTHORIZED).await)
        }
        other => other,
    }
}
