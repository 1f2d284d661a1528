//! Events and RSVPs: their statuses and the rules of the registration window. Shared by the
//! server and the browser; times are Unix seconds (see `core::datetime` for Rome time).

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
