//! The public events: the list, an event's page, a registration's personal page.

#[cfg(feature = "ssr")]
use super::context::{base_url, db, lang, now, set_status};
use super::error::AppError;
use leptos::prelude::*;

/// The events page: published and cancelled events, upcoming and past.
#[server(prefix = "/api/fn", endpoint = "events")]
pub async fn events_page() -> Result<crate::core::view::event::EventsPage, AppError> {
    let db = db()?;
    Ok(db.public_events(lang(), now()).await?)
}

/// Up to how many space names the RSVP form carries in its page (more are fetched by the
/// browser when the field is used).
pub const SUGGESTIONS_IN_PAGE: usize = 300;

/// One event's page: the event, "now", the names of the mapped spaces (suggestions for the
/// form) and the form's signed "shown at" token.
#[server(prefix = "/api/fn", endpoint = "event")]
pub async fn event_page(slug: String) -> Result<crate::core::view::event::EventPage, AppError> {
    let db = db()?;
    let now = now();
    let Some((event, spaces)) = db
        .public_event_page(&slug, lang(), SUGGESTIONS_IN_PAGE)
        .await?
    else {
        set_status(404);
        return Err(AppError::NotFound);
    };
    let secret = db.form_secret().await?;
    Ok(crate::core::view::event::EventPage {
        event,
        now,
        spaces,
        token: crate::backend::antirobot::form_token(&secret, now),
        base_url: base_url(),
    })
}

/// One registration by its personal link's token.
#[server(prefix = "/api/fn", endpoint = "rsvp")]
pub async fn rsvp_page(token: String) -> Result<crate::core::view::event::RsvpView, AppError> {
    let db = db()?;
    match db.rsvp_by_token(token.trim(), lang(), now()).await? {
        Some(mut rsvp) => {
            // The door screen's address for this registration, as a QR code for staff's
            // phone camera.
            rsvp.checkin_qr = rsvp.checkin_code.as_ref().and_then(|code| {
                let url = format!(
                    "{}/admin/eventi/{}/ingresso?q={code}",
                    base_url(),
                    rsvp.event.id
                );
                let qr = qrcode::QrCode::new(url.as_bytes()).ok()?;
                let svg = qr
                    .render::<qrcode::render::svg::Color>()
                    .min_dimensions(220, 220)
                    .build();
                // Inline in the page: without the XML declaration.
                Some(
                    svg.split_once("?>")
                        .map_or(svg.clone(), |(_, s)| s.to_owned()),
                )
            });
            Ok(rsvp)
        }
        None => {
            set_status(404);
            Err(AppError::NotFound)
        }
    }
}
