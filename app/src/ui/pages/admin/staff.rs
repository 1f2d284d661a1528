//! `/admin/staff`: admins manage the staff accounts — invite a colleague (the page then shows
//! the link with which they choose a password), change roles, disable and re-enable accounts,
//! give a fresh access link — and see the recent changes. Editors get 403.

use crate::api::context::{redirect, StaffContext};
use crate::api::error::AppError;
use crate::api::staff_accounts;
use crate::core::model::Role;
use crate::core::paths;
use crate::core::validate::account::{Field, InviteInput};
use crate::core::validate::FieldErrors;
use crate::core::view::{StaffAccount, StaffAccountsPage};
use crate::ui::components::audit::AuditTable;
use crate::ui::components::form::{ErrorSummary, TextField};
use crate::ui::lang::use_texts;
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// Provided in context when the invitation form comes back with errors.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InviteFormState {
    pub input: InviteInput,
    pub errors: FieldErrors<Field>,
}

/// Provided in context right after an invitation or a new access link: shown once, never
/// stored (only its hash is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLink {
    pub name: String,
    pub link: String,
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let t = use_texts();
    let (saved, stale, last_admin) = use_query_map().with_untracked(|q| {
        (
            q.get_str("salvato").is_some(),
            q.get_str("superato").is_some(),
            q.get_str("ultimo-admin").is_some(),
        )
    });
    view! {
        <Title text=t.admin.staff_title />
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let staff = match crate::ui::pages::admin::staff_gate(paths::STAFF).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    match staff_accounts().await {
                        Ok(page) => view! { <Accounts staff page saved stale last_admin /> }.into_any(),
                        Err(AppError::Unauthorized) => {
                            redirect(&paths::sign_in_then(paths::STAFF));
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
fn Accounts(
    staff: StaffContext,
    page: StaffAccountsPage,
    saved: bool,
    stale: bool,
    last_admin: bool,
) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let state = use_context::<InviteFormState>().unwrap_or_default();
    let new_link = use_context::<NewLink>();
    let subjects = page
        .accounts
        .iter()
        .map(|acc| (acc.id, acc.name.clone()))
        .collect::<Vec<_>>();
    let rows = page
        .accounts
        .into_iter()
        .map(|acc| view! { <AccountRow acc staff=staff.clone() /> })
        .collect_view();
    let role_value = if state.input.role.is_empty() {
        Role::Editor.code().to_owned()
    } else {
        state.input.role.clone()
    };
    let role_error = state.errors.get(Field::Role).map(|p| t.problem(p));
    let role_invalid = role_error.is_some();
    view! {
        <crate::ui::pages::admin::AdminBar staff=staff.clone() />
        <nav class="breadcrumb" aria-label=crate::ui::lang::use_texts().breadcrumb>
            <a href=paths::ADMIN>{a.area}</a>
        </nav>
        <h1>{a.staff_title}</h1>
        {saved.then(|| view! { <p class="notice" role="status">{a.saved}</p> })}
        {stale.then(|| view! { <p class="notice notice--error" role="alert">{a.account_stale}</p> })}
        {last_admin.then(|| view! { <p class="notice notice--error" role="alert">{a.last_admin}</p> })}
        {new_link
            .map(|l| {
                view! {
                    <div class="notice notice--success" role="status" tabindex="-1" autofocus>
                        <h2>{(a.link_for)(&l.name)}</h2>
                        <p>{a.link_explain}</p>
                        <label for="invitation-link">{a.link_label}</label>
                        <input
                            id="invitation-link"
                            class="link-field"
                            type="text"
                            readonly
                            value=l.link
                        />
                    </div>
                }
            })}
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">{a.staff_title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{a.name}</th>
                        <th scope="col">{a.email}</th>
                        <th scope="col">{a.role_heading}</th>
                        <th scope="col">{a.account_state}</th>
                        <th scope="col">{a.last_sign_in}</th>
                        <th scope="col">{a.actions}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <h2 id="invite">{a.invite_heading}</h2>
        <p>{a.invite_intro}</p>
        <ErrorSummary errors=state.errors.clone() />
        <form class="form" method="post" action=paths::STAFF novalidate>
            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
            <TextField
                field=Field::Name
                value=state.input.staff_name.clone()
                errors=state.errors.clone()
                max=crate::core::validate::NAME_MAX
                required=true
                autocomplete="off"
            />
            <TextField
                field=Field::Email
                value=state.input.staff_email.clone()
                errors=state.errors.clone()
                kind="email"
                max=crate::core::validate::EMAIL_MAX
                required=true
                autocomplete="off"
            />
            <div class="field" class:field--invalid=role_invalid>
                <label for="role">{t.field(Field::Role)}</label>
                {role_error.map(|e| view! { <p class="field__error" id="role-error">{e}</p> })}
                <select id="role" name="role">
                    {[Role::Editor, Role::Admin]
                        .into_iter()
                        .map(|r| {
                            view! {
                                <option value=r.code() selected=role_value == r.code()>
                                    {format!("{} – {}", a.role(r), a.role_explain(r))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="btn btn--primary">{a.invite}</button>
        </form>
        <h2>{a.recent_changes}</h2>
        <AuditTable entries=page.audit subjects accounts=true />
    }
}

#[component]
fn AccountRow(acc: StaffAccount, staff: StaffContext) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let state = if acc.disabled {
        a.account_disabled
    } else if acc.invited {
        a.account_invited
    } else {
        a.account_active
    };
    let actions = if acc.id == staff.user.id {
        view! { <span>{a.you}</span> }.into_any()
    } else {
        let csrf = staff.csrf_token.clone();
        let other_role = if acc.role == Role::Admin {
            Role::Editor
        } else {
            Role::Admin
        };
        view! {
            <div class="row-actions">
                // A role change gives or takes away the staff accounts: a second step says so.
                <details class="confirm">
                    <summary class="btn btn--outline btn--small">
                        {a.make_role(other_role)} "…"
                        <span class="visually-hidden">" – " {acc.name.clone()}</span>
                    </summary>
                    <p>{a.role_explain(other_role)}</p>
                    <form method="post" action=paths::staff_role(acc.id)>
                        <input type="hidden" name="csrf" value=csrf.clone() />
                        <input type="hidden" name="version" value=acc.version />
                        <input type="hidden" name="ruolo" value=other_role.code() />
                        <button type="submit" class="btn btn--danger btn--small">
                            {a.role_confirm}
                            <span class="visually-hidden">" – " {acc.name.clone()}</span>
                        </button>
                    </form>
                </details>
                {if acc.disabled {
                    view! {
                        <form method="post" action=paths::staff_status(acc.id)>
                            <input type="hidden" name="csrf" value=csrf.clone() />
                            <input type="hidden" name="version" value=acc.version />
                            <input type="hidden" name="attivo" value="1" />
                            <button type="submit" class="btn btn--outline btn--small">
                                {a.enable}
                                <span class="visually-hidden">" – " {acc.name.clone()}</span>
                            </button>
                        </form>
                    }
                    .into_any()
                } else {
                    // Disabling ends the colleague's sessions at once: a second step says so.
                    view! {
                        <details class="confirm">
                            <summary class="btn btn--outline btn--small">
                                {a.disable_step}
                                <span class="visually-hidden">" – " {acc.name.clone()}</span>
                            </summary>
                            <p>{(a.disable_effect)(&acc.name)}</p>
                            <form method="post" action=paths::staff_status(acc.id)>
                                <input type="hidden" name="csrf" value=csrf.clone() />
                                <input type="hidden" name="version" value=acc.version />
                                <input type="hidden" name="attivo" value="0" />
                                <button type="submit" class="btn btn--danger btn--small">
                                    {a.disable_confirm}
                                    <span class="visually-hidden">" – " {acc.name.clone()}</span>
                                </button>
                            </form>
                        </details>
                    }
                    .into_any()
                }}
                {(!acc.disabled)
                    .then(|| {
                        view! {
                            <form method="post" action=paths::staff_link(acc.id)>
                                <input type="hidden" name="csrf" value=csrf.clone() />
                                <button type="submit" class="btn btn--outline btn--small">
                                    {a.new_link}
                                    <span class="visually-hidden">" – " {acc.name.clone()}</span>
                                </button>
                            </form>
                        }
                    })}
            </div>
        }
        .into_any()
    };
    view! {
        <tr>
            <td>{acc.name.clone()}</td>
            <td>{acc.email.clone()}</td>
            <td>{a.role(acc.role)}</td>
            <td>
                <span class=format!(
                    "status status--{}",
                    if acc.disabled { "archived" } else if acc.invited { "pending" } else { "published" },
                )>{state}</span>
            </td>
            <td>{acc.last_sign_in.map(crate::core::datetime::local_minute).unwrap_or_else(|| "—".to_owned())}</td>
            <td>{actions}</td>
        </tr>
    }
}
