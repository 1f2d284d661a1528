//! What a page asks of the browser beyond its HTML and CSS, decided by what the page holds.
//!
//! Most public pages are plain HTML: the events list, the open data page, the privacy notice.
//! Sending them the WASM bundle (130 KB compressed) and Leaflet (40 KB) would cost a phone the
//! download, the compile and the main thread for nothing. So every island is rendered through
//! a server-side wrapper (`map::SpacesMap`, `join_assist::RsvpAssist`, …) that puts
//! [`IslandAssets`] beside it, and the first of them on a page adds what the page's islands need:
//! the scripts that hydrate them, and Leaflet's script and stylesheet for a map.
//!
//! Leaflet goes into the head (through Leptos' meta context: every route renders in
//! `SsrMode::Async`, so the whole body is rendered before the head is sent). Deferred scripts
//! and module scripts run in document order, so Leaflet exists before the hydration script,
//! in the body, starts the map islands.

use leptos::config::LeptosOptions;
use leptos::hydration::HydrationScripts;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;

/// What an island needs in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The WASM bundle and the script that hydrates the islands.
    Islands,
    /// The same and Leaflet (script and stylesheet).
    Map,
}

const ISLANDS: u8 = 1;
const MAP: u8 = 2;

/// Where Leaflet is served from (copied from its npm package by `scripts/copy-assets.mjs`).
pub const LEAFLET_JS: &str = "/vendor/leaflet/leaflet.js";
pub const LEAFLET_CSS: &str = "/vendor/leaflet/leaflet.css";

/// What the page being rendered has been given so far (a context the shell provides).
#[derive(Clone)]
pub struct PageAssets {
    options: LeptosOptions,
    placed: Arc<AtomicU8>,
}

impl PageAssets {
    /// For the shell, which must also declare the page itself not hydrated (see [`not_hydrated`]).
    pub fn new(options: LeptosOptions) -> Self {
        PageAssets {
            options,
            placed: Arc::new(AtomicU8::new(0)),
        }
    }

    /// True the first time `bit` is asked for on this page.
    fn first(&self, bit: u8) -> bool {
        self.placed.fetch_or(bit, Ordering::Relaxed) & bit == 0
    }
}

/// In islands mode only the islands are hydrated; Leptos' `HydrationScripts` says so to the
/// renderer when it is built, which it used to be at the top of the head. It is built beside
/// the first island now, so the shell says it first.
pub fn not_hydrated() {
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
}

/// Placed beside an island by its wrapper: on the first island of a page, the hydration
/// scripts; on its first map, Leaflet. Nothing when the shell provided no [`PageAssets`].
#[component]
pub fn IslandAssets(need: Need) -> impl IntoView {
    let assets = use_context::<PageAssets>();
    let leaflet = assets
        .as_ref()
        .is_some_and(|a| need == Need::Map && a.first(MAP))
        .then(|| {
            view! {
                <leptos_meta::Stylesheet href=LEAFLET_CSS />
                <leptos_meta::Script defer="" src=LEAFLET_JS />
            }
        });
    let hydration = assets.filter(|a| a.first(ISLANDS)).map(|a| {
        view! { <HydrationScripts options=a.options islands=true /> }
    });
    view! { {leaflet} {hydration} }
}
