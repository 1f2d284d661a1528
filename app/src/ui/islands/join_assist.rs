//! The public forms' helper in the browser (an island; the forms work without it), for the join
//! form and the RSVP form: the shared validation run as people leave each field and again
//! before sending — errors appear beside the fields and the focus moves to the first one —, a
//! draft kept on the device until the form is sent (a reload or a lost connection on the phone
//! loses nothing), and, on the join form, "use my location".

use crate::i18n::Lang;
use crate::ui::islands::page_assets::IslandAssets;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Where the helper is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssistMode {
    /// Inside the form.
    Form,
    /// On the confirmation page: the form was sent, so the draft is forgotten.
    Sent,
}

/// Which form it helps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssistForm {
    /// `/aderisci` (`#join-form`).
    Join,
    /// An event's RSVP form (`#rsvp-form`).
    Rsvp,
}

impl AssistForm {
    pub fn form_id(self) -> &'static str {
        match self {
            AssistForm::Join => "join-form",
            AssistForm::Rsvp => "rsvp-form",
        }
    }

    /// The `localStorage` key of the draft: one for the join form, one per event for the
    /// RSVP form (`scope`: the event's slug), so a draft for one event never fills another's.
    pub fn draft_key(self, scope: &str) -> String {
        match self {
            AssistForm::Join => format!("{DRAFT_PREFIX}aderisci:bozza"),
            AssistForm::Rsvp => format!("{DRAFT_PREFIX}iscrizione:bozza:{scope}"),
        }
    }
}

/// What every draft's key starts with (expired drafts are swept by it).
pub const DRAFT_PREFIX: &str = "spazi:";
/// How long a draft is kept on the device: personal data (name, e-mail, accessibility needs)
/// must not outlive the form it was typed into by much, on a shared computer least of all.
pub const DRAFT_TTL_MS: f64 = 7.0 * 24.0 * 3600.0 * 1000.0;

/// The join form's helper (with it, the page gets the islands' scripts).
#[component]
pub fn JoinAssist(lang: Lang, mode: AssistMode) -> impl IntoView {
    view! {
        <IslandAssets />
        <JoinAssistIsland lang mode />
    }
}

/// The RSVP form's helper (with it, the page gets the islands' scripts).
/// `event`: the event's slug (each event keeps its own draft).
#[component]
pub fn RsvpAssist(lang: Lang, mode: AssistMode, event: String) -> impl IntoView {
    view! {
        <IslandAssets />
        <RsvpAssistIsland lang mode event />
    }
}

#[island]
fn JoinAssistIsland(lang: Lang, mode: AssistMode) -> impl IntoView {
    view! { <FormAssistInner lang mode form=AssistForm::Join scope=String::new() /> }
}

#[island]
fn RsvpAssistIsland(lang: Lang, mode: AssistMode, event: String) -> impl IntoView {
    view! { <FormAssistInner lang mode form=AssistForm::Rsvp scope=event /> }
}

