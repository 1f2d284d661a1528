//! The staff's events: the list, the edit page, the registrations.

#[cfg(feature = "ssr")]
use super::context::{db, require};
use super::error::AppError;
use leptos::prelude::*;

/// Staff: every event with its counts.
#[server(prefix = "/admin/api", endpoint = "events")]
pub async fn staff_events() -> Result<Vec<crate::core::view::event::StaffEventRow>, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    Ok(db.staff_events().await?)
}

/// Staff: the events under way or starting in the next seven days (drafts too: they may need
/// publishing), soonest first, with their counts — for the staff home.
#[server(prefix = "/admin/api", endpoint = "week-events")]
pub async fn staff_week_events() -> Result<Vec<crate::core::view::event::StaffEventRow>, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let now = super::context::now();
    Ok(db()?.staff_events_between(now, now + 7 * 86_400).await?)
}

/// Staff: the spaces an event can be hosted at (id, name).
#[server(prefix = "/admin/api", endpoint = "event-venues")]
pub async fn staff_event_venues() -> Result<Vec<crate::core::view::event::VenueChoice>, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    Ok(db.space_choices(None).await?)
}

/// Staff: one event as form values, with its counts, venues and audit trail.
#[server(prefix = "/admin/api", endpoint = "event")]
pub async fn staff_event(id: i64) -> Result<crate::core::view::event::StaffEventPage, AppError> {
    let staff = require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    let (event, input) = db.staff_event(id).await?.ok_or(AppError::NotFound)?;
    let spaces = db
        .space_choices(input.venue_space.trim().parse().ok())
        .await?;
    let audit = db
        .audit_trail("event", id)
        .await?
        .into_iter()
        .map(crate::backend::db::audit_view)
        .collect();
    Ok(crate::core::view::event::StaffEventPage {
        event,
        base: serde_json::to_string(&input).unwrap_or_default(),
        input,
        spaces,
        audit,
        following: db.is_following(staff.user.id, id).await?,
    })
}

/// Staff: an event's registrations, optionally only those matching `q`.
#[server(prefix = "/admin/api", endpoint = "event-rsvps")]
pub async fn staff_event_rsvps(
    id: i64,
    q: Option<String>,
) -> Result<crate::core::view::event::StaffRsvpsPage, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    let (event, _) = db.staff_event(id).await?.ok_or(AppError::NotFound)?;
    let q = q.unwrap_or_default().chars().take(100).collect::<String>();
    Ok(crate::core::view::event::StaffRsvpsPage {
        rsvps: db.event_rsvps(id, &q).await?,
        event,
        q,
    })
}

/// Staff: one event's row with its counts (the pages about one of its registrations).
#[server(prefix = "/admin/api", endpoint = "event-summary")]
pub async fn staff_event_summary(
    id: i64,
) -> Result<crate::core::view::event::StaffEventRow, AppError> {
    require(crate::core::model::Role::Editor).await?;
    let (event, _) = db()?.staff_event(id).await?.ok_or(AppError::NotFound)?;
    Ok(event)
}

/// Staff: one registration of an event, with the event.
#[server(prefix = "/admin/api", endpoint = "event-rsvp")]
pub async fn staff_event_rsvp(
    id: i64,
    rsvp: i64,
) -> Result<
    (
        crate::core::view::event::StaffEventRow,
        crate::core::view::event::StaffRsvpRow,
    ),
    AppError,
> {
    require(crate::core::model::Role::Editor).await?;
    let db = db()?;
    let (event, _) = db.staff_event(id).await?.ok_or(AppError::NotFound)?;
    let rsvp = db.event_rsvp(id, rsvp).await?.ok_or(AppError::NotFound)?;
    Ok((event, rsvp))
}
