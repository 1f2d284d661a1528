//! The pin picker of the space forms (browser only): a draggable pin that writes its position
//! into the `#lat`/`#lon` fields, and follows them when a position is typed. Choosing a
//! municipality (`#municipality`) centres the map on it and outlines it; a pin outside it is
//! said beside the latitude at once, with the server's own check (`core::geo`). From a
//! keyboard the pin moves with the arrow keys (Shift: farther), or goes to the map's centre
//! with a button after the map.

use super::js::{call, div_icon, set};
use super::leaflet_js::{add_base_map, new_map};
use super::MapSettings;
use crate::i18n::islands::PinWords;
use crate::ui::islands::browser::{boundaries, document, load_boundaries, show, six_decimals};
use js_sys::{Array, Object, Reflect};
use leaflet::{LatLng, Map, Marker, MarkerOptions, Point, Polygon, PolylineOptions};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent};

/// How far one arrow key moves the pin, in screen pixels (with Shift, five times as far): a
/// few metres at a street's zoom.
const STEP_PX: f64 = 4.0;

struct Picker {
    map: Map,
    marker: Marker,
    lat: HtmlInputElement,
    lon: HtmlInputElement,
    municipality: Option<HtmlSelectElement>,
    outline: RefCell<Option<Polygon>>,
    /// Whether the message of a pin outside its municipality is shown.
    said: Cell<bool>,
    words: PinWords,
}

impl Picker {
    /// The position the fields hold, when they hold one.
    fn typed(&self) -> Option<(f64, f64)> {
        let parse = |f: &HtmlInputElement| f.value().trim().replace(',', ".").parse::<f64>().ok();
        Some((parse(&self.lat)?, parse(&self.lon)?))
    }

    /// The pin placed by hand: on the map, in the fields, checked.
    fn place(&self, p: &LatLng) {
        self.marker.set_lat_lng(p);
        self.lat.set_value(&six_decimals(p.lat()));
        self.lon.set_value(&six_decimals(p.lng()));
        self.check();
    }

    /// Says beside the latitude whether the position lies in the chosen municipality, once
    /// the boundaries are here (the server checks anyway). A position outside the whole area
    /// keeps the form helper's message.
    fn check(&self) {
        let known = self
            .municipality
            .as_ref()
            .map(|s| s.value())
            .and_then(|code| {
                let b = boundaries();
                b.get(&code)?;
                let (lat, lon) = self.typed()?;
                crate::core::validate::in_metro_area(lat, lon)
                    .then(|| b.pin_problem(&code, lat, lon))
            });
        let outside = matches!(known, Some(Some(_)));
        // Nothing to say: a message of ours goes; anyone else's stays.
        if known.is_none() && !self.said.get() {
            return;
        }
        if let Ok(doc) = document() {
            let message = outside.then(|| self.words.outside_municipality().to_owned());
            let _ = show(&doc, "lat", message);
            self.said.set(outside);
        }
    }

    /// The municipality chosen: its outline on the map and in view; an unplaced pin goes to
    /// its middle (the fields stay empty until the pin is placed).
    fn municipality_chosen(&self, refit: bool) {
        if let Some(old) = self.outline.borrow_mut().take() {
            old.remove();
        }
        let Some(select) = &self.municipality else {
            return;
        };
        let b = boundaries();
        if let Some(outline) = b.get(&select.value()) {
            let rings: Array = outline
                .rings
                .iter()
                .map(|ring| {
                    ring.iter()
                        .map(|[lon, lat]| JsValue::from(LatLng::new(*lat, *lon)))
                        .collect::<Array>()
                })
                .collect();
            let options = PolylineOptions::new();
            options.set_color("#0066cc".to_owned());
            options.set_weight(2.0);
            options.set_dash_array("6 4".to_owned());
            options.set_fill(false);
            options.set_interactive(false);
            options.set_class_name("map-picker__outline".to_owned());
            let polygon = Polygon::new_with_options(&rings, &options);
            polygon.add_to(&self.map);
            if refit {
                // The whole municipality, with a margin: where the pin has to go (one placed
                // outside it is said beside the fields). At once, not animated: the map's
                // centre is the municipality's from now on (the centre button reads it).
                let options = Object::new();
                set(&options, "animate", false);
                set(&options, "padding", Point::new(12.0, 12.0));
                self.map
                    .fit_bounds_with_options(&polygon.get_bounds(), &options);
                if self.typed().is_none() {
                    self.marker.set_lat_lng(&polygon.get_center());
                }
            }
            *self.outline.borrow_mut() = Some(polygon);
        }
        self.check();
    }

    /// An arrow key on the pin: moves it by [`STEP_PX`] on the screen.
    fn key(&self, event: &KeyboardEvent) {
        let step = if event.shift_key() {
            5.0 * STEP_PX
        } else {
            STEP_PX
        };
        let (dx, dy) = match event.key().as_str() {
            "ArrowUp" => (0.0, -step),
            "ArrowDown" => (0.0, step),
            "ArrowLeft" => (-step, 0.0),
            "ArrowRight" => (step, 0.0),
            _ => return,
        };
        // Not the page's scroll, nor the map's own arrow keys.
        event.prevent_default();
        event.stop_propagation();
        let at = self
            .map
            .lat_lng_to_container_point(&self.marker.get_lat_lng());
        let p = self
            .map
            .container_point_to_lat_lng(&Point::new(at.x() + dx, at.y() + dy));
        self.place(&p);
        call(&self.map, "panInside", &[&JsValue::from(p)]);
    }
}

