//! The islands: the map and pin picker (`map`), the join and RSVP form assistants
//! (`join_assist`), the embed builder's live preview (`embed_preview`), and how a page loads
//! them (`page_assets`). Whatever
//! they reach goes into the WASM bundle: their words come as props (`i18n::islands`), never
//! from `Lang::texts`.

#[cfg(feature = "hydrate")]
pub mod browser;
pub mod embed_preview;
pub mod join_assist;
pub mod map;
pub mod page_assets;
