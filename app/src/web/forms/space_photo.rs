//! The photo part of the space forms that carry one (staff editing a space, a manager
//! proposing changes): the form is multipart when a browser sends it (a file field), and is
//! read here into its text fields — url-encoded, as every other form post, so the rest of the
//! path (the session's resumption, the three-way merge) is the same — and the file. The file
//! comes last in the form, so one over the limit still leaves every typed field readable.

use crate::backend::context::AppState;
use crate::backend::photos::{self, PhotoError};
use crate::core::validate::space::{Field, SpaceInput, ValidSpace};
use crate::core::validate::{FieldErrors, Problem};
use crate::web::respond::unavailable;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// The file field's name.
pub const FILE: &str = "photo_file";
/// The box that takes the photo away.
pub const REMOVE: &str = "photo_remove";
/// The route's body limit: the largest photo and the form's other fields, with room to spare
/// (a larger upload is cut off there, after the fields before it were read).
pub const MAX_BODY: usize = photos::MAX_BYTES + 256 * 1024;
/// A text field's limit (the longest is a description of 600 characters; `base` holds them
/// all), and a url-encoded post's (the forms' usual 64 KB).
const MAX_TEXT: usize = 64 * 1024;

/// A space form's post: its text fields url-encoded, and what came in the file field.
pub(crate) struct SpacePost {
    pub fields: Vec<u8>,
    pub file: Upload,
    pub remove: bool,
    /// A file came that was not kept (the sender had no session).
    pub dropped: bool,
}

/// What the file field held.
pub(crate) enum Upload {
    None,
    File(Vec<u8>),
    TooLarge,
}

/// Reads a space form's post, url-encoded or multipart. The file is kept only when `keep_file`
/// (the sender has a session: nobody else makes the server hold or decode ten megabytes).
pub(crate) async fn read(
    state: &AppState,
    req: Request,
    keep_file: bool,
) -> Result<SpacePost, Response> {
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        // Without a file, the small bound of every other form, not the photo's.
        let bytes = axum::body::to_bytes(req.into_body(), MAX_TEXT)
            .await
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
        let remove = url::form_urlencoded::parse(&bytes).any(|(k, _)| k == REMOVE);
        return Ok(SpacePost {
            fields: bytes.to_vec(),
            file: Upload::None,
            remove,
            dropped: false,
        });
    }
    let mut form = Multipart::from_request(req, state)
        .await
        .map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
    let mut fields: Vec<(String, String)> = Vec::new();
    let (mut file, mut remove, mut dropped) = (Upload::None, false, false);
    loop {
        let mut field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            // Cut off at the body limit, in the file: what was read so far stands.
            Err(err) if err.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                if matches!(file, Upload::File(_)) || keep_file {
                    file = Upload::TooLarge;
                }
                break;
            }
            Err(_) => return Err(StatusCode::BAD_REQUEST.into_response()),
        };
        let name = field.name().unwrap_or_default().to_owned();
        let is_file = name == FILE;
        let limit = if is_file { photos::MAX_BYTES } else { MAX_TEXT };
        let keep = keep_file || !is_file;
        let mut data = Vec::new();
        let mut over = false;
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    if !keep {
                        dropped |= !chunk.is_empty();
                        continue;
                    }
                    if over {
                        continue;
                    }
                    if data.len() + chunk.len() > limit {
                        over = true;
                        data = Vec::new();
                    } else {
                        data.extend_from_slice(&chunk);
                    }
                }
                Ok(None) => break,
                Err(err) if err.status() == StatusCode::PAYLOAD_TOO_LARGE && is_file => {
                    over = true;
                    break;
                }
                Err(_) => return Err(StatusCode::BAD_REQUEST.into_response()),
            }
        }
        if is_file {
            if !keep_file {
                continue;
            }
            file = match (over, data.is_empty()) {
                (true, _) => Upload::TooLarge,
                (false, true) => Upload::None,
                (false, false) => Upload::File(data),
            };
            if over {
                break;
            }
        } else if over {
            return Err(StatusCode::PAYLOAD_TOO_LARGE.into_response());
        } else {
            if name == REMOVE {
                remove = true;
            }
            fields.push((name, String::from_utf8_lossy(&data).into_owned()));
        }
    }
    let encoded = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&fields)
        .finish();
    Ok(SpacePost {
        fields: encoded.into_bytes(),
        file,
        remove,
        dropped,
    })
}

/// Applies the post's photo to `input`: a new file decoded, checked and stored as `uploader`'s
/// (its name in `input.photo`), or the photo taken away. The problem with the file, if it had
/// one (the photo stays as it was).
pub(crate) async fn apply(
    state: &AppState,
    post: SpacePost,
    input: &mut SpaceInput,
    uploader: &str,
) -> Result<Option<Problem>, Response> {
    let bytes = match post.file {
        Upload::TooLarge => {
            let max_mb = photos::MAX_BYTES / (1024 * 1024);
            return Ok(Some(Problem::PhotoTooLarge { max_mb }));
        }
        Upload::File(bytes) => bytes,
        Upload::None => {
            if post.remove {
                input.photo.clear();
                input.photo_alt.clear();
            }
            return Ok(None);
        }
    };
    match photos::process_in_turn(bytes).await {
        Ok(photo) => {
            if let Err(err) = state
                .db
                .store_photo(&photo, uploader, state.clock.now())
                .await
            {
                return Err(unavailable("storing a photo", &err));
            }
            input.photo = photo.digest;
            Ok(None)
        }
        Err(PhotoError::TooLarge) => Ok(Some(Problem::PhotoTooLarge {
            max_mb: photos::MAX_BYTES / (1024 * 1024),
        })),
        Err(PhotoError::NotAPhoto) => Ok(Some(Problem::NotAPhoto)),
        Err(PhotoError::Dimensions) => Ok(Some(Problem::PhotoDimensions)),
    }
}

/// A form's checks with the file's problem (if any) added beside the photo field.
pub(crate) fn with_problem(
    result: Result<ValidSpace, FieldErrors<Field>>,
    problem: Option<Problem>,
) -> Result<ValidSpace, FieldErrors<Field>> {
    let Some(problem) = problem else {
        return result;
    };
    let mut errors = result.err().unwrap_or_default();
    errors.add(Field::Photo, problem);
    errors.0.sort_by_key(|(f, _)| *f as usize);
    Err(errors)
}
