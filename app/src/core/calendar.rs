//! "Add to calendar": the iCalendar file (RFC 5545) offered for download and attached to the
//! confirmation e-mail, and the links that open Google Calendar and Outlook on the event.
//! Times are written in UTC (`…Z`), which every calendar converts to its user's zone — the
//! event's 17:00 in Bologna stays 17:00 in Bologna — without shipping a VTIMEZONE block.
//! Pure and shared.

use crate::core::datetime::{utc_basic, utc_iso};
use crate::core::model::event::EventStatus;
use crate::core::text::query_encode;
use crate::core::view::event::EventView;

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character, and
/// ends it with CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// The event's text for calendars: the summary, the programme and the page's address.
fn details(event: &EventView, page_url: &str) -> String {
    let mut parts = Vec::new();
    if !event.summary.is_empty() {
        parts.push(event.summary.clone());
    }
    if !event.programme.is_empty() {
        parts.push(event.programme.join("\n"));
    }
    parts.push(page_url.to_owned());
    parts.join("\n\n")
}

fn location(event: &EventView) -> String {
    format!("{}, {}", event.venue_name, event.venue_address)
}

/// What a calendar file asks of the calendar that reads it (RFC 5546).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Add or update the entry.
    Publish,
    /// Withdraw the entry (a registration or the event cancelled): same UID, a later
    /// `SEQUENCE`, `STATUS:CANCELLED`.
    Cancel,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Cancel => "CANCEL",
        }
    }
}

/// The revision number of a calendar file written at `now`: the seconds since 2020, so a later
/// file always supersedes an earlier one — a confirmation after a cancellation (registered
/// again) is not ignored by calendars that hold the cancellation.
fn sequence(now: i64) -> i64 {
    const SINCE: i64 = 1_577_836_800; // 2020-01-01T00:00:00Z
    (now - SINCE).max(0)
}

/// The `.ics` file of one event. `host` names this installation in the event's UID (stable,
/// so re-importing updates the calendar entry instead of duplicating it); `now` is the stamp.
pub fn ics(event: &EventView, page_url: &str, host: &str, now: i64) -> String {
    ics_for(event, page_url, host, now, Method::Publish)
}

/// [`ics`] with its method: [`Method::Cancel`] withdraws the entry [`ics`] put in.
pub fn ics_for(event: &EventView, page_url: &str, host: &str, now: i64, method: Method) -> String {
    let cancel = method == Method::Cancel;
    let mut out = String::new();
    let mut line = |l: String| fold(&l, &mut out);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Città metropolitana di Bologna//Spazi per l'innovazione//IT".into());
    line("CALSCALE:GREGORIAN".into());
    line(format!("METHOD:{}", method.name()));
    line("BEGIN:VEVENT".into());
    line(format!("UID:event-{}@{}", event.id, escape(host)));
    line(format!("SEQUENCE:{}", sequence(now)));
    line(format!("DTSTAMP:{}", utc_basic(now)));
    line(format!("DTSTART:{}", utc_basic(event.starts_at)));
    line(format!("DTEND:{}", utc_basic(event.ends_at)));
    line(format!("SUMMARY:{}", escape(&event.title)));
    line(format!("DESCRIPTION:{}", escape(&details(event, page_url))));
    line(format!("LOCATION:{}", escape(&location(event))));
    if let (Some(lat), Some(lon)) = (event.lat, event.lon) {
        line(format!("GEO:{lat:.6};{lon:.6}"));
    }
    line(format!("URL:{page_url}"));
    line(format!(
        "ORGANIZER;CN=\"{}\":mailto:{}",
        event.organiser.replace(['"', '\r', '\n'], ""),
        event.contact_email
    ));
    line(format!(
        "STATUS:{}",
        if cancel || event.status == EventStatus::Cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        }
    ));
    line("END:VEVENT".into());
    line("END:VCALENDAR".into());
    out
}

/// Opens Google Calendar with the event filled in.
pub fn google_link(event: &EventView, page_url: &str) -> String {
    format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}&location={}&ctz={}",
        query_encode(&event.title),
        utc_basic(event.starts_at),
        utc_basic(event.ends_at),
        query_encode(&details(event, page_url)),
        query_encode(&location(event)),
        query_encode(crate::core::datetime::ZONE),
    )
}

