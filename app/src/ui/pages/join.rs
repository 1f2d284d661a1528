//! `/aderisci` (English twin `/join`): a space joins the Forum, phone first — one page in
//! sections, posting to its own URL (see `crate::join`); with errors the page comes back with
//! everything typed and each problem beside its field, listed in a summary that takes the
//! focus. `/aderisci/inviata/{reference}`: the confirmation with the reference code.

use crate::api::error::AppError;
use crate::api::{join_form, join_sent};
use crate::core::model::Need;
use crate::core::paths;
use crate::core::validate::join::{
    Field, JoinInput, HOURS_MAX, ROLE_MAX, SERVICES_MAX, SURVEY_MAX,
};
use crate::core::validate::space::Field as S;
use crate::core::validate::FieldErrors;
use crate::core::view::MunicipalityOption;
use crate::ui::components::form::{
    ErrorSummary, KindChecks, MunicipalitySelect, OrganisationKindSelect, PrivacyConsent, TextField,
};
use crate::ui::lang::{link, use_texts};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

/// Provided in context when the form is rendered again after a refused post.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JoinFormState {
    pub input: JoinInput,
    pub errors: FieldErrors<Field>,
    /// The form's original "shown at" token, when it was genuine: a form sent back for
    /// corrections keeps it, so fixing a typo is not slowed by the minimum fill time.
    pub started: Option<String>,
}

