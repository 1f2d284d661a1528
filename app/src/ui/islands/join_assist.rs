//! The public forms' helper in the browser (an island; the forms work without it), for the join
//! form and the RSVP form: the shared validation run as people leave each field and again
//! before sending — errors appear beside the fields and the focus moves to the first one —, a
//! draft kept on the device until the form is sent (a reload or a lost connection on the phone
//! loses nothing), and, on the join form, "use my location".

use crate::i18n::islands::{cached, AssistWords};
use crate::i18n::Lang;
use crate::ui::islands::page_assets::IslandAssets;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

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
    // The confirmation page only forgets the draft: no words.
    static WORDS: [OnceLock<AssistWords>; 2] = [const { OnceLock::new() }; 2];
    let problems = crate::core::validate::Problem::IN_THE_BROWSER;
    let words = (mode == AssistMode::Form)
        .then(|| cached(&WORDS, lang, || AssistWords::new(lang, problems)));
    view! {
        <IslandAssets />
        {forget_at_once(mode, AssistForm::Join.draft_key(""))}
        <JoinAssistIsland words mode />
    }
}

/// On the confirmation page, the draft is forgotten as the page is read — not once the WASM
/// has loaded, which someone leaving at once (or sharing the device) would not wait for.
fn forget_at_once(mode: AssistMode, key: String) -> Option<impl IntoView> {
    (mode == AssistMode::Sent).then(|| {
        // The key is ours (a prefix and an event's slug): quoted as a JavaScript string.
        let script = format!("try{{localStorage.removeItem({key:?})}}catch(e){{}}");
        view! { <script nonce=leptos::nonce::use_nonce()>{script}</script> }
    })
}

/// The RSVP form's helper (with it, the page gets the islands' scripts).
/// `event`: the event's slug (each event keeps its own draft).
#[component]
pub fn RsvpAssist(lang: Lang, mode: AssistMode, event: String) -> impl IntoView {
    static WORDS: [OnceLock<AssistWords>; 2] = [const { OnceLock::new() }; 2];
    let problems = &crate::core::validate::rsvp::PROBLEMS;
    let words = (mode == AssistMode::Form)
        .then(|| cached(&WORDS, lang, || AssistWords::new(lang, problems)));
    let key = AssistForm::Rsvp.draft_key(&event);
    view! {
        <IslandAssets />
        {forget_at_once(mode, key)}
        <RsvpAssistIsland words mode event />
    }
}

#[island]
fn JoinAssistIsland(words: Option<AssistWords>, mode: AssistMode) -> impl IntoView {
    view! { <FormAssistInner words mode form=AssistForm::Join scope=String::new() /> }
}

#[island]
fn RsvpAssistIsland(words: Option<AssistWords>, mode: AssistMode, event: String) -> impl IntoView {
    view! { <FormAssistInner words mode form=AssistForm::Rsvp scope=event /> }
}