#[component]
fn FormAssistInner(lang: Lang, mode: AssistMode, form: AssistForm, scope: String) -> impl IntoView {
    let j = lang.islands();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let key: std::rc::Rc<str> = form.draft_key(&scope).into();
        dom::sweep_expired_drafts();
        let result = match mode {
            AssistMode::Form => dom::attach(lang, form, key),
            AssistMode::Sent => dom::forget_draft(&key),
        };
        if let Err(err) = result {
            leptos::logging::error!("form helper: {err:?}");
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (lang, scope);
    (mode == AssistMode::Form).then(|| {
        view! {
            <div class="join-assist">
                // Without JavaScript there is no location to ask for: the button stays hidden.
                {(form == AssistForm::Join).then(|| view! {
                    <button type="button" id="use-location" class="btn btn--outline" hidden>
                        {j.use_location}
                    </button>
                })}
                <p class="field__hint" id="assist-status" role="status"></p>
            </div>
        }
    })
}

#[cfg(feature = "hydrate")]
mod dom {
    use super::AssistForm;
    use crate::core::validate::join::{validate_join, JoinInput};
    use crate::core::validate::rsvp::{validate_rsvp, RsvpInput};
    use crate::core::validate::{Field, FieldErrors};
    use crate::i18n::Lang;
    use std::cell::RefCell;
    use std::collections::HashSet;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Document, Element, HtmlElement, HtmlFormElement, HtmlInputElement};

    /// Names that are not the user's data.
    const SKIP: [&str; 2] = ["started", "fax"];

    /// Every field of the RSVP form an error can be shown beside, in form order.
    const RSVP_FIELDS: [Field; 7] = [
        Field::FirstName,
        Field::LastName,
        Field::AttendeeEmail,
        Field::Affiliation,
        Field::AttendeeRole,
        Field::Accessibility,
        Field::ConsentPrivacy,
    ];

    /// Every field of the join form an error can be shown beside, in form order.
    const JOIN_FIELDS: [Field; 25] = [
        Field::Name,
        Field::Kinds,
        Field::Description,
        Field::Services,
        Field::OpeningHours,
        Field::Address,
        Field::Municipality,
        Field::Lat,
        Field::Lon,
        Field::Website,
        Field::Email,
        Field::Phone,
        Field::Organisation,
        Field::OrganisationKind,
        Field::OrganisationTaxCode,
        Field::OrganisationWebsite,
        Field::OrganisationDescription,
        Field::ContactName,
        Field::ContactRole,
        Field::ContactEmail,
        Field::ContactPhone,
        Field::Needs,
        Field::NeedsOther,
        Field::Vision,
        Field::ConsentPrivacy,
    ];

    /// A `<datalist data-source=…>` the server left empty (too many names to put in the page)
    /// is filled from the map's markers document the first time its field gets the focus.
    fn lazy_suggestions(doc: &Document) -> Result<(), JsValue> {
        let Some(list) = doc.query_selector("datalist[data-source]")? else {
            return Ok(());
        };
        let Some(field) = doc.query_selector(&format!("input[list=\"{}\"]", list.id()))? else {
            return Ok(());
        };
        let on_focus = Closure::once(move || {
            let Some(url) = list.get_attribute("data-source") else {
                return;
            };
            list.remove_attribute("data-source").ok();
            leptos::task::spawn_local(async move {
                match crate::ui::islands::map::fetch_markers(&url).await {
                    Ok(markers) => {
                        let Some(doc) = list.owner_document() else {
                            return;
                        };
                        for m in markers {
                            if let Ok(option) = doc.create_element("option") {
                                let _ = option.set_attribute("value", &m.name);
                                let _ = list.append_child(&option);
                            }
                        }
                    }
                    Err(err) => leptos::logging::error!("suggestions: {err:?}"),
                }
            });
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        field.add_event_listener_with_callback_and_add_event_listener_options(
            "focus",
            on_focus.as_ref().unchecked_ref(),
            &options,
        )?;
        on_focus.forget();
        Ok(())
    }

    fn document() -> Result<Document, JsValue> {
        web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("no document"))
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    fn fields(kind: AssistForm) -> &'static [Field] {
        match kind {
            AssistForm::Join => &JOIN_FIELDS,
            AssistForm::Rsvp => &RSVP_FIELDS,
        }
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
    fn pairs(form: &HtmlFormElement) -> Vec<(String, String)> {
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
    fn save_draft(form: &HtmlFormElement, key: &str) {
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
    fn restore_draft(form: &HtmlFormElement, key: &str) -> bool {
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

    /// Which field a control belongs to (the kinds' and needs' checkboxes share one).
    fn field_name(control: &str) -> &str {
        if control.starts_with("kind_") {
            "kinds"
        } else if control.starts_with("need_") {
            "needs"
        } else {
            control
        }
    }

    /// Shows (or clears) the message beside a field, as the server renders it.
    fn show(doc: &Document, field: Field, message: Option<String>) -> Result<(), JsValue> {
        let name = field.name();
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
                target.set_attribute("aria-describedby", &error_id)?;
            }
            None => {
                if let Some(p) = existing {
                    p.remove();
                }
                container.class_list().remove_1("field--invalid")?;
                target.remove_attribute("aria-invalid")?;
                target.remove_attribute("aria-describedby")?;
            }
        }
        Ok(())
    }

    /// The shared validation of the form's current values.
    fn errors_of(form: &HtmlFormElement, kind: AssistForm) -> FieldErrors {
        let pairs = pairs(form);
        let pairs = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        match kind {
            AssistForm::Join => validate_join(&JoinInput::from_pairs(pairs)).err(),
            AssistForm::Rsvp => validate_rsvp(&RsvpInput::from_pairs(pairs)).err(),
        }
        .unwrap_or_default()
    }

    fn set_status(doc: &Document, text: &str) {
        if let Some(s) = doc.get_element_by_id("assist-status") {
            s.set_text_content(Some(text));
        }
    }

    /// Replaces a long text's "at most N characters" hint with how many are left.
    fn count_down(area: &web_sys::HtmlTextAreaElement, lang: Lang) {
        let max = area.max_length();
        if max <= 0 {
            return;
        }
        let used = area.value().chars().count() as i32;
        let hint = area
            .closest(".field")
            .ok()
            .flatten()
            .and_then(|f| f.query_selector(".field__hint").ok().flatten());
        if let Some(hint) = hint {
            let left = (max - used).max(0) as usize;
            hint.set_text_content(Some(&(lang.islands().chars_left)(left, max as usize)));
        }
    }

    pub fn attach(lang: Lang, kind: AssistForm, key: Rc<str>) -> Result<(), JsValue> {
        let t = lang.islands();
        let doc = document()?;
        let form: HtmlFormElement = doc
            .get_element_by_id(kind.form_id())
            .ok_or_else(|| JsValue::from_str("no form to help"))?
            .dyn_into()?;
        let all_fields = fields(kind);
        // A form the server sent back with errors shows what was posted: that wins.
        let server_errors = doc.query_selector(".error-summary")?.is_some()
            || doc.get_element_by_id("form").is_some();
        if server_errors {
            save_draft(&form, &key);
        } else if restore_draft(&form, &key) {
            set_status(&doc, t.draft_restored);
            // The pin follows restored coordinates.
            for id in ["lat", "lon"] {
                if let Some(f) = doc.get_element_by_id(id) {
                    f.dispatch_event(&web_sys::Event::new("change")?)?;
                }
            }
        }

        let touched: Rc<RefCell<HashSet<String>>> = Rc::default();
        let refresh = {
            let (doc, form, touched) = (doc.clone(), form.clone(), touched.clone());
            move || {
                let errors = errors_of(&form, kind);
                for &field in all_fields {
                    if touched.borrow().contains(field.name()) {
                        let _ = show(&doc, field, errors.get(field).map(|p| t.problem(p)));
                    }
                }
            }
        };

        // Typing: keep the draft; a field already shown wrong is re-checked as it is fixed;
        // long texts count down the characters left.
        let on_input = {
            let (form, refresh, key) = (form.clone(), refresh.clone(), key.clone());
            Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
                save_draft(&form, &key);
                refresh();
                if let Some(area) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                {
                    count_down(&area, lang);
                }
            })
        };
        if let Ok(areas) = form.query_selector_all("textarea[maxlength]") {
            for i in 0..areas.length() {
                if let Some(area) = areas.get(i).and_then(|n| n.dyn_into().ok()) {
                    count_down(&area, lang);
                }
            }
        }
        form.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref())?;
        form.add_event_listener_with_callback("change", on_input.as_ref().unchecked_ref())?;
        on_input.forget();

        // Leaving a field: check it.
        let on_leave = {
            let (touched, refresh) = (touched.clone(), refresh.clone());
            Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
                let name = ev
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|e| e.get_attribute("name"));
                if let Some(name) = name {
                    if !SKIP.contains(&name.as_str()) {
                        touched.borrow_mut().insert(field_name(&name).to_owned());
                        refresh();
                    }
                }
            })
        };
        form.add_event_listener_with_callback("focusout", on_leave.as_ref().unchecked_ref())?;
        on_leave.forget();
        lazy_suggestions(&doc)?;

        // Sending: everything is checked; with problems the form stays, focus on the first.
        let on_submit = {
            let (doc, form, touched) = (doc.clone(), form.clone(), touched.clone());
            Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
                let errors = errors_of(&form, kind);
                if errors.is_empty() {
                    save_draft(&form, &key);
                    return;
                }
                ev.prevent_default();
                touched
                    .borrow_mut()
                    .extend(all_fields.iter().map(|f| f.name().to_owned()));
                refresh();
                if let Some(first) = errors.first() {
                    let target = doc.get_element_by_id(first.name());
                    // A group of boxes: focus its first box.
                    let focus = match &target {
                        Some(t) if t.tag_name() == "FIELDSET" => {
                            t.query_selector("input").ok().flatten()
                        }
                        _ => target,
                    };
                    if let Some(e) = focus.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                        let _ = e.focus();
                    }
                }
            })
        };
        form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref())?;
        on_submit.forget();

        // "Use my location".
        if let Some(button) = doc.get_element_by_id("use-location") {
            let geolocation = web_sys::window().and_then(|w| w.navigator().geolocation().ok());
            if let Some(geolocation) = geolocation {
                button.remove_attribute("hidden")?;
                let on_click = {
                    let doc = doc.clone();
                    Closure::<dyn FnMut()>::new(move || {
                        set_status(&doc, t.locating);
                        let found = {
                            let doc = doc.clone();
                            Closure::once_into_js(move |pos: web_sys::Position| {
                                let c = pos.coords();
                                for (id, v) in [("lat", c.latitude()), ("lon", c.longitude())] {
                                    if let Some(f) = doc
                                        .get_element_by_id(id)
                                        .and_then(|f| f.dyn_into::<HtmlInputElement>().ok())
                                    {
                                        f.set_value(&format!("{v:.6}"));
                                        if let Ok(ev) =
                                            web_sys::Event::new_with_event_init_dict("change", &{
                                                let init = web_sys::EventInit::new();
                                                init.set_bubbles(true);
                                                init
                                            })
                                        {
                                            let _ = f.dispatch_event(&ev);
                                        }
                                    }
                                }
                                set_status(&doc, t.located);
                            })
                        };
                        let failed = {
                            let doc = doc.clone();
                            Closure::once_into_js(move |_: JsValue| set_status(&doc, t.not_located))
                        };
                        let _ = geolocation.get_current_position_with_error_callback(
                            found.unchecked_ref(),
                            Some(failed.unchecked_ref()),
                        );
                    })
                };
                button
                    .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
                on_click.forget();
            }
        }
        form.set_attribute("data-assist", "ready")?;
        Ok(())
    }
}