#[component]
pub fn JoinPage() -> impl IntoView {
    let j = use_texts().join;
    view! {
        <Title text=j.title />
        <Meta name="description" content=j.intro />
        <div class="container page page--form">
            <h1>{j.title}</h1>
            <p class="lead">{j.intro}</p>
            <p>{j.time_needed} " " {j.required_note}</p>
            <Suspense>
                {Suspend::new(async move {
                    match join_form().await {
                        Ok((municipalities, token)) => {
                            view! { <JoinForm municipalities token /> }.into_any()
                        }
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

fn error_text(errors: &FieldErrors<Field>, field: Field) -> Option<String> {
    errors.get(field).map(|p| use_texts().problem(p))
}

#[component]
fn JoinForm(municipalities: Vec<MunicipalityOption>, token: String) -> impl IntoView {
    let t = use_texts();
    let j = t.join;
    let state = use_context::<JoinFormState>().unwrap_or_default();
    let (input, errors) = (state.input, state.errors);
    let token = state.started.unwrap_or(token);
    let s = input.space.clone();
    let form_error = error_text(&errors, Field::Form);

    let needs = Need::ALL
        .into_iter()
        .map(|n| {
            let id = format!("need_{}", n.code());
            view! {
                <div class="check">
                    <input type="checkbox" id=id.clone() name=id.clone() checked=input.has_need(n) />
                    <label for=id>{j.need(n)}</label>
                </div>
            }
        })
        .collect_view();
    let pin = {
        let parse = |v: &str| v.trim().replace(',', ".").parse::<f64>().ok();
        let (lat, lon) = match (parse(&s.lat), parse(&s.lon)) {
            (Some(lat), Some(lon)) if crate::core::validate::in_metro_area(lat, lon) => (lat, lon),
            _ => (44.4949, 11.3426),
        };
        let settings = use_context::<crate::ui::islands::map::MapSettings>().unwrap_or_default();
        view! { <crate::ui::islands::map::PinPicker lat lon settings lang=t.lang /> }
    };
    let e = || errors.clone();
    view! {
        {form_error
            .map(|m| {
                view! {
                    <div class="notice notice--error" role="alert" id="form" tabindex="-1" autofocus>
                        <p>{m}</p>
                    </div>
                }
            })}
        <ErrorSummary errors=errors.clone() />
        <form class="form form--join" id="join-form" method="post" action=link(paths::JOIN) novalidate>
            <crate::ui::components::form::StartedToken token />
            // A field people never see; robots that fill every field give themselves away.
            <div class="visually-hidden" aria-hidden="true">
                <label for="fax">{j.honeypot}</label>
                <input id="fax" name="fax" type="text" tabindex="-1" autocomplete="off" />
            </div>
            <fieldset>
                <legend>{j.section_space}</legend>
                <TextField field=S::Name value=s.name.clone() errors=e() max=crate::core::validate::NAME_MAX required=true />
                <KindChecks input=s.clone() errors=e() />
                <TextField field=S::Description value=s.description.clone() errors=e() max=crate::core::validate::DESCRIPTION_MAX multiline=true />
                <TextField field=S::Services value=s.services.clone() errors=e() max=SERVICES_MAX multiline=true />
                <TextField field=S::OpeningHours value=s.opening_hours.clone() errors=e() max=HOURS_MAX multiline=true />
            </fieldset>
            <fieldset>
                <legend>{j.section_position}</legend>
                <TextField field=S::Address value=s.address.clone() errors=e() max=crate::core::validate::ADDRESS_MAX autocomplete="street-address" />
                <MunicipalitySelect selected=s.municipality.clone() municipalities errors=e() placeholder=j.choose />
                <p class="field__hint">{j.position_hint}</p>
                <crate::ui::islands::join_assist::JoinAssist lang=t.lang mode=crate::ui::islands::join_assist::AssistMode::Form />
                {pin}
                <div class="field-row">
                    <TextField field=S::Lat value=s.lat.clone() errors=e() kind="text" />
                    <TextField field=S::Lon value=s.lon.clone() errors=e() kind="text" />
                </div>
            </fieldset>
            <fieldset>
                <legend>{j.section_contacts}</legend>
                <p class="field__hint">{j.section_contacts_hint}</p>
                <TextField field=S::Website value=s.website.clone() errors=e() kind="url" max=crate::core::validate::URL_MAX autocomplete="url" />
                <TextField field=S::Email value=s.email.clone() errors=e() kind="email" max=crate::core::validate::EMAIL_MAX />
                <TextField field=S::Phone value=s.phone.clone() errors=e() kind="tel" max=crate::core::validate::PHONE_MAX />
            </fieldset>
            <fieldset>
                <legend>{j.section_organisation}</legend>
                <TextField field=S::Organisation value=s.organisation.clone() errors=e() max=crate::core::validate::ORGANISATION_MAX required=true autocomplete="organization" />
                <OrganisationKindSelect selected=s.organisation_kind.clone() errors=e() required=true placeholder=j.choose />
                <TextField field=Field::OrganisationTaxCode value=input.organisation_tax_code.clone() errors=e() max=20 />
                <TextField field=S::OrganisationWebsite value=s.organisation_website.clone() errors=e() kind="url" max=crate::core::validate::URL_MAX />
                <TextField field=S::OrganisationDescription value=s.organisation_description.clone() errors=e() max=crate::core::validate::DESCRIPTION_MAX multiline=true />
            </fieldset>
            <fieldset>
                <legend>{j.section_person}</legend>
                <p class="field__hint">{j.section_person_hint}</p>
                <TextField field=Field::ContactName value=input.contact_name.clone() errors=e() max=crate::core::validate::NAME_MAX required=true autocomplete="name" />
                <TextField field=Field::ContactRole value=input.contact_role.clone() errors=e() max=ROLE_MAX autocomplete="organization-title" />
                <TextField field=Field::ContactEmail value=input.contact_email.clone() errors=e() kind="email" max=crate::core::validate::EMAIL_MAX required=true autocomplete="email" />
                <TextField field=Field::ContactPhone value=input.contact_phone.clone() errors=e() kind="tel" max=crate::core::validate::PHONE_MAX autocomplete="tel" />
            </fieldset>
            <fieldset>
                <legend>{j.section_survey}</legend>
                <p class="field__hint">{j.section_survey_hint}</p>
                <fieldset class="field" id="needs">
                    <legend>{t.field(Field::Needs)}</legend>
                    {error_text(&errors, Field::Needs).map(|m| view! { <p class="field__error">{m}</p> })}
                    {needs}
                </fieldset>
                <TextField field=Field::NeedsOther value=input.needs_other.clone() errors=e() max=SURVEY_MAX multiline=true />
                <TextField field=Field::Vision value=input.vision.clone() errors=e() max=SURVEY_MAX multiline=true />
            </fieldset>
            <fieldset>
                <legend>{j.section_privacy}</legend>
                <p>
                    <a href=link(paths::PRIVACY) target="_blank" rel="noopener">{j.privacy_link}</a>
                </p>
                <PrivacyConsent checked=input.consent_privacy.is_some() problem=errors.get(Field::ConsentPrivacy) />
                <div class="check">
                    <input
                        type="checkbox"
                        id="consent_contact"
                        name="consent_contact"
                        checked=input.consent_contact.is_some()
                    />
                    <label for="consent_contact">{j.consent_contact}</label>
                </div>
            </fieldset>
            <button type="submit" class="btn btn--primary btn--block">{j.submit}</button>
        </form>
    }
}

#[component]
pub fn JoinSentPage() -> impl IntoView {
    let j = use_texts().join;
    let reference = use_params_map().with_untracked(|p| p.get("reference").unwrap_or_default());
    view! {
        <Title text=j.sent_title />
        <div class="container page page--narrow">
            <Suspense>
                {Suspend::new(async move {
                    match join_sent(reference.clone()).await {
                        Ok((space, municipality)) => {
                            view! {
                                <div class="notice notice--success" role="status">
                                    <h1>{j.sent_title}</h1>
                                    <p>{(j.sent_body)(&space, &municipality)}</p>
                                    <p class="reference">
                                        {j.sent_reference} ": " <strong>{reference.clone()}</strong>
                                    </p>
                                </div>
                                <p>{j.sent_next}</p>
                                <crate::ui::islands::join_assist::JoinAssist
                                    lang=use_texts().lang
                                    mode=crate::ui::islands::join_assist::AssistMode::Sent
                                />
                                <p>
                                    <a class="btn btn--primary" href=link(paths::HOME)>{j.sent_back}</a>
                                </p>
                            }
                                .into_any()
                        }
                        Err(err) => view! { <ErrorNotice err=if err == AppError::NotFound { err } else { AppError::Unavailable } /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
