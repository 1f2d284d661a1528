//! The maps by keyboard and in the page's language (browser only). Leaflet's markers open on
//! Enter only and its popups leave the focus where it was, with English names on its buttons
//! ("Zoom in", "Close popup") whatever the page's language. Here: Space opens a marker like
//! Enter; a popup opened from the keyboard takes the focus, and gives it back to its marker when
//! it closes; Escape closes it from inside; the zoom buttons and the popups' close button are
//! named in the page's language.

use super::js::call;
use crate::i18n::islands::ControlWords;
use leaflet::Map;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// Names the zoom buttons of the map in `el`.
pub(super) fn name_zoom_buttons(el: &HtmlElement, words: &ControlWords) {
    for (selector, name) in [
        (".leaflet-control-zoom-in", &words.zoom_in),
        (".leaflet-control-zoom-out", &words.zoom_out),
    ] {
        if let Ok(Some(button)) = el.query_selector(selector) {
            let _ = button.set_attribute("title", name);
            let _ = button.set_attribute("aria-label", name);
        }
    }
}

/// Space on a marker, popups that take and give back the focus, Escape, and the controls'
/// names (see the module's documentation).
pub(super) fn keyboard(map: &Map, el: &HtmlElement, words: ControlWords) -> Result<(), JsValue> {
    name_zoom_buttons(el, &words);
    // The marker a popup was opened from by keyboard: the focus goes back to it.
    let opener: Rc<RefCell<Option<HtmlElement>>> = Rc::new(RefCell::new(None));

    let on_key = {
        let map = map.clone();
        Closure::<dyn FnMut(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            let Some(target) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
            else {
                return;
            };
            match event.key().as_str() {
                // A marker is a button: Space presses it too (not the page's scroll).
                " " | "Spacebar" if target.class_list().contains("leaflet-marker-icon") => {
                    event.prevent_default();
                    target.click();
                }
                "Escape" if target.closest(".leaflet-popup").ok().flatten().is_some() => {
                    event.prevent_default();
                    call(&map, "closePopup", &[]);
                }
                _ => {}
            }
        })
    };
    el.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref())?;
    on_key.forget();

    let on_open = {
        let opener = opener.clone();
        let close_name = words.close_popup.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let popup = js_sys::Reflect::get(&event, &JsValue::from_str("popup"))
                .ok()
                .and_then(|p| call(&p, "getElement", &[]))
                .and_then(|e| e.dyn_into::<Element>().ok());
            let Some(popup) = popup else { return };
            if let Ok(Some(close)) = popup.query_selector(".leaflet-popup-close-button") {
                let _ = close.set_attribute("aria-label", &close_name);
                let _ = close.set_attribute("title", &close_name);
            }
            // Opened from the keyboard (the marker shows the keyboard's focus ring): into the
            // popup, so its link comes next.
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|a| a.dyn_into::<HtmlElement>().ok());
            let from_keyboard = active.as_ref().is_some_and(|a| {
                a.class_list().contains("leaflet-marker-icon")
                    && a.matches(":focus-visible").unwrap_or(false)
            });
            if !from_keyboard {
                return;
            }
            *opener.borrow_mut() = active;
            let first = popup
                .query_selector("a, button:not(.leaflet-popup-close-button)")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(first) = first {
                let _ = first.focus();
            }
        })
    };
    map.on("popupopen", on_open.as_ref());
    on_open.forget();

    let on_close = {
        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            let Some(marker) = opener.borrow_mut().take() else {
                return;
            };
            // Only when the focus was in the popup (now gone with it), never taken from
            // wherever the person has gone since; and to a marker still on the map.
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            let lost = active.is_none_or(|a| {
                a.tag_name() == "BODY" || a.closest(".leaflet-popup").ok().flatten().is_some()
            });
            if lost && marker.is_connected() {
                let _ = marker.focus();
            }
        })
    };
    map.on("popupclose", on_close.as_ref());
    on_close.forget();
    Ok(())
}
