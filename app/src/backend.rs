//! The server's own layer (ssr only, no HTTP framework): the configuration and shared state,
//! the database, and the services the web layer and the server functions call — accounts and
//! sessions, e-mail and its outbox, imports, review, the e-mails about registrations, the
//! anti-robot checks, the scheduled maintenance, and the command-line commands.

pub mod antirobot;
pub mod auth;
pub mod boundaries;
pub mod cli;
pub mod clock;
pub mod context;
pub mod db;
pub mod edits;
pub mod emails;
pub mod exports;
pub mod import;
pub mod mail;
pub mod maintenance;
pub mod managers;
pub mod merge;
pub mod outbox;
pub mod photos;
pub mod review;
pub mod revisions;
pub mod rsvp_mail;
pub mod versioned_cache;
