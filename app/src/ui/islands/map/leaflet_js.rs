//! Drawing with Leaflet (browser only): the spaces' markers (`super::marker_views`), clustered
//! by `super::cluster` and drawn only where the map shows.

use super::cluster::{self, Cluster};
use super::js::{call, div_icon, set};
use super::marker_views::{cluster_popup, make_marker, popup};
use super::{MapMode, MapSettings};
use crate::core::model::METRO_BOUNDS;
use crate::core::view::MapMarker;
use crate::i18n::islands::MapWords;
use js_sys::{Object, Reflect};
use leaflet::{
    Icon, LatLng, LatLngBounds, LayerGroup, Map, MapOptions, Marker, MarkerOptions, Point,
    TileLayer, TileLayerOptions,
};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// A Leaflet map in `el`, without its base map yet (see [`add_base_map`]).
pub(super) fn new_map(el: &HtmlElement, scroll_wheel_zoom: bool) -> Result<Map, JsValue> {
    if Reflect::get(&js_sys::global(), &JsValue::from_str("L"))?.is_undefined() {
        return Err(JsValue::from_str("Leaflet is not loaded"));
    }
    let options = MapOptions::new();
    options.set_scroll_wheel_zoom(scroll_wheel_zoom);
    // Clustering needs the map's own zoom range (without a tile layer there is no other).
    options.set_max_zoom(19.0);
    options.set_min_zoom(7.0);
    Map::new_with_element(el, &options)
}

/// Adds the configured base map (none when the tile URL is empty). On a map with a view,
/// Leaflet creates the visible tiles' images at once.
pub(super) fn add_base_map(map: &Map, settings: &MapSettings) {
    if !settings.tile_url.is_empty() {
        let tile_options = TileLayerOptions::new();
        tile_options.set_attribution(settings.attribution.clone());
        tile_options.set_max_zoom(19.0);
        TileLayer::new_options(&settings.tile_url, &tile_options).add_to(map);
    }
}

/// The markers document of `opendata::markers` (`markers_doc`), fetched (the islands' start
/// preloads it, see `page_assets`) and decoded.
pub async fn fetch_markers(url: &str) -> Result<Vec<MapMarker>, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    // One string into the WASM, read there row by row (see `markers_doc`).
    let doc = crate::ui::islands::browser::fetch_text(url).await?;
    // Read in slices of a few milliseconds, each its own task: 4,541 rows took 40-60 ms in
    // one task on Lighthouse's slowed phone, long enough to delay a tap.
    let performance = window.performance();
    let now = || performance.as_ref().map_or(0.0, |p| p.now());
    let rows = super::markers_doc::Rows::new(&doc).map_err(to_js)?;
    let mut markers = Vec::with_capacity(rows.estimate());
    let mut slice_start = now();
    for row in rows {
        markers.push(row.map_err(to_js)?);
        if markers.len() % 64 == 0 && now() - slice_start > SLICE_MS {
            next_task().await;
            slice_start = now();
        }
    }
    Ok(markers)
}

/// How long one slice of work may hold the main thread, in ms (a long task is 50).
const SLICE_MS: f64 = 10.0;

fn to_js(err: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&err.to_string())
}

/// Draws the map into `el`, marks it ready (`data-ready`) for scripts and tests once its
/// markers are on it, and records the moment (`performance.mark("spazi-map-ready")`) for the
/// benchmarks.
pub async fn draw(
    el: &HtmlElement,
    markers: Vec<MapMarker>,
    settings: &MapSettings,
    words: MapWords,
    mode: MapMode,
) -> Result<(), JsValue> {
    // Creating the map, giving it its view, loading its base map and drawing its markers are
    // four tasks, each apart from the one that read the markers: the browser may paint and
    // answer input in between (on a slow phone each is a few dozen ms; together they were one
    // task of 160-240 ms).
    next_task().await;
    // On a phone, one finger scrolls the page; the map pans with a drag once touched.
    let map = new_map(el, mode == MapMode::Directory)?;
    next_task().await;
    fit(&map, &markers, mode);
    el.set_attribute("data-markers", &markers.len().to_string())?;
    next_task().await;
    add_base_map(&map, settings);
    super::keyboard::keyboard(&map, el, words.controls())?;
    next_task().await;
    match mode {
        MapMode::Directory => Directory::start(map, el, markers, words),
        MapMode::Single => {
            let mut icons = HashMap::new();
            for (i, m) in markers.iter().enumerate() {
                make_marker(m, i, &mut icons, false).add_to(&map);
            }
        }
    }
    el.set_attribute("data-ready", "true")?;
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("spazi-map-ready");
    }
    Ok(())
}

