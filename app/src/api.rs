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
pub mod review;
pub mod spaces;
pub mod staff_events;
pub mod staff_spaces;

pub use accounts::*;
pub use events::*;
pub use imports::*;
pub use join::*;
pub use review::*;
pub use spaces::*;
pub use staff_events::*;
pub use staff_spaces::*;
