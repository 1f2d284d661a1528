//! One module per page.

pub mod admin;
pub mod embed;
pub mod events;
pub mod home;
pub mod join;
pub mod municipality;
pub mod my_space;
pub mod not_found;
pub mod open_data;
pub mod privacy;
pub mod rsvp;
pub mod space;
