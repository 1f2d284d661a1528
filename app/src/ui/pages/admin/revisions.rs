//! `/admin/modifiche`: the changes managers proposed to their listings, waiting for staff;
//! `/admin/modifiche/{id}`: one of them as what approving it would change in the listing now
//! (field, now → proposed), approved (published at once) or not approved with a reason that
//! goes to the manager. The posts are `web::forms::managers`.

use crate::api::context::StaffContext;
use crate::api::error::AppError;
use crate::api::{revision_detail, revisions_to_review};
use crate::core::datetime::local_minute;
use crate::core::paths;
use crate::core::validate::review::{Field, REASON_MAX};
use crate::core::view::RevisionPage;
use crate::ui::components::audit::{field_words, value_words, Names};
use crate::ui::components::form::{ErrorSummary, TextField};
use crate::ui::lang::use_texts;
use crate::ui::pages::admin::review::DecisionFormState;
use crate::ui::pages::admin::{staff_gate, AdminBar};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn RevisionsPage() -> impl IntoView {
    let m = use_texts().managers;
    let notice = use_query_map().with_untracked(|q| {
        q.get("approvate")
            .map(|name| (m.revision_approved)(&name))
            .or_else(|| q.get("respinte").map(|name| (m.revision_rejected)(&name)))
    });
    view! {
        <Title text=m.revisions_title />
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let staff = match staff_gate(paths::REVISIONS).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let rows = match revisions_to_review().await {
                        Ok(rows) => rows,
                        Err(err) => return view! { <ErrorNotice err /> }.into_any(),
                    };
                    let body = if rows.is_empty() {
                        view! { <p>{m.revisions_none}</p> }.into_any()
                    } else {
                        let rows = rows
                            .into_iter()
                            .map(|r| view! {
                                <tr>
                                    <td><a href=paths::revision(r.id)>{r.space_name}</a></td>
                                    <td>{r.email}</td>
                                    <td>{local_minute(r.created_at)}</td>
                                </tr>
                            })
                            .collect_view();
                        view! {
                            <div class="table-wrap">
                                <table class="table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{m.col_space}</th>
                                            <th scope="col">{m.col_by}</th>
                                            <th scope="col">{m.col_when}</th>
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
                        <h1>{m.revisions_title}</h1>
                        {notice.clone().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                        <p>{m.revisions_intro}</p>
                        {body}
                    }
                    .into_any()
                })}
            </Suspense>
        </div>
    }
}

#[component]
pub fn RevisionDetailPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let stale = use_query_map().with_untracked(|q| q.get_str("superata").is_some());
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let here = paths::revision(id.unwrap_or_default());
                    let staff = match staff_gate(&here).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let Some(id) = id else {
                        return view! { <ErrorNotice err=AppError::NotFound /> }.into_any();
                    };
                    match revision_detail(id).await {
                        Ok(page) => view! { <Detail staff page stale /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Detail(staff: StaffContext, page: RevisionPage, stale: bool) -> impl IntoView {
    let t = use_texts();
    let m = t.managers;
    let names = Names {
        towns: page
            .municipalities
            .iter()
            .map(|m| (m.istat_code.clone(), m.name.clone()))
            .collect(),
        ..Default::default()
    };
    let rows = page
        .changes
        .iter()
        .map(|(field, now, proposed)| {
            view! {
                <tr>
                    <th scope="row">{field_words(t, field, false)}</th>
                    <td>{value_words(t, field, now, &names)}</td>
                    <td>{value_words(t, field, proposed, &names)}</td>
                </tr>
            }
        })
        .collect_view();
    let changes = if page.invalid {
        view! { <p class="notice notice--error" role="alert">{m.revision_invalid}</p> }.into_any()
    } else if page.changes.is_empty() {
        view! { <p class="notice">{m.revision_same}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{m.col_field}</th>
                            <th scope="col">{m.col_now}</th>
                            <th scope="col">{m.col_proposed}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let state = use_context::<DecisionFormState>().unwrap_or_default();
    let action = paths::revision(page.row.id);
    let pending = page.status == "pending";
    let title = (m.revision_title)(&page.row.space_name);
    view! {
        <Title text=title.clone() />
        <AdminBar staff=staff.clone() />
        <nav class="breadcrumb" aria-label=t.breadcrumb>
            <a href=paths::REVISIONS>{m.revisions_nav}</a>
        </nav>
        <h1>{title}</h1>
        <p>{(m.revision_by)(&page.row.email, &local_minute(page.row.created_at))}</p>
        <p><a href=paths::admin_space(page.row.space_id)>{m.revision_open_space}</a></p>
        {stale.then(|| view! { <p class="notice notice--error" role="alert">{m.revision_stale}</p> })}
        <h2>{m.revision_changes}</h2>
        {changes}
        {if pending {
            view! {
                <ErrorSummary errors=state.errors.clone() />
                <form class="form form--wide" method="post" action=action novalidate>
                    <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
                    <input type="hidden" name="version" value=page.version />
                    {(!page.invalid).then(|| view! {
                        <button type="submit" name="azione" value="approva" class="btn btn--primary">
                            {m.revision_approve}
                        </button>
                    })}
                    <TextField
                        field=Field::Reason
                        value=state.reason.clone()
                        errors=state.errors.clone()
                        multiline=true
                        max=REASON_MAX
                        hint=m.revision_reject_hint.to_owned()
                    />
                    <button type="submit" name="azione" value="respingi" class="btn btn--outline">
                        {m.revision_reject}
                    </button>
                </form>
            }
            .into_any()
        } else {
            view! {
                <p class="notice">{m.revision_decided}</p>
                {page.reason.clone().map(|r| view! { <p>{m.reason_label} ": " {r}</p> })}
            }
            .into_any()
        }}
    }
}
