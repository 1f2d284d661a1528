//! `/admin/spazi/{id}`: a space's staff page — the edit form (posting to this URL), the status
//! actions, and the audit trail. After a failed post the form comes back with what was typed
//! and each problem beside its field, listed in a summary that takes the focus.

use crate::api::context::StaffContext;
use crate::api::error::AppError;
use crate::api::staff_space_page;
use crate::core::model::{OrganisationKind, PositionPrecision, SpaceKind, SpaceStatus};
use crate::core::validate::{Field, FieldErrors, SpaceInput};
use crate::core::view::{MunicipalityOption, StaffSpacePage};
use crate::i18n::Texts;
use crate::pages::not_found::ErrorNotice;
use crate::use_texts;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// Provided in context when the form is rendered again after a failed post.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpaceFormState {
    pub input: SpaceInput,
    pub errors: FieldErrors,
    /// A colleague saved first: the space as saved now.
    pub conflict: Option<SpaceConflict>,
    /// The version the refused form was read at: kept through a re-render, so that a
    /// colleague's save in between is still detected.
    pub version: Option<i64>,
    /// The values the form was read at (serialised), kept through a re-render likewise.
    pub base: Option<String>,
    /// Brought back after a sign-in: the session had ended when the form was sent.
    pub resumed: bool,
}

/// The saved version of a space that changed while a colleague edited it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpaceConflict {
    pub saved: SpaceInput,
    pub version: i64,
}

/// The fields whose values differ between two versions of the form, with the second's value.
fn differing(mine: &SpaceInput, saved: &SpaceInput) -> Vec<(Field, String)> {
    let kinds = |i: &SpaceInput| {
        [
            (SpaceKind::Coworking, &i.kind_coworking),
            (SpaceKind::Fablab, &i.kind_fablab),
            (
                SpaceKind::IncubatorAccelerator,
                &i.kind_incubator_accelerator,
            ),
        ]
        .into_iter()
        .filter(|(_, on)| on.is_some())
        .map(|(k, _)| k.code())
        .collect::<Vec<_>>()
        .join(", ")
    };
    let pairs = [
        (Field::Name, mine.name.clone(), saved.name.clone()),
        (Field::Kinds, kinds(mine), kinds(saved)),
        (
            Field::Description,
            mine.description.clone(),
            saved.description.clone(),
        ),
        (Field::Address, mine.address.clone(), saved.address.clone()),
        (
            Field::Municipality,
            mine.municipality.clone(),
            saved.municipality.clone(),
        ),
        (Field::Lat, mine.lat.clone(), saved.lat.clone()),
        (Field::Lon, mine.lon.clone(), saved.lon.clone()),
        (
            Field::Precision,
            mine.precision.clone(),
            saved.precision.clone(),
        ),
        (Field::Website, mine.website.clone(), saved.website.clone()),
        (Field::Email, mine.email.clone(), saved.email.clone()),
        (Field::Phone, mine.phone.clone(), saved.phone.clone()),
        (
            Field::Organisation,
            mine.organisation.clone(),
            saved.organisation.clone(),
        ),
        (
            Field::OrganisationKind,
            mine.organisation_kind.clone(),
            saved.organisation_kind.clone(),
        ),
        (
            Field::OrganisationWebsite,
            mine.organisation_website.clone(),
            saved.organisation_website.clone(),
        ),
        (
            Field::OrganisationDescription,
            mine.organisation_description.clone(),
            saved.organisation_description.clone(),
        ),
        (
            Field::OpeningHours,
            mine.opening_hours.clone(),
            saved.opening_hours.clone(),
        ),
        (
            Field::Services,
            mine.services.clone(),
            saved.services.clone(),
        ),
    ];
    pairs
        .into_iter()
        .filter(|(_, a, b)| a.trim() != b.trim())
        .map(|(f, _, b)| (f, b))
        .collect()
}

