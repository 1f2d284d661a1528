//! The staff's search across everything (see `core::view::search`): spaces by SQL over their
//! search text and contacts; requests, registrations and events read whole and matched in
//! Rust, as the door's search does (words in any order, accents aside, beginnings of words) —
//! a staff tool over at most some thousands of rows.

use super::{Db, DbError};
use crate::core::model::event::{EventStatus, RsvpStatus};
use crate::core::model::Decision;
use crate::core::text::finds_all_words;
use crate::core::view::search::{FoundEvent, FoundRegistration, StaffSearchPage};
use crate::core::view::SubmissionRow;

/// The shortest query searched (one letter finds everything).
pub const QUERY_MIN_CHARS: usize = 2;

/// A registration: id, event id and title, first and last name, e-mail, status.
type RegistrationRow = (i64, i64, String, String, String, String, String);
/// An event: id, Italian and English titles, slug, venue, start, status.
type EventRow = (i64, String, Option<String>, String, String, i64, String);
/// A request: id, reference, space id and name, municipality, sent at, decision, contact name
/// and e-mail.
type RequestRow = (
    i64,
    String,
    i64,
    String,
    String,
    i64,
    Option<String>,
    String,
    String,
);

impl Db {
    /// What `q` finds, the first of each kind and how many (nothing for a query shorter than
    /// [`QUERY_MIN_CHARS`]).
    pub async fn staff_search(&self, q: &str) -> Result<StaffSearchPage, DbError> {
        let q = q.trim();
        // Letters and digits are what is searched ("%%" or "__" are no query at all).
        let searched: usize = crate::core::text::search_key(q)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count();
        if searched < QUERY_MIN_CHARS {
            return Ok(StaffSearchPage {
                q: q.to_owned(),
                ..Default::default()
            });
        }
        let spaces = self
            .staff_spaces(None, Some(q), (false, false), None)
            .await?;
        let requests: Vec<RequestRow> = sqlx::query_as(
            "SELECT sub.id, sub.reference, sub.space_id, s.name, m.name, sub.submitted_at, \
             sub.decision, sub.contact_name, sub.contact_email \
             FROM submissions sub JOIN spaces s ON s.id = sub.space_id \
             JOIN municipalities m ON m.istat_code = s.municipality_code \
             ORDER BY sub.submitted_at DESC, sub.id DESC",
        )
        .fetch_all(&self.pool)
        .await?;
        let registrations: Vec<RegistrationRow> = sqlx::query_as(
            "SELECT r.id, r.event_id, e.title_it, r.first_name, r.last_name, r.email, r.status \
                 FROM rsvps r JOIN events e ON e.id = r.event_id \
                 ORDER BY e.starts_at DESC, r.last_name, r.first_name, r.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let events: Vec<EventRow> = sqlx::query_as(
            "SELECT id, title_it, title_en, slug, venue_name, starts_at, status FROM events \
                 ORDER BY starts_at DESC, id DESC",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(StaffSearchPage {
            q: q.to_owned(),
            spaces: spaces.into_iter().collect(),
            requests: requests
                .into_iter()
                .filter(|r| finds_all_words(q, &[&r.1, &r.3, &r.4, &r.7, &r.8]))
                .map(|r| SubmissionRow {
                    id: r.0,
                    reference: r.1,
                    space_id: r.2,
                    space_name: r.3,
                    municipality: r.4,
                    submitted_at: r.5,
                    decision: r.6.as_deref().and_then(Decision::from_code),
                })
                .collect(),
            registrations: registrations
                .into_iter()
                .filter(|r| finds_all_words(q, &[&r.3, &r.4, &r.5]))
                .map(|r| FoundRegistration {
                    id: r.0,
                    event_id: r.1,
                    event_title: r.2,
                    first_name: r.3,
                    last_name: r.4,
                    email: r.5,
                    status: RsvpStatus::from_code(&r.6).unwrap_or(RsvpStatus::Cancelled),
                })
                .collect(),
            events: events
                .into_iter()
                .filter(|e| {
                    finds_all_words(q, &[&e.1, e.2.as_deref().unwrap_or_default(), &e.3, &e.4])
                })
                .map(|e| FoundEvent {
                    id: e.0,
                    title: e.1,
                    starts_at: e.5,
                    status: EventStatus::from_code(&e.6).unwrap_or(EventStatus::Draft),
                })
                .collect(),
        })
    }
}
