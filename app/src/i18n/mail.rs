//! Words of the e-mails about join requests and staff accounts (those about registrations are
//! in `events`, the join confirmation's summary in `join`). Every e-mail has the same shape:
//! `greeting`, its paragraphs, then `signature` (see `backend::emails`). The words themselves
//! are in `locales/<lang>/mail.ftl`.

use crate::core::lang::Lang;
use std::sync::LazyLock;

words! {
    pub struct MailTexts in "mail" {
        /// The greeting without a name, and with one.
        greeting,
        greeting_to(name: &str),
        /// The sender, under every e-mail.
        signature,
        /// To staff: a new join request (never the submitter's words in the subject).
        new_request_subject(r: &str),
        new_request_intro,
        new_request_space,
        new_request_organisation,
        new_request_contact,
        new_request_reference,
        new_request_review,
        /// The spaces of the map a new request may repeat.
        new_request_duplicates(names: &str),
        /// To the submitter: the decision on their request (reference code).
        approved_subject(r: &str),
        approved(space: &str, link: &str),
        changes_subject(r: &str),
        changes(space: &str, reason: &str, r: &str),
        rejected_subject(r: &str),
        rejected(space: &str, reason: &str, r: &str),
        /// To a colleague invited to the staff area.
        invitation_subject,
        /// (the admin who invites, the link)
        invitation(admin: &str, link: &str),
        /// To a member of staff who asked for a new password.
        reset_subject,
        reset(link: &str),
        /// A join request merged into the listing it repeats.
        merged_subject(r: &str),
        merged(space: &str, link: &str),
        /// The daily digest of the events a member of staff follows.
        digest_subject(n: i64),
        digest_intro,
        digest_event(title: &str, date: &str),
        digest_new(n: i64, names: &str),
        digest_cancelled(n: i64, names: &str),
        digest_more(n: i64),
        digest_footer,
    }
}

impl MailTexts {
    /// "Buongiorno Anna," — or without a name when there is none.
    pub fn greet(&self, name: &str) -> String {
        if name.is_empty() {
            self.greeting.to_owned()
        } else {
            (self.greeting_to)(name)
        }
    }
}

pub static MAIL_IT: LazyLock<MailTexts> = LazyLock::new(|| MailTexts::load(Lang::It));
pub static MAIL_EN: LazyLock<MailTexts> = LazyLock::new(|| MailTexts::load(Lang::En));
