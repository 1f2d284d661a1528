//! Drawing with Leaflet (browser only): markers styled by kind, clustering, popups built as DOM
//! nodes (text set with `textContent`, so names can never inject HTML).

use super::{MapMode, MapSettings};
use crate::i18n::Lang;
use crate::model::{MapMarker, METRO_BOUNDS};
use js_sys::{Array, Object, Reflect};
use leaflet::{
    Icon, LatLng, LatLngBounds, Map, MapOptions, Marker, MarkerOptions, Point, TileLayer,
    TileLayerOptions,
};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen]
extern "C" {
    /// `L.divIcon(options)` (leaflet-rs' `DivIcon::new` builds an `L.Icon`).
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &Object) -> Icon;

    /// leaflet.markercluster's group.
    #[wasm_bindgen(extends = leaflet::FeatureGroup, extends = leaflet::LayerGroup, extends = leaflet::Layer, js_namespace = L)]
    type MarkerClusterGroup;

    #[wasm_bindgen(js_namespace = L, js_name = markerClusterGroup)]
    fn marker_cluster_group(options: &Object) -> MarkerClusterGroup;

    #[wasm_bindgen(method, js_name = addLayers)]
    fn add_layers(this: &MarkerClusterGroup, layers: &Array);
}

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

/// A Leaflet map in `el` with the configured base map (none when the tile URL is empty).
fn new_map(
    el: &HtmlElement,
    settings: &MapSettings,
    scroll_wheel_zoom: bool,
) -> Result<Map, JsValue> {
    if Reflect::get(&js_sys::global(), &JsValue::from_str("L"))?.is_undefined() {
        return Err(JsValue::from_str("Leaflet is not loaded"));
    }
    let options = MapOptions::new();
    options.set_scroll_wheel_zoom(scroll_wheel_zoom);
    // Clustering needs the map's own zoom range (without a tile layer there is no other).
    options.set_max_zoom(19.0);
    options.set_min_zoom(7.0);
    let map = Map::new_with_element(el, &options)?;
    if !settings.tile_url.is_empty() {
        let tile_options = TileLayerOptions::new();
        tile_options.set_attribution(settings.attribution.clone());
        tile_options.set_max_zoom(19.0);
        TileLayer::new_options(&settings.tile_url, &tile_options).add_to(&map);
    }
    Ok(map)
}

/// The markers document of `opendata::markers`, fetched (the page preloads it) and decoded
/// without serde (smaller WASM): `{"kinds": [...], "spaces": [[slug, name, municipality, lat,
/// lon, kind bits, approximate], ...]}`.
pub async fn fetch_markers(url: &str) -> Result<Vec<MapMarker>, JsValue> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from_str(&format!("HTTP {}", response.status())));
    }
    let doc = JsFuture::from(response.json()?).await?;
    let rows: Array = Reflect::get(&doc, &JsValue::from_str("spaces"))?.dyn_into()?;
    let text = |row: &Array, i: u32| row.get(i).as_string().unwrap_or_default();
    let number = |row: &Array, i: u32| row.get(i).as_f64().unwrap_or_default();
    let mut markers = Vec::with_capacity(rows.length() as usize);
    for row in rows.iter() {
        let row: Array = row.dyn_into()?;
        let bits = number(&row, 5) as u32;
        markers.push(MapMarker {
            slug: text(&row, 0),
            name: text(&row, 1),
            municipality: text(&row, 2),
            lat: number(&row, 3),
            lon: number(&row, 4),
            kinds: crate::model::SpaceKind::ALL
                .into_iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, k)| k)
                .collect(),
            approximate: number(&row, 6) != 0.0,
        });
    }
    Ok(markers)
}