/// Resolves in a new task of the event loop (a zero-delay timer).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Cluster radius in screen pixels (Leaflet.markercluster's default is 80): the widest disc
/// (48 px), so discs never overlap (see `cluster`).
const CLUSTER_RADIUS: f64 = 48.0;

/// The directory map: its spaces, their clusters per zoom level (computed when first needed),
/// and the Leaflet markers now drawn — only the discs inside the map's view and a margin, so
/// thousands of spaces cost a few dozen markers. Redrawn after every move or zoom, keeping the
/// markers that stay (an open popup stays open).
struct Directory {
    map: Map,
    /// The map's element.
    container: HtmlElement,
    layer: LayerGroup,
    words: Rc<MapWords>,
    spaces: Rc<Vec<MapMarker>>,
    points: Vec<(f64, f64)>,
    per_zoom: HashMap<u8, Rc<Vec<Cluster>>>,
    drawn: HashMap<(u8, usize), Marker>,
    icons: HashMap<String, Icon>,
    /// Builds a space's popup when it opens (one function shared by every marker).
    popup_content: Closure<dyn Fn(JsValue) -> JsValue>,
    /// Handles a click on any cluster (which one: the marker's `spazi` options).
    on_cluster: Option<Closure<dyn Fn(JsValue)>>,
    /// A cluster opened from the keyboard zooms in: after the redraw, the focus goes to the
    /// disc holding this space (the one clicked is gone), not back to the top of the page.
    refocus: Option<usize>,
}

