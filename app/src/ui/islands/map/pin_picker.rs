//! The pin picker of the staff's space form (browser only): a draggable pin that writes its
//! position into the `#lat`/`#lon` fields, and follows them when a position is typed.

use super::js::{div_icon, set};
use super::leaflet_js::{add_base_map, new_map};
use super::MapSettings;
use js_sys::{Object, Reflect};
use leaflet::{LatLng, Marker, MarkerOptions, Point};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// The pin picker of the space form (see `super::PinPicker`).
pub fn pin_picker(
    el: &HtmlElement,
    lat: f64,
    lon: f64,
    settings: &MapSettings,
) -> Result<(), JsValue> {
    let map = new_map(el, true)?;
    add_base_map(&map, settings);
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
                if crate::core::validate::in_metro_area(lat, lon) {
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
