//! The bottom layer: pure code compiled for both the server and the browser, with no I/O and
//! nothing from the layers above (see `tests/layers.rs`). The vocabulary of the domain, what
//! pages are handed, the validation both sides run, and formatting of text and dates.

pub mod calendar;
pub mod datetime;
pub mod embed;
pub mod filter;
pub mod geo;
pub mod import_columns;
pub mod lang;
pub mod model;
pub mod paths;
pub mod place;
pub mod text;
pub mod validate;
pub mod view;