impl Directory {
    fn start(map: Map, container: &HtmlElement, spaces: Vec<MapMarker>, words: MapWords) {
        let spaces = Rc::new(spaces);
        let words = Rc::new(words);
        let popup_content = {
            let (spaces, words) = (spaces.clone(), words.clone());
            Closure::<dyn Fn(JsValue) -> JsValue>::new(move |layer: JsValue| {
                let document = web_sys::window().and_then(|w| w.document());
                match (
                    marker_option(&layer, "spazi").and_then(|i| spaces.get(i)),
                    document,
                ) {
                    (Some(m), Some(document)) => {
                        popup(&document, m, &words).unwrap_or(JsValue::NULL)
                    }
                    _ => JsValue::NULL,
                }
            })
        };
        let layer = LayerGroup::new();
        layer.add_to(&map);
        let directory = Rc::new(RefCell::new(Directory {
            points: spaces
                .iter()
                .map(|m| cluster::project(m.lat, m.lon))
                .collect(),
            map: map.clone(),
            container: container.clone(),
            layer,
            words,
            spaces,
            per_zoom: HashMap::new(),
            drawn: HashMap::new(),
            icons: HashMap::new(),
            popup_content,
            on_cluster: None,
            refocus: None,
        }));
        let weak = Rc::downgrade(&directory);
        directory.borrow_mut().on_cluster = Some(Closure::new(move |event: JsValue| {
            let Some(directory) = weak.upgrade() else {
                return;
            };
            // Decided under the borrow, done after it: Leaflet may fire `moveend` (which
            // redraws, borrowing mutably) from inside `setView` when it does not animate.
            let (action, map) = {
                let directory = directory.borrow();
                (directory.cluster_action(&event), directory.map.clone())
            };
            let Some((action, from_keyboard)) = action else {
                return;
            };
            match action {
                ClusterAction::List(content, at) => {
                    let options = popup_options();
                    set(&options, "offset", Point::new(0.0, -14.0));
                    map.open_popup_with_content_and_options(&content, &at, &options);
                    if from_keyboard {
                        // Into the list, so its links come next (not after every marker).
                        if let Some(link) = content
                            .dyn_ref::<web_sys::Element>()
                            .and_then(|c| c.query_selector("a").ok().flatten())
                            .and_then(|a| a.dyn_into::<HtmlElement>().ok())
                        {
                            let _ = link.focus();
                        }
                    }
                }
                ClusterAction::Zoom {
                    centre,
                    zoom,
                    first,
                } => {
                    if from_keyboard {
                        directory.borrow_mut().refocus = Some(first);
                    }
                    map.set_view(&centre, zoom);
                }
            }
        }));
        directory.borrow_mut().redraw();
        let redraw = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            // No borrow is held across a Leaflet call (see the cluster handler), so this never
            // fails; were it to, a missed redraw beats a panic (which aborts the WASM).
            match directory.try_borrow_mut() {
                Ok(mut directory) => directory.redraw(),
                Err(_) => leptos::logging::error!("map: redraw while busy"),
            }
        });
        map.on("moveend", redraw.as_ref());
        // The map lives as long as the page.
        redraw.forget();
    }

    fn zoom(&self) -> u8 {
        self.map.get_zoom().round().clamp(0.0, 30.0) as u8
    }

    fn clusters(&mut self, zoom: u8) -> Rc<Vec<Cluster>> {
        let points = &self.points;
        self.per_zoom
            .entry(zoom)
            .or_insert_with(|| Rc::new(cluster::clusters(points, zoom, CLUSTER_RADIUS)))
            .clone()
    }

    /// Draws the discs inside the view (and half a view around it, so a short pan shows no
    /// gap) and takes away the others.
    fn redraw(&mut self) {
        let zoom = self.zoom();
        let clusters = self.clusters(zoom);
        let bounds = self.map.get_bounds();
        let (sw, ne) = (bounds.get_south_west(), bounds.get_north_east());
        let (west, south) = cluster::project(sw.lat(), sw.lng());
        let (east, north) = cluster::project(ne.lat(), ne.lng());
        let (pad_x, pad_y) = ((east - west) / 2.0, (south - north) / 2.0);
        let mut wanted = HashSet::new();
        for c in clusters.iter() {
            let inside = c.x >= west - pad_x
                && c.x <= east + pad_x
                && c.y >= north - pad_y
                && c.y <= south + pad_y;
            if !inside {
                continue;
            }
            let key = c.key(zoom);
            wanted.insert(key);
            if !self.drawn.contains_key(&key) {
                let marker = self.marker_for(c, zoom);
                self.layer.add_layer(&marker);
                self.drawn.insert(key, marker);
            }
        }
        let layer = &self.layer;
        self.drawn.retain(|key, marker| {
            let keep = wanted.contains(key);
            if !keep {
                layer.remove_layer(marker);
            }
            keep
        });
        if let Some(first) = self.refocus.take() {
            let disc = clusters
                .iter()
                .find(|c| c.members.contains(&first))
                .and_then(|c| self.drawn.get(&c.key(zoom)))
                .and_then(|marker| call(marker, "getElement", &[]))
                .and_then(|el| el.dyn_into::<HtmlElement>().ok());
            if let Some(disc) = disc {
                let _ = disc.focus();
            }
        }
        // For scripts and tests: the zoom the discs are drawn for.
        let _ = self.container.set_attribute("data-zoom", &zoom.to_string());
    }

    fn marker_for(&mut self, c: &Cluster, zoom: u8) -> Marker {
        if let [only] = c.members.as_slice() {
            let marker = make_marker(&self.spaces[*only], *only, &mut self.icons, true);
            marker.bind_popup_with_options(self.popup_content.as_ref(), &popup_options());
            return marker;
        }
        let t = &self.words;
        let n = c.members.len();
        let here = self.parts_no_further(c, zoom);
        let size = match n {
            ..10 => "small",
            10..100 => "medium",
            _ => "large",
        };
        let icon_options = Object::new();
        let class = if here {
            format!("marker-cluster marker-cluster--{size} marker-cluster--here")
        } else {
            format!("marker-cluster marker-cluster--{size}")
        };
        set(&icon_options, "className", class);
        set(
            &icon_options,
            "html",
            format!("<div><span aria-hidden=\"true\">{n}</span></div>"),
        );
        let across = if size == "large" { 48.0 } else { 40.0 };
        set(&icon_options, "iconSize", Point::new(across, across));
        let options = MarkerOptions::new();
        options.set_icon(div_icon(&icon_options));
        options.set_title(if here {
            t.cluster_here(n)
        } else {
            t.cluster_zoom(n)
        });
        options.set_keyboard(true);
        set(&options, "spazi", c.members[0] as f64);
        set(&options, "spaziZoom", f64::from(zoom));
        let (lat, lon) = cluster::unproject(c.x, c.y);
        let marker = Marker::new_with_options(&LatLng::new(lat, lon), &options);
        if let Some(on_click) = &self.on_cluster {
            marker.on("click", on_click.as_ref());
            // A `role="button"`: Enter and Space work as a click.
            marker.on("keydown", on_click.as_ref());
        }
        marker
    }

    /// Whether zooming in cannot part cluster `c`'s spaces (they share one spot, or the map is
    /// at its closest): a click then lists them.
    fn parts_no_further(&self, c: &Cluster, zoom: u8) -> bool {
        cluster::same_spot(&self.points, &c.members) || f64::from(zoom) >= self.map.get_max_zoom()
    }

    /// What a click (or Enter, or Space) on a cluster does: zoom in until its spaces part, or
    /// list them in a popup.
    fn cluster_action(&self, event: &JsValue) -> Option<(ClusterAction, bool)> {
        let get = |target: &JsValue, name: &str| Reflect::get(target, &JsValue::from_str(name));
        let from_keyboard = get(event, "type")
            .ok()
            .and_then(|t| t.as_string())
            .as_deref()
            == Some("keydown");
        if from_keyboard {
            let original = get(event, "originalEvent").ok()?;
            let key = get(&original, "key").ok().and_then(|k| k.as_string());
            let flag = |name: &str| get(&original, name).ok().and_then(|v| v.as_bool());
            let modified = ["repeat", "ctrlKey", "metaKey", "altKey"]
                .iter()
                .any(|name| flag(name) == Some(true));
            if modified || !matches!(key.as_deref(), Some("Enter" | " ")) {
                return None;
            }
            if let Ok(original) = original.dyn_into::<web_sys::Event>() {
                original.prevent_default();
            }
        }
        let target = get(event, "target").ok()?;
        let first = marker_option(&target, "spazi")?;
        let zoom = marker_option(&target, "spaziZoom")? as u8;
        let c = self
            .per_zoom
            .get(&zoom)?
            .iter()
            .find(|c| c.members[0] == first)?;
        let (lat, lon) = cluster::unproject(c.x, c.y);
        let centre = LatLng::new(lat, lon);
        if self.parts_no_further(c, zoom) {
            let document = web_sys::window()?.document()?;
            // In the document's order: by municipality, then name (see `markers_doc::encode`).
            let mut members = c.members.clone();
            members.sort_unstable();
            let members: Vec<&MapMarker> = members.iter().map(|&i| &self.spaces[i]).collect();
            let content = cluster_popup(&document, &members, &self.words).ok()?;
            return Some((ClusterAction::List(content, centre), from_keyboard));
        }
        let bounds = bounds_of(c.members.iter().map(|&i| &self.spaces[i]));
        let padding = Point::new(40.0, 40.0);
        // The zoom at which the spaces' bounds fill the map.
        let target_zoom = call(
            &self.map,
            "getBoundsZoom",
            &[&bounds, &JsValue::FALSE, &padding],
        )
        .and_then(|z| z.as_f64())
        .unwrap_or_default()
        .max(f64::from(zoom) + 1.0)
        .min(self.map.get_max_zoom());
        let (lat, lon) = {
            let (sw, ne) = (bounds.get_south_west(), bounds.get_north_east());
            ((sw.lat() + ne.lat()) / 2.0, (sw.lng() + ne.lng()) / 2.0)
        };
        let zoom_in = ClusterAction::Zoom {
            centre: LatLng::new(lat, lon),
            zoom: target_zoom,
            first,
        };
        Some((zoom_in, from_keyboard))
    }
}

