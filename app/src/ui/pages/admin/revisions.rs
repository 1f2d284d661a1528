//! `/admin/modifiche`: the changes managers proposed to their listings, waiting for staff;
//! `/admin/modifiche/{id}`: one of them as what approving it would change in the listing now
//! (field, now → proposed), approved (published at once) or not approved with a reason that
//! goes to the manager. The posts are `web::forms::managers`.

use crate::api::context::StaffContext;
use crate::api::error::AppError;
use crate::api::{revision_detail, revisions_to_review};
use crate::core::datetime::local_minute;
use crate::core::model::PhotoSize;
use crate::core::paths;
use crate::core::validate::review::{Field, REASON_MAX};
use crate::core::validate::FieldErrors;
use crate::core::view::RevisionPage;
use crate::ui::components::audit::{field_words, value_words, Names};
use crate::ui::components::form::{ErrorSummary, TextField};
use crate::ui::lang::use_texts;
use crate::ui::pages::admin::review::DecisionFormState;
use crate::ui::pages::admin::space_edit::SpaceFields;
use crate::ui::pages::admin::{staff_gate, AdminBar};
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn RevisionsPage() -> impl IntoView {
    let m = use_texts().managers;
    let decided =
        use_query_map().with_untracked(|q| q.get("decisa").and_then(|id| id.parse().ok()));
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
                    let lists = match revisions_to_review(decided).await {
                        Ok(lists) => lists,
                        Err(err) => return view! { <ErrorNotice err /> }.into_any(),
                    };
                    let (rows, published) = (lists.pending, lists.published);
                    let notice = lists.decided.map(|(name, approved)| {
                        if approved {
                            (m.revision_approved)(&name)
                        } else {
                            (m.revision_rejected)(&name)
                        }
                    });
                    // Published by the managers of trusted spaces: what changed is on the
                    // space's history.
                    let published = if published.is_empty() {
                        view! { <p>{m.revisions_published_none}</p> }.into_any()
                    } else {
                        view! { <RevisionTable rows=published to_space=true /> }.into_any()
                    };
                    let body = if rows.is_empty() {
                        view! { <p>{m.revisions_none}</p> }.into_any()
                    } else {
                        view! { <RevisionTable rows to_space=false /> }.into_any()
                    };
                    view! {
                        <AdminBar staff />
                        <h1>{m.revisions_title}</h1>
                        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
                        <p>{m.revisions_intro}</p>
                        {body}
                        <h2>{m.revisions_published_title}</h2>
                        {published}
                    }
                    .into_any()
                })}
            </Suspense>
        </div>
    }
}

/// The proposal's page again, with the listing as staff edited it and each problem beside its
/// field (`web::forms::revisions`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RevisionEditState {
    pub input: crate::core::validate::space::SpaceInput,
    pub errors: FieldErrors<crate::core::validate::space::Field>,
    /// Sent back unsaved: the listing changed meanwhile, or a colleague decided first.
    pub unsaved: bool,
    /// The values the form showed before this person's corrections (`RevisionPage::base`).
    pub base: String,
}

/// The listing with the manager's changes in the staff's space form: staff correct it and
/// approve it as corrected (the photo as proposed). Open when it came back with a problem.
#[component]
fn EditBeforeApproving(staff: StaffContext, page: RevisionPage) -> impl IntoView {
    let m = use_texts().managers;
    let state = use_context::<RevisionEditState>();
    let open = state.is_some();
    let (input, errors, base) = match state {
        Some(s) if !s.base.is_empty() => (s.input, s.errors, s.base),
        Some(s) => (s.input, s.errors, page.base.clone()),
        None => (page.merged.clone(), Default::default(), page.base.clone()),
    };
    view! {
        <details class="revision-edit" open=open>
            <summary class="btn btn--outline">{m.revision_edit}</summary>
            <p>{m.revision_edit_intro}</p>
            <ErrorSummary errors=errors.clone() />
            <form class="form form--wide" method="post" action=paths::revision(page.row.id) novalidate>
                <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
                <input type="hidden" name="version" value=page.version />
                <input type="hidden" name="base" value=base />
                <input type="hidden" name="photo" value=input.photo.clone() />
                <SpaceFields
                    input=input.clone()
                    errors=errors.clone()
                    municipalities=page.municipalities.clone()
                />
                // The photo as proposed, after the listing's fields; its description may be
                // corrected.
                {if input.photo.is_empty() {
                    view! { <input type="hidden" name="photo_alt" value="" /> }.into_any()
                } else {
                    let preview = crate::core::validate::space::is_photo_name(&input.photo)
                        .then(|| {
                            let src =
                                paths::photo_at(paths::ADMIN_PHOTO, &input.photo, PhotoSize::Card);
                            view! {
                                <img
                                    class="photo-preview"
                                    src=src
                                    alt=m.revision_photo_proposed
                                    width="360"
                                    height="240"
                                />
                            }
                        });
                    view! {
                        {preview}
                        <TextField
                            field=crate::core::validate::space::Field::PhotoAlt
                            value=input.photo_alt.clone()
                            errors=errors.clone()
                            max=crate::core::validate::PHOTO_ALT_MAX
                        />
                    }
                    .into_any()
                }}
                <button type="submit" name="azione" value="modifica" class="btn btn--primary">
                    {m.revision_edit_approve}
                </button>
            </form>
        </details>
    }
}

