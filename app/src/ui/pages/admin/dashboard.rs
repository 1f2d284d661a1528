//! `/admin`: the staff home — what needs doing first (requests to review, this week's events
//! with their numbers, positions to correct), then every space with its status, filterable by
//! status and text. Anonymous visitors are sent to the sign-in page.

use crate::api::context::{redirect, StaffContext};
use crate::api::error::AppError;
use crate::api::{staff_spaces, staff_week_events};
use crate::core::model::{PositionPrecision, SpaceStatus};
use crate::core::paths;
use crate::core::view::event::StaffEventRow;
use crate::core::view::FreshnessGroup;
use crate::core::view::StaffSpaceRow;
use crate::ui::lang::use_texts;
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let t = use_texts();
    let (status, q, approximate, outside, group) = use_query_map().with_untracked(|p| {
        (
            p.get_str("stato").and_then(SpaceStatus::from_code),
            p.get("q")
                .map(|q| q.trim().chars().take(100).collect::<String>())
                .filter(|q| !q.is_empty()),
            p.get_str("posizione") == Some("approssimativa"),
            p.get_str(OUTSIDE) == Some("1"),
            p.get_str(FRESHNESS).and_then(FreshnessGroup::from_code),
        )
    });
    view! {
        <Title text=t.admin.area />
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let staff = match crate::ui::pages::admin::staff_gate(paths::ADMIN).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let week = match staff_week_events().await {
                        Ok(week) => week,
                        Err(err) => return view! { <ErrorNotice err /> }.into_any(),
                    };
                    let freshness = match crate::api::freshness_summary().await {
                        Ok(counts) => counts,
                        Err(err) => return view! { <ErrorNotice err /> }.into_any(),
                    };
                    match staff_spaces(status, q.clone(), Some(approximate), Some(outside), group).await {
                        Ok(spaces) => {
                            let filters = Filters { status, q, approximate, outside, freshness: group };
                            view! { <Dashboard staff spaces week filters freshness /> }.into_any()
                        }
                        Err(AppError::Unauthorized) => {
                            redirect(&paths::sign_in_then(paths::ADMIN));
                            ().into_any()
                        }
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The query parameter of the spaces whose pin lies outside their municipality (`=1`).
const OUTSIDE: &str = "fuori-comune";
/// The query parameter of a freshness group (`FreshnessGroup::code`).
const FRESHNESS: &str = "freschezza";

/// The list's filters, as the query gave them.
#[derive(Clone)]
struct Filters {
    status: Option<SpaceStatus>,
    q: Option<String>,
    approximate: bool,
    outside: bool,
    freshness: Option<FreshnessGroup>,
}

#[component]
fn Dashboard(
    staff: StaffContext,
    spaces: Vec<StaffSpaceRow>,
    week: Vec<StaffEventRow>,
    filters: Filters,
    freshness: crate::core::view::FreshnessCounts,
) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let Filters {
        status,
        q,
        approximate,
        outside,
        freshness: group,
    } = filters;
    let count = spaces.len();
    let unfiltered = status.is_none() && q.is_none() && !approximate && !outside && group.is_none();
    // Pins outside the municipality they name (archived ones aside).
    let outside_count = spaces
        .iter()
        .filter(|s| s.outside && s.status != SpaceStatus::Archived)
        .count();
    // Spaces still on the map whose position was placed by street or municipality.
    let to_correct = spaces
        .iter()
        // Pending ones are corrected in their request's review.
        .filter(|s| s.precision != PositionPrecision::Exact)
        .filter(|s| !matches!(s.status, SpaceStatus::Archived | SpaceStatus::Pending))
        .count();
    let rows = spaces
        .into_iter()
        .map(|s| {
            let (y, m, d) = crate::core::text::civil_date(s.updated_at);
            view! {
                <tr>
                    <td>
                        <a href=paths::admin_space(s.id)>{s.name}</a>
                    </td>
                    <td>
                        <span class=format!("status status--{}", s.status.code())>
                            {a.status(s.status)}
                        </span>
                    </td>
                    <td>
                        {s.municipality}
                        {(s.precision != PositionPrecision::Exact)
                            .then(|| view! { <span class="tag">{a.precision(s.precision)}</span> })}
                        {s.outside
                            .then(|| view! { <span class="tag">{a.outside_tag}</span> })}
                    </td>
                    <td>{format!("{d:02}/{m:02}/{y}")}</td>
                </tr>
            }
        })
        .collect_view();
    let status_options = SpaceStatus::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=s.code() selected=status == Some(s)>
                    {a.status(s)}
                </option>
            }
        })
        .collect_view();
    let to_review = staff.to_review;
    view! {
        <crate::ui::pages::admin::AdminBar staff=staff.clone() />
        <h1>{a.area}</h1>
        {unfiltered.then(|| view! { <ToDo to_review week to_correct outside_count /> })}
        {unfiltered.then(|| view! { <Freshness counts=freshness /> })}
        <h2>{a.spaces_heading}</h2>
        {group.map(|g| view! {
            <p class="notice" role="status">
                {(t.managers.fresh_filtered)(t.managers.fresh_group(g))} " "
                <a href=paths::ADMIN>{t.managers.fresh_all}</a>
            </p>
        })}
        <p class="admin-actions">
            <a class="btn btn--primary" href=paths::NEW_SPACE>{a.new_space}</a>
            <a class="btn btn--outline" href=paths::IMPORT>{a.import_link}</a>
            <span>
                {a.export_all} ": "
                <a href=paths::EXPORT_SPACES_CSV>"CSV (Excel)"</a>
                " · "
                <a href=paths::EXPORT_SPACES_GEOJSON>"GeoJSON"</a>
            </span>
        </p>
        <form class="filters" method="get" action=paths::ADMIN role="search" aria-label=a.filter>
            <div class="field">
                <label for="admin-status">{a.status}</label>
                <select id="admin-status" name="stato">
                    <option value="">{a.all_statuses}</option>
                    {status_options}
                </select>
            </div>
            <div class="field field--grow">
                <label for="admin-q">{a.search}</label>
                <input id="admin-q" name="q" type="search" maxlength="100" value=q.unwrap_or_default() />
            </div>
            <div class="check">
                <input
                    id="admin-approximate"
                    type="checkbox"
                    name="posizione"
                    value="approssimativa"
                    checked=approximate
                />
                <label for="admin-approximate">{a.approximate_filter}</label>
            </div>
            <div class="check">
                <input id="admin-outside" type="checkbox" name=OUTSIDE value="1" checked=outside />
                <label for="admin-outside">{a.outside_filter}</label>
            </div>
            <div class="filters__actions">
                <button type="submit" class="btn btn--primary">{a.filter}</button>
            </div>
        </form>
        <p class="results-count" role="status">{(a.count)(count)}</p>
        <div class="table-wrap">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{a.name}</th>
                        <th scope="col">{a.status}</th>
                        <th scope="col">{a.municipality}</th>
                        <th scope="col">{a.updated}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// What needs doing, first on the staff home: the requests to review, the events of the coming
/// week with their numbers (and their registrations and door), the positions to correct.
#[component]
fn ToDo(
    to_review: i64,
    week: Vec<StaffEventRow>,
    to_correct: usize,
    outside_count: usize,
) -> impl IntoView {
    let t = use_texts();
    let (a, e) = (t.admin, t.events);
    let requests = if to_review > 0 {
        view! { <p><a href=paths::SUBMISSIONS>{(a.todo_requests)(to_review)}</a></p> }.into_any()
    } else {
        view! { <p>{a.todo_no_requests}</p> }.into_any()
    };
    let events = if week.is_empty() {
        view! { <p>{a.todo_no_events}</p> }.into_any()
    } else {
        let items = week
            .into_iter()
            .map(|ev| {
                let counts = super::events::counts_line(&ev);
                view! {
                    <li>
                        <a href=paths::admin_event(ev.id)>{ev.title.clone()}</a>
                        {(ev.status != crate::core::model::event::EventStatus::Published).then(|| {
                            view! { " " <span class="tag">{e.status(ev.status)}</span> }
                        })}
                        ", " {crate::core::datetime::short_date(ev.starts_at)} " "
                        {crate::core::datetime::clock_time(ev.starts_at)}
                        <br />
                        {counts}
                        <br />
                        <a href=paths::event_rsvps(ev.id) aria-label=format!("{}: {}", e.rsvps_link, ev.title)>{e.rsvps_link}</a>
                        " · "
                        <a href=paths::check_in(ev.id) aria-label=format!("{}: {}", e.checkin_link, ev.title)>{e.checkin_link}</a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    view! {
        <section class="todo" aria-labelledby="todo-heading">
            <h2 id="todo-heading">{a.todo_heading}</h2>
            {requests}
            <h3>{a.todo_events}</h3>
            {events}
            {(to_correct > 0).then(|| view! {
                <p class="notice notice--warning">
                    <a href=format!("{}?posizione=approssimativa", paths::ADMIN)>{(a.approximate_count)(to_correct)}</a>
                </p>
            })}
            {(outside_count > 0).then(|| view! {
                <p class="notice notice--warning">
                    <a href=format!("{}?{OUTSIDE}=1", paths::ADMIN)>{(a.outside_count)(outside_count)}</a>
                </p>
            })}
        </section>
    }
}

/// How fresh the published listings are: confirmed, to be confirmed, overdue, without a
/// manager, reported closed.
#[component]
fn Freshness(counts: crate::core::view::FreshnessCounts) -> impl IntoView {
    let m = use_texts().managers;
    // Each count leads to its listings.
    let rows = FreshnessGroup::ALL.map(|g| {
        let n = g.count(&counts);
        let href = format!("{}?{FRESHNESS}={}", paths::ADMIN, g.code());
        // The link's name says what it lists, not only how many.
        let name = format!("{}: {n}", m.fresh_group(g));
        view! {
            <dt>{m.fresh_group(g)}</dt>
            <dd>{if n > 0 { view! { <a href=href aria-label=name>{n}</a> }.into_any() } else { view! { {n} }.into_any() }}</dd>
        }
    });
    view! {
        <section class="freshness-summary" aria-labelledby="freshness-title">
            <h2 id="freshness-title">{m.fresh_title}</h2>
            <dl class="facts">{rows.into_iter().collect_view()}</dl>
        </section>
    }
}
