//! `/admin/spazi/{id}`: a space's staff page — the edit form (posting to this URL), the status
//! actions, and the audit trail. After a failed post the form comes back with what was typed
//! and each problem beside its field, listed in a summary that takes the focus.

use crate::api::context::StaffContext;
use crate::api::error::AppError;
use crate::api::staff_space_page;
use crate::core::model::PhotoSize;
use crate::core::model::{PositionPrecision, SpaceStatus};
use crate::core::paths;
use crate::core::validate::space::{Field, SpaceInput};
use crate::core::validate::FieldErrors;
use crate::core::view::{MunicipalityOption, StaffSpacePage};
use crate::ui::components::audit::AuditTable;
use crate::ui::components::form::{
    Conflict, ConflictNotice, EditFormState, ErrorSummary, KindChecks, MunicipalitySelect,
    OrganisationKindSelect, TextField,
};
use crate::ui::lang::use_texts;
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// Provided in context when the space form is rendered again after a failed post.
pub type SpaceFormState = EditFormState<SpaceInput, Field>;

/// The saved version of a space that changed while a colleague edited it.
pub type SpaceConflict = Conflict<SpaceInput>;

#[component]
pub fn SpaceEditPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let (saved, stale, from_request) = use_query_map().with_untracked(|q| {
        (
            q.get_str("salvato").is_some(),
            q.get_str("superato").is_some(),
            q.get_str(paths::FROM_REQUEST.0) == Some(paths::FROM_REQUEST.1),
        )
    });
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let here = paths::admin_space(id.unwrap_or_default());
                    let staff = match crate::ui::pages::admin::staff_gate(&here).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let Some(id) = id else {
                        return view! { <ErrorNotice err=AppError::NotFound /> }.into_any();
                    };
                    match staff_space_page(id).await {
                        Ok(page) => view! { <Editor staff page saved stale from_request /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Editor(
    staff: StaffContext,
    page: StaffSpacePage,
    saved: bool,
    stale: bool,
    /// Opened from its join request: saving goes back there.
    from_request: bool,
) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let state = use_context::<SpaceFormState>();
    let resumed = state.as_ref().is_some_and(|s| s.resumed);
    let (input, errors, conflict, posted, base) = match state {
        Some(s) => (s.input, s.errors, s.conflict, s.version, s.base),
        None => (page.input.clone(), FieldErrors::default(), None, None, None),
    };
    let base = base.unwrap_or_else(|| page.base.clone());
    let photo = PhotoField {
        at: paths::ADMIN_PHOTO,
        saved: Some(page.input.photo.clone()).filter(|p| !p.is_empty()),
    };
    // The version the form was read at: after a conflict, the saved one (saving again is
    // then a choice made with both versions in view); after refused input, the one posted.
    let version = conflict
        .as_ref()
        .map(|c| c.version)
        .or(posted)
        .unwrap_or(page.version);
    let conflict = conflict.map(|c| {
        view! { <ConflictNotice title=a.conflict_title mine=input.values() saved=c.saved.values() /> }
    });
    let action = if from_request && page.request.is_some() {
        paths::admin_space_from_request(page.id)
    } else {
        paths::admin_space(page.id)
    };
    let status_action = paths::admin_space_status(page.id);
    // The status buttons belong to the edit form (`formaction`): what was typed goes with
    // them and is saved first, never dropped.
    let status_button = |s: SpaceStatus, label: &'static str, class: &'static str| {
        view! {
            <button type="submit" class=class formaction=status_action.clone() formenctype="application/x-www-form-urlencoded" name="stato" value=s.code()>
                {label}
            </button>
        }
    };
    let on_map = page.status == SpaceStatus::Published;
    let approves = page.request.as_ref().filter(|r| r.2).map(|r| r.1.clone());
    let status_buttons = [
        SpaceStatus::Published,
        SpaceStatus::Pending,
        SpaceStatus::Archived,
    ]
    .into_iter()
    .filter(|s| *s != page.status)
    .map(|s| match s {
        SpaceStatus::Published => view! {
            {status_button(s, a.publish, "btn btn--outline")}
            {approves.clone().map(|reference| view! {
                <p class="field__hint">{(a.publish_approves)(&reference)}</p>
            })}
        }
        .into_any(),
        // Taking a space off the map opens a second step that says so first.
        _ => {
            let (step, effect, confirm) = if s == SpaceStatus::Archived {
                (a.archive_step, a.archive_effect, a.archive_confirm)
            } else {
                (a.unpublish_step, a.unpublish_effect, a.unpublish_confirm)
            };
            view! {
                <details class="confirm">
                    <summary class="btn btn--outline">{step}</summary>
                    {on_map.then(|| view! { <p>{a.off_map_effect}</p> })}
                    <p>{effect}</p>
                    {status_button(s, confirm, "btn btn--danger")}
                </details>
            }
            .into_any()
        }
    })
    .collect_view();
    view! {
        <Title text=format!("{} – {}", page.input.name, a.area) />
        <crate::ui::pages::admin::AdminBar staff=staff.clone() />
        <nav class="breadcrumb" aria-label=crate::ui::lang::use_texts().breadcrumb>
            <a href=paths::ADMIN>{a.area}</a>
        </nav>
        <h1>{page.input.name.clone()}</h1>
        <p>
            {a.status} ": "
            <span class=format!("status status--{}", page.status.code())>{a.status(page.status)}</span>
            {(page.status == SpaceStatus::Published).then(|| view! {
                " · " <a href=paths::space(&page.slug)>{a.public_page}</a>
            })}
        </p>
        {page.request.clone().map(|(request, reference, _)| view! {
            <p>
                {a.from_request} ": "
                <a href=paths::submission(request)>{reference}</a>
            </p>
        })}
        {(!page.merged.is_empty()).then(|| {
            let links = page
                .merged
                .iter()
                .enumerate()
                .map(|(i, (request, reference))| view! {
                    {(i > 0).then_some(", ")}
                    <a href=paths::submission(*request)>{reference.clone()}</a>
                })
                .collect_view();
            view! { <p>{a.merged_requests} ": " {links}</p> }
        })}
        <p>
            {t.managers.staff_title} ": "
            {if page.managers.is_empty() {
                t.managers.staff_none.to_owned()
            } else {
                page.managers.iter().map(|m| m.email.as_str()).collect::<Vec<_>>().join(", ")
            }}
            " · " <a href=paths::admin_space_managers(page.id)>{t.managers.staff_edit}</a>
        </p>
        {saved.then(|| view! { <p class="notice" role="status">{a.saved}</p> })}
        {stale.then(|| view! { <p class="notice notice--error" role="alert">{a.status_stale}</p> })}
        {resumed.then(|| view! { <p class="notice notice--error" role="alert">{a.resumed}</p> })}
        {conflict}
        <ErrorSummary errors=errors.clone() />
        <form class="form form--wide" method="post" action=action enctype="multipart/form-data" novalidate>
            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
            <input type="hidden" name="version" value=version />
            <input type="hidden" name="base" value=base />
            <input type="hidden" name="modulo" value="1" />
            <SpaceFields input errors municipalities=page.municipalities.clone() photo=photo />
            // Saving comes first in the form: Enter in a field saves, never changes status.
            <button type="submit" class="btn btn--primary">{a.save}</button>
            <h2>{a.status}</h2>
            <div class="status-actions">{status_buttons}</div>
        </form>
        <h2>{a.history}</h2>
        <AuditTable
            entries=page.audit.clone()
            names=crate::ui::components::audit::Names {
                towns: page.municipalities.iter().map(|m| (m.istat_code.clone(), m.name.clone())).collect(),
                ..Default::default()
            }
        />
    }
}

/// Where a space form's photo comes from: the address pattern its preview is read at (staff
/// and managers see a photo not yet published), and the listing's photo as stored.
#[derive(Clone, Debug)]
pub struct PhotoField {
    pub at: &'static str,
    pub saved: Option<String>,
}

/// The photo's part of a space form (the form is `multipart/form-data`): the photo now, a file
/// to replace it, its text alternative, and a box to take it away. Last in the form, so that
/// a file over the limit leaves every field before it readable (`web::forms::space_photo`).
#[component]
fn PhotoFields(input: SpaceInput, errors: FieldErrors<Field>, photo: PhotoField) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let problem = errors.get(Field::Photo);
    let error = problem.map(|p| t.problem(p));
    let invalid = error.is_some();
    let described = if invalid {
        "photo-error photo-hint"
    } else {
        "photo-hint"
    };
    // A name the server no longer has (said beside the field): nothing to show.
    let missing = problem == Some(crate::core::validate::Problem::PhotoMissing);
    let has = !input.photo.is_empty() && !missing;
    let uploaded = has && photo.saved.as_deref() != Some(input.photo.as_str());
    let preview = has.then(|| {
        let src = crate::core::paths::photo_at(photo.at, &input.photo, PhotoSize::Card);
        view! {
            <img class="photo-preview" src=src alt=input.photo_alt.clone() width="360" height="240" />
            {uploaded.then(|| view! { <p class="notice" role="status">{a.photo_uploaded}</p> })}
        }
    });
    // The file comes last: a file over the limit cuts the post there, and every field before
    // it is still read (`web::forms::space_photo`).
    view! {
        <fieldset>
            <legend>{a.section_photo}</legend>
            <input type="hidden" name="photo" value=input.photo.clone() />
            {preview}
            <TextField field=Field::PhotoAlt value=input.photo_alt.clone() errors=errors.clone() max=crate::core::validate::PHOTO_ALT_MAX hint=a.photo_alt_hint.to_owned() />
            {has.then(|| view! {
                <div class="field">
                    <div class="check">
                        <input type="checkbox" id="photo_remove" name="photo_remove" value="1" />
                        <label for="photo_remove">{a.photo_remove}</label>
                    </div>
                </div>
            })}
            <div class="field" class:field--invalid=invalid>
                <label for="photo_file">{if has { a.photo_replace } else { a.photo_choose }}</label>
                {error.map(|e| view! { <p class="field__error" id="photo-error">{e}</p> })}
                <input
                    id="photo_file"
                    name="photo_file"
                    r#type="file"
                    accept="image/jpeg,image/png,image/webp"
                    aria-invalid=invalid.then_some("true")
                    aria-describedby=described
                />
                <p class="field__hint" id="photo-hint">{a.photo_hint}</p>
            </div>
        </fieldset>
    }
}

