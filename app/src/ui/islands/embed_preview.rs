//! The embed builder's live preview (`ui::pages::embed`): with JavaScript, a change to any
//! choice updates the preview frame, the code, the link and the page's address at once. What
//! the choices make the server says (`paths::EMBED_PREVIEW`, from the same
//! `core::embed::EmbedOptions` it renders the page with), so the bundle carries none of it; a
//! status line tells screen readers. The choices that only the map has are switched off while
//! the events are chosen, and the "copy" buttons (hidden without JavaScript) copy the code or
//! the link. Without JavaScript, the form's button reloads the page with the new choices.

use super::page_assets::IslandAssets;
use leptos::prelude::*;

/// The live preview of the builder's form `#embed-form` (with it, the page gets the islands'
/// scripts). What it needs to know the form carries in `data-` attributes ([`FORM_DATA`]):
/// read from the page, they cost the bundle no deserialiser.
#[component]
pub fn EmbedPreview() -> impl IntoView {
    view! {
        <IslandAssets />
        <EmbedPreviewIsland />
    }
}

/// The attribute of a "copy" button, naming the field it copies; the button is `hidden` until
/// the island shows it, and its status line has the id `{field}-copied`.
pub const COPY: &str = "data-copy";
/// The attribute of the choices that only the map has.
pub const MAP_ONLY: &str = "data-map-only";

/// The `data-` attributes of the builder's form, in this order: the page's language, and what
/// the status lines say after a change, after a copy and when copying failed.
pub const FORM_DATA: [&str; 4] = [
    "data-lang",
    "data-updated",
    "data-copied",
    "data-copy-failed",
];

#[island]
fn EmbedPreviewIsland() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Err(err) = live::start() {
            leptos::logging::error!("embed preview: {err:?}");
        }
    });
    view! { <p id="embed-status" class="visually-hidden" role="status"></p> }
}

#[cfg(feature = "hydrate")]
mod live {
    use crate::core::paths;
    use crate::ui::islands::browser::{document, fetch_text};
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{HtmlFormElement, HtmlInputElement, HtmlTextAreaElement};

