//! The staff area's pages (`/admin/…`). Every one checks the session on the server; staff
//! server functions check it again.

use crate::api::context::StaffContext;
use crate::core::paths;
use crate::ui::lang::use_texts;
use leptos::prelude::*;

pub mod dashboard;
pub mod event_rsvps;
pub mod events;
pub mod import;
pub mod import_help;
pub mod invitation;
pub mod managers;
pub mod merge;
pub mod password;
pub mod review;
pub mod revisions;
pub mod rsvp_staff;
pub mod search;
pub mod sign_in;
pub mod space_edit;
pub mod space_new;
pub mod staff;

/// The gate of every staff page: the signed-in staff member, or what to show instead — nothing,
/// with a redirect to the sign-in page that comes back to `here`, or the error.
pub async fn staff_gate(here: &str) -> Result<StaffContext, AnyView> {
    match crate::api::context::staff_page_context().await {
        Ok(Some(staff)) => Ok(staff),
        Ok(None) => {
            crate::api::context::redirect(&paths::sign_in_then(here));
            Err(().into_any())
        }
        Err(err) => Err(view! { <crate::ui::pages::not_found::ErrorNotice err /> }.into_any()),
    }
}

/// The section of the staff area a path is in: the menu link whose page it is or is under
/// (the spaces' list is `/admin` itself, and the other pages are the spaces'); none for one's
/// own password.
fn section_of(path: &str) -> Option<&'static str> {
    let under = |section: &str| path == section || path.starts_with(&format!("{section}/"));
    [
        paths::SUBMISSIONS,
        paths::REVISIONS,
        paths::ADMIN_EVENTS,
        paths::IMPORT,
        paths::STAFF,
    ]
    .into_iter()
    .find(|section| under(section))
    .or_else(|| {
        (path != paths::CHANGE_PASSWORD && path != paths::STAFF_SEARCH).then_some(paths::ADMIN)
    })
}

/// The bar at the top of every staff page: who is signed in, the sections (the current one
/// marked, for the eye and with `aria-current`), sign-out.
#[component]
pub fn AdminBar(staff: StaffContext) -> impl IntoView {
    let t = use_texts();
    let a = t.admin;
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let section = section_of(&path);
    let own_password = path == paths::CHANGE_PASSWORD;
    // On the search page, its query stays in the box.
    let search_q = (path == paths::STAFF_SEARCH)
        .then(|| leptos_router::hooks::use_query_map().with_untracked(|q| q.get("q")))
        .flatten()
        .unwrap_or_default();
    let (to_review, revisions) = (staff.to_review, staff.revisions);
    let link = move |href: &'static str, text: &'static str| {
        let current = (section == Some(href)).then_some(if path == href { "page" } else { "true" });
        // The requests and proposals waiting for a decision, beside their section's name.
        let waiting = match href {
            paths::SUBMISSIONS => to_review,
            paths::REVISIONS => revisions,
            _ => 0,
        };
        let count = (waiting > 0).then(|| {
            view! {
                " "
                <span class="badge">
                    {waiting}
                    <span class="visually-hidden">" " {t.review.to_review_short}</span>
                </span>
            }
        });
        view! { <a href=href aria-current=current class:is-current=current.is_some()>{text}{count}</a> }
    };
    let admin = staff.user.role.allows(crate::core::model::Role::Admin);
    view! {
        <div class="admin-bar">
            <p>{(a.signed_in_as)(&staff.user.name, a.role(staff.user.role))}</p>
            <nav class="admin-bar__nav" aria-label=a.area>
                {link(paths::ADMIN, a.spaces_heading)}
                {link(paths::SUBMISSIONS, t.review.nav)}
                {link(paths::REVISIONS, t.managers.revisions_nav)}
                {link(paths::ADMIN_EVENTS, t.events.nav)}
                {link(paths::IMPORT, a.import_short)}
                {admin.then(|| link(paths::STAFF, a.staff_link))}
            </nav>
            <form class="admin-bar__search" method="get" action=paths::STAFF_SEARCH role="search">
                <label for="admin-search" class="visually-hidden">{a.search_label}</label>
                <input id="admin-search" name="q" type="search" maxlength="100" value=search_q />
                <button type="submit" class="btn btn--outline btn--small">{a.search_button}</button>
            </form>
            <form method="post" action=paths::SIGN_OUT>
                <a href=paths::CHANGE_PASSWORD aria-current=own_password.then_some("page")>{a.my_password}</a>
                " "
                <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
                <button type="submit" class="btn btn--outline">{a.sign_out}</button>
            </form>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::section_of;
    use crate::core::paths;

    #[test]
    fn each_page_is_in_its_section() {
        for (path, section) in [
            ("/admin", Some(paths::ADMIN)),
            ("/admin/spazi/3", Some(paths::ADMIN)),
            ("/admin/spazi/nuovo", Some(paths::ADMIN)),
            ("/admin/adesioni/2", Some(paths::SUBMISSIONS)),
            ("/admin/eventi", Some(paths::ADMIN_EVENTS)),
            ("/admin/eventi/4/ingresso", Some(paths::ADMIN_EVENTS)),
            ("/admin/importa/7", Some(paths::IMPORT)),
            ("/admin/staff", Some(paths::STAFF)),
            ("/admin/staffetta", Some(paths::ADMIN)),
            ("/admin/password", None),
            ("/admin/cerca", None),
        ] {
            assert_eq!(section_of(path), section, "{path}");
        }
    }
}