/// The pin picker of the space form (see `super::PinPicker`).
pub fn pin_picker(
    el: &HtmlElement,
    lat: f64,
    lon: f64,
    settings: &MapSettings,
    words: PinWords,
) -> Result<(), JsValue> {
    let map = new_map(el, true)?;
    add_base_map(&map, settings);
    super::keyboard::name_zoom_buttons(el, &words.controls());
    let icon_options = Object::new();
    set(&icon_options, "className", "space-marker space-marker--pin");
    set(&icon_options, "html", "<span aria-hidden=\"true\">+</span>");
    set(&icon_options, "iconSize", Point::new(30.0, 30.0));
    set(&icon_options, "iconAnchor", Point::new(15.0, 15.0));
    let marker_options = MarkerOptions::new();
    marker_options.set_icon(div_icon(&icon_options));
    marker_options.set_draggable(true);
    // Focusable, named: the arrow keys move it (`Picker::key`).
    marker_options.set_keyboard(true);
    marker_options.set_title(words.marker().to_owned());
    let marker = Marker::new_with_options(&LatLng::new(lat, lon), &marker_options);
    marker.add_to(&map);
    map.set_view(&LatLng::new(lat, lon), 15.0);

    let doc = document()?;
    let field =
        |id: &str| -> Option<HtmlInputElement> { doc.get_element_by_id(id)?.dyn_into().ok() };
    let (lat_field, lon_field) = match (field("lat"), field("lon")) {
        (Some(a), Some(b)) => (a, b),
        _ => return Err(JsValue::from_str("no #lat/#lon fields")),
    };
    let municipality: Option<HtmlSelectElement> = doc
        .get_element_by_id("municipality")
        .and_then(|e| e.dyn_into().ok());
    let picker = Rc::new(Picker {
        map: map.clone(),
        marker: marker.clone(),
        lat: lat_field.clone(),
        lon: lon_field.clone(),
        municipality: municipality.clone(),
        outline: RefCell::new(None),
        said: Cell::new(false),
        words,
    });

    // Pin → fields: dragged, the map tapped, arrow keys, the centre button.
    let on_drag = {
        let picker = picker.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            picker.place(&picker.marker.get_lat_lng())
        })
    };
    marker.on("dragend", on_drag.as_ref());
    on_drag.forget();
    let on_click = {
        let picker = picker.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            if let Ok(p) = Reflect::get(&ev, &JsValue::from_str("latlng")) {
                picker.place(&p.unchecked_into());
            }
        })
    };
    map.on("click", on_click.as_ref());
    on_click.forget();
    if let Some(icon) =
        call(&marker, "getElement", &[]).and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let on_key = {
            let picker = picker.clone();
            Closure::<dyn FnMut(KeyboardEvent)>::new(move |ev: KeyboardEvent| picker.key(&ev))
        };
        icon.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref())?;
        on_key.forget();
    }
    let centre = doc.create_element("button")?;
    centre.set_attribute("type", "button")?;
    centre.set_class_name("btn btn--outline btn--small map-picker__centre");
    centre.set_text_content(Some(picker.words.centre()));
    let on_centre = {
        let picker = picker.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| picker.place(&picker.map.get_center()))
    };
    centre.add_event_listener_with_callback("click", on_centre.as_ref().unchecked_ref())?;
    on_centre.forget();
    el.after_with_node_1(&centre)?;

    // Fields → pin, when a valid number is typed.
    let on_input = {
        let picker = picker.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            if let Some((lat, lon)) = picker.typed() {
                if crate::core::validate::in_metro_area(lat, lon) {
                    let p = LatLng::new(lat, lon);
                    picker.marker.set_lat_lng(&p);
                    picker.map.pan_to(&p);
                    picker.check();
                }
            }
        })
    };
    lat_field.add_event_listener_with_callback("change", on_input.as_ref().unchecked_ref())?;
    lon_field.add_event_listener_with_callback("change", on_input.as_ref().unchecked_ref())?;
    on_input.forget();

    // The municipality → the map, once the boundaries are here.
    if let Some(select) = &municipality {
        let on_change = {
            let picker = picker.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| picker.municipality_chosen(true))
        };
        select.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())?;
        on_change.forget();
        let picker = picker.clone();
        leptos::task::spawn_local(async move {
            match load_boundaries().await {
                // A form come back with a position keeps its view; without one, the chosen
                // municipality is shown.
                Ok(_) => picker.municipality_chosen(picker.typed().is_none()),
                Err(err) => leptos::logging::error!("map: boundaries: {err:?}"),
            }
        });
    }
    el.set_attribute("data-ready", "true")?;
    Ok(())
}