/// Draws the map into `el`, marks it ready (`data-ready`) for scripts and tests once every
/// marker is on it, and records the moment (`performance.mark("spazi-map-ready")`) for the
/// benchmarks.
pub fn draw(
    el: &HtmlElement,
    markers: Vec<MapMarker>,
    settings: &MapSettings,
    lang: Lang,
    mode: MapMode,
) -> Result<(), JsValue> {
    // On a phone, one finger scrolls the page; the map pans with a drag once touched.
    let map = new_map(el, settings, mode == MapMode::Directory)?;
    let markers = std::rc::Rc::new(markers);

    // Popups are built when opened, by one function shared by every marker (thousands of
    // markers must not mean thousands of DOM trees built up front).
    let popup_content = {
        let markers = markers.clone();
        Closure::<dyn Fn(JsValue) -> JsValue>::new(move |layer: JsValue| {
            let index = Reflect::get(&layer, &JsValue::from_str("options"))
                .and_then(|o| Reflect::get(&o, &JsValue::from_str("spazi")))
                .ok()
                .and_then(|i| i.as_f64())
                .map(|i| i as usize);
            let document = web_sys::window().and_then(|w| w.document());
            match (index.and_then(|i| markers.get(i)), document) {
                (Some(m), Some(document)) => popup(&document, m, lang).unwrap_or(JsValue::NULL),
                _ => JsValue::NULL,
            }
        })
    };
    let mut icons = std::collections::HashMap::new();
    let leaflet_markers = Array::new();
    for (i, m) in markers.iter().enumerate() {
        let marker = make_marker(m, i, &mut icons);
        if mode == MapMode::Directory {
            marker.bind_popup_with_options(popup_content.as_ref(), &JsValue::UNDEFINED);
        }
        leaflet_markers.push(&marker);
    }
    popup_content.forget();

    fit(&map, &markers, mode);
    let ready = {
        let el = el.clone();
        move || {
            let _ = el.set_attribute("data-ready", "true");
            if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                let _ = performance.mark("spazi-map-ready");
            }
        }
    };
    match mode {
        MapMode::Directory if !markers.is_empty() => {
            // Clustered in chunks that yield to the browser between them, so thousands of
            // markers never freeze a phone; ready once the last chunk is in.
            let cluster_options = Object::new();
            set(&cluster_options, "showCoverageOnHover", false);
            set(&cluster_options, "maxClusterRadius", 40);
            set(&cluster_options, "chunkedLoading", true);
            let progress = Closure::<dyn FnMut(f64, f64)>::new(move |done: f64, total: f64| {
                if done >= total {
                    ready();
                }
            });
            set(&cluster_options, "chunkProgress", progress.as_ref().clone());
            progress.forget();
            let group = marker_cluster_group(&cluster_options);
            group.add_to(&map);
            group.add_layers(&leaflet_markers);
        }
        MapMode::Directory => ready(),
        MapMode::Single => {
            for marker in leaflet_markers.iter() {
                marker.unchecked_into::<Marker>().add_to(&map);
            }
            ready();
        }
    }
    el.set_attribute("data-markers", &markers.len().to_string())?;
    Ok(())
}

/// The pin picker of the space form (see `super::PinPicker`).
pub fn pin_picker(
    el: &HtmlElement,
    lat: f64,
    lon: f64,
    settings: &MapSettings,
) -> Result<(), JsValue> {
    let map = new_map(el, settings, true)?;
    let icon_options = Object::new();
    set(&icon_options, "className", "space-marker space-marker--pin");
    set(&icon_options, "html", "<span aria-hidden=\"true\">+</span>");
    set(&icon_options, "iconSize", Point::new(30.0, 30.0));
    set(&icon_options, "iconAnchor", Point::new(15.0, 15.0));
    let marker_options = MarkerOptions::new();
    marker_options.set_icon(div_icon(&icon_options));
    marker_options.set_draggable(true);
    marker_options.set_keyboard(false);
    let marker = Marker::new_with_options(&LatLng::new(lat, lon), &marker_options);
    marker.add_to(&map);
    map.set_view(&LatLng::new(lat, lon), 15.0);

    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let field = |id: &str| -> Option<web_sys::HtmlInputElement> {
        document.get_element_by_id(id)?.dyn_into().ok()
    };
    let (lat_field, lon_field) = match (field("lat"), field("lon")) {
        (Some(a), Some(b)) => (a, b),
        _ => return Err(JsValue::from_str("no #lat/#lon fields")),
    };

    // Pin → fields.
    let write = {
        let (lat_field, lon_field) = (lat_field.clone(), lon_field.clone());
        move |p: &LatLng| {
            lat_field.set_value(&format!("{:.6}", p.lat()));
            lon_field.set_value(&format!("{:.6}", p.lng()));
        }
    };
    let on_drag = {
        let marker = marker.clone();
        let write = write.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| write(&marker.get_lat_lng()))
    };
    marker.on("dragend", on_drag.as_ref());
    on_drag.forget();
    let on_click = {
        let marker = marker.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            if let Ok(p) = Reflect::get(&ev, &JsValue::from_str("latlng")) {
                let p: LatLng = p.unchecked_into();
                marker.set_lat_lng(&p);
                write(&p);
            }
        })
    };
    map.on("click", on_click.as_ref());
    on_click.forget();

    // Fields → pin, when a valid number is typed.
    let on_input = {
        let marker = marker.clone();
        let map = map.clone();
        let (lat_field, lon_field) = (lat_field.clone(), lon_field.clone());
        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            let parse = |f: &web_sys::HtmlInputElement| {
                f.value().trim().replace(',', ".").parse::<f64>().ok()
            };
            if let (Some(lat), Some(lon)) = (parse(&lat_field), parse(&lon_field)) {
                if crate::validate::in_metro_area(lat, lon) {
                    let p = LatLng::new(lat, lon);
                    marker.set_lat_lng(&p);
                    map.pan_to(&p);
                }
            }
        })
    };
    lat_field.add_event_listener_with_callback("change", on_input.as_ref().unchecked_ref())?;
    lon_field.add_event_listener_with_callback("change", on_input.as_ref().unchecked_ref())?;
    on_input.forget();
    el.set_attribute("data-ready", "true")?;
    Ok(())
}

