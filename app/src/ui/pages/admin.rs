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
pub mod invitation;
pub mod review;
pub mod sign_in;
pub mod space_edit;
pub mod space_new;
pub mod staff;

/// The gate of every staff page: the signed-in staff member, or what to show instead — nothing,
/// with a redirect to the sign-in page that comes back to `here`, or the error.
pub async fn staff_gate(here: &str) -> Result<StaffContext, AnyView> {
    match crate::api::context::current_staff().await {
        Ok(Some(staff)) => Ok(staff),
        Ok(None) => {
            crate::api::context::redirect(&paths::sign_in_then(here));
            Err(().into_any())
        }
        Err(err) => Err(view! { <crate::ui::pages::not_found::ErrorNotice err /> }.into_any()),
    }
}

/// The bar at the top of every staff page: who is signed in, the sections, sign-out.
#[component]
pub fn AdminBar(staff: StaffContext) -> impl IntoView {
    let a = use_texts().admin;
    view! {
        <div class="admin-bar">
            <p>{(a.signed_in_as)(&staff.user.name, a.role(staff.user.role))}</p>
            <nav class="admin-bar__nav" aria-label=a.area>
                <a href=paths::ADMIN>{a.spaces_heading}</a>
                <a href=paths::SUBMISSIONS>{use_texts().review.nav}</a>
                <a href=paths::ADMIN_EVENTS>{use_texts().events.nav}</a>
                <a href=paths::IMPORT>{a.import_short}</a>
                {staff
                    .user
                    .role
                    .allows(crate::core::model::Role::Admin)
                    .then(|| view! { <a href=paths::STAFF>{a.staff_link}</a> })}
            </nav>
            <form method="post" action=paths::SIGN_OUT>
                <input type="hidden" name="csrf" value=staff.csrf_token.clone() />
                <button type="submit" class="btn btn--outline">{a.sign_out}</button>
            </form>
        </div>
    }
}
