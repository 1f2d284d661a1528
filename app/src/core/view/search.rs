//! What the staff's one search box finds across everything they handle: spaces (by name,
//! address, organisation, municipality and contacts), join requests (by reference, space,
//! contact), registrations (by name or e-mail, in every event) and events.

use crate::core::model::event::{EventStatus, RsvpStatus};
use crate::core::view::{StaffSpaceRow, SubmissionRow};
use serde::{Deserialize, Serialize};

/// The most results shown of each kind (each kind says how many there are in all).
pub const FOUND_MAX: usize = 20;

/// The search page: the query and, per kind, the first results and how many in all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StaffSearchPage {
    pub q: String,
    pub spaces: Found<StaffSpaceRow>,
    pub requests: Found<SubmissionRow>,
    pub registrations: Found<FoundRegistration>,
    pub events: Found<FoundEvent>,
}

/// The first [`FOUND_MAX`] results of a kind and how many there are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Found<T> {
    pub first: Vec<T>,
    pub total: usize,
}

impl<T> Default for Found<T> {
    fn default() -> Self {
        Found {
            first: Vec::new(),
            total: 0,
        }
    }
}

impl<T> FromIterator<T> for Found<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut found = Found::default();
        for item in iter {
            if found.first.len() < FOUND_MAX {
                found.first.push(item);
            }
            found.total += 1;
        }
        found
    }
}

/// A registration found, with its event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundRegistration {
    pub id: i64,
    pub event_id: i64,
    pub event_title: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub status: RsvpStatus,
}

/// An event found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundEvent {
    pub id: i64,
    pub title: String,
    pub starts_at: i64,
    pub status: EventStatus,
}
