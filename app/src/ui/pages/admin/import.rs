//! `/admin/importa`: staff upload a CSV or GeoJSON file of spaces (the 2021 mapping's
//! spreadsheet, or an export edited in Excel). `/admin/importa/{id}`: the dry-run preview —
//! rows to create, to update (which fields), errors per row — then, once confirmed, the
//! progress (refreshed by the page itself, no JavaScript needed) and the report.

use crate::api::context::StaffContext;
use crate::api::error::AppError;
use crate::api::{staff_import, staff_imports};
use crate::core::datetime::local_minute;
use crate::core::paths;
use crate::core::view::{
    ImportAction, ImportFileError, ImportListItem, ImportPage, ImportRowView, ImportState,
};
use crate::ui::lang::use_texts;
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

/// Provided in context when staff asked to revert an import: the confirmation step, or the
/// refusal because spaces changed since.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RevertState {
    pub confirm: bool,
    pub blocked: bool,
    pub leave_changed: bool,
}

/// Provided in context when the upload comes back refused.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportUploadState {
    pub error: Option<ImportFileError>,
}

#[component]
pub fn ImportUploadPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.admin.import_title />
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let staff = match crate::ui::pages::admin::staff_gate(paths::IMPORT).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    match staff_imports().await {
                        Ok(imports) => view! { <Upload staff imports /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Upload(staff: StaffContext, imports: Vec<ImportListItem>) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let error = use_context::<ImportUploadState>()
        .and_then(|s| s.error)
        .map(|e| a.import_file_error(e));
    let invalid = error.is_some();
    let recent = (!imports.is_empty()).then(|| {
        let rows = imports
            .into_iter()
            .map(|i| {
                view! {
                    <tr>
                        <td>
                            <a href=paths::import(i.id)>{i.filename}</a>
                        </td>
                        <td>{local_minute(i.created_at)}</td>
                        <td>{i.by}</td>
                        <td>
                            {if i.reverted {
                                a.import_reverted_short
                            } else if i.finished {
                                a.import_done
                            } else {
                                a.import_not_applied
                            }}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h2>{a.import_recent}</h2>
            <div class="table-wrap">
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{a.import_file}</th>
                            <th scope="col">{a.when}</th>
                            <th scope="col">{a.who}</th>
                            <th scope="col">{a.status}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    view! {
        <crate::ui::pages::admin::AdminBar staff=staff.clone() />
        <nav class="breadcrumb" aria-label=crate::ui::lang::use_texts().breadcrumb>
            <a href=paths::ADMIN>{a.area}</a>
        </nav>
        <h1>{a.import_title}</h1>
        <p>{a.import_intro}</p>
        <details class="help">
            <summary>{a.import_columns_title}</summary>
            <p>{a.import_columns}</p>
            <super::import_help::ColumnsHelp />
        </details>
        <form
            class="form"
            method="post"
            action=paths::IMPORT
            enctype="multipart/form-data"
            novalidate
        >
            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
            <div class="field" class:field--invalid=invalid>
                <label for="file">{a.import_file}</label>
                {error
                    .map(|e| {
                        view! {
                            <p class="field__error" id="file-error" role="alert">
                                {e}
                            </p>
                        }
                    })}
                <input
                    id="file"
                    name="file"
                    type="file"
                    accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json"
                    required
                    aria-invalid=invalid.then_some("true")
                    aria-describedby=invalid.then_some("file-error")
                    autofocus=invalid
                />
                <p class="field__hint">{a.import_file_hint}</p>
            </div>
            <div class="field">
                <label for="stato">{a.import_new_status}</label>
                <select id="stato" name="stato">
                    <option value="pending" selected>
                        {a.status_pending}
                    </option>
                    <option value="published">{a.status_published}</option>
                </select>
            </div>
            <div class="check">
                <input type="checkbox" id="archiviati" name="archiviati" value="1" />
                <label for="archiviati">{a.import_include_archived}</label>
            </div>
            <button type="submit" class="btn btn--primary">
                {a.import_preview_button}
            </button>
        </form>
        {recent}
    }
}

#[component]
pub fn ImportDetailPage() -> impl IntoView {
    let t = use_texts();
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let (changed, reverted) = leptos_router::hooks::use_query_map().with_untracked(|q| {
        (
            q.get_str("cambiato").is_some(),
            q.get_str("annullata").is_some(),
        )
    });
    view! {
        <Title text=t.admin.import_title />
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let here = paths::import(id.unwrap_or_default());
                    let staff = match crate::ui::pages::admin::staff_gate(&here).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let Some(id) = id else {
                        return view! { <ErrorNotice err=AppError::NotFound /> }.into_any();
                    };
                    match staff_import(id).await {
                        Ok(page) => view! { <Detail staff page changed reverted /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Detail(staff: StaffContext, page: ImportPage, changed: bool, reverted: bool) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let action = paths::import(page.id);
    let p = page.preview;
    let body = match page.state {
        ImportState::Preview => {
            // Rows that change a space, or make someone its manager.
            let unchanged_with_manager = page
                .rows
                .iter()
                .filter(|r| r.action == ImportAction::Unchanged && !r.managers.is_empty())
                .count() as i64;
            let to_apply = p.created + p.updated + unchanged_with_manager;
            let undoing: usize = page
                .rows
                .iter()
                .map(|r| r.changes.iter().filter(|c| c.undoes_staff_edit).count())
                .sum();
            let rows = page
                .rows
                .into_iter()
                .map(|r| view! { <PreviewRow r /> })
                .collect_view();
            view! {
                {changed.then(|| view! { <p class="notice notice--error" role="alert">{a.import_changed_notice}</p> })}
                <h2>{a.import_preview}</h2>
                <ul class="import-counts" role="status">
                    <li>{(a.import_to_create)(p.created)}</li>
                    <li>{(a.import_to_update)(p.updated)}</li>
                    <li>{(a.import_unchanged)(p.unchanged)}</li>
                    <li class:import-counts__errors={p.errors > 0}>{(a.import_with_errors)(p.errors)}</li>
                </ul>
                {(!page.ignored_columns.is_empty())
                    .then(|| {
                        view! {
                            <p class="field__hint import-ignored">
                                {a.import_ignored} ": " {page.ignored_columns.join(", ")}
                            </p>
                        }
                    })}
                {(p.errors > 0).then(|| view! { <p>{a.import_errors_skipped}</p> })}
                {(undoing > 0).then(|| view! { <p class="notice notice--error">{(a.import_undo_warning)(undoing)}</p> })}
                {if to_apply > 0 {
                    view! {
                        <form method="post" action=action.clone()>
                            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
                            <input type="hidden" name="piano" value=page.digest.clone() />
                            <p>{(a.import_new_status_note)(a.status(page.new_status))}</p>
                            <button type="submit" class="btn btn--primary">
                                {(a.import_confirm)(to_apply)}
                            </button>
                        </form>
                    }
                        .into_any()
                } else {
                    view! { <p class="notice">{a.import_nothing}</p> }.into_any()
                }}
                <div class="table-wrap">
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">{a.import_line}</th>
                                <th scope="col">{a.name}</th>
                                <th scope="col">{a.municipality}</th>
                                <th scope="col">{a.import_matched}</th>
                                <th scope="col">{a.import_outcome}</th>
                                <th scope="col">{a.import_details}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {(page.rows_hidden > 0).then(|| view! { <p>{(a.import_more_rows)(page.rows_hidden)}</p> })}
            }
                .into_any()
        }
        ImportState::Running {
            done,
            total,
            stalled,
        } => {
            view! {
                // The page reloads itself while the import runs (works without JavaScript).
                {(!stalled).then(|| view! { <Meta http_equiv="refresh" content="2" /> })}
                <h2>{a.import_running}</h2>
                <label for="import-progress">{(a.import_progress)(done, total)}</label>
                <progress id="import-progress" max=total value=done>
                    {(a.import_progress)(done, total)}
                </progress>
                {stalled
                    .then(|| {
                        view! {
                            <form method="post" action=action.clone()>
                                <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
                                <p>{a.import_stalled}</p>
                                <button type="submit" class="btn btn--primary">
                                    {a.import_resume}
                                </button>
                            </form>
                        }
                    })}
            }
            .into_any()
        }
        ImportState::Finished { report } => {
            let revert_state = use_context::<RevertState>().unwrap_or_default();
            // Nothing left to revert (every change was changed since): no button.
            let revert = page.revert.clone().filter(|r| r.remove + r.restore > 0).map(|r| {
                let changed_list = (!r.changed_since.is_empty()).then(|| {
                    let items = r
                        .changed_since
                        .iter()
                        .map(|c| {
                            let label = format!(
                                "{} ({})",
                                c.name.clone().unwrap_or_else(|| a.import_deleted_space.to_owned()),
                                (a.import_line_of)(c.line)
                            );
                            match c.name {
                                Some(_) => view! {
                                    <li><a href=paths::admin_space(c.space_id)>{label}</a></li>
                                }
                                .into_any(),
                                None => view! { <li>{label}</li> }.into_any(),
                            }
                        })
                        .collect_view();
                    view! {
                        <p>{a.import_revert_changed}</p>
                        <ul>{items}</ul>
                    }
                });
                let has_changed = !r.changed_since.is_empty();
                let revert_action = format!("{action}/annulla");
                let step = if revert_state.confirm {
                    view! {
                        <div class="notice notice--error" role="alert" tabindex="-1" autofocus>
                            <h3>{a.import_revert_confirm_title}</h3>
                            {revert_state.blocked.then(|| view! { <p>{a.import_revert_blocked}</p> })}
                            <p>{(a.import_revert_effects)(r.remove, r.restore)}</p>
                            {changed_list}
                            <form method="post" action=revert_action>
                                <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
                                <input type="hidden" name="conferma" value="1" />
                                {has_changed.then(|| view! {
                                    <div class="check">
                                        <input type="checkbox" id="lascia" name="lascia" value="1" checked=revert_state.leave_changed />
                                        <label for="lascia">{a.import_revert_leave}</label>
                                    </div>
                                })}
                                <button type="submit" class="btn btn--primary">{a.import_revert_confirm_button}</button>
                                " "
                                <a href=action.clone()>{a.import_revert_back}</a>
                            </form>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <p>{(a.import_revert_effects)(r.remove, r.restore)}</p>
                        {changed_list}
                        <form method="post" action=revert_action>
                            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
                            {has_changed.then(|| view! {
                                <div class="check">
                                    <input type="checkbox" id="lascia" name="lascia" value="1" />
                                    <label for="lascia">{a.import_revert_leave}</label>
                                </div>
                            })}
                            <button type="submit" class="btn btn--outline">{a.import_revert_button}</button>
                        </form>
                    }
                    .into_any()
                };
                view! {
                    <h2>{a.import_revert_title}</h2>
                    {step}
                }
            });
            let reverted_note = page.reverted_at.map(|at| {
                view! {
                    <p class="notice" role=if reverted { "status" } else { "note" }>
                        {(a.import_reverted)(&local_minute(at), page.reverted_left)}
                    </p>
                }
            });
            view! {
                {reverted_note}
                <div class="notice notice--success" role=if reverted { "note" } else { "status" }>
                    <h2>
                        {if page.reverted_at.is_some() {
                            a.import_done_before_revert
                        } else {
                            a.import_done_title
                        }}
                    </h2>
                    <ul>
                        <li>{(a.import_created)(report.created)}</li>
                        <li>{(a.import_updated)(report.updated)}</li>
                        <li>{(a.import_unchanged)(report.unchanged)}</li>
                        <li>{(a.import_with_errors)(report.errors)}</li>
                        {(report.conflicts > 0).then(|| view! { <li>{(a.import_conflicts)(report.conflicts)}</li> })}
                        {(report.managers > 0).then(|| view! { <li>{(a.import_managers)(report.managers)}</li> })}
                    </ul>
                </div>
                <p>
                    <a href=paths::ADMIN>{a.import_back}</a>
                    " · "
                    <a href=paths::IMPORT>{a.import_another}</a>
                </p>
                {revert}
            }
            .into_any()
        }
    };

    view! {
        <crate::ui::pages::admin::AdminBar staff=staff.clone() />
        <nav class="breadcrumb" aria-label=crate::ui::lang::use_texts().breadcrumb>
            <a href=paths::ADMIN>{a.area}</a>
            " › "
            <a href=paths::IMPORT>{a.import_title}</a>
        </nav>
        <h1>{page.filename.clone()}</h1>
        <p>{(a.import_uploaded)(&local_minute(page.created_at))}</p>
        {body}
    }
}

#[component]
fn PreviewRow(r: ImportRowView) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let (label, class) = match r.action {
        ImportAction::Create => (a.import_action_create, "published"),
        ImportAction::Update => (a.import_action_update, "pending"),
        ImportAction::Unchanged => (a.import_action_unchanged, "archived"),
        ImportAction::Error => (a.import_action_error, "rejected"),
    };
    let none = a.import_none_value;
    // Values as the staff form names them (a position's precision, the kinds).
    let shown = move |field: crate::core::validate::space::Field, v: &str| {
        use crate::core::model::{PositionPrecision, SpaceKind};
        if v.is_empty() {
            return none.to_owned();
        }
        match field {
            crate::core::validate::space::Field::Precision => PositionPrecision::from_code(v)
                .map_or_else(|| v.to_owned(), |p| a.precision(p).to_owned()),
            crate::core::validate::space::Field::Kinds => v
                .split(", ")
                .map(|k| SpaceKind::from_code(k).map_or(k, |k| t.kind(k)))
                .collect::<Vec<_>>()
                .join(", "),
            _ => v.to_owned(),
        }
    };
    let details = if r.errors.is_empty() && r.changes.is_empty() {
        ().into_any()
    } else if r.errors.is_empty() {
        let items = r
            .changes
            .iter()
            .map(|c| {
                view! {
                    <li class:import-change--undo=c.undoes_staff_edit>
                        <strong>{t.field(c.field)}</strong>
                        ": " <del>{shown(c.field, &c.old)}</del> " → " <ins>{shown(c.field, &c.new)}</ins>
                        {c.undoes_staff_edit.then(|| view! { " " <em>"(" {a.import_undoes} ")"</em> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="import-changes">{items}</ul> }.into_any()
    } else {
        use crate::core::validate::Problem::{AmbiguousMatch, NotUpdatable, UnderReview};
        r.errors
            .iter()
            .map(|(f, p)| {
                // What the row says, beside the problem ("Comune «Modena»: …").
                let typed = r
                    .typed
                    .iter()
                    .find(|(field, v)| field == f && !v.is_empty())
                    .map(|(_, v)| format!(" «{v}»"))
                    .unwrap_or_default();
                match p {
                    // About the row as a whole, not its name.
                    AmbiguousMatch { .. } | UnderReview | NotUpdatable => t.problem(*p),
                    _ => format!("{}{typed}: {}", t.field(*f), t.problem(*p)),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
            .into_any()
    };
    let candidates = (!r.candidates.is_empty()).then(|| {
        let items = r
            .candidates
            .into_iter()
            .map(|m| {
                view! {
                    <li>
                        <a href=paths::admin_space(m.id)>{m.name}</a>
                        " (" {a.status(m.status)} ", slug " <code>{m.slug}</code> ")"
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="import-changes">{items}</ul> }
    });
    let matched = r.matched.map(|m| {
        let how = if m.by_slug {
            a.import_by_slug
        } else {
            a.import_by_name
        };
        view! {
            <a href=paths::admin_space(m.id)>{m.name}</a>
            " (" {a.status(m.status)} ", " {how} ")"
        }
    });
    view! {
        <tr>
            <td>{r.line}</td>
            <td>{r.name}</td>
            <td>{r.municipality}</td>
            <td>{matched} {candidates}</td>
            <td>
                <span class=format!("status status--{class}")>{label}</span>
            </td>
            <td>
                {details}
                {r.managers.iter().map(|email| view! { <p class="import-manager">{(a.import_manager_added)(email)}</p> }).collect_view()}
            </td>
        </tr>
    }
}
