//! The few Leaflet calls leaflet-rs does not bind, and setting a JavaScript object's key
//! (browser only).

use js_sys::{Array, Object, Reflect};
use leaflet::Icon;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `L.divIcon(options)` (leaflet-rs' `DivIcon::new` builds an `L.Icon`).
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    pub fn div_icon(options: &Object) -> Icon;
}

/// `object.method(...args)`, for the Leaflet methods leaflet-rs does not bind.
pub fn call(object: &JsValue, method: &str, args: &[&JsValue]) -> Option<JsValue> {
    let method: js_sys::Function = Reflect::get(object, &JsValue::from_str(method))
        .ok()?
        .dyn_into()
        .ok()?;
    let args: Array = args.iter().copied().collect();
    method.apply(object, &args).ok()
}

pub fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}
