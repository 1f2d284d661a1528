//! `/admin/adesioni/{id}/unisci?spazio={listing}`: merging a join request into the listing of
//! the map it repeats. Both sides field by field, a box on each difference (ticked already
//! where the listing has nothing), what will follow said before; the post is
//! `web::forms::review::merge`.

use crate::api::context::StaffContext;
use crate::api::error::AppError;
use crate::api::staff_merge_page;
use crate::core::model::{OrganisationKind, PositionPrecision, SpaceKind};
use crate::core::paths;
use crate::core::validate::space::Field;
use crate::core::validate::{FieldErrors, FormField};
use crate::core::view::MergePage as Page;
use crate::ui::components::form::ErrorSummary;
use crate::ui::lang::use_texts;
use crate::ui::pages::admin::{staff_gate, AdminBar};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

/// The merge page again after a refused post: what was ticked, and why it was refused.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeState {
    pub chosen: Vec<Field>,
    pub errors: FieldErrors<Field>,
    /// The request or the listing changed since the page was read: shown again, fresh.
    pub stale: bool,
}

/// The name of a field's box in the form.
pub fn box_name(field: Field) -> String {
    format!("usa_{}", field.name())
}

#[component]
pub fn MergePage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
    let space =
        use_query_map().with_untracked(|q| q.get("spazio").and_then(|v| v.parse::<i64>().ok()));
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let (Some(id), Some(space)) = (id, space) else {
                        return view! { <ErrorNotice err=AppError::NotFound /> }.into_any();
                    };
                    let staff = match staff_gate(&paths::merge(id, space)).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    match staff_merge_page(id, space).await {
                        Ok(page) => view! { <Merge staff page /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Merge(staff: StaffContext, page: Page) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let r = t.review;
    let state = use_context::<MergeState>();
    // Decided meanwhile (by a colleague, or merged already): nothing to merge any more.
    if let Some(decision) = page.request.decision {
        let title = (r.merge_title)(&page.request.reference, &page.target.name);
        return view! {
            <Title text=title.clone() />
            <AdminBar staff=staff.clone() />
            <h1>{title}</h1>
            <p class="notice notice--warning" role="alert">{(r.merge_decided)(r.decision(Some(decision)))}</p>
            <p><a class="btn btn--outline" href=paths::submission(page.request.id)>{r.merge_back}</a></p>
        }
        .into_any();
    }
    let stale = state.as_ref().is_some_and(|s| s.stale);
    let errors = state.as_ref().map(|s| s.errors.clone()).unwrap_or_default();
    let listing_name = page.target.name.clone();
    let title = (r.merge_title)(&page.request.reference, &listing_name);
    // A value as staff read it: names for codes.
    let (town_request, town_listing) = page.municipalities.clone();
    let shown = move |field: Field, value: &str, request: bool| -> String {
        if value.trim().is_empty() {
            return "—".to_owned();
        }
        match field {
            Field::Municipality if request => town_request.clone(),
            Field::Municipality => town_listing.clone(),
            Field::Kinds => value
                .split(", ")
                .map(|k| SpaceKind::from_code(k).map_or(k, |k| t.kind(k)))
                .collect::<Vec<_>>()
                .join(", "),
            Field::Precision => PositionPrecision::from_code(value)
                .map_or_else(|| value.to_owned(), |p| a.precision(p).to_owned()),
            Field::OrganisationKind => OrganisationKind::from_code(value)
                .map_or_else(|| value.to_owned(), |k| t.organisation_kind(k).to_owned()),
            _ => value.to_owned(),
        }
    };
    let proposed = page.proposed.values();
    // A join request has no photo: the listing's stays, never offered to replace.
    let pairs: Vec<_> = page
        .target
        .values()
        .into_iter()
        .zip(proposed)
        .filter(|((f, _), _)| !matches!(f, Field::Photo | Field::PhotoAlt))
        .collect();
    // A position is one fact: latitude, longitude and precision are taken together, with
    // the one box on the latitude's row.
    let position = [Field::Lat, Field::Lon, Field::Precision];
    let position_differs = pairs
        .iter()
        .any(|((f, mine), (_, theirs))| position.contains(f) && mine.trim() != theirs.trim());
    let mut differing = 0;
    let rows = pairs
        .into_iter()
        .map(|((field, mine), (_, theirs))| {
            let in_position = position.contains(&field);
            let same = if in_position {
                !position_differs
            } else {
                mine.trim() == theirs.trim()
            };
            if !same && (!in_position || field == Field::Lat) {
                differing += 1;
            }
            // Ticked: what staff ticked before a refusal; else where the listing has nothing.
            let ticked = match &state {
                Some(s) => s.chosen.contains(&field),
                None => mine.trim().is_empty() && !theirs.trim().is_empty(),
            };
            let name = box_name(field);
            let label = if field == Field::Lat {
                format!("{}: {}", r.merge_col_use, r.merge_position)
            } else {
                format!("{}: {}", r.merge_col_use, t.field(field))
            };
            let choice = match (same, in_position && field != Field::Lat) {
                (true, _) => None,
                (false, true) => Some(view! { <span class="field__hint">{r.merge_with_position}</span> }.into_any()),
                (false, false) => Some(view! {
                    <input type="checkbox" id=name.clone() name=name.clone() value="1" checked=ticked aria-label=label />
                }.into_any()),
            };
            view! {
                <tr class:merge-row--same=same>
                    <th scope="row">{t.field(field)}</th>
                    <td class="prewrap">{shown(field, &mine, false)}</td>
                    <td class="prewrap">{shown(field, &theirs, true)}</td>
                    <td>{choice}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <AdminBar staff=staff.clone() />
        <nav class="breadcrumb" aria-label=t.breadcrumb>
            <a href=paths::SUBMISSIONS>{r.title}</a> " › "
            <a href=paths::submission(page.request.id)>{page.request.reference.clone()}</a>
        </nav>
        <h1>{title}</h1>
        {stale.then(|| view! { <p class="notice notice--error" role="alert">{r.merge_stale}</p> })}
        <ErrorSummary errors />
        <p>{r.merge_intro}</p>
        {(differing == 0).then(|| view! { <p>{r.merge_same}</p> })}
        <form method="post" action=paths::merge(page.request.id, page.target_id)>
            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
            <input type="hidden" name="versione_richiesta" value=page.request_version.to_string() />
            <input type="hidden" name="versione_scheda" value=page.target_version.to_string() />
            <div class="table-wrap">
                <table class="table merge-table">
                    <thead>
                        <tr>
                            <th scope="col">{r.merge_col_field}</th>
                            <th scope="col">
                                <a href=paths::admin_space(page.target_id)>{r.merge_col_existing}</a>
                            </th>
                            <th scope="col">{r.merge_col_request}</th>
                            <th scope="col">{r.merge_col_use}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="status-actions">
                <button type="submit" class="btn btn--primary">{r.merge_confirm}</button>
                <a class="btn btn--outline" href=paths::submission(page.request.id)>{r.merge_back}</a>
            </div>
        </form>
    }
    .into_any()
}
