//! `/admin`: the staff home — who is signed in, sign-out, and every space with its status,
//! filterable by status and text. Anonymous visitors are sent to the sign-in page.

use crate::api::context::{redirect, StaffContext};
use crate::api::error::AppError;
use crate::api::staff_spaces;
use crate::core::model::{PositionPrecision, SpaceStatus};
use crate::core::paths;
use crate::core::view::StaffSpaceRow;
use crate::ui::lang::use_texts;
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let t = use_texts();
    let (status, q, approximate) = use_query_map().with_untracked(|p| {
        (
            p.get_str("stato").and_then(SpaceStatus::from_code),
            p.get("q")
                .map(|q| q.trim().chars().take(100).collect::<String>())
                .filter(|q| !q.is_empty()),
            p.get_str("posizione") == Some("approssimativa"),
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
                    match staff_spaces(status, q.clone(), Some(approximate)).await {
                        Ok(spaces) => {
                            view! { <Dashboard staff spaces status q approximate /> }.into_any()
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

#[component]
fn Dashboard(
    staff: StaffContext,
    spaces: Vec<StaffSpaceRow>,
    status: Option<SpaceStatus>,
    q: Option<String>,
    approximate: bool,
) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let count = spaces.len();
    let unfiltered = status.is_none() && q.is_none() && !approximate;
    // Spaces still on the map whose position was placed by street or municipality.
    let to_correct = spaces
        .iter()
        .filter(|s| s.precision != PositionPrecision::Exact && s.status != SpaceStatus::Archived)
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
    view! {
        <crate::ui::pages::admin::AdminBar staff=staff.clone() />
        <h1>{a.area}</h1>
        <h2>{a.spaces_heading}</h2>
        {(unfiltered && to_correct > 0)
            .then(|| {
                view! {
                    <p class="notice notice--warning">
                        <a href=format!("{}?posizione=approssimativa", paths::ADMIN)>{(a.approximate_count)(to_correct)}</a>
                    </p>
                }
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
