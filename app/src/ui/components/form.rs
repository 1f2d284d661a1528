//! The form pieces every form shares: fields with their error beside them, the error summary,
//! the consent checkbox, kinds, municipality and organisation choosers, the notice of a
//! colleague's conflicting save.

use crate::core::model::{OrganisationKind, SpaceKind};
use crate::core::validate::space::{self, SpaceInput};
use crate::core::validate::{FieldErrors, FormField, Problem};
use crate::core::view::MunicipalityOption;
use crate::i18n::fields::Labelled;
use crate::i18n::Texts;
use crate::ui::lang::use_texts;
use leptos::prelude::*;

/// A form of one e-mail address ("send me a link", "add a manager") rendered again after a
/// failed post (provided in context): what was typed and what is wrong with it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EmailFormState {
    pub email: String,
    pub problem: Option<Problem>,
}

/// The address field of such a form, with its problem (from [`EmailFormState`] in context)
/// beside it; it takes the focus when there is one.
#[component]
pub fn EmailField(
    id: &'static str,
    label: String,
    #[prop(optional)] hint: Option<&'static str>,
    autocomplete: &'static str,
) -> impl IntoView {
    let t = use_texts();
    let state = use_context::<EmailFormState>().unwrap_or_default();
    let error = state.problem.map(|p| t.problem(p));
    let invalid = error.is_some();
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described = [
        invalid.then_some(error_id.as_str()),
        hint.map(|_| hint_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    view! {
        <div class="field" class:field--invalid=invalid>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id.clone()>{h}</p> })}
            {error.map(|e| view! { <p class="field__error" id=error_id.clone()>{e}</p> })}
            <input
                id=id
                name="email"
                type="email"
                autocomplete=autocomplete
                inputmode="email"
                required
                value=state.email
                aria-invalid=invalid.then_some("true")
                aria-describedby=(!described.is_empty()).then_some(described)
                autofocus=invalid
            />
        </div>
    }
}

/// A staff edit form rendered again after a failed post (provided in context).
#[derive(Debug, Clone, PartialEq)]
pub struct EditFormState<I, F> {
    pub input: I,
    pub errors: FieldErrors<F>,
    /// A colleague saved first: the record as saved now.
    pub conflict: Option<Conflict<I>>,
    /// The version the refused form was read at: kept through a re-render, so that a
    /// colleague's save in between is still detected.
    pub version: Option<i64>,
    /// The values the form was read at (serialised), kept through a re-render likewise.
    pub base: Option<String>,
    /// Brought back after a sign-in: the session had ended when the form was sent.
    pub resumed: bool,
}

impl<I: Default, F> Default for EditFormState<I, F> {
    fn default() -> Self {
        EditFormState {
            input: I::default(),
            errors: FieldErrors::default(),
            conflict: None,
            version: None,
            base: None,
            resumed: false,
        }
    }
}

/// The saved version of a record that changed while a colleague edited it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Conflict<I> {
    pub saved: I,
    pub version: i64,
}

/// A colleague saved first: the notice above the form, with the saved value of every field
/// that differs from what was typed (which stays in the form). It takes the focus. `mine` and
/// `saved` are the two versions' values, field by field in form order.
#[component]
pub fn ConflictNotice<F: Labelled>(
    title: &'static str,
    mine: Vec<(F, String)>,
    saved: Vec<(F, String)>,
) -> impl IntoView {
    let t = use_texts();
    let rows = mine
        .into_iter()
        .zip(saved)
        .filter(|((_, typed), (_, saved))| typed.trim() != saved.trim())
        .map(|(_, (f, value))| {
            let value = if value.trim().is_empty() {
                t.admin.import_none_value.to_owned()
            } else {
                value
            };
            view! {
                <dt>{t.field(f)}</dt>
                <dd>{value}</dd>
            }
        })
        .collect_view();
    view! {
        <div class="notice notice--error" role="alert" tabindex="-1" autofocus>
            <h2>{title}</h2>
            <p>{t.admin.conflict_body}</p>
            <p>{t.admin.conflict_saved_value}</p>
            <dl class="conflict-values">{rows}</dl>
        </div>
    }
}