/// Opens Outlook on the web with the event filled in.
pub fn outlook_link(event: &EventView, page_url: &str) -> String {
    format!(
        "https://outlook.live.com/calendar/0/action/compose?rru=addevent&subject={}&startdt={}&enddt={}&body={}&location={}",
        query_encode(&event.title),
        query_encode(&utc_iso(event.starts_at)),
        query_encode(&utc_iso(event.ends_at)),
        query_encode(&details(event, page_url)),
        query_encode(&location(event)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn launch() -> EventView {
        EventView {
            id: 1,
            slug: "lancio-forum-2022".into(),
            status: EventStatus::Published,
            title: "Nasce il Forum, insieme; davvero".into(),
            summary: "Spazi\\coworking".into(),
            description: String::new(),
            programme: vec!["17:00 Accoglienza".into(), "19:00 Chiusura".into()],
            travel: String::new(),
            access: String::new(),
            starts_at: 1_654_527_600,
            ends_at: 1_654_534_800,
            venue_name: "BIG – Boost Innovation Garage".into(),
            venue_address: "Via della Ferriera 4, Bologna".into(),
            lat: Some(44.493758),
            lon: Some(11.343031),
            venue_space: None,
            organiser: "Città metropolitana di Bologna".into(),
            contact_email: "progimpresa@cittametropolitana.bo.it".into(),
            capacity: 80,
            seats_taken: 0,
            waiting: 0,
            rsvp_opens_at: None,
            rsvp_closes_at: None,
            in_italian: Default::default(),
        }
    }

    #[test]
    fn the_calendar_file_is_well_formed() {
        let text = ics(
            &launch(),
            "https://spazi.example.it/eventi/lancio-forum-2022",
            "spazi.example.it",
            1_654_000_000,
        );
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(text.contains("\r\nDTSTART:20220606T150000Z\r\n"));
        assert!(text.contains("\r\nDTEND:20220606T170000Z\r\n"));
        assert!(text.contains("\r\nUID:event-1@spazi.example.it\r\n"));
        // A later file supersedes an earlier one: its revision is higher.
        let later = ics(
            &launch(),
            "https://spazi.example.it/eventi/x",
            "spazi.example.it",
            1_654_000_100,
        );
        let revision = |t: &str| -> i64 {
            t.split("\r\n")
                .find_map(|l| l.strip_prefix("SEQUENCE:"))
                .unwrap()
                .parse()
                .unwrap()
        };
        assert!(revision(&later) > revision(&text));
        let cancel = ics_for(
            &launch(),
            "u",
            "spazi.example.it",
            1_654_000_200,
            Method::Cancel,
        );
        assert!(
            cancel.contains("\r\nMETHOD:CANCEL\r\n") && cancel.contains("\r\nSTATUS:CANCELLED\r\n")
        );
        assert!(revision(&cancel) > revision(&later));
        assert!(text.contains("SUMMARY:Nasce il Forum\\, insieme\\; davvero\r\n"));
        assert!(text.contains("GEO:44.493758;11.343031"));
        // No line longer than 75 octets; continuation lines start with a space.
        for l in text.split("\r\n") {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded
            .contains("DESCRIPTION:Spazi\\\\coworking\\n\\n17:00 Accoglienza\\n19:00 Chiusura\\n\\nhttps://spazi.example.it/eventi/lancio-forum-2022\r\n"));
        assert!(unfolded
            .contains("LOCATION:BIG – Boost Innovation Garage\\, Via della Ferriera 4\\, Bologna"));
    }

    #[test]
    fn folding_never_splits_a_character() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "è".repeat(60)), &mut out);
        assert!(out.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "è".repeat(60))
        );
    }

    #[test]
    fn calendar_links_carry_the_utc_times() {
        let g = google_link(&launch(), "https://x.it/eventi/a");
        assert!(g.contains("dates=20220606T150000Z/20220606T170000Z"));
        assert!(g.contains("ctz=Europe%2FRome"));
        assert!(g.contains("text=Nasce+il+Forum%2C+insieme%3B+davvero"));
        let o = outlook_link(&launch(), "https://x.it/eventi/a");
        assert!(o.contains("startdt=2022-06-06T15%3A00%3A00Z"));
        assert!(o.contains("enddt=2022-06-06T17%3A00%3A00Z"));
    }
}
