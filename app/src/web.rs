//! The top layer (server only): HTTP with axum. `router` is every route and middleware in one
//! table; `forms` handles the posts; `respond` and `guard` are how it answers and who may pass;
//! `security` (headers, CSP, request ids), `page_cache`, `opendata` (the downloads), `oembed`,
//! `photos` (spaces' photos, from the database), `static_files`, `listener` (the sockets) and `run` (starting the server).

pub mod embed_preview;
pub mod forms;
pub mod guard;
pub mod language;
pub mod listener;
pub mod oembed;
pub mod opendata;
pub mod page_cache;
pub mod photos;
pub mod respond;
pub mod router;
pub mod run;
pub mod security;
pub mod static_files;
