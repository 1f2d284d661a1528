//! The join form: its choices and anti-robot token, and the page after sending.

#[cfg(feature = "ssr")]
use super::context::{db, now};
use super::error::AppError;
use crate::core::view::MunicipalityOption;
use leptos::prelude::*;

/// What the join form needs: the 55 municipalities, and the signed "shown at" token for its
/// minimum-fill-time check.
#[server(prefix = "/api/fn", endpoint = "join-form")]
pub async fn join_form() -> Result<(Vec<MunicipalityOption>, String), AppError> {
    let db = db()?;
    let secret = db.form_secret().await?;
    Ok((
        db.all_municipalities().await?,
        crate::backend::antirobot::form_token(&secret, now()),
    ))
}

/// The confirmation page of a join request: the space's name and municipality (nothing
/// personal), by its reference code.
#[server(prefix = "/api/fn", endpoint = "join-sent")]
pub async fn join_sent(reference: String) -> Result<(String, String), AppError> {
    let db = db()?;
    let reference: String = reference.chars().take(20).collect();
    match db.submission_summary(&reference).await? {
        Some(s) => Ok((s.space_name, s.municipality)),
        None => Err(AppError::NotFound),
    }
}
