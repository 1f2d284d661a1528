//! What a page asks of the browser beyond its HTML and CSS, decided by what the page holds.
//!
//! Most public pages are plain HTML: the events list, the open data page, the privacy notice.
//! Sending them the WASM bundle (130 KB compressed) and Leaflet (40 KB) would cost a phone the
//! download, the compile and the main thread for nothing. So every island is rendered through
//! a server-side wrapper (`map::SpacesMap`, `join_assist::RsvpAssist`, …) that puts
//! [`IslandAssets`] beside it, and the first of them on a page adds the islands' start
//! ([`IslandScripts`]).
//!
//! That start is our own module script (`page_assets/islands.js`), not Leptos'
//! `HydrationScripts`, which preloads the bundle from the head, waits for an idle period, then
//! walks the whole body one awaited step per element to find the islands. Ours asks for
//! nothing until the page has been painted once — on a slow link the HTML, styles and fonts
//! come first (Lighthouse counted the bundle, Leaflet and the markers, preloaded, against the
//! map page's largest paint) — then fetches the bundle, and Leaflet when an island is marked
//! `data-leaflet`, and what islands mark `data-fetch` (a map's markers), all in parallel;
//! instantiates the bundle and hydrates each `leptos-island` the DOM holds
//! (`querySelectorAll`). Spazi's islands take no children, so Leptos' `leptos-children`
//! callbacks are not needed. Nothing of a map is in the head: Leaflet's stylesheet only
//! styles what Leaflet creates.

use leptos::config::LeptosOptions;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Where Leaflet is served from (copied from its npm package by `scripts/copy-assets.mjs`).
pub const LEAFLET_JS: &str = "/vendor/leaflet/leaflet.js";
pub const LEAFLET_CSS: &str = "/vendor/leaflet/leaflet.css";

/// What the page being rendered has been given so far (a context the shell provides).
#[derive(Clone)]
pub struct PageAssets {
    options: LeptosOptions,
    placed: Arc<AtomicBool>,
}

impl PageAssets {
    /// For the shell, which must also declare the page itself not hydrated (see [`not_hydrated`]).
    pub fn new(options: LeptosOptions) -> Self {
        PageAssets {
            options,
            placed: Arc::new(AtomicBool::new(false)),
        }
    }

    /// True the first time it is asked on this page.
    fn first(&self) -> bool {
        !self.placed.swap(true, Ordering::Relaxed)
    }
}

/// In islands mode only the islands are hydrated; Leptos' `HydrationScripts` says so to the
/// renderer when it is built, which it used to be at the top of the head. The shell says it
/// now.
pub fn not_hydrated() {
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
}

/// Placed beside an island by its wrapper: on the first island of a page, the islands' start.
/// Nothing when the shell provided no [`PageAssets`].
#[component]
pub fn IslandAssets() -> impl IntoView {
    use_context::<PageAssets>()
        .filter(PageAssets::first)
        .map(|a| view! { <IslandScripts options=a.options /> })
}

/// The bundle's JavaScript and WebAssembly file names, as cargo-leptos writes them: the
/// WebAssembly keeps wasm-bindgen's `_bg` suffix when the build was not run by cargo-leptos
/// (`cargo test`), as Leptos' own hydration script assumes.
fn bundle_files(options: &LeptosOptions) -> (String, String) {
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    let wasm = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
        format!("{pkg}.wasm")
    } else {
        format!("{pkg}_bg.wasm")
    };
    (format!("{pkg}.js"), wasm)
}

/// The islands' start (`islands.js`, after the file names it needs), carrying the response's
/// nonce. The bundle's file names are not hashed (Cargo.toml sets no `hash-files`; the
/// server has browsers revalidate `/pkg` on each use instead, see
/// `security::static_cache_control`).
#[component]
fn IslandScripts(options: LeptosOptions) -> impl IntoView {
    let (js, wasm) = bundle_files(&options);
    let script = format!(
        "const JS = {js:?}, WASM = {wasm:?};\n\
         const LEAFLET_JS = {LEAFLET_JS:?}, LEAFLET_CSS = {LEAFLET_CSS:?};\n{}",
        islands_js()
    );
    view! { <script type="module" nonce=leptos::nonce::use_nonce()>{script}</script> }
}

/// `islands.js` without its comment lines and blank lines: they are for its readers, and
/// would otherwise go out in every page with islands.
fn islands_js() -> &'static str {
    static SCRIPT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| {
        include_str!("page_assets/islands.js")
            .lines()
            .filter(|line| {
                let line = line.trim_start();
                !line.is_empty() && !line.starts_with("//")
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}