    pub fn start() -> Result<(), JsValue> {
        let doc = document()?;
        let form: HtmlFormElement = doc
            .get_element_by_id("embed-form")
            .ok_or_else(|| JsValue::from_str("no form"))?
            .dyn_into()?;
        let [_, updated, copied, failed] =
            super::FORM_DATA.map(|name| form.get_attribute(name).unwrap_or_default());
        // The number of the latest question to the server: only its answer is shown.
        let latest = Rc::new(Cell::new(0u32));
        // Choices made before the bundle arrived (or restored by the browser on going back)
        // count at once, said to no one.
        refresh(&form, &latest, None);
        form.set_attribute("data-ready", "true")?;
        let target = form.clone();
        let on_change = Closure::<dyn FnMut()>::new(move || {
            refresh(&target, &latest, Some(updated.clone()));
        });
        form.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())?;
        // The page lives as long as the listeners.
        on_change.forget();
        let buttons = doc.query_selector_all(&format!("[{}]", super::COPY))?;
        for i in 0..buttons.length() {
            if let Some(button) = buttons
                .item(i)
                .and_then(|b| b.dyn_into::<web_sys::Element>().ok())
            {
                button.remove_attribute("hidden")?;
            }
        }
        let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let field = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.get_attribute(super::COPY));
            if let Some(field) = field {
                copy(field, copied.clone(), failed.clone());
            }
        });
        doc.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
        on_click.forget();
        Ok(())
    }

    /// Asks the server what the form's choices make and shows it, unless a later change asked
    /// again meanwhile; `announce`: what the status line then says (the address follows too).
    fn refresh(form: &HtmlFormElement, latest: &Rc<Cell<u32>>, announce: Option<String>) {
        let ask = latest.get().wrapping_add(1);
        latest.set(ask);
        let query = match choices(form) {
            Ok(query) => query,
            Err(err) => return leptos::logging::error!("embed preview: {err:?}"),
        };
        let lang = form.get_attribute("data-lang").unwrap_or_default();
        let latest = latest.clone();
        leptos::task::spawn_local(async move {
            let answer = fetch_text(&format!("{}?{query}&per={lang}", paths::EMBED_PREVIEW)).await;
            if latest.get() != ask {
                return;
            }
            if let Err(err) = answer.and_then(|text| show(&text, announce)) {
                leptos::logging::error!("embed preview: {err:?}");
            }
        });
    }

    /// The form's choices as its address carries them — the map's own too, kept while they
    /// are switched off — and the map's own switched off when the events are chosen.
    fn choices(form: &HtmlFormElement) -> Result<String, JsValue> {
        let doc = document()?;
        let map_only = doc.query_selector_all(&format!("[{}] input", super::MAP_ONLY))?;
        let inputs: Vec<HtmlInputElement> = (0..map_only.length())
            .filter_map(|i| map_only.item(i)?.dyn_into().ok())
            .collect();
        for input in &inputs {
            input.set_disabled(false);
        }
        let data = web_sys::FormData::new_with_form(form)?;
        let events = data.get("cosa").as_string().as_deref() == Some("eventi");
        for input in &inputs {
            input.set_disabled(events);
        }
        let query = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data)?;
        Ok(String::from(query.to_string()))
    }

    /// Shows the server's answer (`core::embed::EmbedOptions::preview_lines`): the framed
    /// page, its height and title, the code, the link, the builder's address in the page's
    /// language and in the other.
    fn show(answer: &str, announce: Option<String>) -> Result<(), JsValue> {
        let doc = document()?;
        let lines: Vec<&str> = answer.lines().collect();
        let [src, height, title, code, link, builder, other] = lines[..] else {
            return Err(JsValue::from_str("not a preview"));
        };
        if let Some(frame) = doc.query_selector(".embed-builder__frame")? {
            // The frame's own address is replaced, not pushed: "back" leaves the builder
            // rather than walking the preview back out of step with the code.
            if frame.get_attribute("data-shown").as_deref() != Some(src) {
                frame.set_attribute("data-shown", src)?;
                match frame
                    .dyn_ref::<web_sys::HtmlIFrameElement>()
                    .and_then(|f| f.content_window())
                {
                    Some(inside) => inside.location().replace(src)?,
                    None => frame.set_attribute("src", src)?,
                }
            }
            frame.set_attribute("height", height)?;
            frame.set_attribute("title", title)?;
        }
        if let Some(field) = doc.get_element_by_id("embed-code") {
            field.dyn_into::<HtmlTextAreaElement>()?.set_value(code);
        }
        if let Some(field) = doc.get_element_by_id("embed-link") {
            field.dyn_into::<HtmlInputElement>()?.set_value(link);
        }
        if let Some(switch) = doc.query_selector("a.lang-switch")? {
            switch.set_attribute("href", other)?;
        }
        if let Some(said) = announce {
            // The address keeps the choices: a reload, a bookmark or a shared link shows them.
            if let Some(window) = web_sys::window() {
                window
                    .history()?
                    .replace_state_with_url(&JsValue::NULL, "", Some(builder))?;
            }
            // What was copied is no longer what is shown.
            for id in ["embed-code-copied", "embed-link-copied"] {
                if let Some(status) = doc.get_element_by_id(id) {
                    status.set_text_content(None);
                }
            }
            if let Some(status) = doc.get_element_by_id("embed-status") {
                // The same words again would not be read again: they alternate with a
                // no-break space at the end.
                let again = status.text_content().as_deref() == Some(said.as_str());
                let said = if again { format!("{said}\u{a0}") } else { said };
                status.set_text_content(Some(&said));
            }
        }
        Ok(())
    }

    /// Copies the value of the field `id` to the clipboard and says so beside it; when the
    /// browser refuses, selects it so that it can be copied by hand.
    fn copy(id: String, copied: String, failed: String) {
        let Ok(doc) = document() else {
            return;
        };
        let Some(field) = doc.get_element_by_id(&id) else {
            return;
        };
        let area = field.dyn_ref::<HtmlTextAreaElement>().cloned();
        let input = field.dyn_ref::<HtmlInputElement>().cloned();
        let value = match (&area, &input) {
            (Some(area), _) => area.value(),
            (_, Some(input)) => input.value(),
            _ => return,
        };
        let promise = web_sys::window().map(|w| w.navigator().clipboard().write_text(&value));
        leptos::task::spawn_local(async move {
            let done = match promise {
                Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                None => false,
            };
            if !done {
                if let Some(area) = &area {
                    area.select();
                } else if let Some(input) = &input {
                    input.select();
                }
            }
            for field in ["embed-code", "embed-link"] {
                if let Some(status) = doc.get_element_by_id(&format!("{field}-copied")) {
                    let said = (field == id).then_some(if done { &copied } else { &failed });
                    status.set_text_content(said.map(String::as_str));
                }
            }
        });
    }
}
