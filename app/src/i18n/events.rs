//! Words of the events pages, the RSVP form, the personal registration page and their e-mails
//! (`locales/<lang>/events.ftl`).

use crate::core::lang::Lang;
use std::sync::LazyLock;

words! {
    pub struct EventTexts in "events" {
        nav,
        title,
        intro,
        upcoming,
        past,
        none_upcoming,
        none_past,
        all_events,
        when,
        where_,
        /// The link near the date and seats that jumps to the RSVP form.
        rsvp_jump,
        /// A personal link that leads to no registration any more.
        link_gone_title,
        link_gone_text,
        programme,
        /// The venue's notes on the event page: getting there, accessibility.
        getting_there,
        venue_access,
        organiser,
        contact,
        seats,
        seats_left(left: i64, total: i64),
        full,
        /// "Bologna time, CEST".
        zone_note(abbr: &str),
        venue_on_map,
        add_to_calendar,
        calendar_file,
        took_place(date: &str),
        cancelled,
        not_yet_open(date: &str),
        closed,
        closes(date: &str),
        rsvp_title,
        /// The question asked when many registrations come from one network.
        question(a: i64, b: i64),
        rsvp_intro,
        rsvp_waiting_intro,
        submit,
        submit_waiting,
        affiliation_hint,
        role_hint,
        accessibility_hint,
        email_hint,
        already_registered,
        not_open_error,
        read_more,
        // The personal page.
        your_rsvp,
        status_confirmed,
        status_waiting(n: i64),
        status_cancelled,
        just_registered,
        just_cancelled,
        your_details,
        name,
        cancel_title,
        cancel_confirm_question,
        cancel_confirm,
        cancel_keep,
        just_cancelled_waiting,
        just_cancelled_free,
        cancel_hint,
        cancel_hint_waiting,
        cancel_hint_free,
        cancel_button,
        cannot_cancel,
        register_again,
        register_again_hint,
        register_again_hint_full,
        register_again_other,
        keep_link,
        link_not_found,
        // E-mails.
        mail_subject_confirmed(t: &str),
        mail_subject_waiting(t: &str),
        mail_subject_promoted(t: &str),
        mail_subject_reminder(t: &str),
        mail_subject_cancelled(t: &str),
        mail_subject_rsvp_cancelled(t: &str),
        mail_reminder,
        mail_cancelled,
        mail_rsvp_cancelled,
        /// The person cancelled through their personal link (a seat; a place in line).
        mail_left,
        mail_left_waiting,
        mail_greeting(name: &str),
        mail_confirmed,
        mail_waiting(n: i64),
        mail_promoted,
        mail_resent,
        mail_link,
        /// The same link, once the registration is cancelled.
        mail_link_cancelled,
        mail_calendar,
        mail_door,
        door_title,
        door_hint,
        door_code,
        mail_questions(email: &str),
        mail_footer,
        // Staff.
        staff_intro,
        new_event,
        col_event,
        col_status,
        col_registrations,
        event_draft,
        event_published,
        event_cancelled,
        publish,
        cancel_event,
        cancel_event_step,
        cancel_event_effect(n: i64),
        cancel_event_confirm,
        cancelled_report(n: usize),
        discard_draft,
        discard_draft_effect,
        discard_draft_confirm,
        draft_discarded,
        conflict_title,
        stale,
        cancel_event_hint,
        created,
        saved,
        promoted(n: usize),
        section_texts,
        section_when,
        section_venue,
        section_rsvp,
        venue_none,
        venue_fill_hint,
        travel_hint,
        access_hint,
        venue_imprecise(name: &str),
        venue_imprecise_fix,
        create_event,
        window_hint,
        times_hint,
        slug_hint,
        rsvps_link,
        checkin_link,
        public_page,
        counts(confirmed: i64, capacity: i64, waiting: i64, cancelled: i64, present: i64),
        rsvps_title(t: &str),
        search_label,
        search,
        export_csv,
        col_name,
        col_affiliation,
        col_registered,
        col_present,
        rsvp_confirmed,
        rsvp_waiting,
        rsvp_cancelled,
        mark_present,
        undo_present,
        present_since(t: &str),
        checkin_title(t: &str),
        /// Staff cancel a registration: the link, the confirmation page, what follows.
        cancel_rsvp,
        cancel_rsvp_title(name: &str),
        cancel_rsvp_mail(name: &str),
        cancel_rsvp_seat,
        cancel_rsvp_confirm,
        back_to_rsvps,
        back_to_door,
        already_cancelled(name: &str),
        rsvp_cancelled_done(name: &str),
        /// The same, for someone without an e-mail address.
        cancel_rsvp_no_mail(name: &str),
        rsvp_cancelled_done_no_mail(name: &str),
        /// Staff add a registration (a phone call, a walk-in at the door).
        add_rsvp,
        add_rsvp_title(t: &str),
        add_rsvp_intro,
        add_rsvp_email_hint,
        add_rsvp_full(capacity: i64),
        add_rsvp_submit,
        rsvp_added(name: &str),
        rsvp_added_mail(name: &str),
        /// Staff correct a registration's details.
        edit_rsvp,
        edit_rsvp_title(name: &str),
        edit_rsvp_intro,
        edit_rsvp_email_hint,
        edit_rsvp_submit,
        rsvp_edited(name: &str),
        rsvp_edited_mail(name: &str),
        rsvp_unchanged(name: &str),
        edit_rsvp_clash,
        edit_rsvp_cancelled,
        cancel_rsvp_present(name: &str, t: &str),
        no_email,
        /// Following an event: its daily digest.
        follow,
        unfollow,
        follow_note,
        following_note,
        followed,
        unfollowed,
        checkin_hint,
        door_list,
        door_list_title(t: &str),
        waiting_position(n: i64),
        no_rsvps,
        no_events,
    }
}

pub static EVENTS_IT: LazyLock<EventTexts> = LazyLock::new(|| EventTexts::load(Lang::It));

pub static EVENTS_EN: LazyLock<EventTexts> = LazyLock::new(|| EventTexts::load(Lang::En));

impl EventTexts {
    pub fn status(&self, status: crate::core::model::event::EventStatus) -> &'static str {
        use crate::core::model::event::EventStatus::*;
        match status {
            Draft => self.event_draft,
            Published => self.event_published,
            Cancelled => self.event_cancelled,
        }
    }

    pub fn rsvp_status(&self, status: crate::core::model::event::RsvpStatus) -> &'static str {
        use crate::core::model::event::RsvpStatus::*;
        match status {
            Confirmed => self.rsvp_confirmed,
            Waiting => self.rsvp_waiting,
            Cancelled => self.rsvp_cancelled,
        }
    }
}

/// "lunedì 6 giugno 2022, 17:00–19:00 (ora di Bologna, CEST)".
pub fn when_line(event: &crate::core::view::event::EventView, lang: crate::i18n::Lang) -> String {
    use crate::core::datetime::{span, zone_abbreviation};
    format!(
        "{} ({})",
        span(event.starts_at, event.ends_at, lang),
        (lang.texts().events.zone_note)(&zone_abbreviation(event.starts_at))
    )
}
