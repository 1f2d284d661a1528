//! The map islands: the only interactive parts of the public pages. Rendered on the server as
//! an empty, labelled container; in the browser they draw a Leaflet map (see `leaflet_js`).

// Browser code, unit-tested natively (the server has no use for it).
#[cfg(any(feature = "hydrate", test))]
pub mod cluster;
#[cfg(feature = "hydrate")]
mod js;
#[cfg(feature = "hydrate")]
mod keyboard;
#[cfg(feature = "hydrate")]
mod leaflet_js;
#[cfg(feature = "hydrate")]
mod marker_views;
pub mod markers_doc;
#[cfg(feature = "hydrate")]
mod pin_picker;
#[cfg(feature = "hydrate")]
pub use leaflet_js::fetch_markers;

use crate::core::view::MapMarker;
use crate::i18n::islands::{cached, MapWords, PinWords};
use crate::ui::islands::page_assets::IslandAssets;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

pub use crate::core::view::MapSettings;

/// How a map presents its markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MapMode {
    /// The directory: clustered markers with popups linking to each space.
    Directory,
    /// One space's page: its marker alone, no popup.
    Single,
}

/// A Leaflet map of `markers`, or of the markers document at `source` (see
/// `opendata::markers`: the directory's thousands of spaces are not carried in the page;
/// `count` says how many there are). With it, the page gets Leaflet and the islands' scripts.
#[component]
pub fn SpacesMap(
    markers: Vec<MapMarker>,
    #[prop(optional)] source: Option<String>,
    #[prop(optional)] count: Option<usize>,
    settings: MapSettings,
    lang: crate::i18n::Lang,
    mode: MapMode,
) -> impl IntoView {
    static WORDS: [OnceLock<MapWords>; 2] = [const { OnceLock::new() }; 2];
    let words = cached(&WORDS, lang, || MapWords::new(lang));
    view! {
        <IslandAssets />
        <SpacesMapIsland markers source count settings words mode />
    }
}

/// The island of [`SpacesMap`].
#[island]
fn SpacesMapIsland(
    markers: Vec<MapMarker>,
    source: Option<String>,
    count: Option<usize>,
    settings: MapSettings,
    words: MapWords,
    mode: MapMode,
) -> impl IntoView {
    let label = words.label().to_owned();
    let container = NodeRef::<leptos::html::Div>::new();
    let count = count.unwrap_or(markers.len());
    let source_attr = source.clone();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(el) = container.get() {
            let (markers, settings, source) = (markers.clone(), settings.clone(), source.clone());
            let words = words.clone();
            leptos::task::spawn_local(async move {
                let markers = match source {
                    Some(url) => match leaflet_js::fetch_markers(&url).await {
                        Ok(m) => m,
                        Err(err) => {
                            leptos::logging::error!("map: markers: {err:?}");
                            return;
                        }
                    },
                    None => markers,
                };
                if let Err(err) = leaflet_js::draw(&el, markers, &settings, words, mode).await {
                    leptos::logging::error!("map: {err:?}");
                }
            });
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (&settings, mode, &markers, &source, &words);
    view! {
        <div
            node_ref=container
            class=match mode {
                MapMode::Directory => "map map--directory",
                MapMode::Single => "map map--single",
            }
            role="region"
            aria-label=label
            data-markers=count
            // For the islands' start (`page_assets`): load Leaflet; fetch the markers now.
            data-leaflet=""
            data-fetch=source_attr
        ></div>
    }
}

/// A map with a draggable pin that writes its position into the form's `#lat` and `#lon`
/// fields (and follows them when they are typed into). The fields stay the way to set the
/// position without a pointer or without JavaScript. With it, the page gets Leaflet and the
/// islands' scripts.
#[component]
pub fn PinPicker(
    lat: f64,
    lon: f64,
    settings: MapSettings,
    lang: crate::i18n::Lang,
) -> impl IntoView {
    static WORDS: [OnceLock<PinWords>; 2] = [const { OnceLock::new() }; 2];
    let words = cached(&WORDS, lang, || PinWords::new(lang));
    view! {
        <IslandAssets />
        <PinPickerIsland lat lon settings words />
    }
}

/// The island of [`PinPicker`].
#[island]
fn PinPickerIsland(lat: f64, lon: f64, settings: MapSettings, words: PinWords) -> impl IntoView {
    let container = NodeRef::<leptos::html::Div>::new();
    let (label, hint) = (words.label().to_owned(), words.hint().to_owned());
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(el) = container.get() {
            if let Err(err) = pin_picker::pin_picker(&el, lat, lon, &settings, words.clone()) {
                leptos::logging::error!("map: {err:?}");
            }
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (lat, lon, &settings, &words);
    view! {
        <div
            node_ref=container
            class="map map--picker"
            role="region"
            aria-label=label
            data-leaflet=""
            // The municipalities' boundaries, for the check that the pin lies in its own.
            data-fetch=crate::core::paths::BOUNDARIES
        ></div>
        <p class="field__hint map-hint">{hint}</p>
    }
}
