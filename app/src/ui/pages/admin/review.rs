//! `/admin/adesioni`: the join requests, waiting ones first. `/admin/adesioni/{id}`: one
//! request — the space (with a map and a link to correct it), the organisation, the contact,
//! the survey answers, possible duplicates — and the decision form (posting to this URL).
//! `/admin/questionario`: the survey's answers aggregated, with the CSV export.

use crate::api::context::StaffContext;
use crate::api::{staff_submission, staff_submissions, staff_survey};
use crate::core::datetime::local_minute;
use crate::core::model::Decision;
use crate::core::paths;
use crate::core::validate::review::Field;
use crate::core::validate::{join, space, FieldErrors};
use crate::core::view::{SubmissionPage, SurveySummary};
use crate::ui::components::form::{ErrorSummary, TextField};
use crate::ui::lang::use_texts;
use crate::ui::pages::admin::AdminBar;
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// Provided in context when the decision form comes back with an error.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DecisionFormState {
    pub decision: Option<Decision>,
    pub reason: String,
    pub errors: FieldErrors<Field>,
    /// A colleague changed the request since the page was shown: nothing was done.
    pub stale: bool,
    /// The second step of a decision that takes a published space off the map.
    pub confirm: bool,
    /// The version of the request the refused form was read at (kept through a re-render).
    pub version: Option<i64>,
}

