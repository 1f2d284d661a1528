//! The form posts and downloads the router sends here, one file per area: staff sign-in,
//! spaces, accounts, imports, review and events; the public join form and RSVPs. Forms post to
//! their page's own URL: on an error the page is rendered again with the typed values and the
//! messages (no JavaScript needed), on success the browser is redirected (post/redirect/get).
//! `edit` is what every staff edit form shares.

pub mod accounts;
pub mod confirmations;
pub mod edit;
pub mod events;
pub mod imports;
pub mod join;
pub mod managers;
pub mod passwords;
pub mod registrations;
pub mod review;
pub mod revisions;
pub mod rsvp;
pub mod sign_in;
pub mod space_managers;
pub mod space_photo;
pub mod spaces;
