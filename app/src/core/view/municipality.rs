//! What the municipalities' pages and filters show (`paths::MUNICIPALITIES`,
//! `paths::MUNICIPALITY`).

use super::SpaceSummary;
use serde::{Deserialize, Serialize};

/// A municipality as offered in filters and forms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MunicipalityOption {
    pub istat_code: String,
    pub name: String,
    /// Published spaces in it.
    pub spaces: i64,
}

/// A municipality's page (`paths::MUNICIPALITY`): its spaces, its upcoming events, its outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MunicipalityPage {
    pub istat_code: String,
    pub name: String,
    pub slug: String,
    /// Its published spaces, by name.
    pub spaces: Vec<SpaceSummary>,
    /// The published events to come that take place in it.
    pub events: Vec<super::event::EventView>,
    pub outline: Option<OutlineDrawing>,
    pub now: i64,
    /// The site's address, for the code to paste.
    pub base_url: String,
}

/// A municipality's outline drawn as an SVG picture, with its spaces as dots.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutlineDrawing {
    pub width: f64,
    pub height: f64,
    /// The outline's path (`d`).
    pub path: String,
    /// Each space's dot: `(x, y, name)`.
    pub dots: Vec<(f64, f64, String)>,
}

/// Every municipality, for the index of their pages: name, page slug, published spaces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MunicipalityEntry {
    pub name: String,
    pub slug: String,
    pub spaces: i64,
}
