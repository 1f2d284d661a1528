//! The embed builder's live preview (`ui::pages::embed`): with JavaScript, a change to any
//! choice updates the preview frame, the code and the link at once, from the same
//! `core::embed::EmbedOptions` the server reads the form's address with; a status line tells
//! screen readers. Without it, the form's button reloads the page with the new choices.

use super::page_assets::IslandAssets;
use crate::i18n::Lang;
use leptos::prelude::*;

/// The live preview of the builder's form `#embed-form` (with it, the page gets the islands'
/// scripts). `base`: the site's address, as in the code; `titles`: the frames' titles, of the
/// map and of the events, in Italian and in English (the embed's language, not the page's);
/// `updated`: what the status line says after a change.
#[component]
pub fn EmbedPreview(
    base: String,
    lang: Lang,
    titles: [(String, String); 2],
    updated: String,
) -> impl IntoView {
    view! {
        <IslandAssets />
        <EmbedPreviewIsland base lang=lang.code().to_owned() titles updated />
    }
}

#[island]
fn EmbedPreviewIsland(
    base: String,
    lang: String,
    titles: [(String, String); 2],
    updated: String,
) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let settings = live::Settings {
            base: base.clone(),
            lang: Lang::from_code(&lang).unwrap_or_default(),
            titles: titles.clone(),
            updated: updated.clone(),
        };
        if let Err(err) = live::start(settings) {
            leptos::logging::error!("embed preview: {err:?}");
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (&base, &lang, &titles, &updated);
    view! { <p id="embed-status" class="visually-hidden" role="status"></p> }
}

#[cfg(feature = "hydrate")]
mod live {
    use crate::core::embed::{EmbedOptions, Widget};
    use crate::i18n::Lang;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    pub struct Settings {
        pub base: String,
        pub lang: Lang,
        pub titles: [(String, String); 2],
        pub updated: String,
    }

    pub fn start(settings: Settings) -> Result<(), JsValue> {
        let doc = crate::ui::islands::browser::document()?;
        let form: web_sys::HtmlFormElement = doc
            .get_element_by_id("embed-form")
            .ok_or_else(|| JsValue::from_str("no form"))?
            .dyn_into()?;
        // Choices made before the bundle arrived (or restored by the browser on going back)
        // count at once, said to no one.
        refresh(&form, &settings, false)?;
        form.set_attribute("data-ready", "true")?;
        let target = form.clone();
        let on_change = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            if let Err(err) = refresh(&target, &settings, true) {
                leptos::logging::error!("embed preview: {err:?}");
            }
        });
        form.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())?;
        // The page lives as long as the listener.
        on_change.forget();
        Ok(())
    }

    /// The form's choices as its address would carry them: checked boxes and radios, selects,
    /// hidden fields.
    fn choices(form: &web_sys::HtmlFormElement) -> Vec<(String, String)> {
        let elements = form.elements();
        let mut pairs = Vec::new();
        for i in 0..elements.length() {
            let Some(el) = elements.item(i) else { continue };
            if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                let kind = input.type_();
                let off = (kind == "checkbox" || kind == "radio") && !input.checked();
                if !off && !input.name().is_empty() {
                    pairs.push((input.name(), input.value()));
                }
            } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
                pairs.push((select.name(), select.value()));
            }
        }
        pairs
    }

    /// Brings the preview, the code and the link in step with the form; `announce`: and says
    /// so in the status line.
    fn refresh(
        form: &web_sys::HtmlFormElement,
        s: &Settings,
        announce: bool,
    ) -> Result<(), JsValue> {
        let doc = crate::ui::islands::browser::document()?;
        let pairs = choices(form);
        let options =
            EmbedOptions::from_builder(|k| crate::core::filter::values_of(&pairs, k), s.lang);
        let titles = &s.titles[usize::from(options.lang == Lang::En)];
        let title = match options.widget {
            Widget::Map => &titles.0,
            Widget::Events => &titles.1,
        };
        if let Some(frame) = doc.query_selector(".embed-builder__frame")? {
            let src = options.framed_path();
            if frame.get_attribute("src").as_deref() != Some(src.as_str()) {
                frame.set_attribute("src", &src)?;
            }
            frame.set_attribute("height", &options.height.to_string())?;
            frame.set_attribute("title", title)?;
        }
        if let Some(code) = doc.get_element_by_id("embed-code") {
            code.dyn_into::<web_sys::HtmlTextAreaElement>()?
                .set_value(&options.snippet(&s.base, title));
        }
        if let Some(link) = doc.get_element_by_id("embed-link") {
            link.dyn_into::<web_sys::HtmlInputElement>()?
                .set_value(&format!("{}{}", s.base, options.full_path()));
        }
        if let Some(status) = doc.get_element_by_id("embed-status").filter(|_| announce) {
            status.set_text_content(Some(&s.updated));
        }
        Ok(())
    }
}