/// The name of the "field" of a problem no one field explains: its page says it in a notice
/// of its own, so the summary does not repeat it.
const FORM_LEVEL: &str = "form";

/// The list of problems at the top of a form, each linking to its field; it takes the focus
/// when the page loads (`autofocus`), so keyboard and screen-reader users land on it.
#[component]
pub fn ErrorSummary<F: Labelled>(errors: FieldErrors<F>) -> impl IntoView {
    let t = use_texts();
    let beside_fields: Vec<_> = errors
        .0
        .iter()
        .filter(|(f, _)| f.name() != FORM_LEVEL)
        .collect();
    (!beside_fields.is_empty()).then(|| {
        let items = beside_fields
            .into_iter()
            .map(|(f, p)| {
                view! {
                    <li>
                        <a href=format!("#{}", f.name())>{format!("{}: {}", t.field(*f), t.problem(*p))}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="notice notice--error error-summary" role="alert" tabindex="-1" autofocus>
                <h2>{t.admin.fix_errors}</h2>
                <ul>{items}</ul>
            </div>
        }
    })
}

fn error_of<F: FormField>(
    t: &'static Texts,
    errors: &FieldErrors<F>,
    field: impl Into<F>,
) -> Option<String> {
    errors.get(field).map(|p| t.problem(p))
}

/// One text-like field with its label, hint and error.
#[component]
pub fn TextField<F: Labelled>(
    /// A field of the form, or of a form it contains (a space field in the join form).
    #[prop(into)]
    field: F,
    value: String,
    errors: FieldErrors<F>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] max: Option<usize>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<String>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    let t = use_texts();
    let name = field.name();
    let error = error_of(t, &errors, field);
    let invalid = error.is_some();
    let error_id = format!("{name}-error");
    // The field's own hint, and its limit beside it (counted down, or over, with JavaScript).
    // An empty hint given says neither.
    let silent = hint.as_deref() == Some("");
    let hint = hint.filter(|h| !h.is_empty());
    // A short field with a hint of its own keeps the limit unsaid until it is passed.
    let limit = max.filter(|_| !silent).map(|m| {
        if multiline || hint.is_none() {
            t.admin.max_chars(m)
        } else {
            String::new()
        }
    });
    // The error, then the hint and the limit: all read with the field.
    let hint_id = format!("{name}-hint");
    let count_id = format!("{name}-count");
    let described = [
        invalid.then(|| error_id.clone()),
        hint.is_some().then(|| hint_id.clone()),
        limit.is_some().then(|| count_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    // No `maxlength`: a browser would cut pasted text silently. Past the limit the text stays,
    // and the count (with JavaScript) or the server's check says so beside the field.
    let data_max = max.map(|m| m.to_string());
    let control = if multiline {
        view! {
            <textarea
                id=name
                name=name
                rows="4"
                data-max=data_max.clone()
                aria-invalid=invalid.then_some("true")
                aria-describedby=described
            >
                // Leptos writes a textarea's text as it is: escaped here.
                {crate::core::text::escape_rcdata(&value)}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=name
                name=name
                r#type=kind
                value=value
                data-max=data_max
                required=required
                autocomplete=autocomplete
                list=list
                aria-invalid=invalid.then_some("true")
                aria-describedby=described
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field--invalid=invalid>
            <label for=name>{t.field(field)} {required.then_some(" *")}</label>
            {error.map(|e| view! { <p class="field__error" id=error_id>{e}</p> })}
            {control}
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })}
            {limit.map(|l| view! { <p class="field__hint field__count" id=count_id>{l}</p> })}
        </div>
    }
}

/// The required consent to the privacy notice (public forms), with its error.
#[component]
pub fn PrivacyConsent(
    checked: bool,
    /// The consent's problem (the join and RSVP forms each have the field).
    problem: Option<Problem>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let t = use_texts();
    let error = problem.map(|p| t.problem(p));
    let invalid = error.is_some();
    view! {
        <div class="field" class:field--invalid=invalid>
            {error.map(|m| view! { <p class="field__error" id="consent_privacy-error">{m}</p> })}
            <div class="check">
                <input
                    type="checkbox"
                    id="consent_privacy"
                    name="consent_privacy"
                    checked=checked
                    required
                    aria-invalid=invalid.then_some("true")
                    aria-describedby=invalid.then_some("consent_privacy-error")
                />
                <label for="consent_privacy">{t.join.consent_privacy} " *"</label>
            </div>
            {children.map(|c| c())}
        </div>
    }
}

/// The kinds of a space, as a group of boxes with its error.
#[component]
pub fn KindChecks<F: FormField + From<space::Field>>(
    input: SpaceInput,
    errors: FieldErrors<F>,
) -> impl IntoView {
    let t = use_texts();
    let error = error_of(t, &errors, space::Field::Kinds);
    let described = error.is_some().then_some("kinds-error");
    let kinds = SpaceKind::ALL
        .into_iter()
        .map(|k| {
            let id = format!("kind_{}", k.code());
            view! {
                <div class="check">
                    <input type="checkbox" id=id.clone() name=id.clone() checked=input.has_kind(k) />
                    <label for=id>{t.kind(k)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field" id="kinds" aria-describedby=described>
            <legend>{t.field(space::Field::Kinds)} " *"</legend>
            {error.map(|e| view! { <p class="field__error" id="kinds-error">{e}</p> })}
            {kinds}
        </fieldset>
    }
}

/// The municipality, one of the 55, with its error.
#[component]
pub fn MunicipalitySelect<F: FormField + From<space::Field>>(
    selected: String,
    municipalities: Vec<MunicipalityOption>,
    errors: FieldErrors<F>,
    placeholder: &'static str,
) -> impl IntoView {
    let t = use_texts();
    let error = error_of(t, &errors, space::Field::Municipality);
    let invalid = error.is_some();
    let options = municipalities
        .into_iter()
        .map(|m| {
            let is = m.istat_code == selected;
            view! { <option value=m.istat_code selected=is>{m.name}</option> }
        })
        .collect_view();
    view! {
        <div class="field" class:field--invalid=invalid>
            <label for="municipality">{t.field(space::Field::Municipality)} " *"</label>
            {error.map(|e| view! { <p class="field__error" id="municipality-error">{e}</p> })}
            <select
                id="municipality"
                name="municipality"
                required
                aria-invalid=invalid.then_some("true")
                aria-describedby=invalid.then_some("municipality-error")
            >
                <option value="">{placeholder}</option>
                {options}
            </select>
        </div>
    }
}

/// The kind of organisation, with its error.
#[component]
pub fn OrganisationKindSelect<F: FormField + From<space::Field>>(
    selected: String,
    errors: FieldErrors<F>,
    required: bool,
    placeholder: &'static str,
) -> impl IntoView {
    let t = use_texts();
    let error = error_of(t, &errors, space::Field::OrganisationKind);
    let invalid = error.is_some();
    let options = OrganisationKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <option value=k.code() selected=selected == k.code()>
                    {t.organisation_kind(k)}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field" class:field--invalid=invalid>
            <label for="organisation_kind">
                {t.field(space::Field::OrganisationKind)} {required.then_some(" *")}
            </label>
            {error.map(|e| view! { <p class="field__error" id="organisation_kind-error">{e}</p> })}
            <select
                id="organisation_kind"
                name="organisation_kind"
                required=required
                aria-invalid=invalid.then_some("true")
                aria-describedby=invalid.then_some("organisation_kind-error")
            >
                <option value="">{placeholder}</option>
                {options}
            </select>
        </div>
    }
}

/// The form's signed "shown at" token (`backend::antirobot::form_token`), with how old it is as
/// the page is rendered (`data-age`, seconds): a form shown again keeps its first token, and
/// the helper in the browser counts the seconds already spent.
#[component]
pub fn StartedToken(token: String) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let age = token
        .split_once('.')
        .and_then(|(at, _)| at.parse::<i64>().ok())
        .map_or(0, |at| (crate::api::context::now() - at).max(0));
    #[cfg(not(feature = "ssr"))]
    let age = 0;
    view! { <input type="hidden" name="started" value=token data-age=age /> }
}
