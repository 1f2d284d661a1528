//! The space managers' area: the signed-in manager of the request and their spaces, and the
//! address a sign-in link would sign in. Not server functions: their cookie goes only to the
//! managers' area (`backend::managers`), so only its pages, rendered on the server, ask.

#[cfg(feature = "ssr")]
use super::context::{db, now};
use super::error::AppError;
use crate::core::view::{ManagerArea, ManagerEditor};

/// Where the latest proposal of a space stands (server side).
#[cfg(feature = "ssr")]
async fn with_proposal(
    db: &crate::backend::db::Db,
    mut space: crate::core::view::ManagedSpace,
) -> Result<crate::core::view::ManagedSpace, AppError> {
    space.proposal =
        db.latest_revision(space.id)
            .await?
            .map(|r| crate::core::view::ProposalState {
                at: r.decided_at.unwrap_or(r.created_at),
                status: r.status,
                reason: r.reason,
            });
    Ok(space)
}

/// The managers' session of the request being rendered, if any (server side).
#[cfg(feature = "ssr")]
pub async fn manager_session() -> Result<Option<crate::backend::managers::ManagerSession>, AppError>
{
    let Some(parts) = leptos::prelude::use_context::<axum::http::request::Parts>() else {
        return Ok(None);
    };
    let Some(token) = super::context::manager_token(&parts.headers) else {
        return Ok(None);
    };
    Ok(crate::backend::managers::session(&db()?, &token, now()).await?)
}

/// The signed-in manager of the request and their space `id`: `Ok(None)` when nobody is
/// signed in, `NotFound` when the address does not manage it (whether it exists is not said).
#[cfg(feature = "ssr")]
async fn managed_space(
    id: i64,
) -> Result<
    Option<(
        crate::backend::managers::ManagerSession,
        crate::core::view::ManagedSpace,
    )>,
    AppError,
> {
    let Some(session) = manager_session().await? else {
        return Ok(None);
    };
    let space = db()?
        .managed_spaces(&session.email)
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(AppError::NotFound)?;
    Ok(Some((session, space)))
}

/// The signed-in manager's area (`None` when nobody is signed in), never in the browser build.
pub async fn manager_area() -> Result<Option<ManagerArea>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let Some(session) = manager_session().await? else {
            return Ok(None);
        };
        let db = db()?;
        let mut spaces = Vec::new();
        for space in db.managed_spaces(&session.email).await? {
            spaces.push(with_proposal(&db, space).await?);
        }
        Ok(Some(ManagerArea {
            email: session.email,
            csrf_token: session.csrf_token,
            spaces,
        }))
    }
    #[cfg(not(feature = "ssr"))]
    {
        Ok(None)
    }
}

/// Whether the address of the request being rendered has `pair` (`name=value`) in its query.
#[cfg(feature = "ssr")]
fn query_has(parts: &axum::http::request::Parts, pair: &str) -> bool {
    parts
        .uri
        .query()
        .is_some_and(|q| q.split('&').any(|p| p == pair))
}

/// The form's values and base this browser kept for space `id` (see
/// `backend::managers::keep_draft`), if any.
#[cfg(feature = "ssr")]
async fn kept_draft(
    db: &crate::backend::db::Db,
    id: i64,
) -> Result<Option<(crate::core::validate::space::SpaceInput, String)>, AppError> {
    #[derive(serde::Deserialize)]
    struct Kept {
        #[serde(default)]
        base: String,
        #[serde(flatten)]
        input: crate::core::validate::space::SpaceInput,
    }
    let Some(parts) = leptos::prelude::use_context::<axum::http::request::Parts>() else {
        return Ok(None);
    };
    // Only on the way in from a new sign-in (`?bozza=1`): later visits show the listing.
    let from_sign_in = query_has(&parts, "bozza=1");
    let Some(token) = super::context::draft_token(&parts.headers).filter(|_| from_sign_in) else {
        return Ok(None);
    };
    let Some((space_id, fields)) = crate::backend::managers::draft(db, &token, now()).await? else {
        return Ok(None);
    };
    Ok((space_id == id)
        .then(|| serde_urlencoded::from_str::<Kept>(&fields).ok())
        .flatten()
        .map(|k| (k.input, k.base)))
}

