//! The staff area's pages (`/admin/…`). Every one checks the session on the server; staff
//! server functions check it again.

pub mod dashboard;
pub mod invitation;
pub mod sign_in;
pub mod space_edit;
pub mod space_new;
pub mod staff;

/// Where the sign-in form posts (the page's own URL).
pub const SIGN_IN_ACTION: &str = "/admin/accedi";
/// Where the sign-out form posts.
pub const SIGN_OUT_ACTION: &str = "/admin/esci";
/// Where the new-space form posts (the page's own URL).
pub const NEW_SPACE_ACTION: &str = "/admin/spazi/nuovo";
/// Where the invitation form posts (the page's own URL); admins only.
pub const STAFF_ACTION: &str = "/admin/staff";
