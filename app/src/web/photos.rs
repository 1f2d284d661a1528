//! Spaces' photos, served from the database (so every app server has them): a published
//! listing's for everyone, cached for a day (a photo's address names its bytes, so it never
//! changes; one taken down leaves caches soon); any stored photo — a proposal's, a form's just
//! uploaded — for staff, and a manager's own and their spaces' for them, never cached.

use crate::api::context::{manager_token, session_token};
use crate::backend::context::AppState;
use crate::core::model::PhotoSize;
use crate::core::validate::space::is_photo_name;
use crate::web::respond::unavailable;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Who is asking for a photo.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Viewer {
    Public,
    Staff,
    Manager,
}

/// `{digest}-{width}.jpg`, the width one of [`PhotoSize`]'s.
fn parse(file: &str) -> Option<(&str, PhotoSize)> {
    let (digest, width) = file.strip_suffix(".jpg")?.split_once('-')?;
    let size = PhotoSize::from_width(width)?;
    is_photo_name(digest).then_some((digest, size))
}

/// `/foto/{file}`: a published listing's photo.
pub(crate) async fn public(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    serve(&state, &file, &headers, Viewer::Public).await
}

/// `/admin/foto/{file}`: any stored photo, for staff.
pub(crate) async fn staff(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    serve(&state, &file, &headers, Viewer::Staff).await
}

/// `/il-mio-spazio/foto/{file}`: for a signed-in manager, a photo they uploaded or one of the
/// spaces they manage (shown or proposed).
pub(crate) async fn manager(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    serve(&state, &file, &headers, Viewer::Manager).await
}

/// `/foto/spazio/{slug}`: published space `slug`'s photo at the cards' size (the map's popups).
/// Cached for five minutes: the address stays when the photo changes.
pub(crate) async fn of_space(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Response {
    match state.db.published_card_photo(&slug).await {
        Ok(Some((digest, bytes))) => send(bytes, &digest, "public, max-age=300", &headers),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => unavailable("a space's photo", &err),
    }
}

async fn serve(state: &AppState, file: &str, headers: &HeaderMap, viewer: Viewer) -> Response {
    let Some((digest, size)) = parse(file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let now = state.clock.now();
    let allowed = match viewer {
        Viewer::Public => Ok(true),
        Viewer::Staff => match session_token(headers) {
            Some(token) => crate::backend::auth::session(&state.db, &token, now)
                .await
                .map(|s| s.is_some()),
            None => Ok(false),
        },
        // A manager: the photos they uploaded, and those of the spaces they manage.
        Viewer::Manager => match manager_token(headers) {
            Some(token) => match crate::backend::managers::session(&state.db, &token, now).await {
                Ok(Some(session)) => state.db.manager_may_use_photo(&session.email, digest).await,
                Ok(None) => Ok(false),
                Err(err) => Err(err),
            },
            None => Ok(false),
        },
    };
    match allowed {
        Ok(true) => {}
        Ok(false) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return unavailable("a photo's viewer", &err),
    }
    let photo = match state.db.photo(digest, size).await {
        Ok(Some(photo)) if photo.public || viewer != Viewer::Public => photo,
        Ok(_) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return unavailable("a photo", &err),
    };
    // A day: a photo's name never changes its bytes, but a photo taken down should not
    // linger in caches for long.
    let cache = if viewer == Viewer::Public {
        "public, max-age=86400"
    } else {
        "private, no-store"
    };
    send(photo.bytes, digest, cache, headers)
}

/// A photo's bytes as JPEG, `304` when the client has them (its ETag: the digest and size).
fn send(bytes: Vec<u8>, digest: &str, cache: &'static str, headers: &HeaderMap) -> Response {
    let etag = format!("\"{digest}-{}\"", bytes.len());
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag));
    let mut res = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        bytes.into_response()
    };
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_three_sizes_of_a_well_named_photo_are_files() {
        let d = "0123456789abcdef01234567";
        assert_eq!(parse(&format!("{d}-360.jpg")), Some((d, PhotoSize::Card)));
        assert_eq!(parse(&format!("{d}-720.jpg")), Some((d, PhotoSize::Phone)));
        assert_eq!(parse(&format!("{d}-1200.jpg")), Some((d, PhotoSize::Page)));
        for bad in [
            format!("{d}-640.jpg"),
            format!("{d}-360.png"),
            format!("{d}.jpg"),
            "../etc-360.jpg".to_owned(),
            format!("{}-360.jpg", d.to_uppercase()),
        ] {
            assert_eq!(parse(&bad), None, "{bad}");
        }
    }
}