/// The signed-in manager's form of changes to space `id`: `Ok(None)` when nobody is signed in,
/// `NotFound` when the address does not manage it (whether it exists is not said).
pub async fn manager_editor(id: i64) -> Result<Option<ManagerEditor>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let Some((session, space)) = managed_space(id).await? else {
            return Ok(None);
        };
        let db = db()?;
        let listing = db.staff_space(id).await?.ok_or(AppError::NotFound)?;
        let space = with_proposal(&db, space).await?;
        // A proposal waiting: its values, to go on from (read against the same base).
        // Or the one staff did not approve, to correct rather than type again — unless the
        // manager chose to start from the listing (`?da-capo=1`).
        let afresh = leptos::prelude::use_context::<axum::http::request::Parts>()
            .is_some_and(|p| query_has(&p, "da-capo=1"));
        let waiting = db
            .latest_revision(id)
            .await?
            .filter(|r| r.status == "pending" || (r.status == "rejected" && !afresh));
        let from_rejected = waiting.as_ref().is_some_and(|r| r.status == "rejected");
        let (input, base) = match waiting {
            Some(r) => (
                serde_json::from_str(&r.proposed_json)
                    .unwrap_or_else(|_| listing.current.as_input()),
                r.base_json,
            ),
            None => (
                listing.current.as_input(),
                serde_json::to_string(&listing.current.as_input()).unwrap_or_default(),
            ),
        };
        // Changes this browser sent after the session had ended: they come back, unsent.
        let kept = kept_draft(&db, id).await?;
        let restored = kept.is_some();
        let (input, base) = kept.unwrap_or((input, base));
        Ok(Some(ManagerEditor {
            csrf_token: session.csrf_token,
            space,
            input,
            base,
            municipalities: db.all_municipalities().await?,
            restored,
            trusted: db.managers_trusted(id).await?,
            from_rejected: from_rejected && !restored,
        }))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = id;
        Ok(None)
    }
}

/// The listing a confirmation link `token` asks about, and when it was confirmed if that was
/// after the link was sent, if the link can still be answered (reading it does not answer it).
pub async fn manager_confirmation(
    token: String,
) -> Result<Option<(Option<i64>, crate::core::view::SpaceDetail)>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let db = db()?;
        let hash = crate::backend::auth::token_hash(&token);
        let Some(request) = db.confirmation(&hash, now()).await? else {
            return Ok(None);
        };
        // Confirmed since this e-mail was sent (a co-manager answered first, or staff saved):
        // when, so the page can say so.
        Ok(db.published_space(&request.slug).await?.map(|space| {
            let since = space
                .summary
                .confirmed_at
                .filter(|at| *at >= request.sent_at);
            (since, space)
        }))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = token;
        Ok(None)
    }
}

/// How confirmation link `token` was answered, once it was (`confirmed`, `update`, `closed`).
pub async fn manager_confirmation_answer(token: String) -> Result<Option<String>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let hash = crate::backend::auth::token_hash(&token);
        Ok(db()?.confirmation_answer(&hash).await?)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = token;
        Ok(None)
    }
}

/// The signed-in manager's colleagues on space `id` (its managers, them included), with their
/// session's CSRF token: `Ok(None)` when nobody is signed in, `NotFound` when the address does
/// not manage it.
pub async fn manager_colleagues(
    id: i64,
) -> Result<Option<(String, String, Vec<crate::core::view::SpaceManager>)>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let Some((session, space)) = managed_space(id).await? else {
            return Ok(None);
        };
        let db = db()?;
        Ok(Some((
            session.csrf_token,
            space.name,
            db.space_managers(id).await?,
        )))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = id;
        Ok(None)
    }
}

/// The address sign-in link `token` would sign in, if it can still be used (reading it does
/// not use it).
pub async fn manager_link(token: String) -> Result<Option<String>, AppError> {
    #[cfg(feature = "ssr")]
    {
        let hash = crate::backend::auth::token_hash(&token);
        Ok(db()?.manager_link(&hash, now()).await?)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = token;
        Ok(None)
    }
}
