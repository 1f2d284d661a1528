//! Events and RSVPs as the pages see them. Shared by the server and the browser; times are Unix
//! seconds (see `core::datetime` for Rome time).

use crate::core::model::event::*;
use serde::{Deserialize, Serialize};

/// A question the RSVP form asks when many registrations come from one network (see
/// `backend::antirobot::question`): "how much is `a` plus `b`?", and its signed token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub a: u8,
    pub b: u8,
    pub token: String,
}

/// The form fields of a [`Question`]: its token (hidden) and the answer typed.
pub const QUESTION: &str = "question";
pub const ANSWER: &str = "answer";

/// One event, its texts in the language of the request (Italian when there is no English).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventView {
    pub id: i64,
    pub slug: String,
    pub status: EventStatus,
    pub title: String,
    pub summary: String,
    pub description: String,
    /// One item per line, e.g. "17:00 Accoglienza".
    pub programme: Vec<String>,
    /// Getting there (public transport, bike, parking), as staff wrote it; may be empty.
    pub travel: String,
    /// The venue's accessibility, as staff wrote it; may be empty.
    pub access: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub venue_name: String,
    pub venue_address: String,
    /// The venue's position, only when it is known to the building (a place to navigate to):
    /// a venue space placed by its street or municipality gives none.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// The venue, when it is one of the mapped spaces (published).
    pub venue_space: Option<(String, String)>,
    pub organiser: String,
    pub contact_email: String,
    pub capacity: i64,
    pub seats_taken: i64,
    pub waiting: i64,
    /// When registrations open (`None`: as soon as the event is published).
    pub rsvp_opens_at: Option<i64>,
    /// When they close (`None`: when the event starts).
    pub rsvp_closes_at: Option<i64>,
    /// The texts shown in Italian on a page in another language (staff wrote no translation):
    /// the page marks them `lang="it"`, so a screen reader reads them in Italian.
    pub in_italian: InItalian,
}

/// Which of an event's texts fell back to Italian (see [`EventView::in_italian`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InItalian {
    pub title: bool,
    pub summary: bool,
    pub description: bool,
    pub programme: bool,
    pub travel: bool,
    pub access: bool,
}

impl InItalian {
    /// The `lang` attribute of a text: `Some("it")` when it fell back.
    pub fn lang(fell_back: bool) -> Option<&'static str> {
        fell_back.then_some("it")
    }
}

impl EventView {
    pub fn closes_at(&self) -> i64 {
        self.rsvp_closes_at.unwrap_or(self.starts_at)
    }

    pub fn seats_left(&self) -> i64 {
        (self.capacity - self.seats_taken).max(0)
    }

    /// The registration window at `now`.
    pub fn window(&self, now: i64) -> Window {
        window(
            self.status,
            now,
            self.rsvp_opens_at,
            self.closes_at(),
            self.ends_at,
        )
    }

    pub fn is_past(&self, now: i64) -> bool {
        now >= self.ends_at
    }
}

/// One person's registration, as shown on their personal page (reached by its link).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RsvpView {
    pub event: EventView,
    pub status: RsvpStatus,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    pub accessibility: Option<String>,
    /// 1 for the first in line, while waiting.
    pub queue_position: Option<i64>,
    pub created_at: i64,
    /// Whether it can still be cancelled from the page (until the event starts).
    pub can_cancel: bool,
    /// Cancelled while the event still takes registrations: the page offers to register again.
    pub can_register_again: bool,
    /// For a confirmed registration: the short code staff find it by at the door, and the QR
    /// code (SVG, made by the server) of the door screen's address for it.
    pub checkin_code: Option<String>,
    pub checkin_qr: Option<String>,
}

/// The events page: upcoming (soonest first) and past (latest first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct EventsPage {
    pub upcoming: Vec<EventView>,
    pub past: Vec<EventView>,
    pub now: i64,
}

/// An event's page: the event, "now", what the form needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPage {
    pub event: EventView,
    pub now: i64,
    /// Names of the published spaces, offered as suggestions for "organisation or space";
    /// `None` when there are too many to put in the page (the browser fetches them).
    pub spaces: Option<Vec<String>>,
    /// The form's signed "shown at" token (the minimum fill time).
    pub token: String,
    /// The site's address (`https://…`), for the absolute links calendars need.
    pub base_url: String,
}

/// Counts of an event's registrations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RsvpCounts {
    pub confirmed: i64,
    pub waiting: i64,
    pub cancelled: i64,
    /// Confirmed people marked present at the door.
    pub checked_in: i64,
}

/// One event in the staff list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffEventRow {
    pub id: i64,
    pub slug: String,
    pub status: EventStatus,
    /// Raised by every staff change: the edit form sends back the version it showed.
    pub version: i64,
    pub title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub capacity: i64,
    pub counts: RsvpCounts,
}

/// A mapped space offered as an event's venue: choosing it fills in the venue's name and
/// address (in the browser as it is chosen, on the server when they were left empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VenueChoice {
    pub id: i64,
    pub name: String,
    /// Its street address with its municipality, as staff would type it ("Via X 1, Imola").
    pub address: String,
    /// Its position is known to the building: otherwise the event's page and calendars give no
    /// point to go to, and staff are asked to correct it.
    pub exact: bool,
}

impl VenueChoice {
    /// `address` and `town` as one line, either possibly missing.
    pub fn address_line(address: Option<String>, town: Option<String>) -> String {
        [address, town]
            .into_iter()
            .flatten()
            .filter(|part| !part.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The staff page of one event: the form's values, counts, the mapped spaces for the venue
/// select, the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffEventPage {
    pub event: StaffEventRow,
    pub input: crate::core::validate::event::EventInput,
    /// The form's values as read, serialised (sent back with the form: see
    /// `admin::merge_edits`).
    pub base: String,
    pub spaces: Vec<VenueChoice>,
    pub audit: Vec<crate::core::view::AuditView>,
    /// Whether the member of staff looking follows it (its daily digest).
    pub following: bool,
}

/// One registration in the staff list and at the door.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRsvpRow {
    pub id: i64,
    pub status: RsvpStatus,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    pub accessibility: Option<String>,
    pub created_at: i64,
    pub checked_in_at: Option<i64>,
    /// Its place in the waiting line (1 is next), when waiting.
    pub queue_position: Option<i64>,
}

/// The staff list of an event's registrations (filtered by `q`, a name or e-mail).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffRsvpsPage {
    pub event: StaffEventRow,
    pub rsvps: Vec<StaffRsvpRow>,
    pub q: String,
}
