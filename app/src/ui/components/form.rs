//! The form pieces every form shares: fields with their error beside them, the error summary,
//! the consent checkbox, kinds, municipality and organisation choosers, the notice of a
//! colleague's conflicting save.

use crate::core::model::{OrganisationKind, SpaceKind};
use crate::core::validate::{Field, FieldErrors, SpaceInput};
use crate::core::view::MunicipalityOption;
use crate::i18n::Texts;
use crate::ui::lang::use_texts;
use leptos::prelude::*;

/// A colleague saved first: the notice above the form, with the saved value of every field
/// that differs from what was typed (which stays in the form). It takes the focus.
#[component]
pub fn ConflictNotice(title: &'static str, differing: Vec<(Field, String)>) -> impl IntoView {
    let t = use_texts();
    let rows = differing
        .into_iter()
        .map(|(f, value)| {
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

/// The list of problems at the top of a form, each linking to its field; it takes the focus
/// when the page loads (`autofocus`), so keyboard and screen-reader users land on it.
#[component]
pub fn ErrorSummary(errors: FieldErrors) -> impl IntoView {
    let t = use_texts();
    (!errors.is_empty()).then(|| {
        let items = errors
            .0
            .iter()
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

fn error_of(t: &'static Texts, errors: &FieldErrors, field: Field) -> Option<String> {
    errors.get(field).map(|p| t.problem(p))
}

/// One text-like field with its label, hint and error.
#[component]
pub fn TextField(
    field: Field,
    value: String,
    errors: FieldErrors,
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
    let described = invalid.then(|| error_id.clone());
    let control = if multiline {
        view! {
            <textarea
                id=name
                name=name
                rows="4"
                maxlength=max
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
                maxlength=max
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
            {hint
                .or_else(|| max.map(|m| t.admin.max_chars(m)))
                .filter(|h| !h.is_empty())
                .map(|h| view! { <p class="field__hint">{h}</p> })}
        </div>
    }
}

/// The required consent to the privacy notice (public forms), with its error.
#[component]
pub fn PrivacyConsent(
    checked: bool,
    errors: FieldErrors,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let t = use_texts();
    let error = error_of(t, &errors, Field::ConsentPrivacy);
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
pub fn KindChecks(input: SpaceInput, errors: FieldErrors) -> impl IntoView {
    let t = use_texts();
    let error = error_of(t, &errors, Field::Kinds);
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
            <legend>{t.field(Field::Kinds)} " *"</legend>
            {error.map(|e| view! { <p class="field__error" id="kinds-error">{e}</p> })}
            {kinds}
        </fieldset>
    }
}

/// The municipality, one of the 55, with its error.
#[component]
pub fn MunicipalitySelect(
    selected: String,
    municipalities: Vec<MunicipalityOption>,
    errors: FieldErrors,
    placeholder: &'static str,
) -> impl IntoView {
    let t = use_texts();
    let error = error_of(t, &errors, Field::Municipality);
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
            <label for="municipality">{t.field(Field::Municipality)} " *"</label>
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
pub fn OrganisationKindSelect(
    selected: String,
    errors: FieldErrors,
    required: bool,
    placeholder: &'static str,
) -> impl IntoView {
    let t = use_texts();
    let error = error_of(t, &errors, Field::OrganisationKind);
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
                {t.field(Field::OrganisationKind)} {required.then_some(" *")}
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
