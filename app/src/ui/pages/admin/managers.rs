//! `/admin/spazi/{id}/gestori`: the managers of a space — who they are, how they got there;
//! staff add an address or remove one (posting to this URL, `web::forms::managers`). A page
//! of its own, so that nothing typed in the space's edit form is left behind by it.

use crate::api::context::StaffContext;
use crate::api::error::AppError;
use crate::api::staff_space_page;
use crate::core::datetime::day_date;
use crate::core::paths;
use crate::core::view::StaffSpacePage;
use crate::ui::components::form::EmailField;
use crate::ui::lang::use_texts;
use crate::ui::pages::not_found::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn SpaceManagersPage() -> impl IntoView {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    view! {
        <Meta name="robots" content="noindex" />
        <div class="container page">
            <Suspense>
                {Suspend::new(async move {
                    let here = paths::admin_space_managers(id.unwrap_or_default());
                    let staff = match crate::ui::pages::admin::staff_gate(&here).await {
                        Ok(staff) => staff,
                        Err(view) => return view,
                    };
                    let Some(id) = id else {
                        return view! { <ErrorNotice err=AppError::NotFound /> }.into_any();
                    };
                    match staff_space_page(id).await {
                        Ok(page) => view! { <Managers staff page /> }.into_any(),
                        Err(err) => view! { <ErrorNotice err /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Managers(staff: StaffContext, page: StaffSpacePage) -> impl IntoView {
    let t = use_texts();
    let (a, m) = (t.admin, t.managers);
    let action = paths::admin_space_managers(page.id);
    // A notice tells of a change only when the audit trail has it at the time the address
    // names (`a`) — and the list agrees — so a link sent to staff cannot make the page tell of
    // a change not made; "already" and "was not" only when the list says so.
    let listed = |email: &str| page.managers.iter().any(|m| m.email == email);
    let recorded = |action: &str, at: i64, email: Option<&str>| {
        page.audit.iter().any(|e| {
            e.action == action
                && e.at == at
                && email.is_none_or(|email| {
                    e.changes.iter().any(|(field, before, after)| {
                        field == "manager" && (before == email || after == email)
                    })
                })
        })
    };
    let notice = use_query_map().with_untracked(|q| {
        let at = q.get("a").and_then(|a| a.parse::<i64>().ok());
        let email = |key: &str| q.get(key).filter(|e| crate::core::validate::is_email(e));
        if let Some(e) = email("aggiunto") {
            let done = listed(&e) && at.is_some_and(|at| recorded("manager_added", at, Some(&e)));
            return done.then(|| (m.staff_added)(&e));
        }
        if let Some(e) = email("tolto") {
            let done =
                !listed(&e) && at.is_some_and(|at| recorded("manager_removed", at, Some(&e)));
            return done.then(|| (m.staff_removed)(&e));
        }
        if let Some(e) = email("gia") {
            return listed(&e).then(|| (m.staff_already)(&e));
        }
        if let Some(e) = email("non") {
            return (!listed(&e)).then(|| (m.staff_not_manager)(&e));
        }
        if let Some(n) = q.get("chiesto").and_then(|n| n.parse::<i64>().ok()) {
            let done = n > 0
                && n == page.managers.len() as i64
                && at.is_some_and(|at| recorded("confirmation_asked", at, None));
            return done.then(|| (m.staff_asked)(n));
        }
        // Trust only after the change the link names (its time on the record, the latest).
        let fidati = q.get("fidati")?;
        if fidati == "gia" {
            return Some(m.staff_trust_unchanged.to_owned());
        }
        let at = fidati.parse::<i64>().ok()?;
        let last = page.audit.iter().find(|e| e.action == "managers_trusted")?;
        (last.at == at).then(|| {
            if page.managers_trusted {
                m.staff_trusted_on.to_owned()
            } else {
                m.staff_trusted_off.to_owned()
            }
        })
    });
    let rows = page
        .managers
        .iter()
        .map(|manager| {
            let source = format!(
                "{}, {}",
                m.source(&manager.source),
                (m.staff_since)(&day_date(manager.added_at, t.lang))
            );
            view! {
                <li class="manager">
                    <span class="manager__email">{manager.email.clone()}</span>
                    <span class="manager__source">{source}</span>
                    <form method="post" action=action.clone()>
                        <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
                        <input type="hidden" name="azione" value="togli" />
                        <input type="hidden" name="email" value=manager.email.clone() />
                        <button type="submit" class="btn btn--secondary btn--small">
                            {(m.staff_remove)(&manager.email)}
                        </button>
                    </form>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=format!("{} – {}", m.staff_title, page.input.name) />
        <crate::ui::pages::admin::AdminBar staff=staff.clone() />
        <nav class="breadcrumb" aria-label=t.breadcrumb>
            <a href=paths::ADMIN>{a.area}</a>
            " › "
            <a href=paths::admin_space(page.id)>{page.input.name.clone()}</a>
        </nav>
        <h1>{m.staff_title} " – " {page.input.name.clone()}</h1>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <p>{m.staff_intro}</p>
        {if page.managers.is_empty() {
            view! { <p>{m.staff_none}</p> }.into_any()
        } else {
            view! { <ul class="managers">{rows}</ul> }.into_any()
        }}
        {(!page.managers.is_empty()).then(|| view! {
            <form method="post" action=action.clone()>
                <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
                <input type="hidden" name="azione" value="chiedi" />
                <button type="submit" class="btn btn--secondary">{m.staff_ask_now}</button>
            </form>
        })}
        <h2>{m.staff_trust_title}</h2>
        <p>{if page.managers_trusted { m.staff_trusted_now } else { m.staff_untrusted_now }}</p>
        <form method="post" action=action.clone()>
            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
            <input type="hidden" name="azione" value=if page.managers_trusted { "non-fidati" } else { "fidati" } />
            <button type="submit" class="btn btn--secondary">
                {if page.managers_trusted { m.staff_untrust } else { m.staff_trust }}
            </button>
        </form>
        <h2>{m.staff_add_title}</h2>
        <form class="form" method="post" action=action.clone() novalidate>
            <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
            <input type="hidden" name="azione" value="aggiungi" />
            <EmailField
                id="manager-email"
                label=m.staff_add_label.to_owned()
                autocomplete="off"
            />
            <button type="submit" class="btn btn--primary">{m.staff_add}</button>
        </form>
    }
}
