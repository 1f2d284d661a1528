//! Events and RSVPs as the pages see them, and the rules of the registration window. Shared by
//! the server and the browser; times are Unix seconds (see `crate::datetime` for Rome time).

use serde::{Deserialize, Serialize};

/// An event's life: drafts are for staff only; cancelled events stay visible, saying so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventStatus {
    Draft,
    Published,
    Cancelled,
}

impl EventStatus {
    pub const ALL: [EventStatus; 3] = [
        EventStatus::Draft,
        EventStatus::Published,
        EventStatus::Cancelled,
    ];

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            EventStatus::Draft => "draft",
            EventStatus::Published => "published",
            EventStatus::Cancelled => "cancelled",
        }
    }
}

/// Where one person's registration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RsvpStatus {
    /// Has a seat.
    Confirmed,
    /// In line for a seat; promoted in order when one frees up.
    Waiting,
    Cancelled,
}

impl RsvpStatus {
    pub const ALL: [RsvpStatus; 3] = [
        RsvpStatus::Confirmed,
        RsvpStatus::Waiting,
        RsvpStatus::Cancelled,
    ];

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            RsvpStatus::Confirmed => "confirmed",
            RsvpStatus::Waiting => "waiting",
            RsvpStatus::Cancelled => "cancelled",
        }
    }
}

/// Whether an event takes registrations at a given moment, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Window {
    /// Registrations open at this time.
    NotYetOpen(i64),
    Open,
    /// Registrations are closed; the event has not ended yet.
    Closed,
    /// The event took place.
    Past,
    Cancelled,
    /// A draft (staff only).
    Draft,
}

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
    pub starts_at: i64,
    pub ends_at: i64,
    pub venue_name: String,
    pub venue_address: String,
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

/// The rules, in order: a cancelled event or a draft takes nothing; an event that ended took
/// place; before the opening time it is not open yet; from the closing time (by default the
/// start) it is closed.
pub fn window(
    status: EventStatus,
    now: i64,
    opens_at: Option<i64>,
    closes_at: i64,
    ends_at: i64,
) -> Window {
    match status {
        EventStatus::Cancelled => Window::Cancelled,
        EventStatus::Draft => Window::Draft,
        EventStatus::Published if now >= ends_at => Window::Past,
        EventStatus::Published => match opens_at {
            Some(open) if now < open => Window::NotYetOpen(open),
            _ if now >= closes_at => Window::Closed,
            _ => Window::Open,
        },
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

/// The short code of a registration at the door: the last 12 characters of its token (enough
/// to find it among any event's registrations; not enough to use the token). The last, because
/// tokens begin with the time they were made (`auth::new_ordered_token`); registrations made
/// before that were shown the first 12, which the door's search still finds.
pub fn checkin_code(token: &str) -> String {
    let length = token.chars().count();
    token.chars().skip(length.saturating_sub(12)).collect()
}

/// Whether a search at the door is a check-in code (12 lower-case hex characters).
pub fn is_checkin_code(q: &str) -> bool {
    q.len() == 12
        && q.chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
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

/// The staff page of one event: the form's values, counts, the mapped spaces for the venue
/// select, the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffEventPage {
    pub event: StaffEventRow,
    pub input: crate::validate::event::EventInput,
    /// The form's values as read, serialised (sent back with the form: see
    /// `admin::merge_edits`).
    pub base: String,
    pub spaces: Vec<(i64, String)>,
    pub audit: Vec<crate::model::AuditView>,
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
}

/// The staff list of an event's registrations (filtered by `q`, a name or e-mail).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffRsvpsPage {
    pub event: StaffEventRow,
    pub rsvps: Vec<StaffRsvpRow>,
    pub q: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_opens_closes_and_ends() {
        use EventStatus::*;
        let (open, start, end) = (100, 1000, 2000);
        let w = |status, now, opens, closes| window(status, now, opens, closes, end);
        assert_eq!(w(Published, 50, Some(open), start), Window::NotYetOpen(100));
        assert_eq!(w(Published, 100, Some(open), start), Window::Open);
        assert_eq!(w(Published, 50, None, start), Window::Open);
        assert_eq!(w(Published, 999, Some(open), start), Window::Open);
        // Closing at the start by default; earlier when chosen.
        assert_eq!(w(Published, 1000, Some(open), start), Window::Closed);
        assert_eq!(w(Published, 800, Some(open), 800), Window::Closed);
        assert_eq!(w(Published, 1999, None, start), Window::Closed);
        assert_eq!(w(Published, 2000, None, start), Window::Past);
        assert_eq!(w(Cancelled, 500, None, start), Window::Cancelled);
        assert_eq!(w(Draft, 500, None, start), Window::Draft);
    }
}
