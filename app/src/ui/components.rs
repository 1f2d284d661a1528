//! Building blocks shared by the pages.

pub mod audit;
pub mod form;
pub mod layout;
pub mod oembed;
pub mod place;
pub mod space_card;
