//! What every staff edit form shares: the version it was read at and its `base` (the values it
//! showed), merged three ways with a colleague's save; a post that arrives after the session
//! ended is carried through the sign-in and comes back in its form, unsaved.

use crate::backend::auth;
use crate::backend::context::AppState;
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

/// A three-way merge of a form that met a colleague's save: the fields this user left as they
/// were read (`base`) take the saved value; the ones they changed keep what they typed. `None`
/// when the base is missing or unreadable (then every field keeps what was typed).
pub fn merge_edits<T>(typed: &T, base: &str, saved: &T) -> Option<T>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    use serde_json::Value;
    let same = |a: Option<&Value>, b: Option<&Value>| match (a, b) {
        (Some(Value::String(a)), Some(Value::String(b))) => {
            a.replace("\r\n", "\n").trim() == b.replace("\r\n", "\n").trim()
        }
        (a, b) => a.unwrap_or(&Value::Null) == b.unwrap_or(&Value::Null),
    };
    let (Ok(Value::Object(typed)), Ok(Value::Object(base)), Ok(Value::Object(saved))) = (
        serde_json::to_value(typed),
        serde_json::from_str::<Value>(base),
        serde_json::to_value(saved),
    ) else {
        return None;
    };
    let merged: serde_json::Map<String, Value> = typed
        .iter()
        .map(|(key, mine)| {
            let value = if same(Some(mine), base.get(key)) {
                saved.get(key).cloned().unwrap_or(Value::Null)
            } else {
                mine.clone()
            };
            (key.clone(), value)
        })
        .collect();
    serde_json::from_value(Value::Object(merged)).ok()
}