/// The fields of a space (shared by staff editing and the join form's building blocks); the
/// photo's too when `photo` says where it is seen.
#[component]
pub fn SpaceFields(
    input: SpaceInput,
    errors: FieldErrors<Field>,
    municipalities: Vec<MunicipalityOption>,
    #[prop(optional)] photo: Option<PhotoField>,
) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let precision_options = PositionPrecision::ALL
        .into_iter()
        .map(|p| {
            view! {
                <option value=p.code() selected=input.precision == p.code()>
                    {a.precision(p)}
                </option>
            }
        })
        .collect_view();
    let pin = {
        let parse = |v: &str| v.trim().replace(',', ".").parse::<f64>().ok();
        let (lat, lon) = match (parse(&input.lat), parse(&input.lon)) {
            (Some(lat), Some(lon)) if crate::core::validate::in_metro_area(lat, lon) => (lat, lon),
            _ => (44.4949, 11.3426), // Bologna
        };
        let settings = use_context::<crate::ui::islands::map::MapSettings>().unwrap_or_default();
        view! { <crate::ui::islands::map::PinPicker lat lon settings lang=t.lang /> }
    };
    view! {
        <fieldset>
            <legend>{a.section_space}</legend>
            <TextField field=Field::Name value=input.name.clone() errors=errors.clone() max=crate::core::validate::NAME_MAX required=true />
            <KindChecks input=input.clone() errors=errors.clone() />
            <TextField field=Field::Description value=input.description.clone() errors=errors.clone() max=crate::core::validate::DESCRIPTION_MAX multiline=true />
            <TextField field=Field::Services value=input.services.clone() errors=errors.clone() max=crate::core::validate::SERVICES_MAX multiline=true />
            <TextField field=Field::OpeningHours value=input.opening_hours.clone() errors=errors.clone() max=crate::core::validate::HOURS_MAX multiline=true />
        </fieldset>
        <fieldset>
            <legend>{a.section_position}</legend>
            <TextField field=Field::Address value=input.address.clone() errors=errors.clone() max=crate::core::validate::ADDRESS_MAX autocomplete="street-address" />
            <MunicipalitySelect selected=input.municipality.clone() municipalities errors=errors.clone() placeholder=a.choose />
            {pin}
            <div class="field-row">
                <TextField field=Field::Lat value=input.lat.clone() errors=errors.clone() required=true />
                <TextField field=Field::Lon value=input.lon.clone() errors=errors.clone() required=true />
            </div>
            <div class="field">
                <label for="precision">{t.field(Field::Precision)}</label>
                <select id="precision" name="precision">{precision_options}</select>
            </div>
        </fieldset>
        <fieldset>
            <legend>{a.section_contacts}</legend>
            <TextField field=Field::Website value=input.website.clone() errors=errors.clone() kind="url" max=crate::core::validate::URL_MAX autocomplete="url" />
            <TextField field=Field::Email value=input.email.clone() errors=errors.clone() kind="email" max=crate::core::validate::EMAIL_MAX autocomplete="email" />
            <TextField field=Field::Phone value=input.phone.clone() errors=errors.clone() kind="tel" max=crate::core::validate::PHONE_MAX autocomplete="tel" />
        </fieldset>
        <fieldset>
            <legend>{a.section_organisation}</legend>
            <TextField field=Field::Organisation value=input.organisation.clone() errors=errors.clone() max=crate::core::validate::ORGANISATION_MAX autocomplete="organization" />
            <OrganisationKindSelect selected=input.organisation_kind.clone() errors=errors.clone() required=false placeholder=a.not_given />
            <TextField field=Field::OrganisationWebsite value=input.organisation_website.clone() errors=errors.clone() kind="url" max=crate::core::validate::URL_MAX />
            <TextField field=Field::OrganisationDescription value=input.organisation_description.clone() errors=errors.clone() max=crate::core::validate::DESCRIPTION_MAX multiline=true />
        </fieldset>
        {photo.map(|photo| view! { <PhotoFields input=input.clone() errors photo /> })}
    }
}