#[component]
fn FormAssistInner(
    words: Option<AssistWords>,
    mode: AssistMode,
    form: AssistForm,
    scope: String,
) -> impl IntoView {
    let use_location = words.as_ref().map(|w| w.use_location().to_owned());
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let key: std::rc::Rc<str> = form.draft_key(&scope).into();
        dom::sweep_expired_drafts();
        let result = match (mode, words.clone()) {
            (AssistMode::Form, Some(words)) => dom::attach(words.into(), form, key),
            _ => dom::forget_draft(&key),
        };
        if let Err(err) = result {
            leptos::logging::error!("form helper: {err:?}");
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (words, scope);
    (mode == AssistMode::Form).then(|| {
        view! {
            <div class="join-assist">
                // Without JavaScript there is no location to ask for: the button stays hidden.
                {(form == AssistForm::Join).then(|| view! {
                    <button type="button" id="use-location" class="btn btn--outline" hidden>
                        {use_location}
                    </button>
                })}
                <p class="field__hint" id="assist-status" role="status"></p>
            </div>
        }
    })
}

#[cfg(feature = "hydrate")]
mod drafts;

#[cfg(feature = "hydrate")]
mod dom {
    pub use super::drafts::{forget_draft, sweep_expired_drafts};
    use super::drafts::{pairs, restore_draft, save_draft, SKIP};
    use super::AssistForm;
    use crate::core::validate::join::{validate_join, JoinInput};
    use crate::core::validate::rsvp::{validate_rsvp, RsvpInput};
    use crate::core::validate::{join, rsvp, space, FieldErrors, FormField, Problem};
    use crate::i18n::islands::AssistWords;
    use crate::ui::islands::browser::{document, show};
    use std::cell::RefCell;
    use std::collections::HashSet;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Document, Element, HtmlElement, HtmlFormElement, HtmlInputElement};

    /// Every field of the RSVP form an error can be shown beside, in form order.
    const RSVP_FIELDS: [rsvp::Field; 7] = [
        rsvp::Field::FirstName,
        rsvp::Field::LastName,
        rsvp::Field::Email,
        rsvp::Field::Affiliation,
        rsvp::Field::Role,
        rsvp::Field::Accessibility,
        rsvp::Field::ConsentPrivacy,
    ];

    /// Every field of the join form an error can be shown beside, in form order.
    const JOIN_FIELDS: [join::Field; 25] = [
        join::Field::Space(space::Field::Name),
        join::Field::Space(space::Field::Kinds),
        join::Field::Space(space::Field::Description),
        join::Field::Space(space::Field::Services),
        join::Field::Space(space::Field::OpeningHours),
        join::Field::Space(space::Field::Address),
        join::Field::Space(space::Field::Municipality),
        join::Field::Space(space::Field::Lat),
        join::Field::Space(space::Field::Lon),
        join::Field::Space(space::Field::Website),
        join::Field::Space(space::Field::Email),
        join::Field::Space(space::Field::Phone),
        join::Field::Space(space::Field::Organisation),
        join::Field::Space(space::Field::OrganisationKind),
        join::Field::OrganisationTaxCode,
        join::Field::Space(space::Field::OrganisationWebsite),
        join::Field::Space(space::Field::OrganisationDescription),
        join::Field::ContactName,
        join::Field::ContactRole,
        join::Field::ContactEmail,
        join::Field::ContactPhone,
        join::Field::Needs,
        join::Field::NeedsOther,
        join::Field::Vision,
        join::Field::ConsentPrivacy,
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

    /// The names of the form's fields an error can be shown beside, in form order.
    fn fields(kind: AssistForm) -> Vec<&'static str> {
        match kind {
            AssistForm::Join => JOIN_FIELDS.iter().map(|f| f.name()).collect(),
            AssistForm::Rsvp => RSVP_FIELDS.iter().map(|f| f.name()).collect(),
        }
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

    /// The shared validation of the form's current values: the problems by field name.
    fn errors_of(form: &HtmlFormElement, kind: AssistForm) -> Vec<(&'static str, Problem)> {
        let pairs = pairs(form);
        let pairs = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        fn named<F: FormField>(errors: Option<FieldErrors<F>>) -> Vec<(&'static str, Problem)> {
            errors.map_or_else(Vec::new, |e| {
                e.0.into_iter().map(|(f, p)| (f.name(), p)).collect()
            })
        }
        match kind {
            AssistForm::Join => {
                let boundaries = crate::ui::islands::browser::boundaries();
                named(validate_join(&JoinInput::from_pairs(pairs), &boundaries).err())
            }
            AssistForm::Rsvp => named(validate_rsvp(&RsvpInput::from_pairs(pairs)).err()),
        }
    }

    fn set_status(doc: &Document, text: &str) {
        if let Some(s) = doc.get_element_by_id("assist-status") {
            s.set_text_content(Some(text));
        }
    }

    /// A field's count beside it (`{id}-count`): a long text's characters left as people type;
    /// past the limit, in any field, how many too many (the text is never cut).
    fn count_down(field: &Element, t: &AssistWords) {
        let Some(max) = field
            .get_attribute("data-max")
            .and_then(|m| m.parse::<usize>().ok())
        else {
            return;
        };
        let value = field
            .dyn_ref::<web_sys::HtmlTextAreaElement>()
            .map(|a| a.value())
            .or_else(|| field.dyn_ref::<HtmlInputElement>().map(|i| i.value()))
            .unwrap_or_default();
        let Some(count) = field
            .owner_document()
            .and_then(|d| d.get_element_by_id(&format!("{}-count", field.id())))
        else {
            return;
        };
        // What the server wrote there, put back once the text fits again.
        if count.get_attribute("data-said").is_none() {
            let _ = count.set_attribute("data-said", &count.text_content().unwrap_or_default());
        }
        let used = value.chars().count();
        let over = used > max;
        let text = if over {
            t.chars_over(used - max, max)
        } else if field.tag_name() == "TEXTAREA" {
            t.chars_left(max - used, max)
        } else {
            count.get_attribute("data-said").unwrap_or_default()
        };
        count.set_text_content(Some(&text));
        let _ = count
            .class_list()
            .toggle_with_force("field__count--over", over);
    }

    /// How long after the form was first shown a sending is held back (ms): the server refuses
    /// a form sent within `MIN_FILL_SECONDS` of being shown as a robot's, and someone whose
    /// draft was restored may well send at once. Half a second more covers the server's whole
    /// seconds.
    const HOLD_MS: f64 = (crate::core::validate::MIN_FILL_SECONDS * 1000 + 500) as f64;

    pub fn attach(t: Rc<AssistWords>, kind: AssistForm, key: Rc<str>) -> Result<(), JsValue> {
        let doc = document()?;
        let form: HtmlFormElement = doc
            .get_element_by_id(kind.form_id())
            .ok_or_else(|| JsValue::from_str("no form to help"))?
            .dyn_into()?;
        // When the form was first shown, by this page's clock: its token's age as the page was
        // rendered counts (a form sent back keeps its first token).
        let age_ms = form
            .query_selector("input[name=started]")?
            .and_then(|input| input.get_attribute("data-age"))
            .and_then(|age| age.parse::<f64>().ok())
            .map_or(0.0, |s| s * 1000.0);
        let opened = js_sys::Date::now() - age_ms;
        let holding = Rc::new(std::cell::Cell::new(false));
        let all_fields: Rc<[&'static str]> = fields(kind).into();
        // A form the server sent back with errors shows what was posted: that wins.
        let server_errors = doc.query_selector(".error-summary")?.is_some()
            || doc.get_element_by_id("form").is_some();
        if server_errors {
            save_draft(&form, &key);
        } else if restore_draft(&form, &key) {
            set_status(&doc, t.draft_restored());
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
            let (all_fields, t) = (all_fields.clone(), t.clone());
            move || {
                let errors = errors_of(&form, kind);
                for &name in all_fields.iter() {
                    if touched.borrow().contains(name) {
                        let problem = errors.iter().find(|(n, _)| *n == name);
                        let _ = show(&doc, name, problem.map(|(_, p)| t.problem(*p)));
                    }
                }
            }
        };

        // Typing: keep the draft; a field already shown wrong is re-checked as it is fixed;
        // long texts count down the characters left.
        let on_input = {
            let (form, refresh, key) = (form.clone(), refresh.clone(), key.clone());
            let t = t.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
                save_draft(&form, &key);
                refresh();
                if let Some(field) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                    count_down(&field, &t);
                }
            })
        };
        if let Ok(fields) = form.query_selector_all("[data-max]") {
            for i in 0..fields.length() {
                if let Some(field) = fields.get(i).and_then(|n| n.dyn_into().ok()) {
                    count_down(&field, &t);
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
            let (holding, t) = (holding.clone(), t.clone());
            Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
                let errors = errors_of(&form, kind);
                if errors.is_empty() {
                    save_draft(&form, &key);
                    // Sooner than a person could have filled it in (a restored draft sent at
                    // once): held back until then, then sent as it is, once.
                    let early = HOLD_MS - (js_sys::Date::now() - opened);
                    if early > 0.0 {
                        ev.prevent_default();
                        if !holding.replace(true) {
                            // Said where the person looks (the button) and to screen readers.
                            set_status(&doc, t.sending());
                            if let Ok(Some(button)) = form.query_selector("button[type=submit]") {
                                button.set_text_content(Some(t.sending()));
                            }
                            let form = form.clone();
                            let send = Closure::once_into_js(move || {
                                let _ = form.submit();
                            });
                            if let Some(w) = web_sys::window() {
                                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                                    send.unchecked_ref(),
                                    early.ceil() as i32,
                                );
                            }
                        }
                    }
                    return;
                }
                ev.prevent_default();
                touched
                    .borrow_mut()
                    .extend(all_fields.iter().map(|&name| name.to_owned()));
                refresh();
                if let Some((first, _)) = errors.first() {
                    let target = doc.get_element_by_id(first);
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
                        set_status(&doc, t.locating());
                        let found = {
                            let (doc, t) = (doc.clone(), t.clone());
                            Closure::once_into_js(move |pos: web_sys::Position| {
                                let c = pos.coords();
                                for (id, v) in [("lat", c.latitude()), ("lon", c.longitude())] {
                                    if let Some(f) = doc
                                        .get_element_by_id(id)
                                        .and_then(|f| f.dyn_into::<HtmlInputElement>().ok())
                                    {
                                        f.set_value(&crate::ui::islands::browser::six_decimals(v));
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
                                set_status(&doc, t.located());
                            })
                        };
                        let failed = {
                            let (doc, t) = (doc.clone(), t.clone());
                            Closure::once_into_js(move |_: JsValue| {
                                set_status(&doc, t.not_located())
                            })
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
