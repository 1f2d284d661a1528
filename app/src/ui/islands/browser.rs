//! What the islands share in the browser (browser only): the page's document, a message
//! beside a field as the server renders it, a fetched text, and the municipalities'
//! boundaries, fetched once for every island of the page.

use crate::core::geo::Boundaries;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Document;

pub fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// Shows (or clears) the message beside a field, as the server renders it.
pub fn show(doc: &Document, name: &str, message: Option<String>) -> Result<(), JsValue> {
    let Some(target) = doc.get_element_by_id(name) else {
        return Ok(());
    };
    let container = if target.class_list().contains("field") {
        target.clone()
    } else {
        match target.closest(".field")? {
            Some(c) => c,
            None => return Ok(()),
        }
    };
    let error_id = format!("{name}-error");
    let existing = doc.get_element_by_id(&error_id);
    // The field's hint and its limit (counting down) stay described beside any error.
    let hint = [format!("{name}-hint"), format!("{name}-count")]
        .into_iter()
        .filter(|id| doc.get_element_by_id(id).is_some())
        .collect::<Vec<_>>()
        .join(" ");
    let hint = (!hint.is_empty()).then_some(hint);
    match message {
        Some(text) => {
            let p = match existing {
                Some(p) => p,
                None => {
                    let p = doc.create_element("p")?;
                    p.set_class_name("field__error");
                    p.set_id(&error_id);
                    // After the label (or legend), where the server puts it.
                    let first = container.first_element_child();
                    let after = first.and_then(|f| f.next_sibling());
                    container.insert_before(&p, after.as_ref())?;
                    p
                }
            };
            p.set_text_content(Some(&text));
            container.class_list().add_1("field--invalid")?;
            target.set_attribute("aria-invalid", "true")?;
            let described = match &hint {
                Some(h) => format!("{error_id} {h}"),
                None => error_id,
            };
            target.set_attribute("aria-describedby", &described)?;
        }
        None => {
            if let Some(p) = existing {
                p.remove();
            }
            container.class_list().remove_1("field--invalid")?;
            target.remove_attribute("aria-invalid")?;
            match &hint {
                Some(h) => target.set_attribute("aria-describedby", h)?,
                None => target.remove_attribute("aria-describedby")?,
            }
        }
    }
    Ok(())
}

/// A coordinate as the forms take it, with six decimals (about 10 cm). Formatted by the
/// browser: Rust's float formatting would add its tables to the bundle for this alone.
pub fn six_decimals(value: f64) -> String {
    js_sys::Number::from(value)
        .to_fixed(6)
        .map(String::from)
        .unwrap_or_default()
}

/// The body of a `GET` as text (an error for anything but a 2xx answer).
pub async fn fetch_text(url: &str) -> Result<String, JsValue> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from_str(&format!("HTTP {}", response.status())));
    }
    Ok(JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default())
}

thread_local! {
    static BOUNDARIES: RefCell<Option<Rc<Boundaries>>> = const { RefCell::new(None) };
}

/// The boundaries, once [`load_boundaries`] has them; none before (the checks that need them
/// wait, the server's check stands).
pub fn boundaries() -> Rc<Boundaries> {
    BOUNDARIES.with(|b| b.borrow().clone()).unwrap_or_default()
}

/// Fetches the boundaries (`paths::BOUNDARIES`) the first time it is asked.
pub async fn load_boundaries() -> Result<Rc<Boundaries>, JsValue> {
    if let Some(b) = BOUNDARIES.with(|b| b.borrow().clone()) {
        return Ok(b);
    }
    let text = fetch_text(crate::core::paths::BOUNDARIES).await?;
    let b = Rc::new(Boundaries::decode(&text).map_err(|e| JsValue::from_str(&e.to_string()))?);
    BOUNDARIES.with(|cell| *cell.borrow_mut() = Some(b.clone()));
    Ok(b)
}
