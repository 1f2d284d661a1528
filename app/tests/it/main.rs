//! Integration tests of the server side, each against a real database: a fresh SQLite file and
//! a fresh PostgreSQL database per test (see `support`).

mod confirmations;
mod corrections;
mod db;
mod digests;
mod door;
mod embed;
mod events;
mod fuzz;
mod http;
mod import;
mod join;
mod managers;
mod managers_http;
mod merge;
mod municipalities;
mod opendata;
mod outbox;
mod passwords;
mod photos;
mod privacy;
mod review;
mod revisions;
mod scale;
mod search;
mod security;
mod staff;
mod staff_accounts;
mod support;