#[component]
pub fn SpaceEditPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let (saved, stale) = use_query_map().with_untracked(|q| {
        (
            q.get_str("salvato").is_some(),
            q.get_str("superato").is_some(),
        )
    });
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let here = format!("/admin/spazi/{}", id.unwrap_or_default());
                    let staff = match crate::pages::admin::staff_gate(&here).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let Some(id) = id else {
                        return view! { <ErrorNotice err=AppError::NotFound /> }.into_any();
                    };
                    match staff_space_page(id).await {
                        Ok(page) => view! { <Editor staff page saved stale /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Editor(staff: StaffContext, page: StaffSpacePage, saved: bool, stale: bool) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let state = use_context::<SpaceFormState>();
    let resumed = state.as_ref().is_some_and(|s| s.resumed);
    let (input, errors, conflict, posted, base) = match state {
        Some(s) => (s.input, s.errors, s.conflict, s.version, s.base),
        None => (page.input.clone(), FieldErrors::default(), None, None, None),
    };
    let base = base.unwrap_or_else(|| page.base.clone());
    // The version the form was read at: after a conflict, the saved one (saving again is
    // then a choice made with both versions in view); after refused input, the one posted.
    let version = conflict
        .as_ref()
        .map(|c| c.version)
        .or(posted)
        .unwrap_or(page.version);
    let conflict = conflict.map(|c| {
        view! { <ConflictNotice title=a.conflict_title differing=differing(&input, &c.saved) /> }
    });
    let action = format!("/admin/spazi/{}", page.id);
    let status_action = format!("/admin/spazi/{}/stato", page.id);
    // The status buttons belong to the edit form (`formaction`): what was typed goes with
    // them and is saved first, never dropped.
    let status_button = |s: SpaceStatus, label: &'static str, class: &'static str| {
        view! {
            <button type="submit" class=class formaction=status_action.clone() name="stato" value=s.code()>
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
        <crate::pages::admin::AdminBar staff=staff.clone() />
        <nav class="breadcrumb" aria-label="breadcrumb">
            <a href="/admin">{a.area}</a>
        </nav>
        <h1>{page.input.name.clone()}</h1>
        <p>
            {a.status} ": "
            <span class=format!("status status--{}", page.status.code())>{a.status(page.status)}</span>
            {(page.status == SpaceStatus::Published).then(|| view! {
                " · " <a href=format!("/spazi/{}", page.slug)>{a.public_page}</a>
            })}
        </p>
        {page.request.clone().map(|(request, reference, _)| view! {
            <p>
                {a.from_request} ": "
                <a href=format!("/admin/adesioni/{request}")>{reference}</a>
            </p>
        })}
        {saved.then(|| view! { <p class="notice" role="status">{a.saved}</p> })}
        {stale.then(|| view! { <p class="notice notice--error" role="alert">{a.status_stale}</p> })}
        {resumed.then(|| view! { <p class="notice notice--error" role="alert">{a.resumed}</p> })}
        {conflict}
        <ErrorSummary errors=errors.clone() />
        <form class="form form--wide" method="post" action=action novalidate>
            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
            <input type="hidden" name="version" value=version />
            <input type="hidden" name="base" value=base />
            <input type="hidden" name="modulo" value="1" />
            <SpaceFields input errors municipalities=page.municipalities.clone() />
            // Saving comes first in the form: Enter in a field saves, never changes status.
            <button type="submit" class="btn btn--primary">{a.save}</button>
            <h2>{a.status}</h2>
            <div class="status-actions">{status_buttons}</div>
        </form>
        <h2>{a.history}</h2>
        <AuditTable entries=page.audit.clone() />
    }
}

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

/// The fields of a space (shared by staff editing and the join form's building blocks).
#[component]
pub fn SpaceFields(
    input: SpaceInput,
    errors: FieldErrors,
    municipalities: Vec<MunicipalityOption>,
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
        let settings = use_context::<crate::map::MapSettings>().unwrap_or_default();
        view! { <crate::map::PinPicker lat lon settings lang=t.lang /> }
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
            <TextField field=Field::OrganisationDescription value=input.organisation_description.clone() errors=errors max=crate::core::validate::DESCRIPTION_MAX multiline=true />
        </fieldset>
    }
}

/// A moment as staff pages show it (UTC, to the minute).
pub fn when(at: i64) -> String {
    let (y, m, d) = crate::core::text::civil_date(at);
    let secs = at.rem_euclid(86_400);
    format!(
        "{d:02}/{m:02}/{y} {:02}:{:02} UTC",
        secs / 3600,
        secs % 3600 / 60
    )
}

/// An audit trail; with `subjects` (id, name) a column names the record of each entry.
#[component]
pub fn AuditTable(
    entries: Vec<crate::core::view::AuditView>,
    #[prop(optional)] subjects: Vec<(i64, String)>,
) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let with_subject = !subjects.is_empty();
    if entries.is_empty() {
        return view! { <p>{a.no_history}</p> }.into_any();
    }
    let rows = entries
        .into_iter()
        .map(|e| {
            let when = when(e.at);
            let changes = e
                .changes
                .into_iter()
                .map(|(field, before, after)| view! { <li><code>{field}</code> ": " {before} " → " {after}</li> })
                .collect_view();
            let subject = with_subject.then(|| {
                let name = e
                    .entity_id
                    .and_then(|id| subjects.iter().find(|(s, _)| *s == id))
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default();
                view! { <td>{name}</td> }
            });
            view! {
                <tr>
                    <td>{when}</td>
                    <td>{e.actor}</td>
                    {subject}
                    <td>{a.action(&e.action)}</td>
                    <td><ul class="changes">{changes}</ul></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table audit">
                <thead>
                    <tr>
                        <th scope="col">{a.when}</th>
                        <th scope="col">{a.who}</th>
                        {with_subject.then(|| view! { <th scope="col">{a.account}</th> })}
                        <th scope="col">{a.what}</th>
                        <th scope="col">{a.changes}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
