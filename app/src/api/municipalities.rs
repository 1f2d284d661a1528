//! The municipalities' pages: one per municipality (its spaces, upcoming events and outline),
//! and their index.

#[cfg(feature = "ssr")]
use super::context::{db, lang, now};
use super::error::AppError;
use crate::core::view::{MunicipalityEntry, MunicipalityPage};
use leptos::prelude::*;

/// Every municipality of the area, by name, with its page's slug and its published spaces.
#[server(prefix = "/api/fn", endpoint = "municipality_index")]
pub async fn municipality_index() -> Result<Vec<MunicipalityEntry>, AppError> {
    let db = db()?;
    let counts = db.municipalities_with_spaces(&[]).await?;
    Ok(db
        .all_municipalities()
        .await?
        .into_iter()
        .map(|m| MunicipalityEntry {
            slug: crate::core::text::slugify(&m.name),
            spaces: counts
                .iter()
                .find(|c| c.istat_code == m.istat_code)
                .map_or(0, |c| c.spaces),
            name: m.name,
        })
        .collect())
}

/// The page of the municipality whose name's slug is `slug`, or `NotFound`.
#[server(prefix = "/api/fn", endpoint = "municipality")]
pub async fn municipality_details(slug: String) -> Result<MunicipalityPage, AppError> {
    use crate::core::geo::Projection;
    use crate::core::view::OutlineDrawing;
    let db = db()?;
    let municipality = db
        .all_municipalities()
        .await?
        .into_iter()
        .find(|m| crate::core::text::slugify(&m.name) == slug)
        .ok_or(AppError::NotFound)?;
    let filter = crate::core::filter::SpaceFilter::of(None, Some(&municipality.istat_code));
    let spaces = db.published_spaces(&filter).await?;
    let outline = crate::backend::boundaries::all().get(&municipality.istat_code);
    // An event is in the municipality when its position is, or its venue is one of its spaces.
    let events = db
        .public_events(lang(), now())
        .await?
        .upcoming
        .into_iter()
        .filter(|e| match (e.lat, e.lon, outline) {
            (Some(lat), Some(lon), Some(outline)) => outline.takes(lat, lon),
            _ => e
                .venue_space
                .as_ref()
                .is_some_and(|(slug, _)| spaces.iter().any(|s| &s.slug == slug)),
        })
        .collect();
    let outline = outline.and_then(|outline| {
        let p = Projection::fitting(outline, 400.0)?;
        Some(OutlineDrawing {
            width: p.width,
            height: p.height,
            path: p.path(outline),
            dots: spaces
                .iter()
                .map(|s| {
                    let (x, y) = p.point(s.lat, s.lon);
                    (x, y, s.name.clone())
                })
                .collect(),
        })
    });
    Ok(MunicipalityPage {
        istat_code: municipality.istat_code,
        name: municipality.name,
        slug,
        spaces,
        events,
        outline,
        now: now(),
        base_url: super::context::base_url(),
    })
}
