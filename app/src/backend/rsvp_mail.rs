//! The e-mails about registrations (confirmed, waiting, promoted, reminded, cancelled), in
//! the language of the person who registered, with the calendar file when they have a seat.

use super::db::{Notice, NoticeKind};
use super::mail::{Email, TextAttachment};
use crate::core::model::event::RsvpStatus;
use crate::core::paths;
use crate::i18n::events::when_line;

/// `spazi.example.it` of `https://spazi.example.it`.
pub fn host_of(base: &str) -> &str {
    base.split("://")
        .nth(1)
        .unwrap_or(base)
        .trim_end_matches('/')
}

/// The e-mails about registrations, with links to this site at `base`.
pub fn composer(base: String, now: i64) -> impl Fn(&Notice) -> Email + Send + Sync {
    move |n: &Notice| rsvp_email(n, &base, now)
}

/// The e-mail about one registration, in its language: what happened, the event, the personal
/// link, and the calendar file when there is a seat.
pub fn rsvp_email(n: &Notice, base: &str, now: i64) -> Email {
    let e = n.lang.texts().events;
    let title = &n.event.title;
    let subject = match (n.kind, n.status) {
        (NoticeKind::Promoted, _) => (e.mail_subject_promoted)(title),
        (NoticeKind::Reminder, _) => (e.mail_subject_reminder)(title),
        (NoticeKind::EventCancelled, _) => (e.mail_subject_cancelled)(title),
        (NoticeKind::RsvpCancelled | NoticeKind::SelfCancelled, _) => {
            (e.mail_subject_rsvp_cancelled)(title)
        }
        (_, RsvpStatus::Waiting) => (e.mail_subject_waiting)(title),
        _ => (e.mail_subject_confirmed)(title),
    };
    let news = match (n.kind, n.status) {
        (NoticeKind::Promoted, _) => e.mail_promoted.to_owned(),
        (NoticeKind::Reminder, _) => e.mail_reminder.to_owned(),
        (NoticeKind::EventCancelled, _) => e.mail_cancelled.to_owned(),
        (NoticeKind::RsvpCancelled, _) => e.mail_rsvp_cancelled.to_owned(),
        (NoticeKind::SelfCancelled, RsvpStatus::Waiting) => e.mail_left_waiting.to_owned(),
        (NoticeKind::SelfCancelled, _) => e.mail_left.to_owned(),
        // The waiting line's words open a sentence of their own here (they follow the
        // greeting elsewhere, lower case).
        (NoticeKind::Resent, RsvpStatus::Waiting) => format!(
            "{} {}",
            e.mail_resent,
            crate::core::text::capitalised(&(e.mail_waiting)(n.queue_position.unwrap_or(1)))
        ),
        (NoticeKind::Resent, _) => e.mail_resent.to_owned(),
        (_, RsvpStatus::Waiting) => (e.mail_waiting)(n.queue_position.unwrap_or(1)),
        _ => e.mail_confirmed.to_owned(),
    };
    let confirmed = n.status == RsvpStatus::Confirmed;
    // After a cancellation (of the registration or of the event) the link only shows what
    // happened, and for those who had a seat the calendar file withdraws the entry the
    // confirmation put in their calendar (`METHOD:CANCEL`).
    let withdrawn = matches!(
        n.kind,
        NoticeKind::RsvpCancelled | NoticeKind::SelfCancelled | NoticeKind::EventCancelled
    );
    let calendar = confirmed && n.kind != NoticeKind::Reminder;
    let mut text = format!(
        "{}\n\n{news}\n\n{}\n{}: {}\n{}: {}, {}\n\n{}\n{base}{}\n",
        (e.mail_greeting)(&n.first_name),
        title,
        e.when,
        when_line(&n.event, n.lang),
        e.where_,
        n.event.venue_name,
        n.event.venue_address,
        if withdrawn {
            e.mail_link_cancelled
        } else {
            e.mail_link
        },
        paths::in_lang(&paths::rsvp(&n.token), n.lang),
    );
    if calendar && !withdrawn {
        text.push_str(&format!("\n{}\n{}\n", e.mail_door, e.mail_calendar));
    }
    text.push_str(&format!(
        "\n{}\n\n-- \n{}\n",
        (e.mail_questions)(&n.event.contact_email),
        e.mail_footer
    ));
    let attachments = if calendar {
        let method = if withdrawn {
            crate::core::calendar::Method::Cancel
        } else {
            crate::core::calendar::Method::Publish
        };
        vec![TextAttachment {
            filename: format!("{}.ics", n.event.slug),
            content_type: format!("text/calendar; charset=utf-8; method={}", method.name()),
            content: crate::core::calendar::ics_for(
                &n.event,
                &format!(
                    "{base}{}",
                    paths::in_lang(&paths::event(&n.event.slug), n.lang)
                ),
                host_of(base),
                now,
                method,
            ),
        }]
    } else {
        Vec::new()
    };
    Email {
        to: n.email.clone(),
        subject,
        text,
        html: None,
        attachments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_base_urls() {
        assert_eq!(host_of("https://spazi.example.it"), "spazi.example.it");
        assert_eq!(host_of("http://127.0.0.1:3000/"), "127.0.0.1:3000");
    }
}