#[component]
pub fn SubmissionsPage() -> impl IntoView {
    let r = use_texts().review;
    view! {
        <Title text=r.title />
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let staff = match crate::ui::pages::admin::staff_gate(paths::SUBMISSIONS).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    match staff_submissions().await {
                        Ok(rows) => view! { <Queue staff rows /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Queue(staff: StaffContext, rows: Vec<crate::core::view::QueueRow>) -> impl IntoView {
    let r = use_texts().review;
    let list = if rows.is_empty() {
        view! { <p>{r.none}</p> }.into_any()
    } else {
        let rows = rows
            .into_iter()
            .map(|q| {
                let s = q.row;
                // The spaces of the map it may repeat, each a link.
                let similar = (!q.duplicates.is_empty()).then(|| {
                    let links = q
                        .duplicates
                        .iter()
                        .enumerate()
                        .map(|(i, d)| view! {
                            {(i > 0).then_some(", ")}
                            <a href=paths::admin_space(d.id)>{d.name.clone()}</a>
                        })
                        .collect_view();
                    view! { <br /> <span class="queue-duplicates">{r.maybe_duplicate} " " {links}</span> }
                });
                let class = match s.decision {
                    None => "pending",
                    Some(Decision::Approved) => "published",
                    Some(Decision::ChangesRequested) => "pending",
                    Some(Decision::Rejected) => "rejected",
                };
                view! {
                    <tr>
                        <td>
                            <a href=paths::submission(s.id)>{s.space_name}</a>
                            {similar}
                        </td>
                        <td>{s.municipality}</td>
                        <td>{s.reference}</td>
                        <td>{local_minute(s.submitted_at)}</td>
                        <td>
                            <span class=format!("status status--{class}")>{r.decision(s.decision)}</span>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{r.space}</th>
                            <th scope="col">{use_texts().admin.municipality}</th>
                            <th scope="col">{r.reference}</th>
                            <th scope="col">{r.submitted}</th>
                            <th scope="col">{r.state}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <AdminBar staff />
        <h1>{r.title}</h1>
        <p>{r.intro}</p>
        <p>
            <a href=paths::SURVEY>{r.survey_title}</a>
        </p>
        {list}
    }
}

#[component]
pub fn SubmissionDetailPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let (saved, corrected, merged) = use_query_map().with_untracked(|q| {
        (
            q.get_str("salvato").is_some(),
            q.get_str("corretto").is_some(),
            q.get_str("unita").is_some(),
        )
    });
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let here = paths::submission(id.unwrap_or_default());
                    let staff = match crate::ui::pages::admin::staff_gate(&here).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let Some(id) = id else {
                        return view! { <ErrorNotice err=crate::api::error::AppError::NotFound /> }
                            .into_any();
                    };
                    match staff_submission(id).await {
                        Ok(page) => view! { <Detail staff page saved corrected merged /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// A definition list row, "—" when empty.
fn item(term: &'static str, value: Option<String>) -> impl IntoView {
    let value = value
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "—".to_owned());
    view! {
        <dt>{term}</dt>
        <dd class="prewrap">{value}</dd>
    }
}

#[component]
fn Detail(
    staff: StaffContext,
    page: SubmissionPage,
    saved: bool,
    corrected: bool,
    merged: bool,
) -> impl IntoView {
    let t = use_texts();
    let (r, a) = (t.review, t.admin);
    let state = use_context::<DecisionFormState>().unwrap_or_default();
    let some = |s: &str| Some(s.to_owned());
    let s = page.space.clone();
    let kinds = crate::core::model::SpaceKind::ALL
        .into_iter()
        .filter(|k| s.has_kind(*k))
        .map(|k| t.kind(k))
        .collect::<Vec<_>>()
        .join(", ");
    let org_kind = crate::core::model::OrganisationKind::from_code(&s.organisation_kind)
        .map(|k| t.organisation_kind(k).to_owned());
    let needs = page
        .needs
        .iter()
        .map(|n| view! { <li>{t.join.need(*n)}</li> })
        .collect_view();
    let duplicates = if page.duplicates.is_empty() {
        view! { <p>{r.duplicates_none}</p> }.into_any()
    } else {
        let items = page
            .duplicates
            .iter()
            .map(|d| {
                // Undecided, a request can be merged into the listing it repeats.
                let merge = (page.row.decision.is_none()).then(|| {
                    view! {
                        " · "
                        <a href=paths::merge(page.row.id, d.id)>{r.merge_link}</a>
                    }
                });
                view! {
                    <li>
                        <a href=paths::admin_space(d.id)>{d.name.clone()}</a>
                        " (" {a.status(d.status)}
                        {d.distance_m.map(|m| format!(", {}", (r.duplicate_at)(m)))} ")"
                        {merge}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="notice notice--warning" role="note">
                <ul>{items}</ul>
            </div>
        }
        .into_any()
    };
    let decided = page.row.decision.map(|d| {
        (r.decided)(
            r.decision(Some(d)),
            &page.decided_at.map(local_minute).unwrap_or_default(),
        )
    });
    let settings = use_context::<crate::ui::islands::map::MapSettings>().unwrap_or_default();
    let action = paths::submission(page.row.id);
    let version = state.version.unwrap_or(page.version);
    let stale = state
        .stale
        .then(|| view! { <p class="notice notice--error" role="alert">{r.stale}</p> });
    let confirm = match (state.confirm, state.decision) {
        (true, Some(decision)) => Some(view! {
            <div class="notice notice--error" role="alert" tabindex="-1" autofocus>
                <h2>{r.confirm_title}</h2>
                <p>{(r.confirm_effect)(&page.contact_email)}</p>
                <form method="post" action=action.clone()>
                    <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
                    <input type="hidden" name="version" value=version />
                    <input type="hidden" name="decisione" value=decision.code() />
                    <input type="hidden" name="motivo" value=state.reason.clone() />
                    <input type="hidden" name="conferma" value="1" />
                    <button type="submit" class="btn btn--danger">{r.confirm_button}</button>
                    " "
                    <a href=format!("{action}#decisione")>{r.confirm_back}</a>
                </form>
            </div>
        }),
        _ => None,
    };
    view! {
        <Title text=(r.request_title)(&page.row.reference) />
        <AdminBar staff=staff.clone() />
        <nav class="breadcrumb" aria-label=crate::ui::lang::use_texts().breadcrumb>
            <a href=paths::SUBMISSIONS>{r.title}</a>
        </nav>
        <h1>{page.row.space_name.clone()}</h1>
        <p>
            {(r.request_title)(&page.row.reference)} " · " {r.submitted} " " {local_minute(page.row.submitted_at)}
            " · " <span class="status">{r.decision(page.row.decision)}</span>
        </p>
        {saved.then(|| view! { <p class="notice notice--success" role="status">{r.saved}</p> })}
        {corrected.then(|| view! { <p class="notice notice--success" role="status">{r.space_corrected}</p> })}
        {page.merged_into.clone().map(|(id, name)| {
            let notice = merged.then(|| view! {
                <p class="notice notice--success" role="status">{(r.merge_done)(&name)}</p>
            });
            view! {
                {notice}
                <p>{r.merged_into} ": " <a href=paths::admin_space(id)>{name}</a></p>
            }
        })}
        {decided.map(|d| view! { <p>{d}</p> })}
        {page.decision_reason.clone().map(|m| view! { <blockquote class="prewrap">{m}</blockquote> })}
        <h2>{r.duplicates_title}</h2>
        {duplicates}
        <div class="review-grid">
            <section>
                <h2>{r.section_space}</h2>
                <dl class="details">
                    {item(t.field(space::Field::Kinds), Some(kinds))}
                    {item(t.field(space::Field::Description), some(&s.description))}
                    {item(t.field(space::Field::Services), some(&s.services))}
                    {item(t.field(space::Field::OpeningHours), some(&s.opening_hours))}
                    {item(t.field(space::Field::Address), some(&s.address))}
                    {item(t.field(space::Field::Municipality), Some(page.row.municipality.clone()))}
                    {item(t.field(space::Field::Precision), crate::core::model::PositionPrecision::from_code(&s.precision).map(|p| a.precision(p).to_owned()))}
                    {item(t.field(space::Field::Website), some(&s.website))}
                    {item(t.field(space::Field::Email), some(&s.email))}
                    {item(t.field(space::Field::Phone), some(&s.phone))}
                </dl>
                <p>
                    // Saved, the correction comes back here (see `web::forms::spaces`).
                    <a class="btn btn--outline" href=paths::admin_space_from_request(page.row.space_id)>{r.edit_space}</a>
                </p>
            </section>
            <section class="review-map">
                <crate::ui::islands::map::SpacesMap
                    markers=vec![page.marker.clone()]
                    settings
                    lang=t.lang
                    mode=crate::ui::islands::map::MapMode::Single
                />
            </section>
        </div>
        <h2>{r.section_organisation}</h2>
        <dl class="details">
            {item(t.field(space::Field::Organisation), some(&s.organisation))}
            {item(t.field(space::Field::OrganisationKind), org_kind)}
            {item(t.field(join::Field::OrganisationTaxCode), page.organisation_tax_code.clone())}
            {item(t.field(space::Field::OrganisationWebsite), some(&s.organisation_website))}
            {item(t.field(space::Field::OrganisationDescription), some(&s.organisation_description))}
        </dl>
        <h2>{r.section_contact}</h2>
        <dl class="details">
            {item(t.field(join::Field::ContactName), Some(page.contact_name.clone()))}
            {item(t.field(join::Field::ContactRole), page.contact_role.clone())}
            {item(t.field(join::Field::ContactEmail), Some(page.contact_email.clone()))}
            {item(t.field(join::Field::ContactPhone), page.contact_phone.clone())}
        </dl>
        <p>{if page.consent_contact { r.consent_contact_yes } else { r.consent_contact_no }}</p>
        <h2>{r.section_survey}</h2>
        <h3>{t.field(join::Field::Needs)}</h3>
        <ul>{needs}</ul>
        <dl class="details">
            {item(t.field(join::Field::NeedsOther), page.needs_other.clone())}
            {item(t.field(join::Field::Vision), page.vision.clone())}
        </dl>
        // Merged into a listing, the request is closed for good: no decision to take.
        {page.merged_into.is_none().then(|| view! {
        <h2 id="decisione">{r.decide_title}</h2>
        {stale}
        {confirm}
        <p>{r.decide_hint}</p>
        <ErrorSummary errors=state.errors.clone() />
        <form class="form form--wide" method="post" action=action.clone() novalidate>
            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
            <input type="hidden" name="version" value=version />
            <TextField
                field=Field::Reason
                value=state.reason.clone()
                errors=state.errors.clone()
                multiline=true
                max=crate::core::validate::review::REASON_MAX
                hint=String::new()
            />
            <div class="status-actions">
                <button type="submit" name="decisione" value="approved" class="btn btn--primary">{r.approve}</button>
                <button type="submit" name="decisione" value="changes-requested" class="btn btn--outline">{r.ask_changes}</button>
                <button type="submit" name="decisione" value="rejected" class="btn btn--outline">{r.reject}</button>
            </div>
        </form>
        })}
    }
}

#[component]
pub fn SurveyPage() -> impl IntoView {
    let r = use_texts().review;
    view! {
        <Title text=r.survey_title />
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let staff = match crate::ui::pages::admin::staff_gate(paths::SURVEY).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    match staff_survey().await {
                        Ok(summary) => view! { <Survey staff summary /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Survey(staff: StaffContext, summary: SurveySummary) -> impl IntoView {
    let t = use_texts();
    let r = t.review;
    let max = summary.needs.first().map(|(_, c)| *c).unwrap_or(0).max(1);
    let needs = summary
        .needs
        .iter()
        .map(|(n, c)| {
            view! {
                <tr>
                    <th scope="row">{t.join.need(*n)}</th>
                    <td>{*c}</td>
                    <td class="bar-cell" aria-hidden="true">
                        <meter class="bar" min="0" max=max value=*c></meter>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let texts = |list: Vec<(String, String)>| {
        if list.is_empty() {
            return view! { <p>{r.survey_empty}</p> }.into_any();
        }
        let items = list
            .into_iter()
            .map(|(space, text)| view! { <li><strong>{space}</strong> ": " <span class="prewrap">{text}</span></li> })
            .collect_view();
        view! { <ul class="answers">{items}</ul> }.into_any()
    };
    view! {
        <AdminBar staff />
        <nav class="breadcrumb" aria-label=crate::ui::lang::use_texts().breadcrumb>
            <a href=paths::SUBMISSIONS>{r.title}</a>
        </nav>
        <h1>{r.survey_title}</h1>
        <p>{(r.survey_responses)(summary.responses)}</p>
        <p>
            <a href=paths::EXPORT_SURVEY_CSV>{r.survey_export}</a>
        </p>
        <h2>{r.survey_needs}</h2>
        <div class="table-wrap">
            <table class="table survey">
                <thead>
                    <tr>
                        <th scope="col">{t.field(join::Field::Needs)}</th>
                        <th scope="col">{r.survey_count}</th>
                        <th scope="col"><span class="visually-hidden">{r.survey_count}</span></th>
                    </tr>
                </thead>
                <tbody>{needs}</tbody>
            </table>
        </div>
        <h2>{r.survey_other}</h2>
        {texts(summary.needs_other)}
        <h2>{r.survey_visions}</h2>
        {texts(summary.visions)}
    }
}