/// The marker of space `m` (number `index` on the map); icons are shared by the markers of the
/// same kinds.
fn make_marker(
    m: &MapMarker,
    index: usize,
    icons: &mut std::collections::HashMap<String, Icon>,
) -> Marker {
    let primary = m.kinds.first().map(|k| k.code()).unwrap_or("other");
    let letters: String = m.kinds.iter().map(|k| k.letter()).collect();
    let icon = icons
        .entry(format!("{primary}/{letters}"))
        .or_insert_with(|| kind_icon(primary, &letters))
        .clone();
    let options = MarkerOptions::new();
    options.set_icon(icon);
    options.set_title(m.name.clone());
    options.set_alt(m.name.clone());
    options.set_keyboard(true);
    options.set_rise_on_hover(true);
    let target: &JsValue = options.as_ref();
    let _ = Reflect::set(
        target,
        &JsValue::from_str("spazi"),
        &JsValue::from_f64(index as f64),
    );
    Marker::new_with_options(&LatLng::new(m.lat, m.lon), &options)
}

fn kind_icon(primary: &str, letters: &str) -> Icon {
    let icon_options = Object::new();
    set(
        &icon_options,
        "className",
        format!("space-marker space-marker--{primary}"),
    );
    // Static letters only, hidden from screen readers: the marker (a `role="button"`) is named by
    // its `title`, which Leaflet sets as an attribute — user text never goes through `html`.
    set(
        &icon_options,
        "html",
        format!("<span aria-hidden=\"true\">{letters}</span>"),
    );
    set(&icon_options, "iconSize", Point::new(30.0, 30.0));
    set(&icon_options, "iconAnchor", Point::new(15.0, 15.0));
    set(&icon_options, "popupAnchor", Point::new(0.0, -14.0));
    div_icon(&icon_options)
}

fn popup(document: &web_sys::Document, m: &MapMarker, lang: Lang) -> Result<JsValue, JsValue> {
    let t = lang.texts();
    let root = document.create_element("div")?;
    root.set_class_name("map-popup");
    let title = document.create_element("p")?;
    title.set_class_name("map-popup__title");
    title.set_text_content(Some(&m.name));
    root.append_child(&title)?;
    let kinds: Vec<&str> = m.kinds.iter().map(|k| t.kind(*k)).collect();
    let meta = document.create_element("p")?;
    meta.set_class_name("map-popup__meta");
    meta.set_text_content(Some(&format!("{} · {}", kinds.join(", "), m.municipality)));
    root.append_child(&meta)?;
    if m.approximate {
        let note = document.create_element("p")?;
        note.set_class_name("map-popup__note");
        note.set_text_content(t.precision_short(crate::model::PositionPrecision::Approximate));
        root.append_child(&note)?;
    }
    let link = document.create_element("a")?;
    link.set_attribute("href", &format!("/spazi/{}", m.slug))?;
    link.set_text_content(Some(t.open_space));
    root.append_child(&link)?;
    Ok(root.into())
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
    let bounds = match markers.split_first() {
        Some((first, rest)) => {
            let (mut s, mut w, mut n, mut e) = (first.lat, first.lon, first.lat, first.lon);
            for m in rest {
                s = s.min(m.lat);
                n = n.max(m.lat);
                w = w.min(m.lon);
                e = e.max(m.lon);
            }
            LatLngBounds::new(&LatLng::new(s, w), &LatLng::new(n, e))
        }
        None => {
            let ((s, w), (n, e)) = METRO_BOUNDS;
            LatLngBounds::new(&LatLng::new(s, w), &LatLng::new(n, e))
        }
    };
    let options = Object::new();
    set(&options, "padding", Point::new(24.0, 24.0));
    set(&options, "maxZoom", 14);
    map.fit_bounds_with_options(&bounds, &options);
}
