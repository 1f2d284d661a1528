//! Server functions: what the pages ask the server for. Each one is thin — check who asks,
//! parse, call `backend` with what `context` gives, map the result — and each is also an HTTP
//! endpoint, so nothing here trusts its arguments. One file per area; `context` is what they
//! (and the pages) may ask of the request, `error` the error that crosses the wire.

pub mod context;
pub mod error;

pub mod accounts;
pub mod events;
pub mod imports;
pub mod join;
pub mod managers;
pub mod municipalities;
pub mod review;
pub mod revisions;
pub mod search;
pub mod spaces;
pub mod staff_events;
pub mod staff_spaces;

pub use accounts::*;
pub use events::*;
pub use imports::*;
pub use join::*;
pub use municipalities::*;
pub use review::*;
pub use revisions::*;
pub use search::*;
pub use spaces::*;
pub use staff_events::*;
pub use staff_spaces::*;

#[cfg(test)]
mod tests {
    /// `#[server(prefix = …)]` takes only a literal: each is one of `core::paths`'s two.
    #[test]
    fn server_functions_live_under_core_paths() {
        let files = [
            include_str!("api/accounts.rs"),
            include_str!("api/events.rs"),
            include_str!("api/imports.rs"),
            include_str!("api/join.rs"),
            include_str!("api/review.rs"),
            include_str!("api/revisions.rs"),
            include_str!("api/search.rs"),
            include_str!("api/spaces.rs"),
            include_str!("api/staff_events.rs"),
            include_str!("api/staff_spaces.rs"),
        ];
        let known = [
            crate::core::paths::PUBLIC_FUNCTIONS,
            crate::core::paths::STAFF_FUNCTIONS,
        ];
        let mut seen = 0;
        for source in files {
            for rest in source.split("#[server(prefix = \"").skip(1) {
                let prefix = &rest[..rest.find('"').unwrap()];
                assert!(known.contains(&prefix), "{prefix}");
                seen += 1;
            }
        }
        assert!(seen > 20, "{seen}");
    }
}
