//! Spazi: the web platform of the Forum metropolitano degli spazi per l'innovazione.
//!
//! This crate holds everything but the two entry points, in layers whose dependencies run one
//! way (see ARCHITECTURE.md and `tests/layers.rs`): `core` (types, validation, formatting; both
//! builds), `i18n` (the words), `backend` (configuration, database, services; server only),
//! `api` (server functions), `ui` (the app, pages, components, islands) and `web` (HTTP;
//! server only). The app runs in Leptos *islands* mode: pages are rendered on the server only; the
//! WASM bundle holds just the `#[island]` components (the maps and the form assistants).

#![recursion_limit = "256"]

pub mod api;
pub mod core;
pub mod i18n;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod backend;
#[cfg(feature = "ssr")]
pub mod web;
