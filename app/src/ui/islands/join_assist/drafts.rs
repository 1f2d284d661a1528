//! The drafts of the public forms, kept in the browser's `localStorage` as
//! `{"at": <ms since 1970>, "pairs": [[name, value], …]}` and forgotten after
//! `DRAFT_TTL_MS`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlFormElement, HtmlInputElement};

/// Names that are not the user's data.
pub(super) const SKIP: [&str; 2] = ["started", "fax"];

pub(super) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn forget_draft(key: &str) -> Result<(), JsValue> {
    if let Some(s) = storage() {
        s.remove_item(key)?;
    }
    Ok(())
}

/// When a draft was saved (milliseconds since 1970), or `None` for one without a time
/// (written before drafts expired) or unreadable.
fn saved_at(json: &str) -> Option<f64> {
    let value = js_sys::JSON::parse(json).ok()?;
    js_sys::Reflect::get(&value, &JsValue::from_str("at"))
        .ok()?
        .as_f64()
}

fn expired(json: &str) -> bool {
    saved_at(json).is_none_or(|at| js_sys::Date::now() - at > super::DRAFT_TTL_MS)
}

/// Removes every draft of this site older than `DRAFT_TTL_MS` (those of events never
/// visited again included).
pub fn sweep_expired_drafts() {
    let Some(s) = storage() else { return };
    let keys: Vec<String> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(super::DRAFT_PREFIX))
        .collect();
    for key in keys {
        if s.get_item(&key)
            .ok()
            .flatten()
            .is_none_or(|json| expired(&json))
        {
            let _ = s.remove_item(&key);
        }
    }
}

/// The form's controls with a name.
fn controls(form: &HtmlFormElement) -> Vec<Element> {
    let elements = form.elements();
    (0..elements.length())
        .filter_map(|i| elements.item(i))
        .filter(|e| e.get_attribute("name").is_some())
        .collect()
}

fn value_of(e: &Element) -> Option<String> {
    if let Some(i) = e.dyn_ref::<HtmlInputElement>() {
        return match i.type_().as_str() {
            "checkbox" => i.checked().then(|| "on".to_owned()),
            "hidden" | "submit" | "button" => None,
            _ => Some(i.value()),
        };
    }
    if let Some(t) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return Some(t.value());
    }
    e.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value())
}

/// The user's (name, value) pairs, as the form would post them.
pub(super) fn pairs(form: &HtmlFormElement) -> Vec<(String, String)> {
    controls(form)
        .iter()
        .filter_map(|e| {
            let name = e.get_attribute("name")?;
            if SKIP.contains(&name.as_str()) {
                return None;
            }
            value_of(e).map(|v| (name, v))
        })
        .collect()
}

/// Saves the form as `{"at": <ms since 1970>, "pairs": [[name, value], …]}`.
pub(super) fn save_draft(form: &HtmlFormElement, key: &str) {
    let Some(s) = storage() else { return };
    let list = js_sys::Array::new();
    for (k, v) in pairs(form) {
        list.push(&js_sys::Array::of2(
            &JsValue::from_str(&k),
            &JsValue::from_str(&v),
        ));
    }
    let draft = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&draft, &"at".into(), &js_sys::Date::now().into());
    let _ = js_sys::Reflect::set(&draft, &"pairs".into(), &list);
    if let Ok(json) = js_sys::JSON::stringify(&draft) {
        let _ = s.set_item(key, &String::from(json));
    }
}

/// Puts a saved draft back into an untouched form; `true` if there was one.
pub(super) fn restore_draft(form: &HtmlFormElement, key: &str) -> bool {
    let Some(json) = storage().and_then(|s| s.get_item(key).ok().flatten()) else {
        return false;
    };
    if expired(&json) {
        let _ = forget_draft(key);
        return false;
    }
    let Some(list) = js_sys::JSON::parse(&json)
        .ok()
        .and_then(|d| js_sys::Reflect::get(&d, &"pairs".into()).ok())
        .and_then(|l| l.dyn_into::<js_sys::Array>().ok())
    else {
        return false;
    };
    let saved: Vec<(String, String)> = list
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    if saved.is_empty() {
        return false;
    }
    for e in controls(form) {
        let Some(name) = e.get_attribute("name") else {
            continue;
        };
        if SKIP.contains(&name.as_str()) {
            continue;
        }
        let value = saved
            .iter()
            .rev()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone());
        if let Some(i) = e.dyn_ref::<HtmlInputElement>() {
            match i.type_().as_str() {
                "checkbox" => i.set_checked(value.is_some()),
                "hidden" | "submit" | "button" => {}
                _ => i.set_value(&value.unwrap_or_default()),
            }
        } else if let Some(t) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            t.set_value(&value.unwrap_or_default());
        } else if let Some(s) = e.dyn_ref::<web_sys::HtmlSelectElement>() {
            s.set_value(&value.unwrap_or_default());
        }
    }
    true
}