/// See `Directory::cluster_action`.
enum ClusterAction {
    /// Open this popup content here.
    List(JsValue, LatLng),
    /// Show this centre at this zoom (the cluster's first space: `Directory::refocus`).
    Zoom {
        centre: LatLng,
        zoom: f64,
        first: usize,
    },
}

/// The popups' options: kept clear of the zoom buttons in the map's top left corner when the
/// map pans to show them.
fn popup_options() -> Object {
    let options = Object::new();
    set(&options, "autoPanPaddingTopLeft", Point::new(56.0, 24.0));
    options
}

/// A number a marker carries in its options: `spazi`, the index of its space (of a cluster's
/// first space), or `spaziZoom`, the zoom a cluster was drawn for.
fn marker_option(layer: &JsValue, name: &str) -> Option<usize> {
    Reflect::get(layer, &JsValue::from_str("options"))
        .and_then(|o| Reflect::get(&o, &JsValue::from_str(name)))
        .ok()
        .and_then(|i| i.as_f64())
        .map(|i| i as usize)
}

fn fit(map: &Map, markers: &[MapMarker], mode: MapMode) {
    if mode == MapMode::Single {
        if let Some(m) = markers.first() {
            map.set_view(
                &LatLng::new(m.lat, m.lon),
                if m.approximate { 13.0 } else { 16.0 },
            );
            return;
        }
    }
    let bounds = if markers.is_empty() {
        let ((s, w), (n, e)) = METRO_BOUNDS;
        LatLngBounds::new(&LatLng::new(s, w), &LatLng::new(n, e))
    } else {
        bounds_of(markers.iter())
    };
    let options = Object::new();
    set(&options, "padding", Point::new(24.0, 24.0));
    set(&options, "maxZoom", 14);
    map.fit_bounds_with_options(&bounds, &options);
}

/// The smallest bounds holding `markers` (at least one).
fn bounds_of<'a>(markers: impl Iterator<Item = &'a MapMarker>) -> LatLngBounds {
    let (mut s, mut w, mut n, mut e) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for m in markers {
        s = s.min(m.lat);
        n = n.max(m.lat);
        w = w.min(m.lon);
        e = e.max(m.lon);
    }
    LatLngBounds::new(&LatLng::new(s, w), &LatLng::new(n, e))
}
