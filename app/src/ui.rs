//! The interface layer: the app and its page routes, the pages (`pages`, `pages/admin`), the
//! components they share, and the islands — the only parts that run in the browser. Pages ask
//! the server for their data through `api` only.

pub mod app;
pub mod components;
pub mod islands;
pub mod lang;
pub mod pages;