/// Proposals as a table: the space (linked to the proposal, or to the space's page when
/// `to_space`), who, when.
#[component]
fn RevisionTable(rows: Vec<crate::core::view::RevisionRow>, to_space: bool) -> impl IntoView {
    let m = use_texts().managers;
    let rows = rows
        .into_iter()
        .map(|r| {
            let href = if to_space {
                paths::admin_space(r.space_id)
            } else {
                paths::revision(r.id)
            };
            view! {
                <tr>
                    <td><a href=href>{r.space_name}</a></td>
                    <td>{r.email}</td>
                    <td>{local_minute(r.created_at)}</td>
                </tr>
            }
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
}

#[component]
pub fn RevisionDetailPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let stale = use_query_map().with_untracked(|q| q.get_str("superata").is_some())
        || use_context::<RevisionEditState>().is_some_and(|s| s.unsaved);
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
            // A photo as the photo (staff see one not yet published at their own address).
            // Named by its column, so that the two photos are told apart by ear too.
            let cell = |raw: &str, alt: &'static str| {
                if field == "photo" && crate::core::validate::space::is_photo_name(raw) {
                    let src = paths::photo_at(paths::ADMIN_PHOTO, raw, PhotoSize::Card);
                    view! { <img class="photo-preview" src=src alt=alt width="360" height="240" /> }
                        .into_any()
                } else {
                    view! { {value_words(t, field, raw, &names)} }.into_any()
                }
            };
            view! {
                <tr>
                    <th scope="row">{field_words(t, field, false)}</th>
                    <td>{cell(now, m.revision_photo_now)}</td>
                    <td>{cell(proposed, m.revision_photo_proposed)}</td>
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
        {(stale && pending).then(|| view! { <p class="notice notice--error" role="alert">{m.revision_stale}</p> })}
        // What approving would change, while it can still be approved.
        {pending.then(|| view! { <h2>{m.revision_changes}</h2> {changes} })}
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
                <EditBeforeApproving staff=staff.clone() page=page.clone() />
            }
            .into_any()
        } else {
            let when = page.decided_at.map(local_minute).unwrap_or_default();
            let decided = match page.status.as_str() {
                "approved" => (m.revision_was_approved)(&when),
                "rejected" => (m.revision_was_rejected)(&when),
                _ => m.revision_decided.to_owned(),
            };
            view! {
                <p class="notice" role="status">{decided}</p>
                {page.reason.clone().map(|r| view! { <p>{m.reason_label} ": " {r}</p> })}
                {unsaved_corrections(&page)}
            }
            .into_any()
        }}
    }
}

/// A colleague decided the proposal while this staff member corrected it: their corrections,
/// not saved, field by field, to carry over to the listing by hand if they still apply.
/// (Rendered on the server only: the context comes with a post answered there.)
#[cfg(not(feature = "ssr"))]
fn unsaved_corrections(_: &RevisionPage) -> Option<AnyView> {
    None
}

#[cfg(feature = "ssr")]
fn unsaved_corrections(page: &RevisionPage) -> Option<AnyView> {
    let t = use_texts();
    let m = t.managers;
    let state = use_context::<RevisionEditState>().filter(|s| s.unsaved)?;
    // Only what this person changed from what their form showed: a field only the colleague
    // changed is not theirs to carry over (copying it back would undo the colleague's work).
    let base = if state.base.is_empty() {
        serde_json::to_string(&page.merged).ok()?
    } else {
        state.base
    };
    let changed = crate::backend::edits::changed_fields(&state.input, &base)?;
    if changed.is_empty() {
        return None;
    }
    let rows = changed
        .into_iter()
        .map(|(key, value)| {
            let value = value
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| value.to_string());
            view! { <dt>{field_words(t, &key, false)}</dt> <dd class="prewrap">{value}</dd> }
        })
        .collect_view();
    Some(
        view! {
            <div class="notice notice--warning" role="alert">
                <p>{m.revision_corrections_unsaved}</p>
                <dl class="facts">{rows}</dl>
            </div>
        }
        .into_any(),
    )
}
